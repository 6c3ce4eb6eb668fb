#pragma once

#include "process.h"
#include "testlibrary.h"

namespace stable::test {

// A small value stream "release": build (checks tests, artifact) → deploy (checks go [critical], smoke),
// as a user would import it.
ValueStream sampleProcess();

// A second value stream "ops" with one step, patch (check backup): for what must stay within its stream.
ValueStream opsProcess();

// Imports sampleProcess() and publishes revision 1 signed by `publisher`; returns the stream id.
QString publishSample(Library& library, const Signer& publisher);

} // namespace stable::test
