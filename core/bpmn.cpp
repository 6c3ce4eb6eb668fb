// Reading BPMN 2.0 models with the streaming reader: no DOM of a large file, elements matched by the
// BPMN namespace whatever prefix the tool wrote (semantic:, bpmn:, bpmn2:, none).
#include "bpmn.h"

#include "bpmnmodel.h"
#include "filesafety.h"
#include "library.h"
#include "processimport.h"
#include "sql.h"

#include <QFile>
#include <QFileInfo>
#include <QSet>
#include <QXmlStreamReader>

namespace stable {

namespace {

using bpmn::Container;
using bpmn::FlowNode;
using bpmn::NodeKind;
using bpmn::Process;

// Sub-processes inside sub-processes (and lanes inside lanes) deeper than any drawing would go: a file
// nesting further is refused rather than read with unbounded recursion.
constexpr int deepestNesting = 64;

const QSet<QString>& activityNames()
{
    static const QSet<QString> names{
        QStringLiteral("task"),         QStringLiteral("userTask"),         QStringLiteral("serviceTask"),
        QStringLiteral("scriptTask"),   QStringLiteral("manualTask"),       QStringLiteral("businessRuleTask"),
        QStringLiteral("sendTask"),     QStringLiteral("receiveTask"),      QStringLiteral("callActivity")};
    return names;
}

const QSet<QString>& subProcessNames()
{
    static const QSet<QString> names{QStringLiteral("subProcess"), QStringLiteral("transaction"),
                                     QStringLiteral("adHocSubProcess")};
    return names;
}

const QSet<QString>& otherNodeNames()
{
    static const QSet<QString> names{QStringLiteral("endEvent"),
                                     QStringLiteral("intermediateCatchEvent"),
                                     QStringLiteral("intermediateThrowEvent"),
                                     QStringLiteral("boundaryEvent"),
                                     QStringLiteral("parallelGateway"),
                                     QStringLiteral("inclusiveGateway"),
                                     QStringLiteral("complexGateway")};
    return names;
}

// Gateways after which a run takes exactly one outgoing flow.
const QSet<QString>& choiceNames()
{
    static const QSet<QString> names{QStringLiteral("exclusiveGateway"), QStringLiteral("eventBasedGateway")};
    return names;
}

// A name as a person reads it: line breaks (from the tools' multi-line labels) and runs of blanks as one space.
QString cleanName(const QString& text)
{
    return text.simplified();
}

// References are IDREFs, but some tools write QNames ("tns:Process_1"); ids never contain ':'.
QString reference(QStringView text)
{
    const QString trimmed = text.trimmed().toString();
    const qsizetype colon = trimmed.lastIndexOf(QLatin1Char(':'));
    return colon < 0 ? trimmed : trimmed.mid(colon + 1);
}

class Reader
{
public:
    Reader(const QByteArray& xml, QString sourceName)
        : m_xml(xml)
        , m_source(std::move(sourceName))
    {
    }

    Result<QList<Process>> read();
    QHash<QString, QString> participantNames() const { return m_participants; }
    qint64 line() const { return m_xml.lineNumber(); }
    qint64 lastLine() const { return m_lastLine; } // where the model ends
    Error failure(const QString& what, qint64 atLine) const
    {
        return invalid(QStringLiteral("‘%1’, line %2: %3").arg(m_source).arg(atLine).arg(what));
    }
    Error failure(const QString& what) const { return failure(what, line()); }

private:
    // The reader's words without their full stop, to sit inside the sentence.
    QString readerProblem() const
    {
        QString problem = m_xml.errorString();
        while (problem.endsWith(QLatin1Char('.')))
            problem.chop(1);
        return problem;
    }
    bool inBpmn() const { return m_xml.namespaceUri() == QLatin1String(bpmnModelNamespace); }
    QString attribute(const char* name) const { return m_xml.attributes().value(QLatin1String(name)).toString(); }
    Status readProcess();
    Status readContainer(Process& process, const QString& containerId, QString& documentation, int depth);
    void readActivityChildren(FlowNode& node);
    Status readLaneSet(Process& process, int depth);
    void readCollaboration();
    QString readText() { return m_xml.readElementText(QXmlStreamReader::IncludeChildElements).trimmed(); }
    void appendDocumentation(QString& into)
    {
        const QString text = readText();
        if (!text.isEmpty())
            into += (into.isEmpty() ? QString() : QStringLiteral("\n\n")) + text;
    }

    QXmlStreamReader m_xml;
    QString m_source;
    QList<Process> m_processes;
    QHash<QString, QString> m_participants; // process id → participant name
    int m_unnamed = 0;                      // for elements without an id
    qint64 m_lastLine = 1;
};

Result<QList<Process>> Reader::read()
{
    if (!m_xml.readNextStartElement()) {
        if (m_xml.hasError() && m_xml.error() != QXmlStreamReader::PrematureEndOfDocumentError)
            return failure(QStringLiteral("this is not well-formed XML (%1).").arg(readerProblem()));
        return failure(QStringLiteral("there is no XML element in the file; a BPMN 2.0 model was expected."));
    }
    if (m_xml.name() != QLatin1String("definitions") || !inBpmn())
        return failure(QStringLiteral("this is not a BPMN 2.0 model: the document is ‘%1’ (namespace ‘%2’), "
                                      "not ‘definitions’ in the namespace %3.")
                           .arg(m_xml.qualifiedName().toString(), m_xml.namespaceUri().toString(),
                                QLatin1String(bpmnModelNamespace)));
    while (m_xml.readNextStartElement()) {
        if (!inBpmn())
            m_xml.skipCurrentElement();
        else if (m_xml.name() == QLatin1String("process"))
            STABLE_TRY(readProcess());
        else if (m_xml.name() == QLatin1String("collaboration"))
            readCollaboration();
        else
            m_xml.skipCurrentElement();
    }
    m_lastLine = m_xml.lineNumber();
    // Whatever follows the root must be well-formed too: a truncated or damaged file is refused whole.
    while (!m_xml.atEnd() && !m_xml.hasError())
        m_xml.readNext();
    if (m_xml.error() == QXmlStreamReader::PrematureEndOfDocumentError)
        return failure(QStringLiteral("the file ends before the model does (is it cut short?)."));
    if (m_xml.hasError())
        return failure(QStringLiteral("this is not well-formed XML (%1).").arg(readerProblem()));
    return m_processes;
}

Status Reader::readProcess()
{
    Process process;
    process.id = reference(m_xml.attributes().value(QLatin1String("id")));
    if (process.id.isEmpty())
        process.id = QStringLiteral("#process-%1").arg(++m_unnamed);
    process.name = cleanName(attribute("name"));
    STABLE_TRY(readContainer(process, process.id, process.documentation, 0));
    m_processes.append(process);
    return success();
}

// The children of a process or sub-process: flow nodes, sequence flows, lanes.
Status Reader::readContainer(Process& process, const QString& containerId, QString& documentation, int depth)
{
    if (depth > deepestNesting)
        return failure(QStringLiteral("sub-processes are nested more than %1 deep.").arg(deepestNesting));
    process.containers.insert(containerId, Container());
    while (m_xml.readNextStartElement()) {
        if (!inBpmn()) {
            m_xml.skipCurrentElement();
            continue;
        }
        const QString element = m_xml.name().toString();
        if (element == QLatin1String("documentation")) {
            appendDocumentation(documentation);
            continue;
        }
        if (element == QLatin1String("sequenceFlow")) {
            const QXmlStreamAttributes attributes = m_xml.attributes();
            Container& container = process.containers[containerId];
            container.flows.append({reference(attributes.value(QLatin1String("sourceRef"))),
                                    reference(attributes.value(QLatin1String("targetRef")))});
            container.flowNames.append(cleanName(attributes.value(QLatin1String("name")).toString()));
            m_xml.skipCurrentElement();
            continue;
        }
        if (element == QLatin1String("laneSet")) {
            STABLE_TRY(readLaneSet(process, 1));
            continue;
        }
        const bool activity = activityNames().contains(element);
        const bool subProcess = subProcessNames().contains(element);
        const bool start = element == QLatin1String("startEvent");
        const bool choice = choiceNames().contains(element);
        if (!activity && !subProcess && !start && !choice && !otherNodeNames().contains(element)) {
            m_xml.skipCurrentElement(); // extension elements, data objects, artifacts, text annotations …
            continue;
        }
        const QXmlStreamAttributes attributes = m_xml.attributes();
        FlowNode node;
        node.id = reference(attributes.value(QLatin1String("id")));
        if (node.id.isEmpty() || process.nodeIndex.contains(node.id))
            node.id = QStringLiteral("#node-%1").arg(++m_unnamed);
        node.name = cleanName(attributes.value(QLatin1String("name")).toString());
        node.kind = activity     ? NodeKind::Activity
                    : subProcess ? NodeKind::SubProcess
                    : start      ? NodeKind::Start
                    : choice     ? NodeKind::Choice
                                 : NodeKind::Other;
        node.attachedTo = reference(attributes.value(QLatin1String("attachedToRef")));
        if (subProcess) {
            if (process.containers.contains(node.id))
                node.id = QStringLiteral("#node-%1").arg(++m_unnamed);
            STABLE_TRY(readContainer(process, node.id, node.documentation, depth + 1));
        } else {
            readActivityChildren(node);
        }
        const int index = static_cast<int>(process.nodes.size());
        process.nodes.append(node);
        process.nodeIndex.insert(node.id, index);
        process.containers[containerId].nodes.append(index);
    }
    return success();
}

void Reader::readActivityChildren(FlowNode& node)
{
    while (m_xml.readNextStartElement()) {
        if (inBpmn() && m_xml.name() == QLatin1String("documentation"))
            appendDocumentation(node.documentation);
        else
            m_xml.skipCurrentElement();
    }
}

// Lanes within lanes (childLaneSet): a flow node belongs to the innermost named lane that lists it.
Status Reader::readLaneSet(Process& process, int depth)
{
    if (depth > deepestNesting)
        return failure(QStringLiteral("lanes are nested more than %1 deep.").arg(deepestNesting));
    while (m_xml.readNextStartElement()) {
        if (!inBpmn() || m_xml.name() != QLatin1String("lane")) {
            m_xml.skipCurrentElement();
            continue;
        }
        const QString lane = cleanName(attribute("name"));
        while (m_xml.readNextStartElement()) {
            if (inBpmn() && m_xml.name() == QLatin1String("flowNodeRef")) {
                const QString id = reference(m_xml.readElementText(QXmlStreamReader::SkipChildElements));
                const auto known = process.laneOf.constFind(id);
                if (!lane.isEmpty() && (known == process.laneOf.constEnd() || known->depth <= depth))
                    process.laneOf.insert(id, {lane, depth});
            } else if (inBpmn() && m_xml.name() == QLatin1String("childLaneSet")) {
                STABLE_TRY(readLaneSet(process, depth + 1));
            } else {
                m_xml.skipCurrentElement();
            }
        }
    }
    return success();
}

void Reader::readCollaboration()
{
    while (m_xml.readNextStartElement()) {
        if (inBpmn() && m_xml.name() == QLatin1String("participant")) {
            const QString process = reference(m_xml.attributes().value(QLatin1String("processRef")));
            const QString name = cleanName(attribute("name"));
            if (!process.isEmpty() && !name.isEmpty())
                m_participants.insert(process, name);
        }
        m_xml.skipCurrentElement();
    }
}

} // namespace

QString bpmnStreamKey(const QString& key, int index)
{
    return index == 0 ? key : key + QLatin1Char('-') + QString::number(index + 1);
}

Result<BpmnModel> parseBpmnModel(const QByteArray& xml, const QString& sourceName, const QString& key)
{
    Reader reader(xml, sourceName);
    if (xml.trimmed().isEmpty())
        return reader.failure(QStringLiteral("the file is empty; a BPMN 2.0 model was expected."));
    auto processes = reader.read();
    STABLE_TRY(processes);

    const QHash<QString, QString> participants = reader.participantNames();
    const QString fileName = QFileInfo(sourceName).completeBaseName();
    BpmnModel model;
    QList<ValueStream>& streams = model.streams;
    QSet<QString> keys;
    for (const Process& process : std::as_const(processes.value())) {
        if (!bpmn::hasActivities(process))
            continue;
        ValueStream stream;
        stream.name = !process.name.isEmpty()                ? process.name
                      : participants.contains(process.id) ? participants.value(process.id)
                                                          : fileName;
        if (stream.name.isEmpty())
            stream.name = QStringLiteral("Imported process");
        stream.purpose = process.documentation;
        if (key.isEmpty()) {
            const QString base = makeKey(stream.name, {});
            stream.key = base;
            for (int n = 2; keys.contains(stream.key); ++n)
                stream.key = base + QLatin1Char('-') + QString::number(n);
            keys.insert(stream.key);
        } else {
            stream.key = bpmnStreamKey(key, static_cast<int>(streams.size()));
        }
        bpmn::OrderedSteps ordered = bpmn::orderedSteps(process);
        stream.steps = std::move(ordered.steps);
        streams.append(stream);
        model.choices.append(std::move(ordered.choices));
    }
    if (streams.isEmpty())
        return reader.failure(QStringLiteral("the model has no process with activities (tasks, call "
                                             "activities or sub-processes) to import."),
                              reader.lastLine());
    return model;
}

Result<QList<ValueStream>> parseBpmn(const QByteArray& xml, const QString& sourceName, const QString& key)
{
    auto model = parseBpmnModel(xml, sourceName, key);
    STABLE_TRY(model);
    return model->streams;
}

Result<BpmnModel> readBpmnModelFile(const QString& path, const QString& key)
{
    auto bytes = readInputFile(path, inputbounds::bpmnXml, QStringLiteral("BPMN model"));
    STABLE_TRY(bytes);
    return parseBpmnModel(bytes.value(), QFileInfo(path).fileName(), key);
}

Result<QList<ValueStream>> readBpmnFile(const QString& path, const QString& key)
{
    auto model = readBpmnModelFile(path, key);
    STABLE_TRY(model);
    return model->streams;
}

Result<QList<ImportSummary>> importBpmnStreams(Library& library, const QList<ValueStream>& streams,
                                               const QString& sourceName)
{
    const QString why = QStringLiteral("Imported from the BPMN model ‘%1’.").arg(sourceName);
    QSet<QString> keys;
    for (const ValueStream& stream : streams) {
        if (keys.contains(stream.key))
            return invalid(QStringLiteral("Two processes of ‘%1’ would both become the value stream ‘%2’; "
                                          "give each its own key.")
                               .arg(sourceName, stream.key));
        keys.insert(stream.key);
    }
    WriteTransaction transaction(library, Changes(Change::Streams) | Change::Drafts);
    STABLE_TRY(transaction.begin());
    QList<ImportSummary> summaries;
    bool changedAny = false;
    for (const ValueStream& stream : streams) {
        bool changed = false;
        auto summary = importProcessWithin(transaction, stream, why, &changed);
        STABLE_TRY(summary); // the transaction rolls back: no stream of the file is written
        summaries.append(summary.value());
        changedAny = changedAny || changed;
    }
    if (!changedAny) {
        transaction.rollback(); // the same model imported again: no event, no change signal
        return summaries;
    }
    STABLE_TRY(transaction.commit());
    return summaries;
}

} // namespace stable
