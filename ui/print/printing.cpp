#include "printing.h"

#include "checklistprint.h"
#include "library.h"
#include "receipt.h"
#include "receiptprint.h"
#include "revisions.h"
#include "runs.h"

#include <algorithm>

namespace stable {

namespace {

// A stream is signed off section by section when it is run as an execution plan: the built-in template,
// or a stream that was run as one.
Result<bool> runAsExecutionPlan(Library& library, const Revision& revision)
{
    if (revision.snapshot.key == QLatin1String("execution-plan"))
        return true;
    RunFilter filter;
    filter.stream = revision.streamId;
    auto runs = listRuns(library, filter);
    STABLE_TRY(runs);
    return std::any_of(runs->cbegin(), runs->cend(), [](const Run& run) { return run.kind == RunKind::Plan; });
}

} // namespace

Result<PrintedDocument> checklistDocument(Library& library, const QString& stream, int revision)
{
    auto published = loadRevision(library, stream, revision);
    STABLE_TRY(published);
    auto plan = runAsExecutionPlan(library, published.value());
    STABLE_TRY(plan);
    ChecklistOptions options;
    options.executionPlan = plan.value();
    return PrintedDocument{checklistBody(published.value(), options),
                           checklistFrame(published.value(), library.displayName())};
}

PrintedDocument receiptDocument(const Receipt& receipt)
{
    return PrintedDocument{receiptBody(receipt), receiptFrame(receipt)};
}

int paintDocument(const PrintedDocument& document, QPagedPaintDevice& device)
{
    return paintPages(document.body, document.frame, device);
}

Result<int> renderPdf(const PrintedDocument& document, QIODevice& out, PaperSize paper)
{
    return renderPdf(document.body, document.frame, out, paper);
}

Result<int> writePdf(const PrintedDocument& document, const QString& path, PaperSize paper)
{
    return writePdfFile(document.body, document.frame, path, paper);
}

} // namespace stable
