#include "series/rollup.h"

#include <algorithm>
#include <cmath>

namespace Umbra::Series {

double percentile(std::vector<double> &values, double p)
{
    if (values.empty())
        return std::nan("");
    const auto rank = size_t(std::ceil(p * double(values.size())));
    const size_t index = rank == 0 ? 0 : rank - 1;
    std::nth_element(values.begin(), values.begin() + qsizetype(index), values.end());
    return values[index];
}

RollupBuilder::RollupBuilder(qint64 bucketMs, Sink sink)
    : m_bucketMs(bucketMs)
    , m_sink(std::move(sink))
{ }

void RollupBuilder::add(qint64 timeMs, double value)
{
    if (std::isnan(value))
        return;
    const qint64 start = floorTo(timeMs, m_bucketMs);
    if (m_open && start != m_start)
        close();
    if (!m_open) {
        m_open = true;
        m_start = start;
    }
    m_values.push_back(value);
}

void RollupBuilder::finish()
{
    if (m_open)
        close();
}

void RollupBuilder::close()
{
    Bucket bucket;
    bucket.startMs = m_start;
    bucket.count = double(m_values.size());
    double sum = 0;
    bucket.min = m_values.front();
    bucket.max = m_values.front();
    for (double v : m_values) {
        sum += v;
        bucket.min = std::min(bucket.min, v);
        bucket.max = std::max(bucket.max, v);
    }
    bucket.mean = sum / bucket.count;
    bucket.p95 = percentile(m_values, 0.95);
    m_values.clear();
    m_open = false;
    m_sink(bucket);
}

} // namespace Umbra::Series
