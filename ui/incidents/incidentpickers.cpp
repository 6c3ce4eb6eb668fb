#include "incidents/incidentpickers.h"

#include "domain.h"
#include "library.h"
#include "process.h"
#include "sql.h"

#include <QComboBox>
#include <QCoreApplication>
#include <QSignalBlocker>

namespace stable {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("stable::IncidentPickers", text);
}

// The latest few of a long history: a picker is no place for thousands of entries.
constexpr int latestShown = 200;

} // namespace

void pickData(QComboBox* picker, const QString& value)
{
    const int index = picker->findData(value);
    picker->setCurrentIndex(index >= 0 ? index : 0);
}

void fillStepPicker(QComboBox* picker, Library& library, const QString& streamId, const QString& currentStepId)
{
    const QSignalBlocker quiet(picker);
    picker->clear();
    picker->addItem(tr("Not known"), QString());
    if (streamId.isEmpty())
        return;
    auto draft = loadDraft(library, streamId);
    if (draft.ok())
        for (const Step& step : draft->steps)
            picker->addItem(tr("%1 (%2)").arg(step.name, step.key), step.id);
    if (!currentStepId.isEmpty() && picker->findData(currentStepId) < 0) {
        auto removed = execSql(library.db(), QStringLiteral("SELECT name, key FROM step WHERE id = ?"), {currentStepId});
        if (removed.ok() && removed->next())
            picker->addItem(tr("%1 (%2, removed from the draft)")
                                .arg(removed->value(0).toString(), removed->value(1).toString()),
                            currentStepId);
    }
    pickData(picker, currentStepId);
}

void fillRunPicker(QComboBox* picker, Library& library, const QString& streamId, const QString& currentRunId)
{
    const QSignalBlocker quiet(picker);
    picker->clear();
    picker->addItem(tr("No run"), QString());
    if (streamId.isEmpty())
        return;
    auto runs = execSql(library.db(),
                        QStringLiteral("SELECT id, title, substr(started_at, 1, 10) FROM run WHERE stream_id = ? "
                                       "OR id = ? ORDER BY started_at DESC LIMIT ?"),
                        {streamId, currentRunId, latestShown});
    if (runs.ok())
        while (runs->next())
            picker->addItem(tr("%1 (started %2)").arg(runs->value(1).toString(), runs->value(2).toString()),
                            runs->value(0).toString());
    if (!currentRunId.isEmpty() && picker->findData(currentRunId) < 0) {
        auto run = execSql(library.db(), QStringLiteral("SELECT title FROM run WHERE id = ?"), {currentRunId});
        if (run.ok() && run->next())
            picker->addItem(run->value(0).toString(), currentRunId);
    }
    pickData(picker, currentRunId);
}

void fillRecurrencePicker(QComboBox* picker, Library& library, const QString& streamId, int beforeNumber,
                          const QString& currentKey)
{
    const QSignalBlocker quiet(picker);
    picker->clear();
    picker->setEditable(true);
    picker->setInsertPolicy(QComboBox::NoInsert);
    picker->addItem(QString(), QString());
    if (!streamId.isEmpty()) {
        auto earlier = execSql(library.db(),
                               QStringLiteral("SELECT number, title FROM incident WHERE stream_id = ? AND (? = 0 OR "
                                              "number < ?) ORDER BY number DESC LIMIT ?"),
                               {streamId, beforeNumber, beforeNumber, latestShown});
        if (earlier.ok())
            while (earlier->next()) {
                const QString key = incidentKey(earlier->value(0).toInt());
                picker->addItem(tr("%1 — %2").arg(key, earlier->value(1).toString()), key);
            }
    }
    const int index = picker->findData(currentKey);
    if (index >= 0)
        picker->setCurrentIndex(index);
    else
        picker->setEditText(currentKey);
}

QString pickedRecurrence(const QComboBox* picker)
{
    const QString text = picker->currentText().trimmed();
    const int index = picker->findText(text);
    if (index >= 0)
        return picker->itemData(index).toString();
    // Typed in: "INC-7" or "INC-7 — title"
    return text.section(QLatin1Char(' '), 0, 0);
}

void fillCategoryPicker(QComboBox* picker, Library& library, const QString& current)
{
    const QSignalBlocker quiet(picker);
    picker->clear();
    picker->setEditable(true);
    picker->setInsertPolicy(QComboBox::NoInsert);
    auto categories = execSql(library.db(), QStringLiteral("SELECT DISTINCT category FROM incident "
                                                           "WHERE category <> '' ORDER BY category"));
    if (categories.ok())
        while (categories->next())
            picker->addItem(categories->value(0).toString());
    picker->setEditText(current);
}

} // namespace stable
