#pragma once

#include <QByteArray>
#include <QJsonDocument>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>
#include <QTest>

#include <initializer_list>

namespace stable::test {

// What one run of the real stablectl binary did.
struct CtlResult
{
    int exitCode = -1;
    QString out;
    QString err;
    QString firstOutLine() const { return out.section(QLatin1Char('\n'), 0, 0); }
    QStringList errLines() const { return err.split(QLatin1Char('\n'), Qt::SkipEmptyParts); }
    QJsonDocument json() const { return QJsonDocument::fromJson(out.toUtf8()); }
    // For QVERIFY2: what the binary said, when an assertion about it fails.
    QByteArray said() const;
};

// Runs STABLECTL_PATH with `arguments`, feeding `input` on standard input. The PINs of the test people
// are in the environment variables PIN_AL, PIN_BO (and PIN_WRONG holds a wrong one).
CtlResult ctl(const QStringList& arguments, const QByteArray& input = {});

// The PINs the harness puts into the environment.
inline const char* pinAl = "2580";
inline const char* pinBo = "1357";

// audit_event rows of a library file, read without writing to it; -1 if it cannot be read.
qint64 auditEvents(const QString& libraryPath);
// Rows of any table, the same way.
qint64 rows(const QString& libraryPath, const QString& table);

// A stable-process/1 document: "release" with build (tests, artifact) → deploy (go [critical], smoke).
QByteArray releaseProcessJson();

bool looksLikeUuid(const QString& text);

// A command line from literals: words({"run", "sign"}).
QStringList words(std::initializer_list<const char*> list);

// Runs the command once; exit 0 and nothing on stderr.
#define CTL_OK(result)                                                                                       \
    do {                                                                                                     \
        const CtlResult ok_ = (result);                                                                      \
        QVERIFY2(ok_.exitCode == 0 && ok_.err.isEmpty(), ok_.said().constData());                            \
    } while (false)

// One refused command: exit 1, exactly one line on stderr containing `words`, nothing on stdout, and not
// one audit event more in the library at `path`.
#define CTL_REFUSED(result, words, path, auditBefore)                                                        \
    do {                                                                                                     \
        const CtlResult refusal_ = (result);                                                                 \
        QVERIFY2(refusal_.exitCode == 1, refusal_.said().constData());                                       \
        QVERIFY2(refusal_.errLines().size() == 1, refusal_.said().constData());                              \
        QVERIFY2(refusal_.err.startsWith(QStringLiteral("stablectl: ")), refusal_.said().constData());       \
        QVERIFY2(refusal_.err.contains(QStringLiteral(words)), refusal_.said().constData());                 \
        QCOMPARE(refusal_.out, QString());                                                                   \
        QCOMPARE(auditEvents(path), auditBefore);                                                            \
    } while (false)

} // namespace stable::test
