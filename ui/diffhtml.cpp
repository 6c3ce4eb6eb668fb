#include "diffhtml.h"

#include "tints.h"
#include "wording.h"

#include <QCoreApplication>

namespace stable {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("stable::RevisionDiff", text);
}

struct Colours
{
    QString added;
    QString removed;
    QString addedWord;
    QString removedWord;
    QString header;
    QString muted;
};

Colours coloursFor(const QPalette& palette)
{
    const bool dark = isDark(palette);
    const QColor green(40, 170, 70);
    const QColor red(220, 50, 50);
    return Colours{
        tint(palette, green, dark ? 0.3 : 0.18).name(), tint(palette, red, dark ? 0.3 : 0.18).name(),
        tint(palette, green, dark ? 0.55 : 0.4).name(), tint(palette, red, dark ? 0.55 : 0.4).name(),
        palette.color(QPalette::AlternateBase).name(),  palette.color(QPalette::PlaceholderText).name()};
}

QString escaped(const QString& text)
{
    return text.toHtmlEscaped().replace(QLatin1Char('\n'), QStringLiteral("<br>"));
}

// One side of a changed text: the words only this side has are highlighted.
QString sideHtml(const QList<WordSegment>& segments, WordSegment::Kind shown, const QString& colour,
                 bool strike)
{
    QString html;
    for (const WordSegment& segment : segments) {
        if (segment.kind == WordSegment::Kind::Equal)
            html += escaped(segment.text);
        else if (segment.kind == shown)
            html += QStringLiteral("<span style=\"background-color:%1;%2\">%3</span>")
                        .arg(colour, strike ? QStringLiteral("text-decoration:line-through;") : QString(),
                             escaped(segment.text));
    }
    return html;
}

QString fieldName(const QString& field)
{
    // The core's field names, translated for the table.
    static const QHash<QString, const char*> names{
        {QStringLiteral("name"), QT_TRANSLATE_NOOP("stable::RevisionDiff", "Name")},
        {QStringLiteral("key"), QT_TRANSLATE_NOOP("stable::RevisionDiff", "Key")},
        {QStringLiteral("throughput"), QT_TRANSLATE_NOOP("stable::RevisionDiff", "Procedure")},
        {QStringLiteral("owner role"), QT_TRANSLATE_NOOP("stable::RevisionDiff", "Owner role")},
        {QStringLiteral("planned hours"), QT_TRANSLATE_NOOP("stable::RevisionDiff", "Planned hours")},
        {QStringLiteral("inputs"), QT_TRANSLATE_NOOP("stable::RevisionDiff", "Inputs")},
        {QStringLiteral("outputs"), QT_TRANSLATE_NOOP("stable::RevisionDiff", "Outputs")},
        {QStringLiteral("position"), QT_TRANSLATE_NOOP("stable::RevisionDiff", "Position")},
        {QStringLiteral("statement"), QT_TRANSLATE_NOOP("stable::RevisionDiff", "Statement")},
        {QStringLiteral("stage"), QT_TRANSLATE_NOOP("stable::RevisionDiff", "Stage")},
        {QStringLiteral("critical"), QT_TRANSLATE_NOOP("stable::RevisionDiff", "Critical")},
        {QStringLiteral("guards against"), QT_TRANSLATE_NOOP("stable::RevisionDiff", "Guards against")},
        {QStringLiteral("severity"), QT_TRANSLATE_NOOP("stable::RevisionDiff", "Severity")},
        {QStringLiteral("occurrence"), QT_TRANSLATE_NOOP("stable::RevisionDiff", "Occurrence")},
        {QStringLiteral("detection"), QT_TRANSLATE_NOOP("stable::RevisionDiff", "Detection")},
        {QStringLiteral("step"), QT_TRANSLATE_NOOP("stable::RevisionDiff", "Step")},
        {QStringLiteral("purpose"), QT_TRANSLATE_NOOP("stable::RevisionDiff", "Purpose")},
        {QStringLiteral("owner"), QT_TRANSLATE_NOOP("stable::RevisionDiff", "Owner")},
    };
    const auto found = names.constFind(field);
    return found == names.cend() ? field : tr(*found);
}

QString changeRows(const QList<FieldChange>& changes, const Colours& colours)
{
    QString html;
    for (const FieldChange& change : changes) {
        const auto segments = diffWords(change.before, change.after);
        html += QStringLiteral("<tr><td style=\"color:%1\">%2</td><td>%3</td><td>%4</td></tr>")
                    .arg(colours.muted, fieldName(change.field).toHtmlEscaped(),
                         sideHtml(segments, WordSegment::Kind::Deleted, colours.removedWord, true),
                         sideHtml(segments, WordSegment::Kind::Inserted, colours.addedWord, false));
    }
    return html;
}

QString recordRow(DiffKind kind, const QString& what, const Colours& colours)
{
    switch (kind) {
    case DiffKind::Added:
        return QStringLiteral("<tr><td style=\"color:%1\">%2</td><td></td><td "
                              "style=\"background-color:%3\">%4</td></tr>")
            .arg(colours.muted, tr("added"), colours.added, what);
    case DiffKind::Removed:
        return QStringLiteral(
                   "<tr><td style=\"color:%1\">%2</td><td "
                   "style=\"background-color:%3;text-decoration:line-through\">%4</td><td></td></tr>")
            .arg(colours.muted, tr("removed"), colours.removed, what);
    case DiffKind::Changed:
        return QStringLiteral("<tr><td colspan=\"3\"><b>%1</b></td></tr>").arg(what);
    }
    return QString();
}

} // namespace

QString streamDiffHtml(const StreamDiff& diff, const QString& beforeTitle, const QString& afterTitle,
                       const QPalette& palette)
{
    const Colours colours = coloursFor(palette);
    QString html = QStringLiteral("<table width=\"100%\" cellspacing=\"0\" cellpadding=\"4\">"
                                  "<tr style=\"background-color:%1\"><th width=\"16%\"></th><th "
                                  "width=\"42%\" align=\"left\">%2</th>"
                                  "<th width=\"42%\" align=\"left\">%3</th></tr>")
                       .arg(colours.header, beforeTitle.toHtmlEscaped(), afterTitle.toHtmlEscaped());
    if (diff.isEmpty()) {
        html +=
            QStringLiteral("<tr><td colspan=\"3\"><i>%1</i></td></tr></table>").arg(tr("No differences."));
        return html;
    }
    auto section = [&](const QString& title) {
        html += QStringLiteral("<tr style=\"background-color:%1\"><td colspan=\"3\"><b>%2</b></td></tr>")
                    .arg(colours.header, title);
    };
    if (!diff.stream.isEmpty()) {
        section(tr("Value stream"));
        html += changeRows(diff.stream, colours);
    }
    if (!diff.steps.isEmpty()) {
        section(tr("Steps"));
        for (const StepDiff& step : diff.steps) {
            const QString what = QStringLiteral("%1 <span style=\"color:%2\">(%3)</span>")
                                     .arg(step.name.toHtmlEscaped(), colours.muted, step.key.toHtmlEscaped());
            html += recordRow(step.kind, what, colours);
            html += changeRows(step.changes, colours);
        }
    }
    if (!diff.checks.isEmpty()) {
        section(tr("Checks"));
        for (const CheckDiff& check : diff.checks) {
            const QString what = QStringLiteral("%1 <span style=\"color:%2\">(%3/%4)</span>")
                                     .arg(check.statement.toHtmlEscaped(), colours.muted,
                                          check.stepKey.toHtmlEscaped(), check.key.toHtmlEscaped());
            html += recordRow(check.kind, what, colours);
            html += changeRows(check.changes, colours);
        }
    }
    html += QStringLiteral("</table>");
    return html;
}

QString streamDiffSummary(const StreamDiff& diff)
{
    auto count = [](const auto& list, DiffKind kind) {
        return static_cast<int>(std::count_if(list.cbegin(), list.cend(),
                                              [kind](const auto& item) { return item.kind == kind; }));
    };
    QStringList parts;
    const struct
    {
        DiffKind kind;
        QString one;
        QString many;
    } stepWords[] = {{DiffKind::Added, tr("%1 step added"), tr("%1 steps added")},
                     {DiffKind::Removed, tr("%1 step removed"), tr("%1 steps removed")},
                     {DiffKind::Changed, tr("%1 step changed"), tr("%1 steps changed")}},
      checkWords[] = {{DiffKind::Added, tr("%1 check added"), tr("%1 checks added")},
                      {DiffKind::Removed, tr("%1 check removed"), tr("%1 checks removed")},
                      {DiffKind::Changed, tr("%1 check changed"), tr("%1 checks changed")}};
    for (const auto& words : stepWords)
        if (const int n = count(diff.steps, words.kind); n > 0)
            parts.append(counted(n, words.one, words.many));
    for (const auto& words : checkWords)
        if (const int n = count(diff.checks, words.kind); n > 0)
            parts.append(counted(n, words.one, words.many));
    if (!diff.stream.isEmpty())
        parts.append(tr("the value stream's details changed"));
    return parts.isEmpty() ? tr("no differences") : parts.join(QStringLiteral(", "));
}

} // namespace stable
