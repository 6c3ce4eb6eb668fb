// Publishing: a revision is the draft frozen, numbered and signed; it answers incidents; it is refused
// when there is nothing (new) to publish; and what it froze never changes afterwards.
#include "audit.h"
#include "ids.h"
#include "process.h"
#include "revisions.h"
#include "sql.h"
#include "testlibrary.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace stable;
using namespace stable::test;

namespace {

QualityCheck makeCheck(const char* key, const char* statement)
{
    QualityCheck check;
    check.key = QLatin1String(key);
    check.statement = QLatin1String(statement);
    return check;
}

ValueStream process(const char* key, const char* name)
{
    ValueStream stream;
    stream.key = QLatin1String(key);
    stream.name = QLatin1String(name);
    Step build;
    build.key = QStringLiteral("build");
    build.name = QStringLiteral("Build");
    build.checks = {makeCheck("tests", "Automated tests pass")};
    Step deploy;
    deploy.key = QStringLiteral("deploy");
    deploy.name = QStringLiteral("Deploy");
    deploy.checks = {makeCheck("backup", "Database backed up"),
                     makeCheck("go", "Every stored procedure ends with GO")};
    stream.steps = {build, deploy};
    return stream;
}

ValueStream release()
{
    return process("release", "Software Release");
}

PublishRequest request(const char* reason, QStringList answers = {})
{
    return PublishRequest{QStringLiteral("release"), QLatin1String(reason), std::move(answers)};
}

// Incidents made directly in the table, so that publishing is tested on its own.
QString addIncidentRow(Library& library, int number, const QString& stream, const char* status)
{
    const QString id = newId();
    auto streamId = resolveStream(library, stream);
    auto inserted =
        execSql(library.db(),
                QStringLiteral("INSERT INTO incident (id, number, title, stream_id, occurred_at, created_at, "
                               "status, prevented_at) VALUES (?,?,?,?,?,?,?,?)"),
                {id, number, QStringLiteral("Incident %1").arg(number), streamId.value(),
                 QStringLiteral("2026-02-01T09:00:00Z"), QStringLiteral("2026-02-01T09:30:00Z"),
                 QLatin1String(status),
                 QLatin1String(status) == QLatin1String("prevented")
                     ? QVariant(QStringLiteral("2026-02-10T00:00:00Z"))
                     : QVariant()});
    if (!inserted.ok())
        qFatal("cannot add an incident: %s", qPrintable(inserted.message()));
    return id;
}

QStringList incidentState(Library& library, const QString& id)
{
    auto query =
        execSql(library.db(),
                QStringLiteral("SELECT status, coalesce(prevented_at, '') FROM incident WHERE id = ?"), {id});
    if (!query.ok() || !query->next())
        return {};
    return {query->value(0).toString(), query->value(1).toString()};
}

struct Counts
{
    qint64 revisions, checks, answers, events;
    bool operator==(const Counts& o) const
    {
        return revisions == o.revisions && checks == o.checks && answers == o.answers && events == o.events;
    }
};

Counts counts(Library& library)
{
    return {rowCount(library, QStringLiteral("revision")),
            rowCount(library, QStringLiteral("revision_check")),
            rowCount(library, QStringLiteral("revision_answer")),
            rowCount(library, QStringLiteral("audit_event"))};
}

QList<AuditEvent> eventsSince(Library& library, qint64 seq)
{
    auto query = execSql(
        library.db(),
        QStringLiteral("SELECT action, entity, entity_id, actor, after, why FROM audit_event WHERE seq > ? "
                       "ORDER BY seq"),
        {seq});
    QList<AuditEvent> events;
    while (query.ok() && query->next()) {
        AuditEvent event;
        event.action = query->value(0).toString();
        event.entity = query->value(1).toString();
        event.entityId = query->value(2).toString();
        event.actor = query->value(3).toString();
        event.after = query->value(4).toString();
        event.why = query->value(5).toString();
        events.append(event);
    }
    return events;
}

QString storedSnapshot(Library& library, const QString& revisionId)
{
    auto query =
        execSql(library.db(), QStringLiteral("SELECT snapshot FROM revision WHERE id = ?"), {revisionId});
    return query.ok() && query->next() ? query->value(0).toString() : QString();
}

} // namespace

class TestRevisions : public QObject
{
    Q_OBJECT
private slots:
    void publishesNumberedSignedRevisions()
    {
        TempLibrary lib;
        const Signer alice = lib.signer(QStringLiteral("Alice Example"), QStringLiteral("AL"));
        QVERIFY(importProcess(*lib, release()).ok());
        const qint64 seq = rowCount(*lib, QStringLiteral("audit_event"));

        auto first = publish(*lib, alice, request("First published version"));
        QVERIFY2(first.ok(), qPrintable(first.message()));
        QCOMPARE(first->number, 1);
        QCOMPARE(first->publishedBy, alice.personId());
        QCOMPARE(first->publisherName, QStringLiteral("Alice Example"));
        QCOMPARE(first->publishedAt, QStringLiteral("2026-03-01T10:00:00Z"));
        QCOMPARE(first->reason, QStringLiteral("First published version"));
        QCOMPARE(first->snapshotHash, sha256Hex(storedSnapshot(*lib, first->id).toUtf8()));
        QCOMPARE(storedSnapshot(*lib, first->id),
                 canonicalSnapshot(loadDraft(*lib, QStringLiteral("release")).value()));

        const QList<AuditEvent> events = eventsSince(*lib, seq);
        QCOMPARE(events.size(), 1);
        QCOMPARE(events.at(0).action, QStringLiteral("revision.publish"));
        QCOMPARE(events.at(0).entity, QStringLiteral("revision"));
        QCOMPARE(events.at(0).entityId, first->id);
        QCOMPARE(events.at(0).actor, QStringLiteral("person:") + alice.personId());
        const QJsonObject after = QJsonDocument::fromJson(events.at(0).after.toUtf8()).object();
        QCOMPARE(after.value(QStringLiteral("number")).toInt(), 1);
        QCOMPARE(after.value(QStringLiteral("published_by")).toString(), alice.personId());
        QCOMPARE(after.value(QStringLiteral("snapshot_hash")).toString(), first->snapshotHash);
        QCOMPARE(after.value(QStringLiteral("reason")).toString(), QStringLiteral("First published version"));
        QVERIFY(after.value(QStringLiteral("answers")).toArray().isEmpty());

        // The library lists the stream as published and unchanged.
        QCOMPARE(listStreams(*lib)->at(0).latestRevision, 1);
        QVERIFY(!listStreams(*lib)->at(0).draftDiffers);

        const Signer bob = lib.signer(QStringLiteral("Bob Builder"), QStringLiteral("BB"));
        lib.clock().advance(86400);
        const Step build = loadDraft(*lib, QStringLiteral("release"))->steps.at(0);
        QVERIFY(addCheck(*lib, build.id, makeCheck("tagged", "Built from the release tag")).ok());
        QVERIFY(listStreams(*lib)->at(0).draftDiffers);
        auto second = publish(*lib, bob, request("Build from the tag only"));
        QVERIFY2(second.ok(), qPrintable(second.message()));
        QCOMPARE(second->number, 2);
        QCOMPARE(second->publishedAt, QStringLiteral("2026-03-02T10:00:00Z"));

        auto all = listRevisions(*lib, QStringLiteral("release"));
        QVERIFY2(all.ok(), qPrintable(all.message()));
        QCOMPARE(all->size(), 2);
        QCOMPARE(all->at(0).number, 1);
        QCOMPARE(all->at(0).publisherName, QStringLiteral("Alice Example"));
        QCOMPARE(all->at(1).publisherName, QStringLiteral("Bob Builder"));
        QCOMPARE(all->at(1).snapshot.steps.at(0).checks.size(), 2);
        QCOMPARE(loadRevision(*lib, QStringLiteral("release"))->number, 2);
        QCOMPARE(loadRevision(*lib, QStringLiteral("release"), 1)->snapshot.steps.at(0).checks.size(), 1);
    }

    void revisionChecksSayWhichChecksEachRevisionHolds()
    {
        TempLibrary lib;
        const Signer alice = lib.signer(QStringLiteral("Alice Example"), QStringLiteral("AL"));
        QVERIFY(importProcess(*lib, release()).ok());
        auto first = publish(*lib, alice, request("First"));
        QVERIFY(first.ok());
        QCOMPARE(rowCount(*lib, QStringLiteral("revision_check")), 3);

        const ValueStream draft = loadDraft(*lib, QStringLiteral("release")).value();
        const QString go = draft.steps.at(1).checks.at(1).id;
        QVERIFY(removeCheck(*lib, go).ok());
        auto second = publish(*lib, alice, request("GO is now checked by the build"));
        QVERIFY(second.ok());
        auto holding = [&](const QString& revisionId) {
            auto query =
                execSql(lib->db(),
                        QStringLiteral(
                            "SELECT count(*), sum(check_id = ?) FROM revision_check WHERE revision_id = ?"),
                        {go, revisionId});
            return query.ok() && query->next()
                       ? QPair<int, int>(query->value(0).toInt(), query->value(1).toInt())
                       : QPair<int, int>(-1, -1);
        };
        QCOMPARE(holding(first->id), (QPair<int, int>(3, 1)));
        QCOMPARE(holding(second->id), (QPair<int, int>(2, 0)));
        // A check keeps its identity across revisions.
        QCOMPARE(second->snapshot.steps.at(1).checks.at(0).id, first->snapshot.steps.at(1).checks.at(0).id);
    }

    void snapshotStaysAsPublished()
    {
        TempLibrary lib;
        const Signer alice = lib.signer(QStringLiteral("Alice Example"), QStringLiteral("AL"));
        QVERIFY(importProcess(*lib, release()).ok());
        auto first = publish(*lib, alice, request("First"));
        QVERIFY(first.ok());
        const QString snapshot = storedSnapshot(*lib, first->id);

        QualityCheck go = loadDraft(*lib, QStringLiteral("release"))->steps.at(1).checks.at(1);
        go.statement = QStringLiteral("Every stored procedure ends with GO on its own line");
        QVERIFY(updateCheck(*lib, go).ok());
        ValueStream renamed = release();
        renamed.name = QStringLiteral("Release to production");
        QVERIFY(importProcess(*lib, renamed).ok());

        auto stored = loadRevision(*lib, QStringLiteral("release"), 1);
        QVERIFY2(stored.ok(), qPrintable(stored.message()));
        QCOMPARE(stored->snapshot.name, QStringLiteral("Software Release"));
        QCOMPARE(stored->snapshot.steps.at(1).checks.at(1).statement,
                 QStringLiteral("Every stored procedure ends with GO"));
        QCOMPARE(storedSnapshot(*lib, first->id), snapshot);
        QVERIFY(
            !execSql(lib->db(), QStringLiteral("UPDATE revision SET reason = 'x' WHERE id = ?"), {first->id})
                 .ok());
        QCOMPARE(loadRevision(*lib, QStringLiteral("release"), 1)->reason, QStringLiteral("First"));
    }

    void answeredIncidentsBecomePrevented()
    {
        TempLibrary lib;
        const Signer alice = lib.signer(QStringLiteral("Alice Example"), QStringLiteral("AL"));
        QVERIFY(importProcess(*lib, release()).ok());
        const QString open = addIncidentRow(*lib, 1, QStringLiteral("release"), "open");
        const QString analysed = addIncidentRow(*lib, 2, QStringLiteral("release"), "analysed");
        const QString prevented = addIncidentRow(*lib, 3, QStringLiteral("release"), "prevented");
        const QString untouched = addIncidentRow(*lib, 4, QStringLiteral("release"), "open");
        lib.clock().advance(3600);
        const qint64 seq = rowCount(*lib, QStringLiteral("audit_event"));

        // By key, by id, in any order, named twice.
        auto revision =
            publish(*lib, alice,
                    request("Answers three incidents", {QStringLiteral("inc-3"), analysed,
                                                        QStringLiteral("INC-1"), QStringLiteral("INC-1")}));
        QVERIFY2(revision.ok(), qPrintable(revision.message()));
        QCOMPARE(revision->answers,
                 (QStringList{QStringLiteral("INC-1"), QStringLiteral("INC-2"), QStringLiteral("INC-3")}));
        QCOMPARE(incidentState(*lib, open),
                 (QStringList{QStringLiteral("prevented"), QStringLiteral("2026-03-01T11:00:00Z")}));
        QCOMPARE(incidentState(*lib, analysed),
                 (QStringList{QStringLiteral("prevented"), QStringLiteral("2026-03-01T11:00:00Z")}));
        QCOMPARE(incidentState(*lib, prevented),
                 (QStringList{QStringLiteral("prevented"), QStringLiteral("2026-02-10T00:00:00Z")}));
        QCOMPARE(incidentState(*lib, untouched), (QStringList{QStringLiteral("open"), QString()}));
        QCOMPARE(rowCount(*lib, QStringLiteral("revision_answer")), 3);
        QCOMPARE(loadRevision(*lib, QStringLiteral("release"))->answers, revision->answers);

        const QList<AuditEvent> events = eventsSince(*lib, seq);
        QCOMPARE(events.size(), 3); // the revision and the two incidents that changed status
        QCOMPARE(events.at(0).action, QStringLiteral("revision.publish"));
        const QJsonArray answers = QJsonDocument::fromJson(events.at(0).after.toUtf8())
                                       .object()
                                       .value(QStringLiteral("answers"))
                                       .toArray();
        QCOMPARE(answers.size(), 3);
        QVERIFY(answers.contains(open) && answers.contains(analysed) && answers.contains(prevented));
        for (int i = 1; i < 3; ++i) {
            QCOMPARE(events.at(i).action, QStringLiteral("incident.prevent"));
            QCOMPARE(events.at(i).entity, QStringLiteral("incident"));
            QCOMPARE(events.at(i).actor, QStringLiteral("person:") + alice.personId());
            QCOMPARE(events.at(i).why, QStringLiteral("Answered by revision 1 of ‘release’."));
        }
        QCOMPARE(events.at(1).entityId, open);
        QCOMPARE(events.at(2).entityId, analysed);
    }

    void refusals_data()
    {
        QTest::addColumn<QString>("reason");
        QTest::addColumn<QStringList>("answers");
        QTest::addColumn<QString>("message");
        QTest::newRow("no reason") << QStringLiteral("  ") << QStringList()
                                   << QStringLiteral("A revision needs a reason: say what changed and why.");
        QTest::newRow("unknown incident") << QStringLiteral("Fix") << QStringList{QStringLiteral("INC-9")}
                                          << QStringLiteral("No incident ‘INC-9’.");
        QTest::newRow("unknown incident id") << QStringLiteral("Fix") << QStringList{QStringLiteral("abc")}
                                             << QStringLiteral("No incident ‘abc’.");
        QTest::newRow("incident of another stream")
            << QStringLiteral("Fix") << QStringList{QStringLiteral("INC-1"), QStringLiteral("INC-2")}
            << QStringLiteral(
                   "INC-2 is about ‘Onboarding’, not ‘Software Release’: a revision answers incidents of "
                   "its own value stream.");
    }

    void refusals()
    {
        QFETCH(QString, reason);
        QFETCH(QStringList, answers);
        QFETCH(QString, message);
        TempLibrary lib;
        const Signer alice = lib.signer(QStringLiteral("Alice Example"), QStringLiteral("AL"));
        QVERIFY(importProcess(*lib, release()).ok());
        QVERIFY(importProcess(*lib, process("onboarding", "Onboarding")).ok());
        const QString first = addIncidentRow(*lib, 1, QStringLiteral("release"), "open");
        addIncidentRow(*lib, 2, QStringLiteral("onboarding"), "open");
        const Counts before = counts(*lib);
        auto published = publish(*lib, alice, PublishRequest{QStringLiteral("release"), reason, answers});
        QVERIFY(!published.ok());
        QCOMPARE(published.message(), message);
        QVERIFY(counts(*lib) == before);
        QCOMPARE(incidentState(*lib, first), (QStringList{QStringLiteral("open"), QString()}));
    }

    void refusesAnUnchangedDraft()
    {
        TempLibrary lib;
        const Signer alice = lib.signer(QStringLiteral("Alice Example"), QStringLiteral("AL"));
        QVERIFY(importProcess(*lib, release()).ok());
        QVERIFY(publish(*lib, alice, request("First")).ok());
        Counts before = counts(*lib);
        auto again = publish(*lib, alice, request("Again"));
        QCOMPARE(again.message(), QStringLiteral("Nothing changed since revision 1."));
        QCOMPARE(again.kind(), ErrorKind::Refused);
        QVERIFY(counts(*lib) == before);

        // A change made and then undone is no change either.
        Step build = loadDraft(*lib, QStringLiteral("release"))->steps.at(0);
        const QString name = build.name;
        build.name = QStringLiteral("Compile");
        QVERIFY(updateStep(*lib, build).ok());
        build.name = name;
        QVERIFY(updateStep(*lib, build).ok());
        before = counts(*lib);
        QCOMPARE(publish(*lib, alice, request("Again")).message(),
                 QStringLiteral("Nothing changed since revision 1."));
        QVERIFY(counts(*lib) == before);
    }

    void refusesADraftThatIsNotReady()
    {
        TempLibrary lib;
        const Signer alice = lib.signer(QStringLiteral("Alice Example"), QStringLiteral("AL"));
        ValueStream empty = release();
        empty.steps.clear();
        QVERIFY(importProcess(*lib, empty).ok());
        Counts before = counts(*lib);
        QCOMPARE(publish(*lib, alice, request("First")).message(),
                 QStringLiteral("‘Software Release’ has no steps; add at least one before publishing."));
        QVERIFY(counts(*lib) == before);

        ValueStream unchecked = release();
        unchecked.steps[1].checks.clear();
        QVERIFY(importProcess(*lib, unchecked).ok());
        before = counts(*lib);
        QCOMPARE(publish(*lib, alice, request("First")).message(),
                 QStringLiteral(
                     "The step ‘Deploy’ has no checks; every step of ‘Software Release’ needs at least one "
                     "before publishing."));
        QVERIFY(counts(*lib) == before);

        auto unknown =
            publish(*lib, alice, PublishRequest{QStringLiteral("payroll"), QStringLiteral("First"), {}});
        QCOMPARE(unknown.message(), QStringLiteral("No value stream ‘payroll’."));
        QCOMPARE(unknown.kind(), ErrorKind::NotFound);
        QVERIFY(counts(*lib) == before);
    }

    void anotherInstanceSeesThePublishedRevision()
    {
        TempLibrary lib;
        const Signer alice = lib.signer(QStringLiteral("Alice Example"), QStringLiteral("AL"));
        QVERIFY(importProcess(*lib, release()).ok());
        QVERIFY(publish(*lib, alice, request("First")).ok());
        auto other = Library::open(lib.path());
        QVERIFY2(other.ok(), qPrintable(other.message()));
        QVERIFY(listRevisions(*other.value(), QStringLiteral("release"))->size() == 1);
        ValueStream changed = release();
        changed.name = QStringLiteral("Release to production");
        QVERIFY(importProcess(*lib, changed).ok());
        QVERIFY(publish(*lib, alice, request("Renamed")).ok());
        auto seen = loadRevision(*other.value(), QStringLiteral("release"));
        QVERIFY2(seen.ok(), qPrintable(seen.message()));
        QCOMPARE(seen->number, 2);
        QCOMPARE(seen->snapshot.name, QStringLiteral("Release to production"));
        QCOMPARE(seen->publisherName, QStringLiteral("Alice Example"));
    }

    void loadingRevisionsThatDoNotExist()
    {
        TempLibrary lib;
        const Signer alice = lib.signer(QStringLiteral("Alice Example"), QStringLiteral("AL"));
        QVERIFY(importProcess(*lib, release()).ok());
        auto none = loadRevision(*lib, QStringLiteral("release"));
        QCOMPARE(none.message(), QStringLiteral("‘release’ has no published revision yet."));
        QCOMPARE(none.kind(), ErrorKind::NotFound);
        QVERIFY(listRevisions(*lib, QStringLiteral("release"))->isEmpty());
        QVERIFY(publish(*lib, alice, request("First")).ok());
        auto seventh = loadRevision(*lib, QStringLiteral("release"), 7);
        QCOMPARE(seventh.message(), QStringLiteral("‘release’ has no revision 7 (the latest is 1)."));
        QCOMPARE(seventh.kind(), ErrorKind::NotFound);
    }
};

QTEST_GUILESS_MAIN(TestRevisions)
#include "tst_revisions.moc"
