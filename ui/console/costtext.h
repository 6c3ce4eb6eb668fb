#pragma once

#include <QString>

namespace stable {

// The one way the app writes a cost: the amount in the user's locale, then the library's currency code
// ("1,200 EUR"); without a currency setting, the amount alone ("1,200"). A code needs no table of
// symbols and reads the same in every locale.
QString costText(double amount, const QString& currency, int decimals = 0);

// A cost column's or axis's unit: "Cost (EUR)", or "Cost" without a currency.
QString costHeading(const QString& heading, const QString& currency);

} // namespace stable
