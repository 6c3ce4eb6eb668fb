#include "domain.h"

#include <QRegularExpression>

#include <array>
#include <utility>

namespace stable {

namespace {

template <typename Enum, std::size_t N>
QString lookupText(const std::array<std::pair<Enum, const char*>, N>& table, Enum value)
{
    for (const auto& [candidate, text] : table)
        if (candidate == value)
            return QString::fromLatin1(text);
    return QString();
}

template <typename Enum, std::size_t N>
std::optional<Enum> lookupValue(const std::array<std::pair<Enum, const char*>, N>& table, const QString& text)
{
    for (const auto& [candidate, name] : table)
        if (text == QLatin1String(name))
            return candidate;
    return std::nullopt;
}

constexpr std::array<std::pair<Stage, const char*>, 3> stages{
    {{Stage::Entry, "entry"}, {Stage::InProcess, "in-process"}, {Stage::Exit, "exit"}}};
constexpr std::array<std::pair<Outcome, const char*>, 3> outcomes{
    {{Outcome::Pass, "pass"}, {Outcome::Fail, "fail"}, {Outcome::NotApplicable, "na"}}};
constexpr std::array<std::pair<Meaning, const char*>, 2> meanings{
    {{Meaning::Performed, "performed"}, {Meaning::Verified, "verified"}}};
constexpr std::array<std::pair<RunKind, const char*>, 3> runKinds{
    {{RunKind::Release, "release"}, {RunKind::Plan, "plan"}, {RunKind::Routine, "routine"}}};
constexpr std::array<std::pair<RunStatus, const char*>, 3> runStatuses{
    {{RunStatus::Open, "open"}, {RunStatus::Completed, "completed"}, {RunStatus::RolledBack, "rolled back"}}};
constexpr std::array<std::pair<ItemState, const char*>, 4> itemStates{{{ItemState::Open, "open"},
                                                                       {ItemState::Passed, "passed"},
                                                                       {ItemState::Failed, "failed"},
                                                                       {ItemState::NotApplicable, "n/a"}}};
constexpr std::array<std::pair<IncidentStatus, const char*>, 4> incidentStatuses{
    {{IncidentStatus::Open, "open"},
     {IncidentStatus::Analysed, "analysed"},
     {IncidentStatus::Prevented, "prevented"},
     {IncidentStatus::Verified, "verified"}}};
constexpr std::array<std::pair<ReworkKind, const char*>, 5> reworkKinds{{{ReworkKind::Rework, "rework"},
                                                                         {ReworkKind::FireFighting, "fire-fighting"},
                                                                         {ReworkKind::ReRelease, "re-release"},
                                                                         {ReworkKind::FailedProject, "failed-project"},
                                                                         {ReworkKind::Other, "other"}}};

} // namespace

QString toText(Stage stage) { return lookupText(stages, stage); }
QString toText(Outcome outcome) { return lookupText(outcomes, outcome); }
QString toText(Meaning meaning) { return lookupText(meanings, meaning); }
QString toText(RunKind kind) { return lookupText(runKinds, kind); }
QString toText(RunStatus status) { return lookupText(runStatuses, status); }
QString toText(ItemState state) { return lookupText(itemStates, state); }
QString toText(IncidentStatus status) { return lookupText(incidentStatuses, status); }
QString toText(ReworkKind kind) { return lookupText(reworkKinds, kind); }

std::optional<Stage> parseStage(const QString& text) { return lookupValue(stages, text); }
std::optional<Outcome> parseOutcome(const QString& text) { return lookupValue(outcomes, text); }
std::optional<Meaning> parseMeaning(const QString& text) { return lookupValue(meanings, text); }
std::optional<RunKind> parseRunKind(const QString& text) { return lookupValue(runKinds, text); }
std::optional<RunStatus> parseRunStatus(const QString& text) { return lookupValue(runStatuses, text); }
std::optional<IncidentStatus> parseIncidentStatus(const QString& text) { return lookupValue(incidentStatuses, text); }
std::optional<ReworkKind> parseReworkKind(const QString& text) { return lookupValue(reworkKinds, text); }

QString incidentKey(int number)
{
    return QStringLiteral("INC-") + QString::number(number);
}

std::optional<int> parseIncidentKey(const QString& key)
{
    static const QRegularExpression pattern(QStringLiteral("^INC-([1-9][0-9]{0,8})$"),
                                            QRegularExpression::CaseInsensitiveOption);
    const auto match = pattern.match(key.trimmed());
    if (!match.hasMatch())
        return std::nullopt;
    return match.captured(1).toInt();
}

bool isValidKey(const QString& key)
{
    static const QRegularExpression pattern(QStringLiteral("^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$"));
    return pattern.match(key).hasMatch();
}

} // namespace stable
