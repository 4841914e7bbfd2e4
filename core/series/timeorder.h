#pragma once

#include "series/seriesreader.h"

#include <QList>
#include <QString>

namespace Umbra::Series {

// The store's rule for times, for readers of outside data to apply before
// they store or measure anything: a sample at the time of the one before it
// replaces that one (real traces repeat timestamps by the thousand), and a
// sample older than the one before it is dropped, as the writer would
// refuse it. What was merged and dropped is counted, to be said.
struct TimeOrderCounts
{
    qint64 replaced = 0;
    qint64 dropped = 0;

    bool any() const { return replaced > 0 || dropped > 0; }
    TimeOrderCounts &operator+=(const TimeOrderCounts &other)
    {
        replaced += other.replaced;
        dropped += other.dropped;
        return *this;
    }
    // "12 repeated a time and replaced the sample before them, 3 older than
    // the sample before them were dropped"; empty when none.
    QString describe() const;
};

TimeOrderCounts keepTimeOrder(QList<TimedValue> &values);

} // namespace Umbra::Series
