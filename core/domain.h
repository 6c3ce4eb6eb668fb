#pragma once

#include <QString>

#include <optional>

namespace stable {

// The words of the domain, with the exact spellings used in files, JSON and on the command line.

enum class Stage { Entry, InProcess, Exit };
enum class Outcome { Pass, Fail, NotApplicable };
enum class Meaning { Performed, Verified };
enum class RunKind { Release, Plan, Routine };
enum class RunStatus { Open, Completed, RolledBack };
enum class ItemState { Open, Passed, Failed, NotApplicable };
enum class IncidentStatus { Open, Analysed, Prevented, Verified };
enum class ReworkKind { Rework, FireFighting, ReRelease, FailedProject, Other };

QString toText(Stage stage);             // entry | in-process | exit
QString toText(Outcome outcome);         // pass | fail | na
QString toText(Meaning meaning);         // performed | verified
QString toText(RunKind kind);            // release | plan | routine
QString toText(RunStatus status);        // open | completed | rolled back
QString toText(ItemState state);         // open | passed | failed | n/a
QString toText(IncidentStatus status);   // open | analysed | prevented | verified
QString toText(ReworkKind kind);         // rework | fire-fighting | re-release | failed-project | other

std::optional<Stage> parseStage(const QString& text);
std::optional<Outcome> parseOutcome(const QString& text);
std::optional<Meaning> parseMeaning(const QString& text);
std::optional<RunKind> parseRunKind(const QString& text);
std::optional<RunStatus> parseRunStatus(const QString& text);
std::optional<IncidentStatus> parseIncidentStatus(const QString& text);
std::optional<ReworkKind> parseReworkKind(const QString& text);

// "INC-7" for incident number 7, and back.
QString incidentKey(int number);
std::optional<int> parseIncidentKey(const QString& key);

// A key as used in files and item references: letters, digits, '-', '_' and '.', no '/'.
bool isValidKey(const QString& key);

} // namespace stable
