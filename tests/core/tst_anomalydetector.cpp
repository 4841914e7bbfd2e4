// The streaming anomaly detector on generated series with known anomalies,
// and on one real NAB series when the corpus is beside the source tree.
#include "../fuzz/savedstate.h"
#include "nabscore.h"
#include "predict/anomalydetector.h"

#include <QDir>
#include <QFile>
#include <QTest>
#include <algorithm>
#include <cmath>
#include <cstring>
#include <random>

using namespace Umbra::Predict;

namespace {

constexpr qint64 kStepMs = 5 * 60 * 1000;
constexpr int kDay = 288; // samples at five minutes

// Gaussian noise around `level`, the same on every run.
std::vector<double> noisy(int samples, double level, double sigma, unsigned seed = 1)
{
    std::mt19937 random(seed);
    std::normal_distribution<double> noise(0, sigma);
    std::vector<double> values(static_cast<size_t>(samples));
    for (double &v : values)
        v = level + noise(random);
    return values;
}

std::vector<AnomalyScore> run(AnomalyDetector &detector, const std::vector<double> &values,
                              int from = 0)
{
    std::vector<AnomalyScore> scores;
    for (size_t i = 0; i < values.size(); ++i)
        scores.push_back(detector.update(qint64(from + int(i)) * kStepMs, values[i]));
    return scores;
}

// The highest score from `from` on.
AnomalyScore highest(const std::vector<AnomalyScore> &scores, size_t from = 0)
{
    AnomalyScore best;
    for (size_t i = from; i < scores.size(); ++i) {
        if (scores[i].score > best.score)
            best = scores[i];
    }
    return best;
}

bool same(const AnomalyScore &a, const AnomalyScore &b)
{
    const auto equal
        = [](double x, double y) { return x == y || (std::isnan(x) && std::isnan(y)); };
    return a.score == b.score && a.kind == b.kind && equal(a.expected, b.expected)
        && equal(a.observed, b.observed);
}

} // namespace

class TestAnomalyDetector : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void kindIds()
    {
        QCOMPARE(anomalyKindId(AnomalyKind::Level), QStringLiteral("level"));
        QCOMPARE(anomalyKindId(AnomalyKind::Spike), QStringLiteral("spike"));
        QCOMPARE(anomalyKindId(AnomalyKind::Dip), QStringLiteral("dip"));
        QCOMPARE(anomalyKindId(AnomalyKind::Rhythm), QStringLiteral("rhythm"));
        QVERIFY(anomalyKindId(AnomalyKind::None).isEmpty());
    }

    void deterministic()
    {
        std::vector<double> values = noisy(4 * kDay, 40, 3);
        values[900] += 40;
        AnomalyDetector a, b;
        const auto first = run(a, values);
        const auto second = run(b, values);
        for (size_t i = 0; i < values.size(); ++i)
            QVERIFY2(same(first[i], second[i]), qPrintable(QString::number(i)));
        QVERIFY(highest(first).score > 0.5); // the series does have an anomaly
    }

    void restoredDetectorContinuesTheSame()
    {
        std::vector<double> values = noisy(5 * kDay, 40, 3);
        values[1200] -= 30;
        const std::vector<double> head(values.begin(), values.begin() + 700);
        const std::vector<double> tail(values.begin() + 700, values.end());
        AnomalyDetector original;
        run(original, head);
        AnomalyDetector restored;
        QVERIFY(restored.restoreState(original.saveState()));
        QCOMPARE(restored.samples(), original.samples());
        const auto expected = run(original, tail, 700);
        const auto continued = run(restored, tail, 700);
        for (size_t i = 0; i < tail.size(); ++i)
            QVERIFY2(same(expected[i], continued[i]), qPrintable(QString::number(i)));
        QVERIFY(highest(continued).score > 0.5);
    }

    void spikeIsFlagged()
    {
        std::vector<double> values = noisy(3 * kDay, 50, 1);
        values[800] = 65;
        AnomalyDetector detector;
        const auto scores = run(detector, values);
        QVERIFY2(scores[800].score > 0.5, qPrintable(QString::number(scores[800].score)));
        QCOMPARE(scores[800].kind, AnomalyKind::Spike);
        QCOMPARE(scores[800].observed, 65.0);
        QVERIFY(std::abs(scores[800].expected - 50) < 2);
    }

    void dipIsFlagged()
    {
        std::vector<double> values = noisy(3 * kDay, 50, 1);
        values[800] = 35;
        AnomalyDetector detector;
        const auto scores = run(detector, values);
        QVERIFY2(scores[800].score > 0.5, qPrintable(QString::number(scores[800].score)));
        QCOMPARE(scores[800].kind, AnomalyKind::Dip);
    }

    // A deep dip early on sets records (the jump back up among them) that
    // a later step up never beats; the step still leaves every value seen
    // and is flagged for that.
    void valueBeyondTheRangeIsFlagged()
    {
        std::vector<double> values = noisy(4 * kDay, 50, 1);
        for (size_t i = 400; i < 430; ++i)
            values[i] -= 45;
        for (size_t i = 900; i < values.size(); ++i)
            values[i] += 15;
        AnomalyDetector detector;
        const auto scores = run(detector, values);
        QVERIFY2(scores[900].score > 0.5, qPrintable(QString::number(scores[900].score)));
        QCOMPARE(scores[900].kind, AnomalyKind::Spike);
        QVERIFY(std::abs(scores[900].expected - 50) < 3);
    }

    // The quiet after an alarm swallows more of the same incident, not a
    // different one: a dip shortly after a spike is flagged too.
    void dipAfterSpikeIsASecondIncident()
    {
        std::vector<double> values = noisy(3 * kDay, 50, 1);
        values[800] = 70;
        values[830] = 30;
        AnomalyDetector detector;
        const auto scores = run(detector, values);
        QVERIFY(scores[800].score > 0.5);
        QCOMPARE(scores[800].kind, AnomalyKind::Spike);
        QVERIFY2(scores[830].score > 0.5, qPrintable(QString::number(scores[830].score)));
        QCOMPARE(scores[830].kind, AnomalyKind::Dip);
        // The spike itself goes on being quiet.
        for (size_t i = 801; i < 830; ++i)
            QCOMPARE(scores[i].score, 0.0);
    }

    void levelShiftIsFlaggedAsLevel()
    {
        std::vector<double> values = noisy(4 * kDay, 50, 1);
        for (size_t i = 800; i < values.size(); ++i)
            values[i] += 8;
        AnomalyDetector detector;
        const auto scores = run(detector, values);
        bool level = false;
        for (size_t i = 800; i < 860; ++i)
            level = level || (scores[i].kind == AnomalyKind::Level && scores[i].score > 0.5);
        QVERIFY(level);
    }

    void cleanDailyCycleStaysQuiet()
    {
        std::vector<double> values = noisy(21 * kDay, 0, 1);
        for (size_t i = 0; i < values.size(); ++i)
            values[i] += 50 + 20 * std::sin(2 * M_PI * double(i % kDay) / kDay);
        AnomalyDetector detector;
        const auto scores = run(detector, values);
        // Noise breaks a record by a hair now and then; never by much.
        const AnomalyScore worst = highest(scores, 2 * kDay);
        QVERIFY2(worst.score < 0.75, qPrintable(QString::number(worst.score)));
        const auto alarms = std::count_if(scores.begin() + 2 * kDay, scores.end(),
                                          [](const AnomalyScore &s) { return s.score >= 0.5; });
        QVERIFY2(alarms <= 2, qPrintable(QString::number(alarms)));
    }

    void notANumberIsHarmless()
    {
        AnomalyDetector detector;
        run(detector, noisy(600, 10, 1));
        const QByteArray before = detector.saveState();
        const AnomalyScore scored = detector.update(600 * kStepMs, qQNaN());
        QCOMPARE(scored.score, 0.0);
        QCOMPARE(scored.kind, AnomalyKind::None);
        QCOMPARE(detector.update(601 * kStepMs, qInf()).score, 0.0);
        QCOMPARE(detector.saveState(), before);
        QVERIFY(detector.update(602 * kStepMs, 10).score < 0.5);
    }

    void acceptedLevelIsNoLongerFlagged()
    {
        std::vector<double> values = noisy(6 * kDay, 50, 1);
        for (size_t i = 800; i < values.size(); ++i)
            values[i] += 15;
        AnomalyDetector accepting, ignoring;
        int accepted = -1;
        double afterAccept = 0, afterIgnore = 0;
        for (int i = 0; i < int(values.size()); ++i) {
            const AnomalyScore a = accepting.update(i * kStepMs, values[size_t(i)]);
            const AnomalyScore b = ignoring.update(i * kStepMs, values[size_t(i)]);
            if (accepted < 0 && i >= 800 && a.score > 0.5) {
                accepting.acceptAsNormal();
                accepted = i;
            } else if (accepted >= 0) {
                afterAccept = std::max(afterAccept, a.score);
                afterIgnore = std::max(afterIgnore, b.score);
            }
        }
        QVERIFY(accepted >= 800 && accepted < 820);
        QVERIFY2(afterAccept < 0.2, qPrintable(QString::number(afterAccept)));
        QVERIFY(afterIgnore > afterAccept);
    }

    // Found by fuzz_anomalydetector: states with a valid checksum but an
    // impossible value range (the next sample's band index overflowed an
    // int) or first-sample time (its age overflowed) were restored. The
    // inputs are the fuzzer's: a first byte, then the state that the fuzz
    // target gives a valid header.
    void restoredStateThatIsImpossibleIsRefused()
    {
        for (const char *name : { "anomalydetector-state-impossible-range",
                                  "anomalydetector-state-start-out-of-range" }) {
            QFile file(QStringLiteral(UMBRA_TEST_DATA_DIR "/fuzz/") + QLatin1String(name));
            QVERIFY(file.open(QIODevice::ReadOnly));
            const QByteArray state = file.readAll().mid(1);
            AnomalyDetector detector;
            QVERIFY2(!detector.restoreState(Umbra::SavedState::detectorRecord(state)), name);
            // The same bytes as the older formats, one of them the format
            // they were found in.
            for (const quint16 format : { 3, 4 })
                QVERIFY2(!detector.restoreState(Umbra::SavedState::detectorRecord(state, format)),
                         name);
        }

        // And in use: a value far outside a narrow range is scored, its band
        // clamped rather than overflowed (UBSan in scripts/sanitize, fuzz).
        AnomalyDetector narrow;
        for (int i = 0; i < 300; ++i)
            (void)narrow.update(qint64(i) * 5000, 1e-9 * (i % 3));
        const AnomalyScore far = narrow.update(300 * 5000, 1e12);
        QVERIFY(far.score >= 0 && far.score <= 1);
    }

    void garbageStateIsRefused()
    {
        AnomalyDetector detector;
        run(detector, noisy(400, 10, 1));
        QVERIFY(!detector.restoreState(QByteArray("not a detector")));
        QCOMPARE(detector.samples(), qint64(0));
        QVERIFY(!detector.restoreState({}));

        AnomalyDetector trained;
        run(trained, noisy(400, 10, 1));
        QByteArray state = trained.saveState();
        QVERIFY(!detector.restoreState(state.left(state.size() - 1)));
        state[state.size() / 2] = char(state[state.size() / 2] ^ 0x5a);
        QVERIFY(!detector.restoreState(state));
        QCOMPARE(detector.samples(), qint64(0));
        QVERIFY(detector.restoreState(trained.saveState()));
        QCOMPARE(detector.samples(), qint64(400));

        // A snapshot of an older format (the version follows the magic
        // number) is refused, not misread.
        QByteArray older = trained.saveState();
        quint16 format = 0;
        std::memcpy(&format, older.constData() + 4, sizeof format);
        QVERIFY(format > 1);
        format = 1;
        std::memcpy(older.data() + 4, &format, sizeof format);
        QVERIFY(!detector.restoreState(older));
        QCOMPARE(detector.samples(), qint64(0));
    }

    // Snapshots of older formats, each written by that format's detector
    // after eight days of a daily rhythm (sine of amplitude 20 around 50,
    // Gaussian noise of 1.5, every five minutes), are converted: the
    // detector goes on where it was instead of learning again, which a
    // fresh one would still be doing. Format 2 had half-hour profiles and
    // 64 shapes, format 3 sixteen value bands where this one has twelve,
    // format 4 profiles and shapes as floats where this one has halves.
    void olderSnapshotCarriesOver_data()
    {
        QTest::addColumn<QString>("file");
        QTest::newRow("format 2") << QStringLiteral("anomalydetector-format2.state");
        QTest::newRow("format 3") << QStringLiteral("anomalydetector-format3.state");
        QTest::newRow("format 4") << QStringLiteral("anomalydetector-format4.state");
    }

    void olderSnapshotCarriesOver()
    {
        QFETCH(QString, file);
        QFile snapshot(QStringLiteral(UMBRA_TEST_DATA_DIR "/") + file);
        QVERIFY(snapshot.open(QIODevice::ReadOnly));
        AnomalyDetector converted;
        QVERIFY(converted.restoreState(snapshot.readAll()));
        QCOMPARE(converted.samples(), qint64(8 * kDay));
        QCOMPARE(converted.startMs(), qint64(0));

        std::vector<double> nextDay = noisy(kDay, 0, 1.5, 11);
        for (int i = 0; i < kDay; ++i)
            nextDay[size_t(i)] += 50 + 20 * std::sin(2 * M_PI * i / kDay);
        nextDay[100] += 40;
        AnomalyDetector fresh;
        const auto carried = run(converted, nextDay, 8 * kDay);
        const auto learning = run(fresh, nextDay, 8 * kDay);
        // Quiet before and after the spike: the profiles, shapes and value
        // transitions it had learnt came along.
        QVERIFY(highest({ carried.begin(), carried.begin() + 100 }).score < 0.5);
        QVERIFY(highest(carried, 101).score < 0.5);
        QVERIFY2(carried[100].score >= 0.5, qPrintable(QString::number(carried[100].score)));
        QCOMPARE(carried[100].kind, AnomalyKind::Spike);
        QCOMPARE(learning[100].score, 0.0);

        // Saved again, it is a snapshot of this format.
        AnomalyDetector reloaded;
        QVERIFY(reloaded.restoreState(converted.saveState()));
        QCOMPARE(reloaded.saveState(), converted.saveState());
        QVERIFY(converted.saveState().size() < snapshot.size());
    }

    // Profiles and shapes are kept as halves at a scale that follows the
    // series' magnitude: a series in bytes a second and one in fractions
    // of a unit score as the same series in percent, sample for sample
    // (the factors are powers of two, which every step scales exactly).
    // Unscaled halves would overflow the first and lose the second.
    void scoresDoNotDependOnTheUnit()
    {
        std::vector<double> days = noisy(4 * kDay, 0, 1.5, 5);
        for (int i = 0; i < 4 * kDay; ++i)
            days[size_t(i)] += 50 + 20 * std::sin(2 * M_PI * i / kDay);
        days[3 * kDay + 40] += 40;
        for (int i = 3 * kDay + 150; i < 3 * kDay + 170; ++i)
            days[size_t(i)] = 50; // a stretch of a shape not seen before
        AnomalyDetector percent;
        const auto reference = run(percent, days);
        QVERIFY(highest(reference, 3 * kDay).score >= 0.5);
        for (const double factor : { std::ldexp(1.0, 30), std::ldexp(1.0, -20) }) {
            std::vector<double> scaled = days;
            for (double &value : scaled)
                value *= factor;
            AnomalyDetector other;
            const auto scores = run(other, scaled);
            for (size_t i = 0; i < days.size(); ++i) {
                QVERIFY2(scores[i].score == reference[i].score
                             && scores[i].kind == reference[i].kind,
                         qPrintable(QStringLiteral("x %1, sample %2: %3 against %4")
                                        .arg(factor)
                                        .arg(i)
                                        .arg(scores[i].score)
                                        .arg(reference[i].score)));
            }
        }
    }

    // Format 4's snapshot is of the same eight days as this test's noise
    // (seed 1): converted to halves, the detector scores the ninth day as
    // one that learnt those days itself, to within rounding.
    void format4CarriesOverAsLearnt()
    {
        QFile snapshot(QStringLiteral(UMBRA_TEST_DATA_DIR "/anomalydetector-format4.state"));
        QVERIFY(snapshot.open(QIODevice::ReadOnly));
        AnomalyDetector converted;
        QVERIFY(converted.restoreState(snapshot.readAll()));

        std::vector<double> days = noisy(9 * kDay, 0, 1.5, 1);
        for (int i = 0; i < 9 * kDay; ++i)
            days[size_t(i)] += 50 + 20 * std::sin(2 * M_PI * i / kDay);
        days[8 * kDay + 100] += 40;
        AnomalyDetector learnt;
        run(learnt, { days.begin(), days.begin() + 8 * kDay });
        const std::vector<double> ninth(days.begin() + 8 * kDay, days.end());
        const auto carried = run(converted, ninth, 8 * kDay);
        const auto own = run(learnt, ninth, 8 * kDay);
        for (size_t i = 0; i < ninth.size(); ++i) {
            QVERIFY2(std::abs(carried[i].score - own[i].score) < 0.02,
                     qPrintable(QStringLiteral("sample %1: %2 against %3")
                                    .arg(i)
                                    .arg(carried[i].score)
                                    .arg(own[i].score)));
            const bool bothNone = std::isnan(carried[i].expected) && std::isnan(own[i].expected);
            QVERIFY2(bothNone || std::abs(carried[i].expected - own[i].expected) < 0.05,
                     qPrintable(QStringLiteral("sample %1 expected %2 against %3")
                                    .arg(i)
                                    .arg(carried[i].expected)
                                    .arg(own[i].expected)));
        }
        QVERIFY(own[100].score >= 0.5);
    }

    // Format 3 knew the value transitions of a rhythm in sixteen bands of
    // its range; converted to this format's twelve, every transition of the
    // rhythm is still known. The snapshot is of eight days of a staircase
    // (10, 30, 50, 70, 90, three samples each, over and over).
    void format3RhythmCarriesOver()
    {
        QFile snapshot(QStringLiteral(UMBRA_TEST_DATA_DIR "/anomalydetector-format3-steps.state"));
        QVERIFY(snapshot.open(QIODevice::ReadOnly));
        AnomalyDetector converted;
        QVERIFY(converted.restoreState(snapshot.readAll()));
        std::vector<double> staircase;
        for (int i = 8 * kDay; i < 9 * kDay; ++i)
            staircase.push_back(10.0 + 20.0 * ((i / 3) % 5));
        const AnomalyScore worst = highest(run(converted, staircase, 8 * kDay));
        QVERIFY2(worst.score < 0.5, qPrintable(anomalyKindId(worst.kind)));
    }

    void flagsAKnownFailure()
    {
        const QString nab = QStringLiteral(UMBRA_SOURCE_DIR "/../shared/data/nab");
        const QString name
            = QStringLiteral("realKnownCause/machine_temperature_system_failure.csv");
        if (!QDir(nab).exists(QStringLiteral("data/") + name))
            QSKIP("the NAB corpus is not beside the source tree (../shared/data/nab)");
        const Umbra::Result<Umbra::Nab::Corpus> corpus = Umbra::Nab::loadCorpus(nab);
        QVERIFY2(corpus.ok(), qPrintable(corpus.error()));
        const auto file = std::find_if(corpus->files.begin(), corpus->files.end(),
                                       [&](const auto &f) { return f.name == name; });
        QVERIFY(file != corpus->files.end());
        QVERIFY(!file->windows.empty());
        AnomalyDetector detector;
        double inWindow = 0;
        for (int i = 0; i < file->rows(); ++i) {
            const AnomalyScore s
                = detector.update(file->timesMs[size_t(i)], file->values[size_t(i)]);
            for (const Umbra::Nab::Window &w : file->windows) {
                if (i >= w.left && i <= w.right)
                    inWindow = std::max(inWindow, s.score);
            }
        }
        QVERIFY2(inWindow > 0.5, qPrintable(QString::number(inWindow)));
    }
};

QTEST_GUILESS_MAIN(TestAnomalyDetector)
#include "tst_anomalydetector.moc"
