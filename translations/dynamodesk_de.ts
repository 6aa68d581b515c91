<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>StreamDiff</name>
    <message>
        <source>Old image</source>
        <translation>Altes Abbild</translation>
    </message>
    <message>
        <source>New image</source>
        <translation>Neues Abbild</translation>
    </message>
</context>
<context>
    <name>TransactionAction</name>
    <message>
        <source>Choose a table</source>
        <translation>Wählen Sie eine Tabelle</translation>
    </message>
    <message>
        <source>The item is missing</source>
        <translation>Das Element fehlt</translation>
    </message>
    <message>
        <source>The key is missing</source>
        <translation>Der Schlüssel fehlt</translation>
    </message>
    <message>
        <source>Item: %1</source>
        <translation>Element: %1</translation>
    </message>
    <message>
        <source>Key: %1</source>
        <translation>Schlüssel: %1</translation>
    </message>
    <message>
        <source>The update expression is missing</source>
        <translation>Der Update-Ausdruck fehlt</translation>
    </message>
    <message>
        <source>A condition check needs a condition</source>
        <translation>Eine Bedingungsprüfung braucht eine Bedingung</translation>
    </message>
    <message>
        <source>Names: %1</source>
        <translation>Namen: %1</translation>
    </message>
    <message>
        <source>not a JSON object</source>
        <translation>kein JSON-Objekt</translation>
    </message>
    <message>
        <source>Values: %1</source>
        <translation>Werte: %1</translation>
    </message>
    <message>
        <source>No value for %1</source>
        <translation>Kein Wert für %1</translation>
    </message>
    <message>
        <source>No name for %1</source>
        <translation>Kein Name für %1</translation>
    </message>
    <message>
        <source>An action has exactly one of Put, Update, Delete, ConditionCheck</source>
        <translation>Eine Aktion hat genau eines von Put, Update, Delete, ConditionCheck</translation>
    </message>
    <message>
        <source>Unknown action %1</source>
        <translation>Unbekannte Aktion %1</translation>
    </message>
    <message>
        <source>(no table)</source>
        <translation>(keine Tabelle)</translation>
    </message>
    <message>
        <source>Add at least one action</source>
        <translation>Fügen Sie mindestens eine Aktion hinzu</translation>
    </message>
    <message>
        <source>%1 actions: a transaction holds at most %2</source>
        <translation>%1 Aktionen: Eine Transaktion umfasst höchstens %2</translation>
    </message>
    <message>
        <source>Action %1: %2</source>
        <translation>Aktion %1: %2</translation>
    </message>
    <message>
        <source>Action %1: another action already changes this item (DynamoDB allows one action per item)</source>
        <translation>Aktion %1: Eine andere Aktion ändert dieses Element bereits (DynamoDB erlaubt eine Aktion pro Element)</translation>
    </message>
</context>
<context>
    <name>dd::ui::ConflictDialog</name>
    <message>
        <source>The item changed since you loaded it</source>
        <translation>Das Element wurde seit dem Laden geändert</translation>
    </message>
    <message>
        <source>Someone deleted this item after you loaded it.</source>
        <translation>Jemand hat dieses Element gelöscht, nachdem Sie es geladen haben.</translation>
    </message>
    <message>
        <source>Someone changed this item after you loaded it. Attributes that differ: %1</source>
        <translation>Jemand hat dieses Element geändert, nachdem Sie es geladen haben. Abweichende Attribute: %1</translation>
    </message>
    <message>
        <source>&lt;b&gt;Your version&lt;/b&gt;</source>
        <translation>&lt;b&gt;Ihre Version&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;In the database now&lt;/b&gt;</source>
        <translation>&lt;b&gt;Jetzt in der Datenbank&lt;/b&gt;</translation>
    </message>
    <message>
        <source>(deleted)</source>
        <translation>(gelöscht)</translation>
    </message>
    <message>
        <source>&amp;Overwrite with mine</source>
        <translation>Mit meiner Version &amp;überschreiben</translation>
    </message>
    <message>
        <source>&amp;Take theirs</source>
        <translation>Deren Version &amp;übernehmen</translation>
    </message>
    <message>
        <source>&amp;Keep editing</source>
        <translation>&amp;Weiter bearbeiten</translation>
    </message>
</context>
<context>
    <name>dd::ui::Connection</name>
    <message>
        <source>&quot;%1&quot; is not an http:// or https:// URL</source>
        <translation>„%1“ ist keine http://- oder https://-URL</translation>
    </message>
    <message>
        <source>Only an embedded database can be served.</source>
        <translation>Nur eine eingebettete Datenbank kann bereitgestellt werden.</translation>
    </message>
</context>
<context>
    <name>dd::ui::ConnectionDialog</name>
    <message>
        <source>New connection</source>
        <translation>Neue Verbindung</translation>
    </message>
    <message>
        <source>Embedded database</source>
        <translation>Eingebettete Datenbank</translation>
    </message>
    <message>
        <source>Endpoint (URL)</source>
        <translation>Endpunkt (URL)</translation>
    </message>
    <message>
        <source>AWS (profile and region)</source>
        <translation>AWS (Profil und Region)</translation>
    </message>
    <message>
        <source>optional</source>
        <translation>optional</translation>
    </message>
    <message>
        <source>us-east-1, or the profile&apos;s region</source>
        <translation>us-east-1 oder die Region des Profils</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Durchsuchen…</translation>
    </message>
    <message>
        <source>&amp;Data folder:</source>
        <translation>&amp;Datenordner:</translation>
    </message>
    <message>
        <source>Keep everything in &amp;memory (nothing is written to disk)</source>
        <translation>Alles im &amp;Speicher halten (nichts wird auf die Festplatte geschrieben)</translation>
    </message>
    <message>
        <source>&amp;Serve this database on 127.0.0.1, port</source>
        <translation>Diese Datenbank auf 127.0.0.1 &amp;bereitstellen, Port</translation>
    </message>
    <message>
        <source>0 picks a free port</source>
        <translation>0 wählt einen freien Port</translation>
    </message>
    <message>
        <source>Data folder</source>
        <translation>Datenordner</translation>
    </message>
    <message>
        <source>&amp;URL:</source>
        <translation>&amp;URL:</translation>
    </message>
    <message>
        <source>Profiles from %1 and %2</source>
        <translation>Profile aus %1 und %2</translation>
    </message>
    <message>
        <source>&amp;Profile:</source>
        <translation>&amp;Profil:</translation>
    </message>
    <message>
        <source>&amp;Connect</source>
        <translation>&amp;Verbinden</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>&amp;Art:</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>&amp;Region:</source>
        <translation>&amp;Region:</translation>
    </message>
</context>
<context>
    <name>dd::ui::ConnectionSettings</name>
    <message>
        <source>Embedded (in memory)</source>
        <translation>Eingebettet (im Speicher)</translation>
    </message>
    <message>
        <source>Embedded: %1</source>
        <translation>Eingebettet: %1</translation>
    </message>
    <message>
        <source>AWS (%1)</source>
        <translation>AWS (%1)</translation>
    </message>
</context>
<context>
    <name>dd::ui::ConnectionTree</name>
    <message>
        <source>%1 · serving on 127.0.0.1:%2</source>
        <translation>%1 · bereitgestellt auf 127.0.0.1:%2</translation>
    </message>
    <message>
        <source>%1 (error)</source>
        <translation>%1 (Fehler)</translation>
    </message>
    <message>
        <source>%1
Key: %2
Items: %3 (updated about every six hours on AWS)</source>
        <translation>%1
Schlüssel: %2
Elemente: %3 (bei AWS etwa alle sechs Stunden aktualisiert)</translation>
    </message>
    <message>
        <source>Global secondary index</source>
        <translation>Globaler sekundärer Index</translation>
    </message>
    <message>
        <source>Local secondary index</source>
        <translation>Lokaler sekundärer Index</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>&amp;Öffnen</translation>
    </message>
    <message>
        <source>&amp;Copy name</source>
        <translation>Namen &amp;kopieren</translation>
    </message>
    <message>
        <source>&amp;Delete table…</source>
        <translation>Tabelle &amp;löschen…</translation>
    </message>
    <message>
        <source>&amp;New table…</source>
        <translation>&amp;Neue Tabelle…</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Aktualisieren</translation>
    </message>
    <message>
        <source>&amp;Serve on 127.0.0.1</source>
        <translation>Auf 127.0.0.1 &amp;bereitstellen</translation>
    </message>
    <message>
        <source>&amp;Close connection</source>
        <translation>Verbindung &amp;schließen</translation>
    </message>
    <message>
        <source>Backups and &amp;history</source>
        <translation>Sicherungen und &amp;Verlauf</translation>
    </message>
</context>
<context>
    <name>dd::ui::HistoryView</name>
    <message>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>Einpassen</translation>
    </message>
    <message>
        <source>Show the whole history: the recovery window, every backup and now (Home)</source>
        <translation>Den ganzen Verlauf zeigen: das Wiederherstellungsfenster, jede Sicherung und jetzt (Pos1)</translation>
    </message>
    <message>
        <source>Create backup…</source>
        <translation>Sicherung erstellen…</translation>
    </message>
    <message>
        <source>Delete backup…</source>
        <translation>Sicherung löschen…</translation>
    </message>
    <message>
        <source>Point-in-time recovery</source>
        <translation>Point-in-Time-Wiederherstellung</translation>
    </message>
    <message>
        <source>Continuous backups: restore the table to any second of the last 35 days</source>
        <translation>Fortlaufende Sicherungen: die Tabelle auf jede Sekunde der letzten 35 Tage wiederherstellen</translation>
    </message>
    <message>
        <source>Restore to new table…</source>
        <translation>In neue Tabelle wiederherstellen…</translation>
    </message>
    <message>
        <source>Cannot read the table: %1</source>
        <translation>Die Tabelle kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>Some of the history could not be read: %1</source>
        <translation>Ein Teil des Verlaufs konnte nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>This endpoint does not offer Dynamodesk&apos;s history operations, so the writes over time cannot be shown. Backups and point-in-time recovery work as usual.</source>
        <translation>Dieser Endpunkt bietet die Verlaufsoperationen von Dynamodesk nicht an, daher können die Schreibvorgänge über die Zeit nicht gezeigt werden. Sicherungen und Point-in-Time-Wiederherstellung funktionieren wie gewohnt.</translation>
    </message>
    <message>
        <source>%L1 items now</source>
        <translation>jetzt %L1 Elemente</translation>
    </message>
    <message>
        <source>point-in-time recovery on: restorable from %1 to %2</source>
        <translation>Point-in-Time-Wiederherstellung an: wiederherstellbar von %1 bis %2</translation>
    </message>
    <message>
        <source>point-in-time recovery off</source>
        <translation>Point-in-Time-Wiederherstellung aus</translation>
    </message>
    <message numerus="yes">
        <source>%n backup(s)</source>
        <translation>
            <numerusform>%n Sicherung</numerusform>
            <numerusform>%n Sicherungen</numerusform>
        </translation>
    </message>
    <message>
        <source>writes recorded since %1</source>
        <translation>Schreibvorgänge aufgezeichnet seit %1</translation>
    </message>
    <message>
        <source>no writes recorded (the change log keeps a table&apos;s writes while it has a stream or point-in-time recovery)</source>
        <translation>keine Schreibvorgänge aufgezeichnet (das Änderungsprotokoll behält die Schreibvorgänge einer Tabelle, solange sie einen Stream oder Point-in-Time-Wiederherstellung hat)</translation>
    </message>
    <message>
        <source>Cannot read the writes over time: %1</source>
        <translation>Die Schreibvorgänge über die Zeit können nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>Select a time within the recovery window or a backup first</source>
        <translation>Wählen Sie zuerst einen Zeitpunkt im Wiederherstellungsfenster oder eine Sicherung</translation>
    </message>
    <message>
        <source>Restore the selected state into a new table</source>
        <translation>Den gewählten Stand in eine neue Tabelle wiederherstellen</translation>
    </message>
    <message>
        <source>Restore the backup “%1” of %2, taken %3, into a new table.</source>
        <translation>Die Sicherung „%1“ von %2, erstellt %3, in eine neue Tabelle wiederherstellen.</translation>
    </message>
    <message>
        <source>Restore %1 as it was at %2 into a new table.</source>
        <translation>%1 mit dem Stand von %2 in eine neue Tabelle wiederherstellen.</translation>
    </message>
    <message numerus="yes">
        <source>It will hold %Ln item(s).</source>
        <translation>
            <numerusform>Sie wird %Ln Element enthalten.</numerusform>
            <numerusform>Sie wird %Ln Elemente enthalten.</numerusform>
        </translation>
    </message>
    <message>
        <source>Restoring into %1…</source>
        <translation>Wiederherstellen in %1…</translation>
    </message>
    <message>
        <source>Stopped waiting for the restore; it goes on, and the table appears when it is done</source>
        <translation>Das Warten auf die Wiederherstellung wurde beendet; sie läuft weiter, und die Tabelle erscheint, wenn sie fertig ist</translation>
    </message>
    <message>
        <source>The restore into %1 failed: %2</source>
        <translation>Die Wiederherstellung in %1 ist fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>Restored into the new table %1</source>
        <translation>In die neue Tabelle %1 wiederhergestellt</translation>
    </message>
    <message>
        <source>Another change is still running</source>
        <translation>Eine andere Änderung läuft noch</translation>
    </message>
    <message>
        <source>Create backup</source>
        <translation>Sicherung erstellen</translation>
    </message>
    <message>
        <source>Back up all items of %1 as they are now. Backup name:</source>
        <translation>Alle Elemente von %1 in ihrem jetzigen Stand sichern. Name der Sicherung:</translation>
    </message>
    <message>
        <source>Backup %1 of %2 created</source>
        <translation>Sicherung %1 von %2 erstellt</translation>
    </message>
    <message>
        <source>Delete backup</source>
        <translation>Sicherung löschen</translation>
    </message>
    <message>
        <source>Delete the backup “%1” of %2? It cannot be restored afterwards.</source>
        <translation>Die Sicherung „%1“ von %2 löschen? Sie kann danach nicht mehr wiederhergestellt werden.</translation>
    </message>
    <message>
        <source>Backup %1 deleted</source>
        <translation>Sicherung %1 gelöscht</translation>
    </message>
    <message>
        <source>Point-in-time recovery is on for %1</source>
        <translation>Die Point-in-Time-Wiederherstellung ist für %1 an</translation>
    </message>
    <message>
        <source>Turn off point-in-time recovery</source>
        <translation>Point-in-Time-Wiederherstellung ausschalten</translation>
    </message>
    <message>
        <source>Turn off point-in-time recovery for %1? Its recovery history is dropped: turning it on again starts a new window.</source>
        <translation>Die Point-in-Time-Wiederherstellung für %1 ausschalten? Ihr Wiederherstellungsverlauf wird verworfen: beim erneuten Einschalten beginnt ein neues Fenster.</translation>
    </message>
    <message>
        <source>Point-in-time recovery is off for %1</source>
        <translation>Die Point-in-Time-Wiederherstellung ist für %1 aus</translation>
    </message>
</context>
<context>
    <name>dd::ui::IndexRow</name>
    <message>
        <source>Global</source>
        <translation>Global</translation>
    </message>
    <message>
        <source>Local</source>
        <translation>Lokal</translation>
    </message>
    <message>
        <source>Global secondary index: any partition and sort key</source>
        <translation>Globaler sekundärer Index: beliebiger Partitions- und Sortierschlüssel</translation>
    </message>
    <message>
        <source>Local secondary index: the table&apos;s partition key, another sort key</source>
        <translation>Lokaler sekundärer Index: der Partitionsschlüssel der Tabelle, ein anderer Sortierschlüssel</translation>
    </message>
    <message>
        <source>Index name</source>
        <translation>Indexname</translation>
    </message>
    <message>
        <source>Partition key</source>
        <translation>Partitionsschlüssel</translation>
    </message>
    <message>
        <source>Sort key (optional)</source>
        <translation>Sortierschlüssel (optional)</translation>
    </message>
    <message>
        <source>Sort key</source>
        <translation>Sortierschlüssel</translation>
    </message>
    <message>
        <source>All attributes</source>
        <translation>Alle Attribute</translation>
    </message>
    <message>
        <source>Keys only</source>
        <translation>Nur Schlüssel</translation>
    </message>
    <message>
        <source>Include…</source>
        <translation>Einschließen…</translation>
    </message>
    <message>
        <source>attr1, attr2</source>
        <translation>attr1, attr2</translation>
    </message>
    <message>
        <source>Remove this index</source>
        <translation>Diesen Index entfernen</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Included attributes</source>
        <translation>Eingeschlossene Attribute</translation>
    </message>
</context>
<context>
    <name>dd::ui::ItemEditor</name>
    <message>
        <source>New item — %1</source>
        <translation>Neues Element — %1</translation>
    </message>
    <message>
        <source>Edit item — %1</source>
        <translation>Element bearbeiten — %1</translation>
    </message>
    <message>
        <source>Duplicate item — %1</source>
        <translation>Element duplizieren — %1</translation>
    </message>
    <message>
        <source>DynamoDB JSON</source>
        <translation>DynamoDB-JSON</translation>
    </message>
    <message>
        <source>Plain JSON</source>
        <translation>Einfaches JSON</translation>
    </message>
    <message>
        <source>&amp;Notation:</source>
        <translation>&amp;Schreibweise:</translation>
    </message>
    <message>
        <source>Key: %1</source>
        <translation>Schlüssel: %1</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Speichern</translation>
    </message>
    <message>
        <source>Save (Ctrl+S)</source>
        <translation>Speichern (Strg+S)</translation>
    </message>
    <message>
        <source>&amp;Delete item</source>
        <translation>Element &amp;löschen</translation>
    </message>
    <message>
        <source>Fix the item before switching notation: %1</source>
        <translation>Korrigieren Sie das Element, bevor Sie die Schreibweise wechseln: %1</translation>
    </message>
    <message>
        <source>at %1: </source>
        <translation>bei %1: </translation>
    </message>
    <message>
        <source>line %1, column %2: </source>
        <translation>Zeile %1, Spalte %2: </translation>
    </message>
    <message>
        <source>The key attribute %1 is missing</source>
        <translation>Das Schlüsselattribut %1 fehlt</translation>
    </message>
    <message>
        <source>The key attribute %1 must be of type %2, not %3</source>
        <translation>Das Schlüsselattribut %1 muss vom Typ %2 sein, nicht %3</translation>
    </message>
    <message>
        <source>The key attribute %1 must not be empty</source>
        <translation>Das Schlüsselattribut %1 darf nicht leer sein</translation>
    </message>
    <message>
        <source>The item is %1 bytes; DynamoDB allows at most %2</source>
        <translation>Das Element ist %1 Bytes groß; DynamoDB erlaubt höchstens %2</translation>
    </message>
    <message numerus="yes">
        <source>%n attribute(s), %1 bytes</source>
        <translation>
            <numerusform>%n Attribut, %1 Bytes</numerusform>
            <numerusform>%n Attribute, %1 Bytes</numerusform>
        </translation>
    </message>
    <message>
        <source>Key attributes cannot change; use Duplicate to copy the item under a new key</source>
        <translation>Schlüsselattribute können sich nicht ändern; kopieren Sie das Element mit „Duplizieren“ unter einen neuen Schlüssel</translation>
    </message>
    <message>
        <source>Saving… (the item is too large to compare every attribute; comparing %1)</source>
        <translation>Speichern… (das Element ist zu groß, um jedes Attribut zu vergleichen; %1 werden verglichen)</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Speichern…</translation>
    </message>
    <message>
        <source>DynamoDB refused the item: %1</source>
        <translation>DynamoDB hat das Element abgelehnt: %1</translation>
    </message>
    <message>
        <source>The item changed meanwhile; reading the current version…</source>
        <translation>Das Element wurde inzwischen geändert; die aktuelle Version wird gelesen…</translation>
    </message>
    <message>
        <source>The save conflicted, and reading the current item failed: %1</source>
        <translation>Beim Speichern gab es einen Konflikt, und das Lesen des aktuellen Elements schlug fehl: %1</translation>
    </message>
    <message>
        <source>The item changed since you loaded it</source>
        <translation>Das Element wurde seit dem Laden geändert</translation>
    </message>
    <message>
        <source>An item with this key exists already</source>
        <translation>Ein Element mit diesem Schlüssel existiert bereits</translation>
    </message>
    <message>
        <source>Deleting…</source>
        <translation>Löschen…</translation>
    </message>
    <message>
        <source>Not deleted: the item changed since you loaded it</source>
        <translation>Nicht gelöscht: Das Element wurde seit dem Laden geändert</translation>
    </message>
    <message>
        <source>DynamoDB refused the delete: %1</source>
        <translation>DynamoDB hat das Löschen abgelehnt: %1</translation>
    </message>
</context>
<context>
    <name>dd::ui::ItemTableModel</name>
    <message>
        <source>%1: partition key (%2)</source>
        <translation>%1: Partitionsschlüssel (%2)</translation>
    </message>
    <message>
        <source>%1: sort key (%2)</source>
        <translation>%1: Sortierschlüssel (%2)</translation>
    </message>
    <message>
        <source>%1 items</source>
        <translation>%1 Elemente</translation>
    </message>
    <message>
        <source>%1+ items</source>
        <translation>%1+ Elemente</translation>
    </message>
</context>
<context>
    <name>dd::ui::KeyTypeCombo</name>
    <message>
        <source>String</source>
        <translation>Zeichenkette</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Zahl</translation>
    </message>
    <message>
        <source>Binary</source>
        <translation>Binär</translation>
    </message>
</context>
<context>
    <name>dd::ui::MainWindow</name>
    <message>
        <source>Dynamodesk</source>
        <translation>Dynamodesk</translation>
    </message>
    <message>
        <source>Connections</source>
        <translation>Verbindungen</translation>
    </message>
    <message>
        <source>Delete table</source>
        <translation>Tabelle löschen</translation>
    </message>
    <message>
        <source>DynamoDB refused: %1</source>
        <translation>DynamoDB hat abgelehnt: %1</translation>
    </message>
    <message>
        <source>New &amp;connection…</source>
        <translation>Neue &amp;Verbindung…</translation>
    </message>
    <message>
        <source>&amp;Close tab</source>
        <translation>Reiter &amp;schließen</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;New table…</source>
        <translation>&amp;Neue Tabelle…</translation>
    </message>
    <message>
        <source>&amp;Open table</source>
        <translation>Tabelle ö&amp;ffnen</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Aktualisieren</translation>
    </message>
    <message>
        <source>&amp;Delete table…</source>
        <translation>Tabelle &amp;löschen…</translation>
    </message>
    <message>
        <source>&amp;Serve on 127.0.0.1</source>
        <translation>Auf 127.0.0.1 &amp;bereitstellen</translation>
    </message>
    <message>
        <source>Next tab</source>
        <translation>Nächster Reiter</translation>
    </message>
    <message>
        <source>Previous tab</source>
        <translation>Vorheriger Reiter</translation>
    </message>
    <message>
        <source>Go to the connection tree</source>
        <translation>Zum Verbindungsbaum</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Table</source>
        <translation>&amp;Tabelle</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Sprache</translation>
    </message>
    <message>
        <source>System</source>
        <translation>System</translation>
    </message>
    <message>
        <source>The language changes when Dynamodesk starts again</source>
        <translation>Die Sprache ändert sich beim nächsten Start von Dynamodesk</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;About Dynamodesk</source>
        <translation>Ü&amp;ber Dynamodesk</translation>
    </message>
    <message>
        <source>About Dynamodesk</source>
        <translation>Über Dynamodesk</translation>
    </message>
    <message>
        <source>&lt;b&gt;Dynamodesk %1&lt;/b&gt;&lt;p&gt;A desktop workbench and local emulator for Amazon DynamoDB.&lt;/p&gt;</source>
        <translation>&lt;b&gt;Dynamodesk %1&lt;/b&gt;&lt;p&gt;Eine Desktop-Werkbank und ein lokaler Emulator für Amazon DynamoDB.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>Über &amp;Qt</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>Haupt</translation>
    </message>
    <message>
        <source>Cannot connect</source>
        <translation>Verbindung nicht möglich</translation>
    </message>
    <message>
        <source>Cannot open %1:
%2</source>
        <translation>%1 kann nicht geöffnet werden:
%2</translation>
    </message>
    <message>
        <source>Created table %1</source>
        <translation>Tabelle %1 erstellt</translation>
    </message>
    <message>
        <source>Cannot serve</source>
        <translation>Bereitstellen nicht möglich</translation>
    </message>
    <message>
        <source>Cannot serve on 127.0.0.1:%1:
%2</source>
        <translation>Bereitstellen auf 127.0.0.1:%1 nicht möglich:
%2</translation>
    </message>
    <message>
        <source>Serving %1</source>
        <translation>Bereitgestellt: %1</translation>
    </message>
    <message>
        <source>Delete the table %1 and all its items? This cannot be undone.</source>
        <translation>Die Tabelle %1 mit allen Elementen löschen? Dies kann nicht rückgängig gemacht werden.</translation>
    </message>
    <message>
        <source> · %1 capacity units</source>
        <translation> · %1 Kapazitätseinheiten</translation>
    </message>
    <message>
        <source>&amp;Transaction builder…</source>
        <translation>&amp;Transaktionseditor…</translation>
    </message>
    <message>
        <source>&amp;Stream viewer</source>
        <translation>&amp;Stream-Anzeige</translation>
    </message>
    <message>
        <source>Transaction</source>
        <translation>Transaktion</translation>
    </message>
    <message>
        <source>Transaction builder — %1</source>
        <translation>Transaktionseditor — %1</translation>
    </message>
    <message>
        <source>Stream: %1</source>
        <translation>Stream: %1</translation>
    </message>
    <message>
        <source>Backups and &amp;history</source>
        <translation>Sicherungen und &amp;Verlauf</translation>
    </message>
    <message>
        <source>History: %1</source>
        <translation>Verlauf: %1</translation>
    </message>
</context>
<context>
    <name>dd::ui::PreviewTables</name>
    <message>
        <source>Key</source>
        <translation>Schlüssel</translation>
    </message>
    <message>
        <source>Change since then</source>
        <translation>Änderung seither</translation>
    </message>
    <message>
        <source>Then</source>
        <translation>Damals</translation>
    </message>
    <message>
        <source>Now</source>
        <translation>Jetzt</translation>
    </message>
    <message>
        <source>Modified</source>
        <translation>Geändert</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>Gelöscht</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Erstellt</translation>
    </message>
    <message>
        <source>The item exists then and now, with other values</source>
        <translation>Das Element gibt es damals und jetzt, mit anderen Werten</translation>
    </message>
    <message>
        <source>The item existed then and has been deleted since: a restore brings it back</source>
        <translation>Das Element gab es damals, seitdem wurde es gelöscht: eine Wiederherstellung bringt es zurück</translation>
    </message>
    <message>
        <source>The item was created since then: the restored table does not have it</source>
        <translation>Das Element wurde seitdem erstellt: die wiederhergestellte Tabelle enthält es nicht</translation>
    </message>
</context>
<context>
    <name>dd::ui::ProgressPanel</name>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Wird abgebrochen…</translation>
    </message>
    <message>
        <source>%1 items</source>
        <translation>%1 Elemente</translation>
    </message>
</context>
<context>
    <name>dd::ui::QueryBar</name>
    <message>
        <source>Scan</source>
        <translation>Scan</translation>
    </message>
    <message>
        <source>Query</source>
        <translation>Query</translation>
    </message>
    <message>
        <source>#pk = :pk AND begins_with(#sk, :prefix)</source>
        <translation>#pk = :pk AND begins_with(#sk, :prefix)</translation>
    </message>
    <message>
        <source>&amp;Key condition:</source>
        <translation>&amp;Schlüsselbedingung:</translation>
    </message>
    <message>
        <source>optional, e.g. #status = :open</source>
        <translation>optional, z. B. #status = :open</translation>
    </message>
    <message>
        <source>optional, e.g. pk, sk, total</source>
        <translation>optional, z. B. pk, sk, total</translation>
    </message>
    <message>
        <source>Items per page (Limit)</source>
        <translation>Elemente pro Seite (Limit)</translation>
    </message>
    <message>
        <source>&amp;Descending</source>
        <translation>&amp;Absteigend</translation>
    </message>
    <message>
        <source>C&amp;onsistent read</source>
        <translation>&amp;Konsistentes Lesen</translation>
    </message>
    <message>
        <source>&amp;Run</source>
        <translation>A&amp;usführen</translation>
    </message>
    <message>
        <source>Run (Ctrl+Return)</source>
        <translation>Ausführen (Strg+Eingabe)</translation>
    </message>
    <message>
        <source>AWS &amp;CLI</source>
        <translation>AWS-&amp;CLI</translation>
    </message>
    <message>
        <source>Copy as AWS CLI command</source>
        <translation>Als AWS-CLI-Befehl kopieren</translation>
    </message>
    <message>
        <source>&amp;on</source>
        <translation>&amp;auf</translation>
    </message>
    <message>
        <source>Page size:</source>
        <translation>Seitengröße:</translation>
    </message>
    <message>
        <source>&amp;Filter:</source>
        <translation>&amp;Filter:</translation>
    </message>
    <message>
        <source>&amp;Names:</source>
        <translation>&amp;Namen:</translation>
    </message>
    <message>
        <source>&amp;Values:</source>
        <translation>&amp;Werte:</translation>
    </message>
    <message>
        <source>&amp;Projection:</source>
        <translation>&amp;Projektion:</translation>
    </message>
    <message>
        <source>Table</source>
        <translation>Tabelle</translation>
    </message>
    <message>
        <source>Index %1</source>
        <translation>Index %1</translation>
    </message>
    <message>
        <source>A Query needs a key condition</source>
        <translation>Eine Query braucht eine Schlüsselbedingung</translation>
    </message>
    <message>
        <source>Names must be a JSON object such as {&quot;#pk&quot;: &quot;customerId&quot;}</source>
        <translation>Namen müssen ein JSON-Objekt sein, z. B. {&quot;#pk&quot;: &quot;customerId&quot;}</translation>
    </message>
    <message>
        <source>Values: %1</source>
        <translation>Werte: %1</translation>
    </message>
</context>
<context>
    <name>dd::ui::RestoreDialog</name>
    <message>
        <source>Restore to new table</source>
        <translation>In neue Tabelle wiederherstellen</translation>
    </message>
    <message>
        <source>Restore the secondary indexes</source>
        <translation>Die sekundären Indizes wiederherstellen</translation>
    </message>
    <message>
        <source>Without them the restore is faster; indexes can be added later with UpdateTable</source>
        <translation>Ohne sie geht die Wiederherstellung schneller; Indizes lassen sich später mit UpdateTable hinzufügen</translation>
    </message>
    <message>
        <source>Same as the source table</source>
        <translation>Wie die Quelltabelle</translation>
    </message>
    <message>
        <source>On-demand (PAY_PER_REQUEST)</source>
        <translation>Auf Abruf (PAY_PER_REQUEST)</translation>
    </message>
    <message>
        <source>Provisioned</source>
        <translation>Bereitgestellt</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Wiederherstellen</translation>
    </message>
    <message>
        <source>New table name:</source>
        <translation>Name der neuen Tabelle:</translation>
    </message>
    <message>
        <source>Billing mode:</source>
        <translation>Abrechnungsmodus:</translation>
    </message>
    <message>
        <source>Read capacity units:</source>
        <translation>Lesekapazitätseinheiten:</translation>
    </message>
    <message>
        <source>Write capacity units:</source>
        <translation>Schreibkapazitätseinheiten:</translation>
    </message>
</context>
<context>
    <name>dd::ui::SelectionDetails</name>
    <message>
        <source>Items then</source>
        <translation>Elemente damals</translation>
    </message>
    <message>
        <source>Differences from now</source>
        <translation>Unterschiede zu jetzt</translation>
    </message>
    <message>
        <source>Click the timeline to see what the table held at that time, or a backup marker to see the backup.</source>
        <translation>Klicken Sie auf die Zeitleiste, um zu sehen, was die Tabelle zu dieser Zeit enthielt, oder auf eine Sicherungsmarke, um die Sicherung zu sehen.</translation>
    </message>
    <message>
        <source>Backup “%1”, taken %2</source>
        <translation>Sicherung „%1“, erstellt %2</translation>
    </message>
    <message>
        <source>The table as it was at %1 (the end of that second)</source>
        <translation>Die Tabelle, wie sie um %1 war (am Ende dieser Sekunde)</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Wird geladen…</translation>
    </message>
    <message>
        <source>Status %1 · %2 · %L3 items when taken · type %4
%5</source>
        <translation>Status %1 · %2 · %L3 Elemente bei der Erstellung · Typ %4
%5</translation>
    </message>
    <message>
        <source>Cannot describe the backup: %1</source>
        <translation>Die Sicherung kann nicht beschrieben werden: %1</translation>
    </message>
    <message>
        <source>This endpoint does not offer Dynamodesk&apos;s restore preview; you can still restore to a new table and open it.</source>
        <translation>Dieser Endpunkt bietet die Wiederherstellungsvorschau von Dynamodesk nicht an; Sie können trotzdem in eine neue Tabelle wiederherstellen und sie öffnen.</translation>
    </message>
    <message>
        <source>Point-in-time recovery is off for this table: turn it on to restore to a time, or pick a backup.</source>
        <translation>Die Point-in-Time-Wiederherstellung ist für diese Tabelle aus: schalten Sie sie ein, um auf einen Zeitpunkt wiederherzustellen, oder wählen Sie eine Sicherung.</translation>
    </message>
    <message>
        <source>This time is outside the point-in-time recovery window (%1).</source>
        <translation>Dieser Zeitpunkt liegt außerhalb des Fensters der Point-in-Time-Wiederherstellung (%1).</translation>
    </message>
    <message>
        <source>Cannot preview: %1</source>
        <translation>Keine Vorschau möglich: %1</translation>
    </message>
    <message numerus="yes">
        <source>%Ln item(s) then</source>
        <translation>
            <numerusform>%Ln Element damals</numerusform>
            <numerusform>%Ln Elemente damals</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln item(s) differ from now</source>
        <translation>
            <numerusform>%Ln Element unterscheidet sich von jetzt</numerusform>
            <numerusform>%Ln Elemente unterscheiden sich von jetzt</numerusform>
        </translation>
    </message>
    <message>
        <source>the first %L1 shown</source>
        <translation>die ersten %L1 angezeigt</translation>
    </message>
    <message>
        <source>Differences from now (%L1)</source>
        <translation>Unterschiede zu jetzt (%L1)</translation>
    </message>
</context>
<context>
    <name>dd::ui::Sparkline</name>
    <message>
        <source>Events per second over the last minute (last: %1, peak: %2)</source>
        <translation>Ereignisse pro Sekunde in der letzten Minute (zuletzt: %1, Spitze: %2)</translation>
    </message>
    <message>
        <source>%1/s</source>
        <translation>%1/s</translation>
    </message>
</context>
<context>
    <name>dd::ui::StreamRecordModel</name>
    <message>
        <source>%1, sequence number %2</source>
        <translation>%1, Sequenznummer %2</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Ereignis</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Schlüssel</translation>
    </message>
    <message>
        <source>Changes</source>
        <translation>Änderungen</translation>
    </message>
</context>
<context>
    <name>dd::ui::StreamViewer</name>
    <message>
        <source>Select a record to see its old and new image</source>
        <translation>Wählen Sie einen Datensatz, um sein altes und neues Abbild zu sehen</translation>
    </message>
    <message>
        <source>From now (LATEST)</source>
        <translation>Ab jetzt (LATEST)</translation>
    </message>
    <message>
        <source>From the oldest record (TRIM_HORIZON)</source>
        <translation>Ab dem ältesten Datensatz (TRIM_HORIZON)</translation>
    </message>
    <message>
        <source>All events</source>
        <translation>Alle Ereignisse</translation>
    </message>
    <message>
        <source>Filter by key or attribute…</source>
        <translation>Nach Schlüssel oder Attribut filtern…</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Anhalten</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Leeren</translation>
    </message>
    <message>
        <source>Export JSON Lines…</source>
        <translation>Als JSON Lines exportieren…</translation>
    </message>
    <message>
        <source>Export records</source>
        <translation>Datensätze exportieren</translation>
    </message>
    <message>
        <source>JSON Lines (*.jsonl)</source>
        <translation>JSON Lines (*.jsonl)</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n record(s) to %1</source>
        <translation>
            <numerusform>%n Datensatz nach %1 exportiert</numerusform>
            <numerusform>%n Datensätze nach %1 exportiert</numerusform>
        </translation>
    </message>
    <message>
        <source>The table %1 has no enabled stream. Enable one in the table&apos;s settings (StreamSpecification); the viewer starts showing records as soon as it exists.</source>
        <translation>Die Tabelle %1 hat keinen aktivierten Stream. Aktivieren Sie einen in den Tabelleneinstellungen (StreamSpecification); die Anzeige zeigt Datensätze, sobald er existiert.</translation>
    </message>
    <message>
        <source>Reading the stream failed: %1</source>
        <translation>Lesen des Streams fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Fortsetzen</translation>
    </message>
    <message>
        <source>sequence number %1</source>
        <translation>Sequenznummer %1</translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n record(s)</source>
        <translation>
            <numerusform>%1 von %n Datensatz</numerusform>
            <numerusform>%1 von %n Datensätzen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>(%n buffered)</source>
        <translation>
            <numerusform>(%n gepuffert)</numerusform>
            <numerusform>(%n gepuffert)</numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Go to sequence number or time…</source>
        <translation>Zu Sequenznummer oder Uhrzeit springen…</translation>
    </message>
    <message>
        <source>A sequence number, or a time of day such as 14:05:30; Enter selects the first record at or after it</source>
        <translation>Eine Sequenznummer oder eine Uhrzeit wie 14:05:30; die Eingabetaste wählt den ersten Datensatz ab dieser Stelle</translation>
    </message>
    <message>
        <source>No record at or after %1</source>
        <translation>Kein Datensatz ab %1</translation>
    </message>
    <message>
        <source>Where reading starts: new records only, or every record the stream still holds</source>
        <translation>Wo das Lesen beginnt: nur neue Datensätze oder alle, die der Stream noch enthält</translation>
    </message>
</context>
<context>
    <name>dd::ui::TableBrowser</name>
    <message>
        <source>&amp;New item</source>
        <translation>&amp;Neues Element</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <source>D&amp;uplicate</source>
        <translation>D&amp;uplizieren</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Löschen</translation>
    </message>
    <message>
        <source>E&amp;xport JSON Lines…</source>
        <translation>Als JSON Lines e&amp;xportieren…</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Aktualisieren</translation>
    </message>
    <message>
        <source>&amp;Stop</source>
        <translation>&amp;Stopp</translation>
    </message>
    <message>
        <source>Copied the AWS CLI command</source>
        <translation>AWS-CLI-Befehl kopiert</translation>
    </message>
    <message>
        <source>Loading %1…</source>
        <translation>%1 wird geladen…</translation>
    </message>
    <message>
        <source>Cannot open %1: %2</source>
        <translation>%1 kann nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <source>Page %1: %2 items</source>
        <translation>Seite %1: %2 Elemente</translation>
    </message>
    <message>
        <source> of %1 scanned</source>
        <translation> von %1 gelesenen</translation>
    </message>
    <message>
        <source> · %1 RCU</source>
        <translation> · %1 RCU</translation>
    </message>
    <message>
        <source> · %1 ms</source>
        <translation> · %1 ms</translation>
    </message>
    <message>
        <source> · total %1 RCU</source>
        <translation> · insgesamt %1 RCU</translation>
    </message>
    <message>
        <source> · loading…</source>
        <translation> · wird geladen…</translation>
    </message>
    <message>
        <source>Delete items</source>
        <translation>Elemente löschen</translation>
    </message>
    <message numerus="yes">
        <source>Delete %n item(s) from %1? This cannot be undone.</source>
        <translation>
            <numerusform>%n Element aus %1 löschen? Dies kann nicht rückgängig gemacht werden.</numerusform>
            <numerusform>%n Elemente aus %1 löschen? Dies kann nicht rückgängig gemacht werden.</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message numerus="yes">
        <source>Deleting %n item(s)…</source>
        <translation>
            <numerusform>%n Element wird gelöscht…</numerusform>
            <numerusform>%n Elemente werden gelöscht…</numerusform>
        </translation>
    </message>
    <message>
        <source>Deleted %1 items, then: %2</source>
        <translation>%1 Elemente gelöscht, dann: %2</translation>
    </message>
    <message>
        <source>Cancelled after deleting %1 items</source>
        <translation>Abgebrochen nach %1 gelöschten Elementen</translation>
    </message>
    <message>
        <source>Deleted %1 items</source>
        <translation>%1 Elemente gelöscht</translation>
    </message>
    <message>
        <source>Export to JSON Lines</source>
        <translation>Als JSON Lines exportieren</translation>
    </message>
    <message>
        <source>JSON Lines (*.jsonl *.json)</source>
        <translation>JSON Lines (*.jsonl *.json)</translation>
    </message>
    <message>
        <source>Exporting to %1…</source>
        <translation>Export nach %1…</translation>
    </message>
    <message>
        <source>Export failed: %1</source>
        <translation>Export fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Export cancelled; no file written</source>
        <translation>Export abgebrochen; keine Datei geschrieben</translation>
    </message>
    <message>
        <source>Exported %1 items</source>
        <translation>%1 Elemente exportiert</translation>
    </message>
</context>
<context>
    <name>dd::ui::TableDesign</name>
    <message>
        <source>Required</source>
        <translation>Erforderlich</translation>
    </message>
    <message>
        <source>Must be %1 to %2 characters long</source>
        <translation>Muss %1 bis %2 Zeichen lang sein</translation>
    </message>
    <message>
        <source>Only letters, digits, &apos;_&apos;, &apos;-&apos; and &apos;.&apos; are allowed</source>
        <translation>Nur Buchstaben, Ziffern, &apos;_&apos;, &apos;-&apos; und &apos;.&apos; sind erlaubt</translation>
    </message>
    <message>
        <source>A key attribute name is at most %1 bytes long</source>
        <translation>Ein Schlüsselattributname ist höchstens %1 Bytes lang</translation>
    </message>
    <message>
        <source>The sort key must differ from the partition key</source>
        <translation>Der Sortierschlüssel muss sich vom Partitionsschlüssel unterscheiden</translation>
    </message>
    <message>
        <source>Provisioned capacity must be at least 1 read and 1 write unit</source>
        <translation>Bereitgestellte Kapazität muss mindestens 1 Lese- und 1 Schreibeinheit betragen</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is already defined with type %2</source>
        <translation>„%1“ ist bereits mit dem Typ %2 definiert</translation>
    </message>
    <message>
        <source>Another index has this name</source>
        <translation>Ein anderer Index hat diesen Namen</translation>
    </message>
    <message>
        <source>A local index needs a table with a sort key</source>
        <translation>Ein lokaler Index braucht eine Tabelle mit Sortierschlüssel</translation>
    </message>
    <message>
        <source>A local index has the table&apos;s partition key</source>
        <translation>Ein lokaler Index hat den Partitionsschlüssel der Tabelle</translation>
    </message>
    <message>
        <source>Name the attributes to include</source>
        <translation>Nennen Sie die einzuschließenden Attribute</translation>
    </message>
    <message>
        <source>An attribute is listed twice</source>
        <translation>Ein Attribut ist doppelt aufgeführt</translation>
    </message>
    <message>
        <source>Only an INCLUDE projection lists attributes</source>
        <translation>Nur eine INCLUDE-Projektion führt Attribute auf</translation>
    </message>
    <message>
        <source>At most %1 local secondary indexes</source>
        <translation>Höchstens %1 lokale sekundäre Indizes</translation>
    </message>
    <message>
        <source>At most %1 global secondary indexes</source>
        <translation>Höchstens %1 globale sekundäre Indizes</translation>
    </message>
    <message>
        <source>At most %1 included attributes over all indexes</source>
        <translation>Höchstens %1 eingeschlossene Attribute über alle Indizes</translation>
    </message>
    <message>
        <source>At most %1 tags</source>
        <translation>Höchstens %1 Tags</translation>
    </message>
    <message>
        <source>A tag key is 1 to %1 characters long</source>
        <translation>Ein Tag-Schlüssel ist 1 bis %1 Zeichen lang</translation>
    </message>
    <message>
        <source>Tag keys starting with &quot;aws:&quot; are reserved</source>
        <translation>Tag-Schlüssel, die mit „aws:“ beginnen, sind reserviert</translation>
    </message>
    <message>
        <source>Another tag has this key</source>
        <translation>Ein anderes Tag hat diesen Schlüssel</translation>
    </message>
    <message>
        <source>A tag value is at most %1 characters long</source>
        <translation>Ein Tag-Wert ist höchstens %1 Zeichen lang</translation>
    </message>
</context>
<context>
    <name>dd::ui::TableDesigner</name>
    <message>
        <source>New table — %1</source>
        <translation>Neue Tabelle — %1</translation>
    </message>
    <message>
        <source>e.g. Orders</source>
        <translation>z. B. Orders</translation>
    </message>
    <message>
        <source>&amp;Table name:</source>
        <translation>&amp;Tabellenname:</translation>
    </message>
    <message>
        <source>e.g. customerId</source>
        <translation>z. B. customerId</translation>
    </message>
    <message>
        <source>&amp;Partition key:</source>
        <translation>&amp;Partitionsschlüssel:</translation>
    </message>
    <message>
        <source>optional, e.g. orderDate</source>
        <translation>optional, z. B. orderDate</translation>
    </message>
    <message>
        <source>&amp;Sort key:</source>
        <translation>&amp;Sortierschlüssel:</translation>
    </message>
    <message>
        <source>On demand (pay per request)</source>
        <translation>Auf Abruf (Zahlung pro Anfrage)</translation>
    </message>
    <message>
        <source>Provisioned</source>
        <translation>Bereitgestellt</translation>
    </message>
    <message>
        <source>RCU </source>
        <translation>RCU </translation>
    </message>
    <message>
        <source>WCU </source>
        <translation>WCU </translation>
    </message>
    <message>
        <source>&amp;Billing:</source>
        <translation>&amp;Abrechnung:</translation>
    </message>
    <message>
        <source>No stream</source>
        <translation>Kein Stream</translation>
    </message>
    <message>
        <source>New images</source>
        <translation>Neue Abbilder</translation>
    </message>
    <message>
        <source>Old images</source>
        <translation>Alte Abbilder</translation>
    </message>
    <message>
        <source>New and old images</source>
        <translation>Neue und alte Abbilder</translation>
    </message>
    <message>
        <source>Keys only</source>
        <translation>Nur Schlüssel</translation>
    </message>
    <message>
        <source>S&amp;tream:</source>
        <translation>S&amp;tream:</translation>
    </message>
    <message>
        <source>Secondary indexes</source>
        <translation>Sekundäre Indizes</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Partition key</source>
        <translation>Partitionsschlüssel</translation>
    </message>
    <message>
        <source>Sort key</source>
        <translation>Sortierschlüssel</translation>
    </message>
    <message>
        <source>Projection</source>
        <translation>Projektion</translation>
    </message>
    <message>
        <source>Included attributes</source>
        <translation>Eingeschlossene Attribute</translation>
    </message>
    <message>
        <source>Add &amp;global index</source>
        <translation>&amp;Globalen Index hinzufügen</translation>
    </message>
    <message>
        <source>Add &amp;local index</source>
        <translation>&amp;Lokalen Index hinzufügen</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Tags</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Schlüssel</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Add a tag</source>
        <translation>Tag hinzufügen</translation>
    </message>
    <message>
        <source>Remove the selected tag</source>
        <translation>Ausgewähltes Tag entfernen</translation>
    </message>
    <message>
        <source>AWS CLI command</source>
        <translation>AWS-CLI-Befehl</translation>
    </message>
    <message>
        <source>--cli-input-json</source>
        <translation>--cli-input-json</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Kopieren</translation>
    </message>
    <message>
        <source>C&amp;reate table</source>
        <translation>Tabelle &amp;erstellen</translation>
    </message>
    <message>
        <source>Tag %1: %2</source>
        <translation>Tag %1: %2</translation>
    </message>
    <message>
        <source>DynamoDB refused the table: %1</source>
        <translation>DynamoDB hat die Tabelle abgelehnt: %1</translation>
    </message>
</context>
<context>
    <name>dd::ui::TimelineWidget</name>
    <message>
        <source>Table history timeline</source>
        <translation>Zeitleiste des Tabellenverlaufs</translation>
    </message>
    <message>
        <source>Arrow keys move the selected time, Ctrl+arrow keys jump between backups, + and - zoom, Home fits</source>
        <translation>Pfeiltasten verschieben die gewählte Zeit, Strg+Pfeiltasten springen zwischen Sicherungen, + und - zoomen, Pos1 passt ein</translation>
    </message>
    <message>
        <source>Point-in-time recovery window</source>
        <translation>Fenster der Point-in-Time-Wiederherstellung</translation>
    </message>
    <message>
        <source>deletes</source>
        <translation>Löschungen</translation>
    </message>
    <message>
        <source>updates</source>
        <translation>Änderungen</translation>
    </message>
    <message>
        <source>inserts</source>
        <translation>Einfügungen</translation>
    </message>
    <message>
        <source>busiest bar: %L1 writes (square-root scale)</source>
        <translation>höchster Balken: %L1 Schreibvorgänge (Quadratwurzel-Skala)</translation>
    </message>
    <message>
        <source>Backup %1
Created %2
Status %3
Click to see what it holds</source>
        <translation>Sicherung %1
Erstellt %2
Status %3
Klicken, um ihren Inhalt zu sehen</translation>
    </message>
    <message>
        <source>From %1 to %2: %L3 inserts, %L4 updates, %L5 deletes</source>
        <translation>Von %1 bis %2: %L3 Einfügungen, %L4 Änderungen, %L5 Löschungen</translation>
    </message>
    <message>
        <source>Within the point-in-time recovery window: click to preview and restore</source>
        <translation>Im Fenster der Point-in-Time-Wiederherstellung: klicken für Vorschau und Wiederherstellung</translation>
    </message>
</context>
<context>
    <name>dd::ui::TransactionBuilder</name>
    <message>
        <source>Add</source>
        <translation>Hinzufügen</translation>
    </message>
    <message>
        <source>Put</source>
        <translation>Put</translation>
    </message>
    <message>
        <source>Update</source>
        <translation>Update</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>Condition check</source>
        <translation>Bedingungsprüfung</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>Duplizieren</translation>
    </message>
    <message>
        <source>Up</source>
        <translation>Nach oben</translation>
    </message>
    <message>
        <source>Down</source>
        <translation>Nach unten</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Paste JSON…</source>
        <translation>JSON einfügen…</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Schlüssel</translation>
    </message>
    <message>
        <source>DynamoDB JSON or plain JSON, e.g. {&quot;pk&quot;: &quot;alice&quot;}</source>
        <translation>DynamoDB-JSON oder einfaches JSON, z. B. {&quot;pk&quot;: &quot;alice&quot;}</translation>
    </message>
    <message>
        <source>e.g. balance &gt;= :amount</source>
        <translation>z. B. balance &gt;= :amount</translation>
    </message>
    <message>
        <source>e.g. SET balance = balance - :amount</source>
        <translation>z. B. SET balance = balance - :amount</translation>
    </message>
    <message>
        <source>Return the item when the condition fails (ALL_OLD)</source>
        <translation>Element zurückgeben, wenn die Bedingung fehlschlägt (ALL_OLD)</translation>
    </message>
    <message>
        <source>The outcome of this action appears here after Run</source>
        <translation>Das Ergebnis dieser Aktion erscheint hier nach „Ausführen“</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>Table</source>
        <translation>Tabelle</translation>
    </message>
    <message>
        <source>Condition</source>
        <translation>Bedingung</translation>
    </message>
    <message>
        <source>Names</source>
        <translation>Namen</translation>
    </message>
    <message>
        <source>Values</source>
        <translation>Werte</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>Validate</source>
        <translation>Prüfen</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Ausführen</translation>
    </message>
    <message>
        <source>Save draft…</source>
        <translation>Entwurf speichern…</translation>
    </message>
    <message>
        <source>Load draft…</source>
        <translation>Entwurf laden…</translation>
    </message>
    <message>
        <source>Copy as AWS CLI command</source>
        <translation>Als AWS-CLI-Befehl kopieren</translation>
    </message>
    <message>
        <source>Paste JSON</source>
        <translation>JSON einfügen</translation>
    </message>
    <message>
        <source>TransactItems (an array, a request, or one action):</source>
        <translation>TransactItems (ein Array, eine Anfrage oder eine Aktion):</translation>
    </message>
    <message numerus="yes">
        <source>The transaction is valid (%n action(s))</source>
        <translation>
            <numerusform>Die Transaktion ist gültig (%n Aktion)</numerusform>
            <numerusform>Die Transaktion ist gültig (%n Aktionen)</numerusform>
        </translation>
    </message>
    <message>
        <source>Save draft</source>
        <translation>Entwurf speichern</translation>
    </message>
    <message>
        <source>JSON files (*.json)</source>
        <translation>JSON-Dateien (*.json)</translation>
    </message>
    <message>
        <source>Load draft</source>
        <translation>Entwurf laden</translation>
    </message>
    <message>
        <source>Copied the AWS CLI command and transact.json</source>
        <translation>AWS-CLI-Befehl und transact.json kopiert</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Element</translation>
    </message>
    <message>
        <source>Applied</source>
        <translation>Angewendet</translation>
    </message>
    <message>
        <source>No problem with this action (the transaction was cancelled by another)</source>
        <translation>Diese Aktion ist in Ordnung (eine andere hat die Transaktion abgebrochen)</translation>
    </message>
    <message>
        <source>The item it saw:</source>
        <translation>Das Element, das sie sah:</translation>
    </message>
    <message>
        <source>Not JSON: %1</source>
        <translation>Kein JSON: %1</translation>
    </message>
    <message numerus="yes">
        <source>Transaction applied (%n action(s))</source>
        <translation>
            <numerusform>Transaktion angewendet (%n Aktion)</numerusform>
            <numerusform>Transaktion angewendet (%n Aktionen)</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancelled by action %1: %2</source>
        <translation>Abgebrochen durch Aktion %1: %2</translation>
    </message>
    <message>
        <source>DynamoDB refused: %1</source>
        <translation>DynamoDB hat abgelehnt: %1</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
</context>
<context>
    <name>dd::ui::itemjson</name>
    <message>
        <source>An item must be a JSON object</source>
        <translation>Ein Element muss ein JSON-Objekt sein</translation>
    </message>
    <message>
        <source>Unexpected text after the item</source>
        <translation>Unerwarteter Text nach dem Element</translation>
    </message>
    <message>
        <source>Bad \u escape in a string</source>
        <translation>Ungültige \u-Escape-Sequenz in einer Zeichenkette</translation>
    </message>
    <message>
        <source>Bad escape in a string</source>
        <translation>Ungültige Escape-Sequenz in einer Zeichenkette</translation>
    </message>
    <message>
        <source>Unterminated string</source>
        <translation>Nicht abgeschlossene Zeichenkette</translation>
    </message>
    <message>
        <source>Bad number</source>
        <translation>Ungültige Zahl</translation>
    </message>
    <message>
        <source>Expected a member name in quotes</source>
        <translation>Ein Name in Anführungszeichen wurde erwartet</translation>
    </message>
    <message>
        <source>Duplicate member &quot;%1&quot;</source>
        <translation>Doppelter Name „%1“</translation>
    </message>
    <message>
        <source>Expected &apos;:&apos; after a member name</source>
        <translation>&apos;:&apos; nach einem Namen erwartet</translation>
    </message>
    <message>
        <source>Expected &apos;,&apos; or &apos;}&apos;</source>
        <translation>&apos;,&apos; oder &apos;}&apos; erwartet</translation>
    </message>
    <message>
        <source>Expected &apos;,&apos; or &apos;]&apos;</source>
        <translation>&apos;,&apos; oder &apos;]&apos; erwartet</translation>
    </message>
    <message>
        <source>Expected a value</source>
        <translation>Ein Wert wurde erwartet</translation>
    </message>
</context>
</TS>
