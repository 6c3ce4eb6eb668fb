// A new library seeded with value streams: from the built-in templates or from another library used as
// a template. Each stream is imported as a fresh draft, so the new library's history starts empty.
#include "library.h"
#include "templates.h"

#include <QFileInfo>

namespace stable {

namespace {

// New ids everywhere, and no origin incidents: the incidents stay in the template library.
ValueStream asFreshDraft(ValueStream stream)
{
    stream.id.clear();
    for (Step& step : stream.steps) {
        step.id.clear();
        for (Port& port : step.inputs)
            port.id.clear();
        for (Port& port : step.outputs)
            port.id.clear();
        for (QualityCheck& check : step.checks) {
            check.id.clear();
            check.originIncidentId.clear();
        }
    }
    return stream;
}

Status refuseUnlessEmpty(Library& target)
{
    auto streams = listStreamNames(target);
    STABLE_TRY(streams);
    if (!streams->isEmpty())
        return refused(QStringLiteral("%1 already has value streams; a template seeds only a new library.")
                           .arg(target.displayName()));
    return success();
}

Result<int> importAll(Library& target, const QList<ValueStream>& streams)
{
    for (const ValueStream& stream : streams)
        STABLE_TRY(importProcess(target, asFreshDraft(stream)));
    return static_cast<int>(streams.size());
}

} // namespace

Result<int> copyBuiltInTemplates(Library& target)
{
    STABLE_TRY(refuseUnlessEmpty(target));
    QList<ValueStream> streams;
    for (const QString& name : templateNames()) {
        auto stream = loadTemplate(name);
        STABLE_TRY(stream);
        streams.append(stream.value());
    }
    return importAll(target, streams);
}

Result<int> copyTemplateLibrary(const QString& templatePath, Library& target)
{
    STABLE_TRY(refuseUnlessEmpty(target));
    if (QFileInfo(templatePath).canonicalFilePath() == QFileInfo(target.path()).canonicalFilePath())
        return refused(QStringLiteral("A library cannot be its own template."));
    OpenOptions readOnly;
    readOnly.readOnly = true;
    auto source = Library::open(templatePath, readOnly);
    STABLE_TRY(source);
    auto summaries = listStreamNames(*source.value());
    STABLE_TRY(summaries);
    if (summaries->isEmpty())
        return refused(QStringLiteral("%1 has no value streams to copy.").arg(source.value()->displayName()));
    // Read everything first, so that a template that cannot be read leaves the new library empty.
    QList<ValueStream> streams;
    for (const StreamSummary& summary : summaries.value()) {
        auto draft = loadDraft(*source.value(), summary.id);
        STABLE_TRY(draft);
        streams.append(draft.value());
    }
    return importAll(target, streams);
}

} // namespace stable
