#pragma once

#include "series/bitstream.h"

#include <QByteArray>
#include <QList>
#include <array>
#include <memory>
#include <vector>

namespace Umbra::Series {

// A column's precision as a power of ten: -2 keeps values to 0.01, 0 to whole
// units. kExact stores the IEEE double bit for bit (Gorilla XOR coding).
inline constexpr qint8 kExact = -128;

// Rows (a timestamp and one value per column) in time order, encoded in
// blocks of 16 rows so that an encoder can keep appending to a chunk that is
// already readable.
//
// A chunk is a header followed by one bit stream:
//   u8 format (3; 1 and 2 are still read) · u8 column count K · K × i8
//   precision exponent · varint row count
//   blocks of up to 16 rows, each:
//     timestamps   integer block (below)
//     presence     1 bit "every value present", else one bit per row and column
//     per column   format 2 on, every column after the first: 1 bit "the same
//                  values as the column before" (same presence, same decoded
//                  values), which then stands for the column's values; else
//                  its present values: an integer block of the values scaled
//                  to the column's precision, or Gorilla XOR for exact columns
//   integer block: the stream's first value and first delta each as 7-bit
//                  width + zigzag bits; then (format 2 on) 1 bit "sparse" ·
//                  the prediction: 1 bit "delta of delta" else delta, and
//                  (format 3 on) after "delta" 1 bit "mean step of the block
//                  before" · (format 3 on) 1 bit "new divisor", then the
//                  divisor as 7-bit width + bits · the width: 7 bits, or
//                  (format 3 on) 1 bit "as the block before" else 7 bits ·
//                  each residual divided by the stream's divisor (1 until a
//                  block sets one) and zigzag-coded at that width, in a
//                  sparse block only the non-zero ones, each row behind a
//                  1-bit "not zero" flag. The encoder picks the cheapest way
//                  per block.
// A regular interval costs 4 bits per block for timestamps; a constant value
// the same; an interval that slips once in a block 16 bits more than the slip;
// a monotonic counter pays only for the jitter of its rate, in its own unit
// (a CPU time that advances in 10 ms ticks pays for ticks, not nanoseconds);
// a rollup bucket whose min, mean, max and p95 are one value costs its count,
// that value and three bits.
class ChunkEncoder
{
public:
    static constexpr int kBlockRows = 16;
    static constexpr int kMaxColumns = 5;
    static constexpr quint64 kMaxOffsetMs = 0xffffffffu;

    explicit ChunkEncoder(QList<qint8> precisions = { kExact });

    int columns() const { return m_columns; }
    int count() const { return m_count; }
    bool isEmpty() const { return m_count == 0; }
    qint64 firstTimestamp() const { return m_firstTimestamp; }
    qint64 lastTimestamp() const { return m_lastTimestamp; }

    // Whether every value fits its column: a scaled column holds finite values
    // whose scaled magnitude stays below 2^52. NaN (no value) always fits.
    bool valuesFit(const double *values) const;
    // Whether a row can be appended: its values fit, and it lies within 49
    // days of the chunk's first row (pending rows keep 32-bit offsets).
    bool fits(qint64 timestampMs, const double *values) const
    {
        return (m_count == 0 || quint64(timestampMs) - quint64(m_firstTimestamp) <= kMaxOffsetMs)
            && valuesFit(values);
    }

    // Timestamps must increase; the caller enforces that (see SeriesWriter).
    void append(qint64 timestampMs, const double *values);
    // The newest row, which always stays unencoded until the next append,
    // takes new values.
    void replaceLast(const double *values);

    // The chunk as it stands; the encoder can go on appending.
    QByteArray encode() const;
    // About the size encode() would return (exact for the encoded blocks, an
    // estimate for the rows not yet in one), without encoding.
    qsizetype estimatedBytes() const;

private:
    // The streams' members are ordered widest first, to leave no padding
    // inside them: a console keeps one encoder per series in memory.
    struct IntStream
    {
        qint64 previous = 0;
        qint64 previousDelta = 0;
        qint64 meanStep = 0; // of the last block coded
        quint64 divisor = 1; // of the residuals, as the last block set it
        int width = 0; // of the last block's residuals
        bool started = false;
        bool hasDelta = false;
    };
    struct XorStream
    {
        quint64 previous = 0;
        qint8 leading = -1; // 0..63 once started
        qint8 trailing = 0;
        bool started = false;
    };
    struct ColumnStream
    {
        IntStream ints;
        XorStream xors;
    };
    // The first column's streams are held inline: nearly every series a
    // console keeps open has one column, and a list of its own would cost
    // an allocation and a header per series.
    struct State
    {
        BitWriter bits;
        IntStream timestamps;
        ColumnStream first;
        std::vector<ColumnStream> more; // the columns after the first

        ColumnStream &column(int c) { return c == 0 ? first : more[size_t(c - 1)]; }
    };

    void encodeBlock(State &state) const;
    const double *pendingColumn(int c) const
    {
        return c == 0 ? m_pendingFirst.data() : m_pendingMore.get() + (c - 1) * kBlockRows;
    }
    double &pendingValue(int c, int row)
    {
        return c == 0 ? m_pendingFirst[size_t(row)]
                      : m_pendingMore[size_t((c - 1) * kBlockRows + row)];
    }

    State m_state;
    qint64 m_firstTimestamp = 0;
    qint64 m_lastTimestamp = 0;
    // Rows not yet encoded: at most one block, the first column inline and
    // the others column-major. Times are kept as milliseconds after the
    // chunk's first, which fits() bounds.
    std::array<quint32, kBlockRows> m_pendingOffsets{};
    std::array<double, kBlockRows> m_pendingFirst{};
    std::unique_ptr<double[]> m_pendingMore; // none for one column
    int m_count = 0;
    int m_pending = 0;
    // Held inline, not in a list of their own: a list's header and block
    // would cost more than the five bytes.
    std::array<qint8, kMaxColumns> m_precisions{};
    quint8 m_columns = 0;
};

// A decoded chunk: row-major values, NaN where a row has no value.
struct DecodedChunk
{
    int columns = 0;
    std::vector<qint64> timestamps;
    std::vector<double> values; // timestamps.size() × columns

    double value(qsizetype row, int column) const { return values[size_t(row * columns + column)]; }
};

// Decodes a whole chunk. Returns false for a truncated or malformed chunk.
bool decodeChunk(const QByteArray &chunk, DecodedChunk &out);

// The precision exponents a chunk was written with (empty if malformed).
QList<qint8> chunkPrecisions(const QByteArray &chunk);

} // namespace Umbra::Series
