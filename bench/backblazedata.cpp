#include "backblazedata.h"

#include <QFileInfo>
#include <QHash>
#include <algorithm>
#include <charconv>
#include <cmath>
#include <zlib.h>

namespace Umbra::Backblaze {

namespace {

// FNV-1a: unlike qHash it is not seeded per process, so the split is stable.
quint64 stableHash(const QByteArray &bytes)
{
    quint64 h = 14695981039346656037ull;
    for (char c : bytes) {
        h ^= quint8(c);
        h *= 1099511628211ull;
    }
    return h;
}

std::vector<QByteArrayView> split(QByteArrayView line)
{
    std::vector<QByteArrayView> fields;
    qsizetype from = 0;
    for (qsizetype i = 0; i <= line.size(); ++i) {
        if (i == line.size() || line[i] == ',') {
            fields.push_back(line.sliced(from, i - from));
            from = i + 1;
        }
    }
    return fields;
}

// std::from_chars ignores the process locale, which QCoreApplication sets.
double number(QByteArrayView field)
{
    double value = qQNaN();
    if (field.isEmpty() || field == "NA")
        return value;
    const auto [end, ec] = std::from_chars(field.data(), field.data() + field.size(), value);
    return ec == std::errc() && end == field.data() + field.size() ? value : qQNaN();
}

class GzLines
{
public:
    explicit GzLines(const QString &path)
        : m_file(gzopen(QFile::encodeName(path).constData(), "rb"))
    { }
    ~GzLines()
    {
        if (m_file)
            gzclose(m_file);
    }
    GzLines(const GzLines &) = delete;
    GzLines &operator=(const GzLines &) = delete;

    bool isOpen() const { return m_file != nullptr; }
    bool next(QByteArrayView *line)
    {
        if (!gzgets(m_file, m_buffer, sizeof m_buffer))
            return false;
        qsizetype n = qsizetype(qstrlen(m_buffer));
        while (n > 0 && (m_buffer[n - 1] == '\n' || m_buffer[n - 1] == '\r'))
            --n;
        *line = QByteArrayView(m_buffer, n);
        return true;
    }

private:
    gzFile m_file;
    char m_buffer[8192];
};

} // namespace

QString defaultDataPath()
{
    return QStringLiteral(UMBRA_SOURCE_DIR "/../shared/data/backblaze/hds-train.csv.gz");
}

bool isTestDrive(const QByteArray &serial)
{
    return stableHash(serial) % 10 < 3;
}

int calibrationFold(const QByteArray &serial)
{
    return int((stableHash(serial) / 10) % 3);
}

Result<Dataset> loadDataset(const QString &path)
{
    GzLines lines(path);
    QByteArrayView line;
    if (!lines.isOpen() || !lines.next(&line))
        return Error{ QStringLiteral("cannot read %1").arg(path) };

    const std::vector<QByteArrayView> header = split(line);
    auto column = [&header](QByteArrayView name) -> qsizetype {
        for (size_t i = 0; i < header.size(); ++i) {
            if (header[i] == name)
                return qsizetype(i);
        }
        return -1;
    };
    const qsizetype serialAt = column("serial_number"), modelAt = column("model"),
                    startAt = column("tstart"), stopAt = column("tstop"), failsAt = column("fails");
    std::array<qsizetype, Predict::kDriveRiskAttributes.size()> smartAt{};
    for (size_t a = 0; a < smartAt.size(); ++a) {
        const QByteArray name = "smart_" + QByteArray::number(Predict::kDriveRiskAttributes[a]);
        smartAt[a] = column(name);
        if (smartAt[a] < 0)
            return Error{ QStringLiteral("%1: no column %2").arg(path, QString::fromLatin1(name)) };
    }
    if (serialAt < 0 || modelAt < 0 || startAt < 0 || stopAt < 0 || failsAt < 0)
        return Error{
            QStringLiteral("%1: needs serial_number, model, tstart, tstop and fails").arg(path)
        };

    Dataset data;
    data.source = QFileInfo(path).fileName();
    QHash<QByteArray, bool> seen;
    while (lines.next(&line)) {
        if (line.isEmpty())
            continue;
        const std::vector<QByteArrayView> f = split(line);
        if (f.size() != header.size())
            return Error{ QStringLiteral("%1: row %2 has %3 fields, the header %4")
                              .arg(path)
                              .arg(data.rows + 2)
                              .arg(f.size())
                              .arg(header.size()) };
        const QByteArray serial = f[size_t(serialAt)].toByteArray();
        if (data.drives.empty() || data.drives.back().serial != serial) {
            if (seen.contains(serial))
                return Error{ QStringLiteral("%1: the rows of drive %2 are not consecutive")
                                  .arg(path, QString::fromLatin1(serial)) };
            seen.insert(serial, true);
            data.drives.push_back({ serial, f[size_t(modelAt)].toByteArray(), false, {} });
        }
        Interval row;
        row.start = number(f[size_t(startAt)]);
        row.stop = number(f[size_t(stopAt)]);
        if (!(row.stop >= row.start))
            return Error{
                QStringLiteral("%1: row %2 stops before it starts").arg(path).arg(data.rows + 2)
            };
        for (size_t a = 0; a < smartAt.size(); ++a)
            row.smart[a] = number(f[size_t(smartAt[a])]);
        Drive &drive = data.drives.back();
        if (drive.failed)
            return Error{ QStringLiteral("%1: drive %2 has rows after its failure")
                              .arg(path, QString::fromLatin1(serial)) };
        drive.failed = number(f[size_t(failsAt)]) == 1;
        drive.intervals.push_back(row);
        ++data.rows;
    }
    return data;
}

Predict::SmartReading readingOf(const Interval &interval)
{
    Predict::SmartReading reading;
    reading.powerOnHours = interval.start;
    for (size_t a = 0; a < interval.smart.size(); ++a) {
        if (!std::isnan(interval.smart[a]))
            reading.raw[Predict::kDriveRiskAttributes[a]] = interval.smart[a];
    }
    return reading;
}

size_t earlierInterval(const Drive &drive, size_t i)
{
    const double at = drive.intervals[i].start - kHorizonHours;
    const auto after
        = std::upper_bound(drive.intervals.begin(), drive.intervals.begin() + qsizetype(i), at,
                           [](double t, const Interval &row) { return t < row.start; });
    return after == drive.intervals.begin() ? 0 : size_t(after - drive.intervals.begin() - 1);
}

std::vector<Example> examplesOf(const Dataset &data, Part part)
{
    std::vector<Example> out;
    for (size_t d = 0; d < data.drives.size(); ++d) {
        const Drive &drive = data.drives[d];
        if (part != Part::All && isTestDrive(drive.serial) != (part == Part::Test))
            continue;
        for (size_t i = 0; i < drive.intervals.size(); ++i) {
            const Interval &now = drive.intervals[i];
            const Predict::SmartReading reading = readingOf(now);
            const Predict::SmartReading before
                = readingOf(drive.intervals[earlierInterval(drive, i)]);
            Example e;
            e.drive = int(d);
            e.interval = int(i);
            e.positive = drive.failed && drive.failedAt() - now.stop <= kHorizonHours;
            e.features = Predict::driveFeatureValues(reading, i > 0 ? &before : nullptr);
            out.push_back(std::move(e));
        }
    }
    return out;
}

} // namespace Umbra::Backblaze
