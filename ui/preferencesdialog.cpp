#include "preferencesdialog.h"

#include "mainwindow.h"
#include "preferences.h"
#include "shortcuts.h"
#include "theme.h"

#include <QAction>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPushButton>
#include <QVBoxLayout>

namespace stable {

PreferencesDialog::PreferencesDialog(QWidget* parent)
    : QDialog(parent)
    , m_theme(new QComboBox(this))
    , m_folder(new QLineEdit(this))
    , m_startView(new QComboBox(this))
{
    setWindowTitle(tr("Preferences"));
    setObjectName(QStringLiteral("preferencesDialog"));
    m_theme->setObjectName(QStringLiteral("theme"));
    m_folder->setObjectName(QStringLiteral("libraryFolder"));
    m_startView->setObjectName(QStringLiteral("startView"));

    const Preferences preferences = Preferences::load();
    m_theme->addItem(tr("Follow the system"), static_cast<int>(Theme::System));
    m_theme->addItem(tr("Light"), static_cast<int>(Theme::Light));
    m_theme->addItem(tr("Dark"), static_cast<int>(Theme::Dark));
    m_theme->setCurrentIndex(m_theme->findData(static_cast<int>(preferences.theme)));

    m_folder->setText(QDir::toNativeSeparators(newLibraryFolder()));
    m_folder->setAccessibleName(tr("The folder new libraries go to"));
    auto* browse = new QPushButton(tr("&Browse…"), this);
    browse->setObjectName(QStringLiteral("browseFolder"));
    browse->setAccessibleName(tr("Choose the folder new libraries go to"));
    connect(browse, &QPushButton::clicked, this, &PreferencesDialog::browse);
    auto* folderRow = new QHBoxLayout;
    folderRow->addWidget(m_folder, 1);
    folderRow->addWidget(browse);

    const std::pair<View, QString> views[] = {{View::Library, tr("Library")},
                                              {View::Map, tr("Map")},
                                              {View::Runs, tr("Runs")},
                                              {View::Incidents, tr("Incidents")},
                                              {View::Console, tr("Console")}};
    for (const auto& [view, title] : views)
        m_startView->addItem(title, viewName(view));
    m_startView->setCurrentIndex(m_startView->findData(viewName(preferences.startView)));

    auto* form = new QFormLayout;
    form->addRow(tr("&Theme:"), m_theme);
    auto* folderLabel = new QLabel(tr("New &libraries go to:"), this);
    folderLabel->setBuddy(m_folder);
    form->addRow(folderLabel, folderRow);
    form->addRow(tr("&Start in the view:"), m_startView);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &PreferencesDialog::save);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addStretch(1);
    layout->addWidget(buttons);
    resize(560, sizeHint().height());
}

void PreferencesDialog::browse()
{
    const QString folder =
        QFileDialog::getExistingDirectory(this, tr("New Libraries Go To"), m_folder->text());
    if (!folder.isEmpty())
        m_folder->setText(QDir::toNativeSeparators(folder));
}

void PreferencesDialog::save()
{
    Preferences preferences = Preferences::load();
    const auto theme = static_cast<Theme>(m_theme->currentData().toInt());
    const bool themeChanged = theme != preferences.theme;
    preferences.theme = theme;
    const QString folder = QDir::fromNativeSeparators(m_folder->text().trimmed());
    // The default is kept as "the default", so that it follows a Documents folder that appears later.
    preferences.libraryFolder = folder == defaultLibraryFolder() ? QString() : folder;
    preferences.startView = parseView(m_startView->currentData().toString()).value_or(View::Library);
    preferences.save();
    if (themeChanged)
        applyTheme(theme);
    accept();
}

void installPreferences(MainWindow& window)
{
    QMenu* edit = window.editMenu();
    edit->addSeparator();
    QAction* preferences = edit->addAction(PreferencesDialog::tr("Pr&eferences…"), &window, [&window] {
        PreferencesDialog dialog(&window);
        dialog.exec();
    });
    preferences->setObjectName(QStringLiteral("preferencesAction"));
    preferences->setMenuRole(QAction::PreferencesRole);
    giveShortcut(preferences, QKeySequence(Qt::CTRL | Qt::Key_Comma),
                 PreferencesDialog::tr("The theme, where new libraries go, the view to start in"));
}

} // namespace stable
