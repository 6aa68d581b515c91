<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>dd::ui::ClusterMetricsPanel</name>
    <message numerus="yes">
        <source>%1 in %n entries, %2 % of %3</source>
        <translation>
            <numerusform>%1 in %n entry, %2 % of %3</numerusform>
            <numerusform>%1 in %n entries, %2 % of %3</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>dd::ui::ContributorInsightsView</name>
    <message numerus="yes">
        <source>%1 %2 in this range from about %Ln key(s)</source>
        <translation>
            <numerusform>%1 %2 in this range from about %Ln key</numerusform>
            <numerusform>%1 %2 in this range from about %Ln keys</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>dd::ui::DaxClustersDialog</name>
    <message numerus="yes">
        <source>%n cluster(s).</source>
        <translation>
            <numerusform>%n cluster.</numerusform>
            <numerusform>%n clusters.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>dd::ui::ExportDialog</name>
    <message numerus="yes">
        <source>%n item(s) exported, %1 billed.
Manifest: %2</source>
        <translation>
            <numerusform>%n item exported, %1 billed.
Manifest: %2</numerusform>
            <numerusform>%n items exported, %1 billed.
Manifest: %2</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>dd::ui::HistoryView</name>
    <message numerus="yes">
        <source>%n backup(s)</source>
        <translation>
            <numerusform>%n backup</numerusform>
            <numerusform>%n backups</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>It will hold %Ln item(s).</source>
        <translation>
            <numerusform>It will hold %Ln item.</numerusform>
            <numerusform>It will hold %Ln items.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln item(s) now</source>
        <translation>
            <numerusform>%Ln item now</numerusform>
            <numerusform>%Ln items now</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>dd::ui::ImportDialog</name>
    <message numerus="yes">
        <source>Processed %Ln item(s): %L1 imported, %L2 errors. Read: %3.</source>
        <translation>
            <numerusform>Processed %Ln item: %L1 imported, %L2 errors. Read: %3.</numerusform>
            <numerusform>Processed %Ln items: %L1 imported, %L2 errors. Read: %3.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>dd::ui::ItemEditor</name>
    <message numerus="yes">
        <source>%n attribute(s), %1 bytes</source>
        <translation>
            <numerusform>%n attribute, %1 bytes</numerusform>
            <numerusform>%n attributes, %1 bytes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>dd::ui::ItemTableModel</name>
    <message numerus="yes">
        <source>%Ln item(s)</source>
        <translation>
            <numerusform>%Ln item</numerusform>
            <numerusform>%Ln items</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln+ item(s)</source>
        <translation>
            <numerusform>%Ln+ items</numerusform>
            <numerusform>%Ln+ items</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>dd::ui::JobsDialog</name>
    <message numerus="yes">
        <source>%n export(s), </source>
        <translation>
            <numerusform>%n export, </numerusform>
            <numerusform>%n exports, </numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n import(s).</source>
        <translation>
            <numerusform>%n import.</numerusform>
            <numerusform>%n imports.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>dd::ui::PartiqlEditor</name>
    <message numerus="yes">
        <source>The last %n statement(s) that ran on this connection</source>
        <translation>
            <numerusform>The last %n statement that ran on this connection</numerusform>
            <numerusform>The last %n statements that ran on this connection</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n item(s)</source>
        <translation>
            <numerusform>%n item</numerusform>
            <numerusform>%n items</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n page(s)</source>
        <translation>
            <numerusform>%n page</numerusform>
            <numerusform>%n pages</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>dd::ui::ProgressPanel</name>
    <message numerus="yes">
        <source>%Ln item(s)</source>
        <translation>
            <numerusform>%Ln item</numerusform>
            <numerusform>%Ln items</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>dd::ui::SelectionDetails</name>
    <message numerus="yes">
        <source>%Ln item(s) then</source>
        <translation>
            <numerusform>%Ln item then</numerusform>
            <numerusform>%Ln items then</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln item(s) differ from now</source>
        <translation>
            <numerusform>%Ln item differs from now</numerusform>
            <numerusform>%Ln items differ from now</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Status %1 · %2 · %Ln item(s) when taken · type %3
%4</source>
        <translation>
            <numerusform>Status %1 · %2 · %Ln item when taken · type %3
%4</numerusform>
            <numerusform>Status %1 · %2 · %Ln items when taken · type %3
%4</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>dd::ui::StreamViewer</name>
    <message numerus="yes">
        <source>Exported %n record(s) to %1</source>
        <translation>
            <numerusform>Exported %n record to %1</numerusform>
            <numerusform>Exported %n records to %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n record(s)</source>
        <translation>
            <numerusform>%1 of %n record</numerusform>
            <numerusform>%1 of %n records</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>(%n buffered)</source>
        <translation>
            <numerusform>(%n buffered)</numerusform>
            <numerusform>(%n buffered)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>dd::ui::TableBrowser</name>
    <message numerus="yes">
        <source>Delete %n item(s) from %1? This cannot be undone.</source>
        <translation>
            <numerusform>Delete %n item from %1? This cannot be undone.</numerusform>
            <numerusform>Delete %n items from %1? This cannot be undone.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Deleting %n item(s)…</source>
        <translation>
            <numerusform>Deleting %n item…</numerusform>
            <numerusform>Deleting %n items…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln item(s) on page %1</source>
        <translation>
            <numerusform>%Ln item on page %1</numerusform>
            <numerusform>%Ln items on page %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Deleted %n item(s), then: %1</source>
        <translation>
            <numerusform>Deleted %n item, then: %1</numerusform>
            <numerusform>Deleted %n items, then: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Cancelled after deleting %n item(s)</source>
        <translation>
            <numerusform>Cancelled after deleting %n item</numerusform>
            <numerusform>Cancelled after deleting %n items</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Deleted %n item(s)</source>
        <translation>
            <numerusform>Deleted %n item</numerusform>
            <numerusform>Deleted %n items</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Imported %Ln item(s), then: %1</source>
        <translation>
            <numerusform>Imported %Ln item, then: %1</numerusform>
            <numerusform>Imported %Ln items, then: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Import cancelled after %Ln item(s)</source>
        <translation>
            <numerusform>Import cancelled after %Ln item</numerusform>
            <numerusform>Import cancelled after %Ln items</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Imported %Ln item(s)</source>
        <translation>
            <numerusform>Imported %Ln item</numerusform>
            <numerusform>Imported %Ln items</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %Ln item(s)</source>
        <translation>
            <numerusform>Exported %Ln item</numerusform>
            <numerusform>Exported %Ln items</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>dd::ui::TableCopyRun</name>
    <message numerus="yes">
        <source>%L1 of ~%Ln item(s)</source>
        <translation>
            <numerusform>%L1 of ~%Ln item</numerusform>
            <numerusform>%L1 of ~%Ln items</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln item(s)</source>
        <translation>
            <numerusform>%Ln item</numerusform>
            <numerusform>%Ln items</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Copied %Ln item(s) into table %1 on %2 in %3.</source>
        <translation>
            <numerusform>Copied %Ln item into table %1 on %2 in %3.</numerusform>
            <numerusform>Copied %Ln items into table %1 on %2 in %3.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Table %1 was created on %2 and holds the %Ln item(s) copied before the error.</source>
        <translation>
            <numerusform>Table %1 was created on %2 and holds the %Ln item copied before the error.</numerusform>
            <numerusform>Table %1 was created on %2 and holds the %Ln items copied before the error.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln item(s) were copied before the error.</source>
        <translation>
            <numerusform>%Ln item was copied before the error.</numerusform>
            <numerusform>%Ln items were copied before the error.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Cancelled after copying %Ln item(s) in %1.</source>
        <translation>
            <numerusform>Cancelled after copying %Ln item in %1.</numerusform>
            <numerusform>Cancelled after copying %Ln items in %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>dd::ui::TableDesigner</name>
    <message numerus="yes">
        <source>%Ln change(s) applied</source>
        <translation>
            <numerusform>%Ln change applied</numerusform>
            <numerusform>%Ln changes applied</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%L1 of %Ln change(s) failed; the errors are shown beside their fields</source>
        <translation>
            <numerusform>%L1 of %Ln change failed; the errors are shown beside their fields</numerusform>
            <numerusform>%L1 of %Ln changes failed; the errors are shown beside their fields</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Stopped after creating %1; %Ln setting(s) not applied</source>
        <translation>
            <numerusform>Stopped after creating %1; %Ln setting not applied</numerusform>
            <numerusform>Stopped after creating %1; %Ln settings not applied</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Stopped; %Ln change(s) not made</source>
        <translation>
            <numerusform>Stopped; %Ln change not made</numerusform>
            <numerusform>Stopped; %Ln changes not made</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>dd::ui::TransactionBuilder</name>
    <message numerus="yes">
        <source>The transaction is valid (%n action(s))</source>
        <translation>
            <numerusform>The transaction is valid (%n action)</numerusform>
            <numerusform>The transaction is valid (%n actions)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Read %L1 of %Ln item(s) in one snapshot</source>
        <translation>
            <numerusform>Read %L1 of %Ln item in one snapshot</numerusform>
            <numerusform>Read %L1 of %Ln items in one snapshot</numerusform>
        </translation>
    </message>
</context>
</TS>
