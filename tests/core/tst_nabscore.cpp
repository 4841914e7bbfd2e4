// The NAB scoring on hand-made series whose scores can be worked out by hand.
#include "nabscore.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <cmath>
#include <random>

using namespace Umbra::Nab;

namespace {

constexpr int kRows = 1000; // probation: the first 150 rows

CorpusFile series(std::vector<Window> windows, int rows = kRows)
{
    CorpusFile file;
    file.name = QStringLiteral("test.csv");
    for (int i = 0; i < rows; ++i) {
        file.timesMs.push_back(qint64(i) * 300000);
        file.values.push_back(0);
    }
    file.windows = std::move(windows);
    return file;
}

std::vector<double> detectionsAt(const CorpusFile &file, std::initializer_list<int> rows)
{
    std::vector<double> scores(size_t(file.rows()), 0.0);
    for (int row : rows)
        scores[size_t(row)] = 1.0;
    return scores;
}

const Profile kStandard = standardProfiles().front();

} // namespace

class TestNabScore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void probationIsFifteenPercentUpTo750()
    {
        QCOMPARE(probationRows(1000), 150);
        QCOMPARE(probationRows(4032), 604);
        QCOMPARE(probationRows(22695), 750);
    }

    void nullDetectorScoresZero()
    {
        const CorpusFile file = series({ { 400, 499 }, { 700, 799 } });
        const Tally tally = scoreFile(file, std::vector<double>(kRows, 0.0), 0.5, kStandard);
        QCOMPARE(tally.falseNegatives, 2);
        QCOMPARE(tally.raw, -2.0);
        QCOMPARE(normalisedScore(tally.raw, tally.windows, kStandard), 0.0);
        const ThresholdChoice choice
            = optimiseThreshold({ file }, { std::vector<double>(kRows, 0.0) }, kStandard);
        QCOMPARE(choice.normalised, 0.0);
    }

    void perfectDetectorScoresHundred()
    {
        const CorpusFile file = series({ { 400, 499 }, { 700, 799 } });
        const std::vector<double> scores = detectionsAt(file, { 400, 700 });
        for (const Profile &profile : standardProfiles()) {
            const Tally tally = scoreFile(file, scores, 0.5, profile);
            QCOMPARE(tally.truePositives, 2);
            QCOMPARE(normalisedScore(tally.raw, tally.windows, profile), 100.0);
            const ThresholdChoice choice = optimiseThreshold({ file }, { scores }, profile);
            QCOMPARE(choice.normalised, 100.0);
            QCOMPARE(choice.threshold, 1.0);
        }
    }

    void earlierHitsScoreMore()
    {
        const CorpusFile file = series({ { 400, 499 } });
        const double early = scoreFile(file, detectionsAt(file, { 420 }), 0.5, kStandard).raw;
        const double middle = scoreFile(file, detectionsAt(file, { 450 }), 0.5, kStandard).raw;
        const double late = scoreFile(file, detectionsAt(file, { 495 }), 0.5, kStandard).raw;
        QVERIFY(early > middle && middle > late && late > 0);
        // Only the earliest detection of a window counts.
        QCOMPARE(scoreFile(file, detectionsAt(file, { 420, 495 }), 0.5, kStandard).raw, early);
        // At the right edge y = -1/width: σ(-0.01)/σ(-1).
        const double rightEdge = scoreFile(file, detectionsAt(file, { 499 }), 0.5, kStandard).raw;
        QCOMPARE(rightEdge, scaledSigmoid(-0.01) / scaledSigmoid(-1.0));
    }

    void falsePositiveCostGrowsAfterAWindow()
    {
        const CorpusFile file = series({ { 400, 499 } });
        const double hit = scoreFile(file, detectionsAt(file, { 400 }), 0.5, kStandard).raw;
        const double near = scoreFile(file, detectionsAt(file, { 400, 505 }), 0.5, kStandard).raw;
        const double far = scoreFile(file, detectionsAt(file, { 400, 900 }), 0.5, kStandard).raw;
        QVERIFY(hit > near && near > far);
        QCOMPARE(near - hit, kStandard.fpWeight * scaledSigmoid(6.0 / 99.0));
        QCOMPARE(far - hit, -kStandard.fpWeight); // beyond 3 widths: the full cost
        // Every false positive counts.
        const double two
            = scoreFile(file, detectionsAt(file, { 400, 900, 901 }), 0.5, kStandard).raw;
        QCOMPARE(two - hit, -2 * kStandard.fpWeight);
    }

    void falsePositiveBeforeAnyWindowCostsFull()
    {
        const CorpusFile file = series({ { 700, 799 } });
        const Tally tally = scoreFile(file, detectionsAt(file, { 200, 700 }), 0.5, kStandard);
        QCOMPARE(tally.falsePositives, 1);
        QCOMPARE(tally.raw, 1.0 - kStandard.fpWeight);
    }

    void probationRowsAreIgnored()
    {
        const CorpusFile file = series({ { 400, 499 } });
        const Tally inProbation
            = scoreFile(file, detectionsAt(file, { 0, 10, 149 }), 0.5, kStandard);
        QCOMPARE(inProbation.falsePositives, 0);
        QCOMPARE(inProbation.raw, -1.0);
        const Tally after = scoreFile(file, detectionsAt(file, { 150 }), 0.5, kStandard);
        QCOMPARE(after.falsePositives, 1);
    }

    void optimisationPicksTheBestThreshold()
    {
        // 0.9: one false alarm; 0.6 adds the window's left edge; 0.3 adds
        // ten more false alarms.
        const CorpusFile file = series({ { 400, 499 } });
        std::vector<double> scores(kRows, 0.0);
        scores[200] = 0.9;
        scores[400] = 0.6;
        for (int i = 0; i < 10; ++i)
            scores[size_t(600 + 20 * i)] = 0.3;
        const ThresholdChoice choice = optimiseThreshold({ file }, { scores }, kStandard);
        QCOMPARE(choice.threshold, 0.6);
        QCOMPARE(choice.raw, 1.0 - kStandard.fpWeight);
    }

    void sweepAgreesWithScoringEachThreshold()
    {
        // Random scores over three series: the sweep's best equals the best
        // of scoring every distinct score as a threshold.
        std::mt19937 random(7);
        std::uniform_real_distribution<double> uniform(0, 1);
        std::vector<CorpusFile> files = { series({ { 300, 349 }, { 600, 699 } }), series({}, 500),
                                          series({ { 100, 180 } }, 800) };
        std::vector<std::vector<double>> scores;
        std::vector<double> candidates = { 1.1 };
        for (const CorpusFile &file : files) {
            std::vector<double> s(size_t(file.rows()));
            for (double &v : s) {
                v = uniform(random) < 0.97 ? 0.0 : std::round(uniform(random) * 50) / 50;
                candidates.push_back(v);
            }
            scores.push_back(std::move(s));
        }
        for (const Profile &profile : standardProfiles()) {
            double best = -1e9;
            for (double threshold : candidates) {
                double raw = 0;
                for (size_t f = 0; f < files.size(); ++f)
                    raw += scoreFile(files[f], scores[f], threshold, profile).raw;
                best = std::max(best, raw);
            }
            const ThresholdChoice choice = optimiseThreshold(files, scores, profile);
            QVERIFY(std::abs(choice.raw - best) < 1e-9);
            double atChoice = 0;
            for (size_t f = 0; f < files.size(); ++f)
                atChoice += scoreFile(files[f], scores[f], choice.threshold, profile).raw;
            QVERIFY(std::abs(atChoice - best) < 1e-9);
        }
    }

    void loadsACorpus()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QVERIFY(QDir(dir.path()).mkpath(QStringLiteral("data/realTest")));
        QVERIFY(QDir(dir.path()).mkpath(QStringLiteral("labels")));
        QFile csv(dir.filePath(QStringLiteral("data/realTest/a.csv")));
        QVERIFY(csv.open(QIODevice::WriteOnly));
        csv.write("timestamp,value\n");
        for (int i = 0; i < 24; ++i)
            csv.write(QByteArray("2014-04-10 ") + QByteArray::number(i).rightJustified(2, '0')
                      + ":00:00," + QByteArray::number(i * 0.5) + '\n');
        csv.close();
        QFile labels(dir.filePath(QStringLiteral("labels/combined_windows.json")));
        QVERIFY(labels.open(QIODevice::WriteOnly));
        labels.write(R"({"realTest/a.csv": [["2014-04-10 05:00:00.000000",
                                            "2014-04-10 07:00:00.000000"]]})");
        labels.close();

        const Umbra::Result<Corpus> corpus = loadCorpus(dir.path());
        QVERIFY2(corpus.ok(), qPrintable(corpus.error()));
        QCOMPARE(corpus->files.size(), size_t(1));
        const CorpusFile &file = corpus->files.front();
        QCOMPARE(file.name, QStringLiteral("realTest/a.csv"));
        QCOMPARE(file.rows(), 24);
        QCOMPARE(file.values[3], 1.5);
        QCOMPARE(file.timesMs[1] - file.timesMs[0], qint64(3600000));
        QCOMPARE(file.windows.size(), size_t(1));
        QCOMPARE(file.windows[0].left, 5);
        QCOMPARE(file.windows[0].right, 7);
        QCOMPARE(corpus->profiles.size(), size_t(3)); // the published ones

        QVERIFY(!loadCorpus(dir.filePath(QStringLiteral("absent"))).ok());
    }
};

QTEST_GUILESS_MAIN(TestNabScore)
#include "tst_nabscore.moc"
