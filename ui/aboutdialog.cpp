#include "aboutdialog.h"

#include "document.h"
#include "library.h"
#include "plaintext.h"
#include "sql.h"

#include <QDialogButtonBox>
#include <QDir>
#include <QFormLayout>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QSqlDatabase>
#include <QUuid>
#include <QVBoxLayout>

#ifndef STABLE_APP_ID
#error "STABLE_APP_ID comes from ui/CMakeLists.txt"
#endif

namespace stable {

QString applicationId()
{
    return QStringLiteral(STABLE_APP_ID);
}

QString licenceText()
{
    const QString spdx = QStringLiteral(STABLE_LICENSE);
    if (spdx == QLatin1String("LicenseRef-proprietary"))
        return AboutDialog::tr("All rights reserved (no licence has been chosen yet)");
    return spdx;
}

QIcon applicationIcon()
{
    return QIcon(QStringLiteral(":/icons/%1.svg").arg(applicationId()));
}

void applyApplicationIdentity()
{
    // The name and organisation place QSettings and the demo library (…/Stable/Stable/); keep them.
    QGuiApplication::setApplicationName(QStringLiteral("Stable"));
    QGuiApplication::setOrganizationName(QStringLiteral("Stable"));
    QGuiApplication::setOrganizationDomain(QStringLiteral("stable-pre.org"));
    QGuiApplication::setApplicationVersion(QStringLiteral(STABLE_VERSION));
    QGuiApplication::setDesktopFileName(applicationId());
    QGuiApplication::setWindowIcon(applicationIcon());
}

namespace {

QString askSqliteVersion(const QSqlDatabase& db)
{
    auto query = execSql(db, QStringLiteral("SELECT sqlite_version()"));
    if (!query.ok() || !query.value().next())
        return AboutDialog::tr("unknown");
    return query.value().value(0).toString();
}

} // namespace

QString sqliteVersionInUse(Document* document)
{
    if (document)
        return askSqliteVersion(document->library().db());
    const QString name = QStringLiteral("stable-about-%1").arg(QUuid::createUuid().toString(QUuid::Id128));
    QString version;
    {
        QSqlDatabase scratch = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        scratch.setDatabaseName(QStringLiteral(":memory:"));
        version = scratch.open() ? askSqliteVersion(scratch) : AboutDialog::tr("unknown");
        scratch.close();
    }
    QSqlDatabase::removeDatabase(name);
    return version;
}

AboutDialog::AboutDialog(Document* document, QWidget* parent)
    : QDialog(parent)
{
    setWindowTitle(tr("About Stable"));

    auto* icon = new QLabel(this);
    icon->setPixmap(applicationIcon().pixmap(96, 96));
    icon->setAlignment(Qt::AlignTop);
    icon->setAccessibleName(tr("Stable’s icon"));

    auto* title = new QLabel(tr("<h2>Stable %1</h2>").arg(QStringLiteral(STABLE_VERSION)), this);
    auto* blurb = new QLabel(tr("A workbench for Process Reliability Engineering: write down each step of a "
                                "value stream, sign proof for every run, and turn every escaped defect into "
                                "a sharper check."),
                             this);
    blurb->setWordWrap(true);

    const auto fact = [this](const QString& objectName, const QString& text) {
        auto* label = plainLabel(new QLabel(text, this));
        label->setObjectName(objectName);
        label->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
        label->setWordWrap(true);
        return label;
    };
    auto* facts = new QFormLayout;
    facts->addRow(tr("Version:"), fact(QStringLiteral("version"), QStringLiteral(STABLE_VERSION)));
    facts->addRow(tr("Licence:"), fact(QStringLiteral("licence"), licenceText()));
    facts->addRow(tr("Qt:"), fact(QStringLiteral("qtVersion"), QString::fromLatin1(qVersion())));
    facts->addRow(tr("SQLite:"), fact(QStringLiteral("sqliteVersion"), sqliteVersionInUse(document)));
    facts->addRow(tr("Library file:"),
                  fact(QStringLiteral("libraryPath"),
                       document ? QDir::toNativeSeparators(document->path()) : tr("none open")));
    facts->addRow(tr("Application id:"), fact(QStringLiteral("applicationId"), applicationId()));

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* text = new QVBoxLayout;
    text->addWidget(title);
    text->addWidget(blurb);
    text->addLayout(facts);
    auto* row = new QHBoxLayout;
    row->addWidget(icon);
    row->addLayout(text, 1);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(row);
    layout->addWidget(buttons);
    setMinimumWidth(520);
}

} // namespace stable
