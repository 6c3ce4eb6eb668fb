#pragma once

#include "views.h"

#include <QDialog>

class QListWidget;
class QTextBrowser;

namespace stable {

class MainWindow;

// Help → User Guide (F1): a few pages kept in the app (offline), the loop of the product — process →
// proof → improvement → console — and what each view is for, with a contents list beside them. Links
// between pages follow; links out of the guide open in the desktop's browser.
class UserGuide final : public QDialog
{
    Q_OBJECT
public:
    explicit UserGuide(QWidget* parent = nullptr);

    // The pages in contents order: file names under the guide's resource folder.
    static QStringList pages();
    // The page about a view ("proof.html" for the Runs view).
    static QString pageFor(View view);

    void showPage(const QString& page);
    QString currentPage() const;
    QTextBrowser* browser() const { return m_browser; }

private:
    QListWidget* m_contents = nullptr;
    QTextBrowser* m_browser = nullptr;
};

// Help → User Guide with F1, opening at the page of the view shown; one guide window per main window.
void installUserGuide(MainWindow& window);

} // namespace stable
