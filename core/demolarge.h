#pragma once

// The large demo library (`stablectl demo LIB --scale large`): about ten years of a big organisation's
// history for the benchmarks. Internal to core: generateDemo() calls it.
#include "clock.h"
#include "result.h"

#include <QDate>

namespace stable {

class Library;

namespace demo {

// Fills an empty library with the history of the days first..last; `clock` is the library's clock while
// generating, moved through the decade.
Status generateLargeDemo(Library& library, FixedClock& clock, quint32 seed, QDate first, QDate last);

} // namespace demo
} // namespace stable
