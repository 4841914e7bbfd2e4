// The engine's prediction service on a real database file: every sample is
// scored, a VM heading for saturation is flagged before it gets there with a
// breakdown that adds up, models survive a restart, and late batches are shed.

#include "predict/predictionservice.h"
#include "series/seriesheads.h"
#include "store/database.h"
#include "store/samplestore.h"

#include <QDateTime>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <algorithm>
#include <cmath>
#include <numeric>

using namespace Umbra;

namespace {

constexpr int kIntervalMs = 5000;
const QString kHost = QStringLiteral("test:///default");
const QString kRamp = QStringLiteral("11111111-0000-4000-8000-000000000001");
const QString kIdle = QStringLiteral("11111111-0000-4000-8000-000000000002");

VmInfo vm(const QString &uuid, const QString &name)
{
    VmInfo info;
    info.uuid = uuid;
    info.name = name;
    info.state = VmState::Running;
    info.vcpus = 2;
    info.memoryKiB = 4 * 1024 * 1024;
    return info;
}

// Step `i` of a run: the ramp VM's CPU climbs 0.05 points a sample from 40 %
// (an hour to 100 % from the end of a two-hour run), the idle one stays near 5 %.
QPair<HostSample, QList<VmSample>> batch(qint64 startMs, int i, qint64 stepMs = kIntervalMs)
{
    HostSample host;
    host.uri = kHost;
    host.timestampMs = startMs + qint64(i) * stepMs;
    host.cpuPercent = 30 + 2 * std::sin(i / 7.0);
    host.memoryUsedKiB = 8.0 * 1024 * 1024;
    host.memoryTotalKiB = 64.0 * 1024 * 1024;
    VmSample ramp;
    ramp.uuid = kRamp;
    ramp.timestampMs = host.timestampMs;
    ramp.cpuPercent = std::min(100.0, 40 + 0.025 * i + 0.3 * std::sin(i * 1.3));
    ramp.memoryUsedKiB = 1.0 * 1024 * 1024;
    ramp.diskReadBytesPerSec = 2e6 + 1e5 * std::sin(i / 5.0);
    ramp.diskWriteBytesPerSec = 1e6;
    ramp.netRxBytesPerSec = 5e5;
    ramp.netTxBytesPerSec = 3e5 + 1e4 * std::cos(i / 3.0);
    VmSample idle = ramp;
    idle.uuid = kIdle;
    idle.cpuPercent = 5 + 0.5 * std::sin(i * 0.7);
    return { host, { ramp, idle } };
}

HealthReport reportFor(const QList<HealthReport> &reports, const QString &uuid)
{
    for (const HealthReport &report : reports) {
        if (report.uuid == uuid)
            return report;
    }
    return {};
}

} // namespace

class TestPredictionService : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void rampIsFlaggedBeforeSaturation();
    void distantSaturationIsNotFlagged();
    void noWarningWhileLearning();
    void refilledHistoryRepeatsNoWarning();
    void modelsSurviveARestart();
    void lateBatchesAreShed();
    void calendarIsStoredAndApplied();
    void ioErrorsCountAgainstHealth();
    void failedValidationCountsUntilOnePasses();
    void anomalyIsStoredScoredAndJudged();
    void detectorsLearnFromStoredHistory();
    void learningProgressCountsRunningVms();

private:
    // Writes samples to the store the way the store thread does.
    void storeHistory(const std::shared_ptr<Series::SeriesHeads> &heads, const QList<VmSample> &vms,
                      const QList<HostSample> &hosts);
    void feed(PredictionService &service, qint64 startMs, int from, int to,
              QList<HealthReport> *last = nullptr, qint64 stepMs = kIntervalMs);

    QTemporaryDir m_dir;
    QString m_path;
};

void TestPredictionService::init()
{
    QVERIFY(m_dir.isValid());
    m_path = m_dir.filePath(QStringLiteral("umbra-%1.db").arg(QDateTime::currentMSecsSinceEpoch()));
    // The schema is created the way the console creates it.
    QVERIFY(Database::open(m_path, QStringLiteral("prepare")).ok());
}

void TestPredictionService::feed(PredictionService &service, qint64 startMs, int from, int to,
                                 QList<HealthReport> *last, qint64 stepMs)
{
    QSignalSpy health(&service, &PredictionService::healthUpdated);
    for (int i = from; i < to; ++i) {
        const auto [host, vms] = batch(startMs, i, stepMs);
        service.addSamples(host, vms);
    }
    QCOMPARE(health.count(), to - from);
    if (last)
        *last = health.last().first().value<QList<HealthReport>>();
}

void TestPredictionService::storeHistory(const std::shared_ptr<Series::SeriesHeads> &heads,
                                         const QList<VmSample> &vms, const QList<HostSample> &hosts)
{
    auto db = Database::open(m_path, QStringLiteral("history"));
    QVERIFY(db.ok());
    SampleStore store(db.value()->sql(), heads);
    QVERIFY(store.append(vms, hosts).ok());
    QSqlDatabase sql = db.value()->sql();
    QVERIFY(sql.transaction());
    QVERIFY(store.flush().ok());
    QVERIFY(sql.commit());
    store.committed();
}

void TestPredictionService::rampIsFlaggedBeforeSaturation()
{
    PredictionService service(kIntervalMs, nullptr);
    service.open(m_path);
    service.setInventory(kHost,
                         { vm(kRamp, QStringLiteral("ramp")), vm(kIdle, QStringLiteral("idle")) });
    QSignalSpy flagged(&service, &PredictionService::flagged);

    // Two hours at 5 s: the ramp ends at 76 %, an hour or so from 100 %.
    const qint64 start = QDateTime::currentMSecsSinceEpoch() - 2 * 3600 * 1000;
    QList<HealthReport> reports;
    feed(service, start, 0, 1440, &reports);
    QCOMPARE(reports.size(), 3); // the host and both VMs

    const HealthReport ramp = reportFor(reports, kRamp);
    qInfo("confidence: %s, history %lld s, error %.3f",
          qPrintable(Predict::describe(ramp.cpuConfidence)), ramp.cpuConfidence.historyMs / 1000,
          ramp.cpuConfidence.relativeError);
    // A straight line reaches 100 % in 80 minutes; the models damp trends,
    // but the 95 % band must see it coming within hours, not days.
    QVERIFY(ramp.cpuCrossing.earliestMs.has_value());
    const qint64 inSeconds = (*ramp.cpuCrossing.earliestMs - ramp.atMs) / 1000;
    qInfo("earliest saturation in %lld s, point %s", inSeconds,
          ramp.cpuCrossing.pointMs
              ? qPrintable(QString::number((*ramp.cpuCrossing.pointMs - ramp.atMs) / 1000))
              : "beyond the horizon");
    QVERIFY2(inSeconds > 10 * 60 && inSeconds < 4 * 3600, qPrintable(QString::number(inSeconds)));
    QVERIFY(ramp.health.unhealthyWithinSeconds.has_value());
    QVERIFY(ramp.health.score < 100);
    const int deducted = std::accumulate(
        ramp.health.breakdown.cbegin(), ramp.health.breakdown.cend(), 0,
        [](int sum, const Predict::HealthFactor &factor) { return sum + factor.points; });
    QCOMPARE(ramp.health.score, 100 - deducted);
    QCOMPARE(ramp.health.breakdown.first().id, QStringLiteral("cpu-forecast"));

    const HealthReport idle = reportFor(reports, kIdle);
    QCOMPARE(idle.health.score, 100);

    // Disk and network are modelled from the store when asked for, and
    // this store holds none of the samples fed straight to the service.
    QVERIFY(service
                .forecast(QStringLiteral("vm/") + kRamp, QStringLiteral("disk_rd"),
                          DemandForecast::Tier::Fine, 30)
                .steps.isEmpty());
    QVERIFY(idle.health.breakdown.isEmpty());
    QVERIFY(!idle.cpuCrossing.withinHorizon());

    // One warning for the ramp, naming it, and none for the idle VM.
    for (const QList<QVariant> &args : std::as_const(flagged))
        qInfo("flagged: %s", qPrintable(args.first().value<EventRecord>().message));
    QCOMPARE(flagged.count(), 1);
    const auto event = flagged.first().first().value<EventRecord>();
    QCOMPARE(event.vmUuid, kRamp);
    QCOMPARE(event.kind, QStringLiteral("health.flagged"));
    QVERIFY2(event.message.startsWith(QStringLiteral("ramp ")), qPrintable(event.message));
}

void TestPredictionService::distantSaturationIsNotFlagged()
{
    PredictionService service(kIntervalMs, nullptr);
    service.open(m_path);
    service.setInventory(kHost, { vm(kRamp, QStringLiteral("slow")) });
    QSignalSpy flagged(&service, &PredictionService::flagged);
    QSignalSpy health(&service, &PredictionService::healthUpdated);

    // Two hours of a slow climb, 0.1 points a minute: 100 % is days away.
    const qint64 start = QDateTime::currentMSecsSinceEpoch() - 2 * 3600 * 1000;
    for (int i = 0; i < 1440; ++i) {
        auto [host, vms] = batch(start, i);
        vms[0].cpuPercent = 40 + 0.0015 * i + 0.3 * std::sin(i * 1.3);
        service.addSamples(host, { vms[0] });
    }
    const HealthReport slow = reportFor(health.last().first().value<QList<HealthReport>>(), kRamp);
    qInfo("unhealthy within %lld s, health %d",
          qint64(slow.health.unhealthyWithinSeconds.value_or(-1)), slow.health.score);
    // The forecast sees it and the score pays for it...
    QVERIFY(slow.health.unhealthyWithinSeconds.has_value());
    QVERIFY(*slow.health.unhealthyWithinSeconds > Predict::kSoonSeconds);
    QVERIFY(slow.health.score < 100);
    // ...but a warning in the event log waits until it is within a day.
    for (const QList<QVariant> &args : std::as_const(flagged))
        qInfo("flagged: %s", qPrintable(args.first().value<EventRecord>().message));
    QCOMPARE(flagged.count(), 0);
}

void TestPredictionService::noWarningWhileLearning()
{
    // A new database, as a console first connected: a guest whose CPU
    // wanders between 20 and 33 % and one climbing from 50 % to saturation
    // in about 70 minutes (at 5 s a sample).
    PredictionService service(kIntervalMs, nullptr);
    service.open(m_path);
    service.setInventory(kHost,
                         { vm(kRamp, QStringLiteral("ramp")), vm(kIdle, QStringLiteral("busy")) });
    QSignalSpy flagged(&service, &PredictionService::flagged);
    QSignalSpy health(&service, &PredictionService::healthUpdated);
    const qint64 start = QDateTime::currentMSecsSinceEpoch() - 2 * 3600 * 1000;
    const auto sampleAt = [&](int i) {
        auto [host, vms] = batch(start, i);
        vms[0].cpuPercent = std::min(100.0, 50 + 0.06 * i + 1.5 * std::sin(i * 1.3));
        vms[1].cpuPercent = 26.5 + 6.5 * std::sin(i * 0.9) * std::cos(i * 0.31);
        service.addSamples(host, vms);
        return health.last().first().value<QList<HealthReport>>();
    };

    // The first 30 minutes learn: forecasts exist, warnings do not.
    constexpr int kLearning = 30 * 60 * 1000 / kIntervalMs;
    for (int i = 0; i < kLearning - 1; ++i) {
        const QList<HealthReport> reports = sampleAt(i);
        for (const QString &uuid : { kRamp, kIdle }) {
            const HealthReport report = reportFor(reports, uuid);
            QVERIFY2(!report.cpuCrossing.earliestMs && !report.health.unhealthyWithinSeconds,
                     qPrintable(QStringLiteral("%1 at sample %2").arg(uuid).arg(i)));
            QVERIFY(report.cpuConfidence.learning());
        }
        if (i == 48) {
            // Four minutes in, the console says so.
            const HealthReport report = reportFor(reports, kRamp);
            QCOMPARE(Predict::describe(report.cpuConfidence),
                     QStringLiteral("learning: 4 of 30 minutes"));
            const DemandForecast shown
                = service.forecast(QStringLiteral("vm/") + kRamp, QStringLiteral("cpu"),
                                   DemandForecast::Tier::Fine, 180);
            QVERIFY(!shown.steps.isEmpty());
            QVERIFY(shown.confidence.learning());
        }
    }
    QCOMPARE(flagged.count(), 0);

    // With enough history the ramp is flagged before it saturates; the
    // wandering guest never is.
    int flaggedAt = -1;
    for (int i = kLearning - 1; i < 900 && flaggedAt < 0; ++i) {
        sampleAt(i);
        if (!flagged.isEmpty())
            flaggedAt = i;
    }
    QVERIFY2(flaggedAt > 0, "the ramp was never flagged");
    const double cpuThen = 50 + 0.06 * flaggedAt;
    qInfo("flagged at sample %d (%.0f %% CPU, %d min in)", flaggedAt, cpuThen,
          flaggedAt * kIntervalMs / 60000);
    QVERIFY2(cpuThen < 95, qPrintable(QString::number(cpuThen)));
    QCOMPARE(flagged.count(), 1);
    QCOMPARE(flagged.first().first().value<EventRecord>().vmUuid, kRamp);
}

void TestPredictionService::refilledHistoryRepeatsNoWarning()
{
    // Two hours of the ramp in the store before the service meets it: it is
    // flagged from its first live sample, primed from that history.
    const qint64 start = QDateTime::currentMSecsSinceEpoch() - 2 * 3600 * 1000;
    auto heads = std::make_shared<Series::SeriesHeads>();
    QList<VmSample> vms;
    QList<HostSample> hosts;
    for (int i = 0; i < 1440; ++i) {
        auto [host, batchVms] = batch(start, i);
        vms.append(batchVms[0]);
        hosts.append(host);
    }
    storeHistory(heads, vms, hosts);
    PredictionService service(kIntervalMs, heads);
    service.open(m_path);
    service.setInventory(kHost, { vm(kRamp, QStringLiteral("ramp")) });
    QSignalSpy flagged(&service, &PredictionService::flagged);
    // Primed, the models are fitted over the first live samples (one tier
    // a sample); the warning follows within three.
    int i = 1440;
    for (; i < 1443 && flagged.isEmpty(); ++i) {
        auto [host, live] = batch(start, i);
        service.addSamples(host, { live[0] });
    }
    QCOMPARE(flagged.count(), 1);

    // Every VM metric is forecast, disk and network too (with no capacity):
    // their models are made from the stored history when first asked for,
    // fitted, and then follow the live samples.
    const QString entity = QStringLiteral("vm/") + kRamp;
    for (const QString &metric : { QStringLiteral("disk_rd"), QStringLiteral("net_tx") }) {
        const DemandForecast rate
            = service.forecast(entity, metric, DemandForecast::Tier::Fine, 30);
        QCOMPARE(rate.steps.size(), 30);
        QVERIFY(rate.fitted);
        QVERIFY(!rate.crossing.withinHorizon());
        // Near the level the series kept (2 MB/s read, 0.3 MB/s sent).
        const double level = metric == QLatin1String("disk_rd") ? 2e6 : 3e5;
        QVERIFY2(std::abs(rate.steps.first().point - level) < 0.2 * level,
                 qPrintable(QString::number(rate.steps.first().point)));
    }
    auto [nextHost, next] = batch(start, i++);
    service.addSamples(nextHost, { next[0] });
    QCOMPARE(service.forecast(entity, QStringLiteral("net_tx"), DemandForecast::Tier::Fine, 1)
                 .steps.first()
                 .timeMs,
             next[0].timestampMs + kIntervalMs);
    // Two rates asked for besides the host's and the VM's CPU and memory;
    // not asked again, they are dropped (and not saved) with the next save.
    QCOMPARE(service.modelCount(), 6);
    service.setRateIdleMs(0);
    QTest::qWait(2);
    service.saveModels();
    QCOMPARE(service.modelCount(), 4);
    ModelStateStore states;
    QVERIFY(states.open(m_path).ok());
    QVERIFY(states.load(entity + QStringLiteral("/cpu")).value().size() > 0);
    QVERIFY(states.load(entity + QStringLiteral("/net_tx")).value().isEmpty());

    // History filled in behind the live samples (as the demo's is) makes
    // its models start over from the store: the same warning, not a second,
    // neither while they learn again nor once they judge again.
    service.historyChanged(kRamp);
    for (const int end = i + 3; i < end; ++i) {
        auto [host, live] = batch(start, i);
        service.addSamples(host, { live[0] });
    }
    QCOMPARE(flagged.count(), 1);
}

void TestPredictionService::modelsSurviveARestart()
{
    const qint64 start = QDateTime::currentMSecsSinceEpoch() - 2 * 3600 * 1000;
    const QString entity = QStringLiteral("vm/") + kRamp;
    DemandForecast before;
    {
        PredictionService service(kIntervalMs, nullptr);
        service.open(m_path);
        feed(service, start, 0, 1000);
        before = service.forecast(entity, QStringLiteral("cpu"), DemandForecast::Tier::Fine, 60);
        service.close(); // saves
    }
    QVERIFY(!before.steps.isEmpty());

    PredictionService restarted(kIntervalMs, nullptr);
    restarted.open(m_path);
    // The entity comes back with its first sample after the restart, which
    // resumes where the saved model stopped.
    feed(restarted, start, 1000, 1001);
    const DemandForecast after
        = restarted.forecast(entity, QStringLiteral("cpu"), DemandForecast::Tier::Fine, 60);
    QCOMPARE(after.fitted, before.fitted);
    QCOMPARE(after.seasonSteps, before.seasonSteps);
    QCOMPARE(after.steps.size(), before.steps.size());
    // One more sample moved it a step on; the forecast for the same future
    // time is close to what it was before the restart.
    QCOMPARE(after.steps.first().timeMs, before.steps.at(1).timeMs);
    QVERIFY(std::abs(after.steps.first().point - before.steps.at(1).point) < 2.0);

    // A fresh service on a fresh file starts from nothing.
    init();
    PredictionService fresh(kIntervalMs, nullptr);
    fresh.open(m_path);
    feed(fresh, start, 1000, 1001);
    QCOMPARE(fresh.forecast(entity, QStringLiteral("cpu"), DemandForecast::Tier::Fine, 60).fitted,
             false);
}

void TestPredictionService::lateBatchesAreShed()
{
    PredictionService service(kIntervalMs, nullptr);
    service.open(m_path);
    service.setMaxLagMs(3 * kIntervalMs);
    QSignalSpy health(&service, &PredictionService::healthUpdated);
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    auto [late, lateVms] = batch(now - 60 * 1000, 0);
    service.addSamples(late, lateVms);
    QCOMPARE(service.shedBatches(), 1);
    QCOMPARE(health.count(), 0);
    auto [fresh, freshVms] = batch(now, 0);
    service.addSamples(fresh, freshVms);
    QCOMPARE(service.shedBatches(), 1);
    QCOMPARE(health.count(), 1);
}

void TestPredictionService::calendarIsStoredAndApplied()
{
    const qint64 start = QDateTime::currentMSecsSinceEpoch() - 2 * 3600 * 1000;
    ScopedCalendarEvent sale;
    sale.entity = QStringLiteral("vm/") + kRamp;
    sale.event.name = QStringLiteral("sale");
    sale.event.startMs = start + 3600 * 1000;
    sale.event.endMs = start + 5 * 3600 * 1000;
    {
        PredictionService service(kIntervalMs, nullptr);
        service.open(m_path);
        feed(service, start, 0, 10);
        QSignalSpy changed(&service, &PredictionService::calendarChanged);
        QSignalSpy failed(&service, &PredictionService::failed);
        service.addCalendarEvent(sale);
        QCOMPARE(changed.count(), 1);
        const auto events = changed.first().first().value<QList<ScopedCalendarEvent>>();
        QCOMPARE(events.size(), 1);
        QVERIFY(events.first().id > 0);
        // An event that ends before it starts is refused, with a reason.
        ScopedCalendarEvent backwards = sale;
        backwards.event.endMs = backwards.event.startMs - 1;
        service.addCalendarEvent(backwards);
        QCOMPARE(failed.count(), 1);
        QCOMPARE(changed.count(), 1);
    }
    // Read back by the next run, and applied to the VM it names only.
    PredictionService restarted(kIntervalMs, nullptr);
    QSignalSpy loaded(&restarted, &PredictionService::calendarChanged);
    restarted.open(m_path);
    QCOMPARE(loaded.count(), 1);
    const auto events = loaded.first().first().value<QList<ScopedCalendarEvent>>();
    QCOMPARE(events.size(), 1);
    QCOMPARE(events.first().event.name, QStringLiteral("sale"));
    QVERIFY(events.first().appliesTo(QStringLiteral("vm/") + kRamp));
    QVERIFY(!events.first().appliesTo(QStringLiteral("vm/") + kIdle));
    restarted.removeCalendarEvent(events.first().id);
    QCOMPARE(loaded.count(), 2);
    QVERIFY(loaded.last().first().value<QList<ScopedCalendarEvent>>().isEmpty());
}

void TestPredictionService::ioErrorsCountAgainstHealth()
{
    PredictionService service(kIntervalMs, nullptr);
    service.open(m_path);
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    QList<HealthReport> reports;
    feed(service, now - 10 * kIntervalMs, 0, 10, &reports);
    QCOMPARE(reportFor(reports, kIdle).health.score, 100);

    EventRecord error;
    error.timestampMs = now;
    error.kind = QStringLiteral("vm.io_error");
    error.vmUuid = kIdle;
    service.noteEvent(error);
    service.noteEvent(error);
    // An hour-old error no longer counts; other kinds never do.
    error.timestampMs = now - 2 * 3600 * 1000;
    service.noteEvent(error);
    error.kind = QStringLiteral("vm.state");
    error.timestampMs = now;
    service.noteEvent(error);

    feed(service, now - 10 * kIntervalMs, 10, 11, &reports);
    const HealthReport idle = reportFor(reports, kIdle);
    QVERIFY(idle.health.score < 100);
    QCOMPARE(idle.health.breakdown.first().id, QStringLiteral("io-errors"));
    QVERIFY2(idle.health.breakdown.first().sentence.contains(QLatin1Char('2')),
             qPrintable(idle.health.breakdown.first().sentence));
    const HealthReport ramp = reportFor(reports, kRamp);
    QVERIFY(std::none_of(
        ramp.health.breakdown.cbegin(), ramp.health.breakdown.cend(),
        [](const Predict::HealthFactor &f) { return f.id == QLatin1String("io-errors"); }));
}

// A VM whose shadow failed its last validation loses points with the
// reason; once a validation passes (the set no longer names it), none.
void TestPredictionService::failedValidationCountsUntilOnePasses()
{
    PredictionService service(kIntervalMs, nullptr);
    service.open(m_path);
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    QList<HealthReport> reports;
    feed(service, now - 10 * kIntervalMs, 0, 10, &reports);
    QCOMPARE(reportFor(reports, kIdle).health.score, 100);

    service.setFailedValidations(
        { { kIdle, QStringLiteral("the copy stopped 2.0 s into its boot") } });
    feed(service, now - 10 * kIntervalMs, 10, 11, &reports);
    const HealthReport failed = reportFor(reports, kIdle);
    QCOMPARE(failed.health.score, 75);
    QCOMPARE(failed.health.breakdown.first().id, QStringLiteral("shadow-validation"));
    QVERIFY2(
        failed.health.breakdown.first().sentence.contains(QLatin1String("2.0 s into its boot")),
        qPrintable(failed.health.breakdown.first().sentence));
    QVERIFY(std::none_of(
        reportFor(reports, kRamp).health.breakdown.cbegin(),
        reportFor(reports, kRamp).health.breakdown.cend(),
        [](const Predict::HealthFactor &f) { return f.id == QLatin1String("shadow-validation"); }));

    service.setFailedValidations({});
    feed(service, now - 10 * kIntervalMs, 11, 12, &reports);
    QCOMPARE(reportFor(reports, kIdle).health.score, 100);
}

void TestPredictionService::anomalyIsStoredScoredAndJudged()
{
    // A sample a minute: the 1500 before the jump are the day in which the
    // VMs' detectors only learn, and an hour.
    constexpr qint64 kStepMs = 60 * 1000;
    constexpr int kJump = 1500;
    const qint64 start = QDateTime::currentMSecsSinceEpoch() - (kJump + 10) * kStepMs;
    const QString idle = QStringLiteral("vm/") + kIdle;
    const auto onIdle = [&idle](const QList<QVariant> &args) {
        return args.first().value<QList<Anomaly>>().first().entity == idle;
    };
    qint64 anomalyId = 0;
    {
        PredictionService service(kIntervalMs, nullptr);
        service.open(m_path);
        service.setInventory(
            kHost, { vm(kRamp, QStringLiteral("ramp")), vm(kIdle, QStringLiteral("idle")) });
        QSignalSpy found(&service, &PredictionService::anomaliesFound);
        feed(service, start, 0, kJump, nullptr, kStepMs);
        // (By then the ramp VM's climb is a level shift of its own.)
        QVERIFY(std::none_of(found.cbegin(), found.cend(), onIdle));
        found.clear();

        // The idle VM jumps to 90 % for five minutes.
        QList<HealthReport> reports;
        QSignalSpy health(&service, &PredictionService::healthUpdated);
        for (int i = kJump; i < kJump + 5; ++i) {
            auto [host, vms] = batch(start, i, kStepMs);
            vms[1].cpuPercent = 90;
            service.addSamples(host, vms);
        }
        QCOMPARE(std::count_if(found.cbegin(), found.cend(), onIdle), 1);
        const auto incident
            = std::find_if(found.cbegin(), found.cend(), onIdle)->first().value<QList<Anomaly>>();
        QCOMPARE(incident.size(), 1);
        const Anomaly anomaly = incident.first();
        QCOMPARE(anomaly.entity, idle);
        QCOMPARE(anomaly.metric, QStringLiteral("cpu"));
        QVERIFY(anomaly.id > 0);
        anomalyId = anomaly.id;
        // It weighs on the idle VM's health, with its own line in the breakdown.
        const HealthReport report
            = reportFor(health.last().first().value<QList<HealthReport>>(), kIdle);
        QVERIFY(std::any_of(
            report.health.breakdown.cbegin(), report.health.breakdown.cend(),
            [](const Predict::HealthFactor &f) { return f.id == QLatin1String("anomaly"); }));

        const QList<Anomaly> stored
            = service.anomalies(idle, start, start + (kJump + 10) * kStepMs);
        QCOMPARE(stored.size(), 1);
        QCOMPARE(stored.first().id, anomalyId);

        QSignalSpy changed(&service, &PredictionService::anomalyChanged);
        service.setAnomalyVerdict(anomalyId, AnomalyVerdict::FalseAlarm);
        QCOMPARE(changed.count(), 1);
        QCOMPARE(changed.first().first().value<Anomaly>().verdict, AnomalyVerdict::FalseAlarm);
        // Judged: it no longer weighs on health.
        auto [host, vms] = batch(start, kJump + 5, kStepMs);
        QSignalSpy after(&service, &PredictionService::healthUpdated);
        service.addSamples(host, vms);
        const HealthReport judged
            = reportFor(after.last().first().value<QList<HealthReport>>(), kIdle);
        QVERIFY(std::none_of(
            judged.health.breakdown.cbegin(), judged.health.breakdown.cend(),
            [](const Predict::HealthFactor &f) { return f.id == QLatin1String("anomaly"); }));
        service.close();
    }
    // The verdict is kept.
    PredictionService restarted(kIntervalMs, nullptr);
    restarted.open(m_path);
    const QList<Anomaly> kept = restarted.anomalies(idle, start, start + (kJump + 10) * kStepMs);
    QVERIFY(!kept.isEmpty());
    QCOMPARE(kept.first().id, anomalyId);
    QCOMPARE(kept.first().verdict, AnomalyVerdict::FalseAlarm);
}

void TestPredictionService::detectorsLearnFromStoredHistory()
{
    // A day and an hour of the idle VM's history, a sample a minute, stored
    // before the service meets the VM: a jump of its CPU and disk traffic in
    // its third hour, which its detectors learn silently like everything of
    // their first day, and one in the last hour, which they report, as one
    // incident.
    constexpr qint64 kStepMs = 60 * 1000;
    constexpr int kSamples = 1510;
    constexpr int kEarlyJump = 120, kLateJump = 1480;
    const qint64 start = QDateTime::currentMSecsSinceEpoch() - kSamples * kStepMs;
    auto heads = std::make_shared<Series::SeriesHeads>();
    QList<VmSample> vms;
    QList<HostSample> hosts;
    for (int i = 0; i < kSamples; ++i) {
        auto [host, batchVms] = batch(start, i, kStepMs);
        VmSample idle = batchVms[1];
        if ((i >= kEarlyJump && i < kEarlyJump + 5) || (i >= kLateJump && i < kLateJump + 5)) {
            idle.cpuPercent = 90;
            idle.diskReadBytesPerSec = 40e6;
            idle.diskWriteBytesPerSec = 30e6;
        }
        vms.append(idle);
        hosts.append(host);
    }
    storeHistory(heads, vms, hosts);

    PredictionService service(kIntervalMs, heads);
    service.open(m_path);
    service.setInventory(kHost, { vm(kIdle, QStringLiteral("idle")) });
    QSignalSpy found(&service, &PredictionService::anomaliesFound);
    auto [host, live] = batch(start, kSamples, kStepMs);
    service.addSamples(host, { live[1] });
    QCOMPARE(found.count(), 1);
    const auto incident = found.first().first().value<QList<Anomaly>>();
    QStringList metrics;
    for (const Anomaly &anomaly : incident) {
        QCOMPARE(anomaly.entity, QStringLiteral("vm/") + kIdle);
        QCOMPARE(anomaly.timeMs, start + kLateJump * kStepMs);
        QVERIFY(anomaly.id > 0);
        metrics.append(anomaly.metric);
    }
    metrics.sort();
    QCOMPARE(metrics,
             QStringList(
                 { QStringLiteral("cpu"), QStringLiteral("disk_rd"), QStringLiteral("disk_wr") }));

    // After a crash (nothing saved) the same history is replayed: the
    // incident is not reported again, but it still weighs on health while
    // it is open and recent.
    PredictionService restarted(kIntervalMs, heads);
    restarted.open(m_path);
    restarted.setInventory(kHost, { vm(kIdle, QStringLiteral("idle")) });
    QSignalSpy again(&restarted, &PredictionService::anomaliesFound);
    QSignalSpy health(&restarted, &PredictionService::healthUpdated);
    restarted.addSamples(host, { live[1] });
    QCOMPARE(again.count(), 0);
    const HealthReport report
        = reportFor(health.last().first().value<QList<HealthReport>>(), kIdle);
    QVERIFY(std::any_of(
        report.health.breakdown.cbegin(), report.health.breakdown.cend(),
        [](const Predict::HealthFactor &f) { return f.id == QLatin1String("anomaly"); }));
}

// After a start, the console shows how many running VMs have their models
// (restored or learnt): counted on the inventory, reported at most every
// quarter second, and no more once every VM has had its models for two
// intervals without a new one.
void TestPredictionService::learningProgressCountsRunningVms()
{
    PredictionService service(1000, std::make_shared<Series::SeriesHeads>());
    service.open(m_path);
    VmInfo off = vm(QStringLiteral("11111111-0000-4000-8000-000000000003"), QStringLiteral("off"));
    off.state = VmState::ShutOff;
    QSignalSpy progress(&service, &PredictionService::learningProgress);
    // From the inventory on, the VMs to come are counted.
    service.setInventory(
        kHost, { vm(kRamp, QStringLiteral("ramp")), vm(kIdle, QStringLiteral("idle")), off });
    QCOMPARE(progress.count(), 1);
    QCOMPARE(progress.last(), (QVariantList{ 0, 2 }));
    const qint64 start = QDateTime::currentMSecsSinceEpoch();
    const auto add = [&](int i, bool both) {
        auto [host, vms] = batch(start, i, 1000);
        if (!both)
            vms.removeLast();
        service.addSamples(host, vms);
    };

    QTest::qWait(PredictionService::kProgressMs + 50);
    add(0, false); // the ramp VM's models are made; the idle one's not yet
    QCOMPARE(progress.count(), 2);
    QCOMPARE(progress.last(), (QVariantList{ 1, 2 }));
    add(1, true);
    QCOMPARE(progress.count(), 2); // within the quarter second

    QTest::qWait(PredictionService::kProgressMs + 50);
    add(2, true);
    QCOMPARE(progress.count(), 3);
    QCOMPARE(progress.last(), (QVariantList{ 2, 2 }));

    // Two intervals without a new VM: the last report, then none.
    QTest::qWait(2000 + 50);
    add(3, true);
    QCOMPARE(progress.count(), 4);
    QCOMPARE(progress.last(), (QVariantList{ 2, 2 }));
    QTest::qWait(PredictionService::kProgressMs + 50);
    add(4, true);
    QCOMPARE(progress.count(), 4);
}

QTEST_GUILESS_MAIN(TestPredictionService)
#include "tst_predictionservice.moc"
