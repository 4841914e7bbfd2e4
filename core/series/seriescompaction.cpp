// The series writer's upkeep: hours of raw chunks compacted into rollups once
// they are complete, and each resolution kept only as long as its retention
// says.
#include "series/serieswriter.h"
#include "series/statementcache.h"
#include "series/writefailure.h"

#include <QMutexLocker>
#include <algorithm>
#include <cmath>
#include <limits>

namespace Umbra::Series {

namespace {

constexpr qint64 kNoTime = std::numeric_limits<qint64>::min();

} // namespace

Result<void> SeriesWriter::compact(int seriesId, SeriesHeads::Head &h)
{
    // Raw chunks never cross an hour boundary, so every hour before the one
    // the open chunk starts in is complete and sealed.
    const qint64 openStart
        = h.open && !h.open->isEmpty() ? h.open->firstTimestamp() : h.lastTimestamp;
    const InFlight *pendingFlight = nullptr;
    if (const auto found = m_inFlightIndex.constFind(seriesId); found != m_inFlightIndex.cend())
        pendingFlight = &m_inFlight[*found];
    const qint64 rolledTo
        = pendingFlight && pendingFlight->rolledTo ? *pendingFlight->rolledTo : h.rolledTo;
    const qint64 cutoff = floorTo(openStart, kHourMs);
    if (openStart == kNoTime || cutoff <= rolledTo)
        return {};

    // Sealed chunks: the committed ones from the file, the rest from memory.
    QList<StoredChunk> chunks;
    SqliteStatement &select
        = m_statements("SELECT start_ms, end_ms, rows, data FROM ts_chunks WHERE series_id = ? "
                       "AND resolution = 0 AND start_ms >= ? AND start_ms < ? ORDER BY start_ms");
    select.bind(1, qint64(seriesId));
    select.bind(2, rolledTo);
    select.bind(3, cutoff);
    for (;;) {
        auto row = select.next();
        if (!row)
            return writeFailure("reading raw chunks to roll up", row.error());
        if (!row.value())
            break;
        chunks.append(
            StoredChunk{ select.int64(0), select.int64(1), int(select.int64(2)), select.blob(3) });
    }
    for (const StoredChunk &chunk : std::as_const(h.unsaved)) {
        if (chunk.startMs < rolledTo || chunk.startMs >= cutoff)
            continue;
        auto same = std::find_if(chunks.begin(), chunks.end(),
                                 [&](const StoredChunk &c) { return c.startMs == chunk.startMs; });
        if (same != chunks.end())
            *same = chunk;
        else
            chunks.append(chunk);
    }
    std::sort(chunks.begin(), chunks.end(),
              [](const StoredChunk &a, const StoredChunk &b) { return a.startMs < b.startMs; });

    // Hour by hour: an hour sparse at some resolution (every bucket at most
    // one value) goes to a stand-in of the coarsest such resolution and is
    // rolled up only at coarser ones; any other hour is rolled up at all.
    std::array<std::vector<Bucket>, kRollups.size()> buckets;
    std::vector<RollupBuilder> builders;
    for (size_t r = 0; r < kRollups.size(); ++r)
        builders.emplace_back(info(kRollups[r]).bucketMs,
                              [&buckets, r](const Bucket &b) { buckets[r].push_back(b); });
    struct Run
    {
        int level = 0;
        qint64 firstHour = 0;
        qint64 lastHour = 0;
        qint64 continueAfterMs = 0;
        Rows rows;
    };
    std::vector<Run> runs;
    bool runOpen = false;
    qint64 previousSample = kNoTime;
    std::vector<std::pair<qint64, double>> hour;
    auto sparseLevel = [&hour]() {
        for (auto r = kRollups.rbegin(); r != kRollups.rend(); ++r) {
            const qint64 bucketMs = info(*r).bucketMs;
            qint64 lastBucket = kNoTime;
            bool sparse = true;
            for (const auto &[t, v] : hour) {
                if (std::isnan(v))
                    continue;
                const qint64 bucket = floorTo(t, bucketMs);
                if (bucket == lastBucket) {
                    sparse = false;
                    break;
                }
                lastBucket = bucket;
            }
            if (sparse)
                return int(*r);
        }
        return 0;
    };
    auto closeHour = [&] {
        if (hour.empty())
            return;
        const int level = sparseLevel();
        for (size_t r = 0; r < kRollups.size(); ++r)
            if (int(kRollups[r]) > level)
                for (const auto &[t, v] : hour)
                    builders[r].add(t, v);
        const qint64 hourStart = floorTo(hour.front().first, kHourMs);
        if (level == 0) {
            runOpen = false;
        } else {
            if (!runOpen || runs.back().level != level) {
                Run run;
                run.level = level;
                run.firstHour = hourStart;
                // The newest stand-in chunk may be continued only if nothing
                // of the series lies between it and this run: within this
                // compaction, if it holds the sample just before; at its
                // start, if it reaches into the hour before (which went
                // wholly to one place).
                run.continueAfterMs
                    = previousSample != kNoTime ? previousSample : rolledTo - kHourMs;
                runs.push_back(std::move(run));
                runOpen = true;
            }
            Run &run = runs.back();
            run.lastHour = hourStart;
            for (const auto &[t, v] : hour) {
                run.rows.times.push_back(t);
                run.rows.values.push_back(v);
            }
        }
        previousSample = hour.back().first;
        hour.clear();
    };
    DecodedChunk decoded;
    for (const StoredChunk &chunk : std::as_const(chunks)) {
        if (!decodeChunk(chunk.data, decoded))
            continue; // a damaged chunk is skipped, not allowed to stop the rollups
        for (size_t i = 0; i < decoded.timestamps.size(); ++i) {
            const qint64 t = decoded.timestamps[i];
            if (t < rolledTo || t >= cutoff)
                continue;
            if (!hour.empty() && floorTo(t, kHourMs) != floorTo(hour.front().first, kHourMs))
                closeHour();
            hour.emplace_back(t, decoded.values[i * size_t(decoded.columns)]);
        }
    }
    closeHour();
    for (RollupBuilder &builder : builders)
        builder.finish();

    const qint8 precision = h.precision;
    auto bucketPrecisions = [precision](const double *values) {
        QList<qint8> precisions{ 0, precision, precision, precision, precision };
        if (!ChunkEncoder(precisions).valuesFit(values))
            precisions = { 0, kExact, kExact, kExact, kExact };
        return precisions;
    };
    for (size_t r = 0; r < kRollups.size(); ++r) {
        Rows rows;
        rows.columns = RollupColumns;
        for (const Bucket &b : buckets[r]) {
            rows.times.push_back(b.startMs);
            rows.values.insert(rows.values.end(), { b.count, b.min, b.mean, b.max, b.p95 });
        }
        if (auto done = appendRows(seriesId, chunkKind(kRollups[r]), info(kRollups[r]),
                                   bucketPrecisions, rows, kNoTime);
            !done)
            return done;
    }

    auto samplePrecisions = [precision](const double *value) {
        const ChunkEncoder probe({ precision });
        return QList<qint8>{ probe.valuesFit(value) ? precision : kExact };
    };
    SqliteStatement &removeRaw
        = m_statements("DELETE FROM ts_chunks WHERE series_id = ? AND resolution = 0 AND "
                       "start_ms >= ? AND start_ms < ?");
    for (const Run &run : runs) {
        const auto level = Resolution(run.level);
        if (auto done = appendRows(seriesId, standInKind(level), standInInfo(level),
                                   samplePrecisions, run.rows, run.continueAfterMs);
            !done)
            return done;
        // Raw chunks never cross an hour, and every hour of the run with
        // samples is in it.
        removeRaw.bind(1, qint64(seriesId));
        removeRaw.bind(2, run.firstHour);
        removeRaw.bind(3, run.lastHour + kHourMs);
        if (auto done = removeRaw.execute(); !done)
            return writeFailure("moving raw chunks to a stand-in", done.error());
    }

    SqliteStatement &update = m_statements("UPDATE ts_series SET rolled_to = ? WHERE id = ?");
    update.bind(1, cutoff);
    update.bind(2, qint64(seriesId));
    if (auto done = update.execute(); !done)
        return writeFailure("recording rolled-up time", done.error());
    inFlight(seriesId).rolledTo = cutoff;
    return {};
}

Result<void>
SeriesWriter::appendRows(int seriesId, int kind, const ResolutionInfo &layout,
                         const std::function<QList<qint8>(const double *)> &precisionsFor,
                         const Rows &rows, qint64 continueAfterMs)
{
    if (rows.times.empty())
        return {};
    const auto columns = size_t(rows.columns);
    std::unique_ptr<ChunkEncoder> encoder;
    qint64 lastRow = kNoTime;
    SqliteStatement &last
        = m_statements("SELECT start_ms, end_ms, rows, data FROM ts_chunks WHERE series_id = ? "
                       "AND resolution = ? ORDER BY start_ms DESC LIMIT 1");
    last.bind(1, qint64(seriesId));
    last.bind(2, qint64(kind));
    auto row = last.next();
    if (!row)
        return writeFailure("reading the newest chunk of a kind", row.error());
    if (row.value()) {
        const qint64 start = last.int64(0);
        lastRow = last.int64(1);
        const int count = int(last.int64(2));
        const QByteArray data = last.blob(3);
        (void)last.next();
        DecodedChunk decoded;
        // Continue the newest chunk when the new rows belong in it.
        if (count < layout.maxRows && lastRow >= continueAfterMs
            && floorTo(start, layout.windowMs) == floorTo(rows.times.front(), layout.windowMs)
            && decodeChunk(data, decoded) && decoded.columns == rows.columns) {
            encoder = std::make_unique<ChunkEncoder>(chunkPrecisions(data));
            for (size_t i = 0; i < decoded.timestamps.size(); ++i)
                encoder->append(decoded.timestamps[i], &decoded.values[i * columns]);
            if (chunkFull(*encoder, layout.maxRows))
                encoder.reset();
        }
    }

    auto store = [&]() -> Result<void> {
        if (!encoder || encoder->isEmpty())
            return {};
        return writeChunk(seriesId, kind,
                          StoredChunk{ encoder->firstTimestamp(), encoder->lastTimestamp(),
                                       encoder->count(), encoder->encode() });
    };
    for (size_t i = 0; i < rows.times.size(); ++i) {
        const qint64 t = rows.times[i];
        const double *values = &rows.values[i * columns];
        if (t <= lastRow)
            continue; // stored before (a compaction redone after a failed commit)
        if (encoder
            && (chunkFull(*encoder, layout.maxRows)
                || floorTo(t, layout.windowMs)
                    != floorTo(encoder->firstTimestamp(), layout.windowMs)
                || !encoder->fits(t, values))) {
            if (auto done = store(); !done)
                return done;
            encoder.reset();
        }
        if (!encoder)
            encoder = std::make_unique<ChunkEncoder>(precisionsFor(values));
        encoder->append(t, values);
        lastRow = t;
    }
    return store();
}

Result<int> SeriesWriter::enforceRetention(const Retention &retention, int maxChunks)
{
    if (m_newest == 0)
        return 0;
    int deleted = 0;
    for (int kind = 0; kind <= standInKind(Resolution::Hour); ++kind) {
        if (deleted >= maxChunks)
            break;
        const qint64 keep = kind > kStandInOffset
            ? std::max(retention.rawMs, retention.of(Resolution(kind - kStandInOffset)))
            : retention.of(Resolution(kind));
        const qint64 cutoff = m_newest - keep;
        // Raw chunks are deleted only once their hour is rolled up.
        SqliteStatement remove(
            m_db,
            kind == 0
                ? "DELETE FROM ts_chunks WHERE (series_id, resolution, start_ms) IN (SELECT "
                  "c.series_id, c.resolution, c.start_ms FROM ts_chunks c JOIN ts_series s ON "
                  "s.id = c.series_id WHERE c.resolution = ?1 AND c.end_ms < ?2 AND c.end_ms < "
                  "s.rolled_to LIMIT ?3)"
                : "DELETE FROM ts_chunks WHERE (series_id, resolution, start_ms) IN (SELECT "
                  "series_id, resolution, start_ms FROM ts_chunks WHERE resolution = ?1 AND "
                  "end_ms < ?2 LIMIT ?3)");
        remove.bind(1, qint64(kind));
        remove.bind(2, cutoff);
        remove.bind(3, qint64(maxChunks - deleted));
        if (auto done = remove.execute(); !done)
            return writeFailure("removing expired chunks", done.error());
        deleted += SqliteStatement::changes(m_db);
    }
    return deleted;
}

} // namespace Umbra::Series
