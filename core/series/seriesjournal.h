#pragma once

#include "util/result.h"

#include <QByteArray>
#include <QSqlDatabase>
#include <deque>
#include <optional>
#include <vector>

namespace Umbra::Series {

struct SeriesPoint;

// What keeps a flush cheap and still safe against a crash. Rewriting every
// changed open chunk at every flush touched one B-tree page per series:
// at 500 VMs sampled every second, 8,000 pages (130 MB) of write-ahead log a
// second for 6,000 samples. Instead, each flush appends the samples that
// arrived since the last one as a single row of ts_journal (20 bytes a
// sample), and writes only a slice of the changed open chunks; a row goes
// once every series it holds has had its open chunk written since. After a
// crash, the writer replays the rows over the open chunks it finds.
//
// Used by the series writer on the store thread, inside its transactions.
class SeriesJournal
{
public:
    explicit SeriesJournal(QSqlDatabase db);

    // Whether the database has the table (a schema before version 19, while
    // it is being upgraded, has none; nothing is journalled then).
    bool available() const { return m_available; }

    void add(int seriesId, qint64 timeMs, double value);

    // Every sample the table holds, in the order they arrived. The rows are
    // deleted by the next write that commits, which journals the samples
    // again (the writer appends them anew).
    Result<std::vector<SeriesPoint>> replay();

    // Inside the flush's transaction. `everything`: every open chunk is being
    // written, so no row is needed any more. Otherwise writes the samples
    // added since the last commit as one row and deletes the rows written
    // `coveringFlushes` or more committed flushes ago.
    Result<void> write(bool everything, int coveringFlushes);
    void committed();
    void rolledBack();

private:
    QSqlDatabase m_db;
    bool m_available = false;
    QByteArray m_pending;
    std::deque<qint64> m_rows; // ids of committed rows, oldest first
    qint64 m_replayedThrough = 0; // rows found at open; gone with the first write
    // The write under way, until committed() or rolledBack().
    qsizetype m_bytesInFlight = 0;
    std::optional<qint64> m_rowInFlight;
    qint64 m_deletedThroughInFlight = 0;
    bool m_clearedInFlight = false;
};

} // namespace Umbra::Series
