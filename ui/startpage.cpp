#include "startpage.h"

#include "document.h"
#include "people.h"
#include "rework.h"

#include <QAction>
#include <QDate>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QScrollArea>
#include <QVBoxLayout>

namespace stable {

namespace {

QLabel* plainLabel(const QString& text, QWidget* parent)
{
    auto* label = new QLabel(text, parent);
    label->setTextFormat(Qt::PlainText);
    label->setWordWrap(true);
    return label;
}

} // namespace

StartPage::StartPage(QWidget* parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("startPage"));
    auto* page = new QWidget;
    auto* column = new QVBoxLayout(page);
    column->setContentsMargins(24, 18, 24, 18);
    column->setSpacing(12);

    m_title = plainLabel(tr("Start here"), page);
    QFont big = m_title->font();
    big.setPointSizeF(big.pointSizeF() * 1.5);
    big.setBold(true);
    m_title->setFont(big);
    m_intro = plainLabel(tr("This library has no value stream yet. Three things make it useful; each button "
                            "below does one of them, and the same commands are in the menus."),
                         page);
    column->addWidget(m_title);
    column->addWidget(m_intro);

    auto* tasks = new QGridLayout;
    tasks->setHorizontalSpacing(12);
    tasks->setVerticalSpacing(14);
    column->addLayout(tasks);
    // A task's mark, its title and what it is for, and its buttons on the right.
    const auto place = [tasks, page](const Task& task, const QList<QPushButton*>& buttons) {
        const int row = tasks->rowCount();
        auto* box = new QWidget(page);
        auto* stack = new QVBoxLayout(box);
        stack->setContentsMargins(0, 0, 0, 0);
        for (QPushButton* button : buttons)
            stack->addWidget(button);
        tasks->addWidget(task.state, row, 0, 2, 1, Qt::AlignTop);
        tasks->addWidget(task.title, row, 1);
        tasks->addWidget(task.detail, row + 1, 1);
        tasks->addWidget(box, row, 2, 2, 1, Qt::AlignTop | Qt::AlignRight);
    };

    m_addPerson = actionButton(tr("Add &Yourself…"), QStringLiteral("addPersonAction"));
    m_addPerson->setObjectName(QStringLiteral("startAddPerson"));
    m_person = addTask(tr("1. Add yourself"), {});
    place(m_person, {m_addPerson});
    QPushButton* settings = actionButton(tr("Library &Settings…"), QStringLiteral("librarySettingsAction"));
    settings->setObjectName(QStringLiteral("startSettings"));
    m_hours = addTask(tr("2. Set the team's hours"), {});
    place(m_hours, {settings});
    QPushButton* fromTemplate = actionButton(tr("&New Value Stream…"), QStringLiteral("newStreamAction"));
    fromTemplate->setObjectName(QStringLiteral("startNewStream"));
    QPushButton* bpmn = actionButton(tr("Import &BPMN…"), QStringLiteral("importBpmnAction"));
    bpmn->setObjectName(QStringLiteral("startImportBpmn"));
    m_stream =
        addTask(tr("3. Write down your first value stream"),
                tr("Start from a template (a software release, the execution plan of a high-risk change) "
                   "or a blank stream and adapt its steps and checks, or bring in a process drawn in "
                   "Visio, Signavio, Camunda or Bizagi as a BPMN 2.0 model."));
    place(m_stream, {fromTemplate, bpmn});
    tasks->setColumnStretch(1, 1);

    m_after =
        plainLabel(tr("Then: publish the stream when it is ready (Process → Publish Revision…), run its "
                      "checklist for the next release or change (Process → Start Run…), and when a "
                      "defect escapes, record it (Process → New Incident…) and sharpen the check at the "
                      "step that put it in. The Console shows the hidden factory shrink."),
                   page);
    column->addWidget(m_after);
    column->addStretch(1);
    m_texts << m_title << m_intro << m_after;

    // A window of 1024×768 shows it all; a smaller one scrolls.
    auto* scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(page);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(scroll);
    refresh();
}

StartPage::Task StartPage::addTask(const QString& title, const QString& detail)
{
    Task task;
    task.state = new QLabel(this);
    task.state->setTextFormat(Qt::PlainText);
    task.state->setMinimumWidth(fontMetrics().horizontalAdvance(QStringLiteral("✓ ")) + 4);
    task.title = plainLabel(title, this);
    QFont bold = task.title->font();
    bold.setBold(true);
    task.title->setFont(bold);
    task.detail = plainLabel(detail, this);
    m_texts << task.title << task.detail;
    return task;
}

QPushButton* StartPage::actionButton(const QString& text, const QString& actionName)
{
    auto* button = new QPushButton(text, this);
    connect(button, &QPushButton::clicked, this, [this, actionName] { trigger(actionName); });
    return button;
}

void StartPage::trigger(const QString& actionName)
{
    // The main window's action of that name: the start page does what the menu does.
    if (QAction* action = window()->findChild<QAction*>(actionName); action && action->isEnabled())
        action->trigger();
}

void StartPage::setDone(const Task& task, bool done, const QString& detail)
{
    task.state->setText(done ? QStringLiteral("✓") : QStringLiteral("•"));
    task.state->setAccessibleName(done ? tr("Done") : tr("To do"));
    task.title->setEnabled(!done);
    task.detail->setText(detail);
}

void StartPage::setDocument(Document* document)
{
    if (m_document)
        disconnect(m_document, nullptr, this, nullptr);
    m_document = document;
    if (m_document)
        connect(m_document, &Document::changed, this, [this](Changes what) {
            if (what & (Change::People | Change::TeamHours | Change::External))
                refresh();
        });
    refresh();
}

void StartPage::refresh()
{
    QStringList signers;
    std::optional<double> hours;
    const QDate today = QDate::currentDate();
    if (m_document) {
        if (auto people = listPeople(m_document->library()); people.ok())
            for (const Person& person : people.value())
                signers << QStringLiteral("%1 (%2)").arg(person.name, person.initials);
        if (auto recorded = teamHoursOf(m_document->library(), today.toString(QStringLiteral("yyyy-MM")));
            recorded.ok())
            hours = recorded.value();
    }
    m_addPerson->setText(signers.isEmpty() ? tr("Add &Yourself…") : tr("Add &Another Person…"));
    setDone(m_person, !signers.isEmpty(),
            signers.isEmpty()
                ? tr("Signing a checklist and publishing a process need a person with a PIN of their own; "
                     "the others follow in Library → People…")
                : tr("Can sign and publish: %1. The others follow in Library → People…")
                      .arg(signers.join(QStringLiteral(", "))));
    const QString month = QLocale().toString(today, QStringLiteral("MMMM yyyy"));
    setDone(m_hours, hours.has_value(),
            hours ? tr("%1 h recorded for %2; each month's hours are in Library → Library Settings…")
                        .arg(QLocale().toString(*hours), month)
                  : tr("The hidden factory is rework and fire-fighting as a share of the hours the team "
                       "works in a month: give %1's hours, and the hourly rate for the cost of poor quality.")
                        .arg(month));
    setDone(m_stream, false, m_stream.detail->text()); // once there is one, the Library view shows it
}

QString StartPage::text() const
{
    QStringList texts;
    for (const QLabel* label : m_texts)
        texts << label->text();
    return texts.join(QLatin1Char('\n'));
}

} // namespace stable
