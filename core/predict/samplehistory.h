#pragma once

#include <QtGlobal>
#include <algorithm>
#include <vector>

namespace Umbra::Predict {

// The retained samples of one series, one per regular slot (NaN for a gap),
// in a ring of fixed capacity: the oldest slot falls out as a new one
// arrives. Values are kept as float: seven significant digits are more than
// any host metric has, and a month at 5 minutes stays at 35 KB. The ring
// grows with what it holds, so a model of a VM met an hour ago costs an
// hour's samples, not a month's.
class SampleHistory
{
public:
    explicit SampleHistory(int capacity = 0)
        : m_capacity(std::max(capacity, 1))
    { }

    int capacity() const { return m_capacity; }
    int size() const { return m_size; }
    // Slot of the newest sample; -1 while empty.
    qint64 lastSlot() const { return m_lastSlot; }
    qint64 firstSlot() const { return m_lastSlot - m_size + 1; }

    void append(qint64 slot, float value)
    {
        const int stored = int(m_values.size());
        if (stored < m_capacity) {
            // Growing: the ring is the vector itself, newest last.
            if (m_values.size() == m_values.capacity())
                m_values.reserve(size_t(std::min(m_capacity, std::max(64, 2 * stored))));
            m_values.push_back(value);
            m_head = stored;
        } else {
            m_head = (m_head + 1) % m_capacity;
            m_values[size_t(m_head)] = value;
        }
        m_size = std::min(m_size + 1, m_capacity);
        m_lastSlot = slot;
    }
    // The sample of `slot`, which must lie in [firstSlot(), lastSlot()].
    float at(qint64 slot) const
    {
        const qint64 back = m_lastSlot - slot;
        const qint64 stored = qint64(m_values.size());
        return m_values[size_t((m_head - back + stored) % stored)];
    }
    std::vector<float> toVector() const
    {
        std::vector<float> out;
        out.reserve(size_t(m_size));
        for (qint64 slot = firstSlot(); slot <= m_lastSlot; ++slot)
            out.push_back(at(slot));
        return out;
    }
    // Rebuilds from a copy made by toVector().
    void assign(qint64 lastSlot, const std::vector<float> &values)
    {
        clear();
        const size_t skip
            = values.size() > size_t(m_capacity) ? values.size() - size_t(m_capacity) : 0;
        m_values.reserve(values.size() - skip);
        const qint64 first = lastSlot - qint64(values.size()) + 1;
        for (size_t i = skip; i < values.size(); ++i)
            append(first + qint64(i), values[i]);
        m_lastSlot = lastSlot;
    }
    void clear()
    {
        m_values.clear();
        m_head = -1;
        m_size = 0;
        m_lastSlot = -1;
    }
    // Bytes held, for accounting.
    size_t bytes() const { return m_values.capacity() * sizeof(float); }

private:
    std::vector<float> m_values;
    int m_capacity;
    int m_head = -1;
    int m_size = 0;
    qint64 m_lastSlot = -1;
};

} // namespace Umbra::Predict
