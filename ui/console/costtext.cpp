#include "console/costtext.h"

#include <QCoreApplication>
#include <QLocale>

namespace stable {

QString costText(double amount, const QString& currency, int decimals)
{
    const QString number = QLocale().toString(amount, 'f', decimals);
    return currency.isEmpty() ? number
                              : QCoreApplication::translate("stable::Cost", "%1 %2").arg(number, currency);
}

QString costHeading(const QString& heading, const QString& currency)
{
    return currency.isEmpty() ? heading
                              : QCoreApplication::translate("stable::Cost", "%1 (%2)").arg(heading, currency);
}

} // namespace stable
