#pragma once

#include "migratecommand.h"
#include "series/serieswriter.h"
#include "shadowcommand.h"
#include "trafficcommand.h"

#include <QHash>
#include <QString>
#include <QStringList>
#include <optional>

class QCoreApplication;

namespace Umbra {

struct CommandLine
{
    QStringList connectUris;
    QHash<QString, QString> exporterUrls; // by host URI
    bool demo = false;
    QString databasePath; // empty: the default for the mode
    int intervalMs = 5000;
    int hardwareIntervalMs = 60000; // how often exporters are read
    bool printInventory = false;
    int inventoryTimeoutS = 30;
    QString screenshotPath;
    double quitAfterS = 0;
    QString theme; // "light", "dark" or empty for the system's
    Series::Retention retention;
    // History commands, run without a window.
    QString exportEntity; // "vm/<uuid or name>" or "host/<uri>"
    qint64 sinceMs = 24 * 3600 * 1000;
    QString outputPath; // empty or "-": standard output
    QString importPath;
    QString importPrefix;
    bool auditVerify = false; // --audit-verify
    QString backupPath; // --backup
    bool policyOnce = false; // --policy-once
    bool autopilot = false; // --autopilot
    QString automationLevel; // --automation
    QString prometheusUrl; // --prometheus: read the --connect hosts' VM usage there
    QString metricsListen; // --metrics-listen: serve /metrics there; empty: not at all
    MigrateCommandLine migrate; // --migrate and --reconcile
    TrafficCommandLine traffic; // --balancer, --shift, --drain, --restore
    ShadowCommandLine shadow; // --replica-agent, --shadow, --failover, --unshadow
    QString error; // set when the arguments are unusable
};

// Parses the console's arguments; --help and --version exit from here.
CommandLine parseCommandLine(const QCoreApplication &app);

// "90s", "30m", "48h", "14d", "2w", "2y" in milliseconds.
std::optional<qint64> parseDuration(const QString &text);

// True when the arguments ask for a run without a window, so main() can pick
// QCoreApplication before any QApplication (and display) exists.
bool isHeadless(int argc, char **argv);

} // namespace Umbra
