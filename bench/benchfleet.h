#pragma once

#include "engine/engine.h"

#include <QCoreApplication>
#include <QString>

namespace Umbra::Bench {

// Adds `hosts` generated test-driver hosts of `vmsPerHost` VMs each, with
// simulated usage, to an engine whose store is open. Fleet files go to `dir`.
bool addGeneratedFleet(Engine &engine, const QString &dir, int hosts, int vmsPerHost);

// The options every fleet benchmark takes.
struct FleetOptions
{
    int hosts = 10;
    int vmsPerHost = 50;
    int intervalMs = 1000;
    int seconds = 30;
    int warmupSeconds = 10;
    // Where the store and the fleet's files live; a temporary directory when
    // empty. A directory that already holds a store is reopened as it is
    // (hosts, history and saved models), the way the console restarts.
    QString databaseDir;
    // Days of simulated history a new store starts with (the demo's backfill:
    // the last day at 15 s, the rest at five minutes); 0 leaves the bench's
    // own choice.
    int historyDays = 0;
};

// Parses --hosts, --vms, --interval-ms, --seconds, --warmup, --db and
// --history-days (exits on --help).
FleetOptions parseFleetOptions(const QCoreApplication &app, const FleetOptions &defaults);

// Opens a store in `dir` (options.databaseDir when set) and adds the
// generated fleet `options` describes, at its collection interval, unless the
// store was there already (with options.historyDays of history to fill in
// as its hosts connect); prints what went wrong and returns false on
// failure.
bool openFleet(Engine &engine, const QString &dir, const FleetOptions &options);

// CPU time (user + system) this process has used so far, in seconds.
double processCpuSeconds();

// Peak resident set size of this process, in MiB.
double peakRssMiB();

// Bytes this process has caused to be written to storage so far
// (/proc/self/io write_bytes: the database, its WAL and checkpoints).
qint64 bytesWritten();

} // namespace Umbra::Bench
