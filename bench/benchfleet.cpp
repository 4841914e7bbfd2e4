#include "benchfleet.h"

#include "demo/demobackfill.h"
#include "demo/demofleet.h"

#include <QCommandLineParser>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <cstdio>
#include <sys/resource.h>

namespace Umbra::Bench {

bool addGeneratedFleet(Engine &engine, const QString &dir, int hosts, int vmsPerHost)
{
    for (int h = 0; h < hosts; ++h) {
        const QString name = QStringLiteral("bench%1").arg(h, 2, 10, QLatin1Char('0'));
        auto uri = DemoFleet::writeGeneratedFleet(
            dir + QLatin1Char('/') + name + QStringLiteral(".xml"), name, vmsPerHost);
        if (!uri) {
            std::fprintf(stderr, "%s\n", qPrintable(uri.error()));
            return false;
        }
        if (auto added = engine.fleet()->addHost(HostConfig{ uri.value(), true }); !added) {
            std::fprintf(stderr, "%s\n", qPrintable(added.error()));
            return false;
        }
    }
    return true;
}

bool openFleet(Engine &engine, const QString &temporaryDir, const FleetOptions &options)
{
    const QString dir = options.databaseDir.isEmpty() ? temporaryDir : options.databaseDir;
    const QString path = dir + QStringLiteral("/bench.db");
    const bool reopened = QFileInfo::exists(path);
    if (!reopened && !QDir().mkpath(dir)) {
        std::fprintf(stderr, "cannot create %s\n", qPrintable(dir));
        return false;
    }
    engine.setIntervalMs(options.intervalMs);
    if (auto opened = engine.openStore(path); !opened) {
        std::fprintf(stderr, "%s\n", qPrintable(opened.error()));
        return false;
    }
    if (reopened)
        return true;
    if (options.historyDays > 0) {
        engine.demoBackfill()->setEnabled(true);
        engine.demoBackfill()->setHistoryMs(options.historyDays * 24 * 3600 * 1000LL);
    }
    return addGeneratedFleet(engine, dir, options.hosts, options.vmsPerHost);
}

FleetOptions parseFleetOptions(const QCoreApplication &app, const FleetOptions &defaults)
{
    QCommandLineParser parser;
    parser.addHelpOption();
    const auto option = [](const char *name, const char *description, int value) {
        return QCommandLineOption(QLatin1String(name), QLatin1String(description),
                                  QStringLiteral("n"), QString::number(value));
    };
    const QCommandLineOption hosts = option("hosts", "hosts", defaults.hosts);
    const QCommandLineOption vms = option("vms", "VMs per host", defaults.vmsPerHost);
    const QCommandLineOption interval
        = option("interval-ms", "collection interval", defaults.intervalMs);
    const QCommandLineOption seconds = option("seconds", "measurement time", defaults.seconds);
    const QCommandLineOption warmup
        = option("warmup", "seconds before measuring (connect, inventory, demo history backfill)",
                 defaults.warmupSeconds);
    const QCommandLineOption database(
        QStringLiteral("db"),
        QStringLiteral("keep the store and fleet files in this directory; reopen them if there"),
        QStringLiteral("dir"));
    const QCommandLineOption historyDays
        = option("history-days", "days of simulated history a new store starts with", 0);
    parser.addOptions({ hosts, vms, interval, seconds, warmup, database, historyDays });
    parser.process(app);
    return FleetOptions{ parser.value(hosts).toInt(),      parser.value(vms).toInt(),
                         parser.value(interval).toInt(),   parser.value(seconds).toInt(),
                         parser.value(warmup).toInt(),     parser.value(database),
                         parser.value(historyDays).toInt() };
}

double processCpuSeconds()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
        + double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

double peakRssMiB()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return double(usage.ru_maxrss) / 1024.0;
}

qint64 bytesWritten()
{
    QFile io(QStringLiteral("/proc/self/io"));
    if (!io.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray &line : io.readAll().split('\n'))
        if (line.startsWith("write_bytes:"))
            return line.mid(12).trimmed().toLongLong();
    return 0;
}

} // namespace Umbra::Bench
