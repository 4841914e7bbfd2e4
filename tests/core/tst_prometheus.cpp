// Umbra and Prometheus: the /metrics exposition (checked by promtool), the
// endpoint, a real Prometheus scraping a real engine on the demo fleet, the
// alerting rules' unit tests and the Grafana dashboard's queries.
#include "collect/inventoryreader.h"
#include "collect/prometheusapi.h"
#include "collect/prometheusstatssource.h"
#include "collect/ratecalculator.h"
#include "demo/demofleet.h"
#include "engine/engine.h"
#include "engine/historyservice.h"
#include "engine/metricsservice.h"
#include "engine/predictionproxy.h"
#include "engine/prometheusbackfill.h"
#include "fleet/fleetstate.h"
#include "hardware/exposition.h"
#include "metrics/listenaddress.h"
#include "metrics/metricsexposition.h"
#include "metrics/metricsserver.h"
#include "prometheusfixture.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSet>
#include <QSignalSpy>
#include <QTest>
#include <libvirt/libvirt.h>

using namespace Umbra;
using namespace Umbra::TestSupport;

namespace {

const QString kResources = QStringLiteral(UMBRA_SOURCE_DIR "/resources/prometheus/");

// promtool's verdict on a page: its exit code and what it said.
std::pair<int, QByteArray> promtoolCheckMetrics(const QByteArray &page)
{
    QProcess promtool;
    promtool.setProcessChannelMode(QProcess::MergedChannels);
    promtool.start(PrometheusFixture::executable("promtool"),
                   { QStringLiteral("check"), QStringLiteral("metrics") });
    promtool.write(page);
    promtool.closeWriteChannel();
    promtool.waitForFinished(30000);
    return { promtool.exitCode(), promtool.readAll() };
}

std::pair<int, QByteArray> promtool(const QStringList &arguments)
{
    QProcess promtool;
    promtool.setProcessChannelMode(QProcess::MergedChannels);
    promtool.setWorkingDirectory(kResources);
    promtool.start(PrometheusFixture::executable("promtool"), arguments);
    promtool.waitForFinished(30000);
    return { promtool.exitCode(), promtool.readAll() };
}

const Hardware::Sample *find(const Hardware::Exposition &page, const char *name,
                             const char *labelName = nullptr, const QString &labelValue = {})
{
    for (const Hardware::Sample &s : page.samples)
        if (s.name == QLatin1String(name)
            && (!labelName || s.label(QString::fromLatin1(labelName)) == labelValue))
            return &s;
    return nullptr;
}

Metrics::MetricsSnapshot sampleSnapshot()
{
    Metrics::MetricsSnapshot snapshot;
    snapshot.atMs = 1'790'000'000'000;
    snapshot.version = QStringLiteral("1.2.3");
    Metrics::HostMetrics host;
    host.uri = QStringLiteral("qemu+ssh://kvm01/system");
    host.name = QStringLiteral("kvm01");
    host.state = HostState::Connected;
    host.health.atMs = snapshot.atMs;
    host.health.health.score = 70;
    host.health.cpuPercent = 55;
    host.riskAssessed = true;
    host.risk.risk = 0.62;
    host.risk.moveVms = true;
    host.risk.breakdown = { { QStringLiteral("drive:sda"), QStringLiteral("sda"), 0.5, 0.8 },
                            { QStringLiteral("temperature"), QStringLiteral("hot"), 0.1, 0.2 } };
    host.vms = 2;
    host.lastSampleMs = snapshot.atMs - 500;
    host.collectionSeconds = 0.0042;
    snapshot.hosts.append(host);

    Metrics::VmMetrics web;
    web.uuid = QStringLiteral("6695eb01-f6a4-8304-79aa-97f2502e193f");
    web.name = QStringLiteral("web \"blue\" \\ 1\nnext");
    web.host = host.name;
    web.health.atMs = snapshot.atMs;
    web.health.health.score = 63;
    web.health.health.breakdown = { { QStringLiteral("cpu-forecast"), QStringLiteral("soon"), 25 },
                                    { QStringLiteral("anomaly"), QStringLiteral("odd"), 12 } };
    web.health.cpuPercent = 81.5;
    web.health.memoryPercent = qQNaN(); // not reported: absent, never 0
    web.health.anomalyScore = 0.6;
    web.health.cpuCrossing.pointMs = snapshot.atMs + 1800 * 1000;
    web.health.cpuCrossing.earliestMs = snapshot.atMs + 600 * 1000;
    for (int horizon : Umbra::MetricsService::kHorizonSeconds)
        web.forecasts.append({ QStringLiteral("cpu"), horizon, { 0, 90, 80, 95, 70, 99 } });
    snapshot.vms.append(web);
    Metrics::VmMetrics idle;
    idle.uuid = QStringLiteral("00000000-0000-0000-0000-000000000002");
    idle.name = QStringLiteral("idle");
    idle.host = host.name; // never scored: no health series
    snapshot.vms.append(idle);

    snapshot.plans = { { QStringLiteral("migrate"), QStringLiteral("executed"), 3 },
                       { QStringLiteral("traffic.shift"), QStringLiteral("proposed"), 1 } };
    snapshot.plansKnown = true;
    snapshot.shadows = { { QStringLiteral("in-sync"), 1 }, { QStringLiteral("failed"), 0 } };
    snapshot.storeBytes = 123456;
    snapshot.modelledEntities = 3;
    return snapshot;
}

} // namespace

class TestPrometheus : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(PrometheusFixture::available()
                     && !PrometheusFixture::executable("promtool").isEmpty(),
                 "prometheus and promtool are not installed (scripts/bootstrap installs them)");
    }

    void listenAddress_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("parsed"); // empty: refused
        QTest::newRow("port alone is loopback")
            << QStringLiteral("9464") << QStringLiteral("127.0.0.1:9464");
        QTest::newRow("colon port") << QStringLiteral(":9464") << QStringLiteral("127.0.0.1:9464");
        QTest::newRow("localhost")
            << QStringLiteral("localhost:80") << QStringLiteral("127.0.0.1:80");
        QTest::newRow("any") << QStringLiteral("0.0.0.0:9464") << QStringLiteral("0.0.0.0:9464");
        QTest::newRow("ipv6") << QStringLiteral("[::1]:9464") << QStringLiteral("[::1]:9464");
        QTest::newRow("no port") << QStringLiteral("10.0.0.1") << QStringLiteral("");
        QTest::newRow("port 0") << QStringLiteral(":0") << QStringLiteral("");
        QTest::newRow("too large") << QStringLiteral("70000") << QStringLiteral("");
        QTest::newRow("a name") << QStringLiteral("kvm01:9464") << QStringLiteral("");
        QTest::newRow("unclosed") << QStringLiteral("[::1:9464") << QStringLiteral("");
    }
    void listenAddress()
    {
        QFETCH(QString, text);
        QFETCH(QString, parsed);
        const auto address = Metrics::parseListenAddress(text);
        QCOMPARE(address.ok(), !parsed.isEmpty());
        if (address)
            QCOMPARE(address->toString(), parsed);
        else
            QVERIFY(address.error().contains(text.trimmed().left(3)));
    }

    // The page passes promtool's checks and says what the snapshot says:
    // escaped labels come back as they were, unknown figures are absent.
    void expositionPassesPromtoolAndReadsBack()
    {
        const Metrics::MetricsSnapshot snapshot = sampleSnapshot();
        const QByteArray page = Metrics::renderExposition(snapshot);
        const auto [status, said] = promtoolCheckMetrics(page);
        QVERIFY2(status == 0 && said.trimmed().isEmpty(), said.constData());

        const Hardware::Exposition read = Hardware::parseExposition(page);
        QCOMPARE(read.skippedLines, 0);
        const QString web = snapshot.vms.at(0).uuid;
        const Hardware::Sample *score = find(read, "umbra_vm_health_score", "uuid", web);
        QVERIFY(score);
        QCOMPARE(score->value, 63.0);
        QCOMPARE(score->label(u"vm"), snapshot.vms.at(0).name);
        QCOMPARE(score->label(u"host"), QStringLiteral("kvm01"));
        QVERIFY(!find(read, "umbra_vm_health_score", "vm", QStringLiteral("idle")));
        QVERIFY(!find(read, "umbra_vm_memory_usage_ratio", "uuid", web));
        QCOMPARE(find(read, "umbra_vm_cpu_usage_ratio", "uuid", web)->value, 0.815);
        QCOMPARE(find(read, "umbra_vm_anomaly_score", "uuid", web)->value, 0.6);
        QCOMPARE(find(read, "umbra_vm_health_deduction_points", "factor", QStringLiteral("anomaly"))
                     ->value,
                 12.0);
        QCOMPARE(
            find(read, "umbra_vm_saturation_seconds", "resource", QStringLiteral("cpu"))->value,
            1800.0);
        QCOMPARE(
            find(read, "umbra_vm_saturation_earliest_seconds", "resource", QStringLiteral("cpu"))
                ->value,
            600.0);
        int forecasts = 0;
        for (const Hardware::Sample &s : read.samples)
            if (s.name == u"umbra_vm_forecast_upper_ratio" && s.label(u"band") == u"95") {
                ++forecasts;
                QCOMPARE(s.value, 0.99);
            }
        QCOMPARE(forecasts, 3);
        QVERIFY(find(read, "umbra_vm_forecast_ratio", "horizon", QStringLiteral("1d")));
        QVERIFY(find(read, "umbra_vm_forecast_ratio", "horizon", QStringLiteral("15m")));
        QCOMPARE(
            find(read, "umbra_host_failure_risk_ratio", "host", QStringLiteral("kvm01"))->value,
            0.62);
        QCOMPARE(find(read, "umbra_host_failure_risk_factor_ratio", "factor",
                      QStringLiteral("drive:sda"))
                     ->value,
                 0.8);
        QCOMPARE(
            find(read, "umbra_host_evacuation_advised", "host", QStringLiteral("kvm01"))->value,
            1.0);
        QCOMPARE(
            find(read, "umbra_host_collector_state", "state", QStringLiteral("connected"))->value,
            1.0);
        QCOMPARE(
            find(read, "umbra_host_collector_state", "state", QStringLiteral("unreachable"))->value,
            0.0);
        QCOMPARE(find(read, "umbra_plans", "kind", QStringLiteral("migrate"))->value, 3.0);
        QCOMPARE(find(read, "umbra_shadows", "state", QStringLiteral("in-sync"))->value, 1.0);
        QCOMPARE(find(read, "umbra_store_size_bytes")->value, 123456.0);
        QCOMPARE(read.types.value(QStringLiteral("umbra_vm_health_score")), u"gauge");
    }

    // Scrapes are answered from the last published page, whatever else the
    // endpoint is asked; a client that says nothing holds nobody up.
    void serverAnswersFromTheLastPage()
    {
        Metrics::MetricsServer server;
        QSignalSpy listening(&server, &Metrics::MetricsServer::listening);
        server.listen({ QHostAddress(QHostAddress::LocalHost), 0 });
        QVERIFY(listening.wait(5000));
        const quint16 port = listening.at(0).at(0).value<Metrics::ListenAddress>().port;
        QVERIFY(port > 0);

        QCOMPARE(httpGet(port, "/metrics").first, 503);
        server.publish("umbra_up 1\n");
        QTcpSocket silent; // connects and never sends a request
        silent.connectToHost(QHostAddress::LocalHost, port);
        QVERIFY(silent.waitForConnected(1000));
        const auto [status, body] = httpGet(port, "/metrics");
        QCOMPARE(status, 200);
        QCOMPARE(body, QByteArray("umbra_up 1\n"));
        QCOMPARE(httpGet(port, "/").first, 200);
        QCOMPARE(httpGet(port, "/other").first, 404);
        QCOMPARE(server.scrapes(), 1);

        QTcpSocket post;
        post.connectToHost(QHostAddress::LocalHost, port);
        QVERIFY(post.waitForConnected(1000));
        post.write("POST /metrics HTTP/1.1\r\n\r\n");
        QVERIFY(post.waitForReadyRead(2000));
        QVERIFY(post.readAll().startsWith("HTTP/1.1 405"));

        QTcpSocket huge;
        huge.connectToHost(QHostAddress::LocalHost, port);
        QVERIFY(huge.waitForConnected(1000));
        huge.write("GET /metrics HTTP/1.1\r\nX: " + QByteArray(20000, 'x'));
        QVERIFY(huge.waitForReadyRead(2000));
        QVERIFY(huge.readAll().startsWith("HTTP/1.1 431"));

        // The silent client is cut off.
        QTRY_COMPARE_WITH_TIMEOUT(silent.state(), QAbstractSocket::UnconnectedState, 8000);

        Metrics::MetricsServer second;
        QSignalSpy failed(&second, &Metrics::MetricsServer::failed);
        second.listen({ QHostAddress(QHostAddress::LocalHost), port });
        QVERIFY(failed.wait(5000));
        QVERIFY(failed.at(0).at(0).toString().contains(QString::number(port)));
    }

    // A real Prometheus scrapes a real engine running the demo fleet: PromQL
    // returns the health score the engine holds, the live page passes
    // promtool, and every query of the Grafana dashboard runs.
    void prometheusScrapesTheEngine()
    {
        QTemporaryDir dir;
        Engine engine;
        engine.setIntervalMs(500);
        QVERIFY(engine.openStore(dir.filePath(QStringLiteral("demo.db"))).ok());
        auto installed = DemoFleet::install(dir.path());
        QVERIFY2(installed.ok(), qPrintable(installed.error()));
        for (const HostConfig &host : installed.value())
            QVERIFY(engine.fleet()->addHost(host).ok());
        engine.start();
        QSignalSpy listening(engine.metrics(), &MetricsService::listening);
        engine.metrics()->listen({ QHostAddress(QHostAddress::LocalHost), 0 });
        QVERIFY(listening.wait(5000));
        const quint16 port = engine.metrics()->address().port;

        // A VM the engine has scored.
        QString uuid;
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                for (const HealthReport &report : engine.prediction()->healthReports())
                    if (report.isVm() && report.atMs > 0)
                        uuid = report.uuid;
                return !uuid.isEmpty();
            }(),
            30000);

        PrometheusFixture prometheus({ QStringLiteral("127.0.0.1:%1").arg(port) });
        QVERIFY2(prometheus.waitReady(), prometheus.output().constData());
        const QString query = QStringLiteral("umbra_vm_health_score{uuid=\"%1\"}").arg(uuid);
        QTRY_VERIFY_WITH_TIMEOUT(
            prometheus.value(query)
                == engine.prediction()->health(QStringLiteral("vm/") + uuid).health.score,
            30000);
        QCOMPARE(prometheus.value(QStringLiteral("up{job=\"umbra\"}")), 1.0);
        QVERIFY(prometheus.value(QStringLiteral("count(umbra_vm_health_score)")) > 10);
        QVERIFY(prometheus.value(QStringLiteral("count(umbra_host_collector_state == 1)")) >= 3);

        const QByteArray page = engine.metrics()->server()->page();
        const auto [status, said] = promtoolCheckMetrics(page);
        QVERIFY2(status == 0 && said.trimmed().isEmpty(), said.constData());

        // The dashboard's queries run and name only families Umbra exports.
        QSet<QString> families;
        for (const QByteArray &line : page.split('\n'))
            if (line.startsWith("# TYPE "))
                families.insert(QString::fromUtf8(line.split(' ').at(2)));
        QFile file(kResources + QStringLiteral("umbra-grafana.json"));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QJsonObject dashboard = QJsonDocument::fromJson(file.readAll()).object();
        const QString vm
            = engine.fleet()->state()->vm(engine.fleet()->state()->hostOfVm(uuid), uuid)->name;
        int queries = 0;
        static const QRegularExpression metric(QStringLiteral("\\bumbra_[a-z0-9_]+"));
        for (const QJsonValue &panel : dashboard[u"panels"].toArray())
            for (const QJsonValue &target : panel[u"targets"].toArray()) {
                QString expr = target[u"expr"].toString();
                for (const QRegularExpressionMatch &m : metric.globalMatch(expr))
                    QVERIFY2(families.contains(m.captured()), qPrintable(m.captured()));
                expr.replace(QStringLiteral("$vm"), vm);
                const QJsonObject answer = prometheus.query(expr);
                QVERIFY2(answer[u"status"].toString() == u"success",
                         qPrintable(expr + u": " + answer[u"error"].toString()));
                ++queries;
            }
        QVERIFY(queries >= 10);
        engine.shutdown();
    }

    // What the query API answers, read: vectors, matrices, the API's own
    // errors with their type, and samples that do not parse left out and
    // said, never read as zero.
    void apiAnswersAreRead()
    {
        const QString where = QStringLiteral("http://prom:9090");
        auto vector
            = Prometheus::Api::parse(200,
                                     R"({"status":"success","data":{"resultType":"vector","result":[
                {"metric":{"__name__":"up","uuid":"u1"},"value":[1700000000.5,"12.25"]}]}})",
                                     where);
        QVERIFY(vector.ok());
        QCOMPARE(vector->series.size(), 1);
        QCOMPARE(vector->series.at(0).labels.value(QStringLiteral("uuid")), u"u1");
        QCOMPARE(vector->series.at(0).points.at(0).timestampMs, 1'700'000'000'500);
        QCOMPARE(vector->series.at(0).points.at(0).value, 12.25);
        QVERIFY(vector->warnings.isEmpty());

        auto matrix = Prometheus::Api::parse(
            200,
            R"({"status":"success","warnings":["partial response"],"data":{"resultType":"matrix",
                "result":[{"metric":{"__name__":"c"},"values":[[1,"1"],[2,"abc"],[3,"NaN"],[4,"4"]]}]}})",
            where);
        QVERIFY(matrix.ok());
        QCOMPARE(matrix->series.at(0).points.size(), 2); // "abc" and NaN left out
        QCOMPARE(matrix->series.at(0).points.at(1).value, 4.0);
        QCOMPARE(matrix->warnings.size(), 2);
        QVERIFY(matrix->warnings.at(0).contains(u"partial response"));
        QVERIFY(matrix->warnings.at(1).contains(u"do not parse"));

        auto refused = Prometheus::Api::parse(
            400, R"({"status":"error","errorType":"bad_data","error":"parse error at char 5"})",
            where);
        QVERIFY(!refused.ok());
        QVERIFY2(refused.error().contains(u"HTTP 400, bad_data")
                     && refused.error().contains(u"parse error at char 5"),
                 qPrintable(refused.error()));
        auto timedOut = Prometheus::Api::parse(
            503, R"({"status":"error","errorType":"timeout","error":"query timed out"})", where);
        QVERIFY(timedOut.error().contains(u"timeout"));
        auto proxy = Prometheus::Api::parse(502, "<html>Bad Gateway</html>", where);
        QVERIFY2(proxy.error().contains(u"HTTP 502") && proxy.error().contains(u"Bad Gateway"),
                 qPrintable(proxy.error()));
        auto notJson = Prometheus::Api::parse(200, "{\"status\":\"succ", where);
        QVERIFY(notJson.error().contains(u"not the query API's JSON"));
        auto scalar = Prometheus::Api::parse(
            200, R"({"status":"success","data":{"resultType":"scalar","result":[1,"1"]}})", where);
        QVERIFY(scalar.error().contains(u"scalar"));

        QVERIFY(!Prometheus::validServerUrl(QStringLiteral("ftp://prom")).ok());
        QVERIFY(!Prometheus::validServerUrl(QStringLiteral("http://u:p@prom:9090")).ok());
        QVERIFY(Prometheus::validServerUrl(QStringLiteral("https://prom.example:9090/prom/")).ok());
    }

    // Every way the exchange itself fails gets a message that says which.
    void apiTransportFailuresAreNamed()
    {
        const Prometheus::ApiOptions quick{ 800, 1024 * 1024 };
        const quint16 closed = freePort();
        auto down = Prometheus::Api(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(closed)), quick)
                        .query(QStringLiteral("up"));
        QVERIFY2(down.error().contains(u"cannot be reached"), qPrintable(down.error()));

        CannedHttpServer silent({}, true);
        auto slow
            = Prometheus::Api(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(silent.port())), quick)
                  .query(QStringLiteral("up"));
        QVERIFY2(slow.error().contains(u"did not answer within 0.8 s"), qPrintable(slow.error()));

        CannedHttpServer partial("HTTP/1.0 200 OK\r\nContent-Type: application/json\r\n"
                                 "Content-Length: 500\r\n\r\n{\"status\":\"success\",\"da");
        auto cut = Prometheus::Api(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(partial.port())),
                                   quick)
                       .query(QStringLiteral("up"));
        QVERIFY2(cut.error().contains(u"partial answer"), qPrintable(cut.error()));

        CannedHttpServer huge("HTTP/1.0 200 OK\r\n\r\n" + QByteArray(2 * 1024 * 1024, ' '));
        auto tooMuch
            = Prometheus::Api(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(huge.port())), quick)
                  .query(QStringLiteral("up"));
        QVERIFY2(tooMuch.error().contains(u"more than 1 MiB"), qPrintable(tooMuch.error()));

        CannedHttpServer nothing("");
        auto empty = Prometheus::Api(
                         QUrl(QStringLiteral("http://127.0.0.1:%1").arg(nothing.port())), quick)
                         .query(QStringLiteral("up"));
        QVERIFY2(empty.error().contains(u"without an answer"), qPrintable(empty.error()));
    }

    // The real exporter on the test driver, scraped by a real Prometheus:
    // the source reads the test domain's counters dated by their scrape,
    // turns two scrapes into rates, reports a VM Prometheus does not know
    // by the series it lacks, and a query Prometheus refuses by its words.
    void usageComesFromPrometheus()
    {
        QVERIFY2(LibvirtExporterFixture::available(),
                 "prometheus-libvirt-exporter is not installed (scripts/bootstrap installs it)");
        LibvirtExporterFixture exporter(QStringLiteral("test:///default"));
        QVERIFY(exporter.waitReady());
        PrometheusFixture prometheus({ QStringLiteral("127.0.0.1:%1").arg(exporter.port()) });
        QVERIFY2(prometheus.waitReady(), prometheus.output().constData());
        QVERIFY2(prometheus.waitScraped(1), prometheus.output().constData());

        virConnectPtr connection = virConnectOpen("test:///default");
        QVERIFY(connection);
        auto inventory = InventoryReader::readAllDomains(connection);
        QVERIFY(inventory.ok());
        QHash<QString, VmInfo> vms;
        for (const VmInfo &vm : inventory.value())
            vms.insert(vm.uuid, vm);
        QVERIFY(!vms.isEmpty());
        const QString uuid = vms.cbegin().key();

        PrometheusStatsSource source(
            QUrl(QStringLiteral("http://127.0.0.1:%1/").arg(prometheus.port())));
        // Collects until the source returns counters (a new scrape), as a
        // host session would every interval; QTRY would collect once more.
        QString error;
        const auto collectScraped = [&](const QHash<QString, VmInfo> &inventory) {
            QElapsedTimer clock;
            clock.start();
            while (clock.elapsed() < 20000) {
                auto read = source.collectDomains(connection, inventory,
                                                  QDateTime::currentMSecsSinceEpoch());
                error = read.ok() ? QString() : read.error();
                if (read && !read->isEmpty())
                    return read.value();
                QThread::msleep(100);
            }
            return QList<DomainCounters>();
        };
        const QList<DomainCounters> first = collectScraped(vms);
        QVERIFY2(!first.isEmpty(), qPrintable(error));
        const DomainCounters &c = first.at(0);
        QCOMPARE(c.uuid, uuid);
        QVERIFY(c.cpuTimeNs > 0);
        QVERIFY(c.blockReadBytes > 0 && c.netRxBytes > 0);
        QVERIFY(c.balloonMaximumKiB > 0);
        QVERIFY(c.sampledAtMs > QDateTime::currentMSecsSinceEpoch() - 5000);
        QVERIFY2(source.takeWarning().isEmpty(), "every series of the exporter was there");

        // Asked again at once, nothing was scraped since: no sample.
        auto again = source.collectDomains(connection, vms, QDateTime::currentMSecsSinceEpoch());
        QVERIFY(again.ok());
        QVERIFY(again->isEmpty() || again->at(0).sampledAtMs > c.sampledAtMs);

        RateCalculator rates;
        (void)rates.update(c, 0, 0, 4);
        const QList<DomainCounters> second = collectScraped(vms);
        QVERIFY2(!second.isEmpty(), qPrintable(error));
        QVERIFY(second.at(0).sampledAtMs > c.sampledAtMs);
        const VmSample sample = rates.update(second.at(0), 0, 0, 4);
        QCOMPARE(sample.timestampMs, second.at(0).sampledAtMs);
        QVERIFY(!std::isnan(sample.cpuPercent));
        QVERIFY(!std::isnan(sample.diskReadBytesPerSec));

        // A VM the exporter never saw: its CPU time is missing, by name.
        VmInfo stranger;
        stranger.uuid = QStringLiteral("11111111-2222-3333-4444-555555555555");
        stranger.name = QStringLiteral("stranger");
        stranger.state = VmState::Running;
        auto unknown = source.collectDomains(connection, { { stranger.uuid, stranger } },
                                             QDateTime::currentMSecsSinceEpoch());
        QVERIFY(!unknown.ok());
        QVERIFY2(unknown.error().contains(u"libvirt_domain_info_cpu_time_seconds_total")
                     && unknown.error().contains(u"stranger"),
                 qPrintable(unknown.error()));
        // Beside a VM that is there, it is a warning and a gap.
        QHash<QString, VmInfo> both = vms;
        both.insert(stranger.uuid, stranger);
        QVERIFY2(!collectScraped(both).isEmpty(), qPrintable(error));
        QVERIFY(source.takeWarning().contains(u"stranger"));

        // Prometheus refusing the query: its own words, no counters.
        auto refused
            = Prometheus::Api(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(prometheus.port())))
                  .query(QStringLiteral("rate(up["));
        QVERIFY2(refused.error().contains(u"bad_data"), qPrintable(refused.error()));
        virConnectClose(connection);
    }

    // A host in Prometheus mode end to end: its VM's samples come from the
    // exporter through Prometheus, dated by their scrape, and the VM's
    // history from before Umbra saw it is read from Prometheus and stored.
    void engineReadsUsageAndHistoryFromPrometheus()
    {
        LibvirtExporterFixture exporter(QStringLiteral("test:///default"));
        QVERIFY(exporter.waitReady());
        PrometheusFixture prometheus({ QStringLiteral("127.0.0.1:%1").arg(exporter.port()) });
        QVERIFY(prometheus.waitReady());
        QVERIFY(prometheus.waitScraped(1));
        QTest::qWait(6000); // a few scrapes of history before Umbra looks

        QTemporaryDir dir;
        Engine engine;
        engine.setIntervalMs(1000);
        QVERIFY(engine.openStore(dir.filePath(QStringLiteral("umbra.db"))).ok());
        engine.prometheusBackfill()->setWindow(120'000, 1000);
        HostConfig host(QStringLiteral("test:///default"), false);
        host.prometheusUrl = QStringLiteral("http://127.0.0.1:%1/").arg(prometheus.port());
        QVERIFY(engine.fleet()->addHost(host).ok());
        QVERIFY(!engine.fleet()
                     ->addHost(HostConfig(QStringLiteral("test:///default"), false))
                     .ok()); // already there
        QSignalSpy filled(engine.history(), &HistoryService::historyFilled);
        QSignalSpy collected(engine.fleet(), &FleetService::samplesCollected);
        const qint64 startMs = QDateTime::currentMSecsSinceEpoch();
        engine.start();

        QString uuid;
        QTRY_VERIFY_WITH_TIMEOUT(!engine.fleet()->vms(host.uri).isEmpty(), 10000);
        uuid = engine.fleet()->vms(host.uri).constFirst().uuid;
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                for (const QList<QVariant> &signal : std::as_const(collected)) {
                    const auto vms = signal.at(1).value<QList<VmSample>>();
                    const auto hostSample = signal.at(0).value<HostSample>();
                    for (const VmSample &vm : vms)
                        if (vm.uuid == uuid && !std::isnan(vm.cpuPercent)
                            && vm.timestampMs <= hostSample.timestampMs)
                            return true;
                }
                return false;
            }(),
            20000);
        QCOMPARE(engine.fleet()->hostStatus(host.uri).state, HostState::Connected);

        QTRY_VERIFY_WITH_TIMEOUT(filled.contains(QList<QVariant>{ uuid }), 20000);
        auto stored = engine.history()->vmHistory(uuid, startMs - 120'000, startMs);
        stored.waitForFinished();
        // The first live sample (no rate yet) is dated by its scrape, which
        // may be just before the start; the history before it has rates.
        int rated = 0;
        for (const VmSample &sample : stored.result())
            rated += !std::isnan(sample.cpuPercent);
        QVERIFY2(rated >= 2, "the scrapes before Umbra started are history");

        // Prometheus goes away: the host is degraded with the reason, and no
        // sample is made up in the meantime.
        QVERIFY(
            engine.fleet()
                ->setPrometheusUrl(host.uri, QStringLiteral("http://127.0.0.1:%1/").arg(freePort()))
                .ok());
        QTRY_VERIFY_WITH_TIMEOUT(engine.fleet()->hostStatus(host.uri).state == HostState::Degraded,
                                 15000);
        QVERIFY2(engine.fleet()->hostStatus(host.uri).lastError.contains(u"cannot be reached"),
                 qPrintable(engine.fleet()->hostStatus(host.uri).lastError));
        engine.shutdown();
    }

    void alertingRulesPassTheirTests()
    {
        const auto [checkStatus, checkSaid]
            = promtool({ QStringLiteral("check"), QStringLiteral("rules"),
                         QStringLiteral("umbra-alerts.yml") });
        QVERIFY2(checkStatus == 0, checkSaid.constData());
        const auto [testStatus, testSaid]
            = promtool({ QStringLiteral("test"), QStringLiteral("rules"),
                         QStringLiteral("umbra-alerts.test.yml") });
        QVERIFY2(testStatus == 0, testSaid.constData());
    }
};

QTEST_GUILESS_MAIN(TestPrometheus)
#include "tst_prometheus.moc"
