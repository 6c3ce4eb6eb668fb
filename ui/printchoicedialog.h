#pragma once

#include <QDialog>
#include <QList>
#include <QPair>

class QComboBox;

namespace stable {

// Asks what a print or PDF export is of (which value stream, which run) before anything is made: the
// current one preselected, never taken silently from whatever another view had selected.
class PrintChoiceDialog final : public QDialog
{
    Q_OBJECT
public:
    // `choices`: what is shown, and the id it stands for.
    PrintChoiceDialog(const QString& title, const QString& question,
                      const QList<QPair<QString, QString>>& choices, const QString& currentId,
                      QWidget* parent = nullptr);
    QString chosenId() const;

private:
    QComboBox* m_choice = nullptr;
};

} // namespace stable
