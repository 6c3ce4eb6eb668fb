#pragma once

#include <QString>

class QLabel;
class QWidget;

namespace stable {

// The message line of a dialog or editor: a refusal from core, on a red tint of the palette's own base
// (readable in dark mode too), selectable so it can be copied, hidden until it has something to say.
void styleAsRefusal(QLabel* label);
QLabel* makeRefusalLabel(QWidget* parent); // styled, named "message"
void showRefusal(QLabel* label, const QString& message); // an empty message hides it

} // namespace stable
