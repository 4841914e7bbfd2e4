#pragma once

#include <QtGlobal>

namespace Umbra::Series {

// One point of a chart: everything that fell into one pixel column. min and
// max are the envelope of every sample in it, so a one-second spike is never
// averaged away on a 30-day chart.
struct ChartPoint
{
    qint64 timeMs = 0; // start of the pixel column
    double min = 0;
    double mean = 0;
    double max = 0;
    double count = 0;
};

} // namespace Umbra::Series
