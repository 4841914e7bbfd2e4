#include "series/chunkcodec.h"

#include <cmath>
#include <cstring>

namespace Umbra::Series {

namespace {

constexpr quint8 kFormat = 1;
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

quint64 doubleBits(double value)
{
    quint64 bits;
    std::memcpy(&bits, &value, sizeof bits);
    return bits;
}

double bitsDouble(quint64 bits)
{
    double value;
    std::memcpy(&value, &bits, sizeof value);
    return value;
}

template<typename Stream>
void writeInts(BitWriter &out, Stream &stream, const qint64 *values, int n)
{
    // The first value and the first delta each carry their own width, so
    // neither a large absolute value nor the initial step widens a block.
    int first = 0;
    auto writeOwnWidth = [&out](qint64 value) {
        const quint64 z = zigzag(value);
        const int width = bitWidth(z);
        out.write(quint64(width), 7);
        out.write(z, width);
    };
    if (first < n && !stream.started) {
        writeOwnWidth(values[first]);
        stream.started = true;
        stream.previous = values[first];
        ++first;
    }
    if (first < n && !stream.hasDelta) {
        const qint64 delta = values[first] - stream.previous;
        writeOwnWidth(delta);
        stream.hasDelta = true;
        stream.previous = values[first];
        stream.previousDelta = delta;
        ++first;
    }
    if (first == n)
        return;
    quint64 deltaBits = 0;
    quint64 deltaDeltaBits = 0;
    qint64 previous = stream.previous;
    qint64 previousDelta = stream.previousDelta;
    for (int i = first; i < n; ++i) {
        const qint64 delta = values[i] - previous;
        deltaBits |= zigzag(delta);
        deltaDeltaBits |= zigzag(delta - previousDelta);
        previous = values[i];
        previousDelta = delta;
    }
    const bool deltaOfDelta = bitWidth(deltaDeltaBits) < bitWidth(deltaBits);
    const int width = bitWidth(deltaOfDelta ? deltaDeltaBits : deltaBits);
    out.writeBit(deltaOfDelta);
    out.write(quint64(width), 7);
    for (int i = first; i < n; ++i) {
        const qint64 delta = values[i] - stream.previous;
        out.write(zigzag(deltaOfDelta ? delta - stream.previousDelta : delta), width);
        stream.previous = values[i];
        stream.previousDelta = delta;
    }
}

template<typename Stream> bool readInts(BitReader &in, Stream &stream, qint64 *values, int n)
{
    int first = 0;
    auto readOwnWidth = [&in](qint64 &value) {
        const int width = int(in.read(7));
        if (width > 64)
            return false;
        value = unzigzag(in.read(width));
        return true;
    };
    if (first < n && !stream.started) {
        if (!readOwnWidth(values[first]))
            return false;
        stream.started = true;
        stream.previous = values[first];
        ++first;
    }
    if (first < n && !stream.hasDelta) {
        qint64 delta = 0;
        if (!readOwnWidth(delta))
            return false;
        values[first] = stream.previous + delta;
        stream.hasDelta = true;
        stream.previous = values[first];
        stream.previousDelta = delta;
        ++first;
    }
    if (first == n)
        return !in.overrun();
    const bool deltaOfDelta = in.readBit();
    const int width = int(in.read(7));
    if (width > 64)
        return false;
    for (int i = first; i < n; ++i) {
        const qint64 residual = unzigzag(in.read(width));
        const qint64 delta = deltaOfDelta ? stream.previousDelta + residual : residual;
        values[i] = stream.previous + delta;
        stream.previous = values[i];
        stream.previousDelta = delta;
    }
    return !in.overrun();
}

// Gorilla: '0' repeats the previous value; '10' reuses the previous window of
// meaningful bits; '11' + 6-bit leading zeros + 6-bit length - 1 opens a new one.
template<typename Stream> void writeXor(BitWriter &out, Stream &stream, double value)
{
    const quint64 bits = doubleBits(value);
    if (!stream.started) {
        out.write(bits, 64);
        stream.started = true;
        stream.previous = bits;
        return;
    }
    const quint64 x = bits ^ stream.previous;
    stream.previous = bits;
    if (x == 0) {
        out.writeBit(false);
        return;
    }
    out.writeBit(true);
    const int leading = std::min(std::countl_zero(x), 63);
    const int trailing = std::countr_zero(x);
    if (stream.leading >= 0 && leading >= stream.leading && trailing >= stream.trailing) {
        out.writeBit(false);
        out.write(x >> stream.trailing, 64 - stream.leading - stream.trailing);
        return;
    }
    out.writeBit(true);
    const int length = 64 - leading - trailing;
    out.write(quint64(leading), 6);
    out.write(quint64(length - 1), 6);
    out.write(x >> trailing, length);
    stream.leading = leading;
    stream.trailing = trailing;
}

template<typename Stream> bool readXor(BitReader &in, Stream &stream, double &value)
{
    if (!stream.started) {
        stream.previous = in.read(64);
        stream.started = true;
        value = bitsDouble(stream.previous);
        return !in.overrun();
    }
    if (in.readBit()) {
        if (in.readBit()) {
            stream.leading = int(in.read(6));
            const int length = int(in.read(6)) + 1;
            stream.trailing = 64 - stream.leading - length;
            if (stream.trailing < 0)
                return false;
        } else if (stream.leading < 0) {
            return false;
        }
        const int length = 64 - stream.leading - stream.trailing;
        stream.previous ^= in.read(length) << stream.trailing;
    }
    value = bitsDouble(stream.previous);
    return !in.overrun();
}

void appendVarint(QByteArray &out, quint64 value)
{
    while (value >= 0x80) {
        out.append(char(value | 0x80));
        value >>= 7;
    }
    out.append(char(value));
}

bool readVarint(const QByteArray &in, qsizetype &position, quint64 &value)
{
    value = 0;
    for (int shift = 0; shift < 64 && position < in.size(); shift += 7) {
        const uchar byte = uchar(in.at(position++));
        value |= quint64(byte & 0x7f) << shift;
        if (!(byte & 0x80))
            return true;
    }
    return false;
}

struct DecodeStreams
{
    struct Int
    {
        bool started = false;
        bool hasDelta = false;
        qint64 previous = 0;
        qint64 previousDelta = 0;
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

    for (int c = 0; c < columns(); ++c) {
        const double *column = m_pendingValues.data() + c * kBlockRows;
        const qint8 exponent = m_precisions[c];
        if (exponent == kExact) {
            for (int i = 0; i < n; ++i)
                if (!std::isnan(column[i]))
                    writeXor(state.bits, state.columns[size_t(c)].xors, column[i]);
            continue;
        }
        std::array<qint64, kBlockRows> ints{};
        int present = 0;
        for (int i = 0; i < n; ++i)
            if (!std::isnan(column[i]))
                ints[size_t(present++)] = scaled(column[i], exponent);
        writeInts(state.bits, state.columns[size_t(c)].ints, ints.data(), present);
    }
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
    if (chunk.size() < 2 || quint8(chunk.at(0)) != kFormat)
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
    out.columns = columns;
    qsizetype position = 2 + columns;
    quint64 count = 0;
    // A chunk never holds more rows than it has bits.
    if (!readVarint(chunk, position, count) || count > quint64(chunk.size()) * 8)
        return false;
    out.timestamps.resize(count);
    out.values.assign(count * size_t(columns), std::nan(""));

    BitReader in(chunk.constData() + position, chunk.size() - position);
    DecodeStreams streams;
    std::array<qint64, ChunkEncoder::kBlockRows> ints{};
    std::array<bool, ChunkEncoder::kBlockRows * ChunkEncoder::kMaxColumns> present{};
    for (quint64 row = 0; row < count; row += ChunkEncoder::kBlockRows) {
        const int n = int(std::min<quint64>(ChunkEncoder::kBlockRows, count - row));
        if (!readInts(in, streams.timestamps, out.timestamps.data() + row, n))
            return false;
        const bool allPresent = in.readBit();
        for (int c = 0; c < columns; ++c)
            for (int i = 0; i < n; ++i)
                present[size_t(c * ChunkEncoder::kBlockRows + i)] = allPresent || in.readBit();
        for (int c = 0; c < columns; ++c) {
            const bool *columnPresent = present.data() + c * ChunkEncoder::kBlockRows;
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
            if (!readInts(in, streams.ints[size_t(c)], ints.data(), presentCount))
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
