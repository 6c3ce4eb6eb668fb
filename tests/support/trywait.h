#pragma once

// Waiting in a test for what a thread, a timer or the event loop makes happen, on Qt 6.4 and 6.8.
//
// Qt's own QTRY_* macros cannot be used: from Qt 6.7 on (Debian 13 has 6.8.2) they keep the timeout
// as std::chrono::milliseconds and store its count (a long) in an int inside the macro, a
// -Wconversion error under -Werror at every use, whatever timeout is given. These wait the same way
// (QTest::qWaitFor runs the event loop until the condition holds or the time is up) and fail the same
// way: STABLE_TRY_VERIFY names the condition that never held, STABLE_TRY_COMPARE shows both values.
// Timeouts are in milliseconds; the default is QTRY_*'s 5 seconds.

#include <QTest>

#define STABLE_TRY_VERIFY_WITH_TIMEOUT(expr, timeoutMs)                                                      \
    QVERIFY2(QTest::qWaitFor([&]() -> bool { return static_cast<bool>(expr); }, timeoutMs),                  \
             "still false after waiting " #timeoutMs " ms: " #expr)

#define STABLE_TRY_VERIFY(expr) STABLE_TRY_VERIFY_WITH_TIMEOUT(expr, 5000)

#define STABLE_TRY_COMPARE_WITH_TIMEOUT(actual, expected, timeoutMs)                                         \
    do {                                                                                                     \
        static_cast<void>(QTest::qWaitFor([&]() -> bool { return (actual) == (expected); }, timeoutMs));     \
        QCOMPARE(actual, expected);                                                                          \
    } while (false)

#define STABLE_TRY_COMPARE(actual, expected) STABLE_TRY_COMPARE_WITH_TIMEOUT(actual, expected, 5000)
