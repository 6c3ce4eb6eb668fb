#pragma once

#include <QDialog>

class QComboBox;
class QLineEdit;

namespace stable {

class MainWindow;

// Edit → Preferences…: the theme, the folder new libraries go to and the view a window starts in.
// Kept for the person (QSettings), not in a library; OK applies the theme at once.
class PreferencesDialog final : public QDialog
{
    Q_OBJECT
public:
    explicit PreferencesDialog(QWidget* parent = nullptr);

private:
    void browse();
    void save();

    QComboBox* m_theme = nullptr;
    QLineEdit* m_folder = nullptr;
    QComboBox* m_startView = nullptr;
};

// Adds Edit → Preferences… (Ctrl+,) to the window.
void installPreferences(MainWindow& window);

} // namespace stable
