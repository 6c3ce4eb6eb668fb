#pragma once

// User text in widgets is never markup: a title beginning with "<h1>" shows those characters. Qt reads a
// label's, a message box's and a tooltip's text as HTML when it merely looks like HTML; these make it plain.

#include <QMessageBox>
#include <QString>
#include <QTextBrowser>

class QLabel;
class QWidget;

namespace stable {

// The label shows its text as typed (Qt::PlainText), never as rich text.
QLabel* plainLabel(QLabel* label);

// A tooltip that shows `text` as typed, line breaks kept: escaped inside a paragraph, so that Qt's
// rich-text detection has nothing to find.
QString plainToolTip(const QString& text);

// A message box whose text may quote user text: shown as plain text, selectable so it can be copied.
QMessageBox::StandardButton plainMessage(QWidget* parent, QMessageBox::Icon icon, const QString& title,
                                         const QString& text,
                                         QMessageBox::StandardButtons buttons = QMessageBox::Ok,
                                         QMessageBox::StandardButton defaultButton = QMessageBox::NoButton);

// A text browser for text a person wrote (markdown): it loads nothing from disk or the network (an
// <img src="/home/…"> or ![](file:…) shows nothing) and follows no link itself; anchorClicked reports it.
class InertTextBrowser : public QTextBrowser
{
public:
    explicit InertTextBrowser(QWidget* parent = nullptr);
    // Markdown without its HTML: raw tags are shown as text.
    void showMarkdown(const QString& markdown);
    QVariant loadResource(int type, const QUrl& name) override;
};

} // namespace stable
