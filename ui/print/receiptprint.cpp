// The signed proof on paper. Hashes are printed so that the paper can be checked against the file later:
// each attestation's own hash, the run's items hash, and the audit chain head at the time of printing.
#include "receiptprint.h"

#include <optional>

namespace stable {

namespace {

QString outcomeText(Outcome outcome)
{
    switch (outcome) {
    case Outcome::Pass:
        return QStringLiteral("PASS");
    case Outcome::Fail:
        return QStringLiteral("FAIL");
    case Outcome::NotApplicable:
        return QStringLiteral("N/A");
    }
    return {};
}

QString kindText(RunKind kind)
{
    return kind == RunKind::Plan ? QStringLiteral("execution plan") : toText(kind);
}

QString orDash(const QString& text)
{
    return text.isEmpty() ? QStringLiteral("—") : text;
}

Row factRow(const QString& label, const Text& value)
{
    Row row;
    row.cells = {Cell{Text(label, Caption), 1, 0}, Cell{value, 1, 0}};
    return row;
}

void addFacts(PrintBody& body, const Receipt& receipt)
{
    const Run& run = receipt.run;
    const Revision& revision = receipt.revision;
    Block& table = body.table({0.22, 0.78});
    table.ruled = false;
    table.rows.append(factRow(QStringLiteral("Value stream"),
                              Text(run.streamName + QLatin1Char(' ')).add(run.streamKey, Small | Mono | Muted)));
    table.rows.append(factRow(QStringLiteral("Revision"),
                              Text(QStringLiteral("%1, published %2 by %3: “%4”")
                                       .arg(QString::number(revision.number), revision.publishedAt,
                                            revision.publisherName, revision.reason))));
    table.rows.append(factRow(QStringLiteral("Kind"), Text(kindText(run.kind))));
    Text status(toText(run.status), Bold);
    status.add(QStringLiteral(" — %1 of %2 items passed or n/a%3")
                   .arg(QString::number(run.finalCount), QString::number(run.itemCount),
                        run.failedCount > 0 ? QStringLiteral(", %1 failed").arg(run.failedCount) : QString()));
    table.rows.append(factRow(QStringLiteral("Status"), status));
    if (!run.plannedStart.isEmpty())
        table.rows.append(factRow(QStringLiteral("Planned start (UTC)"), Text(run.plannedStart)));
    if (!run.rollbackPoint.isEmpty() || run.kind == RunKind::Plan)
        table.rows.append(factRow(QStringLiteral("Rollback point (UTC)"), Text(orDash(run.rollbackPoint))));
    table.rows.append(factRow(QStringLiteral("Started (UTC)"), Text(run.startedAt)));
    table.rows.append(factRow(QStringLiteral("Closed (UTC)"), Text(orDash(run.closedAt))));
    table.rows.append(factRow(QStringLiteral("Lessons learned"), Text(orDash(run.lessons))));
    table.rows.append(factRow(QStringLiteral("Run id"), Text(run.id, Mono)));
}

void addIntegrityBox(PrintBody& body, const Receipt& receipt)
{
    Block& table = body.table({0.22, 0.78});
    Row head;
    head.head = true;
    head.cells = {Cell{Text(QStringLiteral("What ties this paper to the library"), Bold), 2, 0}};
    table.rows.append(head);
    table.rows.append(factRow(QStringLiteral("Items hash"),
                              Text(receipt.itemsHash, Mono)
                                  .lineBreak()
                                  .add(QStringLiteral("the checks as frozen when the run started (its run.start "
                                                      "audit event)"),
                                       Caption)));
    table.rows.append(factRow(QStringLiteral("Revision hash"), Text(receipt.revision.snapshotHash, Mono)));
    const QString event = QString::number(receipt.chainHead.length);
    table.rows.append(factRow(
        QStringLiteral("Audit chain head"),
        Text(receipt.chainHead.hash.isEmpty() ? QStringLiteral("(empty log)") : receipt.chainHead.hash, Mono)
            .lineBreak()
            .add(QStringLiteral("event %1 of the chain when this receipt was made, %2. ").arg(event, receipt.madeAt),
                 Caption)
            .add(QStringLiteral("stablectl verify"), Caption | Italic)
            .add(QStringLiteral(" on the library must pass, and its audit event %1 must still carry this hash.")
                     .arg(event),
                 Caption)));
}

struct Numbered
{
    int number = 0;
    const Attestation* attestation = nullptr;
    QString itemRef;
};

const QList<qreal> itemColumns{0.05, 0.08, 0.27, 0.22, 0.12, 0.08, 0.18};

Row wideRow(const Text& text)
{
    Row row;
    row.cells = {Cell{}, Cell{text, 6, 0}};
    return row;
}

void addAttestationRows(Block& table, const Attestation& attestation, int number, const QString& voidHash)
{
    const unsigned struck = attestation.voided ? Struck : Plain;
    Row row;
    row.cells = {Cell{Text(QStringLiteral("[%1]").arg(number)), 1, 0},
                 Cell{Text(outcomeText(attestation.outcome), Bold | struck), 1, 0},
                 Cell{Text(QStringLiteral("%1 (%2)").arg(attestation.signerName, attestation.signerInitials), struck), 1, 0},
                 Cell{Text(attestation.signedAt, struck), 1, 0},
                 Cell{Text(toText(attestation.meaning), struck), 1, 0},
                 Cell{Text(QString::number(attestation.attempt)), 1, 0},
                 Cell{Text(shortHash(attestation.hash), Mono), 1, 0}};
    QStringList extra;
    if (!attestation.note.isEmpty())
        extra << QStringLiteral("Note: ") + attestation.note;
    if (!attestation.evidence.isEmpty())
        extra << QStringLiteral("Evidence: ") + attestation.evidence;
    row.withNext = !extra.isEmpty() || attestation.voided;
    table.rows.append(row);
    if (!extra.isEmpty()) {
        table.rows.append(wideRow(Text(extra.join(QStringLiteral(" · ")), struck)));
        table.rows.last().withNext = attestation.voided;
    }
    if (attestation.voided)
        table.rows.append(wideRow(Text(QStringLiteral("VOIDED"), Bold)
                                      .add(QStringLiteral(" by %1 at %2 — reason: ")
                                               .arg(attestation.voidedByName, attestation.voidedAt))
                                      .add(attestation.voidReason, Bold)
                                      .add(QStringLiteral("   "))
                                      .add(shortHash(voidHash), Mono)));
}

void addItem(PrintBody& body, const RunItem& item, QList<Numbered>& numbered, const Receipt& receipt)
{
    Text heading(item.ref(), Mono | Bold);
    heading.add(QStringLiteral("   ")).add(item.statement);
    if (item.critical)
        heading.add(QStringLiteral("   ")).add(QStringLiteral("CRITICAL"), Bold);
    Row head;
    head.head = true;
    head.cells = {Cell{heading, 6, 0},
                  Cell{Text(toText(item.stage), Caption).lineBreak().add(toText(item.state).toUpper(), Bold), 1, 0}};
    Block& table = body.table(itemColumns);
    table.rows.append(head);
    if (item.attestations.isEmpty()) {
        Row none;
        none.cells = {Cell{Text(QStringLiteral("Not signed."), Italic), 7, 0}};
        table.rows.append(none);
        return;
    }
    Row columns;
    for (const QString& caption : {QStringLiteral("#"), QStringLiteral("Outcome"), QStringLiteral("Signed by (printed name)"),
                                   QStringLiteral("Time (UTC)"), QStringLiteral("Meaning"), QStringLiteral("Attempt"),
                                   QStringLiteral("Hash")})
        columns.cells.append(Cell{Text(caption, Caption), 1, 0});
    table.rows.append(columns);
    for (const Attestation& attestation : item.attestations) {
        numbered.append({static_cast<int>(numbered.size()) + 1, &attestation, item.ref()});
        addAttestationRows(table, attestation, static_cast<int>(numbered.size()), receipt.voidHashes.value(attestation.id));
    }
}

void addHashTable(PrintBody& body, const QList<Numbered>& numbered, const Receipt& receipt)
{
    if (numbered.isEmpty())
        return;
    body.heading(Block::Kind::Section, Text(QStringLiteral("Hashes of the attestations")));
    body.paragraph(Text(QStringLiteral("SHA-256 of exactly what each person signed (and of each void), as "), Caption)
                       .add(QStringLiteral("stablectl verify"), Caption | Italic)
                       .add(QStringLiteral(" recomputes them."), Caption))
        .withNext = true;
    // Hundreds of rows: the table runs on from page to page, its column captions repeated on each.
    Block& table = body.table({0.06, 0.32, 0.62});
    table.whole = false;
    table.repeatedRows = 1;
    Row columns;
    columns.cells = {Cell{Text(QStringLiteral("#"), Caption), 1, 0}, Cell{Text(QStringLiteral("Item"), Caption), 1, 0},
                     Cell{Text(QStringLiteral("SHA-256"), Caption), 1, 0}};
    table.rows.append(columns);
    for (const Numbered& entry : numbered) {
        Row row;
        row.cells = {Cell{Text(QStringLiteral("[%1]").arg(entry.number), Small), 1, 0}, Cell{Text(entry.itemRef, Mono), 1, 0},
                     Cell{Text(entry.attestation->hash, Mono), 1, 0}};
        row.withNext = entry.attestation->voided;
        table.rows.append(row);
        if (entry.attestation->voided) {
            Row voidRow;
            voidRow.cells = {Cell{}, Cell{Text(QStringLiteral("void of [%1]").arg(entry.number), Small), 1, 0},
                             Cell{Text(receipt.voidHashes.value(entry.attestation->id), Mono), 1, 0}};
            table.rows.append(voidRow);
        }
    }
}

} // namespace

PrintBody receiptBody(const Receipt& receipt)
{
    const Run& run = receipt.run;
    PrintBody body;
    body.blocks.reserve(run.items.size() + 32);
    body.heading(Block::Kind::Title, Text(QStringLiteral("Receipt: ") + run.title));
    body.paragraph(Text(QStringLiteral("The signed proof that this run followed revision %1 of %2: every item, every "
                                       "signature with its printed name, time (UTC) and meaning, and every correction.")
                            .arg(QString::number(receipt.revision.number), run.streamName)));
    addFacts(body, receipt);
    addIntegrityBox(body, receipt);

    QList<Numbered> numbered;
    std::optional<QString> currentStep;
    for (const RunItem& item : run.items) {
        if (currentStep != item.stepKey) {
            currentStep = item.stepKey;
            body.heading(Block::Kind::Section, Text(item.stepName + QStringLiteral("  ")).add(item.stepKey, Small | Mono | Muted));
        }
        addItem(body, item, numbered, receipt);
    }
    addHashTable(body, numbered, receipt);
    return body;
}

PageFrame receiptFrame(const Receipt& receipt)
{
    PageFrame frame;
    frame.title = QStringLiteral("Receipt — %1").arg(receipt.run.title);
    frame.subtitle = QStringLiteral("%1 (%2) · Revision %3 · %4 · run %5")
                         .arg(receipt.run.streamName, receipt.run.streamKey,
                              QString::number(receipt.revision.number), toText(receipt.run.status),
                              receipt.run.id.left(8));
    frame.library = QStringLiteral("Library ‘%1’").arg(receipt.libraryName);
    frame.footerNote = QStringLiteral("Audit chain head %1 (event %2) · items hash %3 · made %4")
                           .arg(shortHash(receipt.chainHead.hash), QString::number(receipt.chainHead.length),
                                shortHash(receipt.itemsHash), receipt.madeAt);
    return frame;
}

} // namespace stable
