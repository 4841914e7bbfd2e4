#include "driverisktraining.h"

#include "failureeval.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QtConcurrent/QtConcurrentMap>
#include <algorithm>
#include <cmath>
#include <numeric>

namespace Umbra::Backblaze {

namespace {

using Predict::DriveRiskParameters;

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

// Where a node's rows go: known values up to bin `lastLeftBin` left (all known
// values when it is -1), missing values where `missingLeft` says.
struct Split
{
    double gain = 0;
    int feature = -1;
    int lastLeftBin = -1;
    bool missingLeft = true;
    double left = 0, right = 0; // leaf weights, within the node's bounds
};

// Per-feature histograms of one node's rows: gradient, hessian and row count
// per bin, the features' bins one after another (each feature's last bin holds
// its missing values).
struct Histogram
{
    std::vector<double> g, h;
    std::vector<qint64> count;

    explicit Histogram(size_t bins = 0)
        : g(bins, 0.0)
        , h(bins, 0.0)
        , count(bins, 0)
    { }
};

// The rows of one training set, binned once for every round.
struct Binned
{
    size_t rows = 0;
    size_t featureCount = 0;
    std::vector<QList<double>> cuts; // per feature
    std::vector<size_t> offset; // of each feature's first bin in a Histogram
    size_t bins = 0; // in all
    std::vector<quint8> bin; // row-major: bin[row * featureCount + feature]
    std::vector<bool> rising; // per feature: constrained to raise the risk
};

// Leaf weights are clamped into the node's bounds (monotone constraints), and
// a split's gain is measured with the clamped weights so that a clamped split
// is not credited with gain it cannot deliver.
double weightOf(double g, double h, double l2, double low, double high)
{
    return std::clamp(-g / (h + l2), low, high);
}

double lossDrop(double g, double h, double w, double l2)
{
    return -(2 * g * w + (h + l2) * w * w);
}

// The best split of a node. A rising feature only takes splits whose right
// leaf is not below its left; with the children's bounds set between them,
// every tree, and so the sum, rises with that feature.
Split bestSplit(const Binned &data, const Histogram &hist, double low, double high,
                const TrainingOptions &options)
{
    const double l2 = options.l2;
    Split best;
    double gTotal = 0, hTotal = 0;
    for (size_t b = 0; b < size_t(data.cuts[0].size()) + 2; ++b) {
        gTotal += hist.g[b];
        hTotal += hist.h[b];
    }
    const double unsplit = lossDrop(gTotal, hTotal, weightOf(gTotal, hTotal, l2, low, high), l2);
    for (size_t f = 0; f < data.featureCount; ++f) {
        const size_t first = data.offset[f];
        const size_t missing = first + size_t(data.cuts[f].size()) + 1;
        const double gm = hist.g[missing], hm = hist.h[missing];
        const qint64 cm = hist.count[missing];
        double gKnown = 0, hKnown = 0;
        qint64 cKnown = 0;
        for (size_t b = first; b < missing; ++b) {
            gKnown += hist.g[b];
            hKnown += hist.h[b];
            cKnown += hist.count[b];
        }
        auto consider
            = [&](int lastLeft, bool missingLeft, double gl, double hl, qint64 cl, bool ordered) {
                  const qint64 cr = cKnown + cm - cl;
                  if (cl < options.minLeafRows || cr < options.minLeafRows)
                      return;
                  const double gr = gTotal - gl, hr = hTotal - hl;
                  const double wl = weightOf(gl, hl, l2, low, high);
                  const double wr = weightOf(gr, hr, l2, low, high);
                  if (ordered && data.rising[f] && wl > wr)
                      return;
                  const double gain = lossDrop(gl, hl, wl, l2) + lossDrop(gr, hr, wr, l2) - unsplit;
                  if (gain > best.gain + 1e-12)
                      best = { gain, int(f), lastLeft, missingLeft, wl, wr };
              };
        // Known values on one side, missing on the other: whether a drive
        // reports an attribute at all says something of its make.
        if (cm > 0)
            consider(-1, false, gKnown, hKnown, cKnown, false);
        double gl = 0, hl = 0;
        qint64 cl = 0;
        for (size_t b = first; b + 1 < missing; ++b) {
            gl += hist.g[b];
            hl += hist.h[b];
            cl += hist.count[b];
            consider(int(b - first), true, gl + gm, hl + hm, cl + cm, true);
            if (cm > 0)
                consider(int(b - first), false, gl, hl, cl, true);
        }
    }
    return best;
}

void accumulate(const Binned &data, const std::vector<quint32> &rows, const std::vector<double> &g,
                const std::vector<double> &h, Histogram *out)
{
    for (quint32 i : rows) {
        const quint8 *row = &data.bin[size_t(i) * data.featureCount];
        for (size_t f = 0; f < data.featureCount; ++f) {
            const size_t b = data.offset[f] + row[f];
            out->g[b] += g[i];
            out->h[b] += h[i];
            ++out->count[b];
        }
    }
}

// Rounded so the file stays short and reads back to the same numbers.
double roundedValue(double x)
{
    return std::round(x * 1e6) / 1e6 + 0.0; // + 0.0 turns -0 into 0
}

// One boosting round's tree, grown level by level. Its leaf values (already
// scaled by the learning rate and rounded) are added to `margin`.
Predict::DriveRiskTree growTree(const Binned &data, const std::vector<double> &g,
                                const std::vector<double> &h, const TrainingOptions &options,
                                std::vector<double> *margin)
{
    struct Pending
    {
        int node;
        int depth;
        double low, high;
        std::vector<quint32> rows;
        Histogram hist;
    };
    Predict::DriveRiskTree tree;
    std::vector<qint64> rowsOf; // per node, for the split nodes' values
    tree.nodes.append(Predict::DriveRiskNode{});
    rowsOf.push_back(qint64(data.rows));
    std::vector<Pending> level;
    {
        Pending root{
            0, 0, -qInf(), qInf(), std::vector<quint32>(data.rows), Histogram(data.bins)
        };
        std::iota(root.rows.begin(), root.rows.end(), 0u);
        accumulate(data, root.rows, g, h, &root.hist);
        level.push_back(std::move(root));
    }
    auto makeLeaf = [&](const Pending &p, double weight) {
        const double value = roundedValue(options.learningRate * weight);
        tree.nodes[p.node].value = value;
        for (quint32 i : p.rows)
            (*margin)[i] += value;
    };
    while (!level.empty()) {
        std::vector<Pending> next;
        for (Pending &p : level) {
            const Split split = p.depth < options.depth
                ? bestSplit(data, p.hist, p.low, p.high, options)
                : Split{};
            if (split.feature < 0) {
                double gSum = 0, hSum = 0;
                for (quint32 i : p.rows) {
                    gSum += g[i];
                    hSum += h[i];
                }
                makeLeaf(p, weightOf(gSum, hSum, options.l2, p.low, p.high));
                continue;
            }
            const size_t f = size_t(split.feature);
            const quint8 missingBin = quint8(data.cuts[f].size() + 1);
            std::vector<quint32> left, right;
            for (quint32 i : p.rows) {
                const quint8 b = data.bin[size_t(i) * data.featureCount + f];
                const bool goesLeft = b == missingBin ? split.missingLeft
                    : split.lastLeftBin < 0           ? true
                                                      : b <= split.lastLeftBin;
                (goesLeft ? left : right).push_back(i);
            }
            const int leftChild = int(tree.nodes.size());
            {
                Predict::DriveRiskNode &node = tree.nodes[p.node];
                node.feature = split.feature;
                node.cut = split.lastLeftBin < 0 ? qInf() : data.cuts[f].at(split.lastLeftBin);
                node.missingLeft = split.missingLeft;
                node.left = leftChild;
                node.right = leftChild + 1;
            }
            tree.nodes.append(Predict::DriveRiskNode{});
            tree.nodes.append(Predict::DriveRiskNode{});
            rowsOf.push_back(qint64(left.size()));
            rowsOf.push_back(qint64(right.size()));
            // Monotone: everything below the left child stays under the
            // middle of the two weights, everything below the right above it.
            const bool ordered = data.rising[f] && split.lastLeftBin >= 0;
            const double middle = (split.left + split.right) / 2;
            // The smaller child's histogram is summed; the larger's is the
            // parent's minus it. Children at the full depth only need sums.
            const bool leftSmaller = left.size() <= right.size();
            Histogram small, large;
            if (p.depth + 1 < options.depth) {
                small = Histogram(data.bins);
                accumulate(data, leftSmaller ? left : right, g, h, &small);
                large = std::move(p.hist);
                for (size_t b = 0; b < data.bins; ++b) {
                    large.g[b] -= small.g[b];
                    large.h[b] -= small.h[b];
                    large.count[b] -= small.count[b];
                }
            }
            Pending l{ leftChild,       p.depth + 1, p.low, ordered ? middle : p.high,
                       std::move(left), Histogram() };
            Pending r{ leftChild + 1, p.depth + 1,      ordered ? middle : p.low,
                       p.high,        std::move(right), Histogram() };
            l.hist = leftSmaller ? std::move(small) : std::move(large);
            r.hist = leftSmaller ? std::move(large) : std::move(small);
            next.push_back(std::move(l));
            next.push_back(std::move(r));
        }
        level = std::move(next);
    }
    // A split's value is its training rows' mean leaf value; children come
    // after their parents, so walking backwards finds them done.
    for (qsizetype k = tree.nodes.size() - 1; k >= 0; --k) {
        Predict::DriveRiskNode &n = tree.nodes[k];
        if (n.isLeaf())
            continue;
        const double rows = double(rowsOf[size_t(n.left)] + rowsOf[size_t(n.right)]);
        n.value = roundedValue((double(rowsOf[size_t(n.left)]) * tree.nodes.at(n.left).value
                                + double(rowsOf[size_t(n.right)]) * tree.nodes.at(n.right).value)
                               / rows);
    }
    return tree;
}

} // namespace

Predict::DriveRiskParameters fitTrees(const std::vector<const Example *> &examples,
                                      const TrainingOptions &options)
{
    const QList<Predict::DriveFeature> &features = Predict::driveFeatures();
    Binned data;
    data.rows = examples.size();
    data.featureCount = size_t(features.size());
    data.cuts.resize(data.featureCount);
    data.bin.resize(data.rows * data.featureCount);
    for (size_t f = 0; f < data.featureCount; ++f) {
        // More of a SMART count, or a larger rise, is never safer; age may be.
        data.rising.push_back(features.at(qsizetype(f)).attribute
                              != Predict::kPowerOnHoursAttribute);
        std::vector<double> known;
        for (const Example *e : examples) {
            if (!std::isnan(e->features[f]))
                known.push_back(e->features[f]);
        }
        data.cuts[f] = cutsOf(std::move(known), std::min(options.maxBins, 250));
        data.offset.push_back(data.bins);
        data.bins += size_t(data.cuts[f].size()) + 2;
        for (size_t i = 0; i < data.rows; ++i) {
            const double x = examples[i]->features[f];
            const auto bin = std::isnan(x)
                ? data.cuts[f].size() + 1
                : std::lower_bound(data.cuts[f].cbegin(), data.cuts[f].cend(), x)
                    - data.cuts[f].cbegin();
            data.bin[i * data.featureCount + f] = quint8(bin);
        }
    }

    std::vector<double> y(data.rows);
    double positives = 0;
    for (size_t i = 0; i < data.rows; ++i) {
        y[i] = examples[i]->positive ? 1 : 0;
        positives += y[i];
    }
    DriveRiskParameters p;
    p.intercept = roundedValue(std::log((positives + 1) / (double(data.rows) - positives + 1)));
    std::vector<double> margin(data.rows, p.intercept), g(data.rows), h(data.rows);
    for (int round = 0; round < options.rounds; ++round) {
        for (size_t i = 0; i < data.rows; ++i) {
            const double prob = 1 / (1 + std::exp(-margin[i]));
            g[i] = prob - y[i];
            h[i] = std::max(prob * (1 - prob), 1e-12);
        }
        p.trees.append(growTree(data, g, h, options, &margin));
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
        [&options](const std::vector<const Example *> &rows) { return fitTrees(rows, options); });
    std::vector<double> logits(train.size());
    std::vector<bool> labels(train.size());
    for (size_t i = 0; i < train.size(); ++i) {
        const int fold = calibrationFold(data.drives[size_t(train[i].drive)].serial);
        logits[i] = Predict::DriveRiskModel(fits.at(fold)).logit(train[i].features);
        labels[i] = train[i].positive;
    }
    const auto [slope, offset] = fitPlatt(logits, labels);
    // The same out-of-fold logits rank the training drives as a model that
    // never saw them would: the figures to tune the settings by, leaving the
    // held-out drives for the final figures only.
    const FailureFigures crossValidated = evaluateFailures(data, train, logits);

    DriveRiskParameters p = fits.at(3);
    p.horizonHours = kHorizonHours;
    p.slope = roundedValue(slope);
    p.offset = roundedValue(offset);
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
                      QStringLiteral("gradient boosted trees, grown level by level; a missing "
                                     "value goes the side learned for it; SMART counts and "
                                     "changes constrained to raise the risk") },
                    { QStringLiteral("rounds"), options.rounds },
                    { QStringLiteral("depth"), options.depth },
                    { QStringLiteral("learningRate"), options.learningRate },
                    { QStringLiteral("l2"), options.l2 },
                    { QStringLiteral("minLeafRows"), options.minLeafRows },
                    { QStringLiteral("maxBins"), options.maxBins },
                    { QStringLiteral("calibration"),
                      QStringLiteral("Platt scaling on out-of-fold logits, 3 folds by serial") },
                });
    QJsonObject validation = toJson(crossValidated);
    validation.remove(QStringLiteral("threshold")); // of logits, not risks
    validation.insert(QStringLiteral("on"),
                      QStringLiteral("the training drives, each scored by the fit without its "
                                     "calibration fold"));
    root.insert(QStringLiteral("crossValidation"), validation);
    QJsonObject evaluation = toJson(heldOut);
    evaluation.insert(QStringLiteral("on"),
                      QStringLiteral("the held-out drives of %1").arg(data.source));
    root.insert(QStringLiteral("evaluation"), evaluation);
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

} // namespace Umbra::Backblaze
