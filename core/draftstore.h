#pragma once

// The rows behind a value stream's draft (stream, step, step_io, quality_check) and their audit views,
// shared by the draft edits and the process import. Internal to core.

#include "process.h"
#include "result.h"

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QSqlDatabase>
#include <QString>

namespace stable {

class WriteTransaction;

namespace draft {

struct StepRecord
{
    Step step; // ports filled, checks not
    QString streamId;
    int position = 0;
    bool removed = false;
};

struct CheckRecord
{
    QualityCheck check;
    QString stepId;
    int position = 0;
    bool removed = false;
};

// What the audit log stores for each record: the whole row, a step with its inputs and outputs.
QJsonObject streamJson(const ValueStream& stream);
QJsonObject stepJson(const StepRecord& record);
QJsonObject checkJson(const CheckRecord& record);

Result<ValueStream> loadStreamRow(const QSqlDatabase& db, const QString& streamId); // without steps
Result<StepRecord> loadStep(const QSqlDatabase& db, const QString& stepId);
Result<CheckRecord> loadCheck(const QSqlDatabase& db, const QString& checkId);
// Every step of a stream, removed ones included, in insertion order.
Result<QList<StepRecord>> loadSteps(const QSqlDatabase& db, const QString& streamId);
// Every check of a step, removed ones included, in insertion order.
Result<QList<CheckRecord>> loadChecks(const QSqlDatabase& db, const QString& stepId);
// Every check of a stream's steps in one query, by step id (each step's in loadChecks' order).
Result<QHash<QString, QList<CheckRecord>>> loadStreamChecks(const QSqlDatabase& db, const QString& streamId);

// Ports are matched by position: the i-th input keeps the id of the i-th input before.
void inheritPortIds(QList<Port>& ports, const QList<Port>& previous);

// Validation that needs no database: keys, names, ranges.
Status validateStep(const Step& step);
Status validateCheck(const QualityCheck& check);
Status validateStreamFields(const ValueStream& stream);
Status checkIncidentExists(const QSqlDatabase& db, const QString& incidentId);

// An id for a new record in `table`: `wanted` when it is an id not used there yet, else a new one.
Result<QString> freshId(const QSqlDatabase& db, const QString& table, const QString& wanted);

Status insertStep(WriteTransaction& transaction, const StepRecord& record);
Status writeStep(WriteTransaction& transaction, const StepRecord& record, const StepRecord& before);
Status insertCheck(WriteTransaction& transaction, const CheckRecord& record);
Status writeCheck(WriteTransaction& transaction, const CheckRecord& record);
Status touchDraft(WriteTransaction& transaction, const QString& streamId);

Status audit(WriteTransaction& transaction, const QString& action, const QString& entity, const QString& id,
             const QJsonObject& before, const QJsonObject& after, const QString& why = {});

} // namespace draft
} // namespace stable
