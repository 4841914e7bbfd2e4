// Umbra's anomaly detector on the Numenta Anomaly Benchmark (docs/evaluation.md):
// the detector runs causally over every series of the corpus with one
// parameter set, the threshold is optimised per cost profile over the whole
// corpus, and the normalised scores are printed beside the published ones.
//
//   bench_nab [--data DIR] [--detail] [--dump FILE]
//
// --detail lists, per series, the windows hit and missed and the false
// positives at the standard profile's threshold. Human-readable table
// first; the last line is one JSON object.
#include "nabscore.h"
#include "predict/anomalydetector.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <chrono>
#include <cstdio>

using namespace Umbra;
using namespace Umbra::Predict;

namespace {

struct Options
{
    QString data = QStringLiteral(UMBRA_SOURCE_DIR "/../shared/data/nab");
    bool detail = false;
    QString dump; // a CSV of every scored row, for looking into the detector
};

struct Published
{
    QString name;
    double standard, lowFp, lowFn;
};

// The scoreboard from final_results.json, best first; the figures quoted in
// docs/evaluation.md when the file is absent.
QList<Published> publishedScores(const QString &dir)
{
    const QList<std::pair<QString, QString>> shown = {
        { QStringLiteral("ARTime"), QStringLiteral("ARTime") },
        { QStringLiteral("numenta"), QStringLiteral("Numenta HTM") },
        { QStringLiteral("contextOSE"), QStringLiteral("CAD OSE") },
        { QStringLiteral("relativeEntropy"), QStringLiteral("relative entropy") },
        { QStringLiteral("randomCutForest"), QStringLiteral("Random Cut Forest") },
        { QStringLiteral("twitterADVec"), QStringLiteral("Twitter ADVec") },
        { QStringLiteral("windowedGaussian"), QStringLiteral("windowed Gaussian") },
        { QStringLiteral("random"), QStringLiteral("random") },
    };
    QFile file(QDir(dir).filePath(QStringLiteral("final_results.json")));
    QList<Published> scores;
    if (file.open(QIODevice::ReadOnly)) {
        const QJsonObject all = QJsonDocument::fromJson(file.readAll()).object();
        for (const auto &[key, name] : shown) {
            const QJsonObject s = all.value(key).toObject();
            if (!s.isEmpty())
                scores.append({ name, s.value(u"standard").toDouble(),
                                s.value(u"reward_low_FP_rate").toDouble(),
                                s.value(u"reward_low_FN_rate").toDouble() });
        }
    }
    if (scores.isEmpty()) {
        scores = { { QStringLiteral("ARTime"), 74.9, 65.1, 80.4 },
                   { QStringLiteral("Numenta HTM"), 70.1, 63.1, 74.3 },
                   { QStringLiteral("CAD OSE"), 69.9, 67.0, 73.2 },
                   { QStringLiteral("Random Cut Forest"), 51.7, 38.4, 59.7 },
                   { QStringLiteral("windowed Gaussian"), 39.6, qQNaN(), qQNaN() },
                   { QStringLiteral("random"), 11.0, qQNaN(), qQNaN() } };
    }
    return scores;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    Options options;
    const QStringList args = app.arguments();
    for (int i = 1; i < args.size(); ++i) {
        if (args[i] == u"--data" && i + 1 < args.size()) {
            options.data = args[++i];
        } else if (args[i] == u"--detail") {
            options.detail = true;
        } else if (args[i] == u"--dump" && i + 1 < args.size()) {
            options.dump = args[++i];
        } else {
            std::fprintf(stderr, "usage: bench_nab [--data DIR] [--detail] [--dump FILE]\n");
            return 2;
        }
    }

    const Result<Nab::Corpus> corpus = Nab::loadCorpus(options.data);
    if (!corpus) {
        std::fprintf(stderr,
                     "bench_nab: %s\nThe NAB corpus (numenta/NAB: data/, labels/, "
                     "profiles.json) is read from --data DIR.\n",
                     qPrintable(corpus.error()));
        return 1;
    }

    // Only the detector's updates are timed, not the loading or scoring.
    std::vector<std::vector<double>> scores;
    std::chrono::nanoseconds spent{ 0 };
    qint64 samples = 0;
    qsizetype stateBytes = 0;
    for (const Nab::CorpusFile &file : corpus->files) {
        AnomalyDetector detector;
        std::vector<double> s(size_t(file.rows()));
        const auto start = std::chrono::steady_clock::now();
        for (int i = 0; i < file.rows(); ++i)
            s[size_t(i)] = detector.update(file.timesMs[size_t(i)], file.values[size_t(i)]).score;
        spent += std::chrono::steady_clock::now() - start;
        samples += file.rows();
        stateBytes = std::max(stateBytes, detector.saveState().size());
        scores.push_back(std::move(s));
    }
    const double usPerSample = double(spent.count()) / 1000.0 / double(samples);
    if (!options.dump.isEmpty()) {
        QFile out(options.dump);
        if (out.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
            out.write("series,row,value,score,window,worth,probation\n");
            for (size_t f = 0; f < corpus->files.size(); ++f) {
                const Nab::CorpusFile &file = corpus->files[f];
                const std::vector<Nab::RowWorth> worths = Nab::rowWorths(file);
                const int probation = Nab::probationRows(file.rows());
                for (int i = 0; i < file.rows(); ++i)
                    out.write(QStringLiteral("%1,%2,%3,%4,%5,%6,%7\n")
                                  .arg(f)
                                  .arg(i)
                                  .arg(file.values[size_t(i)], 0, 'g', 10)
                                  .arg(scores[f][size_t(i)], 0, 'g', 6)
                                  .arg(worths[size_t(i)].window)
                                  .arg(worths[size_t(i)].worth, 0, 'g', 4)
                                  .arg(i < probation ? 1 : 0)
                                  .toUtf8());
            }
        }
    }

    int windows = 0;
    for (const Nab::CorpusFile &file : corpus->files)
        windows += Nab::countedWindows(file);
    std::printf("NAB corpus: %zu series, %lld rows, %d windows (%s)\n\n", corpus->files.size(),
                static_cast<long long>(samples), windows,
                qPrintable(QDir::toNativeSeparators(options.data)));

    std::printf("%-16s %7s %10s %6s %6s %6s\n", "profile", "score", "threshold", "TP", "FP", "FN");
    QJsonObject json;
    QJsonObject thresholds;
    std::vector<Nab::ThresholdChoice> choices;
    for (const Nab::Profile &profile : corpus->profiles) {
        const Nab::ThresholdChoice choice = Nab::optimiseThreshold(corpus->files, scores, profile);
        Nab::Tally tally;
        for (size_t f = 0; f < corpus->files.size(); ++f)
            tally += Nab::scoreFile(corpus->files[f], scores[f], choice.threshold, profile);
        std::printf("%-16s %7.1f %10.4f %6d %6d %6d\n", qPrintable(profile.key), choice.normalised,
                    choice.threshold, tally.truePositives, tally.falsePositives,
                    tally.falseNegatives);
        json.insert(profile.key, std::round(choice.normalised * 100) / 100);
        thresholds.insert(profile.key, choice.threshold);
        choices.push_back(choice);
    }

    std::printf("\npublished (standard / reward_low_FP / reward_low_FN):\n");
    for (const Published &p : publishedScores(options.data))
        std::printf("  %-20s %5.1f / %5.1f / %5.1f\n", qPrintable(p.name), p.standard, p.lowFp,
                    p.lowFn);

    if (options.detail && !choices.empty()) {
        const Nab::Profile &standard = corpus->profiles.front();
        std::printf("\nper series at the standard threshold %.4f:\n", choices.front().threshold);
        std::printf("%-60s %4s %4s %4s %8s\n", "series", "TP", "FN", "FP", "raw");
        for (size_t f = 0; f < corpus->files.size(); ++f) {
            const Nab::Tally t
                = Nab::scoreFile(corpus->files[f], scores[f], choices.front().threshold, standard);
            std::printf("%-60s %4d %4d %4d %8.3f\n", qPrintable(corpus->files[f].name),
                        t.truePositives, t.falseNegatives, t.falsePositives, t.raw);
        }
    }

    std::printf("\ndetector: %.3f us per sample, %lld bytes of state (snapshot %lld bytes)\n",
                usPerSample, static_cast<long long>(AnomalyDetector::stateBytes()),
                static_cast<long long>(stateBytes));
    json.insert(u"thresholds", thresholds);
    json.insert(u"us_per_sample", std::round(usPerSample * 1000) / 1000);
    json.insert(u"state_bytes", AnomalyDetector::stateBytes());
    std::printf("%s\n", QJsonDocument(json).toJson(QJsonDocument::Compact).constData());
    return 0;
}
