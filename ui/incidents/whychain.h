#pragma once

#include <QList>
#include <QStringList>
#include <QWidget>

class QLineEdit;
class QPushButton;
class QToolButton;
class QVBoxLayout;

namespace stable {

// The five whys as an editable chain: each answer asks the next question ("Why did … happen?"); an
// answer can be edited, removed, or moved up and down the chain.
class WhyChain final : public QWidget
{
    Q_OBJECT
public:
    static constexpr int maxWhys = 5;

    explicit WhyChain(QWidget* parent = nullptr);

    // What the chain starts from: the incident's title, asked about first.
    void setSubject(const QString& title);
    void setWhys(const QStringList& whys);
    QStringList whys() const; // as typed, empty answers included
    int count() const { return static_cast<int>(m_rows.size()); }
    // The field of an answer; nullptr when read-only (the answers are then shown as text).
    QLineEdit* answer(int index) const;
    void setReadOnly(bool readOnly);
    bool isReadOnly() const { return m_readOnly; }

    void addWhy();
    void removeWhy(int index);
    void moveWhy(int index, int by);

signals:
    void edited();

private:
    struct Row
    {
        QWidget* box = nullptr;
        QLineEdit* answer = nullptr;
        QToolButton* up = nullptr;
        QToolButton* down = nullptr;
        QToolButton* remove = nullptr;
    };
    void rebuild(const QStringList& whys, int focus = -1);
    QString questionFor(int index, const QStringList& whys) const;
    void updateQuestions();

    QString m_subject;
    QStringList m_recorded; // the answers last set, what a read-only chain shows
    bool m_readOnly = false;
    QVBoxLayout* m_rowsLayout = nullptr;
    QList<Row> m_rows;
    QPushButton* m_add = nullptr;
};

} // namespace stable
