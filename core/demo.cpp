// The demo library: a small team's year, generated through the same functions people use.
#include "demo.h"

#include "demohistory.h"
#include "demolarge.h"
#include "library.h"
#include "sql.h"

#include <QTimeZone>
#include <memory>

namespace stable {

namespace {

// The demo moves time through the simulated year; whatever clock the caller had comes back afterwards.
class ClockSwap
{
public:
    ClockSwap(Library& library, std::shared_ptr<Clock> replacement)
        : m_library(library)
        , m_previous(library.sharedClock())
    {
        library.setClock(std::move(replacement));
    }
    ~ClockSwap() { m_library.setClock(m_previous); }
    ClockSwap(const ClockSwap&) = delete;
    ClockSwap& operator=(const ClockSwap&) = delete;

private:
    Library& m_library;
    std::shared_ptr<Clock> m_previous;
};

// The demo writes thousands of small transactions of invented history. Waiting for the disk after each
// would take minutes on a spinning disk; a crash half-way only means making the demo again.
class DurabilityPause
{
public:
    explicit DurabilityPause(Library& library)
        : m_library(library)
    {
        auto current = execSql(library.db(), QStringLiteral("PRAGMA synchronous"));
        if (current.ok() && current->next())
            m_previous = current->value(0).toInt();
        if (m_previous >= 0)
            (void)execSql(library.db(), QStringLiteral("PRAGMA synchronous = OFF"));
    }
    ~DurabilityPause()
    {
        if (m_previous >= 0)
            (void)execSql(m_library.db(), QStringLiteral("PRAGMA synchronous = %1").arg(m_previous));
    }
    DurabilityPause(const DurabilityPause&) = delete;
    DurabilityPause& operator=(const DurabilityPause&) = delete;

private:
    Library& m_library;
    int m_previous = -1;
};

Status refuseUnlessEmpty(Library& library)
{
    auto query =
        execSql(library.db(), QStringLiteral("SELECT (SELECT count(*) FROM person) + (SELECT count(*) FROM "
                                             "stream) + (SELECT count(*) FROM run) + (SELECT count(*) FROM "
                                             "incident) + (SELECT count(*) FROM rework)"));
    if (!query.ok())
        return query.error();
    if (query->next() && query->value(0).toLongLong() > 0)
        return refused(
            QStringLiteral("‘%1’ already holds people or processes; the demo fills only a new, empty "
                           "library.")
                .arg(library.displayName()));
    return success();
}

} // namespace

Status generateDemo(Library& library, const DemoOptions& options)
{
    const bool large = options.scale == DemoOptions::Scale::Large;
    const int months = demoMonths(options);
    if (months < 1 || months > 120)
        return invalid(QStringLiteral("A demo history covers 1 to 120 months (got %1).").arg(months));
    STABLE_TRY(refuseUnlessEmpty(library));

    // The caller's clock says what "today" is; the history ends there unless told otherwise.
    const QDateTime callerNow = library.clock().now().toUTC();
    const QDate last = options.endDate.isValid() ? options.endDate : callerNow.date();
    const QDateTime limit =
        options.endDate.isValid() ? QDateTime(last, QTime(23, 59, 59), QTimeZone::utc()) : callerNow;
    const QDate first = last.addMonths(-months).addDays(1);

    auto clock = std::make_shared<FixedClock>(QDateTime(first.addDays(-14), QTime(9, 0), QTimeZone::utc()));
    ClockSwap swap(library, clock);
    DurabilityPause pause(library);
    if (large)
        return demo::generateLargeDemo(library, *clock, options.seed, first, last);
    demo::History history(library, *clock, options.seed, first, last, limit);
    STABLE_TRY(history.setUp());
    STABLE_TRY(history.play());
    return success();
}

} // namespace stable
