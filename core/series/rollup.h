#pragma once

#include "series/resolution.h"

#include <functional>
#include <vector>

namespace Umbra::Series {

// One rollup bucket over the samples in [startMs, startMs + bucketMs).
struct Bucket
{
    qint64 startMs = 0;
    double count = 0;
    double min = 0;
    double mean = 0;
    double max = 0;
    // Nearest-rank 95th percentile: the smallest sample that at least 95 % of
    // the bucket's samples do not exceed.
    double p95 = 0;
};

// Builds the buckets of one resolution from time-ordered samples, streaming:
// a finished bucket is handed on as soon as a sample of a later bucket
// arrives. Samples without a value (NaN) are skipped; a bucket with no value
// produces nothing.
class RollupBuilder
{
public:
    using Sink = std::function<void(const Bucket &)>;

    RollupBuilder(qint64 bucketMs, Sink sink);

    void add(qint64 timeMs, double value);
    // Ends the open bucket.
    void finish();

private:
    void close();

    qint64 m_bucketMs;
    Sink m_sink;
    qint64 m_start = 0;
    bool m_open = false;
    std::vector<double> m_values;
};

// Nearest-rank percentile (0 < p ≤ 1) of `values`, which it reorders.
double percentile(std::vector<double> &values, double p);

} // namespace Umbra::Series
