// The forecaster: seasonality detection on series with known cycles, exact
// forecasts of a pure cycle, honest intervals, time to crossing, calendar
// events, saved state, and refits handed over from another thread.
#include "../fuzz/savedstate.h"
#include "predict/autocorrelation.h"
#include "predict/crossing.h"
#include "predict/demandmodel.h"
#include "predict/forecaster.h"
#include "predict/forecastfit.h"
#include "predict/samplehistory.h"
#include "predict/seasonality.h"

#include <QDataStream>
#include <QFile>
#include <QPointF>
#include <QTest>
#include <cmath>
#include <numbers>
#include <random>
#include <thread>

using namespace Umbra;
using namespace Umbra::Predict;

namespace {

constexpr int kDay = 288; // at 5 minutes
constexpr qint64 kStepMs = 300'000;
constexpr qint64 kStartMs = 1'700'006'400'000; // 2023-11-15T00:00:00Z, a Wednesday
constexpr double kTwoPi = 2 * std::numbers::pi;

std::vector<double> dailySine(int samples, int period, double amplitude, double noise,
                              quint32 seed = 1)
{
    std::mt19937 rng(seed);
    std::normal_distribution<double> gauss(0, 1);
    std::vector<double> v(static_cast<size_t>(samples));
    for (int i = 0; i < samples; ++i)
        v[size_t(i)] = 50 + amplitude * std::sin(kTwoPi * i / period) + noise * gauss(rng);
    return v;
}

Forecaster fed(const std::vector<double> &values, ForecasterOptions options = {})
{
    Forecaster f(options);
    const qint64 step = qint64(options.intervalSeconds) * 1000;
    for (size_t i = 0; i < values.size(); ++i)
        f.update(kStartMs + qint64(i) * step, values[i]);
    return f;
}

bool sameForecast(const QList<ForecastStep> &a, const QList<ForecastStep> &b)
{
    if (a.size() != b.size())
        return false;
    for (qsizetype i = 0; i < a.size(); ++i) {
        if (a[i].timeMs != b[i].timeMs || a[i].point != b[i].point || a[i].lower80 != b[i].lower80
            || a[i].upper80 != b[i].upper80 || a[i].lower95 != b[i].lower95
            || a[i].upper95 != b[i].upper95)
            return false;
    }
    return true;
}

} // namespace

class TestForecast : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // The ring holds what it was given, newest last, and only that much
    // memory until it is full; then the oldest slot falls out.
    // A coarse tier that holds a few hours and reads the rest of its month
    // from where the history is kept forecasts exactly as one that holds
    // the month itself, and unlike one that only has those hours.
    void coarseTierReadsItsMonthFromTheStore()
    {
        constexpr qint64 kStepMs = 300 * 1000;
        const qint64 start = 1'700'000'000'000 / kStepMs * kStepMs;
        const auto demand = [](qint64 slot) {
            const double day = double(slot % 288) / 288.0;
            const bool weekend = (slot / 288) % 7 >= 5;
            return (weekend ? 20.0 : 45.0) + 15.0 * std::sin(2 * std::numbers::pi * day)
                + double((slot * 7919) % 13) * 0.3;
        };
        Predict::DemandModel whole(10), lean(10), forgetful(10);
        QList<QPointF> store;
        int reads = 0;
        lean.setCoarseHistory([&](qint64 fromMs, qint64 toMs) {
            ++reads;
            QList<QPointF> out;
            for (const QPointF &mean : std::as_const(store))
                if (mean.x() >= double(fromMs) && mean.x() < double(toMs))
                    out.append(mean);
            return out;
        });
        forgetful.setCoarseHistory([](qint64, qint64) { return QList<QPointF>(); });
        constexpr int kSlots = 24 * 288;
        for (qint64 slot = 0; slot < kSlots; ++slot) {
            const qint64 t = start + slot * kStepMs;
            for (Predict::DemandModel *model : { &whole, &lean, &forgetful })
                model->addCoarse(t, demand(slot));
            store.append(QPointF(double(t), demand(slot)));
        }
        QCOMPARE(whole.coarse().retainedSamples(), kSlots);
        QCOMPARE(lean.coarse().retainedSamples(), Predict::DemandModel::kCoarseHeldSteps);
        for (Predict::DemandModel *model : { &whole, &lean, &forgetful }) {
            while (model->refitIfDue()) { }
            QVERIFY(model->coarse().isFitted());
        }
        QCOMPARE(reads, 1);
        const QList<Predict::ForecastStep> a = whole.coarse().forecast(3 * 288);
        const QList<Predict::ForecastStep> b = lean.coarse().forecast(3 * 288);
        const QList<Predict::ForecastStep> c = forgetful.coarse().forecast(3 * 288);
        double apart = 0;
        for (qsizetype i = 0; i < a.size(); ++i) {
            QCOMPARE(b[i].timeMs, a[i].timeMs);
            QCOMPARE(b[i].point, a[i].point);
            QCOMPARE(b[i].upper95, a[i].upper95);
            apart = std::max(apart, std::abs(c[i].point - a[i].point));
        }
        qInfo("period %d (%d held alone), largest difference %.1f points",
              whole.coarse().modelPeriod(), forgetful.coarse().modelPeriod(), apart);
        // A few hours say nothing of the weekend ahead.
        QVERIFY2(apart > 5, qPrintable(QString::number(apart)));
    }

    void historyGrowsWithWhatItHolds()
    {
        Predict::SampleHistory history(1000);
        for (int slot = 0; slot < 10; ++slot)
            history.append(slot, float(slot));
        QCOMPARE(history.size(), 10);
        QVERIFY(history.bytes() <= 64 * sizeof(float));
        for (int slot = 10; slot < 2500; ++slot)
            history.append(slot, float(slot));
        QCOMPARE(history.size(), 1000);
        QCOMPARE(history.firstSlot(), 1500);
        QCOMPARE(history.bytes(), 1000 * sizeof(float));
        for (qint64 slot = history.firstSlot(); slot <= history.lastSlot(); ++slot)
            QCOMPARE(history.at(slot), float(slot));
        const std::vector<float> copy = history.toVector();
        Predict::SampleHistory restored(1000);
        restored.assign(history.lastSlot(), copy);
        QCOMPARE(restored.toVector(), copy);
        QCOMPARE(restored.bytes(), 1000 * sizeof(float));
        history.clear();
        history.append(7, 3.5f);
        QCOMPARE(history.size(), 1);
        QCOMPARE(history.at(7), 3.5f);
    }

    void seasonality_data();
    void seasonality();
    void seasonalityGrowsWithData();
    void autocorrelationIsTheDirectSum();
    void pureSeasonalIsNearExact();
    void intervalsWidenWithHorizon();
    void coverageOfNoisySeasonal();
    void recentStepSizeFadesWithTheHorizon();
    void crossingOfLinearRamp();
    void crossingNotWithinHorizon();
    void eventUpliftIsApplied();
    void stateRoundTrip();
    void youngFitKeepsOnlyMeasuredBuckets();
    void corruptAndNewerStatesRefused();
    void gapsConstantsAndShortSeries();
    void refitOnAnotherThread();
    void followsTheMemberThatIsBetterAlone();
    void trackRecordOfARandomWalkIsNaives();
    void nextStepWeighsMembersByEveryStep();
    void bucketForecastsMatchTheIteratedOnes();
    void nextStepFollowsWhatWorkedLately();
    void confidenceIsEarnedFromHistory();
    void aGapMakesNoTierDue();
    void demandModelTrendSurvivesItsState();
    void recentValuesSkipGaps();
    void stateWithSlotsOutOfRangeIsRefused();
};

void TestForecast::seasonality_data()
{
    QTest::addColumn<QList<double>>("values");
    QTest::addColumn<int>("interval");
    QTest::addColumn<int>("kind");
    QTest::addColumn<int>("period");

    auto toList = [](const std::vector<double> &v) { return QList<double>(v.begin(), v.end()); };
    std::mt19937 rng(7);
    std::normal_distribution<double> gauss(0, 1);

    QTest::newRow("daily at 5 min")
        << toList(dailySine(10 * kDay, kDay, 10, 3)) << 300 << int(SeasonKind::Daily) << kDay;

    // A slow weekly swell without a daily cycle.
    QTest::newRow("weekly") << toList(dailySine(5 * 7 * kDay, 7 * kDay, 10, 2)) << 300
                            << int(SeasonKind::Weekly) << 7 * kDay;

    // Office hours on weekdays only: a daily cycle and a weekend.
    std::vector<double> office(static_cast<size_t>(5 * 7 * kDay));
    for (size_t i = 0; i < office.size(); ++i) {
        const int day = int(i / kDay) % 7;
        const double hour = double(i % kDay) / 12;
        const bool working = day < 5 && hour >= 8 && hour < 18;
        office[i]
            = 20 + (working ? 40 : 0) + 5 * std::sin(kTwoPi * double(i) / kDay) + 3 * gauss(rng);
    }
    QTest::newRow("daily and weekly")
        << toList(office) << 300 << int(SeasonKind::DailyAndWeekly) << kDay;

    // The lab's compressed day: 300 s sampled every 5 s.
    QTest::newRow("compressed day")
        << toList(dailySine(50 * 60, 60, 10, 3)) << 5 << int(SeasonKind::Other) << 60;

    // A batch job every 37 minutes, as a square wave.
    std::vector<double> batch(static_cast<size_t>(40 * 37));
    for (size_t i = 0; i < batch.size(); ++i)
        batch[i] = (i % 37 < 10 ? 80 : 10) + 4 * gauss(rng);
    QTest::newRow("arbitrary period") << toList(batch) << 60 << int(SeasonKind::Other) << 37;

    QTest::newRow("flat") << QList<double>(3000, 42.0) << 300 << int(SeasonKind::None) << 0;

    std::vector<double> noise(static_cast<size_t>(8640));
    for (double &v : noise)
        v = 50 + 10 * gauss(rng);
    QTest::newRow("white noise") << toList(noise) << 300 << int(SeasonKind::None) << 0;
}

void TestForecast::seasonality()
{
    QFETCH(QList<double>, values);
    QFETCH(int, interval);
    QFETCH(int, kind);
    QFETCH(int, period);
    const std::vector<double> v(values.begin(), values.end());
    const Seasonality s = detectSeasonality(v, interval);
    QCOMPARE(int(s.kind()), kind);
    QCOMPARE(s.period, period);
    if (period > 0)
        QVERIFY2(s.strength > 0.3, qPrintable(QString::number(s.strength)));
}

void TestForecast::seasonalityGrowsWithData()
{
    // A day of data cannot show a daily cycle; three days can.
    const std::vector<double> v = dailySine(3 * kDay, kDay, 10, 3);
    QCOMPARE(detectSeasonality(std::span(v).first(kDay), 300).kind(), SeasonKind::None);
    QCOMPARE(detectSeasonality(v, 300).kind(), SeasonKind::Daily);

    Forecaster f = fed(std::vector<double>(v.begin(), v.begin() + kDay));
    f.refit();
    QCOMPARE(f.modelPeriod(), 0);
    for (int i = kDay; i < 3 * kDay; ++i)
        f.update(kStartMs + i * kStepMs, v[size_t(i)]);
    f.refit();
    QCOMPARE(f.seasonality().kind(), SeasonKind::Daily);
    QCOMPARE(f.modelPeriod(), kDay);
}

void TestForecast::pureSeasonalIsNearExact()
{
    const std::vector<double> v = dailySine(7 * kDay + 17, kDay, 20, 0);
    Forecaster f = fed(v);
    f.refit();
    const QList<ForecastStep> steps = f.forecast(2 * kDay);
    QCOMPARE(steps.size(), 2 * kDay);
    double worst = 0;
    for (int k = 1; k <= 2 * kDay; ++k) {
        const double truth = 50 + 20 * std::sin(kTwoPi * (7 * kDay + 17 + k - 1) / kDay);
        worst = std::max(worst, std::abs(steps[k - 1].point - truth));
    }
    // 0.5 % of the amplitude.
    QVERIFY2(worst < 0.1, qPrintable(QString::number(worst)));
    QCOMPARE(steps[0].timeMs, kStartMs + (7 * kDay + 17) * kStepMs);
}

void TestForecast::intervalsWidenWithHorizon()
{
    std::mt19937 rng(3);
    std::normal_distribution<double> gauss(0, 1);
    std::vector<double> v(static_cast<size_t>(14 * kDay));
    double walk = 0;
    for (size_t i = 0; i < v.size(); ++i) {
        walk += 0.5 * gauss(rng);
        v[i] = 100 + walk + 10 * std::sin(kTwoPi * double(i) / kDay) + gauss(rng);
    }
    Forecaster f = fed(v);
    f.refit();
    const QList<ForecastStep> steps = f.forecast(kDay);
    auto width95 = [&](int k) { return steps[k - 1].upper95 - steps[k - 1].lower95; };
    auto width80 = [&](int k) { return steps[k - 1].upper80 - steps[k - 1].lower80; };
    QVERIFY(width95(1) > 0);
    QVERIFY2(width95(12) > 1.3 * width95(1),
             qPrintable(QStringLiteral("%1 %2").arg(width95(12)).arg(width95(1))));
    QVERIFY(width95(288) > 1.5 * width95(12));
    for (int k : { 1, 12, 288 })
        QVERIFY(width80(k) < width95(k));
}

void TestForecast::coverageOfNoisySeasonal()
{
    // A daily cycle with autocorrelated Gaussian noise, whose errors to come
    // are like its past ones: the measured error quantiles alone (widenings
    // of 1) must hold 92…97 % of the truths in the 95 % intervals over many
    // origins and steps 1…24. The console widens them for real traces'
    // fatter tails out of sample (FitTuning): more coverage here, not less.
    std::mt19937 rng(11);
    std::normal_distribution<double> gauss(0, 1);
    const int samples = 40 * kDay;
    std::vector<double> v(static_cast<size_t>(samples));
    double noise = 0;
    for (int i = 0; i < samples; ++i) {
        noise = 0.6 * noise + 2 * gauss(rng);
        v[size_t(i)] = 60 + 15 * std::sin(kTwoPi * i / kDay) + noise;
    }
    struct Coverage
    {
        int inside95 = 0, inside80 = 0, truths = 0;
        double of95() const { return double(inside95) / truths; }
        double of80() const { return double(inside80) / truths; }
    } measured, console;
    for (int origin = 14 * kDay; origin + 24 <= samples; origin += 61) {
        std::vector<double> train(v.begin() + (origin - 14 * kDay), v.begin() + origin);
        Forecaster f = fed(train);
        for (Coverage *c : { &measured, &console }) {
            FitInput input = f.fitInput();
            if (c == &measured)
                input.tuning = FitTuning{ 1.0, 1.0, input.tuning.scaleBlend };
            f.adopt(Forecaster::fit(input));
            const QList<ForecastStep> steps = f.forecast(24);
            for (int k = 0; k < 24; ++k) {
                const double y = v[size_t(origin + k)];
                c->inside95 += y >= steps[k].lower95 && y <= steps[k].upper95;
                c->inside80 += y >= steps[k].lower80 && y <= steps[k].upper80;
                ++c->truths;
            }
        }
    }
    qInfo("coverage over %d truths: 80 %% -> %.3f, 95 %% -> %.3f measured; %.3f, %.3f widened",
          measured.truths, measured.of80(), measured.of95(), console.of80(), console.of95());
    QVERIFY2(measured.of95() >= 0.92 && measured.of95() <= 0.97,
             qPrintable(QString::number(measured.of95())));
    QVERIFY2(measured.of80() >= 0.74 && measured.of80() <= 0.86,
             qPrintable(QString::number(measured.of80())));
    QVERIFY(console.of95() > measured.of95() && console.of95() < 1.0);
    QVERIFY(console.of80() > measured.of80() && console.of80() < console.of95());
}

void TestForecast::recentStepSizeFadesWithTheHorizon()
{
    // Three weeks of a daily cycle with noise, then six calm hours. With
    // intervals that follow the recent step size (a scale blend), the calm
    // narrows the bands of the next steps, but a day ahead the series has had
    // time to return to its usual steps: there the bands must be as wide as
    // those drawn from the typical step size alone.
    std::mt19937 rng(17);
    std::normal_distribution<double> gauss(0, 1);
    std::vector<double> v;
    for (int i = 0; i < 21 * kDay; ++i)
        v.push_back(50 + 10 * std::sin(kTwoPi * i / kDay) + 2 * gauss(rng));
    for (int i = 0; i < 72; ++i)
        v.push_back(50 + 10 * std::sin(kTwoPi * double(v.size()) / kDay) + 0.05 * gauss(rng));
    Forecaster f = fed(v);
    auto widths95 = [&f](double blend) {
        FitInput input = f.fitInput();
        input.tuning = FitTuning{ 1.0, 1.0, blend };
        f.adopt(Forecaster::fit(input));
        const QList<ForecastStep> steps = f.forecast(kDay);
        return std::pair{ steps.first().upper95 - steps.first().lower95,
                          steps.last().upper95 - steps.last().lower95 };
    };
    const auto [typicalNext, typicalDay] = widths95(0.0);
    const auto [recentNext, recentDay] = widths95(0.7);
    QVERIFY2(recentNext < 0.6 * typicalNext,
             qPrintable(QStringLiteral("%1 %2").arg(recentNext).arg(typicalNext)));
    QVERIFY2(recentDay > 0.9 * typicalDay && recentDay < 1.1 * typicalDay,
             qPrintable(QStringLiteral("%1 %2").arg(recentDay).arg(typicalDay)));
}

void TestForecast::crossingOfLinearRamp()
{
    // Memory leaking 0.05 %/5 min from 20 %, with a little noise: after 1000
    // samples it is near 70 %, so it reaches 100 % about 600 steps later.
    std::mt19937 rng(5);
    std::normal_distribution<double> gauss(0, 0.2);
    std::vector<double> v(1000);
    for (size_t i = 0; i < v.size(); ++i)
        v[i] = 20 + 0.05 * double(i) + gauss(rng);
    Forecaster f = fed(v);
    f.refit();
    const Crossing c = timeToCrossing(f, 100, 7 * kDay);
    QVERIFY(c.withinHorizon());
    const double steps = double(*c.pointMs - f.lastTimeMs()) / kStepMs;
    QVERIFY2(std::abs(steps - 601) < 30, qPrintable(QString::number(steps)));
    QVERIFY(c.earliestMs && *c.earliestMs <= *c.pointMs);
    QVERIFY(c.latestMs && *c.latestMs >= *c.pointMs);
    QVERIFY(*c.earliestMs > f.lastTimeMs());
}

void TestForecast::crossingNotWithinHorizon()
{
    const QList<ForecastStep> flat = { { 1000, 50, 45, 55, 40, 60 }, { 2000, 50, 44, 56, 38, 62 } };
    const Crossing none = crossingOf(flat, 100);
    QVERIFY(!none.withinHorizon() && !none.earliestMs && !none.latestMs);
    // The upper band alone reaches 61: earliest, but no point or latest.
    const Crossing band = crossingOf(flat, 61, 0, 50);
    QVERIFY(!band.withinHorizon());
    QCOMPARE(*band.earliestMs, 1500);
}

void TestForecast::eventUpliftIsApplied()
{
    // A nightly backup adds 30 between 02:00 and 03:00 to a daily cycle.
    const CalendarEvent backup{ QStringLiteral("backup"), kStartMs + 2 * 3600'000,
                                kStartMs + 3 * 3600'000, CalendarEvent::Recurrence::Daily };
    std::vector<double> v = dailySine(10 * kDay, kDay, 10, 1, 9);
    for (size_t i = 0; i < v.size(); ++i) {
        if (backup.contains(kStartMs + qint64(i) * kStepMs))
            v[i] += 30;
    }
    Forecaster f;
    f.setEvents({ backup });
    for (size_t i = 0; i < v.size(); ++i)
        f.update(kStartMs + qint64(i) * kStepMs, v[i]);
    f.refit();
    QCOMPARE(f.uplifts().size(), 1);
    const EventUplift uplift = f.uplifts().first();
    QCOMPARE(uplift.name, QStringLiteral("backup"));
    QCOMPARE(uplift.samples, 10 * 12);

    const QList<ForecastStep> steps = f.forecast(kDay);
    double inside = 0, outsideError = 0;
    int insideCount = 0, outsideCount = 0;
    for (int k = 1; k <= kDay; ++k) {
        const ForecastStep &s = steps[k - 1];
        const double normal = 50 + 10 * std::sin(kTwoPi * (10 * kDay + k - 1) / kDay);
        if (backup.contains(s.timeMs)) {
            inside += s.point - normal;
            ++insideCount;
        } else {
            outsideError += std::abs(s.point - normal);
            ++outsideCount;
        }
    }
    QCOMPARE(insideCount, 12);
    QVERIFY2(std::abs(inside / insideCount - 30) < 3,
             qPrintable(QString::number(inside / insideCount)));
    QVERIFY2(outsideError / outsideCount < 1.5,
             qPrintable(QString::number(outsideError / outsideCount)));
}

void TestForecast::stateRoundTrip()
{
    const std::vector<double> v = dailySine(5 * kDay, kDay, 10, 2, 4);
    Forecaster f = fed(v);
    f.setEvents({ { QStringLiteral("release"), kStartMs + 3600'000, kStartMs + 7200'000,
                    CalendarEvent::Recurrence::Weekly } });
    f.refit();
    for (int i = 0; i < 20; ++i)
        f.update(kStartMs + qint64(v.size() + size_t(i)) * kStepMs, 55 + i % 3);

    const QByteArray blob = f.saveState();
    // History as float, the model as double, compressed: bounded and small.
    QVERIFY2(blob.size() < 16'000, qPrintable(QString::number(blob.size())));
    Result<Forecaster> loaded = Forecaster::loadState(blob);
    QVERIFY2(loaded.ok(), qPrintable(loaded.error()));
    Forecaster &g = loaded.value();
    QVERIFY(sameForecast(f.forecast(2016), g.forecast(2016)));
    QCOMPARE(g.events(), f.events());
    QCOMPARE(g.uplifts(), f.uplifts());
    QCOMPARE(g.saveState(), blob);

    // And they stay identical as both go on.
    for (int i = 20; i < 100; ++i) {
        const qint64 t = kStartMs + qint64(v.size() + size_t(i)) * kStepMs;
        f.update(t, 50 + std::sin(i));
        g.update(t, 50 + std::sin(i));
    }
    f.refit();
    g.refit();
    QVERIFY(sameForecast(f.forecast(288), g.forecast(288)));
}

// A fit on a short history measures a few horizon buckets; the rows after
// them are derived on reading, exactly as they were when stored: the last
// weights held, the last quantiles widened. A young model keeps a few rows.
void TestForecast::youngFitKeepsOnlyMeasuredBuckets()
{
    FitInput input;
    const std::vector<double> v = dailySine(60, kDay, 10, 2, 7); // ten minutes at 10 s
    input.values.assign(v.begin(), v.end());
    const FitResult young = fitModel(input);
    const ModelParams &trimmed = young.params;
    QVERIFY(!trimmed.weights.empty() && !trimmed.quantiles.empty());
    QVERIFY2(trimmed.weights.size() < size_t(kBucketCount) / 2,
             qPrintable(QString::number(trimmed.weights.size())));
    QVERIFY(trimmed.quantiles.size() < size_t(kBucketCount) / 2);
    QVERIFY(trimmed.relativeErrors.size() <= trimmed.weights.size());

    ModelParams full = trimmed;
    const int measured = int(full.quantiles.size()) - 1;
    while (full.weights.size() < size_t(kBucketCount))
        full.weights.push_back(full.weights.back());
    for (int b = measured + 1; b < kBucketCount; ++b) {
        std::array<float, kErrorLevels.size()> row;
        for (size_t q = 0; q < row.size(); ++q)
            row[q] = float(full.quantiles[size_t(measured)][q] * quantileGrowth(measured, b));
        full.quantiles.push_back(row);
    }
    for (int step = 1; step <= 3000; ++step) {
        QCOMPARE(weightsAt(trimmed, step), weightsAt(full, step));
        QCOMPARE(quantilesAt(trimmed, step), quantilesAt(full, step));
    }
    // Wider further out, as before: the derived rows are not a flat copy.
    QVERIFY(quantilesAt(trimmed, 2016)[3]
            > quantilesAt(trimmed, kHorizonBuckets[size_t(measured)])[3]);

    Forecaster f = fed(v);
    f.refit();
    const QByteArray blob = f.saveState();
    Result<Forecaster> loaded = Forecaster::loadState(blob);
    QVERIFY2(loaded.ok(), qPrintable(loaded.error()));
    QVERIFY(sameForecast(f.forecast(2016), loaded.value().forecast(2016)));
    QCOMPARE(loaded.value().saveState(), blob);
}

void TestForecast::corruptAndNewerStatesRefused()
{
    Forecaster f = fed(dailySine(3 * kDay, kDay, 10, 2));
    f.refit();
    const QByteArray blob = f.saveState();

    QByteArray corrupt = blob;
    corrupt[corrupt.size() / 2] = char(corrupt[corrupt.size() / 2] ^ 0x5a);
    Result<Forecaster> r = Forecaster::loadState(corrupt);
    QVERIFY(!r.ok());
    QVERIFY2(r.error().contains(QLatin1String("corrupt")), qPrintable(r.error()));

    QByteArray newer = blob;
    newer[5] = char(newer[5] + 1); // format, big-endian quint16 after the magic
    r = Forecaster::loadState(newer);
    QVERIFY(!r.ok());
    QVERIFY2(r.error().contains(QLatin1String("newer")), qPrintable(r.error()));

    r = Forecaster::loadState(blob.left(blob.size() - 10));
    QVERIFY(!r.ok());
    r = Forecaster::loadState(QByteArray("not a state at all"));
    QVERIFY(!r.ok());
    QVERIFY(r.error().contains(QLatin1String("not a saved")));
    r = Forecaster::loadState({});
    QVERIFY(!r.ok());
}

void TestForecast::gapsConstantsAndShortSeries()
{
    Forecaster empty;
    QVERIFY(empty.forecast(12).isEmpty());
    empty.refit(); // nothing to fit: harmless
    QVERIFY(empty.forecast(12).isEmpty());

    // One sample: its value, no band to speak of.
    Forecaster one;
    one.update(kStartMs, 7);
    one.refit();
    QCOMPARE(one.forecast(3).size(), 3);
    QCOMPARE(one.forecast(3)[2].point, 7.0);

    // A constant: exactly that, with no spread.
    Forecaster constant = fed(std::vector<double>(1000, 12.5));
    constant.refit();
    for (const ForecastStep &s : constant.forecast(300)) {
        QCOMPARE(s.point, 12.5);
        QCOMPARE(s.upper95, 12.5);
        QCOMPARE(s.lower95, 12.5);
    }

    // Gaps (NaN and missing timestamps) within a seasonal series.
    std::vector<double> v = dailySine(6 * kDay, kDay, 10, 1);
    for (size_t i = 500; i < 560; ++i)
        v[i] = std::nan("");
    Forecaster gappy;
    for (size_t i = 0; i < v.size(); ++i) {
        if (i % 97 == 13)
            continue; // a sample that never arrived
        gappy.update(kStartMs + qint64(i) * kStepMs, v[i]);
    }
    gappy.refit();
    QCOMPARE(gappy.modelPeriod(), kDay);
    const QList<ForecastStep> steps = gappy.forecast(kDay);
    for (const ForecastStep &s : steps)
        QVERIFY(std::isfinite(s.point) && std::isfinite(s.lower95) && std::isfinite(s.upper95));
    QVERIFY(std::abs(steps[50].point - (50 + 10 * std::sin(kTwoPi * (6 * kDay + 50) / kDay))) < 2);

    // Out-of-order and duplicate samples are refused.
    QVERIFY(!gappy.update(kStartMs, 1));
    QVERIFY(!gappy.update(gappy.lastTimeMs(), 1));

    // Memory stays bounded.
    Forecaster bounded(ForecasterOptions{ 300, 1000 });
    for (int i = 0; i < 5000; ++i)
        bounded.update(kStartMs + i * kStepMs, i % 10);
    QCOMPARE(bounded.retainedSamples(), 1000);
}

void TestForecast::refitOnAnotherThread()
{
    const std::vector<double> v = dailySine(6 * kDay, kDay, 10, 2, 21);
    Forecaster owner = fed(std::vector<double>(v.begin(), v.end() - 30));
    Forecaster reference = owner;

    const FitInput input = owner.fitInput();
    FitResult result;
    std::thread worker([&] { result = Forecaster::fit(input); });
    // Samples keep arriving while the fit runs.
    for (size_t i = v.size() - 30; i < v.size(); ++i)
        owner.update(kStartMs + qint64(i) * kStepMs, v[i]);
    worker.join();
    owner.adopt(std::move(result));

    reference.refit();
    for (size_t i = v.size() - 30; i < v.size(); ++i)
        reference.update(kStartMs + qint64(i) * kStepMs, v[i]);
    QVERIFY(sameForecast(owner.forecast(500), reference.forecast(500)));
    QCOMPARE(owner.samplesSinceFit(), 30);
}

void TestForecast::followsTheMemberThatIsBetterAlone()
{
    // Each day repeats the one before exactly, and the day itself is noise:
    // the value one cycle earlier is exact, every smoothing member is not.
    constexpr int kPeriod = 288; // a day at five minutes
    std::mt19937 rng(11);
    std::uniform_real_distribution<double> noise(10, 60);
    std::vector<double> day(kPeriod);
    for (double &v : day)
        v = noise(rng);
    Forecaster f(ForecasterOptions{ 300, 8640 });
    const int n = 10 * kPeriod;
    for (int i = 0; i < n; ++i)
        f.update(qint64(i) * 300'000, day[size_t(i % kPeriod)]);
    f.refit();
    QCOMPARE(f.modelPeriod(), kPeriod);
    const QList<ForecastStep> steps = f.forecast(24);
    for (int k = 1; k <= 24; ++k)
        // The history is kept in single precision.
        QVERIFY2(std::abs(steps[k - 1].point - day[size_t((n - 1 + k) % kPeriod)]) < 1e-4,
                 qPrintable(QString::number(k)));
    QVERIFY(f.relativeError(12) < 0.1);
}

void TestForecast::trackRecordOfARandomWalkIsNaives()
{
    // On a random walk "nothing changes" is the best forecast there is; the
    // track record must not claim the model beats it by much.
    std::mt19937 rng(5);
    std::normal_distribution<double> step(0, 1);
    Forecaster f(ForecasterOptions{ 300, 8640 });
    double y = 50;
    for (int i = 0; i < 4000; ++i) {
        y += step(rng);
        f.update(qint64(i) * 300'000, y);
    }
    f.refit();
    for (int h : { 1, 12 }) {
        const double record = f.relativeError(h);
        QVERIFY2(record > 0.9 && record < 1.15, qPrintable(QString::number(record)));
    }
    QVERIFY(std::isnan(Forecaster().relativeError(1)));
}

void TestForecast::autocorrelationIsTheDirectSum()
{
    // The transform's correlation against the sum it stands for, at odd and
    // even lengths, lags past the series' end, and gaps counted as the mean.
    std::mt19937 rng(3);
    std::normal_distribution<double> gauss(0, 1);
    for (const int n : { 2, 3, 17, 1000, 4097 }) {
        std::vector<double> v;
        for (int i = 0; i < n; ++i)
            v.push_back(i % 97 == 50 ? kNaN : 20 + 5 * std::sin(kTwoPi * i / 24) + gauss(rng));
        const int maxLag = std::min(n + 3, 600);
        const std::vector<double> acf = autocorrelation(v, maxLag);
        QCOMPARE(acf.size(), size_t(maxLag + 1));
        double sum = 0;
        int count = 0;
        for (const double x : v)
            if (std::isfinite(x)) {
                sum += x;
                ++count;
            }
        std::vector<double> x;
        for (const double value : v)
            x.push_back(std::isfinite(value) ? value - sum / count : 0.0);
        const auto direct = [&x](int lag) {
            double r = 0;
            for (size_t i = 0; i + size_t(lag) < x.size(); ++i)
                r += x[i] * x[i + size_t(lag)];
            return r;
        };
        const double variance = direct(0);
        for (int lag = 0; lag <= maxLag; ++lag) {
            const double expected = lag < n ? direct(lag) / variance : 0.0;
            QVERIFY2(std::abs(acf[size_t(lag)] - expected) < 1e-9,
                     qPrintable(QStringLiteral("n %1, lag %2: %3 against %4")
                                    .arg(n)
                                    .arg(lag)
                                    .arg(acf[size_t(lag)])
                                    .arg(expected)));
        }
    }
}

void TestForecast::bucketForecastsMatchTheIteratedOnes()
{
    // The backtest's forecasts at the horizon buckets, the autoregression
    // written once as weights on the last values, against every step
    // iterated: for the fitted autoregression, one near a unit root, none,
    // and a state whose last values do not reach the order yet.
    std::mt19937 rng(7);
    std::normal_distribution<double> gauss(0, 1);
    std::vector<double> v;
    double ar = 0;
    for (int i = 0; i < 10 * kDay; ++i) {
        ar = 0.8 * ar + gauss(rng);
        v.push_back(50 + 10 * std::sin(kTwoPi * i / kDay) + ar);
    }
    FitInput input;
    input.values.assign(v.begin(), v.end());
    input.originMs = kStartMs;
    ModelParams fitted = fitModel(input).params;
    QVERIFY(!fitted.ar.empty());
    ModelParams nearUnitRoot = fitted;
    nearUnitRoot.ar = { 1.3, -0.1, -0.2001 };
    ModelParams none = fitted;
    none.ar.clear();

    for (const ModelParams *params : std::array{ &fitted, &nearUnitRoot, &none }) {
        for (const int absorbed : { 2, 400 }) {
            ModelState state = initialState(*params);
            for (int i = 0; i < absorbed; ++i)
                absorb(*params, state, v[size_t(i)]);
            const BucketsAhead ahead(*params, kBucketCount);
            std::vector<MemberWeights> atBuckets, everyStep;
            memberForecastsAt(*params, state, ahead, kBucketCount, atBuckets);
            memberForecasts(*params, state, kHorizonBuckets.back(), everyStep);
            for (int b = 0; b < kBucketCount; ++b) {
                const int step = kHorizonBuckets[size_t(b)];
                for (int m = 0; m < MemberCount; ++m) {
                    const double expected = everyStep[size_t(step - 1)][size_t(m)];
                    const double actual = atBuckets[size_t(b)][size_t(m)];
                    QVERIFY2(std::abs(actual - expected) <= 1e-6 * (1 + std::abs(expected)),
                             qPrintable(QStringLiteral("order %1, %2 absorbed, step %3, member "
                                                       "%4: %5 against %6")
                                            .arg(params->ar.size())
                                            .arg(absorbed)
                                            .arg(step)
                                            .arg(m)
                                            .arg(actual, 0, 'g', 12)
                                            .arg(expected, 0, 'g', 12)));
                }
            }
        }
    }
}

void TestForecast::nextStepWeighsMembersByEveryStep()
{
    // Each value is half the last one and half the value a day before, plus
    // noise: no member alone is right at the next step, and an even mix of
    // the last value and the day before is. The next step's weights are
    // fitted to the week's one-step errors, so over that week the
    // combination must beat every member alone by far (0.81 of the best
    // one's error); weights from a few hundred origins, each member weighted
    // by its own error alone, gave 0.89.
    std::mt19937 rng(5);
    std::normal_distribution<double> gauss(0, 1);
    std::vector<double> v;
    for (int i = 0; i < 12 * kDay; ++i) {
        const double daily = 50 + 10 * std::sin(kTwoPi * i / kDay);
        v.push_back(i < kDay ? daily + gauss(rng)
                             : 0.5 * v.back() + 0.5 * v[size_t(i - kDay)] + gauss(rng));
    }
    FitInput input;
    input.values.assign(v.begin(), v.end());
    input.originMs = kStartMs;
    const FitResult fit = fitModel(input);
    QVERIFY(fit.params.fitted);

    // The fit's own replay: one-step member forecasts over the last week.
    ModelState state = initialState(fit.params);
    state.slot = input.firstSlot - 1;
    const MemberWeights weights = weightsAt(fit.params, 1);
    MemberWeights alone{};
    double combined = 0;
    for (size_t i = 0; i + 1 < input.values.size(); ++i) {
        absorb(fit.params, state, input.values[i]);
        if (i + 1 < input.values.size() - 7 * size_t(kDay))
            continue;
        const MemberWeights next = oneStepForecasts(fit.params, state);
        const double truth = input.values[i + 1];
        double point = 0;
        for (int m = 0; m < MemberCount; ++m) {
            alone[size_t(m)] += std::abs(truth - next[size_t(m)]);
            point += weights[size_t(m)] * next[size_t(m)];
        }
        combined += std::abs(truth - point);
    }
    const double bestAlone = *std::min_element(alone.begin(), alone.end());
    QVERIFY2(combined < 0.85 * bestAlone,
             qPrintable(
                 QStringLiteral("combined %1, best member alone %2").arg(combined).arg(bestAlone)));
    // The track record, measured on the week's last third with weights
    // learnt before it, tells the same story.
    const double overNaive = combined / alone[Naive];
    QVERIFY2(
        std::abs(fit.params.relativeErrors.front() - overNaive) < 0.1 * overNaive,
        qPrintable(
            QStringLiteral("%1 against %2").arg(fit.params.relativeErrors.front()).arg(overNaive)));
}

void TestForecast::nextStepFollowsWhatWorkedLately()
{
    // Each value is the value a day before plus noise for five days, then a
    // mix with the last value whose share of the last value grows from none
    // to all over the week that follows: what the next step should follow
    // moves from the season to "nothing changes". Weighed evenly, the week's
    // errors left naive 0.29 of the weight and seasonal naive 0.39, and the
    // next day's one-step error was 7.8 times naive's alone; weighed by their
    // age, naive takes most of the weight.
    std::mt19937 rng(11);
    std::normal_distribution<double> gauss(0, 1);
    const int length = 12 * kDay;
    const int driftFrom = length - 7 * kDay;
    std::vector<double> v;
    for (int i = 0; i < length + kDay; ++i) {
        const double last
            = i < driftFrom ? 0 : std::min(1.0, double(i - driftFrom) / (length - driftFrom));
        v.push_back(i < kDay ? 50 + 10 * std::sin(kTwoPi * i / kDay) + gauss(rng)
                             : last * v.back() + (1 - last) * v[size_t(i - kDay)] + gauss(rng));
    }
    FitInput input;
    input.values.assign(v.begin(), v.begin() + length);
    input.originMs = kStartMs;
    const FitResult fit = fitModel(input);
    QVERIFY(fit.params.fitted);
    const MemberWeights weights = weightsAt(fit.params, 1);
    QVERIFY2(weights[Naive] > 0.6, qPrintable(QString::number(weights[Naive])));

    // The day after the fit, at a step each: the combination stays within
    // three times naive's error alone (it is 1.8 times).
    ModelState state = fit.state;
    double naive = 0, combined = 0;
    for (size_t i = size_t(length); i < v.size(); ++i) {
        const MemberWeights next = oneStepForecasts(fit.params, state);
        double point = 0;
        for (int m = 0; m < MemberCount; ++m)
            point += weights[size_t(m)] * next[size_t(m)];
        naive += std::abs(v[i] - next[Naive]);
        combined += std::abs(v[i] - point);
        absorb(fit.params, state, v[i]);
    }
    QVERIFY2(combined < 3 * naive,
             qPrintable(QStringLiteral("combined %1, naive alone %2").arg(combined).arg(naive)));
}

void TestForecast::confidenceIsEarnedFromHistory()
{
    // A steady climb at 5 s a sample: learning for 30 minutes, then a model
    // that beats "nothing changes" and may warn.
    DemandModel model(5);
    std::mt19937 rng(3);
    std::normal_distribution<double> noise(0, 0.3);
    const auto feed = [&](int from, int to) {
        for (int i = from; i < to; ++i) {
            model.add(qint64(i) * 5000, 40 + 0.04 * i + noise(rng));
            model.refitIfDue();
        }
    };
    feed(0, 121); // ten minutes
    Confidence confidence = model.saturationConfidence();
    QVERIFY(confidence.learning());
    QVERIFY(!confidence.earned());
    QCOMPARE(describe(confidence), QStringLiteral("learning: 10 of 30 minutes"));
    QVERIFY(!whyNoWarning(confidence).isEmpty());

    feed(121, 600); // fifty minutes
    confidence = model.confidence(10 * 60 * 1000);
    QVERIFY(!confidence.learning());
    QVERIFY2(confidence.earned(), qPrintable(describe(confidence)));
    QVERIFY(confidence.relativeError < 1);
    QVERIFY(whyNoWarning(confidence).isEmpty());
    QVERIFY(describe(confidence).startsWith(QStringLiteral("error 0.")));
}

void TestForecast::aGapMakesNoTierDue()
{
    // Three hours at 10 s, refitted as the console does; then the console
    // is stopped for six hours. Its first samples back bring nothing a refit
    // would learn from: each tier waits for its own count of new samples
    // (ten minutes, twelve five-minute means), as it would have without
    // the gap, rather than every model of the fleet refitting at once.
    DemandModel model(10);
    std::mt19937 rng(9);
    std::normal_distribution<double> noise(0, 0.5);
    const qint64 startMs = 1'760'000'000'000 / 300'000 * 300'000;
    qint64 t = startMs;
    const auto feed = [&](int samples) {
        int refits = 0;
        for (int i = 0; i < samples; ++i, t += 10'000) {
            model.add(t, 30 + 5 * std::sin(double(t) / 3.6e6) + noise(rng));
            while (model.refitIfDue())
                ++refits;
        }
        return refits;
    };
    feed(3 * 360);
    QVERIFY(model.coarse().isFitted());
    QVERIFY(model.fine().isFitted());
    t += 6 * 3600'000;
    QCOMPARE(feed(59), 0); // under ten minutes back
    QCOMPARE(model.fine().observedSinceFit(), qint64(59));
    QVERIFY(model.fine().samplesSinceFit() > 6 * 360); // the gap's slots count as time only
    QCOMPARE(feed(1), 1); // the fine tier's tenth minute
    QVERIFY(model.coarse().samplesSinceFit() > 6 * 12); // not refitted since the gap
    // In the hour after: the fine tier six times, the coarse one once, at
    // its twelfth new mean.
    QCOMPARE(feed(360), 7);
    QVERIFY(model.coarse().samplesSinceFit() < 12);
}

void TestForecast::demandModelTrendSurvivesItsState()
{
    // Four hours of a clear climb at 10 s. When it reaches 100 % rests on
    // the models and on a trend line through the last three hours of
    // five-minute means, which the coarse tier's history holds. A saved
    // model, and one saved when it kept a copy of those means (version 1),
    // say the same when loaded.
    DemandModel model(10);
    std::mt19937 rng(5);
    std::normal_distribution<double> noise(0, 0.2);
    const qint64 startMs = 1'760'000'000'000 / 300'000 * 300'000;
    for (int i = 0; i < 4 * 360; ++i) {
        model.add(startMs + qint64(i) * 10'000, 20 + 0.01 * i + noise(rng));
        model.refitIfDue();
    }
    const Crossing crossing = model.saturation();
    QVERIFY(crossing.withinHorizon());
    // 3.6 % an hour from 20 %: at 34 % now, 100 % is 18 hours away.
    const qint64 inMs = *crossing.pointMs - (startMs + 4 * 360 * 10'000);
    QVERIFY2(inMs > 15 * 3600'000 && inMs < 21 * 3600'000, qPrintable(QString::number(inMs)));

    // The means: the newest 36 closed five-minute buckets, oldest first (the
    // last sample's bucket is still open).
    const QList<QPointF> means = model.coarse().recentValues(36);
    QCOMPARE(means.size(), 36);
    const qint64 lastBucketMs = startMs + (4 * 3600 - 600) * 1000LL;
    for (qsizetype i = 0; i < means.size(); ++i) {
        const qint64 bucketMs = lastBucketMs - (35 - i) * 300'000;
        QCOMPARE(qint64(means[i].x()), bucketMs);
        const double expected = 20 + 0.01 * (double(bucketMs - startMs) / 10'000 + 14.5);
        QVERIFY(std::abs(means[i].y() - expected) < 0.1);
    }

    const QByteArray saved = model.saveState();
    QByteArray versionOne = saved;
    versionOne[4] = 1;
    {
        QDataStream out(&versionOne, QIODevice::Append);
        out.setVersion(QDataStream::Qt_6_4);
        QList<QPointF> means;
        for (int i = 0; i < 36; ++i)
            means.append(QPointF(double(startMs + i * 300'000), 20.0 + 3.0 * i));
        out << means;
    }
    for (const QByteArray &blob : { saved, versionOne }) {
        std::optional<DemandModel> loaded = DemandModel::loadState(blob, 10);
        QVERIFY(loaded);
        const Crossing again = loaded->saturation();
        QCOMPARE(again.pointMs, crossing.pointMs);
        QCOMPARE(again.earliestMs, crossing.earliestMs);
    }
    QByteArray newer = saved;
    newer[4] = 3;
    QVERIFY(!DemandModel::loadState(newer, 10));

    // The climb stops. Asked after every sample, the model says what one
    // loaded from its state (nothing kept between samples) says: what it
    // keeps of the coarse tier's week and trend line goes with every change
    // of the tier. Compared as a bucket closes and halfway through one.
    for (int i = 4 * 360; i < 6 * 360; ++i) {
        model.add(startMs + qint64(i) * 10'000, 34.4 + noise(rng));
        model.refitIfDue();
        const Crossing now = model.saturation();
        const std::optional<double> peak = model.dayPeak();
        if (i % 45 != 0)
            continue;
        std::optional<DemandModel> fresh = DemandModel::loadState(model.saveState(), 10);
        QVERIFY(fresh);
        const Crossing expected = fresh->saturation();
        QCOMPARE(now.pointMs, expected.pointMs);
        QCOMPARE(now.earliestMs, expected.earliestMs);
        QCOMPARE(now.latestMs, expected.latestMs);
        // The day's peak is the highest point of a day's forecast, as the
        // policy took it when it asked for the whole day.
        QCOMPARE(peak, fresh->dayPeak());
        QVERIFY(peak);
        double highest = 0;
        for (const ForecastStep &step : model.coarse().forecast(DemandModel::kDaySteps))
            highest = std::max(highest, step.point);
        QCOMPARE(*peak, highest);
    }
    QVERIFY(!DemandModel(10).dayPeak()); // nothing fitted, nothing forecast
}

void TestForecast::recentValuesSkipGaps()
{
    Forecaster f(ForecasterOptions{ 300, 100 });
    for (int slot = 0; slot < 10; ++slot)
        f.update(qint64(slot) * 300'000, slot == 8 ? std::nan("") : double(slot));
    f.update(qint64(12) * 300'000, 12); // slots 10 and 11 are gaps
    const QList<QPointF> recent = f.recentValues(4);
    QCOMPARE(recent,
             (QList<QPointF>{ { 6 * 300'000.0, 6 },
                              { 7 * 300'000.0, 7 },
                              { 9 * 300'000.0, 9 },
                              { 12 * 300'000.0, 12 } }));
    QCOMPARE(f.recentValues(100).size(), 10);
    QVERIFY(Forecaster().recentValues(5).isEmpty());
}

void TestForecast::stateWithSlotsOutOfRangeIsRefused()
{
    // Found by fuzz_forecaster: a state whose checksum was right but whose
    // last slot lay near the smallest 64-bit integer was loaded, and the
    // history's first slot overflowed. The input is the fuzzer's: a first
    // byte, then the fields that the fuzz target wraps in a valid header.
    QFile file(QStringLiteral(UMBRA_TEST_DATA_DIR "/fuzz/forecaster-slot-out-of-range"));
    QVERIFY(file.open(QIODevice::ReadOnly));
    const auto loaded = Forecaster::loadState(SavedState::forecasterBlob(file.readAll().mid(1)));
    QVERIFY(!loaded);
    QCOMPARE(loaded.error(), QStringLiteral("The forecaster state's history is damaged."));
}

QTEST_GUILESS_MAIN(TestForecast)
#include "tst_forecast.moc"
