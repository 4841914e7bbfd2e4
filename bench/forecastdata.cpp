#include "forecastdata.h"

#include "series/timeorder.h"

#include <QDateTime>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QTimeZone>
#include <algorithm>
#include <cmath>
#include <limits>
#include <map>

namespace {

constexpr int kTargetInterval = 300;
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

QStringList splitFields(const QString &line)
{
    static const QRegularExpression separators(QStringLiteral("[;,\\t]+"));
    QStringList fields = line.split(separators);
    for (QString &f : fields)
        f = f.trimmed();
    while (!fields.isEmpty() && fields.last().isEmpty())
        fields.removeLast();
    return fields;
}

// Seconds since the epoch, or NaN.
double parseTime(const QString &field)
{
    bool ok = false;
    const double number = field.toDouble(&ok);
    if (ok)
        return number > 1e11 ? number / 1000 : number;
    QString iso = field;
    iso.replace(QLatin1Char(' '), QLatin1Char('T'));
    QDateTime time = QDateTime::fromString(iso, Qt::ISODate);
    if (!time.isValid())
        return kNaN;
    if (time.timeSpec() == Qt::LocalTime)
        time.setTimeSpec(Qt::UTC);
    return double(time.toSecsSinceEpoch());
}

bool wantedBitbrainsColumn(const QString &header)
{
    const QString h = header.toLower();
    return !h.contains(QLatin1String("provisioned")) && !h.contains(QLatin1String("cores"))
        && !h.contains(QLatin1String("[mhz]"));
}

bool isConstant(const std::vector<double> &values)
{
    double first = kNaN;
    for (double v : values) {
        if (!std::isfinite(v))
            continue;
        if (!std::isfinite(first))
            first = v;
        else if (v != first)
            return false;
    }
    return true;
}

// Averages `factor` consecutive slots into one.
std::vector<double> coarsened(const std::vector<double> &values, int factor)
{
    std::vector<double> out;
    for (size_t i = 0; i + size_t(factor) <= values.size(); i += size_t(factor)) {
        double sum = 0;
        int count = 0;
        for (int k = 0; k < factor; ++k) {
            if (std::isfinite(values[i + size_t(k)])) {
                sum += values[i + size_t(k)];
                ++count;
            }
        }
        out.push_back(count > 0 ? sum / count : kNaN);
    }
    return out;
}

void loadFile(const QString &path, const QString &displayName, std::vector<TraceSeries> &out,
              QStringList *notes)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text)) {
        notes->append(QStringLiteral("cannot open %1").arg(path));
        return;
    }
    const QStringList header = splitFields(QString::fromUtf8(file.readLine()));
    if (header.isEmpty())
        return;
    const bool bitbrains = header.first().startsWith(QLatin1String("Timestamp"))
        && header.size() > 5 && header.join(QLatin1Char(' ')).contains(QLatin1String("CPU usage"));
    const bool timed = bitbrains || header.first().toLower().contains(QLatin1String("time"));

    std::vector<double> times;
    std::vector<std::vector<double>> columns(size_t(header.size()));
    // The store's rule for times (Series::keepTimeOrder), row by row: a
    // repeated time replaces the row before it, an older one is dropped.
    Umbra::Series::TimeOrderCounts ordered;
    while (!file.atEnd()) {
        const QStringList fields = splitFields(QString::fromUtf8(file.readLine()));
        if (fields.size() < header.size())
            continue;
        bool replace = false;
        if (timed) {
            const double t = parseTime(fields[0]);
            if (!times.empty() && t < times.back()) {
                ++ordered.dropped;
                continue;
            }
            replace = !times.empty() && t == times.back();
            if (replace)
                ++ordered.replaced;
            else
                times.push_back(t);
        }
        for (int c = timed ? 1 : 0; c < header.size(); ++c) {
            bool ok = false;
            const double v = fields[c].toDouble(&ok);
            if (replace)
                columns[size_t(c)].back() = ok ? v : kNaN;
            else
                columns[size_t(c)].push_back(ok ? v : kNaN);
        }
    }
    if (ordered.any())
        notes->append(
            QStringLiteral("%1: %2 (counted in rows)").arg(displayName, ordered.describe()));

    int interval = kTargetInterval;
    std::vector<qint64> slots;
    if (timed && times.size() > 2) {
        std::vector<double> steps;
        for (size_t i = 1; i < times.size(); ++i)
            steps.push_back(times[i] - times[i - 1]);
        std::nth_element(steps.begin(), steps.begin() + steps.size() / 2, steps.end());
        interval = std::max(1, int(std::lround(steps[steps.size() / 2])));
        for (double t : times)
            slots.push_back(std::llround((t - times.front()) / interval));
    } else {
        static const QRegularExpression seconds(QStringLiteral("_(\\d+)_seconds"));
        const auto match = seconds.match(QFileInfo(path).fileName());
        if (match.hasMatch())
            interval = match.captured(1).toInt();
        for (size_t i = 0; i < columns.back().size(); ++i)
            slots.push_back(qint64(i));
    }
    const qint64 slotCount = slots.empty() ? 0 : *std::max_element(slots.begin(), slots.end()) + 1;

    for (int c = timed ? 1 : 0; c < header.size(); ++c) {
        if (bitbrains && !wantedBitbrainsColumn(header[c]))
            continue;
        std::vector<double> grid(size_t(slotCount), kNaN);
        for (size_t i = 0; i < slots.size() && i < columns[size_t(c)].size(); ++i) {
            if (slots[i] >= 0)
                grid[size_t(slots[i])] = columns[size_t(c)][i];
        }
        int seriesInterval = interval;
        if (interval < kTargetInterval && kTargetInterval % interval == 0) {
            grid = coarsened(grid, kTargetInterval / interval);
            seriesInterval = kTargetInterval;
        }
        if (isConstant(grid))
            continue;
        out.push_back(
            { displayName + QLatin1Char(':') + header[c], seriesInterval, std::move(grid) });
    }
}

} // namespace

std::vector<TraceSeries> loadTraces(const QStringList &paths, QStringList *notes)
{
    std::vector<TraceSeries> out;
    for (const QString &path : paths) {
        const QFileInfo info(path);
        QStringList files;
        if (info.isDir()) {
            QDirIterator it(path, { QStringLiteral("*.csv") }, QDir::Files,
                            QDirIterator::Subdirectories);
            while (it.hasNext())
                files.append(it.next());
        } else if (info.isFile()) {
            files.append(path);
        } else {
            notes->append(QStringLiteral("no data at %1").arg(path));
            continue;
        }
        std::sort(files.begin(), files.end(), [](const QString &a, const QString &b) {
            // Numeric order for 1.csv … 10.csv.
            const QString fa = QFileInfo(a).completeBaseName(),
                          fb = QFileInfo(b).completeBaseName();
            bool oka = false, okb = false;
            const int na = fa.toInt(&oka), nb = fb.toInt(&okb);
            if (oka && okb && QFileInfo(a).path() == QFileInfo(b).path())
                return na < nb;
            return a < b;
        });
        const QDir base
            = info.isDir() ? QDir(info.absoluteFilePath() + QStringLiteral("/..")) : info.dir();
        for (const QString &file : files) {
            if (file.contains(QLatin1String("_30_seconds"))) {
                QString sibling = file;
                sibling.replace(QLatin1String("_30_seconds"), QLatin1String("_300_seconds"));
                if (QFileInfo::exists(sibling))
                    continue;
            }
            loadFile(file, base.relativeFilePath(file), out, notes);
        }
    }
    return out;
}

QString defaultDataRoot()
{
    const QString fromSource = QStringLiteral(UMBRA_SOURCE_DIR "/../shared/data");
    if (QFileInfo(fromSource).isDir())
        return QDir::cleanPath(fromSource);
    return QDir::cleanPath(QDir::current().filePath(QStringLiteral("../shared/data")));
}
