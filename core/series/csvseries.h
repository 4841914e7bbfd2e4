#pragma once

#include "series/seriesreader.h"
#include "series/serieswriter.h"
#include "util/result.h"

#include <QIODevice>
#include <QList>
#include <QString>
#include <QStringList>

namespace Umbra::Series {

// One column of a CSV file as a series.
struct CsvColumn
{
    QString header;
    qint8 precision = kExact;
    QList<TimedValue> values;
};

// Reads a table whose first column is the time and every other column a
// series. Accepted, as operators and public traces write them:
//   - a header line; fields separated by ';', ',' or tabs (detected);
//   - time as Unix seconds, milliseconds, microseconds or nanoseconds (told
//     apart by magnitude) or ISO 8601 (UTC unless it says otherwise), between
//     1990-01-01 and now: a time after now would hold back the samples Umbra
//     collects for the series until then; the lines outside are named;
//   - an empty field, "NaN" or "null" for a missing value.
// Two columns that would be stored as one series are refused.
// A malformed line stops the import with its line number; nothing of a
// malformed file is returned.
inline constexpr qint64 kEarliestImportMs = 631152000000; // 1990-01-01T00:00:00Z

Result<QList<CsvColumn>> readCsv(QIODevice &in, const QString &sourceName);
Result<QList<CsvColumn>> readCsvFile(const QString &path);

// The precision a column is kept at, from its header: percentages and MHz
// to 0.01, KB and counts to 1, throughputs (…/s) to 0.001; anything else exactly.
qint8 precisionForHeader(const QString &header);

// A header as a series name component: "CPU usage [%]" → "cpu_usage_pct".
QString seriesKeyForHeader(const QString &header);

// Stores every column as the series "<prefix>/<key>". Returns the number of
// samples kept; a sample at the time of the one before it replaces that one,
// and samples older than what the series holds are rejected (both counted by
// the writer).
Result<qint64> importColumns(SeriesWriter &writer, const QString &prefix,
                             const QList<CsvColumn> &columns);

// Writes the raw samples of `series` in [fromMs, toMs] as one table: a "time"
// column in ISO 8601 UTC, then one column per series under `headers`, rows
// merged by timestamp, empty where a series has no value.
Result<qint64> writeCsv(SeriesReader &reader, const QList<int> &series, const QStringList &headers,
                        qint64 fromMs, qint64 toMs, QIODevice &out);

} // namespace Umbra::Series
