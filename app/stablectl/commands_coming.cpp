// Commands the contract announces that later builds will bring; listed in --help so scripts can plan.
#include "commands.h"

namespace stable::cli {

QList<CommandSpec> comingCommands()
{
    const QString lib = QStringLiteral("LIB");
    return {
        {QStringLiteral("checklist"),
         {lib, QStringLiteral("STREAM")},
         {optional(QStringLiteral("revision"), QStringLiteral("N")),
          required(QStringLiteral("pdf"), QStringLiteral("OUT.pdf"))},
         QStringLiteral("A blank, printable checklist with signature lines (not in this build yet)."),
         {}},
        {QStringLiteral("receipt"),
         {lib, QStringLiteral("RUN")},
         {required(QStringLiteral("pdf"), QStringLiteral("OUT.pdf")),
          optional(QStringLiteral("json"), QStringLiteral("OUT.json"))},
         QStringLiteral("The signed proof of a run (not in this build yet)."),
         {}},
        {QStringLiteral("import-bpmn"),
         {lib, QStringLiteral("MODEL.bpmn")},
         {optional(QStringLiteral("key"), QStringLiteral("KEY")), flag(QStringLiteral("json"))},
         QStringLiteral(
             "Imports the processes of a BPMN 2.0 model as value streams (not in this build yet)."),
         {}},
        {QStringLiteral("export-csv"),
         {lib, QStringLiteral("DIR")},
         {},
         QStringLiteral(
             "Runs, items, attestations, incidents and rework as one CSV each (not in this build yet)."),
         {}},
    };
}

} // namespace stable::cli
