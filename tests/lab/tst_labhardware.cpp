// Failure prediction against the real lab (scripts/lab up), from the
// exporter page to the flagged host: every lab host serves a hardware
// exporter page; one replays the SMART history of a drive that failed
// (Backblaze Z300AB66), the others a healthy drive of the same model. The
// console's engine connects to the hosts' libvirtds, reads those pages over
// HTTP, and must flag the failing host (risk, event log, health score) while
// leaving the healthy ones alone. The replay is restarted at one row a second
// (`scripts/lab replay`) so the whole decline fits in a minute. The policy
// then acts on the lab: it empties the failing host, and it shifts a share of
// a busy guest's requests to its peer in HAProxy. Skips when the lab is not
// running.
#include "engine/engine.h"
#include "engine/fleetservice.h"
#include "engine/historyservice.h"
#include "engine/policyservice.h"
#include "httppoller.h"
#include "jobs/audittrail.h"
#include "jobs/planstore.h"
#include "labenv.h"
#include "migrate/migrationmanager.h"
#include "policy/automation.h"
#include "policy/policyengine.h"
#include "predict/hardwarewatch.h"
#include "store/database.h"
#include "traffic/runtimeapi.h"
#include "traffic/trafficjob.h"
#include "traffic/trafficservice.h"

#include <QEventLoop>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace Umbra;

namespace {

const QString kFailingDrive = QStringLiteral("Z300AB66");
const QString kHealthyDrive = QStringLiteral("W300R79J");

// Runs `scripts/lab replay` with the arguments; empty on success, otherwise
// what it said.
QString labReplay(const QStringList &args)
{
    QProcess lab;
    lab.setProcessChannelMode(QProcess::MergedChannels);
    lab.start(QStringLiteral(UMBRA_SOURCE_DIR "/scripts/lab"),
              QStringList{ QStringLiteral("replay") } + args);
    if (!lab.waitForFinished(30000))
        return QStringLiteral("scripts/lab replay did not finish");
    const QString output = QString::fromUtf8(lab.readAll()).trimmed();
    qInfo("%s", qUtf8Printable(output));
    return lab.exitCode() == 0 ? QString() : output;
}

// Where the failing drive's replay stands on its exporter page: the row
// shown and how many there are (the last is the failure); {0, 0} unread.
std::pair<int, int> replayRow(const QString &exporterUrl)
{
    QNetworkAccessManager network;
    QNetworkReply *reply = network.get(QNetworkRequest(QUrl(exporterUrl)));
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    QTimer::singleShot(5000, &loop, &QEventLoop::quit);
    loop.exec();
    const QString page = QString::fromUtf8(reply->readAll());
    reply->deleteLater();
    static const QRegularExpression row(
        QStringLiteral("umbra_lab_replay_row\\{[^}]*rows=\"(\\d+)\"[^}]*\\} (\\d+)"));
    const auto m = row.match(page);
    return m.hasMatch() ? std::pair{ m.captured(2).toInt(), m.captured(1).toInt() }
                        : std::pair{ 0, 0 };
}

double smart(const Hardware::DriveAssessment &drive, int id)
{
    const auto it = drive.drive.smartRaw.find(id);
    return it == drive.drive.smartRaw.end() ? qQNaN() : it->second;
}

// What failure prediction took off a health score.
int failureRiskPoints(const HealthReport &report)
{
    for (const auto &factor : report.health.breakdown)
        if (factor.id == QLatin1String("failure-risk"))
            return factor.points;
    return 0;
}

} // namespace

class TestLabHardware : public QObject
{
    Q_OBJECT

    Lab::Env m_lab;
    QTemporaryDir m_dir;
    QString m_failing; // host key
    QStringList m_healthy;

    QString uri(const QString &key) const { return m_lab.uri(key); }
    QString exporter(const QString &key) const { return m_lab.exporter(key); }

private Q_SLOTS:
    void initTestCase()
    {
        UMBRA_REQUIRE_LAB(m_lab);
        m_failing = m_lab.value(QStringLiteral("LAB_EXPORTER_FAILING"));
        if (m_failing.isEmpty())
            QSKIP("No lab host replays a failing drive (LAB_FAILING_HOST=0).");
        for (const QString &key : m_lab.hostKeys())
            if (key != m_failing)
                m_healthy.append(key);
        QVERIFY2(!m_healthy.isEmpty(), "the lab needs a host with a healthy drive too");
        QVERIFY(m_dir.isValid());
    }

    // The lab's own pace again, from the first row, whatever the test did.
    void cleanupTestCase()
    {
        if (!m_failing.isEmpty())
            labReplay({});
    }

    // At level automatic the policy empties the failing host before its
    // drive's replay reaches the failure row: every guest there is live-
    // migrated away by the policy's own decision, one at a time, and the
    // audit trail says so.
    void automaticPolicyEmptiesTheFailingHost()
    {
        const QString error = labReplay({ QStringLiteral("--step"), QStringLiteral("3") });
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QStringList leaving;
        for (const QString &guest : m_lab.guests())
            if (m_lab.home(guest) == m_failing)
                leaving.append(guest);
        if (leaving.isEmpty())
            QSKIP("No guest runs on the host whose drive fails.");

        const QString path = m_dir.filePath(QStringLiteral("policy.db"));
        Engine engine;
        const auto opened = engine.openStore(path);
        QVERIFY2(opened.ok(), qPrintable(opened.error()));
        Policy::AutomationSettings automation;
        automation.fleetLevel = Policy::AutomationLevel::Automatic;
        automation.trustSharedStorage = true; // the lab's image directory is shared
        QVERIFY(automation.save(path));
        engine.setIntervalMs(1000);
        engine.prediction()->setHardwareIntervalMs(1000);
        QSignalSpy finished(engine.migrations(), &MigrationManager::jobFinished);
        QSignalSpy logged(engine.migrations(), &MigrationManager::logged);
        // The lab's HAProxy is the console's: a policy move drains the
        // guest's be_all server like an operator's would.
        auto lab = Traffic::Balancer::make(QStringLiteral("lab"),
                                           m_lab.value(QStringLiteral("HAPROXY_SOCKET")));
        QVERIFY(lab.ok());
        QSignalSpy balancers(engine.traffic(), &Traffic::TrafficService::balancersChanged);
        engine.traffic()->saveBalancer(lab.value());
        QVERIFY(balancers.wait(10000));
        engine.start();
        for (const QString &key : QStringList{ m_failing } + m_healthy) {
            const auto added = engine.fleet()->addHost(HostConfig(uri(key), false, exporter(key)));
            QVERIFY2(added.ok(), qPrintable(key + QStringLiteral(": ") + added.error()));
        }
        // Requests through be_all (any Host but a guest's) all the while.
        Lab::HttpPoller poller(QUrl(m_lab.haproxyHttp()), QStringLiteral("umbra-lab-load"), 20,
                               2000, 400);
        poller.start();

        QStringList moved;
        QDeadlineTimer deadline(300000);
        int seen = 0;
        while (moved.size() < leaving.size() && !deadline.hasExpired()) {
            QTest::qWait(200);
            for (; seen < finished.size(); ++seen) {
                const auto record = finished.at(seen).first().value<MigrationRecord>();
                qInfo("%s → %s: %s (%s)", qUtf8Printable(record.vmName),
                      qUtf8Printable(record.targetUri),
                      qUtf8Printable(Jobs::outcomeKey(record.outcome)),
                      qUtf8Printable(record.reason));
                QCOMPARE(record.outcome, MigrationOutcome::Completed);
                QCOMPARE(record.sourceUri, uri(m_failing));
                moved.append(record.vmName);
            }
        }
        QTest::qWait(2000);
        poller.stop();
        const auto served = poller.summary();
        qInfo("HTTP through HAProxy's be_all: %d requests, %d failed, longest gap %lld ms",
              served.requests, served.failed, static_cast<long long>(served.longestGapMs));
        QVERIFY(served.requests > 100);
        QCOMPARE(served.failed, 0);
        QStringList lines;
        for (const QList<QVariant> &line : std::as_const(logged))
            lines.append(line.at(2).toString());
        for (const QString &guest : std::as_const(leaving))
            QVERIFY2(lines.join(u'\n').contains(QStringLiteral("drained lab be_all/") + guest),
                     qPrintable(lines.join(u'\n')));
        const auto [row, rows] = replayRow(exporter(m_failing));
        qInfo("guests moved: %s, replay at row %d of %d", qUtf8Printable(moved.join(u' ')), row,
              rows);
        QCOMPARE(moved.size(), leaving.size());
        QVERIFY(rows > 0);
        QVERIFY2(row < rows, "the failure row came before the host was empty");

        // The decisions were the policy's, in the audit trail.
        auto db = Database::open(path, QStringLiteral("lab-audit"), Database::Mode::ReadOnly);
        QVERIFY(db);
        auto records = Jobs::AuditTrail::read(db.value()->sql(), {});
        QVERIFY(records);
        int approvedByPolicy = 0;
        for (const Jobs::AuditRecord &r : records.value())
            approvedByPolicy += r.action == u"approved" && r.actor == u"policy:host-risk";
        QCOMPARE(approvedByPolicy, int(leaving.size()));

        // The guests go home again, for the tests after this one.
        engine.policy()->setEnabled(false);
        for (const QString &guest : std::as_const(leaving)) {
            QString at;
            for (const QString &key : std::as_const(m_healthy))
                for (const VmInfo &vm : engine.fleet()->vms(uri(key)))
                    if (vm.name == guest && vm.state == VmState::Running)
                        at = key;
            if (at.isEmpty())
                continue;
            QSignalSpy back(engine.migrations(), &MigrationManager::jobFinished);
            engine.migrations()->start(Lab::migrationRequest(m_lab, guest, at, m_failing));
            QVERIFY(back.wait(120000));
            QCOMPARE(back.last().first().value<MigrationRecord>().outcome,
                     MigrationOutcome::Completed);
        }
    }

    // At level automatic the policy shifts part of a guest's requests in
    // be_all to the other guest through the lab's real HAProxy, gated step
    // by step, without failing a request, and the plan says the policy
    // decided. The trigger is lowered so that the guests' ordinary load
    // sets it off; every other rule is kept from acting.
    void automaticPolicyShiftsTrafficBetweenGuests()
    {
        if (m_lab.guests().size() < 2)
            QSKIP("The lab needs two guests behind HAProxy.");
        const QString path = m_dir.filePath(QStringLiteral("traffic-policy.db"));
        Engine engine;
        const auto opened = engine.openStore(path);
        QVERIFY2(opened.ok(), qPrintable(opened.error()));
        Policy::AutomationSettings automation;
        automation.fleetLevel = Policy::AutomationLevel::Automatic;
        QVERIFY(automation.save(path));
        Policy::PolicyLimits limits;
        limits.shiftAbove = 0.001;
        limits.shiftClear = 0.0005;
        limits.shiftPeerLimit = 10; // any peer has room
        limits.raiseRisk = limits.clearRisk = 2; // never
        limits.raiseCpu = limits.clearCpu = 100; // never
        limits.shadowBelowHealth = limits.shadowClearHealth = -1; // never
        engine.policy()->setLimits(limits);
        engine.setIntervalMs(1000);
        auto lab = Traffic::Balancer::make(QStringLiteral("lab"),
                                           m_lab.value(QStringLiteral("HAPROXY_SOCKET")));
        QVERIFY(lab.ok());
        QSignalSpy balancers(engine.traffic(), &Traffic::TrafficService::balancersChanged);
        engine.traffic()->saveBalancer(lab.value());
        QVERIFY(balancers.wait(10000));
        QSignalSpy shifted(engine.traffic(), &Traffic::TrafficService::actionFinished);
        engine.start();
        // No exporter: the hosts' drives are not what this test is about.
        for (const QString &key : m_lab.hostKeys()) {
            const auto added = engine.fleet()->addHost(HostConfig(uri(key), false));
            QVERIFY2(added.ok(), qPrintable(key + QStringLiteral(": ") + added.error()));
        }
        const Traffic::RuntimeApi api(lab.value());
        QHash<QString, int> before; // be_all's weights as found
        for (const QString &guest : m_lab.guests())
            before.insert(guest, api.weight({ QStringLiteral("be_all"), guest })->current);
        Lab::HttpPoller poller(QUrl(m_lab.haproxyHttp()), QStringLiteral("umbra-lab-load"), 20,
                               2000, 400);
        poller.start();
        QVERIFY(shifted.wait(180000));
        QTest::qWait(1000);
        poller.stop();
        const auto action = shifted.last().at(0).value<Traffic::TrafficAction>();
        QCOMPARE(shifted.last().at(1).value<Jobs::Outcome>(), Jobs::Outcome::Completed);
        const Traffic::ShiftRequest request = Traffic::ShiftRequest::fromJson(action.request);
        qInfo("%s: %s → %s, %.0f %% (%s)", qUtf8Printable(request.backend),
              qUtf8Printable(request.from), qUtf8Printable(request.to), request.percent,
              qUtf8Printable(Traffic::describeWeights(action.applied)));
        QVERIFY(m_lab.guests().contains(request.from));
        QVERIFY(m_lab.guests().contains(request.to));
        QVERIFY(action.applied.value(request.to) > action.applied.value(request.from));
        QCOMPARE(api.weight({ request.backend, request.to })->current,
                 action.applied.value(request.to));
        const auto served = poller.summary();
        qInfo("HTTP through HAProxy's be_all: %d requests, %d failed", served.requests,
              served.failed);
        QVERIFY(served.requests > 20);
        QCOMPARE(served.failed, 0);

        // The decision was the policy's own.
        engine.policy()->setEnabled(false);
        auto plans = Jobs::PlanStore::open(path, QStringLiteral("lab-traffic-plans"));
        QVERIFY(plans);
        auto executed = plans.value()->plans({ Jobs::PlanState::Executed }, 10);
        QVERIFY(executed);
        QVERIFY(!executed->isEmpty());
        QCOMPARE(executed->first().kind, QStringLiteral("traffic.shift"));
        QCOMPARE(executed->first().decidedBy, QStringLiteral("policy:vm-traffic"));

        // The way back: Restore puts the weights as the shift found them.
        Traffic::TrafficJob back(path, lab.value());
        QCOMPARE(back.restore({ request.backend, request.from }), Jobs::Outcome::Completed);
        for (const QString &guest : m_lab.guests())
            QCOMPARE(api.weight({ QStringLiteral("be_all"), guest })->current, before.value(guest));
    }
    // Umbra in Prometheus mode and in libvirt mode, side by side on the
    // same guests for two minutes: their mean CPU, disk and network rates
    // per guest agree (CPU within 3 points or 10 %, disk and network within
    // 4 KiB/s or 10 %), and Prometheus mode's samples are as old as the
    // scrape behind them.
    void prometheusModeAgreesWithLibvirtMode()
    {
        const QString prometheusUrl = m_lab.value(QStringLiteral("LAB_PROMETHEUS"));
        if (prometheusUrl.isEmpty())
            QSKIP("The lab runs no Prometheus.");
        QTemporaryDir dir;
        Engine libvirtMode;
        Engine prometheusMode;
        for (Engine *engine : { &libvirtMode, &prometheusMode }) {
            engine->setIntervalMs(5000);
            QVERIFY(engine
                        ->openStore(dir.filePath(engine == &libvirtMode
                                                     ? QStringLiteral("libvirt.db")
                                                     : QStringLiteral("prometheus.db")))
                        .ok());
            for (const QString &key : m_lab.hostKeys()) {
                HostConfig host(uri(key), false);
                if (engine == &prometheusMode)
                    host.prometheusUrl = prometheusUrl;
                QVERIFY(engine->fleet()->addHost(host).ok());
            }
            engine->policy()->setEnabled(false); // watching only
        }
        QList<qint64> lagMs;
        QObject::connect(prometheusMode.fleet(), &FleetService::samplesCollected,
                         [&lagMs](const HostSample &host, const QList<VmSample> &vms) {
                             for (const VmSample &vm : vms)
                                 lagMs.append(host.timestampMs - vm.timestampMs);
                         });
        libvirtMode.start();
        prometheusMode.start();
        QTest::qWait(20000);
        const qint64 fromMs = QDateTime::currentMSecsSinceEpoch();
        // A whole lab day at least: Prometheus mode's rates lag the collection
        // by a scrape, and over part of the guests' daily rhythm that lag alone
        // set the two means up to 16 % apart; over whole days it cancels out.
        const int daySeconds = m_lab.value(QStringLiteral("LAB_DAY_SECONDS")).toInt();
        QTest::qWait(std::max(120, daySeconds + 10) * 1000);
        // Prometheus mode's last samples are a scrape older.
        const qint64 toMs = QDateTime::currentMSecsSinceEpoch() - 10000;
        for (Engine *engine : { &libvirtMode, &prometheusMode })
            QCOMPARE(engine->fleet()->hostStatus(uri(m_lab.hostKeys().constFirst())).state,
                     HostState::Connected);

        struct Means
        {
            double cpu = 0, disk = 0, net = 0;
            int samples = 0;
        };
        const auto means = [&](Engine &engine, const QString &uuid) {
            auto history = engine.history()->vmHistory(uuid, fromMs, toMs);
            history.waitForFinished();
            Means m;
            for (const VmSample &s : history.result()) {
                if (std::isnan(s.cpuPercent) || std::isnan(s.diskReadBytesPerSec)
                    || std::isnan(s.netRxBytesPerSec))
                    continue;
                m.cpu += s.cpuPercent;
                m.disk += s.diskReadBytesPerSec + s.diskWriteBytesPerSec;
                m.net += s.netRxBytesPerSec + s.netTxBytesPerSec;
                ++m.samples;
            }
            if (m.samples > 0) {
                m.cpu /= m.samples;
                m.disk /= m.samples;
                m.net /= m.samples;
            }
            return m;
        };
        const auto close = [](double a, double b, double floor) {
            return std::abs(a - b) <= std::max(floor, 0.10 * std::max(a, b));
        };
        int compared = 0;
        for (const QString &key : m_lab.hostKeys())
            for (const VmInfo &vm : libvirtMode.fleet()->vms(uri(key))) {
                if (vm.state != VmState::Running)
                    continue;
                const Means direct = means(libvirtMode, vm.uuid);
                const Means scraped = means(prometheusMode, vm.uuid);
                qInfo("%s: cpu %.1f / %.1f %%, disk %.0f / %.0f B/s, net %.0f / %.0f B/s "
                      "(libvirt / Prometheus, %d / %d samples)",
                      qPrintable(vm.name), direct.cpu, scraped.cpu, direct.disk, scraped.disk,
                      direct.net, scraped.net, direct.samples, scraped.samples);
                QVERIFY(direct.samples >= 20);
                QVERIFY(scraped.samples >= 15);
                QVERIFY2(close(direct.cpu, scraped.cpu, 3.0), qPrintable(vm.name));
                QVERIFY2(close(direct.disk, scraped.disk, 4096), qPrintable(vm.name));
                QVERIFY2(close(direct.net, scraped.net, 4096), qPrintable(vm.name));
                ++compared;
            }
        QVERIFY(compared >= 1);
        std::sort(lagMs.begin(), lagMs.end());
        QVERIFY(!lagMs.isEmpty());
        qInfo("Prometheus mode: samples %lld ms older than the collection (median), %lld ms "
              "at most, over %lld samples",
              lagMs.at(lagMs.size() / 2), lagMs.constLast(), qint64(lagMs.size()));
        libvirtMode.shutdown();
        prometheusMode.shutdown();
    }

    void exporterPageToFlaggedHost()
    {
        const QString error = labReplay({ QStringLiteral("--step"), QStringLiteral("1") });
        QVERIFY2(error.isEmpty(), qPrintable(error));

        Engine engine;
        const auto opened = engine.openStore(m_dir.filePath(QStringLiteral("hardware.db")));
        QVERIFY2(opened.ok(), qPrintable(opened.error()));
        engine.setIntervalMs(1000);
        engine.prediction()->setHardwareIntervalMs(1000);
        QSignalSpy assessed(engine.prediction(), &PredictionProxy::hardwareAssessed);
        QSignalSpy events(engine.events(), &EventLog::eventLogged);
        engine.start();
        for (const QString &key : QStringList{ m_failing } + m_healthy) {
            const auto added = engine.fleet()->addHost(HostConfig(uri(key), false, exporter(key)));
            QVERIFY2(added.ok(), qPrintable(key + QStringLiteral(": ") + added.error()));
        }

        // Every assessment of every host, in order, until the failing host
        // should be emptied: first a warning as the risk passes the flag
        // level, then an error once its VMs should move (the replay has ~45
        // rows; both should come well before its end).
        QHash<QString, QList<Hardware::HostHardwareReport>> reports;
        QList<EventRecord> flags;
        const auto mustMove = [&] {
            return !flags.isEmpty() && flags.last().severity == EventRecord::Severity::Error;
        };
        QDeadlineTimer deadline(120000);
        int seenAssessed = 0, seenEvents = 0;
        while (!mustMove() && !deadline.hasExpired()) {
            QTest::qWait(200);
            for (; seenAssessed < assessed.size(); ++seenAssessed) {
                const auto report
                    = assessed.at(seenAssessed).first().value<Hardware::HostHardwareReport>();
                reports[report.uri].append(report);
            }
            for (; seenEvents < events.size(); ++seenEvents) {
                const auto event = events.at(seenEvents).first().value<EventRecord>();
                if (event.kind == QLatin1String("host.failure_risk")) {
                    qInfo("%s", qUtf8Printable(event.message));
                    flags.append(event);
                }
            }
        }
        QVERIFY2(!flags.isEmpty(), "no host.failure_risk event within two minutes");
        QVERIFY2(mustMove(), "the failing host was never marked for emptying");
        for (const EventRecord &event : std::as_const(flags))
            QCOMPARE(event.hostUri, uri(m_failing));

        // It came from the failing host's drive.
        const auto &failing = reports.value(uri(m_failing));
        QVERIFY(!failing.isEmpty());
        const Hardware::HostHardwareReport &last = failing.last();
        qInfo("%s after %lld assessments: %s", qUtf8Printable(m_failing),
              static_cast<long long>(failing.size()), qUtf8Printable(flags.last().message));
        QVERIFY2(last.readError.isEmpty(), qPrintable(last.readError));
        QCOMPARE(last.exporterUrl, exporter(m_failing));
        QVERIFY(!last.drives.isEmpty());
        QCOMPARE(last.drives.first().drive.serial, kFailingDrive);
        QVERIFY(last.risk.moveVms);
        QVERIFY(!last.risk.breakdown.isEmpty());
        QVERIFY2(last.risk.breakdown.first().id.startsWith(QLatin1String("drive:")),
                 qPrintable(last.risk.breakdown.first().id));

        // It rose: the first page read showed the drive young and clean.
        const Hardware::HostHardwareReport *first = nullptr;
        for (const auto &report : failing)
            if (!report.drives.isEmpty()) {
                first = &report;
                break;
            }
        QVERIFY(first);
        QVERIFY2(first->risk.risk < Hardware::HardwareWatch::kFlagRisk,
                 qPrintable(QString::number(first->risk.risk)));
        QCOMPARE(smart(first->drives.first(), 197), 0.0);
        QVERIFY(smart(last.drives.first(), 197) > 0);

        // The healthy hosts were read too, and none came near a flag.
        for (const QString &key : std::as_const(m_healthy)) {
            const auto &healthy = reports.value(uri(key));
            QVERIFY2(!healthy.isEmpty(), qPrintable(key + QStringLiteral(": never assessed")));
            for (const auto &report : healthy) {
                QVERIFY2(report.readError.isEmpty(), qPrintable(report.readError));
                QVERIFY(report.risk.risk < Hardware::HardwareWatch::kFlagRisk);
                QVERIFY(!report.risk.moveVms);
            }
            QVERIFY(!healthy.last().drives.isEmpty());
            QCOMPARE(healthy.last().drives.first().drive.serial, kHealthyDrive);
        }

        // The host's health score carries the risk and its cause once the
        // next collection is scored; the healthy hosts' scores lose next to
        // nothing to it.
        const int flagPoints = int(std::lround(Hardware::HardwareWatch::kFlagRisk
                                               * Predict::HealthPolicy().failureRiskPoints));
        const QString entity = QStringLiteral("host/") + uri(m_failing);
        QTRY_VERIFY_WITH_TIMEOUT(
            failureRiskPoints(engine.prediction()->health(entity)) >= flagPoints, 15000);
        for (const QString &key : std::as_const(m_healthy))
            QVERIFY2(
                failureRiskPoints(engine.prediction()->health(QStringLiteral("host/") + uri(key)))
                    < flagPoints,
                qPrintable(key));

        // The event reaches the database (the writer stores events with its
        // next batch), not only the screen.
        const auto stored = [&] {
            auto events = engine.events()->recent(500);
            events.waitForFinished();
            const QList<EventRecord> log = events.result();
            return std::any_of(log.cbegin(), log.cend(), [&](const EventRecord &e) {
                return e.kind == QLatin1String("host.failure_risk") && e.hostUri == uri(m_failing);
            });
        };
        QTRY_VERIFY_WITH_TIMEOUT(stored(), 10000);
        engine.shutdown();
    }
};

QTEST_GUILESS_MAIN(TestLabHardware)
#include "tst_labhardware.moc"
