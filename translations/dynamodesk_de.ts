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
    <message>
        <source>A Get has no condition</source>
        <translation>Ein Get hat keine Bedingung</translation>
    </message>
    <message>
        <source>A Get takes no values, only names for its projection</source>
        <translation>Ein Get nimmt keine Werte, nur Namen für seine Projektion</translation>
    </message>
    <message>
        <source>An action has exactly one of Put, Update, Delete, ConditionCheck, Get</source>
        <translation>Eine Aktion hat genau eines von Put, Update, Delete, ConditionCheck, Get</translation>
    </message>
    <message>
        <source>Get actions read (TransactGetItems) and cannot be mixed with writes (TransactWriteItems)</source>
        <translation>Get-Aktionen lesen (TransactGetItems) und lassen sich nicht mit Schreibaktionen (TransactWriteItems) mischen</translation>
    </message>
    <message>
        <source>A value&apos;s name starts with &apos;:&apos;, e.g. :tags</source>
        <translation>Der Name eines Werts beginnt mit &apos;:&apos;, z. B. :tags</translation>
    </message>
    <message>
        <source>Set value: %1</source>
        <translation>Mengenwert: %1</translation>
    </message>
</context>
<context>
    <name>dd::ui::AccessPatternPanel</name>
    <message>
        <source>The queries your application needs. Each shows the key or index that serves it.</source>
        <translation>Die Abfragen, die Ihre Anwendung braucht. Jede zeigt den Schlüssel oder Index, der sie bedient.</translation>
    </message>
    <message>
        <source>%1 served, %2 not served</source>
        <translation>%1 bedient, %2 nicht bedient</translation>
    </message>
    <message>
        <source>Access patterns name one partition and one sort attribute: an index with a multi-attribute key (%1) serves one only when its partition key is that attribute alone and the pattern&apos;s sort attribute is its first. Query the others in the table browser.</source>
        <translation>Zugriffsmuster nennen ein Partitions- und ein Sortierattribut: Ein Index mit mehrteiligem Schlüssel (%1) bedient eines nur, wenn sein Partitionsschlüssel allein aus diesem Attribut besteht und das Sortierattribut des Musters sein erstes ist. Fragen Sie die übrigen im Tabellenbrowser ab.</translation>
    </message>
    <message>
        <source>Add access patter&amp;n</source>
        <translation>Zugriffsmuster &amp;hinzufügen</translation>
    </message>
</context>
<context>
    <name>dd::ui::AccessPatternRow</name>
    <message>
        <source>e.g. Orders by customer, newest first</source>
        <translation>z. B. Bestellungen eines Kunden, neueste zuerst</translation>
    </message>
    <message>
        <source>The attribute the query looks up by equality (its partition key)</source>
        <translation>Das Attribut, nach dem die Abfrage auf Gleichheit sucht (ihr Partitionsschlüssel)</translation>
    </message>
    <message>
        <source>looked up by (=)</source>
        <translation>gesucht nach (=)</translation>
    </message>
    <message>
        <source>The attribute the query ranges over or orders by (its sort key); may stay empty</source>
        <translation>Das Attribut, über dessen Bereich die Abfrage geht oder nach dem sie sortiert (ihr Sortierschlüssel); darf leer bleiben</translation>
    </message>
    <message>
        <source>sort (optional)</source>
        <translation>Sortierung (optional)</translation>
    </message>
    <message>
        <source>Ascending</source>
        <translation>Aufsteigend</translation>
    </message>
    <message>
        <source>Remove this access pattern</source>
        <translation>Dieses Zugriffsmuster entfernen</translation>
    </message>
    <message>
        <source>Add this index</source>
        <translation>Diesen Index hinzufügen</translation>
    </message>
    <message>
        <source>The index holds keys only: other attributes need a GetItem per item.</source>
        <translation>Der Index enthält nur Schlüssel: andere Attribute brauchen ein GetItem je Element.</translation>
    </message>
    <message>
        <source>Add global index %1</source>
        <translation>Globalen Index %1 hinzufügen</translation>
    </message>
    <message>
        <source>Descending</source>
        <translation>Absteigend</translation>
    </message>
</context>
<context>
    <name>dd::ui::BucketPicker</name>
    <message>
        <source>Bucket name, e.g. my-exports</source>
        <translation>Bucket-Name, z. B. my-exports</translation>
    </message>
    <message>
        <source>&amp;New bucket…</source>
        <translation>&amp;Neuer Bucket…</translation>
    </message>
    <message>
        <source>Creates a local bucket: a folder in the folder of the local buckets</source>
        <translation>Legt einen lokalen Bucket an: einen Ordner im Ordner der lokalen Buckets</translation>
    </message>
    <message>
        <source>The local buckets: the folders of %1</source>
        <translation>Die lokalen Buckets: die Ordner in %1</translation>
    </message>
    <message>
        <source>Cannot create the bucket: %1</source>
        <translation>Der Bucket kann nicht angelegt werden: %1</translation>
    </message>
    <message>
        <source>New bucket</source>
        <translation>Neuer Bucket</translation>
    </message>
    <message>
        <source>Name of the new local bucket (3 to 63 characters: lower-case letters, digits, dots and hyphens):</source>
        <translation>Name des neuen lokalen Buckets (3 bis 63 Zeichen: Kleinbuchstaben, Ziffern, Punkte und Bindestriche):</translation>
    </message>
</context>
<context>
    <name>dd::ui::ClusterMetricsPanel</name>
    <message>
        <source>Metrics</source>
        <translation>Metriken</translation>
    </message>
    <message>
        <source>Select a cluster to see its caches at work.</source>
        <translation>Wählen Sie einen Cluster, um seine Caches bei der Arbeit zu sehen.</translation>
    </message>
    <message>
        <source>Hits</source>
        <translation>Treffer</translation>
    </message>
    <message>
        <source>Misses</source>
        <translation>Fehlschläge</translation>
    </message>
    <message>
        <source>Hit ratio</source>
        <translation>Trefferquote</translation>
    </message>
    <message>
        <source>Item cache</source>
        <translation>Element-Cache</translation>
    </message>
    <message>
        <source>Query cache</source>
        <translation>Abfrage-Cache</translation>
    </message>
    <message>
        <source>Scan cache</source>
        <translation>Scan-Cache</translation>
    </message>
    <message>
        <source>Hits of GetItem and BatchGetItem keys, of all their eventually consistent reads</source>
        <translation>Treffer der Schlüssel von GetItem und BatchGetItem unter all ihren letztendlich konsistenten Lesevorgängen</translation>
    </message>
    <message>
        <source>Query responses served from the query cache</source>
        <translation>Query-Antworten, die aus dem Abfrage-Cache kamen</translation>
    </message>
    <message>
        <source>Scan responses served from the query cache</source>
        <translation>Scan-Antworten, die aus dem Abfrage-Cache kamen</translation>
    </message>
    <message>
        <source>Requests:</source>
        <translation>Anfragen:</translation>
    </message>
    <message>
        <source>Errors:</source>
        <translation>Fehler:</translation>
    </message>
    <message>
        <source>Cache size:</source>
        <translation>Cache-Größe:</translation>
    </message>
    <message>
        <source>Evicted:</source>
        <translation>Verdrängt:</translation>
    </message>
    <message>
        <source>Updated:</source>
        <translation>Aktualisiert:</translation>
    </message>
    <message>
        <source>Metrics of %1</source>
        <translation>Metriken von %1</translation>
    </message>
    <message>
        <source>Live metrics come from the embedded engine and dynamodesk-server. On AWS, DAX publishes them to Amazon CloudWatch (namespace AWS/DAX): see the cluster&apos;s Metrics tab in the AWS console.</source>
        <translation>Live-Metriken liefern die eingebettete Engine und dynamodesk-server. Bei AWS veröffentlicht DAX sie in Amazon CloudWatch (Namespace AWS/DAX): siehe den Reiter „Metriken“ des Clusters in der AWS-Konsole.</translation>
    </message>
    <message>
        <source>Reading the metrics…</source>
        <translation>Metriken werden gelesen…</translation>
    </message>
    <message>
        <source>This connection does not offer live DAX metrics (%1). On AWS, DAX publishes them to Amazon CloudWatch (namespace AWS/DAX).</source>
        <translation>Diese Verbindung bietet keine Live-Metriken von DAX (%1). Bei AWS veröffentlicht DAX sie in Amazon CloudWatch (Namespace AWS/DAX).</translation>
    </message>
    <message>
        <source>Cannot read the metrics: %1</source>
        <translation>Die Metriken können nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>%1 in all: %2 reads, %3 writes</source>
        <translation>%1 insgesamt: %2 Lesevorgänge, %3 Schreibvorgänge</translation>
    </message>
    <message>
        <source>%1 refused (ErrorRequestCount), %2 failed in DAX (FaultRequestCount)</source>
        <translation>%1 abgelehnt (ErrorRequestCount), %2 in DAX gescheitert (FaultRequestCount)</translation>
    </message>
    <message numerus="yes">
        <source>%1 in %n entries, %2 % of %3</source>
        <translation>
            <numerusform>%1 in %n Eintrag, %2 % von %3</numerusform>
            <numerusform>%1 in %n Einträgen, %2 % von %3</numerusform>
        </translation>
    </message>
    <message>
        <source>EstimatedDbSize, and CacheMemoryUtilization of the caches&apos; budget</source>
        <translation>EstimatedDbSize und CacheMemoryUtilization des Budgets der Caches</translation>
    </message>
    <message>
        <source>EvictedSize: bytes of entries dropped to make room (least recently used first)</source>
        <translation>EvictedSize: Bytes der Einträge, die für Platz verworfen wurden (die am längsten unbenutzten zuerst)</translation>
    </message>
</context>
<context>
    <name>dd::ui::Compaction</name>
    <message>
        <source>Compacting %1.db (%2 of %3)…</source>
        <translation>%1.db wird komprimiert (%2 von %3)…</translation>
    </message>
    <message>
        <source>%1.db: %2, then %3</source>
        <translation>%1.db: %2, danach %3</translation>
    </message>
    <message>
        <source>%1.db: left as it was (%2)</source>
        <translation>%1.db: unverändert gelassen (%2)</translation>
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
        <translation>Deren Version ü&amp;bernehmen</translation>
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
    <message>
        <source>Profile %1 has no access key</source>
        <translation>Profil %1 hat keinen Zugriffsschlüssel</translation>
    </message>
    <message>
        <source>%1, DAX cluster %2</source>
        <translation>%1, DAX-Cluster %2</translation>
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
        <translation>Durchsuc&amp;hen…</translation>
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
    <message>
        <source>none: local keys, for endpoints that check no signature</source>
        <translation>keines: lokale Schlüssel, für Endpunkte, die keine Signatur prüfen</translation>
    </message>
    <message>
        <source>The AWS profile whose access key signs the requests, for an endpoint that checks signatures (dynamodesk-server --auth)</source>
        <translation>Das AWS-Profil, dessen Zugriffsschlüssel die Anfragen signiert, für einen Endpunkt, der Signaturen prüft (dynamodesk-server --auth)</translation>
    </message>
    <message>
        <source>Keys from pro&amp;file:</source>
        <translation>Schlüssel aus Pro&amp;fil:</translation>
    </message>
    <message>
        <source>&amp;Encrypt the data folder (AES-256)</source>
        <translation>Datenordner v&amp;erschlüsseln (AES-256)</translation>
    </message>
    <message>
        <source>&amp;Passphrase:</source>
        <translation>&amp;Passphrase:</translation>
    </message>
    <message>
        <source>Con&amp;firm passphrase:</source>
        <translation>Passphrase &amp;wiederholen:</translation>
    </message>
    <message>
        <source>%1 already holds data in the clear. Connect without encryption, then choose Encrypt data folder… in the connection&apos;s menu.</source>
        <translation>%1 enthält bereits unverschlüsselte Daten. Verbinden Sie sich ohne Verschlüsselung und wählen Sie dann im Menü der Verbindung „Datenordner verschlüsseln…“.</translation>
    </message>
    <message>
        <source>Databases, logs and backups are written encrypted. The passphrase is not saved: it is asked for when the folder opens. Without it the data cannot be read; nobody can recover it.</source>
        <translation>Datenbanken, Protokolle und Sicherungen werden verschlüsselt geschrieben. Die Passphrase wird nicht gespeichert: Sie wird beim Öffnen des Ordners abgefragt. Ohne sie lassen sich die Daten nicht lesen; niemand kann sie wiederherstellen.</translation>
    </message>
    <message>
        <source>us-east-1</source>
        <translation>us-east-1</translation>
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
        <source>&amp;Edit table…</source>
        <translation>Tabelle &amp;bearbeiten…</translation>
    </message>
    <message>
        <source>Backups and &amp;history</source>
        <translation>Sicherungen und &amp;Verlauf</translation>
    </message>
    <message>
        <source>Co&amp;mpact data folder…</source>
        <translation>Datenordner ko&amp;mprimieren…</translation>
    </message>
    <message>
        <source>&amp;PartiQL editor…</source>
        <translation>&amp;PartiQL-Editor…</translation>
    </message>
    <message>
        <source>Global table, also in: %1</source>
        <translation>Globale Tabelle, auch in: %1</translation>
    </message>
    <message>
        <source>&amp;Global table…</source>
        <translation>&amp;Globale Tabelle…</translation>
    </message>
    <message>
        <source>E&amp;xport to S3…</source>
        <translation>Nach S3 e&amp;xportieren…</translation>
    </message>
    <message>
        <source>&amp;Import from S3…</source>
        <translation>Aus S3 &amp;importieren…</translation>
    </message>
    <message>
        <source>E&amp;xports and imports…</source>
        <translation>E&amp;xporte und Importe…</translation>
    </message>
    <message>
        <source>Encrypted at rest (AES-256)</source>
        <translation>Verschlüsselt gespeichert (AES-256)</translation>
    </message>
    <message>
        <source>Change p&amp;assphrase…</source>
        <translation>Pass&amp;phrase ändern…</translation>
    </message>
    <message>
        <source>Decr&amp;ypt data folder…</source>
        <translation>Datenordner en&amp;tschlüsseln…</translation>
    </message>
    <message>
        <source>Encr&amp;ypt data folder…</source>
        <translation>Datenordner v&amp;erschlüsseln…</translation>
    </message>
    <message>
        <source>Cop&amp;y table to…</source>
        <translation>Tabelle kopie&amp;ren nach…</translation>
    </message>
    <message>
        <source>Encryption: %1</source>
        <translation>Verschlüsselung: %1</translation>
    </message>
    <message>
        <source>Resource po&amp;licy…</source>
        <translation>Ressourcenric&amp;htlinie…</translation>
    </message>
    <message>
        <source>Partition key: %1</source>
        <translation>Partitionsschlüssel: %1</translation>
    </message>
    <message>
        <source>Sort key: %1</source>
        <translation>Sortierschlüssel: %1</translation>
    </message>
    <message>
        <source>Contri&amp;butor insights</source>
        <translation>&amp;Contributor Insights</translation>
    </message>
    <message>
        <source>%1
Cannot describe the table: %2</source>
        <translation>%1
Die Tabelle kann nicht beschrieben werden: %2</translation>
    </message>
</context>
<context>
    <name>dd::ui::ContributorChart</name>
    <message>
        <source>%1 per minute</source>
        <translation>%1 pro Minute</translation>
    </message>
    <message>
        <source>no requests to the top keys</source>
        <translation>keine Anfragen an die Top-Schlüssel</translation>
    </message>
</context>
<context>
    <name>dd::ui::ContributorInsightsView</name>
    <message>
        <source>Table %1</source>
        <translation>Tabelle %1</translation>
    </message>
    <message>
        <source>Contributor Insights is enabled for the table and for each global secondary index on its own</source>
        <translation>Contributor Insights wird für die Tabelle und für jeden globalen sekundären Index einzeln aktiviert</translation>
    </message>
    <message>
        <source>Accessed and throttled keys</source>
        <translation>Zugegriffene und gedrosselte Schlüssel</translation>
    </message>
    <message>
        <source>Throttled keys only</source>
        <translation>Nur gedrosselte Schlüssel</translation>
    </message>
    <message>
        <source>What Contributor Insights records once enabled</source>
        <translation>Was Contributor Insights nach dem Aktivieren aufzeichnet</translation>
    </message>
    <message>
        <source>&amp;Enable</source>
        <translation>&amp;Aktivieren</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>Aktualisie&amp;ren</translation>
    </message>
    <message>
        <source>Last 5 minutes</source>
        <translation>Letzte 5 Minuten</translation>
    </message>
    <message>
        <source>Last 15 minutes</source>
        <translation>Letzte 15 Minuten</translation>
    </message>
    <message>
        <source>Last hour</source>
        <translation>Letzte Stunde</translation>
    </message>
    <message>
        <source>Last 24 hours</source>
        <translation>Letzte 24 Stunden</translation>
    </message>
    <message>
        <source>&amp;Target:</source>
        <translation>&amp;Ziel:</translation>
    </message>
    <message>
        <source>R&amp;ule:</source>
        <translation>Re&amp;gel:</translation>
    </message>
    <message>
        <source>R&amp;ange:</source>
        <translation>Zei&amp;traum:</translation>
    </message>
    <message>
        <source>Contributor Insights is being enabled for %1</source>
        <translation>Contributor Insights wird für %1 aktiviert</translation>
    </message>
    <message>
        <source>Contributor Insights is being disabled for %1</source>
        <translation>Contributor Insights wird für %1 deaktiviert</translation>
    </message>
    <message>
        <source>Cannot enable Contributor Insights: %1</source>
        <translation>Contributor Insights kann nicht aktiviert werden: %1</translation>
    </message>
    <message>
        <source>Cannot disable Contributor Insights: %1</source>
        <translation>Contributor Insights kann nicht deaktiviert werden: %1</translation>
    </message>
    <message>
        <source>Cannot read the table: %1</source>
        <translation>Die Tabelle kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>Cannot read the Contributor Insights status: %1</source>
        <translation>Der Status von Contributor Insights kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>Index %1</source>
        <translation>Index %1</translation>
    </message>
    <message>
        <source>Most accessed partition keys</source>
        <translation>Meistgenutzte Partitionsschlüssel</translation>
    </message>
    <message>
        <source>Most accessed items (partition and sort key)</source>
        <translation>Meistgenutzte Elemente (Partitions- und Sortierschlüssel)</translation>
    </message>
    <message>
        <source>Most throttled partition keys</source>
        <translation>Am häufigsten gedrosselte Partitionsschlüssel</translation>
    </message>
    <message>
        <source>Most throttled items (partition and sort key)</source>
        <translation>Am häufigsten gedrosselte Elemente (Partitions- und Sortierschlüssel)</translation>
    </message>
    <message>
        <source>throttle events</source>
        <translation>Drosselungen</translation>
    </message>
    <message>
        <source>capacity units</source>
        <translation>Kapazitätseinheiten</translation>
    </message>
    <message>
        <source>enabled</source>
        <translation>aktiviert</translation>
    </message>
    <message>
        <source>enabling…</source>
        <translation>wird aktiviert…</translation>
    </message>
    <message>
        <source>disabled</source>
        <translation>deaktiviert</translation>
    </message>
    <message>
        <source>disabling…</source>
        <translation>wird deaktiviert…</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <source>Contributor Insights: %1</source>
        <translation>Contributor Insights: %1</translation>
    </message>
    <message>
        <source> (throttled keys only)</source>
        <translation> (nur gedrosselte Schlüssel)</translation>
    </message>
    <message>
        <source> (accessed and throttled keys)</source>
        <translation> (zugegriffene und gedrosselte Schlüssel)</translation>
    </message>
    <message>
        <source>, changed %1</source>
        <translation>, geändert %1</translation>
    </message>
    <message>
        <source>CloudWatch rules: %1</source>
        <translation>CloudWatch-Regeln: %1</translation>
    </message>
    <message>
        <source>This endpoint does not offer Dynamodesk&apos;s report of the top keys. The graphs of this connection&apos;s tables are in CloudWatch Contributor Insights: the CloudWatch console, or aws cloudwatch get-insight-rule-report with the rule names above. Enabling and disabling work here as usual.</source>
        <translation>Dieser Endpunkt bietet den Bericht der Top-Schlüssel von Dynamodesk nicht an. Die Diagramme der Tabellen dieser Verbindung finden Sie in CloudWatch Contributor Insights: in der CloudWatch-Konsole oder mit aws cloudwatch get-insight-rule-report und den Regelnamen oben. Aktivieren und Deaktivieren funktionieren hier wie gewohnt.</translation>
    </message>
    <message>
        <source>Contributor Insights is off for this target. Enable it to record the most accessed and throttled keys minute by minute; Dynamodesk keeps the last 24 hours while it stays on.</source>
        <translation>Contributor Insights ist für dieses Ziel ausgeschaltet. Aktivieren Sie es, um die meistgenutzten und gedrosselten Schlüssel Minute für Minute aufzuzeichnen; Dynamodesk behält die letzten 24 Stunden, solange es aktiviert bleibt.</translation>
    </message>
    <message>
        <source>Cannot read the top keys: %1</source>
        <translation>Die Top-Schlüssel können nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>Dynamodesk does not throttle requests, so the most throttled keys stay empty locally. On AWS this rule shows the keys whose requests were throttled.</source>
        <translation>Dynamodesk drosselt keine Anfragen, daher bleiben die am häufigsten gedrosselten Schlüssel lokal leer. Bei AWS zeigt diese Regel die Schlüssel, deren Anfragen gedrosselt wurden.</translation>
    </message>
    <message>
        <source>Nothing recorded in this range yet.</source>
        <translation>In diesem Zeitraum wurde noch nichts aufgezeichnet.</translation>
    </message>
    <message numerus="yes">
        <source>%1 %2 in this range from about %Ln key(s)</source>
        <translation>
            <numerusform>%1 %2 in diesem Zeitraum von etwa %Ln Schlüssel</numerusform>
            <numerusform>%1 %2 in diesem Zeitraum von etwa %Ln Schlüsseln</numerusform>
        </translation>
    </message>
    <message>
        <source>the table %1</source>
        <translation>die Tabelle %1</translation>
    </message>
    <message>
        <source>the index %1 of %2</source>
        <translation>den Index %1 von %2</translation>
    </message>
    <message>
        <source>Disable Contributor Insights</source>
        <translation>Contributor Insights deaktivieren</translation>
    </message>
    <message>
        <source>Disable Contributor Insights for %1? The minutes recorded so far are dropped.</source>
        <translation>Contributor Insights für %1 deaktivieren? Die bisher aufgezeichneten Minuten werden verworfen.</translation>
    </message>
    <message>
        <source>Disable</source>
        <translation>Deaktivieren</translation>
    </message>
    <message>
        <source>&amp;Disable</source>
        <translation>&amp;Deaktivieren</translation>
    </message>
    <message>
        <source>Stop recording the most accessed and throttled keys of this target</source>
        <translation>Die Aufzeichnung der meistgenutzten und gedrosselten Schlüssel dieses Ziels beenden</translation>
    </message>
    <message>
        <source>Record the most accessed and throttled keys of this target, minute by minute</source>
        <translation>Die meistgenutzten und gedrosselten Schlüssel dieses Ziels Minute für Minute aufzeichnen</translation>
    </message>
</context>
<context>
    <name>dd::ui::ContributorsModel</name>
    <message>
        <source>capacity units</source>
        <translation>Kapazitätseinheiten</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Schlüssel</translation>
    </message>
    <message>
        <source>Total (%1)</source>
        <translation>Summe (%1)</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>Anteil</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
</context>
<context>
    <name>dd::ui::CopyAsButton</name>
    <message>
        <source>Copy as AWS CLI command</source>
        <translation>Als AWS-CLI-Befehl kopieren</translation>
    </message>
    <message>
        <source>Copy as Python (boto3)</source>
        <translation>Als Python (boto3) kopieren</translation>
    </message>
    <message>
        <source>Copy as JavaScript (AWS SDK v3)</source>
        <translation>Als JavaScript (AWS SDK v3) kopieren</translation>
    </message>
    <message>
        <source>Copy as AWS CLI command (the arrow: as Python or JavaScript code)</source>
        <translation>Als AWS-CLI-Befehl kopieren (der Pfeil: als Python- oder JavaScript-Code)</translation>
    </message>
    <message>
        <source>Copied the AWS CLI command</source>
        <translation>AWS-CLI-Befehl kopiert</translation>
    </message>
    <message>
        <source>Copied the Python (boto3) code</source>
        <translation>Python-Code (boto3) kopiert</translation>
    </message>
    <message>
        <source>Copied the JavaScript (AWS SDK v3) code</source>
        <translation>JavaScript-Code (AWS SDK v3) kopiert</translation>
    </message>
</context>
<context>
    <name>dd::ui::CreateClusterDialog</name>
    <message>
        <source>Create DAX cluster: %1</source>
        <translation>DAX-Cluster erstellen: %1</translation>
    </message>
    <message>
        <source>e.g. orders-cache</source>
        <translation>z. B. orders-cache</translation>
    </message>
    <message>
        <source>1 to 20 letters, digits and hyphens, starting with a letter; no two hyphens in a row and none at the end. DAX stores the name in lower case.</source>
        <translation>1 bis 20 Buchstaben, Ziffern und Bindestriche, beginnend mit einem Buchstaben; keine zwei Bindestriche hintereinander und keiner am Ende. DAX speichert den Namen in Kleinbuchstaben.</translation>
    </message>
    <message>
        <source>%1 (%2 GiB)</source>
        <translation>%1 (%2 GiB)</translation>
    </message>
    <message>
        <source>A local cluster&apos;s caches use at most the engine&apos;s limit, whatever the node&apos;s memory</source>
        <translation>Die Caches eines lokalen Clusters nutzen höchstens das Limit der Engine, unabhängig vom Speicher des Knotens</translation>
    </message>
    <message>
        <source>Nodes in the cluster: one primary and up to ten read replicas (AWS recommends three or more for production)</source>
        <translation>Knoten im Cluster: ein primärer und bis zu zehn Lesereplikate (AWS empfiehlt für die Produktion drei oder mehr)</translation>
    </message>
    <message>
        <source>The parameter group sets the item and query caches&apos; TTLs</source>
        <translation>Die Parametergruppe legt die TTLs des Element- und des Abfrage-Caches fest</translation>
    </message>
    <message>
        <source>The role DAX assumes to reach your tables; on AWS it must exist and trust dax.amazonaws.com</source>
        <translation>Die Rolle, die DAX annimmt, um Ihre Tabellen zu erreichen; bei AWS muss sie existieren und dax.amazonaws.com vertrauen</translation>
    </message>
    <message>
        <source>Optional</source>
        <translation>Optional</translation>
    </message>
    <message>
        <source>Cluster &amp;name:</source>
        <translation>Cluster&amp;name:</translation>
    </message>
    <message>
        <source>Node &amp;type:</source>
        <translation>Knoten&amp;typ:</translation>
    </message>
    <message>
        <source>&amp;Parameter group:</source>
        <translation>&amp;Parametergruppe:</translation>
    </message>
    <message>
        <source>&amp;IAM role ARN:</source>
        <translation>&amp;IAM-Rollen-ARN:</translation>
    </message>
    <message>
        <source>&amp;Description:</source>
        <translation>&amp;Beschreibung:</translation>
    </message>
    <message>
        <source>&amp;Create</source>
        <translation>&amp;Erstellen</translation>
    </message>
    <message>
        <source>Dax.CreateCluster</source>
        <translation>Dax.CreateCluster</translation>
    </message>
    <message>
        <source>Cannot list the parameter groups: %1</source>
        <translation>Die Parametergruppen können nicht aufgelistet werden: %1</translation>
    </message>
    <message>
        <source>Creating cluster %1…</source>
        <translation>Cluster %1 wird erstellt…</translation>
    </message>
    <message>
        <source>DAX refused the cluster: %1</source>
        <translation>DAX hat den Cluster abgelehnt: %1</translation>
    </message>
    <message>
        <source>N&amp;odes:</source>
        <translation>&amp;Knoten:</translation>
    </message>
</context>
<context>
    <name>dd::ui::DaxClustersDialog</name>
    <message>
        <source>DAX clusters: %1</source>
        <translation>DAX-Cluster: %1</translation>
    </message>
    <message>
        <source>Cluster</source>
        <translation>Cluster</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Node type</source>
        <translation>Knotentyp</translation>
    </message>
    <message>
        <source>Nodes</source>
        <translation>Knoten</translation>
    </message>
    <message>
        <source>Parameter group</source>
        <translation>Parametergruppe</translation>
    </message>
    <message>
        <source>Endpoint</source>
        <translation>Endpunkt</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Aktualisieren</translation>
    </message>
    <message>
        <source>Dax.DescribeClusters and Dax.DescribeParameterGroups again</source>
        <translation>Dax.DescribeClusters und Dax.DescribeParameterGroups erneut</translation>
    </message>
    <message>
        <source>&amp;Create…</source>
        <translation>&amp;Erstellen…</translation>
    </message>
    <message>
        <source>Creates a DAX cluster (Dax.CreateCluster)</source>
        <translation>Erstellt einen DAX-Cluster (Dax.CreateCluster)</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>&amp;Löschen…</translation>
    </message>
    <message>
        <source>Deletes the selected cluster and its caches (Dax.DeleteCluster); the tables are not touched</source>
        <translation>Löscht den gewählten Cluster und seine Caches (Dax.DeleteCluster); die Tabellen bleiben unberührt</translation>
    </message>
    <message>
        <source>&amp;Open table through cluster…</source>
        <translation>Tabelle über Cluster ö&amp;ffnen…</translation>
    </message>
    <message>
        <source>C&amp;lusters</source>
        <translation>&amp;Cluster</translation>
    </message>
    <message>
        <source>&amp;Parameter groups</source>
        <translation>&amp;Parametergruppen</translation>
    </message>
    <message>
        <source>This endpoint does not offer DAX (%1). The embedded engine, dynamodesk-server and AWS do.</source>
        <translation>Dieser Endpunkt bietet kein DAX (%1). Die eingebettete Engine, dynamodesk-server und AWS bieten es.</translation>
    </message>
    <message>
        <source>Cannot list the DAX clusters: %1</source>
        <translation>Die DAX-Cluster können nicht aufgelistet werden: %1</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message>
        <source>Active nodes of the cluster&apos;s nodes</source>
        <translation>Aktive Knoten unter den Knoten des Clusters</translation>
    </message>
    <message>
        <source>Any DynamoDB client (AWS CLI, SDK) reaches the cluster&apos;s caches at this URL while the database is served (Table ▸ Serve on 127.0.0.1)</source>
        <translation>Jeder DynamoDB-Client (AWS CLI, SDK) erreicht die Caches des Clusters unter dieser URL, während die Datenbank bereitgestellt wird (Tabelle ▸ Auf 127.0.0.1 bereitstellen)</translation>
    </message>
    <message>
        <source>Created cluster %1 (%2).</source>
        <translation>Cluster %1 erstellt (%2).</translation>
    </message>
    <message>
        <source>Delete DAX cluster</source>
        <translation>DAX-Cluster löschen</translation>
    </message>
    <message>
        <source>Delete DAX cluster %1? Its caches go; the tables are not touched. Programs using its endpoint get errors from then on.</source>
        <translation>DAX-Cluster %1 löschen? Seine Caches verschwinden; die Tabellen bleiben unberührt. Programme, die seinen Endpunkt nutzen, erhalten ab dann Fehler.</translation>
    </message>
    <message>
        <source>Deleting cluster %1…</source>
        <translation>Cluster %1 wird gelöscht…</translation>
    </message>
    <message>
        <source>DAX refused to delete the cluster: %1</source>
        <translation>DAX hat das Löschen des Clusters abgelehnt: %1</translation>
    </message>
    <message>
        <source>Cluster %1 is %2.</source>
        <translation>Cluster %1 ist %2.</translation>
    </message>
    <message>
        <source>Listing the tables…</source>
        <translation>Tabellen werden aufgelistet…</translation>
    </message>
    <message>
        <source>Cannot list the tables: %1</source>
        <translation>Die Tabellen können nicht aufgelistet werden: %1</translation>
    </message>
    <message>
        <source>%1 has no tables to open.</source>
        <translation>%1 hat keine Tabellen zum Öffnen.</translation>
    </message>
    <message>
        <source>Open table through cluster %1</source>
        <translation>Tabelle über Cluster %1 öffnen</translation>
    </message>
    <message>
        <source>Table to browse through DAX cluster %1:</source>
        <translation>Tabelle, die über den DAX-Cluster %1 durchsucht werden soll:</translation>
    </message>
    <message>
        <source>This connection cannot send requests through a DAX cluster.</source>
        <translation>Diese Verbindung kann keine Anfragen über einen DAX-Cluster senden.</translation>
    </message>
    <message>
        <source>Opened %1 through cluster %2.</source>
        <translation>%1 über Cluster %2 geöffnet.</translation>
    </message>
    <message>
        <source>Browses a table with its item operations sent through the selected cluster, so that its caches answer the reads</source>
        <translation>Durchsucht eine Tabelle, deren Elementoperationen über den gewählten Cluster gehen, sodass seine Caches die Lesevorgänge beantworten</translation>
    </message>
    <message>
        <source>AWS&apos;s DAX clusters speak their own protocol inside their VPC: Dynamodesk cannot send requests through them</source>
        <translation>Die DAX-Cluster von AWS sprechen ein eigenes Protokoll innerhalb ihrer VPC: Dynamodesk kann keine Anfragen über sie senden</translation>
    </message>
    <message numerus="yes">
        <source>%n cluster(s).</source>
        <translation>
            <numerusform>%n Cluster.</numerusform>
            <numerusform>%n Cluster.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>dd::ui::DaxTableWindow</name>
    <message>
        <source>%1 through DAX cluster %2 — %3</source>
        <translation>%1 über DAX-Cluster %2 — %3</translation>
    </message>
    <message>
        <source>Items are read and written through DAX cluster %1. Its item and query caches answer eventually consistent reads, so a change made around the cluster (in the main window, or by another program) shows here only when its TTL ends; writes made here go through the cluster and are seen at once by GetItem, but not by a Scan or Query it has cached. Tick Consistent read to read the table itself.</source>
        <translation>Elemente werden über den DAX-Cluster %1 gelesen und geschrieben. Sein Element- und sein Abfrage-Cache beantworten letztendlich konsistente Lesevorgänge, daher erscheint eine am Cluster vorbei gemachte Änderung (im Hauptfenster oder durch ein anderes Programm) hier erst, wenn ihre TTL abläuft; hier gemachte Schreibvorgänge gehen über den Cluster und sind für GetItem sofort sichtbar, nicht aber für einen Scan oder eine Query, die er zwischengespeichert hat. Kreuzen Sie „Konsistentes Lesen“ an, um die Tabelle selbst zu lesen.</translation>
    </message>
</context>
<context>
    <name>dd::ui::EncryptionChange</name>
    <message>
        <source>Changing the passphrase…</source>
        <translation>Passphrase wird geändert…</translation>
    </message>
    <message>
        <source>Encrypting %1 (%2 of %3)…</source>
        <translation>%1 wird verschlüsselt (%2 von %3)…</translation>
    </message>
    <message>
        <source>Decrypting %1 (%2 of %3)…</source>
        <translation>%1 wird entschlüsselt (%2 von %3)…</translation>
    </message>
</context>
<context>
    <name>dd::ui::EncryptionPicker</name>
    <message>
        <source>Owned by Amazon DynamoDB</source>
        <translation>Im Besitz von Amazon DynamoDB</translation>
    </message>
    <message>
        <source>AWS managed key (aws/dynamodb)</source>
        <translation>Von AWS verwalteter Schlüssel (aws/dynamodb)</translation>
    </message>
    <message>
        <source>Customer managed key (AWS KMS)</source>
        <translation>Kundenverwalteter Schlüssel (AWS KMS)</translation>
    </message>
    <message>
        <source>The AWS KMS key that encrypts the table at rest; every table is encrypted</source>
        <translation>Der AWS-KMS-Schlüssel, der die Tabelle im Ruhezustand verschlüsselt; jede Tabelle ist verschlüsselt</translation>
    </message>
    <message>
        <source>KMS key id, key ARN, alias name or alias ARN</source>
        <translation>KMS-Schlüssel-ID, Schlüssel-ARN, Aliasname oder Alias-ARN</translation>
    </message>
    <message>
        <source>e.g. alias/orders-key or arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab</source>
        <translation>z. B. alias/orders-key oder arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab</translation>
    </message>
</context>
<context>
    <name>dd::ui::EncryptionPrompts</name>
    <message>
        <source>Encrypted data folder</source>
        <translation>Verschlüsselter Datenordner</translation>
    </message>
    <message>
        <source>The data folder %1 is encrypted. Enter its passphrase to open %2.</source>
        <translation>Der Datenordner %1 ist verschlüsselt. Geben Sie seine Passphrase ein, um %2 zu öffnen.</translation>
    </message>
    <message>
        <source>This passphrase does not open %1. Try again.</source>
        <translation>Diese Passphrase öffnet %1 nicht. Versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>Encrypt data folder</source>
        <translation>Datenordner verschlüsseln</translation>
    </message>
    <message>
        <source>Encrypting rewrites every database, backup and snapshot in %1 encrypted (AES-256). It closes %2 and its tabs first and opens it again when it is done.

The passphrase you choose next is never saved. Without it the data cannot be read: nobody can recover a forgotten passphrase.</source>
        <translation>Beim Verschlüsseln wird jede Datenbank, Sicherung und Momentaufnahme in %1 verschlüsselt neu geschrieben (AES-256). Dazu wird %2 mit seinen Tabs zuerst geschlossen und danach wieder geöffnet.

Die Passphrase, die Sie als Nächstes wählen, wird nie gespeichert. Ohne sie lassen sich die Daten nicht lesen: Eine vergessene Passphrase kann niemand wiederherstellen.</translation>
    </message>
    <message>
        <source>Choose the passphrase that will open %1.</source>
        <translation>Wählen Sie die Passphrase, die %1 öffnen wird.</translation>
    </message>
    <message>
        <source>&amp;Encrypt…</source>
        <translation>&amp;Verschlüsseln…</translation>
    </message>
    <message>
        <source>Change passphrase</source>
        <translation>Passphrase ändern</translation>
    </message>
    <message>
        <source>Choose the new passphrase of %1. Only its key file is rewritten, not the data; %2 closes and opens again meanwhile.</source>
        <translation>Wählen Sie die neue Passphrase von %1. Nur die Schlüsseldatei wird neu geschrieben, nicht die Daten; %2 wird dazu geschlossen und wieder geöffnet.</translation>
    </message>
    <message>
        <source>Decrypt data folder</source>
        <translation>Datenordner entschlüsseln</translation>
    </message>
    <message>
        <source>Decrypting writes every database, backup and snapshot in %1 to disk in the clear: anyone who can read the folder can then read the data. It closes %2 and its tabs first and opens it again when it is done.

Decrypt now?</source>
        <translation>Beim Entschlüsseln wird jede Datenbank, Sicherung und Momentaufnahme in %1 unverschlüsselt auf die Festplatte geschrieben: Wer den Ordner lesen kann, kann dann auch die Daten lesen. Dazu wird %2 mit seinen Tabs zuerst geschlossen und danach wieder geöffnet.

Jetzt entschlüsseln?</translation>
    </message>
    <message>
        <source>&amp;Decrypt</source>
        <translation>&amp;Entschlüsseln</translation>
    </message>
    <message>
        <source>Enter the current passphrase of %1.</source>
        <translation>Geben Sie die aktuelle Passphrase von %1 ein.</translation>
    </message>
</context>
<context>
    <name>dd::ui::ExportDialog</name>
    <message>
        <source>Export to S3: %1</source>
        <translation>Nach S3 exportieren: %1</translation>
    </message>
    <message>
        <source>Writes the items of table %1 into an S3 bucket as DynamoDB does: under &lt;prefix&gt;/AWSDynamoDB/&lt;export id&gt;/, with its data files and manifests. The table is not changed.</source>
        <translation>Schreibt die Elemente der Tabelle %1 so in einen S3-Bucket, wie DynamoDB es tut: unter &lt;prefix&gt;/AWSDynamoDB/&lt;export id&gt;/, mit Datendateien und Manifesten. Die Tabelle bleibt unverändert.</translation>
    </message>
    <message>
        <source>Exports read the table&apos;s point-in-time recovery history, which is off for %1. Turn it on to export (it keeps 35 days of changes; on AWS it is billed by the table&apos;s size).</source>
        <translation>Exporte lesen den Verlauf der Point-in-Time-Wiederherstellung der Tabelle, die für %1 aus ist. Schalten Sie sie ein, um zu exportieren (sie behält 35 Tage an Änderungen; bei AWS wird sie nach der Größe der Tabelle abgerechnet).</translation>
    </message>
    <message>
        <source>UpdateContinuousBackups with PointInTimeRecoveryEnabled true</source>
        <translation>UpdateContinuousBackups mit PointInTimeRecoveryEnabled true</translation>
    </message>
    <message>
        <source>Optional, e.g. exports/orders</source>
        <translation>Optional, z. B. exports/orders</translation>
    </message>
    <message>
        <source>DynamoDB JSON</source>
        <translation>DynamoDB-JSON</translation>
    </message>
    <message>
        <source>Amazon Ion</source>
        <translation>Amazon Ion</translation>
    </message>
    <message>
        <source>&amp;Full export</source>
        <translation>&amp;Vollständiger Export</translation>
    </message>
    <message>
        <source>Every item of the table as it was at the export time</source>
        <translation>Jedes Element der Tabelle, wie es zum Exportzeitpunkt war</translation>
    </message>
    <message>
        <source>&amp;Incremental export</source>
        <translation>&amp;Inkrementeller Export</translation>
    </message>
    <message>
        <source>The items that changed between two times (15 minutes to 24 hours apart, inside the recovery window)</source>
        <translation>Die Elemente, die sich zwischen zwei Zeitpunkten geändert haben (15 Minuten bis 24 Stunden auseinander, innerhalb des Wiederherstellungsfensters)</translation>
    </message>
    <message>
        <source>&amp;At:</source>
        <translation>&amp;Um:</translation>
    </message>
    <message>
        <source>Local time; DynamoDB exports the table as it was then (inside the point-in-time recovery window)</source>
        <translation>Ortszeit; DynamoDB exportiert die Tabelle, wie sie damals war (innerhalb des Fensters der Point-in-Time-Wiederherstellung)</translation>
    </message>
    <message>
        <source>New and old images</source>
        <translation>Neue und alte Abbilder</translation>
    </message>
    <message>
        <source>New images only</source>
        <translation>Nur neue Abbilder</translation>
    </message>
    <message>
        <source>S3 &amp;bucket:</source>
        <translation>S3-&amp;Bucket:</translation>
    </message>
    <message>
        <source>S3 &amp;prefix:</source>
        <translation>S3-&amp;Präfix:</translation>
    </message>
    <message>
        <source>F&amp;ormat:</source>
        <translation>&amp;Format:</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>Bi&amp;s:</translation>
    </message>
    <message>
        <source>&amp;View:</source>
        <translation>&amp;Ansicht:</translation>
    </message>
    <message>
        <source>Reading the table…</source>
        <translation>Tabelle wird gelesen…</translation>
    </message>
    <message>
        <source>Shows the export&apos;s files in the local bucket&apos;s folder</source>
        <translation>Zeigt die Dateien des Exports im Ordner des lokalen Buckets</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>&amp;Exportieren</translation>
    </message>
    <message>
        <source>ExportTableToPointInTime</source>
        <translation>ExportTableToPointInTime</translation>
    </message>
    <message>
        <source>Cannot read table %1: %2</source>
        <translation>Tabelle %1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>Cannot read the point-in-time recovery status: %1</source>
        <translation>Der Zustand der Point-in-Time-Wiederherstellung kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>Cannot turn on point-in-time recovery: %1</source>
        <translation>Die Point-in-Time-Wiederherstellung kann nicht eingeschaltet werden: %1</translation>
    </message>
    <message>
        <source>Turning on point-in-time recovery…</source>
        <translation>Point-in-Time-Wiederherstellung wird eingeschaltet…</translation>
    </message>
    <message>
        <source>Starting the export…</source>
        <translation>Export wird gestartet…</translation>
    </message>
    <message>
        <source>DynamoDB refused the export: %1</source>
        <translation>DynamoDB hat den Export abgelehnt: %1</translation>
    </message>
    <message>
        <source>Cannot follow the export any more.</source>
        <translation>Der Export kann nicht mehr verfolgt werden.</translation>
    </message>
    <message>
        <source>Cannot read the export&apos;s status: %1</source>
        <translation>Der Zustand des Exports kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>Exporting %1 to s3://%2/… (%3)</source>
        <translation>%1 wird nach s3://%2/ exportiert… (%3)</translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) exported, %1 billed.
Manifest: %2</source>
        <translation>
            <numerusform>%n Element exportiert, %1 abgerechnet.
Manifest: %2</numerusform>
            <numerusform>%n Elemente exportiert, %1 abgerechnet.
Manifest: %2</numerusform>
        </translation>
    </message>
    <message>
        <source>Export failed (%1).</source>
        <translation>Export fehlgeschlagen (%1).</translation>
    </message>
    <message>
        <source>The export failed: %1: %2</source>
        <translation>Der Export ist fehlgeschlagen: %1: %2</translation>
    </message>
    <message>
        <source>Open fol&amp;der</source>
        <translation>Or&amp;dner öffnen</translation>
    </message>
    <message>
        <source>Export completed.</source>
        <translation>Export abgeschlossen.</translation>
    </message>
    <message>
        <source>T&amp;urn on point-in-time recovery</source>
        <translation>Point-in-Time-&amp;Wiederherstellung einschalten</translation>
    </message>
    <message>
        <source>No&amp;w</source>
        <translation>&amp;Jetzt</translation>
    </message>
    <message>
        <source>T&amp;ype:</source>
        <translation>Exportar&amp;t:</translation>
    </message>
    <message>
        <source>Export ti&amp;me:</source>
        <translation>Export&amp;zeitpunkt:</translation>
    </message>
    <message>
        <source>F&amp;rom:</source>
        <translation>V&amp;on:</translation>
    </message>
</context>
<context>
    <name>dd::ui::FilterRow</name>
    <message>
        <source>attribute or a.b[0]</source>
        <translation>Attribut oder a.b[0]</translation>
    </message>
    <message>
        <source>exists</source>
        <translation>existiert</translation>
    </message>
    <message>
        <source>not exists</source>
        <translation>existiert nicht</translation>
    </message>
    <message>
        <source>between</source>
        <translation>zwischen</translation>
    </message>
    <message>
        <source>in (a, b, …)</source>
        <translation>in (a, b, …)</translation>
    </message>
    <message>
        <source>begins with</source>
        <translation>beginnt mit</translation>
    </message>
    <message>
        <source>contains</source>
        <translation>enthält</translation>
    </message>
    <message>
        <source>Type of the value</source>
        <translation>Typ des Werts</translation>
    </message>
    <message>
        <source>value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>and</source>
        <translation>und</translation>
    </message>
    <message>
        <source>Remove this condition</source>
        <translation>Diese Bedingung entfernen</translation>
    </message>
    <message>
        <source>a, b, c</source>
        <translation>a, b, c</translation>
    </message>
    <message>
        <source>true or false</source>
        <translation>wahr oder falsch</translation>
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
    <message>
        <source>The backup %1 was not created: %2</source>
        <translation>Die Sicherung %1 wurde nicht erstellt: %2</translation>
    </message>
    <message numerus="yes">
        <source>%Ln item(s) now</source>
        <translation>
            <numerusform>jetzt %Ln Element</numerusform>
            <numerusform>jetzt %Ln Elemente</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancelled; no restore was started</source>
        <translation>Abgebrochen; es wurde keine Wiederherstellung gestartet</translation>
    </message>
</context>
<context>
    <name>dd::ui::ImportDialog</name>
    <message>
        <source>String (S)</source>
        <translation>Zeichenkette (S)</translation>
    </message>
    <message>
        <source>Number (N)</source>
        <translation>Zahl (N)</translation>
    </message>
    <message>
        <source>Binary (B)</source>
        <translation>Binär (B)</translation>
    </message>
    <message>
        <source>Import from S3: %1</source>
        <translation>Aus S3 importieren: %1</translation>
    </message>
    <message>
        <source>Creates a new table and loads it with every object under the key prefix, as DynamoDB&apos;s ImportTable does. Lines that are not valid items are counted and skipped.</source>
        <translation>Legt eine neue Tabelle an und lädt jedes Objekt unter dem Schlüsselpräfix hinein, wie ImportTable von DynamoDB. Zeilen, die keine gültigen Elemente sind, werden gezählt und übersprungen.</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <source>Optional, e.g. imports/orders/ (every object whose key starts with it)</source>
        <translation>Optional, z. B. imports/orders/ (jedes Objekt, dessen Schlüssel damit beginnt)</translation>
    </message>
    <message>
        <source>DynamoDB JSON</source>
        <translation>DynamoDB-JSON</translation>
    </message>
    <message>
        <source>Amazon Ion</source>
        <translation>Amazon Ion</translation>
    </message>
    <message>
        <source>CSV</source>
        <translation>CSV</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Keine</translation>
    </message>
    <message>
        <source>GZIP</source>
        <translation>GZIP</translation>
    </message>
    <message>
        <source>ZSTD</source>
        <translation>ZSTD</translation>
    </message>
    <message>
        <source>DynamoDB does not detect it: an export&apos;s data/ folder is GZIP</source>
        <translation>DynamoDB erkennt sie nicht selbst: der Ordner data/ eines Exports ist GZIP</translation>
    </message>
    <message>
        <source>Comma ( , )</source>
        <translation>Komma ( , )</translation>
    </message>
    <message>
        <source>Semicolon ( ; )</source>
        <translation>Semikolon ( ; )</translation>
    </message>
    <message>
        <source>Colon ( : )</source>
        <translation>Doppelpunkt ( : )</translation>
    </message>
    <message>
        <source>Pipe ( | )</source>
        <translation>Senkrechter Strich ( | )</translation>
    </message>
    <message>
        <source>Tab</source>
        <translation>Tabulator</translation>
    </message>
    <message>
        <source>Space</source>
        <translation>Leerzeichen</translation>
    </message>
    <message>
        <source>Optional: column names, comma-separated (then every line is data)</source>
        <translation>Optional: Spaltennamen, durch Kommas getrennt (dann ist jede Zeile Daten)</translation>
    </message>
    <message>
        <source>Without it, the first line of each file names the columns</source>
        <translation>Ohne sie benennt die erste Zeile jeder Datei die Spalten</translation>
    </message>
    <message>
        <source>S3 &amp;bucket:</source>
        <translation>S3-&amp;Bucket:</translation>
    </message>
    <message>
        <source>&amp;Key prefix:</source>
        <translation>Schlüssel&amp;präfix:</translation>
    </message>
    <message>
        <source>Input &amp;format:</source>
        <translation>Eingabe&amp;format:</translation>
    </message>
    <message>
        <source>&amp;Compression:</source>
        <translation>&amp;Kompression:</translation>
    </message>
    <message>
        <source>&amp;Delimiter:</source>
        <translation>&amp;Trennzeichen:</translation>
    </message>
    <message>
        <source>&amp;Header:</source>
        <translation>Kopf&amp;zeile:</translation>
    </message>
    <message>
        <source>New table</source>
        <translation>Neue Tabelle</translation>
    </message>
    <message>
        <source>3 to 255 characters: letters, digits, _ . -</source>
        <translation>3 bis 255 Zeichen: Buchstaben, Ziffern, _ . -</translation>
    </message>
    <message>
        <source>Attribute name</source>
        <translation>Attributname</translation>
    </message>
    <message>
        <source>Optional</source>
        <translation>Optional</translation>
    </message>
    <message>
        <source>Read:</source>
        <translation>Lesen:</translation>
    </message>
    <message>
        <source>Write:</source>
        <translation>Schreiben:</translation>
    </message>
    <message>
        <source>&amp;Table name:</source>
        <translation>Tabellen&amp;name:</translation>
    </message>
    <message>
        <source>&amp;Partition key:</source>
        <translation>Pa&amp;rtitionsschlüssel:</translation>
    </message>
    <message>
        <source>&amp;Sort key:</source>
        <translation>&amp;Sortierschlüssel:</translation>
    </message>
    <message>
        <source>&amp;Open table</source>
        <translation>Tabelle &amp;öffnen</translation>
    </message>
    <message>
        <source>Browse the imported table</source>
        <translation>Die importierte Tabelle durchsuchen</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>&amp;Importieren</translation>
    </message>
    <message>
        <source>ImportTable</source>
        <translation>ImportTable</translation>
    </message>
    <message>
        <source>Starting the import…</source>
        <translation>Import wird gestartet…</translation>
    </message>
    <message>
        <source>DynamoDB refused the import: %1</source>
        <translation>DynamoDB hat den Import abgelehnt: %1</translation>
    </message>
    <message>
        <source>Cannot follow the import any more.</source>
        <translation>Der Import kann nicht mehr verfolgt werden.</translation>
    </message>
    <message>
        <source>Cannot read the import&apos;s status: %1</source>
        <translation>Der Zustand des Imports kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>Importing into table %1… (%2)</source>
        <translation>Import in Tabelle %1… (%2)</translation>
    </message>
    <message>
        <source>nothing</source>
        <translation>nichts</translation>
    </message>
    <message>
        <source>Import failed (%1).</source>
        <translation>Import fehlgeschlagen (%1).</translation>
    </message>
    <message>
        <source>The import failed: %1</source>
        <translation>Der Import ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Some lines were not valid items (not JSON, no Item, a key missing or of the wrong type); the valid ones were imported and table %1 is ready.</source>
        <translation>Einige Zeilen waren keine gültigen Elemente (kein JSON, kein Item, ein Schlüssel fehlt oder hat den falschen Typ); die gültigen wurden importiert, und Tabelle %1 ist bereit.</translation>
    </message>
    <message>
        <source>There is no bucket of that name; no table was created.</source>
        <translation>Es gibt keinen Bucket dieses Namens; es wurde keine Tabelle angelegt.</translation>
    </message>
    <message>
        <source>The first lines refused:</source>
        <translation>Die ersten abgelehnten Zeilen:</translation>
    </message>
    <message>
        <source>Import completed: table %1 is ready.</source>
        <translation>Import abgeschlossen: Tabelle %1 ist bereit.</translation>
    </message>
    <message numerus="yes">
        <source>Processed %Ln item(s): %L1 imported, %L2 errors. Read: %3.</source>
        <translation>
            <numerusform>%Ln Element verarbeitet: %L1 importiert, %L2 Fehler. Gelesen: %3.</numerusform>
            <numerusform>%Ln Elemente verarbeitet: %L1 importiert, %L2 Fehler. Gelesen: %3.</numerusform>
        </translation>
    </message>
    <message>
        <source>On-demand billing (PAY_PER_REQUEST)</source>
        <translation>Abrechnung nach Bedarf (PAY_PER_REQUEST)</translation>
    </message>
    <message>
        <source>Bi&amp;lling:</source>
        <translation>Abrec&amp;hnung:</translation>
    </message>
    <message>
        <source>C&amp;apacity units:</source>
        <translation>K&amp;apazitätseinheiten:</translation>
    </message>
</context>
<context>
    <name>dd::ui::ImportJsonLines</name>
    <message>
        <source>Line %1</source>
        <translation>Zeile %1</translation>
    </message>
    <message>
        <source>Lines %1–%2</source>
        <translation>Zeilen %1–%2</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>not a JSON object</source>
        <translation>kein JSON-Objekt</translation>
    </message>
    <message>
        <source>an empty item</source>
        <translation>ein leeres Element</translation>
    </message>
    <message>
        <source>the item lacks the table&apos;s key (%1)</source>
        <translation>dem Element fehlt der Schlüssel der Tabelle (%1)</translation>
    </message>
    <message>
        <source>Item %1</source>
        <translation>Element %1</translation>
    </message>
    <message>
        <source>Items %1–%2</source>
        <translation>Elemente %1–%2</translation>
    </message>
    <message>
        <source>Not JSON Lines, nor a JSON document: %1 (at byte %2)</source>
        <translation>Weder JSON Lines noch ein JSON-Dokument: %1 (bei Byte %2)</translation>
    </message>
    <message>
        <source>A JSON document must be an array of items or have an &quot;Items&quot; array</source>
        <translation>Ein JSON-Dokument muss ein Array von Elementen sein oder ein Array &quot;Items&quot; haben</translation>
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
    <message>
        <source>Global (exists)</source>
        <translation>Global (vorhanden)</translation>
    </message>
    <message>
        <source>Global (new)</source>
        <translation>Global (neu)</translation>
    </message>
    <message>
        <source>DynamoDB</source>
        <translation>DynamoDB</translation>
    </message>
    <message>
        <source>Global secondary index: any partition and sort key, of up to four attributes each</source>
        <translation>Globaler sekundärer Index: beliebiger Partitions- und Sortierschlüssel aus je bis zu vier Attributen</translation>
    </message>
    <message>
        <source>Add a partition key attribute (a multi-attribute key: up to %1)</source>
        <translation>Partitionsschlüsselattribut hinzufügen (mehrteiliger Schlüssel: bis zu %1)</translation>
    </message>
    <message>
        <source>Add a sort key attribute (a multi-attribute key: up to %1)</source>
        <translation>Sortierschlüsselattribut hinzufügen (mehrteiliger Schlüssel: bis zu %1)</translation>
    </message>
    <message>
        <source>Sort key attribute %1</source>
        <translation>Sortierschlüsselattribut %1</translation>
    </message>
    <message>
        <source>Partition key attribute %1</source>
        <translation>Partitionsschlüsselattribut %1</translation>
    </message>
    <message>
        <source>Remove this key attribute</source>
        <translation>Dieses Schlüsselattribut entfernen</translation>
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
        <translation>Schreib&amp;weise:</translation>
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
    <message>
        <source>Checking that the item is unchanged…</source>
        <translation>Prüfe, ob das Element unverändert ist…</translation>
    </message>
    <message>
        <source>Reading the item before saving failed: %1</source>
        <translation>Das Element konnte vor dem Speichern nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>Delete item</source>
        <translation>Element löschen</translation>
    </message>
    <message>
        <source>Delete this item from %1? This cannot be undone.</source>
        <translation>Dieses Element aus %1 löschen? Das lässt sich nicht rückgängig machen.</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>Close without saving your changes to the item?</source>
        <translation>Schließen, ohne Ihre Änderungen am Element zu speichern?</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Verwerfen</translation>
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
        <source>%1: partition key attribute %2 of %3 of index %4 (%5)</source>
        <translation>%1: Partitionsschlüsselattribut %2 von %3 des Index %4 (%5)</translation>
    </message>
    <message>
        <source>%1: sort key attribute %2 of %3 of index %4 (%5)</source>
        <translation>%1: Sortierschlüsselattribut %2 von %3 des Index %4 (%5)</translation>
    </message>
    <message numerus="yes">
        <source>%Ln item(s)</source>
        <translation>
            <numerusform>%Ln Element</numerusform>
            <numerusform>%Ln Elemente</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln+ item(s)</source>
        <translation>
            <numerusform>%Ln+ Elemente</numerusform>
            <numerusform>%Ln+ Elemente</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>dd::ui::ItemTreeEditor</name>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Hinzufügen</translation>
    </message>
    <message>
        <source>Add an attribute or element to the selected map, list or set (Insert)</source>
        <translation>Ein Attribut oder Element zur gewählten Map, Liste oder Menge hinzufügen (Einfg)</translation>
    </message>
    <message>
        <source>Re&amp;move</source>
        <translation>Ent&amp;fernen</translation>
    </message>
    <message>
        <source>Remove the selected node (Delete)</source>
        <translation>Den gewählten Knoten entfernen (Entf)</translation>
    </message>
</context>
<context>
    <name>dd::ui::ItemTreeModel</name>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>attribute</source>
        <translation>attribut</translation>
    </message>
    <message>
        <source>attribute%1</source>
        <translation>attribut%1</translation>
    </message>
    <message>
        <source>An attribute name must not be empty</source>
        <translation>Ein Attributname darf nicht leer sein</translation>
    </message>
    <message>
        <source>The name %1 is used twice in one map</source>
        <translation>Der Name %1 kommt in einer Map zweimal vor</translation>
    </message>
    <message>
        <source>{%1 attrs}</source>
        <translation>{%1 Attr.}</translation>
    </message>
</context>
<context>
    <name>dd::ui::JobText</name>
    <message>
        <source>%1 (%2 bytes)</source>
        <translation>%1 (%2 Byte)</translation>
    </message>
</context>
<context>
    <name>dd::ui::JobsDialog</name>
    <message>
        <source>Exports and imports: %1</source>
        <translation>Exporte und Importe: %1</translation>
    </message>
    <message>
        <source>Exports</source>
        <translation>Exporte</translation>
    </message>
    <message>
        <source>Table</source>
        <translation>Tabelle</translation>
    </message>
    <message>
        <source>Export ID</source>
        <translation>Export-ID</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Imports</source>
        <translation>Importe</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Begonnen</translation>
    </message>
    <message>
        <source>Ended</source>
        <translation>Beendet</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Select an export or an import.</source>
        <translation>Wählen Sie einen Export oder einen Import.</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Feld</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Aktualisieren</translation>
    </message>
    <message>
        <source>ListExports and ListImports again</source>
        <translation>ListExports und ListImports erneut</translation>
    </message>
    <message>
        <source>Cannot list the exports: %1</source>
        <translation>Die Exporte können nicht aufgelistet werden: %1</translation>
    </message>
    <message>
        <source>Cannot list the imports: %1</source>
        <translation>Die Importe können nicht aufgelistet werden: %1</translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation>%1 wird gelesen…</translation>
    </message>
    <message>
        <source>Cannot describe %1: %2</source>
        <translation>%1 kann nicht beschrieben werden: %2</translation>
    </message>
    <message>
        <source>Export %1 of table %2 (DescribeExport)</source>
        <translation>Export %1 der Tabelle %2 (DescribeExport)</translation>
    </message>
    <message>
        <source>Import %1 into table %2 (DescribeImport)</source>
        <translation>Import %1 in Tabelle %2 (DescribeImport)</translation>
    </message>
    <message>
        <source>Reading the exports and imports…</source>
        <translation>Exporte und Importe werden gelesen…</translation>
    </message>
    <message numerus="yes">
        <source>%n export(s), </source>
        <translation>
            <numerusform>%n Export, </numerusform>
            <numerusform>%n Exporte, </numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n import(s).</source>
        <translation>
            <numerusform>%n Import.</numerusform>
            <numerusform>%n Importe.</numerusform>
        </translation>
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
        <translation>Auf 127.0.0.1 bereitst&amp;ellen</translation>
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
        <source>&amp;Transaction builder…</source>
        <translation>&amp;Transaktionseditor…</translation>
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
        <source>&amp;Edit table…</source>
        <translation>Tabelle &amp;bearbeiten…</translation>
    </message>
    <message>
        <source>Updated table %1</source>
        <translation>Tabelle %1 geändert</translation>
    </message>
    <message>
        <source>Backups and &amp;history</source>
        <translation>Sicherungen und &amp;Verlauf</translation>
    </message>
    <message>
        <source>History: %1</source>
        <translation>Verlauf: %1</translation>
    </message>
    <message>
        <source>Compact data folder</source>
        <translation>Datenordner komprimieren</translation>
    </message>
    <message>
        <source>Compacting gives the space that deleted tables and items left inside the files of %1 back to the file system. It closes %2 and its tabs first and opens it again when it is done; while it runs, programs using the served database must wait.

Compact now?</source>
        <translation>Das Komprimieren gibt den Platz, den gelöschte Tabellen und Elemente in den Dateien von %1 hinterlassen haben, an das Dateisystem zurück. Dazu wird %2 mit seinen Tabs zuerst geschlossen und danach wieder geöffnet; solange es läuft, müssen Programme, die die bereitgestellte Datenbank nutzen, warten.

Jetzt komprimieren?</translation>
    </message>
    <message>
        <source>Compacting %1…</source>
        <translation>%1 wird komprimiert…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Compaction cancelled.</source>
        <translation>Komprimierung abgebrochen.</translation>
    </message>
    <message>
        <source>Freed %1.</source>
        <translation>%1 freigegeben.</translation>
    </message>
    <message>
        <source>Opening %1…</source>
        <translation>%1 wird geöffnet…</translation>
    </message>
    <message>
        <source>&amp;PartiQL editor…</source>
        <translation>&amp;PartiQL-Editor…</translation>
    </message>
    <message>
        <source>PartiQL</source>
        <translation>PartiQL</translation>
    </message>
    <message>
        <source>PartiQL editor — %1</source>
        <translation>PartiQL-Editor — %1</translation>
    </message>
    <message>
        <source>&amp;Global table…</source>
        <translation>&amp;Globale Tabelle…</translation>
    </message>
    <message>
        <source>E&amp;xport to S3…</source>
        <translation>Nach S3 e&amp;xportieren…</translation>
    </message>
    <message>
        <source>&amp;Import from S3…</source>
        <translation>Aus S3 &amp;importieren…</translation>
    </message>
    <message>
        <source>Exports and i&amp;mports…</source>
        <translation>Exporte und I&amp;mporte…</translation>
    </message>
    <message>
        <source>D&amp;AX clusters…</source>
        <translation>&amp;DAX-Cluster…</translation>
    </message>
    <message>
        <source>%1 is not open: its data folder is encrypted and no passphrase was given.</source>
        <translation>%1 ist nicht geöffnet: Der Datenordner ist verschlüsselt, und es wurde keine Passphrase angegeben.</translation>
    </message>
    <message>
        <source>Encrypt data folder</source>
        <translation>Datenordner verschlüsseln</translation>
    </message>
    <message>
        <source>Encrypting %1…</source>
        <translation>%1 wird verschlüsselt…</translation>
    </message>
    <message>
        <source>Encrypted the data folder %1</source>
        <translation>Datenordner %1 verschlüsselt</translation>
    </message>
    <message>
        <source>Change passphrase</source>
        <translation>Passphrase ändern</translation>
    </message>
    <message>
        <source>Changing the passphrase of %1…</source>
        <translation>Passphrase von %1 wird geändert…</translation>
    </message>
    <message>
        <source>Changed the passphrase of %1</source>
        <translation>Passphrase von %1 geändert</translation>
    </message>
    <message>
        <source>Decrypt data folder</source>
        <translation>Datenordner entschlüsseln</translation>
    </message>
    <message>
        <source>Decrypting %1…</source>
        <translation>%1 wird entschlüsselt…</translation>
    </message>
    <message>
        <source>Decrypted the data folder %1: it is stored in the clear</source>
        <translation>Datenordner %1 entschlüsselt: Er wird unverschlüsselt gespeichert</translation>
    </message>
    <message>
        <source>%1: the passphrase does not open %2; nothing was changed.</source>
        <translation>%1: Die Passphrase öffnet %2 nicht; nichts wurde geändert.</translation>
    </message>
    <message>
        <source>Cop&amp;y table to…</source>
        <translation>Tabelle kopie&amp;ren nach…</translation>
    </message>
    <message>
        <source>Resource po&amp;licy…</source>
        <translation>Ressourcenric&amp;htlinie…</translation>
    </message>
    <message>
        <source>Contri&amp;butor insights</source>
        <translation>&amp;Contributor Insights</translation>
    </message>
    <message>
        <source>Insights: %1</source>
        <translation>Insights: %1</translation>
    </message>
    <message>
        <source>Stream &amp;viewer</source>
        <translation>&amp;Stream-Anzeige</translation>
    </message>
    <message>
        <source>Close &amp;tab</source>
        <translation>Reiter &amp;schließen</translation>
    </message>
    <message>
        <source>Close tab</source>
        <translation>Reiter schließen</translation>
    </message>
    <message>
        <source>A delete, export or import is running in %1. Close the tab and stop it? What it has done so far stays.</source>
        <translation>In %1 läuft ein Löschen, Export oder Import. Den Reiter schließen und ihn anhalten? Was bisher erledigt ist, bleibt erhalten.</translation>
    </message>
    <message>
        <source>Stop and close</source>
        <translation>Anhalten und schließen</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>%1 capacity units</source>
        <translation>%1 Kapazitätseinheiten</translation>
    </message>
    <message>
        <source> · </source>
        <comment>list separator</comment>
        <translation> · </translation>
    </message>
</context>
<context>
    <name>dd::ui::ParameterGroupsPanel</name>
    <message>
        <source>Parameter group</source>
        <translation>Parametergruppe</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Beschreibung</translation>
    </message>
    <message>
        <source>&amp;New parameter group…</source>
        <translation>&amp;Neue Parametergruppe…</translation>
    </message>
    <message>
        <source>Dax.CreateParameterGroup: a group starts with the default TTLs</source>
        <translation>Dax.CreateParameterGroup: eine Gruppe beginnt mit den Standard-TTLs</translation>
    </message>
    <message>
        <source>D&amp;elete group…</source>
        <translation>Gruppe &amp;löschen…</translation>
    </message>
    <message>
        <source>Dax.DeleteParameterGroup (DAX refuses while a cluster uses the group)</source>
        <translation>Dax.DeleteParameterGroup (DAX lehnt ab, solange ein Cluster die Gruppe nutzt)</translation>
    </message>
    <message>
        <source>Cannot list the parameter groups: %1</source>
        <translation>Die Parametergruppen können nicht aufgelistet werden: %1</translation>
    </message>
    <message>
        <source>Cannot read the parameters of %1: %2</source>
        <translation>Die Parameter von %1 können nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>Saving the TTLs of %1…</source>
        <translation>TTLs von %1 werden gespeichert…</translation>
    </message>
    <message>
        <source>DAX refused the TTLs: %1</source>
        <translation>DAX hat die TTLs abgelehnt: %1</translation>
    </message>
    <message>
        <source>Saved the TTLs of %1; the clusters that use it apply them to what they cache from now on.</source>
        <translation>TTLs von %1 gespeichert; die Cluster, die sie nutzen, wenden sie ab jetzt auf das an, was sie zwischenspeichern.</translation>
    </message>
    <message>
        <source>New parameter group</source>
        <translation>Neue Parametergruppe</translation>
    </message>
    <message>
        <source>Name of the new parameter group (letters, digits and hyphens, starting with a letter):</source>
        <translation>Name der neuen Parametergruppe (Buchstaben, Ziffern und Bindestriche, beginnend mit einem Buchstaben):</translation>
    </message>
    <message>
        <source>Creating parameter group %1…</source>
        <translation>Parametergruppe %1 wird erstellt…</translation>
    </message>
    <message>
        <source>DAX refused the parameter group: %1</source>
        <translation>DAX hat die Parametergruppe abgelehnt: %1</translation>
    </message>
    <message>
        <source>Created parameter group %1.</source>
        <translation>Parametergruppe %1 erstellt.</translation>
    </message>
    <message>
        <source>Delete parameter group</source>
        <translation>Parametergruppe löschen</translation>
    </message>
    <message>
        <source>Delete parameter group %1? DAX refuses while a cluster uses it.</source>
        <translation>Parametergruppe %1 löschen? DAX lehnt ab, solange ein Cluster sie nutzt.</translation>
    </message>
    <message>
        <source>Deleting parameter group %1…</source>
        <translation>Parametergruppe %1 wird gelöscht…</translation>
    </message>
    <message>
        <source>DAX refused to delete the parameter group: %1</source>
        <translation>DAX hat das Löschen der Parametergruppe abgelehnt: %1</translation>
    </message>
</context>
<context>
    <name>dd::ui::PartiqlEditor</name>
    <message>
        <source>SELECT * FROM &quot;Orders&quot; WHERE customerId = ?
-- Ctrl+Return runs the statement</source>
        <translation>SELECT * FROM &quot;Orders&quot; WHERE customerId = ?
-- Strg+Eingabe führt die Anweisung aus</translation>
    </message>
    <message>
        <source>Values of the ? in order, e.g. [{&quot;S&quot;: &quot;Acme&quot;}, {&quot;N&quot;: &quot;3&quot;}]</source>
        <translation>Werte der ? der Reihe nach, z. B. [{&quot;S&quot;: &quot;Acme&quot;}, {&quot;N&quot;: &quot;3&quot;}]</translation>
    </message>
    <message>
        <source>&amp;Parameters</source>
        <translation>&amp;Parameter</translation>
    </message>
    <message>
        <source>No limit</source>
        <translation>Kein Limit</translation>
    </message>
    <message>
        <source>Limit: how many items DynamoDB reads for one page; Load more asks for the next</source>
        <translation>Limit: wie viele Elemente DynamoDB für eine Seite liest; „Mehr laden“ fragt nach der nächsten</translation>
    </message>
    <message>
        <source>Page si&amp;ze</source>
        <translation>Seiten&amp;größe</translation>
    </message>
    <message>
        <source>Consistent read</source>
        <translation>Konsistentes Lesen</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Ausführen</translation>
    </message>
    <message>
        <source>Run the statement (%1)</source>
        <translation>Die Anweisung ausführen (%1)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Stop waiting for the statement (a write that DynamoDB received is not undone)</source>
        <translation>Nicht mehr auf die Anweisung warten (ein Schreibvorgang, den DynamoDB erhalten hat, wird nicht rückgängig gemacht)</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Verlauf</translation>
    </message>
    <message numerus="yes">
        <source>The last %n statement(s) that ran on this connection</source>
        <translation>
            <numerusform>Die letzte Anweisung, die auf dieser Verbindung lief</numerusform>
            <numerusform>Die letzten %n Anweisungen, die auf dieser Verbindung liefen</numerusform>
        </translation>
    </message>
    <message>
        <source>Copy as AWS &amp;CLI</source>
        <translation>Als AWS-&amp;CLI kopieren</translation>
    </message>
    <message>
        <source>Load more</source>
        <translation>Mehr laden</translation>
    </message>
    <message>
        <source>The next page of the same statement (NextToken)</source>
        <translation>Die nächste Seite derselben Anweisung (NextToken)</translation>
    </message>
    <message>
        <source>The parameters are not JSON: %1 at character %2</source>
        <translation>Die Parameter sind kein JSON: %1 bei Zeichen %2</translation>
    </message>
    <message>
        <source>The parameters must be a JSON array of attribute values, e.g. [{&quot;S&quot;: &quot;Acme&quot;}, {&quot;N&quot;: &quot;3&quot;}]</source>
        <translation>Die Parameter müssen ein JSON-Array von Attributwerten sein, z. B. [{&quot;S&quot;: &quot;Acme&quot;}, {&quot;N&quot;: &quot;3&quot;}]</translation>
    </message>
    <message>
        <source>Parameter %1 is not an attribute value such as {&quot;S&quot;: &quot;Acme&quot;}</source>
        <translation>Parameter %1 ist kein Attributwert wie {&quot;S&quot;: &quot;Acme&quot;}</translation>
    </message>
    <message>
        <source>Parameter %1: %2</source>
        <translation>Parameter %1: %2</translation>
    </message>
    <message>
        <source>Type a statement to run</source>
        <translation>Geben Sie eine Anweisung ein, die ausgeführt werden soll</translation>
    </message>
    <message>
        <source>Running…</source>
        <translation>Wird ausgeführt…</translation>
    </message>
    <message>
        <source>Loading the next page…</source>
        <translation>Die nächste Seite wird geladen…</translation>
    </message>
    <message>
        <source>Cancelled; a write that DynamoDB received is not undone</source>
        <translation>Abgebrochen; ein Schreibvorgang, den DynamoDB erhalten hat, wird nicht rückgängig gemacht</translation>
    </message>
    <message>
        <source>Statement ran</source>
        <translation>Anweisung ausgeführt</translation>
    </message>
    <message numerus="yes">
        <source>%n item(s)</source>
        <translation>
            <numerusform>%n Element</numerusform>
            <numerusform>%n Elemente</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 capacity units</source>
        <translation>%1 Kapazitätseinheiten</translation>
    </message>
    <message numerus="yes">
        <source>%n page(s)</source>
        <translation>
            <numerusform>%n Seite</numerusform>
            <numerusform>%n Seiten</numerusform>
        </translation>
    </message>
    <message>
        <source>more to load</source>
        <translation>weitere zu laden</translation>
    </message>
    <message>
        <source>Only the items of a SELECT from a table open in the item editor</source>
        <translation>Nur die Elemente eines SELECT aus einer Tabelle öffnen sich im Elementeditor</translation>
    </message>
</context>
<context>
    <name>dd::ui::PassphraseDialog</name>
    <message>
        <source>New &amp;passphrase:</source>
        <translation>Neue &amp;Passphrase:</translation>
    </message>
    <message>
        <source>&amp;Passphrase:</source>
        <translation>&amp;Passphrase:</translation>
    </message>
    <message>
        <source>Con&amp;firm passphrase:</source>
        <translation>Passphrase &amp;wiederholen:</translation>
    </message>
    <message>
        <source>&amp;OK</source>
        <translation>&amp;OK</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>&amp;Öffnen</translation>
    </message>
    <message>
        <source>Enter a passphrase.</source>
        <translation>Geben Sie eine Passphrase ein.</translation>
    </message>
    <message>
        <source>The two passphrases differ.</source>
        <translation>Die beiden Passphrasen stimmen nicht überein.</translation>
    </message>
    <message>
        <source>Enter the passphrase.</source>
        <translation>Geben Sie die Passphrase ein.</translation>
    </message>
</context>
<context>
    <name>dd::ui::PatternResolution</name>
    <message>
        <source>the key on %1 has no sort key</source>
        <translation>der Schlüssel auf %1 hat keinen Sortierschlüssel</translation>
    </message>
    <message>
        <source>the key on %1 sorts by %2, not %3</source>
        <translation>der Schlüssel auf %1 sortiert nach %2, nicht nach %3</translation>
    </message>
    <message>
        <source>begins_with needs a String or Binary sort key; %1 is a Number</source>
        <translation>begins_with braucht einen Sortierschlüssel vom Typ String oder Binary; %1 ist eine Zahl</translation>
    </message>
    <message>
        <source>Name the attribute it looks up by</source>
        <translation>Nennen Sie das Attribut, nach dem gesucht wird</translation>
    </message>
    <message>
        <source>Query on the table&apos;s key: %1%2</source>
        <translation>Query auf dem Schlüssel der Tabelle: %1%2</translation>
    </message>
    <message>
        <source>Query on local index %1: %2%3</source>
        <translation>Query auf dem lokalen Index %1: %2%3</translation>
    </message>
    <message>
        <source>Query on global index %1: %2%3</source>
        <translation>Query auf dem globalen Index %1: %2%3</translation>
    </message>
    <message>
        <source>No key or index serves this: %1</source>
        <translation>Kein Schlüssel und kein Index bedient dies: %1</translation>
    </message>
    <message>
        <source>No key or index serves this: add a global index on (%1)</source>
        <translation>Kein Schlüssel und kein Index bedient dies: fügen Sie einen globalen Index auf (%1) hinzu</translation>
    </message>
    <message>
        <source>No key or index serves this (%1): add a global index on (%2)</source>
        <translation>Kein Schlüssel und kein Index bedient dies (%1): fügen Sie einen globalen Index auf (%2) hinzu</translation>
    </message>
    <message>
        <source>global index %1 is partitioned by %2 together: a Query gives each of them with =, and an access pattern names one</source>
        <translation>der globale Index %1 ist nach %2 gemeinsam partitioniert: eine Query gibt jedes davon mit = an, ein Zugriffsmuster nennt nur eines</translation>
    </message>
    <message>
        <source>global index %1 sorts by %2 in turn: a condition on %3 needs = on %4 before it, and an access pattern names one sort attribute</source>
        <translation>der globale Index %1 sortiert nacheinander nach %2: eine Bedingung auf %3 braucht davor = auf %4, ein Zugriffsmuster nennt aber nur ein Sortierattribut</translation>
    </message>
</context>
<context>
    <name>dd::ui::PolicyEditor</name>
    <message>
        <source>&amp;Format</source>
        <translation>&amp;Formatieren</translation>
    </message>
    <message>
        <source>Indent the policy by two spaces, keeping the order of its members (Ctrl+Shift+F)</source>
        <translation>Die Richtlinie mit zwei Leerzeichen einrücken; die Reihenfolge ihrer Felder bleibt (Strg+Umschalt+F)</translation>
    </message>
    <message>
        <source>Insert te&amp;mplate</source>
        <translation>&amp;Vorlage einfügen</translation>
    </message>
    <message>
        <source>Add a template&apos;s statement to the policy, with this resource&apos;s ARN filled in</source>
        <translation>Die Anweisung einer Vorlage zur Richtlinie hinzufügen, mit dem ARN dieser Ressource ausgefüllt</translation>
    </message>
    <message>
        <source>DynamoDB counts spaces and line breaks against its limit of 20 KB per policy</source>
        <translation>DynamoDB zählt Leerzeichen und Zeilenumbrüche zur Grenze von 20 KB je Richtlinie</translation>
    </message>
    <message>
        <source>No resource-based policy. Type one in IAM&apos;s JSON policy language, or insert a template.</source>
        <translation>Keine ressourcenbasierte Richtlinie. Geben Sie eine in der JSON-Richtliniensprache von IAM ein oder fügen Sie eine Vorlage ein.</translation>
    </message>
    <message>
        <source>%1 of %2 bytes</source>
        <translation>%1 von %2 Bytes</translation>
    </message>
</context>
<context>
    <name>dd::ui::PolicyTemplate</name>
    <message>
        <source>Allow an IAM user read access</source>
        <translation>Einem IAM-Benutzer Lesezugriff erlauben</translation>
    </message>
    <message>
        <source>GetItem, BatchGetItem, Query, Scan and DescribeTable on the table and its indexes, for one IAM user of this account</source>
        <translation>GetItem, BatchGetItem, Query, Scan und DescribeTable auf der Tabelle und ihren Indizes, für einen IAM-Benutzer dieses Kontos</translation>
    </message>
    <message>
        <source>Allow an IAM role to read and write items</source>
        <translation>Einer IAM-Rolle Lesen und Schreiben von Elementen erlauben</translation>
    </message>
    <message>
        <source>Reads, and PutItem, UpdateItem, DeleteItem and BatchWriteItem, for one IAM role of this account (an application&apos;s or a Lambda function&apos;s)</source>
        <translation>Lesen sowie PutItem, UpdateItem, DeleteItem und BatchWriteItem für eine IAM-Rolle dieses Kontos (die einer Anwendung oder einer Lambda-Funktion)</translation>
    </message>
    <message>
        <source>Deny deletes of items and of the table</source>
        <translation>Löschen von Elementen und der Tabelle verweigern</translation>
    </message>
    <message>
        <source>Nobody may call DeleteItem, a PartiQL DELETE or DeleteTable, whatever their IAM policies allow (an explicit Deny wins). BatchWriteItem can still delete: deny it too if nobody needs it</source>
        <translation>Niemand darf DeleteItem, ein PartiQL-DELETE oder DeleteTable aufrufen, was auch immer seine IAM-Richtlinien erlauben (ein ausdrückliches Deny gewinnt). BatchWriteItem kann weiterhin löschen: Verweigern Sie es ebenfalls, wenn niemand es braucht</translation>
    </message>
    <message>
        <source>Read-only for one account</source>
        <translation>Nur Lesen für ein Konto</translation>
    </message>
    <message>
        <source>Another AWS account may read the table and its indexes; its own IAM policies say which of its users and roles</source>
        <translation>Ein anderes AWS-Konto darf die Tabelle und ihre Indizes lesen; welche seiner Benutzer und Rollen, bestimmen seine eigenen IAM-Richtlinien</translation>
    </message>
    <message>
        <source>Allow an IAM role to read the stream</source>
        <translation>Einer IAM-Rolle das Lesen des Streams erlauben</translation>
    </message>
    <message>
        <source>DescribeStream, GetShardIterator and GetRecords for one IAM role of this account, such as the execution role of a Lambda function that the stream triggers</source>
        <translation>DescribeStream, GetShardIterator und GetRecords für eine IAM-Rolle dieses Kontos, etwa die Ausführungsrolle einer Lambda-Funktion, die der Stream auslöst</translation>
    </message>
    <message>
        <source>Read-only stream access for one account</source>
        <translation>Nur lesender Stream-Zugriff für ein Konto</translation>
    </message>
    <message>
        <source>Another AWS account may read the stream&apos;s records</source>
        <translation>Ein anderes AWS-Konto darf die Datensätze des Streams lesen</translation>
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
    <message numerus="yes">
        <source>%Ln item(s)</source>
        <translation>
            <numerusform>%Ln Element</numerusform>
            <numerusform>%Ln Elemente</numerusform>
        </translation>
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
        <translation>Abs&amp;teigend</translation>
    </message>
    <message>
        <source>&amp;Run</source>
        <translation>Ausfüh&amp;ren</translation>
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
        <source>&amp;on</source>
        <translation>&amp;auf</translation>
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
    <message>
        <source>E&amp;xpressions</source>
        <translation>A&amp;usdrücke</translation>
    </message>
    <message>
        <source>Show and edit the request as raw DynamoDB expressions</source>
        <translation>Die Anfrage als DynamoDB-Ausdrücke anzeigen und bearbeiten</translation>
    </message>
    <message>
        <source>Table (%1)</source>
        <translation>Tabelle (%1)</translation>
    </message>
    <message>
        <source>The builder is as you left it; edits to the raw expressions stay in the Expressions view</source>
        <translation>Der Baukasten ist unverändert; Änderungen an den Ausdrücken bleiben in der Ausdrucksansicht</translation>
    </message>
    <message>
        <source>Con&amp;sistent read</source>
        <translation>&amp;Konsistentes Lesen</translation>
    </message>
    <message>
        <source>Page si&amp;ze:</source>
        <translation>Seiten&amp;größe:</translation>
    </message>
</context>
<context>
    <name>dd::ui::QueryBuilder</name>
    <message>
        <source>any</source>
        <translation>beliebig</translation>
    </message>
    <message>
        <source>between</source>
        <translation>zwischen</translation>
    </message>
    <message>
        <source>begins with</source>
        <translation>beginnt mit</translation>
    </message>
    <message>
        <source>and</source>
        <translation>und</translation>
    </message>
    <message>
        <source>all of</source>
        <translation>alle von</translation>
    </message>
    <message>
        <source>any of</source>
        <translation>eine von</translation>
    </message>
    <message>
        <source>Add &amp;filter</source>
        <translation>&amp;Filter hinzufügen</translation>
    </message>
    <message>
        <source>all attributes</source>
        <translation>alle Attribute</translation>
    </message>
    <message>
        <source>Attribute names or paths, separated by commas</source>
        <translation>Attributnamen oder Pfade, durch Kommas getrennt</translation>
    </message>
    <message>
        <source>Pick</source>
        <translation>Wählen</translation>
    </message>
    <message>
        <source>Filter: items matching</source>
        <translation>Filter: Einträge, die</translation>
    </message>
    <message>
        <source>Pro&amp;jection:</source>
        <translation>Pro&amp;jektion:</translation>
    </message>
    <message>
        <source>Partition key =</source>
        <translation>Partitionsschlüssel =</translation>
    </message>
    <message>
        <source>%1 (%2) =</source>
        <translation>%1 (%2) =</translation>
    </message>
    <message>
        <source>number</source>
        <translation>Zahl</translation>
    </message>
    <message>
        <source>base64</source>
        <translation>base64</translation>
    </message>
    <message>
        <source>value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>(no attributes seen yet)</source>
        <translation>(noch keine Attribute gesehen)</translation>
    </message>
    <message>
        <source>Partition key attribute %1 of %2: a value is required</source>
        <translation>Partitionsschlüsselattribut %1 von %2: ein Wert ist erforderlich</translation>
    </message>
    <message>
        <source>Sort: %1 (%2)</source>
        <translation>Sortierung: %1 (%2)</translation>
    </message>
    <message>
        <source>Sort key attribute %1 of %2. Use them in order: = on each one before the last one you use, any condition on that last one</source>
        <translation>Sortierschlüsselattribut %1 von %2. In der Reihenfolge verwenden: = für jedes vor dem letzten verwendeten, eine beliebige Bedingung für dieses letzte</translation>
    </message>
</context>
<context>
    <name>dd::ui::ReplicasDialog</name>
    <message>
        <source>Global table: %1</source>
        <translation>Globale Tabelle: %1</translation>
    </message>
    <message>
        <source>The regions that hold table %1. A write in any of them reaches the others within about a second.</source>
        <translation>Die Regionen, in denen die Tabelle %1 liegt. Ein Schreibvorgang in einer von ihnen erreicht die anderen in etwa einer Sekunde.</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>Region</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>This table has no replicas yet: it lives in %1 only. Add a replica to make it a global table (version 2019.11.21); the table must be on-demand (PAY_PER_REQUEST).</source>
        <translation>Diese Tabelle hat noch keine Replikate: Sie liegt nur in %1. Fügen Sie ein Replikat hinzu, um sie zu einer globalen Tabelle (Version 2019.11.21) zu machen; die Tabelle muss nach Bedarf (PAY_PER_REQUEST) abgerechnet werden.</translation>
    </message>
    <message>
        <source>Reading the table…</source>
        <translation>Tabelle wird gelesen…</translation>
    </message>
    <message>
        <source>Region, e.g. eu-west-1</source>
        <translation>Region, z. B. eu-west-1</translation>
    </message>
    <message>
        <source>A&amp;dd a replica in:</source>
        <translation>Replikat hin&amp;zufügen in:</translation>
    </message>
    <message>
        <source>&amp;Add replica</source>
        <translation>Replikat &amp;hinzufügen</translation>
    </message>
    <message>
        <source>UpdateTable with ReplicaUpdates Create: makes the table in that region and copies its items there</source>
        <translation>UpdateTable mit ReplicaUpdates Create: legt die Tabelle in dieser Region an und kopiert ihre Elemente dorthin</translation>
    </message>
    <message>
        <source>&amp;Remove replica…</source>
        <translation>Replikat &amp;entfernen…</translation>
    </message>
    <message>
        <source>UpdateTable with ReplicaUpdates Delete: deletes the table in the selected region with all its items</source>
        <translation>UpdateTable mit ReplicaUpdates Delete: löscht die Tabelle in der gewählten Region mit allen ihren Elementen</translation>
    </message>
    <message>
        <source>&amp;Open region</source>
        <translation>Region ö&amp;ffnen</translation>
    </message>
    <message>
        <source>Browse the table in the selected region over the same connection</source>
        <translation>Die Tabelle in der gewählten Region über dieselbe Verbindung durchsuchen</translation>
    </message>
    <message>
        <source>Cannot read the table: %1</source>
        <translation>Die Tabelle kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>Cannot add a replica in %1: %2</source>
        <translation>Replikat in %1 kann nicht hinzugefügt werden: %2</translation>
    </message>
    <message>
        <source>Cannot remove the replica in %1: %2</source>
        <translation>Replikat in %1 kann nicht entfernt werden: %2</translation>
    </message>
    <message>
        <source>Adding a replica in %1…</source>
        <translation>Replikat in %1 wird hinzugefügt…</translation>
    </message>
    <message>
        <source>Removing the replica in %1…</source>
        <translation>Replikat in %1 wird entfernt…</translation>
    </message>
    <message>
        <source>%1 already holds this table.</source>
        <translation>%1 enthält diese Tabelle bereits.</translation>
    </message>
    <message>
        <source>Remove replica</source>
        <translation>Replikat entfernen</translation>
    </message>
    <message>
        <source>Remove the replica in %1? This deletes table %2 in %1 with all its items; the other regions keep theirs. It cannot be undone.</source>
        <translation>Das Replikat in %1 entfernen? Dadurch wird die Tabelle %2 in %1 mit allen ihren Elementen gelöscht; die anderen Regionen behalten ihre. Dies kann nicht rückgängig gemacht werden.</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>%1 (this region)</source>
        <translation>%1 (diese Region)</translation>
    </message>
    <message>
        <source>%1 (%2%)</source>
        <translation>%1 (%2 %)</translation>
    </message>
    <message>
        <source>Copying items to %1…</source>
        <translation>Elemente werden nach %1 kopiert…</translation>
    </message>
    <message>
        <source>Waiting for %1…</source>
        <translation>Warten auf %1…</translation>
    </message>
    <message>
        <source>Updating the table…</source>
        <translation>Tabelle wird aktualisiert…</translation>
    </message>
</context>
<context>
    <name>dd::ui::ResourcePolicyDialog</name>
    <message>
        <source>Resource policy: %1</source>
        <translation>Ressourcenrichtlinie: %1</translation>
    </message>
    <message>
        <source>A resource-based policy says which principals (IAM users and roles, other accounts) may do what with this table or its stream. DynamoDB weighs it together with their own IAM policies; an explicit Deny always wins.</source>
        <translation>Eine ressourcenbasierte Richtlinie legt fest, welche Prinzipale (IAM-Benutzer und -Rollen, andere Konten) was mit dieser Tabelle oder ihrem Stream tun dürfen. DynamoDB wertet sie zusammen mit deren eigenen IAM-Richtlinien aus; ein ausdrückliches Deny gewinnt immer.</translation>
    </message>
    <message>
        <source>&amp;Table %1</source>
        <translation>&amp;Tabelle %1</translation>
    </message>
    <message>
        <source>Its &amp;stream</source>
        <translation>Ihr &amp;Stream</translation>
    </message>
    <message>
        <source>Re&amp;load</source>
        <translation>Neu l&amp;aden</translation>
    </message>
    <message>
        <source>Read the policy as it is now; Undo in the editor brings your text back</source>
        <translation>Die Richtlinie so lesen, wie sie jetzt ist; Rückgängig im Editor bringt Ihren Text zurück</translation>
    </message>
    <message>
        <source>&amp;Delete policy…</source>
        <translation>Richtlinie &amp;löschen…</translation>
    </message>
    <message>
        <source>DeleteResourcePolicy: only if the policy is still the revision shown</source>
        <translation>DeleteResourcePolicy: nur wenn die Richtlinie noch die angezeigte Revision ist</translation>
    </message>
    <message>
        <source>&amp;Reload</source>
        <translation>&amp;Neu laden</translation>
    </message>
    <message>
        <source>Read the policy again; Undo in the editor brings your text back</source>
        <translation>Die Richtlinie erneut lesen; Rückgängig im Editor bringt Ihren Text zurück</translation>
    </message>
    <message>
        <source>S&amp;ave</source>
        <translation>Speic&amp;hern</translation>
    </message>
    <message>
        <source>PutResourcePolicy: only if nobody changed the policy since it was loaded (Ctrl+S)</source>
        <translation>PutResourcePolicy: nur wenn niemand die Richtlinie seit dem Laden geändert hat (Strg+S)</translation>
    </message>
    <message>
        <source>Table %1 could not be read. %2</source>
        <translation>Tabelle %1 konnte nicht gelesen werden. %2</translation>
    </message>
    <message>
        <source>The policy could not be read. %1</source>
        <translation>Die Richtlinie konnte nicht gelesen werden. %1</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Gespeichert.</translation>
    </message>
    <message>
        <source>table %1</source>
        <translation>Tabelle %1</translation>
    </message>
    <message>
        <source>the stream of table %1</source>
        <translation>dem Stream der Tabelle %1</translation>
    </message>
    <message>
        <source>Save resource policy</source>
        <translation>Ressourcenrichtlinie speichern</translation>
    </message>
    <message>
        <source>This policy would deny you PutResourcePolicy: you could not change the policy of %1 again, and only the account&apos;s root user could still delete it.

DynamoDB said: %2

Save it anyway?</source>
        <translation>Diese Richtlinie würde Ihnen PutResourcePolicy verweigern: Sie könnten die Richtlinie von %1 nicht mehr ändern, und nur der Root-Benutzer des Kontos könnte sie noch löschen.

DynamoDB meldet: %2

Trotzdem speichern?</translation>
    </message>
    <message>
        <source>Save anyway</source>
        <translation>Trotzdem speichern</translation>
    </message>
    <message>
        <source>Not saved yet: the policy would lock you out. %1</source>
        <translation>Noch nicht gespeichert: Die Richtlinie würde Sie aussperren. %1</translation>
    </message>
    <message>
        <source>The policy was not saved. %1</source>
        <translation>Die Richtlinie wurde nicht gespeichert. %1</translation>
    </message>
    <message>
        <source>Deleted.</source>
        <translation>Gelöscht.</translation>
    </message>
    <message>
        <source>The policy was not deleted. %1</source>
        <translation>Die Richtlinie wurde nicht gelöscht. %1</translation>
    </message>
    <message>
        <source>Someone changed or deleted this policy after it was loaded, so it was not deleted.</source>
        <translation>Jemand hat diese Richtlinie nach dem Laden geändert oder gelöscht, daher wurde sie nicht gelöscht.</translation>
    </message>
    <message>
        <source>Someone changed this policy after it was loaded, so it was not overwritten.</source>
        <translation>Jemand hat diese Richtlinie nach dem Laden geändert, daher wurde sie nicht überschrieben.</translation>
    </message>
    <message>
        <source>Reload shows the policy as it is now (then Undo brings your text back).</source>
        <translation>Neu laden zeigt die Richtlinie, wie sie jetzt ist (danach bringt Rückgängig Ihren Text zurück).</translation>
    </message>
    <message>
        <source>Delete the resource-based policy of table %1 (revision %2)? Whatever it allows or denies ends; the principals&apos; own IAM policies alone decide again.</source>
        <translation>Die ressourcenbasierte Richtlinie der Tabelle %1 (Revision %2) löschen? Was sie erlaubt oder verweigert, endet; dann entscheiden allein die eigenen IAM-Richtlinien der Prinzipale.</translation>
    </message>
    <message>
        <source>Delete the resource-based policy of the stream of table %1 (revision %2)? Whatever it allows or denies ends; the principals&apos; own IAM policies alone decide again.</source>
        <translation>Die ressourcenbasierte Richtlinie des Streams der Tabelle %1 (Revision %2) löschen? Was sie erlaubt oder verweigert, endet; dann entscheiden allein die eigenen IAM-Richtlinien der Prinzipale.</translation>
    </message>
    <message>
        <source>Delete policy</source>
        <translation>Richtlinie löschen</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>A template adds its statement to the policy&apos;s Statement list: make the text a JSON object first.</source>
        <translation>Eine Vorlage fügt ihre Anweisung der Statement-Liste der Richtlinie hinzu: Machen Sie den Text zuerst zu einem JSON-Objekt.</translation>
    </message>
    <message>
        <source>The policy of the table&apos;s stream, for its readers such as Lambda functions</source>
        <translation>Die Richtlinie des Streams der Tabelle, für seine Leser wie Lambda-Funktionen</translation>
    </message>
    <message>
        <source>Table %1 has no stream. Turn one on in Edit table… to give it a policy.</source>
        <translation>Tabelle %1 hat keinen Stream. Schalten Sie einen unter „Tabelle bearbeiten…“ ein, um ihm eine Richtlinie zu geben.</translation>
    </message>
    <message>
        <source>Reading table %1…</source>
        <translation>Tabelle %1 wird gelesen…</translation>
    </message>
    <message>
        <source>Reading the policy…</source>
        <translation>Richtlinie wird gelesen…</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Wird gespeichert…</translation>
    </message>
    <message>
        <source>Deleting…</source>
        <translation>Wird gelöscht…</translation>
    </message>
    <message>
        <source>Unknown: the table could not be read</source>
        <translation>Unbekannt: Die Tabelle konnte nicht gelesen werden</translation>
    </message>
    <message>
        <source>Unknown: the policy could not be read</source>
        <translation>Unbekannt: Die Richtlinie konnte nicht gelesen werden</translation>
    </message>
    <message>
        <source>No resource-based policy</source>
        <translation>Keine ressourcenbasierte Richtlinie</translation>
    </message>
    <message>
        <source>Revision %1</source>
        <translation>Revision %1</translation>
    </message>
    <message>
        <source>%1 — edited, not saved</source>
        <translation>%1 — bearbeitet, nicht gespeichert</translation>
    </message>
    <message>
        <source>Resource policy</source>
        <translation>Ressourcenrichtlinie</translation>
    </message>
    <message>
        <source>Close without saving your changes to the policy?</source>
        <translation>Schließen, ohne Ihre Änderungen an der Richtlinie zu speichern?</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Verwerfen</translation>
    </message>
    <message>
        <source>This embedded database keeps the policy and answers for it as DynamoDB does, but checks it only for requests signed by the users of a server started with --auth.</source>
        <translation>Diese eingebettete Datenbank bewahrt die Richtlinie auf und beantwortet Anfragen dazu wie DynamoDB, prüft sie aber nur bei Anfragen, die von den Benutzern eines mit --auth gestarteten Servers signiert sind.</translation>
    </message>
    <message>
        <source>&amp;Policy of:</source>
        <translation>&amp;Richtlinie für:</translation>
    </message>
    <message>
        <source>Stat&amp;e:</source>
        <translation>Stat&amp;us:</translation>
    </message>
    <message>
        <source>Res&amp;ource:</source>
        <translation>Ress&amp;ource:</translation>
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
        <source>&amp;New table name:</source>
        <translation>&amp;Name der neuen Tabelle:</translation>
    </message>
    <message>
        <source>&amp;Billing mode:</source>
        <translation>&amp;Abrechnungsmodus:</translation>
    </message>
    <message>
        <source>&amp;Read capacity units:</source>
        <translation>&amp;Lesekapazitätseinheiten:</translation>
    </message>
    <message>
        <source>&amp;Write capacity units:</source>
        <translation>&amp;Schreibkapazitätseinheiten:</translation>
    </message>
    <message>
        <source>Res&amp;tore</source>
        <translation>Wiederhers&amp;tellen</translation>
    </message>
</context>
<context>
    <name>dd::ui::ResultItemOpener</name>
    <message>
        <source>This row lacks the key of %1 (%2): select the key attributes to open the item</source>
        <translation>Dieser Zeile fehlt der Schlüssel von %1 (%2): Wählen Sie die Schlüsselattribute aus, um das Element zu öffnen</translation>
    </message>
    <message>
        <source>The item is no longer in %1</source>
        <translation>Das Element ist nicht mehr in %1</translation>
    </message>
</context>
<context>
    <name>dd::ui::SampleItemsPanel</name>
    <message>
        <source>Add a sample item</source>
        <translation>Beispielelement hinzufügen</translation>
    </message>
    <message>
        <source>Remove the selected sample item</source>
        <translation>Ausgewähltes Beispielelement entfernen</translation>
    </message>
    <message>
        <source>another attribute</source>
        <translation>weiteres Attribut</translation>
    </message>
    <message>
        <source>Add &amp;column</source>
        <translation>Spalte hin&amp;zufügen</translation>
    </message>
    <message>
        <source>The first %1 items of a Scan of the table</source>
        <translation>Die ersten %1 Elemente eines Scans der Tabelle</translation>
    </message>
    <message>
        <source>Seen through:</source>
        <translation>Gesehen durch:</translation>
    </message>
    <message>
        <source>The table (%1)</source>
        <translation>Die Tabelle (%1)</translation>
    </message>
    <message>
        <source>unnamed</source>
        <translation>ohne Namen</translation>
    </message>
    <message>
        <source>Global index %1</source>
        <translation>Globaler Index %1</translation>
    </message>
    <message>
        <source>Local index %1</source>
        <translation>Lokaler Index %1</translation>
    </message>
    <message>
        <source>Cannot read the table: %1</source>
        <translation>Die Tabelle kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>%1 (partition key)</source>
        <translation>%1 (Partitionsschlüssel)</translation>
    </message>
    <message>
        <source>%1 (sort key)</source>
        <translation>%1 (Sortierschlüssel)</translation>
    </message>
    <message>
        <source>Name the partition key to see the items grouped</source>
        <translation>Benennen Sie den Partitionsschlüssel, um die Elemente gruppiert zu sehen</translation>
    </message>
    <message>
        <source>Partitions: %1 · items: %2</source>
        <translation>Partitionen: %1 · Elemente: %2</translation>
    </message>
    <message>
        <source>left out (no key attributes, or replaced by a later item with the same key): %1</source>
        <translation>ausgelassen (ohne Schlüsselattribute oder durch ein späteres Element mit demselben Schlüssel ersetzt): %1</translation>
    </message>
    <message>
        <source>not in this index (without its key attributes): %1</source>
        <translation>nicht in diesem Index (ohne seine Schlüsselattribute): %1</translation>
    </message>
    <message>
        <source>not in this index (missing at least one of its %1 key attributes): %2</source>
        <translation>nicht in diesem Index (mindestens eines seiner %1 Schlüsselattribute fehlt): %2</translation>
    </message>
    <message>
        <source>Loa&amp;d from table</source>
        <translation>Aus Tabelle la&amp;den</translation>
    </message>
</context>
<context>
    <name>dd::ui::ScreenshotTour</name>
    <message>
        <source>Invoices of an account, newest first</source>
        <translation>Rechnungen eines Kontos, neueste zuerst</translation>
    </message>
    <message>
        <source>Open invoices by due date</source>
        <translation>Offene Rechnungen nach Fälligkeit</translation>
    </message>
    <message>
        <source>Largest invoices of an account</source>
        <translation>Größte Rechnungen eines Kontos</translation>
    </message>
    <message>
        <source>Invoices of a customer&apos;s e-mail</source>
        <translation>Rechnungen zur E-Mail-Adresse eines Kunden</translation>
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
    <message numerus="yes">
        <source>Status %1 · %2 · %Ln item(s) when taken · type %3
%4</source>
        <translation>
            <numerusform>Status %1 · %2 · %Ln Element bei der Erstellung · Typ %3
%4</numerusform>
            <numerusform>Status %1 · %2 · %Ln Elemente bei der Erstellung · Typ %3
%4</numerusform>
        </translation>
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
        <translation>Schlüssel oder Attribut filtern…</translation>
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
        <translation>Gehe zu Sequenznummer, Zeit…</translation>
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
        <source>Loading %1…</source>
        <translation>%1 wird geladen…</translation>
    </message>
    <message>
        <source>Cannot open %1: %2</source>
        <translation>%1 kann nicht geöffnet werden: %2</translation>
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
        <source>Export &amp;CSV…</source>
        <translation>&amp;CSV exportieren…</translation>
    </message>
    <message>
        <source>De&amp;tails</source>
        <translation>De&amp;tails</translation>
    </message>
    <message>
        <source>Another program changed this table.</source>
        <translation>Ein anderes Programm hat diese Tabelle geändert.</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Ausblenden</translation>
    </message>
    <message>
        <source>Export to CSV</source>
        <translation>Als CSV exportieren</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>Refreshed %1 after a change made elsewhere</source>
        <translation>%1 nach einer Änderung von außen aktualisiert</translation>
    </message>
    <message>
        <source>%1 is being restored; its items appear when the restore ends.</source>
        <translation>%1 wird wiederhergestellt; ihre Elemente erscheinen, sobald die Wiederherstellung endet.</translation>
    </message>
    <message>
        <source>I&amp;mport JSON Lines…</source>
        <translation>JSON Lines i&amp;mportieren…</translation>
    </message>
    <message>
        <source>Import JSON Lines into %1</source>
        <translation>JSON Lines in %1 importieren</translation>
    </message>
    <message>
        <source>JSON Lines (*.jsonl *.json *.ndjson);;All files (*)</source>
        <translation>JSON Lines (*.jsonl *.json *.ndjson);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Importing %1…</source>
        <translation>Import von %1…</translation>
    </message>
    <message>
        <source>Select an item to see all its attributes here</source>
        <translation>Wählen Sie ein Element, um hier alle seine Attribute zu sehen</translation>
    </message>
    <message numerus="yes">
        <source>%Ln item(s) on page %1</source>
        <translation>
            <numerusform>%Ln Element auf Seite %1</numerusform>
            <numerusform>%Ln Elemente auf Seite %1</numerusform>
        </translation>
    </message>
    <message>
        <source>%L1 scanned</source>
        <translation>%L1 gelesen</translation>
    </message>
    <message>
        <source>%1 RCU</source>
        <translation>%1 RCU</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>total %1 RCU</source>
        <translation>insgesamt %1 RCU</translation>
    </message>
    <message>
        <source> · </source>
        <comment>list separator</comment>
        <translation> · </translation>
    </message>
    <message>
        <source>loading…</source>
        <translation>wird geladen…</translation>
    </message>
    <message numerus="yes">
        <source>Deleted %n item(s), then: %1</source>
        <translation>
            <numerusform>%n Element gelöscht, dann: %1</numerusform>
            <numerusform>%n Elemente gelöscht, dann: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Cancelled after deleting %n item(s)</source>
        <translation>
            <numerusform>Abgebrochen nach %n gelöschten Element</numerusform>
            <numerusform>Abgebrochen nach %n gelöschten Elementen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Deleted %n item(s)</source>
        <translation>
            <numerusform>%n Element gelöscht</numerusform>
            <numerusform>%n Elemente gelöscht</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Imported %Ln item(s), then: %1</source>
        <translation>
            <numerusform>%Ln Element importiert, dann: %1</numerusform>
            <numerusform>%Ln Elemente importiert, dann: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Import cancelled after %Ln item(s)</source>
        <translation>
            <numerusform>Import nach %Ln Element abgebrochen</numerusform>
            <numerusform>Import nach %Ln Elementen abgebrochen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Imported %Ln item(s)</source>
        <translation>
            <numerusform>%Ln Element importiert</numerusform>
            <numerusform>%Ln Elemente importiert</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %Ln item(s)</source>
        <translation>
            <numerusform>%Ln Element exportiert</numerusform>
            <numerusform>%Ln Elemente exportiert</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Load more</source>
        <translation>&amp;Weitere laden</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>angehalten</translation>
    </message>
</context>
<context>
    <name>dd::ui::TableChangePlanner</name>
    <message>
        <source>Switch to on-demand billing</source>
        <translation>Auf Abrechnung nach Bedarf umstellen</translation>
    </message>
    <message>
        <source>Set provisioned capacity to %1 RCU, %2 WCU</source>
        <translation>Bereitgestellte Kapazität auf %1 RCU, %2 WCU setzen</translation>
    </message>
    <message>
        <source>Disable the stream</source>
        <translation>Stream ausschalten</translation>
    </message>
    <message>
        <source>Enable the stream with %1</source>
        <translation>Stream mit %1 einschalten</translation>
    </message>
    <message>
        <source>Delete global index %1</source>
        <translation>Globalen Index %1 löschen</translation>
    </message>
    <message>
        <source>Add global index %1 (and fill it from the table)</source>
        <translation>Globalen Index %1 hinzufügen (und aus der Tabelle füllen)</translation>
    </message>
    <message>
        <source>Turn off TTL on %1</source>
        <translation>TTL auf %1 ausschalten</translation>
    </message>
    <message>
        <source>Turn on TTL on %1</source>
        <translation>TTL auf %1 einschalten</translation>
    </message>
    <message>
        <source>Remove tags: %1</source>
        <translation>Tags entfernen: %1</translation>
    </message>
    <message>
        <source>Set tags: %1</source>
        <translation>Tags setzen: %1</translation>
    </message>
    <message>
        <source>Create table %1</source>
        <translation>Tabelle %1 anlegen</translation>
    </message>
    <message>
        <source>Encrypt with the key owned by Amazon DynamoDB</source>
        <translation>Mit dem Schlüssel im Besitz von Amazon DynamoDB verschlüsseln</translation>
    </message>
    <message>
        <source>Encrypt with the AWS managed key (aws/dynamodb)</source>
        <translation>Mit dem von AWS verwalteten Schlüssel (aws/dynamodb) verschlüsseln</translation>
    </message>
    <message>
        <source>Encrypt with the customer managed key %1</source>
        <translation>Mit dem kundenverwalteten Schlüssel %1 verschlüsseln</translation>
    </message>
</context>
<context>
    <name>dd::ui::TableCopyDialog</name>
    <message>
        <source>Copy table %1</source>
        <translation>Tabelle %1 kopieren</translation>
    </message>
    <message>
        <source>Copies the definition and every item of a table into a table of any open connection, by a parallel Scan written with BatchWriteItem. The source is not changed.</source>
        <translation>Kopiert die Definition und jedes Element einer Tabelle in eine Tabelle einer beliebigen offenen Verbindung, per parallelem Scan, geschrieben mit BatchWriteItem. Die Quelle bleibt unverändert.</translation>
    </message>
    <message>
        <source>Another region of the same database: its connection opens in the tree</source>
        <translation>Eine andere Region derselben Datenbank: ihre Verbindung wird im Baum geöffnet</translation>
    </message>
    <message>
        <source>&amp;Region:</source>
        <translation>&amp;Region:</translation>
    </message>
    <message>
        <source>Create the table with the source&apos;s &amp;definition</source>
        <translation>Tabelle mit der &amp;Definition der Quelle anlegen</translation>
    </message>
    <message>
        <source>Copy into an e&amp;xisting table</source>
        <translation>In eine &amp;vorhandene Tabelle kopieren</translation>
    </message>
    <message>
        <source>Its key schema must be the source&apos;s; items with the same key are replaced</source>
        <translation>Ihr Schlüsselschema muss das der Quelle sein; Elemente mit demselben Schlüssel werden ersetzt</translation>
    </message>
    <message>
        <source>3 to 255 characters: letters, digits, _ . -</source>
        <translation>3 bis 255 Zeichen: Buchstaben, Ziffern, _ . -</translation>
    </message>
    <message>
        <source>Reading the tables…</source>
        <translation>Tabellen werden gelesen…</translation>
    </message>
    <message>
        <source>Scan segments read at once, each by its own worker: faster on a large table, and more read and write capacity at a time</source>
        <translation>Gleichzeitig gelesene Scan-Segmente, jedes von einem eigenen Worker: schneller bei einer großen Tabelle, und mehr Lese- und Schreibkapazität auf einmal</translation>
    </message>
    <message>
        <source>Also enable the source&apos;s time to &amp;live</source>
        <translation>Auch die &amp;Gültigkeitsdauer (TTL) der Quelle aktivieren</translation>
    </message>
    <message>
        <source>Set on the copy once every item is in, so that it deletes nothing before</source>
        <translation>Wird erst gesetzt, wenn alle Elemente kopiert sind, damit vorher nichts gelöscht wird</translation>
    </message>
    <message>
        <source>&amp;Target connection:</source>
        <translation>&amp;Zielverbindung:</translation>
    </message>
    <message>
        <source>Target ta&amp;ble:</source>
        <translation>Ziel&amp;tabelle:</translation>
    </message>
    <message>
        <source>Parallel &amp;segments:</source>
        <translation>Parallele &amp;Segmente:</translation>
    </message>
    <message>
        <source>&amp;Open table</source>
        <translation>Tabelle ö&amp;ffnen</translation>
    </message>
    <message>
        <source>Browse the copy</source>
        <translation>Die Kopie durchsuchen</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Kopieren</translation>
    </message>
    <message>
        <source>Cannot read table %1: %2</source>
        <translation>Tabelle %1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>Also enable the source&apos;s time to &amp;live (attribute %1)</source>
        <translation>Auch die &amp;Gültigkeitsdauer (TTL) der Quelle aktivieren (Attribut %1)</translation>
    </message>
    <message>
        <source>Also enable the source&apos;s time to &amp;live (off on the source)</source>
        <translation>Auch die &amp;Gültigkeitsdauer (TTL) der Quelle aktivieren (bei der Quelle aus)</translation>
    </message>
    <message>
        <source>Cannot list the tables</source>
        <translation>Die Tabellen können nicht aufgelistet werden</translation>
    </message>
    <message>
        <source>No tables</source>
        <translation>Keine Tabellen</translation>
    </message>
    <message>
        <source>Choose a table</source>
        <translation>Wählen Sie eine Tabelle</translation>
    </message>
    <message>
        <source>Cannot list the target&apos;s tables: %1</source>
        <translation>Die Tabellen des Ziels können nicht aufgelistet werden: %1</translation>
    </message>
    <message>
        <source>Choose the table to copy into</source>
        <translation>Wählen Sie die Tabelle, in die kopiert wird</translation>
    </message>
    <message>
        <source>A table cannot be copied into itself: choose another table, connection or region</source>
        <translation>Eine Tabelle kann nicht in sich selbst kopiert werden: Wählen Sie eine andere Tabelle, Verbindung oder Region</translation>
    </message>
    <message>
        <source>This is the source table: choose another name, connection or region</source>
        <translation>Das ist die Quelltabelle: Wählen Sie einen anderen Namen, eine andere Verbindung oder Region</translation>
    </message>
    <message>
        <source>Reading table %1…</source>
        <translation>Tabelle %1 wird gelesen…</translation>
    </message>
    <message>
        <source>The items are written into the existing table, replacing those with the same key. Its key schema must be the source&apos;s: %1.</source>
        <translation>Die Elemente werden in die vorhandene Tabelle geschrieben und ersetzen die mit demselben Schlüssel. Ihr Schlüsselschema muss das der Quelle sein: %1.</translation>
    </message>
    <message>
        <source>Items: about %1 (the source&apos;s item count, which AWS updates about every six hours)</source>
        <translation>Elemente: etwa %1 (die Elementanzahl der Quelle, die AWS etwa alle sechs Stunden aktualisiert)</translation>
    </message>
    <message>
        <source>What the copy writes</source>
        <translation>Was die Kopie schreibt</translation>
    </message>
    <message>
        <source>What the copy creates</source>
        <translation>Was die Kopie anlegt</translation>
    </message>
    <message>
        <source>Copy to AWS</source>
        <translation>Nach AWS kopieren</translation>
    </message>
    <message>
        <source>Copy table %1 into table %2 on AWS (profile %3, region %4)?

AWS bills the new table and every item written to it, and a large table takes a while.</source>
        <translation>Tabelle %1 in die Tabelle %2 bei AWS (Profil %3, Region %4) kopieren?

AWS berechnet die neue Tabelle und jedes hineingeschriebene Element, und eine große Tabelle dauert eine Weile.</translation>
    </message>
    <message>
        <source>Co&amp;py:</source>
        <translation>&amp;Art der Kopie:</translation>
    </message>
    <message>
        <source>So&amp;urce:</source>
        <translation>&amp;Quelle:</translation>
    </message>
</context>
<context>
    <name>dd::ui::TableCopyRun</name>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 min %2 s</translation>
    </message>
    <message>
        <source>C&amp;ancel copy</source>
        <translation>Kopieren a&amp;bbrechen</translation>
    </message>
    <message>
        <source>Creating table %1…</source>
        <translation>Tabelle %1 wird angelegt…</translation>
    </message>
    <message>
        <source>Checking table %1…</source>
        <translation>Tabelle %1 wird geprüft…</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Wird abgebrochen…</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>Angehalten</translation>
    </message>
    <message>
        <source>Stopped: the connection %1 was closed.</source>
        <translation>Angehalten: Die Verbindung %1 wurde geschlossen.</translation>
    </message>
    <message>
        <source>Copying items…</source>
        <translation>Elemente werden kopiert…</translation>
    </message>
    <message>
        <source>Enabling time to live…</source>
        <translation>Gültigkeitsdauer (TTL) wird aktiviert…</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Fertig</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>The copy failed: %1: %2</source>
        <translation>Das Kopieren ist fehlgeschlagen: %1: %2</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <source>Delete the partial table</source>
        <translation>Unvollständige Tabelle löschen</translation>
    </message>
    <message>
        <source>The copy was cancelled: table %1 on %2 holds only %3 of the source&apos;s items. Delete it?

Cancel keeps it.</source>
        <translation>Das Kopieren wurde abgebrochen: Tabelle %1 auf %2 enthält nur %3 der Elemente der Quelle. Löschen?

Abbrechen behält sie.</translation>
    </message>
    <message>
        <source>&amp;Delete table</source>
        <translation>Tabelle &amp;löschen</translation>
    </message>
    <message>
        <source>Deleting table %1…</source>
        <translation>Tabelle %1 wird gelöscht…</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>Gelöscht</translation>
    </message>
    <message>
        <source>Deleted the partial table %1.</source>
        <translation>Die unvollständige Tabelle %1 wurde gelöscht.</translation>
    </message>
    <message numerus="yes">
        <source>%L1 of ~%Ln item(s)</source>
        <translation>
            <numerusform>%L1 von ~%Ln Element</numerusform>
            <numerusform>%L1 von ~%Ln Elementen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln item(s)</source>
        <translation>
            <numerusform>%Ln Element</numerusform>
            <numerusform>%Ln Elemente</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Copied %Ln item(s) into table %1 on %2 in %3.</source>
        <translation>
            <numerusform>%Ln Element in %3 in die Tabelle %1 auf %2 kopiert.</numerusform>
            <numerusform>%Ln Elemente in %3 in die Tabelle %1 auf %2 kopiert.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Table %1 was created on %2 and holds the %Ln item(s) copied before the error.</source>
        <translation>
            <numerusform>Tabelle %1 wurde auf %2 angelegt und enthält das %Ln vor dem Fehler kopierte Element.</numerusform>
            <numerusform>Tabelle %1 wurde auf %2 angelegt und enthält die %Ln vor dem Fehler kopierten Elemente.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln item(s) were copied before the error.</source>
        <translation>
            <numerusform>Vor dem Fehler wurde %Ln Element kopiert.</numerusform>
            <numerusform>Vor dem Fehler wurden %Ln Elemente kopiert.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Cancelled after copying %Ln item(s) in %1.</source>
        <translation>
            <numerusform>Nach %Ln kopierten Element in %1 abgebrochen.</numerusform>
            <numerusform>Nach %Ln kopierten Elementen in %1 abgebrochen.</numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot delete table %1: %2</source>
        <translation>Tabelle %1 kann nicht gelöscht werden: %2</translation>
    </message>
</context>
<context>
    <name>dd::ui::TableDefinitionText</name>
    <message>
        <source>%1 read and %2 write capacity units</source>
        <translation>%1 Lese- und %2 Schreibkapazitätseinheiten</translation>
    </message>
    <message>
        <source>Key: %1</source>
        <translation>Schlüssel: %1</translation>
    </message>
    <message>
        <source>Global index %1: %2; projects %3</source>
        <translation>Globaler Index %1: %2; projiziert %3</translation>
    </message>
    <message>
        <source>Local index %1: %2; projects %3</source>
        <translation>Lokaler Index %1: %2; projiziert %3</translation>
    </message>
    <message>
        <source>Billing: on demand (PAY_PER_REQUEST)</source>
        <translation>Abrechnung: auf Abruf (PAY_PER_REQUEST)</translation>
    </message>
    <message>
        <source>Billing: provisioned, %1</source>
        <translation>Abrechnung: bereitgestellt, %1</translation>
    </message>
    <message>
        <source>Stream: %1</source>
        <translation>Stream: %1</translation>
    </message>
    <message>
        <source>Table class: %1</source>
        <translation>Tabellenklasse: %1</translation>
    </message>
    <message>
        <source>partition %1</source>
        <translation>Partition %1</translation>
    </message>
    <message>
        <source>%1; sort %2</source>
        <translation>%1; Sortierung %2</translation>
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
    <message>
        <source>A tag key holds letters, digits, spaces and _ . : / = + - @ only</source>
        <translation>Ein Tag-Schlüssel enthält nur Buchstaben, Ziffern, Leerzeichen und _ . : / = + - @</translation>
    </message>
    <message>
        <source>A tag value holds letters, digits, spaces and _ . : / = + - @ only</source>
        <translation>Ein Tag-Wert enthält nur Buchstaben, Ziffern, Leerzeichen und _ . : / = + - @</translation>
    </message>
    <message>
        <source>The TTL attribute name is at most %1 characters long</source>
        <translation>Der Name des TTL-Attributs ist höchstens %1 Zeichen lang</translation>
    </message>
    <message>
        <source>This is not a Dynamodesk table design</source>
        <translation>Dies ist kein Dynamodesk-Tabellenentwurf</translation>
    </message>
    <message>
        <source>This design was saved by a newer Dynamodesk (version %1)</source>
        <translation>Dieser Entwurf wurde von einem neueren Dynamodesk gespeichert (Version %1)</translation>
    </message>
    <message>
        <source>At most %1 partition key attributes</source>
        <translation>Höchstens %1 Partitionsschlüsselattribute</translation>
    </message>
    <message>
        <source>At most %1 sort key attributes</source>
        <translation>Höchstens %1 Sortierschlüsselattribute</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is already in this index&apos;s key</source>
        <translation>&quot;%1&quot; ist bereits im Schlüssel dieses Index</translation>
    </message>
    <message>
        <source>attribute %1: %2</source>
        <translation>Attribut %1: %2</translation>
    </message>
    <message>
        <source>A local index has one partition and one sort key attribute; only a global index may have more</source>
        <translation>Ein lokaler Index hat ein Partitions- und ein Sortierschlüsselattribut; nur ein globaler Index darf mehr haben</translation>
    </message>
    <message>
        <source>An INCLUDE projection needs at least one</source>
        <translation>Eine INCLUDE-Projektion braucht mindestens eines</translation>
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
    <message>
        <source>Sample items</source>
        <translation>Beispielelemente</translation>
    </message>
    <message>
        <source>Access patterns</source>
        <translation>Zugriffsmuster</translation>
    </message>
    <message>
        <source>&amp;Open design…</source>
        <translation>Entwurf ö&amp;ffnen…</translation>
    </message>
    <message>
        <source>Sa&amp;ve design…</source>
        <translation>Entwurf spei&amp;chern…</translation>
    </message>
    <message>
        <source>off; or a Number attribute holding epoch seconds, e.g. expiresAt</source>
        <translation>aus; oder ein Zahlattribut mit Epochensekunden, z. B. expiresAt</translation>
    </message>
    <message>
        <source># Nothing to change</source>
        <translation># Nichts zu ändern</translation>
    </message>
    <message>
        <source>Step %1 of %2: %3…</source>
        <translation>Schritt %1 von %2: %3…</translation>
    </message>
    <message>
        <source>DynamoDB refused this change: %1</source>
        <translation>DynamoDB hat diese Änderung abgelehnt: %1</translation>
    </message>
    <message>
        <source>Created %1; some settings were not applied</source>
        <translation>%1 angelegt; einige Einstellungen wurden nicht übernommen</translation>
    </message>
    <message>
        <source>Edit table %1 — %2</source>
        <translation>Tabelle %1 bearbeiten — %2</translation>
    </message>
    <message>
        <source>&amp;Apply changes</source>
        <translation>Änderungen &amp;übernehmen</translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation>%1 wird gelesen…</translation>
    </message>
    <message>
        <source>Cannot read the table: %1</source>
        <translation>Die Tabelle kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>Partly read: %1</source>
        <translation>Teilweise gelesen: %1</translation>
    </message>
    <message>
        <source>A design opens in a new table&apos;s designer</source>
        <translation>Ein Entwurf öffnet sich im Designer einer neuen Tabelle</translation>
    </message>
    <message>
        <source>Not JSON: %1</source>
        <translation>Kein JSON: %1</translation>
    </message>
    <message>
        <source>Save design</source>
        <translation>Entwurf speichern</translation>
    </message>
    <message>
        <source>Table designs (*.json)</source>
        <translation>Tabellenentwürfe (*.json)</translation>
    </message>
    <message>
        <source>Cannot save %1: %2</source>
        <translation>%1 kann nicht gespeichert werden: %2</translation>
    </message>
    <message>
        <source>Open design</source>
        <translation>Entwurf öffnen</translation>
    </message>
    <message>
        <source>Cannot open %1: %2</source>
        <translation>%1 kann nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <source>Python (boto3)</source>
        <translation>Python (boto3)</translation>
    </message>
    <message>
        <source>JavaScript (AWS SDK v3)</source>
        <translation>JavaScript (AWS SDK v3)</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>&amp;Encryption at rest:</source>
        <translation>&amp;Verschlüsselung im Ruhezustand:</translation>
    </message>
    <message>
        <source>Strea&amp;m:</source>
        <translation>Strea&amp;m:</translation>
    </message>
    <message>
        <source>T&amp;ime to live:</source>
        <translation>Lebensda&amp;uer (TTL):</translation>
    </message>
    <message numerus="yes">
        <source>%Ln change(s) applied</source>
        <translation>
            <numerusform>%Ln Änderung übernommen</numerusform>
            <numerusform>%Ln Änderungen übernommen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%L1 of %Ln change(s) failed; the errors are shown beside their fields</source>
        <translation>
            <numerusform>%L1 von %Ln Änderung fehlgeschlagen; die Fehler stehen neben ihren Feldern</numerusform>
            <numerusform>%L1 von %Ln Änderungen fehlgeschlagen; die Fehler stehen neben ihren Feldern</numerusform>
        </translation>
    </message>
    <message>
        <source>Changes are being applied. Close and stop? The change in progress completes; the ones after it are not made.</source>
        <translation>Änderungen werden übernommen. Schließen und anhalten? Die laufende Änderung wird abgeschlossen; die folgenden werden nicht vorgenommen.</translation>
    </message>
    <message>
        <source>Stop and close</source>
        <translation>Anhalten und schließen</translation>
    </message>
    <message>
        <source>Close without saving your changes to the design?</source>
        <translation>Schließen, ohne Ihre Änderungen am Entwurf zu speichern?</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Verwerfen</translation>
    </message>
    <message>
        <source>S&amp;top after this step</source>
        <translation>Nach diesem Schritt an&amp;halten</translation>
    </message>
    <message numerus="yes">
        <source>Stopped after creating %1; %Ln setting(s) not applied</source>
        <translation>
            <numerusform>Nach dem Erstellen von %1 angehalten; %Ln Einstellung nicht übernommen</numerusform>
            <numerusform>Nach dem Erstellen von %1 angehalten; %Ln Einstellungen nicht übernommen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Stopped; %Ln change(s) not made</source>
        <translation>
            <numerusform>Angehalten; %Ln Änderung nicht vorgenommen</numerusform>
            <numerusform>Angehalten; %Ln Änderungen nicht vorgenommen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>dd::ui::TableEncryption</name>
    <message>
        <source>Required: a KMS key id, key ARN, alias name or alias ARN</source>
        <translation>Erforderlich: eine KMS-Schlüssel-ID, ein Schlüssel-ARN, ein Aliasname oder ein Alias-ARN</translation>
    </message>
    <message>
        <source>A KMS ARN reads arn:aws:kms:&lt;region&gt;:&lt;account&gt;:key/&lt;id&gt; or …:alias/&lt;name&gt;</source>
        <translation>Ein KMS-ARN lautet arn:aws:kms:&lt;Region&gt;:&lt;Konto&gt;:key/&lt;ID&gt; oder …:alias/&lt;Name&gt;</translation>
    </message>
    <message>
        <source>Not a KMS key id (a UUID), alias name (alias/&lt;name&gt;) or ARN (arn:aws:kms:…)</source>
        <translation>Keine KMS-Schlüssel-ID (eine UUID), kein Aliasname (alias/&lt;Name&gt;) und kein ARN (arn:aws:kms:…)</translation>
    </message>
    <message>
        <source>Owned by Amazon DynamoDB</source>
        <translation>Im Besitz von Amazon DynamoDB</translation>
    </message>
    <message>
        <source>AWS managed key</source>
        <translation>Von AWS verwalteter Schlüssel</translation>
    </message>
    <message>
        <source>Customer managed key: %1</source>
        <translation>Kundenverwalteter Schlüssel: %1</translation>
    </message>
</context>
<context>
    <name>dd::ui::TagEditor</name>
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
    <message>
        <source>backup</source>
        <translation>Sicherung</translation>
    </message>
    <message>
        <source>now</source>
        <translation>jetzt</translation>
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
    <message>
        <source>Get (read transaction)</source>
        <translation>Get (Lesetransaktion)</translation>
    </message>
    <message>
        <source>e.g. balance, #s (empty: the whole item)</source>
        <translation>z. B. balance, #s (leer: das ganze Element)</translation>
    </message>
    <message>
        <source>String set (SS)</source>
        <translation>String-Menge (SS)</translation>
    </message>
    <message>
        <source>Number set (NS)</source>
        <translation>Zahlenmenge (NS)</translation>
    </message>
    <message>
        <source>Binary set (BS, base64)</source>
        <translation>Binärmenge (BS, Base64)</translation>
    </message>
    <message>
        <source>elements, separated by commas</source>
        <translation>Elemente, durch Kommas getrennt</translation>
    </message>
    <message>
        <source>Add set value</source>
        <translation>Mengenwert hinzufügen</translation>
    </message>
    <message>
        <source>ClientRequestToken (optional)</source>
        <translation>ClientRequestToken (optional)</translation>
    </message>
    <message>
        <source>The same token within 10 minutes makes DynamoDB treat a run as a retry: it writes nothing again</source>
        <translation>Dasselbe Token innerhalb von 10 Minuten lässt DynamoDB einen Lauf als Wiederholung behandeln: es schreibt nichts erneut</translation>
    </message>
    <message>
        <source>Generate</source>
        <translation>Erzeugen</translation>
    </message>
    <message>
        <source>Runs TransactGetItems</source>
        <translation>Führt TransactGetItems aus</translation>
    </message>
    <message>
        <source>Runs TransactWriteItems</source>
        <translation>Führt TransactWriteItems aus</translation>
    </message>
    <message>
        <source>Read:</source>
        <translation>Gelesen:</translation>
    </message>
    <message>
        <source>No item has this key</source>
        <translation>Kein Element hat diesen Schlüssel</translation>
    </message>
    <message>
        <source> · %1 capacity units</source>
        <translation> · %1 Kapazitätseinheiten</translation>
    </message>
    <message>
        <source>Idempotent retry: token %1 was already used with these actions, so DynamoDB wrote nothing again</source>
        <translation>Idempotente Wiederholung: Token %1 wurde schon mit diesen Aktionen verwendet, daher hat DynamoDB nichts erneut geschrieben</translation>
    </message>
    <message>
        <source>Transaction applied</source>
        <translation>Transaktion ausgeführt</translation>
    </message>
    <message>
        <source>Select an action first</source>
        <translation>Wählen Sie zuerst eine Aktion</translation>
    </message>
    <message>
        <source>not applied</source>
        <translation>nicht ausgeführt</translation>
    </message>
    <message>
        <source>applied</source>
        <translation>ausgeführt</translation>
    </message>
    <message>
        <source>found</source>
        <translation>gefunden</translation>
    </message>
    <message>
        <source>not found</source>
        <translation>nicht gefunden</translation>
    </message>
    <message>
        <source>Cannot list the tables: %1</source>
        <translation>Die Tabellen können nicht aufgelistet werden: %1</translation>
    </message>
    <message numerus="yes">
        <source>Read %L1 of %Ln item(s) in one snapshot</source>
        <translation>
            <numerusform>%L1 von %Ln Element in einem Snapshot gelesen</numerusform>
            <numerusform>%L1 von %Ln Elementen in einem Snapshot gelesen</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Key:</source>
        <translation>&amp;Schlüssel:</translation>
    </message>
    <message>
        <source>&amp;Set value:</source>
        <translation>&amp;Mengenwert:</translation>
    </message>
    <message>
        <source>&amp;Action:</source>
        <translation>A&amp;ktion:</translation>
    </message>
    <message>
        <source>Ta&amp;ble:</source>
        <translation>Ta&amp;belle:</translation>
    </message>
    <message>
        <source>&amp;Condition:</source>
        <translation>Bedin&amp;gung:</translation>
    </message>
    <message>
        <source>&amp;Update expression:</source>
        <translation>Akt&amp;ualisierungsausdruck:</translation>
    </message>
    <message>
        <source>&amp;Projection:</source>
        <translation>&amp;Projektion:</translation>
    </message>
    <message>
        <source>&amp;Names:</source>
        <translation>&amp;Namen:</translation>
    </message>
    <message>
        <source>Va&amp;lues:</source>
        <translation>&amp;Werte:</translation>
    </message>
    <message>
        <source>&amp;Result:</source>
        <translation>E&amp;rgebnis:</translation>
    </message>
    <message>
        <source>&amp;Item:</source>
        <translation>&amp;Element:</translation>
    </message>
</context>
<context>
    <name>dd::ui::TriggerDialog</name>
    <message>
        <source>Add trigger to %1</source>
        <translation>Trigger zu %1 hinzufügen</translation>
    </message>
    <message>
        <source>Run a command</source>
        <translation>Befehl ausführen</translation>
    </message>
    <message>
        <source>POST to a URL</source>
        <translation>An eine URL senden (POST)</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>Changes from now on (LATEST)</source>
        <translation>Änderungen ab jetzt (LATEST)</translation>
    </message>
    <message>
        <source>Every retained record (TRIM_HORIZON)</source>
        <translation>Alle vorgehaltenen Datensätze (TRIM_HORIZON)</translation>
    </message>
    <message>
        <source>Until success</source>
        <translation>Bis zum Erfolg</translation>
    </message>
    <message>
        <source>Split a failed batch in two and retry the halves</source>
        <translation>Fehlgeschlagenen Stapel halbieren und die Hälften erneut versuchen</translation>
    </message>
    <message>
        <source>None: passed-over batches are only logged</source>
        <translation>Keine: übersprungene Stapel werden nur protokolliert</translation>
    </message>
    <message>
        <source>Start delivering at once</source>
        <translation>Sofort mit der Zustellung beginnen</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Hinzufügen</translation>
    </message>
    <message>
        <source>Shell command; the event JSON arrives on stdin, exit 0 = success</source>
        <translation>Shell-Befehl; das Ereignis-JSON kommt über stdin, Exit-Code 0 = Erfolg</translation>
    </message>
    <message>
        <source>http://host:port/path; a 2xx answer = success</source>
        <translation>http://host:port/pfad; eine 2xx-Antwort = Erfolg</translation>
    </message>
    <message>
        <source>On-failure file</source>
        <translation>Fehlerdatei</translation>
    </message>
    <message>
        <source>JSON Lines (*.jsonl)</source>
        <translation>JSON Lines (*.jsonl)</translation>
    </message>
    <message>
        <source>The name must be 1 to 64 letters, digits, &apos;_&apos;, &apos;-&apos; or &apos;.&apos;</source>
        <translation>Der Name muss aus 1 bis 64 Buchstaben, Ziffern, &apos;_&apos;, &apos;-&apos; oder &apos;.&apos; bestehen</translation>
    </message>
    <message>
        <source>Enter the command to run</source>
        <translation>Geben Sie den auszuführenden Befehl ein</translation>
    </message>
    <message>
        <source>Enter an http:// URL with a host (https is not supported)</source>
        <translation>Geben Sie eine http://-URL mit Host ein (https wird nicht unterstützt)</translation>
    </message>
    <message>
        <source>The on-failure file&apos;s folder does not exist</source>
        <translation>Der Ordner der Fehlerdatei existiert nicht</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>&amp;Target:</source>
        <translation>&amp;Ziel:</translation>
    </message>
    <message>
        <source>&amp;Batch size:</source>
        <translation>&amp;Stapelgröße:</translation>
    </message>
    <message>
        <source>Batching &amp;window:</source>
        <translation>Sa&amp;mmelfenster:</translation>
    </message>
    <message>
        <source>&amp;Starting position:</source>
        <translation>Start&amp;position:</translation>
    </message>
    <message>
        <source>&amp;Retry attempts:</source>
        <translation>&amp;Wiederholungsversuche:</translation>
    </message>
    <message>
        <source>On-failure &amp;file:</source>
        <translation>&amp;Fehlerdatei:</translation>
    </message>
    <message>
        <source>T&amp;imeout:</source>
        <translation>Zeit&amp;limit:</translation>
    </message>
    <message>
        <source>Br&amp;owse…</source>
        <translation>&amp;Durchsuchen…</translation>
    </message>
</context>
<context>
    <name>dd::ui::TriggerPanel</name>
    <message>
        <source>Local triggers are a feature of Dynamodesk&apos;s embedded engine and of dynamodesk-server. This endpoint does not offer them; on AWS, attach a Lambda function to the stream instead.</source>
        <translation>Lokale Trigger gibt es in der eingebetteten Engine von Dynamodesk und in dynamodesk-server. Dieser Endpunkt bietet sie nicht an; verbinden Sie auf AWS stattdessen eine Lambda-Funktion mit dem Stream.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Triggers&lt;/b&gt; — run a command or POST to a URL with batches of this stream&apos;s records</source>
        <translation>&lt;b&gt;Trigger&lt;/b&gt; — einen Befehl ausführen oder an eine URL senden, mit Stapeln der Datensätze dieses Streams</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>Zugestellt</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Ziel</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>Hinzufügen…</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Anhalten</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Records</source>
        <translation>Datensätze</translation>
    </message>
    <message>
        <source>Sequence numbers</source>
        <translation>Sequenznummern</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Condition</source>
        <translation>Bedingung</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>Versuche</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>Recent runs</source>
        <translation>Letzte Läufe</translation>
    </message>
    <message>
        <source>Failures</source>
        <translation>Fehlschläge</translation>
    </message>
    <message>
        <source>Listing the triggers failed: %1</source>
        <translation>Auflisten der Trigger fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Fortsetzen</translation>
    </message>
    <message>
        <source>%1 · processed up to %2 · %3 invocation(s), %4 failed · %5 record(s) delivered, %6 passed over</source>
        <translation>%1 · verarbeitet bis %2 · %3 Aufruf(e), %4 fehlgeschlagen · %5 Datensätze zugestellt, %6 übersprungen</translation>
    </message>
    <message>
        <source>Log: %1</source>
        <translation>Protokoll: %1</translation>
    </message>
    <message>
        <source>exit %1</source>
        <translation>Exit-Code %1</translation>
    </message>
    <message>
        <source>HTTP %1</source>
        <translation>HTTP %1</translation>
    </message>
    <message>
        <source>retry %1</source>
        <translation>Wiederholung %1</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>Failures (%1)</source>
        <translation>Fehlschläge (%1)</translation>
    </message>
    <message>
        <source>Trigger %1 added</source>
        <translation>Trigger %1 hinzugefügt</translation>
    </message>
    <message>
        <source>Trigger %1 paused</source>
        <translation>Trigger %1 angehalten</translation>
    </message>
    <message>
        <source>Trigger %1 resumed</source>
        <translation>Trigger %1 fortgesetzt</translation>
    </message>
    <message>
        <source>Delete trigger</source>
        <translation>Trigger löschen</translation>
    </message>
    <message>
        <source>Delete the trigger %1? Its checkpoint is lost; records are not delivered to it any more.</source>
        <translation>Trigger %1 löschen? Sein Prüfpunkt geht verloren; es werden ihm keine Datensätze mehr zugestellt.</translation>
    </message>
    <message>
        <source>Trigger %1 deleted</source>
        <translation>Trigger %1 gelöscht</translation>
    </message>
</context>
<context>
    <name>dd::ui::TtlEditor</name>
    <message>
        <source>Cache TTLs</source>
        <translation>Cache-TTLs</translation>
    </message>
    <message>
        <source>milliseconds</source>
        <translation>Millisekunden</translation>
    </message>
    <message>
        <source>record-ttl-millis: how long GetItem and BatchGetItem answer an item from the item cache</source>
        <translation>record-ttl-millis: wie lange GetItem und BatchGetItem ein Element aus dem Element-Cache beantworten</translation>
    </message>
    <message>
        <source>query-ttl-millis: how long Query and Scan answer a response from the query cache</source>
        <translation>query-ttl-millis: wie lange Query und Scan eine Antwort aus dem Abfrage-Cache beantworten</translation>
    </message>
    <message>
        <source>&amp;Item TTL (record-ttl-millis):</source>
        <translation>&amp;Element-TTL (record-ttl-millis):</translation>
    </message>
    <message>
        <source>&amp;Query TTL (query-ttl-millis):</source>
        <translation>&amp;Abfrage-TTL (query-ttl-millis):</translation>
    </message>
    <message>
        <source>In milliseconds. An item read through a cluster is answered from the item cache until its TTL ends, so a write made around the cluster stays unseen until then; writes never refresh the query cache. Clusters that use the group take new TTLs at once.</source>
        <translation>In Millisekunden. Ein über einen Cluster gelesenes Element wird bis zum Ablauf seiner TTL aus dem Element-Cache beantwortet, daher bleibt ein am Cluster vorbei gemachter Schreibvorgang bis dahin unsichtbar; Schreibvorgänge frischen den Abfrage-Cache nie auf. Cluster, die die Gruppe nutzen, übernehmen neue TTLs sofort.</translation>
    </message>
    <message>
        <source>&amp;Save TTLs</source>
        <translation>TTLs &amp;speichern</translation>
    </message>
    <message>
        <source>Dax.UpdateParameterGroup</source>
        <translation>Dax.UpdateParameterGroup</translation>
    </message>
    <message>
        <source>Cache TTLs of %1</source>
        <translation>Cache-TTLs von %1</translation>
    </message>
    <message>
        <source>%1 is DAX&apos;s default group and cannot be changed: create a parameter group to use other TTLs.</source>
        <translation>%1 ist die Standardgruppe von DAX und kann nicht geändert werden: Erstellen Sie eine Parametergruppe, um andere TTLs zu verwenden.</translation>
    </message>
    <message>
        <source>enter a number of milliseconds</source>
        <translation>geben Sie eine Anzahl Millisekunden ein</translation>
    </message>
    <message>
        <source>a whole number of milliseconds, 0 or more</source>
        <translation>eine ganze Zahl von Millisekunden, 0 oder mehr</translation>
    </message>
    <message>
        <source>%1 d</source>
        <translation>%1 T</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1 h</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>never expire</source>
        <translation>laufen nie ab</translation>
    </message>
    <message>
        <source>not cached</source>
        <translation>nicht zwischengespeichert</translation>
    </message>
    <message>
        <source>Item TTL: %1</source>
        <translation>Element-TTL: %1</translation>
    </message>
    <message>
        <source>Query TTL: %1</source>
        <translation>Abfrage-TTL: %1</translation>
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
<context>
    <name>dd::ui::policytext</name>
    <message>
        <source>Line %1, column %2: %3</source>
        <translation>Zeile %1, Spalte %2: %3</translation>
    </message>
    <message>
        <source>a policy is a JSON object: {&quot;Version&quot;: &quot;2012-10-17&quot;, &quot;Statement&quot;: [...]}</source>
        <translation>eine Richtlinie ist ein JSON-Objekt: {&quot;Version&quot;: &quot;2012-10-17&quot;, &quot;Statement&quot;: [...]}</translation>
    </message>
    <message>
        <source>unexpected text after the end of the policy</source>
        <translation>unerwarteter Text nach dem Ende der Richtlinie</translation>
    </message>
    <message>
        <source>the text ends too early: %1</source>
        <translation>der Text endet zu früh: %1</translation>
    </message>
    <message>
        <source>nested too deeply</source>
        <translation>zu tief verschachtelt</translation>
    </message>
    <message>
        <source>expected a value: a string in double quotes, a number, an object, an array, true, false or null</source>
        <translation>Wert erwartet: eine Zeichenkette in doppelten Anführungszeichen, eine Zahl, ein Objekt, ein Array, true, false oder null</translation>
    </message>
    <message>
        <source>a comma before } with no member after it</source>
        <translation>ein Komma vor } ohne folgendes Feld</translation>
    </message>
    <message>
        <source>expected a member name in double quotes</source>
        <translation>Feldname in doppelten Anführungszeichen erwartet</translation>
    </message>
    <message>
        <source>expected : after the member name</source>
        <translation>: nach dem Feldnamen erwartet</translation>
    </message>
    <message>
        <source>expected a comma or } after the member</source>
        <translation>Komma oder } nach dem Feld erwartet</translation>
    </message>
    <message>
        <source>a comma before ] with no element after it</source>
        <translation>ein Komma vor ] ohne folgendes Element</translation>
    </message>
    <message>
        <source>expected a comma or ] after the element</source>
        <translation>Komma oder ] nach dem Element erwartet</translation>
    </message>
    <message>
        <source>a line break or control character inside a string (is a &quot; missing?)</source>
        <translation>ein Zeilenumbruch oder Steuerzeichen in einer Zeichenkette (fehlt ein &quot;?)</translation>
    </message>
    <message>
        <source>\u needs four hexadecimal digits</source>
        <translation>\u braucht vier Hexadezimalziffern</translation>
    </message>
    <message>
        <source>an escape sequence JSON does not know</source>
        <translation>eine Escape-Sequenz, die JSON nicht kennt</translation>
    </message>
    <message>
        <source>this string has no closing &quot;</source>
        <translation>dieser Zeichenkette fehlt das schließende &quot;</translation>
    </message>
    <message>
        <source>not a JSON number</source>
        <translation>keine JSON-Zahl</translation>
    </message>
    <message>
        <source>replace %1 with the name of an IAM user</source>
        <translation>ersetzen Sie %1 durch den Namen eines IAM-Benutzers</translation>
    </message>
    <message>
        <source>replace %1 with the name of an IAM role</source>
        <translation>ersetzen Sie %1 durch den Namen einer IAM-Rolle</translation>
    </message>
    <message>
        <source>replace %1 with a 12-digit AWS account ID</source>
        <translation>ersetzen Sie %1 durch eine 12-stellige AWS-Konto-ID</translation>
    </message>
</context>
<context>
    <name>dd::ui::queryspec</name>
    <message>
        <source>A condition needs an attribute name</source>
        <translation>Eine Bedingung braucht einen Attributnamen</translation>
    </message>
    <message>
        <source>Unknown operator %1</source>
        <translation>Unbekannter Operator %1</translation>
    </message>
    <message>
        <source>A BOOL value is true or false</source>
        <translation>Ein BOOL-Wert ist true oder false</translation>
    </message>
    <message>
        <source>A binary value is written in base64</source>
        <translation>Ein Binärwert wird in base64 geschrieben</translation>
    </message>
    <message>
        <source>The table&apos;s key schema is not known yet</source>
        <translation>Das Schlüsselschema der Tabelle ist noch nicht bekannt</translation>
    </message>
    <message>
        <source>A Query needs a value for the partition key %1</source>
        <translation>Eine Query braucht einen Wert für den Partitionsschlüssel %1</translation>
    </message>
    <message>
        <source>A key condition cannot use %1</source>
        <translation>Eine Schlüsselbedingung kann %1 nicht verwenden</translation>
    </message>
    <message>
        <source>A condition on the sort key %1 needs one on %2 first (= on every sort attribute before it)</source>
        <translation>Eine Bedingung auf dem Sortierschlüssel %1 erfordert zuerst eine auf %2 (= auf jedem Sortierattribut davor)</translation>
    </message>
    <message>
        <source>The sort key %1 needs = because %2 has a condition; only the last sort attribute used may have another operator</source>
        <translation>Der Sortierschlüssel %1 braucht =, weil %2 eine Bedingung hat; nur das zuletzt verwendete Sortierattribut darf einen anderen Operator haben</translation>
    </message>
</context>
</TS>
