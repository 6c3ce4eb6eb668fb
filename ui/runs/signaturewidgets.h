#pragma once

#include "refusal.h"

#include <QString>

class QComboBox;
class QLabel;
class QWidget;

namespace stable {

class Library;


// Active people as "Name (INITIALS)" with the person id as data; locked ones say so.
void fillPeople(QComboBox* combo, Library& library);

} // namespace stable
