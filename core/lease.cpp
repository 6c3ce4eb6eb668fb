// The writer lease of a library in a network folder (see lease.h). Times are the machines' real
// clocks, not the library's clock: the lease is between running processes.
#include "lease.h"

#include "clock.h"
#include "library.h"
#include "sql.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QSysInfo>

#ifdef Q_OS_UNIX
#include <csignal>
#include <sys/types.h>
#endif

namespace stable {

namespace {

bool processAlive(qint64 pid)
{
#ifdef Q_OS_UNIX
    return pid > 0 && (::kill(static_cast<pid_t>(pid), 0) == 0 || errno == EPERM);
#else
    Q_UNUSED(pid)
    return true;
#endif
}

bool isStale(const Lease& lease, const QDateTime& now)
{
    const auto heartbeat = parseIsoMoment(lease.heartbeat);
    return !heartbeat || heartbeat->addSecs(qint64{leaseStaleMinutes} * 60) < now;
}

} // namespace

QString thisHost()
{
    const QString fake = qEnvironmentVariable("STABLE_FAKE_HOST");
    return fake.isEmpty() ? QSysInfo::machineHostName() : fake;
}

Result<std::optional<Lease>> currentLease(Library& library)
{
    auto query = execSql(library.db(),
                         QStringLiteral("SELECT host, pid, since, heartbeat FROM local_lease WHERE slot = 1"));
    if (!query.ok())
        return query.error();
    if (!query->next())
        return std::optional<Lease>();
    return std::optional<Lease>(Lease{query->value(0).toString(), query->value(1).toLongLong(),
                                      query->value(2).toString(), query->value(3).toString()});
}

Status takeLease(Library& library)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QString host = thisHost();
    const qint64 pid = QCoreApplication::applicationPid();
    STABLE_TRY(execSql(library.db(), QStringLiteral("BEGIN IMMEDIATE")));
    auto rollback = [&library] { (void)execSql(library.db(), QStringLiteral("ROLLBACK")); };
    auto held = currentLease(library);
    if (!held.ok()) {
        rollback();
        return held.error();
    }
    QString since = isoUtc(now);
    if (const std::optional<Lease>& lease = held.value()) {
        const bool mine = lease->host == host && lease->pid == pid;
        const bool sameHost = lease->host == host;
        if (!sameHost && !isStale(*lease, now)) {
            rollback();
            return refused(QStringLiteral("‘%1’ is in a network folder and is being written by ‘%2’ (process %3, "
                                          "since %4; last heartbeat %5). It was opened read-only here. Close "
                                          "Stable there, or wait until its heartbeat is %6 minutes old, to "
                                          "write here.")
                               .arg(QFileInfo(library.path()).fileName(), lease->host)
                               .arg(lease->pid)
                               .arg(lease->since, lease->heartbeat)
                               .arg(leaseStaleMinutes));
        }
        if (mine || (sameHost && processAlive(lease->pid)))
            since = lease->since;
    }
    auto written = execSql(library.db(),
                           QStringLiteral("INSERT OR REPLACE INTO local_lease (slot, host, pid, since, heartbeat) "
                                          "VALUES (1, ?, ?, ?, ?)"),
                           {host, pid, since, isoUtc(now)});
    if (!written.ok()) {
        rollback();
        return written.error();
    }
    written->finish();
    auto committed = execSql(library.db(), QStringLiteral("COMMIT"));
    if (!committed.ok()) {
        rollback();
        return committed.error();
    }
    return success();
}

void releaseLease(Library& library)
{
    (void)execSql(library.db(), QStringLiteral("DELETE FROM local_lease WHERE host = ? AND pid = ?"),
                  {thisHost(), QCoreApplication::applicationPid()});
}

} // namespace stable
