#include "newlibrarydialog.h"

#include "library.h"
#include "preferences.h"
#include "refusal.h"
#include "templates.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFile>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QVBoxLayout>

namespace stable {

namespace {

enum Source { BuiltIn, AnotherLibrary };

QString libraryFilter()
{
    return NewLibraryDialog::tr("Stable libraries (*.stable);;All files (*)");
}

QString lastFolder()
{
    return QSettings().value(QStringLiteral("files/lastFolder")).toString();
}

// Inline browse row: the path field and its button.
QWidget* pathRow(QLineEdit* edit, QPushButton* button, QWidget* parent)
{
    auto* row = new QWidget(parent);
    auto* layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(edit, 1);
    layout->addWidget(button);
    row->setFocusProxy(edit); // the row label's Alt+letter goes to the field
    return row;
}

void removeLibraryFiles(const QString& path)
{
    for (const QString& suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm"), QStringLiteral("-journal")})
        QFile::remove(path + suffix);
}

} // namespace

NewLibraryDialog::NewLibraryDialog(QWidget* parent)
    : QDialog(parent)
    , m_source(new QComboBox(this))
    , m_templatePath(new QLineEdit(this))
    , m_browseTemplate(new QPushButton(tr("Browse…"), this))
    , m_targetPath(new QLineEdit(this))
    , m_message(new QLabel(this))
{
    setWindowTitle(tr("New Library from Template"));
    m_source->setObjectName(QStringLiteral("source"));
    m_templatePath->setObjectName(QStringLiteral("templatePath"));
    m_targetPath->setObjectName(QStringLiteral("targetPath"));
    m_message->setObjectName(QStringLiteral("message"));
    m_source->addItem(tr("The built-in templates (Execution Plan, Software Release)"), BuiltIn);
    m_source->addItem(tr("The value streams of another library"), AnotherLibrary);
    m_templatePath->setPlaceholderText(tr("A Stable library whose processes to start from"));
    m_templatePath->setAccessibleName(tr("Template library"));
    m_targetPath->setPlaceholderText(tr("Where to make the new library"));
    m_targetPath->setAccessibleName(tr("New library file"));
    auto* browseTarget = new QPushButton(tr("Browse…"), this);
    m_browseTemplate->setAccessibleName(tr("Choose the template library"));
    browseTarget->setAccessibleName(tr("Choose where to make the new library"));

    styleAsRefusal(m_message);

    auto* explanation = new QLabel(tr("The new library starts with these value streams as drafts. People, "
                                      "revisions, runs and incidents are not copied."),
                                   this);
    explanation->setWordWrap(true);
    auto* form = new QFormLayout;
    form->addRow(tr("&Start from:"), m_source);
    form->addRow(tr("&Template library:"), pathRow(m_templatePath, m_browseTemplate, this));
    form->addRow(tr("&New library:"), pathRow(m_targetPath, browseTarget, this));
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    buttons->addButton(tr("&Create"), QDialogButtonBox::AcceptRole);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(explanation);
    layout->addLayout(form);
    layout->addWidget(m_message);
    layout->addStretch(1);
    layout->addWidget(buttons);

    connect(m_source, &QComboBox::currentIndexChanged, this, &NewLibraryDialog::sourceChosen);
    connect(m_browseTemplate, &QPushButton::clicked, this, &NewLibraryDialog::browseTemplate);
    connect(browseTarget, &QPushButton::clicked, this, &NewLibraryDialog::browseTarget);
    connect(buttons, &QDialogButtonBox::accepted, this, &NewLibraryDialog::create);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    sourceChosen();
    resize(640, sizeHint().height());
}

void NewLibraryDialog::sourceChosen()
{
    const bool another = m_source->currentData().toInt() == AnotherLibrary;
    m_templatePath->setEnabled(another);
    m_browseTemplate->setEnabled(another);
}

void NewLibraryDialog::browseTemplate()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Template Library"), lastFolder(), libraryFilter());
    if (!path.isEmpty())
        m_templatePath->setText(path);
}

void NewLibraryDialog::browseTarget()
{
    const QString path =
        QFileDialog::getSaveFileName(this, tr("New Library"), newLibraryFolder(), libraryFilter());
    if (!path.isEmpty())
        m_targetPath->setText(path);
}

void NewLibraryDialog::refuse(const QString& message)
{
    m_message->setText(message);
    m_message->show();
}

void NewLibraryDialog::create()
{
    QString target = m_targetPath->text().trimmed();
    const bool another = m_source->currentData().toInt() == AnotherLibrary;
    const QString templatePath = m_templatePath->text().trimmed();
    if (target.isEmpty())
        return refuse(tr("Choose where to make the new library."));
    if (another && templatePath.isEmpty())
        return refuse(tr("Choose the library whose value streams to start from."));
    if (!target.endsWith(QLatin1String(".stable")))
        target += QStringLiteral(".stable");

    auto library = Library::create(target);
    if (!library.ok())
        return refuse(library.message());
    auto copied = another ? copyTemplateLibrary(templatePath, *library.value()) : copyBuiltInTemplates(*library.value());
    library.value().reset();
    if (!copied.ok()) {
        // The file is ours and new: nothing of the person's is lost by taking it away again.
        removeLibraryFiles(target);
        return refuse(copied.message());
    }
    m_created = target;
    m_copied = copied.value();
    accept();
}

} // namespace stable
