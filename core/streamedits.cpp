// Removing a whole value stream and bringing it back, and editing its name, purpose and owner. A stream
// is never deleted: its revisions, runs and incidents keep pointing at it, and the desktop app's undo of
// a removal must get back the same stream.
#include "draftstore.h"
#include "library.h"
#include "process.h"
#include "sql.h"

#include <QJsonObject>

namespace stable {

namespace {

QJsonObject presenceJson(const ValueStream& stream, bool removed)
{
    QJsonObject json = draft::streamJson(stream);
    json.insert(QStringLiteral("removed"), removed);
    return json;
}

Status setStreamRemoved(Library& library, const QString& streamId, bool removed)
{
    WriteTransaction transaction(library, Changes(Change::Streams) | Change::Drafts);
    STABLE_TRY(transaction.begin());
    const QSqlDatabase db = transaction.db();
    auto state = selectRecord(db, QStringLiteral("SELECT removed FROM stream WHERE id = ?"), {streamId},
                              QStringLiteral("No value stream with the id ‘%1’.").arg(streamId));
    STABLE_TRY(state);
    const bool wasRemoved = state->value(0).toBool();
    state->finish();
    if (wasRemoved == removed)
        return success();
    // Stream keys are unique over removed streams too, so a restored stream never meets a namesake.
    auto stream = draft::loadStreamRow(db, streamId);
    STABLE_TRY(stream);
    STABLE_TRY(execSql(db, QStringLiteral("UPDATE stream SET removed = ? WHERE id = ?"), {removed ? 1 : 0, streamId}));
    STABLE_TRY(draft::audit(transaction, removed ? QStringLiteral("stream.remove") : QStringLiteral("stream.restore"),
                            QStringLiteral("stream"), streamId, presenceJson(stream.value(), wasRemoved),
                            presenceJson(stream.value(), removed)));
    STABLE_TRY(transaction.commit());
    return success();
}

} // namespace

Status removeStream(Library& library, const QString& streamId)
{
    return setStreamRemoved(library, streamId, true);
}

Status restoreStream(Library& library, const QString& streamId)
{
    return setStreamRemoved(library, streamId, false);
}

Status updateStream(Library& library, const ValueStream& stream)
{
    WriteTransaction transaction(library, Changes(Change::Streams) | Change::Drafts);
    STABLE_TRY(transaction.begin());
    const QSqlDatabase db = transaction.db();
    auto state = selectRecord(db, QStringLiteral("SELECT removed FROM stream WHERE id = ?"), {stream.id},
                              QStringLiteral("No value stream with the id ‘%1’.").arg(stream.id));
    STABLE_TRY(state);
    const bool removed = state->value(0).toBool();
    state->finish();
    auto before = draft::loadStreamRow(db, stream.id);
    STABLE_TRY(before);
    if (removed)
        return refused(
            QStringLiteral("The value stream ‘%1’ was removed from the library; bring it back before "
                           "editing it.")
                .arg(before->name));
    ValueStream after = before.value();
    after.name = stream.name;
    after.purpose = stream.purpose;
    after.owner = stream.owner;
    STABLE_TRY(draft::validateStreamFields(after));
    if (draft::streamJson(after) == draft::streamJson(before.value()))
        return success();
    STABLE_TRY(execSql(db, QStringLiteral("UPDATE stream SET name = ?, purpose = ?, owner = ? WHERE id = ?"),
                       {after.name, after.purpose, after.owner, after.id}));
    STABLE_TRY(draft::audit(transaction, QStringLiteral("stream.update"), QStringLiteral("stream"), after.id,
                            draft::streamJson(before.value()), draft::streamJson(after)));
    STABLE_TRY(draft::touchDraft(transaction, after.id));
    STABLE_TRY(transaction.commit());
    return success();
}

} // namespace stable
