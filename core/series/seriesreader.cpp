#include "series/seriesreader.h"

#include "series/sqlitestatement.h"

#include <QCoreApplication>
#include <algorithm>
#include <cmath>
#include <limits>
#include <unordered_set>

namespace Umbra::Series {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Umbra::SeriesReader)
};

Error failure(const char *what, const QString &reason)
{
    return Error{ Tr::tr("Time series: %1 failed: %2").arg(QLatin1String(what), reason) };
}

// Accumulates samples and buckets into pixel columns.
class PixelColumns
{
public:
    PixelColumns(qint64 fromMs, qint64 stepMs, int width)
        : m_from(fromMs)
        , m_step(stepMs)
        , m_points(size_t(width))
    { }

    void add(qint64 timeMs, double min, double mean, double max, double count)
    {
        if (std::isnan(mean) || count <= 0)
            return;
        const qint64 index
            = std::clamp<qint64>((timeMs - m_from) / m_step, 0, qint64(m_points.size()) - 1);
        ChartPoint &p = m_points[size_t(index)];
        if (p.count == 0) {
            p.min = min;
            p.max = max;
        } else {
            p.min = std::min(p.min, min);
            p.max = std::max(p.max, max);
        }
        p.mean += mean * count; // a sum until result()
        p.count += count;
    }

    QList<ChartPoint> result() const
    {
        QList<ChartPoint> out;
        for (size_t i = 0; i < m_points.size(); ++i) {
            ChartPoint p = m_points[i];
            if (p.count == 0)
                continue;
            p.timeMs = m_from + qint64(i) * m_step;
            p.mean /= p.count;
            out.append(p);
        }
        return out;
    }

private:
    qint64 m_from;
    qint64 m_step;
    std::vector<ChartPoint> m_points;
};

} // namespace

SeriesReader::SeriesReader(QSqlDatabase db, std::shared_ptr<SeriesHeads> heads)
    : m_db(std::move(db))
    , m_heads(std::move(heads))
{
    SqliteStatement table(m_db,
                          "SELECT 1 FROM sqlite_master WHERE type = 'table' AND "
                          "name = 'ts_open'");
    const auto row = table.next();
    m_openTable = !row || row.value(); // an unreadable file fails on its first read
    (void)table.next();
}

Result<int> SeriesReader::seriesId(const QString &name)
{
    if (const auto found = m_ids.constFind(name); found != m_ids.cend())
        return *found;
    SqliteStatement select(m_db, "SELECT id FROM ts_series WHERE name = ?");
    select.bindText(1, name.toUtf8());
    auto row = select.next();
    if (!row)
        return failure("looking up a series", row.error());
    if (!row.value())
        return 0;
    const int id = int(select.int64(0));
    (void)select.next();
    m_ids.insert(name, id);
    return id;
}

Result<QHash<QString, int>> SeriesReader::allSeries()
{
    SqliteStatement select(m_db, "SELECT name, id FROM ts_series");
    QHash<QString, int> all;
    for (;;) {
        auto row = select.next();
        if (!row)
            return failure("listing series", row.error());
        if (!row.value())
            return all;
        all.insert(QString::fromUtf8(select.blob(0)), int(select.int64(1)));
    }
}

Result<void> SeriesReader::scan(int seriesId, Resolution resolution, qint64 fromMs, qint64 toMs,
                                const ChunkVisitor &visit)
{
    // Raw samples stand in for the resolution at their level and every finer
    // one; raw reads take them all.
    unsigned kinds = 1u << chunkKind(resolution);
    for (Resolution level : kRollups)
        if (resolution == Resolution::Raw || level >= resolution)
            kinds |= 1u << standInKind(level);
    return scanKinds(seriesId, resolution, fromMs, toMs, kinds, visit);
}

Result<void> SeriesReader::scanKinds(int seriesId, Resolution resolution, qint64 fromMs,
                                     qint64 toMs, unsigned kinds, const ChunkVisitor &visit)
{
    // The heads are copied first: a chunk that leaves them is committed by
    // then, so the file read that follows is certain to contain it.
    const bool own = (kinds & (1u << chunkKind(resolution))) != 0;
    const QList<StoredChunk> pending = resolution == Resolution::Raw && own
        ? m_heads->pending(seriesId, fromMs, toMs)
        : QList<StoredChunk>();

    struct Found
    {
        qint64 startMs;
        int kind;
        QByteArray data;
    };
    std::vector<Found> found;
    auto select = [&](int kind, const ResolutionInfo &layout) -> Result<void> {
        SqliteStatement query(m_db,
                              "SELECT start_ms, data FROM ts_chunks WHERE series_id = ?1 AND "
                              "resolution = ?2 AND start_ms >= ?3 AND start_ms <= ?4 AND "
                              "end_ms >= ?5 ORDER BY start_ms");
        query.bind(1, qint64(seriesId));
        query.bind(2, qint64(kind));
        // A chunk lies within one aligned window, so one that overlaps fromMs
        // starts no earlier than that window.
        query.bind(3, floorTo(fromMs, layout.windowMs));
        query.bind(4, toMs);
        query.bind(5, fromMs);
        for (;;) {
            auto row = query.next();
            if (!row)
                return failure("reading chunks", row.error());
            if (!row.value())
                return {};
            found.push_back(Found{ query.int64(0), kind, query.blob(1) });
        }
    };
    if (own) {
        if (auto done = select(chunkKind(resolution), info(resolution)); !done)
            return done;
    }
    if (own && resolution == Resolution::Raw && m_openTable) {
        // The open chunk, newer than every sealed one.
        SqliteStatement open(m_db,
                             "SELECT start_ms, data FROM ts_open WHERE series_id = ?1 AND "
                             "start_ms <= ?2 AND end_ms >= ?3");
        open.bind(1, qint64(seriesId));
        open.bind(2, toMs);
        open.bind(3, fromMs);
        auto row = open.next();
        if (!row)
            return failure("reading the open chunk", row.error());
        if (row.value()) {
            found.push_back(Found{ open.int64(0), chunkKind(resolution), open.blob(1) });
            (void)open.next();
        }
    }
    const size_t ownChunks = found.size();
    for (Resolution level : kRollups) {
        if (kinds & (1u << standInKind(level))) {
            if (auto done = select(standInKind(level), standInInfo(level)); !done)
                return done;
        }
    }
    if (found.size() > ownChunks && ownChunks > 0)
        std::stable_sort(found.begin(), found.end(),
                         [](const Found &a, const Found &b) { return a.startMs < b.startMs; });

    DecodedChunk decoded;
    DecodedChunk buckets;
    qsizetype nextPending = 0;
    auto visitPending = [&](qint64 beforeMs) {
        while (nextPending < pending.size() && pending[nextPending].startMs < beforeMs) {
            if (decodeChunk(pending[nextPending].data, decoded) && !visit(decoded))
                return false;
            ++nextPending;
        }
        return true;
    };
    for (const Found &chunk : found) {
        if (!visitPending(chunk.startMs))
            return {};
        if (chunk.kind == chunkKind(resolution)) {
            const bool superseded
                = std::any_of(pending.cbegin(), pending.cend(),
                              [&](const StoredChunk &c) { return c.startMs == chunk.startMs; });
            if (superseded)
                continue;
            if (!decodeChunk(chunk.data, decoded)) {
                ++m_damagedChunks;
                continue; // a damaged chunk costs its own rows, not the query
            }
            if (!visit(decoded))
                return {};
            continue;
        }
        if (!decodeChunk(chunk.data, decoded)) {
            ++m_damagedChunks;
            continue;
        }
        if (decoded.columns != 1)
            continue;
        if (resolution == Resolution::Raw) {
            // Between the commit that moved an hour to a stand-in and the
            // writer dropping its copy, the heads may still hold that hour.
            if (!pending.isEmpty()) {
                DecodedChunk kept;
                kept.columns = 1;
                for (size_t i = 0; i < decoded.timestamps.size(); ++i) {
                    const qint64 t = decoded.timestamps[i];
                    const bool held
                        = std::any_of(pending.cbegin(), pending.cend(), [t](const StoredChunk &c) {
                              return t >= c.startMs && t <= c.endMs;
                          });
                    if (!held) {
                        kept.timestamps.push_back(t);
                        kept.values.push_back(decoded.values[i]);
                    }
                }
                decoded = std::move(kept);
            }
            if (!decoded.timestamps.empty() && !visit(decoded))
                return {};
            continue;
        }
        // A stand-in read at a rollup resolution: each sample is the one
        // value of its bucket.
        const qint64 bucketMs = info(resolution).bucketMs;
        buckets.columns = RollupColumns;
        buckets.timestamps.clear();
        buckets.values.clear();
        for (size_t i = 0; i < decoded.timestamps.size(); ++i) {
            const double v = decoded.values[i];
            if (std::isnan(v))
                continue;
            buckets.timestamps.push_back(floorTo(decoded.timestamps[i], bucketMs));
            buckets.values.insert(buckets.values.end(), { 1.0, v, v, v, v });
        }
        if (!buckets.timestamps.empty() && !visit(buckets))
            return {};
    }
    visitPending(std::numeric_limits<qint64>::max());
    return {};
}

Result<QList<TimedValue>> SeriesReader::samples(int seriesId, qint64 fromMs, qint64 toMs)
{
    QList<TimedValue> out;
    auto done = scan(seriesId, Resolution::Raw, fromMs, toMs, [&](const DecodedChunk &chunk) {
        for (size_t i = 0; i < chunk.timestamps.size(); ++i) {
            const qint64 t = chunk.timestamps[i];
            if (t >= fromMs && t <= toMs)
                out.append(TimedValue{ t, chunk.value(qsizetype(i), 0) });
        }
        return true;
    });
    if (!done)
        return Error{ done.error() };
    return out;
}

Resolution SeriesReader::resolutionFor(qint64 fromMs, qint64 toMs, int widthPx)
{
    const qint64 step = std::max<qint64>(1, (toMs - fromMs + widthPx) / std::max(1, widthPx));
    Resolution chosen = Resolution::Raw;
    for (Resolution r : kRollups)
        if (info(r).bucketMs <= step)
            chosen = r;
    return chosen;
}

Result<QList<ChartPoint>> SeriesReader::chart(int seriesId, qint64 fromMs, qint64 toMs, int widthPx)
{
    widthPx = std::max(1, widthPx);
    if (toMs < fromMs)
        return QList<ChartPoint>();
    const qint64 step = std::max<qint64>(1, (toMs - fromMs + widthPx) / widthPx);
    PixelColumns columns(fromMs, step, widthPx);

    // Raw samples standing in for the chosen resolution or coarser ones
    // first; then rollups, from the chosen resolution towards coarser ones for
    // what it no longer keeps, leaving out the hours a stand-in already gave
    // (a coarser resolution may hold them too); raw samples for what is not
    // rolled up yet.
    const Resolution chosen = resolutionFor(fromMs, toMs, widthPx);
    qint64 coveredFrom = std::numeric_limits<qint64>::max();
    qint64 coveredTo = fromMs; // raw samples are read from here on
    if (chosen != Resolution::Raw) {
        unsigned standIns = 0;
        for (Resolution level : kRollups)
            if (level >= chosen)
                standIns |= 1u << standInKind(level);
        // From the start of the first hour, so that a stand-in hour begun
        // before fromMs is known as one even if none of its samples is in
        // the range.
        std::unordered_set<qint64> standInHours;
        auto done = scanKinds(seriesId, Resolution::Raw, floorTo(fromMs, kHourMs), toMs, standIns,
                              [&](const DecodedChunk &chunk) {
                                  for (size_t i = 0; i < chunk.timestamps.size(); ++i) {
                                      const qint64 t = chunk.timestamps[i];
                                      if (t > toMs)
                                          continue;
                                      standInHours.insert(floorTo(t, kHourMs));
                                      coveredTo = std::max(coveredTo, t + 1);
                                      if (t < fromMs)
                                          continue;
                                      const double v = chunk.value(qsizetype(i), 0);
                                      columns.add(t, v, v, v, 1);
                                  }
                                  return true;
                              });
        if (!done)
            return Error{ done.error() };
        for (auto r = qsizetype(chosen); r <= qsizetype(Resolution::Hour); ++r) {
            const Resolution resolution = Resolution(r);
            const qint64 bucketMs = info(resolution).bucketMs;
            const qint64 limit
                = coveredFrom == std::numeric_limits<qint64>::max() ? toMs : coveredFrom - 1;
            if (limit < fromMs)
                break;
            qint64 first = std::numeric_limits<qint64>::max();
            done = scanKinds(seriesId, resolution, floorTo(fromMs, bucketMs), limit,
                             1u << chunkKind(resolution), [&](const DecodedChunk &chunk) {
                                 for (size_t i = 0; i < chunk.timestamps.size(); ++i) {
                                     const qint64 t = chunk.timestamps[i];
                                     if (t + bucketMs <= fromMs || t > limit)
                                         continue;
                                     first = std::min(first, t);
                                     if (coveredFrom == std::numeric_limits<qint64>::max())
                                         coveredTo = std::max(coveredTo, t + bucketMs);
                                     if (!standInHours.empty()
                                         && standInHours.count(floorTo(t, kHourMs)))
                                         continue;
                                     const auto row = qsizetype(i);
                                     columns.add(std::max(t, fromMs), chunk.value(row, Min),
                                                 chunk.value(row, Mean), chunk.value(row, Max),
                                                 chunk.value(row, Count));
                                 }
                                 return true;
                             });
            if (!done)
                return Error{ done.error() };
            if (first != std::numeric_limits<qint64>::max())
                coveredFrom = std::min(coveredFrom, first);
            if (coveredFrom <= fromMs)
                break;
        }
    }
    // What is not rolled up yet is in raw chunks of its own (or in the heads);
    // a raw chart reads stand-ins as well.
    unsigned rawKinds = 1u << chunkKind(Resolution::Raw);
    if (chosen == Resolution::Raw)
        for (Resolution level : kRollups)
            rawKinds |= 1u << standInKind(level);
    auto done = scanKinds(seriesId, Resolution::Raw, coveredTo, toMs, rawKinds,
                          [&](const DecodedChunk &chunk) {
                              for (size_t i = 0; i < chunk.timestamps.size(); ++i) {
                                  const qint64 t = chunk.timestamps[i];
                                  if (t < coveredTo || t > toMs)
                                      continue;
                                  const double v = chunk.value(qsizetype(i), 0);
                                  columns.add(t, v, v, v, 1);
                              }
                              return true;
                          });
    if (!done)
        return Error{ done.error() };
    return columns.result();
}

Result<qint64> SeriesReader::latestTimestamp(int seriesId)
{
    if (const auto head = m_heads->lastTimestamp(seriesId))
        return *head;
    SqliteStatement select(m_db,
                           m_openTable ? "SELECT coalesce((SELECT end_ms FROM ts_open WHERE "
                                         "series_id = ?1), (SELECT max(end_ms) FROM ts_chunks "
                                         "WHERE series_id = ?1 AND resolution = 0))"
                                       : "SELECT max(end_ms) FROM ts_chunks WHERE series_id = "
                                         "?1 AND resolution = 0");
    select.bind(1, qint64(seriesId));
    auto row = select.next();
    if (!row)
        return failure("reading the newest sample", row.error());
    const qint64 latest = row.value() && !select.isNull(0) ? select.int64(0) : 0;
    (void)select.next();
    return latest;
}

} // namespace Umbra::Series
