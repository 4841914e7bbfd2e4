#include "nabscore.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <algorithm>
#include <cmath>

namespace Umbra::Nab {

namespace {

// "2014-04-10 07:15:00" or "2014-04-10 07:15:00.000000", read as UTC.
std::optional<qint64> parseTimestamp(QByteArrayView text)
{
    if (text.size() < 19)
        return std::nullopt;
    auto number = [&](int from, int length) {
        int n = 0;
        for (int i = from; i < from + length; ++i) {
            const char c = text[i];
            if (c < '0' || c > '9')
                return -1;
            n = n * 10 + (c - '0');
        }
        return n;
    };
    const QDate date(number(0, 4), number(5, 2), number(8, 2));
    const QTime time(number(11, 2), number(14, 2), number(17, 2));
    if (!date.isValid() || !time.isValid())
        return std::nullopt;
    return QDateTime(date, time, Qt::UTC).toMSecsSinceEpoch();
}

Result<QJsonObject> readJsonObject(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error{ QStringLiteral("cannot read %1: %2").arg(path, file.errorString()) };
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (!document.isObject())
        return Error{
            QStringLiteral("%1 is not a JSON object: %2").arg(path, parseError.errorString())
        };
    return document.object();
}

std::vector<Profile> readProfiles(const QString &path)
{
    const Result<QJsonObject> json = readJsonObject(path);
    if (!json)
        return standardProfiles();
    // profiles.json names them "reward_low_FP_rate"; the figures drop "_rate".
    std::vector<Profile> profiles;
    for (const Profile &known : standardProfiles()) {
        const QString name
            = known.key == u"standard" ? known.key : known.key + QStringLiteral("_rate");
        const QJsonObject costs = json->value(name).toObject().value(u"CostMatrix").toObject();
        if (costs.isEmpty())
            return standardProfiles();
        profiles.push_back(Profile{ known.key, costs.value(u"tpWeight").toDouble(),
                                    costs.value(u"fpWeight").toDouble(),
                                    costs.value(u"fnWeight").toDouble() });
    }
    return profiles;
}

// First row at or after `timeMs`, or rows() when there is none.
int rowAtOrAfter(const CorpusFile &file, qint64 timeMs)
{
    return int(std::lower_bound(file.timesMs.begin(), file.timesMs.end(), timeMs)
               - file.timesMs.begin());
}

// Last row at or before `timeMs`, or -1 when there is none.
int rowAtOrBefore(const CorpusFile &file, qint64 timeMs)
{
    return int(std::upper_bound(file.timesMs.begin(), file.timesMs.end(), timeMs)
               - file.timesMs.begin())
        - 1;
}

} // namespace

std::vector<Profile> standardProfiles()
{
    return { Profile{ QStringLiteral("standard"), 1.0, 0.11, 1.0 },
             Profile{ QStringLiteral("reward_low_FP"), 1.0, 0.22, 1.0 },
             Profile{ QStringLiteral("reward_low_FN"), 1.0, 0.11, 2.0 } };
}

Result<CorpusFile> loadSeries(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error{ QStringLiteral("cannot read %1: %2").arg(path, file.errorString()) };
    CorpusFile series;
    const QByteArray text = file.readAll();
    int lineNumber = 0;
    for (qsizetype from = 0; from < text.size();) {
        qsizetype end = text.indexOf('\n', from);
        if (end < 0)
            end = text.size();
        const QByteArrayView line = QByteArrayView(text).sliced(from, end - from).trimmed();
        from = end + 1;
        ++lineNumber;
        if (line.isEmpty() || lineNumber == 1)
            continue; // the header
        const qsizetype comma = line.indexOf(',');
        const std::optional<qint64> time
            = comma > 0 ? parseTimestamp(line.first(comma)) : std::nullopt;
        bool ok = false;
        const double value = comma > 0 ? line.sliced(comma + 1).toDouble(&ok) : 0;
        if (!time || !ok)
            return Error{
                QStringLiteral("%1:%2: not `timestamp,value`").arg(path).arg(lineNumber)
            };
        series.timesMs.push_back(*time);
        series.values.push_back(value);
    }
    return series;
}

Result<Corpus> loadCorpus(const QString &dir)
{
    const QDir root(dir);
    if (!root.exists(QStringLiteral("data")))
        return Error{ QStringLiteral("no NAB corpus in %1 (expected data/<category>/*.csv)")
                          .arg(QDir::toNativeSeparators(dir)) };
    const Result<QJsonObject> labels
        = readJsonObject(root.filePath(QStringLiteral("labels/combined_windows.json")));
    if (!labels)
        return Error{ labels.error() };

    Corpus corpus;
    corpus.profiles = readProfiles(root.filePath(QStringLiteral("profiles.json")));
    QStringList names;
    QDirIterator it(root.filePath(QStringLiteral("data")), { QStringLiteral("*.csv") }, QDir::Files,
                    QDirIterator::Subdirectories);
    while (it.hasNext())
        names.append(root.relativeFilePath(it.next()).mid(int(qstrlen("data/"))));
    names.sort(); // the same order on every run
    for (const QString &name : std::as_const(names)) {
        Result<CorpusFile> series = loadSeries(root.filePath(u"data/" + name));
        if (!series)
            return Error{ series.error() };
        series->name = name;
        for (const QJsonValue &pair : labels->value(name).toArray()) {
            const QJsonArray limits = pair.toArray();
            const auto left = parseTimestamp(limits.at(0).toString().toLatin1());
            const auto right = parseTimestamp(limits.at(1).toString().toLatin1());
            if (!left || !right)
                return Error{ QStringLiteral("bad window in the labels of %1").arg(name) };
            const Window window{ rowAtOrAfter(series.value(), *left),
                                 rowAtOrBefore(series.value(), *right) };
            if (window.left <= window.right)
                series->windows.push_back(window);
        }
        corpus.files.push_back(std::move(series).value());
    }
    if (corpus.files.empty())
        return Error{ QStringLiteral("no series under %1/data").arg(dir) };
    return corpus;
}

int probationRows(int rows)
{
    return std::min(int(std::floor(0.15 * rows)), 750);
}

double scaledSigmoid(double y)
{
    if (y > 3.0)
        return -1.0;
    return 2.0 / (1.0 + std::exp(5.0 * y)) - 1.0;
}

std::vector<RowWorth> rowWorths(const CorpusFile &file)
{
    const int rows = file.rows();
    const int probation = probationRows(rows);
    const double maxWorth = scaledSigmoid(-1.0);
    std::vector<RowWorth> worths(static_cast<size_t>(rows));
    size_t next = 0; // the next window to enter
    int previous = -1; // the last window left behind
    for (int i = 0; i < rows; ++i) {
        while (next < file.windows.size() && file.windows[next].right < i)
            previous = int(next++);
        RowWorth &row = worths[size_t(i)];
        if (next < file.windows.size() && file.windows[next].left <= i) {
            const Window &w = file.windows[next];
            row.window = int(next);
            row.worth = scaledSigmoid(-double(w.right - i + 1) / w.width()) / maxWorth;
        } else if (previous < 0) {
            row.worth = -1.0;
        } else {
            const Window &w = file.windows[size_t(previous)];
            // A one-row window would divide by zero; NAB never labels one.
            const double span = std::max(1, w.width() - 1);
            row.worth = scaledSigmoid(double(i - w.right) / span);
        }
        if (i < probation)
            row = RowWorth{};
    }
    return worths;
}

int countedWindows(const CorpusFile &file)
{
    const int probation = probationRows(file.rows());
    return int(std::count_if(file.windows.begin(), file.windows.end(),
                             [&](const Window &w) { return w.right >= probation; }));
}

Tally &Tally::operator+=(const Tally &other)
{
    raw += other.raw;
    truePositives += other.truePositives;
    falsePositives += other.falsePositives;
    falseNegatives += other.falseNegatives;
    windows += other.windows;
    return *this;
}

Tally scoreFile(const CorpusFile &file, const std::vector<double> &scores, double threshold,
                const Profile &profile)
{
    const std::vector<RowWorth> worths = rowWorths(file);
    const int probation = probationRows(file.rows());
    std::vector<double> best(file.windows.size(), qQNaN());
    Tally tally;
    for (int i = probation; i < file.rows(); ++i) {
        if (scores[size_t(i)] < threshold)
            continue;
        const RowWorth &row = worths[size_t(i)];
        if (row.window < 0) {
            tally.raw += profile.fpWeight * row.worth;
            ++tally.falsePositives;
        } else if (std::isnan(best[size_t(row.window)])) {
            best[size_t(row.window)] = profile.tpWeight * row.worth; // the earliest
        }
    }
    for (size_t w = 0; w < file.windows.size(); ++w) {
        if (file.windows[w].right < probation)
            continue;
        ++tally.windows;
        if (std::isnan(best[w])) {
            tally.raw -= profile.fnWeight;
            ++tally.falseNegatives;
        } else {
            tally.raw += best[w];
            ++tally.truePositives;
        }
    }
    return tally;
}

double normalisedScore(double raw, int windows, const Profile &profile)
{
    const double null = -profile.fnWeight * windows;
    const double perfect = profile.tpWeight * windows;
    return perfect > null ? 100.0 * (raw - null) / (perfect - null) : 0.0;
}

ThresholdChoice optimiseThreshold(const std::vector<CorpusFile> &files,
                                  const std::vector<std::vector<double>> &scores,
                                  const Profile &profile)
{
    struct Row
    {
        double score;
        int window; // corpus-wide window index, -1 outside
        double worth; // weighted
    };
    std::vector<Row> rows;
    int windows = 0;
    for (size_t f = 0; f < files.size(); ++f) {
        const CorpusFile &file = files[f];
        const std::vector<RowWorth> worths = rowWorths(file);
        for (int i = probationRows(file.rows()); i < file.rows(); ++i) {
            const RowWorth &w = worths[size_t(i)];
            const double weight = w.window < 0 ? profile.fpWeight : profile.tpWeight;
            rows.push_back(Row{ scores[f][size_t(i)], w.window < 0 ? -1 : windows + w.window,
                                weight * w.worth });
        }
        windows += int(file.windows.size());
    }
    int counted = 0;
    for (const CorpusFile &file : files)
        counted += countedWindows(file);
    std::sort(rows.begin(), rows.end(),
              [](const Row &a, const Row &b) { return a.score > b.score; });

    // Lowering the threshold past a score turns its rows into detections:
    // a false positive adds its (negative) worth, a window row replaces the
    // window's miss or its later detection.
    std::vector<double> best(size_t(windows), qQNaN());
    double total = -profile.fnWeight * counted;
    ThresholdChoice choice{ 1.1, total, normalisedScore(total, counted, profile) };
    for (size_t i = 0; i < rows.size();) {
        const double threshold = rows[i].score;
        for (; i < rows.size() && rows[i].score == threshold; ++i) {
            const Row &row = rows[i];
            if (row.window < 0) {
                total += row.worth;
                continue;
            }
            double &b = best[size_t(row.window)];
            if (std::isnan(b)) {
                total += profile.fnWeight + row.worth;
                b = row.worth;
            } else if (row.worth > b) {
                total += row.worth - b;
                b = row.worth;
            }
        }
        if (total > choice.raw)
            choice = ThresholdChoice{ threshold, total, normalisedScore(total, counted, profile) };
    }
    return choice;
}

} // namespace Umbra::Nab
