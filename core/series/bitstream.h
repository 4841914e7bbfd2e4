#pragma once

#include <QByteArray>
#include <QtGlobal>
#include <bit>
#include <cstdint>

namespace Umbra::Series {

// Appends bit fields most-significant bit first into a growing byte string.
// Chunks are a few hundred bytes, so a plain QByteArray is the buffer.
class BitWriter
{
public:
    void write(quint64 value, int bits)
    {
        // Callers never ask for more than 64 bits; a field wider than what is
        // left in the accumulator is written in two pieces.
        if (bits == 0)
            return;
        if (bits < 64)
            value &= (quint64(1) << bits) - 1;
        while (bits > 0) {
            const int room = 64 - m_used;
            const int take = bits < room ? bits : room;
            const quint64 part
                = take == 64 ? value : (value >> (bits - take)) & ((quint64(1) << take) - 1);
            m_accumulator = take == 64 ? part : (m_accumulator << take) | part;
            m_used += take;
            bits -= take;
            if (m_used == 64)
                spill();
        }
    }
    void writeBit(bool bit) { write(bit ? 1 : 0, 1); }

    // The bytes written so far, the last one padded with zero bits.
    QByteArray bytes() const
    {
        QByteArray out = m_bytes;
        quint64 rest = m_accumulator;
        int used = m_used;
        while (used > 0) {
            const int take = used < 8 ? used : 8;
            out.append(char((rest >> (used - take)) << (8 - take)));
            used -= take;
        }
        return out;
    }
    qsizetype bitCount() const { return m_bytes.size() * 8 + m_used; }

private:
    void spill()
    {
        for (int shift = 56; shift >= 0; shift -= 8)
            m_bytes.append(char(m_accumulator >> shift));
        m_accumulator = 0;
        m_used = 0;
    }

    QByteArray m_bytes;
    quint64 m_accumulator = 0;
    int m_used = 0;
};

// Reads what BitWriter wrote. Reading past the end yields zero bits and sets
// overrun(), so a truncated or corrupt chunk never reads out of bounds.
class BitReader
{
public:
    BitReader(const char *data, qsizetype size)
        : m_data(reinterpret_cast<const uchar *>(data))
        , m_size(size)
    { }

    quint64 read(int bits)
    {
        quint64 value = 0;
        while (bits > 0) {
            if (m_bitsLeft == 0 && !refill()) {
                m_overrun = true;
                // The missing bits read as zeros; a whole word of them is
                // zero, not a shift by 64 (undefined).
                return bits >= 64 ? 0 : value << bits;
            }
            const int take = bits < m_bitsLeft ? bits : m_bitsLeft;
            const quint64 part = (m_buffer >> (m_bitsLeft - take))
                & (take == 64 ? ~quint64(0) : ((quint64(1) << take) - 1));
            value = take == 64 ? part : (value << take) | part;
            m_bitsLeft -= take;
            bits -= take;
        }
        return value;
    }
    bool readBit() { return read(1) != 0; }
    bool overrun() const { return m_overrun; }

private:
    bool refill()
    {
        if (m_position >= m_size)
            return false;
        m_buffer = 0;
        int loaded = 0;
        while (loaded < 8 && m_position < m_size) {
            m_buffer = (m_buffer << 8) | m_data[m_position++];
            ++loaded;
        }
        m_bitsLeft = loaded * 8;
        return true;
    }

    const uchar *m_data;
    qsizetype m_size;
    qsizetype m_position = 0;
    quint64 m_buffer = 0;
    int m_bitsLeft = 0;
    bool m_overrun = false;
};

inline quint64 zigzag(qint64 value)
{
    return (quint64(value) << 1) ^ quint64(value >> 63);
}

inline qint64 unzigzag(quint64 value)
{
    return qint64(value >> 1) ^ -qint64(value & 1);
}

inline int bitWidth(quint64 value)
{
    return value == 0 ? 0 : 64 - std::countl_zero(value);
}

} // namespace Umbra::Series
