#pragma once

#include <QString>

class QComboBox;

namespace stable {

class Library;

// The choices an incident's fields offer, shared by the "New Incident" dialog and the incident editor.
// Each picker keeps the current value even when it is no longer offered (a removed step, an old run).

// "Not known" then the steps of the stream's draft, in order; data: the step id.
void fillStepPicker(QComboBox* picker, Library& library, const QString& streamId, const QString& currentStepId);
// "No run" then the stream's latest runs, newest first; data: the run id.
void fillRunPicker(QComboBox* picker, Library& library, const QString& streamId, const QString& currentRunId);
// Editable: "" then the stream's latest incidents before `beforeNumber` (0: all); data: the key. A key
// typed in is taken as it is.
void fillRecurrencePicker(QComboBox* picker, Library& library, const QString& streamId, int beforeNumber,
                          const QString& currentKey);
QString pickedRecurrence(const QComboBox* picker);
// Editable: the categories already used in the library.
void fillCategoryPicker(QComboBox* picker, Library& library, const QString& current);
// Selects the item whose data is `value`.
void pickData(QComboBox* picker, const QString& value);

} // namespace stable
