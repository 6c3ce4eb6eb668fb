#pragma once

#include "process.h"
#include "result.h"

#include <QStringList>

namespace stable {

// The built-in process templates: "execution-plan" and "software-release".
QStringList templateNames();
QString templateTitle(const QString& name);
Result<ValueStream> loadTemplate(const QString& name);

} // namespace stable
