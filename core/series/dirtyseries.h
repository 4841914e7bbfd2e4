#pragma once

#include <QList>
#include <QSet>
#include <algorithm>
#include <array>

namespace Umbra::Series {

// The series a flush has to visit, kept by why. Every flush writes the new
// sealed chunks of every series, but the open chunks of one slice only (the
// journal holds the rest's samples until their slice's turn). At 120,000
// series, all of them dirty, walking every one at each flush to find one
// slice's was a quarter of the store writer's time.
template<int Slices> class DirtySeries
{
public:
    // Neighbouring ids share a slice: their open chunks are neighbours in
    // ts_open, so a flush rewrites a few pages of them, not a page for each.
    static constexpr int kRun = 64;
    static int sliceOf(int seriesId) { return (seriesId / kRun) % Slices; } // ids are rowids, > 0

    // Its open chunk changed: written when its slice's turn comes.
    void openChanged(int seriesId) { m_open[size_t(sliceOf(seriesId))].insert(seriesId); }
    // It has chunks to write now (sealed, put in front, or in a flush that
    // rolled back): visited by the next flush.
    void mustWrite(int seriesId) { m_now.insert(seriesId); }

    // How many are dirty (a series dirty for both reasons counts twice).
    qsizetype size() const
    {
        qsizetype count = m_now.size();
        for (const QSet<int> &slice : m_open)
            count += slice.size();
        return count;
    }

    // Takes out, in id order, the series a flush of `slice` visits: those to
    // write now, and those whose open chunk is in the slice (in every slice
    // when `all`).
    QList<int> take(int slice, bool all)
    {
        QList<int> ids(m_now.cbegin(), m_now.cend());
        m_now.clear();
        const auto takeSlice = [&ids](QSet<int> &open) {
            ids.append(QList<int>(open.cbegin(), open.cend()));
            open.clear();
        };
        if (all) {
            for (QSet<int> &open : m_open)
                takeSlice(open);
        } else {
            takeSlice(m_open[size_t((slice % Slices + Slices) % Slices)]);
        }
        std::sort(ids.begin(), ids.end());
        ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
        return ids;
    }

private:
    std::array<QSet<int>, Slices> m_open;
    QSet<int> m_now;
};

} // namespace Umbra::Series
