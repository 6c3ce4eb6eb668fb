// What the person decides about a BPMN model's exclusive choices before the import (see BpmnChoice).
#include "bpmn.h"

#include <QSet>
#include <algorithm>

namespace stable {

namespace {

const Step* stepWithKey(const ValueStream& stream, const QString& key)
{
    for (const Step& step : stream.steps)
        if (step.key == key)
            return &step;
    return nullptr;
}

QString quotedLabel(const ValueStream& stream, const BpmnChoice::Branch& branch)
{
    return QStringLiteral("‘%1’").arg(bpmnBranchLabel(stream, branch));
}

} // namespace

QString bpmnBranchLabel(const ValueStream& stream, const BpmnChoice::Branch& branch)
{
    if (!branch.label.isEmpty())
        return branch.label;
    QStringList names;
    for (const QString& key : branch.stepKeys)
        if (const Step* step = stepWithKey(stream, key))
            names.append(step->name);
    if (names.isEmpty())
        return QStringLiteral("skip ahead");
    return names.size() <= 2 ? names.join(QStringLiteral(" then "))
                             : QStringLiteral("%1 … %2 (%3 steps)")
                                   .arg(names.constFirst(), names.constLast())
                                   .arg(names.size());
}

void keepBpmnBranchesAsAlternatives(ValueStream& stream, const BpmnChoice& choice)
{
    QStringList labels;
    for (const BpmnChoice::Branch& branch : choice.branches)
        labels.append(quotedLabel(stream, branch));
    for (const BpmnChoice::Branch& branch : choice.branches) {
        const QSet<QString> own(branch.stepKeys.cbegin(), branch.stepKeys.cend());
        const QString note =
            QStringLiteral(
                "One of the alternatives at ‘%1’ (%2): this step is on the branch %3. A run takes one "
                "branch; mark the items of the branches it did not take n/a.")
                .arg(choice.gateway, labels.join(QStringLiteral(", ")), quotedLabel(stream, branch));
        for (Step& step : stream.steps) {
            if (!own.contains(step.key))
                continue;
            step.throughput += (step.throughput.isEmpty() ? QString() : QStringLiteral("\n\n")) + note;
        }
    }
}

void keepOnlyBpmnBranch(ValueStream& stream, const BpmnChoice& choice, int kept)
{
    QSet<QString> dropped;
    for (int b = 0; b < choice.branches.size(); ++b)
        if (b != kept)
            for (const QString& key : choice.branches.at(b).stepKeys)
                dropped.insert(key);
    stream.steps.erase(std::remove_if(stream.steps.begin(), stream.steps.end(),
                                      [&dropped](const Step& step) { return dropped.contains(step.key); }),
                       stream.steps.end());
}

} // namespace stable
