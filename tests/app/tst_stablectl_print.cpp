// stablectl checklist and receipt on real files: the PDFs read back with pdftotext (what a person sees on
// paper), the receipt's JSON compared with the library, and every refusal leaving no file behind.
#include "audit.h"
#include "library.h"
#include "runs.h"
#include "stablectl_harness.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace stable;
using namespace stable::test;

namespace {

// The text of a PDF as pdftotext lays it out.
QString pdfText(const QString& path)
{
    QProcess process;
    process.start(QStringLiteral("pdftotext"), {QStringLiteral("-layout"), path, QStringLiteral("-")});
    if (!process.waitForFinished(30000) || process.exitCode() != 0)
        return {};
    return QString::fromUtf8(process.readAllStandardOutput());
}

int occurrences(const QString& text, const QString& words)
{
    return static_cast<int>(text.count(words));
}

} // namespace

class TestStablectlPrint : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    QString m_lib;
    QString m_run;
    QString m_voided;
    QDateTime m_base; // just before the run started: signatures are dated minutes before it, never earlier
    QString signedAt(int seconds) const { return m_base.addSecs(seconds).toString(Qt::ISODate); }

    QString path(const QString& name) const { return m_dir.filePath(name); }

    CtlResult signAs(const QString& item, const QString& outcome, const QString& who, const QStringList& more = {})
    {
        QStringList words{QStringLiteral("run"), QStringLiteral("sign"), m_lib, m_run, item, QStringLiteral("--outcome"),
                          outcome, QStringLiteral("--by"), who, QStringLiteral("--pin-env"),
                          who == QLatin1String("AL") ? QStringLiteral("PIN_AL") : QStringLiteral("PIN_BO")};
        return ctl(words + more);
    }

private slots:
    // Alice and Bob, the release process published, one run: a voided signature and its replacement, a
    // failed first attempt and its retry, the critical item signed by both, one item left open.
    void initTestCase()
    {
        qputenv("PIN_BO", pinBo);
        m_lib = path(QStringLiteral("team.stable"));
        CTL_OK(ctl({QStringLiteral("init"), m_lib}));
        CTL_OK(ctl({QStringLiteral("person"), QStringLiteral("add"), m_lib, QStringLiteral("--name"),
                    QStringLiteral("Alice Example"), QStringLiteral("--initials"), QStringLiteral("AL"),
                    QStringLiteral("--pin-env"), QStringLiteral("PIN_AL")}));
        CTL_OK(ctl({QStringLiteral("person"), QStringLiteral("add"), m_lib, QStringLiteral("--name"),
                    QStringLiteral("Bob Example"), QStringLiteral("--initials"), QStringLiteral("BO"),
                    QStringLiteral("--pin-env"), QStringLiteral("PIN_BO")}));
        QFile process(path(QStringLiteral("release.json")));
        QVERIFY(process.open(QIODevice::WriteOnly));
        process.write(releaseProcessJson());
        process.close();
        CTL_OK(ctl({QStringLiteral("import"), m_lib, process.fileName()}));
        CTL_OK(ctl({QStringLiteral("publish"), m_lib, QStringLiteral("release"), QStringLiteral("--by"),
                    QStringLiteral("AL"), QStringLiteral("--reason"), QStringLiteral("First written version"),
                    QStringLiteral("--pin-env"), QStringLiteral("PIN_AL")}));
        m_base = QDateTime::currentDateTimeUtc().addMSecs(-QDateTime::currentDateTimeUtc().time().msec());
        const CtlResult started = ctl({QStringLiteral("run"), QStringLiteral("start"), m_lib, QStringLiteral("release"),
                                       QStringLiteral("--title"), QStringLiteral("Release 4.2.0")});
        CTL_OK(started);
        m_run = started.out.trimmed();

        const CtlResult first =
            signAs(QStringLiteral("build/tests"), QStringLiteral("pass"), QStringLiteral("AL"),
                   {QStringLiteral("--at"), signedAt(-240), QStringLiteral("--note"),
                    QStringLiteral("CI pipeline 812"), QStringLiteral("--evidence"),
                    QStringLiteral("https://ci.example/812")});
        CTL_OK(first);
        m_voided = first.out.trimmed();
        CTL_OK(ctl({QStringLiteral("run"), QStringLiteral("void"), m_lib, m_run, m_voided, QStringLiteral("--reason"),
                    QStringLiteral("Signed for the wrong build"), QStringLiteral("--by"), QStringLiteral("BO"),
                    QStringLiteral("--pin-env"), QStringLiteral("PIN_BO")}));
        CTL_OK(signAs(QStringLiteral("build/tests"), QStringLiteral("pass"), QStringLiteral("BO"),
                      {QStringLiteral("--at"), signedAt(-230)}));
        CTL_OK(signAs(QStringLiteral("build/artifact"), QStringLiteral("fail"), QStringLiteral("BO"),
                      {QStringLiteral("--at"), signedAt(-220)}));
        CTL_OK(signAs(QStringLiteral("build/artifact"), QStringLiteral("pass"), QStringLiteral("BO"),
                      {QStringLiteral("--at"), signedAt(-210)}));
        CTL_OK(signAs(QStringLiteral("deploy/go"), QStringLiteral("pass"), QStringLiteral("AL"),
                      {QStringLiteral("--at"), signedAt(-200)}));
        CTL_OK(signAs(QStringLiteral("deploy/go"), QStringLiteral("pass"), QStringLiteral("BO"),
                      {QStringLiteral("--at"), signedAt(-190), QStringLiteral("--meaning"),
                       QStringLiteral("verified")}));
    }

    void checklistHasEveryCheckWithSignatureLines()
    {
        const QString out = path(QStringLiteral("checklist.pdf"));
        const qint64 events = auditEvents(m_lib);
        const CtlResult result =
            ctl({QStringLiteral("checklist"), m_lib, QStringLiteral("release"), QStringLiteral("--pdf"), out});
        CTL_OK(result);
        QVERIFY2(result.out.contains(QStringLiteral("Checklist — Software Release")), result.said().constData());
        QCOMPARE(auditEvents(m_lib), events); // printing writes nothing

        const QString text = pdfText(out);
        QVERIFY2(!text.isEmpty(), "pdftotext read nothing");
        QVERIFY(text.contains(QStringLiteral("Software Release")));
        QVERIFY(text.contains(QStringLiteral("Revision 1")));
        for (const char* statement : {"All unit tests pass", "The package has a checksum",
                                      "All stored procedures end with ‘Go’", "The smoke test passes"})
            QVERIFY2(text.contains(QString::fromUtf8(statement)), statement);
        // Four checks, the critical one with a second block, and the closing signature.
        QCOMPARE(occurrences(text, QStringLiteral("Printed name")), 6);
        QCOMPARE(occurrences(text, QStringLiteral("Signature")), 6);
        QCOMPARE(occurrences(text, QStringLiteral("Date/time (UTC)")), 6);
        QCOMPARE(occurrences(text, QStringLiteral("Second signer")), 1);
        QCOMPARE(occurrences(text, QStringLiteral("CRITICAL — two signatures")), 1);
        QVERIFY(text.contains(QStringLiteral("Rollback point (UTC)")));
        QVERIFY(QRegularExpression(QStringLiteral("Page 1 of \\d")).match(text).hasMatch());

        // Letter paper on request; the same revision by number.
        const QString letter = path(QStringLiteral("letter.pdf"));
        CTL_OK(ctl({QStringLiteral("checklist"), m_lib, QStringLiteral("release"), QStringLiteral("--revision"),
                    QStringLiteral("1"), QStringLiteral("--pdf"), letter, QStringLiteral("--paper"),
                    QStringLiteral("letter")}));
        QProcess info;
        info.start(QStringLiteral("pdfinfo"), {letter});
        QVERIFY(info.waitForFinished(30000));
        QVERIFY(QString::fromUtf8(info.readAllStandardOutput()).contains(QStringLiteral("612 x 792 pts")));
    }

    void receiptShowsEverySignatureAndTheChainHead()
    {
        const QString pdf = path(QStringLiteral("receipt.pdf"));
        const QString json = path(QStringLiteral("receipt.json"));
        const CtlResult result = ctl({QStringLiteral("receipt"), m_lib, m_run, QStringLiteral("--pdf"), pdf,
                                      QStringLiteral("--json"), json});
        CTL_OK(result);

        QFile file(json);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QJsonObject receipt = QJsonDocument::fromJson(file.readAll()).object();
        QCOMPARE(receipt[QStringLiteral("format")].toString(), QStringLiteral("stable-receipt/1"));

        // The JSON carries what `run show` shows, attestation by attestation.
        const CtlResult shown = ctl({QStringLiteral("run"), QStringLiteral("show"), m_lib, m_run, QStringLiteral("--json")});
        CTL_OK(shown);
        const QJsonArray shownItems = shown.json().object()[QStringLiteral("items")].toArray();
        const QJsonArray items = receipt[QStringLiteral("run")][QStringLiteral("items")].toArray();
        QCOMPARE(items.size(), shownItems.size());
        for (int i = 0; i < items.size(); ++i) {
            const QJsonArray attestations = items[i][QStringLiteral("attestations")].toArray();
            const QJsonArray shownAttestations = shownItems[i][QStringLiteral("attestations")].toArray();
            QCOMPARE(attestations.size(), shownAttestations.size());
            for (int a = 0; a < attestations.size(); ++a) {
                QJsonObject mine = attestations[a].toObject();
                QVERIFY(mine.contains(QStringLiteral("void")));
                mine.remove(QStringLiteral("void"));
                QCOMPARE(mine, shownAttestations[a].toObject());
            }
        }

        // The head is the library's newest audit event.
        {
            OpenOptions options;
            options.readOnly = true;
            auto library = Library::open(m_lib, options);
            QVERIFY2(library.ok(), qPrintable(library.message()));
            const ChainHead head = chainHead(*library.value()).value();
            QCOMPARE(receipt[QStringLiteral("audit_head")][QStringLiteral("hash")].toString(), head.hash);
            QCOMPARE(receipt[QStringLiteral("audit_head")][QStringLiteral("length")].toInteger(), head.length);
        }

        const QString text = pdfText(pdf);
        QVERIFY2(!text.isEmpty(), "pdftotext read nothing");
        QVERIFY(text.contains(QStringLiteral("Receipt: Release 4.2.0")));
        for (const QString& at : {signedAt(-240), signedAt(-230), signedAt(-190)})
            QVERIFY2(text.contains(at), qPrintable(at));
        for (const char* words : {"Alice Example (AL)", "Bob Example (BO)", "performed", "verified", "FAIL",
                                  "VOIDED by Bob Example", "Signed for the wrong build", "CI pipeline 812",
                                  "https://ci.example/812", "All stored procedures end with ‘Go’",
                                  "The smoke test passes", "Not signed."})
            QVERIFY2(text.contains(QString::fromUtf8(words)), words);
        QVERIFY(text.contains(receipt[QStringLiteral("items_hash")].toString()));
        QVERIFY(text.contains(receipt[QStringLiteral("audit_head")][QStringLiteral("hash")].toString()));
        QVERIFY(text.contains(receipt[QStringLiteral("revision")][QStringLiteral("hash")].toString()));
        int hashes = 0;
        for (const QJsonValue& item : items) {
            for (const QJsonValue& attestation : item[QStringLiteral("attestations")].toArray()) {
                const QString hash = attestation[QStringLiteral("hash")].toString();
                QCOMPARE(hash.size(), 64);
                QVERIFY2(occurrences(text, hash.left(12)) >= 2, qPrintable(hash)); // beside it and in the table
                QVERIFY2(text.contains(hash), qPrintable(hash));
                ++hashes;
            }
        }
        QCOMPARE(hashes, 6);
        QVERIFY(QRegularExpression(QStringLiteral("Page 1 of \\d")).match(text).hasMatch());
    }

    void receiptAsJsonAlone()
    {
        const QString json = path(QStringLiteral("alone.json"));
        CTL_OK(ctl({QStringLiteral("receipt"), m_lib, m_run, QStringLiteral("--json"), json}));
        QVERIFY(QFile::exists(json));
        QVERIFY(QDir(m_dir.path()).entryList({QStringLiteral("alone*")}, QDir::Files).size() == 1);
    }

    void refusalsLeaveNoFile()
    {
        const qint64 events = auditEvents(m_lib);
        const QString out = path(QStringLiteral("refused.pdf"));
        CTL_REFUSED(ctl({QStringLiteral("checklist"), m_lib, QStringLiteral("nope"), QStringLiteral("--pdf"), out}),
                    "‘nope’", m_lib, events);
        CTL_REFUSED(ctl({QStringLiteral("checklist"), m_lib, QStringLiteral("release"), QStringLiteral("--revision"),
                         QStringLiteral("7"), QStringLiteral("--pdf"), out}),
                    "revision 7", m_lib, events);
        CTL_REFUSED(ctl({QStringLiteral("receipt"), m_lib, QStringLiteral("no-such-run"), QStringLiteral("--pdf"), out}),
                    "No run with id ‘no-such-run’.", m_lib, events);
        QVERIFY(!QFile::exists(out));

        // An unwritable destination: refused before anything is written, the other output not left behind.
        const QString missingFolder = path(QStringLiteral("missing/receipt.pdf"));
        CTL_REFUSED(ctl({QStringLiteral("receipt"), m_lib, m_run, QStringLiteral("--pdf"), missingFolder}),
                    "does not exist", m_lib, events);
        const QString pdf = path(QStringLiteral("half.pdf"));
        CTL_REFUSED(ctl({QStringLiteral("receipt"), m_lib, m_run, QStringLiteral("--pdf"), pdf, QStringLiteral("--json"),
                         path(QStringLiteral("missing/receipt.json"))}),
                    "does not exist", m_lib, events);
        QVERIFY(!QFile::exists(pdf));
        CTL_REFUSED(ctl({QStringLiteral("checklist"), m_lib, QStringLiteral("release"), QStringLiteral("--pdf"),
                         missingFolder}),
                    "does not exist", m_lib, events);
        QVERIFY(QDir(m_dir.path()).entryList({QStringLiteral("half*"), QStringLiteral("refused*")}, QDir::Files).isEmpty());

        const CtlResult neither = ctl({QStringLiteral("receipt"), m_lib, m_run});
        QCOMPARE(neither.exitCode, 2);
        QVERIFY2(neither.err.contains(QStringLiteral("--pdf OUT.pdf, --json OUT.json or both")), neither.said().constData());
        const CtlResult paper = ctl({QStringLiteral("checklist"), m_lib, QStringLiteral("release"), QStringLiteral("--pdf"),
                                     out, QStringLiteral("--paper"), QStringLiteral("a3")});
        QCOMPARE(paper.exitCode, 1);
        QVERIFY(paper.err.contains(QStringLiteral("--paper must be a4 or letter")));
        QVERIFY(!QFile::exists(out));
    }
};

QTEST_GUILESS_MAIN(TestStablectlPrint)
#include "tst_stablectl_print.moc"
