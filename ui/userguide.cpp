#include "userguide.h"

#include "mainwindow.h"

#include <QAction>
#include <QDesktopServices>
#include <QDialogButtonBox>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QListWidget>
#include <QMenu>
#include <QSignalBlocker>
#include <QSplitter>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace stable {

namespace {

const QString guideRoot = QStringLiteral("qrc:/guide/");

QUrl pageUrl(const QString& page)
{
    return QUrl(guideRoot + page);
}

} // namespace

QStringList UserGuide::pages()
{
    return {QStringLiteral("index.html"),   QStringLiteral("process.html"),
            QStringLiteral("proof.html"),   QStringLiteral("improvement.html"),
            QStringLiteral("console.html"), QStringLiteral("people.html")};
}

QString UserGuide::pageFor(View view)
{
    switch (view) {
    case View::Library:
    case View::Map:
        return QStringLiteral("process.html");
    case View::Runs:
        return QStringLiteral("proof.html");
    case View::Incidents:
        return QStringLiteral("improvement.html");
    case View::Console:
        return QStringLiteral("console.html");
    }
    return QStringLiteral("index.html");
}

UserGuide::UserGuide(QWidget* parent)
    : QDialog(parent)
    , m_contents(new QListWidget(this))
    , m_browser(new QTextBrowser(this))
{
    setObjectName(QStringLiteral("userGuide"));
    setWindowTitle(tr("Stable User Guide"));
    m_contents->setObjectName(QStringLiteral("guideContents"));
    m_contents->setAccessibleName(tr("Pages of the guide"));
    m_browser->setObjectName(QStringLiteral("guidePage"));
    m_browser->setAccessibleName(tr("Guide page"));
    m_browser->setOpenLinks(false); // pages of the guide here, anything else in the desktop's browser
    connect(m_browser, &QTextBrowser::anchorClicked, this, [this](const QUrl& url) {
        if (url.scheme() == QLatin1String("qrc") || url.isRelative())
            showPage(QFileInfo(url.path()).fileName());
        else
            QDesktopServices::openUrl(url);
    });
    for (const QString& page : pages()) {
        // The page's own title, so that the contents and the pages never disagree.
        QTextBrowser reader;
        reader.setSource(pageUrl(page));
        auto* item = new QListWidgetItem(reader.documentTitle(), m_contents);
        item->setData(Qt::UserRole, page);
    }
    m_contents->setMaximumWidth(fontMetrics().averageCharWidth() * 36);
    connect(m_contents, &QListWidget::currentRowChanged, this, [this](int row) {
        if (row >= 0)
            showPage(pages().value(row));
    });

    auto* split = new QSplitter(this);
    split->addWidget(m_contents);
    split->addWidget(m_browser);
    split->setStretchFactor(1, 1);
    split->setChildrenCollapsible(false);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::close);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(split, 1);
    layout->addWidget(buttons);
    resize(860, 600);
    showPage(pages().constFirst());
}

void UserGuide::showPage(const QString& page)
{
    const QString known = pages().contains(page) ? page : pages().constFirst();
    m_browser->setSource(pageUrl(known));
    const QSignalBlocker blocker(m_contents);
    m_contents->setCurrentRow(static_cast<int>(pages().indexOf(known)));
}

QString UserGuide::currentPage() const
{
    return QFileInfo(m_browser->source().path()).fileName();
}

void installUserGuide(MainWindow& window)
{
    QMenu* help = window.helpMenu();
    auto* action = new QAction(UserGuide::tr("&User Guide"), help);
    action->setObjectName(QStringLiteral("userGuideAction"));
    action->setShortcut(QKeySequence::HelpContents);
    action->setToolTip(UserGuide::tr("The loop of the product and what each view is for, at the page of the "
                                     "view shown (%1)")
                           .arg(action->shortcut().toString(QKeySequence::NativeText)));
    const QList<QAction*> existing = help->actions();
    help->insertAction(existing.isEmpty() ? nullptr : existing.constFirst(), action);
    QObject::connect(action, &QAction::triggered, &window, [&window] {
        auto* guide = window.findChild<UserGuide*>(QStringLiteral("userGuide"));
        if (!guide)
            guide = new UserGuide(&window); // kept, hidden when closed, for the next F1
        const std::optional<View> view = window.currentView();
        guide->showPage(view && window.document() ? UserGuide::pageFor(*view) : QStringLiteral("index.html"));
        guide->show();
        guide->raise();
        guide->activateWindow();
    });
}

} // namespace stable
