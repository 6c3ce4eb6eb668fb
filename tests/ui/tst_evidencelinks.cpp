// Evidence links and links in a procedure go through one opener: http and https only after a
// confirmation that shows the whole address; a local file is shown in its folder (never opened, never
// run); any other scheme is not opened but shown to be copied. The desktop's side is replaced here, so
// the test sees what would have been opened without launching anything.
#include "linkopener.h"
#include "runs/runsview.h"
#include "runstestsupport.h"

#include <QRegularExpression>
#include <QTest>
#include <QTextBrowser>

using namespace stable;
using namespace stable::test;

namespace {

// What the desktop was asked: "confirm ADDRESS", "open URL", "show ADDRESS".
struct RecordingDesktop
{
    QStringList asked;
    bool answer = true;
    LinkDesktop saved;

    RecordingDesktop()
        : saved(linkDesktop())
    {
        linkDesktop().open = [this](const QUrl& url) {
            asked << QStringLiteral("open ") + url.toString();
            return true;
        };
        linkDesktop().confirm = [this](QWidget*, const QString& address) {
            asked << QStringLiteral("confirm ") + address;
            return answer;
        };
        linkDesktop().showOnly = [this](QWidget*, const QString& address, const QString&) {
            asked << QStringLiteral("show ") + address;
        };
    }
    ~RecordingDesktop() { linkDesktop() = saved; }
    RecordingDesktop(const RecordingDesktop&) = delete;
    RecordingDesktop& operator=(const RecordingDesktop&) = delete;
};

} // namespace

class TestEvidenceLinks : public QObject
{
    Q_OBJECT
private slots:
    void eachSchemeHasItsRule_data()
    {
        QTest::addColumn<QString>("link");
        QTest::addColumn<bool>("confirmed");
        QTest::addColumn<QStringList>("asked");
        const QString web = QStringLiteral("https://ci.example.com/build/812?x=1#log");
        QTest::newRow("https, confirmed")
            << web << true << QStringList{QStringLiteral("confirm ") + web, QStringLiteral("open ") + web};
        QTest::newRow("https, declined") << web << false << QStringList{QStringLiteral("confirm ") + web};
        QTest::newRow("http") << QStringLiteral("http://intranet/runbook") << true
                              << QStringList{QStringLiteral("confirm http://intranet/runbook"),
                                             QStringLiteral("open http://intranet/runbook")};
        QTest::newRow("a script") << QStringLiteral("file:///tmp/evidence/script.sh") << true
                                  << QStringList{QStringLiteral("open file:///tmp/evidence")};
        QTest::newRow("a launcher") << QStringLiteral("file:///home/ann/Desktop/evil.desktop") << true
                                    << QStringList{QStringLiteral("open file:///home/ann/Desktop")};
        QTest::newRow("smb") << QStringLiteral("smb://server/share/x.exe") << true
                             << QStringList{QStringLiteral("show smb://server/share/x.exe")};
        QTest::newRow("javascript") << QStringLiteral("javascript:alert(1)") << true
                                    << QStringList{QStringLiteral("show javascript:alert(1)")};
        QTest::newRow("file on a host") << QStringLiteral("file://server/share/x.sh") << true
                                        << QStringList{QStringLiteral("show //server/share/x.sh")};
        QTest::newRow("https without a host")
            << QStringLiteral("https:relative") << true << QStringList{QStringLiteral("show https:relative")};
    }
    void eachSchemeHasItsRule()
    {
        QFETCH(QString, link);
        QFETCH(bool, confirmed);
        QFETCH(QStringList, asked);
        RecordingDesktop desktop;
        desktop.answer = confirmed;
        openLink(nullptr, QUrl(link));
        QCOMPARE(desktop.asked, asked);
    }

    // A signature's evidence, clicked in the run's details: a local path shows its folder.
    void evidenceInTheRunsViewGoesThroughTheOpener()
    {
        RunsFixture fixture;
        const Run run = fixture.start(QStringLiteral("Release 1"));
        auto signer = authenticate(fixture.library(), QStringLiteral("AL"), QStringLiteral("1234"));
        QVERIFY(signer.ok());
        SignRequest request;
        request.run = run.id;
        request.item = QStringLiteral("build/tests");
        request.evidence = QStringLiteral("/tmp/evidence/run.sh");
        QVERIFY(sign(fixture.library(), signer.value(), request).ok());

        RunsView view;
        view.setDocument(fixture.document.get());
        QVERIFY(view.selectItem(run.items.at(0).id));
        auto* details = view.findChild<QTextBrowser*>(QStringLiteral("itemDetails"));
        const QRegularExpressionMatch href =
            QRegularExpression(QStringLiteral("href=\"([^\"]+)\"")).match(details->toHtml());
        QVERIFY2(href.hasMatch(), qPrintable(details->toHtml()));
        QCOMPARE(href.captured(1), QStringLiteral("file:///tmp/evidence/run.sh"));
        RecordingDesktop desktop;
        emit details->anchorClicked(QUrl(href.captured(1)));
        QCOMPARE(desktop.asked, QStringList{QStringLiteral("open file:///tmp/evidence")});
    }
};

QTEST_MAIN(TestEvidenceLinks)
#include "tst_evidencelinks.moc"
