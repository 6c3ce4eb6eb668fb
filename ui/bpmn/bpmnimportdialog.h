#pragma once

#include "bpmn.h"
#include "process.h"

#include <QDialog>
#include <QList>
#include <QStringList>

class QComboBox;
class QLabel;
class QTreeWidget;

namespace stable {

class Document;

// File → Import BPMN…: the value streams and steps a BPMN model will become, each stream's key editable,
// before anything is written. Each exclusive choice of the model (a gateway whose branches a run takes one
// of) is listed with what to do with it: keep every branch as alternatives (n/a in a run when not taken)
// or keep only one branch. Import writes them all in one transaction (an existing key gets its draft
// updated, as `stablectl import-bpmn` does); it is a draft change, not an undoable edit.
class BpmnImportDialog final : public QDialog
{
    Q_OBJECT
public:
    BpmnImportDialog(Document& document, const QString& fileName, BpmnModel model, QWidget* parent = nullptr);

    // What was imported: stream keys in order, empty until Import succeeded.
    QStringList importedKeys() const { return m_imported; }

private:
    QWidget* makeChoices();
    void applyChoices();
    void fillTree();
    QString note(const ValueStream& stream) const;
    QString stepNote(int stream, const QString& stepKey) const;
    void showRefusal(const QString& message);
    void import();

    Document& m_document;
    QString m_fileName;
    BpmnModel m_model;               // as the file has it
    QList<ValueStream> m_streams;    // as it will be imported: keys as edited, choices applied
    QList<QComboBox*> m_choiceBoxes; // one per choice, stream by stream: 0 keeps all, 1 + b only branch b
    QStringList m_takenKeys;
    QLabel* m_intro = nullptr;
    QTreeWidget* m_tree = nullptr;
    bool m_columnsSized = false;
    QLabel* m_message = nullptr;
    QStringList m_imported;
};

} // namespace stable
