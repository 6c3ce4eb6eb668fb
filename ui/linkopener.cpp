#include "linkopener.h"

#include "plaintext.h"

#include <QCoreApplication>
#include <QDesktopServices>
#include <QDir>
#include <QFileInfo>

namespace stable {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("LinkOpener", text);
}

LinkDesktop desktopDefaults()
{
    LinkDesktop desktop;
    desktop.open = [](const QUrl& url) { return QDesktopServices::openUrl(url); };
    desktop.confirm = [](QWidget* parent, const QString& address) {
        return plainMessage(parent, QMessageBox::Question, tr("Open a Web Address"),
                            tr("Open this address in the web browser?\n\n%1").arg(address),
                            QMessageBox::Open | QMessageBox::Cancel,
                            QMessageBox::Cancel) == QMessageBox::Open;
    };
    desktop.showOnly = [](QWidget* parent, const QString& address, const QString& why) {
        plainMessage(parent, QMessageBox::Information, tr("Address Not Opened"),
                     QStringLiteral("%1\n\n%2").arg(why, address));
    };
    return desktop;
}

} // namespace

LinkDecision decideLink(const QUrl& url)
{
    LinkDecision decision;
    decision.address = url.isLocalFile() ? QDir::toNativeSeparators(url.toLocalFile())
                                         : url.toDisplayString(QUrl::PreferLocalFile);
    const QString scheme = url.scheme().toLower();
    if ((scheme == QLatin1String("http") || scheme == QLatin1String("https")) && url.isValid() &&
        !url.host().isEmpty()) {
        decision.action = LinkAction::OpenAfterConfirmation;
        decision.target = url;
    } else if (url.isLocalFile() && url.host().isEmpty() && !url.toLocalFile().isEmpty()) {
        decision.action = LinkAction::ShowFolder;
        decision.target = QUrl::fromLocalFile(QFileInfo(url.toLocalFile()).absolutePath());
    }
    return decision;
}

LinkDesktop& linkDesktop()
{
    static LinkDesktop desktop = desktopDefaults();
    return desktop;
}

void openLink(QWidget* parent, const QUrl& url)
{
    const LinkDecision decision = decideLink(url);
    LinkDesktop& desktop = linkDesktop();
    switch (decision.action) {
    case LinkAction::OpenAfterConfirmation:
        if (desktop.confirm(parent, decision.address))
            desktop.open(decision.target);
        return;
    case LinkAction::ShowFolder:
        desktop.open(decision.target);
        return;
    case LinkAction::ShowOnly:
        desktop.showOnly(parent, decision.address,
                         tr("Stable opens only web addresses (http, https) and shows local files in their "
                            "folder; this address is shown for you to copy."));
        return;
    }
}

} // namespace stable
