#include "reliability.h"

#include "fixtures.h"
#include "integrity.h"
#include "library.h"
#include "people.h"
#include "sql.h"

#include <QCryptographicHash>
#include <QFile>
#include <QProcess>

namespace stable::test {

int rounds(int shortCount)
{
    bool isNumber = false;
    const int wanted = qEnvironmentVariableIntValue("STABLE_RELIABILITY_ROUNDS", &isNumber);
    return isNumber && wanted > 0 ? wanted : shortCount;
}

quint32 seed()
{
    bool isNumber = false;
    const int wanted = qEnvironmentVariableIntValue("STABLE_RELIABILITY_SEED", &isNumber);
    return isNumber ? static_cast<quint32>(wanted) : 20260301u;
}

void makeSigningLibrary(const QString& path)
{
    auto created = Library::create(path);
    if (!created.ok())
        qFatal("cannot create %s: %s", qPrintable(path), qPrintable(created.message()));
    Library& library = *created.value();
    library.setPinCost(PinCost::minimal());
    const QStringList people = {QStringLiteral("Alice Example/AL"), QStringLiteral("Bob Example/BO"),
                                QStringLiteral("Chris Example/CH")};
    for (const QString& person : people) {
        auto added = addPerson(library, NewPerson{person.section(QLatin1Char('/'), 0, 0),
                                                  person.section(QLatin1Char('/'), 1, 1),
                                                  QStringLiteral("Engineer"), QLatin1String(childPin)});
        if (!added.ok())
            qFatal("cannot add %s: %s", qPrintable(person), qPrintable(added.message()));
    }
    auto alice = authenticate(library, QStringLiteral("AL"), QLatin1String(childPin));
    if (!alice.ok())
        qFatal("%s", qPrintable(alice.message()));
    publishSample(library, alice.value());
}

FileVerdict inspect(const QString& path)
{
    FileVerdict verdict;
    auto library = Library::open(path);
    if (!library.ok()) {
        verdict.problem = library.message();
        return verdict;
    }
    verdict.opened = true;
    auto checked = checkLibrary(*library.value());
    verdict.checkOk = checked.ok() && checked->ok;
    auto verified = verifyLibrary(*library.value());
    verdict.verifyOk = verified.ok() && verified->ok;
    if (!verdict.checkOk)
        verdict.problem = checked.ok() ? checked->problems.value(0) : checked.message();
    else if (!verdict.verifyOk)
        verdict.problem = verified.ok() ? verified->firstProblem : verified.message();
    verdict.auditEvents = verified.ok() ? verified->events : -1;
    auto ids = execSql(library.value()->db(), QStringLiteral("SELECT id FROM attestation"));
    while (ids.ok() && ids->next())
        verdict.attestationIds << ids->value(0).toString();
    return verdict;
}

QByteArray ProgramResult::said() const
{
    return QStringLiteral("exit %1%2%3\nstdout: %4\nstderr: %5")
        .arg(exitCode)
        .arg(crashed ? QStringLiteral(" (crashed)") : QString(), finished ? QString() : QStringLiteral(" (hung)"),
             out.left(2000), err.left(2000))
        .toUtf8();
}

ProgramResult runProgram(const QString& program, const QStringList& arguments, int timeoutMs,
                         const QProcessEnvironment& environment, const std::function<void()>& childSetup)
{
    ProgramResult result;
    QProcess process;
    process.setProcessEnvironment(environment);
    if (childSetup)
        process.setChildProcessModifier(childSetup);
    process.start(program, arguments);
    result.started = process.waitForStarted(10000);
    if (!result.started)
        return result;
    process.closeWriteChannel();
    result.finished = process.waitForFinished(timeoutMs);
    if (!result.finished) {
        process.kill();
        process.waitForFinished();
    }
    result.crashed = result.finished && process.exitStatus() == QProcess::CrashExit;
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    result.out = QString::fromUtf8(process.readAllStandardOutput());
    result.err = QString::fromUtf8(process.readAllStandardError());
    return result;
}

ProgramResult runStablectl(const QStringList& arguments, int timeoutMs, const QProcessEnvironment& environment)
{
    return runProgram(stablectlPath(), arguments, timeoutMs, environment);
}

QString signerChildPath()
{
    return QStringLiteral(SIGNER_CHILD_PATH);
}

QString stablectlPath()
{
    return QStringLiteral(STABLECTL_PATH);
}

QStringList reportedSignings(const QString& output)
{
    QStringList ids;
    const QStringList lines = output.split(QLatin1Char('\n'));
    for (const QString& line : lines)
        if (line.startsWith(QLatin1String("signed ")))
            ids << line.mid(7).trimmed();
    return ids;
}

QString sha256Of(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return QString();
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(&file);
    return QString::fromLatin1(hash.result().toHex());
}

} // namespace stable::test
