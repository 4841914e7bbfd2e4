#include "series/serieswriter.h"

#include "series/statementcache.h"
#include "series/writefailure.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QMutexLocker>
#include <algorithm>
#include <cmath>

namespace Umbra::Series {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Umbra::SeriesWriter)
};

constexpr const char *kInsertChunk = "INSERT OR REPLACE INTO ts_chunks (series_id, resolution, "
                                     "start_ms, end_ms, rows, data) VALUES (?, ?, ?, ?, ?, ?)";
constexpr const char *kWriteOpen = "INSERT OR REPLACE INTO ts_open (series_id, start_ms, end_ms, "
                                   "rows, data) VALUES (?, ?, ?, ?, ?)";

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
    , m_journal(m_db)
    , m_statements(m_db)
{
    SqliteStatement newest(m_db,
                           "SELECT max((SELECT coalesce(max(end_ms), 0) FROM ts_chunks WHERE "
                           "resolution = 0), (SELECT coalesce(max(end_ms), 0) FROM ts_open))");
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
    const QByteArray utf8 = name.toUtf8();
    SqliteStatement select(m_db, "SELECT id, precision FROM ts_series WHERE name = ?");
    select.bindText(1, utf8);
    auto row = select.next();
    if (!row)
        return writeFailure("looking up a series", row.error());
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
                return writeFailure("changing a series' precision", done.error());
        }
    } else {
        SqliteStatement insert(m_db, "INSERT INTO ts_series (name, precision) VALUES (?, ?)");
        insert.bindText(1, utf8);
        insert.bind(2, qint64(precision));
        if (auto done = insert.execute(); !done)
            return writeFailure("creating a series", done.error());
        id = int(SqliteStatement::lastInsertId(m_db));
    }
    QMutexLocker lock(&m_heads->mutex());
    if (SeriesHeads::Head *loaded = m_heads->find(id))
        loaded->precision = precision;
    return id;
}

Result<SeriesHeads::Head> SeriesWriter::loadHead(int seriesId)
{
    SeriesHeads::Head head;
    SqliteStatement &series
        = m_statements("SELECT precision, rolled_to FROM ts_series WHERE id = ?");
    series.bind(1, qint64(seriesId));
    auto row = series.next();
    if (!row)
        return writeFailure("reading a series", row.error());
    if (!row.value())
        return Error{ Tr::tr("Time series: there is no series %1.").arg(seriesId) };
    head.precision = qint8(series.int64(0));
    head.rolledTo = series.int64(1);
    (void)series.next();

    // The open chunk, when the series has one...
    SqliteStatement &open
        = m_statements("SELECT start_ms, end_ms, data FROM ts_open WHERE series_id = ?");
    open.bind(1, qint64(seriesId));
    row = open.next();
    if (!row)
        return writeFailure("reading the open chunk of a series", row.error());
    std::optional<qint64> openStart;
    if (row.value()) {
        openStart = open.int64(0);
        head.lastTimestamp = open.int64(1);
        const QByteArray data = open.blob(2);
        (void)open.next();
        DecodedChunk decoded;
        if (decodeChunk(data, decoded)) {
            head.open = std::make_unique<ChunkEncoder>(chunkPrecisions(data));
            for (size_t i = 0; i < decoded.timestamps.size(); ++i)
                head.open->append(decoded.timestamps[i],
                                  &decoded.values[i * size_t(decoded.columns)]);
        }
    }
    // ...and its sealed ones, which end before it starts (or are all it has).
    SqliteStatement &newest
        = m_statements("SELECT end_ms FROM ts_chunks WHERE series_id = ? AND resolution = 0 "
                       "ORDER BY start_ms DESC LIMIT 1");
    newest.bind(1, qint64(seriesId));
    row = newest.next();
    if (!row)
        return writeFailure("reading the newest chunk of a series", row.error());
    const bool hasSealed = row.value();
    if (hasSealed) {
        head.lastTimestamp = std::max(head.lastTimestamp, newest.int64(0));
        (void)newest.next();
    }
    if (head.rolledTo == 0 && hasSealed) {
        SqliteStatement &first = m_statements("SELECT min(start_ms) FROM ts_chunks WHERE "
                                              "series_id = ? AND resolution = 0");
        first.bind(1, qint64(seriesId));
        if (auto firstRow = first.next(); firstRow && firstRow.value())
            head.rolledTo = floorTo(first.int64(0), kHourMs);
        (void)first.next();
    } else if (head.rolledTo == 0 && openStart) {
        head.rolledTo = floorTo(*openStart, kHourMs);
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
    SqliteStatement select(m_db, "SELECT name FROM ts_series WHERE id = ?");
    for (auto it = m_rejectedSeries.cbegin(); it != m_rejectedSeries.cend(); ++it) {
        select.bind(1, qint64(it.key()));
        if (auto row = select.next(); row && row.value()) {
            named.insert(QString::fromUtf8(select.blob(0)), it.value());
            (void)select.next(); // to its end, which readies it for the next id
        }
    }
    m_rejectedSeries.clear();
    return named;
}

Result<void> SeriesWriter::replayJournal()
{
    if (m_replayed)
        return {};
    // Tried once: a journal that cannot be read must not stop every append
    // after it; what it held is reported lost instead.
    m_replayed = true;
    auto points = m_journal.replay();
    if (!points)
        return Error{ points.error() };
    // A series removed since (its history expired) takes its samples along.
    QSet<int> gone;
    for (const SeriesPoint &point : points.value())
        if (!gone.contains(point.seriesId) && !head(point.seriesId))
            gone.insert(point.seriesId);
    if (!gone.isEmpty())
        std::erase_if(points.value(),
                      [&gone](const SeriesPoint &p) { return gone.contains(p.seriesId); });
    // Samples the open chunks already hold are rejected as not newer.
    const qint64 rejected = m_rejected;
    const qint64 replaced = m_replaced;
    auto done = append(points.value());
    m_rejected = rejected;
    m_replaced = replaced;
    m_rejectedSeries.clear();
    return done;
}

Result<void> SeriesWriter::append(std::span<const SeriesPoint> points)
{
    if (auto replayed = replayJournal(); !replayed)
        return replayed;
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
                && h.open->lastTimestamp() == point.timeMs && h.open->valuesFit(&value)) {
                h.open->replaceLast(&value);
                h.openDirty = true;
                m_dirty.openChanged(point.seriesId);
                m_journal.add(point.seriesId, point.timeMs, value);
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
                || !h.open->fits(point.timeMs, &value))) {
            seal(point.seriesId, h);
        }
        if (!h.open || h.open->isEmpty()) {
            ChunkEncoder probe({ h.precision });
            h.open = std::make_unique<ChunkEncoder>(
                QList<qint8>{ probe.valuesFit(&value) ? h.precision : kExact });
            if (h.rolledTo == 0)
                h.rolledTo = floorTo(point.timeMs, kHourMs);
            if (floorTo(point.timeMs, kHourMs) > h.rolledTo)
                m_due.insert(point.seriesId);
        }
        h.open->append(point.timeMs, &value);
        h.lastTimestamp = point.timeMs;
        h.openDirty = true;
        m_dirty.openChanged(point.seriesId);
        m_journal.add(point.seriesId, point.timeMs, value);
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
        return writeFailure("reading the oldest chunk of a series", row.error());
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
                || !encoder->fits(point.timeMs, &value)))
            sealEncoder();
        if (!encoder) {
            ChunkEncoder probe({ h.precision });
            encoder = std::make_unique<ChunkEncoder>(
                QList<qint8>{ probe.valuesFit(&value) ? h.precision : kExact });
        }
        encoder->append(point.timeMs, &value);
        previous = point.timeMs;
        ++taken;
    }
    sealEncoder();
    if (chunks.isEmpty())
        return 0;

    QMutexLocker lock(&m_heads->mutex());
    h.unsaved.prepend(chunks);
    if (h.lastTimestamp == std::numeric_limits<qint64>::min())
        h.lastTimestamp = chunks.last().endMs;
    h.rolledTo = floorTo(chunks.first().startMs, kHourMs);
    if (const auto flight = m_inFlightIndex.constFind(seriesId); flight != m_inFlightIndex.cend())
        m_inFlight[*flight].unsavedWritten = 0;
    m_dirty.mustWrite(seriesId);
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
    m_dirty.mustWrite(seriesId);
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
    SqliteStatement &insert = m_statements(kInsertChunk);
    insert.bind(1, qint64(seriesId));
    insert.bind(2, qint64(kind));
    insert.bind(3, chunk.startMs);
    insert.bind(4, chunk.endMs);
    insert.bind(5, qint64(chunk.rows));
    insert.bindBlob(6, chunk.data);
    if (auto done = insert.execute(); !done)
        return writeFailure("writing a chunk", done.error());
    return {};
}

Result<void> SeriesWriter::writeDirty(bool everything)
{
    SqliteStatement &insert = m_statements(kInsertChunk);
    SqliteStatement &writeOpen = m_statements(kWriteOpen);
    SqliteStatement &removeOpen = m_statements("DELETE FROM ts_open WHERE series_id = ?");
    for (const SqliteStatement *statement : { &insert, &writeOpen, &removeOpen }) {
        if (!statement->isValid())
            return writeFailure("preparing the chunk writes", statement->error());
    }
    auto writeSealed = [&](int seriesId, const StoredChunk &chunk) -> Result<void> {
        insert.bind(1, qint64(seriesId));
        insert.bind(2, qint64(0));
        insert.bind(3, chunk.startMs);
        insert.bind(4, chunk.endMs);
        insert.bind(5, qint64(chunk.rows));
        insert.bindBlob(6, chunk.data);
        if (auto done = insert.execute(); !done)
            return writeFailure("writing a chunk", done.error());
        return {};
    };
    auto writeOpenChunk = [&](int seriesId, const ChunkEncoder &open) -> Result<void> {
        writeOpen.bind(1, qint64(seriesId));
        writeOpen.bind(2, open.firstTimestamp());
        writeOpen.bind(3, open.lastTimestamp());
        writeOpen.bind(4, qint64(open.count()));
        writeOpen.bindBlob(5, open.encode()); // reads what only this thread changes
        if (auto done = writeOpen.execute(); !done)
            return writeFailure("writing an open chunk", done.error());
        return {};
    };
    // In id order, so that the rows go into the B-trees in key order: hash
    // order sends each one to a random page, which thrashes SQLite's page
    // cache once thousands of series are dirty.
    const int slice = int(m_flushes % kSnapshotSlices);
    const QList<int> dirty = m_dirty.take(slice, everything);
    if (everything) // every dirty series will be in flight: sized once
        m_inFlight.reserve(m_inFlight.size() + dirty.size());
    // A failed write ends the flush (rolled back): whatever it had not
    // visited yet stays dirty, as what it had is by rolledBack().
    const auto keepFrom = [this, &dirty](qsizetype first) {
        for (qsizetype k = first; k < dirty.size(); ++k) {
            m_dirty.mustWrite(dirty[k]);
            if (const SeriesHeads::Head *h = m_heads->find(dirty[k]); h && h->openDirty)
                m_dirty.openChanged(dirty[k]);
        }
    };
    for (qsizetype k = 0; k < dirty.size(); ++k) {
        const int seriesId = dirty[k];
        SeriesHeads::Head *h = m_heads->find(seriesId);
        if (!h)
            continue;
        // Only a series this flush writes is in flight: most dirty series
        // only wait for their slice, and at 120,000 series an entry for each
        // was 7 MB a flush.
        const auto known = m_inFlightIndex.constFind(seriesId);
        const qsizetype written
            = known != m_inFlightIndex.cend() ? m_inFlight[*known].unsavedWritten : 0;
        const bool sealed = written < h->unsaved.size();
        const bool hasOpen = h->open && !h->open->isEmpty();
        const bool openChanged = h->openDirty && hasOpen;
        // Its samples are in the journal, and it is still dirty in its slice;
        // unless a chunk it sealed goes now, whose older snapshot in ts_open
        // must not outlive this flush.
        const bool openWaits
            = openChanged && !sealed && !everything && DirtyList::sliceOf(seriesId) != slice;
        if (!sealed && (!openChanged || openWaits))
            continue;
        InFlight &flight = inFlight(seriesId);
        for (qsizetype i = written; i < h->unsaved.size(); ++i) {
            if (auto done = writeSealed(seriesId, h->unsaved[i]); !done) {
                keepFrom(k);
                return done;
            }
        }
        flight.unsavedWritten = int(h->unsaved.size());
        if (openChanged && !openWaits) {
            if (auto done = writeOpenChunk(seriesId, *h->open); !done) {
                keepFrom(k);
                return done;
            }
            flight.openWritten = true;
            h->openDirty = false;
        } else if (sealed && !hasOpen) {
            removeOpen.bind(1, qint64(seriesId));
            if (auto done = removeOpen.execute(); !done) {
                keepFrom(k);
                return writeFailure("removing a sealed open chunk", done.error());
            }
        }
    }
    return {};
}

Result<void> SeriesWriter::flush(int compactionBudget, Snapshot snapshot)
{
    if (auto replayed = replayJournal(); !replayed)
        return replayed;
    const bool everything
        = snapshot == Snapshot::All || m_dirty.size() <= qsizetype(kSnapshotAllBelow);
    // Every sealed chunk is in the transaction before any compaction, which
    // may move an hour's raw chunks to a stand-in.
    if (auto done = writeDirty(everything); !done)
        return done;
    if (auto done = m_journal.write(everything, kSnapshotSlices); !done)
        return done;
    int budget = compactionBudget;
    QElapsedTimer slice;
    slice.start();
    for (auto it = m_due.begin(); it != m_due.end() && budget > 0; --budget) {
        if (budget < compactionBudget && slice.elapsed() >= m_compactionSliceMs)
            break;
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
    if (auto replayed = replayJournal(); !replayed)
        return replayed;
    if (auto done = writeDirty(true); !done)
        return done;
    if (auto done = m_journal.write(true, kSnapshotSlices); !done)
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
        h->unsaved.removeFirst(flight.unsavedWritten);
        if (flight.rolledTo)
            h->rolledTo = *flight.rolledTo;
    }
    m_inFlight.clear();
    m_inFlightIndex.clear();
    m_statements.resetAll();
    m_journal.committed();
    ++m_flushes;
}

void SeriesWriter::rolledBack()
{
    m_statements.resetAll();
    m_journal.rolledBack();
    // Nothing of the flush reached the file: everything it wrote is dirty
    // again, and compactions will be redone.
    for (const InFlight &flight : std::as_const(m_inFlight)) {
        SeriesHeads::Head *h = m_heads->find(flight.seriesId);
        if (!h)
            continue;
        if (flight.openWritten) {
            h->openDirty = true;
            m_dirty.openChanged(flight.seriesId);
        }
        m_dirty.mustWrite(flight.seriesId);
        if (flight.rolledTo)
            m_due.insert(flight.seriesId);
    }
    m_inFlight.clear();
    m_inFlightIndex.clear();
}

} // namespace Umbra::Series
