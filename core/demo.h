#pragma once

#include "result.h"

#include <QDate>

namespace stable {

class Library;

struct DemoOptions
{
    int months = 12;
    enum class Scale { Small, Large } scale = Scale::Small;
    quint32 seed = 1;
    QDate endDate;        // the last day of history; default: today
};

// The PIN of every demo person, said in the README so that a newcomer can sign.
inline constexpr const char* demoPin = "2468";

// Fills an empty library with realistic, deterministic history: value streams from the templates,
// runs with first-attempt failures, incidents with root causes, improvements published as revisions,
// rework and team hours; the hidden factory shrinks after the improvements.
Status generateDemo(Library& library, const DemoOptions& options);

} // namespace stable
