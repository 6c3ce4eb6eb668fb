// The selected item's details in the runs view: its statement, every signature (voided ones struck
// through with their reason) and the past incidents of its step.
#include "runs/itemdetails.h"

#include "incidents.h"
#include "runs/runsview.h"
#include "runs/runwording.h"

#include <QStringList>
#include <QUrl>

namespace stable {

namespace {

QString escaped(const QString& text)
{
    return text.toHtmlEscaped();
}

// A link or path shown with a chance to break after each separator: the details wrap at words only (so
// that "Performed" never shows as "Performe d"), and a long link must not widen the table.
QString breakable(const QString& location)
{
    QString shown;
    for (const QChar c : location) {
        shown += c;
        if (c == QLatin1Char('/') || c == QLatin1Char('.') || c == QLatin1Char('?') ||
            c == QLatin1Char('&') || c == QLatin1Char('=') || c == QLatin1Char('-') ||
            c == QLatin1Char('_') || c == QLatin1Char('\\'))
            shown += QChar(0x200B); // zero-width space
    }
    return shown.toHtmlEscaped();
}

QUrl evidenceUrl(const QString& evidence)
{
    return evidence.contains(QLatin1String("://")) ? QUrl(evidence) : QUrl::fromLocalFile(evidence);
}

} // namespace

QString runItemHtml(const RunItem& item)
{
    QString html = QStringLiteral("<h3>%1</h3>").arg(escaped(item.statement));
    html += QStringLiteral("<p>") + RunsView::tr("%1 · %2 stage · <b>%3</b>%4%5")
                                        .arg(escaped(item.ref()), stageText(item.stage), itemStateText(item.state),
                                             item.critical ? RunsView::tr(" · critical: two different people sign") : QString(),
                                             item.attempt > 1 ? RunsView::tr(" · attempt %1").arg(item.attempt) : QString()) +
            QStringLiteral("</p>");
    if (item.attestations.isEmpty())
        return html + QStringLiteral("<p>") + RunsView::tr("Not signed yet.") + QStringLiteral("</p>");
    html += QStringLiteral("<table cellspacing='0' cellpadding='3' border='1'><tr><th>%1</th><th>%2</th><th>%3</th>"
                           "<th>%4</th><th>%5</th><th>%6</th><th>%7</th></tr>")
                .arg(RunsView::tr("Signed by"), RunsView::tr("Time (UTC)"), RunsView::tr("Local time"), RunsView::tr("Meaning"), RunsView::tr("Outcome"), RunsView::tr("Note"),
                     RunsView::tr("Evidence"));
    for (const Attestation& a : item.attestations) {
        const auto at = parseIsoMoment(a.signedAt);
        const QString utc = at ? at->toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")) : a.signedAt;
        const QString local = at ? at->toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")) : QString();
        const QString evidence =
            a.evidence.isEmpty()
                ? QString()
                : QStringLiteral("<a href='%1'>%2</a>")
                      .arg(evidenceUrl(a.evidence).toString(QUrl::FullyEncoded).toHtmlEscaped(),
                           breakable(a.evidence));
        QStringList cells{escaped(a.signerName), utc, local, meaningText(a.meaning),
                          RunsView::tr("%1 (attempt %2)").arg(outcomeText(a.outcome)).arg(a.attempt), escaped(a.note), evidence};
        if (a.voided)
            for (QString& cell : cells)
                cell = QStringLiteral("<s>%1</s>").arg(cell);
        html += QStringLiteral("<tr><td>") + cells.join(QStringLiteral("</td><td>")) + QStringLiteral("</td></tr>");
        if (a.voided)
            html += QStringLiteral("<tr><td colspan='7'>") +
                    RunsView::tr("Voided by %1 at %2: %3").arg(escaped(a.voidedByName), escaped(runTimeText(a.voidedAt)),
                                                     escaped(a.voidReason)) +
                    QStringLiteral("</td></tr>");
    }
    return html + QStringLiteral("</table>");
}

QString pastIncidentsHtml(Library& library, const Run& run, const RunItem& item)
{
    auto incidents = listIncidents(library, IncidentFilter{run.streamId, std::nullopt});
    if (!incidents.ok())
        return {};
    QString list;
    int shown = 0;
    for (const Incident& incident : incidents.value()) {
        if (incident.detectedStepId != item.stepId && incident.injectedStepId != item.stepId)
            continue;
        ++shown;
        list += QStringLiteral("<li><a href='incident:%1'>%2</a> %3 — %4, severity %5%6</li>")
                    .arg(incident.id, incident.key(), escaped(incident.title), toText(incident.status))
                    .arg(incident.severity)
                    .arg(incident.rootCause.isEmpty() ? QString() : RunsView::tr("; root cause: %1").arg(escaped(incident.rootCause)));
    }
    const QString title = RunsView::tr("Past incidents of step ‘%1’").arg(escaped(item.stepName));
    if (shown == 0)
        return QStringLiteral("<h4>%1</h4><p>%2</p>").arg(title, RunsView::tr("None recorded."));
    return QStringLiteral("<h4>%1</h4><ul>%2</ul>").arg(title, list);
}

} // namespace stable
