#include "series/seriesheads.h"

#include <QMutexLocker>

namespace Umbra::Series {

SeriesHeads::Head *SeriesHeads::find(int seriesId)
{
    const auto found = m_heads.find(seriesId);
    return found == m_heads.end() ? nullptr : &found->second;
}

SeriesHeads::Head &SeriesHeads::insert(int seriesId)
{
    return m_heads[seriesId];
}

QList<StoredChunk> SeriesHeads::pending(int seriesId, qint64 fromMs, qint64 toMs)
{
    QMutexLocker lock(&m_mutex);
    QList<StoredChunk> chunks;
    const Head *head = find(seriesId);
    if (!head)
        return chunks;
    for (const StoredChunk &chunk : head->unsaved)
        if (chunk.endMs >= fromMs && chunk.startMs <= toMs)
            chunks.append(chunk); // in time order: prepended history goes in front
    if (head->open && !head->open->isEmpty() && head->open->lastTimestamp() >= fromMs
        && head->open->firstTimestamp() <= toMs)
        chunks.append(StoredChunk{ head->open->firstTimestamp(), head->open->lastTimestamp(),
                                   head->open->count(), head->open->encode() });
    return chunks;
}

std::optional<qint64> SeriesHeads::lastTimestamp(int seriesId)
{
    QMutexLocker lock(&m_mutex);
    const Head *head = find(seriesId);
    if (!head || head->lastTimestamp == std::numeric_limits<qint64>::min())
        return std::nullopt;
    return head->lastTimestamp;
}

qint64 SeriesHeads::approximateBytes()
{
    QMutexLocker lock(&m_mutex);
    qint64 bytes = 0;
    for (const auto &[id, head] : m_heads) {
        bytes += qint64(sizeof(Head)) + 32;
        if (head.open)
            bytes += qint64(sizeof(ChunkEncoder)) + head.open->encode().size()
                + ChunkEncoder::kBlockRows * 8 * (head.open->columns() - 1);
        for (const StoredChunk &chunk : head.unsaved)
            bytes += chunk.data.size() + qint64(sizeof(StoredChunk));
    }
    return bytes;
}

} // namespace Umbra::Series
