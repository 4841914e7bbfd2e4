<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>Umbra::CalendarDialog</name>
    <message>
        <location filename="../ui/calendardialog.cpp" line="+30"/>
        <source>every day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>every week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>once</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Known events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Forecasts leave past occurrences of these events out of the normal pattern and apply what they learnt from them to future ones.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>For</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Starts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ends</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Repeats</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>e.g. winter sale, nightly backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Every VM and host</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Host %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>VM %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>For:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Starts:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ends:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Repeats:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Umbra::CalendarStore</name>
    <message>
        <location filename="../core/predict/calendarstore.cpp" line="+14"/>
        <source>The calendar of known events: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+33"/>
        <source>A known event needs a name and an end after its start.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Umbra::CredentialDialog</name>
    <message>
        <location filename="../ui/credentialdialog.cpp" line="+18"/>
        <source>Log in to %1</source>
        <translation>Anmelden bei %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>libvirt asks for credentials to connect to &lt;b&gt;%1&lt;/b&gt;.</source>
        <translation>libvirt fragt nach Zugangsdaten für die Verbindung zu &lt;b&gt;%1&lt;/b&gt;.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Answer</source>
        <translation>Antwort</translation>
    </message>
</context>
<context>
    <name>Umbra::Database</name>
    <message>
        <location filename="../core/store/database.cpp" line="+28"/>
        <source>%1 is not a file.</source>
        <translation>%1 ist keine Datei.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 cannot be read (permissions).</source>
        <translation>%1 kann nicht gelesen werden (Zugriffsrechte).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 is read-only; Umbra needs to write its history there. Choose another file with --database.</source>
        <translation>%1 ist schreibgeschützt; Umbra muss dort seinen Verlauf speichern. Wählen Sie mit --database eine andere Datei.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 cannot be opened: %2</source>
        <translation>%1 kann nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 is not an Umbra database (it is not a SQLite file). It was left untouched.</source>
        <translation>%1 ist keine Umbra-Datenbank (es ist keine SQLite-Datei). Die Datei wurde nicht verändert.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Cannot create the folder %1 for the database.</source>
        <translation>Der Ordner %1 für die Datenbank kann nicht angelegt werden.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Cannot create %1: the folder %2 is not writable.</source>
        <translation>%1 kann nicht angelegt werden: In den Ordner %2 kann nicht geschrieben werden.</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>%1 does not exist.</source>
        <translation>%1 existiert nicht.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Cannot open %1: %2</source>
        <translation>%1 kann nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Database error in “%1”: %2</source>
        <translation>Datenbankfehler in „%1“: %2</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+7"/>
        <source>%1 is not an Umbra database: %2. It was left untouched.</source>
        <translation>%1 ist keine Umbra-Datenbank: %2. Die Datei wurde nicht verändert.</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>%1 cannot be read: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 belongs to another application (SQLite application id %2). It was left untouched.</source>
        <translation>%1 gehört zu einer anderen Anwendung (SQLite-Anwendungskennung %2). Die Datei wurde nicht verändert.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 is a SQLite database, but not Umbra&apos;s. It was left untouched.</source>
        <translation>%1 ist eine SQLite-Datenbank, aber nicht die von Umbra. Die Datei wurde nicht verändert.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 was written by a newer Umbra (schema version %2; this version reads up to %3). It was left untouched; upgrade Umbra to open it.</source>
        <translation>%1 wurde von einer neueren Umbra-Version geschrieben (Schemaversion %2; diese Version liest bis %3). Die Datei wurde nicht verändert; aktualisieren Sie Umbra, um sie zu öffnen.</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Cannot start the schema upgrade of %1: %2</source>
        <translation>Die Schemaaktualisierung von %1 kann nicht gestartet werden: %2</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Upgrading %1 to schema version %2 failed; nothing was changed: %3</source>
        <translation>Die Aktualisierung von %1 auf Schemaversion %2 ist fehlgeschlagen; nichts wurde verändert: %3</translation>
    </message>
</context>
<context>
    <name>Umbra::DemoBanner</name>
    <message>
        <location filename="../ui/demobanner.cpp" line="+16"/>
        <source>DEMO</source>
        <translation>DEMO</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The usage shown is simulated by Umbra&apos;s workload generator on libvirt&apos;s test driver. No real virtual machines are measured.</source>
        <translation>Die angezeigte Auslastung wird von Umbras Lastgenerator auf dem Testtreiber von libvirt simuliert. Es werden keine echten virtuellen Maschinen gemessen.</translation>
    </message>
</context>
<context>
    <name>Umbra::DemoFleet</name>
    <message>
        <location filename="../core/demo/demofleet.cpp" line="+29"/>
        <source>Cannot create the demo fleet folder %1.</source>
        <translation>Der Ordner %1 für die Demo-Flotte kann nicht angelegt werden.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The demo fleet is missing from this build of Umbra.</source>
        <translation>In diesem Build von Umbra fehlt die Demo-Flotte.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Cannot read the demo fleet file %1.</source>
        <translation>Die Demo-Flottendatei %1 kann nicht gelesen werden.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Cannot write the demo fleet file %1: %2</source>
        <translation>Die Demo-Flottendatei %1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>Cannot write the fleet file %1: %2</source>
        <translation>Die Flottendatei %1 kann nicht geschrieben werden: %2</translation>
    </message>
</context>
<context>
    <name>Umbra::Engine</name>
    <message>
        <location filename="../core/engine/engine.cpp" line="+67"/>
        <source>The store is already open.</source>
        <translation>Die Datenbank ist bereits geöffnet.</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>Migration of %1 to %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Migration of %1 to %2: %3 (%4)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+103"/>
        <source>Open a database before adding hosts.</source>
        <translation>Öffnen Sie eine Datenbank, bevor Sie Hosts hinzufügen.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 is already in the fleet.</source>
        <translation>%1 gehört bereits zur Flotte.</translation>
    </message>
    <message>
        <location line="+93"/>
        <source>No database is open.</source>
        <translation>Es ist keine Datenbank geöffnet.</translation>
    </message>
    <message>
        <location line="+257"/>
        <source>No answer from the host for %1 s; still waiting.</source>
        <translation>Keine Antwort vom Host seit %1 s; es wird weiter gewartet.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>Umbra::EventLogModel</name>
    <message>
        <location filename="../ui/eventlogmodel.cpp" line="+108"/>
        <source>%1
(%2)</source>
        <translation>%1
(%2)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Severity</source>
        <translation>Schweregrad</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Host</source>
        <translation>Host</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>VM</source>
        <translation>VM</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Message</source>
        <translation>Meldung</translation>
    </message>
</context>
<context>
    <name>Umbra::EventRecord</name>
    <message>
        <location filename="../core/fleet/eventrecord.cpp" line="+11"/>
        <source>warning</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>info</source>
        <translation>Info</translation>
    </message>
</context>
<context>
    <name>Umbra::FleetModel</name>
    <message>
        <location filename="../ui/fleetmodel.cpp" line="+43"/>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <location line="+236"/>
        <source>%1
UUID %2
on %3</source>
        <translation>%1
UUID %2
auf %3</translation>
    </message>
    <message>
        <location line="+55"/>
        <source>%1 of %2 VMs running</source>
        <translation>%1 von %2 VMs laufen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>simulated usage</source>
        <translation>simulierte Auslastung</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>State: %1</source>
        <translation>Zustand: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Since: %1</source>
        <translation>Seit: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Last error: %1</source>
        <translation>Letzter Fehler: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Next retry: %1</source>
        <translation>Nächster Versuch: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Usage is simulated by Umbra&apos;s workload generator.</source>
        <translation>Die Auslastung wird von Umbras Lastgenerator simuliert.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>persistent</source>
        <translation>persistent</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>transient</source>
        <translation>transient</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>1 disk</source>
        <translation>1 Datenträger</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 disks</source>
        <translation>%1 Datenträger</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>1 NIC</source>
        <translation>1 Netzwerkkarte</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 NICs</source>
        <translation>%1 Netzwerkkarten</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>0–100 from utilisation, forecast headroom and error signals; the tooltip of a row explains its score.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Hosts: share of all CPUs. VMs: share of their vCPUs.</source>
        <translation>Hosts: Anteil an allen CPUs. VMs: Anteil an ihren vCPUs.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Used / total (hosts) or used / allocated (VMs)</source>
        <translation>Belegt / gesamt (Hosts) bzw. belegt / zugewiesen (VMs)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Hosts: physical CPUs. VMs: virtual CPUs.</source>
        <translation>Hosts: physische CPUs. VMs: virtuelle CPUs.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Health</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Memory</source>
        <translation>Speicher</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>CPUs</source>
        <translation>CPUs</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Host / info</source>
        <translation>Host / Info</translation>
    </message>
</context>
<context>
    <name>Umbra::FleetRepository</name>
    <message>
        <location filename="../core/store/fleetrepository.cpp" line="+24"/>
        <source>Fleet store: %1 failed: %2</source>
        <translation>Flottendatenbank: %1 ist fehlgeschlagen: %2</translation>
    </message>
    <message>
        <location line="+118"/>
        <source>The host %1 is not in the store.</source>
        <translation>Der Host %1 ist nicht in der Datenbank.</translation>
    </message>
</context>
<context>
    <name>Umbra::Format</name>
    <message>
        <location filename="../ui/format.cpp" line="+44"/>
        <source>%1/s</source>
        <translation>%1/s</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 MHz</source>
        <translation>%1 MHz</translation>
    </message>
</context>
<context>
    <name>Umbra::HealthProbe</name>
    <message>
        <location filename="../core/migrate/healthcheck.cpp" line="+20"/>
        <source>%1:%2 does not accept connections: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+13"/>
        <source>%1 is not an http:// URL.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+12"/>
        <source>%1: %2</source>
        <translation type="unfinished">%1: %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 did not answer within %2 ms.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 answered %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+12"/>
        <source>%1 is not HOST:PORT.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Umbra::HealthText</name>
    <message>
        <location filename="../ui/healthtext.cpp" line="+33"/>
        <source>not scored yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Health %1 — nothing to report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Health %1 — %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Scored from the first sample on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Health %1 of 100</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Unhealthy now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Predicted to be unhealthy within %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>−%1  %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Nothing deducted: utilisation, forecasts and error signals are fine.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 could reach 100 % in %2 (95 % band)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 reaches 100 % in %2 (between %3 and %4)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 reaches 100 % in %2 (perhaps in %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 reaches 100 % in %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Memory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>CPU</source>
        <translation type="unfinished">CPU</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Neither CPU nor memory is forecast to reach 100 % in the range shown.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Umbra::HistoryBar</name>
    <message>
        <location filename="../ui/historybar.cpp" line="+134"/>
        <source>Export CSV…</source>
        <translation>CSV exportieren …</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>1 hour</source>
        <translation>1 Stunde</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>The last hour, updated with every sample</source>
        <translation>Die letzte Stunde, mit jedem Messwert aktualisiert</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>1 day</source>
        <translation>1 Tag</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The last 24 hours from stored history, updated every minute</source>
        <translation>Die letzten 24 Stunden aus dem gespeicherten Verlauf, jede Minute aktualisiert</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>7 days</source>
        <translation>7 Tage</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The last 7 days from stored history, updated every minute</source>
        <translation>Die letzten 7 Tage aus dem gespeicherten Verlauf, jede Minute aktualisiert</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>30 days</source>
        <translation>30 Tage</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The last 30 days from stored history, updated every minute</source>
        <translation>Die letzten 30 Tage aus dem gespeicherten Verlauf, jede Minute aktualisiert</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Save the raw samples of every metric in the selected range as a CSV file (times in UTC). The store keeps raw samples for 48 hours unless configured otherwise, so a longer range holds its most recent part.</source>
        <translation>Die Rohmesswerte aller Metriken im gewählten Zeitraum als CSV-Datei speichern (Zeiten in UTC). Rohmesswerte werden, sofern nicht anders eingestellt, 48 Stunden aufbewahrt; ein längerer Zeitraum enthält daher nur seinen jüngsten Teil.</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>Export History as CSV</source>
        <translation>Verlauf als CSV exportieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Exporting…</source>
        <translation>Wird exportiert …</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The export was cancelled.</source>
        <translation>Der Export wurde abgebrochen.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Saved %1</source>
        <translation>%1 gespeichert</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Export failed</source>
        <translation>Export fehlgeschlagen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export Failed</source>
        <translation>Export fehlgeschlagen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The history could not be saved to %1.</source>
        <translation>Der Verlauf konnte nicht in %1 gespeichert werden.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Loading the last 24 hours…</source>
        <translation>Die letzten 24 Stunden werden geladen …</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Loading the last 7 days…</source>
        <translation>Die letzten 7 Tage werden geladen …</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Loading the last 30 days…</source>
        <translation>Die letzten 30 Tage werden geladen …</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Loading the last hour…</source>
        <translation>Die letzte Stunde wird geladen …</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>No history is stored for this range yet</source>
        <translation>Für diesen Zeitraum ist noch kein Verlauf gespeichert</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Stored history begins %1</source>
        <translation>Gespeicherter Verlauf ab %1</translation>
    </message>
</context>
<context>
    <name>Umbra::HostPage</name>
    <message>
        <location filename="../ui/hostpage.cpp" line="+79"/>
        <source>URI</source>
        <translation>URI</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hostname</source>
        <translation>Hostname</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hypervisor</source>
        <translation>Hypervisor</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CPU model</source>
        <translation>CPU-Modell</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CPUs</source>
        <translation>CPUs</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+28"/>
        <source>Memory</source>
        <translation>Arbeitsspeicher</translation>
    </message>
    <message>
        <location line="-27"/>
        <source>libvirt</source>
        <translation>libvirt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last error</source>
        <translation>Letzter Fehler</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Health</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+23"/>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>all CPUs</source>
        <translation>alle CPUs</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>used</source>
        <translation>belegt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>total</source>
        <translation>gesamt</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>History is kept to 0.01 % CPU and 1 KiB memory; longer ranges show each pixel&apos;s average with its min–max band. Dashed lines are forecasts, shaded with their 80 % and 95 % intervals.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+87"/>
        <source>Loading the last hour…</source>
        <translation>Die letzte Stunde wird geladen …</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Usage simulated by the workload generator</source>
        <translation>Auslastung vom Lastgenerator simuliert</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>%1 since %2</source>
        <translation>%1 seit %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>(retry at %1)</source>
        <translation>(neuer Versuch um %1)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>none</source>
        <translation>keiner</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>%1 × %2</source>
        <translation>%1 × %2</translation>
    </message>
</context>
<context>
    <name>Umbra::HostSession</name>
    <message>
        <location filename="../core/collect/hostsession.cpp" line="+90"/>
        <source>the connection failed</source>
        <translation>die Verbindung ist fehlgeschlagen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the host closed the connection</source>
        <translation>der Host hat die Verbindung geschlossen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the host stopped answering keepalives</source>
        <translation>der Host antwortet nicht mehr auf Keepalives</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the connection was closed</source>
        <translation>die Verbindung wurde geschlossen</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>defined</source>
        <translation>definiert</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>undefined</source>
        <translation>gelöscht</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>started</source>
        <translation>gestartet</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>suspended</source>
        <translation>angehalten</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>resumed</source>
        <translation>fortgesetzt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>stopped</source>
        <translation>gestoppt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>shut down</source>
        <translation>heruntergefahren</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>suspended by the guest</source>
        <translation>vom Gast in den Ruhezustand versetzt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>crashed</source>
        <translation>abgestürzt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>changed</source>
        <translation>geändert</translation>
    </message>
    <message>
        <location line="+158"/>
        <source>Reconnected to %1 (%2 VMs)</source>
        <translation>Wieder verbunden mit %1 (%2 VMs)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Connected to %1 (%2 VMs)</source>
        <translation>Verbunden mit %1 (%2 VMs)</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>%1 is unreachable: %2</source>
        <translation>%1 ist nicht erreichbar: %2</translation>
    </message>
    <message>
        <location line="+94"/>
        <source>the guest was paused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>reported to the guest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ignored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>I/O error on %1 (%2): %3; %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no reason given</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+17"/>
        <source>%1 was %2 and is gone from %3</source>
        <translation>%1 wurde %2 und ist von %3 verschwunden</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>%1 %2 (now %3)</source>
        <translation>%1 %2 (jetzt: %3)</translation>
    </message>
</context>
<context>
    <name>Umbra::HostState</name>
    <message>
        <location filename="../core/fleet/hostinfo.cpp" line="+11"/>
        <source>connecting</source>
        <translation>verbindet</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>connected</source>
        <translation>verbunden</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>degraded</source>
        <translation>beeinträchtigt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>unreachable</source>
        <translation>nicht erreichbar</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>disconnected</source>
        <translation>getrennt</translation>
    </message>
</context>
<context>
    <name>Umbra::HostStatusBar</name>
    <message>
        <location filename="../ui/hoststatusbar.cpp" line="+75"/>
        <source>&lt;b&gt;%1&lt;/b&gt; %2</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>State: %1</source>
        <translation>Zustand: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Since: %1</source>
        <translation>Seit: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Last error: %1</source>
        <translation>Letzter Fehler: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Next retry: %1</source>
        <translation>Nächster Versuch: %1</translation>
    </message>
</context>
<context>
    <name>Umbra::HostUri</name>
    <message>
        <location filename="../core/fleet/hosturi.cpp" line="+33"/>
        <source>Enter a libvirt URI, for example qemu:///system.</source>
        <translation>Geben Sie eine libvirt-URI ein, zum Beispiel qemu:///system.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>“%1” is not a libvirt URI. Expected a form like qemu:///system or qemu+ssh://user@host/system.</source>
        <translation>„%1“ ist keine libvirt-URI. Erwartet wird eine Form wie qemu:///system oder qemu+ssh://benutzer@host/system.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>“%1” uses the transport “%2”, which Umbra does not manage. Use test, qemu, qemu+ssh, qemu+tcp or qemu+tls.</source>
        <translation>„%1“ verwendet den Transport „%2“, den Umbra nicht unterstützt. Verwenden Sie test, qemu, qemu+ssh, qemu+tcp oder qemu+tls.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>“%1” needs a host name, for example %2://host.example.org/system.</source>
        <translation>„%1“ braucht einen Hostnamen, zum Beispiel %2://host.example.org/system.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>“%1”: the test driver takes no host; use test:///default or test:///absolute/path/fleet.xml.</source>
        <translation>„%1“: Der Testtreiber nimmt keinen Host an; verwenden Sie test:///default oder test:///absoluter/pfad/fleet.xml.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>“%1”: a QEMU URI ends in /system or /session.</source>
        <translation>„%1“: Eine QEMU-URI endet auf /system oder /session.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>“%1”: the test driver needs /default or an absolute path to a fleet XML file.</source>
        <translation>„%1“: Der Testtreiber braucht /default oder einen absoluten Pfad zu einer Flotten-XML-Datei.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>“%1”: the fleet file %2 does not exist.</source>
        <translation>„%1“: Die Flottendatei %2 existiert nicht.</translation>
    </message>
</context>
<context>
    <name>Umbra::HostsDialog</name>
    <message>
        <location filename="../ui/hostsdialog.cpp" line="+29"/>
        <source>Hosts</source>
        <translation>Hosts</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Host</source>
        <translation>Host</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>URI</source>
        <translation>URI</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Remove…</source>
        <translation>&amp;Entfernen …</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&lt;b&gt;Add a host&lt;/b&gt;</source>
        <translation>&lt;b&gt;Host hinzufügen&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>libvirt URI, e.g. qemu+ssh://admin@hv1.example.org/system</source>
        <translation>libvirt-URI, z. B. qemu+ssh://admin@hv1.example.org/system</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Add</source>
        <translation>&amp;Hinzufügen</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Local: &lt;tt&gt;test:///default&lt;/tt&gt;, &lt;tt&gt;test:///abs/path/fleet.xml&lt;/tt&gt;, &lt;tt&gt;qemu:///system&lt;/tt&gt;&lt;br&gt;Remote: &lt;tt&gt;qemu+ssh://user@host/system&lt;/tt&gt;, &lt;tt&gt;qemu+tcp://host/system&lt;/tt&gt;, &lt;tt&gt;qemu+tls://host/system&lt;/tt&gt;</source>
        <translation>Lokal: &lt;tt&gt;test:///default&lt;/tt&gt;, &lt;tt&gt;test:///abs/pfad/fleet.xml&lt;/tt&gt;, &lt;tt&gt;qemu:///system&lt;/tt&gt;&lt;br&gt;Entfernt: &lt;tt&gt;qemu+ssh://benutzer@host/system&lt;/tt&gt;, &lt;tt&gt;qemu+tcp://host/system&lt;/tt&gt;, &lt;tt&gt;qemu+tls://host/system&lt;/tt&gt;</translation>
    </message>
    <message>
        <location line="+98"/>
        <source>Remove host</source>
        <translation>Host entfernen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stop watching %1?

Its VMs keep running; Umbra stops collecting from it.</source>
        <translation>%1 nicht mehr beobachten?

Seine VMs laufen weiter; Umbra erfasst nur keine Daten mehr von diesem Host.</translation>
    </message>
</context>
<context>
    <name>Umbra::InventoryReader</name>
    <message>
        <location filename="../core/collect/inventoryreader.cpp" line="+28"/>
        <source>libvirt reported no detail</source>
        <translation>libvirt hat keine Einzelheiten gemeldet</translation>
    </message>
    <message>
        <location line="+70"/>
        <source>The domain description of “%1” is not valid XML: %2 (line %3)</source>
        <translation>Die Domänenbeschreibung von „%1“ ist kein gültiges XML: %2 (Zeile %3)</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Cannot read the state of “%1”: %2</source>
        <translation>Der Zustand von „%1“ kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Cannot read the definition of “%1”: %2</source>
        <translation>Die Definition von „%1“ kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Cannot list the domains: %1</source>
        <translation>Die Domänen können nicht aufgelistet werden: %1</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Cannot read the host&apos;s hardware: %1</source>
        <translation>Die Hardware des Hosts kann nicht gelesen werden: %1</translation>
    </message>
</context>
<context>
    <name>Umbra::LibvirtLink</name>
    <message>
        <location filename="../core/migrate/libvirtlink.cpp" line="+29"/>
        <source>unknown libvirt error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1: %2</source>
        <translation type="unfinished">%1: %2</translation>
    </message>
    <message>
        <location line="+71"/>
        <source>%1 is unreachable: %2</source>
        <translation type="unfinished">%1 ist nicht erreichbar: %2</translation>
    </message>
    <message>
        <location line="+20"/>
        <location line="+6"/>
        <location line="+141"/>
        <source>Looking up %1 on %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-130"/>
        <source>Reading the host facts of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Listing the domains of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Reading the state of %1 on %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+19"/>
        <location line="+43"/>
        <location line="+34"/>
        <location line="+80"/>
        <location line="+66"/>
        <location line="+20"/>
        <location line="+53"/>
        <source>%1 is not defined on %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-292"/>
        <source>Reading the definition of %1 on %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Comparing CPUs on %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Measuring the dirty-page rate of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Reading the dirty-page rate of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+14"/>
        <source>The dirty-page rate of %1 was not measured in time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+30"/>
        <location line="+9"/>
        <source>Migrating to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-4"/>
        <source>A direct migration needs a libvirt connection to the target.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Reading the job statistics of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Aborting the job of %1 on %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Setting the maximum downtime of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Switching %1 to post-copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Starting %1 on %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Resuming %1 on %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Stopping %1 on %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Defining the domain on %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Undefining %1 on %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Creating the restore point of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Folding the overlay of %1 back (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Watching the commit of %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The commit of %1 (%2) ended without reaching its pivot.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Folding the overlay of %1 back (%2) did not finish in %3 s%4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1 is in no storage pool of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Deleting %1 on %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Umbra::LibvirtStatsSource</name>
    <message>
        <location filename="../core/collect/libvirtstatssource.cpp" line="+109"/>
        <source>Collecting domain statistics failed: %1</source>
        <translation>Das Erfassen der Domänenstatistik ist fehlgeschlagen: %1</translation>
    </message>
</context>
<context>
    <name>Umbra::MainWindow</name>
    <message>
        <location filename="../ui/mainwindow.cpp" line="+44"/>
        <source>Umbra</source>
        <translation>Umbra</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Event log</source>
        <translation>Ereignisprotokoll</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Migrations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Filter hosts and VMs by name</source>
        <translation>Hosts und VMs nach Namen filtern</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add/Remove &amp;Hosts…</source>
        <translation>&amp;Hosts hinzufügen/entfernen …</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Known &amp;Events…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Fleet &amp;Overview</source>
        <translation>Flotten&amp;übersicht</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Dark Theme</source>
        <translation>&amp;Dunkles Design</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Filter Fleet</source>
        <translation>Flotte &amp;filtern</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;About Umbra</source>
        <translation>Ü&amp;ber Umbra</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>About &amp;Qt</source>
        <translation>Über &amp;Qt</translation>
    </message>
    <message>
        <location line="+79"/>
        <source>About Umbra</source>
        <translation>Über Umbra</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;h3&gt;Umbra %1&lt;/h3&gt;&lt;p&gt;An operations console for KVM/QEMU fleets managed by libvirt. It watches every host and VM, keeps an hour of history at hand and acts ahead of trouble.&lt;/p&gt;&lt;p&gt;History is kept in &lt;tt&gt;%2&lt;/tt&gt;.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Umbra %1&lt;/h3&gt;&lt;p&gt;Eine Betriebskonsole für KVM/QEMU-Flotten, die mit libvirt verwaltet werden. Sie beobachtet jeden Host und jede VM, hält eine Stunde Verlauf bereit und handelt, bevor Probleme entstehen.&lt;/p&gt;&lt;p&gt;Der Verlauf wird in &lt;tt&gt;%2&lt;/tt&gt; gespeichert.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>Umbra::MetricChart</name>
    <message>
        <location filename="../ui/metricchart.cpp" line="+38"/>
        <source>%</source>
        <translation>%</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>B</source>
        <translation>B</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>KiB</source>
        <translation>KiB</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>MiB</source>
        <translation>MiB</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>GiB</source>
        <translation>GiB</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>TiB</source>
        <translation>TiB</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1/s</source>
        <translation>%1/s</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>d MMM</source>
        <comment>date on a chart axis (QDate format: day, short month)</comment>
        <translation>d. MMM</translation>
    </message>
    <message>
        <location line="+176"/>
        <source>%1 (forecast)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+447"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
</context>
<context>
    <name>Umbra::MigrateCommand</name>
    <message>
        <location filename="../app/migratecommand.cpp" line="+78"/>
        <source>%1 is not active on any of the --connect hosts%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Live-migrate the VM &lt;name&gt; (or UUID) from the --connect host where it runs to --to, without a window: stages on standard error, one line of JSON on standard output. Exit status 0 only when the VM ends running on the target.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>With --migrate, the libvirt URI of the target host.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>With --migrate, the longest pause allowed at the switch-over (default 300).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>With --migrate, cap the migration bandwidth (default: unlimited).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>With --migrate, throttle the guest&apos;s CPU when memory changes faster than it is copied.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>With --migrate, switch to post-copy when pre-copy does not converge.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>With --migrate, keep the (inactive) definition on the source for rollback.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>With --migrate, the VM is healthy on the target when &lt;url&gt; answers 2xx.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>With --migrate, the VM is healthy on the target when &lt;host:port&gt; accepts a connection.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>With --migrate, the VM is healthy on the target when its guest agent answers a ping.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>With --migrate, how long the health check may take to pass (default 60).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>With --migrate, the data channel to the target, e.g. tcp://10.0.0.12.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>With --migrate, the data channel back to the source for a rollback (default: tcp:// to the source&apos;s host when --migration-uri is tcp://).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>With --migrate, shared (disks stay), copy (disks are copied) or auto (ask the hosts&apos; storage pools; the default).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>With --migrate, drive the migration from this console with a connection to each host, instead of host to host (peer-to-peer).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>With --migrate, migrate even if libvirt considers the disk cache mode unsafe.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>With --migrate, make no disk restore point (the saved definition remains).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>With --migrate, refuse to move a VM whose disks cannot get a restore point.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>With --migrate, memory the target keeps for itself (default 256).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>With --migrate, abort and roll back a transfer that takes longer (default: no limit).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>End the migration jobs that a stopped console left unfinished, from what the hosts say now, print them as JSON and exit, without a window.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+19"/>
        <source>--%1 wants a whole number from %2 to %3, not “%4”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+38"/>
        <source>--storage is auto, shared or copy, not “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Give one of --health-url, --health-tcp and --health-agent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>--health-url wants an http:// URL, not “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>--health-tcp wants HOST:PORT, not “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>“%1” is not a migration URI such as tcp://10.0.0.12.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>--migrate needs --to URI, the target host.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>--migrate needs --connect URI, the host the VM runs on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+32"/>
        <source>migration job %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+17"/>
        <source>    %1 % of %2 MiB, %3 MiB/s, round %4, dirty %5 MiB/s%6</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>, post-copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+13"/>
        <source>cancelling…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Umbra::Migration</name>
    <message>
        <location filename="../core/migrate/migrationtypes.cpp" line="+77"/>
        <source>Pending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Preflight checks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Prediction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Restore point</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Transfer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Traffic redirect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Verification</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Finalize</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Rolling back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reconciling</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Completed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Rolled back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Needs attention</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Umbra::MigrationDialog</name>
    <message>
        <location filename="../ui/migrationdialog.cpp" line="+30"/>
        <source>%1 s</source>
        <translation type="unfinished">%1/s {1 ?}</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Migrate %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Move &lt;b&gt;%1&lt;/b&gt; (%2 of memory) from %3 to another host while it runs. Before anything moves Umbra checks the target&apos;s CPU, memory and storage; a failure at any step moves it back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Target host</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Free memory after the move</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Running VMs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source> ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>unlimited</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source> MiB/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Slow the guest&apos;s CPU down if the copy cannot catch up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keep the definition on the source for a rollback</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>http://web01.example/health (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Longest pause:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bandwidth:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Check after the move:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Check runs the preflight and measures the guest before anything moves; its findings appear here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Migrate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+16"/>
        <location line="+33"/>
        <source>%1: %2</source>
        <translation type="unfinished">%1: %2</translation>
    </message>
    <message>
        <location line="-21"/>
        <source>not measured</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Preflight passed. Predicted: %1 in all, the VM paused for about %2 (%3 copy rounds at %4, the guest dirtying %5). Migrate to go ahead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+63"/>
        <source>Checking %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+63"/>
        <source>%1 short</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Not enough memory for %1 after the move.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+45"/>
        <source>No other connected host to move to.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose a target with room for this VM.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+16"/>
        <source>First estimate: about %1 in all, the VM paused for about %2 at the switch-over (%3 copy rounds). Check measures the guest&apos;s dirty-page rate and refines it.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Umbra::MigrationJob</name>
    <message>
        <location filename="../core/migrate/migrationjob.cpp" line="+112"/>
        <source>The migration journal cannot be opened, so nothing was done: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The migration journal cannot be written, so nothing was done: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Cancelled by the operator before anything changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Waiting for the operator&apos;s approval.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Approved by the operator.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Redirecting traffic failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Cancelled by the operator after the transfer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+496"/>
        <source>Cancelled by the operator during verification.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-473"/>
        <source>The source host is unreachable: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>No VM named or numbered “%1” is defined on %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 is not running on %2; only a running VM is moved live.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 is transient on %2; Umbra moves persistent VMs only, so that a definition always stays behind until the target is verified.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The target host is unreachable: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The target host does not answer as a healthy host: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 and %2 are the same host (%3); a VM cannot migrate onto the host it runs on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>host UUID %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>same connection URI</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 is already active on the target %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The target already holds an inactive definition of %1; the migration replaces it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Not enough memory on %1: %2 needs %3 MiB, the target has %4 MiB usable after keeping %5 MiB for itself (%6 MiB total, %7 MiB free, %8 MiB held by %9 running VMs).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Not enough CPU on %1: %2 more vCPUs would make %3 on %4 host CPUs, above the allowed %5 per CPU.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+16"/>
        <source>CPU: no model to check.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>CPU compatibility not checked: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The CPU of %1 is incompatible with the target %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>CPU: the target can provide the VM&apos;s CPU.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Cannot tell whether %1 is on storage shared with %2 (no storage pool of either host holds it). Choose the shared or copy storage mode explicitly.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Storage: shared, disks stay where they are.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Storage: disks are copied to the target.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Target %1: %2 MiB usable for %3 MiB, %4 of %5 vCPU slots taken.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Dirty-page rate not measured, assuming %1 MiB/s: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Predicted %1 s in total, %2 ms downtime, %3 rounds%4 (memory %5 MiB, dirty %6 MiB/s, bandwidth %7 MiB/s %8, overhead %9 ms, switch-over %10 ms).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>, does not converge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>measured</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+40"/>
        <source>disk %1 is %2 %3, not a qcow2 file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>restore points are turned off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the VM has no writable disk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the disks are copied, not shared</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Restore point: the disks as they were are the base of the overlay%1 %2%3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source> (file systems quiesced by the guest agent)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <source>No restore point could be made (%1), and the settings require one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No disk restore point (%1); the saved definition is the restore point.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+63"/>
        <source>Switched to post-copy after %1 rounds.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Cancel ignored: post-copy has started; the VM can only finish on the target.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Cancelled by the operator during the transfer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The transfer took longer than %1 s and was aborted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+14"/>
        <source>The transfer failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The migration finished before the abort took effect.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Transferred in %1 s (predicted %2 s), downtime %3 ms (predicted %4 ms), %5 MiB/s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+23"/>
        <source>%1 is not defined on the target.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 is not running on the target (state %2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 is still active on the source.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+18"/>
        <source>The guest agent of %1 does not answer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 runs on the target%2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source> and passed its health check (attempt %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Verification on the target failed after %1 attempts: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+13"/>
        <source>%1 runs verified on the target, but its definition there cannot be read: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 runs verified on the target, but could not be made persistent there; its source definition was kept: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Made %1 persistent on the target.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Kept the inactive definition of %1 on the source for rollback.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 runs verified on the target, but its old definition on the source could not be removed: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Removed the definition of %1 from the source.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The overlay %1 stays in the chain of %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Folded the restore point&apos;s overlays back into their base files%1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>; no storage pool holds %1, so the file stays</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+15"/>
        <source>%1 runs on the target after all.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Started %1 again on the source.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The target could not be checked for leftovers: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>A definition is left on the target: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Removed the leftover definition from the target.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 is not running on the source afterwards: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+45"/>
        <source>state %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-14"/>
        <source>Moving %1 back to the source.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Moving it back failed: %1. %2 stays on the target; its source definition is kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1 is not running on the source after moving back: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Its definition is left on the target: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 runs on the source again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Umbra::MigrationJournal</name>
    <message>
        <location filename="../core/migrate/migrationjournal.cpp" line="+74"/>
        <location line="+4"/>
        <location line="+8"/>
        <location line="+33"/>
        <location line="+101"/>
        <location line="+4"/>
        <location line="+47"/>
        <location line="+47"/>
        <location line="+16"/>
        <source>Migration journal: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-239"/>
        <source>Migration journal: commit failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+192"/>
        <source>No migration job %1 in the journal.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Umbra::MigrationsPanel</name>
    <message>
        <location filename="../ui/migrationspanel.cpp" line="+27"/>
        <source>%1 s</source>
        <translation type="unfinished">%1/s {1 ?}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 / %2</source>
        <translation type="unfinished">%1 / %2</translation>
    </message>
    <message>
        <location line="+20"/>
        <location line="+3"/>
        <source>VM</source>
        <translation type="unfinished">VM</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>To</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Stage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Copied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Dirty rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Finished</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>From → to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Duration predicted / actual</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Pause predicted / actual</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+13"/>
        <source>No migration is running. Start one with Migrate… on a VM&apos;s page.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+47"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+70"/>
        <source>%1 → %2</source>
        <translation type="unfinished">%1 → %2</translation>
    </message>
</context>
<context>
    <name>Umbra::ModelStateStore</name>
    <message>
        <location filename="../core/predict/modelstatestore.cpp" line="+38"/>
        <source>Reading a stored model failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Saving the demand models failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Umbra::OverviewPage</name>
    <message>
        <location filename="../ui/overviewpage.cpp" line="+33"/>
        <source>Hosts connected</source>
        <translation>Verbundene Hosts</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>VMs running</source>
        <translation>Laufende VMs</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fleet CPU</source>
        <translation>Flotten-CPU</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fleet memory</source>
        <translation>Flotten-Arbeitsspeicher</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Host CPU</source>
        <translation>Host-CPU</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Host memory used</source>
        <translation>Belegter Host-Arbeitsspeicher</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Double-click a host for its details; select a VM in the fleet tree for its charts.</source>
        <translation>Doppelklicken Sie auf einen Host, um Einzelheiten zu sehen; wählen Sie eine VM im Flottenbaum, um ihre Diagramme zu sehen.</translation>
    </message>
    <message>
        <location line="+146"/>
        <location line="+4"/>
        <source>%1 of %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>%1 unreachable</source>
        <translation>%1 nicht erreichbar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>all connected</source>
        <translation>alle verbunden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>connecting…</source>
        <translation>Verbindung wird aufgebaut …</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 not running</source>
        <translation>%1 nicht aktiv</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>on 1 host CPU</source>
        <translation>auf 1 Host-CPU</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>weighted across %1 host CPUs</source>
        <translation>gewichtet über %1 Host-CPUs</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 of %2 in use</source>
        <translation>%1 von %2 belegt</translation>
    </message>
</context>
<context>
    <name>Umbra::Predict</name>
    <message>
        <location filename="../core/predict/forecasterstate.cpp" line="+125"/>
        <source>The forecaster state has an invalid sampling interval or history size.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The forecaster state&apos;s history is damaged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+14"/>
        <location line="+6"/>
        <location line="+51"/>
        <location line="+6"/>
        <source>The forecaster state&apos;s events are damaged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-40"/>
        <location line="+7"/>
        <location line="+8"/>
        <location line="+9"/>
        <source>The forecaster state&apos;s model is damaged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+30"/>
        <source>The forecaster state is damaged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+33"/>
        <source>This is not a saved forecaster state.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The forecaster state was saved by a newer Umbra (format %1; this version reads up to format %2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The forecaster state has an unknown format.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The forecaster state is corrupt (checksum mismatch).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The forecaster state is corrupt (cannot be decompressed).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/predict/healthscore.cpp" line="+55"/>
        <source>CPU at %1 % of capacity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Memory at %1 % of capacity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>CPU forecast to saturate in %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Memory forecast to run out in %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>1 I/O error in the last hour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 I/O errors in the last hour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>1 failed reconnect in the last hour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 failed reconnects in the last hour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Guest is not responding</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Unusual behaviour (anomaly score %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Failure risk of %1 %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+54"/>
        <source>about 1 minute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>about %1 minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>about 1 hour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>about %1 hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>about 1 day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>about %1 days</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Umbra::PredictionService</name>
    <message>
        <location filename="../core/predict/predictionservice.cpp" line="+262"/>
        <source>%1 is unhealthy (health %2): %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 is predicted to be unhealthy within %2 (health %3): %4</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Umbra::Reconciler</name>
    <message>
        <location filename="../core/migrate/reconciler.cpp" line="+26"/>
        <source>not defined</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1, %2</source>
        <translation type="unfinished">%1: %2 {1,?}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>persistent</source>
        <translation type="unfinished">persistent</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>transient</source>
        <translation type="unfinished">transient</translation>
    </message>
    <message>
        <location line="+86"/>
        <source>Interrupted in %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Interrupted before anything changed (in %1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Cannot reconcile %1 while a host is unreachable: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>A migration job of %1 is still running on the source; aborting it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Source: %1. Target: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Cannot read the state of %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The overlay of %1 stays: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Stopped the paused incoming copy on the target.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 is active on both hosts (source: %2; target: %3). Stop the copy that should not run.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+14"/>
        <source>%1 runs on the target but cannot be made persistent there: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 runs on the target; removing its source definition failed: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Reconciled: %1 runs on the target%2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>; the source definition is kept for rollback</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1 runs on the source; removing the leftover definition on the target failed: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 is active on the source but not running: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Reconciled: %1 runs on the source; nothing is left on the target.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 runs on neither host (source: %2; target: %3). Its definition before the move is in the journal (job %4)%5.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>; the base files of its disk overlays are the restore point</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Umbra::RiskModel</name>
    <message>
        <location filename="../ui/riskmodel.cpp" line="+83"/>
        <source>%1 on %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+44"/>
        <source>now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>within %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Host or VM</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Health</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Unhealthy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Main reason</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Umbra::RiskPanel</name>
    <message>
        <location filename="../ui/riskpanel.cpp" line="+28"/>
        <source>At risk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Next hour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Next day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Next week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+56"/>
        <source>Nothing is unhealthy or forecast to become unhealthy in this time.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Umbra::SampleStore</name>
    <message>
        <location filename="../core/store/samplestore.cpp" line="+92"/>
        <location line="+25"/>
        <source>This sample store is read-only.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Umbra::Schema</name>
    <message>
        <location filename="../core/store/schema.cpp" line="+147"/>
        <source>Moving samples to time series failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+58"/>
        <source>Step to version %1 failed at “%2”: %3</source>
        <translation>Der Schritt zu Version %1 ist bei „%2“ fehlgeschlagen: %3</translation>
    </message>
</context>
<context>
    <name>Umbra::SeriesCsv</name>
    <message>
        <location filename="../core/series/csvseries.cpp" line="+102"/>
        <source>%1, line %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 is empty; a header line and samples were expected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>the header names no value column (time first, then values).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+17"/>
        <source>%1 fields where the header has %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>“%1” is not a time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>“%1” in column “%2” is not a number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Cannot read %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+60"/>
        <source>Writing the CSV failed: %1</source>
        <translation>Das Schreiben der CSV-Datei ist fehlgeschlagen: %1</translation>
    </message>
</context>
<context>
    <name>Umbra::SeriesReader</name>
    <message>
        <location filename="../core/series/seriesreader.cpp" line="+22"/>
        <source>Time series: %1 failed: %2</source>
        <translation>Zeitreihen: %1 ist fehlgeschlagen: %2</translation>
    </message>
</context>
<context>
    <name>Umbra::SeriesWriter</name>
    <message>
        <location filename="../core/series/serieswriter.cpp" line="+21"/>
        <source>Time series: %1 failed: %2</source>
        <translation type="unfinished">Zeitreihen: %1 ist fehlgeschlagen: %2</translation>
    </message>
    <message>
        <location line="+96"/>
        <source>Time series: there is no series %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Umbra::StoreReader</name>
    <message>
        <location filename="../core/store/storereader.cpp" line="+156"/>
        <source>No history is stored for %1.</source>
        <translation>Für %1 ist kein Verlauf gespeichert.</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+6"/>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
</context>
<context>
    <name>Umbra::StoreWriter</name>
    <message>
        <location filename="../core/store/storewriter.cpp" line="+75"/>
        <source>The database %1 is not open; nothing is being stored.</source>
        <translation>Die Datenbank %1 ist nicht geöffnet; es wird nichts gespeichert.</translation>
    </message>
    <message>
        <location line="+71"/>
        <source>Removing expired history from %1 failed: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Cannot write to %1: %2</source>
        <translation>In %1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <location line="-71"/>
        <source>Writing samples to %1 failed: %2</source>
        <translation>Das Schreiben der Messwerte in %1 ist fehlgeschlagen: %2</translation>
    </message>
</context>
<context>
    <name>Umbra::VmPage</name>
    <message>
        <location filename="../ui/vmpage.cpp" line="+69"/>
        <source>Host</source>
        <translation>Host</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>vCPUs</source>
        <translation>vCPUs</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+34"/>
        <source>Memory</source>
        <translation>Arbeitsspeicher</translation>
    </message>
    <message>
        <location line="-33"/>
        <source>Definition</source>
        <translation>Definition</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Disks</source>
        <translation>Datenträger</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>NICs</source>
        <translation>Netzwerkkarten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>UUID</source>
        <translation>UUID</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Health</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Migrate…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Move this VM to another host while it runs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+22"/>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>of its vCPUs</source>
        <translation>ihrer vCPUs</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>of the host</source>
        <translation>des Hosts</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>used</source>
        <translation>belegt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>available</source>
        <translation>verfügbar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Disk I/O</source>
        <translation>Datenträger-E/A</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>read</source>
        <translation>gelesen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>write</source>
        <translation>geschrieben</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Network</source>
        <translation>Netzwerk</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>received</source>
        <translation>empfangen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>sent</source>
        <translation>gesendet</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>History is kept to 0.01 % CPU, 1 KiB memory, 1 B/s throughput and 0.01/s operations; longer ranges show each pixel&apos;s average with its min–max band. Dashed lines are forecasts, shaded with their 80 % and 95 % intervals.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+80"/>
        <source>Loading the last hour…</source>
        <translation>Die letzte Stunde wird geladen …</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>%1 (max %2)</source>
        <translation>%1 (max. %2)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>persistent</source>
        <translation>persistent</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>transient</source>
        <translation>transient</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Defined on the host; survives a shutdown.</source>
        <translation>Auf dem Host definiert; bleibt nach dem Herunterfahren erhalten.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Exists only while it runs.</source>
        <translation>Existiert nur, solange sie läuft.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 %2 on %3: %4</source>
        <translation>%1 %2 an %3: %4</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+9"/>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1: %2 on %3 %4</source>
        <translation>%1: %2 an %3 %4</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>removed from the host</source>
        <translation>vom Host entfernt</translation>
    </message>
</context>
<context>
    <name>Umbra::VmState</name>
    <message>
        <location filename="../core/fleet/vminfo.cpp" line="+11"/>
        <source>running</source>
        <translation>läuft</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>blocked</source>
        <translation>blockiert</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>paused</source>
        <translation>pausiert</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>shutting down</source>
        <translation>fährt herunter</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>shut off</source>
        <translation>aus</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>crashed</source>
        <translation>abgestürzt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>suspended</source>
        <translation>im Ruhezustand</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../app/commandline.cpp" line="+60"/>
        <source>--retention wants resolution=duration pairs such as raw=48h,1m=14d,5m=90d,1h=2y, not “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Umbra: an operations console for KVM/QEMU fleets that acts ahead of trouble.</source>
        <translation>Umbra: eine Betriebskonsole für KVM/QEMU-Flotten, die handelt, bevor Probleme entstehen.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Add the libvirt host &lt;uri&gt; to the fleet (repeatable): test:///default, test:///path/fleet.xml, qemu:///system, qemu+ssh://user@host/system, qemu+tcp://…, qemu+tls://….</source>
        <translation>Den libvirt-Host &lt;uri&gt; zur Flotte hinzufügen (mehrfach möglich): test:///default, test:///pfad/fleet.xml, qemu:///system, qemu+ssh://benutzer@host/system, qemu+tcp://…, qemu+tls://….</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Run on the built-in demo fleet (libvirt&apos;s test driver, usage simulated by a workload generator).</source>
        <translation>Mit der eingebauten Demo-Flotte arbeiten (Testtreiber von libvirt, Auslastung von einem Lastgenerator simuliert).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Keep history in the SQLite file &lt;path&gt; (default: umbra.db, or demo.db with --demo, in the user&apos;s data folder).</source>
        <translation>Den Verlauf in der SQLite-Datei &lt;path&gt; speichern (Standard: umbra.db, mit --demo demo.db, im Datenordner des Benutzers).</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Collect statistics every &lt;seconds&gt; (default 5).</source>
        <translation>Alle &lt;seconds&gt; Sekunden Statistiken erfassen (Standard: 5).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Print the inventory of the given hosts as JSON on standard output and exit, without a window.</source>
        <translation>Das Inventar der angegebenen Hosts als JSON auf der Standardausgabe ausgeben und beenden, ohne Fenster.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>With --print-inventory, give up on a host after &lt;seconds&gt; (default 30).</source>
        <translation>Mit --print-inventory einen Host nach &lt;seconds&gt; Sekunden aufgeben (Standard: 30).</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Render the main window to the PNG file &lt;path&gt; before quitting (use with --quit-after).</source>
        <translation>Das Hauptfenster vor dem Beenden in die PNG-Datei &lt;path&gt; zeichnen (zusammen mit --quit-after).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Quit after &lt;seconds&gt;.</source>
        <translation>Nach &lt;seconds&gt; Sekunden beenden.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Colour theme: light or dark.</source>
        <translation>Farbschema: light (hell) oder dark (dunkel).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Keep history per resolution for the given durations, e.g. raw=48h,1m=14d,5m=90d,1h=2y (the defaults).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Write the stored history of &lt;entity&gt; (vm/NAME, vm/UUID or host/URI) as CSV and exit, without a window.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>With --export-csv, how far back to go, e.g. 30m, 24h, 7d (default 24h).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>With --export-csv, the file to write (default: standard output).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Store the series of the CSV file &lt;path&gt; (time first, then one column per series) and exit, without a window.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>With --import-csv, store the columns as series &lt;prefix&gt;/&lt;column&gt; (default: import/&lt;file name&gt;).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+22"/>
        <source>--interval wants seconds between 0.1 and 3600, not “%1”.</source>
        <translation>--interval erwartet Sekunden zwischen 0,1 und 3600, nicht „%1“.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>--timeout wants a positive number of seconds, not “%1”.</source>
        <translation>--timeout erwartet eine positive Anzahl Sekunden, nicht „%1“.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>--quit-after wants a positive number of seconds, not “%1”.</source>
        <translation>--quit-after erwartet eine positive Anzahl Sekunden, nicht „%1“.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>--screenshot needs --quit-after SECONDS to know when to take it.</source>
        <translation>--screenshot braucht --quit-after SEKUNDEN, um zu wissen, wann das Bild aufgenommen wird.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>--theme is light or dark, not “%1”.</source>
        <translation>--theme ist light oder dark, nicht „%1“.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>--since wants a duration such as 30m, 24h or 7d, not “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>--export-csv wants vm/NAME, vm/UUID or host/URI, not “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>--print-inventory needs at least one --connect URI (or --demo).</source>
        <translation>--print-inventory braucht mindestens ein --connect URI (oder --demo).</translation>
    </message>
    <message>
        <location filename="../app/consolesetup.cpp" line="+40"/>
        <source>Umbra cannot start</source>
        <translation>Umbra kann nicht starten</translation>
    </message>
    <message>
        <location line="+59"/>
        <source>Hosts not added</source>
        <translation>Hosts nicht hinzugefügt</translation>
    </message>
    <message>
        <location filename="../app/inventoryprinter.cpp" line="+108"/>
        <source>No answer within %1 s.</source>
        <translation>Keine Antwort innerhalb von %1 s.</translation>
    </message>
    <message>
        <location filename="../app/historycommands.cpp" line="+53"/>
        <source>There is no database at %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+16"/>
        <source>No history is stored for %1 in %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+13"/>
        <location line="+8"/>
        <source>Cannot write %1: %2</source>
        <translation type="unfinished">%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Importing %1 failed; nothing was stored: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
