#include "streamsummary.h"

#include "process.h"
#include "revisions.h"
#include "wording.h"

#include <QCoreApplication>

namespace stable {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("stable::StreamSummary", text);
}

QString escaped(const QString& text)
{
    return text.toHtmlEscaped();
}

} // namespace

Result<QString> streamSummaryHtml(Library& library, const QString& streamId)
{
    auto draft = loadDraft(library, streamId);
    STABLE_TRY(draft);
    auto streams = listStreams(library);
    STABLE_TRY(streams);
    StreamSummary summary;
    for (const StreamSummary& s : streams.value())
        if (s.id == draft->id)
            summary = s;

    QString html = QStringLiteral("<h2>%1</h2>").arg(escaped(draft->name));
    html += QStringLiteral("<p>%1</p>")
                .arg(draft->purpose.isEmpty() ? tr("<i>No purpose written yet.</i>") : escaped(draft->purpose));
    html += QStringLiteral("<table cellspacing='0' cellpadding='3'>");
    const auto row = [&html](const QString& label, const QString& value) {
        html += QStringLiteral("<tr><td><b>%1</b></td><td>%2</td></tr>").arg(label, value);
    };
    row(tr("Key"), escaped(draft->key));
    row(tr("Owner"), draft->owner.isEmpty() ? tr("—") : escaped(draft->owner));
    if (summary.latestRevision > 0) {
        auto revision = loadRevision(library, draft->id);
        STABLE_TRY(revision);
        row(tr("Revision"), tr("r%1, published %2 by %3: “%4”")
                                .arg(revision->number)
                                .arg(escaped(revision->publishedAt.left(10)), escaped(revision->publisherName),
                                     escaped(revision->reason)));
        row(tr("Draft"), summary.draftDiffers ? tr("changed since r%1 — not yet published").arg(revision->number)
                                              : tr("the same as r%1").arg(revision->number));
    } else {
        row(tr("Revision"), tr("never published"));
    }
    row(tr("Size"), tr("%1, %2").arg(counted(summary.stepCount, tr("%1 step"), tr("%1 steps")),
                                     counted(summary.checkCount, tr("%1 check"), tr("%1 checks"))));
    html += QStringLiteral("</table>");

    html += QStringLiteral("<h3>%1</h3>").arg(tr("Steps"));
    if (draft->steps.isEmpty()) {
        html += tr("<p><i>No steps yet. Add one with Process → Add Step.</i></p>");
        return html;
    }
    html += QStringLiteral("<table cellspacing='0' cellpadding='4' width='100%'><tr><th align='left'>#</th>"
                           "<th align='left'>%1</th><th align='left'>%2</th><th align='right'>%3</th>"
                           "<th align='right'>%4</th></tr>")
                .arg(tr("Step"), tr("Owner role"), tr("Checks"), tr("Planned hours"));
    for (int i = 0; i < draft->steps.size(); ++i) {
        const Step& step = draft->steps.at(i);
        html += QStringLiteral("<tr><td>%1</td><td>%2</td><td>%3</td><td align='right'>%4</td>"
                               "<td align='right'>%5</td></tr>")
                    .arg(i + 1)
                    .arg(escaped(step.name), escaped(step.ownerRole))
                    .arg(step.checks.size())
                    .arg(QString::number(step.plannedHours, 'g', 4));
    }
    html += QStringLiteral("</table>");
    return html;
}

} // namespace stable
