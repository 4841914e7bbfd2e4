#include "driverisktraining.h"

#include "failureeval.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QtConcurrent/QtConcurrentMap>
#include <algorithm>
#include <cmath>

namespace Umbra::Backblaze {

namespace {

using Predict::DriveRiskParameters;
using Predict::DriveRiskShape;

// Cuts between distinct values, at most maxBins - 1, placed at quantiles of
// both the values and the distinct values so rare large counts get bins too.
QList<double> cutsOf(std::vector<double> values, int maxBins)
{
    std::sort(values.begin(), values.end());
    std::vector<double> distinct = values;
    distinct.erase(std::unique(distinct.begin(), distinct.end()), distinct.end());
    std::vector<double> lefts; // the value left of each cut
    if (distinct.size() <= size_t(maxBins)) {
        lefts.assign(distinct.begin(), distinct.end());
    } else {
        for (int k = 1; k < maxBins / 2; ++k) {
            lefts.push_back(values[values.size() * size_t(k) / size_t(maxBins / 2)]);
            lefts.push_back(distinct[distinct.size() * size_t(k) / size_t(maxBins / 2)]);
        }
        std::sort(lefts.begin(), lefts.end());
        lefts.erase(std::unique(lefts.begin(), lefts.end()), lefts.end());
    }
    QList<double> cuts;
    for (double left : lefts) {
        const auto next = std::upper_bound(distinct.begin(), distinct.end(), left);
        if (next != distinct.end())
            cuts.append(left + (*next - left) / 2);
    }
    return cuts;
}

// Rounded so the file stays short and reads back to the same numbers.
double rounded(double x)
{
    return std::round(x * 1e6) / 1e6 + 0.0; // + 0.0 turns -0 into 0
}

struct Split
{
    double gain = 0;
    int feature = -1;
    int lastLeftBin = -1; // -1: every known value in one leaf
    double left = 0, right = 0, missing = 0;
};

// The best stump on one feature: known values split at a cut (or kept in one
// leaf), missing values in a leaf of their own. A rising feature only takes
// splits whose right leaf is not below its left one; stumps are steps, so
// their sum rises too.
Split bestSplit(int feature, const std::vector<double> &G, const std::vector<double> &H,
                const std::vector<qint64> &counts, bool rising, const TrainingOptions &options)
{
    const double l2 = options.l2;
    auto leaf = [l2](double g, double h) { return -g / (h + l2); };
    auto score = [l2](double g, double h) { return g * g / (h + l2); };
    const size_t missingBin = G.size() - 1;
    double gKnown = 0, hKnown = 0;
    qint64 cKnown = 0;
    for (size_t b = 0; b < missingBin; ++b) {
        gKnown += G[b];
        hKnown += H[b];
        cKnown += counts[b];
    }
    const double gm = G[missingBin], hm = H[missingBin];
    const double unsplit = score(gKnown + gm, hKnown + hm);
    Split best;
    auto consider = [&](int lastLeft, double gl, double hl, double gr, double hr) {
        const double gain = score(gl, hl) + score(gr, hr) + score(gm, hm) - unsplit;
        if (gain > best.gain + 1e-12)
            best = { gain,        feature, lastLeft, leaf(gl, hl), lastLeft < 0 ? 0 : leaf(gr, hr),
                     leaf(gm, hm) };
    };
    if (cKnown >= options.minLeafRows)
        consider(-1, gKnown, hKnown, 0, 0);
    double gl = 0, hl = 0;
    qint64 cl = 0;
    for (size_t b = 0; b + 1 < missingBin; ++b) {
        gl += G[b];
        hl += H[b];
        cl += counts[b];
        if (cl < options.minLeafRows || cKnown - cl < options.minLeafRows)
            continue;
        if (rising && leaf(gl, hl) > leaf(gKnown - gl, hKnown - hl))
            continue;
        consider(int(b), gl, hl, gKnown - gl, hKnown - hl);
    }
    return best;
}

} // namespace

Predict::DriveRiskParameters fitShapes(const std::vector<const Example *> &examples,
                                       const TrainingOptions &options)
{
    const size_t n = examples.size();
    const QList<Predict::DriveFeature> &features = Predict::driveFeatures();
    const size_t featureCount = size_t(features.size());

    // Row-major bins: one pass over the rows fills every feature's histogram.
    std::vector<QList<double>> cuts(featureCount);
    std::vector<quint8> bins(n * featureCount);
    std::vector<std::vector<qint64>> counts(featureCount);
    for (size_t f = 0; f < featureCount; ++f) {
        std::vector<double> known;
        for (const Example *e : examples) {
            if (!std::isnan(e->features[f]))
                known.push_back(e->features[f]);
        }
        cuts[f] = cutsOf(std::move(known), std::min(options.maxBins, 250));
        counts[f].assign(size_t(cuts[f].size() + 2), 0);
        for (size_t i = 0; i < n; ++i) {
            const double x = examples[i]->features[f];
            const auto bin = std::isnan(x)
                ? cuts[f].size() + 1
                : std::lower_bound(cuts[f].cbegin(), cuts[f].cend(), x) - cuts[f].cbegin();
            bins[i * featureCount + f] = quint8(bin);
            ++counts[f][size_t(bin)];
        }
    }

    std::vector<double> y(n);
    double positives = 0;
    for (size_t i = 0; i < n; ++i) {
        y[i] = examples[i]->positive ? 1 : 0;
        positives += y[i];
    }
    const double base = std::log((positives + 1) / (double(n) - positives + 1));
    std::vector<double> margin(n, base);
    std::vector<std::vector<double>> tables(featureCount);
    for (size_t f = 0; f < featureCount; ++f)
        tables[f].assign(counts[f].size(), 0.0);

    std::vector<std::vector<double>> G(featureCount), H(featureCount);
    for (int round = 0; round < options.rounds; ++round) {
        for (size_t f = 0; f < featureCount; ++f) {
            G[f].assign(counts[f].size(), 0.0);
            H[f].assign(counts[f].size(), 0.0);
        }
        for (size_t i = 0; i < n; ++i) {
            const double p = 1 / (1 + std::exp(-margin[i]));
            const double g = p - y[i], h = std::max(p * (1 - p), 1e-12);
            const quint8 *row = &bins[i * featureCount];
            for (size_t f = 0; f < featureCount; ++f) {
                G[f][row[f]] += g;
                H[f][row[f]] += h;
            }
        }
        Split best;
        for (size_t f = 0; f < featureCount; ++f) {
            // More of a SMART count, or a larger rise, is never safer; age may be.
            const bool rising
                = features.at(qsizetype(f)).attribute != Predict::kPowerOnHoursAttribute;
            const Split candidate = bestSplit(int(f), G[f], H[f], counts[f], rising, options);
            if (candidate.feature >= 0 && candidate.gain > best.gain + 1e-12)
                best = candidate;
        }
        if (best.feature < 0)
            break;
        const size_t f = size_t(best.feature);
        std::vector<double> delta(tables[f].size());
        for (size_t b = 0; b + 1 < delta.size(); ++b)
            delta[b] = options.learningRate
                * (best.lastLeftBin < 0 || int(b) <= best.lastLeftBin ? best.left : best.right);
        delta.back() = options.learningRate * best.missing;
        for (size_t b = 0; b < delta.size(); ++b)
            tables[f][b] += delta[b];
        for (size_t i = 0; i < n; ++i)
            margin[i] += delta[bins[i * featureCount + f]];
    }

    DriveRiskParameters p;
    p.intercept = base;
    for (size_t f = 0; f < featureCount; ++f) {
        DriveRiskShape shape;
        shape.cuts = cuts[f];
        shape.values = QList<double>(tables[f].begin(), tables[f].end() - 1);
        shape.missing = tables[f].back();
        p.shapes.append(shape);
    }
    return p;
}

std::pair<double, double> fitPlatt(const std::vector<double> &logits,
                                   const std::vector<bool> &labels)
{
    // Newton's method on the two parameters; the log-likelihood is concave.
    double a = 1, b = 0;
    for (int iteration = 0; iteration < 50; ++iteration) {
        double ga = 0, gb = 0, haa = 0, hab = 0, hbb = 0;
        for (size_t i = 0; i < logits.size(); ++i) {
            const double p = 1 / (1 + std::exp(-(a * logits[i] + b)));
            const double r = p - (labels[i] ? 1 : 0), w = p * (1 - p);
            ga += r * logits[i];
            gb += r;
            haa += w * logits[i] * logits[i];
            hab += w * logits[i];
            hbb += w;
        }
        const double det = haa * hbb - hab * hab;
        if (!(det > 0))
            break;
        const double da = (hbb * ga - hab * gb) / det, db = (haa * gb - hab * ga) / det;
        a -= da;
        b -= db;
        if (std::abs(da) < 1e-10 && std::abs(db) < 1e-10)
            break;
    }
    return { a, b };
}

namespace {

double logitOf(const DriveRiskParameters &p, const std::vector<double> &features)
{
    double logit = p.intercept;
    for (qsizetype f = 0; f < p.shapes.size(); ++f)
        logit += p.shapes.at(f).at(features[size_t(f)]);
    return logit;
}

// Shapes measured from a healthy drive (its contribution moves into the
// intercept), rounded, and with cuts between equal values dropped.
DriveRiskParameters tidied(DriveRiskParameters p, double medianHours)
{
    for (qsizetype f = 0; f < p.shapes.size(); ++f) {
        DriveRiskShape &s = p.shapes[f];
        const bool hours
            = Predict::driveFeatures().at(f).attribute == Predict::kPowerOnHoursAttribute;
        s.healthy = hours ? medianHours : 0;
        const double offset = s.at(s.healthy);
        p.intercept += offset;
        for (double &v : s.values)
            v = rounded(v - offset);
        s.missing = rounded(s.missing - offset);
        for (qsizetype k = s.cuts.size() - 1; k >= 0; --k) {
            if (s.values.at(k) == s.values.at(k + 1)) {
                s.cuts.removeAt(k);
                s.values.removeAt(k + 1);
            }
        }
    }
    p.intercept = rounded(p.intercept);
    return p;
}

} // namespace

QByteArray trainDriveRiskFile(const Dataset &data, const TrainingOptions &options)
{
    const std::vector<Example> train = examplesOf(data, Part::Train);
    const std::vector<Example> test = examplesOf(data, Part::Test);

    // Calibration: each fold's logits come from shapes fitted without it.
    // The three fold fits and the final one are independent, so they run in
    // parallel; each is deterministic on its own.
    std::vector<std::vector<const Example *>> fitOn(4);
    for (const Example &e : train) {
        const int fold = calibrationFold(data.drives[size_t(e.drive)].serial);
        for (int k = 0; k < 3; ++k) {
            if (k != fold)
                fitOn[size_t(k)].push_back(&e);
        }
        fitOn[3].push_back(&e);
    }
    const QList<DriveRiskParameters> fits = QtConcurrent::blockingMapped(
        QList<std::vector<const Example *>>(fitOn.begin(), fitOn.end()),
        [&options](const std::vector<const Example *> &rows) { return fitShapes(rows, options); });
    std::vector<double> logits(train.size());
    std::vector<bool> labels(train.size());
    for (size_t i = 0; i < train.size(); ++i) {
        const int fold = calibrationFold(data.drives[size_t(train[i].drive)].serial);
        logits[i] = logitOf(fits.at(fold), train[i].features);
        labels[i] = train[i].positive;
    }
    const auto [slope, offset] = fitPlatt(logits, labels);

    std::vector<double> hours;
    for (const Example &e : train)
        hours.push_back(e.features[0]);
    std::nth_element(hours.begin(), hours.begin() + qsizetype(hours.size() / 2), hours.end());
    DriveRiskParameters p = tidied(fits.at(3), std::round(hours[hours.size() / 2]));
    p.horizonHours = kHorizonHours;
    p.slope = rounded(slope);
    p.offset = rounded(offset);
    const Predict::DriveRiskModel model(p);

    std::vector<double> scores;
    for (const Example &e : test)
        scores.push_back(model.risk(e.features));
    const FailureFigures heldOut = evaluateFailures(data, test, scores);

    qint64 trainDrives = 0, trainFailed = 0, positives = 0;
    for (const Drive &d : data.drives) {
        if (!isTestDrive(d.serial)) {
            ++trainDrives;
            trainFailed += d.failed ? 1 : 0;
        }
    }
    for (const Example &e : train)
        positives += e.positive ? 1 : 0;

    QJsonObject root = model.toJson();
    root.insert(QStringLiteral("training"),
                QJsonObject{
                    { QStringLiteral("data"), data.source },
                    { QStringLiteral("split"),
                      QStringLiteral("by drive serial: FNV-1a 64 of the serial, modulo 10, "
                                     "0-2 held out for evaluation, 3-9 trained on") },
                    { QStringLiteral("unit"),
                      QStringLiteral("drive-interval, assessed at its start with the reading "
                                     "720 h before as the earlier one; positive when the drive "
                                     "failed within 720 h after the interval's stop") },
                    { QStringLiteral("rows"), qint64(train.size()) },
                    { QStringLiteral("positiveRows"), positives },
                    { QStringLiteral("drives"), trainDrives },
                    { QStringLiteral("failedDrives"), trainFailed },
                    { QStringLiteral("model"),
                      QStringLiteral("boosted stumps with a leaf for missing values, summed into "
                                     "one shape per feature; SMART counts and changes rising") },
                    { QStringLiteral("rounds"), options.rounds },
                    { QStringLiteral("learningRate"), options.learningRate },
                    { QStringLiteral("l2"), options.l2 },
                    { QStringLiteral("minLeafRows"), options.minLeafRows },
                    { QStringLiteral("maxBins"), options.maxBins },
                    { QStringLiteral("calibration"),
                      QStringLiteral("Platt scaling on out-of-fold logits, 3 folds by serial") },
                });
    QJsonObject evaluation = toJson(heldOut);
    evaluation.insert(QStringLiteral("on"),
                      QStringLiteral("the held-out drives of %1").arg(data.source));
    root.insert(QStringLiteral("evaluation"), evaluation);
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

} // namespace Umbra::Backblaze
