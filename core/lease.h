#pragma once

#include "result.h"

#include <QString>
#include <optional>

namespace stable {

class Library;

// The single-writer lease of a library in a network folder. There SQLite's file locks cannot be
// trusted across machines, so one row (local_lease) says which machine writes; its holder renews the
// heartbeat, and another machine may take it over once the heartbeat is stale.
struct Lease
{
    QString host;
    qint64 pid = 0;
    QString since;     // UTC ISO
    QString heartbeat; // UTC ISO
};

constexpr int leaseHeartbeatSeconds = 60;
constexpr int leaseStaleMinutes = 5;

// This computer's name: STABLE_FAKE_HOST (tests play a second machine with it), else the host name.
QString thisHost();

Result<std::optional<Lease>> currentLease(Library& library);

// Takes (or renews) the lease. Refused, naming the holder, while another machine's lease is fresh.
// Processes on the same machine share it: their locks on the same file do work.
Status takeLease(Library& library);

// Lets go of the lease if this process holds it.
void releaseLease(Library& library);

} // namespace stable
