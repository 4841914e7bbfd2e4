#include "series/chunkcodec.h"

#include "series/columncoding.h"

#include <cmath>
#include <cstring>
#include <limits>
#include <numeric>

namespace Umbra::Series {

namespace {

using namespace ColumnCoding;

// Format 1: every column coded on its own. Format 2 (written now) adds, per
// block and for every column after the first, one bit "same values as the
// column before", which then replaces the column's values; and integer blocks
// that code only their non-zero residuals.
constexpr quint8 kFormatSeparate = 1;
constexpr quint8 kFormatRepeats = 2;
constexpr quint8 kFormat = 3;
constexpr double kMaxScaled = 4503599627370496.0; // 2^52

// Powers of ten as exact doubles for the supported exponents (-9..9).
double powerOfTen(int exponent)
{
    static const double table[] = { 1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9 };
    return table[exponent < 0 ? -exponent : exponent];
}

qint64 scaled(double value, qint8 exponent)
{
    // Dividing by an exact power of ten (rather than multiplying by 0.01)
    // gives the correctly rounded decimal back on decoding.
    const double x = exponent < 0 ? value * powerOfTen(exponent) : value / powerOfTen(exponent);
    return std::llround(x);
}

double unscaled(qint64 value, qint8 exponent)
{
    return exponent < 0 ? double(value) / powerOfTen(exponent)
                        : double(value) * powerOfTen(exponent);
}

struct DecodeStreams
{
    struct Int
    {
        bool started = false;
        bool hasDelta = false;
        qint64 previous = 0;
        qint64 previousDelta = 0;
        qint64 meanStep = 0;
        quint64 divisor = 1;
        int width = 0;
    };
    struct Xor
    {
        bool started = false;
        quint64 previous = 0;
        int leading = -1;
        int trailing = 0;
    };
    Int timestamps;
    std::array<Int, ChunkEncoder::kMaxColumns> ints;
    std::array<Xor, ChunkEncoder::kMaxColumns> xors;
};

} // namespace

ChunkEncoder::ChunkEncoder(QList<qint8> precisions)
    : m_precisions(std::move(precisions))
{
    Q_ASSERT(!m_precisions.isEmpty() && m_precisions.size() <= kMaxColumns);
    m_state.columns.resize(size_t(m_precisions.size()));
    m_pendingValues.resize(size_t(m_precisions.size()) * kBlockRows);
}

bool ChunkEncoder::fits(const double *values) const
{
    for (int c = 0; c < columns(); ++c) {
        const double v = values[c];
        const qint8 exponent = m_precisions[c];
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
    m_pendingTimes[size_t(m_pending)] = timestampMs;
    for (int c = 0; c < columns(); ++c)
        m_pendingValues[size_t(c * kBlockRows + m_pending)] = values[c];
    ++m_pending;
    ++m_count;
}

void ChunkEncoder::replaceLast(const double *values)
{
    Q_ASSERT(m_pending > 0);
    for (int c = 0; c < columns(); ++c)
        m_pendingValues[size_t(c * kBlockRows + m_pending - 1)] = values[c];
}

void ChunkEncoder::encodeBlock(State &state) const
{
    const int n = m_pending;
    writeInts(state.bits, state.timestamps, m_pendingTimes.data(), n);

    bool allPresent = true;
    for (int c = 0; c < columns() && allPresent; ++c)
        for (int i = 0; i < n; ++i)
            allPresent = allPresent && !std::isnan(m_pendingValues[size_t(c * kBlockRows + i)]);
    state.bits.writeBit(allPresent);
    if (!allPresent) {
        for (int c = 0; c < columns(); ++c)
            for (int i = 0; i < n; ++i)
                state.bits.writeBit(!std::isnan(m_pendingValues[size_t(c * kBlockRows + i)]));
    }

    // What the decoder will read for the previous column, to recognise a
    // column that repeats it.
    std::array<double, kBlockRows> previousDecoded{};
    for (int c = 0; c < columns(); ++c) {
        const double *column = m_pendingValues.data() + c * kBlockRows;
        const qint8 exponent = m_precisions[c];
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
                ColumnStream &stream = state.columns[size_t(c)];
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
                    writeXor(state.bits, state.columns[size_t(c)].xors, column[i]);
        } else {
            writeInts(state.bits, state.columns[size_t(c)].ints, ints.data(), present);
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
    for (qint8 exponent : m_precisions)
        out.append(char(exponent));
    appendVarint(out, quint64(m_count));
    out.append(state.bits.bytes());
    return out;
}

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
