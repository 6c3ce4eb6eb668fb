// The paper fallback of a run: what a change window works from when the app is not at hand, laid out so
// that each signature can be entered in the app afterwards exactly as written.
#include "checklistprint.h"

#include <QRegularExpression>

namespace stable {

namespace {

// Room to write a name or a signature by hand, in points (about 8 mm).
constexpr qreal handwriting = 22.0;

QString stageTitle(Stage stage)
{
    switch (stage) {
    case Stage::Entry:
        return QStringLiteral("Entry checks (what arrives)");
    case Stage::InProcess:
        return QStringLiteral("In-process checks");
    case Stage::Exit:
        return QStringLiteral("Exit checks (what leaves)");
    }
    return {};
}

const QList<qreal> signatureColumns{0.30, 0.28, 0.22, 0.20};

// One row: a cell per component of a signature, a caption on top and room to write below. The caption
// ("First signer ·") has a line of its own so that "Printed name" never breaks across lines.
Row signatureRow(const QString& caption)
{
    Text name;
    if (!caption.isEmpty())
        name.add(caption, Caption).lineBreak();
    name.add(QStringLiteral("Printed name"), Caption);
    Text date(QStringLiteral("Date/time (UTC)"), Caption);
    date.lineBreak().lineBreak().add(QStringLiteral("YYYY-MM-DD hh:mm Z"), Muted);
    Text meaning(QStringLiteral("Meaning"), Caption);
    meaning.lineBreak().add(tickBox + QStringLiteral(" performed")).lineBreak().add(tickBox + QStringLiteral(" verified"));
    Row row;
    row.cells = {Cell{name, 1, handwriting}, Cell{Text(QStringLiteral("Signature"), Caption), 1, handwriting},
                 Cell{date, 1, 0}, Cell{meaning, 1, 0}};
    return row;
}

Row headRow(const Text& text)
{
    Row row;
    row.head = true;
    row.cells = {Cell{text, 4, 0}};
    return row;
}

void addCheck(PrintBody& body, const Step& step, const QualityCheck& check)
{
    Text heading(tickBox + QLatin1Char(' '));
    heading.add(check.statement, Bold);
    // On a line of its own: the warning must not be lost in the wrapping of a long statement.
    if (check.critical)
        heading.lineBreak().add(QStringLiteral("CRITICAL — two signatures by two different people"), Bold);
    heading.lineBreak().add(step.key + QLatin1Char('/') + check.key, Mono | Muted);
    if (!check.guardsAgainst.isEmpty())
        heading.add(QStringLiteral(" · guards against: ") + check.guardsAgainst, Caption);

    Text outcome(QStringLiteral("Outcome:   %1 Pass    %1 Fail    %1 Not applicable, because: ").arg(tickBox));
    outcome.add(QStringLiteral("________________________________"), Muted);
    Row outcomeRow;
    outcomeRow.cells = {Cell{outcome, 4, 0}};

    Block& table = body.table(signatureColumns);
    table.rows = {headRow(heading), outcomeRow};
    if (check.critical) {
        table.rows.append(signatureRow(QStringLiteral("First signer ·")));
        table.rows.append(signatureRow(QStringLiteral("Second signer (a different person) ·")));
    } else {
        table.rows.append(signatureRow(QString()));
    }
}

void addSectionSignOff(PrintBody& body, const Step& step)
{
    Text heading(QStringLiteral("Section sign-off: ") + step.name, Bold);
    heading.add(QStringLiteral(" — every item above is signed or marked not applicable"));
    Block& table = body.table(signatureColumns);
    table.rows = {headRow(heading), signatureRow(QString())};
}

void addRunBox(PrintBody& body, const ChecklistOptions& options)
{
    const QString line = QStringLiteral("______________________________");
    Text title(QStringLiteral("Run title"), Caption);
    title.lineBreak().lineBreak().add(line, Muted);
    Text kind(QStringLiteral("Kind"), Caption);
    kind.lineBreak().lineBreak().add(
        QStringLiteral("%1 release    %1 execution plan    %1 routine").arg(tickBox));
    Text start(QStringLiteral("Planned start (UTC)"), Caption);
    start.lineBreak().lineBreak().add(QStringLiteral("YYYY-MM-DD hh:mm Z"), Muted);
    Text rollback;
    if (options.executionPlan)
        rollback.add(QStringLiteral("Rollback point (UTC)"), Small | Bold)
            .add(QStringLiteral(" — latest time a rollback can still succeed; success criteria met by then"), Caption);
    else
        rollback.add(QStringLiteral("Rollback point (UTC), for execution plans"), Caption);
    rollback.lineBreak().lineBreak().add(QStringLiteral("YYYY-MM-DD hh:mm Z"), Muted);

    Block& table = body.table({0.5, 0.5});
    Row first;
    first.cells = {Cell{title, 1, 0}, Cell{kind, 1, 0}};
    Row second;
    second.cells = {Cell{start, 1, 0}, Cell{rollback, 1, 0}};
    table.rows = {first, second};
}

void addClosing(PrintBody& body)
{
    body.heading(Block::Kind::Section, Text(QStringLiteral("Closing the run")));
    Block& table = body.table(signatureColumns);
    Row lessons;
    lessons.cells = {Cell{Text(QStringLiteral("Lessons learned"), Caption), 4, 3 * handwriting}};
    table.rows = {headRow(Text(QStringLiteral("Closed as:   %1 completed    %1 rolled back").arg(tickBox))), lessons,
                  signatureRow(QStringLiteral("Closed by ·"))};
}

} // namespace

QString checklistStepHeading(int number, const QString& name)
{
    static const QRegularExpression ownNumber(QStringLiteral("^\\s*([IVXLC]+|\\d+)[.)]\\s"));
    if (ownNumber.match(name).hasMatch())
        return name.trimmed();
    return QStringLiteral("%1. %2").arg(QString::number(number), name);
}

PrintBody checklistBody(const Revision& revision, const ChecklistOptions& options)
{
    const ValueStream& stream = revision.snapshot;
    PrintBody body;
    body.heading(Block::Kind::Title, Text(stream.name));
    body.paragraph(Text(QStringLiteral("Blank checklist of "))
                       .add(QStringLiteral("revision %1").arg(revision.number), Bold)
                       .add(QStringLiteral(" of "))
                       .add(stream.key, Mono)
                       .add(QStringLiteral(", published %1 by %2: “%3”")
                                .arg(revision.publishedAt, revision.publisherName, revision.reason)));
    body.paragraph(Text(QStringLiteral("Revision hash "), Caption).add(revision.snapshotHash, Mono));
    body.paragraph(Text(QStringLiteral("Tick one outcome per check, then print your name, sign, and write the date "
                                       "and time in UTC and what your signature means: "))
                       .add(QStringLiteral("performed"), Italic)
                       .add(QStringLiteral(" (I did it) or "))
                       .add(QStringLiteral("verified"), Italic)
                       .add(QStringLiteral(" (I checked it). A check marked CRITICAL needs two signatures by two "
                                           "different people. Enter every signature in Stable afterwards, as "
                                           "written here.")));
    addRunBox(body, options);

    int stepNumber = 0;
    for (const Step& step : stream.steps) {
        ++stepNumber;
        body.heading(Block::Kind::Section, Text(checklistStepHeading(stepNumber, step.name)))
            .text.add(QStringLiteral("  ")).add(step.key, Small | Mono | Muted);
        QStringList facts;
        if (!step.ownerRole.isEmpty())
            facts << QStringLiteral("Owner: ") + step.ownerRole;
        if (step.plannedHours > 0)
            facts << QStringLiteral("planned %1 h").arg(QString::number(step.plannedHours, 'f', 1));
        if (!facts.isEmpty())
            body.paragraph(Text(facts.join(QStringLiteral(" · ")), Caption)).withNext = true;
        for (const Stage stage : {Stage::Entry, Stage::InProcess, Stage::Exit}) {
            bool titled = false;
            for (const QualityCheck& check : step.checks) {
                if (check.stage != stage)
                    continue;
                if (!titled) {
                    body.heading(Block::Kind::Subsection, Text(stageTitle(stage)));
                    titled = true;
                }
                addCheck(body, step, check);
            }
        }
        if (options.executionPlan)
            addSectionSignOff(body, step);
    }
    addClosing(body);
    return body;
}

PageFrame checklistFrame(const Revision& revision, const QString& libraryName)
{
    PageFrame frame;
    frame.title = QStringLiteral("Checklist — %1").arg(revision.snapshot.name);
    frame.subtitle = QStringLiteral("%1 (%2) · Revision %3 · published %4")
                         .arg(revision.snapshot.name, revision.snapshot.key, QString::number(revision.number),
                              revision.publishedAt);
    frame.library = QStringLiteral("Library ‘%1’").arg(libraryName);
    frame.footerNote = QStringLiteral("Revision %1 · hash %2 · Run title: ____________________")
                           .arg(QString::number(revision.number), revision.snapshotHash.left(12));
    return frame;
}

} // namespace stable
