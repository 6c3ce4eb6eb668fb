// Damaged files: copies of a demo library with random byte changes and truncations (seeded). The app's
// open path and every stablectl command refuse them with a message, exit 1, never crash, never hang,
// and never write a byte to the damaged file.
#include "demo.h"
#include "integrity.h"
#include "library.h"
#include "reliability.h"
#include "testlibrary.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <random>

using namespace stable;
using namespace stable::test;

namespace {

enum class Damage { Flips, HeaderFlips, Truncation };

QByteArray damage(QByteArray bytes, Damage kind, std::mt19937& random)
{
    const auto size = static_cast<int>(bytes.size());
    auto pick = [&random](int from, int to) { return std::uniform_int_distribution<int>(from, to)(random); };
    switch (kind) {
    case Damage::Flips:
        for (int n = pick(1, 24); n > 0; --n)
            bytes[pick(0, size - 1)] ^= static_cast<char>(pick(1, 255));
        break;
    case Damage::HeaderFlips: // the file header and the schema page, where SQLite looks first
        for (int n = pick(1, 4); n > 0; --n)
            bytes[pick(0, std::min(size, 4096) - 1)] ^= static_cast<char>(pick(1, 255));
        break;
    case Damage::Truncation:
        bytes.truncate(pick(0, size - 1));
        break;
    }
    return bytes;
}

// The commands a user might run on the file; `out` is a scratch folder.
QList<QStringList> commandsFor(const QString& path, const QString& out)
{
    return {{QStringLiteral("check"), path},
            {QStringLiteral("verify"), path},
            {QStringLiteral("run"), QStringLiteral("list"), path, QStringLiteral("--json")},
            {QStringLiteral("metrics"), path, QStringLiteral("--json")},
            {QStringLiteral("person"), QStringLiteral("list"), path},
            {QStringLiteral("export"), path, out + QStringLiteral("/export.json")},
            {QStringLiteral("export-csv"), path, out + QStringLiteral("/csv")},
            {QStringLiteral("backup"), path, out + QStringLiteral("/backup.stable")}};
}

} // namespace

class TestDamaged : public QObject
{
    Q_OBJECT
private slots:
    void damagedFilesAreRefusedAndLeftAlone()
    {
        QTemporaryDir dir;
        const QString pristine = dir.filePath(QStringLiteral("demo.stable"));
        {
            auto created = Library::create(pristine);
            QVERIFY(created.ok());
            created.value()->setPinCost(PinCost::minimal());
            DemoOptions options;
            options.months = 1;
            options.endDate = QDate(2026, 2, 28);
            const Status made = generateDemo(*created.value(), options);
            QVERIFY2(made.ok(), qPrintable(made.message()));
        }
        QVERIFY(!QFile::exists(pristine + QStringLiteral("-wal")));
        const QByteArray original = fileBytes(pristine);

        const int total = rounds(60);
        // The short run tries every command on a rotating pair; the long one all of them on every file.
        const bool everyCommand = total > 60;
        std::mt19937 random(seed());
        int refusedAtOpen = 0, refusedByCheck = 0, refusedByVerify = 0, undetected = 0;
        int commandsRun = 0, commandsRefused = 0, crashes = 0, hangs = 0, changed = 0, openRefusedCheckPassed = 0;
        int refusedOnlyWritable = 0;
        QElapsedTimer timer;
        timer.start();
        for (int n = 0; n < total; ++n) {
            const auto kind = static_cast<Damage>(n % 3);
            const QString path = dir.filePath(QStringLiteral("damaged-%1.stable").arg(n));
            {
                QFile file(path);
                QVERIFY(file.open(QIODevice::WriteOnly));
                file.write(damage(original, kind, random));
            }
            const QString before = sha256Of(path);

            // The app's open path.
            bool checkRefused = false; // SQLite's integrity check found it (open can refuse for more reasons)
            bool openRefused = false;
            {
                auto opened = Library::open(path);
                if (!opened.ok()) {
                    QVERIFY2(!opened.message().isEmpty(), "a refusal without a message");
                    ++refusedAtOpen;
                    openRefused = true;
                } else {
                    auto checked = checkLibrary(*opened.value());
                    auto verified = verifyLibrary(*opened.value());
                    if (!checked.ok() || !checked->ok) {
                        ++refusedByCheck;
                        // `stablectl check` reads the file read-only; the window opened it to write (lease,
                        // journal mode). Seen about once in ten seeded runs: a copy whose check failed after
                        // the writable open passed it read-only. The comparison is made in the same mode.
                        OpenOptions readOnly;
                        readOnly.readOnly = true;
                        auto reader = Library::open(path, readOnly);
                        auto readChecked = reader.ok() ? checkLibrary(*reader.value()) : Result<CheckReport>(reader.error());
                        checkRefused = !readChecked.ok() || !readChecked->ok;
                        refusedOnlyWritable += checkRefused ? 0 : 1;
                    } else {
                        if (!verified.ok() || !verified->ok)
                            ++refusedByVerify;
                        else
                            ++undetected; // the change fell in free space or in bytes nothing hashes
                    }
                }
            }

            const QString out = dir.filePath(QStringLiteral("out-%1").arg(n));
            QDir().mkpath(out);
            QList<QStringList> commands = commandsFor(path, out);
            if (!everyCommand)
                commands = {commands.at(0), commands.at(1 + n % (static_cast<int>(commands.size()) - 1))};
            for (const QStringList& command : std::as_const(commands)) {
                const ProgramResult result = runStablectl(command, 20000);
                ++commandsRun;
                crashes += result.crashed ? 1 : 0;
                hangs += result.finished ? 0 : 1;
                QVERIFY2(result.finished && !result.crashed, qPrintable(command.join(QLatin1Char(' ')) + QLatin1Char('\n') + QString::fromUtf8(result.said())));
                QVERIFY2(result.exitCode == 0 || result.exitCode == 1, result.said().constData());
                if (result.exitCode == 1) {
                    ++commandsRefused;
                    QVERIFY2(result.err.startsWith(QLatin1String("stablectl: ")) && result.err.size() > 20,
                             result.said().constData());
                }
                // What check refused in the app, `stablectl check` refuses too. (A file the open path refuses
                // for what it reads at open — e.g. a changed library id — may still pass SQLite's checks.)
                if (checkRefused && command.first() == QLatin1String("check"))
                    QVERIFY2(result.exitCode == 1, result.said().constData());
                if (openRefused && command.first() == QLatin1String("check") && result.exitCode == 0)
                    ++openRefusedCheckPassed;
            }
            const bool same = sha256Of(path) == before;
            changed += same ? 0 : 1;
            QVERIFY2(same, qPrintable(QStringLiteral("damaged file %1 was written to").arg(n)));
            QFile::remove(path);
            QDir(out).removeRecursively();
        }
        qInfo("damaged files: %d copies (flips, header flips, truncations), %d refused at open, %d by check, %d "
              "by verify, %d not detectable (change in free space or unhashed bytes); %d stablectl commands run, "
              "%d refused with a message, %d crashes, %d hangs, %d files written to; %d refused at open but passed "
              "stablectl check; %d refused by check only when opened to write; %lld ms",
              total, refusedAtOpen, refusedByCheck, refusedByVerify, undetected, commandsRun, commandsRefused,
              crashes, hangs, changed, openRefusedCheckPassed, refusedOnlyWritable,
              static_cast<long long>(timer.elapsed()));
    }
};

QTEST_GUILESS_MAIN(TestDamaged)
#include "tst_damaged.moc"
