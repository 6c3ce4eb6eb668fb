// The waits the widget tests use instead of Qt's QTRY_* (tests/support/trywait.h): they run the event
// loop until the condition holds, and fail when it never does.
#include "trywait.h"

#include <QTimer>

class TestTryWait : public QObject
{
    Q_OBJECT
private slots:
    void verifyWaitsForWhatTheEventLoopMakesHappen()
    {
        bool done = false;
        QTimer::singleShot(50, this, [&done] { done = true; });
        STABLE_TRY_VERIFY(done);
        QVERIFY(done);
    }

    void compareWaitsUntilTheValuesAgree()
    {
        int ticks = 0;
        QTimer timer;
        connect(&timer, &QTimer::timeout, this, [&ticks] { ++ticks; });
        timer.start(10);
        STABLE_TRY_COMPARE(ticks >= 3, true);
        timer.stop();
        STABLE_TRY_COMPARE_WITH_TIMEOUT(ticks >= 3, true, 100);
    }

    void verifyFailsWhenTheConditionNeverHolds()
    {
        QEXPECT_FAIL("", "nothing makes it true: the wait must fail, not pass", Abort);
        STABLE_TRY_VERIFY_WITH_TIMEOUT(QCoreApplication::applicationName() == QStringLiteral("no such name"), 100);
    }

    void compareFailsWhenTheValuesNeverAgree()
    {
        const int stays = 1;
        QEXPECT_FAIL("", "nothing changes the value: the comparison must fail, not pass", Abort);
        STABLE_TRY_COMPARE_WITH_TIMEOUT(stays, 2, 100);
    }
};

QTEST_GUILESS_MAIN(TestTryWait)
#include "tst_trywait.moc"
