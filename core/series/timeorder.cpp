#include "series/timeorder.h"

#include <QCoreApplication>

namespace Umbra::Series {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Umbra::Series::TimeOrder)
};

} // namespace

QString TimeOrderCounts::describe() const
{
    QStringList parts;
    if (replaced > 0)
        parts.append(Tr::tr("%n sample(s) repeated a time and replaced the one before them",
                            nullptr, int(replaced)));
    if (dropped > 0)
        parts.append(Tr::tr("%n sample(s) older than the one before them were dropped", nullptr,
                            int(dropped)));
    return parts.join(QStringLiteral(", "));
}

TimeOrderCounts keepTimeOrder(QList<TimedValue> &values)
{
    TimeOrderCounts counts;
    qsizetype kept = 0;
    for (qsizetype i = 0; i < values.size(); ++i) {
        const TimedValue &v = values[i];
        if (kept > 0 && v.timeMs == values[kept - 1].timeMs) {
            values[kept - 1] = v;
            ++counts.replaced;
        } else if (kept > 0 && v.timeMs < values[kept - 1].timeMs) {
            ++counts.dropped;
        } else {
            values[kept++] = v;
        }
    }
    values.resize(kept);
    return counts;
}

} // namespace Umbra::Series
