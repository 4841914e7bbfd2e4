#include "series/csvseries.h"

#include "util/displaytext.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QFile>
#include <QHash>
#include <QLocale>
#include <QMap>
#include <QRegularExpression>
#include <QTimeZone>
#include <cmath>

namespace Umbra::Series {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Umbra::SeriesCsv)
};

QChar detectSeparator(const QString &header)
{
    for (QChar candidate : { QLatin1Char(';'), QLatin1Char('\t'), QLatin1Char(',') })
        if (header.contains(candidate))
            return candidate;
    return QLatin1Char(',');
}

// Epoch numbers are told apart by magnitude: seconds up to the year 5138 are
// below 1e11, milliseconds from 1973 to 5138 below 1e14, microseconds below
// 1e17, and nanoseconds above (from 1973).
qint64 epochToMs(double value)
{
    const double magnitude = std::abs(value);
    if (magnitude < 1e11)
        return qint64(std::llround(value * 1000));
    if (magnitude < 1e14)
        return qint64(std::llround(value));
    if (magnitude < 1e17)
        return qint64(std::llround(value / 1e3));
    return qint64(std::llround(value / 1e6));
}

std::optional<qint64> parseTime(const QString &field)
{
    bool ok = false;
    const qint64 integer = field.toLongLong(&ok);
    // Seconds and milliseconds are exact as doubles (below 2^53).
    if (ok)
        return epochToMs(double(integer));
    const double real = field.toDouble(&ok);
    if (ok && std::isfinite(real))
        return epochToMs(real);
    QDateTime time = QDateTime::fromString(field, Qt::ISODateWithMs);
    if (!time.isValid())
        time = QDateTime::fromString(field, QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    if (!time.isValid())
        return std::nullopt;
    if (time.timeSpec() == Qt::LocalTime)
        time.setTimeZone(QTimeZone::utc());
    return time.toMSecsSinceEpoch();
}

QString isoTime(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODate);
}

// "2, 5, 9 and 3 more": which lines, without echoing thousands.
QString lineList(const QList<qint64> &lines)
{
    constexpr qsizetype kShown = 5;
    QStringList shown;
    for (qsizetype i = 0; i < std::min(kShown, lines.size()); ++i)
        shown.append(QString::number(lines[i]));
    QString text = shown.join(QStringLiteral(", "));
    if (lines.size() > kShown)
        text = Tr::tr("%1 and %2 more").arg(text).arg(lines.size() - kShown);
    return text;
}

std::optional<double> parseValue(const QString &field)
{
    if (field.isEmpty() || field.compare(QLatin1String("nan"), Qt::CaseInsensitive) == 0
        || field.compare(QLatin1String("null"), Qt::CaseInsensitive) == 0)
        return std::nan("");
    bool ok = false;
    const double value = field.toDouble(&ok);
    if (!ok || std::isinf(value))
        return std::nullopt;
    return value;
}

QString cleanHeader(QString header)
{
    header = header.trimmed();
    if (header.size() >= 2 && header.startsWith(QLatin1Char('"'))
        && header.endsWith(QLatin1Char('"')))
        header = header.mid(1, header.size() - 2);
    return header;
}

} // namespace

qint8 precisionForHeader(const QString &header)
{
    const QString h = header.toLower();
    if (h.contains(QLatin1String("/s")))
        return -3;
    if (h.contains(QLatin1Char('%')) || h.contains(QLatin1String("mhz")))
        return -2;
    if (h.contains(QLatin1String("[kb]")) || h.contains(QLatin1String("cores")))
        return 0;
    return kExact;
}

QString seriesKeyForHeader(const QString &header)
{
    QString key = header.toLower();
    key.replace(QLatin1Char('%'), QLatin1String("pct"));
    key.replace(QLatin1String("/s"), QLatin1String("_per_s"));
    static const QRegularExpression other(QStringLiteral("[^a-z0-9]+"));
    key.replace(other, QStringLiteral("_"));
    while (key.startsWith(QLatin1Char('_')))
        key.remove(0, 1);
    while (key.endsWith(QLatin1Char('_')))
        key.chop(1);
    return key.isEmpty() ? QStringLiteral("value") : key;
}

Result<QList<CsvColumn>> readCsv(QIODevice &in, const QString &sourceName)
{
    QList<CsvColumn> columns;
    const qint64 earliest = kEarliestImportMs;
    const qint64 latest = QDateTime::currentMSecsSinceEpoch();
    auto fail = [&](qint64 line, const QString &why) {
        return Error{ Tr::tr("%1, line %2: %3").arg(sourceName).arg(line).arg(why) };
    };
    QByteArray headerLine = in.readLine();
    if (headerLine.isEmpty())
        return Error{
            Tr::tr("%1 is empty; a header line and samples were expected.").arg(sourceName)
        };
    const QString header = QString::fromUtf8(headerLine).trimmed();
    const QChar separator = detectSeparator(header);
    const QStringList headers = header.split(separator);
    if (headers.size() < 2)
        return fail(1, Tr::tr("the header names no value column (time first, then values)."));
    QHash<QString, qsizetype> keys; // series key → column number
    for (qsizetype c = 1; c < headers.size(); ++c) {
        CsvColumn column;
        column.header = cleanHeader(headers[c]);
        column.precision = precisionForHeader(column.header);
        const QString key = seriesKeyForHeader(column.header);
        if (const auto clash = keys.constFind(key); clash != keys.cend())
            return fail(1,
                        Tr::tr("columns %1 and %2 would both be stored as the series “%3”; "
                               "rename one of them.")
                            .arg(clash.value() + 1)
                            .arg(c + 1)
                            .arg(DisplayText::quote(key, 80)));
        keys.insert(key, c);
        columns.append(column);
    }
    QList<qint64> outOfRange;
    qint64 lineNumber = 1;
    while (!in.atEnd()) {
        const QByteArray raw = in.readLine();
        ++lineNumber;
        const QString line = QString::fromUtf8(raw).trimmed();
        if (line.isEmpty())
            continue;
        const QStringList fields = line.split(separator);
        if (fields.size() != headers.size())
            return fail(lineNumber,
                        Tr::tr("%1 fields where the header has %2.")
                            .arg(fields.size())
                            .arg(headers.size()));
        const auto time = parseTime(fields[0].trimmed());
        if (!time)
            return fail(
                lineNumber,
                Tr::tr("“%1” is not a time.").arg(DisplayText::quote(fields[0].trimmed(), 60)));
        if (*time < earliest || *time > latest)
            outOfRange.append(lineNumber);
        for (qsizetype c = 1; c < fields.size(); ++c) {
            const auto value = parseValue(fields[c].trimmed());
            if (!value)
                return fail(lineNumber,
                            Tr::tr("“%1” in column “%2” is not a number.")
                                .arg(DisplayText::quote(fields[c].trimmed(), 60),
                                     DisplayText::quote(columns[c - 1].header, 80)));
            columns[c - 1].values.append(TimedValue{ *time, *value });
        }
    }
    if (!outOfRange.isEmpty())
        return Error{ Tr::tr("%1: nothing was imported; %2 lines have a time outside %3 … %4 "
                             "(now): line %5. A time after now would hold back the samples Umbra "
                             "collects for that series until then.")
                          .arg(sourceName)
                          .arg(outOfRange.size())
                          .arg(isoTime(earliest), isoTime(latest), lineList(outOfRange)) };
    return columns;
}

Result<QList<CsvColumn>> readCsvFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error{ Tr::tr("Cannot read %1: %2").arg(path, file.errorString()) };
    return readCsv(file, path);
}

Result<qint64> importColumns(SeriesWriter &writer, const QString &prefix,
                             const QList<CsvColumn> &columns)
{
    qint64 stored = 0;
    std::vector<SeriesPoint> points;
    for (const CsvColumn &column : columns) {
        auto id = writer.seriesId(prefix + QLatin1Char('/') + seriesKeyForHeader(column.header),
                                  column.precision);
        if (!id)
            return Error{ id.error() };
        points.clear();
        points.reserve(size_t(column.values.size()));
        for (const TimedValue &v : column.values)
            points.push_back(SeriesPoint{ id.value(), v.timeMs, v.value });
        std::stable_sort(
            points.begin(), points.end(),
            [](const SeriesPoint &a, const SeriesPoint &b) { return a.timeMs < b.timeMs; });
        const qint64 rejectedBefore = writer.rejectedSamples();
        const qint64 replacedBefore = writer.replacedSamples();
        if (auto done = writer.append(points); !done)
            return Error{ done.error() };
        // A repeated time replaces the sample before it: one sample kept, not two.
        stored += qint64(points.size()) - (writer.rejectedSamples() - rejectedBefore)
            - (writer.replacedSamples() - replacedBefore);
    }
    return stored;
}

Result<qint64> writeCsv(SeriesReader &reader, const QList<int> &series, const QStringList &headers,
                        qint64 fromMs, qint64 toMs, QIODevice &out)
{
    QMap<qint64, QList<double>> rows;
    for (qsizetype s = 0; s < series.size(); ++s) {
        auto samples = reader.samples(series[s], fromMs, toMs);
        if (!samples)
            return Error{ samples.error() };
        for (const TimedValue &v : samples.value()) {
            QList<double> &row = rows[v.timeMs];
            if (row.isEmpty())
                row.fill(std::nan(""), series.size());
            row[s] = v.value;
        }
    }
    QByteArray text = "time";
    for (const QString &header : headers)
        text += ',' + header.toUtf8();
    text += '\n';
    for (auto it = rows.cbegin(); it != rows.cend(); ++it) {
        text += QDateTime::fromMSecsSinceEpoch(it.key(), QTimeZone::utc())
                    .toString(QStringLiteral("yyyy-MM-dd'T'HH:mm:ss.zzz'Z'"))
                    .toUtf8();
        for (double v : it.value()) {
            text += ',';
            if (!std::isnan(v))
                text += QString::number(v, 'g', QLocale::FloatingPointShortest).toUtf8();
        }
        text += '\n';
    }
    if (out.write(text) != text.size())
        return Error{ Tr::tr("Writing the CSV failed: %1").arg(out.errorString()) };
    return qint64(rows.size());
}

} // namespace Umbra::Series
