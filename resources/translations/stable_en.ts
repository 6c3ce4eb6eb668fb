<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>ConsoleCharts</name>
    <message>
        <source>Rework</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fire-fighting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re-release</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hidden factory: rework against team hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hidden factory (% of team hours)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Team hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hidden factory %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rework hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pareto of rework hours by step</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n other steps</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Step not recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cumulative %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value stream</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First-pass yield per step</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>First-pass yield: the %n weakest steps</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>First-pass yield %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Closed runs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>FPY %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rolled throughput yield by month (the 5 busiest streams)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rolled throughput yield by month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rolled throughput yield %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 RTY %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 runs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shift-left index and repeat defects</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Repeat defects</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shift-left index %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Incidents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Both steps known</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Found where injected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shift-left %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cost of poor quality by month (%1 in the period)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cost (%1 per rework hour)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cost of poor quality</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cost</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EditCommand</name>
    <message>
        <source>%1 must be a number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The step ‘%1’ was removed from the draft.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The check ‘%1’ was removed from the draft.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>owner role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>planned hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>procedure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>statement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>critical</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>guards-against</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>severity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>occurrence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>detection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Planned hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>‘%1’ is not a stage (entry, in-process or exit).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Severity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Occurrence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Detection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot undo “%1”: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot redo “%1”: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>Automatic backup failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backed up and verified: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This library fell behind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>If you restored this file from a backup on purpose, accept it as it is now. Otherwise keep the warning and find the newer file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep the Warning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accept This File</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Process Reliability Engineering workbench</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The library to open (*.stable).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start in a view: library, map, runs, incidents or console.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Render the view at 1400×900 to a PNG file and exit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot open the library</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>stable</name>
    <message>
        <source>&amp;Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export CSV Files Into</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The CSV export failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exported %1 CSV files (%2 rows) into %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Runs, items, attestations, incidents, rework and the hidden factory as CSV files for a spreadsheet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>added</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>removed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No differences.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value stream</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Steps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 step added</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 steps added</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 step removed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 steps removed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 step changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 steps changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 check added</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 checks added</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 check removed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 checks removed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 check changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 checks changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the value stream&apos;s details changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no differences</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;i&gt;No purpose written yet.&lt;/i&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Owner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>—</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>r%1, published %2 by %3: “%4”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Draft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>changed since r%1 — not yet published</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the same as r%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>never published</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 steps, %2 checks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;i&gt;No steps yet. Add one with Process → Add Step.&lt;/i&gt;&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Owner role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Planned hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Release</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Execution plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Routine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Completed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rolled back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>N/A</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pass</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not applicable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Performed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Entry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In-process</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 UTC (%2 local)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 h %2 min %3 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 d %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not known</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2, removed from the draft)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (started %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import BPMN Model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>BPMN 2.0 models (*.bpmn *.bpmn2 *.xml);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The BPMN model cannot be imported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Imported %1 from %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Import BPMN…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bring the processes of a BPMN 2.0 model (Visio, Signavio, Camunda, Bizagi) in as value streams</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>stable::AboutDialog</name>
    <message>
        <source>All rights reserved (no licence has been chosen yet)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About Stable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stable’s icon</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h2&gt;Stable %1&lt;/h2&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A workbench for Process Reliability Engineering: write down each step of a value stream, sign proof for every run, and turn every escaped defect into a sharper check.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Licence:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Qt:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SQLite:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Library file:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Application id:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>stable::AlertsModel</name>
    <message>
        <source>Low first-pass yield</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Repeat defect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Past the rollback point</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed critical check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Incident not analysed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1
Double-click to go there.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>stable::BpmnImportDialog</name>
    <message>
        <source>Import BPMN Model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>‘%1’ becomes %2 with %3. Double-click a key to change it; a key the library has already updates that value stream&apos;s draft.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n value stream(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n step(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Value streams and steps to import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Owner role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import as</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Updates the draft, %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New, %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Double-click to change the key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>‘%1’ cannot be the key of ‘%2’: use letters, digits, ‘-’, ‘_’ and ‘.’, starting with a letter or digit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Two value streams have the key ‘%1’; give each its own.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>stable::ChartPanel</name>
    <message>
        <source>Save Chart as &amp;PNG…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save Chart as P&amp;DF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save this chart as a PNG picture or a PDF page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export chart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not write the picture to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not write the PDF to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not finish the PDF %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save Chart as PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save Chart as PNG</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PNG pictures (*.png)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved ‘%1’ to %2.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>stable::CheckTableModel</name>
    <message>
        <source>Entry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In-process</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Severity × occurrence × detection = %1 × %2 × %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This check was added to prevent %1 from happening again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Severity: how bad it is when this check&apos;s failure gets through (1–10)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Occurrence: how often the failure happens (1–10)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Detection: how likely the failure slips past unseen (1–10, higher is worse)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Risk priority number: severity × occurrence × detection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The incident this check was born from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>#</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Statement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Critical</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Guards against</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>O</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>D</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RPN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Origin</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>stable::ChecklistModel</name>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>—</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> · </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1/%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 [critical]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>attempt %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — %2%3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (critical: two different people sign)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signatures</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attempt</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>stable::CloseRunDialog</name>
    <message>
        <source>&amp;Rolled back: close the run as rolled back, items left as they are</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close Run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every item of ‘%1’ is passed or n/a: the run can complete.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>‘%1’ has %2 of %3 items not passed or n/a yet; it can only close as rolled back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What went well, what to change in the process next time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Lessons learned:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Close Run</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>stable::ConsoleView</name>
    <message>
        <source>Value &amp;stream:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last 12 months</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chosen months</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pe&amp;riod:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fr&amp;om</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alerts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All value streams</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Computing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not compute the console: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alerts: none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alerts (%1): double-click one to go there</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing recorded in this period.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 to %2 · %3 rework hours · %4 closed runs</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>stable::FailureDialog</name>
    <message>
        <source>Item Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>‘%1’ failed. How many hours of rework does putting it right take? The item can be signed again after the rework (the next attempt).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the rework was (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rework &amp;hours:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Note:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Record Rework</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record and Raise &amp;Incident…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Skip</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>stable::ImproveDialog</name>
    <message>
        <source>C&amp;ritical: two people sign it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Publish a revision that answers %1 next</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Improve the Process after %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 does not say where the defect was injected yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The new check goes into the draft of step ‘%1’ of ‘%2’, where %3 was injected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What is checked, e.g. “Every stored procedure ends with GO”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Entry: inspect what arrives</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In process</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exit: before handing on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Made from the statement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Check:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Stage:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Key:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add Check</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>stable::IncidentEditor</name>
    <message>
        <source>%1 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rework</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fire-fighting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re-release</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose an incident in the list, or record a new one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What happened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save &amp;Details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>W&amp;hat happened:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value stream:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>D&amp;etected at step:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Injected at step:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>R&amp;un:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Se&amp;verity:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ca&amp;tegory:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rec&amp;urrence of:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Five whys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The cause that, removed, stops this from happening again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save Analysis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Root cause:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Improvement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Improve the &amp;Process…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a check where the defect was injected, then publish a revision that answers it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rework logged against it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rework entries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Log Rework…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The analysis of a prevented incident is part of the record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Occurred %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>recorded %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>analysed %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>prevented %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>verified %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> · </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answered by revision %1 of ‘%2’, published %3. Improvement lead time: %4.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It is verified once its check passes first time in %1 closed runs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not answered yet: find the root cause with the five whys, then improve the process.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not answered yet: add a check where it was injected and publish a revision.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1/%2 (removed): %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1/%2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No check was born from it yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checks born from it:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Say at which step the defect was injected first: the check goes there</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 hours in %2 entries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No rework logged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved the details of %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved the analysis of %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Logged rework against %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Added check ‘%1’ to the draft of step ‘%2’.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Published revision %1, answering %2.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>stable::IncidentListModel</name>
    <message>
        <source>Key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value stream</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Detected at</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Injected at</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Severity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>stable::IncidentStatus</name>
    <message>
        <source>open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>analysed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>prevented</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>verified</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>stable::IncidentsView</name>
    <message>
        <source>Show incidents with status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show incidents of value stream</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search titles, stories, causes, INC-7…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search incidents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New Incident…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Incidents, newest first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All value streams</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 incident</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 incidents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recorded %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Incidents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New &amp;Incident…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record a defect that escaped, to trace it to the step where it was put in</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>stable::LibraryView</name>
    <message>
        <source>Search steps, procedures, checks, incidents…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search the library</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value streams, steps and checks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo History</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>As opened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Library</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add &amp;Step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a step after the selected one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Remove Step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add &amp;Check</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>stable::MainWindow</name>
    <message>
        <source>Stable libraries (*.stable);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h2&gt;No library is open&lt;/h2&gt;&lt;p&gt;Open the team&apos;s library with &lt;b&gt;File → Open…&lt;/b&gt;, or make a new one with &lt;b&gt;File → New Library…&lt;/b&gt;.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New Library…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Back Up…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save a consistent, verified copy of the library while it stays open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;lose</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Process</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About Stable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This library was upgraded to the current format; the old file was kept as %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — Stable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot open the library</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New Library</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot make the library</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open Library</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back Up Library</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The backup failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backed up and verified: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot show that record: it may have been removed meanwhile.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New Value Stream from &amp;Template…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Publish Revision…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revision &amp;History…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Made a new value stream from the template; publish it when it is ready.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Published revision %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Issues</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Map</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The step editor is not available in this build.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Console</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot show that record here: its view is not in this build, or the record was removed meanwhile.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>stable::MapCanvas</name>
    <message>
        <source>Value stream map</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>stable::MapScene</name>
    <message>
        <source>entry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>in process</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>exit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inputs (supplier)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outputs (customer)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 h planned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>FPY %1%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 incident</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 incidents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no outputs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no inputs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>from %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>stable::MapView</name>
    <message>
        <source>Value &amp;stream:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom out (Ctrl+wheel)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom in (Ctrl+wheel)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fit the map to the window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the whole value stream</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>never published</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>revision %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2) · %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This library has no value streams yet. Make one with Process → New Value Stream from Template….</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · %2 · %3 critical</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 steps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 checks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>‘%1’ has no steps yet.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>stable::NavigatorModel</name>
    <message>
        <source>1 check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 checks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 steps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unpublished</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>r%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · draft changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · critical</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)
Guards against: %3
Risk priority %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>—</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1. %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)
Owner: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · %2 · %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)
%3, %4
Revision: %5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value streams, steps and checks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Details</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>stable::NewIncidentDialog</name>
    <message>
        <source>New Incident</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What went wrong, in a line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What happened, who noticed, what it cost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1: a nuisance … 10: harm to customers or data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The step where the defect was found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The step where the defect was put in: the new check will go there</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;What happened:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value &amp;stream:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Detected at step:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Injected at step:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>R&amp;un:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Se&amp;verity:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Category:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recurrence &amp;of:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Record Incident</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An incident happens in a value stream; make one first.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>stable::PortTableModel</name>
    <message>
        <source>Input</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Output</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Supplier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>stable::PublishDialog</name>
    <message>
        <source>Publish Revision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What changed since the latest revision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What changed and why, e.g. “Check GO at the end of every procedure (INC-7)”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Incidents this revision answers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The publisher&apos;s PIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Value stream:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Answers incidents:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pu&amp;blisher:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>P&amp;IN:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Publish</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What changed:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who publishes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The draft is the same as revision %1: there is nothing new to publish.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Since revision %1: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revision %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Draft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This will be the first revision of ‘%1’: %2, %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 steps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 checks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing published</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — %2 (%3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No open or analysed incidents in this value stream.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose who publishes this revision.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A revision needs a reason: say what changed and why.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>stable::RaiseIncidentDialog</name>
    <message>
        <source>Raise Incident</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>‘%1’ failed in run ‘%2’.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value stream:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Detected at:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;What happened:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Injected at:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Severity (1–10):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Category:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Raise Incident</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>stable::RevisionDiff</name>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Procedure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Owner role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Planned hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inputs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outputs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Position</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Statement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Critical</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Guards against</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Severity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Occurrence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Detection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Owner</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>stable::RevisionHistoryDialog</name>
    <message>
        <source>Revision History</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revisions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Older version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Newer version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comparison</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Value stream:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Compare</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>with</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revision %1 — %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Draft (not published)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;i&gt;‘%1’ has no published revision yet.&lt;/i&gt;&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revision %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Draft</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>stable::RevisionListModel</name>
    <message>
        <source>Revision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Published</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Published (UTC)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answers</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>stable::ReworkDialog</name>
    <message>
        <source>Log Rework for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rework</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fire-fighting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re-release</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What was done twice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Date:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Hours:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Note:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Log Rework</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>stable::RunListModel</name>
    <message>
        <source>%1 of %2 items passed or n/a, %3 failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1/%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value stream</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Progress</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>stable::RunsView</name>
    <message>
        <source>Runs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;tart Run…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Sign…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Void…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Close Run…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checklist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The selected item, its signatures and the step&apos;s past incidents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 runs shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 runs shown, more as you scroll</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value stream filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Started f&amp;rom</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Started from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Started to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;tream:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>t&amp;o</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All value streams</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No runs yet. Start one with “Start Run…” once a value stream is published.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; — %2, revision %3 · %4 · &lt;b&gt;%5&lt;/b&gt; · started %6 · %7 of %8 items done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Planned start: %1 · Rollback point: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Closed %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lessons learned: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rollback point in %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rollback point passed %1 ago</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>⚠ Past the rollback point with %1 of %2 items not done: decide now whether to roll back (Close Run… ▸ Rolled back).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;Select an item to see its statement, its signatures and the past incidents of its step.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · %2 stage · &lt;b&gt;%3&lt;/b&gt;%4%5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> · critical: two different people sign</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> · attempt %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not signed yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time (UTC)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Local time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Meaning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (attempt %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Voided by %1 at %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>; root cause: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Past incidents of step ‘%1’</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None recorded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Started the run ‘%1’.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed %1 as %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rework after %1 failed in ‘%2’</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Voided a signature of %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Closed the run ‘%1’ as %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Runs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The Incidents view is not in this build yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Raised %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>stable::SignDialog</name>
    <message>
        <source>%1 (%2) — locked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who signs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done &amp;earlier, at:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — %2 (%3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Critical: two different people must sign this attempt.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is attempt %1 (after a failure).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The signer&apos;s PIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Optional; required for “Not applicable”: the reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A path or URL, e.g. https://ci.example.com/build/812</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done at</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Who:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>P&amp;IN:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Outcome:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Meaning:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Note:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E&amp;vidence:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Sign</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose who signs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“Not applicable” needs a reason: write it in the note.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>stable::StartRunDialog</name>
    <message>
        <source>Start Run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. Release 4.2.0</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Value stream:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Revision:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Planned start:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>R&amp;ollback point:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An execution plan has a planned start and a rollback point: past it with items open, the run is flagged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Start Run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revision %1 (latest): %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revision %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>‘%1’ has no published revision yet: publish it (Process ▸ Publish Revision…) before starting a run.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This library has no value streams yet.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>stable::StatusBadge</name>
    <message>
        <source>Status: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>stable::StepEditor</name>
    <message>
        <source>Select a value stream or one of its steps in the navigator.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Letters, digits, ‘-’, ‘_’ and ‘.’: how files and the command line name this step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who does this step, e.g. DBA</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Key:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Owner role:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Planned ho&amp;urs:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inputs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outputs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add an %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the selected %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>input</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>output</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checks, in the order they are signed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add Check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a check to this step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the selected check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move Up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move the selected check up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move Down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move the selected check down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sort by RPN to see the riskiest first; sort by # to reorder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Procedure (markdown)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How the step is done, in markdown: numbered steps, commands, links…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Procedure preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Proce&amp;dure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Past incidents of this step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Incident</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Here it was</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Past &amp;incidents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step %1 of %2 in &lt;b&gt;%3&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>caused and found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>caused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Root cause: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Past &amp;incidents (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New input</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New output</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New check: what must be true</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>check</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>stable::TemplateDialog</name>
    <message>
        <source>New Value Stream from Template</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Letters, digits, ‘-’, ‘_’ and ‘.’; used on the command line and in item references</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Template:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Key:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Create</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the value stream a name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>‘%1’ cannot be a key: use letters, digits, ‘-’, ‘_’ and ‘.’.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A value stream with the key ‘%1’ exists already; choose another key.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>stable::ValidationPanel</name>
    <message>
        <source>No checks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No inputs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No outputs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Critical check unguarded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stale draft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value stream</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Issue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What to do</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Process issues</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No library is open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No issues: every step has checks, inputs and outputs, every critical check says what it guards against, and no draft has been left unpublished.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 issue weakens the written processes. Double-click it to go to it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 issues weaken the written processes. Double-click one to go to it.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>stable::VoidDialog</name>
    <message>
        <source>Void a Signature of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — %2, %3, %4 (attempt %5)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why this signature does not stand, e.g. “signed the wrong item”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who voids</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The signature stays on record, struck through with your reason.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Signature:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Who:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>P&amp;IN:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Void</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A void needs a reason.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose who voids the signature.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>stable::WhyChain</name>
    <message>
        <source>&amp;Why?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ask why once more: add the next answer to the chain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why did it happen?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why did “%1” happen?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Five whys at most</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move why %1 up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move up the chain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move why %1 down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move down the chain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove why %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>stable::edits::CheckFieldCommand</name>
    <message>
        <source>Change %1 of check ‘%2’</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>stable::edits::CheckMoveCommand</name>
    <message>
        <source>Move check ‘%1’</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>stable::edits::CheckPresenceCommand</name>
    <message>
        <source>Add check ‘%1’</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove check ‘%1’</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>stable::edits::StepFieldCommand</name>
    <message>
        <source>Rename step ‘%1’</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change %1 of ‘%2’</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>stable::edits::StepMoveCommand</name>
    <message>
        <source>Move step ‘%1’</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>stable::edits::StepPortsCommand</name>
    <message>
        <source>Change inputs and outputs of ‘%1’</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>stable::edits::StepPresenceCommand</name>
    <message>
        <source>Add step ‘%1’</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove step ‘%1’</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
