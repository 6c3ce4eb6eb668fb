#pragma once

#include <QFrame>

#include <functional>

class QLabel;
class QPushButton;
class QToolButton;

namespace stable {

// A message across the top of the window that does not block: an undo or redo that no longer applies
// (someone else removed the step meanwhile), shown where the person is looking until they dismiss it or
// the next one replaces it.
class MessageBanner final : public QFrame
{
    Q_OBJECT
public:
    explicit MessageBanner(QWidget* parent = nullptr);
    void showMessage(const QString& text);
    // With a button that does what the message suggests (e.g. "Add Yourself…"); it hides the banner.
    void showMessage(const QString& text, const QString& actionText, std::function<void()> action);
    QString text() const;

private:
    QLabel* m_text = nullptr;
    QToolButton* m_dismiss = nullptr;
    QPushButton* m_action = nullptr;
    std::function<void()> m_do;
};

} // namespace stable
