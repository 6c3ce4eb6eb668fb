#include "librarysettingsdialog.h"

#include "document.h"
#include "fieldbounds.h"
#include "plaintext.h"
#include "rework.h"

#include <QDateEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QVBoxLayout>

namespace stable {

namespace {

const QString monthFormat = QStringLiteral("yyyy-MM");

QString numberText(double value)
{
    return QString::number(value, 'g', 12);
}

// A number as the person typed it: in their locale ("1.234,5" in German), else as the command line
// takes it ("1234.5"); what is neither is passed on, for core to refuse with its message.
QString typedNumber(const QString& text)
{
    bool ok = false;
    const double value = QLocale().toDouble(text.trimmed(), &ok);
    return ok ? numberText(value) : text.trimmed();
}

} // namespace

LibrarySettingsDialog::LibrarySettingsDialog(Document& document, QWidget* parent)
    : QDialog(parent)
    , m_document(document)
{
    setObjectName(QStringLiteral("librarySettingsDialog"));
    setWindowTitle(tr("Library Settings — %1").arg(document.title()));

    m_month = new QDateEdit(this);
    m_month->setObjectName(QStringLiteral("teamHoursMonth"));
    m_month->setDisplayFormat(monthFormat);
    m_month->setMinimumDate(QDate(2000, 1, 1));
    const QDate today = document.library().clock().now().date();
    m_month->setDate(QDate(today.year(), today.month(), 1));
    m_teamHours = new QLineEdit(this);
    m_teamHours->setObjectName(QStringLiteral("teamHours"));
    m_teamHours->setPlaceholderText(tr("not recorded"));
    auto* factory = new QGroupBox(tr("Hidden factory"), this);
    auto* factoryForm = new QFormLayout(factory);
    factoryForm->addRow(tr("&Month:"), m_month);
    factoryForm->addRow(tr("&Team hours in that month:"), m_teamHours);
    auto* factoryHint = new QLabel(tr("Everyone's working hours together: the console divides the month's "
                                      "rework hours by them."),
                                   factory);
    factoryHint->setWordWrap(true);
    factoryForm->addRow(factoryHint);

    m_labels = {{QStringLiteral("hourly-rate"), tr("Hourly rate")},
                {QStringLiteral("currency"), tr("Currency")},
                {QStringLiteral("fpy-alert-threshold"), tr("First-pass yield alert")},
                {QStringLiteral("unanalysed-alert-days"), tr("Unanalysed incident alert")},
                {QStringLiteral("verify-after-runs"), tr("Runs to verify a prevention")},
                {QStringLiteral("stale-draft-days"), tr("Unpublished draft warning")}};
    auto* cost = new QGroupBox(tr("Cost of poor quality"), this);
    auto* costForm = new QFormLayout(cost);
    costForm->addRow(tr("Hourly &rate:"),
                     settingField(QStringLiteral("hourly-rate"), QStringLiteral("hourlyRate")));
    QLineEdit* currency = settingField(QStringLiteral("currency"), QStringLiteral("currency"));
    currency->setMaxLength(3);
    currency->setPlaceholderText(tr("e.g. EUR, USD; empty for none"));
    // ISO 4217 codes are capitals; typing "eur" gives "EUR".
    connect(currency, &QLineEdit::textEdited, currency, [currency](const QString& text) {
        const int cursor = currency->cursorPosition();
        currency->setText(text.toUpper());
        currency->setCursorPosition(cursor);
    });
    costForm->addRow(tr("C&urrency (ISO 4217):"), currency);

    auto* alerts = new QGroupBox(tr("Alerts"), this);
    auto* alertsForm = new QFormLayout(alerts);
    alertsForm->addRow(
        tr("Alert when a step's first-pass &yield is below (0 to 1):"),
        settingField(QStringLiteral("fpy-alert-threshold"), QStringLiteral("fpyAlertThreshold")));
    alertsForm->addRow(
        tr("Alert when an incident is &not analysed after (days):"),
        settingField(QStringLiteral("unanalysed-alert-days"), QStringLiteral("unanalysedAlertDays")));
    alertsForm->addRow(tr("A prevention is &verified after (closed runs):"),
                       settingField(QStringLiteral("verify-after-runs"), QStringLiteral("verifyAfterRuns")));
    alertsForm->addRow(tr("Warn about a &draft unpublished for (days):"),
                       settingField(QStringLiteral("stale-draft-days"), QStringLiteral("staleDraftDays")));

    m_message = plainLabel(new QLabel(this));
    m_message->setObjectName(QStringLiteral("message"));
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QPalette red = m_message->palette();
    red.setColor(QPalette::WindowText, QColor(190, 30, 30));
    m_message->setPalette(red);
    m_message->hide();

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Save)->setObjectName(QStringLiteral("saveButton"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(factory);
    layout->addWidget(cost);
    layout->addWidget(alerts);
    layout->addWidget(m_message);
    layout->addStretch(1);
    layout->addWidget(buttons);

    connect(m_month, &QDateEdit::dateChanged, this, &LibrarySettingsDialog::loadTeamHours);
    loadTeamHours();
    const bool readOnly = document.library().isReadOnly();
    buttons->button(QDialogButtonBox::Save)->setEnabled(!readOnly);
    if (readOnly) {
        m_message->setText(document.library().readOnlyReason());
        m_message->show();
    }
}

QLineEdit* LibrarySettingsDialog::settingField(const QString& name, const QString& objectName)
{
    auto* edit = new QLineEdit(this);
    edit->setObjectName(objectName);
    auto value = setting(m_document.library(), name);
    const QString stored = value.ok() ? value.value() : QString();
    bool isNumber = false;
    const double number = stored.toDouble(&isNumber);
    edit->setText(isNumber ? QLocale().toString(number, 'g', 12) : stored);
    m_settings.insert(name, edit);
    return edit;
}

void LibrarySettingsDialog::loadTeamHours()
{
    auto hours = teamHoursOf(m_document.library(), m_month->date().toString(monthFormat));
    m_storedTeamHours = hours.ok() && hours->has_value() ? QLocale().toString(**hours, 'g', 12) : QString();
    m_teamHours->setText(m_storedTeamHours);
}

QString LibrarySettingsDialog::problem() const
{
    if (m_teamHours->text() != m_storedTeamHours) {
        const QString month = m_month->date().toString(monthFormat);
        bool ok = false;
        const double hours = QLocale().toDouble(m_teamHours->text().trimmed(), &ok);
        if (!ok || m_teamHours->text().trimmed().isEmpty())
            return tr("Team hours of %1 must be a number of hours, more than 0 (got ‘%2’).")
                .arg(month, m_teamHours->text());
        if (const Status fits = checkTeamHours(month, hours); !fits.ok())
            return fits.message();
    }
    for (auto field = m_settings.cbegin(); field != m_settings.cend(); ++field) {
        const QString value = field.key() == QLatin1String("currency") ? field.value()->text().trimmed()
                                                                       : typedNumber(field.value()->text());
        if (const Status fits = checkSetting(field.key(), value); !fits.ok()) {
            // Core names the setting as stablectl does; the form names it as its label does.
            QString message = fits.message();
            if (message.startsWith(field.key()))
                message.replace(0, field.key().size(), m_labels.value(field.key()));
            return message;
        }
    }
    return {};
}

void LibrarySettingsDialog::accept()
{
    const QString refused = problem();
    m_message->setText(refused);
    m_message->setVisible(!refused.isEmpty());
    if (!refused.isEmpty())
        return;
    Library& library = m_document.library();
    if (m_teamHours->text() != m_storedTeamHours) {
        const Status done = setTeamHours(library, m_month->date().toString(monthFormat),
                                         QLocale().toDouble(m_teamHours->text().trimmed()));
        if (!done.ok()) {
            m_message->setText(done.message());
            m_message->show();
            return;
        }
    }
    for (auto field = m_settings.cbegin(); field != m_settings.cend(); ++field) {
        const QString value = field.key() == QLatin1String("currency") ? field.value()->text().trimmed()
                                                                       : typedNumber(field.value()->text());
        auto stored = setting(library, field.key());
        // A default left as it is stays a default: no record for a value nobody chose.
        if (stored.ok() && (stored.value() == value || (field.key() != QLatin1String("currency") &&
                                                        stored->toDouble() == value.toDouble())))
            continue;
        const Status done = setSetting(library, field.key(), value);
        if (!done.ok()) {
            m_message->setText(done.message());
            m_message->show();
            return;
        }
    }
    QDialog::accept();
}

} // namespace stable
