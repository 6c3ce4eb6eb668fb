// Library → Library Settings… as a person meets it: team hours, the hourly rate and its currency and a
// threshold typed into the window change the console's figures and labels; a value the library would
// refuse is refused in the window with the reason, writing nothing; the real stablectl reads what the
// window wrote, and the window shows what stablectl wrote.
#include "console/chartpanel.h"
#include "console/consoleview.h"
#include "console/seriestablemodel.h"
#include "document.h"
#include "fixtures.h"
#include "librarysettingsdialog.h"
#include "mainwindow.h"
#include "rework.h"
#include "startup.h"
#include "testlibrary.h"
#include "trywait.h"

#include <QAbstractAxis>
#include <QChart>
#include <QChartView>
#include <QDateEdit>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QProcess>
#include <QPushButton>
#include <QStandardPaths>
#include <QTest>

using namespace stable;
using namespace stable::test;

namespace {

const QString thisMonth = QDate::currentDate().toString(QStringLiteral("yyyy-MM"));

// What the user would type: the field emptied, then the text.
void retype(QWidget* dialog, const QString& field, const QString& text)
{
    auto* edit = dialog->findChild<QLineEdit*>(field);
    QVERIFY2(edit, qPrintable(field));
    QTest::keyClick(edit, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClick(edit, Qt::Key_Delete);
    QTest::keyClicks(edit, text);
}

QString stablectl(const QStringList& arguments)
{
    QProcess process;
    process.start(QStringLiteral(STABLECTL_PATH), arguments);
    if (!process.waitForFinished(60000) || process.exitCode() != 0)
        qWarning("stablectl %s: %s", qPrintable(arguments.join(QLatin1Char(' '))),
                 process.readAllStandardError().constData());
    return QString::fromUtf8(process.readAllStandardOutput());
}

QStringList axisTitles(ChartPanel* panel)
{
    QStringList titles;
    for (QAbstractAxis* axis : panel->chartView()->chart()->axes())
        titles << axis->titleText();
    return titles;
}

} // namespace

class TestLibrarySettings : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    // The sample stream, 8 rework hours today on its build step; nothing else recorded.
    void init()
    {
        m_lib = std::make_unique<TempLibrary>();
        publishSample(**m_lib, m_lib->signer(QStringLiteral("Ann Lee"), QStringLiteral("AL")));
        m_lib->clock().set(QDateTime::currentDateTimeUtc());
        NewRework rework;
        rework.date = QDate::currentDate();
        rework.hours = 8;
        rework.stream = QStringLiteral("release");
        rework.step = QStringLiteral("build");
        QVERIFY(addRework(**m_lib, rework).ok());
        m_lib->close();
        m_window = std::make_unique<MainWindow>();
        installViews(*m_window);
        m_window->resize(1400, 900);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        QVERIFY(m_window->openLibrary(m_lib->path(), View::Console).ok());
        m_console = qobject_cast<ConsoleView*>(m_window->viewWidget(View::Console));
        QVERIFY(m_console);
        STABLE_TRY_VERIFY_WITH_TIMEOUT(!m_console->isBusy(), 20000);
        QVERIFY2(m_console->series(), qPrintable(m_console->stateLabel()->text()));
    }

    void cleanup()
    {
        m_window.reset();
        m_lib.reset();
    }

    void whatIsTypedChangesTheConsole()
    {
        ChartPanel* cost = m_console->panel(QStringLiteral("costOfPoorQuality"));
        QCOMPARE(cost->title(), QStringLiteral("Cost of poor quality: 0 in the period"));
        QCOMPARE(cost->model()->table().columns.last(), QStringLiteral("Cost"));
        QVERIFY(!m_console->panel(QStringLiteral("hiddenFactory"))->model()->table().rows.isEmpty());

        QDialog* dialog = openSettings();
        QVERIFY(dialog);
        QCOMPARE(dialog->findChild<QDateEdit*>(QStringLiteral("teamHoursMonth"))
                     ->date()
                     .toString(QStringLiteral("yyyy-MM")),
                 thisMonth);
        QCOMPARE(dialog->findChild<QLineEdit*>(QStringLiteral("teamHours"))->text(), QString());
        retype(dialog, QStringLiteral("teamHours"), QStringLiteral("160"));
        retype(dialog, QStringLiteral("hourlyRate"), QStringLiteral("45"));
        retype(dialog, QStringLiteral("currency"), QStringLiteral("eur")); // capitals as it is typed
        QCOMPARE(dialog->findChild<QLineEdit*>(QStringLiteral("currency"))->text(), QStringLiteral("EUR"));
        retype(dialog, QStringLiteral("fpyAlertThreshold"), QStringLiteral("0.75"));
        QTest::mouseClick(dialog->findChild<QPushButton*>(QStringLiteral("saveButton")), Qt::LeftButton);
        STABLE_TRY_VERIFY(!dialog->isVisible());

        // 8 h × 45 EUR; the same rule in the title, the axis and the table's heading.
        STABLE_TRY_COMPARE_WITH_TIMEOUT(cost->title(),
                                        QStringLiteral("Cost of poor quality: 360 EUR in the period"), 20000);
        STABLE_TRY_VERIFY(!m_console->isBusy());
        QVERIFY2(axisTitles(cost).contains(QStringLiteral("Cost (EUR) · 45 EUR per rework hour")),
                 qPrintable(axisTitles(cost).join(QLatin1String(" | "))));
        QCOMPARE(cost->model()->table().columns.last(), QStringLiteral("Cost (EUR)"));
        // 8 of 160 team hours: 5 % this month.
        const SeriesTable factory = m_console->panel(QStringLiteral("hiddenFactory"))->model()->table();
        const qsizetype percent = factory.columns.indexOf(QStringLiteral("Hidden factory %"));
        QVERIFY(percent >= 0);
        bool found = false;
        for (const QList<QVariant>& row : factory.rows)
            if (row.value(0).toString() == thisMonth) {
                found = true;
                QCOMPARE(row.value(percent).toDouble(), 5.0);
            }
        QVERIFY(found);

        Library& library = m_window->document()->library();
        QCOMPARE(setting(library, QStringLiteral("fpy-alert-threshold")).value(), QStringLiteral("0.75"));
        // Untouched settings stay defaults: no record for what nobody chose.
        QCOMPARE(rowCount(library, QStringLiteral("setting")), 3);
    }

    void aRefusedValueSaysWhyAndWritesNothing()
    {
        QDialog* dialog = openSettings();
        QVERIFY(dialog);
        auto* message = dialog->findChild<QLabel*>(QStringLiteral("message"));
        auto* save = dialog->findChild<QPushButton*>(QStringLiteral("saveButton"));
        Library& library = m_window->document()->library();
        const RowCounts before = rowCounts(library, {QStringLiteral("setting"), QStringLiteral("team_hours"),
                                                     QStringLiteral("audit_event")});
        const QList<std::pair<QString, QString>> refusals = {
            {QStringLiteral("hourlyRate"),
             QStringLiteral("Hourly rate must be a number from 0 to 100000 (got ‘abc’).")},
            {QStringLiteral("currency"),
             QStringLiteral(
                 "Currency must be an ISO 4217 code of three capital letters, such as EUR, or empty for none "
                 "(got ‘EU’).")},
            {QStringLiteral("fpyAlertThreshold"),
             QStringLiteral("First-pass yield alert must be a number from 0 to 1 (got ‘1.5’).")},
            {QStringLiteral("teamHours"),
             QStringLiteral("Team hours of %1 must be more than 0 and at most 1000000 (got -5).")
                 .arg(thisMonth)},
        };
        const QMap<QString, QString> typed = {{QStringLiteral("hourlyRate"), QStringLiteral("abc")},
                                              {QStringLiteral("currency"), QStringLiteral("EU")},
                                              {QStringLiteral("fpyAlertThreshold"), QStringLiteral("1.5")},
                                              {QStringLiteral("teamHours"), QStringLiteral("-5")}};
        for (const auto& [field, expected] : refusals) {
            const QString original = dialog->findChild<QLineEdit*>(field)->text();
            retype(dialog, field, typed.value(field));
            QTest::mouseClick(save, Qt::LeftButton);
            QVERIFY(dialog->isVisible());
            QVERIFY(message->isVisible());
            QCOMPARE(message->text(), expected);
            QCOMPARE(rowCounts(library, before.keys()), before);
            retype(dialog, field, original);
        }
        QTest::mouseClick(save, Qt::LeftButton);
        STABLE_TRY_VERIFY(!dialog->isVisible());
        QCOMPARE(rowCounts(library, before.keys()), before); // nothing changed, nothing recorded
    }

    void stablectlAndTheWindowReadTheSameRecords()
    {
        const QString path = m_window->document()->path();
        QDialog* dialog = openSettings();
        QVERIFY(dialog);
        retype(dialog, QStringLiteral("teamHours"), QStringLiteral("160"));
        retype(dialog, QStringLiteral("hourlyRate"), QStringLiteral("45"));
        retype(dialog, QStringLiteral("currency"), QStringLiteral("EUR"));
        retype(dialog, QStringLiteral("staleDraftDays"), QStringLiteral("12"));
        QTest::mouseClick(dialog->findChild<QPushButton*>(QStringLiteral("saveButton")), Qt::LeftButton);
        STABLE_TRY_VERIFY(!dialog->isVisible());
        m_window->closeLibrary();

        const QJsonObject metrics =
            QJsonDocument::fromJson(
                stablectl({QStringLiteral("metrics"), path, QStringLiteral("--json")}).toUtf8())
                .object();
        QCOMPARE(metrics.value(QStringLiteral("copq")).toDouble(), 360.0);
        const QJsonArray months = metrics.value(QStringLiteral("hidden_factory")).toArray();
        QVERIFY(!months.isEmpty());
        QCOMPARE(months.last().toObject().value(QStringLiteral("team_hours")).toDouble(), 160.0);
        const QString exported = m_lib->file(QStringLiteral("out.json"));
        stablectl({QStringLiteral("export"), path, exported});
        QFile file(exported);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QJsonObject settings =
            QJsonDocument::fromJson(file.readAll()).object().value(QStringLiteral("settings")).toObject();
        QCOMPARE(settings.value(QStringLiteral("currency")).toString(), QStringLiteral("EUR"));
        QCOMPARE(settings.value(QStringLiteral("hourly-rate")).toString(), QStringLiteral("45"));
        QCOMPARE(settings.value(QStringLiteral("stale-draft-days")).toString(), QStringLiteral("12"));

        // And the other way: what stablectl sets, the window shows.
        QVERIFY(stablectl({QStringLiteral("settings"), QStringLiteral("set"), path,
                           QStringLiteral("currency"), QStringLiteral("USD")})
                    .contains(QStringLiteral("currency = USD")));
        QVERIFY(m_window->openLibrary(path).ok());
        dialog = openSettings();
        QVERIFY(dialog);
        QCOMPARE(dialog->findChild<QLineEdit*>(QStringLiteral("currency"))->text(), QStringLiteral("USD"));
        QCOMPARE(dialog->findChild<QLineEdit*>(QStringLiteral("teamHours"))->text(), QStringLiteral("160"));
        dialog->reject();
    }

private:
    QDialog* openSettings()
    {
        auto* action = m_window->findChild<QAction*>(QStringLiteral("librarySettingsAction"));
        if (!action)
            return nullptr;
        action->trigger();
        LibrarySettingsDialog* found = nullptr;
        const bool shown = QTest::qWaitFor([&] {
            for (auto* dialog : m_window->findChildren<LibrarySettingsDialog*>())
                if (dialog->isVisible())
                    found = dialog;
            return found != nullptr;
        });
        return shown ? found : nullptr;
    }

    std::unique_ptr<TempLibrary> m_lib;
    std::unique_ptr<MainWindow> m_window;
    ConsoleView* m_console = nullptr;
};

QTEST_MAIN(TestLibrarySettings)
#include "tst_librarysettings.moc"
