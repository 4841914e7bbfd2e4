// What a Prometheus scrape of Umbra costs: the /metrics page of a generated
// fleet (every VM scored, with health deductions, forecasts at the three
// horizons and saturation times; every host with failure risk), rendered
// and then fetched over loopback from the endpoint, as Prometheus would.
//
//   bench_metrics [--hosts 200] [--vms 50] [--runs 5]
//
// Also the part that runs on the engine's (GUI) thread: taking the snapshot
// of a fleet of that size from the inventory and the prediction proxy.
//
// The last line is JSON: bytes, series, render, scrape and snapshot times.
#include "engine/metricsservice.h"
#include "engine/predictionproxy.h"
#include "fleet/fleetstate.h"
#include "metrics/metricsexposition.h"
#include "metrics/metricsserver.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTcpSocket>
#include <QTimer>
#include <algorithm>
#include <cstdio>

using namespace Umbra;

namespace {

Metrics::MetricsSnapshot generatedFleet(int hosts, int vmsPerHost)
{
    Metrics::MetricsSnapshot snapshot;
    snapshot.atMs = 1'790'000'000'000;
    snapshot.version = QStringLiteral("bench");
    for (int h = 0; h < hosts; ++h) {
        Metrics::HostMetrics host;
        host.name
            = QStringLiteral("rack%1-kvm%2").arg(h / 20 + 1).arg(h % 20 + 1, 2, 10, QChar(u'0'));
        host.uri = QStringLiteral("qemu+ssh://%1/system").arg(host.name);
        host.state = HostState::Connected;
        host.health.atMs = snapshot.atMs;
        host.health.health.score = 80 + h % 20;
        host.health.cpuPercent = 40 + h % 50;
        host.health.memoryPercent = 50 + h % 40;
        host.riskAssessed = true;
        host.risk.risk = (h % 17) / 20.0;
        host.risk.breakdown = { { QStringLiteral("drive:sda"), {}, 0.2, 0.7 },
                                { QStringLiteral("temperature"), {}, 0.05, 0.3 } };
        host.vms = vmsPerHost;
        host.lastSampleMs = snapshot.atMs;
        host.collectionSeconds = 0.004;
        for (int horizon : MetricsService::kHorizonSeconds)
            for (const char *metric : { "cpu", "memory" })
                host.forecasts.append(
                    { QString::fromLatin1(metric), horizon, { 0, 50, 40, 60, 35, 65 } });
        for (int v = 0; v < vmsPerHost; ++v) {
            Metrics::VmMetrics vm;
            vm.uuid = QStringLiteral("5eed%1-%2-4000-8000-000000000000")
                          .arg(h, 4, 16, QChar(u'0'))
                          .arg(v, 4, 16, QChar(u'0'));
            vm.name = QStringLiteral("vm-%1-%2").arg(h).arg(v);
            vm.host = host.name;
            vm.health.atMs = snapshot.atMs;
            vm.health.health.score = 70 + (h + v) % 30;
            if ((h + v) % 3 == 0)
                vm.health.health.breakdown = { { QStringLiteral("cpu"), {}, 8 },
                                               { QStringLiteral("cpu-forecast"), {}, 4 } };
            vm.health.cpuPercent = 30 + (h * 7 + v) % 60;
            vm.health.memoryPercent = 40 + (h + v * 3) % 50;
            if ((h + v) % 5 == 0) {
                vm.health.cpuCrossing.pointMs = snapshot.atMs + 7200 * 1000;
                vm.health.cpuCrossing.earliestMs = snapshot.atMs + 3600 * 1000;
            }
            for (int horizon : MetricsService::kHorizonSeconds)
                for (const char *metric : { "cpu", "memory" })
                    vm.forecasts.append({ QString::fromLatin1(metric),
                                          horizon,
                                          { 0, 55.5, 45.25, 65.75, 40.125, 70.5 } });
            snapshot.vms.append(std::move(vm));
        }
        snapshot.hosts.append(std::move(host));
    }
    snapshot.plans = { { QStringLiteral("migrate"), QStringLiteral("executed"), 12 } };
    snapshot.shadows = { { QStringLiteral("in-sync"), 4 } };
    snapshot.storeBytes = 1 << 30;
    snapshot.modelledEntities = hosts * (vmsPerHost + 1);
    return snapshot;
}

// One scrape as Prometheus does it: connect, GET, read to the end.
std::pair<double, qint64> scrape(quint16 port)
{
    QElapsedTimer clock;
    clock.start();
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, port);
    socket.waitForConnected(5000);
    socket.write("GET /metrics HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept-Encoding: identity\r\n\r\n");
    qint64 bytes = 0;
    while (socket.state() == QAbstractSocket::ConnectedState && socket.waitForReadyRead(5000))
        bytes += socket.readAll().size();
    bytes += socket.readAll().size();
    return { double(clock.nsecsElapsed()) / 1e6, bytes };
}

double median(QList<double> values)
{
    std::sort(values.begin(), values.end());
    return values.isEmpty() ? 0 : values.at(values.size() / 2);
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption hostsOption(QStringLiteral("hosts"), QStringLiteral("Hosts."),
                                         QStringLiteral("n"), QStringLiteral("200"));
    const QCommandLineOption vmsOption(QStringLiteral("vms"), QStringLiteral("VMs per host."),
                                       QStringLiteral("n"), QStringLiteral("50"));
    const QCommandLineOption runsOption(QStringLiteral("runs"), QStringLiteral("Repetitions."),
                                        QStringLiteral("n"), QStringLiteral("5"));
    parser.addOptions({ hostsOption, vmsOption, runsOption });
    parser.process(app);
    const int hosts = std::max(1, parser.value(hostsOption).toInt());
    const int vms = std::max(0, parser.value(vmsOption).toInt());
    const int runs = std::max(1, parser.value(runsOption).toInt());

    const Metrics::MetricsSnapshot snapshot = generatedFleet(hosts, vms);
    QList<double> renders;
    QByteArray page;
    for (int i = 0; i < runs; ++i) {
        QElapsedTimer clock;
        clock.start();
        page = Metrics::renderExposition(snapshot);
        renders.append(double(clock.nsecsElapsed()) / 1e6);
    }
    const qsizetype series = page.count('\n') - 2 * page.count("\n# TYPE ") - 1;

    Metrics::MetricsServer server;
    quint16 port = 0;
    QObject::connect(&server, &Metrics::MetricsServer::listening,
                     [&port](const Metrics::ListenAddress &bound) { port = bound.port; });
    server.listen({ QHostAddress(QHostAddress::LocalHost), 0 });
    QElapsedTimer wait;
    wait.start();
    while (port == 0 && wait.elapsed() < 5000)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 10);
    server.publish(page);
    QList<double> scrapes;
    qint64 received = 0;
    for (int i = 0; i < runs; ++i) {
        const auto [ms, bytes] = scrape(port);
        scrapes.append(ms);
        received = bytes;
    }
    // The engine-thread part: the snapshot of an inventory this size.
    FleetState fleet;
    for (const Metrics::HostMetrics &host : snapshot.hosts) {
        fleet.addHost(HostConfig(host.uri, false));
        QList<VmInfo> vmsOfHost;
        for (int v = 0; v < vms; ++v) {
            VmInfo vm;
            vm.uuid = QStringLiteral("%1-%2").arg(host.name).arg(v);
            vm.name = QStringLiteral("vm-%1").arg(v);
            vm.state = VmState::Running;
            vm.vcpus = 2;
            vmsOfHost.append(vm);
        }
        fleet.resetInventory(host.uri, vmsOfHost);
    }
    PredictionProxy prediction(&fleet);
    MetricsService service(&fleet, &prediction);
    QList<double> snapshots;
    for (int i = 0; i < runs; ++i) {
        QElapsedTimer clock;
        clock.start();
        const Metrics::MetricsSnapshot taken = service.snapshot();
        snapshots.append(double(clock.nsecsElapsed()) / 1e6);
        if (taken.vms.size() != qsizetype(hosts) * vms)
            std::fprintf(stderr, "snapshot has %lld VMs\n", qint64(taken.vms.size()));
    }

    std::printf("fleet: %d hosts x %d VMs\npage: %lld bytes, %lld series\n"
                "render: median %.1f ms\nscrape over loopback: median %.1f ms (%lld bytes)\n"
                "snapshot on the engine thread: median %.1f ms\n",
                hosts, vms, qint64(page.size()), qint64(series), median(renders), median(scrapes),
                received, median(snapshots));
    const QJsonObject figures{ { QStringLiteral("hosts"), hosts },
                               { QStringLiteral("vms"), hosts * vms },
                               { QStringLiteral("page_bytes"), qint64(page.size()) },
                               { QStringLiteral("series"), qint64(series) },
                               { QStringLiteral("render_ms_median"), median(renders) },
                               { QStringLiteral("scrape_ms_median"), median(scrapes) },
                               { QStringLiteral("snapshot_ms_median"), median(snapshots) } };
    std::printf("%s\n", QJsonDocument(figures).toJson(QJsonDocument::Compact).constData());
    return 0;
}
