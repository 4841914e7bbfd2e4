// Anomalies from detector score to operator verdict: a series only learns
// for its first day, a spike becomes one
// anomaly (not one per sample), verdicts tune the series they concern and
// survive in the database, and an open anomaly weighs on health until it is
// judged or an hour old.

#include "predict/anomalystore.h"
#include "predict/anomalywatch.h"
#include "store/database.h"

#include <QTemporaryDir>
#include <QTest>
#include <cmath>

using namespace Umbra;
using Predict::AnomalyWatch;

namespace {

const QString kVm = QStringLiteral("vm/11111111-0000-4000-8000-000000000001");
const QString kHost = QStringLiteral("host/test:///default");
constexpr qint64 kStepMs = 5000;
// The tests below the first are about what follows a series' day of
// learning; their watches report from the first sample on.
constexpr qint64 kNoLearning = 0;

// A calm series around 30 % with a little rhythm and noise.
double calm(int i)
{
    return 30 + 3 * std::sin(i / 20.0) + 0.4 * std::sin(i * 2.7);
}

// Feeds `count` calm samples from step `from`; returns the anomalies found.
QList<Anomaly> feedCalm(AnomalyWatch &watch, const QString &entity, int from, int count)
{
    QList<Anomaly> found;
    for (int i = from; i < from + count; ++i) {
        if (auto anomaly = watch.observe(entity, QStringLiteral("cpu"), i * kStepMs, calm(i)))
            found.append(*anomaly);
    }
    return found;
}

} // namespace

class TestAnomalyWatch : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void firstDayOnlyLearns();
    void spikeIsOneAnomaly();
    void falseAlarmsRaiseTheThreshold();
    void openAnomaliesWeighOnHealth();
    void statesSurviveARestart();
    void storeKeepsVerdicts();
};

void TestAnomalyWatch::firstDayOnlyLearns()
{
    constexpr qint64 kMinuteMs = 60 * 1000;
    const QString cpu = QStringLiteral("cpu");
    // A spike to `value` for five minutes from minute `at`; returns how many anomalies it made.
    const auto spike = [&cpu](AnomalyWatch &watch, int at, double value) {
        int found = 0;
        for (int m = at; m < at + 5; ++m)
            found += watch.observe(kVm, cpu, m * kMinuteMs, value).has_value();
        return found;
    };
    const auto calmMinutes = [&cpu](AnomalyWatch &watch, int from, int to) {
        int found = 0;
        for (int m = from; m < to; ++m)
            found += watch.observe(kVm, cpu, m * kMinuteMs, calm(m)).has_value();
        return found;
    };
    AnomalyWatch watch;
    QCOMPARE(calmMinutes(watch, 0, 600), 0);
    // Ten hours in, a spike the detector scores as an anomaly is still learnt silently.
    QCOMPARE(spike(watch, 600, 60), 0);
    QCOMPARE(calmMinutes(watch, 605, 1200), 0);
    // The clock of its learning is kept with the detector's state.
    AnomalyWatch restarted;
    restarted.restoreState(kVm, cpu, watch.saveStates().value(kVm + u'/' + cpu));
    QCOMPARE(spike(restarted, 1200, 60), 0);
    QCOMPARE(calmMinutes(restarted, 1205, 1500), 0);
    // A day after its first sample, the series reports.
    QCOMPARE(spike(restarted, 1500, 95), 1);

    // Without a learning period the first spike of the same series is an anomaly.
    AnomalyWatch eager(kNoLearning);
    QCOMPARE(calmMinutes(eager, 0, 600), 0);
    QCOMPARE(spike(eager, 600, 60), 1);
}

void TestAnomalyWatch::spikeIsOneAnomaly()
{
    AnomalyWatch watch(kNoLearning);
    QVERIFY(feedCalm(watch, kVm, 0, 600).isEmpty());
    QList<Anomaly> found;
    // A minute at 95 %: one incident, one anomaly.
    for (int i = 600; i < 612; ++i) {
        if (auto anomaly = watch.observe(kVm, QStringLiteral("cpu"), i * kStepMs, 95))
            found.append(*anomaly);
    }
    QCOMPARE(found.size(), 1);
    const Anomaly &a = found.first();
    QCOMPARE(a.entity, kVm);
    QCOMPARE(a.metric, QStringLiteral("cpu"));
    QCOMPARE(a.timeMs, 600 * kStepMs);
    QVERIFY(a.score >= AnomalyWatch::kThreshold && a.score <= 1);
    QVERIFY2(a.kind == QLatin1String("spike") || a.kind == QLatin1String("level"),
             qPrintable(a.kind));
    QCOMPARE(a.observed, 95.0);
    QVERIFY2(std::isfinite(a.expected) && std::abs(a.expected - 30) < 8,
             qPrintable(QString::number(a.expected)));
    // The other series of the VM are not touched by it.
    QVERIFY(watch.observe(kVm, QStringLiteral("memory"), 612 * kStepMs, 40) == std::nullopt);
    // NaN is a gap, never an anomaly.
    QVERIFY(watch.observe(kVm, QStringLiteral("cpu"), 613 * kStepMs, qQNaN()) == std::nullopt);
}

void TestAnomalyWatch::falseAlarmsRaiseTheThreshold()
{
    AnomalyWatch watch;
    const QString cpu = QStringLiteral("cpu");
    QCOMPARE(watch.threshold(kVm, cpu), AnomalyWatch::kThreshold);
    Anomaly a;
    a.id = 7;
    a.entity = kVm;
    a.metric = cpu;
    a.verdict = AnomalyVerdict::FalseAlarm;
    watch.applyVerdict(a, AnomalyVerdict::Open);
    const double once = watch.threshold(kVm, cpu);
    QVERIFY(once > AnomalyWatch::kThreshold && once < 1);
    watch.applyVerdict(a, AnomalyVerdict::Open);
    QVERIFY(watch.threshold(kVm, cpu) > once);
    // Only that series; another metric and another VM keep theirs.
    QCOMPARE(watch.threshold(kVm, QStringLiteral("memory")), AnomalyWatch::kThreshold);
    QCOMPARE(watch.threshold(kHost, cpu), AnomalyWatch::kThreshold);
    // Taking a verdict back undoes its effect.
    a.verdict = AnomalyVerdict::Open;
    watch.applyVerdict(a, AnomalyVerdict::FalseAlarm);
    QCOMPARE(watch.threshold(kVm, cpu), once);
    // Stored counts are picked up at start-up.
    AnomalyWatch restarted;
    restarted.setFalseAlarms({ { kVm + QStringLiteral("/cpu"), 1 } });
    QCOMPARE(restarted.threshold(kVm, cpu), once);
}

void TestAnomalyWatch::openAnomaliesWeighOnHealth()
{
    AnomalyWatch watch;
    QVERIFY(!watch.openScore(kVm, 0));
    Anomaly a;
    a.id = 1;
    a.entity = kVm;
    a.metric = QStringLiteral("cpu");
    a.timeMs = 1'000'000;
    a.score = 0.8;
    watch.noteStored(a);
    Anomaly b = a;
    b.id = 2;
    b.metric = QStringLiteral("net_rx");
    b.timeMs = 1'100'000;
    b.score = 0.6;
    watch.noteStored(b);
    QCOMPARE(watch.openScore(kVm, 0).value_or(-1), 0.8);
    QVERIFY(!watch.openScore(kHost, 0));
    // Judged: no longer counts.
    a.verdict = AnomalyVerdict::Expected;
    watch.applyVerdict(a, AnomalyVerdict::Open);
    QCOMPARE(watch.openScore(kVm, 0).value_or(-1), 0.6);
    // Older than the window: forgotten.
    QVERIFY(!watch.openScore(kVm, 1'100'001));
}

void TestAnomalyWatch::statesSurviveARestart()
{
    AnomalyWatch first(kNoLearning);
    QVERIFY(feedCalm(first, kVm, 0, 500).isEmpty());
    const QHash<QString, QByteArray> states = first.saveStates();
    QVERIFY(states.contains(kVm + QStringLiteral("/cpu")));

    AnomalyWatch second(kNoLearning);
    second.restoreState(kVm, QStringLiteral("cpu"), states.value(kVm + QStringLiteral("/cpu")));
    // Both continue identically, the restored one without a new warm-up.
    for (int i = 500; i < 520; ++i) {
        const double value = i < 510 ? calm(i) : 90;
        const auto a = first.observe(kVm, QStringLiteral("cpu"), i * kStepMs, value);
        const auto b = second.observe(kVm, QStringLiteral("cpu"), i * kStepMs, value);
        QCOMPARE(bool(a), bool(b));
        if (a)
            QCOMPARE(a->score, b->score);
    }
    // A damaged state is ignored: the detector starts afresh.
    AnomalyWatch third;
    third.restoreState(kVm, QStringLiteral("cpu"), QByteArrayLiteral("not a detector"));
    QCOMPARE(third.detectorCount(), 1);
    // Removing an entity removes its series and no other's.
    third.restoreState(kHost, QStringLiteral("cpu"), states.value(kVm + QStringLiteral("/cpu")));
    third.restoreState(kVm, QStringLiteral("memory"), {});
    QCOMPARE(third.detectorCount(), 3);
    third.removeEntity(kVm);
    QCOMPARE(third.detectorCount(), 1);
    QVERIFY(third.saveStates().contains(kHost + QStringLiteral("/cpu")));
}

void TestAnomalyWatch::storeKeepsVerdicts()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    auto db = Database::open(dir.filePath(QStringLiteral("umbra.db")), QStringLiteral("anomalies"));
    QVERIFY2(db.ok(), qPrintable(db.ok() ? QString() : db.error()));
    QSqlDatabase sql = db.value()->sql();

    QList<Anomaly> stored;
    for (int i = 0; i < 4; ++i) {
        Anomaly a;
        a.entity = i < 3 ? kVm : kHost;
        a.metric = QStringLiteral("cpu");
        a.timeMs = 1000 * (i + 1);
        a.score = 0.5 + i / 10.0;
        a.kind = QStringLiteral("spike");
        a.expected = i == 1 ? qQNaN() : 30.0;
        a.observed = 90;
        auto added = AnomalyStore::add(sql, a);
        QVERIFY2(added.ok(), qPrintable(added.ok() ? QString() : added.error()));
        QVERIFY(added.value() && added.value()->id > 0);
        stored.append(*added.value());
    }
    // The same series at the same time is stored once.
    auto again = AnomalyStore::add(sql, stored.first());
    QVERIFY(again.ok() && !again.value());
    auto vm = AnomalyStore::range(sql, kVm, 0, 10'000);
    QVERIFY(vm.ok());
    QCOMPARE(vm.value().size(), 3);
    QCOMPARE(vm.value().first().timeMs, 1000); // oldest first
    QVERIFY(std::isnan(vm.value()[1].expected)); // NULL stays unknown
    auto all = AnomalyStore::range(sql, {}, 0, 10'000);
    QCOMPARE(all.value().size(), 4);
    // A limit keeps the newest.
    auto newest = AnomalyStore::range(sql, {}, 0, 10'000, 2);
    QCOMPARE(newest.value().size(), 2);
    QCOMPARE(newest.value().first().timeMs, 3000);
    QCOMPARE(AnomalyStore::range(sql, {}, 2500, 3500).value().size(), 1);

    auto judged = AnomalyStore::setVerdict(sql, stored[0].id, AnomalyVerdict::FalseAlarm, 5000);
    QVERIFY(judged.ok());
    QCOMPARE(judged.value().verdict, AnomalyVerdict::FalseAlarm);
    QCOMPARE(judged.value().entity, kVm);
    (void)AnomalyStore::setVerdict(sql, stored[1].id, AnomalyVerdict::FalseAlarm, 5000);
    (void)AnomalyStore::setVerdict(sql, stored[3].id, AnomalyVerdict::Expected, 5000);
    auto counts = AnomalyStore::falseAlarms(sql, 0);
    QVERIFY(counts.ok());
    QCOMPARE(counts.value().value(kVm + QStringLiteral("/cpu")), 2);
    QCOMPARE(counts.value().value(kHost + QStringLiteral("/cpu")), 0);
    // Only recent verdicts count.
    QCOMPARE(AnomalyStore::falseAlarms(sql, 1500).value().value(kVm + QStringLiteral("/cpu")), 1);
    QVERIFY(!AnomalyStore::find(sql, 9999).ok());
}

QTEST_GUILESS_MAIN(TestAnomalyWatch)
#include "tst_anomalywatch.moc"
