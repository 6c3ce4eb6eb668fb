#include "stablectl_harness.h"

#include "library.h"
#include "testlibrary.h"

#include <QProcess>
#include <QRegularExpression>

namespace stable::test {

QByteArray CtlResult::said() const
{
    return QStringLiteral("exit %1\nstdout: %2\nstderr: %3").arg(exitCode).arg(out, err).toUtf8();
}

CtlResult ctl(const QStringList& arguments, const QByteArray& input)
{
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("PIN_AL"), QLatin1String(pinAl));
    environment.insert(QStringLiteral("PIN_BO"), QLatin1String(pinBo));
    environment.insert(QStringLiteral("PIN_WRONG"), QStringLiteral("0000"));
    process.setProcessEnvironment(environment);
    process.start(QStringLiteral(STABLECTL_PATH), arguments);
    CtlResult result;
    if (!process.waitForStarted(10000))
        return result;
    if (!input.isEmpty())
        process.write(input);
    process.closeWriteChannel();
    if (!process.waitForFinished(60000)) {
        process.kill();
        process.waitForFinished();
        return result;
    }
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    result.out = QString::fromUtf8(process.readAllStandardOutput());
    result.err = QString::fromUtf8(process.readAllStandardError());
    return result;
}

qint64 rows(const QString& libraryPath, const QString& table)
{
    OpenOptions options;
    options.readOnly = true;
    auto library = Library::open(libraryPath, options);
    if (!library.ok())
        return -1;
    return rowCount(*library.value(), table);
}

qint64 auditEvents(const QString& libraryPath)
{
    return rows(libraryPath, QStringLiteral("audit_event"));
}

QByteArray releaseProcessJson()
{
    return QByteArrayLiteral(
        "{ \"format\": \"stable-process/1\", \"key\": \"release\", \"name\": \"Software Release\",\n"
        "  \"purpose\": \"Ship a tested build\", \"owner\": \"Release manager\",\n"
        "  \"steps\": [\n"
        "    { \"key\": \"build\", \"name\": \"Build\", \"throughput\": \"Compile and test.\", "
        "\"owner_role\": \"Engineer\",\n"
        "      \"planned_hours\": 1,\n"
        "      \"inputs\": [ { \"name\": \"Source\", \"supplier\": \"Developers\" } ],\n"
        "      \"outputs\": [ { \"name\": \"Install package\", \"customer\": \"deploy\" } ],\n"
        "      \"checks\": [\n"
        "        { \"key\": \"tests\", \"statement\": \"All unit tests pass\", \"stage\": \"in-process\", "
        "\"critical\": false,\n"
        "          \"guards_against\": \"A regression ships\", \"severity\": 6, \"occurrence\": 4, "
        "\"detection\": 2 },\n"
        "        { \"key\": \"artifact\", \"statement\": \"The package has a checksum\", \"stage\": "
        "\"exit\", \"critical\": false,\n"
        "          \"guards_against\": \"A corrupt package\", \"severity\": 5, \"occurrence\": 3, "
        "\"detection\": 3 } ] },\n"
        "    { \"key\": \"deploy\", \"name\": \"Deploy\", \"throughput\": \"Install on production.\", "
        "\"owner_role\": \"DBA\",\n"
        "      \"planned_hours\": 2,\n"
        "      \"inputs\": [ { \"name\": \"Install package\", \"supplier\": \"build\" } ],\n"
        "      \"outputs\": [ { \"name\": \"Production release\", \"customer\": \"Users\" } ],\n"
        "      \"checks\": [\n"
        "        { \"key\": \"go\", \"statement\": \"All stored procedures end with ‘Go’\", \"stage\": "
        "\"entry\", \"critical\": true,\n"
        "          \"guards_against\": \"Procedure deployed without GO\", \"severity\": 7, \"occurrence\": "
        "4, \"detection\": 3 },\n"
        "        { \"key\": \"smoke\", \"statement\": \"The smoke test passes\", \"stage\": \"exit\", "
        "\"critical\": false,\n"
        "          \"guards_against\": \"A broken release\", \"severity\": 8, \"occurrence\": 3, "
        "\"detection\": 2 } ] } ] }\n");
}

bool looksLikeUuid(const QString& text)
{
    static const QRegularExpression uuid(
        QStringLiteral("^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$"));
    return uuid.match(text).hasMatch();
}

QStringList words(std::initializer_list<const char*> list)
{
    QStringList result;
    for (const char* word : list)
        result << QString::fromUtf8(word);
    return result;
}

} // namespace stable::test
