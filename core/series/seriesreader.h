#pragma once

#include "series/chartpoint.h"
#include "series/chunkcodec.h"
#include "series/resolution.h"
#include "series/seriesheads.h"
#include "util/result.h"

#include <QHash>
#include <QList>
#include <QSqlDatabase>
#include <functional>
#include <memory>

namespace Umbra::Series {

struct TimedValue
{
    qint64 timeMs = 0;
    double value = 0;
};

// Reads time series on whatever thread owns its connection. Sees samples the
// writer has appended but not yet committed, through the shared heads.
class SeriesReader
{
public:
    SeriesReader(QSqlDatabase db, std::shared_ptr<SeriesHeads> heads);

    // The id of a series, or 0 when there is none by that name.
    Result<int> seriesId(const QString &name);
    // Every series name with its id.
    Result<QHash<QString, int>> allSeries();

    // Streams the chunks of one resolution that overlap [fromMs, toMs] in the
    // order of their start, one decoded chunk at a time; rows outside the
    // range are included and left to the visitor. The visitor returns false
    // to stop. Raw samples standing in for the resolution come as chunks of
    // one-sample buckets at its bucket starts (raw reads get them as samples),
    // so a caller sees every hour whichever way it was kept.
    using ChunkVisitor = std::function<bool(const DecodedChunk &)>;
    Result<void> scan(int seriesId, Resolution resolution, qint64 fromMs, qint64 toMs,
                      const ChunkVisitor &visit);

    // Raw samples in [fromMs, toMs], NaN where the sample had no value.
    Result<QList<TimedValue>> samples(int seriesId, qint64 fromMs, qint64 toMs);

    // At most `widthPx` points covering [fromMs, toMs] from the coarsest
    // resolution whose buckets are no wider than a pixel; parts that
    // resolution no longer (or not yet) holds come from a coarser one or from
    // raw samples.
    Result<QList<ChartPoint>> chart(int seriesId, qint64 fromMs, qint64 toMs, int widthPx);

    // The newest raw sample time of a series, or 0.
    Result<qint64> latestTimestamp(int seriesId);

    // The resolution chart() reads for a range and width.
    static Resolution resolutionFor(qint64 fromMs, qint64 toMs, int widthPx);

    // Stored chunks that could not be decoded (a damaged file), left out of
    // every answer so far; an export reports them rather than look complete.
    qint64 damagedChunks() const { return m_damagedChunks; }

private:
    // scan() over the chunk kinds in the bit set `kinds` (bit n: kind n).
    Result<void> scanKinds(int seriesId, Resolution resolution, qint64 fromMs, qint64 toMs,
                           unsigned kinds, const ChunkVisitor &visit);

    QSqlDatabase m_db;
    std::shared_ptr<SeriesHeads> m_heads;
    QHash<QString, int> m_ids;
    qint64 m_damagedChunks = 0;
    // A file of schema 19 or older opened read-only keeps its open chunks
    // among the sealed ones, and has no ts_open.
    bool m_openTable = true;
};

} // namespace Umbra::Series
