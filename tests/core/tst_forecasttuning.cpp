// bench_forecast --leave-one-out: the interval constants chosen for a data
// set are tuned on the other data sets only.

#include "forecasttuning.h"

#include <QTest>
#include <random>

namespace {

// A data set whose forecasts are all 0 with unwidened bands of ±0.6 (80 %)
// and ±1 (95 %), and whose truths are Gaussian with the given spread: a
// spread of 1/1.96 is covered as nominal at widening 1.
TuningSet gaussianSet(const QString &name, double sigma, unsigned seed)
{
    TuningSet set;
    set.name = name;
    std::mt19937 rng(seed);
    std::normal_distribution<double> truth(0, sigma);
    for (int w = 0; w < 40; ++w) {
        TuningWindow window;
        BandForecast f;
        f.resize(50);
        for (int k = 0; k < 50; ++k) {
            f.lower80[size_t(k)] = -1.28 / 1.96;
            f.upper80[size_t(k)] = 1.28 / 1.96;
            f.lower95[size_t(k)] = -1;
            f.upper95[size_t(k)] = 1;
            window.truth.push_back(truth(rng));
        }
        window.byBlend.fill(f);
        set.windows.push_back(std::move(window));
    }
    return set;
}

} // namespace

class TestForecastTuning : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void leftOutSetIsNeverSeen();
    void widenedBandsStretchAroundThePoint();
};

void TestForecastTuning::leftOutSetIsNeverSeen()
{
    // Two sets a widening of 1 covers as nominal, and a third whose truths
    // are 1.5 times as spread: tuned on itself it asks for 1.5, so a tuning
    // for it that saw it would give it away.
    std::vector<TuningSet> sets = { gaussianSet(QStringLiteral("a"), 1 / 1.96, 1),
                                    gaussianSet(QStringLiteral("b"), 1 / 1.96, 2),
                                    gaussianSet(QStringLiteral("c"), 1.5 / 1.96, 3) };
    const IntervalTuning withoutC = tuneWithout(sets, 2);
    QCOMPARE(withoutC.widening80, 1.0);
    QCOMPARE(withoutC.widening95, 1.0);
    const IntervalTuning onC = tuneWithout({ sets[2] }, 1);
    QVERIFY(onC.widening80 >= 1.4 && onC.widening95 >= 1.4);

    // Whatever the left-out set holds, its tuning stays the same.
    for (double spread : { 0.1, 3.0, 40.0 }) {
        sets[2] = gaussianSet(QStringLiteral("c"), spread, 4);
        QCOMPARE(tuneWithout(sets, 2), withoutC);
    }
    // Scored with it, the left-out set shows the honest miss.
    sets[2] = gaussianSet(QStringLiteral("c"), 1.5 / 1.96, 3);
    QVERIFY(coverageOf(sets[2], withoutC).inside95 < 0.9);
}

void TestForecastTuning::widenedBandsStretchAroundThePoint()
{
    BandForecast f;
    f.resize(1);
    f.point = { 10 };
    f.lower80 = { 8 };
    f.upper80 = { 12 };
    f.lower95 = { 1 };
    f.upper95 = { 15 };
    const BandForecast w = widened(f, 1.5, 1.5);
    QCOMPARE(w.point[0], 10.0);
    QCOMPARE(w.lower80[0], 7.0);
    QCOMPARE(w.upper80[0], 13.0);
    QCOMPARE(w.upper95[0], 17.5);
    // A band that stayed at or above zero does not cross it when stretched.
    QCOMPARE(w.lower95[0], 0.0);
    f.lower95 = { -2 };
    QCOMPARE(widened(f, 1.5, 1.5).lower95[0], -8.0);
    // Each level by its own widening; the 95 % band never inside the 80 % one.
    const BandForecast apart = widened(f, 1.0, 2.0);
    QCOMPARE(apart.upper80[0], 12.0);
    QCOMPARE(apart.upper95[0], 20.0);
    QCOMPARE(widened(f, 2.0, 0.5).upper95[0], 14.0);
}

QTEST_GUILESS_MAIN(TestForecastTuning)
#include "tst_forecasttuning.moc"
