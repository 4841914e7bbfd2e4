#include "series/chunkcodec.h"

#include "series/columncoding.h"

namespace Umbra::Series {

using namespace Coding;

ChunkEncoder::ChunkEncoder(QList<qint8> precisions)
    : m_columns(quint8(precisions.size()))
{
    Q_ASSERT(!precisions.isEmpty() && precisions.size() <= kMaxColumns);
    std::copy(precisions.cbegin(), precisions.cend(), m_precisions.begin());
    m_state.more.resize(size_t(m_columns - 1));
    if (m_columns > 1)
        m_pendingMore = std::make_unique<double[]>(size_t(m_columns - 1) * kBlockRows);
}

bool ChunkEncoder::valuesFit(const double *values) const
{
    for (int c = 0; c < columns(); ++c) {
        const double v = values[c];
        const qint8 exponent = m_precisions[size_t(c)];
        if (exponent == kExact || std::isnan(v))
            continue;
        if (!std::isfinite(v))
            return false;
        const double x = exponent < 0 ? v * powerOfTen(exponent) : v / powerOfTen(exponent);
        if (std::fabs(x) >= kMaxScaled)
            return false;
    }
    return true;
}

void ChunkEncoder::append(qint64 timestampMs, const double *values)
{
    if (m_pending == kBlockRows) {
        encodeBlock(m_state);
        m_pending = 0;
    }
    if (m_count == 0)
        m_firstTimestamp = timestampMs;
    m_lastTimestamp = timestampMs;
    m_pendingOffsets[size_t(m_pending)] = quint32(timestampMs - m_firstTimestamp);
    for (int c = 0; c < columns(); ++c)
        pendingValue(c, m_pending) = values[c];
    ++m_pending;
    ++m_count;
}

void ChunkEncoder::replaceLast(const double *values)
{
    Q_ASSERT(m_pending > 0);
    for (int c = 0; c < columns(); ++c)
        pendingValue(c, m_pending - 1) = values[c];
}

void ChunkEncoder::encodeBlock(State &state) const
{
    const int n = m_pending;
    std::array<qint64, kBlockRows> times;
    for (int i = 0; i < n; ++i)
        times[size_t(i)] = m_firstTimestamp + qint64(m_pendingOffsets[size_t(i)]);
    writeInts(state.bits, state.timestamps, times.data(), n);

    bool allPresent = true;
    for (int c = 0; c < columns() && allPresent; ++c)
        for (int i = 0; i < n; ++i)
            allPresent = allPresent && !std::isnan(pendingColumn(c)[i]);
    state.bits.writeBit(allPresent);
    if (!allPresent) {
        for (int c = 0; c < columns(); ++c)
            for (int i = 0; i < n; ++i)
                state.bits.writeBit(!std::isnan(pendingColumn(c)[i]));
    }

    // What the decoder will read for the previous column, to recognise a
    // column that repeats it.
    std::array<double, kBlockRows> previousDecoded{};
    for (int c = 0; c < columns(); ++c) {
        const double *column = pendingColumn(c);
        const qint8 exponent = m_precisions[size_t(c)];
        std::array<qint64, kBlockRows> ints{};
        std::array<double, kBlockRows> decoded{};
        int present = 0;
        for (int i = 0; i < n; ++i) {
            if (std::isnan(column[i])) {
                decoded[size_t(i)] = column[i];
                continue;
            }
            if (exponent == kExact) {
                decoded[size_t(i)] = column[i];
            } else {
                ints[size_t(present)] = scaled(column[i], exponent);
                decoded[size_t(i)] = unscaled(ints[size_t(present)], exponent);
            }
            ++present;
        }
        if (c > 0) {
            // Same presence and the same decoded values, and for a scaled
            // column the integers the decoder derives from them are the ones
            // this column would have coded: then both sides advance alike.
            bool same = true;
            int k = 0;
            for (int i = 0; i < n && same; ++i) {
                const bool here = !std::isnan(column[i]);
                const bool before = !std::isnan(previousDecoded[size_t(i)]);
                if (here != before) {
                    same = false;
                } else if (here) {
                    same = doubleBits(decoded[size_t(i)]) == doubleBits(previousDecoded[size_t(i)])
                        && (exponent == kExact
                            || scaled(previousDecoded[size_t(i)], exponent) == ints[size_t(k)]);
                    ++k;
                }
            }
            state.bits.writeBit(same);
            if (same) {
                ColumnStream &stream = state.column(c);
                if (exponent == kExact) {
                    for (int i = 0; i < n; ++i)
                        if (!std::isnan(column[i]))
                            advanceXor(stream.xors, column[i]);
                } else {
                    advanceInts(stream.ints, ints.data(), present);
                }
                previousDecoded = decoded;
                continue;
            }
        }
        if (exponent == kExact) {
            for (int i = 0; i < n; ++i)
                if (!std::isnan(column[i]))
                    writeXor(state.bits, state.column(c).xors, column[i]);
        } else {
            writeInts(state.bits, state.column(c).ints, ints.data(), present);
        }
        previousDecoded = decoded;
    }
}

qsizetype ChunkEncoder::estimatedBytes() const
{
    const qsizetype header = 2 + columns() + 3;
    const qsizetype encoded = (m_state.bits.bitCount() + 7) / 8;
    const int encodedRows = m_count - m_pending;
    // Rows not yet in a block cost about what the encoded ones did; before
    // the first block, about a full-width value per column.
    const qsizetype perRow = encodedRows > 0 ? (encoded + encodedRows - 1) / encodedRows
                                             : qsizetype(columns() + 1) * 9;
    return header + encoded + qsizetype(m_pending) * perRow;
}

QByteArray ChunkEncoder::encode() const
{
    State state = m_state;
    if (m_pending > 0)
        encodeBlock(state);
    QByteArray out;
    out.reserve(8 + state.bits.bitCount() / 8 + 1);
    out.append(char(kFormat));
    out.append(char(columns()));
    for (int c = 0; c < columns(); ++c)
        out.append(char(m_precisions[size_t(c)]));
    appendVarint(out, quint64(m_count));
    out.append(state.bits.bytes());
    return out;
}

} // namespace Umbra::Series
