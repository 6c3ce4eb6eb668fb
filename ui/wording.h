#pragma once

#include <QCoreApplication>
#include <QString>

namespace stable {

// "1 step", "3 steps": the count with the right form, both forms given already translated (the app
// ships no English plural rules, so "%n step(s)" would show as written).
inline QString counted(int n, const QString& one, const QString& many)
{
    return (n == 1 ? one : many).arg(n);
}

} // namespace stable
