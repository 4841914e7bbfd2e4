// How many anomalies a calm fleet reports an hour, and how that changes as
// its detectors learn. The demo's workload generator
// (core/demo/workloadgenerator.h) drives the six series of each of N VMs
// (CPU and memory in percent, disk and network in bytes/s; the bursts,
// working day and drift of each VM's profile) through the console's
// AnomalyWatch at the collector's default pace, one sample every 5 s, twice:
// as the console runs it, each series learning for its first day before it
// reports, and reporting from the first sample on.
//
//   bench_alarm_rate [--vms N] [--days D]
//
// Human-readable lines first (anomalies an hour, per six hours), then one
// line with the figures as a JSON object. Results: docs/benchmarks.md.
#include "demo/workloadgenerator.h"
#include "predict/anomalywatch.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <cstdio>
#include <vector>

using namespace Umbra;

namespace {

constexpr qint64 kStepMs = 5000;
constexpr qint64 kHourMs = 3600 * 1000;
constexpr int kBlockHours = 6;

// Anomalies reported in each hour of the run.
std::vector<int> run(const QList<WorkloadProfile> &profiles, qint64 startMs, int hours,
                     qint64 learningMs)
{
    Predict::AnomalyWatch watch(learningMs);
    std::vector<int> perHour(size_t(hours), 0);
    const int utcOffset = WorkloadGenerator::utcOffsetAt(startMs);
    const QString metrics[]
        = { QStringLiteral("cpu"),     QStringLiteral("memory"), QStringLiteral("disk_rd"),
            QStringLiteral("disk_wr"), QStringLiteral("net_rx"), QStringLiteral("net_tx") };
    QStringList entities;
    for (qsizetype i = 0; i < profiles.size(); ++i)
        entities.append(QStringLiteral("vm/%1").arg(i));
    for (qint64 t = startMs; t < startMs + hours * kHourMs; t += kStepMs) {
        for (qsizetype i = 0; i < profiles.size(); ++i) {
            const WorkloadUsage u = WorkloadGenerator::usageAt(profiles[i], t, utcOffset);
            const double values[] = { 100 * u.cpu,           100 * u.memory,
                                      u.diskReadBytesPerSec, u.diskWriteBytesPerSec,
                                      u.netRxBytesPerSec,    u.netTxBytesPerSec };
            for (int m = 0; m < 6; ++m) {
                if (watch.observe(entities[i], metrics[m], t, values[m]))
                    ++perHour[size_t((t - startMs) / kHourMs)];
            }
        }
    }
    return perHour;
}

double perHourIn(const std::vector<int> &perHour, int fromHour, int hours)
{
    int sum = 0;
    for (int h = fromHour; h < fromHour + hours && h < int(perHour.size()); ++h)
        sum += perHour[size_t(h)];
    return double(sum) / hours;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Anomalies a calm simulated fleet reports an hour, as its detectors learn."));
    parser.addHelpOption();
    parser.addOption({ QStringLiteral("vms"), QStringLiteral("VMs in the fleet (default 21)."),
                       QStringLiteral("N"), QStringLiteral("21") });
    parser.addOption({ QStringLiteral("days"), QStringLiteral("Days to run (default 3)."),
                       QStringLiteral("D"), QStringLiteral("3") });
    parser.process(app);
    const int vms = std::max(1, parser.value(QStringLiteral("vms")).toInt());
    const int days = std::max(2, parser.value(QStringLiteral("days")).toInt());

    // Profiles as the demo draws them, from UUIDs of its form; a fixed Monday start.
    QList<WorkloadProfile> profiles;
    for (int i = 0; i < vms; ++i)
        profiles.append(WorkloadGenerator::profileFor(
            QStringLiteral("5eed0000-0000-4000-8000-%1").arg(i, 12, 10, QChar(u'0'))));
    const qint64 start = QDateTime::fromString(QStringLiteral("2026-11-23T00:00:00Z"), Qt::ISODate)
                             .toMSecsSinceEpoch();
    const int hours = 24 * days;
    const std::vector<int> learning
        = run(profiles, start, hours, Predict::AnomalyWatch::kLearningMs);
    const std::vector<int> eager = run(profiles, start, hours, 0);

    std::printf("%d VMs x 6 series, a sample every %lld s, from %s\n", vms, kStepMs / 1000,
                qPrintable(QDateTime::fromMSecsSinceEpoch(start, Qt::UTC).toString(Qt::ISODate)));
    std::printf("%-12s %22s %22s\n", "hours", "learning a day first", "reporting at once");
    for (int h = 0; h < hours; h += kBlockHours) {
        std::printf("%3d - %-6d %18.1f /h %18.1f /h\n", h, h + kBlockHours,
                    perHourIn(learning, h, kBlockHours), perHourIn(eager, h, kBlockHours));
    }
    QJsonObject figures;
    const auto byDay = [days](const std::vector<int> &perHour) {
        QJsonArray array;
        for (int d = 0; d < days; ++d)
            array.append(qRound(perHourIn(perHour, 24 * d, 24) * 10) / 10.0);
        return array;
    };
    figures[QStringLiteral("vms")] = vms;
    figures[QStringLiteral("learningPerHourByDay")] = byDay(learning);
    figures[QStringLiteral("eagerPerHourByDay")] = byDay(eager);
    figures[QStringLiteral("eagerFirstHour")] = eager.empty() ? 0 : eager.front();
    std::printf("%s\n", QJsonDocument(figures).toJson(QJsonDocument::Compact).constData());
    return 0;
}
