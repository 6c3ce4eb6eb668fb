// stablectl's additions for the People and Library Settings windows: `person retire` writes the record
// the window writes (the person kept, no longer signing), and `settings set` takes `currency`.
#include "stablectl_harness.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace stable::test;

class TestStablectlPeople : public QObject
{
    Q_OBJECT
private slots:
    void retireKeepsThePersonButNotTheirSignature()
    {
        QTemporaryDir dir;
        const QString lib = dir.filePath(QStringLiteral("team.stable"));
        CTL_OK(ctl({QStringLiteral("init"), lib}));
        CTL_OK(ctl({QStringLiteral("person"), QStringLiteral("add"), lib, QStringLiteral("--name"),
                    QStringLiteral("Alice Example"), QStringLiteral("--initials"), QStringLiteral("AL"),
                    QStringLiteral("--pin-env"), QStringLiteral("PIN_AL")}));
        const CtlResult retired =
            ctl({QStringLiteral("person"), QStringLiteral("retire"), lib, QStringLiteral("al")});
        CTL_OK(retired);
        QCOMPARE(retired.out,
                 QStringLiteral("Retired Alice Example (AL): kept in the history, can no longer sign.\n"));
        QCOMPARE(rows(lib, QStringLiteral("person")), 1);
        const CtlResult listed =
            ctl({QStringLiteral("person"), QStringLiteral("list"), lib, QStringLiteral("--json")});
        CTL_OK(listed);
        QCOMPARE(listed.json().array().size(), 0); // who can sign

        const qint64 before = auditEvents(lib);
        CTL_REFUSED(ctl({QStringLiteral("person"), QStringLiteral("retire"), lib, QStringLiteral("AL")}),
                    "Alice Example is already retired.", lib, before);
        CTL_OK(ctl({QStringLiteral("verify"), lib}));
    }

    void settingsTakeACurrency()
    {
        QTemporaryDir dir;
        const QString lib = dir.filePath(QStringLiteral("team.stable"));
        CTL_OK(ctl({QStringLiteral("init"), lib}));
        const CtlResult set = ctl({QStringLiteral("settings"), QStringLiteral("set"), lib,
                                   QStringLiteral("currency"), QStringLiteral("EUR")});
        CTL_OK(set);
        QCOMPARE(set.out, QStringLiteral("currency = EUR\n"));
        const qint64 before = auditEvents(lib);
        CTL_REFUSED(ctl({QStringLiteral("settings"), QStringLiteral("set"), lib, QStringLiteral("currency"),
                         QStringLiteral("euro")}),
                    "currency must be an ISO 4217 code of three capital letters", lib, before);
        const QString out = dir.filePath(QStringLiteral("out.json"));
        CTL_OK(ctl({QStringLiteral("export"), lib, out}));
        QFile file(out);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(QJsonDocument::fromJson(file.readAll())
                     .object()
                     .value(QStringLiteral("settings"))
                     .toObject()
                     .value(QStringLiteral("currency"))
                     .toString(),
                 QStringLiteral("EUR"));
    }
};

QTEST_GUILESS_MAIN(TestStablectlPeople)
#include "tst_stablectl_people.moc"
