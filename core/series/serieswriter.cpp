#include "series/serieswriter.h"

#include "series/sqlitestatement.h"

#include <QCoreApplication>
#include <QMutexLocker>
#include <algorithm>
#include <cmath>

namespace Umbra::Series {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Umbra::SeriesWriter)
};

Error failure(const char *what, const QString &reason)
{
    return Error{ Tr::tr("Time series: %1 failed: %2").arg(QLatin1String(what), reason) };
}

constexpr qint64 kNoTime = std::numeric_limits<qint64>::min();

} // namespace

qint64 Retention::of(Resolution resolution) const
{
    switch (resolution) {
    case Resolution::Raw:
        return rawMs;
    case Resolution::Minute:
        return minuteMs;
    case Resolution::FiveMinutes:
        return fiveMinutesMs;
    case Resolution::Hour:
        return hourMs;
    }
    return rawMs;
}

SeriesWriter::SeriesWriter(QSqlDatabase db, std::shared_ptr<SeriesHeads> heads)
    : m_db(std::move(db))
    , m_heads(std::move(heads))
{
    SqliteStatement newest(m_db, "SELECT max(end_ms) FROM ts_chunks WHERE resolution = 0");
    if (auto row = newest.next(); row && row.value())
        m_newest = newest.int64(0);
    (void)newest.next();
    // SQLite keeps at most (usable page size − 12) × 64 / 255 − 23 bytes of a
    // WITHOUT ROWID row in its B-tree cell; the key, end time, row count and
    // record header take about 32 of them, and the estimate of a chunk's
    // unencoded rows gets some slack.
    SqliteStatement pageSize(m_db, "PRAGMA page_size");
    if (auto row = pageSize.next(); row && row.value()) {
        const qint64 usable = pageSize.int64(0);
        m_chunkBytes = std::max<qsizetype>(256, (usable - 12) * 64 / 255 - 23 - 32 - 64);
    }
    (void)pageSize.next();
}

bool SeriesWriter::chunkFull(const ChunkEncoder &encoder, int maxRows) const
{
    return encoder.count() >= maxRows || encoder.estimatedBytes() > m_chunkBytes;
}

Result<int> SeriesWriter::seriesId(const QString &name, qint8 precision)
{
    if (const auto found = m_ids.constFind(name); found != m_ids.cend()) {
        if (m_precisions.value(*found) == precision)
            return *found;
    }
    const QByteArray utf8 = name.toUtf8();
    SqliteStatement select(m_db, "SELECT id, precision FROM ts_series WHERE name = ?");
    select.bindText(1, utf8);
    auto row = select.next();
    if (!row)
        return failure("looking up a series", row.error());
    int id = 0;
    if (row.value()) {
        id = int(select.int64(0));
        const qint8 stored = qint8(select.int64(1));
        (void)select.next();
        if (stored != precision) {
            SqliteStatement update(m_db, "UPDATE ts_series SET precision = ? WHERE id = ?");
            update.bind(1, qint64(precision));
            update.bind(2, qint64(id));
            if (auto done = update.execute(); !done)
                return failure("changing a series' precision", done.error());
        }
    } else {
        SqliteStatement insert(m_db, "INSERT INTO ts_series (name, precision) VALUES (?, ?)");
        insert.bindText(1, utf8);
        insert.bind(2, qint64(precision));
        if (auto done = insert.execute(); !done)
            return failure("creating a series", done.error());
        id = int(SqliteStatement::lastInsertId(m_db));
    }
    m_ids.insert(name, id);
    m_precisions.insert(id, precision);
    QMutexLocker lock(&m_heads->mutex());
    if (SeriesHeads::Head *loaded = m_heads->find(id))
        loaded->precision = precision;
    return id;
}

Result<SeriesHeads::Head> SeriesWriter::loadHead(int seriesId)
{
    SeriesHeads::Head head;
    SqliteStatement series(m_db, "SELECT precision, rolled_to FROM ts_series WHERE id = ?");
    series.bind(1, qint64(seriesId));
    auto row = series.next();
    if (!row)
        return failure("reading a series", row.error());
    if (!row.value())
        return Error{ Tr::tr("Time series: there is no series %1.").arg(seriesId) };
    head.precision = qint8(series.int64(0));
    head.rolledTo = series.int64(1);
    (void)series.next();

    SqliteStatement last(m_db,
                         "SELECT start_ms, end_ms, rows, data FROM ts_chunks WHERE series_id = ? "
                         "AND resolution = 0 ORDER BY start_ms DESC LIMIT 1");
    last.bind(1, qint64(seriesId));
    row = last.next();
    if (!row)
        return failure("reading the newest chunk of a series", row.error());
    if (row.value()) {
        head.lastTimestamp = last.int64(1);
        const int rows = int(last.int64(2));
        const QByteArray data = last.blob(3);
        (void)last.next();
        DecodedChunk decoded;
        // A full chunk stays as it is; a partial one becomes the open chunk
        // again, so a restart does not leave a trail of small chunks.
        if (rows < info(Resolution::Raw).maxRows && decodeChunk(data, decoded)) {
            head.open = std::make_unique<ChunkEncoder>(chunkPrecisions(data));
            for (size_t i = 0; i < decoded.timestamps.size(); ++i)
                head.open->append(decoded.timestamps[i],
                                  &decoded.values[i * size_t(decoded.columns)]);
        }
        if (head.rolledTo == 0) {
            SqliteStatement first(m_db,
                                  "SELECT min(start_ms) FROM ts_chunks WHERE series_id = ? "
                                  "AND resolution = 0");
            first.bind(1, qint64(seriesId));
            if (auto firstRow = first.next(); firstRow && firstRow.value())
                head.rolledTo = floorTo(first.int64(0), kHourMs);
            (void)first.next();
        }
    }
    return head;
}

Result<SeriesHeads::Head *> SeriesWriter::head(int seriesId)
{
    // The writer is the only thread that inserts, so it may look without the lock.
    if (SeriesHeads::Head *found = m_heads->find(seriesId))
        return found;
    auto loaded = loadHead(seriesId);
    if (!loaded)
        return Error{ loaded.error() };
    QMutexLocker lock(&m_heads->mutex());
    SeriesHeads::Head &inserted = m_heads->insert(seriesId);
    inserted = std::move(loaded).value();
    return &inserted;
}

QHash<QString, qint64> SeriesWriter::takeRejectedSeries()
{
    QHash<QString, qint64> named;
    if (m_rejectedSeries.isEmpty())
        return named;
    for (auto it = m_ids.cbegin(); it != m_ids.cend(); ++it)
        if (const auto found = m_rejectedSeries.constFind(it.value());
            found != m_rejectedSeries.cend())
            named.insert(it.key(), found.value());
    m_rejectedSeries.clear();
    return named;
}

Result<void> SeriesWriter::append(std::span<const SeriesPoint> points)
{
    // Heads are loaded before taking the lock: loading reads the database.
    for (const SeriesPoint &point : points) {
        if (auto found = head(point.seriesId); !found)
            return Error{ found.error() };
    }
    QMutexLocker lock(&m_heads->mutex());
    const ResolutionInfo raw = info(Resolution::Raw);
    for (const SeriesPoint &point : points) {
        SeriesHeads::Head &h = *m_heads->find(point.seriesId);
        const double value = point.value == 0 ? 0.0 : point.value; // no negative zero
        if (point.timeMs <= h.lastTimestamp) {
            if (point.timeMs == h.lastTimestamp && h.open && !h.open->isEmpty()
                && h.open->lastTimestamp() == point.timeMs && h.open->fits(&value)) {
                h.open->replaceLast(&value);
                h.openDirty = true;
                m_dirty.insert(point.seriesId);
                ++m_replaced;
            } else {
                ++m_rejected;
                m_rejectedSeries.insert(point.seriesId, h.lastTimestamp);
            }
            continue;
        }
        if (h.open && !h.open->isEmpty()
            && (chunkFull(*h.open, raw.maxRows)
                || floorTo(point.timeMs, raw.windowMs)
                    != floorTo(h.open->firstTimestamp(), raw.windowMs)
                || !h.open->fits(&value))) {
            seal(point.seriesId, h);
        }
        if (!h.open || h.open->isEmpty()) {
            ChunkEncoder probe({ h.precision });
            h.open = std::make_unique<ChunkEncoder>(
                QList<qint8>{ probe.fits(&value) ? h.precision : kExact });
            if (h.rolledTo == 0)
                h.rolledTo = floorTo(point.timeMs, kHourMs);
            if (floorTo(point.timeMs, kHourMs) > h.rolledTo)
                m_due.insert(point.seriesId);
        }
        h.open->append(point.timeMs, &value);
        h.lastTimestamp = point.timeMs;
        h.openDirty = true;
        m_dirty.insert(point.seriesId);
        m_newest = std::max(m_newest, point.timeMs);
    }
    return {};
}

Result<int> SeriesWriter::prepend(int seriesId, std::span<const SeriesPoint> points)
{
    auto found = head(seriesId);
    if (!found)
        return Error{ found.error() };
    SeriesHeads::Head &h = *found.value();

    qint64 earliest = std::numeric_limits<qint64>::max();
    if (!h.unsaved.isEmpty())
        earliest = h.unsaved.first().startMs;
    if (h.open && !h.open->isEmpty())
        earliest = std::min(earliest, h.open->firstTimestamp());
    SqliteStatement first(m_db,
                          "SELECT min(start_ms), (SELECT count(*) FROM ts_chunks WHERE "
                          "series_id = ?1 AND resolution > 0) FROM ts_chunks WHERE "
                          "series_id = ?1 AND resolution = 0");
    first.bind(1, qint64(seriesId));
    auto row = first.next();
    if (!row)
        return failure("reading the oldest chunk of a series", row.error());
    if (!first.isNull(0))
        earliest = std::min(earliest, first.int64(0));
    const bool rolledUp = first.int64(1) > 0;
    (void)first.next();
    if (rolledUp) {
        m_rejected += qint64(points.size());
        return 0;
    }

    // Sealed chunks by the same rules as appended ones.
    const ResolutionInfo raw = info(Resolution::Raw);
    QList<StoredChunk> chunks;
    std::unique_ptr<ChunkEncoder> encoder;
    qint64 previous = std::numeric_limits<qint64>::min();
    int taken = 0;
    auto sealEncoder = [&] {
        if (encoder && !encoder->isEmpty())
            chunks.append(StoredChunk{ encoder->firstTimestamp(), encoder->lastTimestamp(),
                                       encoder->count(), encoder->encode() });
        encoder.reset();
    };
    for (const SeriesPoint &point : points) {
        const double value = point.value == 0 ? 0.0 : point.value;
        if (point.timeMs <= previous || point.timeMs >= earliest) {
            ++m_rejected;
            continue;
        }
        if (encoder
            && (chunkFull(*encoder, raw.maxRows)
                || floorTo(point.timeMs, raw.windowMs)
                    != floorTo(encoder->firstTimestamp(), raw.windowMs)
                || !encoder->fits(&value)))
            sealEncoder();
        if (!encoder) {
            ChunkEncoder probe({ h.precision });
            encoder = std::make_unique<ChunkEncoder>(
                QList<qint8>{ probe.fits(&value) ? h.precision : kExact });
        }
        encoder->append(point.timeMs, &value);
        previous = point.timeMs;
        ++taken;
    }
    sealEncoder();
    if (chunks.isEmpty())
        return 0;

    QMutexLocker lock(&m_heads->mutex());
    h.unsaved = chunks + h.unsaved;
    if (h.lastTimestamp == std::numeric_limits<qint64>::min())
        h.lastTimestamp = chunks.last().endMs;
    h.rolledTo = floorTo(chunks.first().startMs, kHourMs);
    if (const auto flight = m_inFlightIndex.constFind(seriesId); flight != m_inFlightIndex.cend())
        m_inFlight[*flight].unsavedWritten = 0;
    m_dirty.insert(seriesId);
    m_due.insert(seriesId);
    m_newest = std::max(m_newest, chunks.last().endMs);
    return taken;
}

void SeriesWriter::seal(int seriesId, SeriesHeads::Head &h)
{
    h.unsaved.append(StoredChunk{ h.open->firstTimestamp(), h.open->lastTimestamp(),
                                  h.open->count(), h.open->encode() });
    h.open.reset();
    h.openDirty = false;
    m_dirty.insert(seriesId);
}

SeriesWriter::InFlight &SeriesWriter::inFlight(int seriesId)
{
    const auto found = m_inFlightIndex.constFind(seriesId);
    if (found != m_inFlightIndex.cend())
        return m_inFlight[*found];
    m_inFlightIndex.insert(seriesId, m_inFlight.size());
    m_inFlight.append(InFlight{ seriesId, 0, false, std::nullopt });
    return m_inFlight.last();
}

Result<void> SeriesWriter::writeChunk(int seriesId, int kind, const StoredChunk &chunk)
{
    SqliteStatement insert(m_db,
                           "INSERT OR REPLACE INTO ts_chunks (series_id, resolution, start_ms, "
                           "end_ms, rows, data) VALUES (?, ?, ?, ?, ?, ?)");
    insert.bind(1, qint64(seriesId));
    insert.bind(2, qint64(kind));
    insert.bind(3, chunk.startMs);
    insert.bind(4, chunk.endMs);
    insert.bind(5, qint64(chunk.rows));
    insert.bindBlob(6, chunk.data);
    if (auto done = insert.execute(); !done)
        return failure("writing a chunk", done.error());
    return {};
}

Result<void> SeriesWriter::writeDirty()
{
    SqliteStatement insert(m_db,
                           "INSERT OR REPLACE INTO ts_chunks (series_id, resolution, start_ms, "
                           "end_ms, rows, data) VALUES (?, ?, ?, ?, ?, ?)");
    if (!insert.isValid())
        return failure("preparing the chunk insert", insert.error());
    auto write = [&](int seriesId, const StoredChunk &chunk) -> Result<void> {
        insert.bind(1, qint64(seriesId));
        insert.bind(2, qint64(0));
        insert.bind(3, chunk.startMs);
        insert.bind(4, chunk.endMs);
        insert.bind(5, qint64(chunk.rows));
        insert.bindBlob(6, chunk.data);
        if (auto done = insert.execute(); !done)
            return failure("writing a chunk", done.error());
        return {};
    };
    // In id order, so that the rows go into the chunk table's B-tree in key
    // order: hash order sends each one to a random page, which thrashes
    // SQLite's page cache once thousands of series are dirty.
    QList<int> dirty(m_dirty.cbegin(), m_dirty.cend());
    std::sort(dirty.begin(), dirty.end());
    for (int seriesId : std::as_const(dirty)) {
        SeriesHeads::Head *h = m_heads->find(seriesId);
        if (!h)
            continue;
        InFlight &flight = inFlight(seriesId);
        for (qsizetype i = flight.unsavedWritten; i < h->unsaved.size(); ++i) {
            if (auto done = write(seriesId, h->unsaved[i]); !done)
                return done;
        }
        flight.unsavedWritten = int(h->unsaved.size());
        if (h->openDirty && h->open && !h->open->isEmpty()) {
            // Encoding reads the open chunk, which only this thread changes.
            const StoredChunk open{ h->open->firstTimestamp(), h->open->lastTimestamp(),
                                    h->open->count(), h->open->encode() };
            if (auto done = write(seriesId, open); !done)
                return done;
            flight.openWritten = true;
            h->openDirty = false;
        }
    }
    m_dirty.clear();
    return {};
}

Result<void> SeriesWriter::flush(int compactionBudget)
{
    // Every sealed chunk is in the transaction before any compaction, which
    // may move an hour's raw chunks to a stand-in.
    if (auto done = writeDirty(); !done)
        return done;
    int budget = compactionBudget;
    for (auto it = m_due.begin(); it != m_due.end() && budget > 0; --budget) {
        SeriesHeads::Head *h = m_heads->find(*it);
        if (h) {
            if (auto done = compact(*it, *h); !done)
                return done;
        }
        it = m_due.erase(it);
    }
    return {};
}

Result<void> SeriesWriter::compactAll()
{
    if (auto done = writeDirty(); !done)
        return done;
    const QList<int> due(m_due.cbegin(), m_due.cend());
    for (int seriesId : due) {
        if (SeriesHeads::Head *h = m_heads->find(seriesId)) {
            if (auto done = compact(seriesId, *h); !done)
                return done;
        }
        m_due.remove(seriesId);
    }
    return {};
}

void SeriesWriter::committed()
{
    QMutexLocker lock(&m_heads->mutex());
    for (const InFlight &flight : std::as_const(m_inFlight)) {
        SeriesHeads::Head *h = m_heads->find(flight.seriesId);
        if (!h)
            continue;
        h->unsaved.remove(0, std::min<qsizetype>(flight.unsavedWritten, h->unsaved.size()));
        if (flight.rolledTo)
            h->rolledTo = *flight.rolledTo;
    }
    m_inFlight.clear();
    m_inFlightIndex.clear();
}

void SeriesWriter::rolledBack()
{
    // Nothing of the flush reached the file: everything it wrote is dirty
    // again, and compactions will be redone.
    for (const InFlight &flight : std::as_const(m_inFlight)) {
        SeriesHeads::Head *h = m_heads->find(flight.seriesId);
        if (!h)
            continue;
        if (flight.openWritten)
            h->openDirty = true;
        m_dirty.insert(flight.seriesId);
        if (flight.rolledTo)
            m_due.insert(flight.seriesId);
    }
    m_inFlight.clear();
    m_inFlightIndex.clear();
}

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
    SqliteStatement select(
        m_db,
        "SELECT start_ms, end_ms, rows, data FROM ts_chunks WHERE series_id = ? "
        "AND resolution = 0 AND start_ms >= ? AND start_ms < ? ORDER BY start_ms");
    select.bind(1, qint64(seriesId));
    select.bind(2, rolledTo);
    select.bind(3, cutoff);
    for (;;) {
        auto row = select.next();
        if (!row)
            return failure("reading raw chunks to roll up", row.error());
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
        if (!ChunkEncoder(precisions).fits(values))
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
        return QList<qint8>{ probe.fits(value) ? precision : kExact };
    };
    SqliteStatement removeRaw(m_db,
                              "DELETE FROM ts_chunks WHERE series_id = ? AND resolution = 0 AND "
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
            return failure("moving raw chunks to a stand-in", done.error());
    }

    SqliteStatement update(m_db, "UPDATE ts_series SET rolled_to = ? WHERE id = ?");
    update.bind(1, cutoff);
    update.bind(2, qint64(seriesId));
    if (auto done = update.execute(); !done)
        return failure("recording rolled-up time", done.error());
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
    SqliteStatement last(m_db,
                         "SELECT start_ms, end_ms, rows, data FROM ts_chunks WHERE series_id = ? "
                         "AND resolution = ? ORDER BY start_ms DESC LIMIT 1");
    last.bind(1, qint64(seriesId));
    last.bind(2, qint64(kind));
    auto row = last.next();
    if (!row)
        return failure("reading the newest chunk of a kind", row.error());
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
                || !encoder->fits(values))) {
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
            return failure("removing expired chunks", done.error());
        deleted += SqliteStatement::changes(m_db);
    }
    return deleted;
}

} // namespace Umbra::Series
