#include "series/chunkcodec.h"
#include "series/columncoding.h"

namespace Umbra::Series {

using namespace Coding;

QList<qint8> chunkPrecisions(const QByteArray &chunk)
{
    if (chunk.size() < 2 || quint8(chunk.at(0)) < kFormatSeparate || quint8(chunk.at(0)) > kFormat)
        return {};
    const int columns = quint8(chunk.at(1));
    if (columns < 1 || columns > ChunkEncoder::kMaxColumns || chunk.size() < 2 + columns)
        return {};
    QList<qint8> precisions;
    for (int c = 0; c < columns; ++c)
        precisions.append(qint8(chunk.at(2 + c)));
    return precisions;
}

bool decodeChunk(const QByteArray &chunk, DecodedChunk &out)
{
    out.timestamps.clear();
    out.values.clear();
    const QList<qint8> precisions = chunkPrecisions(chunk);
    if (precisions.isEmpty())
        return false;
    for (qint8 exponent : precisions)
        if (exponent != kExact && (exponent < -9 || exponent > 9))
            return false;
    const int columns = int(precisions.size());
    const int format = quint8(chunk.at(0));
    out.columns = columns;
    qsizetype position = 2 + columns;
    quint64 count = 0;
    // Every block of 16 rows costs at least 5 bits (4 for its timestamps
    // in format 3, 1 for presence), so a row count beyond that is a lie that
    // must not size the allocation below.
    if (!readVarint(chunk, position, count)
        || count > (quint64(chunk.size()) * 8 / 5 + 1) * ChunkEncoder::kBlockRows)
        return false;
    out.timestamps.resize(count);
    out.values.assign(count * size_t(columns), std::nan(""));

    BitReader in(chunk.constData() + position, chunk.size() - position);
    DecodeStreams streams;
    std::array<qint64, ChunkEncoder::kBlockRows> ints{};
    std::array<bool, ChunkEncoder::kBlockRows * ChunkEncoder::kMaxColumns> present{};
    for (quint64 row = 0; row < count; row += ChunkEncoder::kBlockRows) {
        const int n = int(std::min<quint64>(ChunkEncoder::kBlockRows, count - row));
        if (!readInts(in, streams.timestamps, out.timestamps.data() + row, n, format))
            return false;
        const bool allPresent = in.readBit();
        for (int c = 0; c < columns; ++c)
            for (int i = 0; i < n; ++i)
                present[size_t(c * ChunkEncoder::kBlockRows + i)] = allPresent || in.readBit();
        for (int c = 0; c < columns; ++c) {
            const bool *columnPresent = present.data() + c * ChunkEncoder::kBlockRows;
            if (format >= kFormatRepeats && c > 0 && in.readBit()) {
                // The values of the column before, which must be present in
                // exactly the same rows.
                const bool *previousPresent = columnPresent - ChunkEncoder::kBlockRows;
                int presentCount = 0;
                for (int i = 0; i < n; ++i) {
                    if (columnPresent[i] != previousPresent[i])
                        return false;
                    if (!columnPresent[i])
                        continue;
                    const size_t at = size_t((row + quint64(i)) * quint64(columns) + quint64(c));
                    const double value = out.values[at - 1];
                    out.values[at] = value;
                    if (precisions[c] == kExact)
                        advanceXor(streams.xors[size_t(c)], value);
                    else
                        ints[size_t(presentCount++)] = scaled(value, precisions[c]);
                }
                if (precisions[c] != kExact)
                    advanceInts(streams.ints[size_t(c)], ints.data(), presentCount);
                if (in.overrun())
                    return false;
                continue;
            }
            if (precisions[c] == kExact) {
                for (int i = 0; i < n; ++i) {
                    if (!columnPresent[i])
                        continue;
                    double value;
                    if (!readXor(in, streams.xors[size_t(c)], value))
                        return false;
                    out.values[(row + quint64(i)) * quint64(columns) + quint64(c)] = value;
                }
                continue;
            }
            int presentCount = 0;
            for (int i = 0; i < n; ++i)
                presentCount += columnPresent[i] ? 1 : 0;
            if (!readInts(in, streams.ints[size_t(c)], ints.data(), presentCount, format))
                return false;
            int next = 0;
            for (int i = 0; i < n; ++i)
                if (columnPresent[i])
                    out.values[(row + quint64(i)) * quint64(columns) + quint64(c)]
                        = unscaled(ints[size_t(next++)], precisions[c]);
        }
    }
    return !in.overrun();
}

} // namespace Umbra::Series
