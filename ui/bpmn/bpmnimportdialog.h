#pragma once

#include "process.h"

#include <QDialog>
#include <QList>
#include <QStringList>

class QLabel;
class QTreeWidget;

namespace stable {

class Document;

// File → Import BPMN…: the value streams and steps a BPMN model will become, each stream's key editable,
// before anything is written. Import writes them all in one transaction (an existing key gets its draft
// updated, as `stablectl import-bpmn` does); it is a draft change, not an undoable edit.
class BpmnImportDialog final : public QDialog
{
    Q_OBJECT
public:
    BpmnImportDialog(Document& document, const QString& fileName, QList<ValueStream> streams,
                     QWidget* parent = nullptr);

    // What was imported: stream keys in order, empty until Import succeeded.
    QStringList importedKeys() const { return m_imported; }

private:
    void fillTree();
    QString note(const ValueStream& stream) const;
    void showRefusal(const QString& message);
    void import();

    Document& m_document;
    QString m_fileName;
    QList<ValueStream> m_streams;
    QStringList m_takenKeys;
    QTreeWidget* m_tree = nullptr;
    QLabel* m_message = nullptr;
    QStringList m_imported;
};

} // namespace stable
