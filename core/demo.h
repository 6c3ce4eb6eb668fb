#pragma once

#include "result.h"

#include <QDate>

#include <optional>

namespace stable {

class Library;

struct DemoOptions
{
    std::optional<int> months; // default: 12, or 120 (ten years) at the large scale
    enum class Scale { Small, Large } scale = Scale::Small;
    quint32 seed = 1;
    QDate endDate;        // the last day of history; default: today
};

// The months of history the options ask for.
inline int demoMonths(const DemoOptions& options)
{
    return options.months.value_or(options.scale == DemoOptions::Scale::Large ? 120 : 12);
}

// The PIN of every demo person, said in the README so that a newcomer can sign.
inline constexpr const char* demoPin = "2468";

// Fills an empty library with realistic, deterministic history: value streams from the templates,
// runs with first-attempt failures, incidents with root causes, improvements published as revisions,
// rework and team hours; the hidden factory shrinks after the improvements.
Status generateDemo(Library& library, const DemoOptions& options);

} // namespace stable
