#pragma once

#include "domain.h"
#include "result.h"
#include "runs.h"

#include <QDate>
#include <QList>
#include <QString>
#include <optional>

namespace stable {

class Library;

// The runs list reads the run table a page at a time, newest first, so that a library with tens of
// thousands of runs opens as fast as a new one (listRuns reads them all).
struct RunPageFilter
{
    QString streamId; // empty: every stream
    std::optional<RunStatus> status;
    std::optional<QDate> startedFrom; // inclusive, UTC days
    std::optional<QDate> startedTo;   // inclusive
};

// Where a page ends: the next page starts after this run in newest-first order.
struct RunCursor
{
    QString startedAt;
    qint64 rowId = 0;
};

struct RunPageRow
{
    Run run; // without items; itemCount, finalCount and failedCount filled
    RunCursor cursor;
};

// Up to `limit` runs after `after` (from the newest when nullopt), newest first.
Result<QList<RunPageRow>> listRunPage(Library& library, const RunPageFilter& filter,
                                      const std::optional<RunCursor>& after, int limit);

// Up to `limit` runs just before `before` (the newer ones next to it), newest first.
Result<QList<RunPageRow>> listRunPageBefore(Library& library, const RunPageFilter& filter,
                                            const RunCursor& before, int limit);

// How many runs the filter matches (an index-only count).
Result<int> countRuns(Library& library, const RunPageFilter& filter);

// The cursor of the run at `position` (from 0, newest first) among those the filter matches: a seek
// through an index, so that a list can jump to any page without reading the pages above it.
Result<RunCursor> runCursorAt(Library& library, const RunPageFilter& filter, int position);

// Where a run stands among those the filter matches, newest first; -1 when the filter hides it.
Result<int> runPosition(Library& library, const RunPageFilter& filter, const QString& runId);

} // namespace stable
