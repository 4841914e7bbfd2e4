#pragma once

#include "series/dirtyseries.h"
#include "series/resolution.h"
#include "series/retention.h"
#include "series/rollup.h"
#include "series/seriesheads.h"
#include "series/seriesjournal.h"
#include "series/statementcache.h"
#include "util/result.h"

#include <QHash>
#include <QSet>
#include <QSqlDatabase>
#include <QString>
#include <functional>
#include <memory>
#include <span>

namespace Umbra::Series {

struct SeriesPoint
{
    int seriesId = 0;
    qint64 timeMs = 0;
    double value = 0;
};

// The one writer of the time series in Umbra's database, used from the store
// thread. Samples go into per-series heads in memory (visible to readers at
// once); flush() writes sealed chunks (ts_chunks) and snapshots of changed
// open chunks (ts_open, one row per series) inside the caller's transaction,
// with the journal covering the snapshots not yet due, so after a crash at
// most the samples since the last commit are missing.
//
// Ordering rule: samples of a series must arrive in time order. A sample with
// the timestamp of the newest one replaces it (newest value wins) while that
// one is still in the open chunk; any other sample at or before the newest is
// dropped and counted in rejectedSamples().
//
// Rollups are built once an hour of raw samples is complete: its 1-minute,
// 5-minute and 1-hour buckets are computed from the raw samples (exact min,
// mean, max and p95) and appended to their own chunks. An hour whose buckets
// at a resolution hold at most one value each is not rolled up at that
// resolution or finer ones; its raw samples stand in for them instead (see
// resolution.h).
class SeriesWriter
{
public:
    SeriesWriter(QSqlDatabase db, std::shared_ptr<SeriesHeads> heads);

    // The id of a series, created with `precision` (a power of ten, or
    // kExact) if it does not exist. A changed precision applies to new chunks.
    // Asks the database each time: callers keep the ids they are given, and
    // a cache here would hold every series name a second time (14 MB at
    // 10,000 VMs).
    Result<int> seriesId(const QString &name, qint8 precision);

    Result<void> append(std::span<const SeriesPoint> points);

    // History older than everything the series holds (generated or imported
    // backfill) goes in front of it, as long as nothing of the series is
    // rolled up yet. Returns how many points it took; the rest are rejected.
    Result<int> prepend(int seriesId, std::span<const SeriesPoint> points);

    // How much of the changed open chunks a flush writes: a slice of them,
    // the rest being safe in the journal (seriesjournal.h), or all of them
    // (when closing, so that the file alone holds everything).
    enum class Snapshot { Slice, All };
    // A flush writes the open chunks of one series in this many, so a
    // journal row is covered after as many flushes...
    static constexpr int kSnapshotSlices = 60;
    // ...unless so few are changed that writing them all costs little.
    static constexpr int kSnapshotAllBelow = 256;

    // Writes what changed since the last flush and rolls up at most
    // `compactionBudget` series whose hours completed, for at most the
    // compaction slice; the rest wait for the next flush. Call inside a
    // transaction, then committed() or rolledBack().
    Result<void> flush(int compactionBudget = 5000, Snapshot snapshot = Snapshot::Slice);
    // A flush's transaction holds the database's write lock, and the plan
    // store, the journals and saved models wait for it (five seconds at
    // most, then SQLite gives up). At 10,000 VMs an hour completing made
    // 60,000 series due at once, and rolling up 5,000 of them in one flush
    // took seconds on a month-old store. At least one series is rolled up
    // per flush whatever the slice.
    void setCompactionSliceMs(int ms) { m_compactionSliceMs = ms; }
    static constexpr int kCompactionSliceMs = 200;
    void committed();
    void rolledBack();

    // Appends the journal's samples (what a crash left only there) over the
    // open chunks they were found with. Done once, by the first append or
    // flush at the latest; the store calls it at open so that readers in
    // this process see those samples at once.
    Result<void> replayJournal();

    // Rolls up every complete hour of every series now (after a bulk import).
    // Call inside a transaction, then committed() or rolledBack().
    Result<void> compactAll();
    int seriesDueForCompaction() const { return int(m_due.size()); }

    // Deletes up to `maxChunks` chunks past their resolution's retention and
    // returns how many it deleted. Raw chunks go only once rolled up; raw
    // samples standing in for a resolution stay as long as it (or as raw
    // samples, if that is longer). Call inside a short transaction of its
    // own, so writers wait at most one slice.
    Result<int> enforceRetention(const Retention &retention, int maxChunks = 2000);

    qint64 rejectedSamples() const { return m_rejected; }
    // Samples that replaced one at the same time (counted apart from those stored).
    qint64 replacedSamples() const { return m_replaced; }
    // Series that rejected samples since the last call: name → newest time
    // the series already holds, which the rejected samples did not pass.
    QHash<QString, qint64> takeRejectedSeries();
    // The newest sample time in the store, or 0.
    qint64 newestTimestamp() const { return m_newest; }

private:
    struct InFlight
    {
        int seriesId;
        int unsavedWritten;
        bool openWritten;
        std::optional<qint64> rolledTo;
    };

    Result<SeriesHeads::Head *> head(int seriesId);
    Result<SeriesHeads::Head> loadHead(int seriesId);
    void seal(int seriesId, SeriesHeads::Head &head);
    struct Rows
    {
        int columns = 1;
        std::vector<qint64> times;
        std::vector<double> values; // times.size() × columns
    };

    Result<void> writeDirty(bool everything);
    Result<void> compact(int seriesId, SeriesHeads::Head &head);
    // Appends rows after the newest chunk of a kind, continuing that chunk
    // when it is in the rows' window, has room, and ends at or after
    // `continueAfterMs` (nothing of the series lies between it and the rows).
    Result<void> appendRows(int seriesId, int kind, const ResolutionInfo &layout,
                            const std::function<QList<qint8>(const double *)> &precisionsFor,
                            const Rows &rows, qint64 continueAfterMs);
    bool chunkFull(const ChunkEncoder &encoder, int maxRows) const;
    Result<void> writeChunk(int seriesId, int kind, const StoredChunk &chunk);
    InFlight &inFlight(int seriesId);

    QSqlDatabase m_db;
    std::shared_ptr<SeriesHeads> m_heads;
    SeriesJournal m_journal;
    StatementCache m_statements; // goes before the connection's last copy
    bool m_replayed = false;
    quint64 m_flushes = 0; // committed
    using DirtyList = DirtySeries<kSnapshotSlices>;
    DirtyList m_dirty;
    QSet<int> m_due;
    QHash<int, qsizetype> m_inFlightIndex;
    QList<InFlight> m_inFlight;
    qint64 m_rejected = 0;
    qint64 m_replaced = 0;
    QHash<int, qint64> m_rejectedSeries; // id → newest time held
    qint64 m_newest = 0;
    int m_compactionSliceMs = kCompactionSliceMs;
    // Chunks are sealed before they outgrow what SQLite keeps in the B-tree
    // cell itself; a larger one would spill into a mostly empty overflow page.
    qsizetype m_chunkBytes = 960;
};

} // namespace Umbra::Series
