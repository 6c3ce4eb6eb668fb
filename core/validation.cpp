#include "validation.h"

#include "clock.h"
#include "library.h"
#include "revisions.h"
#include "rework.h"
#include "sql.h"

#include <cmath>

namespace stable {

namespace {

QString quoted(const QString& text)
{
    return QStringLiteral("‘%1’").arg(text);
}

ValidationIssue stepIssue(ValidationIssue::Kind kind, const ValueStream& draft, const Step& step,
                          const QString& what)
{
    return ValidationIssue{
        kind, QStringLiteral("Step %1 of %2 %3.").arg(quoted(step.name), quoted(draft.key), what),
        QStringLiteral("step"), step.id, draft.key};
}

} // namespace

QList<ValidationIssue> validateStream(const ValueStream& draft)
{
    using Kind = ValidationIssue::Kind;
    QList<ValidationIssue> issues;
    for (const Step& step : draft.steps) {
        if (step.checks.isEmpty())
            issues.append(stepIssue(Kind::StepWithoutChecks, draft, step, QStringLiteral("has no checks")));
        if (step.inputs.isEmpty())
            issues.append(stepIssue(Kind::StepWithoutInputs, draft, step, QStringLiteral("has no inputs")));
        if (step.outputs.isEmpty())
            issues.append(stepIssue(Kind::StepWithoutOutputs, draft, step, QStringLiteral("has no outputs")));
        for (const QualityCheck& check : step.checks)
            if (check.critical && check.guardsAgainst.trimmed().isEmpty())
                issues.append(ValidationIssue{
                    Kind::CriticalCheckUnguarded,
                    QStringLiteral(
                        "Critical check %1 of step %2 in %3 does not say what failure it guards against.")
                        .arg(quoted(check.key), quoted(step.name), quoted(draft.key)),
                    QStringLiteral("check"), check.id, draft.key});
    }
    return issues;
}

Result<QList<ValidationIssue>> validateLibrary(Library& library)
{
    // Each draft is loaded once, here, and compared with its latest revision (listStreams would load
    // them all a second time).
    auto streams = listStreamNames(library);
    STABLE_TRY(streams);
    auto staleDays = numericSetting(library, QStringLiteral("stale-draft-days"));
    STABLE_TRY(staleDays);
    const QDateTime now = library.clock().now();

    QList<ValidationIssue> issues;
    for (const StreamSummary& summary : streams.value()) {
        auto draft = loadDraft(library, summary.id);
        STABLE_TRY(draft);
        issues.append(validateStream(draft.value()));
        auto query = execSql(library.db(),
                             QStringLiteral("SELECT s.draft_changed_at, (SELECT snapshot FROM revision WHERE stream_id = s.id "
                                            "ORDER BY number DESC LIMIT 1) FROM stream s WHERE s.id = ?"),
                             {summary.id});
        STABLE_TRY(query);
        auto row = queryRow(query.value());
        STABLE_TRY(row);
        if (!row.value() || (summary.latestRevision > 0 && canonicalSnapshot(draft.value()) == query->value(1).toString()))
            continue;
        const auto changedAt = parseIsoMoment(query->value(0).toString());
        if (!changedAt)
            continue;
        const qint64 days = changedAt->daysTo(now);
        if (static_cast<double>(days) <= staleDays.value())
            continue;
        const QString what = summary.latestRevision == 0
                                 ? QStringLiteral("has never been published")
                                 : QStringLiteral("differs from revision %1").arg(summary.latestRevision);
        issues.append(
            ValidationIssue{ValidationIssue::Kind::StaleDraft,
                            QStringLiteral("The draft of %1 %2 and was last changed %3 days ago (%4).")
                                .arg(quoted(summary.key), what)
                                .arg(days)
                                .arg(changedAt->date().toString(Qt::ISODate)),
                            QStringLiteral("stream"), summary.id, summary.key});
    }
    return issues;
}

} // namespace stable
