#pragma once

#include "process.h"
#include "testlibrary.h"

namespace stable::test {

// A small value stream "release": build (checks tests, artifact) → deploy (checks go [critical], smoke),
// as a user would import it.
ValueStream sampleProcess();

// Imports sampleProcess() and publishes revision 1 signed by `publisher`; returns the stream id.
QString publishSample(Library& library, const Signer& publisher);

} // namespace stable::test
