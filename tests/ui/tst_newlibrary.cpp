// "New Library from Template…" through its dialog: the new file starts with the template's value
// streams, and a template that cannot be used leaves no file behind.
#include "fixtures.h"
#include "newlibrarydialog.h"
#include "process.h"
#include "templates.h"
#include "testlibrary.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QTest>

using namespace stable;
using namespace stable::test;

namespace {

void fill(NewLibraryDialog& dialog, int source, const QString& templatePath, const QString& target)
{
    dialog.findChild<QComboBox*>(QStringLiteral("source"))->setCurrentIndex(source);
    dialog.findChild<QLineEdit*>(QStringLiteral("templatePath"))->setText(templatePath);
    dialog.findChild<QLineEdit*>(QStringLiteral("targetPath"))->setText(target);
    QMetaObject::invokeMethod(dialog.findChild<QDialogButtonBox*>(), "accepted");
}

QStringList streamKeysIn(const QString& path)
{
    auto library = Library::open(path);
    if (!library.ok())
        return {library.message()};
    QStringList keys;
    const auto streams = listStreams(*library.value());
    for (const StreamSummary& stream : streams.value())
        keys.append(stream.key);
    keys.sort();
    return keys;
}

} // namespace

class TestNewLibrary : public QObject
{
    Q_OBJECT
private slots:
    void startsFromTheBuiltInTemplates()
    {
        QTemporaryDir folder;
        NewLibraryDialog dialog;
        QVERIFY(!dialog.findChild<QLineEdit*>(QStringLiteral("templatePath"))->isEnabled());
        fill(dialog, 0, {}, folder.filePath(QStringLiteral("team"))); // ".stable" is added
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        QCOMPARE(dialog.createdPath(), folder.filePath(QStringLiteral("team.stable")));
        QStringList expected = templateNames();
        expected.sort();
        QCOMPARE(streamKeysIn(dialog.createdPath()), expected);
        QCOMPARE(dialog.streamsCopied(), static_cast<int>(expected.size()));
    }

    void startsFromAnotherLibrary()
    {
        TempLibrary house;
        QVERIFY(importProcess(*house, sampleProcess()).ok());
        QVERIFY(importProcess(*house, opsProcess()).ok());
        house.close();
        QTemporaryDir folder;
        NewLibraryDialog dialog;
        fill(dialog, 1, house.path(), folder.filePath(QStringLiteral("new.stable")));
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        QCOMPARE(streamKeysIn(dialog.createdPath()), (QStringList{QStringLiteral("ops"), QStringLiteral("release")}));
    }

    void aBadTemplateLeavesNoFileAndSaysWhy()
    {
        QTemporaryDir folder;
        const QString notes = folder.filePath(QStringLiteral("notes.txt"));
        QFile file(notes);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("not a library");
        file.close();
        const QString target = folder.filePath(QStringLiteral("new.stable"));
        NewLibraryDialog dialog;
        fill(dialog, 1, notes, target);
        QVERIFY(dialog.result() != QDialog::Accepted);
        const QString message = dialog.findChild<QLabel*>(QStringLiteral("message"))->text();
        QVERIFY2(message.contains(QStringLiteral("‘notes.txt’")), qPrintable(message));
        QVERIFY(!QFile::exists(target));
        QCOMPARE(fileBytes(notes), QByteArray("not a library"));

        fill(dialog, 1, {}, target);
        QCOMPARE(dialog.findChild<QLabel*>(QStringLiteral("message"))->text(),
                 QStringLiteral("Choose the library whose value streams to start from."));
    }
};

QTEST_MAIN(TestNewLibrary)
#include "tst_newlibrary.moc"
