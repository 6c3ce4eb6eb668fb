#pragma once

#include "result.h"

#include <QByteArray>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>
#include <functional>

namespace stable::test {

// How many rounds a test runs: `shortCount`, or STABLE_RELIABILITY_ROUNDS when set (the long variants).
int rounds(int shortCount);
// The seed of every random choice: STABLE_RELIABILITY_SEED, else a fixed one, so a failure repeats.
quint32 seed();

// The PIN of every signer the reliability tests make.
inline const char* childPin = "1234";

// A library ready for signing at `path`: the sample process "release" published, people AL, BO and CH
// (PIN 1234, the cheapest PIN hash). Made with the real clock, as the children sign with it.
void makeSigningLibrary(const QString& path);

// What a library file says after the fact, opened as the app opens it.
struct FileVerdict
{
    bool opened = false;
    bool checkOk = false;
    bool verifyOk = false;
    QString problem;
    QStringList attestationIds;
    qint64 auditEvents = 0;
};
FileVerdict inspect(const QString& path);

// One run of a program (stablectl or the signer child) with a time limit.
struct ProgramResult
{
    bool started = false;
    bool finished = false; // false: it hung and was killed
    bool crashed = false;  // ended by a signal
    int exitCode = -1;
    QString out;
    QString err;
    QByteArray said() const;
};
ProgramResult runProgram(const QString& program, const QStringList& arguments, int timeoutMs,
                         const QProcessEnvironment& environment = QProcessEnvironment::systemEnvironment(),
                         const std::function<void()>& childSetup = {});
ProgramResult runStablectl(const QStringList& arguments, int timeoutMs = 30000,
                           const QProcessEnvironment& environment = QProcessEnvironment::systemEnvironment());

QString signerChildPath();
QString stablectlPath();

// The ids a signer child reported done ("signed <id>" lines).
QStringList reportedSignings(const QString& output);

QString sha256Of(const QString& path);

} // namespace stable::test
