#pragma once

// What every libFuzzer target of Stable needs before its first input: a QCoreApplication (Qt's SQL
// driver plugins load only with one) and quiet logging (a refused input is the normal case).

#include <cstddef>
#include <cstdint>

namespace stable::fuzz {

void initialise(int* argc, char*** argv);

} // namespace stable::fuzz
