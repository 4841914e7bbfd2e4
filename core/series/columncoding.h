#pragma once

// How a chunk codes one column, block by block: integers as the residuals of
// a prediction, doubles with Gorilla's XOR of the previous value, and the
// varints of the chunk header. Only the chunk codec (chunkcodec.cpp) uses it;
// the format is described there and in docs/timeseries.md.
#include "series/bitstream.h"
#include "series/chunkcodec.h"

#include <QByteArray>
#include <algorithm>
#include <array>
#include <cstring>
#include <limits>
#include <numeric>

namespace Umbra::Series::ColumnCoding {

inline quint64 doubleBits(double value)
{
    quint64 bits;
    std::memcpy(&bits, &value, sizeof bits);
    return bits;
}

inline double bitsDouble(quint64 bits)
{
    double value;
    std::memcpy(&value, &bits, sizeof value);
    return value;
}

// Residuals of one prediction over a block: how wide they are and how many
// are not zero, coded as they are or divided by a common factor.
struct Residuals
{
    std::array<qint64, ChunkEncoder::kBlockRows> values{};
    int count = 0;
    int nonZero = 0;
    quint64 divisor = 0; // the greatest common divisor of them all, 0 when every one is 0

    void add(qint64 r)
    {
        values[size_t(count++)] = r;
        nonZero += r != 0 ? 1 : 0;
        divisor = std::gcd(divisor, r < 0 ? 0 - quint64(r) : quint64(r));
    }
    int width(quint64 by) const
    {
        quint64 bits = 0;
        for (int i = 0; i < count; ++i)
            bits |= zigzag(values[size_t(i)] / qint64(by));
        return bitWidth(bits);
    }
    bool divisibleBy(quint64 by) const { return divisor % by == 0; }
};

// How a block predicts each value: as the previous one plus the previous
// step (delta of delta), plus nothing (delta), or (format 3 on) plus the
// mean step of the block before, which halves the noise a jittering counter
// pays compared with the previous step alone.
enum class Prediction { DeltaOfDelta, Delta, MeanStep };

// The mean step of a block just coded (`count` values from `base`), in
// whole multiples of the stream's divisor so that residuals stay divisible.
template<typename Stream> void noteMeanStep(Stream &stream, qint64 base, int count)
{
    if (count <= 0)
        return;
    const qint64 step = qint64(quint64(stream.previous) - quint64(base)) / count;
    const qint64 divisor = qint64(std::min<quint64>(stream.divisor, quint64(1) << 62));
    stream.meanStep = divisor > 1 ? step / divisor * divisor : step;
}

// Writes the current format (readInts also reads the older ones). A block may
// code only its non-zero residuals, each behind a one-bit flag; residuals may
// be divided by a factor common to them all, kept from block to block, which
// is how counters with a unit of their own cost what their steps are worth
// (CPU time in 10 ms ticks, bytes in 64 KiB requests) and no more; and a width
// repeating the block before costs one bit.
template<typename Stream>
void writeInts(BitWriter &out, Stream &stream, const qint64 *values, int n)
{
    // The first value and the first delta each carry their own width, so
    // neither a large absolute value nor the initial step widens a block.
    int first = 0;
    auto writeOwnWidth = [&out](quint64 z) {
        const int width = bitWidth(z);
        out.write(quint64(width), 7);
        out.write(z, width);
    };
    if (first < n && !stream.started) {
        writeOwnWidth(zigzag(values[first]));
        stream.started = true;
        stream.previous = values[first];
        ++first;
    }
    if (first < n && !stream.hasDelta) {
        const qint64 delta = values[first] - stream.previous;
        writeOwnWidth(zigzag(delta));
        stream.hasDelta = true;
        stream.previous = values[first];
        stream.previousDelta = delta;
        stream.meanStep = delta;
        ++first;
    }
    if (first == n)
        return;
    std::array<Residuals, 3> residuals;
    const qint64 base = stream.previous;
    qint64 previous = stream.previous;
    qint64 previousDelta = stream.previousDelta;
    for (int i = first; i < n; ++i) {
        const qint64 delta = values[i] - previous;
        residuals[size_t(Prediction::DeltaOfDelta)].add(delta - previousDelta);
        residuals[size_t(Prediction::Delta)].add(delta);
        residuals[size_t(Prediction::MeanStep)].add(delta - stream.meanStep);
        previous = values[i];
        previousDelta = delta;
    }
    const int count = n - first;

    // The cheapest of: each prediction, every residual or only the non-zero
    // ones, the divisor kept or changed, the width repeated or not.
    struct Choice
    {
        int bits = std::numeric_limits<int>::max();
        Prediction prediction = Prediction::DeltaOfDelta;
        bool sparse = false;
        quint64 divisor = 1;
        int width = 0;
    };
    Choice best;
    const quint64 kept = stream.divisor;
    for (const Prediction prediction :
         { Prediction::DeltaOfDelta, Prediction::Delta, Prediction::MeanStep }) {
        const Residuals &set = residuals[size_t(prediction)];
        const int predictionBits = prediction == Prediction::DeltaOfDelta ? 1 : 2;
        std::array<quint64, 2> divisors{ kept, 0 };
        if ((set.divisor > 1 || !set.divisibleBy(kept)) && set.divisor != kept)
            divisors[1] = set.divisor; // a new common factor, or 1 when the kept one fails
        for (const quint64 divisor : divisors) {
            if (divisor == 0 || (divisor == kept && !set.divisibleBy(kept)))
                continue;
            const int width = set.width(divisor);
            const int header = predictionBits + 1 + (divisor == kept ? 0 : 7 + bitWidth(divisor))
                + (width == stream.width ? 1 : 8);
            for (const bool sparse : { false, true }) {
                const int bits = header + (sparse ? count + set.nonZero * width : count * width);
                if (bits < best.bits)
                    best = { bits, prediction, sparse, divisor, width };
            }
        }
    }
    out.writeBit(best.sparse);
    out.writeBit(best.prediction == Prediction::DeltaOfDelta);
    if (best.prediction != Prediction::DeltaOfDelta)
        out.writeBit(best.prediction == Prediction::MeanStep);
    out.writeBit(best.divisor != kept);
    if (best.divisor != kept) {
        writeOwnWidth(best.divisor);
        stream.divisor = best.divisor;
    }
    out.writeBit(best.width == stream.width);
    if (best.width != stream.width)
        out.write(quint64(best.width), 7);
    stream.width = best.width;
    const Residuals &chosen = residuals[size_t(best.prediction)];
    for (int i = 0; i < count; ++i) {
        const quint64 residual = zigzag(chosen.values[size_t(i)] / qint64(best.divisor));
        if (best.sparse)
            out.writeBit(residual != 0);
        if (!best.sparse || residual != 0)
            out.write(residual, best.width);
    }
    stream.previous = previous;
    stream.previousDelta = previousDelta;
    noteMeanStep(stream, base, count);
}

template<typename Stream>
bool readInts(BitReader &in, Stream &stream, qint64 *values, int n, int format)
{
    int first = 0;
    auto readOwnWidth = [&in](quint64 &value) {
        const int width = int(in.read(7));
        if (width > 64)
            return false;
        value = in.read(width);
        return true;
    };
    if (first < n && !stream.started) {
        quint64 z = 0;
        if (!readOwnWidth(z))
            return false;
        values[first] = unzigzag(z);
        stream.started = true;
        stream.previous = values[first];
        ++first;
    }
    if (first < n && !stream.hasDelta) {
        quint64 z = 0;
        if (!readOwnWidth(z))
            return false;
        const qint64 delta = unzigzag(z);
        values[first] = qint64(quint64(stream.previous) + quint64(delta));
        stream.hasDelta = true;
        stream.previous = values[first];
        stream.previousDelta = delta;
        stream.meanStep = delta;
        ++first;
    }
    if (first == n)
        return !in.overrun();
    const bool sparse = format >= 2 && in.readBit();
    Prediction prediction = in.readBit() ? Prediction::DeltaOfDelta : Prediction::Delta;
    if (format >= 3 && prediction == Prediction::Delta && in.readBit())
        prediction = Prediction::MeanStep;
    int width = 0;
    if (format >= 3) {
        if (in.readBit()) {
            quint64 divisor = 0;
            if (!readOwnWidth(divisor) || divisor == 0 || divisor > quint64(1) << 62)
                return false;
            stream.divisor = divisor;
        }
        width = in.readBit() ? stream.width : int(in.read(7));
        stream.width = width;
    } else {
        width = int(in.read(7));
    }
    if (width > 64)
        return false;
    // Wrapping arithmetic: corrupt input must not overflow.
    const quint64 divisor = format >= 3 ? stream.divisor : 1;
    const qint64 base = stream.previous;
    for (int i = first; i < n; ++i) {
        const quint64 residual
            = sparse && !in.readBit() ? 0 : quint64(unzigzag(in.read(width))) * divisor;
        quint64 delta = residual;
        if (prediction == Prediction::DeltaOfDelta)
            delta += quint64(stream.previousDelta);
        else if (prediction == Prediction::MeanStep)
            delta += quint64(stream.meanStep);
        values[i] = qint64(quint64(stream.previous) + delta);
        stream.previous = values[i];
        stream.previousDelta = qint64(delta);
    }
    noteMeanStep(stream, base, n - first);
    return !in.overrun();
}

// Moves an integer stream past values it did not code (a column that repeats
// the one before it), exactly as writeInts and readInts would have. The
// arithmetic wraps instead of overflowing on corrupt input.
template<typename Stream> void advanceInts(Stream &stream, const qint64 *values, int n)
{
    qint64 base = 0;
    int stepped = 0;
    for (int i = 0; i < n; ++i) {
        if (!stream.started) {
            stream.started = true;
            stream.previous = values[i];
            continue;
        }
        const qint64 delta = qint64(quint64(values[i]) - quint64(stream.previous));
        if (!stream.hasDelta) {
            stream.hasDelta = true;
            stream.meanStep = delta;
        } else if (stepped++ == 0) {
            base = stream.previous;
        }
        stream.previousDelta = delta;
        stream.previous = values[i];
    }
    noteMeanStep(stream, base, stepped);
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

template<typename Stream> void advanceXor(Stream &stream, double value)
{
    stream.started = true;
    stream.previous = doubleBits(value);
}

inline void appendVarint(QByteArray &out, quint64 value)
{
    while (value >= 0x80) {
        out.append(char(value | 0x80));
        value >>= 7;
    }
    out.append(char(value));
}

inline bool readVarint(const QByteArray &in, qsizetype &position, quint64 &value)
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

} // namespace Umbra::Series::ColumnCoding
