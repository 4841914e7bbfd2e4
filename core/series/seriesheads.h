#pragma once

#include "series/chunkcodec.h"

#include <QByteArray>
#include <QList>
#include <QMutex>
#include <algorithm>
#include <limits>
#include <memory>
#include <optional>
#include <unordered_map>

namespace Umbra::Series {

// A chunk as stored: one row of the ts_chunks table.
struct StoredChunk
{
    qint64 startMs = 0;
    qint64 endMs = 0;
    int rows = 0;
    QByteArray data;
};

// Chunks of a series sealed but not yet committed, oldest first. Nearly
// always none: a head holds a pointer, not a list header of its own.
class SealedChunks
{
public:
    qsizetype size() const { return m_chunks ? m_chunks->size() : 0; }
    bool isEmpty() const { return size() == 0; }
    const StoredChunk &operator[](qsizetype i) const { return m_chunks->at(i); }
    const StoredChunk &first() const { return m_chunks->first(); }
    const StoredChunk *begin() const { return m_chunks ? m_chunks->constData() : nullptr; }
    const StoredChunk *end() const { return begin() + size(); }

    void append(StoredChunk chunk) { chunks().append(std::move(chunk)); }
    // Older chunks, found in the database, go before the ones held.
    void prepend(const QList<StoredChunk> &older) { chunks() = older + chunks(); }
    // The committed ones go.
    void removeFirst(qsizetype count)
    {
        if (!m_chunks)
            return;
        m_chunks->remove(0, std::min(count, m_chunks->size()));
        if (m_chunks->isEmpty())
            m_chunks.reset();
    }

private:
    QList<StoredChunk> &chunks()
    {
        if (!m_chunks)
            m_chunks = std::make_unique<QList<StoredChunk>>();
        return *m_chunks;
    }

    std::unique_ptr<QList<StoredChunk>> m_chunks;
};

// The newest raw samples of every series, shared between the one writer and
// the readers. A sample is visible to readers as soon as it is appended,
// before it reaches the database; readers merge what is here with what they
// read from the file, preferring this copy of a chunk.
//
// Only the writer changes heads, always holding the mutex; readers hold it
// while they copy.
class SeriesHeads
{
public:
    // The narrow members last, together, to leave no padding between:
    // a console holds one head per series.
    struct Head
    {
        qint64 lastTimestamp = std::numeric_limits<qint64>::min();
        // Everything before this hour-aligned time is rolled up.
        qint64 rolledTo = 0;
        // The chunk being filled, and chunks sealed but not yet committed.
        std::unique_ptr<ChunkEncoder> open;
        SealedChunks unsaved;
        qint8 precision = kExact;
        bool openDirty = false;
    };

    QMutex &mutex() { return m_mutex; }
    // These two require the mutex (the writer's own reads of its heads do not).
    Head *find(int seriesId);
    Head &insert(int seriesId);

    // Raw chunks of a series that overlap [fromMs, toMs] and are not yet in the
    // database in their final form, oldest first. Takes the mutex.
    QList<StoredChunk> pending(int seriesId, qint64 fromMs, qint64 toMs);
    // The newest sample time of a series whose head is loaded. Takes the mutex.
    std::optional<qint64> lastTimestamp(int seriesId);

    // Memory held by heads, for benchmarks. Takes the mutex.
    qint64 approximateBytes();

private:
    QMutex m_mutex;
    std::unordered_map<int, Head> m_heads;
};

} // namespace Umbra::Series
