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

namespace stable {

class Library;

// Where a new library's value streams come from: "New Library from Template…". A template library is
// any Stable library file; only the drafts of its live value streams are copied — no people, revisions,
// runs or incidents — under new ids, with no incident origins (those incidents are not in the new file).
// Returns how many streams were copied. Refused if `target` already has value streams.
Result<int> copyBuiltInTemplates(Library& target);
Result<int> copyTemplateLibrary(const QString& templatePath, Library& target);

} // namespace stable
