// Umbra's time-series store (core/series) against a plain row-per-sample
// SQLite table fed the same data: ingest speed, size on disk, chart query
// latency, compression of monotonic counters, and the steady cost of a large
// fleet written the way the console writes it.
//
//   bench_store [--data DIR] [--series 10000] [--workdir DIR]
//               [--sustained-minutes 70] [--sustained-vms 10000] [--quick]
//
// Every measured phase runs in a child process of its own, so that each peak
// RSS belongs to that phase alone. Human-readable lines first, then one line
// with every figure as a JSON object. Results: docs/benchmarks.md.
#include "resident.h"
#include "series/csvseries.h"
#include "series/seriesheads.h"
#include "series/seriesreader.h"
#include "series/serieswriter.h"
#include "series/sqlitestatement.h"
#include "series/timeorder.h"
#include "store/database.h"

#include <QCoreApplication>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlError>
#include <QTemporaryDir>
#include <algorithm>
#include <array>
#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <initializer_list>
#include <limits>
#include <map>
#include <memory>
#include <numbers>
#include <numeric>
#include <optional>
#include <random>
#include <sqlite3.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include <vector>

using namespace Umbra;
using namespace Umbra::Series;

namespace {

// Bitbrains: one transaction per 100 time steps of every series.
constexpr int kStepsPerCommit = 100;
constexpr int kQuerySeries = 200;
constexpr int kChartWidth = 1000;
constexpr quint32 kSeed = 20130701;
// 2024-01-01T00:00:00Z: generated series start on an hour boundary, so the
// sustained run crosses one after exactly 60 minutes.
constexpr qint64 kGeneratedStartMs = 1704067200000;
constexpr int kCounterSeries = 500;
constexpr int kCounterSeconds = 4 * 3600;
constexpr int kCounterStepsPerCommit = 10;
constexpr int kSustainedIntervalS = 10;
// The console's writer enforces retention about once a minute.
constexpr int kRetentionEveryIntervals = 6;
constexpr int kRetentionSlice = 2000;

int g_argc = 0;
char **g_argv = nullptr;

// ---------------------------------------------------------------------------
// Clocks, memory, JSON

double clockSeconds(clockid_t clock)
{
    timespec now{};
    clock_gettime(clock, &now);
    return double(now.tv_sec) + double(now.tv_nsec) * 1e-9;
}

// CPU time of the whole process (all threads), and wall time, since construction.
class Stopwatch
{
public:
    double cpu() const { return clockSeconds(CLOCK_PROCESS_CPUTIME_ID) - m_cpu; }
    double wall() const { return clockSeconds(CLOCK_MONOTONIC) - m_wall; }

private:
    double m_cpu = clockSeconds(CLOCK_PROCESS_CPUTIME_ID);
    double m_wall = clockSeconds(CLOCK_MONOTONIC);
};

double rounded(double value, int decimals)
{
    const double scale = std::pow(10.0, decimals);
    return std::round(value * scale) / scale;
}

QJsonObject json(std::initializer_list<std::pair<const char *, QJsonValue>> fields)
{
    QJsonObject object;
    for (const auto &[key, value] : fields)
        object.insert(QLatin1String(key), value);
    return object;
}

QJsonObject member(const QJsonObject &object, const char *key)
{
    return object.value(QLatin1String(key)).toObject();
}

double number(const QJsonObject &object, const char *key)
{
    return object.value(QLatin1String(key)).toDouble();
}

struct Percentiles
{
    double median = 0;
    double p95 = 0;
};

// Nearest rank, as the store's own rollups compute p95.
Percentiles percentiles(std::vector<double> values)
{
    if (values.empty())
        return {};
    std::sort(values.begin(), values.end());
    auto rank = [&](double p) {
        const auto index = size_t(std::ceil(p * double(values.size()))) - 1;
        return values[std::min(index, values.size() - 1)];
    };
    return { rank(0.5), rank(0.95) };
}

// ---------------------------------------------------------------------------
// SQLite on its C API: the row table, and sizes of either file

Error sqliteError(sqlite3 *db, const char *what)
{
    return Error{ QStringLiteral("%1 failed: %2")
                      .arg(QLatin1String(what), QString::fromUtf8(sqlite3_errmsg(db))) };
}

Result<void> execSql(sqlite3 *db, const char *sql)
{
    if (sqlite3_exec(db, sql, nullptr, nullptr, nullptr) != SQLITE_OK)
        return sqliteError(db, sql);
    return {};
}

// The first column of the first row; NULL reads as 0.
Result<qint64> queryInt(sqlite3 *db, const char *sql)
{
    sqlite3_stmt *statement = nullptr;
    if (sqlite3_prepare_v2(db, sql, -1, &statement, nullptr) != SQLITE_OK)
        return sqliteError(db, sql);
    const int status = sqlite3_step(statement);
    const qint64 value = status == SQLITE_ROW ? sqlite3_column_int64(statement, 0) : 0;
    sqlite3_finalize(statement);
    if (status != SQLITE_ROW && status != SQLITE_DONE)
        return sqliteError(db, sql);
    return value;
}

struct DiskSize
{
    qint64 fileBytes = 0; // the database file and its WAL, as the file system sees them
    qint64 usedBytes = 0; // pages in use: (page_count − freelist_count) × page_size
};

// After a truncating checkpoint, so that the WAL is part of the file.
Result<DiskSize> diskSize(sqlite3 *db, const QString &path)
{
    auto busy = queryInt(db, "PRAGMA wal_checkpoint(TRUNCATE)");
    if (!busy)
        return Error{ busy.error() };
    if (busy.value() != 0)
        return Error{ QStringLiteral("The WAL checkpoint of %1 could not complete.").arg(path) };
    auto pages = queryInt(db, "PRAGMA page_count");
    auto freePages = queryInt(db, "PRAGMA freelist_count");
    auto pageSize = queryInt(db, "PRAGMA page_size");
    if (!pages || !freePages || !pageSize)
        return sqliteError(db, "reading the page counts");
    DiskSize size;
    size.fileBytes = QFileInfo(path).size() + QFileInfo(path + QStringLiteral("-wal")).size();
    size.usedBytes = (pages.value() - freePages.value()) * pageSize.value();
    return size;
}

// The row-per-sample layout typical tools use, with Umbra's journal settings.
class RowTable
{
public:
    RowTable() = default;
    ~RowTable()
    {
        sqlite3_finalize(m_insert);
        sqlite3_finalize(m_select);
        sqlite3_close(m_db);
    }
    RowTable(const RowTable &) = delete;
    RowTable &operator=(const RowTable &) = delete;

    Result<void> open(const QString &path)
    {
        if (sqlite3_open(QFile::encodeName(path).constData(), &m_db) != SQLITE_OK)
            return sqliteError(m_db, "opening the row table");
        for (const char *sql :
             { "PRAGMA journal_mode=WAL", "PRAGMA synchronous=NORMAL",
               "CREATE TABLE IF NOT EXISTS samples (series_id INTEGER NOT NULL, ts INTEGER NOT "
               "NULL, value REAL, PRIMARY KEY (series_id, ts)) WITHOUT ROWID" }) {
            if (auto done = execSql(m_db, sql); !done)
                return done;
        }
        if (sqlite3_prepare_v2(m_db, "INSERT INTO samples (series_id, ts, value) VALUES (?, ?, ?)",
                               -1, &m_insert, nullptr)
            != SQLITE_OK)
            return sqliteError(m_db, "preparing the insert");
        if (sqlite3_prepare_v2(m_db,
                               "SELECT ts, value FROM samples WHERE series_id = ? AND ts BETWEEN "
                               "? AND ?",
                               -1, &m_select, nullptr)
            != SQLITE_OK)
            return sqliteError(m_db, "preparing the range query");
        return {};
    }

    sqlite3 *handle() const { return m_db; }
    Result<void> begin() { return execSql(m_db, "BEGIN"); }
    Result<void> commit() { return execSql(m_db, "COMMIT"); }

    Result<void> insert(const SeriesPoint &point)
    {
        sqlite3_bind_int64(m_insert, 1, point.seriesId);
        sqlite3_bind_int64(m_insert, 2, point.timeMs);
        if (std::isnan(point.value))
            sqlite3_bind_null(m_insert, 3);
        else
            sqlite3_bind_double(m_insert, 3, point.value);
        const int status = sqlite3_step(m_insert);
        sqlite3_reset(m_insert);
        if (status != SQLITE_DONE)
            return sqliteError(m_db, "inserting a sample");
        return {};
    }

    // What a typical tool does for a chart: every sample of the range, folded
    // into pixel columns of min/mean/max (the same columns SeriesReader uses).
    Result<QList<ChartPoint>> chart(int seriesId, qint64 fromMs, qint64 toMs, int widthPx)
    {
        const qint64 step = std::max<qint64>(1, (toMs - fromMs + widthPx) / widthPx);
        std::vector<ChartPoint> columns(static_cast<size_t>(widthPx));
        sqlite3_bind_int64(m_select, 1, seriesId);
        sqlite3_bind_int64(m_select, 2, fromMs);
        sqlite3_bind_int64(m_select, 3, toMs);
        int status;
        while ((status = sqlite3_step(m_select)) == SQLITE_ROW) {
            if (sqlite3_column_type(m_select, 1) == SQLITE_NULL)
                continue;
            const qint64 t = sqlite3_column_int64(m_select, 0);
            const double v = sqlite3_column_double(m_select, 1);
            ChartPoint &p
                = columns[size_t(std::clamp<qint64>((t - fromMs) / step, 0, widthPx - 1))];
            if (p.count == 0) {
                p.min = v;
                p.max = v;
            } else {
                p.min = std::min(p.min, v);
                p.max = std::max(p.max, v);
            }
            p.mean += v;
            ++p.count;
        }
        sqlite3_reset(m_select);
        if (status != SQLITE_DONE)
            return sqliteError(m_db, "reading a range");
        QList<ChartPoint> out;
        for (size_t i = 0; i < columns.size(); ++i) {
            ChartPoint p = columns[i];
            if (p.count == 0)
                continue;
            p.timeMs = fromMs + qint64(i) * step;
            p.mean /= p.count;
            out.append(p);
        }
        return out;
    }

private:
    sqlite3 *m_db = nullptr;
    sqlite3_stmt *m_insert = nullptr;
    sqlite3_stmt *m_select = nullptr;
};

// ---------------------------------------------------------------------------
// The series store

Result<void> inTransaction(QSqlDatabase &db, SeriesWriter &writer,
                           const std::function<Result<void>()> &body)
{
    if (!db.transaction())
        return Error{ QStringLiteral("BEGIN failed: %1").arg(db.lastError().text()) };
    auto done = body();
    if (done && !db.commit())
        done = Error{ QStringLiteral("COMMIT failed: %1").arg(db.lastError().text()) };
    if (!done) {
        db.rollback();
        writer.rolledBack();
        return done;
    }
    writer.committed();
    return {};
}

// How the console's store thread commits: flush inside a transaction, then
// tell the writer the heads' chunks are on disk.
Result<void> commitFlush(QSqlDatabase &db, SeriesWriter &writer, int compactionBudget)
{
    return inTransaction(db, writer, [&] { return writer.flush(compactionBudget); });
}

Result<std::vector<int>> createSeries(QSqlDatabase &db, SeriesWriter &writer, int count,
                                      const std::function<QString(int)> &name,
                                      const std::function<qint8(int)> &precision)
{
    std::vector<int> ids(static_cast<size_t>(count));
    auto done = inTransaction(db, writer, [&]() -> Result<void> {
        for (int s = 0; s < count; ++s) {
            auto id = writer.seriesId(name(s), precision(s));
            if (!id)
                return Error{ id.error() };
            ids[size_t(s)] = id.value();
        }
        return {};
    });
    if (!done)
        return Error{ done.error() };
    return ids;
}

struct ChunkBytes
{
    qint64 chunks = 0;
    qint64 bytes = 0;
};

// Chunk count and payload bytes per kind: raw (open chunks included), the
// three rollups, and raw samples standing in for each of them.
constexpr int kChunkKinds = 7;

Result<std::array<ChunkBytes, kChunkKinds>> chunkBytes(sqlite3 *db)
{
    std::array<ChunkBytes, kChunkKinds> out{};
    sqlite3_stmt *statement = nullptr;
    const char *sql = "SELECT resolution, count(*), sum(length(data)) FROM (SELECT resolution, "
                      "data FROM ts_chunks UNION ALL SELECT 0, data FROM ts_open) "
                      "GROUP BY resolution";
    if (sqlite3_prepare_v2(db, sql, -1, &statement, nullptr) != SQLITE_OK)
        return sqliteError(db, sql);
    int status;
    while ((status = sqlite3_step(statement)) == SQLITE_ROW) {
        const auto resolution = size_t(sqlite3_column_int64(statement, 0));
        if (resolution < out.size())
            out[resolution]
                = { sqlite3_column_int64(statement, 1), sqlite3_column_int64(statement, 2) };
    }
    sqlite3_finalize(statement);
    if (status != SQLITE_DONE)
        return sqliteError(db, sql);
    return out;
}

// Where a table's bytes go, per sample, from SQLite's dbstat table (absent
// from builds without SQLITE_ENABLE_DBSTAT_VTAB; then the object is empty):
// leaf, interior and overflow pages of the table, the part of them left
// unused, and the pages of its other indexes.
QJsonObject pageLayout(sqlite3 *db, const char *table, qint64 samples)
{
    QJsonObject out;
    sqlite3_stmt *statement = nullptr;
    const char *sql = "SELECT d.name = ?1, d.pagetype, sum(d.pgsize), sum(d.unused) FROM dbstat d "
                      "JOIN sqlite_schema m ON m.name = d.name WHERE m.tbl_name = ?1 GROUP BY 1, 2";
    if (sqlite3_prepare_v2(db, sql, -1, &statement, nullptr) != SQLITE_OK)
        return out;
    sqlite3_bind_text(statement, 1, table, -1, SQLITE_STATIC);
    std::array<double, 5> bytes{}; // leaf, interior, overflow, unused, indexes
    while (sqlite3_step(statement) == SQLITE_ROW) {
        const auto total = double(sqlite3_column_int64(statement, 2));
        if (sqlite3_column_int(statement, 0) == 0) {
            bytes[4] += total;
            continue;
        }
        const QByteArray type(reinterpret_cast<const char *>(sqlite3_column_text(statement, 1)));
        bytes[type == "leaf" ? 0 : type == "internal" ? 1 : 2] += total;
        bytes[3] += double(sqlite3_column_int64(statement, 3));
    }
    sqlite3_finalize(statement);
    const char *names[] = { "leaf", "interior", "overflow", "unused", "other_indexes" };
    for (size_t i = 0; i < bytes.size(); ++i)
        out.insert(QLatin1String(names[i]), rounded(bytes[i] / double(samples), 3));
    return out;
}

QJsonObject chunkBytesJson(const std::array<ChunkBytes, kChunkKinds> &bytes, qint64 samples)
{
    QJsonObject out;
    const char *names[] = { "raw", "1m", "5m", "1h", "raw_for_1m", "raw_for_5m", "raw_for_1h" };
    for (size_t r = 0; r < bytes.size(); ++r)
        out.insert(QLatin1String(names[r]),
                   json({ { "chunks", double(bytes[r].chunks) },
                          { "bytes_per_sample",
                            rounded(double(bytes[r].bytes) / double(std::max<qint64>(1, samples)),
                                    3) } }));
    return out;
}

// ---------------------------------------------------------------------------
// Bitbrains data

// The value a column keeps at its precision, rounded as the chunk codec rounds
// it, so that the row table is fed exactly what the series store keeps.
double atPrecision(double value, qint8 precision)
{
    if (precision == kExact || !std::isfinite(value))
        return value;
    const double scale = std::pow(10.0, std::abs(int(precision)));
    const double scaled = precision < 0 ? value * scale : value / scale;
    if (std::fabs(scaled) >= 4503599627370496.0) // 2^52: the codec keeps these exactly
        return value;
    const double integer = double(std::llround(scaled));
    return precision < 0 ? integer / scale : integer * scale;
}

struct BaseSeries
{
    QString name; // "<file>/<column key>"
    QString columnKey;
    qint8 precision = kExact;
    int file = 0;
    // In the store's time order (Series::keepTimeOrder): a column's own
    // times, since a file's columns may each have lost different rows.
    std::vector<qint64> times;
    std::vector<double> values;
};

struct Bitbrains
{
    QStringList files;
    std::vector<BaseSeries> series;
    Series::TimeOrderCounts ordered; // what the store's time rule merged and dropped
    size_t longest = 0;
    qint64 oldestMs = std::numeric_limits<qint64>::max();
    qint64 newestMs = std::numeric_limits<qint64>::min();

    // Series s is replica s / base-count of base series s % base-count.
    const BaseSeries &base(int s) const { return series[size_t(s) % series.size()]; }
    int replica(int s) const { return s / int(series.size()); }
    QString seriesName(int s) const
    {
        return QStringLiteral("bitbrains/%1/r%2").arg(base(s).name).arg(replica(s));
    }
    qint64 samples(int seriesCount) const
    {
        qint64 total = 0;
        for (int s = 0; s < seriesCount; ++s)
            total += qint64(base(s).values.size());
        return total;
    }

    // Time step `i` of every series, as a live collector delivers it. A
    // replica keeps its base's timestamps; its values are rotated by 7
    // positions per replica, so that no two series are the same.
    void step(size_t i, const std::vector<int> &ids, std::vector<SeriesPoint> &points) const
    {
        points.clear();
        const size_t baseCount = series.size();
        for (size_t s = 0; s < ids.size(); ++s) {
            const BaseSeries &b = series[s % baseCount];
            const size_t n = b.values.size();
            if (i >= n)
                continue;
            const size_t shift = s / baseCount * 7;
            points.push_back(SeriesPoint{ ids[s], b.times[i], b.values[(i + shift) % n] });
        }
    }
};

Result<Bitbrains> loadBitbrains(const QString &dir)
{
    QStringList paths;
    QDirIterator it(dir, { QStringLiteral("*.csv") }, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext())
        paths.append(it.next());
    std::sort(paths.begin(), paths.end()); // a fixed order keeps series names and runs comparable
    Bitbrains data;
    for (const QString &path : std::as_const(paths)) {
        auto columns = readCsvFile(path);
        if (!columns)
            return Error{ columns.error() };
        if (columns.value().isEmpty() || columns.value().first().values.isEmpty())
            continue;
        QString fileName = QDir(dir).relativeFilePath(path);
        fileName.chop(4); // ".csv"
        const int file = int(data.files.size());
        data.files.append(fileName);
        Series::TimeOrderCounts ordered;
        for (CsvColumn &column : columns.value()) {
            // Real traces repeat timestamps: the row table's key would refuse
            // them, the series store would replace them. Both are fed what
            // the store keeps.
            ordered += Series::keepTimeOrder(column.values);
            if (column.values.isEmpty())
                continue;
            data.oldestMs = std::min(data.oldestMs, column.values.front().timeMs);
            data.newestMs = std::max(data.newestMs, column.values.back().timeMs);
            data.longest = std::max(data.longest, size_t(column.values.size()));
            BaseSeries base;
            base.columnKey = seriesKeyForHeader(column.header);
            base.name = fileName + QLatin1Char('/') + base.columnKey;
            base.precision = column.precision;
            base.file = file;
            base.values.reserve(size_t(column.values.size()));
            base.times.reserve(size_t(column.values.size()));
            for (const TimedValue &v : column.values) {
                base.times.push_back(v.timeMs);
                base.values.push_back(atPrecision(v.value, column.precision));
            }
            data.series.push_back(std::move(base));
        }
        if (ordered.any())
            std::fprintf(stderr, "bench_store: %s: %s.\n", qPrintable(fileName),
                         qPrintable(ordered.describe()));
        data.ordered += ordered;
    }
    if (data.series.empty())
        return Error{ QStringLiteral("No samples in any *.csv under %1.").arg(dir) };
    return data;
}

// ---------------------------------------------------------------------------
// Phase 1: Bitbrains ingest

QJsonObject sizeFigures(const DiskSize &size, qint64 samples)
{
    return json({ { "bytes_per_sample", rounded(double(size.fileBytes) / double(samples), 3) },
                  { "used_bytes_per_sample", rounded(double(size.usedBytes) / double(samples), 3) },
                  { "file_mib", rounded(double(size.fileBytes) / (1024.0 * 1024.0), 1) } });
}

Result<QJsonObject> bitbrainsSeries(const Bitbrains &data, int seriesCount, const QString &path)
{
    auto opened = Database::open(path, QStringLiteral("bench-bitbrains"));
    if (!opened)
        return Error{ opened.error() };
    QSqlDatabase &db = opened.value()->sql();
    auto heads = std::make_shared<SeriesHeads>();
    SeriesWriter writer(db, heads);
    auto ids = createSeries(
        db, writer, seriesCount, [&](int s) { return data.seriesName(s); },
        [&](int s) { return data.base(s).precision; });
    if (!ids)
        return Error{ ids.error() };

    std::vector<SeriesPoint> points;
    points.reserve(size_t(seriesCount));
    qint64 samples = 0;
    // Every commit (a compaction budget of 0) is followed by the rollups of
    // the hours it completed in a transaction of their own, as a console
    // rolls up each hour as it completes; the two are timed apart. Rolling up
    // as it goes lets the pages of raw chunks that move to stand-ins be
    // reused, as they are in a running console.
    double appendCpu = 0;
    double ingestCpu = 0;
    double ingestWall = 0;
    double rollupCpu = 0;
    double rollupWall = 0;
    auto rollUp = [&]() -> Result<void> {
        const Stopwatch rollup;
        auto done = inTransaction(db, writer, [&] { return writer.compactAll(); });
        rollupCpu += rollup.cpu();
        rollupWall += rollup.wall();
        return done;
    };
    for (size_t step = 0; step < data.longest; ++step) {
        const Stopwatch ingest;
        data.step(step, ids.value(), points);
        samples += qint64(points.size());
        const Stopwatch appending;
        if (auto done = writer.append(points); !done)
            return Error{ done.error() };
        appendCpu += appending.cpu();
        const bool commit = (step + 1) % kStepsPerCommit == 0 || step + 1 == data.longest;
        if (commit) {
            if (auto done = commitFlush(db, writer, 0); !done)
                return Error{ done.error() };
        }
        ingestCpu += ingest.cpu();
        ingestWall += ingest.wall();
        if (commit) {
            if (auto done = rollUp(); !done)
                return Error{ done.error() };
        }
    }
    const qint64 headBytes = heads->approximateBytes();

    sqlite3 *raw = SqliteStatement::handle(db);
    auto size = diskSize(raw, path);
    if (!size)
        return Error{ size.error() };
    auto chunks = chunkBytes(raw);
    if (!chunks)
        return Error{ chunks.error() };
    QJsonObject figures = sizeFigures(size.value(), samples);
    figures.insert(QLatin1String("samples"), double(samples));
    figures.insert(QLatin1String("rejected"), double(writer.rejectedSamples()));
    figures.insert(QLatin1String("ingest_samples_per_s"), std::round(double(samples) / ingestCpu));
    figures.insert(QLatin1String("ingest_cpu_s"), rounded(ingestCpu, 2));
    figures.insert(QLatin1String("ingest_wall_s"), rounded(ingestWall, 2));
    figures.insert(QLatin1String("append_cpu_s"), rounded(appendCpu, 2));
    figures.insert(QLatin1String("rollup_s"), rounded(rollupCpu, 2));
    figures.insert(QLatin1String("rollup_wall_s"), rounded(rollupWall, 2));
    figures.insert(QLatin1String("with_rollups_samples_per_s"),
                   std::round(double(samples) / (ingestCpu + rollupCpu)));
    // Raw samples wherever they are kept: raw chunks and stand-ins.
    const qint64 rawBytes = chunks.value()[0].bytes + chunks.value()[4].bytes
        + chunks.value()[5].bytes + chunks.value()[6].bytes;
    figures.insert(QLatin1String("raw_bytes_per_sample"),
                   rounded(double(rawBytes) / double(samples), 3));
    figures.insert(QLatin1String("chunks"), chunkBytesJson(chunks.value(), samples));
    figures.insert(QLatin1String("pages"), pageLayout(raw, "ts_chunks", samples));
    figures.insert(QLatin1String("heads_mib"), rounded(double(headBytes) / (1024.0 * 1024.0), 1));
    auto pageSize = queryInt(raw, "PRAGMA page_size");
    if (!pageSize)
        return Error{ pageSize.error() };
    figures.insert(QLatin1String("page_size"), double(pageSize.value()));
    return figures;
}

Result<QJsonObject> bitbrainsRows(const Bitbrains &data, int seriesCount, const QString &path)
{
    RowTable table;
    if (auto done = table.open(path); !done)
        return Error{ done.error() };
    std::vector<int> ids(static_cast<size_t>(seriesCount));
    std::iota(ids.begin(), ids.end(), 1);

    std::vector<SeriesPoint> points;
    points.reserve(size_t(seriesCount));
    qint64 samples = 0;
    const Stopwatch ingest;
    for (size_t step = 0; step < data.longest; ++step) {
        if (step % kStepsPerCommit == 0) {
            if (auto done = table.begin(); !done)
                return Error{ done.error() };
        }
        data.step(step, ids, points);
        samples += qint64(points.size());
        for (const SeriesPoint &point : points) {
            if (auto done = table.insert(point); !done)
                return Error{ done.error() };
        }
        if ((step + 1) % kStepsPerCommit == 0 || step + 1 == data.longest) {
            if (auto done = table.commit(); !done)
                return Error{ done.error() };
        }
    }
    const double ingestCpu = ingest.cpu();
    const double ingestWall = ingest.wall();

    auto size = diskSize(table.handle(), path);
    if (!size)
        return Error{ size.error() };
    QJsonObject figures = sizeFigures(size.value(), samples);
    figures.insert(QLatin1String("samples"), double(samples));
    figures.insert(QLatin1String("pages"), pageLayout(table.handle(), "samples", samples));
    figures.insert(QLatin1String("ingest_samples_per_s"), std::round(double(samples) / ingestCpu));
    figures.insert(QLatin1String("ingest_cpu_s"), rounded(ingestCpu, 2));
    figures.insert(QLatin1String("ingest_wall_s"), rounded(ingestWall, 2));
    return figures;
}

// ---------------------------------------------------------------------------
// Phase 2: chart queries

Result<QJsonObject> chartQueries(const Bitbrains &data, int seriesCount, const QString &seriesPath,
                                 const QString &rowsPath)
{
    auto opened = Database::open(seriesPath, QStringLiteral("bench-charts"));
    if (!opened)
        return Error{ opened.error() };
    // A fresh reader: everything is committed, nothing is in memory yet.
    SeriesReader reader(opened.value()->sql(), std::make_shared<SeriesHeads>());
    RowTable rows;
    if (auto done = rows.open(rowsPath); !done)
        return Error{ done.error() };

    std::vector<int> chosen(static_cast<size_t>(seriesCount));
    std::iota(chosen.begin(), chosen.end(), 0);
    std::mt19937 random(kSeed);
    std::shuffle(chosen.begin(), chosen.end(), random);
    chosen.resize(std::min<size_t>(chosen.size(), kQuerySeries));
    std::vector<int> seriesIds;
    for (int s : chosen) {
        auto id = reader.seriesId(data.seriesName(s));
        if (!id || id.value() == 0)
            return Error{ QStringLiteral("Series %1 is missing.").arg(data.seriesName(s)) };
        seriesIds.push_back(id.value());
    }

    struct Range
    {
        const char *key;
        qint64 ms;
    };
    const Range ranges[] = { { "1h", kHourMs }, { "1d", kDayMs }, { "30d", 30 * kDayMs } };
    QJsonObject seriesFigures;
    QJsonObject rowFigures;
    for (const Range &range : ranges) {
        const qint64 toMs = data.newestMs;
        const qint64 fromMs = toMs - range.ms;
        // One untimed pass warms SQLite's and the kernel's caches, then the timed one.
        auto run = [&](const std::function<Result<QList<ChartPoint>>(size_t)> &query,
                       QJsonObject &into) -> Result<void> {
            std::vector<double> ms;
            double points = 0;
            double samples = 0;
            for (int pass = 0; pass < 2; ++pass) {
                for (size_t i = 0; i < chosen.size(); ++i) {
                    const Stopwatch timer;
                    auto chart = query(i);
                    const double elapsed = timer.wall();
                    if (!chart)
                        return Error{ chart.error() };
                    if (pass == 0)
                        continue;
                    ms.push_back(elapsed * 1000.0);
                    points += double(chart.value().size());
                    for (const ChartPoint &p : chart.value())
                        samples += p.count;
                }
            }
            const Percentiles p = percentiles(ms);
            into.insert(QLatin1String(range.key),
                        json({ { "median", rounded(p.median, 3) },
                               { "p95", rounded(p.p95, 3) },
                               { "points", rounded(points / double(chosen.size()), 1) },
                               { "samples", rounded(samples / double(chosen.size()), 1) } }));
            return {};
        };
        if (auto done
            = run([&](size_t i) { return reader.chart(seriesIds[i], fromMs, toMs, kChartWidth); },
                  seriesFigures);
            !done)
            return Error{ done.error() };
        if (auto done
            = run([&](size_t i) { return rows.chart(chosen[i] + 1, fromMs, toMs, kChartWidth); },
                  rowFigures);
            !done)
            return Error{ done.error() };
    }
    return json({ { "series_sampled", double(chosen.size()) },
                  { "width_px", kChartWidth },
                  { "umbra", seriesFigures },
                  { "rows", rowFigures } });
}

// ---------------------------------------------------------------------------
// Phase 3: monotonic counters

// xorshift64*: cheap and the same everywhere, unlike the standard distributions.
double uniform(quint64 &state)
{
    state ^= state >> 12;
    state ^= state << 25;
    state ^= state >> 27;
    return double((state * 2685821657736338717ULL) >> 11) / 9007199254740992.0;
}

double gaussian(quint64 &state)
{
    const double u1 = 1.0 - uniform(state);
    const double u2 = uniform(state);
    return std::sqrt(-2.0 * std::log(u1)) * std::cos(2 * std::numbers::pi * u2);
}

// Cumulative counters, one value per series every second.
class CounterFeed
{
public:
    virtual ~CounterFeed() = default;
    virtual int seriesCount() const = 0;
    virtual QString name(int series) const = 0;
    // The counters one second later.
    virtual void next(std::vector<double> &values) = 0;
};

// The worst case for a counter codec: every counter exact to 1 ns or 1 B with
// Gaussian noise on every step. Even series count bytes (200 kB/s), odd ones
// CPU time in ns (a quarter of a core); each rate follows its own sinusoid of
// a few minutes, ±50 %, with 2 % noise per second. The same seed gives the
// same values.
class JitterCounterFeed : public CounterFeed
{
public:
    explicit JitterCounterFeed(int seriesCount)
    {
        for (int s = 0; s < seriesCount; ++s) {
            State state;
            state.random = 0x9E3779B97F4A7C15ULL * quint64(s + 1);
            state.rate = isBytes(s) ? 200e3 : 0.25e9;
            state.periodS = 120 + (s * 37) % 360;
            state.phase = double(s);
            state.counter = qint64(s + 1) * 1000003 * (isBytes(s) ? 1000 : 1000000);
            m_states.push_back(state);
        }
    }

    static bool isBytes(int s) { return s % 2 == 0; }
    int seriesCount() const override { return int(m_states.size()); }
    QString name(int s) const override
    {
        return isBytes(s) ? QStringLiteral("jitter/%1/bytes").arg(s)
                          : QStringLiteral("jitter/%1/cpu_ns").arg(s);
    }

    void next(std::vector<double> &values) override
    {
        values.resize(m_states.size());
        for (size_t s = 0; s < m_states.size(); ++s) {
            State &st = m_states[s];
            const double rhythm = 1.0
                + 0.5 * std::sin(2 * std::numbers::pi * double(m_second) / st.periodS + st.phase);
            const double rate = st.rate * rhythm * (1.0 + 0.02 * gaussian(st.random));
            st.counter += std::max<qint64>(0, std::llround(rate));
            values[s] = double(st.counter);
        }
        ++m_second;
    }

private:
    struct State
    {
        quint64 random = 0;
        double rate = 0;
        double periodS = 0;
        double phase = 0;
        qint64 counter = 0;
    };

    std::vector<State> m_states;
    qint64 m_second = 0;
};

// The counters libvirt reports for a busy VM every second
// (virConnectGetAllDomainStats), in the units it reports them in, as seen on
// the lab's QEMU hosts: CPU time in ns advancing in 10 ms scheduler ticks;
// network bytes exact, with the packets; disk bytes in whole 4 KiB pages,
// with the requests. Every VM is busy: a quarter of a core, 150 packets/s in
// and 100 out, 6 reads and 10 writes/s, each rate ±50 % over a few minutes
// with 30 % noise per second (so some seconds see no disk I/O at all), and
// every packet and request its own size.
class DomstatsFeed : public CounterFeed
{
public:
    static constexpr int kPerVm = 9;

    explicit DomstatsFeed(int seriesCount)
        : m_vms((seriesCount + kPerVm - 1) / kPerVm)
        , m_seriesCount(seriesCount)
    {
        for (size_t v = 0; v < m_vms.size(); ++v) {
            Vm &vm = m_vms[v];
            vm.random = 0xD1B54A32D192ED03ULL * quint64(v + 1);
            vm.periodS = 120 + double((v * 37) % 360);
            vm.phase = double(v);
            for (size_t c = 0; c < vm.counters.size(); ++c)
                vm.counters[c] = double((v + 1) * 7919 * (c + 1)) * (c == 0 ? 1e7 : 4096);
        }
    }

    int seriesCount() const override { return m_seriesCount; }
    QString name(int s) const override
    {
        static const char *const keys[kPerVm]
            = { "cpu.time",        "net.0.rx.bytes",   "net.0.rx.pkts",
                "net.0.tx.bytes",  "net.0.tx.pkts",    "block.0.rd.bytes",
                "block.0.rd.reqs", "block.0.wr.bytes", "block.0.wr.reqs" };
        return QStringLiteral("domstats/vm%1/%2")
            .arg(s / kPerVm)
            .arg(QLatin1String(keys[s % kPerVm]));
    }

    void next(std::vector<double> &values) override
    {
        values.resize(size_t(m_seriesCount));
        for (size_t v = 0; v < m_vms.size(); ++v) {
            Vm &vm = m_vms[v];
            const double rhythm = 1.0
                + 0.5 * std::sin(2 * std::numbers::pi * double(m_second) / vm.periodS + vm.phase);
            auto count = [&](double perSecond) {
                return std::max(0.0,
                                std::round(perSecond * rhythm * (1.0 + 0.3 * gaussian(vm.random))));
            };
            // Sizes: packets 66..1514 B, requests 1..32 pages of 4 KiB.
            auto bytes = [&](double packets, double low, double high) {
                double sum = 0;
                for (int i = 0; i < int(packets); ++i)
                    sum += std::floor(low + (high - low) * uniform(vm.random));
                return sum;
            };
            vm.counters[0] += count(25) * 1e7;
            const double rxPackets = count(150), txPackets = count(100);
            vm.counters[1] += bytes(rxPackets, 66, 1514);
            vm.counters[2] += rxPackets;
            vm.counters[3] += bytes(txPackets, 66, 1514);
            vm.counters[4] += txPackets;
            const double reads = count(6), writes = count(10);
            vm.counters[5] += 4096 * bytes(reads, 1, 33);
            vm.counters[6] += reads;
            vm.counters[7] += 4096 * bytes(writes, 1, 33);
            vm.counters[8] += writes;
            for (int c = 0; c < kPerVm; ++c) {
                const size_t s = v * kPerVm + size_t(c);
                if (s < values.size())
                    values[s] = vm.counters[size_t(c)];
            }
        }
        ++m_second;
    }

private:
    struct Vm
    {
        quint64 random = 0;
        double periodS = 0;
        double phase = 0;
        std::array<double, kPerVm> counters{};
    };
    std::vector<Vm> m_vms;
    int m_seriesCount = 0;
    qint64 m_second = 0;
};

std::unique_ptr<CounterFeed> counterFeed(bool domstats)
{
    if (domstats)
        return std::make_unique<DomstatsFeed>(kCounterSeries);
    return std::make_unique<JitterCounterFeed>(kCounterSeries);
}

Result<QJsonObject> countersSeries(const QString &path, bool domstats)
{
    auto opened = Database::open(path, QStringLiteral("bench-counters"));
    if (!opened)
        return Error{ opened.error() };
    QSqlDatabase &db = opened.value()->sql();
    SeriesWriter writer(db, std::make_shared<SeriesHeads>());
    const auto feed = counterFeed(domstats);
    auto ids = createSeries(
        db, writer, kCounterSeries, [&](int s) { return feed->name(s); },
        [](int) { return qint8(0); });
    if (!ids)
        return Error{ ids.error() };

    std::vector<double> values;
    std::vector<SeriesPoint> points(static_cast<size_t>(kCounterSeries));
    const Stopwatch ingest;
    for (int second = 0; second < kCounterSeconds; ++second) {
        feed->next(values);
        const qint64 timeMs = kGeneratedStartMs + qint64(second) * 1000;
        for (size_t s = 0; s < points.size(); ++s)
            points[s] = SeriesPoint{ ids.value()[s], timeMs, values[s] };
        if (auto done = writer.append(points); !done)
            return Error{ done.error() };
        if ((second + 1) % kCounterStepsPerCommit == 0 || second + 1 == kCounterSeconds) {
            if (auto done = commitFlush(db, writer, 0); !done)
                return Error{ done.error() };
        }
    }
    const double ingestCpu = ingest.cpu();
    if (auto done = inTransaction(db, writer, [&] { return writer.compactAll(); }); !done)
        return Error{ done.error() };

    sqlite3 *raw = SqliteStatement::handle(db);
    const qint64 samples = qint64(kCounterSeries) * kCounterSeconds;
    auto size = diskSize(raw, path);
    if (!size)
        return Error{ size.error() };
    auto chunks = chunkBytes(raw);
    if (!chunks)
        return Error{ chunks.error() };
    // Raw bytes per sample of each kind of counter (the last part of its name).
    std::map<QString, qint64> byKind;
    {
        SqliteStatement select(db,
                               "SELECT s.name, sum(length(c.data)) FROM (SELECT series_id, "
                               "data FROM ts_chunks WHERE resolution = 0 UNION ALL SELECT "
                               "series_id, data FROM ts_open) c JOIN ts_series s ON s.id = "
                               "c.series_id GROUP BY s.id");
        for (;;) {
            auto row = select.next();
            if (!row)
                return Error{ row.error() };
            if (!row.value())
                break;
            byKind[QString::fromUtf8(select.blob(0)).section(u'/', -1)] += select.int64(1);
        }
    }
    QJsonObject kinds;
    for (const auto &[kind, bytes] : byKind)
        kinds.insert(kind, rounded(double(bytes) * double(byKind.size()) / double(samples), 3));
    QJsonObject figures = sizeFigures(size.value(), samples);
    figures.insert(QLatin1String("raw_bytes_per_sample"),
                   rounded(double(chunks.value()[0].bytes) / double(samples), 3));
    figures.insert(QLatin1String("raw_bytes_per_sample_by_kind"), kinds);
    figures.insert(QLatin1String("chunks"), chunkBytesJson(chunks.value(), samples));
    figures.insert(QLatin1String("pages"), pageLayout(raw, "ts_chunks", samples));
    figures.insert(QLatin1String("ingest_samples_per_s"), std::round(double(samples) / ingestCpu));
    return figures;
}

Result<QJsonObject> countersRows(const QString &path, bool domstats)
{
    RowTable table;
    if (auto done = table.open(path); !done)
        return Error{ done.error() };
    const auto feed = counterFeed(domstats);
    std::vector<double> values;
    const Stopwatch ingest;
    for (int second = 0; second < kCounterSeconds; ++second) {
        if (second % kCounterStepsPerCommit == 0) {
            if (auto done = table.begin(); !done)
                return Error{ done.error() };
        }
        feed->next(values);
        const qint64 timeMs = kGeneratedStartMs + qint64(second) * 1000;
        for (size_t s = 0; s < values.size(); ++s) {
            if (auto done = table.insert(SeriesPoint{ int(s) + 1, timeMs, values[s] }); !done)
                return Error{ done.error() };
        }
        if ((second + 1) % kCounterStepsPerCommit == 0 || second + 1 == kCounterSeconds) {
            if (auto done = table.commit(); !done)
                return Error{ done.error() };
        }
    }
    const double ingestCpu = ingest.cpu();
    const qint64 samples = qint64(kCounterSeries) * kCounterSeconds;
    auto size = diskSize(table.handle(), path);
    if (!size)
        return Error{ size.error() };
    QJsonObject figures = sizeFigures(size.value(), samples);
    figures.insert(QLatin1String("pages"), pageLayout(table.handle(), "samples", samples));
    figures.insert(QLatin1String("ingest_samples_per_s"), std::round(double(samples) / ingestCpu));
    return figures;
}

// ---------------------------------------------------------------------------
// Phase 4: a large fleet written as the console writes it

// Eight of the console's VM metrics (store/metriccatalog.h) at its
// precisions, each fed from a Bitbrains column.
struct SustainedMetric
{
    const char *key;
    qint8 precision;
    const char *sourceKey;
    double scale;
};

constexpr SustainedMetric kSustainedMetrics[] = {
    { "cpu", -2, "cpu_usage_pct", 1 },
    { "mem_used", 0, "memory_usage_kb", 1 },
    { "disk_rd", 0, "disk_read_throughput_kb_per_s", 1024 },
    { "disk_wr", 0, "disk_write_throughput_kb_per_s", 1024 },
    { "disk_rd_iops", -2, "disk_read_throughput_kb_per_s", 1.0 / 16 },
    { "disk_wr_iops", -2, "disk_write_throughput_kb_per_s", 1.0 / 16 },
    { "net_rx", 0, "network_received_throughput_kb_per_s", 1024 },
    { "net_tx", 0, "network_transmitted_throughput_kb_per_s", 1024 },
};
constexpr int kSustainedMetricCount = int(std::size(kSustainedMetrics));

Result<QJsonObject> sustained(const Bitbrains &data, int vms, int minutes, const QString &path)
{
    // The base series behind each metric of each file; a file without the
    // column lends another one, so any CSV set drives the workload.
    std::vector<std::array<const BaseSeries *, kSustainedMetricCount>> sources(
        static_cast<size_t>(data.files.size()));
    for (size_t f = 0; f < sources.size(); ++f) {
        std::vector<const BaseSeries *> ofFile;
        for (const BaseSeries &b : data.series)
            if (size_t(b.file) == f)
                ofFile.push_back(&b);
        for (int m = 0; m < kSustainedMetricCount; ++m) {
            const auto found = std::find_if(ofFile.begin(), ofFile.end(), [&](const BaseSeries *b) {
                return b->columnKey == QLatin1String(kSustainedMetrics[m].sourceKey);
            });
            sources[f][size_t(m)]
                = found != ofFile.end() ? *found : ofFile[size_t(m) % ofFile.size()];
        }
    }

    auto opened = Database::open(path, QStringLiteral("bench-sustained"));
    if (!opened)
        return Error{ opened.error() };
    QSqlDatabase &db = opened.value()->sql();
    auto heads = std::make_shared<SeriesHeads>();
    SeriesWriter writer(db, heads);
    const int seriesCount = vms * kSustainedMetricCount;
    const Stopwatch setup;
    auto ids = createSeries(
        db, writer, seriesCount,
        [](int s) {
            return QStringLiteral("vm/bench-%1/%2")
                .arg(s / kSustainedMetricCount)
                .arg(QLatin1String(kSustainedMetrics[s % kSustainedMetricCount].key));
        },
        [](int s) { return kSustainedMetrics[s % kSustainedMetricCount].precision; });
    if (!ids)
        return Error{ ids.error() };
    const double setupCpu = setup.cpu();

    const int intervals = minutes * 60 / kSustainedIntervalS;
    std::vector<double> intervalCpu;
    std::vector<SeriesPoint> points(static_cast<size_t>(seriesCount));
    int retentionRuns = 0;
    qint64 retentionDeleted = 0;
    int compactingIntervals = 0;
    const Stopwatch run;
    for (int k = 0; k < intervals; ++k) {
        const Stopwatch interval;
        const qint64 timeMs = kGeneratedStartMs + qint64(k) * kSustainedIntervalS * 1000;
        for (int vm = 0; vm < vms; ++vm) {
            const auto &source = sources[size_t(vm) % sources.size()];
            for (int m = 0; m < kSustainedMetricCount; ++m) {
                const BaseSeries &b = *source[size_t(m)];
                const double value = b.values[(size_t(k) + size_t(vm) * 7) % b.values.size()]
                    * kSustainedMetrics[m].scale;
                const auto s = size_t(vm * kSustainedMetricCount + m);
                points[s] = SeriesPoint{ ids.value()[s], timeMs, value };
            }
        }
        if (auto done = writer.append(points); !done)
            return Error{ done.error() };
        if (writer.seriesDueForCompaction() > 0)
            ++compactingIntervals;
        // The default compaction budget, as the console's store thread flushes.
        if (auto done = inTransaction(db, writer, [&] { return writer.flush(); }); !done)
            return Error{ done.error() };
        if ((k + 1) % kRetentionEveryIntervals == 0) {
            int deleted = 0;
            auto done = inTransaction(db, writer, [&]() -> Result<void> {
                auto removed = writer.enforceRetention(Retention{}, kRetentionSlice);
                if (!removed)
                    return Error{ removed.error() };
                deleted = removed.value();
                return {};
            });
            if (!done)
                return Error{ done.error() };
            ++retentionRuns;
            retentionDeleted += deleted;
        }
        intervalCpu.push_back(interval.cpu());
    }
    const double wall = run.wall();

    const double total = std::accumulate(intervalCpu.begin(), intervalCpu.end(), 0.0);
    // The first interval loads every series' head; a running console pays
    // that once at start, so the steady figures leave it out.
    const double steady = total - intervalCpu.front();
    const double steadyMax = intervalCpu.size() > 1
        ? *std::max_element(intervalCpu.begin() + 1, intervalCpu.end())
        : intervalCpu.front();
    const Percentiles p
        = percentiles(std::vector<double>(intervalCpu.begin() + 1, intervalCpu.end()));
    const double simulatedS = double(intervals) * kSustainedIntervalS;
    auto chunks = chunkBytes(SqliteStatement::handle(db));
    if (!chunks)
        return Error{ chunks.error() };
    return json({
        { "vms", vms },
        { "metrics", kSustainedMetricCount },
        { "series", seriesCount },
        { "interval_s", kSustainedIntervalS },
        { "simulated_minutes", minutes },
        { "intervals", intervals },
        { "samples", double(qint64(intervals) * seriesCount) },
        { "core_percent", rounded(100.0 * total / simulatedS, 2) },
        { "core_percent_steady", rounded(100.0 * steady / (simulatedS - kSustainedIntervalS), 2) },
        { "cpu_ms_per_interval", rounded(1000.0 * total / double(intervals), 1) },
        { "median_interval_ms", rounded(1000.0 * p.median, 1) },
        { "p95_interval_ms", rounded(1000.0 * p.p95, 1) },
        { "max_interval_ms", rounded(1000.0 * steadyMax, 1) },
        { "first_interval_ms", rounded(1000.0 * intervalCpu.front(), 1) },
        { "setup_s", rounded(setupCpu, 2) },
        { "wall_s", rounded(wall, 1) },
        { "intervals_with_rollups_due", compactingIntervals },
        { "rollup_chunks",
          double(chunks.value()[1].chunks + chunks.value()[2].chunks + chunks.value()[3].chunks) },
        { "retention_runs", retentionRuns },
        { "retention_deleted", double(retentionDeleted) },
        { "heads_mib", rounded(double(heads->approximateBytes()) / (1024.0 * 1024.0), 1) },
    });
}

// ---------------------------------------------------------------------------
// Child processes

bool writeAll(int fd, const QByteArray &bytes)
{
    qsizetype written = 0;
    while (written < bytes.size()) {
        const ssize_t n = ::write(fd, bytes.constData() + written, size_t(bytes.size() - written));
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return false;
        written += n;
    }
    return true;
}

// Runs `phase` in a child process with its own QCoreApplication and returns
// its figures with the child's peak RSS added. The child inherits what the
// parent holds at the fork (the Bitbrains values); that baseline is reported.
std::optional<QJsonObject> inChild(const char *label,
                                   const std::function<Result<QJsonObject>()> &phase)
{
    std::fflush(stdout);
    std::fflush(stderr);
    int fds[2];
    if (pipe(fds) != 0) {
        std::perror("bench_store: pipe");
        return std::nullopt;
    }
    const pid_t pid = fork();
    if (pid < 0) {
        std::perror("bench_store: fork");
        return std::nullopt;
    }
    if (pid == 0) {
        ::close(fds[0]);
        QByteArray line;
        bool ok = false;
        {
            int argc = g_argc;
            QCoreApplication app(argc, g_argv);
            auto figures = phase();
            ok = figures.ok();
            const QJsonObject out = ok ? figures.value() : json({ { "error", figures.error() } });
            line = QJsonDocument(out).toJson(QJsonDocument::Compact) + '\n';
        }
        (void)writeAll(fds[1], line);
        ::close(fds[1]);
        _exit(ok ? 0 : 1);
    }
    ::close(fds[1]);
    QByteArray output;
    char buffer[4096];
    for (;;) {
        const ssize_t n = ::read(fds[0], buffer, sizeof buffer);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            break;
        output.append(buffer, n);
    }
    ::close(fds[0]);
    int status = 0;
    rusage usage{};
    while (wait4(pid, &status, 0, &usage) < 0 && errno == EINTR) { }
    QJsonObject figures = QJsonDocument::fromJson(output.trimmed()).object();
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0 || figures.isEmpty()) {
        const QString why = figures.value(QLatin1String("error")).toString();
        std::fprintf(stderr, "bench_store: %s failed: %s\n", label,
                     why.isEmpty() ? "the child process ended abnormally"
                                   : why.toLocal8Bit().constData());
        return std::nullopt;
    }
    figures.insert(QLatin1String("peak_rss_mib"), rounded(double(usage.ru_maxrss) / 1024.0, 1));
    return figures;
}

// ---------------------------------------------------------------------------
// Options

struct Options
{
    QString dataDir;
    QString workDir;
    int series = 10000;
    int sustainedMinutes = 70;
    int sustainedVms = 10000;
    bool quick = false;
};

QString defaultDataDir()
{
    const QString fromSource = QStringLiteral(UMBRA_SOURCE_DIR "/../shared/data/bitbrains");
    if (QFileInfo(fromSource).isDir())
        return QDir::cleanPath(fromSource);
    return QDir::cleanPath(QDir::current().filePath(QStringLiteral("../shared/data/bitbrains")));
}

void printUsage()
{
    std::printf(
        "Usage: bench_store [options]\n"
        "  --data DIR               Bitbrains-style CSV files, read recursively\n"
        "                           (default: ../shared/data/bitbrains beside the source tree)\n"
        "  --series N               series replicated from the Bitbrains columns (10000)\n"
        "  --workdir DIR            where the databases go (a temporary folder); removed after\n"
        "  --sustained-minutes M    simulated time of the sustained run (70)\n"
        "  --sustained-vms V        VMs of 8 metrics each in the sustained run (10000)\n"
        "  --quick                  smoke test: 500 series, 1000 VMs\n");
}

std::optional<Options> parseOptions(int argc, char **argv)
{
    Options options;
    std::optional<int> series;
    std::optional<int> vms;
    for (int i = 1; i < argc; ++i) {
        const QString arg = QString::fromLocal8Bit(argv[i]);
        auto value = [&]() -> std::optional<QString> {
            if (i + 1 >= argc) {
                std::fprintf(stderr, "bench_store: %s needs a value\n", argv[i]);
                return std::nullopt;
            }
            return QString::fromLocal8Bit(argv[++i]);
        };
        auto positive = [&]() -> std::optional<int> {
            const auto text = value();
            if (!text)
                return std::nullopt;
            bool ok = false;
            const int n = text->toInt(&ok);
            if (!ok || n <= 0) {
                std::fprintf(stderr, "bench_store: %s needs a positive number\n", argv[i - 1]);
                return std::nullopt;
            }
            return n;
        };
        if (arg == QLatin1String("--help") || arg == QLatin1String("-h")) {
            printUsage();
            std::exit(0);
        } else if (arg == QLatin1String("--quick")) {
            options.quick = true;
        } else if (arg == QLatin1String("--data")) {
            const auto text = value();
            if (!text)
                return std::nullopt;
            options.dataDir = *text;
        } else if (arg == QLatin1String("--workdir")) {
            const auto text = value();
            if (!text)
                return std::nullopt;
            options.workDir = *text;
        } else if (arg == QLatin1String("--series")) {
            if (!(series = positive()))
                return std::nullopt;
        } else if (arg == QLatin1String("--sustained-minutes")) {
            const auto n = positive();
            if (!n)
                return std::nullopt;
            options.sustainedMinutes = *n;
        } else if (arg == QLatin1String("--sustained-vms")) {
            if (!(vms = positive()))
                return std::nullopt;
        } else {
            std::fprintf(stderr, "bench_store: unknown option %s\n", argv[i]);
            printUsage();
            return std::nullopt;
        }
    }
    if (options.quick) {
        options.series = 500;
        options.sustainedVms = 1000;
    }
    if (series)
        options.series = *series;
    if (vms)
        options.sustainedVms = *vms;
    if (options.dataDir.isEmpty())
        options.dataDir = defaultDataDir();
    return options;
}

void printPages(const char *label, const QJsonObject &figures)
{
    const QJsonObject pages = member(figures, "pages");
    if (pages.isEmpty())
        return;
    std::printf("  %s, file bytes/sample by page: leaf %.3f, interior %.3f, overflow %.3f (unused "
                "in these %.3f), other indexes %.3f\n",
                label, number(pages, "leaf"), number(pages, "interior"), number(pages, "overflow"),
                number(pages, "unused"), number(pages, "other_indexes"));
}

QByteArray millions(double perSecond)
{
    return QByteArray::number(perSecond / 1e6, 'f', 2) + " M";
}

} // namespace

int main(int argc, char **argv)
{
    g_argc = argc;
    g_argv = argv;
    const auto parsed = parseOptions(argc, argv);
    if (!parsed)
        return 2;
    const Options options = *parsed;

    if (!QFileInfo(options.dataDir).isDir()) {
        std::fprintf(stderr,
                     "bench_store: the data folder %s does not exist; pass --data DIR with the "
                     "Bitbrains CSV files.\n",
                     qPrintable(options.dataDir));
        return 1;
    }
    auto loaded = loadBitbrains(options.dataDir);
    if (!loaded) {
        std::fprintf(stderr, "bench_store: %s\n", qPrintable(loaded.error()));
        return 1;
    }
    const Bitbrains data = std::move(loaded).value();

    // Databases go in a folder of their own, removed at the end either way.
    std::optional<QTemporaryDir> temporary;
    QString workDir = options.workDir;
    if (workDir.isEmpty()) {
        temporary.emplace();
        if (!temporary->isValid()) {
            std::fprintf(stderr, "bench_store: cannot create a temporary folder\n");
            return 1;
        }
        workDir = temporary->path();
    } else if (!QDir().mkpath(workDir)) {
        std::fprintf(stderr, "bench_store: cannot create %s\n", qPrintable(workDir));
        return 1;
    }
    QStringList created;
    auto databasePath = [&](const char *name) {
        const QString path
            = QDir(workDir).filePath(QStringLiteral("bench_store-%1.db").arg(QLatin1String(name)));
        for (const char *suffix : { "", "-wal", "-shm" })
            QFile::remove(path + QLatin1String(suffix));
        created.append(path);
        return path;
    };
    auto removeDatabases = [&] {
        for (const QString &path : std::as_const(created))
            for (const char *suffix : { "", "-wal", "-shm" })
                QFile::remove(path + QLatin1String(suffix));
        created.clear();
    };
    auto fail = [&] {
        removeDatabases();
        return 1;
    };

    const double baselineMiB = residentMiB();
    const int seriesCount = options.series;
    const qint64 samples = data.samples(seriesCount);
    std::printf("bench_store: %lld base series from %lld files in %s, %.1f days, replicated to %d "
                "series: %lld samples\n",
                qint64(data.series.size()), qint64(data.files.size()), qPrintable(options.dataDir),
                double(data.newestMs - data.oldestMs) / kDayMs, seriesCount, samples);
    if (data.ordered.any())
        std::printf("  of the rows read, %s (the store's rule for times)\n",
                    qPrintable(data.ordered.describe()));

    // Phase 1
    const QString seriesPath = databasePath("bitbrains-umbra");
    const QString rowsPath = databasePath("bitbrains-rows");
    const auto bitSeries = inChild("Bitbrains ingest (series store)",
                                   [&] { return bitbrainsSeries(data, seriesCount, seriesPath); });
    if (!bitSeries)
        return fail();
    std::printf("Bitbrains, series store: ingest %s samples/s on one core (%.1f s CPU of which "
                "%.1f s appending, %.1f s wall); rollups %.1f s CPU; %.3f bytes/sample on disk, "
                "raw chunks %.3f; peak RSS %.1f MiB\n",
                millions(number(*bitSeries, "ingest_samples_per_s")).constData(),
                number(*bitSeries, "ingest_cpu_s"), number(*bitSeries, "append_cpu_s"),
                number(*bitSeries, "ingest_wall_s"), number(*bitSeries, "rollup_s"),
                number(*bitSeries, "bytes_per_sample"), number(*bitSeries, "raw_bytes_per_sample"),
                number(*bitSeries, "peak_rss_mib"));
    {
        const QJsonObject chunks = member(*bitSeries, "chunks");
        std::printf("  bytes/sample by resolution: raw %.3f, 1 min %.3f, 5 min %.3f, 1 h %.3f; raw "
                    "standing in for 1 min %.3f, 5 min %.3f, 1 h %.3f (%d-byte pages)\n",
                    number(member(chunks, "raw"), "bytes_per_sample"),
                    number(member(chunks, "1m"), "bytes_per_sample"),
                    number(member(chunks, "5m"), "bytes_per_sample"),
                    number(member(chunks, "1h"), "bytes_per_sample"),
                    number(member(chunks, "raw_for_1m"), "bytes_per_sample"),
                    number(member(chunks, "raw_for_5m"), "bytes_per_sample"),
                    number(member(chunks, "raw_for_1h"), "bytes_per_sample"),
                    int(number(*bitSeries, "page_size")));
        printPages("series store", *bitSeries);
    }
    const auto bitRows = inChild("Bitbrains ingest (row table)",
                                 [&] { return bitbrainsRows(data, seriesCount, rowsPath); });
    if (!bitRows)
        return fail();
    const double sizeRatio
        = number(*bitRows, "bytes_per_sample") / number(*bitSeries, "bytes_per_sample");
    std::printf("Bitbrains, row table:    ingest %s samples/s on one core (%.1f s CPU, %.1f s "
                "wall); %.3f bytes/sample on disk; peak RSS %.1f MiB\n",
                millions(number(*bitRows, "ingest_samples_per_s")).constData(),
                number(*bitRows, "ingest_cpu_s"), number(*bitRows, "ingest_wall_s"),
                number(*bitRows, "bytes_per_sample"), number(*bitRows, "peak_rss_mib"));
    printPages("row table", *bitRows);
    std::printf("  the row table is %.1fx the size of the series store\n", sizeRatio);

    // Phase 2
    const auto queries = inChild(
        "chart queries", [&] { return chartQueries(data, seriesCount, seriesPath, rowsPath); });
    if (!queries)
        return fail();
    std::printf("Chart queries, %d px, %d series, warm cache, ms (median / p95):\n", kChartWidth,
                int(number(*queries, "series_sampled")));
    for (const char *range : { "1h", "1d", "30d" }) {
        const QJsonObject s = member(member(*queries, "umbra"), range);
        const QJsonObject r = member(member(*queries, "rows"), range);
        std::printf("  %-4s series store %7.3f / %7.3f   row table %7.3f / %7.3f   (%.0f vs %.0f "
                    "samples)\n",
                    range, number(s, "median"), number(s, "p95"), number(r, "median"),
                    number(r, "p95"), number(s, "samples"), number(r, "samples"));
    }
    removeDatabases(); // the Bitbrains files are the largest; free the space now

    // Phase 3: the counters libvirt reports (the target), then the worst case
    const QString counterSeriesPath = databasePath("counters-umbra");
    const QString counterRowsPath = databasePath("counters-rows");
    const auto counterSeries = inChild("domstats counters (series store)",
                                       [&] { return countersSeries(counterSeriesPath, true); });
    if (!counterSeries)
        return fail();
    const auto counterRows = inChild("domstats counters (row table)",
                                     [&] { return countersRows(counterRowsPath, true); });
    if (!counterRows)
        return fail();
    removeDatabases();
    const QString jitterPath = databasePath("jitter-umbra");
    const auto jitterSeries = inChild("jittered counters (series store)",
                                      [&] { return countersSeries(jitterPath, false); });
    if (!jitterSeries)
        return fail();
    const double counterRatio
        = number(*counterRows, "bytes_per_sample") / number(*counterSeries, "bytes_per_sample");
    auto kinds = [](const QJsonObject &figures) {
        QByteArray text;
        const QJsonObject byKind = member(figures, "raw_bytes_per_sample_by_kind");
        for (auto it = byKind.begin(); it != byKind.end(); ++it)
            text += (text.isEmpty() ? "" : ", ") + it.key().toUtf8() + ' '
                + QByteArray::number(it.value().toDouble(), 'f', 3);
        return text;
    };
    std::printf("Counters as libvirt reports them, %d series x 1 s x 4 h: series store %.3f "
                "bytes/sample on disk, raw chunks %.3f; row table %.3f bytes/sample (%.1fx)\n"
                "  raw chunks by counter: %s\n",
                kCounterSeries, number(*counterSeries, "bytes_per_sample"),
                number(*counterSeries, "raw_bytes_per_sample"),
                number(*counterRows, "bytes_per_sample"), counterRatio,
                kinds(*counterSeries).constData());
    printPages("series store", *counterSeries);
    printPages("row table", *counterRows);
    std::printf("Counters exact to 1 ns / 1 B with 2 %% noise per step (worst case), %d series: "
                "series store %.3f bytes/sample on disk, raw chunks %.3f (%s)\n",
                kCounterSeries, number(*jitterSeries, "bytes_per_sample"),
                number(*jitterSeries, "raw_bytes_per_sample"), kinds(*jitterSeries).constData());
    removeDatabases();

    // Phase 4
    const QString sustainedPath = databasePath("sustained");
    const auto steady = inChild("sustained run", [&] {
        return sustained(data, options.sustainedVms, options.sustainedMinutes, sustainedPath);
    });
    if (!steady)
        return fail();
    std::printf("Sustained, %d VMs x %d metrics every %d s for %d simulated minutes: %.2f %% of "
                "one core (%.1f ms CPU per interval, median %.1f, max %.1f; first interval "
                "%.1f ms); peak RSS %.1f MiB\n",
                options.sustainedVms, kSustainedMetricCount, kSustainedIntervalS,
                options.sustainedMinutes, number(*steady, "core_percent"),
                number(*steady, "cpu_ms_per_interval"), number(*steady, "median_interval_ms"),
                number(*steady, "max_interval_ms"), number(*steady, "first_interval_ms"),
                number(*steady, "peak_rss_mib"));
    removeDatabases();

    // The targets the store was designed for.
    const double ingestRate = number(*bitSeries, "ingest_samples_per_s");
    const double counterBytes = number(*counterSeries, "bytes_per_sample");
    const double chart30d = number(member(member(*queries, "umbra"), "30d"), "p95");
    const double corePercent = number(*steady, "core_percent");
    const QJsonObject targets = json({
        { "ingest_1m_per_s", ingestRate >= 1e6 },
        { "counter_2_bytes_per_sample", counterBytes <= 2.0 },
        { "bitbrains_10x_smaller", sizeRatio >= 10.0 },
        { "chart_30d_p95_under_5ms", chart30d < 5.0 },
        { "sustained_under_10_percent", corePercent < 10.0 },
    });
    auto verdict = [](bool met) { return met ? "met" : "NOT met"; };
    std::printf("Targets: ingest >= 1 M samples/s: %s; counters <= 2 bytes/sample: %s; "
                ">= 10x smaller than rows: %s; 30-day chart p95 < 5 ms: %s; sustained < 10 %% "
                "of one core: %s\n",
                verdict(ingestRate >= 1e6), verdict(counterBytes <= 2.0),
                verdict(sizeRatio >= 10.0), verdict(chart30d < 5.0), verdict(corePercent < 10.0));

    const QJsonObject all = json({
        { "bitbrains",
          json({ { "files", double(data.files.size()) },
                 { "base_series", double(data.series.size()) },
                 { "series", seriesCount },
                 { "samples", double(samples) },
                 { "umbra", *bitSeries },
                 { "rows", *bitRows },
                 { "size_ratio", rounded(sizeRatio, 2) } }) },
        { "queries_ms", *queries },
        { "counters",
          json({ { "feed", QStringLiteral("domstats") },
                 { "series", kCounterSeries },
                 { "interval_s", 1 },
                 { "samples", double(qint64(kCounterSeries) * kCounterSeconds) },
                 { "umbra", *counterSeries },
                 { "rows", *counterRows },
                 { "size_ratio", rounded(counterRatio, 2) } }) },
        { "counters_jitter",
          json({ { "series", kCounterSeries },
                 { "interval_s", 1 },
                 { "samples", double(qint64(kCounterSeries) * kCounterSeconds) },
                 { "umbra", *jitterSeries } }) },
        { "sustained", *steady },
        { "targets", targets },
        { "quick", options.quick },
        { "baseline_rss_mib", rounded(baselineMiB, 1) },
    });
    std::printf("%s\n", QJsonDocument(all).toJson(QJsonDocument::Compact).constData());
    return 0;
}
