#include "revisiondiff.h"

#include <QHash>
#include <QSet>
#include <algorithm>
#include <vector>

namespace stable {

namespace {

// Words and the runs of white space between them, so that the pieces give both texts back exactly.
QStringList tokenize(const QString& text)
{
    QStringList tokens;
    QString current;
    bool inSpace = false;
    for (const QChar c : text) {
        const bool space = c.isSpace();
        if (!current.isEmpty() && space != inSpace) {
            tokens.append(current);
            current.clear();
        }
        inSpace = space;
        current.append(c);
    }
    if (!current.isEmpty())
        tokens.append(current);
    return tokens;
}

bool isSpace(const QString& token)
{
    return !token.isEmpty() && token.at(0).isSpace();
}

// The indices (a, b) of a heaviest common subsequence of two sequences, in order: weight(i) of a kept
// element i lets words count for more than the spaces between them.
template <typename Equal, typename Weight>
std::vector<std::pair<int, int>> longestCommon(int n, int m, Equal equal, Weight weight)
{
    std::vector<std::vector<int>> length(static_cast<std::size_t>(n + 1),
                                         std::vector<int>(static_cast<std::size_t>(m + 1), 0));
    for (int i = n - 1; i >= 0; --i)
        for (int j = m - 1; j >= 0; --j) {
            const auto ui = static_cast<std::size_t>(i);
            const auto uj = static_cast<std::size_t>(j);
            length[ui][uj] = std::max(length[ui + 1][uj], length[ui][uj + 1]);
            if (equal(i, j))
                length[ui][uj] = std::max(length[ui][uj], length[ui + 1][uj + 1] + weight(i));
        }
    std::vector<std::pair<int, int>> pairs;
    int i = 0;
    int j = 0;
    while (i < n && j < m) {
        const auto ui = static_cast<std::size_t>(i);
        const auto uj = static_cast<std::size_t>(j);
        if (equal(i, j) && length[ui][uj] == length[ui + 1][uj + 1] + weight(i)) {
            pairs.emplace_back(i, j);
            ++i;
            ++j;
        } else if (length[ui + 1][uj] >= length[ui][uj + 1]) {
            ++i;
        } else {
            ++j;
        }
    }
    return pairs;
}

enum class Op { Keep, Delete, Insert };

void append(QList<WordSegment>& segments, WordSegment::Kind kind, const QString& text)
{
    if (text.isEmpty())
        return;
    if (!segments.isEmpty() && segments.last().kind == kind)
        segments.last().text += text;
    else
        segments.append(WordSegment{kind, text});
}

// Texts longer than this many words squared are compared by common start and end only.
constexpr qint64 maxLcsCells = 4'000'000;

} // namespace

QList<WordSegment> diffWords(const QString& before, const QString& after)
{
    const QStringList a = tokenize(before);
    const QStringList b = tokenize(after);
    int start = 0;
    while (start < a.size() && start < b.size() && a.at(start) == b.at(start))
        ++start;
    int endA = static_cast<int>(a.size());
    int endB = static_cast<int>(b.size());
    while (endA > start && endB > start && a.at(endA - 1) == b.at(endB - 1)) {
        --endA;
        --endB;
    }

    // The edit script of the middle part, token by token.
    std::vector<std::pair<Op, QString>> script;
    for (int i = 0; i < start; ++i)
        script.emplace_back(Op::Keep, a.at(i));
    const int n = endA - start;
    const int m = endB - start;
    std::vector<std::pair<int, int>> common;
    if (qint64{n} * qint64{m} <= maxLcsCells)
        common = longestCommon(
            n, m, [&](int i, int j) { return a.at(start + i) == b.at(start + j); },
            [&](int i) { return isSpace(a.at(start + i)) ? 1 : 3; });
    int i = 0;
    int j = 0;
    for (const auto& [ci, cj] : common) {
        for (; i < ci; ++i)
            script.emplace_back(Op::Delete, a.at(start + i));
        for (; j < cj; ++j)
            script.emplace_back(Op::Insert, b.at(start + j));
        script.emplace_back(Op::Keep, a.at(start + ci));
        ++i;
        ++j;
    }
    for (; i < n; ++i)
        script.emplace_back(Op::Delete, a.at(start + i));
    for (; j < m; ++j)
        script.emplace_back(Op::Insert, b.at(start + j));
    for (int k = endA; k < a.size(); ++k)
        script.emplace_back(Op::Keep, a.at(k));

    // Group each changed run (spaces kept between changed words belong to the run) into one deleted and
    // one inserted piece.
    QList<WordSegment> segments;
    std::size_t k = 0;
    while (k < script.size()) {
        if (script[k].first == Op::Keep) {
            append(segments, WordSegment::Kind::Equal, script[k].second);
            ++k;
            continue;
        }
        QString deleted;
        QString inserted;
        while (k < script.size()) {
            const auto& [op, token] = script[k];
            if (op == Op::Delete) {
                deleted += token;
            } else if (op == Op::Insert) {
                inserted += token;
            } else {
                // A kept space between two changes joins the run; anything else ends it.
                const bool changeFollows = k + 1 < script.size() && script[k + 1].first != Op::Keep;
                if (!isSpace(token) || !changeFollows)
                    break;
                deleted += token;
                inserted += token;
            }
            ++k;
        }
        append(segments, WordSegment::Kind::Deleted, deleted);
        append(segments, WordSegment::Kind::Inserted, inserted);
    }
    return segments;
}

QString portsText(const QList<Port>& ports)
{
    QStringList parts;
    for (const Port& port : ports)
        parts.append(port.party.isEmpty() ? port.name : QStringLiteral("%1 (%2)").arg(port.name, port.party));
    return parts.join(QStringLiteral("; "));
}

QString hoursText(double hours)
{
    return QStringLiteral("%1 h").arg(hours);
}

namespace {

void compareField(QList<FieldChange>& changes, const QString& field, const QString& before,
                  const QString& after)
{
    if (before != after)
        changes.append(FieldChange{field, before, after});
}

QString yesNo(bool critical)
{
    return critical ? QStringLiteral("critical") : QStringLiteral("not critical");
}

// Pairs the items of two lists: by id first, then by key among the ones left.
template <typename T> QList<int> matchByIdThenKey(const QList<T>& before, const QList<T>& after)
{
    QList<int> match(after.size(), -1); // index into before for each of after
    QSet<int> taken;
    QHash<QString, int> beforeById;
    for (int i = 0; i < before.size(); ++i)
        if (!before.at(i).id.isEmpty())
            beforeById.insert(before.at(i).id, i);
    for (int j = 0; j < after.size(); ++j) {
        const auto found = beforeById.constFind(after.at(j).id);
        if (!after.at(j).id.isEmpty() && found != beforeById.cend()) {
            match[j] = *found;
            taken.insert(*found);
        }
    }
    for (int j = 0; j < after.size(); ++j) {
        if (match.at(j) >= 0)
            continue;
        for (int i = 0; i < before.size(); ++i) {
            if (!taken.contains(i) && before.at(i).key == after.at(j).key) {
                match[j] = i;
                taken.insert(i);
                break;
            }
        }
    }
    return match;
}

// Which matched items changed place: those outside a longest run that kept its order.
QSet<int> movedItems(const QList<int>& match)
{
    QList<int> after;  // indices into the newer list of matched items
    QList<int> before; // their indices in the older list
    for (int j = 0; j < match.size(); ++j)
        if (match.at(j) >= 0) {
            after.append(j);
            before.append(match.at(j));
        }
    QList<int> sorted = before;
    std::sort(sorted.begin(), sorted.end());
    const auto kept = longestCommon(
        static_cast<int>(before.size()), static_cast<int>(sorted.size()),
        [&](int i, int j) { return before.at(i) == sorted.at(j); }, [](int) { return 1; });
    QSet<int> stayed;
    for (const auto& pair : kept)
        stayed.insert(after.at(pair.first));
    QSet<int> moved;
    for (int j : after)
        if (!stayed.contains(j))
            moved.insert(j);
    return moved;
}

QList<FieldChange> stepChanges(const Step& before, const Step& after)
{
    QList<FieldChange> changes;
    compareField(changes, QStringLiteral("name"), before.name, after.name);
    compareField(changes, QStringLiteral("key"), before.key, after.key);
    compareField(changes, QStringLiteral("throughput"), before.throughput, after.throughput);
    compareField(changes, QStringLiteral("owner role"), before.ownerRole, after.ownerRole);
    compareField(changes, QStringLiteral("planned hours"), hoursText(before.plannedHours),
                 hoursText(after.plannedHours));
    compareField(changes, QStringLiteral("inputs"), portsText(before.inputs), portsText(after.inputs));
    compareField(changes, QStringLiteral("outputs"), portsText(before.outputs), portsText(after.outputs));
    return changes;
}

QList<FieldChange> checkChanges(const QualityCheck& before, const QualityCheck& after)
{
    QList<FieldChange> changes;
    compareField(changes, QStringLiteral("statement"), before.statement, after.statement);
    compareField(changes, QStringLiteral("key"), before.key, after.key);
    compareField(changes, QStringLiteral("stage"), toText(before.stage), toText(after.stage));
    compareField(changes, QStringLiteral("critical"), yesNo(before.critical), yesNo(after.critical));
    compareField(changes, QStringLiteral("guards against"), before.guardsAgainst, after.guardsAgainst);
    compareField(changes, QStringLiteral("severity"), QString::number(before.severity),
                 QString::number(after.severity));
    compareField(changes, QStringLiteral("occurrence"), QString::number(before.occurrence),
                 QString::number(after.occurrence));
    compareField(changes, QStringLiteral("detection"), QString::number(before.detection),
                 QString::number(after.detection));
    return changes;
}

struct PlacedCheck
{
    QString id;
    QString key; // "stepkey/checkkey" while matching, so that the key fallback stays within a step
    QString stepKey;
    int stepIndex = 0; // index of the (matched) step pair it sits in
    const QualityCheck* check = nullptr;
};

} // namespace

StreamDiff compareStreams(const ValueStream& before, const ValueStream& after)
{
    StreamDiff diff;
    compareField(diff.stream, QStringLiteral("name"), before.name, after.name);
    compareField(diff.stream, QStringLiteral("purpose"), before.purpose, after.purpose);
    compareField(diff.stream, QStringLiteral("owner"), before.owner, after.owner);

    const QList<int> stepMatch = matchByIdThenKey(before.steps, after.steps);
    const QSet<int> movedSteps = movedItems(stepMatch);
    QSet<int> matchedBefore;
    for (int j = 0; j < after.steps.size(); ++j) {
        const Step& newer = after.steps.at(j);
        const int i = stepMatch.at(j);
        if (i < 0) {
            diff.steps.append(StepDiff{DiffKind::Added, newer.id, newer.key, newer.name, {}});
            continue;
        }
        matchedBefore.insert(i);
        QList<FieldChange> changes = stepChanges(before.steps.at(i), newer);
        if (movedSteps.contains(j))
            changes.append(
                FieldChange{QStringLiteral("position"), QString::number(i + 1), QString::number(j + 1)});
        if (!changes.isEmpty())
            diff.steps.append(StepDiff{DiffKind::Changed, newer.id, newer.key, newer.name, changes});
    }
    for (int i = 0; i < before.steps.size(); ++i)
        if (!matchedBefore.contains(i)) {
            const Step& older = before.steps.at(i);
            diff.steps.append(StepDiff{DiffKind::Removed, older.id, older.key, older.name, {}});
        }

    // Checks are matched across the whole stream by id (a check may move to another step), and by key
    // within the matched step otherwise.
    auto placed = [](const ValueStream& stream) {
        QList<PlacedCheck> checks;
        for (int s = 0; s < stream.steps.size(); ++s)
            for (const QualityCheck& check : stream.steps.at(s).checks)
                checks.append(PlacedCheck{check.id, stream.steps.at(s).key + QLatin1Char('/') + check.key,
                                          stream.steps.at(s).key, s, &check});
        return checks;
    };
    QList<PlacedCheck> olderChecks = placed(before);
    QList<PlacedCheck> newerChecks = placed(after);
    // The key fallback pairs checks of matched steps, whose keys may have changed: name them after the
    // newer step.
    for (PlacedCheck& check : olderChecks) {
        const int j = static_cast<int>(stepMatch.indexOf(check.stepIndex));
        check.key = (j >= 0 ? after.steps.at(j).key : QStringLiteral("\x1f") + check.stepKey) +
                    QLatin1Char('/') + check.check->key;
    }
    const QList<int> checkMatch = matchByIdThenKey(olderChecks, newerChecks);

    // Order within a step: compare the checks that stayed in the same step pair.
    QSet<int> movedChecks;
    for (int j = 0; j < after.steps.size(); ++j) {
        QList<int> local; // for each check of newer step j: index of its match in older step's list, or -1
        QList<int> globalIndex;
        for (int c = 0; c < newerChecks.size(); ++c) {
            if (newerChecks.at(c).stepIndex != j)
                continue;
            const int o = checkMatch.at(c);
            const bool sameStep = o >= 0 && stepMatch.at(j) == olderChecks.at(o).stepIndex;
            local.append(sameStep ? o : -1);
            globalIndex.append(c);
        }
        for (int moved : movedItems(local))
            movedChecks.insert(globalIndex.at(moved));
    }

    auto positionInStep = [](const QList<PlacedCheck>& checks, int index) {
        int position = 0;
        for (int k = 0; k <= index; ++k)
            position += checks.at(k).stepIndex == checks.at(index).stepIndex ? 1 : 0;
        return position;
    };

    QSet<int> checkMatchedBefore;
    for (int c = 0; c < newerChecks.size(); ++c) {
        const PlacedCheck& newer = newerChecks.at(c);
        const int o = checkMatch.at(c);
        if (o < 0) {
            diff.checks.append(CheckDiff{
                DiffKind::Added, newer.id, newer.check->key, newer.stepKey, newer.check->statement, {}});
            continue;
        }
        checkMatchedBefore.insert(o);
        const PlacedCheck& older = olderChecks.at(o);
        QList<FieldChange> changes = checkChanges(*older.check, *newer.check);
        if (stepMatch.at(newer.stepIndex) != older.stepIndex)
            changes.append(FieldChange{QStringLiteral("step"), older.stepKey, newer.stepKey});
        else if (movedChecks.contains(c))
            changes.append(FieldChange{QStringLiteral("position"),
                                       QString::number(positionInStep(olderChecks, o)),
                                       QString::number(positionInStep(newerChecks, c))});
        if (!changes.isEmpty())
            diff.checks.append(CheckDiff{DiffKind::Changed, newer.id, newer.check->key, newer.stepKey,
                                         newer.check->statement, changes});
    }
    for (int o = 0; o < olderChecks.size(); ++o)
        if (!checkMatchedBefore.contains(o)) {
            const PlacedCheck& older = olderChecks.at(o);
            diff.checks.append(CheckDiff{
                DiffKind::Removed, older.id, older.check->key, older.stepKey, older.check->statement, {}});
        }
    return diff;
}

} // namespace stable
