#pragma once

// Every address a person wrote (a signature's evidence, a link in a procedure) is opened through here:
// http and https only after a confirmation that shows the whole address; a local file is shown in its
// folder (the folder is opened, never the file: nothing is run); any other scheme (smb:, javascript:,
// a .desktop launcher behind file:, …) is not opened but shown so it can be copied.

#include <QString>
#include <QUrl>
#include <functional>

class QWidget;

namespace stable {

enum class LinkAction { OpenAfterConfirmation, ShowFolder, ShowOnly };

struct LinkDecision
{
    LinkAction action = LinkAction::ShowOnly;
    QUrl target;     // what would be opened: the address itself, or the local file's folder
    QString address; // the whole address as a person reads it
};

// What Stable does with `url`; decides only, opens nothing.
LinkDecision decideLink(const QUrl& url);

// The desktop's side of opening a link, replaceable so that tests see what would be opened.
struct LinkDesktop
{
    std::function<bool(const QUrl&)> open;                         // QDesktopServices::openUrl
    std::function<bool(QWidget*, const QString& address)> confirm; // "Open this address?"
    std::function<void(QWidget*, const QString& address, const QString& why)> showOnly; // copyable
};
LinkDesktop& linkDesktop();

// Decides, then asks, opens or shows through linkDesktop().
void openLink(QWidget* parent, const QUrl& url);

} // namespace stable
