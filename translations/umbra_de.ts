<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>Jobs</name>
    <message>
        <location filename="../app/trafficcommand.cpp" line="+70"/>
        <source>cancelling…</source>
        <translation>wird abgebrochen …</translation>
    </message>
</context>
<context>
    <name>Tr</name>
    <message numerus="yes">
        <location filename="../core/traffic/shiftplanner.cpp" line="+27"/>
        <source>Move %1 % of %2&apos;s requests to %3 (%4, backend %5) in %n step(s)</source>
        <translation>
            <numerusform>%1 % der Anfragen von %2 zu %3 verschieben (%4, Backend %5) in %n Schritt</numerusform>
            <numerusform>%1 % der Anfragen von %2 zu %3 verschieben (%4, Backend %5) in %n Schritten</numerusform>
        </translation>
    </message>
    <message>
        <location line="+26"/>
        <source>%1: weight %2, %3, %4 sessions now, %5 ms response time</source>
        <translation>%1: Gewicht %2, %3, derzeit %4 Sitzungen, %5 ms Antwortzeit</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Load balancer %1 has no backend “%2”.</source>
        <translation>Load Balancer %1 hat kein Backend „%2“.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Backend “%1” has no server “%2”.</source>
        <translation>Backend „%1“ hat keinen Server „%2“.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>A shift needs two different servers.</source>
        <translation>Eine Verlagerung braucht zwei verschiedene Server.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Backend “%1” balances with “%2”, which takes only weights of 0 % and 100 %: a gradual shift needs roundrobin, leastconn or random.</source>
        <translation>Backend „%1“ verteilt mit „%2“, das nur Gewichte von 0 % und 100 % annimmt: Eine schrittweise Verlagerung braucht roundrobin, leastconn oder random.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Backend “%1” balances with %2, which takes weights at run time.</source>
        <translation>Backend „%1“ verteilt mit %2, das Gewichte zur Laufzeit annimmt.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 is %2 by HAProxy&apos;s checks, so it cannot take requests.</source>
        <translation>%1 ist laut HAProxys Prüfungen %2 und kann daher keine Anfragen annehmen.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Step %1: %2 % (%3), held %4 s while %5 stays up, under %6 % errors and %7 ms</source>
        <translation>Schritt %1: %2 % (%3), %4 s gehalten, solange %5 erreichbar bleibt, unter %6 % Fehlern und %7 ms</translation>
    </message>
    <message>
        <location filename="../core/policy/policyengine.cpp" line="+62"/>
        <source>its capacity is not known yet</source>
        <translation>seine Kapazität ist noch nicht bekannt</translation>
    </message>
</context>
<context>
    <name>Umbra</name>
    <message>
        <location filename="../core/predict/anomaly.cpp" line="+28"/>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1/s</source>
        <translation>%1/s</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Memory</source>
        <translation>Arbeitsspeicher</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Disk read</source>
        <translation>Datenträger lesen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Disk write</source>
        <translation>Datenträger schreiben</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Network in</source>
        <translation>Netzwerk eingehend</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Network out</source>
        <translation>Netzwerk ausgehend</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>spike</source>
        <translation>Spitze</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>dip</source>
        <translation>Einbruch</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>level shift</source>
        <translation>Niveauverschiebung</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>change of rhythm</source>
        <translation>Rhythmusänderung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>unusual value</source>
        <translation>ungewöhnlicher Wert</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1: %2 where about %3 was expected</source>
        <translation>%1: %2, erwartet wurde etwa %3</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>false alarm</source>
        <translation>Fehlalarm</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>expected</source>
        <translation>erwartet</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>open</source>
        <translation>offen</translation>
    </message>
</context>
<context>
    <name>Umbra::AnomaliesPanel</name>
    <message>
        <location filename="../ui/anomaliespanel.cpp" line="+40"/>
        <source>False alarm</source>
        <translation>Fehlalarm</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Nothing was wrong: this series&apos; detector needs a clearer signal from now on.</source>
        <translation>Es lag kein Problem vor: Der Detektor dieser Zeitreihe braucht künftig ein deutlicheres Signal.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Expected</source>
        <translation>Erwartet</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Real but planned (a deploy, a batch job): the new level becomes normal.</source>
        <translation>Echt, aber geplant (ein Deployment, ein Batch-Job): Das neue Niveau gilt als normal.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reopen</source>
        <translation>Wieder öffnen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Take back the verdict.</source>
        <translation>Die Bewertung zurücknehmen.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Each series learns for a day before it reports. Open anomalies count against health for an hour. Verdicts are kept and tune the detector of that series.</source>
        <translation>Jede Zeitreihe lernt einen Tag lang, bevor sie meldet. Offene Anomalien mindern eine Stunde lang die Gesundheit. Bewertungen werden gespeichert und stimmen den Detektor der jeweiligen Zeitreihe ab.</translation>
    </message>
</context>
<context>
    <name>Umbra::AnomalyModel</name>
    <message>
        <location filename="../ui/anomalymodel.cpp" line="+157"/>
        <source>When</source>
        <translation>Zeitpunkt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>VM or host</source>
        <translation>VM oder Host</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>What was unusual</source>
        <translation>Was ungewöhnlich war</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Score</source>
        <translation>Score</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Verdict</source>
        <translation>Bewertung</translation>
    </message>
</context>
<context>
    <name>Umbra::AnomalyStore</name>
    <message>
        <location filename="../core/predict/anomalystore.cpp" line="+15"/>
        <source>The anomaly record: %1</source>
        <translation>Der Anomalie-Datensatz: %1</translation>
    </message>
    <message>
        <location line="+68"/>
        <source>There is no anomaly %1.</source>
        <translation>Es gibt keine Anomalie %1.</translation>
    </message>
</context>
<context>
    <name>Umbra::ApprovalsPanel</name>
    <message>
        <location filename="../ui/approvalspanel.cpp" line="+48"/>
        <source>%1 s, %2 ms down</source>
        <translation>%1 s, %2 ms Ausfall</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>source peak %1 → %2</source>
        <translation>Spitze der Quelle %1 → %2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>target peak %1</source>
        <translation>Spitze des Ziels %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 reserved, RPO 0</source>
        <translation>%1 reserviert, RPO 0</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>How far the policy may go by itself, unless a pool or a VM has a level of its own</source>
        <translation>Wie weit die Richtlinie von selbst gehen darf, sofern ein Pool oder eine VM keine eigene Stufe hat</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Approve</source>
        <translation>Genehmigen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reject…</source>
        <translation>Ablehnen…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Defer 1 h</source>
        <translation>1 h zurückstellen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Charts</source>
        <translation>Diagramme</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open the page of the host a move relieves, or of the VM a shadow covers: its history, forecast and band</source>
        <translation>Die Seite des Hosts öffnen, den eine Verschiebung entlastet, oder der VM, die ein Schatten absichert: Verlauf, Prognose und Band</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Execute it now, as your decision</source>
        <translation>Jetzt ausführen, als Ihre Entscheidung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Say why; the policy does not raise it again for four hours</source>
        <translation>Sagen Sie, warum; die Richtlinie schlägt es vier Stunden lang nicht erneut vor</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Put it off; the policy raises it again in an hour if it still holds</source>
        <translation>Zurückstellen; die Richtlinie schlägt es in einer Stunde erneut vor, wenn es dann noch gilt</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Automation:</source>
        <translation>Automatisierung:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Automation…</source>
        <translation>Automatisierung…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Levels per pool and per VM, the confidence automatic actions need, maintenance windows</source>
        <translation>Stufen je Pool und je VM, die Zuversicht, die automatische Aktionen brauchen, Wartungsfenster</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Trigger</source>
        <translation>Auslöser</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+176"/>
        <source>Predicted</source>
        <translation>Vorhersage</translation>
    </message>
    <message>
        <location line="-176"/>
        <source>Sure</source>
        <translation>Sicher</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Expires</source>
        <translation>Läuft ab</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Held by</source>
        <translation>Zurückgehalten durch</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the last day, and the forecast</source>
        <translation>der letzte Tag und die Prognose</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Reject</source>
        <translation>Ablehnen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Why is “%1” not to be done?</source>
        <translation>Warum soll „%1“ nicht geschehen?</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>%1/5</source>
        <translation>%1/5</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How sure the policy is, 1 to 5; automatic actions need %1</source>
        <translation>Wie sicher die Richtlinie ist, 1 bis 5; automatische Aktionen brauchen %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>nothing</source>
        <translation>nichts</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Nothing awaits approval.</source>
        <translation>Nichts wartet auf Genehmigung.</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n proposal(s) await a decision.</source>
        <translation>
            <numerusform>%n Vorschlag wartet auf eine Entscheidung.</numerusform>
            <numerusform>%n Vorschläge warten auf eine Entscheidung.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+41"/>
        <source>CPU of %1</source>
        <translation>CPU von %1</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Cannot be carried out:</source>
        <translation>Nicht ausführbar:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Held back by</source>
        <translation>Zurückgehalten durch</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Evidence</source>
        <translation>Belege</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Cost</source>
        <translation>Kosten</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Steps</source>
        <translation>Schritte</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Raised %1 by rule %2, level “%3”; expires %4.</source>
        <translation>Vorgeschlagen %1 von Regel %2, Stufe „%3“; läuft ab %4.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>no reason given</source>
        <translation>kein Grund angegeben</translation>
    </message>
</context>
<context>
    <name>Umbra::AuditPanel</name>
    <message>
        <location filename="../ui/auditpanel.cpp" line="+74"/>
        <location line="+24"/>
        <source>VM or host</source>
        <translation>VM oder Host</translation>
    </message>
    <message>
        <location line="-21"/>
        <source>All actions</source>
        <translation>Alle Aktionen</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Last hour</source>
        <translation>Letzte Stunde</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last day</source>
        <translation>Letzter Tag</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last week</source>
        <translation>Letzte Woche</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Everything</source>
        <translation>Alles</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Export…</source>
        <translation>Exportieren…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Write what is shown to a CSV or JSON file, hashes included</source>
        <translation>Das Angezeigte samt Hashes in eine CSV- oder JSON-Datei schreiben</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Verify chain</source>
        <translation>Kette prüfen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check that no entry was changed, removed or inserted</source>
        <translation>Prüfen, dass kein Eintrag verändert, entfernt oder eingefügt wurde</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Who</source>
        <translation>Wer</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Did</source>
        <translation>Tat</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Plan</source>
        <translation>Plan</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>What</source>
        <translation>Was</translation>
    </message>
    <message>
        <location line="+113"/>
        <source>%1

Entry %2, hash %3</source>
        <translation>%1

Eintrag %2, Hash %3</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The audit trail could not be read: %1</source>
        <translation>Der Prüfpfad ließ sich nicht lesen: %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Checking the chain…</source>
        <translation>Die Kette wird geprüft…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The chain could not be checked: %1</source>
        <translation>Die Kette ließ sich nicht prüfen: %1</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>The chain is whole: %n entries, none changed, removed or inserted.</source>
        <translation>
            <numerusform>Die Kette ist vollständig: %n Eintrag, keiner verändert, entfernt oder eingefügt.</numerusform>
            <numerusform>Die Kette ist vollständig: %n Einträge, keiner verändert, entfernt oder eingefügt.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The chain is broken at entry %1: %2</source>
        <translation>Die Kette ist bei Eintrag %1 gebrochen: %2</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1 cannot be written: %2</source>
        <translation>%1 lässt sich nicht schreiben: %2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 could not be written: %2</source>
        <translation>%1 ließ sich nicht schreiben: %2</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Export the audit trail</source>
        <translation>Den Prüfpfad exportieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CSV (*.csv);;JSON (*.json)</source>
        <translation>CSV (*.csv);;JSON (*.json)</translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>Exported %n entries to %1.</source>
        <translation>
            <numerusform>%n Eintrag nach %1 exportiert.</numerusform>
            <numerusform>%n Einträge nach %1 exportiert.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Umbra::AutomationDialog</name>
    <message>
        <location filename="../ui/automationdialog.cpp" line="+69"/>
        <source>Automation</source>
        <translation>Automatisierung</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>1 acts on every proposal, 5 only on the surest (a host about to fail, a forecast whose whole band saturates)</source>
        <translation>1 handelt bei jedem Vorschlag, 5 nur bei den sichersten (ein Host kurz vor dem Ausfall, eine Prognose, deren ganzes Band sättigt)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Storage libvirt cannot verify as shared is shared: the policy&apos;s migrations may use the unsafe override</source>
        <translation>Speicher, den libvirt nicht als gemeinsam erkennen kann, ist gemeinsam: Die Migrationen der Richtlinie dürfen die unsichere Übersteuerung verwenden</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The fleet:</source>
        <translation>Die Flotte:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Automatic actions need a confidence of at least:</source>
        <translation>Automatische Aktionen brauchen eine Zuversicht von mindestens:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Pool</source>
        <translation>Pool</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+20"/>
        <source>Level</source>
        <translation>Stufe</translation>
    </message>
    <message>
        <location line="-12"/>
        <source>As the fleet</source>
        <translation>Wie die Flotte</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>VM</source>
        <translation>VM</translation>
    </message>
    <message>
        <location line="+11"/>
        <location line="+16"/>
        <source>Add</source>
        <translation>Hinzufügen</translation>
    </message>
    <message>
        <location line="-15"/>
        <location line="+16"/>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>Day</source>
        <translation>Tag</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>From</source>
        <translation>Ab</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Minutes</source>
        <translation>Minuten</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Pools</source>
        <translation>Pools</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>VMs</source>
        <translation>VMs</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>A VM&apos;s level overrides its pool&apos;s.</source>
        <translation>Die Stufe einer VM geht der ihres Pools vor.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Maintenance windows</source>
        <translation>Wartungsfenster</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>During these, automatic actions wait in the approval queue.</source>
        <translation>Währenddessen warten automatische Aktionen in der Genehmigungswarteschlange.</translation>
    </message>
</context>
<context>
    <name>Umbra::Backup</name>
    <message>
        <location filename="../core/store/backup.cpp" line="+27"/>
        <source>out of memory</source>
        <translation>Speicher erschöpft</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>There is no database at %1.</source>
        <translation>Unter %1 gibt es keine Datenbank.</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Cannot read %1: %2</source>
        <translation>%1 ist nicht lesbar: %2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Cannot start the backup of %1: %2</source>
        <translation>Die Sicherung von %1 kann nicht beginnen: %2</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The backup of %1 failed: %2</source>
        <translation>Die Sicherung von %1 ist fehlgeschlagen: %2</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The copy of %1 does not pass SQLite&apos;s integrity check (%2); %3 was left as it was.</source>
        <translation>Die Kopie von %1 besteht die Integritätsprüfung von SQLite nicht (%2); %3 blieb unverändert.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Cannot put the copy in place at %1: %2</source>
        <translation>Die Kopie kann nicht nach %1 gelegt werden: %2</translation>
    </message>
</context>
<context>
    <name>Umbra::BalancersDialog</name>
    <message>
        <location filename="../ui/balancersdialog.cpp" line="+31"/>
        <source>Load Balancers</source>
        <translation>Load Balancer</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>HAProxy instances whose runtime API (the &lt;tt&gt;stats socket&lt;/tt&gt; of their configuration, at level admin) Umbra reads and drives for traffic shifts, drains and migrations.</source>
        <translation>HAProxy-Instanzen, deren Laufzeit-API (der &lt;tt&gt;stats socket&lt;/tt&gt; ihrer Konfiguration, mit Level admin) Umbra für Verlagerungen, Drains und Migrationen liest und steuert.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Runtime API</source>
        <translation>Laufzeit-API</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Test</source>
        <translation>Test</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>e.g. edge</source>
        <translation>z. B. edge</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>/run/haproxy/admin.sock or 10.0.0.2:9999</source>
        <translation>/run/haproxy/admin.sock oder 10.0.0.2:9999</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Runtime API:</source>
        <translation>&amp;Laufzeit-API:</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+176"/>
        <source>&amp;Add</source>
        <translation>&amp;Hinzufügen</translation>
    </message>
    <message>
        <location line="-175"/>
        <source>&amp;Test</source>
        <translation>&amp;Testen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Asks the socket who it is and what it allows: it must be HAProxy and grant the admin level.</source>
        <translation>Fragt den Socket, wer er ist und was er erlaubt: Er muss HAProxy sein und das Level admin gewähren.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Remove…</source>
        <translation>&amp;Entfernen …</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>%1 answers: HAProxy, at level admin.</source>
        <translation>%1 antwortet: HAProxy, mit Level admin.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location line="+68"/>
        <source>%1 saved.</source>
        <translation>%1 gespeichert.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Asking %1…</source>
        <translation>Frage %1 …</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Remove load balancer</source>
        <translation>Load Balancer entfernen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stop driving %1?

HAProxy keeps its weights as they are; actions in force on it are no longer watched.</source>
        <translation>%1 nicht mehr steuern?

HAProxy behält seine Gewichte, wie sie sind; wirksame Aktionen darauf werden nicht mehr überwacht.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>&amp;Save</source>
        <translation>&amp;Speichern</translation>
    </message>
</context>
<context>
    <name>Umbra::CalendarDialog</name>
    <message>
        <location filename="../ui/calendardialog.cpp" line="+30"/>
        <source>every day</source>
        <translation>täglich</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>every week</source>
        <translation>wöchentlich</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>once</source>
        <translation>einmalig</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Known events</source>
        <translation>Bekannte Ereignisse</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Forecasts leave past occurrences of these events out of the normal pattern and apply what they learnt from them to future ones.</source>
        <translation>Prognosen nehmen vergangene Vorkommen dieser Ereignisse aus dem normalen Muster heraus und wenden das daraus Gelernte auf künftige an.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Event</source>
        <translation>Ereignis</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>For</source>
        <translation>Für</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Starts</source>
        <translation>Beginn</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ends</source>
        <translation>Ende</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Repeats</source>
        <translation>Wiederholung</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>e.g. winter sale, nightly backup</source>
        <translation>z. B. Winterschlussverkauf, nächtliches Backup</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Every VM and host</source>
        <translation>Alle VMs und Hosts</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Host %1</source>
        <translation>Host %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>VM %1</source>
        <translation>VM %1</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Name:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>For:</source>
        <translation>Für:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Starts:</source>
        <translation>Beginn:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ends:</source>
        <translation>Ende:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Repeats:</source>
        <translation>Wiederholung:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Add</source>
        <translation>Hinzufügen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
</context>
<context>
    <name>Umbra::CalendarStore</name>
    <message>
        <location filename="../core/predict/calendarstore.cpp" line="+16"/>
        <source>The calendar of known events: %1</source>
        <translation>Der Kalender der bekannten Ereignisse: %1</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>A known event needs a name and an end after its start.</source>
        <translation>Ein bekanntes Ereignis braucht einen Namen und ein Ende nach seinem Beginn.</translation>
    </message>
</context>
<context>
    <name>Umbra::ChartOverlays</name>
    <message>
        <location filename="../ui/chartoverlays.cpp" line="+21"/>
        <source>%1
%2 · score %3</source>
        <translation>%1
%2 · Score %3</translation>
    </message>
    <message>
        <location line="+6"/>
        <source> · marked %1</source>
        <translation> · markiert als %1</translation>
    </message>
</context>
<context>
    <name>Umbra::CommandPalette</name>
    <message>
        <location filename="../ui/commandpalette.cpp" line="+15"/>
        <source>Go to or run</source>
        <translation>Gehe zu oder führe aus</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Type a host, a VM or an action — e.g. “shut web”</source>
        <translation>Host, VM oder Aktion eingeben – z. B. „herunter web“</translation>
    </message>
</context>
<context>
    <name>Umbra::CredentialDialog</name>
    <message>
        <location filename="../ui/credentialdialog.cpp" line="+21"/>
        <source>Log in to %1</source>
        <translation>Anmelden bei %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>libvirt asks for credentials to connect to &lt;b&gt;%1&lt;/b&gt;.</source>
        <translation>libvirt fragt nach Zugangsdaten für die Verbindung zu &lt;b&gt;%1&lt;/b&gt;.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Answer</source>
        <translation>Antwort</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;Remember in the desktop keyring</source>
        <translation>Im Schlüsselbund der Arbeitsumgebung &amp;merken</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Kept by the desktop&apos;s keyring once the host accepts it, never in Umbra&apos;s database or settings; used when the console connects again.</source>
        <translation>Wird im Schlüsselbund der Arbeitsumgebung aufbewahrt, sobald der Host die Anmeldung annimmt, nie in Umbras Datenbank oder Einstellungen; beim nächsten Verbinden verwendet.</translation>
    </message>
</context>
<context>
    <name>Umbra::Database</name>
    <message>
        <location filename="../core/store/database.cpp" line="+58"/>
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
        <location line="+38"/>
        <source>%1 is not an Umbra database (it is not a SQLite file). It was left untouched.</source>
        <translation>%1 ist keine Umbra-Datenbank (es ist keine SQLite-Datei). Die Datei wurde nicht verändert.</translation>
    </message>
    <message>
        <location line="-25"/>
        <source>Cannot create the folder %1 for the database.</source>
        <translation>Der Ordner %1 für die Datenbank kann nicht angelegt werden.</translation>
    </message>
    <message>
        <location line="-27"/>
        <source>%1 is in %2, a folder every user of this machine can write to; another user could replace its journal or lock. Keep the database in a folder of your own (by default ~/.local/share/umbra).</source>
        <translation>%1 liegt in %2, einem Ordner, in den jeder Benutzer dieses Rechners schreiben darf; ein anderer Benutzer könnte sein Journal oder seine Sperre ersetzen. Legen Sie die Datenbank in einen eigenen Ordner (standardmäßig ~/.local/share/umbra).</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Cannot create %1: the folder %2 is not writable.</source>
        <translation>%1 kann nicht angelegt werden: In den Ordner %2 kann nicht geschrieben werden.</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>%1 is damaged: %2. It was left untouched; keep a copy before trying to repair it.</source>
        <translation>%1 ist beschädigt: %2. Die Datei blieb unverändert; legen Sie eine Kopie an, bevor Sie sie zu reparieren versuchen.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 cannot be opened: SQLite needs to create %2-wal and %2-shm beside it, and the folder %3 does not allow that.</source>
        <translation>%1 kann nicht geöffnet werden: SQLite muss daneben %2-wal und %2-shm anlegen, und der Ordner %3 lässt das nicht zu.</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>%1 does not exist.</source>
        <translation>%1 existiert nicht.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Cannot open %1: %2</source>
        <translation>%1 kann nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>%1 cannot be checked: no SQLite connection.</source>
        <translation>%1 kann nicht geprüft werden: keine SQLite-Verbindung.</translation>
    </message>
    <message>
        <location line="+76"/>
        <source>Cannot copy %1: %2 exists already.</source>
        <translation>%1 kann nicht kopiert werden: %2 gibt es schon.</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Copying %1 to %2 failed: %3</source>
        <translation>Das Kopieren von %1 nach %2 ist fehlgeschlagen: %3</translation>
    </message>
    <message>
        <location line="+10"/>
        <location line="+51"/>
        <source>Database error in “%1”: %2</source>
        <translation>Datenbankfehler in „%1“: %2</translation>
    </message>
    <message>
        <location line="-237"/>
        <source>%1 cannot be read: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <location line="+205"/>
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
        <location line="+62"/>
        <source>Cannot start the schema upgrade of %1: %2</source>
        <translation>Die Schemaaktualisierung von %1 kann nicht gestartet werden: %2</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Upgrading %1 to schema version %2 failed; nothing was changed: %3</source>
        <translation>Die Aktualisierung von %1 auf Schemaversion %2 ist fehlgeschlagen; nichts wurde verändert: %3</translation>
    </message>
</context>
<context>
    <name>Umbra::DatabaseLock</name>
    <message>
        <location filename="../core/store/databaselock.cpp" line="+51"/>
        <source>%1 is in use by Umbra, process %2 on %3. Quit that Umbra first, or choose another file with --database.</source>
        <translation>%1 wird von Umbra verwendet, Prozess %2 auf %3. Beenden Sie dieses Umbra zuerst oder wählen Sie mit --database eine andere Datei.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 is in use by another Umbra. Quit it first, or choose another file with --database.</source>
        <translation>%1 wird von einem anderen Umbra verwendet. Beenden Sie es zuerst oder wählen Sie mit --database eine andere Datei.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Cannot write %1 beside %2: the folder is not writable. Umbra keeps a lock file there while it writes the database.</source>
        <translation>%1 kann nicht neben %2 geschrieben werden: Der Ordner ist schreibgeschützt. Umbra legt dort eine Sperrdatei ab, solange es die Datenbank schreibt.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Cannot lock %1 for writing.</source>
        <translation>%1 kann nicht zum Schreiben gesperrt werden.</translation>
    </message>
</context>
<context>
    <name>Umbra::DemoBalancer</name>
    <message>
        <location filename="../core/demo/demobalancer.cpp" line="+142"/>
        <source>real HAProxy, simulated services</source>
        <translation>echtes HAProxy, simulierte Dienste</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The demo&apos;s load balancer needs HAProxy: apt-get install haproxy.</source>
        <translation>Der Load Balancer der Demo braucht HAProxy: apt-get install haproxy.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No folder for the demo&apos;s load balancer: %1</source>
        <translation>Kein Ordner für den Load Balancer der Demo: %1</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>The demo&apos;s load balancer configuration cannot be written: %1</source>
        <translation>Die Konfiguration des Load Balancers der Demo lässt sich nicht schreiben: %1</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>HAProxy did not start: %1</source>
        <translation>HAProxy ist nicht gestartet: %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>HAProxy did not start with the demo&apos;s configuration.</source>
        <translation>HAProxy ist mit der Konfiguration der Demo nicht gestartet.</translation>
    </message>
</context>
<context>
    <name>Umbra::DemoBanner</name>
    <message>
        <location filename="../ui/demobanner.cpp" line="+34"/>
        <source>DEMO</source>
        <translation>DEMO</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The usage shown is simulated by Umbra&apos;s workload generator on libvirt&apos;s test driver. No real virtual machines are measured.</source>
        <translation>Die angezeigte Auslastung wird von Umbras Lastgenerator auf dem Testtreiber von libvirt simuliert. Es werden keine echten virtuellen Maschinen gemessen.</translation>
    </message>
</context>
<context>
    <name>Umbra::DemoFleet</name>
    <message>
        <location filename="../core/demo/demofleet.cpp" line="+30"/>
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
        <location line="+4"/>
        <source>Cannot write the demo fleet file: %1</source>
        <translation>Die Datei der Demo-Flotte kann nicht geschrieben werden: %1</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>Cannot write the fleet file: %1</source>
        <translation>Die Flottendatei kann nicht geschrieben werden: %1</translation>
    </message>
</context>
<context>
    <name>Umbra::DesktopKeyring</name>
    <message>
        <location filename="../core/keyring/desktopkeyring.cpp" line="+81"/>
        <source>no answer within %1 s</source>
        <translation>keine Antwort innerhalb von %1 s</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Reading a remembered login from the desktop keyring failed: %1</source>
        <translation>Das Lesen einer gemerkten Anmeldung aus dem Schlüsselbund ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Keeping the login in the desktop keyring failed: %1</source>
        <translation>Das Aufbewahren der Anmeldung im Schlüsselbund ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Removing a remembered login from the desktop keyring failed: %1</source>
        <translation>Das Entfernen einer gemerkten Anmeldung aus dem Schlüsselbund ist fehlgeschlagen: %1</translation>
    </message>
</context>
<context>
    <name>Umbra::Engine</name>
    <message>
        <location filename="../core/engine/engine.cpp" line="+203"/>
        <source>no reason was recorded</source>
        <translation>kein Grund festgehalten</translation>
    </message>
</context>
<context>
    <name>Umbra::EventLog</name>
    <message numerus="yes">
        <location filename="../core/engine/eventlog.cpp" line="+89"/>
        <source>Writing to the database works again; %n sample(s) held meanwhile were written.</source>
        <translation>
            <numerusform>Das Schreiben in die Datenbank funktioniert wieder; %n zwischenzeitlich gehaltener Messwert wurde geschrieben.</numerusform>
            <numerusform>Das Schreiben in die Datenbank funktioniert wieder; %n zwischenzeitlich gehaltene Messwerte wurden geschrieben.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+12"/>
        <source>%1: new samples are not stored, because its history already reaches %2, later than they are. History imported or recorded ahead of this clock is the usual cause; samples are stored again once the clock passes that time.</source>
        <translation>%1: Neue Messwerte werden nicht gespeichert, weil sein Verlauf schon bis %2 reicht, später als sie. Meist wurde Verlauf importiert oder aufgezeichnet, der dieser Uhr voraus ist; sobald die Uhr diese Zeit überschreitet, werden Messwerte wieder gespeichert.</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>%1: %2 (anomaly score %3)</source>
        <translation>%1: %2 (Anomalie-Score %3)</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Serving metrics for Prometheus at %1</source>
        <translation>Metriken für Prometheus unter %1</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Migration of %1 to %2: %3</source>
        <translation>Migration von %1 nach %2: %3</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Migration of %1 to %2: %3 (%4)</source>
        <translation>Migration von %1 nach %2: %3 (%4)</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Traffic %1 on %2: %3</source>
        <translation>Verkehr: %1 auf %2: %3</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Traffic %1 on %2: %3 (%4)</source>
        <translation>Verkehr: %1 auf %2: %3 (%4)</translation>
    </message>
</context>
<context>
    <name>Umbra::EventLogModel</name>
    <message>
        <location filename="../ui/eventlogmodel.cpp" line="+111"/>
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
    <name>Umbra::FleetActions</name>
    <message numerus="yes">
        <location filename="../ui/fleetactions.cpp" line="+61"/>
        <source>and %n more</source>
        <translation>
            <numerusform>und %n weitere</numerusform>
            <numerusform>und %n weitere</numerusform>
        </translation>
    </message>
    <message>
        <location line="+119"/>
        <location line="+46"/>
        <source>Show %1</source>
        <translation>%1 zeigen</translation>
    </message>
    <message>
        <location line="-32"/>
        <source>%1 (%2 of %3)</source>
        <translation>%1 (%2 von %3)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The database is open read-only; every action is recorded there before it is taken.</source>
        <translation>Die Datenbank ist nur zum Lesen geöffnet; jede Aktion wird dort aufgezeichnet, bevor sie ausgeführt wird.</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+51"/>
        <source>Open Console</source>
        <translation>Konsole öffnen</translation>
    </message>
    <message>
        <location line="-46"/>
        <location line="+53"/>
        <source>Migrate…</source>
        <translation>Migrieren …</translation>
    </message>
    <message>
        <location line="-38"/>
        <source>Leave Maintenance</source>
        <translation>Wartung beenden</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Enter Maintenance</source>
        <translation>In Wartung versetzen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>In maintenance nothing new is placed on the host, and the policy proposes moving its VMs away.</source>
        <translation>In Wartung wird nichts Neues auf dem Host platziert, und die Richtlinie schlägt vor, seine VMs zu verschieben.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Reconnect Now</source>
        <translation>Jetzt neu verbinden</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Remove from Umbra…</source>
        <translation>Aus Umbra entfernen …</translation>
    </message>
    <message>
        <location line="+62"/>
        <source>Each of them</source>
        <translation>Jede von ihnen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 %2?</source>
        <translation>%1: %2?</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <location line="+6"/>
        <source>%1 %n VMs?</source>
        <translation>
            <numerusform>%1: %n VM?</numerusform>
            <numerusform>%1: %n VMs?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+18"/>
        <source>Shut down: %1… (waiting for the guest to power off, up to %n s)</source>
        <translation>
            <numerusform>Herunterfahren: %1 … (warte bis zu %n s, bis sich das Gastsystem ausschaltet)</numerusform>
            <numerusform>Herunterfahren: %1 … (warte bis zu %n s, bis sich das Gastsystem ausschaltet)</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1: %2…</source>
        <translation>%1: %2 …</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>%1: %2 of %3 done.</source>
        <translation>%1: %2 von %3 erledigt.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>%1 is still running</source>
        <translation>%1 läuft noch</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Opening the console of %1…</source>
        <translation>Öffne die Konsole von %1 …</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Console of %1</source>
        <translation>Konsole von %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 could not be started.</source>
        <translation>%1 konnte nicht gestartet werden.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 opened on %2.</source>
        <translation>%1 für %2 geöffnet.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Maintenance of %1</source>
        <translation>Wartung von %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 entered maintenance, by %2</source>
        <translation>%1 ist in Wartung, durch %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 left maintenance, by %2</source>
        <translation>%1 ist nicht mehr in Wartung, durch %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 is in maintenance: nothing new is placed there; the policy proposes moving its VMs away.</source>
        <translation>%1 ist in Wartung: Dort wird nichts Neues platziert; die Richtlinie schlägt vor, seine VMs zu verschieben.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 is out of maintenance.</source>
        <translation>%1 ist nicht mehr in Wartung.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Reconnecting to %1…</source>
        <translation>Verbinde neu mit %1 …</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Remove %1 from Umbra?</source>
        <translation>%1 aus Umbra entfernen?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Umbra stops collecting from %1. Its VMs keep running; add the host again to watch it anew.</source>
        <translation>Umbra erfasst nichts mehr von %1. Seine VMs laufen weiter; fügen Sie den Host erneut hinzu, um ihn wieder zu beobachten.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
</context>
<context>
    <name>Umbra::FleetModel</name>
    <message>
        <location filename="../ui/fleetmodel.cpp" line="+45"/>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <location line="+211"/>
        <location filename="../ui/mainwindow.cpp" line="+281"/>
        <source>maintenance</source>
        <translation>Wartung</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>%1
UUID %2
on %3</source>
        <translation>%1
UUID %2
auf %3</translation>
    </message>
    <message>
        <location line="+56"/>
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
        <translation>0–100 aus Auslastung, prognostizierter Reserve und Fehlersignalen; der Tooltip einer Zeile erklärt ihren Wert.</translation>
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
        <translation>Gesundheit</translation>
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
        <location filename="../core/store/fleetrepository.cpp" line="+26"/>
        <source>Fleet store: %1 failed: %2</source>
        <translation>Flottendatenbank: %1 ist fehlgeschlagen: %2</translation>
    </message>
    <message>
        <location line="+111"/>
        <source>Cannot clean %1: %2</source>
        <translation>%1 kann nicht bereinigt werden: %2</translation>
    </message>
    <message>
        <location line="+88"/>
        <source>The host %1 is not in the store.</source>
        <translation>Der Host %1 ist nicht in der Datenbank.</translation>
    </message>
</context>
<context>
    <name>Umbra::FleetService</name>
    <message>
        <location filename="../core/engine/fleetservice.cpp" line="+36"/>
        <source>“%1” is not an exporter URL; expected e.g. http://host:9100/metrics.</source>
        <translation>„%1“ ist keine Exporter-URL; erwartet wird z. B. http://host:9100/metrics.</translation>
    </message>
    <message>
        <location line="+94"/>
        <source>Open a database before adding hosts.</source>
        <translation>Öffnen Sie eine Datenbank, bevor Sie Hosts hinzufügen.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>%1 is already in the fleet.</source>
        <translation>%1 gehört bereits zur Flotte.</translation>
    </message>
    <message>
        <location line="+40"/>
        <location line="+29"/>
        <location line="+58"/>
        <source>%1 is not in the fleet.</source>
        <translation>%1 gehört nicht zur Flotte.</translation>
    </message>
    <message>
        <location line="+85"/>
        <source>No answer from the host for %1 s; still waiting.</source>
        <translation>Keine Antwort vom Host seit %1 s; es wird weiter gewartet.</translation>
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
    <name>Umbra::Hardware::ExporterClient</name>
    <message>
        <location filename="../core/hardware/exporterclient.cpp" line="+64"/>
        <source>%1 is not an http:// or https:// address</source>
        <translation>%1 ist keine http://- oder https://-Adresse</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>%1 refused the connection; is the exporter running on port %2?</source>
        <translation>%1 hat die Verbindung abgelehnt; läuft der Exporter auf Port %2?</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>host %1 not found</source>
        <translation>Host %1 nicht gefunden</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 closed the connection before answering</source>
        <translation>%1 hat die Verbindung vor der Antwort geschlossen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 did not answer in time</source>
        <translation>%1 hat nicht rechtzeitig geantwortet</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>%1 answered with a web page, not metrics; check the path (usually /metrics)</source>
        <translation>%1 hat mit einer Webseite statt mit Metriken geantwortet; prüfen Sie den Pfad (meist /metrics)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 answered with %2, not the Prometheus text format</source>
        <translation>%1 hat mit %2 statt im Prometheus-Textformat geantwortet</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>%1 (redirected to %2)</source>
        <translation>%1 (weitergeleitet nach %2)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 did not answer within %2 s</source>
        <translation>%1 hat nicht innerhalb von %2 s geantwortet</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+25"/>
        <source>%1 sent more than %2 MiB, too much for a metrics page</source>
        <translation>%1 hat mehr als %2 MiB gesendet, zu viel für eine Metrikseite</translation>
    </message>
    <message>
        <location line="-19"/>
        <source>%1 answered HTTP %2 %3</source>
        <translation>%1 hat mit HTTP %2 %3 geantwortet</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 redirected to %2; Umbra does not follow a redirect from https to http</source>
        <translation>%1 leitete nach %2 weiter; Umbra folgt keiner Weiterleitung von https nach http</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>%1 sent binary data, not the Prometheus text format</source>
        <translation>%1 hat Binärdaten statt des Prometheus-Textformats gesendet</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 is not a Prometheus metrics page (%2)</source>
        <translation>%1 ist keine Prometheus-Metrikseite (%2)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 sent no metrics</source>
        <translation>%1 hat keine Metriken gesendet</translation>
    </message>
</context>
<context>
    <name>Umbra::Hardware::Exposition</name>
    <message>
        <location filename="../core/hardware/exposition.cpp" line="+153"/>
        <source>a label value is not closed</source>
        <translation>ein Label-Wert ist nicht abgeschlossen</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>invalid escape sequence in a label value</source>
        <translation>ungültige Escape-Sequenz in einem Label-Wert</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>a label value is not UTF-8</source>
        <translation>ein Label-Wert ist kein UTF-8</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>no metric name</source>
        <translation>kein Metrikname</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>invalid label name</source>
        <translation>ungültiger Label-Name</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>expected &apos;=&apos; after label %1</source>
        <translation>&apos;=&apos; nach Label %1 erwartet</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>expected a quoted value for label %1</source>
        <translation>Wert in Anführungszeichen für Label %1 erwartet</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>more than %1 labels</source>
        <translation>mehr als %1 Labels</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>expected &apos;,&apos; or &apos;}&apos; after a label</source>
        <translation>&apos;,&apos; oder &apos;}&apos; nach einem Label erwartet</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>invalid character in metric name</source>
        <translation>ungültiges Zeichen im Metriknamen</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>invalid sample value</source>
        <translation>ungültiger Messwert</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>invalid timestamp</source>
        <translation>ungültiger Zeitstempel</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>unexpected text after the timestamp</source>
        <translation>unerwarteter Text nach dem Zeitstempel</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>label %1 appears twice</source>
        <translation>Label %1 kommt doppelt vor</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>%1 without a valid metric name</source>
        <translation>%1 ohne gültigen Metriknamen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>invalid escape sequence in HELP</source>
        <translation>ungültige Escape-Sequenz in HELP</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>unknown metric type &apos;%1&apos;</source>
        <translation>unbekannter Metriktyp &apos;%1&apos;</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>a second TYPE line for %1</source>
        <translation>eine zweite TYPE-Zeile für %1</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>line %1: %2</source>
        <translation>Zeile %1: %2</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>longer than %1 bytes</source>
        <translation>länger als %1 Byte</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>more than %1 samples; the rest of the page was not read</source>
        <translation>mehr als %1 Messwerte; der Rest der Seite wurde nicht gelesen</translation>
    </message>
</context>
<context>
    <name>Umbra::Hardware::HardwareReadings</name>
    <message>
        <location filename="../core/hardware/hardwarereadings.cpp" line="+64"/>
        <source>not a number</source>
        <translation>keine Zahl</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>%1{%2} = %3: %4</source>
        <translation>%1{%2} = %3: %4</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>not a temperature hardware reports</source>
        <translation>keine Temperatur, die Hardware meldet</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>not a count a drive can report</source>
        <translation>kein Zähler, den ein Laufwerk melden kann</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>not a drive&apos;s age</source>
        <translation>kein Alter eines Laufwerks</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>not an error count</source>
        <translation>keine Fehlerzahl</translation>
    </message>
</context>
<context>
    <name>Umbra::Hardware::HardwareWatch</name>
    <message>
        <location filename="../core/predict/hardwarewatch.cpp" line="+167"/>
        <source>%1: hardware health readable again from %2</source>
        <translation>%1: Hardwarezustand wieder lesbar von %2</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>%1: the exporter reports readings no hardware can give; they are left out of its failure risk: %2</source>
        <translation>%1: Der Exporter meldet Werte, die keine Hardware liefern kann; sie bleiben beim Ausfallrisiko außen vor: %2</translation>
    </message>
    <message>
        <location line="+141"/>
        <source>%1: hardware health could not be read: %2</source>
        <translation>%1: Hardwarezustand konnte nicht gelesen werden: %2</translation>
    </message>
    <message>
        <location line="+97"/>
        <source>%1: failure risk %2 % within 30 days; move its VMs.</source>
        <translation>%1: Ausfallrisiko %2 % innerhalb von 30 Tagen; verschieben Sie seine VMs.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1: failure risk %2 % within 30 days.</source>
        <translation>%1: Ausfallrisiko %2 % innerhalb von 30 Tagen.</translation>
    </message>
</context>
<context>
    <name>Umbra::Hardware::HostRisk</name>
    <message>
        <location filename="../core/predict/hostrisk.cpp" line="+126"/>
        <source>Drive %1: %2 % chance of failing within 30 days</source>
        <translation>Laufwerk %1: %2 % Ausfallwahrscheinlichkeit innerhalb von 30 Tagen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Drive %1: %2 % chance of failing within 30 days (%3)</source>
        <translation>Laufwerk %1: %2 % Ausfallwahrscheinlichkeit innerhalb von 30 Tagen (%3)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>1 uncorrectable memory error since boot</source>
        <translation>1 nicht korrigierbarer Speicherfehler seit dem Start</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 uncorrectable memory errors since boot</source>
        <translation>%1 nicht korrigierbare Speicherfehler seit dem Start</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Memory corrects %1 errors a day</source>
        <translation>Der Arbeitsspeicher korrigiert %1 Fehler pro Tag</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>1 hardware memory failure hit a guest in the last 24 hours</source>
        <translation>1 Hardware-Speicherfehler hat in den letzten 24 Stunden einen Gast getroffen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 hardware memory failures hit guests in the last 24 hours</source>
        <translation>%1 Hardware-Speicherfehler haben in den letzten 24 Stunden Gäste getroffen</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>1 guest I/O error in the last 24 hours</source>
        <translation>1 I/O-Fehler eines Gasts in den letzten 24 Stunden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 guest I/O errors in the last 24 hours</source>
        <translation>%1 I/O-Fehler von Gästen in den letzten 24 Stunden</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>%1 is at %2 °C, at or past its critical %3 °C</source>
        <translation>%1 hat %2 °C und damit seine kritischen %3 °C erreicht oder überschritten</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 is at %2 °C, %3 °C below its critical %4 °C</source>
        <translation>%1 hat %2 °C, %3 °C unter seinen kritischen %4 °C</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Only %1 % of the host&apos;s memory is available</source>
        <translation>Nur %1 % des Arbeitsspeichers des Hosts sind verfügbar</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The connection to the host was lost once in the last 24 hours</source>
        <translation>Die Verbindung zum Host ist in den letzten 24 Stunden einmal abgebrochen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The connection to the host was lost %1 times in the last 24 hours</source>
        <translation>Die Verbindung zum Host ist in den letzten 24 Stunden %1-mal abgebrochen</translation>
    </message>
</context>
<context>
    <name>Umbra::HealthProbe</name>
    <message>
        <location filename="../core/migrate/healthcheck.cpp" line="+20"/>
        <source>%1:%2 does not accept connections: %3</source>
        <translation>%1:%2 nimmt keine Verbindungen an: %3</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>%1 is not an http:// URL.</source>
        <translation>%1 ist keine http://-URL.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 did not answer within %2 ms.</source>
        <translation>%1 hat nicht innerhalb von %2 ms geantwortet.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 answered %2.</source>
        <translation>%1 hat mit %2 geantwortet.</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>%1 is not HOST:PORT.</source>
        <translation>%1 hat nicht die Form HOST:PORT.</translation>
    </message>
</context>
<context>
    <name>Umbra::HealthText</name>
    <message>
        <location filename="../ui/healthtext.cpp" line="+34"/>
        <source>not scored yet</source>
        <translation>noch nicht bewertet</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Health %1 — nothing to report</source>
        <translation>Gesundheit %1 – nichts zu melden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Health %1 — %2</source>
        <translation>Gesundheit %1 – %2</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Scored from the first sample on.</source>
        <translation>Wird ab dem ersten Messwert bewertet.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Health %1 of 100</source>
        <translation>Gesundheit %1 von 100</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Unhealthy now.</source>
        <translation>Derzeit nicht gesund.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Predicted to be unhealthy within %1.</source>
        <translation>Voraussichtlich nicht mehr gesund innerhalb von %1.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>−%1  %2</source>
        <translation>−%1  %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Nothing deducted: utilisation, forecasts and error signals are fine.</source>
        <translation>Kein Abzug: Auslastung, Prognosen und Fehlersignale sind unauffällig.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>CPU forecast: %1</source>
        <translation>CPU-Prognose: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Memory forecast: %1</source>
        <translation>Speicherprognose: %1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 could reach 100 % in %2 (95 % band)</source>
        <translation>%1 könnte in %2 100 % erreichen (95-%-Band)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 reaches 100 % in %2 (between %3 and %4)</source>
        <translation>%1 erreicht 100 % in %2 (zwischen %3 und %4)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 reaches 100 % in %2 (perhaps in %3)</source>
        <translation>%1 erreicht 100 % in %2 (vielleicht in %3)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 reaches 100 % in %2</source>
        <translation>%1 erreicht 100 % in %2</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Memory</source>
        <translation>Arbeitsspeicher</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Neither CPU nor memory is forecast to reach 100 % in the range shown.</source>
        <translation>Weder für CPU noch für Arbeitsspeicher werden im gezeigten Zeitraum 100 % prognostiziert.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
</context>
<context>
    <name>Umbra::HistoryBar</name>
    <message>
        <location filename="../ui/historybar.cpp" line="+135"/>
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
        <location line="+24"/>
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
    <name>Umbra::HistoryReplay</name>
    <message>
        <location filename="../core/engine/historyreplay.cpp" line="+112"/>
        <source>%1 (%2 % covered)</source>
        <translation>%1 (%2 % abgedeckt)</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>A replay needs at least two hosts whose CPUs are known.</source>
        <translation>Eine Wiederholung braucht mindestens zwei Hosts, deren CPUs bekannt sind.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Less than a day and an hour of history is stored: the policy learns on a day before it is replayed.</source>
        <translation>Es ist weniger als ein Tag und eine Stunde Verlauf gespeichert: Die Richtlinie lernt einen Tag lang, bevor wiederholt wird.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No VM has stored CPU for at least half of the window.</source>
        <translation>Keine VM hat für mindestens die Hälfte des Zeitraums gespeicherte CPU-Werte.</translation>
    </message>
</context>
<context>
    <name>Umbra::HistoryService</name>
    <message>
        <location filename="../core/engine/historyservice.cpp" line="+25"/>
        <source>The store is already open.</source>
        <translation>Die Datenbank ist bereits geöffnet.</translation>
    </message>
    <message>
        <location line="+89"/>
        <source>No database is open.</source>
        <translation>Es ist keine Datenbank geöffnet.</translation>
    </message>
</context>
<context>
    <name>Umbra::HostHardwarePanel</name>
    <message>
        <location filename="../ui/hosthardwarepanel.cpp" line="+63"/>
        <source>Drive</source>
        <translation>Laufwerk</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Risk (30 d)</source>
        <translation>Risiko (30 T.)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reallocated</source>
        <translation>Neu zugewiesen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Pending</source>
        <translation>Ausstehend</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Uncorrectable</source>
        <translation>Nicht korrigierbar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Temp.</source>
        <translation>Temp.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Why</source>
        <translation>Grund</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Failure risk not assessed yet.</source>
        <translation>Ausfallrisiko noch nicht bewertet.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Failure risk within 30 days: %1</source>
        <translation>Ausfallrisiko innerhalb von 30 Tagen: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source> — move its VMs</source>
        <translation> – verschieben Sie seine VMs</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 (%2 of the risk)</source>
        <translation>%1 (%2 des Risikos)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>nothing unusual</source>
        <translation>nichts Ungewöhnliches</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 °C</source>
        <translation>%1 °C</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Readings simulated for the demo at %1; no real hardware is read.</source>
        <translation>Für die Demo simulierte Werte von %1; es wird keine echte Hardware gelesen.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No hardware exporter set for this host (Hosts dialog); the risk rests on libvirt&apos;s signals only.</source>
        <translation>Für diesen Host ist kein Hardware-Exporter eingerichtet (Dialog „Hosts“); das Risiko beruht nur auf den Signalen von libvirt.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Reading %1 failed: %2</source>
        <translation>Lesen von %1 fehlgeschlagen: %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Read from %1 at %2</source>
        <translation>Gelesen von %1 um %2</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>EDAC memory errors: %1 corrected, %2 uncorrected</source>
        <translation>EDAC-Speicherfehler: %1 korrigiert, %2 nicht korrigiert</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 %2 °C</source>
        <translation>%1 %2 °C</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Temperatures: %1</source>
        <translation>Temperaturen: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Left out as readings no hardware can give: %1</source>
        <translation>Außen vor gelassen, weil keine Hardware solche Werte liefert: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Last 24 h: %1 VM I/O errors, %2 memory failures, %3 lost connections</source>
        <translation>Letzte 24 h: %1 I/O-Fehler von VMs, %2 Speicherfehler, %3 Verbindungsabbrüche</translation>
    </message>
</context>
<context>
    <name>Umbra::HostPage</name>
    <message>
        <location filename="../ui/hostpage.cpp" line="+111"/>
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
        <location line="+29"/>
        <source>Memory</source>
        <translation>Arbeitsspeicher</translation>
    </message>
    <message>
        <location line="-28"/>
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
        <translation>Gesundheit</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pool</source>
        <translation>Pool</translation>
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
        <source>History is kept to 0.01 % CPU and 1 KiB memory; longer ranges show each pixel&apos;s average with its min–max band. Dashed lines are forecasts, shaded with their 80 % and 95 % intervals; dots mark anomalies (hover for why).</source>
        <translation>Der Verlauf wird auf 0,01 % CPU und 1 KiB Arbeitsspeicher genau gespeichert; längere Zeiträume zeigen je Pixel den Mittelwert mit seinem Min.-Max.-Band. Gestrichelte Linien sind Prognosen, schattiert mit ihren 80-%- und 95-%-Intervallen; Punkte markieren Anomalien (Mauszeiger darauf zeigt den Grund).</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>VMs</source>
        <translation>VMs</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Hardware health</source>
        <translation>Hardwarezustand</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>Usage simulated by the workload generator</source>
        <translation>Auslastung vom Lastgenerator simuliert</translation>
    </message>
    <message>
        <location line="+38"/>
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
        <location line="+27"/>
        <source>%1 (general: shared by every VM)</source>
        <translation>%1 (allgemein: von allen VMs geteilt)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 (shadow pool: %2)</source>
        <translation>%1 (Schatten-Pool: %2)</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>%1 (dedicated to %2)</source>
        <translation>%1 (%2 vorbehalten)</translation>
    </message>
    <message>
        <location line="-220"/>
        <source>Reconnect or remove this host</source>
        <translation>Diesen Host neu verbinden oder entfernen</translation>
    </message>
    <message>
        <location line="+225"/>
        <source>In maintenance: nothing new is placed here</source>
        <translation>In Wartung: Hier wird nichts Neues platziert</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no failure domain</source>
        <translation>keine Fehlerdomäne</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>failure domain %1</source>
        <translation>Fehlerdomäne %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>reserved %1 · free %2</source>
        <translation>reserviert %1 · frei %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>nothing reserved · free %1</source>
        <translation>nichts reserviert · frei %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Set aside for shadows and held for migrations: %1 and %2 vCPUs.
Free for another VM: %3 and %4 vCPU slots.</source>
        <translation>Für Schatten freigehalten und für Migrationen vorgemerkt: %1 und %2 vCPUs.
Frei für eine weitere VM: %3 und %4 vCPU-Plätze.</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>%1 × %2</source>
        <translation>%1 × %2</translation>
    </message>
</context>
<context>
    <name>Umbra::HostSession</name>
    <message>
        <location filename="../core/collect/hostsession.cpp" line="+106"/>
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
        <location line="+192"/>
        <source>Reconnected to %1 (%2 VMs)</source>
        <translation>Wieder verbunden mit %1 (%2 VMs)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Connected to %1 (%2 VMs)</source>
        <translation>Verbunden mit %1 (%2 VMs)</translation>
    </message>
    <message>
        <location line="+54"/>
        <source>%1 is unreachable: %2</source>
        <translation>%1 ist nicht erreichbar: %2</translation>
    </message>
    <message>
        <location line="+117"/>
        <source>the guest was paused</source>
        <translation>der Gast wurde pausiert</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>reported to the guest</source>
        <translation>an den Gast gemeldet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ignored</source>
        <translation>ignoriert</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>I/O error on %1 (%2): %3; %4</source>
        <translation>I/O-Fehler bei %1 (%2): %3; %4</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no reason given</source>
        <translation>kein Grund angegeben</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>the guest</source>
        <translation>den Gast</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the hypervisor</source>
        <translation>den Hypervisor</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the error was passed to the guest</source>
        <translation>der Fehler wurde an den Gast weitergegeben</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>it was fatal</source>
        <translation>er war fatal</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the guest was reset</source>
        <translation>der Gast wurde zurückgesetzt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>it was ignored</source>
        <translation>er wurde ignoriert</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Hardware memory error in memory %1 was using, handled by %2: %3</source>
        <translation>Hardware-Speicherfehler in von %1 genutztem Speicher, behandelt durch %2: %3</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hardware memory error in %1, handled by %2: %3</source>
        <translation>Hardware-Speicherfehler in %1, behandelt durch %2: %3</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>%1 was %2 and is gone from %3</source>
        <translation>%1 wurde %2 und ist von %3 verschwunden</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>%1 %2 (now %3)</source>
        <translation>%1 %2 (jetzt: %3)</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Reconnecting to %1 now, as asked</source>
        <translation>Verbinde jetzt wie gewünscht neu mit %1</translation>
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
        <location filename="../ui/hoststatusbar.cpp" line="+174"/>
        <location line="+17"/>
        <source>&lt;b&gt;%1&lt;/b&gt; %2</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; %2</translation>
    </message>
    <message>
        <location line="-165"/>
        <source>State: %1</source>
        <translation>Zustand: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Since: %1</source>
        <translation>Seit: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Last error: %1</source>
        <translation>Letzter Fehler: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Next retry: %1</source>
        <translation>Nächster Versuch: %1</translation>
    </message>
    <message>
        <location line="+159"/>
        <source>%1 (%2):</source>
        <translation>%1 (%2):</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>…and %1 more</source>
        <translation>…und %1 weitere</translation>
    </message>
</context>
<context>
    <name>Umbra::HostUri</name>
    <message>
        <location filename="../core/fleet/hosturi.cpp" line="+105"/>
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
        <location filename="../ui/hostsdialog.cpp" line="+30"/>
        <source>Hosts</source>
        <translation>Hosts</translation>
    </message>
    <message>
        <location line="+6"/>
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
        <location line="+0"/>
        <location line="+170"/>
        <source>Hardware exporter</source>
        <translation>Hardware-Exporter</translation>
    </message>
    <message>
        <location line="-170"/>
        <source>VM usage from</source>
        <translation>VM-Auslastung aus</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Remove…</source>
        <translation>&amp;Entfernen …</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hardware &amp;exporter…</source>
        <translation>Hardware-E&amp;xporter …</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Where the selected host publishes SMART, memory-error and temperature readings (Prometheus node or smartctl exporter).</source>
        <translation>Wo der ausgewählte Host SMART-, Speicherfehler- und Temperaturwerte veröffentlicht (Prometheus Node Exporter oder smartctl-Exporter).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Usage from &amp;Prometheus…</source>
        <translation>Auslastung aus &amp;Prometheus…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Read the selected host&apos;s VM usage from a Prometheus server that scrapes its prometheus-libvirt-exporter, instead of asking libvirt every interval.</source>
        <translation>Die VM-Auslastung des gewählten Hosts von einem Prometheus-Server lesen, der seinen prometheus-libvirt-exporter abfragt, statt libvirt in jedem Intervall zu fragen.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&lt;b&gt;Add a host&lt;/b&gt;</source>
        <translation>&lt;b&gt;Host hinzufügen&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>libvirt URI, e.g. qemu+ssh://admin@hv1.example.org/system</source>
        <translation>libvirt-URI, z. B. qemu+ssh://admin@hv1.example.org/system</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Hardware exporter (optional), e.g. http://hv1.example.org:9100/metrics</source>
        <translation>Hardware-Exporter (optional), z. B. http://hv1.example.org:9100/metrics</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Add</source>
        <translation>&amp;Hinzufügen</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Local: &lt;tt&gt;test:///default&lt;/tt&gt;, &lt;tt&gt;test:///abs/path/fleet.xml&lt;/tt&gt;, &lt;tt&gt;qemu:///system&lt;/tt&gt;&lt;br&gt;Remote: &lt;tt&gt;qemu+ssh://user@host/system&lt;/tt&gt;, &lt;tt&gt;qemu+tcp://host/system&lt;/tt&gt;, &lt;tt&gt;qemu+tls://host/system&lt;/tt&gt;</source>
        <translation>Lokal: &lt;tt&gt;test:///default&lt;/tt&gt;, &lt;tt&gt;test:///abs/pfad/fleet.xml&lt;/tt&gt;, &lt;tt&gt;qemu:///system&lt;/tt&gt;&lt;br&gt;Entfernt: &lt;tt&gt;qemu+ssh://benutzer@host/system&lt;/tt&gt;, &lt;tt&gt;qemu+tcp://host/system&lt;/tt&gt;, &lt;tt&gt;qemu+tls://host/system&lt;/tt&gt;</translation>
    </message>
    <message>
        <location line="+64"/>
        <source>simulated</source>
        <translation>simuliert</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>libvirt</source>
        <translation>libvirt</translation>
    </message>
    <message>
        <location line="+67"/>
        <source>Where %1 publishes its hardware health (empty: none):</source>
        <translation>Wo %1 seinen Hardwarezustand veröffentlicht (leer: nirgends):</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>VM usage from Prometheus</source>
        <translation>VM-Auslastung aus Prometheus</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The Prometheus server that scrapes %1&apos;s prometheus-libvirt-exporter, e.g. http://prometheus:9090/ (empty: ask libvirt):</source>
        <translation>Der Prometheus-Server, der den prometheus-libvirt-exporter von %1 abfragt, z. B. http://prometheus:9090/ (leer: libvirt fragen):</translation>
    </message>
    <message>
        <location line="+15"/>
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
        <location filename="../core/collect/inventoryreader.cpp" line="+30"/>
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
        <location line="+13"/>
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
    <name>Umbra::Jobs</name>
    <message>
        <location filename="../core/jobs/outcome.cpp" line="+47"/>
        <source>Running</source>
        <translation>Läuft</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Completed</source>
        <translation>Abgeschlossen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cancelled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Rolled back</source>
        <translation>Zurückgerollt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Needs attention</source>
        <translation>Eingriff nötig</translation>
    </message>
    <message>
        <location filename="../core/jobs/plan.cpp" line="+56"/>
        <source>Awaiting approval</source>
        <translation>Wartet auf Freigabe</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Approved</source>
        <translation>Freigegeben</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Rejected</source>
        <translation>Abgelehnt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Executing</source>
        <translation>Wird ausgeführt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Executed</source>
        <translation>Ausgeführt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Superseded</source>
        <translation>Überholt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Withdrawn</source>
        <translation>Zurückgezogen</translation>
    </message>
</context>
<context>
    <name>Umbra::Jobs::AuditTrail</name>
    <message>
        <location filename="../core/jobs/audittrail.cpp" line="+27"/>
        <source>Audit trail: %1</source>
        <translation>Prüfpfad: %1</translation>
    </message>
    <message>
        <location line="+108"/>
        <source>Entry %1 is missing: the chain jumps to %2.</source>
        <translation>Eintrag %1 fehlt: Die Kette springt zu %2.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Entry %1 does not follow the entry before it.</source>
        <translation>Eintrag %1 schließt nicht an den Eintrag davor an.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Entry %1 was changed after it was written.</source>
        <translation>Eintrag %1 wurde nach dem Schreiben verändert.</translation>
    </message>
</context>
<context>
    <name>Umbra::Jobs::PlanStore</name>
    <message>
        <location filename="../core/jobs/planstore.cpp" line="+72"/>
        <source>Plans: %1</source>
        <translation>Pläne: %1</translation>
    </message>
    <message>
        <location line="+108"/>
        <source>Plan %1 is “%2”, not “%3”.</source>
        <translation>Plan %1 ist „%2“, nicht „%3“.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Plan %1 cannot be approved: %2</source>
        <translation>Plan %1 kann nicht freigegeben werden: %2</translation>
    </message>
    <message>
        <location line="+96"/>
        <source>There is no plan %1.</source>
        <translation>Es gibt keinen Plan %1.</translation>
    </message>
</context>
<context>
    <name>Umbra::LibvirtLink</name>
    <message>
        <location filename="../core/migrate/libvirtlink.cpp" line="+33"/>
        <source>unknown libvirt error</source>
        <translation>unbekannter libvirt-Fehler</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location line="+72"/>
        <source>%1 is unreachable: %2</source>
        <translation>%1 ist nicht erreichbar: %2</translation>
    </message>
    <message>
        <location line="+41"/>
        <location line="+6"/>
        <location line="+159"/>
        <location line="+9"/>
        <source>Looking up %1 on %2</source>
        <translation>%1 auf %2 suchen</translation>
    </message>
    <message>
        <location line="-157"/>
        <source>Reading the host facts of %1</source>
        <translation>Hostdaten von %1 lesen</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>Listing the domains of %1</source>
        <translation>Domänen von %1 auflisten</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Reading the state of %1 on %2</source>
        <translation>Zustand von %1 auf %2 lesen</translation>
    </message>
    <message>
        <location line="-120"/>
        <source>%1 is not defined on %2.</source>
        <translation>%1 ist auf %2 nicht definiert.</translation>
    </message>
    <message>
        <location line="+141"/>
        <source>Reading the definition of %1 on %2</source>
        <translation>Definition von %1 auf %2 lesen</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Comparing CPUs on %1</source>
        <translation>CPUs auf %1 vergleichen</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>Looking up the storage pool of %1 on %2</source>
        <translation>Speicherpool von %1 auf %2 wird gesucht</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Measuring the dirty-page rate of %1</source>
        <translation>Dirty-Page-Rate von %1 messen</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Reading the dirty-page rate of %1</source>
        <translation>Dirty-Page-Rate von %1 lesen</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>The dirty-page rate of %1 was not measured in time.</source>
        <translation>Die Dirty-Page-Rate von %1 wurde nicht rechtzeitig gemessen.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Reading the disk statistics of %1</source>
        <translation>Lesen der Plattenstatistik von %1</translation>
    </message>
    <message>
        <location line="+41"/>
        <location line="+9"/>
        <source>Migrating to %1</source>
        <translation>Migration nach %1</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>A direct migration needs a libvirt connection to the target.</source>
        <translation>Eine direkte Migration braucht eine libvirt-Verbindung zum Ziel.</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Reading the job statistics of %1</source>
        <translation>Jobstatistik von %1 lesen</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Aborting the job of %1 on %2</source>
        <translation>Job von %1 auf %2 abbrechen</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Setting the maximum downtime of %1</source>
        <translation>Maximale Ausfallzeit von %1 festlegen</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Switching %1 to post-copy</source>
        <translation>%1 auf Post-Copy umschalten</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Starting %1 on %2</source>
        <translation>%1 auf %2 starten</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Resuming %1 on %2</source>
        <translation>%1 auf %2 fortsetzen</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Stopping %1 on %2</source>
        <translation>%1 auf %2 stoppen</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Defining the domain on %1</source>
        <translation>Domäne auf %1 definieren</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Undefining %1 on %2</source>
        <translation>Definition von %1 auf %2 entfernen</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Creating the restore point of %1</source>
        <translation>Wiederherstellungspunkt von %1 anlegen</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Folding the overlay of %1 back (%2)</source>
        <translation>Overlay von %1 zurückführen (%2)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Watching the commit of %1 (%2)</source>
        <translation>Commit von %1 überwachen (%2)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The commit of %1 (%2) ended without reaching its pivot.</source>
        <translation>Der Commit von %1 (%2) endete, ohne den Pivot zu erreichen.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Folding the overlay of %1 back (%2) did not finish in %3 s%4</source>
        <translation>Das Zurückführen des Overlays von %1 (%2) wurde nicht innerhalb von %3 s abgeschlossen%4</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Replicating %1 of %2</source>
        <translation>Replizieren von %1 der VM %2</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Reading the size of %1 (%2)</source>
        <translation>Lesen der Größe von %1 (%2)</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Reading the block job of %1 (%2)</source>
        <translation>Lesen des Block-Jobs von %1 (%2)</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Ending the block job of %1 (%2)</source>
        <translation>Beenden des Block-Jobs von %1 (%2)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 is in no storage pool of %2</source>
        <translation>%1 liegt in keinem Speicherpool von %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Deleting %1 on %2</source>
        <translation>%1 auf %2 löschen</translation>
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
    <name>Umbra::Lifecycle::ConsoleCommand</name>
    <message>
        <location filename="../core/lifecycle/consolecommand.cpp" line="+67"/>
        <source>%1 is a VM of libvirt&apos;s test driver (simulated): it has no screen to show.</source>
        <translation>%1 ist eine VM des Testtreibers von libvirt (simuliert): Sie hat keinen Bildschirm.</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+49"/>
        <source>The definition of %1 cannot be read: %2</source>
        <translation>Die Definition von %1 ist nicht lesbar: %2</translation>
    </message>
    <message>
        <location line="-25"/>
        <source>%1 has neither a graphical display nor a serial console.</source>
        <translation>%1 hat weder eine grafische Anzeige noch eine serielle Konsole.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Cannot reach %1: %2</source>
        <translation>%1 ist nicht erreichbar: %2</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>%1 is not installed; it comes in the Debian package %2.</source>
        <translation>%1 ist nicht installiert; es ist im Debian-Paket %2 enthalten.</translation>
    </message>
</context>
<context>
    <name>Umbra::Lifecycle::VmAction</name>
    <message>
        <location filename="../core/lifecycle/vmaction.cpp" line="+59"/>
        <source>Start</source>
        <translation>Starten</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Shut down</source>
        <translation>Herunterfahren</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reboot</source>
        <translation>Neu starten</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Force off</source>
        <translation>Ausschalten erzwingen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reset</source>
        <translation>Zurücksetzen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Pause</source>
        <translation>Anhalten</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Resume</source>
        <translation>Fortsetzen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Start with its host</source>
        <translation>Mit dem Host starten</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Do not start with its host</source>
        <translation>Nicht mit dem Host starten</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>%1 is switched off at once, like pulling its power cord: whatever its programs had not written to disk is lost, and its file systems may need checking at the next start.</source>
        <translation>%1 wird sofort ausgeschaltet, als zöge man den Netzstecker: Was seine Programme noch nicht auf die Platte geschrieben hatten, geht verloren, und seine Dateisysteme müssen beim nächsten Start eventuell geprüft werden.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 restarts at once, like pressing its reset button: whatever its programs had not written to disk is lost, and open connections are cut.</source>
        <translation>%1 startet sofort neu, als drückte man die Reset-Taste: Was seine Programme noch nicht auf die Platte geschrieben hatten, geht verloren, und offene Verbindungen brechen ab.</translation>
    </message>
</context>
<context>
    <name>Umbra::Lifecycle::VmActionRunner</name>
    <message>
        <location filename="../core/lifecycle/vmactionrunner.cpp" line="+99"/>
        <source>%1 now starts with %2.</source>
        <translation>%1 startet jetzt mit %2.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 no longer starts with %2.</source>
        <translation>%1 startet nicht mehr mit %2.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1: %2 done; it is %3.</source>
        <translation>%1: %2 erledigt; Zustand: %3.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Cannot reach %1: %2</source>
        <translation>%1 ist nicht erreichbar: %2</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 is no longer on %2: %3</source>
        <translation>%1 ist nicht mehr auf %2: %3</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 is %2 now; “%3” does not apply, nothing was done.</source>
        <translation>%1 ist jetzt %2; „%3“ passt nicht, es wurde nichts getan.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 on %2 failed: %3</source>
        <translation>%1 für %2 fehlgeschlagen: %3</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>%1 was asked to shut down but is still %2 after %3 s; its guest may ignore the request. Force off to stop it now.</source>
        <translation>%1 wurde zum Herunterfahren aufgefordert, ist nach %3 s aber noch %2; das Gastsystem ignoriert die Anforderung vielleicht. Mit „Ausschalten erzwingen“ wird es sofort gestoppt.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1: libvirt accepted “%2”, but the VM is %3.</source>
        <translation>%1: libvirt hat „%2“ angenommen, aber die VM ist %3.</translation>
    </message>
</context>
<context>
    <name>Umbra::LifecycleService</name>
    <message>
        <location filename="../core/engine/lifecycleservice.cpp" line="+35"/>
        <source>%1 %2 on %3</source>
        <translation>%1: %2 auf %3</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 was %2 when asked.</source>
        <translation>%1 war bei der Anforderung %2.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Ask libvirt on %1 to %2 %3, and check that it did.</source>
        <translation>libvirt auf %1 auffordern: %2 für %3, und prüfen, dass es geschah.</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Interrupted: Umbra stopped before it knew whether “%1” took effect; the VM&apos;s state is what its host shows.</source>
        <translation>Unterbrochen: Umbra endete, bevor bekannt war, ob „%1“ wirkte; der Zustand der VM ist der, den ihr Host zeigt.</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>%1: “%2” is still under way; “%3” was not started.</source>
        <translation>%1: „%2“ läuft noch; „%3“ wurde nicht gestartet.</translation>
    </message>
    <message>
        <location line="+58"/>
        <source> (simulated)</source>
        <translation> (simuliert)</translation>
    </message>
</context>
<context>
    <name>Umbra::MainWindow</name>
    <message>
        <location filename="../ui/mainwindow.cpp" line="-212"/>
        <source>Umbra</source>
        <translation>Umbra</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Event log</source>
        <translation>Ereignisprotokoll</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Migrations</source>
        <translation>Migrationen</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+3"/>
        <source>Anomalies</source>
        <translation>Anomalien</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Anomalies (%1 open)</source>
        <translation>Anomalien (%1 offen)</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+13"/>
        <source>Approvals</source>
        <translation>Genehmigungen</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Approvals (%1)</source>
        <translation>Genehmigungen (%1)</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Umbra: approval needed</source>
        <translation>Umbra: Genehmigung nötig</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Audit</source>
        <translation>Prüfpfad</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Shadows</source>
        <translation>Schatten</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Customer not saved</source>
        <translation>Kunde nicht gespeichert</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The VM&apos;s customer was not saved: %1</source>
        <translation>Der Kunde der VM wurde nicht gespeichert: %1</translation>
    </message>
    <message>
        <location line="+14"/>
        <location line="+22"/>
        <source>Models: %1 of %2 VMs ready</source>
        <translation>Modelle: %1 von %2 VMs bereit</translation>
    </message>
    <message>
        <location line="-18"/>
        <source>The models of every running VM are restored from the database or learnt from its history after a start. Forecasts and anomalies of the others follow as their models are ready.</source>
        <translation>Nach einem Start werden die Modelle jeder laufenden VM aus der Datenbank wiederhergestellt oder aus ihrem Verlauf gelernt. Prognosen und Anomalien der übrigen folgen, sobald ihre Modelle bereit sind.</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Filter hosts and VMs by name</source>
        <translation>Hosts und VMs nach Namen filtern</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Health</source>
        <translation>Gesundheit</translation>
    </message>
    <message>
        <location line="+47"/>
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
        <translation>Bekannte &amp;Ereignisse …</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Load Balancers…</source>
        <translation>&amp;Load Balancer …</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Pools…</source>
        <translation>&amp;Pools…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Automation…</source>
        <translation>&amp;Automatisierung…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Policy &amp;Replay…</source>
        <translation>Richtlinien-&amp;Wiederholung…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Pro&amp;metheus…</source>
        <translation>Pro&amp;metheus…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The database is open read-only; the pools are stored there.</source>
        <translation>Die Datenbank ist nur zum Lesen geöffnet; die Pools werden dort gespeichert.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Fleet &amp;Overview</source>
        <translation>Flotten&amp;übersicht</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Traffic</source>
        <translation>&amp;Verkehr</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Dark Theme</source>
        <translation>&amp;Dunkles Design</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Filter Fleet</source>
        <translation>Flotte &amp;filtern</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Go to or Run…</source>
        <translation>&amp;Gehe zu oder führe aus …</translation>
    </message>
    <message>
        <location line="+3"/>
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
        <location line="+74"/>
        <source>%1?</source>
        <translation>%1?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 cannot go ahead: %2</source>
        <translation>%1 kann nicht ausgeführt werden: %2</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Remove shadow</source>
        <translation>Schatten entfernen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Fail over</source>
        <translation>Failover</translation>
    </message>
    <message>
        <location line="+107"/>
        <source>Customer of %1</source>
        <translation>Kunde von %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dedicated pools take only their customer&apos;s VMs. Leave empty for none.

Customer:</source>
        <translation>Dedizierte Pools nehmen nur die VMs ihres Kunden auf. Leer lassen für keinen.

Kunde:</translation>
    </message>
    <message>
        <location line="+87"/>
        <source>About Umbra</source>
        <translation>Über Umbra</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;h3&gt;Umbra %1&lt;/h3&gt;&lt;p&gt;An operations console for KVM/QEMU fleets managed by libvirt. It watches every host and VM, keeps an hour of history at hand and acts ahead of trouble.&lt;/p&gt;&lt;p&gt;History is kept in &lt;tt&gt;%2&lt;/tt&gt;.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Umbra %1&lt;/h3&gt;&lt;p&gt;Eine Betriebskonsole für KVM/QEMU-Flotten, die mit libvirt verwaltet werden. Sie beobachtet jeden Host und jede VM, hält eine Stunde Verlauf bereit und handelt, bevor Probleme entstehen.&lt;/p&gt;&lt;p&gt;Der Verlauf wird in &lt;tt&gt;%2&lt;/tt&gt; gespeichert.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowactions.cpp" line="+125"/>
        <source>V&amp;M</source>
        <translation>V&amp;M</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>host</source>
        <translation>Host</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>VM on %1, %2</source>
        <translation>VM auf %1, %2</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>on %1</source>
        <translation>auf %1</translation>
    </message>
</context>
<context>
    <name>Umbra::MetricChart</name>
    <message>
        <location filename="../ui/metricchart.cpp" line="+39"/>
        <source>%</source>
        <translation>%</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>/s</source>
        <translation>/s</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>ms</source>
        <translation>ms</translation>
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
        <location line="+6"/>
        <source>%1/s</source>
        <translation>%1/s</translation>
    </message>
    <message>
        <location filename="../ui/chartaxes.cpp" line="+174"/>
        <source>d MMM</source>
        <comment>date on a chart axis (QDate format: day, short month)</comment>
        <translation>d. MMM</translation>
    </message>
    <message>
        <location filename="../ui/metricchart.cpp" line="+138"/>
        <source>%1 (forecast)</source>
        <translation>%1 (Prognose)</translation>
    </message>
    <message>
        <location line="+396"/>
        <location line="+16"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
</context>
<context>
    <name>Umbra::Metrics::ListenAddress</name>
    <message>
        <location filename="../core/metrics/listenaddress.cpp" line="+32"/>
        <source>&quot;%1&quot; is not [ADDRESS]:PORT</source>
        <translation>&quot;%1&quot; ist nicht [ADRESSE]:PORT</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&quot;%1&quot; has no port between 1 and 65535</source>
        <translation>&quot;%1&quot; hat keinen Port zwischen 1 und 65535</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&quot;%1&quot; is not an IP address to listen on</source>
        <translation>&quot;%1&quot; ist keine IP-Adresse, auf der gelauscht werden kann</translation>
    </message>
</context>
<context>
    <name>Umbra::Metrics::MetricsServer</name>
    <message>
        <location filename="../core/metrics/metricsserver.cpp" line="+155"/>
        <source>Cannot serve metrics on %1: %2</source>
        <translation>Metriken können nicht unter %1 bereitgestellt werden: %2</translation>
    </message>
</context>
<context>
    <name>Umbra::MigrateCommand</name>
    <message>
        <location filename="../app/headlessoutput.cpp" line="+69"/>
        <source>%1 is not active on any of the --connect hosts%2</source>
        <translation>%1 ist auf keinem der --connect-Hosts aktiv%2</translation>
    </message>
    <message>
        <location filename="../app/migratecommand.cpp" line="+58"/>
        <source>Live-migrate the VM &lt;name&gt; (or UUID) from the --connect host where it runs to --to, without a window: stages on standard error, one line of JSON on standard output. Exit status 0 only when the VM ends running on the target.</source>
        <translation>Die VM &lt;name&gt; (oder UUID) per Live-Migration vom --connect-Host, auf dem sie läuft, nach --to verschieben, ohne Fenster: Phasen auf der Standardfehlerausgabe, eine JSON-Zeile auf der Standardausgabe. Exit-Status 0 nur, wenn die VM am Ende auf dem Ziel läuft.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>With --migrate, the libvirt URI of the target host; with --shift, the server that takes the requests.</source>
        <translation>Mit --migrate die libvirt-URI des Zielhosts; mit --shift der Server, der die Anfragen übernimmt.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>With --migrate, the longest pause allowed at the switch-over (default 300).</source>
        <translation>Mit --migrate die längste zulässige Pause bei der Umschaltung (Standard: 300).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>With --migrate, cap the migration bandwidth (default: unlimited).</source>
        <translation>Mit --migrate die Migrationsbandbreite begrenzen (Standard: unbegrenzt).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>With --migrate, throttle the guest&apos;s CPU when memory changes faster than it is copied.</source>
        <translation>Mit --migrate die CPU des Gasts drosseln, wenn sich der Arbeitsspeicher schneller ändert, als er kopiert wird.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>With --migrate, switch to post-copy when pre-copy does not converge.</source>
        <translation>Mit --migrate auf Post-Copy umschalten, wenn Pre-Copy nicht konvergiert.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>With --migrate, keep the (inactive) definition on the source for rollback.</source>
        <translation>Mit --migrate die (inaktive) Definition für ein Rollback auf der Quelle behalten.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>With --migrate, the VM is healthy on the target when &lt;url&gt; answers 2xx.</source>
        <translation>Mit --migrate gilt die VM auf dem Ziel als gesund, wenn &lt;url&gt; mit 2xx antwortet.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>With --migrate, the VM is healthy on the target when &lt;host:port&gt; accepts a connection.</source>
        <translation>Mit --migrate gilt die VM auf dem Ziel als gesund, wenn &lt;host:port&gt; eine Verbindung annimmt.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>With --migrate, the VM is healthy on the target when its guest agent answers a ping.</source>
        <translation>Mit --migrate gilt die VM auf dem Ziel als gesund, wenn ihr Gast-Agent auf einen Ping antwortet.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>With --migrate, how long the health check may take to pass (default 60).</source>
        <translation>Mit --migrate, wie lange die Zustandsprüfung bis zum Bestehen dauern darf (Standard: 60).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>With --migrate, the data channel to the target, e.g. tcp://10.0.0.12.</source>
        <translation>Mit --migrate der Datenkanal zum Ziel, z. B. tcp://10.0.0.12.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>With --migrate, the data channel back to the source for a rollback (default: tcp:// to the source&apos;s host when --migration-uri is tcp://).</source>
        <translation>Mit --migrate der Datenkanal zurück zur Quelle für ein Rollback (Standard: tcp:// zum Host der Quelle, wenn --migration-uri tcp:// ist).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>With --migrate, shared (disks stay), copy (disks are copied) or auto (ask the hosts&apos; storage pools; the default).</source>
        <translation>Mit --migrate shared (Datenträger bleiben), copy (Datenträger werden kopiert) oder auto (die Speicherpools der Hosts befragen; Standard).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>With --migrate, drive the migration from this console with a connection to each host, instead of host to host (peer-to-peer).</source>
        <translation>Mit --migrate die Migration von dieser Konsole aus mit einer Verbindung zu jedem Host steuern statt von Host zu Host (Peer-to-Peer).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>With --migrate, migrate even if libvirt considers the disk cache mode unsafe.</source>
        <translation>Mit --migrate auch dann migrieren, wenn libvirt den Cache-Modus der Datenträger für unsicher hält.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>With --migrate, make no disk restore point (the saved definition remains).</source>
        <translation>Mit --migrate keinen Wiederherstellungspunkt der Datenträger anlegen (die gespeicherte Definition bleibt erhalten).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>With --migrate, refuse to move a VM whose disks cannot get a restore point.</source>
        <translation>Mit --migrate keine VM verschieben, für deren Datenträger kein Wiederherstellungspunkt angelegt werden kann.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>With --migrate, memory the target keeps for itself (default 256).</source>
        <translation>Mit --migrate der Arbeitsspeicher, den das Ziel für sich selbst reserviert (Standard: 256).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>With --migrate, abort and roll back a transfer that takes longer (default: no limit).</source>
        <translation>Mit --migrate eine Übertragung abbrechen und zurückrollen, die länger dauert (Standard: keine Grenze).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>End the migration jobs that a stopped console left unfinished, from what the hosts say now, print them as JSON and exit, without a window.</source>
        <translation>Die Migrationsjobs, die eine beendete Konsole unvollendet hinterlassen hat, anhand des aktuellen Stands der Hosts abschließen, als JSON ausgeben und beenden, ohne Fenster.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>--%1 wants a whole number from %2 to %3, not “%4”.</source>
        <translation>--%1 erwartet eine ganze Zahl von %2 bis %3, nicht „%4“.</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>--storage is auto, shared or copy, not “%1”.</source>
        <translation>--storage ist auto, shared oder copy, nicht „%1“.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Give one of --health-url, --health-tcp and --health-agent.</source>
        <translation>Geben Sie nur eine der Optionen --health-url, --health-tcp und --health-agent an.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>--health-url wants an http:// URL, not “%1”.</source>
        <translation>--health-url erwartet eine http://-URL, nicht „%1“.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>--health-tcp wants HOST:PORT, not “%1”.</source>
        <translation>--health-tcp erwartet HOST:PORT, nicht „%1“.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>“%1” is not a migration URI such as tcp://10.0.0.12.</source>
        <translation>„%1“ ist keine Migrations-URI wie tcp://10.0.0.12.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>--migrate needs --to URI, the target host.</source>
        <translation>--migrate braucht --to URI, den Zielhost.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>--migrate needs --connect URI, the host the VM runs on.</source>
        <translation>--migrate braucht --connect URI, den Host, auf dem die VM läuft.</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>planning</source>
        <translation>Planung</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>plan %1</source>
        <translation>Plan %1</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>migration job %1</source>
        <translation>Migrationsjob %1</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>    %1 % of %2 MiB, %3 MiB/s, round %4, dirty %5 MiB/s%6</source>
        <translation>    %1 % von %2 MiB, %3 MiB/s, Runde %4, dirty %5 MiB/s%6</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>, post-copy</source>
        <translation>, Post-Copy</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>cancelling…</source>
        <translation>wird abgebrochen …</translation>
    </message>
</context>
<context>
    <name>Umbra::Migration</name>
    <message>
        <location filename="../core/migrate/migrationtypes.cpp" line="+63"/>
        <source>Pending</source>
        <translation>Ausstehend</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Preflight checks</source>
        <translation>Vorabprüfungen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Prediction</source>
        <translation>Vorhersage</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Restore point</source>
        <translation>Wiederherstellungspunkt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Transfer</source>
        <translation>Übertragung</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Traffic redirect</source>
        <translation>Umleitung des Datenverkehrs</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Verification</source>
        <translation>Überprüfung</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Finalize</source>
        <translation>Abschluss</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Rolling back</source>
        <translation>Rollback</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reconciling</source>
        <translation>Abgleich</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Done</source>
        <translation>Fertig</translation>
    </message>
</context>
<context>
    <name>Umbra::MigrationDialog</name>
    <message>
        <location filename="../ui/migrationdialog.cpp" line="+35"/>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Migrate %1</source>
        <translation>%1 migrieren</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Move &lt;b&gt;%1&lt;/b&gt; (%2 of memory) from %3 to another host while it runs. Before anything moves Umbra checks the target&apos;s CPU, memory and storage; a failure at any step moves it back.</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; (%2 Arbeitsspeicher) im laufenden Betrieb von %3 auf einen anderen Host verschieben. Bevor etwas verschoben wird, prüft Umbra CPU, Arbeitsspeicher und Speicherplatz des Ziels; schlägt ein Schritt fehl, wird die VM zurückverschoben.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&lt;b&gt;Simulated.&lt;/b&gt; %1 is a demo host (libvirt&apos;s test driver): nothing is copied; the progress is simulated and the VM&apos;s definition moves to the target.</source>
        <translation>&lt;b&gt;Simuliert.&lt;/b&gt; %1 ist ein Demo-Host (Testtreiber von libvirt): Es wird nichts kopiert; der Fortschritt ist simuliert, und die Definition der VM wandert auf das Ziel.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Target host</source>
        <translation>Zielhost</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Free memory after the move</source>
        <translation>Freier Arbeitsspeicher nach dem Verschieben</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Running VMs</source>
        <translation>Laufende VMs</translation>
    </message>
    <message>
        <location line="+10"/>
        <source> ms</source>
        <translation> ms</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>unlimited</source>
        <translation>unbegrenzt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source> MiB/s</source>
        <translation> MiB/s</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Slow the guest&apos;s CPU down if the copy cannot catch up</source>
        <translation>CPU des Gasts verlangsamen, wenn das Kopieren nicht nachkommt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keep the definition on the source for a rollback</source>
        <translation>Definition für ein Rollback auf der Quelle behalten</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>http://web01.example/health (optional)</source>
        <translation>http://web01.example/health (optional)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Automatic: ask the hosts&apos; storage pools</source>
        <translation>Automatisch: die Speicherpools der Hosts fragen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shared: the disks stay where they are</source>
        <translation>Gemeinsam: die Datenträger bleiben, wo sie sind</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copy: the disks are copied to the target</source>
        <translation>Kopieren: die Datenträger werden auf das Ziel kopiert</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Allow storage libvirt calls unsafe</source>
        <translation>Speicher erlauben, den libvirt für unsicher hält</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Only when every host mounts the same storage and nothing else writes to the VM&apos;s disks: libvirt cannot see that a directory is shared, and fears the target reads stale data.</source>
        <translation>Nur wenn jeder Host denselben Speicher eingebunden hat und nichts anderes auf die Datenträger der VM schreibt: libvirt kann nicht erkennen, dass ein Verzeichnis gemeinsam genutzt wird, und befürchtet, dass das Ziel veraltete Daten liest.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Storage</source>
        <translation>Speicher</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Disks:</source>
        <translation>Datenträger:</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Longest pause:</source>
        <translation>Längste Pause:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bandwidth:</source>
        <translation>Bandbreite:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Check after the move:</source>
        <translation>Prüfung nach dem Verschieben:</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Check runs the preflight and measures the guest before anything moves; its findings appear here.</source>
        <translation>„Prüfen“ führt die Vorabprüfungen aus und misst den Gast, bevor etwas verschoben wird; die Ergebnisse erscheinen hier.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Check</source>
        <translation>Prüfen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Migrate</source>
        <translation>Migrieren</translation>
    </message>
    <message>
        <location line="+69"/>
        <source>Your choice is needed: choose under Storage, then Check again.</source>
        <translation>Ihre Entscheidung ist nötig: Wählen Sie unter „Speicher“ und dann erneut „Prüfen“.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>not measured</source>
        <translation>nicht gemessen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Preflight passed. Predicted: %1 in all, the VM paused for about %2 (%3 copy rounds at %4, the guest dirtying %5). Migrate to go ahead.</source>
        <translation>Vorabprüfungen bestanden. Vorhersage: insgesamt %1, die VM pausiert etwa %2 (%3 Kopierrunden mit %4, der Gast ändert %5). Zum Fortfahren „Migrieren“ wählen.</translation>
    </message>
    <message>
        <location line="-35"/>
        <source>Checking %1…</source>
        <translation>%1 wird geprüft …</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Simulated migration. %1</source>
        <translation>Simulierte Migration. %1</translation>
    </message>
    <message>
        <location line="+104"/>
        <source>asking…</source>
        <translation>wird erfragt …</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>%1 short</source>
        <translation>%1 zu wenig</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Not enough memory for %1 after the move.</source>
        <translation>Nach dem Verschieben nicht genug Arbeitsspeicher für %1.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Too many vCPUs for %1 after the move.</source>
        <translation>Zu viele vCPUs für %1 nach dem Verschieben.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 usable for the VM after the host&apos;s reserve; the preflight checks the same figure.</source>
        <translation>%1 für die VM nutzbar nach der Reserve des Hosts; die Vorabprüfung prüft dieselbe Zahl.</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>No other connected host to move to.</source>
        <translation>Kein anderer verbundener Host als Ziel vorhanden.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Asking the hosts how much room they have…</source>
        <translation>Die Hosts werden gefragt, wie viel Platz sie haben …</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose a target with room for this VM.</source>
        <translation>Wählen Sie ein Ziel mit Platz für diese VM.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>First estimate: about %1 in all, the VM paused for about %2 at the switch-over (%3 copy rounds). Check measures the guest&apos;s dirty-page rate and refines it.</source>
        <translation>Erste Schätzung: insgesamt etwa %1, die VM pausiert bei der Umschaltung etwa %2 (%3 Kopierrunden). „Prüfen“ misst die Dirty-Page-Rate des Gasts und verfeinert die Schätzung.</translation>
    </message>
</context>
<context>
    <name>Umbra::MigrationJob</name>
    <message>
        <location filename="../core/migrate/migrationjob.cpp" line="+116"/>
        <source>The migration journal cannot be opened, so nothing was done: %1</source>
        <translation>Das Migrationsjournal kann nicht geöffnet werden, daher wurde nichts unternommen: %1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The migration journal cannot be written, so nothing was done: %1</source>
        <translation>In das Migrationsjournal kann nicht geschrieben werden, daher wurde nichts unternommen: %1</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Cancelled by the operator before anything changed.</source>
        <translation>Vom Operator abgebrochen, bevor sich etwas geändert hat.</translation>
    </message>
    <message>
        <location line="+48"/>
        <location line="+325"/>
        <source>Cancelled by the operator during verification.</source>
        <translation>Vom Operator während der Überprüfung abgebrochen.</translation>
    </message>
    <message>
        <location filename="../core/migrate/migrationplanner.cpp" line="+72"/>
        <source>Move %1 from %2 to %3</source>
        <translation>%1 von %2 nach %3 verschieben</translation>
    </message>
    <message>
        <location line="+110"/>
        <source>The source host is unreachable: %1</source>
        <translation>Der Quellhost ist nicht erreichbar: %1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>No VM named or numbered “%1” is defined on %2.</source>
        <translation>Auf %2 ist keine VM mit dem Namen oder der Nummer „%1“ definiert.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 is not running on %2; only a running VM is moved live.</source>
        <translation>%1 läuft nicht auf %2; nur eine laufende VM wird live verschoben.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 is transient on %2; Umbra moves persistent VMs only, so that a definition always stays behind until the target is verified.</source>
        <translation>%1 ist auf %2 transient; Umbra verschiebt nur persistente VMs, damit stets eine Definition zurückbleibt, bis das Ziel überprüft ist.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The target host is unreachable: %1</source>
        <translation>Der Zielhost ist nicht erreichbar: %1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The target host does not answer as a healthy host: %1</source>
        <translation>Der Zielhost antwortet nicht wie ein gesunder Host: %1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 and %2 are the same host (%3); a VM cannot migrate onto the host it runs on.</source>
        <translation>%1 und %2 sind derselbe Host (%3); eine VM kann nicht auf den Host migriert werden, auf dem sie läuft.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>host UUID %1</source>
        <translation>Host-UUID %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>same connection URI</source>
        <translation>gleiche Verbindungs-URI</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 is already active on the target %2.</source>
        <translation>%1 ist auf dem Ziel %2 bereits aktiv.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The target already holds an inactive definition of %1; the migration replaces it.</source>
        <translation>Das Ziel hat bereits eine inaktive Definition von %1; die Migration ersetzt sie.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>%1 MiB free</source>
        <translation>%1 MiB frei</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>free memory not reported</source>
        <translation>freier Speicher nicht gemeldet</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not enough memory on %1: %2 needs %3 MiB, the target has %4 MiB usable after keeping %5 MiB for itself (%6 MiB total, %7, %8 MiB held by %9 running VMs).</source>
        <translation>Nicht genug Arbeitsspeicher auf %1: %2 braucht %3 MiB, das Ziel hat %4 MiB nutzbar, nachdem es %5 MiB für sich behält (%6 MiB insgesamt, %7, %8 MiB belegt von %9 laufenden VMs).</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Not enough CPU on %1: %2 more vCPUs would make %3 on %4 host CPUs, above the allowed %5 per CPU.</source>
        <translation>Nicht genug CPU auf %1: %2 weitere vCPUs ergäben %3 auf %4 Host-CPUs, mehr als die zulässigen %5 pro CPU.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>The target&apos;s pool does not take %1: %2</source>
        <translation>Der Pool des Ziels nimmt %1 nicht auf: %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Pool: %1</source>
        <translation>Pool: %1</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>CPU: no model to check.</source>
        <translation>CPU: kein Modell zu prüfen.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>CPU compatibility not checked: %1</source>
        <translation>CPU-Kompatibilität nicht geprüft: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The CPU of %1 is incompatible with the target %2.</source>
        <translation>Die CPU von %1 ist nicht mit dem Ziel %2 kompatibel.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>CPU: the target can provide the VM&apos;s CPU.</source>
        <translation>CPU: Das Ziel kann die CPU der VM bereitstellen.</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Cannot tell whether %1 is on storage shared with %2 (no storage pool of either host holds it). Choose the shared or copy storage mode explicitly.</source>
        <translation>Es lässt sich nicht feststellen, ob %1 auf einem mit %2 gemeinsam genutzten Speicher liegt (kein Speicherpool der beiden Hosts enthält ihn). Wählen Sie den Speichermodus shared oder copy ausdrücklich.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>%1 (cache mode %2, a %3 pool)</source>
        <translation>%1 (Cache-Modus %2, ein %3-Pool)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>libvirt would refuse to move %1 as unsafe: the source caches these disks and libvirt does not know their file system as shared. If every host mounts the same storage and nothing else writes to it, allow unsafe storage; otherwise choose the copy storage mode or a cache mode of none.</source>
        <translation>libvirt würde das Verschieben von %1 als unsicher ablehnen: Die Quelle puffert diese Datenträger, und libvirt kennt ihr Dateisystem nicht als gemeinsam genutzt. Wenn jeder Host denselben Speicher eingebunden hat und nichts anderes darauf schreibt, erlauben Sie unsicheren Speicher; andernfalls wählen Sie den Speichermodus copy oder den Cache-Modus none.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Storage: shared, disks stay where they are.</source>
        <translation>Speicher: gemeinsam genutzt, die Datenträger bleiben, wo sie sind.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Storage: disks are copied to the target.</source>
        <translation>Speicher: Die Datenträger werden auf das Ziel kopiert.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Storage: the operator allows libvirt&apos;s unsafe override for shared disks.</source>
        <translation>Speicher: Der Bediener erlaubt die Unsicher-Freigabe von libvirt für gemeinsam genutzte Datenträger.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Target %1: %2 MiB usable for %3 MiB, %4 of %5 vCPU slots taken.</source>
        <translation>Ziel %1: %2 MiB nutzbar für %3 MiB, %4 von %5 vCPU-Plätzen belegt.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>migration of %1</source>
        <translation>Migration von %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 cannot take %2 now: %3.</source>
        <translation>%1 kann %2 jetzt nicht aufnehmen: %3.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Dirty-page rate not measured, assuming %1 MiB/s: %2</source>
        <translation>Dirty-Page-Rate nicht gemessen, angenommen werden %1 MiB/s: %2</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Predicted %1 s in total, %2 ms downtime, %3 rounds%4 (memory %5 MiB, dirty %6 MiB/s, bandwidth %7 MiB/s %8, overhead %9 ms, switch-over %10 ms).</source>
        <translation>Vorhersage: insgesamt %1 s, %2 ms Ausfallzeit, %3 Runden%4 (Arbeitsspeicher %5 MiB, dirty %6 MiB/s, Bandbreite %7 MiB/s %8, Overhead %9 ms, Umschaltung %10 ms).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>, does not converge</source>
        <translation>, konvergiert nicht</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>measured</source>
        <translation>gemessen</translation>
    </message>
    <message>
        <location line="-98"/>
        <location line="+98"/>
        <source>default</source>
        <translation>Standard</translation>
    </message>
    <message>
        <location filename="../core/migrate/migrationjob.cpp" line="-468"/>
        <source>Executing plan %1, approved by %2.</source>
        <translation>Plan %1 wird ausgeführt, freigegeben von %2.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Simulated</source>
        <translation>Simuliert</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Simulated: %1</source>
        <translation>Simuliert: %1</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>Plan %1 was not executed: %2</source>
        <translation>Plan %1 wurde nicht ausgeführt: %2</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Taking traffic off the VM failed: %1</source>
        <translation>Den Verkehr von der VM zu nehmen ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Cancelled by the operator before the transfer.</source>
        <translation>Vor der Übertragung vom Bediener abgebrochen.</translation>
    </message>
    <message>
        <location line="+55"/>
        <source>Prediction of plan %1, approved by %2.</source>
        <translation>Vorhersage aus Plan %1, freigegeben von %2.</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>disk %1 is %2 %3, not a qcow2 file</source>
        <translation>Datenträger %1 ist %2 %3, keine qcow2-Datei</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>restore points are turned off</source>
        <translation>Wiederherstellungspunkte sind ausgeschaltet</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the VM has no writable disk</source>
        <translation>die VM hat keinen beschreibbaren Datenträger</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the disks are copied, not shared</source>
        <translation>die Datenträger werden kopiert, nicht gemeinsam genutzt</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Restore point: the disks as they were are the base of the overlay%1 %2%3.</source>
        <translation>Wiederherstellungspunkt: Die Datenträger im bisherigen Zustand sind die Basis von Overlay%1 %2%3.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source> (file systems quiesced by the guest agent)</source>
        <translation> (Dateisysteme vom Gast-Agenten stillgelegt)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>No restore point could be made (%1), and the settings require one.</source>
        <translation>Es konnte kein Wiederherstellungspunkt angelegt werden (%1), die Einstellungen verlangen aber einen.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No disk restore point (%1); the saved definition is the restore point.</source>
        <translation>Kein Wiederherstellungspunkt der Datenträger (%1); die gespeicherte Definition ist der Wiederherstellungspunkt.</translation>
    </message>
    <message>
        <location line="+63"/>
        <source>Switched to post-copy after %1 rounds.</source>
        <translation>Nach %1 Runden auf Post-Copy umgeschaltet.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Cancel ignored: post-copy has started; the VM can only finish on the target.</source>
        <translation>Abbruch ignoriert: Post-Copy hat begonnen; die VM kann nur noch auf dem Ziel abgeschlossen werden.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Cancelled by the operator during the transfer.</source>
        <translation>Vom Operator während der Übertragung abgebrochen.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The transfer took longer than %1 s and was aborted.</source>
        <translation>Die Übertragung dauerte länger als %1 s und wurde abgebrochen.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>The transfer failed: %1</source>
        <translation>Die Übertragung ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The migration finished before the abort took effect.</source>
        <translation>Die Migration war abgeschlossen, bevor der Abbruch wirksam wurde.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Transferred in %1 s (predicted %2 s), downtime %3 ms (predicted %4 ms), %5 MiB/s.</source>
        <translation>Übertragen in %1 s (vorhergesagt %2 s), Ausfallzeit %3 ms (vorhergesagt %4 ms), %5 MiB/s.</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>%1 is not defined on the target.</source>
        <translation>%1 ist auf dem Ziel nicht definiert.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 is not running on the target (state %2).</source>
        <translation>%1 läuft nicht auf dem Ziel (Zustand %2).</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 is still active on the source.</source>
        <translation>%1 ist auf der Quelle noch aktiv.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>The guest agent of %1 does not answer.</source>
        <translation>Der Gast-Agent von %1 antwortet nicht.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 runs on the target%2.</source>
        <translation>%1 läuft auf dem Ziel%2.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source> and passed its health check (attempt %1)</source>
        <translation> und hat die Zustandsprüfung bestanden (Versuch %1)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Verification on the target failed after %1 attempts: %2</source>
        <translation>Überprüfung auf dem Ziel nach %1 Versuchen fehlgeschlagen: %2</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>%1 runs verified on the target, but its definition there cannot be read: %2</source>
        <translation>%1 läuft überprüft auf dem Ziel, aber ihre Definition dort kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 runs verified on the target, but could not be made persistent there; its source definition was kept: %2</source>
        <translation>%1 läuft überprüft auf dem Ziel, konnte dort aber nicht persistent gemacht werden; ihre Definition auf der Quelle wurde behalten: %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Made %1 persistent on the target.</source>
        <translation>%1 auf dem Ziel persistent gemacht.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Kept the inactive definition of %1 on the source for rollback.</source>
        <translation>Inaktive Definition von %1 für ein Rollback auf der Quelle behalten.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 runs verified on the target, but its old definition on the source could not be removed: %2</source>
        <translation>%1 läuft überprüft auf dem Ziel, aber ihre alte Definition auf der Quelle konnte nicht entfernt werden: %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Removed the definition of %1 from the source.</source>
        <translation>Definition von %1 von der Quelle entfernt.</translation>
    </message>
    <message>
        <location filename="../core/migrate/migrationrollback.cpp" line="+53"/>
        <source>The overlay %1 stays in the chain of %2: %3</source>
        <translation>Das Overlay %1 bleibt in der Kette von %2: %3</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Folded the restore point&apos;s overlays back into their base files%1.</source>
        <translation>Overlays des Wiederherstellungspunkts in ihre Basisdateien zurückgeführt%1.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>; no storage pool holds %1, so the file stays</source>
        <translation>; kein Speicherpool enthält %1, daher bleibt die Datei erhalten</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>%1 runs on the target after all.</source>
        <translation>%1 läuft doch auf dem Ziel.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Started %1 again on the source.</source>
        <translation>%1 auf der Quelle wieder gestartet.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The target could not be checked for leftovers: %1</source>
        <translation>Das Ziel konnte nicht auf Überreste geprüft werden: %1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>A definition is left on the target: %1</source>
        <translation>Auf dem Ziel ist eine Definition zurückgeblieben: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Removed the leftover definition from the target.</source>
        <translation>Zurückgebliebene Definition vom Ziel entfernt.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 is not running on the source afterwards: %2</source>
        <translation>%1 läuft danach nicht auf der Quelle: %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+39"/>
        <source>state %1</source>
        <translation>Zustand %1</translation>
    </message>
    <message>
        <location line="-14"/>
        <source>Moving %1 back to the source.</source>
        <translation>%1 wird auf die Quelle zurückverschoben.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Moving it back failed: %1. %2 stays on the target; its source definition is kept.</source>
        <translation>Das Zurückverschieben ist fehlgeschlagen: %1. %2 bleibt auf dem Ziel; ihre Definition auf der Quelle wird behalten.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1 is not running on the source after moving back: %2</source>
        <translation>%1 läuft nach dem Zurückverschieben nicht auf der Quelle: %2</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Its definition is left on the target: %1</source>
        <translation>Ihre Definition ist auf dem Ziel zurückgeblieben: %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 runs on the source again.</source>
        <translation>%1 läuft wieder auf der Quelle.</translation>
    </message>
    <message>
        <location filename="../core/migrate/migrationreplication.cpp" line="+26"/>
        <source>%1 moves from %2 to %3 (migration %4)</source>
        <translation>%1 zieht von %2 nach %3 um (Migration %4)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The VM&apos;s replication could not be set aside for the move: %1</source>
        <translation>Die Replikation der VM ließ sich für den Umzug nicht aussetzen: %1</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>The VM&apos;s replication did not start again: %1</source>
        <translation>Die Replikation der VM ist nicht wieder angelaufen: %1</translation>
    </message>
</context>
<context>
    <name>Umbra::MigrationJournal</name>
    <message>
        <location filename="../core/migrate/migrationjournal.cpp" line="+66"/>
        <location line="+4"/>
        <location line="+8"/>
        <location line="+33"/>
        <location line="+101"/>
        <location line="+4"/>
        <location line="+47"/>
        <location line="+61"/>
        <source>Migration journal: %1</source>
        <translation>Migrationsjournal: %1</translation>
    </message>
    <message>
        <location line="-237"/>
        <source>Migration journal: commit failed: %1</source>
        <translation>Migrationsjournal: Commit fehlgeschlagen: %1</translation>
    </message>
    <message>
        <location line="+192"/>
        <source>No migration job %1 in the journal.</source>
        <translation>Kein Migrationsjob %1 im Journal.</translation>
    </message>
</context>
<context>
    <name>Umbra::MigrationManager</name>
    <message>
        <location filename="../core/migrate/migrationmanager.cpp" line="+119"/>
        <source>The plan could not be stored: %1</source>
        <translation>Der Plan konnte nicht gespeichert werden: %1</translation>
    </message>
</context>
<context>
    <name>Umbra::MigrationsPanel</name>
    <message>
        <location filename="../ui/migrationspanel.cpp" line="+28"/>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <location line="+20"/>
        <location line="+3"/>
        <source>VM</source>
        <translation>VM</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>To</source>
        <translation>Nach</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Stage</source>
        <translation>Phase</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Copied</source>
        <translation>Kopiert</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Left</source>
        <translation>Verbleibend</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Dirty rate</source>
        <translation>Dirty-Rate</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Finished</source>
        <translation>Beendet</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>From → to</source>
        <translation>Von → nach</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Outcome</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Duration predicted / actual</source>
        <translation>Dauer vorhergesagt / tatsächlich</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Pause predicted / actual</source>
        <translation>Pause vorhergesagt / tatsächlich</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>No migration is running. Start one with Migrate… on a VM&apos;s page.</source>
        <translation>Es läuft keine Migration. Starten Sie eine mit „Migrieren …“ auf der Seite einer VM.</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location line="+15"/>
        <location line="+59"/>
        <source>%1 (simulated)</source>
        <translation>%1 (simuliert)</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
</context>
<context>
    <name>Umbra::ModelStateStore</name>
    <message>
        <location filename="../core/predict/modelstatestore.cpp" line="+38"/>
        <source>Reading a stored model failed: %1</source>
        <translation>Lesen eines gespeicherten Modells fehlgeschlagen: %1</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Saving the demand models failed: %1</source>
        <translation>Speichern der Bedarfsmodelle fehlgeschlagen: %1</translation>
    </message>
</context>
<context>
    <name>Umbra::OverviewPage</name>
    <message>
        <location filename="../ui/overviewpage.cpp" line="+34"/>
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
        <location line="+112"/>
        <source>Host CPU</source>
        <translation>Host-CPU</translation>
    </message>
    <message>
        <location line="-111"/>
        <location line="+114"/>
        <source>Host memory used</source>
        <translation>Belegter Host-Arbeitsspeicher</translation>
    </message>
    <message>
        <location line="-98"/>
        <source>Double-click a host for its details; select a VM in the fleet tree for its charts.</source>
        <translation>Doppelklicken Sie auf einen Host, um Einzelheiten zu sehen; wählen Sie eine VM im Flottenbaum, um ihre Diagramme zu sehen.</translation>
    </message>
    <message>
        <location line="+92"/>
        <source>Host CPU, the %1 busiest of %2 hosts</source>
        <translation>Host-CPU, die %1 am stärksten ausgelasteten von %2 Hosts</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Host memory used, on the %1 busiest hosts</source>
        <translation>Belegter Host-Speicher der %1 am stärksten ausgelasteten Hosts</translation>
    </message>
    <message>
        <location line="+95"/>
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
    <name>Umbra::PageHeader</name>
    <message>
        <location filename="../ui/pageheader.cpp" line="+52"/>
        <source>Actions</source>
        <translation>Aktionen</translation>
    </message>
</context>
<context>
    <name>Umbra::Policy</name>
    <message>
        <location filename="../core/policy/automation.cpp" line="+81"/>
        <source>Off</source>
        <translation>Aus</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Propose only</source>
        <translation>Nur vorschlagen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Queue for approval</source>
        <translation>Zur Genehmigung einreihen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Automatic</source>
        <translation>Automatisch</translation>
    </message>
    <message numerus="yes">
        <location line="+23"/>
        <source>%1 %2 for %n minute(s)</source>
        <translation>
            <numerusform>%1 %2 für %n Minute</numerusform>
            <numerusform>%1 %2 für %n Minuten</numerusform>
        </translation>
    </message>
    <message>
        <location line="+34"/>
        <source>The automation settings are unreadable (%1); the defaults apply until they are saved again.</source>
        <translation>Die Automatisierungseinstellungen sind unlesbar (%1); bis zum nächsten Speichern gelten die Standardwerte.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>not an object</source>
        <translation>kein Objekt</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Saving the automation settings failed: %1</source>
        <translation>Das Speichern der Automatisierung ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <location filename="../core/policy/policyengine.cpp" line="+147"/>
        <source>The failure risk of %1 fell to %2 %, below %3 %.</source>
        <translation>Das Ausfallrisiko von %1 ist auf %2 % gefallen, unter %3 %.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>%1 is in maintenance: its VMs go to other hosts before it is serviced.</source>
        <translation>%1 ist in Wartung: Seine VMs ziehen auf andere Hosts, bevor er gewartet wird.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>%1 is likely to fail: %2 % within 30 days (the policy acts from %3 %).</source>
        <translation>%1 fällt wahrscheinlich aus: %2 % innerhalb von 30 Tagen (die Richtlinie handelt ab %3 %).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 should be emptied now, by failure prediction (risk %2 % within 30 days).</source>
        <translation>%1 sollte laut Ausfallvorhersage jetzt geräumt werden (Risiko %2 % innerhalb von 30 Tagen).</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>The forecast peak of %1 fell to %2 % of its CPUs, below %3 %.</source>
        <translation>Die prognostizierte Spitze von %1 ist auf %2 % seiner CPUs gefallen, unter %3 %.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 is forecast to peak at %2 % of its %3 CPUs (the policy acts from %4 %).</source>
        <translation>Für %1 wird eine Spitze von %2 % seiner %3 CPUs prognostiziert (die Richtlinie handelt ab %4 %).</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Saturation expected at %1 (95 % band: %2 to %3).</source>
        <translation>Sättigung erwartet um %1 (95-%-Band: %2 bis %3).</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>now</source>
        <translation>jetzt</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>beyond the horizon</source>
        <translation>jenseits des Horizonts</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Benefit check: after the move the busier host would peak at %1 %, not %2 points below the %3 % of doing nothing.</source>
        <translation>Nutzenprüfung: Nach dem Verschieben hätte der stärker belastete Host eine Spitze von %1 %, nicht %2 Punkte unter den %3 % ohne Aktion.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>%1 is healthy again (%2 of 100) and within its vCPUs.</source>
        <translation>%1 ist wieder gesund (%2 von 100) und innerhalb seiner vCPUs.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>%1 scores %2 of 100 (the policy acts below %3)%4</source>
        <translation>%1 erreicht %2 von 100 (die Richtlinie handelt unter %3)%4</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 is forecast to need %2 CPUs at its peak, more than its %3 vCPUs.</source>
        <translation>Für %1 werden zur Spitze %2 CPUs prognostiziert, mehr als seine %3 vCPUs.</translation>
    </message>
    <message numerus="yes">
        <location line="+27"/>
        <source>Expired: nobody answered it within %n minute(s); raised again.</source>
        <translation>
            <numerusform>Abgelaufen: Niemand hat innerhalb von %n Minute geantwortet; erneut vorgeschlagen.</numerusform>
            <numerusform>Abgelaufen: Niemand hat innerhalb von %n Minuten geantwortet; erneut vorgeschlagen.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The forecast changed; proposed again: %1.</source>
        <translation>Die Prognose hat sich geändert; neu vorgeschlagen: %1.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 cannot take it any more; proposed again with %2.</source>
        <translation>%1 kann sie nicht mehr aufnehmen; erneut vorgeschlagen mit %2.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>no target</source>
        <translation>keinem Ziel</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 is gone.</source>
        <translation>%1 ist nicht mehr da.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 has left %2.</source>
        <translation>%1 hat %2 verlassen.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 has a shadow now.</source>
        <translation>%1 hat jetzt einen Schatten.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 has no shadow any more.</source>
        <translation>%1 hat keinen Schatten mehr.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The shadow of %1 is %2, not in sync.</source>
        <translation>Der Schatten von %1 ist %2, nicht synchron.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The shadow of %1 has %2 vCPUs now.</source>
        <translation>Der Schatten von %1 hat jetzt %2 vCPUs.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Automation is off for %1.</source>
        <translation>Die Automatisierung ist für %1 aus.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Its reason no longer holds.</source>
        <translation>Sein Grund gilt nicht mehr.</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>%1 (%2 % of the risk)</source>
        <translation>%1 (%2 % des Risikos)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 is forecast to peak at %2 of its %3 vCPUs.</source>
        <translation>Für %1 wird eine Spitze von %2 seiner %3 vCPUs prognostiziert.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Not back to %1: %2 left it %3 minutes ago and its risk has not fallen since.</source>
        <translation>Nicht zurück auf %1: %2 hat ihn vor %3 Minuten verlassen, und sein Risiko ist seitdem nicht gefallen.</translation>
    </message>
    <message numerus="yes">
        <location line="+17"/>
        <source>Already proposed to take %n other VM(s) now: −%1.</source>
        <translation>
            <numerusform>Soll bereits %n weitere VM aufnehmen: −%1.</numerusform>
            <numerusform>Soll bereits %n weitere VMs aufnehmen: −%1.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+17"/>
        <source>No other host can take it.</source>
        <translation>Kein anderer Host kann sie aufnehmen.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No host can take it: %1 — %2</source>
        <translation>Kein Host kann sie aufnehmen: %1 — %2</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Target %1: %2</source>
        <translation>Ziel %1: %2</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>One live migration of %1 MiB.</source>
        <translation>Eine Live-Migration von %1 MiB.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>−%1: %2</source>
        <translation>−%1: %2</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Shadow host %1: %2</source>
        <translation>Schatten-Host %1: %2</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>No shadow host is known.</source>
        <translation>Kein Schatten-Host ist bekannt.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No shadow host can take it: %1 — %2</source>
        <translation>Kein Schatten-Host kann ihn aufnehmen: %1 — %2</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>A standby copy: %1 MiB and %2 vCPUs reserved on the shadow host, and the replication of every disk write.</source>
        <translation>Eine Standby-Kopie: %1 MiB und %2 vCPUs auf dem Schatten-Host reserviert, und die Replikation jedes Schreibvorgangs.</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>The forecast peak of %1 fell to %2 % of its vCPUs, below %3 %.</source>
        <translation>Die prognostizierte Spitze von %1 ist auf %2 % ihrer vCPUs gefallen, unter %3 %.</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>%1 is forecast to peak at %2 % of its %3 vCPUs (the policy shifts traffic from %4 %).</source>
        <translation>Für %1 wird eine Spitze von %2 % ihrer %3 vCPUs prognostiziert (die Richtlinie verlagert Verkehr ab %4 %).</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Peer %1 (%2/%3): forecast peak %4 of its %5 vCPUs; %6 % with the shift.</source>
        <translation>Partner %1 (%2/%3): prognostizierte Spitze %4 ihrer %5 vCPUs; %6 % mit der Verlagerung.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>HAProxy weights changed in steps, each held and gated on the receiving server&apos;s errors and response time; Restore puts them back.</source>
        <translation>HAProxy-Gewichte werden schrittweise geändert, jeder Schritt gehalten und an Fehlern und Antwortzeit des empfangenden Servers geprüft; Wiederherstellen setzt sie zurück.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No peer has room: %1 would peak at %2 % of its vCPUs with %3 % of the requests (at most %4 %).</source>
        <translation>Kein Partner hat Platz: %1 käme mit %3 % der Anfragen auf eine Spitze von %2 % ihrer vCPUs (höchstens %4 %).</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>One shift at a time in backend %1: %2 goes first.</source>
        <translation>Eine Verlagerung nach der anderen in Backend %1: %2 geht vor.</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>The shadow of %1 fits its forecast at %2 vCPUs.</source>
        <translation>Der Schatten von %1 passt mit %2 vCPUs zu seiner Prognose.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The shadow of %1 has %2 vCPUs; it should have %3: %4.</source>
        <translation>Der Schatten von %1 hat %2 vCPUs; er sollte %3 haben: %4.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The shadow of %1 holds %2 vCPUs; %3 are enough: %4.</source>
        <translation>Der Schatten von %1 belegt %2 vCPUs; %3 genügen: %4.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>%1 on %2 is in sync since %3.</source>
        <translation>%1 auf %2 ist seit %3 synchron.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 has %2 vCPU slots left for shadows; the shadow needs %3 more.</source>
        <translation>%1 hat noch %2 vCPU-Plätze für Schatten; der Schatten braucht %3 mehr.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The standby is redefined with %1 vCPUs and %2 reserves %3 more; %4 is not touched.</source>
        <translation>Die Bereitschafts-VM wird mit %1 vCPUs neu definiert und %2 reserviert %3 mehr; %4 bleibt unberührt.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The standby is redefined with %1 vCPUs and %2 frees %3; %4 is not touched.</source>
        <translation>Die Bereitschafts-VM wird mit %1 vCPUs neu definiert und %2 gibt %3 frei; %4 bleibt unberührt.</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>%1 is reachable again.</source>
        <translation>%1 ist wieder erreichbar.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1, the host of %2, has been unreachable since %3 (%4 minutes; the policy fails over after %5 s).</source>
        <translation>%1, der Host von %2, ist seit %3 nicht erreichbar (%4 Minuten; die Richtlinie übernimmt nach %5 s).</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 on %2 is %3 since %4: every write %5 acknowledged is in it.</source>
        <translation>%1 auf %2 ist seit %4 %3: Jeder von %5 bestätigte Schreibvorgang ist darin.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Its last validation, %1, booted a copy of it.</source>
        <translation>Seine letzte Prüfung, %1, hat eine Kopie davon gestartet.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Its last validation, %1, failed.</source>
        <translation>Seine letzte Prüfung, %1, ist gescheitert.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>It has not been validated yet.</source>
        <translation>Er wurde noch nicht geprüft.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 is fenced and must not start on %2 again; %3 becomes the service, with no shadow until a new one is made.</source>
        <translation>%1 wird abgeschottet und darf auf %2 nicht wieder starten; %3 wird der Dienst, ohne Schatten, bis ein neuer angelegt ist.</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Cooldown: %1 took over requests %2 minutes ago; it does not shed them again for %3 minutes.</source>
        <translation>Abkühlzeit: %1 hat vor %2 Minuten Anfragen übernommen; sie gibt sie %3 Minuten lang nicht wieder ab.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 is moving already.</source>
        <translation>%1 wird bereits verschoben.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cooldown: %1 moved %2 minutes ago; the policy may act on it again in %3 minutes.</source>
        <translation>Abkühlzeit: %1 wurde vor %2 Minuten verschoben; die Richtlinie darf in %3 Minuten wieder handeln.</translation>
    </message>
    <message numerus="yes">
        <location line="+18"/>
        <source>Limit: %1 has %n action(s) under way (at most %2 at a time per host).</source>
        <translation>
            <numerusform>Grenze: Auf %1 läuft %n Aktion (höchstens %2 gleichzeitig je Host).</numerusform>
            <numerusform>Grenze: Auf %1 laufen %n Aktionen (höchstens %2 gleichzeitig je Host).</numerusform>
        </translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Limit: %1 had %2 actions in the last hour (at most %3 per host).</source>
        <translation>Grenze: %1 hatte %2 Aktionen in der letzten Stunde (höchstens %3 je Host).</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Limit: %1 actions are under way in the fleet (at most %2 at a time).</source>
        <translation>Grenze: In der Flotte laufen %1 Aktionen (höchstens %2 gleichzeitig).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Limit: %1 actions in the fleet in the last hour (at most %2).</source>
        <translation>Grenze: %1 Aktionen in der Flotte in der letzten Stunde (höchstens %2).</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>Maintenance window (%1): automatic actions wait.</source>
        <translation>Wartungsfenster (%1): Automatische Aktionen warten.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Confidence %1 of 5, below the %2 automatic actions need.</source>
        <translation>Zuversicht %1 von 5, unter den %2, die automatische Aktionen brauchen.</translation>
    </message>
    <message>
        <location filename="../core/policy/proposal.cpp" line="+35"/>
        <source>Keep a shadow of %1 on %2</source>
        <translation>Einen Schatten von %1 auf %2 halten</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Size the shadow of %1 to %2 vCPUs (now %3)</source>
        <translation>Den Schatten von %1 auf %2 vCPUs bemessen (jetzt %3)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Fail %1 over to its shadow on %2</source>
        <translation>%1 auf ihren Schatten auf %2 übernehmen lassen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Shift %1 % of %2&apos;s traffic to %3</source>
        <translation>%1 % des Verkehrs von %2 zu %3 verlagern</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Evacuate %1: move %2 to %3</source>
        <translation>%1 räumen: %2 nach %3 verschieben</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Move %1 from %2 to %3</source>
        <translation>%1 von %2 nach %3 verschieben</translation>
    </message>
</context>
<context>
    <name>Umbra::PolicyReplayDialog</name>
    <message>
        <location filename="../ui/policyreplaydialog.cpp" line="+44"/>
        <source>Policy replay</source>
        <translation>Richtlinien-Wiederholung</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>What the policy would have done on this fleet&apos;s stored history: each VM on the host it runs on now, its CPU every 5 minutes, one day to learn on, then the days below replayed with Umbra&apos;s forecaster and policy at level automatic — beside moving the busiest VM whenever a host passes 90 %, and beside doing nothing.</source>
        <translation>Was die Richtlinie auf dem gespeicherten Verlauf dieser Flotte getan hätte: jede VM auf dem Host, auf dem sie jetzt läuft, ihre CPU alle 5 Minuten, ein Tag zum Lernen, dann die Tage unten mit Umbras Prognose und Richtlinie auf Stufe automatisch wiederholt — neben dem Verschieben der geschäftigsten VM, sobald ein Host 90 % überschreitet, und neben Nichtstun.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Replay the last</source>
        <translation>Wiederholen: die letzten</translation>
    </message>
    <message>
        <location line="+4"/>
        <source> days</source>
        <translation> Tage</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Replay</source>
        <translation>Wiederholen</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Policy</source>
        <translation>Richtlinie</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Moves</source>
        <translation>Verschiebungen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ping-pong</source>
        <translation>Ping-Pong</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Minutes over capacity</source>
        <translation>Minuten über Kapazität</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>When</source>
        <translation>Zeitpunkt</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>VM</source>
        <translation>VM</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Move</source>
        <translation>Verschiebung</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Overload came</source>
        <translation>Überlast kam</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Why</source>
        <translation>Warum</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>No database is open.</source>
        <translation>Keine Datenbank ist geöffnet.</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>Replaying %n day(s) of history…</source>
        <translation>
            <numerusform>Wiederhole %n Tag Verlauf …</numerusform>
            <numerusform>Wiederhole %n Tage Verlauf …</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+26"/>
        <source>From %1 to %2 this policy would have made %n move(s) among %3 VMs on %4 hosts</source>
        <translation>
            <numerusform>Von %1 bis %2 hätte diese Richtlinie %n Verschiebung unter %3 VMs auf %4 Hosts vorgenommen</numerusform>
            <numerusform>Von %1 bis %2 hätte diese Richtlinie %n Verschiebungen unter %3 VMs auf %4 Hosts vorgenommen</numerusform>
        </translation>
    </message>
    <message>
        <location line="+6"/>
        <source>: %1 ahead of an overload that then came; %2 ping-pong.</source>
        <translation>: %1 vor einer Überlast, die dann kam; %2 Ping-Pong.</translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>It raised %n proposal(s) to relieve a host, %1 of them right.</source>
        <translation>
            <numerusform>Sie hat %n Vorschlag zur Entlastung eines Hosts gemacht, davon %1 zutreffend.</numerusform>
            <numerusform>Sie hat %n Vorschläge zur Entlastung eines Hosts gemacht, davon %1 zutreffend.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+7"/>
        <source>%n more</source>
        <translation>
            <numerusform>%n weitere</numerusform>
            <numerusform>%n weitere</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Left out, with stored CPU for less than half of the window: %1.</source>
        <translation>Ausgelassen, mit gespeicherter CPU für weniger als die Hälfte des Zeitraums: %1.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Umbra policy</source>
        <translation>Umbra-Richtlinie</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reactive: move when over 90 %</source>
        <translation>Reaktiv: verschieben ab über 90 %</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No action</source>
        <translation>Keine Aktion</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>no</source>
        <translation>nein</translation>
    </message>
</context>
<context>
    <name>Umbra::PolicyService</name>
    <message numerus="yes">
        <location filename="../core/engine/policyservice.cpp" line="+602"/>
        <source>Carried out at %1; the policy lets its effect show for %n minute(s) before proposing it again.</source>
        <translation>
            <numerusform>Um %1 ausgeführt; die Richtlinie lässt die Wirkung %n Minute lang sichtbar werden, bevor sie es erneut vorschlägt.</numerusform>
            <numerusform>Um %1 ausgeführt; die Richtlinie lässt die Wirkung %n Minuten lang sichtbar werden, bevor sie es erneut vorschlägt.</numerusform>
        </translation>
    </message>
    <message>
        <location line="-400"/>
        <source>The policy could not read its settings: %1</source>
        <translation>Die Richtlinie konnte ihre Einstellungen nicht lesen: %1</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Carrying out %1, approved by %2 before the console stopped.</source>
        <translation>%1 wird ausgeführt, genehmigt von %2, bevor die Konsole anhielt.</translation>
    </message>
    <message>
        <location line="+315"/>
        <source>The policy&apos;s proposal “%1” could not be stored: %2</source>
        <translation>Der Vorschlag „%1“ der Richtlinie ließ sich nicht speichern: %2</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Proposed: %1. %2</source>
        <translation>Vorgeschlagen: %1. %2</translation>
    </message>
    <message>
        <location line="+63"/>
        <source>The policy started “%1” by itself (%2).</source>
        <translation>Die Richtlinie hat „%1“ von selbst gestartet (%2).</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>“%1” needs the traffic service, which this console does not run.</source>
        <translation>„%1“ braucht den Verkehrsdienst, den diese Konsole nicht ausführt.</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>“%1” is %2 already.</source>
        <translation>„%1“ ist bereits %2.</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Deferred by %1 until %2.</source>
        <translation>Zurückgestellt von %1 bis %2.</translation>
    </message>
</context>
<context>
    <name>Umbra::Pools</name>
    <message>
        <location filename="../core/pools/capacityledger.cpp" line="+46"/>
        <source>%1 MiB usable</source>
        <translation>%1 MiB nutzbar</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>less %1 MiB owed to standby shadows (%2)</source>
        <translation>abzüglich %1 MiB für bereitstehende Schatten (%2)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>less %1 MiB claimed by running jobs (%2)</source>
        <translation>abzüglich %1 MiB, die laufende Jobs beansprucht haben (%2)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>less %1 MiB kept for shadows</source>
        <translation>abzüglich %1 MiB, die für Schatten freigehalten werden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 MiB and %2 vCPU slots free (%3)</source>
        <translation>%1 MiB und %2 vCPU-Plätze frei (%3)</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>The capacity of %1 is not known yet.</source>
        <translation>Die Kapazität von %1 ist noch nicht bekannt.</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>%1 cannot take %2 MiB and %3 vCPUs: %4.</source>
        <translation>%1 kann %2 MiB und %3 vCPUs nicht aufnehmen: %4.</translation>
    </message>
    <message>
        <location filename="../core/pools/placement.cpp" line="+59"/>
        <source>In maintenance: nothing new is placed here.</source>
        <translation>In Wartung: Hier wird nichts Neues platziert.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not assessed: %1</source>
        <translation>Nicht bewertet: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The primary runs here; a shadow never shares its host.</source>
        <translation>Die Primär-VM läuft hier; ein Schatten teilt nie ihren Host.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The VM already runs here.</source>
        <translation>Die VM läuft bereits hier.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Same failure domain as the primary (%1): one fault would take both.</source>
        <translation>Dieselbe Fehlerdomäne wie die Primär-VM (%1): Ein Fehler träfe beide.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Failure domain %1, apart from the primary&apos;s %2.</source>
        <translation>Fehlerdomäne %1, getrennt von %2 der Primär-VM.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>unlabelled</source>
        <translation>ohne Bezeichnung</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No room: %1 vCPUs needed, %2 slots free.</source>
        <translation>Kein Platz: %1 vCPUs nötig, %2 Plätze frei.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>No room: %1 MiB needed, %2.</source>
        <translation>Kein Platz: %1 MiB nötig, %2.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Fits only if other VMs move away first: %1 (%2 MiB short).</source>
        <translation>Passt nur, wenn zuvor andere VMs wegziehen: %1 (%2 MiB fehlen).</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Memory: %1 MiB left for others after taking %2 MiB (%3).</source>
        <translation>Arbeitsspeicher: %1 MiB bleiben für andere, nachdem %2 MiB belegt sind (%3).</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>CPU at the forecast peak: %1 % of %2 CPUs (host %3 + VM %4) — saturated.</source>
        <translation>CPU zur vorhergesagten Spitze: %1 % von %2 CPUs (Host %3 + VM %4) – ausgelastet.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>CPU at the forecast peak: %1 % of %2 CPUs (host %3 + VM %4).</source>
        <translation>CPU zur vorhergesagten Spitze: %1 % von %2 CPUs (Host %3 + VM %4).</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>CPU at the forecast peak: no forecast yet, counted as half.</source>
        <translation>CPU zur vorhergesagten Spitze: noch keine Prognose, zur Hälfte gewertet.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Failure risk %1 %.</source>
        <translation>Ausfallrisiko %1 %.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Failure risk not assessed, counted as 20 %.</source>
        <translation>Ausfallrisiko nicht bewertet, mit 20 % gewertet.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Health %1 of 100.</source>
        <translation>Gesundheit %1 von 100.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Health not scored yet, counted as 70.</source>
        <translation>Gesundheit noch nicht bewertet, mit 70 gewertet.</translation>
    </message>
    <message>
        <location filename="../core/pools/pool.cpp" line="+53"/>
        <source>General</source>
        <translation>Allgemein</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Dedicated</source>
        <translation>Dediziert</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Shadow</source>
        <translation>Schatten</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>%1 MiB and %2 vCPUs per host</source>
        <translation>%1 MiB und %2 vCPUs je Host</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 % of each host</source>
        <translation>%1 % jedes Hosts</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>A pool needs a name.</source>
        <translation>Ein Pool braucht einen Namen.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Two pools are named “%1”.</source>
        <translation>Zwei Pools heißen „%1“.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The dedicated pool “%1” needs the customer it belongs to.</source>
        <translation>Der dedizierte Pool „%1“ braucht den Kunden, dem er gehört.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The reservation of “%1” must be a share between 0 and 100 %.</source>
        <translation>Die Reservierung von „%1“ muss ein Anteil zwischen 0 und 100 % sein.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The reservation of “%1” cannot be negative.</source>
        <translation>Die Reservierung von „%1“ kann nicht negativ sein.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 is in the pool “%2”, which does not exist.</source>
        <translation>%1 ist im Pool „%2“, den es nicht gibt.</translation>
    </message>
    <message>
        <location line="+61"/>
        <source>Saving the pools failed: %1</source>
        <translation>Speichern der Pools fehlgeschlagen: %1</translation>
    </message>
    <message>
        <location filename="../core/pools/poolrules.cpp" line="+23"/>
        <source>“%1” is a general pool; shadows live only in a shadow pool, where capacity is reserved for them.</source>
        <translation>„%1“ ist ein allgemeiner Pool; Schatten leben nur in einem Schatten-Pool, wo Kapazität für sie reserviert ist.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>“%1” is a general pool, shared by every VM.</source>
        <translation>„%1“ ist ein allgemeiner Pool, den alle VMs teilen.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>“%1” is dedicated to %2; shadows live only in a shadow pool.</source>
        <translation>„%1“ ist %2 vorbehalten; Schatten leben nur in einem Schatten-Pool.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>“%1” is dedicated to %2, and %3 belongs to no customer.</source>
        <translation>„%1“ ist %2 vorbehalten, und %3 gehört keinem Kunden.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>“%1” is dedicated to %2, and %3 belongs to %4.</source>
        <translation>„%1“ ist %2 vorbehalten, und %3 gehört %4.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>“%1” is dedicated to %2, the customer of %3.</source>
        <translation>„%1“ ist %2 vorbehalten, dem Kunden von %3.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>“%1” is a shadow pool: it takes shadows, and VMs only when they fail over.</source>
        <translation>„%1“ ist ein Schatten-Pool: Er nimmt Schatten auf, VMs nur bei einem Failover.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>“%1” is a shadow pool.</source>
        <translation>„%1“ ist ein Schatten-Pool.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>“%1” is a shadow pool, and this is a failover.</source>
        <translation>„%1“ ist ein Schatten-Pool, und dies ist ein Failover.</translation>
    </message>
</context>
<context>
    <name>Umbra::PoolsDialog</name>
    <message>
        <location filename="../ui/poolsdialog.cpp" line="+42"/>
        <location line="+86"/>
        <source>Pools</source>
        <translation>Pools</translation>
    </message>
    <message>
        <location line="-84"/>
        <source>General hosts take every VM; a dedicated pool takes only its customer&apos;s VMs; shadow hosts set capacity aside for shadows and take VMs only when they fail over. A host nobody assigned is in General.</source>
        <translation>Allgemeine Hosts nehmen jede VM auf; ein dedizierter Pool nur die VMs seines Kunden; Schatten-Hosts halten Kapazität für Schatten frei und nehmen VMs nur bei einem Failover auf. Ein Host, den niemand zugewiesen hat, ist in „General“.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+7"/>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <location line="-7"/>
        <source>Customer or reservation</source>
        <translation>Kunde oder Reservierung</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+9"/>
        <location line="+83"/>
        <source>Hosts</source>
        <translation>Hosts</translation>
    </message>
    <message>
        <location line="-86"/>
        <source>Dedicated</source>
        <translation>Dediziert</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>e.g. acme-dedicated</source>
        <translation>z. B. acme-dediziert</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>e.g. acme</source>
        <translation>z. B. acme</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Only this customer&apos;s VMs may land on the pool&apos;s hosts (set a VM&apos;s customer on its page).</source>
        <translation>Nur die VMs dieses Kunden dürfen auf den Hosts des Pools landen (den Kunden einer VM legen Sie auf ihrer Seite fest).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Share of each host</source>
        <translation>Anteil jedes Hosts</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fixed amount per host</source>
        <translation>Feste Menge je Host</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What each host of a shadow pool sets aside for shadows.</source>
        <translation>Was jeder Host eines Schatten-Pools für Schatten freihält.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source> %</source>
        <translation> %</translation>
    </message>
    <message>
        <location line="+4"/>
        <source> MiB</source>
        <translation> MiB</translation>
    </message>
    <message>
        <location line="+4"/>
        <source> vCPUs</source>
        <translation> vCPUs</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Kind:</source>
        <translation>&amp;Art:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Customer:</source>
        <translation>&amp;Kunde:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Reservation:</source>
        <translation>&amp;Reservierung:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Add</source>
        <translation>&amp;Hinzufügen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A new pool; choose its kind and put hosts in it below.</source>
        <translation>Ein neuer Pool; wählen Sie seine Art und ordnen Sie ihm unten Hosts zu.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Re&amp;move</source>
        <translation>&amp;Entfernen</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Host</source>
        <translation>Host</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Pool</source>
        <translation>Pool</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+8"/>
        <source>Failure domain</source>
        <translation>Fehlerdomäne</translation>
    </message>
    <message>
        <location line="-8"/>
        <source>Reserved and free (as saved)</source>
        <translation>Reserviert und frei (wie gespeichert)</translation>
    </message>
    <message>
        <location line="+71"/>
        <source>The database is open read-only; the pools cannot be changed.</source>
        <translation>Die Datenbank ist nur zum Lesen geöffnet; die Pools lassen sich nicht ändern.</translation>
    </message>
    <message>
        <location line="+111"/>
        <source>e.g. rack-2</source>
        <translation>z. B. rack-2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hosts that fail together (a rack, a power feed, a zone): a VM and its shadow are kept apart.</source>
        <translation>Hosts, die gemeinsam ausfallen (ein Rack, eine Stromversorgung, eine Zone): Eine VM und ihr Schatten werden getrennt gehalten.</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>(unnamed)</source>
        <translation>(ohne Namen)</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>not seen yet</source>
        <translation>noch nicht gesehen</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>reserved %1 · free %2</source>
        <translation>reserviert %1 · frei %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>nothing reserved · free %1</source>
        <translation>nichts reserviert · frei %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Set aside for shadows and held for migrations: %1 and %2 vCPUs.
Free for another VM: %3 and %4 vCPU slots.</source>
        <translation>Für Schatten freigehalten und für Migrationen vorgemerkt: %1 und %2 vCPUs.
Frei für eine weitere VM: %3 und %4 vCPU-Plätze.</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>shared by every VM</source>
        <translation>von allen VMs geteilt</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>no customer yet</source>
        <translation>noch kein Kunde</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>for %1</source>
        <translation>für %1</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>General takes every host nobody assigned; it cannot be renamed, removed or made another kind.</source>
        <translation>„General“ nimmt jeden Host auf, den niemand zugewiesen hat; der Pool lässt sich weder umbenennen noch entfernen noch in eine andere Art ändern.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Its hosts go back to General.</source>
        <translation>Seine Hosts kommen zurück nach „General“.</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Pool %1</source>
        <translation>Pool %1</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>General cannot be removed: it takes every host nobody assigned.</source>
        <translation>„General“ lässt sich nicht entfernen: Der Pool nimmt jeden Host auf, den niemand zugewiesen hat.</translation>
    </message>
    <message>
        <location line="+55"/>
        <source>Saving…</source>
        <translation>Wird gespeichert…</translation>
    </message>
</context>
<context>
    <name>Umbra::Predict</name>
    <message>
        <location filename="../core/predict/forecasterstate.cpp" line="+131"/>
        <source>The forecaster state has an invalid sampling interval or history size.</source>
        <translation>Der Zustand des Prognosemodells hat ein ungültiges Abtastintervall oder eine ungültige Verlaufsgröße.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>The forecaster state&apos;s history is damaged.</source>
        <translation>Der Verlauf im Zustand des Prognosemodells ist beschädigt.</translation>
    </message>
    <message>
        <location line="+14"/>
        <location line="+6"/>
        <location line="+51"/>
        <location line="+6"/>
        <source>The forecaster state&apos;s events are damaged.</source>
        <translation>Die Ereignisse im Zustand des Prognosemodells sind beschädigt.</translation>
    </message>
    <message>
        <location line="-40"/>
        <location line="+7"/>
        <location line="+8"/>
        <location line="+9"/>
        <location line="+25"/>
        <source>The forecaster state&apos;s model is damaged.</source>
        <translation>Das Modell im Zustand des Prognosemodells ist beschädigt.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The forecaster state is damaged.</source>
        <translation>Der Zustand des Prognosemodells ist beschädigt.</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>This is not a saved forecaster state.</source>
        <translation>Dies ist kein gespeicherter Zustand eines Prognosemodells.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The forecaster state was saved by a newer Umbra (format %1; this version reads up to format %2).</source>
        <translation>Der Zustand des Prognosemodells wurde von einer neueren Umbra-Version gespeichert (Format %1; diese Version liest bis Format %2).</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The forecaster state has an unknown format.</source>
        <translation>Der Zustand des Prognosemodells hat ein unbekanntes Format.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The forecaster state is corrupt (checksum mismatch).</source>
        <translation>Der Zustand des Prognosemodells ist beschädigt (Prüfsumme stimmt nicht).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The forecaster state is corrupt (cannot be decompressed).</source>
        <translation>Der Zustand des Prognosemodells ist beschädigt (kann nicht dekomprimiert werden).</translation>
    </message>
    <message>
        <location filename="../core/predict/healthscore.cpp" line="+55"/>
        <source>CPU at %1 % of capacity</source>
        <translation>CPU bei %1 % der Kapazität</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Memory at %1 % of capacity</source>
        <translation>Arbeitsspeicher bei %1 % der Kapazität</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>CPU forecast to saturate in %1</source>
        <translation>CPU laut Prognose in %1 ausgelastet</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Memory forecast to run out in %1</source>
        <translation>Arbeitsspeicher laut Prognose in %1 erschöpft</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>1 I/O error in the last hour</source>
        <translation>1 I/O-Fehler in der letzten Stunde</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 I/O errors in the last hour</source>
        <translation>%1 I/O-Fehler in der letzten Stunde</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>1 failed reconnect in the last hour</source>
        <translation>1 fehlgeschlagener Verbindungsaufbau in der letzten Stunde</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 failed reconnects in the last hour</source>
        <translation>%1 fehlgeschlagene Verbindungsaufbauten in der letzten Stunde</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Guest is not responding</source>
        <translation>Gast reagiert nicht</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Unusual behaviour (anomaly score %1)</source>
        <translation>Ungewöhnliches Verhalten (Anomalie-Score %1)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Failure risk of %1 % within 30 days</source>
        <translation>Ausfallrisiko von %1 % innerhalb von 30 Tagen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Failure risk of %1 % within 30 days: %2</source>
        <translation>Ausfallrisiko von %1 % innerhalb von 30 Tagen: %2</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Its shadow failed validation: %1</source>
        <translation>Sein Schatten hat die Prüfung nicht bestanden: %1</translation>
    </message>
    <message>
        <location line="+70"/>
        <source>about 1 minute</source>
        <translation>etwa 1 Minute</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>about %1 minutes</source>
        <translation>etwa %1 Minuten</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>about 1 hour</source>
        <translation>etwa 1 Stunde</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>about %1 hours</source>
        <translation>etwa %1 Stunden</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>about 1 day</source>
        <translation>etwa 1 Tag</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>about %1 days</source>
        <translation>etwa %1 Tagen</translation>
    </message>
    <message>
        <location filename="../core/predict/drivefeatures.cpp" line="+49"/>
        <source>Reallocated sectors</source>
        <translation>Neu zugewiesene Sektoren</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Power-on hours</source>
        <translation>Betriebsstunden</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Spin-up retries</source>
        <translation>Anlaufwiederholungen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Power cycles</source>
        <translation>Einschaltvorgänge</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Reported uncorrectable errors</source>
        <translation>Gemeldete nicht korrigierbare Fehler</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Command timeouts</source>
        <translation>Befehlszeitüberschreitungen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>High-fly writes</source>
        <translation>High-Fly-Schreibvorgänge</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Reallocation events</source>
        <translation>Neuzuweisungsereignisse</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Pending sectors</source>
        <translation>Ausstehende Sektoren</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Offline uncorrectable sectors</source>
        <translation>Offline nicht korrigierbare Sektoren</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>SMART attribute %1</source>
        <translation>SMART-Attribut %1</translation>
    </message>
    <message>
        <location filename="../core/predict/driverisk.cpp" line="+27"/>
        <source>%1: not reported</source>
        <translation>%1: nicht gemeldet</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1: %2 (up %3)</source>
        <translation>%1: %2 (plus %3)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1: %2 (down %3)</source>
        <translation>%1: %2 (minus %3)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1: %2 (no earlier reading)</source>
        <translation>%1: %2 (kein früherer Wert)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location filename="../core/predict/confidence.cpp" line="+20"/>
        <source>learning: model not fitted yet</source>
        <translation>lernt: Modell noch nicht angepasst</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>learning: %1 of %2 minutes</source>
        <translation>lernt: %1 von %2 Minuten</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>no track record this far ahead</source>
        <translation>so weit voraus noch keine Erfolgsbilanz</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>error %1 × naive&apos;s</source>
        <translation>Fehler %1 × der naiven Prognose</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>not a warning yet (%1)</source>
        <translation>noch keine Warnung (%1)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>not a warning: the model has no track record this far ahead</source>
        <translation>keine Warnung: Das Modell hat so weit voraus noch keine Erfolgsbilanz</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>not a warning: the model&apos;s errors are %1 × those of “nothing changes”</source>
        <translation>keine Warnung: Die Fehler des Modells sind %1 × so groß wie die von „nichts ändert sich“</translation>
    </message>
</context>
<context>
    <name>Umbra::PredictionService</name>
    <message>
        <location filename="../core/predict/predictionservice.cpp" line="+123"/>
        <source>The saved drive readings could not be read; drive changes are measured from the next readings.</source>
        <translation>Die gespeicherten Laufwerkswerte konnten nicht gelesen werden; Änderungen an Laufwerken werden ab den nächsten Messungen erfasst.</translation>
    </message>
    <message>
        <location line="+345"/>
        <source>%1 is unhealthy (health %2): %3</source>
        <translation>%1 ist nicht gesund (Gesundheit %2): %3</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 is predicted to be unhealthy within %2 (health %3): %4</source>
        <translation>%1 wird voraussichtlich innerhalb von %2 nicht mehr gesund sein (Gesundheit %3): %4</translation>
    </message>
</context>
<context>
    <name>Umbra::PrivateFiles</name>
    <message>
        <location filename="../core/util/privatefiles.cpp" line="+51"/>
        <source>Cannot create the folder %1.</source>
        <translation>Der Ordner %1 kann nicht angelegt werden.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 is not a folder.</source>
        <translation>%1 ist kein Ordner.</translation>
    </message>
    <message>
        <location line="+14"/>
        <location line="+8"/>
        <location line="+8"/>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 is a folder; name a file to write.</source>
        <translation>%1 ist ein Ordner; geben Sie eine Datei an.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Refusing to write %1: it is %2, a file Umbra&apos;s database needs. Choose another file.</source>
        <translation>%1 wird nicht geschrieben: Es ist %2, eine Datei, die Umbras Datenbank braucht. Wählen Sie eine andere Datei.</translation>
    </message>
</context>
<context>
    <name>Umbra::Prometheus</name>
    <message>
        <location filename="../core/collect/prometheusapi.cpp" line="+98"/>
        <location line="+15"/>
        <source>Prometheus at %1 did not answer within %2 s</source>
        <translation>Prometheus unter %1 hat nicht innerhalb von %2 s geantwortet</translation>
    </message>
    <message>
        <location line="-12"/>
        <source>Prometheus at %1 cannot be reached: %2</source>
        <translation>Prometheus unter %1 ist nicht erreichbar: %2</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Prometheus at %1 sent more than %2 MiB; ask for fewer series</source>
        <translation>Prometheus unter %1 hat mehr als %2 MiB gesendet; weniger Zeitreihen abfragen</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Prometheus at %1 closed the connection without an answer</source>
        <translation>Prometheus unter %1 hat die Verbindung ohne Antwort geschlossen</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Prometheus at %1 sent a partial answer: %2 of %3 bytes</source>
        <translation>Prometheus unter %1 hat eine unvollständige Antwort gesendet: %2 von %3 Bytes</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Prometheus at %1 answered HTTP %2: %3</source>
        <translation>Prometheus unter %1 antwortete mit HTTP %2: %3</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Prometheus at %1 sent an answer that is not the query API&apos;s JSON: %2</source>
        <translation>Prometheus unter %1 hat eine Antwort gesendet, die nicht das JSON der Abfrage-API ist: %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>no status</source>
        <translation>kein Status</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Prometheus at %1 refused the query (HTTP %2, %3): %4</source>
        <translation>Prometheus unter %1 hat die Abfrage abgelehnt (HTTP %2, %3): %4</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Prometheus at %1 warns: %2</source>
        <translation>Prometheus unter %1 warnt: %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Prometheus at %1 answered with a %2 where series were asked for</source>
        <translation>Prometheus unter %1 antwortete mit „%2“, wo Zeitreihen erfragt wurden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>nothing</source>
        <translation>nichts</translation>
    </message>
    <message numerus="yes">
        <location line="+27"/>
        <source>Prometheus at %1 sent %n sample(s) that do not parse, left out: %2</source>
        <translation>
            <numerusform>Prometheus unter %1 hat %n nicht lesbaren Messwert gesendet, ausgelassen: %2</numerusform>
            <numerusform>Prometheus unter %1 hat %n nicht lesbare Messwerte gesendet, ausgelassen: %2</numerusform>
        </translation>
    </message>
    <message>
        <location line="+12"/>
        <source>&quot;%1&quot; is not a Prometheus URL such as http://prometheus:9090/</source>
        <translation>&quot;%1&quot; ist keine Prometheus-URL wie http://prometheus:9090/</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A Prometheus URL with credentials would be stored in the clear; reach Prometheus without them (a loopback address or a proxy)</source>
        <translation>Eine Prometheus-URL mit Zugangsdaten würde im Klartext gespeichert; Prometheus ohne sie erreichen (Loopback-Adresse oder Proxy)</translation>
    </message>
</context>
<context>
    <name>Umbra::PrometheusBackfill</name>
    <message>
        <location filename="../core/engine/prometheusbackfill.cpp" line="+87"/>
        <source>The history of %1 could not be read from Prometheus: %2</source>
        <translation>Der Verlauf von %1 konnte nicht aus Prometheus gelesen werden: %2</translation>
    </message>
</context>
<context>
    <name>Umbra::PrometheusDialog</name>
    <message>
        <location filename="../ui/prometheusdialog.cpp" line="+21"/>
        <source>Prometheus</source>
        <translation>Prometheus</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Prometheus can scrape this console&apos;s health scores, forecasts with their bands, saturation times, anomalies and failure risks. docs/prometheus.md has a scrape configuration, alerting rules and a Grafana dashboard.</source>
        <translation>Prometheus kann die Gesundheitswerte, Prognosen mit ihren Bändern, Sättigungszeiten, Anomalien und Ausfallrisiken dieser Konsole abfragen. docs/prometheus.md enthält eine Scrape-Konfiguration, Alarmregeln und ein Grafana-Dashboard.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Serve metrics at /metrics</source>
        <translation>Metriken unter /metrics &amp;bereitstellen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>9464 (this machine only), or 10.0.0.5:9464</source>
        <translation>9464 (nur dieser Rechner) oder 10.0.0.5:9464</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>&amp;Address:</source>
        <translation>&amp;Adresse:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Now:</source>
        <translation>Jetzt:</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>serving at http://%1/metrics</source>
        <translation>bereitgestellt unter http://%1/metrics</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>not serving</source>
        <translation>nicht bereitgestellt</translation>
    </message>
</context>
<context>
    <name>Umbra::PrometheusStatsSource</name>
    <message numerus="yes">
        <location filename="../core/collect/prometheusstatssource.cpp" line="+69"/>
        <source>%1 and %n more</source>
        <translation>
            <numerusform>%1 und %n weitere</numerusform>
            <numerusform>%1 und %n weitere</numerusform>
        </translation>
    </message>
    <message>
        <location line="+129"/>
        <source>Prometheus at %1 has no %2 for %3: is the host&apos;s prometheus-libvirt-exporter scraped by it?</source>
        <translation>Prometheus unter %1 hat kein %2 für %3: Fragt es den prometheus-libvirt-exporter des Hosts ab?</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Prometheus at %1 has no %2 for %3</source>
        <translation>Prometheus unter %1 hat kein %2 für %3</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Prometheus has no %1 for %2; shown as gaps</source>
        <translation>Prometheus hat kein %1 für %2; als Lücken dargestellt</translation>
    </message>
</context>
<context>
    <name>Umbra::ReadOnlyBanner</name>
    <message>
        <location filename="../ui/demobanner.cpp" line="+6"/>
        <source>READ-ONLY</source>
        <translation>NUR LESEN</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 is damaged and open read-only: its history is shown, but nothing new is stored and migrations are off. Run Umbra on a sound file to collect again.</source>
        <translation>%1 ist beschädigt und nur zum Lesen geöffnet: Der Verlauf wird angezeigt, aber nichts Neues gespeichert, und Migrationen sind aus. Starten Sie Umbra mit einer intakten Datei, um wieder zu sammeln.</translation>
    </message>
</context>
<context>
    <name>Umbra::Reconciler</name>
    <message>
        <location filename="../core/migrate/reconciler.cpp" line="+27"/>
        <source>not defined</source>
        <translation>nicht definiert</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>persistent</source>
        <translation>persistent</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>transient</source>
        <translation>transient</translation>
    </message>
    <message>
        <location line="+86"/>
        <source>Interrupted in %1.</source>
        <translation>Unterbrochen in %1.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Interrupted before anything changed (in %1).</source>
        <translation>Unterbrochen, bevor sich etwas geändert hat (in %1).</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Cannot reconcile %1 while a host is unreachable: %2</source>
        <translation>%1 kann nicht abgeglichen werden, solange ein Host nicht erreichbar ist: %2</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>A migration job of %1 is still running on the source; aborting it.</source>
        <translation>Auf der Quelle läuft noch ein Migrationsjob von %1; er wird abgebrochen.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Source: %1. Target: %2.</source>
        <translation>Quelle: %1. Ziel: %2.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Cannot read the state of %1: %2</source>
        <translation>Der Zustand von %1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The overlay of %1 stays: %2</source>
        <translation>Das Overlay von %1 bleibt bestehen: %2</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Stopped the paused incoming copy on the target.</source>
        <translation>Die pausierte eingehende Kopie auf dem Ziel wurde gestoppt.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 is active on both hosts (source: %2; target: %3). Stop the copy that should not run.</source>
        <translation>%1 ist auf beiden Hosts aktiv (Quelle: %2; Ziel: %3). Stoppen Sie die Kopie, die nicht laufen soll.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>%1 runs on the target but cannot be made persistent there: %2</source>
        <translation>%1 läuft auf dem Ziel, kann dort aber nicht persistent gemacht werden: %2</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 runs on the target; removing its source definition failed: %2</source>
        <translation>%1 läuft auf dem Ziel; das Entfernen ihrer Definition auf der Quelle ist fehlgeschlagen: %2</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Reconciled: %1 runs on the target%2.</source>
        <translation>Abgeglichen: %1 läuft auf dem Ziel%2.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>; the source definition is kept for rollback</source>
        <translation>; die Definition auf der Quelle bleibt für ein Rollback erhalten</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1 runs on the source; removing the leftover definition on the target failed: %2</source>
        <translation>%1 läuft auf der Quelle; das Entfernen der zurückgebliebenen Definition auf dem Ziel ist fehlgeschlagen: %2</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 is active on the source but not running: %2</source>
        <translation>%1 ist auf der Quelle aktiv, läuft aber nicht: %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Reconciled: %1 runs on the source; nothing is left on the target.</source>
        <translation>Abgeglichen: %1 läuft auf der Quelle; auf dem Ziel ist nichts zurückgeblieben.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 runs on neither host (source: %2; target: %3). Its definition before the move is in the journal (job %4)%5.</source>
        <translation>%1 läuft auf keinem der beiden Hosts (Quelle: %2; Ziel: %3). Ihre Definition vor dem Verschieben steht im Journal (Job %4)%5.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>; the base files of its disk overlays are the restore point</source>
        <translation>; die Basisdateien ihrer Datenträger-Overlays sind der Wiederherstellungspunkt</translation>
    </message>
</context>
<context>
    <name>Umbra::RiskModel</name>
    <message>
        <location filename="../ui/riskmodel.cpp" line="+96"/>
        <source>%1 on %2</source>
        <translation>%1 auf %2</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>now</source>
        <translation>jetzt</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>within %1</source>
        <translation>innerhalb von %1</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Host or VM</source>
        <translation>Host oder VM</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Health</source>
        <translation>Gesundheit</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Unhealthy</source>
        <translation>Nicht gesund</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Main reason</source>
        <translation>Hauptgrund</translation>
    </message>
</context>
<context>
    <name>Umbra::RiskPanel</name>
    <message>
        <location filename="../ui/riskpanel.cpp" line="+28"/>
        <source>At risk</source>
        <translation>Gefährdet</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Next hour</source>
        <translation>Nächste Stunde</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Next day</source>
        <translation>Nächster Tag</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Next week</source>
        <translation>Nächste Woche</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>Nothing is unhealthy or forecast to become unhealthy in this time.</source>
        <translation>Nichts ist in diesem Zeitraum ungesund oder wird es laut Prognose.</translation>
    </message>
</context>
<context>
    <name>Umbra::SampleStore</name>
    <message>
        <location filename="../core/store/samplestore.cpp" line="+92"/>
        <location line="+24"/>
        <location line="+20"/>
        <source>This sample store is read-only.</source>
        <translation>Dieser Messwertspeicher ist schreibgeschützt.</translation>
    </message>
</context>
<context>
    <name>Umbra::Schema</name>
    <message>
        <location filename="../core/store/schema.cpp" line="+364"/>
        <source>Moving samples to time series failed: %1</source>
        <translation>Das Verschieben der Messwerte in Zeitreihen ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <location line="+58"/>
        <source>Step to version %1 failed at “%2”: %3</source>
        <translation>Der Schritt zu Version %1 ist bei „%2“ fehlgeschlagen: %3</translation>
    </message>
</context>
<context>
    <name>Umbra::Series::TimeOrder</name>
    <message numerus="yes">
        <location filename="../core/series/timeorder.cpp" line="+20"/>
        <source>%n sample(s) repeated a time and replaced the one before them</source>
        <translation>
            <numerusform>%n Messwert wiederholte eine Zeit und ersetzte den davor</numerusform>
            <numerusform>%n Messwerte wiederholten eine Zeit und ersetzten den davor</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n sample(s) older than the one before them were dropped</source>
        <translation>
            <numerusform>%n Messwert, älter als der davor, wurde verworfen</numerusform>
            <numerusform>%n Messwerte, älter als der davor, wurden verworfen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Umbra::SeriesCsv</name>
    <message>
        <location filename="../core/series/csvseries.cpp" line="+81"/>
        <source>%1 and %2 more</source>
        <translation>%1 und %2 weitere</translation>
    </message>
    <message>
        <location line="+59"/>
        <source>%1, line %2: %3</source>
        <translation>%1, Zeile %2: %3</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 is empty; a header line and samples were expected.</source>
        <translation>%1 ist leer; erwartet wurden eine Kopfzeile und Messwerte.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>the header names no value column (time first, then values).</source>
        <translation>die Kopfzeile nennt keine Wertespalte (zuerst die Zeit, dann die Werte).</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>columns %1 and %2 would both be stored as the series “%3”; rename one of them.</source>
        <translation>Die Spalten %1 und %2 würden beide als Reihe „%3“ gespeichert; benennen Sie eine um.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>%1 fields where the header has %2.</source>
        <translation>%1 Felder, wo die Kopfzeile %2 hat.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>“%1” is not a time.</source>
        <translation>„%1“ ist keine Zeitangabe.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>“%1” in column “%2” is not a number.</source>
        <translation>„%1“ in Spalte „%2“ ist keine Zahl.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1: nothing was imported; %2 lines have a time outside %3 … %4 (now): line %5. A time after now would hold back the samples Umbra collects for that series until then.</source>
        <translation>%1: Nichts wurde importiert; %2 Zeilen haben eine Zeit außerhalb von %3 … %4 (jetzt): Zeile %5. Eine Zeit nach jetzt hielte die Messwerte, die Umbra für diese Reihe sammelt, bis dahin zurück.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <location line="+63"/>
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
        <location filename="../core/series/writefailure.h" line="+13"/>
        <source>Time series: %1 failed: %2</source>
        <translation>Zeitreihen: %1 ist fehlgeschlagen: %2</translation>
    </message>
    <message>
        <location filename="../core/series/serieswriter.cpp" line="+111"/>
        <source>Time series: there is no series %1.</source>
        <translation>Zeitreihen: Es gibt keine Zeitreihe %1.</translation>
    </message>
</context>
<context>
    <name>Umbra::Shadow</name>
    <message>
        <location filename="../core/shadow/replicaagent.cpp" line="+25"/>
        <source>The replica agent&apos;s answer names no replica.</source>
        <translation>Die Antwort des Replikat-Agenten nennt kein Replikat.</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>No command reaches the replica agent of this host.</source>
        <translation>Kein Befehl erreicht den Replikat-Agenten dieses Hosts.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The replica agent (%1) does not start: %2</source>
        <translation>Der Replikat-Agent (%1) startet nicht: %2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The replica agent did not answer “%1” within %2 s.</source>
        <translation>Der Replikat-Agent hat „%1“ nicht innerhalb von %2 s beantwortet.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The replica agent failed on “%1” (exit %2).</source>
        <translation>Der Replikat-Agent ist an „%1“ gescheitert (Exit %2).</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The replica agent&apos;s answer to “%1” is not JSON: %2</source>
        <translation>Die Antwort des Replikat-Agenten auf „%1“ ist kein JSON: %2</translation>
    </message>
    <message>
        <location filename="../core/shadow/shadowjob.cpp" line="+57"/>
        <source>The shadow journal cannot be opened, so nothing was done: %1</source>
        <translation>Das Schatten-Journal lässt sich nicht öffnen, daher wurde nichts getan: %1</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>%1 has no shadow.</source>
        <translation>%1 hat keinen Schatten.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The primary&apos;s host is unreachable: %1</source>
        <translation>Der Host der Primär-VM ist nicht erreichbar: %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>No VM named or numbered “%1” is defined on %2.</source>
        <translation>Auf %2 ist keine VM mit dem Namen oder der Nummer „%1“ definiert.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 is not running; a shadow replicates a running VM.</source>
        <translation>%1 läuft nicht; ein Schatten repliziert eine laufende VM.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 is transient; Umbra shadows persistent VMs only.</source>
        <translation>%1 ist transient; Umbra beschattet nur persistente VMs.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 already has a shadow on %2 (%3).</source>
        <translation>%1 hat bereits einen Schatten auf %2 (%3).</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+435"/>
        <location line="+61"/>
        <location line="+250"/>
        <source>The shadow host is unreachable: %1</source>
        <translation>Der Schatten-Host ist nicht erreichbar: %1</translation>
    </message>
    <message>
        <location line="-737"/>
        <source>%1 runs on %2; a shadow never shares its primary&apos;s host.</source>
        <translation>%1 läuft auf %2; ein Schatten teilt nie den Host seiner Primär-VM.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>%1 is in the primary&apos;s failure domain (%2): one fault would take both.</source>
        <translation>%1 liegt in der Fehlerdomäne der Primär-VM (%2): Ein Fehler träfe beide.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No replica agent is configured for %1: give --replica-agent URI=COMMAND.</source>
        <translation>Für %1 ist kein Replikat-Agent eingerichtet: Geben Sie --replica-agent URI=BEFEHL an.</translation>
    </message>
    <message>
        <location line="+84"/>
        <source>shadow of %1</source>
        <translation>Schatten von %1</translation>
    </message>
    <message>
        <location line="-62"/>
        <source>%1 has no disk to replicate.</source>
        <translation>%1 hat keinen Datenträger zum Replizieren.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>%1 runs on %2 and is persistent.</source>
        <translation>%1 läuft auf %2 und ist persistent.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 is in the shadow pool “%2”, apart from the primary&apos;s host.</source>
        <translation>%1 liegt im Schatten-Pool „%2“, getrennt vom Host der Primär-VM.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Disk %1: %2 MiB to seed.</source>
        <translation>Datenträger %1: %2 MiB für die Erstkopie.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1 has no room left for a shadow of %2 MiB and %3 vCPUs.</source>
        <translation>%1 hat keinen Platz mehr für einen Schatten mit %2 MiB und %3 vCPUs.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Room on %1: %2.</source>
        <translation>Platz auf %1: %2.</translation>
    </message>
    <message>
        <location line="+54"/>
        <source>Shadow of %1 on %2: %3 disk(s), %4 MiB of memory, %5 vCPUs.</source>
        <translation>Schatten von %1 auf %2: Datenträger: %3, %4 MiB Arbeitsspeicher, %5 vCPUs.</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Replica of %1: %2 (%3 MiB), served at nbd://%4:%5/%6.</source>
        <translation>Replikat von %1: %2 (%3 MiB), bereitgestellt unter nbd://%4:%5/%6.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>The shadow&apos;s definition is not on %1 after defining it.</source>
        <translation>Die Definition des Schattens ist nach dem Definieren nicht auf %1.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Defined %1 on %2 (standby).</source>
        <translation>%1 auf %2 definiert (bereitstehend).</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1&apos;s writes took %2 ms on average before replication.</source>
        <translation>Die Schreibvorgänge von %1 dauerten vor der Replikation im Mittel %2 ms.</translation>
    </message>
    <message>
        <location line="+54"/>
        <source>The copy of %1 ended before it was in sync.</source>
        <translation>Die Kopie von %1 endete, bevor sie synchron war.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Cancelled while seeding.</source>
        <translation>Während der Erstkopie abgebrochen.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The replicas were not in sync after %1 s.</source>
        <translation>Die Replikate waren nach %1 s nicht synchron.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Seeding: %1 %, about %2 s left.</source>
        <translation>Erstkopie: %1 %, noch etwa %2 s.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Seeding: %1 %.</source>
        <translation>Erstkopie: %1 %.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>every write of %1 now reaches the replicas before it completes (seeded in %2 s)</source>
        <translation>jeder Schreibvorgang von %1 erreicht nun die Replikate, bevor er abschließt (Erstkopie in %2 s)</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Undefined %1 on %2.</source>
        <translation>Definition von %1 auf %2 entfernt.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Deleted the replica %1.</source>
        <translation>Replikat %1 gelöscht.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>%1 runs in the place of %2 since the failover; it is the service now, not a shadow, and is not removed.</source>
        <translation>%1 läuft seit dem Failover an Stelle von %2; sie ist jetzt der Dienst, kein Schatten, und wird nicht entfernt.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The primary&apos;s host is unreachable (%1); its copies end with it.</source>
        <translation>Der Host der Primär-VM ist nicht erreichbar (%1); ihre Kopien enden mit ihm.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The shadow host is unreachable, so nothing was removed: %1</source>
        <translation>Der Schatten-Host ist nicht erreichbar, daher wurde nichts entfernt: %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>nothing of %1 changed</source>
        <translation>an %1 hat sich nichts geändert</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>The replicas passed a validation %1 min ago; the failover relies on it.</source>
        <translation>Die Replikate haben vor %1 min eine Prüfung bestanden; das Failover verlässt sich darauf.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Planned failover: validating the replicas before %1 stops.</source>
        <translation>Geplantes Failover: Die Replikate werden geprüft, bevor %1 anhält.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 was not failed over: the validation of its replicas failed (%2). It keeps running on %3.</source>
        <translation>Kein Failover für %1: Die Prüfung seiner Replikate ist gescheitert (%2). Es läuft auf %3 weiter.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The shadow of %1 is %2 after its validation; it does not take over.</source>
        <translation>Der Schatten von %1 ist nach seiner Prüfung %2; er übernimmt nicht.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>%1 already runs in the place of %2.</source>
        <translation>%1 läuft bereits an Stelle von %2.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The shadow of %1 is %2, not in sync: its replicas may miss writes, so it does not take over.</source>
        <translation>Der Schatten von %1 ist %2, nicht synchron: Seinen Replikaten könnten Schreibvorgänge fehlen, daher übernimmt er nicht.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1 still runs on %2; a failover now would run the service twice. Fail over as planned to stop it first.</source>
        <translation>%1 läuft noch auf %2; ein Failover jetzt ließe den Dienst doppelt laufen. Führen Sie ein geplantes Failover aus, um sie zuerst anzuhalten.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Planned failover: stopping %1 on %2; every write it acknowledged is in the replicas.</source>
        <translation>Geplantes Failover: %1 auf %2 wird angehalten; jeder bestätigte Schreibvorgang ist in den Replikaten.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Fenced: %1 stays stopped on %2 and must not be started there.</source>
        <translation>Abgeschottet: %1 bleibt auf %2 angehalten und darf dort nicht gestartet werden.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The primary&apos;s host is lost (%1). If it returns, %2 must not be started there: the shadow runs in its place.</source>
        <translation>Der Host der Primär-VM ist verloren (%1). Kehrt er zurück, darf %2 dort nicht gestartet werden: Der Schatten läuft an ihrer Stelle.</translation>
    </message>
    <message>
        <location line="+10"/>
        <location line="+61"/>
        <location line="+166"/>
        <source>No replica agent is configured for %1.</source>
        <translation>Für %1 ist kein Replikat-Agent eingerichtet.</translation>
    </message>
    <message>
        <location line="-220"/>
        <source>Replicas released by the shadow host&apos;s agent.</source>
        <translation>Replikate vom Agenten des Schatten-Hosts freigegeben.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Started %1 on %2 after %3 s.</source>
        <translation>%1 auf %2 nach %3 s gestartet.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>%1 runs but did not answer %2 within %3 s: %4</source>
        <translation>%1 läuft, hat %2 aber nicht innerhalb von %3 s beantwortet: %4</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>%1 serves in the place of %2 after %3 s</source>
        <translation>%1 bedient nach %3 s an Stelle von %2</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>The shadow of %1 is %2; it is validated once in sync.</source>
        <translation>Der Schatten von %1 ist %2; er wird geprüft, sobald er synchron ist.</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>The replica of %1 could not be frozen: %2</source>
        <translation>Das Replikat von %1 ließ sich nicht einfrieren: %2</translation>
    </message>
    <message numerus="yes">
        <location line="+8"/>
        <source>Froze %n replica(s) at one point in time; replication goes on into an overlay meanwhile.</source>
        <translation>
            <numerusform>%n Replikat zu einem Zeitpunkt eingefroren; die Replikation läuft derweil in ein Overlay weiter.</numerusform>
            <numerusform>%n Replikate zu einem Zeitpunkt eingefroren; die Replikation läuft derweil in ein Overlay weiter.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The replica of %1 cannot be read: %2</source>
        <translation>Das Replikat von %1 lässt sich nicht lesen: %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No write counter on %1: its data is checked by the boot alone.</source>
        <translation>Kein Schreibzähler auf %1: Seine Daten prüft allein der Start.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The replica holds write %1, but the primary had acknowledged %2: writes are missing.</source>
        <translation>Das Replikat enthält Schreibvorgang %1, die Primär-VM hatte aber %2 bestätigt: Es fehlen Schreibvorgänge.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The replica holds write %1; the primary had acknowledged %2 before the freeze.</source>
        <translation>Das Replikat enthält Schreibvorgang %1; die Primär-VM hatte vor dem Einfrieren %2 bestätigt.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The replica holds write %1.</source>
        <translation>Das Replikat enthält Schreibvorgang %1.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The throw-away VM could not be defined: %1</source>
        <translation>Die Wegwerf-VM ließ sich nicht definieren: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The throw-away VM is not on %1 after defining it.</source>
        <translation>Die Wegwerf-VM ist nach dem Definieren nicht auf %1.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The throw-away VM did not start: %1</source>
        <translation>Die Wegwerf-VM ist nicht gestartet: %1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The throw-away VM stopped %1 s into its boot.</source>
        <translation>Die Wegwerf-VM hat nach %1 s Startzeit angehalten.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>A throw-away copy booted from the frozen image, with no network, and kept running for %1 s.</source>
        <translation>Eine Wegwerf-Kopie ist vom eingefrorenen Abbild ohne Netzwerk gestartet und lief %1 s lang.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Its guest agent did not answer within %1 s.</source>
        <translation>Ihr Gast-Agent hat nicht innerhalb von %1 s geantwortet.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Its guest agent answered.</source>
        <translation>Ihr Gast-Agent hat geantwortet.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The throw-away VM could not be undefined: %1</source>
        <translation>Die Definition der Wegwerf-VM ließ sich nicht entfernen: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Destroyed and undefined the throw-away VM %1.</source>
        <translation>Wegwerf-VM %1 beendet und ihre Definition entfernt.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The replica %1 could not be thawed: %2</source>
        <translation>Das Replikat %1 ließ sich nicht auftauen: %2</translation>
    </message>
    <message>
        <location line="+9"/>
        <location filename="../core/shadow/shadowjournal.cpp" line="+251"/>
        <source>Validation passed in %1 s.</source>
        <translation>Prüfung in %1 s bestanden.</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../core/shadow/shadowjournal.cpp" line="+1"/>
        <source>Validation failed: %1</source>
        <translation>Prüfung gescheitert: %1</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>%1 runs in the place of %2; there is nothing to seed.</source>
        <translation>%1 läuft an Stelle von %2; es gibt nichts zu kopieren.</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>the copy of %1 ended (libvirt has no block job on it); it must be seeded again</source>
        <translation>die Kopie von %1 endete (libvirt hat keinen Block-Job darauf); sie muss neu kopiert werden</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>every write of %1 now reaches the replicas before it completes</source>
        <translation>jeder Schreibvorgang von %1 erreicht nun die Replikate, bevor er abschließt</translation>
    </message>
    <message>
        <location line="+16"/>
        <location filename="../core/shadow/shadowservice.cpp" line="+296"/>
        <source>%1 runs in the place of %2; it keeps its size.</source>
        <translation>%1 läuft an Stelle von %2; sie behält ihre Größe.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>%1 pins a CPU topology; its vCPUs are not changed.</source>
        <translation>%1 legt eine CPU-Topologie fest; ihre vCPUs werden nicht geändert.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Sized to %1 vCPUs (was %2): %3</source>
        <translation>Auf %1 vCPUs bemessen (vorher %2): %3</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>The shadow host is unreachable, so the shadow was not retired: %1</source>
        <translation>Der Schatten-Host ist nicht erreichbar, daher wurde der Schatten nicht aufgelöst: %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>retired: %1 moved onto its shadow&apos;s host %2</source>
        <translation>aufgelöst: %1 ist auf den Host ihres Schattens %2 umgezogen</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 now runs on %2; its replication follows it from there.</source>
        <translation>%1 läuft jetzt auf %2; ihre Replikation folgt ihr von dort.</translation>
    </message>
    <message>
        <location filename="../core/shadow/shadowjournal.cpp" line="-226"/>
        <source>Shadow journal: %1</source>
        <translation>Schatten-Journal: %1</translation>
    </message>
    <message>
        <location line="+235"/>
        <source>No shadow %1 in the journal.</source>
        <translation>Kein Schatten %1 im Journal.</translation>
    </message>
    <message>
        <location filename="../core/shadow/shadowrecord.cpp" line="+51"/>
        <source>creating</source>
        <translation>wird angelegt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>seeding</source>
        <translation>Erstkopie</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>in sync</source>
        <translation>synchron</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>degraded</source>
        <translation>beeinträchtigt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>suspended</source>
        <translation>ausgesetzt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>failed over</source>
        <translation>übernommen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>removed</source>
        <translation>entfernt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <location filename="../core/shadow/shadowguard.cpp" line="+34"/>
        <source>Replication to the shadow %1 on %2 is suspended for the move.</source>
        <translation>Die Replikation zum Schatten %1 auf %2 ist für den Umzug ausgesetzt.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The shadow %1 is retired: the VM now runs on its host.</source>
        <translation>Der Schatten %1 ist aufgelöst: Die VM läuft jetzt auf seinem Host.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Replication to the shadow %1 is in sync again, from %2.</source>
        <translation>Die Replikation zum Schatten %1 ist wieder synchron, von %2 aus.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Replication to the shadow %1 is seeding again, from %2.</source>
        <translation>Die Replikation zum Schatten %1 macht wieder eine Erstkopie, von %2 aus.</translation>
    </message>
    <message>
        <location filename="../core/shadow/shadowservice.cpp" line="-109"/>
        <source>The plan could not be stored: %1</source>
        <translation>Der Plan ließ sich nicht speichern: %1</translation>
    </message>
    <message>
        <location line="+29"/>
        <location line="+8"/>
        <source>Keep a shadow of %1 on %2</source>
        <translation>Einen Schatten von %1 auf %2 halten</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Reserve %1 MiB and %2 vCPUs on %3.</source>
        <translation>%1 MiB und %2 vCPUs auf %3 reservieren.</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>Create %n replica(s) there and serve them over NBD.</source>
        <translation>
            <numerusform>Dort %n Replikat anlegen und über NBD bereitstellen.</numerusform>
            <numerusform>Dort %n Replikate anlegen und über NBD bereitstellen.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Define %1-shadow on them (standby, not running).</source>
        <translation>%1-shadow darauf definieren (bereitstehend, nicht laufend).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copy every disk of %1 into its replica (%2 MiB), then mirror each write synchronously: no acknowledged write is ever missing from the shadow.</source>
        <translation>Jeden Datenträger von %1 in sein Replikat kopieren (%2 MiB) und danach jeden Schreibvorgang synchron spiegeln: Dem Schatten fehlt nie ein bestätigter Schreibvorgang.</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>The shadow %1 on %2 is %3.</source>
        <translation>Der Schatten %1 auf %2 ist %3.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>In sync since %1.</source>
        <translation>Synchron seit %1.</translation>
    </message>
    <message>
        <location line="-10"/>
        <source>The VM has no shadow.</source>
        <translation>Die VM hat keinen Schatten.</translation>
    </message>
    <message>
        <location line="-208"/>
        <source>The shadow of %1 is sized to %2 vCPUs (was %3): %4</source>
        <translation>Der Schatten von %1 ist auf %2 vCPUs bemessen (vorher %3): %4</translation>
    </message>
    <message numerus="yes">
        <location line="+188"/>
        <source>Validate it every %n hour(s) once in sync.</source>
        <translation>
            <numerusform>Ihn, sobald synchron, jede Stunde prüfen.</numerusform>
            <numerusform>Ihn, sobald synchron, alle %n Stunden prüfen.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Validate it only when asked, and before a planned failover.</source>
        <translation>Ihn nur auf Anforderung und vor einem geplanten Failover prüfen.</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Size the shadow of %1 to %2 vCPUs (now %3)</source>
        <translation>Den Schatten von %1 auf %2 vCPUs bemessen (jetzt %3)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>A shadow needs at least one vCPU.</source>
        <translation>Ein Schatten braucht mindestens eine vCPU.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Redefine %1 on %2 with %3 vCPUs; it stays a standby, not running.</source>
        <translation>%1 auf %2 mit %3 vCPUs neu definieren; er bleibt bereitstehend, nicht laufend.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Move its reservation on %1 to %2 vCPUs and %3 MiB.</source>
        <translation>Seine Reservierung auf %1 auf %2 vCPUs und %3 MiB ändern.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Replication goes on throughout; %1 is not touched.</source>
        <translation>Die Replikation läuft durchgehend weiter; %1 bleibt unberührt.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Fail %1 over to %2 on %3</source>
        <translation>Failover von %1 auf %2 auf %3</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The shadow is %1, not in sync: its replicas may miss writes.</source>
        <translation>Der Schatten ist %1, nicht synchron: Seinen Replikaten können Schreibvorgänge fehlen.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Validate the replicas first, unless they passed within the last hour; should they fail, %1 keeps running.</source>
        <translation>Zuerst die Replikate prüfen, sofern sie nicht in der letzten Stunde bestanden haben; scheitern sie, läuft %1 weiter.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Stop %1 on %2: every write it acknowledged is in the replicas.</source>
        <translation>%1 auf %2 anhalten: Jeder bestätigte Schreibvorgang ist in den Replikaten.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Fence %1: it must not be started on %2 again.</source>
        <translation>%1 abschotten: Sie darf auf %2 nicht wieder gestartet werden.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Release the replicas and start %1 on %2 in its place.</source>
        <translation>Die Replikate freigeben und %1 auf %2 an ihrer Stelle starten.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Remove the shadow of %1 from %2</source>
        <translation>Den Schatten von %1 von %2 entfernen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>End the copies of %1&apos;s disks; %1 keeps running on its own.</source>
        <translation>Die Kopien der Datenträger von %1 beenden; %1 läuft allein weiter.</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Undefine %1 and delete its %n replica(s).</source>
        <translation>
            <numerusform>Die Definition von %1 entfernen und sein Replikat löschen.</numerusform>
            <numerusform>Die Definition von %1 entfernen und seine %n Replikate löschen.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Release its reservation on %1.</source>
        <translation>Seine Reservierung auf %1 freigeben.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Validate the shadow of %1</source>
        <translation>Den Schatten von %1 prüfen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The shadow is %1; it is validated once in sync.</source>
        <translation>Der Schatten ist %1; er wird geprüft, sobald er synchron ist.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Freeze its replicas at one point in time; replication goes on.</source>
        <translation>Seine Replikate zu einem Zeitpunkt einfrieren; die Replikation läuft weiter.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check the data on the frozen image.</source>
        <translation>Die Daten auf dem eingefrorenen Abbild prüfen.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Boot a throw-away copy from it on %1, without network.</source>
        <translation>Eine Wegwerf-Kopie davon auf %1 starten, ohne Netzwerk.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Remove the copy and everything it wrote; thaw the replicas.</source>
        <translation>Die Kopie und alles, was sie schrieb, entfernen; die Replikate auftauen.</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>The shadow of %1 is validated on the console&apos;s schedule.</source>
        <translation>Der Schatten von %1 wird nach dem Zeitplan der Konsole geprüft.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The shadow of %1 is validated only when asked.</source>
        <translation>Der Schatten von %1 wird nur auf Anforderung geprüft.</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>The shadow of %1 is validated every %n hour(s).</source>
        <translation>
            <numerusform>Der Schatten von %1 wird jede Stunde geprüft.</numerusform>
            <numerusform>Der Schatten von %1 wird alle %n Stunden geprüft.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+34"/>
        <source>An action on this shadow is running already.</source>
        <translation>Für diesen Schatten läuft bereits eine Aktion.</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Plan %1 was not executed: %2</source>
        <translation>Plan %1 wurde nicht ausgeführt: %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Unknown action %1.</source>
        <translation>Unbekannte Aktion %1.</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Validation of the shadow of %1 failed: %2</source>
        <translation>Die Prüfung des Schattens von %1 ist gescheitert: %2</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1: the shadow %2 is %3.</source>
        <translation>%1: Der Schatten %2 ist %3.</translation>
    </message>
    <message>
        <location line="+76"/>
        <source>The shadow of %1 was left half made by a console that stopped; what it made is removed.</source>
        <translation>Der Schatten von %1 wurde von einer beendeten Konsole halb angelegt zurückgelassen; was sie angelegt hatte, ist entfernt.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>%1&apos;s host %2 has been unreachable for %3 s: failing over to %4.</source>
        <translation>Der Host %2 von %1 ist seit %3 s nicht erreichbar: Failover auf %4.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>The shadow of %1 is %2: %3</source>
        <translation>Der Schatten von %1 ist %2: %3</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>The shadow of %1 is seeding again.</source>
        <translation>Der Schatten von %1 macht wieder eine Erstkopie.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Seeding the shadow of %1 again failed (attempt %2; next in %3 s): %4</source>
        <translation>Die erneute Erstkopie des Schattens von %1 ist gescheitert (Versuch %2; nächster in %3 s): %4</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>The shadow of %1, suspended for a move that is no longer running, is %2.</source>
        <translation>Der Schatten von %1, ausgesetzt für einen Umzug, der nicht mehr läuft, ist %2.</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>The shadows could not be read: %1</source>
        <translation>Die Schatten ließen sich nicht lesen: %1</translation>
    </message>
    <message>
        <location filename="../core/shadow/shadowsizing.cpp" line="+24"/>
        <source>the primary is flagged (health %1 &lt; %2): sized as the primary</source>
        <translation>die Primär-VM ist markiert (Zustand %1 &lt; %2): so groß wie die Primär-VM</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>no forecast of the primary yet: sized as the primary</source>
        <translation>noch keine Prognose der Primär-VM: so groß wie die Primär-VM</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>forecast peak %1 CPUs over the next day, %2 % headroom: %3 of %4 vCPUs</source>
        <translation>prognostizierte Spitze %1 CPUs über den nächsten Tag, %2 % Reserve: %3 von %4 vCPUs</translation>
    </message>
</context>
<context>
    <name>Umbra::ShadowCommand</name>
    <message>
        <location filename="../app/shadowcommand.cpp" line="+65"/>
        <source>No pool is named “%1”; give a stored pool, shadow, general or dedicated:CUSTOMER.</source>
        <translation>Kein Pool heißt „%1“; geben Sie einen gespeicherten Pool, shadow, general oder dedicated:KUNDE an.</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>How a shadow host&apos;s replica agent is reached: URI=COMMAND, where COMMAND runs umbra-replica on that host (e.g. &quot;ssh root@host /usr/lib/umbra/umbra-replica&quot;). Repeatable; stored in the database.</source>
        <translation>Wie der Replikat-Agent eines Schatten-Hosts erreicht wird: URI=BEFEHL, wobei BEFEHL umbra-replica auf diesem Host ausführt (z. B. &quot;ssh root@host /usr/lib/umbra/umbra-replica&quot;). Wiederholbar; wird in der Datenbank gespeichert.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Keep a shadow of the VM &lt;name&gt; (running on one of the --connect hosts) on the shadow host --on, replicated at block level, without a window.</source>
        <translation>Einen Schatten der VM &lt;name&gt; (die auf einem der --connect-Hosts läuft) auf dem Schatten-Host --on halten, auf Blockebene repliziert, ohne Fenster.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>With --shadow, the libvirt URI of the shadow host.</source>
        <translation>Mit --shadow die libvirt-URI des Schatten-Hosts.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Start the shadow of the VM &lt;name&gt; in its place: when its host is lost, or with --planned after stopping it.</source>
        <translation>Den Schatten der VM &lt;name&gt; an ihrer Stelle starten: wenn ihr Host verloren ist, oder mit --planned, nachdem sie angehalten wurde.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>With --failover, stop a primary that still runs first.</source>
        <translation>Mit --failover eine noch laufende Primär-VM zuerst anhalten.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Put a host in a pool: URI=POOL, where POOL names a stored pool, or is &quot;shadow&quot; (the pool Shadow, made if need be), &quot;general&quot;, or &quot;dedicated:CUSTOMER&quot;. Repeatable; stored in the database.</source>
        <translation>Einen Host in einen Pool legen: URI=POOL, wobei POOL einen gespeicherten Pool nennt oder &quot;shadow&quot; (der Pool Shadow, bei Bedarf angelegt), &quot;general&quot; oder &quot;dedicated:KUNDE&quot; ist. Wiederholbar; wird in der Datenbank gespeichert.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>End the replication of the VM &lt;name&gt;, undefine its shadow and delete its replicas; nothing of the VM changes.</source>
        <translation>Die Replikation der VM &lt;name&gt; beenden, die Definition ihres Schattens entfernen und seine Replikate löschen; an der VM ändert sich nichts.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Validate the shadow of the VM &lt;name&gt;: boot a throw-away copy from a point-in-time image of its replicas, without network, then remove it; exit status 0 when it passed, 4 when it failed.</source>
        <translation>Den Schatten der VM &lt;name&gt; prüfen: eine Wegwerf-Kopie von einem Abbild ihrer Replikate zu einem Zeitpunkt ohne Netzwerk starten und wieder entfernen; Exit-Status 0, wenn sie bestanden hat, 4, wenn sie gescheitert ist.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>With --validate (or --failover --planned, which validates first), the URL where the VM tells the last write it acknowledged; the replica must hold it.</source>
        <translation>Mit --validate (oder --failover --planned, das zuerst prüft) die URL, unter der die VM ihren letzten bestätigten Schreibvorgang nennt; das Replikat muss ihn enthalten.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>With --shadow, copy the VM&apos;s disks to the shadow at most &lt;mib&gt; MiB/s, on its first seeding and every re-seed, so the VM&apos;s own I/O keeps its pace; stored with the shadow.</source>
        <translation>Mit --shadow die Platten der VM höchstens mit &lt;mib&gt; MiB/s zum Schatten kopieren, bei der Erstkopie und bei jeder erneuten, damit die eigene E/A der VM ihr Tempo hält; wird mit dem Schatten gespeichert.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>With --shadow, validate the new shadow by itself every &lt;hours&gt; hours (0: only when asked); stored with it. Without it the console&apos;s schedule applies.</source>
        <translation>Mit --shadow den neuen Schatten selbsttätig alle &lt;hours&gt; Stunden prüfen (0: nur auf Anforderung); wird mit ihm gespeichert. Ohne die Option gilt der Zeitplan der Konsole.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>--replica-agent wants URI=COMMAND, not “%1”.</source>
        <translation>--replica-agent erwartet URI=BEFEHL, nicht „%1“.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>--pool wants URI=POOL, not “%1”.</source>
        <translation>--pool erwartet URI=POOL, nicht „%1“.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>--validate-every wants a number of hours from 0 to 8760, not “%1”.</source>
        <translation>--validate-every erwartet eine Stundenzahl von 0 bis 8760, nicht „%1“.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>--validate-every goes with --shadow.</source>
        <translation>--validate-every gehört zu --shadow.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>--seed-limit wants MiB/s above 0, not “%1”.</source>
        <translation>--seed-limit erwartet MiB/s über 0, nicht „%1“.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>--seed-limit goes with --shadow.</source>
        <translation>--seed-limit gehört zu --shadow.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Give one of --shadow, --failover, --unshadow and --validate.</source>
        <translation>Geben Sie eines von --shadow, --failover, --unshadow und --validate an.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>--shadow needs --on URI, the shadow host.</source>
        <translation>--shadow braucht --on URI, den Schatten-Host.</translation>
    </message>
    <message>
        <location line="+64"/>
        <source>validating the shadow of %1</source>
        <translation>Schatten von %1 wird geprüft</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>shadowing %1 from %2 on %3</source>
        <translation>%1 von %2 wird auf %3 beschattet</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>failing %1 over to its shadow</source>
        <translation>Failover von %1 auf ihren Schatten</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>removing the shadow of %1</source>
        <translation>Schatten von %1 wird entfernt</translation>
    </message>
</context>
<context>
    <name>Umbra::ShadowDialog</name>
    <message>
        <location filename="../ui/shadowdialog.cpp" line="+39"/>
        <source>Create a shadow of %1</source>
        <translation>Einen Schatten von %1 anlegen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Keep a standby replica of &lt;b&gt;%1&lt;/b&gt; (%2 of memory) on a host of a shadow pool. Every write to its disks reaches the replica before the guest sees it complete, so if %3 is lost the shadow takes over with nothing acknowledged missing. Its memory and vCPUs are reserved there.</source>
        <translation>Ein bereitstehendes Replikat von &lt;b&gt;%1&lt;/b&gt; (%2 Arbeitsspeicher) auf einem Host eines Schatten-Pools halten. Jeder Schreibvorgang auf ihre Datenträger erreicht das Replikat, bevor der Gast ihn als abgeschlossen sieht; fällt %3 aus, übernimmt der Schatten, ohne dass etwas Bestätigtes fehlt. Ihr Arbeitsspeicher und ihre vCPUs werden dort reserviert.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&lt;b&gt;Simulated.&lt;/b&gt; %1 is a demo host (libvirt&apos;s test driver): no disk is copied; seeding takes a few seconds and the shadow&apos;s definition is real.</source>
        <translation>&lt;b&gt;Simuliert.&lt;/b&gt; %1 ist ein Demo-Host (Testtreiber von libvirt): Kein Datenträger wird kopiert; die Erstkopie dauert ein paar Sekunden, und die Definition des Schattens ist echt.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Shadow host</source>
        <translation>Schatten-Host</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Pool</source>
        <translation>Pool</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Score</source>
        <translation>Bewertung</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Ranking the shadow pool&apos;s hosts…</source>
        <translation>Die Hosts des Schatten-Pools werden bewertet …</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Choose a host: the plan, with what the checks found, appears here before anything is made.</source>
        <translation>Wählen Sie einen Host: Der Plan mit den Befunden der Prüfungen erscheint hier, bevor etwas angelegt wird.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Create shadow</source>
        <translation>Schatten anlegen</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Validate the shadow by itself</source>
        <translation>Den Schatten selbsttätig prüfen</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>No host is in a shadow pool. Put one there in File → Pools…, where its reservation for shadows is set too.</source>
        <translation>Kein Host liegt in einem Schatten-Pool. Legen Sie einen unter Datei → Pools … dorthin; dort wird auch seine Reservierung für Schatten festgelegt.</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>cannot take it</source>
        <translation>kann sie nicht aufnehmen</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Ranked by room after the reservation, forecast peak, failure risk and health; hover a host for its reasons.</source>
        <translation>Bewertet nach Platz nach der Reservierung, prognostizierter Spitze, Ausfallrisiko und Zustand; zeigen Sie auf einen Host für die Gründe.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>No shadow host can take %1 now; hover each for why.</source>
        <translation>Kein Schatten-Host kann %1 jetzt aufnehmen; zeigen Sie auf jeden für den Grund.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Planning a shadow on %1…</source>
        <translation>Schatten auf %1 wird geplant …</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Cannot go ahead: %1</source>
        <translation>Kann nicht ausgeführt werden: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>What the checks found:</source>
        <translation>Was die Prüfungen ergaben:</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>What Create shadow does:</source>
        <translation>Was „Schatten anlegen“ tut:</translation>
    </message>
</context>
<context>
    <name>Umbra::ShadowsPanel</name>
    <message>
        <location filename="../ui/shadowspanel.cpp" line="+75"/>
        <source>VM</source>
        <translation>VM</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Primary host</source>
        <translation>Primär-Host</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Shadow host</source>
        <translation>Schatten-Host</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Seeded</source>
        <translation>Erstkopien</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reserved</source>
        <translation>Reserviert</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Note</source>
        <translation>Hinweis</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Last validation</source>
        <translation>Letzte Prüfung</translation>
    </message>
    <message>
        <location line="-34"/>
        <source>nothing behind, since %1</source>
        <translation>nichts im Rückstand, seit %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 % copied, %2 to go</source>
        <translation>%1 % kopiert, noch %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1, about %2 s left</source>
        <translation>%1, noch etwa %2 s</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>%1 → %2 ms</source>
        <translation>%1 → %2 ms</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Sync</source>
        <translation>Abgleich</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Write latency</source>
        <translation>Schreiblatenz</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Validated</source>
        <translation>Geprüft</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>No VM has a shadow. Create one from a VM&apos;s page (Create shadow…) once a host is in a shadow pool (File → Pools…).</source>
        <translation>Keine VM hat einen Schatten. Legen Sie einen auf der Seite einer VM an (Schatten anlegen …), sobald ein Host in einem Schatten-Pool liegt (Datei → Pools …).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Schedule…</source>
        <translation>Zeitplan…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How often the shadow is validated by itself</source>
        <translation>Wie oft der Schatten selbsttätig geprüft wird</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Fail over…</source>
        <translation>Failover …</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Start the shadow in its primary&apos;s place</source>
        <translation>Den Schatten an Stelle seiner Primär-VM starten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove…</source>
        <translation>Entfernen …</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>End the replication and delete the shadow; the primary is untouched</source>
        <translation>Die Replikation beenden und den Schatten löschen; die Primär-VM bleibt unberührt</translation>
    </message>
    <message numerus="yes">
        <location line="+42"/>
        <source>%n time(s)</source>
        <translation>
            <numerusform>%n-mal</numerusform>
            <numerusform>%n-mal</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%1, %n vCPU(s)</source>
        <translation>
            <numerusform>%1, %n vCPU</numerusform>
            <numerusform>%1, %n vCPUs</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>never</source>
        <translation>nie</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>passed %1</source>
        <translation>bestanden %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>failed: %1</source>
        <translation>gescheitert: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Simulated: %1</source>
        <translation>Simuliert: %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The primary&apos;s mean write time before replication began, and with every write mirrored to the shadow, over the last check</source>
        <translation>Die mittlere Schreibzeit der Primär-VM vor Beginn der Replikation und mit jedem Schreibvorgang zum Schatten gespiegelt, seit der letzten Kontrolle</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Validation of %1&apos;s shadow</source>
        <translation>Prüfung des Schattens von %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A validation boots a throw-away copy of %1 from a point-in-time image of its replicas, without network, and removes it again. A failed one lowers %1&apos;s health score.</source>
        <translation>Eine Prüfung startet eine Wegwerf-Kopie von %1 von einem Abbild seiner Replikate zu einem Zeitpunkt, ohne Netzwerk, und entfernt sie wieder. Eine gescheiterte Prüfung senkt den Gesundheitswert von %1.</translation>
    </message>
</context>
<context>
    <name>Umbra::ShiftDialog</name>
    <message>
        <location filename="../ui/shiftdialog.cpp" line="+41"/>
        <source>Shift traffic in %1/%2</source>
        <translation>Verkehr in %1/%2 verlagern</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Move requests from one server of backend &lt;b&gt;%1&lt;/b&gt; to another in steps. Each step is held while the receiving server is watched; a step that fails its gate goes back to the last split that held, and Cancel goes back to the weights found.</source>
        <translation>Anfragen schrittweise von einem Server des Backends &lt;b&gt;%1&lt;/b&gt; zu einem anderen verlagern. Jeder Schritt wird gehalten, während der empfangende Server beobachtet wird; ein Schritt, der seine Schranke verfehlt, kehrt zur letzten Aufteilung zurück, die gehalten hat, und Abbrechen kehrt zu den vorgefundenen Gewichten zurück.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source> %</source>
        <translation> %</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Percentages of the goal&apos;s way, in order; those at or above the goal are left out and the goal is the last step.</source>
        <translation>Prozentwerte auf dem Weg zum Ziel, der Reihe nach; Werte ab dem Ziel entfallen, und das Ziel ist der letzte Schritt.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <location line="+6"/>
        <source> % of responses</source>
        <translation> % der Antworten</translation>
    </message>
    <message>
        <location line="+4"/>
        <source> ms</source>
        <translation> ms</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>From:</source>
        <translation>Von:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>To:</source>
        <translation>Nach:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Move:</source>
        <translation>Verlagern:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Steps (%):</source>
        <translation>Schritte (%):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hold each step:</source>
        <translation>Jeden Schritt halten:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Gate: while a step holds, the receiving server stays up</source>
        <translation>Schranke: Solange ein Schritt gehalten wird, bleibt der empfangende Server erreichbar</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Errors at most:</source>
        <translation>Höchstens Fehler:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Response time at most:</source>
        <translation>Höchstens Antwortzeit:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Check reads the backend and works out each step&apos;s weights before anything changes; its findings appear here.</source>
        <translation>Prüfen liest das Backend und berechnet die Gewichte jedes Schritts, bevor sich etwas ändert; die Befunde erscheinen hier.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Check</source>
        <translation>Prüfen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shift</source>
        <translation>Verlagern</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Check plans the shift; Shift then starts it.</source>
        <translation>Prüfen plant die Verlagerung; Verlagern startet sie dann.</translation>
    </message>
    <message>
        <location line="+73"/>
        <source>Reading backend %1…</source>
        <translation>Lese Backend %1 …</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Found:</source>
        <translation>Vorgefunden:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Steps:</source>
        <translation>Schritte:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Refused: %1</source>
        <translation>Abgelehnt: %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Ready: 1 step, about %1 s if its gate holds.</source>
        <translation>Bereit: 1 Schritt, etwa %1 s, wenn seine Schranke hält.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ready: %1 steps, about %2 s if every gate holds.</source>
        <translation>Bereit: %1 Schritte, etwa %2 s, wenn jede Schranke hält.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Shift to go ahead; Cancel on the Traffic page goes back at any step.</source>
        <translation>Verlagern, um fortzufahren; Abbrechen auf der Seite Verkehr kehrt bei jedem Schritt zurück.</translation>
    </message>
</context>
<context>
    <name>Umbra::SimulatedLink</name>
    <message>
        <location filename="../core/demo/simulatedlink.cpp" line="+28"/>
        <source>%1 is not simulated in the demo.</source>
        <translation>%1 wird in der Demo nicht simuliert.</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Requested operation is not valid: domain has an active block job (simulated)</source>
        <translation>Angeforderte Operation ist ungültig: Domäne hat einen aktiven Block-Job (simuliert)</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Simulated migration: %1 is a demo host (libvirt&apos;s test driver). Nothing is copied; the progress is simulated and the VM&apos;s definition moves to the target.</source>
        <translation>Simulierte Migration: %1 ist ein Demo-Host (Testtreiber von libvirt). Es wird nichts kopiert; der Fortschritt ist simuliert, und die Definition der VM wandert auf das Ziel.</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>%1 is not running.</source>
        <translation>%1 läuft nicht.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>A demo host can only move a VM to another demo host, not to %1.</source>
        <translation>Ein Demo-Host kann eine VM nur auf einen anderen Demo-Host verschieben, nicht auf %1.</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+142"/>
        <source>Requested operation is not valid: domain is not running</source>
        <translation>Angeforderte Operation ist ungültig: Domäne läuft nicht</translation>
    </message>
    <message>
        <location line="-110"/>
        <source>operation aborted: simulated migration canceled by client</source>
        <translation>Operation abgebrochen: simulierte Migration vom Client abgebrochen</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>%1 is already active on %2.</source>
        <translation>%1 ist auf %2 bereits aktiv.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The simulated switch-over failed: %1</source>
        <translation>Die simulierte Umschaltung ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Requested operation is not valid: no job is active on %1</source>
        <translation>Angeforderte Operation ist ungültig: Auf %1 läuft kein Auftrag</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Post-copy</source>
        <translation>Post-Copy</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>A disk restore point</source>
        <translation>Ein Wiederherstellungspunkt der Datenträger</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Folding an overlay back</source>
        <translation>Das Zurückführen eines Overlays</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Deleting a volume</source>
        <translation>Das Löschen eines Volumes</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>disk &apos;%1&apos; already in an active block job (simulated)</source>
        <translation>Datenträger „%1“ ist bereits in einem aktiven Block-Job (simuliert)</translation>
    </message>
</context>
<context>
    <name>Umbra::SimulatedReplicaAgent</name>
    <message>
        <location filename="../core/demo/simulatedreplicaagent.cpp" line="+37"/>
        <location line="+35"/>
        <source>No replica named %1 (simulated).</source>
        <translation>Kein Replikat namens %1 (simuliert).</translation>
    </message>
</context>
<context>
    <name>Umbra::StoreReader</name>
    <message>
        <location filename="../core/store/storereader.cpp" line="+160"/>
        <source>No history is stored for %1.</source>
        <translation>Für %1 ist kein Verlauf gespeichert.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Saved, but %1 stored chunks are damaged and could not be read; their samples are missing.</source>
        <translation>Gespeichert, aber %1 gespeicherte Blöcke sind beschädigt und nicht lesbar; ihre Messwerte fehlen.</translation>
    </message>
</context>
<context>
    <name>Umbra::StoreWriter</name>
    <message>
        <location filename="../core/store/storewriter.cpp" line="+77"/>
        <source>The database %1 is not open; nothing is being stored.</source>
        <translation>Die Datenbank %1 ist nicht geöffnet; es wird nichts gespeichert.</translation>
    </message>
    <message>
        <location line="+74"/>
        <source>Removing expired history from %1 failed: %2</source>
        <translation>Das Entfernen des abgelaufenen Verlaufs aus %1 ist fehlgeschlagen: %2</translation>
    </message>
    <message>
        <location line="+73"/>
        <source>Cannot write to %1: %2</source>
        <translation>In %1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <location line="-117"/>
        <source>Writing samples to %1 failed: %2</source>
        <translation>Das Schreiben der Messwerte in %1 ist fehlgeschlagen: %2</translation>
    </message>
</context>
<context>
    <name>Umbra::TlsDiagnosis</name>
    <message>
        <location filename="../core/collect/tlsdiagnosis.cpp" line="+84"/>
        <source>no CA certificate at %1 to check the host&apos;s certificate against</source>
        <translation>kein CA-Zertifikat unter %1, gegen das das Zertifikat des Hosts geprüft werden könnte</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 holds no CA certificate</source>
        <translation>%1 enthält kein CA-Zertifikat</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>the host&apos;s certificate is for %1, not for %2</source>
        <translation>das Zertifikat des Hosts gilt für %1, nicht für %2</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>the host&apos;s certificate is issued by %1, which the CA certificate in %2 (%3) does not vouch for</source>
        <translation>das Zertifikat des Hosts ist von %1 ausgestellt, für die das CA-Zertifikat in %2 (%3) nicht bürgt</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the host&apos;s certificate expired on %1</source>
        <translation>das Zertifikat des Hosts ist am %1 abgelaufen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the host&apos;s certificate is valid only from %1</source>
        <translation>das Zertifikat des Hosts gilt erst ab %1</translation>
    </message>
</context>
<context>
    <name>Umbra::Traffic::Balancer</name>
    <message>
        <location filename="../core/traffic/balancer.cpp" line="+58"/>
        <source>A load balancer needs a name.</source>
        <translation>Ein Load Balancer braucht einen Namen.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Load balancer “%1” needs the address of its runtime API: a socket path or host:port.</source>
        <translation>Load Balancer „%1“ braucht die Adresse seiner Laufzeit-API: einen Socket-Pfad oder host:port.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Load balancer “%1”: “%2” is not an absolute socket path.</source>
        <translation>Load Balancer „%1“: „%2“ ist kein absoluter Socket-Pfad.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Load balancer “%1”: “%2” is neither a socket path nor host:port.</source>
        <translation>Load Balancer „%1“: „%2“ ist weder ein Socket-Pfad noch host:port.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>“%1” is not NAME=SOCKET (for example lab=/run/haproxy/admin.sock or lab=127.0.0.1:9999).</source>
        <translation>„%1“ ist nicht NAME=SOCKET (zum Beispiel lab=/run/haproxy/admin.sock oder lab=127.0.0.1:9999).</translation>
    </message>
</context>
<context>
    <name>Umbra::Traffic::RuntimeApi</name>
    <message>
        <location filename="../core/traffic/runtimeapi.cpp" line="+31"/>
        <source>Load balancer %1: %2: %3</source>
        <translation>Load Balancer %1: %2: %3</translation>
    </message>
    <message>
        <location line="+12"/>
        <location line="+6"/>
        <source>cannot connect: %1</source>
        <translation>keine Verbindung: %1</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>the command could not be sent: %1</source>
        <translation>der Befehl konnte nicht gesendet werden: %1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>its answer is larger than any HAProxy reply</source>
        <translation>seine Antwort ist größer als jede Antwort von HAProxy</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>no complete answer within %1 ms</source>
        <translation>keine vollständige Antwort binnen %1 ms</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>it has no server “%1”</source>
        <translation>es hat keinen Server „%1“</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>it has no backend “%1”</source>
        <translation>es hat kein Backend „%1“</translation>
    </message>
    <message>
        <location filename="../core/traffic/runtimereplies.cpp" line="+20"/>
        <source>it has no such backend</source>
        <translation>es hat kein solches Backend</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>it has no such server</source>
        <translation>es hat keinen solchen Server</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>its socket is below level admin (set “level admin” on the stats socket), so it refuses changes</source>
        <translation>sein Socket liegt unter Level admin („level admin“ am stats socket setzen) und lehnt daher Änderungen ab</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>it does not know the command (is it HAProxy 2.4 or newer?)</source>
        <translation>es kennt den Befehl nicht (ist es HAProxy 2.4 oder neuer?)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>it answered “%1”</source>
        <translation>es antwortete „%1“</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>it closed the connection without an answer</source>
        <translation>es schloss die Verbindung ohne Antwort</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>its answer is not HAProxy&apos;s runtime API: “%1”</source>
        <translation>seine Antwort ist nicht HAProxys Laufzeit-API: „%1“</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>its statistics were cut short</source>
        <translation>seine Statistik brach vorzeitig ab</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>its statistics have no column “%1”</source>
        <translation>seine Statistik hat keine Spalte „%1“</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>its statistics were cut short (line %1 has %2 of %3 fields)</source>
        <translation>seine Statistik brach vorzeitig ab (Zeile %1 hat %2 von %3 Feldern)</translation>
    </message>
    <message>
        <location line="+33"/>
        <location line="+22"/>
        <source>its answer was cut short</source>
        <translation>seine Antwort brach vorzeitig ab</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>its answer names no process</source>
        <translation>seine Antwort nennt keinen Prozess</translation>
    </message>
</context>
<context>
    <name>Umbra::Traffic::Shift</name>
    <message>
        <location filename="../core/traffic/shiftrequest.cpp" line="+102"/>
        <source>%1 is %2 by HAProxy&apos;s checks</source>
        <translation>%1 ist laut HAProxys Prüfungen %2</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 failed %2 of %3 requests (%4 %, the limit is %5 %)</source>
        <translation>%1 beantwortete %2 von %3 Anfragen fehlerhaft (%4 %, die Grenze ist %5 %)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 answers in %2 ms on average (the limit is %3 ms)</source>
        <translation>%1 antwortet im Mittel in %2 ms (die Grenze ist %3 ms)</translation>
    </message>
</context>
<context>
    <name>Umbra::Traffic::TrafficJob</name>
    <message>
        <location filename="../core/traffic/trafficjob.cpp" line="+49"/>
        <source>The traffic journal cannot be opened, so nothing was done: %1</source>
        <translation>Das Verkehrsjournal lässt sich nicht öffnen, daher wurde nichts getan: %1</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Load balancer %1 has no backend “%2”.</source>
        <translation>Load Balancer %1 hat kein Backend „%2“.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>The traffic journal cannot be written, so nothing was done: %1</source>
        <translation>Das Verkehrsjournal lässt sich nicht schreiben, daher wurde nichts getan: %1</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>The traffic journal cannot be written, so the step was not sent: %1</source>
        <translation>Das Verkehrsjournal lässt sich nicht schreiben, daher wurde der Schritt nicht gesendet: %1</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>Load balancer %1 has no server “%2” in backend “%3”.</source>
        <translation>Load Balancer %1 hat keinen Server „%2“ in Backend „%3“.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>A shift needs two different servers.</source>
        <translation>Eine Verlagerung braucht zwei verschiedene Server.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Backend “%1” balances with “%2”, which takes only weights of 0 % and 100 %: a gradual shift needs roundrobin, leastconn or random.</source>
        <translation>Backend „%1“ verteilt mit „%2“, das nur Gewichte von 0 % und 100 % annimmt: Eine schrittweise Verlagerung braucht roundrobin, leastconn oder random.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 is %2 by HAProxy&apos;s checks, so it cannot take requests.</source>
        <translation>%1 ist laut HAProxys Prüfungen %2 und kann daher keine Anfragen annehmen.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Found %1.</source>
        <translation>Vorgefunden: %1.</translation>
    </message>
    <message>
        <location line="+17"/>
        <location line="+93"/>
        <source>Cancelled by the operator at %1 %.</source>
        <translation>Vom Bediener bei %1 % abgebrochen.</translation>
    </message>
    <message>
        <location line="-79"/>
        <source>HAProxy was reloaded or restarted (pid %1 → %2): its weights were back to the configuration; step %3 was sent again.</source>
        <translation>HAProxy wurde neu geladen oder neu gestartet (PID %1 → %2): Seine Gewichte waren wieder die der Konfiguration; Schritt %3 wurde erneut gesendet.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Re-applied after a reload.</source>
        <translation>Nach einem Neuladen erneut angewandt.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>The gate at %1 % failed: %2.</source>
        <translation>Die Schranke bei %1 % hat nicht gehalten: %2.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1 % of %2&apos;s requests to %3</source>
        <translation>%1 % der Anfragen von %2 zu %3</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Step %1 of %2: %3 % (%4)</source>
        <translation>Schritt %1 von %2: %3 % (%4)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Step %1: %2 % (%3)</source>
        <translation>Schritt %1: %2 % (%3)</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Going back to %1 %: %2</source>
        <translation>Zurück zu %1 %: %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Back to %1 % (%2): %3</source>
        <translation>Zurück bei %1 % (%2): %3</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 Going back failed too, so the weights may be anywhere between the last two steps: %2</source>
        <translation>%1 Auch die Rückkehr schlug fehl; die Gewichte können irgendwo zwischen den letzten beiden Schritten liegen: %2</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 Held at %2 %, the last split that passed its gate.</source>
        <translation>%1 Bei %2 % gehalten, der letzten Aufteilung, die ihre Schranke bestand.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>%1 % of %2&apos;s requests go to %3.</source>
        <translation>%1 % der Anfragen von %2 gehen an %3.</translation>
    </message>
    <message>
        <location line="+29"/>
        <location line="+79"/>
        <source>Load balancer %1 has no server “%2”.</source>
        <translation>Load Balancer %1 hat keinen Server „%2“.</translation>
    </message>
    <message>
        <location line="-68"/>
        <source>%1 is the only server of backend “%2” that can take requests: draining it would refuse service.</source>
        <translation>%1 ist der einzige Server des Backends „%2“, der Anfragen annehmen kann: Ihn zu leeren, würde den Dienst verweigern.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Draining %1</source>
        <translation>Leere %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Drain %1</source>
        <translation>%1 leeren</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>%1 was set to drain, but its sessions cannot be read: %2</source>
        <translation>%1 wurde auf Drain gesetzt, aber seine Sitzungen lassen sich nicht lesen: %2</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Cancelled by the operator; %1 is back in balancing.</source>
        <translation>Vom Bediener abgebrochen; %1 ist wieder in der Verteilung.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 still has %2 sessions after %3 s; it stays drained (no new requests).</source>
        <translation>%1 hat nach %3 s noch %2 Sitzungen; er bleibt im Drain (keine neuen Anfragen).</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 is drained.</source>
        <translation>%1 ist geleert.</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>Restoring %1</source>
        <translation>Stelle %1 wieder her</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Restore %1</source>
        <translation>%1 wiederherstellen</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Restored by action %1.</source>
        <translation>Durch Aktion %1 wiederhergestellt.</translation>
    </message>
</context>
<context>
    <name>Umbra::Traffic::TrafficJournal</name>
    <message>
        <location filename="../core/traffic/trafficjournal.cpp" line="+49"/>
        <location line="+130"/>
        <location line="+20"/>
        <source>Traffic journal: %1</source>
        <translation>Verkehrsjournal: %1</translation>
    </message>
    <message>
        <location line="-118"/>
        <source>Running</source>
        <translation>Läuft</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>In force</source>
        <translation>In Kraft</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Restored</source>
        <translation>Wiederhergestellt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Completed</source>
        <translation>Abgeschlossen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cancelled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Rolled back</source>
        <translation>Zurückgerollt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Needs attention</source>
        <translation>Eingriff nötig</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Shift</source>
        <translation>Verlagern</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Drain</source>
        <translation>Leeren</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Restore</source>
        <translation>Wiederherstellen</translation>
    </message>
    <message>
        <location line="+158"/>
        <source>There is no traffic action %1.</source>
        <translation>Es gibt keine Verkehrsaktion %1.</translation>
    </message>
</context>
<context>
    <name>Umbra::Traffic::TrafficReconciler</name>
    <message>
        <location filename="../core/traffic/trafficreconciler.cpp" line="+96"/>
        <source>it is not configured</source>
        <translation>er ist nicht eingerichtet</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 stays drained after an interrupted migration: %2</source>
        <translation>%1 bleibt nach einer unterbrochenen Migration geleert: %2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 was drained by migration %2, which was interrupted; it takes requests again.</source>
        <translation>%1 wurde von Migration %2 geleert, die unterbrochen wurde; er nimmt wieder Anfragen an.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Traffic action %1 on load balancer “%2” was interrupted; that load balancer is not configured, so its weights were not checked. Add it (File → Load balancers…) to restore them.</source>
        <translation>Verkehrsaktion %1 auf Load Balancer „%2“ wurde unterbrochen; dieser Load Balancer ist nicht eingerichtet, daher wurden seine Gewichte nicht geprüft. Fügen Sie ihn hinzu (Datei → Load Balancer …), um sie wiederherzustellen.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Traffic action %1 was interrupted and cannot be undone yet: %2. It is tried again at the next start.</source>
        <translation>Verkehrsaktion %1 wurde unterbrochen und lässt sich noch nicht rückgängig machen: %2. Beim nächsten Start wird es erneut versucht.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Traffic action %1 (%2 on %3/%4) was interrupted at step %5; HAProxy had %6; the weights it found were put back: %7.</source>
        <translation>Verkehrsaktion %1 (%2 auf %3/%4) wurde bei Schritt %5 unterbrochen; HAProxy hatte %6; die vorgefundenen Gewichte wurden wiederhergestellt: %7.</translation>
    </message>
    <message>
        <location line="+73"/>
        <source>%1 drained again</source>
        <translation>%1 erneut geleert</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Traffic action %1 is in force but cannot be checked: %2</source>
        <translation>Verkehrsaktion %1 ist in Kraft, lässt sich aber nicht prüfen: %2</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Load balancer %1 had lost what traffic action %2 set (reloaded or restarted?); sent again: %3.</source>
        <translation>Load Balancer %1 hatte verloren, was Verkehrsaktion %2 gesetzt hatte (neu geladen oder neu gestartet?); erneut gesendet: %3.</translation>
    </message>
</context>
<context>
    <name>Umbra::Traffic::TrafficService</name>
    <message>
        <location filename="../core/traffic/trafficservice.cpp" line="+94"/>
        <source>Load balancers could not be read: %1</source>
        <translation>Load Balancer konnten nicht gelesen werden: %1</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>Load balancer settings were not saved: %1</source>
        <translation>Einstellungen der Load Balancer wurden nicht gespeichert: %1</translation>
    </message>
    <message>
        <location line="+189"/>
        <location line="+56"/>
        <source>There is no load balancer “%1” (File → Load balancers…).</source>
        <translation>Es gibt keinen Load Balancer „%1“ (Datei → Load Balancer …).</translation>
    </message>
    <message>
        <location line="+66"/>
        <source>Plan %1 was not executed: %2</source>
        <translation>Plan %1 wurde nicht ausgeführt: %2</translation>
    </message>
</context>
<context>
    <name>Umbra::TrafficCommand</name>
    <message>
        <location filename="../app/trafficcommand.cpp" line="+37"/>
        <source>A load balancer: NAME=SOCKET, where SOCKET is the path of HAProxy&apos;s admin socket or its HOST:PORT. Repeatable; the console stores it.</source>
        <translation>Ein Load Balancer: NAME=SOCKET, wobei SOCKET der Pfad des Admin-Sockets von HAProxy oder dessen HOST:PORT ist. Wiederholbar; die Konsole speichert ihn.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Move a share of the requests that the VM &lt;name&gt; serves to --to, a server of the same backend, in gated steps, without a window: steps on standard error, one line of JSON on standard output.</source>
        <translation>Einen Anteil der Anfragen, die die VM &lt;name&gt; bedient, zu --to verlagern, einem Server desselben Backends, in geprüften Schritten, ohne Fenster: Schritte auf der Standardfehlerausgabe, eine JSON-Zeile auf der Standardausgabe.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>With --shift, the share of the VM&apos;s requests to move (default 100).</source>
        <translation>Mit --shift der Anteil der Anfragen der VM, der verlagert wird (Vorgabe 100).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>With --shift, the shares to pass through (default 5,25,50,100).</source>
        <translation>Mit --shift die Anteile, die durchlaufen werden (Vorgabe 5,25,50,100).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>With --shift, how long each step is held and watched (default 10).</source>
        <translation>Mit --shift, wie lange jeder Schritt gehalten und beobachtet wird (Vorgabe 10).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>With --shift, the receiving server&apos;s largest share of failed requests during a step (default 1).</source>
        <translation>Mit --shift der größte Anteil fehlgeschlagener Anfragen des übernehmenden Servers während eines Schritts (Vorgabe 1).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>With --shift, the receiving server&apos;s longest average response time during a step (default 500).</source>
        <translation>Mit --shift die längste mittlere Antwortzeit des übernehmenden Servers während eines Schritts (Vorgabe 500).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>With --shift, --drain or --restore, the backend, when the VM is a server of several.</source>
        <translation>Mit --shift, --drain oder --restore das Backend, wenn die VM Server in mehreren ist.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Take the VM &lt;name&gt; out of its load balancers&apos; rotation and wait until its sessions have ended, without a window.</source>
        <translation>Die VM &lt;name&gt; aus der Verteilung ihrer Load Balancer nehmen und warten, bis ihre Sitzungen beendet sind, ohne Fenster.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>With --drain, how long to wait for open sessions (default 30).</source>
        <translation>Mit --drain, wie lange auf offene Sitzungen gewartet wird (Vorgabe 30).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Put back what the shifts and drains in force on the VM &lt;name&gt; changed, without a window.</source>
        <translation>Zurücksetzen, was die wirksamen Verlagerungen und Leerungen der VM &lt;name&gt; geändert haben, ohne Fenster.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Give one of --shift, --drain and --restore.</source>
        <translation>Geben Sie eines von --shift, --drain und --restore an.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>--percent wants a share from 0 to 100, not “%1”.</source>
        <translation>--percent erwartet einen Anteil von 0 bis 100, nicht „%1“.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>--steps wants shares from 1 to 100 separated by commas, not “%1”.</source>
        <translation>--steps erwartet Anteile von 1 bis 100, durch Kommas getrennt, nicht „%1“.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>--hold wants seconds from 0 to 3600, not “%1”.</source>
        <translation>--hold erwartet Sekunden von 0 bis 3600, nicht „%1“.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>--max-errors wants a share from 0 to 100, not “%1”.</source>
        <translation>--max-errors erwartet einen Anteil von 0 bis 100, nicht „%1“.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>--max-response wants milliseconds, not “%1”.</source>
        <translation>--max-response erwartet Millisekunden, nicht „%1“.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>--drain-timeout wants seconds, not “%1”.</source>
        <translation>--drain-timeout erwartet Sekunden, nicht „%1“.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>--shift needs --to SERVER, the server that takes the requests.</source>
        <translation>--shift braucht --to SERVER, den Server, der die Anfragen übernimmt.</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>No load balancer is configured: give --balancer NAME=SOCKET.</source>
        <translation>Kein Load Balancer ist eingerichtet: geben Sie --balancer NAME=SOCKET an.</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>finding the servers of %1</source>
        <translation>Server von %1 werden gesucht</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1 is no server of a configured load balancer%2.</source>
        <translation>%1 ist kein Server eines eingerichteten Load Balancers%2.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source> in backend “%1”</source>
        <translation> im Backend „%1“</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>No backend has both %1 and %2.</source>
        <translation>Kein Backend hat sowohl %1 als auch %2.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>planning</source>
        <translation>Planung</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>plan %1</source>
        <translation>Plan %1</translation>
    </message>
</context>
<context>
    <name>Umbra::TrafficMappingDialog</name>
    <message>
        <location filename="../ui/trafficmappingdialog.cpp" line="+21"/>
        <source>Traffic mapping of %1</source>
        <translation>Verkehrszuordnung von %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Umbra finds a VM&apos;s servers by their name or address. Where neither matches, say which server this VM is; traffic actions and migrations then drain and restore that one.</source>
        <translation>Umbra findet die Server einer VM über ihren Namen oder ihre Adresse. Wo beides nicht passt, geben Sie an, welcher Server diese VM ist; Verkehrsaktionen und Migrationen leeren und wiederherstellen dann diesen.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Load balancer:</source>
        <translation>Load Balancer:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Server:</source>
        <translation>Server:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Set</source>
        <translation>Setzen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Clear</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove this VM&apos;s mapping in the chosen load balancer</source>
        <translation>Die Zuordnung dieser VM im gewählten Load Balancer entfernen</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>No mapping in %1: found by name or address.</source>
        <translation>Keine Zuordnung in %1: über Name oder Adresse gefunden.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mapped in %1 to %2.</source>
        <translation>In %1 zugeordnet zu %2.</translation>
    </message>
</context>
<context>
    <name>Umbra::TrafficModel</name>
    <message>
        <location filename="../ui/trafficmodel.cpp" line="+88"/>
        <source>Weight %1 of %2 in backend %3</source>
        <translation>Gewicht %1 von %2 in Backend %3</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 server errors (5xx), %2 connection errors, %3 response errors since HAProxy started</source>
        <translation>%1 Serverfehler (5xx), %2 Verbindungsfehler, %3 Antwortfehler seit dem Start von HAProxy</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Average over the last 1024 requests</source>
        <translation>Mittel über die letzten 1024 Anfragen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sessions per second over the last second</source>
        <translation>Sitzungen pro Sekunde in der letzten Sekunde</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>%1/s</source>
        <translation>%1/s</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Weight</source>
        <translation>Gewicht</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Share</source>
        <translation>Anteil</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sessions</source>
        <translation>Sitzungen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Requests</source>
        <translation>Anfragen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Errors</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Response</source>
        <translation>Antwort</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
</context>
<context>
    <name>Umbra::TrafficPage</name>
    <message>
        <location filename="../ui/trafficpage.cpp" line="+59"/>
        <source>Traffic</source>
        <translation>Verkehr</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Load Balancers…</source>
        <translation>Load Balancer …</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add, test or remove the HAProxy instances Umbra drives</source>
        <translation>Die HAProxy-Instanzen, die Umbra steuert, hinzufügen, testen oder entfernen</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Backend:</source>
        <translation>&amp;Backend:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Shift…</source>
        <translation>Verlagern …</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Move requests from the selected server to another of its backend, in gated steps</source>
        <translation>Anfragen vom gewählten Server zu einem anderen seines Backends verlagern, in Schritten mit Schranke</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Drain</source>
        <translation>Leeren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Take the selected server out of balancing and wait until its sessions have ended</source>
        <translation>Den gewählten Server aus der Verteilung nehmen und warten, bis seine Sitzungen beendet sind</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Restore</source>
        <translation>Wiederherstellen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Put back the weights and states that the shifts and drains in force on this backend found</source>
        <translation>Die Gewichte und Zustände wiederherstellen, die die wirksamen Verlagerungen und Drains dieses Backends vorfanden</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>Requests</source>
        <translation>Anfragen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>rate</source>
        <translation>Rate</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Errors</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>errors</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Response time</source>
        <translation>Antwortzeit</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>average</source>
        <translation>Mittel</translation>
    </message>
    <message>
        <location line="+13"/>
        <location line="+4"/>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <location line="-4"/>
        <location line="+4"/>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>Step</source>
        <translation>Schritt</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Progress</source>
        <translation>Fortschritt</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Doing</source>
        <translation>Tut</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Last change</source>
        <translation>Letzte Änderung</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Balancer/backend</source>
        <translation>Balancer/Backend</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&lt;b&gt;Traffic actions&lt;/b&gt; — those in force are marked; Restore ends them</source>
        <translation>&lt;b&gt;Verkehrsaktionen&lt;/b&gt; – wirksame sind markiert; Wiederherstellen beendet sie</translation>
    </message>
    <message>
        <location line="+114"/>
        <source>%1 (reading…)</source>
        <translation>%1 (wird gelesen …)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 (cannot be read)</source>
        <translation>%1 (nicht lesbar)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 (no backends)</source>
        <translation>%1 (keine Backends)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 / %2 — %3</source>
        <translation>%1 / %2 – %3</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>no load balancer</source>
        <translation>kein Load Balancer</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>cannot be read</source>
        <translation>nicht lesbar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 of %2 load balancers cannot be read</source>
        <translation>%1 von %2 Load Balancern sind nicht lesbar</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>1 load balancer</source>
        <translation>1 Load Balancer</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 load balancers</source>
        <translation>%1 Load Balancer</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The database is open read-only: load balancers and traffic actions are not available.</source>
        <translation>Die Datenbank ist schreibgeschützt geöffnet: Load Balancer und Verkehrsaktionen sind nicht verfügbar.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>No load balancer yet. Add HAProxy&apos;s runtime API under File → Load Balancers…</source>
        <translation>Noch kein Load Balancer. Fügen Sie die Laufzeit-API von HAProxy unter Datei → Load Balancer … hinzu</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Reading %1…</source>
        <translation>Lese %1 …</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 cannot be read:
%2</source>
        <translation>%1 ist nicht lesbar:
%2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 has no backend with servers.</source>
        <translation>%1 hat kein Backend mit Servern.</translation>
    </message>
    <message>
        <location line="+65"/>
        <source>Select a server to chart its last hour.</source>
        <translation>Wählen Sie einen Server, um seine letzte Stunde zu zeigen.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>%1 %2/%3 over the last hour, as stored at each collection: requests and errors per second, HAProxy&apos;s average response time.</source>
        <translation>%1 %2/%3 in der letzten Stunde, wie bei jeder Erfassung gespeichert: Anfragen und Fehler pro Sekunde, HAProxys mittlere Antwortzeit.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Draining %1/%2…</source>
        <translation>Leere %1/%2 …</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Restoring %1…</source>
        <translation>Stelle %1 wieder her …</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stop and go back to the weights this action found</source>
        <translation>Anhalten und zu den Gewichten zurückkehren, die diese Aktion vorfand</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>%1 % moved</source>
        <translation>%1 % verlagert</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>checking</source>
        <translation>prüft</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+6"/>
        <source>%1 of %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>%1 of %2: %3</source>
        <translation>%1 von %2: %3</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 of %2: %3 — %4</source>
        <translation>%1 von %2: %3 – %4</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>%1/%2</source>
        <translation>%1/%2</translation>
    </message>
</context>
<context>
    <name>Umbra::TrafficRedirector</name>
    <message>
        <location filename="../core/traffic/balancerredirector.cpp" line="+20"/>
        <source>Skipped: no load balancer is configured, so the traffic of %1 follows its address.</source>
        <translation>Übersprungen: Kein Load Balancer ist eingerichtet, daher folgt der Verkehr von %1 seiner Adresse.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Load balancer drain</source>
        <translation>Drain im Load Balancer</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Skipped: no server of a configured load balancer is %1, so there is nothing to drain.</source>
        <translation>Übersprungen: Kein Server eines eingerichteten Load Balancers ist %1, daher gibt es nichts zu leeren.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>drained %1</source>
        <translation>%1 geleert</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>drained %1 (%2)</source>
        <translation>%1 geleert (%2)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>not drained %1: %2</source>
        <translation>%1 nicht geleert: %2</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>restored %1</source>
        <translation>%1 wiederhergestellt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Restoring traffic failed for %1</source>
        <translation>Wiederherstellen des Verkehrs für %1 fehlgeschlagen</translation>
    </message>
</context>
<context>
    <name>Umbra::ValidationScheduleBox</name>
    <message>
        <location filename="../ui/validationschedulebox.cpp" line="+14"/>
        <source>Every</source>
        <translation>Alle</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Only when asked (Validate now, or before a planned failover)</source>
        <translation>Nur auf Anforderung (Jetzt prüfen oder vor einem geplanten Failover)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source> h</source>
        <translation> h</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hours between validations</source>
        <translation>Stunden zwischen Prüfungen</translation>
    </message>
    <message numerus="yes">
        <location line="+46"/>
        <source>Every %n hour(s) (the console&apos;s schedule)</source>
        <translation>
            <numerusform>Jede Stunde (Zeitplan der Konsole)</numerusform>
            <numerusform>Alle %n Stunden (Zeitplan der Konsole)</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Only when asked (the console&apos;s schedule)</source>
        <translation>Nur auf Anforderung (Zeitplan der Konsole)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Only when asked</source>
        <translation>Nur auf Anforderung</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Every %n hour(s)</source>
        <translation>
            <numerusform>Jede Stunde</numerusform>
            <numerusform>Alle %n Stunden</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Umbra::VmPage</name>
    <message>
        <location filename="../ui/vmpage.cpp" line="+77"/>
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
        <location line="+82"/>
        <source>Memory</source>
        <translation>Arbeitsspeicher</translation>
    </message>
    <message>
        <location line="-81"/>
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
        <translation>Gesundheit</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Traffic</source>
        <translation>Verkehr</translation>
    </message>
    <message>
        <location line="+208"/>
        <source>Change…</source>
        <translation>Ändern…</translation>
    </message>
    <message>
        <location line="-204"/>
        <source>Dedicated pools take only their customer&apos;s VMs</source>
        <translation>Dedizierte Pools nehmen nur die VMs ihres Kunden auf</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Customer</source>
        <translation>Kunde</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Shadow</source>
        <translation>Schatten</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Migrate…</source>
        <translation>Migrieren …</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Move this VM to another host while it runs</source>
        <translation>Diese VM im laufenden Betrieb auf einen anderen Host verschieben</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The database is open read-only; migrations need to journal their steps there.</source>
        <translation>Die Datenbank ist nur zum Lesen geöffnet; Migrationen müssen ihre Schritte dort protokollieren.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Start, shut down, pause… this VM, or open its console</source>
        <translation>Diese VM starten, herunterfahren, anhalten … oder ihre Konsole öffnen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Traffic…</source>
        <translation>Verkehr …</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Say which load balancer server this VM is</source>
        <translation>Angeben, welcher Load-Balancer-Server diese VM ist</translation>
    </message>
    <message>
        <location line="+26"/>
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
        <source>History is kept to 0.01 % CPU, 1 KiB memory, 1 B/s throughput and 0.01/s operations; longer ranges show each pixel&apos;s average with its min–max band. Dashed lines are forecasts, shaded with their 80 % and 95 % intervals; dots mark anomalies (hover for why).</source>
        <translation>Der Verlauf wird auf 0,01 % CPU, 1 KiB Arbeitsspeicher, 1 B/s Durchsatz und 0,01/s Operationen genau gespeichert; längere Zeiträume zeigen je Pixel den Mittelwert mit seinem Min.-Max.-Band. Gestrichelte Linien sind Prognosen, schattiert mit ihren 80-%- und 95-%-Intervallen; Punkte markieren Anomalien (Mauszeiger darauf zeigt den Grund).</translation>
    </message>
    <message>
        <location line="+154"/>
        <source>No standby replica: if this VM&apos;s host is lost, so is the VM until it is started elsewhere.</source>
        <translation>Kein bereitstehendes Replikat: Fällt der Host dieser VM aus, ist auch die VM weg, bis sie anderswo gestartet wird.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Create shadow…</source>
        <translation>Schatten anlegen …</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 on %2</source>
        <translation>%1 auf %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source> (simulated)</source>
        <translation> (simuliert)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>, validated %1</source>
        <translation>, geprüft %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>, validation failed %1</source>
        <translation>, Prüfung gescheitert %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Validation schedule: %1</source>
        <translation>Prüfplan: %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Validate now</source>
        <translation>Jetzt prüfen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fail over…</source>
        <translation>Failover …</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Remove…</source>
        <translation>Entfernen …</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>No customer: the VM lands only on hosts of general pools.</source>
        <translation>Kein Kunde: Die VM landet nur auf Hosts allgemeiner Pools.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1 has no dedicated pool: the VM lands on hosts of general pools.</source>
        <translation>%1 hat keinen dedizierten Pool: Die VM landet auf Hosts allgemeiner Pools.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Besides general pools, the VM may land on the dedicated pools of %1: %2.</source>
        <translation>Außer auf allgemeinen Pools darf die VM auf den dedizierten Pools von %1 landen: %2.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>no load balancer</source>
        <translation>kein Load Balancer</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>no load balancer (File → Load Balancers…)</source>
        <translation>kein Load Balancer (Datei → Load Balancer …)</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1, %2 of the requests</source>
        <translation>%1, %2 der Anfragen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 %2%3: %4 — split %5</source>
        <translation>%1 %2%3: %4 – Aufteilung %5</translation>
    </message>
    <message>
        <location line="+2"/>
        <source> (mapped)</source>
        <translation> (zugeordnet)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1, backend %2: %3</source>
        <translation>%1, Backend %2: %3</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>not a server of any load balancer (none by its name or mapping)</source>
        <translation>kein Server eines Load Balancers (keiner nach Name oder Zuordnung)</translation>
    </message>
    <message>
        <location line="+20"/>
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
        <location line="-150"/>
        <location line="+52"/>
        <location line="+100"/>
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
        <location filename="../app/commandline.cpp" line="+81"/>
        <source>--retention wants resolution=duration pairs such as raw=48h,1m=14d,5m=90d,1h=2y, not “%1”.</source>
        <translation>--retention erwartet Paare aus Auflösung=Dauer wie raw=48h,1m=14d,5m=90d,1h=2y, nicht „%1“.</translation>
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
        <translation>Den Verlauf je Auflösung für die angegebenen Zeiträume aufbewahren, z. B. raw=48h,1m=14d,5m=90d,1h=2y (die Standardwerte).</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Write the stored history of &lt;entity&gt; (vm/NAME, vm/UUID or host/URI) as CSV and exit, without a window.</source>
        <translation>Den gespeicherten Verlauf von &lt;entity&gt; (vm/NAME, vm/UUID oder host/URI) als CSV schreiben und beenden, ohne Fenster.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>With --export-csv, how far back to go, e.g. 30m, 24h, 7d (default 24h).</source>
        <translation>Mit --export-csv, wie weit zurückgegangen wird, z. B. 30m, 24h, 7d (Standard: 24h).</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>With --export-csv, the file to write (default: standard output).</source>
        <translation>Mit --export-csv die zu schreibende Datei (Standard: Standardausgabe).</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Store the series of the CSV file &lt;path&gt; (time first, then one column per series) and exit, without a window.</source>
        <translation>Die Zeitreihen der CSV-Datei &lt;path&gt; speichern (zuerst die Zeit, dann eine Spalte je Zeitreihe) und beenden, ohne Fenster.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>With --import-csv, store the columns as series &lt;prefix&gt;/&lt;column&gt; (default: import/&lt;file name&gt;).</source>
        <translation>Mit --import-csv die Spalten als Zeitreihen &lt;prefix&gt;/&lt;column&gt; speichern (Standard: import/&lt;Dateiname&gt;).</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Read the hardware health of host &lt;uri&gt; from a Prometheus node or smartctl exporter (repeatable), given as &lt;uri&gt;=&lt;url&gt;, e.g. qemu+tcp://hv1/system=http://hv1:9100/metrics.</source>
        <translation>Den Hardwarezustand des Hosts &lt;uri&gt; von einem Prometheus Node Exporter oder smartctl-Exporter lesen (mehrfach möglich), angegeben als &lt;uri&gt;=&lt;url&gt;, z. B. qemu+tcp://hv1/system=http://hv1:9100/metrics.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Check that the audit trail&apos;s chain of hashes is whole, and exit without a window: status 0 when it is, 5 when an entry was changed, removed or inserted.</source>
        <translation>Prüfen, ob die Hash-Kette des Prüfpfads vollständig ist, und ohne Fenster beenden: Status 0, wenn ja, 5, wenn ein Eintrag verändert, entfernt oder eingefügt wurde.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Write a consistent copy of the database to PATH with SQLite&apos;s online backup, also while a console writes to it, and exit without a window.</source>
        <translation>Eine konsistente Kopie der Datenbank mit der Online-Sicherung von SQLite nach PATH schreiben, auch während eine Konsole hineinschreibt, und ohne Fenster beenden.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Collect from the fleet until every host is scored, evaluate the policy once and print what it would propose as JSON, without a window; nothing is stored or executed.</source>
        <translation>Von der Flotte erfassen, bis jeder Host bewertet ist, die Richtlinie einmal auswerten und ihre Vorschläge als JSON ausgeben, ohne Fenster; nichts wird gespeichert oder ausgeführt.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Run the engine and the policy without a window, acting at the stored automation levels and writing the event log to standard output, until Ctrl-C or --quit-after.</source>
        <translation>Engine und Richtlinie ohne Fenster laufen lassen, auf den gespeicherten Automatisierungsstufen handeln und das Ereignisprotokoll auf die Standardausgabe schreiben, bis Strg+C oder --quit-after.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Store the fleet&apos;s automation &lt;level&gt; (off, manual, approve or automatic) first; alone, store it and exit.</source>
        <translation>Zuerst die Automatisierungsstufe &lt;level&gt; der Flotte speichern (off, manual, approve oder automatic); allein: speichern und beenden.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Read the hosts&apos; hardware exporters every &lt;seconds&gt; (default 60).</source>
        <translation>Die Hardware-Exporter der Hosts alle &lt;seconds&gt; Sekunden lesen (Standard: 60).</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Read the VM usage of the hosts given with --connect from the Prometheus server at &lt;url&gt;, which scrapes their prometheus-libvirt-exporter, instead of from libvirt; stored with the hosts.</source>
        <translation>Die VM-Auslastung der mit --connect angegebenen Hosts vom Prometheus-Server unter &lt;url&gt; lesen, der ihren prometheus-libvirt-exporter abfragt, statt von libvirt; wird mit den Hosts gespeichert.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Serve Umbra&apos;s health scores, forecasts and risks to Prometheus at http://&lt;address&gt;/metrics: PORT (loopback only), ADDRESS:PORT or [IPv6]:PORT.</source>
        <translation>Umbras Gesundheitswerte, Prognosen und Risiken für Prometheus unter http://&lt;address&gt;/metrics bereitstellen: PORT (nur Loopback), ADRESSE:PORT oder [IPv6]:PORT.</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>--exporter wants &lt;uri&gt;=&lt;http(s) url&gt;, not “%1”.</source>
        <translation>--exporter erwartet &lt;uri&gt;=&lt;http(s)-URL&gt;, nicht „%1“.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>--interval wants seconds between 0.1 and 3600, not “%1”.</source>
        <translation>--interval erwartet Sekunden zwischen 0,1 und 3600, nicht „%1“.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>--hardware-interval wants seconds between 1 and 86400, not “%1”.</source>
        <translation>--hardware-interval erwartet Sekunden zwischen 1 und 86400, nicht „%1“.</translation>
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
        <location line="+8"/>
        <source>--screenshot wants a file ending in .png or .jpg, not “%1”.</source>
        <translation>--screenshot erwartet eine Datei mit der Endung .png oder .jpg, nicht „%1“.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>--theme is light or dark, not “%1”.</source>
        <translation>--theme ist light oder dark, nicht „%1“.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>--prometheus: %1</source>
        <translation>--prometheus: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>--prometheus reads the hosts given with --connect; give at least one.</source>
        <translation>--prometheus liest die mit --connect angegebenen Hosts; mindestens einen angeben.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>--metrics-listen: %1</source>
        <translation>--metrics-listen: %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>--since wants a duration such as 30m, 24h or 7d, not “%1”.</source>
        <translation>--since erwartet eine Dauer wie 30m, 24h oder 7d, nicht „%1“.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>--export-csv wants vm/NAME, vm/UUID or host/URI, not “%1”.</source>
        <translation>--export-csv erwartet vm/NAME, vm/UUID oder host/URI, nicht „%1“.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>--print-inventory needs at least one --connect URI (or --demo).</source>
        <translation>--print-inventory braucht mindestens ein --connect URI (oder --demo).</translation>
    </message>
    <message>
        <location filename="../app/consolesetup.cpp" line="+55"/>
        <source>Umbra cannot start</source>
        <translation>Umbra kann nicht starten</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>
… and %1 more</source>
        <translation>
… und %1 weitere</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>%1 is damaged; SQLite&apos;s check found:
%2</source>
        <translation>%1 ist beschädigt; die Prüfung von SQLite fand:
%2</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+37"/>
        <source>The database is damaged</source>
        <translation>Die Datenbank ist beschädigt</translation>
    </message>
    <message>
        <location line="-34"/>
        <source>Open it read-only to look at its history without changing it, or keep a copy (%1) for repair and go on writing to it. Writing may lose what the damaged pages held.</source>
        <translation>Öffnen Sie sie nur zum Lesen, um den Verlauf unverändert anzusehen, oder behalten Sie eine Kopie (%1) zur Reparatur und schreiben Sie weiter hinein. Beim Weiterschreiben kann verloren gehen, was die beschädigten Seiten enthielten.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Open Read-Only</source>
        <translation>Nur lesend öffnen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Keep a Copy and Continue</source>
        <translation>Kopie behalten und fortfahren</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>%1 is damaged; SQLite&apos;s check, finished after the start, found:
%2</source>
        <translation>%1 ist beschädigt; die nach dem Start abgeschlossene Prüfung von SQLite fand:
%2</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Umbra goes on writing to it, which may lose what the damaged pages held. To look at its history without changing it, or to keep a copy for repair, quit and start Umbra again: it asks before writing.</source>
        <translation>Umbra schreibt weiter hinein, wodurch verloren gehen kann, was die beschädigten Seiten enthielten. Um den Verlauf unverändert anzusehen oder eine Kopie zur Reparatur aufzubewahren, beenden Sie Umbra und starten Sie es erneut: Es fragt vor dem Schreiben.</translation>
    </message>
    <message>
        <location line="+164"/>
        <source>Hosts not added</source>
        <translation>Hosts nicht hinzugefügt</translation>
    </message>
    <message>
        <location filename="../app/inventoryprinter.cpp" line="+110"/>
        <source>No answer within %1 s.</source>
        <translation>Keine Antwort innerhalb von %1 s.</translation>
    </message>
    <message>
        <location filename="../app/historycommands.cpp" line="+58"/>
        <location line="+128"/>
        <source>There is no database at %1.</source>
        <translation>Unter %1 gibt es keine Datenbank.</translation>
    </message>
    <message>
        <location line="-107"/>
        <source>No history is stored for %1 in %2.</source>
        <translation>Für %1 ist in %2 kein Verlauf gespeichert.</translation>
    </message>
    <message>
        <location line="+65"/>
        <source>Importing %1 failed; nothing was stored: %2</source>
        <translation>Der Import von %1 ist fehlgeschlagen; es wurde nichts gespeichert: %2</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Copied %1 to %2 (%3 MiB in %4 ms); the copy passes SQLite&apos;s integrity check.</source>
        <translation>%1 nach %2 kopiert (%3 MiB in %4 ms); die Kopie besteht die Integritätsprüfung von SQLite.</translation>
    </message>
    <message numerus="yes">
        <location line="+27"/>
        <source>The audit trail of %1 is whole: %n entries.</source>
        <translation>
            <numerusform>Der Prüfpfad von %1 ist vollständig: %n Eintrag.</numerusform>
            <numerusform>Der Prüfpfad von %1 ist vollständig: %n Einträge.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The audit trail of %1 is broken: %2</source>
        <translation>Der Prüfpfad von %1 ist gebrochen: %2</translation>
    </message>
    <message>
        <location filename="../app/policycommand.cpp" line="+60"/>
        <source>Unknown automation level “%1”: off, manual, approve or automatic.</source>
        <translation>Unbekannte Automatisierungsstufe „%1“: off, manual, approve oder automatic.</translation>
    </message>
    <message numerus="yes">
        <location line="+58"/>
        <source>Collecting from %n host(s)…</source>
        <translation>
            <numerusform>Erfasse von %n Host…</numerusform>
            <numerusform>Erfasse von %n Hosts…</numerusform>
        </translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The fleet was not seen whole within %1 s; nothing was evaluated.</source>
        <translation>Die Flotte war nicht innerhalb von %1 s vollständig zu sehen; nichts wurde ausgewertet.</translation>
    </message>
    <message numerus="yes">
        <location line="+24"/>
        <source>%n proposal(s).</source>
        <translation>
            <numerusform>%n Vorschlag.</numerusform>
            <numerusform>%n Vorschläge.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+42"/>
        <source>Autopilot on %n host(s), automation “%1”.</source>
        <translation>
            <numerusform>Autopilot auf %n Host, Automatisierung „%1“.</numerusform>
            <numerusform>Autopilot auf %n Hosts, Automatisierung „%1“.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Stopping.</source>
        <translation>Wird beendet.</translation>
    </message>
</context>
</TS>
