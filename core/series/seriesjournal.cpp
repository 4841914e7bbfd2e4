#include "series/seriesjournal.h"

#include "series/serieswriter.h"
#include "series/sqlitestatement.h"
#include "series/writefailure.h"

#include <QtEndian>
#include <cstring>

namespace Umbra::Series {

namespace {

// One sample: series id (4 bytes), time in ms (8), value (8), little-endian.
constexpr qsizetype kSampleBytes = 20;

} // namespace

SeriesJournal::SeriesJournal(QSqlDatabase db)
    : m_db(std::move(db))
{
    SqliteStatement table(m_db,
                          "SELECT 1 FROM sqlite_master WHERE type = 'table' "
                          "AND name = 'ts_journal'");
    if (auto row = table.next(); row && row.value()) {
        m_available = true;
        (void)table.next();
    }
}

void SeriesJournal::add(int seriesId, qint64 timeMs, double value)
{
    if (!m_available)
        return;
    char sample[kSampleBytes];
    qToLittleEndian<qint32>(seriesId, sample);
    qToLittleEndian<qint64>(timeMs, sample + 4);
    quint64 bits = 0;
    std::memcpy(&bits, &value, sizeof bits);
    qToLittleEndian<quint64>(bits, sample + 12);
    m_pending.append(sample, kSampleBytes);
}

Result<std::vector<SeriesPoint>> SeriesJournal::replay()
{
    std::vector<SeriesPoint> points;
    if (!m_available)
        return points;
    SqliteStatement rows(m_db, "SELECT id, data FROM ts_journal ORDER BY id");
    while (true) {
        auto row = rows.next();
        if (!row)
            return writeFailure("reading the journal", row.error());
        if (!row.value())
            break;
        m_replayedThrough = std::max(m_replayedThrough, rows.int64(0));
        const QByteArray data = rows.blob(1);
        // A torn row cannot be committed; a short one is damage, read as far
        // as it goes.
        for (qsizetype at = 0; at + kSampleBytes <= data.size(); at += kSampleBytes) {
            const char *sample = data.constData() + at;
            const quint64 bits = qFromLittleEndian<quint64>(sample + 12);
            double value = 0;
            std::memcpy(&value, &bits, sizeof value);
            points.push_back({ qFromLittleEndian<qint32>(sample),
                               qFromLittleEndian<qint64>(sample + 4), value });
        }
    }
    return points;
}

Result<void> SeriesJournal::write(bool everything, int coveringFlushes)
{
    if (!m_available)
        return {};
    if (everything) {
        SqliteStatement clear(m_db, "DELETE FROM ts_journal");
        if (auto done = clear.execute(); !done)
            return writeFailure("clearing the journal", done.error());
        m_clearedInFlight = true;
        m_bytesInFlight = m_pending.size();
        return {};
    }
    if (!m_pending.isEmpty()) {
        SqliteStatement insert(m_db, "INSERT INTO ts_journal (data) VALUES (?)");
        insert.bindBlob(1, m_pending);
        if (auto done = insert.execute(); !done)
            return writeFailure("writing the journal", done.error());
        m_rowInFlight = SqliteStatement::lastInsertId(m_db);
        m_bytesInFlight = m_pending.size();
    }
    // Rows found at open were journalled again in this one.
    qint64 deleteThrough = m_rowInFlight ? m_replayedThrough : 0;
    if (qsizetype(m_rows.size()) >= coveringFlushes)
        deleteThrough = std::max(deleteThrough, m_rows[m_rows.size() - size_t(coveringFlushes)]);
    if (deleteThrough > 0) {
        SqliteStatement remove(m_db, "DELETE FROM ts_journal WHERE id <= ?");
        remove.bind(1, deleteThrough);
        if (auto done = remove.execute(); !done)
            return writeFailure("trimming the journal", done.error());
        m_deletedThroughInFlight = deleteThrough;
    }
    return {};
}

void SeriesJournal::committed()
{
    m_pending.remove(0, m_bytesInFlight);
    if (m_clearedInFlight) {
        m_rows.clear();
        m_replayedThrough = 0;
    }
    if (m_rowInFlight) {
        m_rows.push_back(*m_rowInFlight);
        m_replayedThrough = 0;
    }
    while (!m_rows.empty() && m_rows.front() <= m_deletedThroughInFlight)
        m_rows.pop_front();
    rolledBack(); // the in-flight marks, now that they are applied
}

void SeriesJournal::rolledBack()
{
    m_bytesInFlight = 0;
    m_rowInFlight.reset();
    m_deletedThroughInFlight = 0;
    m_clearedInFlight = false;
}

} // namespace Umbra::Series
