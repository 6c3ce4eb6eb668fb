#pragma once

#include "audit.h"
#include "process.h"
#include "testlibrary.h"

#include <QStringList>
#include <initializer_list>

namespace stable::test {

QualityCheck makeCheck(const char* key, const char* statement, Stage stage = Stage::Exit);
Step makeStep(const char* key, const char* name, QList<QualityCheck> checks);

// The value stream the process tests import and edit: build (tests) → deploy (backup at entry, go) →
// verify (smoke), build's install package going to deploy.
ValueStream releaseProcess();

// The counts a refused operation must leave unchanged.
struct Counts
{
    qint64 streams, steps, ports, checks, events;
    bool operator==(const Counts& other) const
    {
        return streams == other.streams && steps == other.steps && ports == other.ports &&
               checks == other.checks && events == other.events;
    }
};

Counts counts(Library& library);

// The newest audit events, oldest first: "action entity".
QStringList lastEvents(Library& library, int n);
AuditEvent lastEvent(Library& library);

QString draftChangedAt(Library& library, const QString& streamId);

QStringList names(std::initializer_list<const char*> items);
QStringList keysOf(const Step& step);
QStringList stepKeys(const ValueStream& stream);

} // namespace stable::test
