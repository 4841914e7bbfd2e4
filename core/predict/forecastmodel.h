#pragma once

#include <QtGlobal>
#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <vector>

namespace Umbra::Predict {

// The forecaster is a weighted combination of five small models that all
// update in O(1) per sample. Each is good somewhere, none everywhere:
enum Member {
    Naive, // the last value: hard to beat on a random walk
    DampedSeasonal, // damped-trend exponential smoothing with an additive season
    SeasonalAr, // an autoregression on the series minus a robust seasonal profile
    RobustLevel, // median of the last few deseasonalised values: follows level
                 // shifts within three samples, ignores a single spike
    SeasonalNaive, // the value one cycle earlier: right after a burst, the quiet
                   // it came out of is the better guess
    MemberCount
};

inline constexpr int kMaxArOrder = 8;
inline constexpr int kRecentCount = 8;
inline constexpr int kRobustWindow = 3;
inline constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// Horizons (in steps) at which errors are measured when fitting; weights and
// error quantiles for other horizons are interpolated on log(h).
inline constexpr std::array<int, 22> kHorizonBuckets = { 1,   2,   3,   4,    6,    8,   12,  18,
                                                         24,  36,  48,  72,   96,   144, 192, 288,
                                                         432, 576, 864, 1152, 1440, 2016 };
inline constexpr int kBucketCount = int(kHorizonBuckets.size());

// Quantiles of the forecast error kept per horizon: 2.5 %, 10 %, 90 %, 97.5 %.
inline constexpr std::array<double, 4> kErrorLevels = { 0.025, 0.10, 0.90, 0.975 };
using ErrorQuantiles = std::array<double, 4>;
using MemberWeights = std::array<double, MemberCount>;

// A per-bucket row as a model keeps it (floats), widened for arithmetic.
template<size_t N> std::array<double, N> widened(const std::array<float, N> &row)
{
    std::array<double, N> out;
    std::copy(row.begin(), row.end(), out.begin());
    return out;
}

// What a fit decides; fixed until the next fit.
struct ModelParams
{
    bool fitted = false;
    int period = 0; // samples; 0 = no seasonal term
    double alpha = 0.3, beta = 0, phi = 0.95, gamma = 0;
    // Robust seasonal profile, one value per phase. The seasonal vectors are
    // floats: their seven digits are far finer than any forecast's error,
    // and they are most of what a model of a large fleet weighs.
    std::vector<float> profile;
    std::vector<double> ar; // autoregression coefficients, lag 1 first
    double arIntercept = 0;
    double scaleDecay = 1.0 / 48;
    double scaleFloor = 0; // keeps intervals of a calm series from collapsing
    double typicalScale = 0; // mean |y(t) - y(t-1)| over the fitted history
    double scaleBlend = 1; // 0: intervals from the typical scale, 1: from the recent one
    bool nonNegative = false; // the series never went below zero
    // What the fit learnt per horizon bucket, kept as floats like the
    // seasonal vectors (read through weightsAt() and quantilesAt()). Only
    // the buckets the fit measured are kept: beyond the last, the weights
    // stay the last row's and the quantiles widen it (quantileGrowth()), so
    // a young model, whose short history reaches a few buckets, holds a few
    // rows instead of 22.
    std::vector<std::array<float, MemberCount>> weights;
    std::vector<std::array<float, kErrorLevels.size()>> quantiles; // in units of scale
    // Per horizon bucket: the forecast's mean absolute error over naive's,
    // measured on the latest third of the fit's origins with weights learnt
    // before them (below 1: better than "nothing changes"); NaN where too
    // few origins reach that far, and absent after the last measured.
    std::vector<float> relativeErrors;

    double profileAt(qint64 slot) const
    {
        return period > 0 ? profile[size_t(slot % period)] : 0.0;
    }
    bool operator==(const ModelParams &) const = default;
};

// What the models know after the latest sample. Copyable; advanced in O(1).
struct ModelState
{
    qint64 slot = -1; // slot of the last sample absorbed (NaN included)
    double last = kNaN; // last observed value
    bool started = false;
    double level = 0, trend = 0;
    std::vector<float> season; // one per phase
    std::vector<float> cycle; // the last observed value of every phase
    std::array<double, kRecentCount> recent{}; // deseasonalised, newest first
    int recentCount = 0;
    double scale = kNaN; // exponentially weighted mean |y(t) - y(t-1)|

    bool operator==(const ModelState &) const = default;
};

// A state ready for `params` (its seasonal terms sized and seeded).
ModelState initialState(const ModelParams &params);

// Advances the state by one slot. A NaN value (a gap, or a sample inside a
// calendar event) lets every model predict through the slot.
void absorb(const ModelParams &params, ModelState &state, double value);

// Each member's forecast for steps 1..horizon after the state's slot:
// out[k-1][m]. `out` is resized as needed.
void memberForecasts(const ModelParams &params, const ModelState &state, int horizon,
                     std::vector<MemberWeights> &out);

// What the members' forecasts at the horizon buckets owe to the parameters
// alone, worked out once for a fit's backtest: the autoregression's value at
// each bucket as a constant plus weights on its last values, and the damped
// trend's sum. The backtest forecasts from hundreds of origins; iterating
// the autoregression up to a week ahead from each was a fifth of a refit.
class BucketsAhead
{
public:
    // For the first `buckets` of kHorizonBuckets.
    BucketsAhead(const ModelParams &params, int buckets);

    int buckets() const { return int(m_damping.size()); }
    // The autoregression at bucket b from the state's last values, which
    // must reach its order (else it repeats the last one for a while).
    double ar(int b, const std::array<double, kRecentCount> &recent) const;
    double damping(int b) const { return m_damping[size_t(b)]; }
    bool exactFor(const ModelState &state) const;

private:
    // Per bucket: the constant, then the weight of recent[lag] for each lag
    // the autoregression reads.
    std::vector<std::array<double, kRecentCount + 1>> m_ar;
    std::vector<double> m_damping;
    int m_order = 0;
    int m_lags = 1;
};

// Each member's forecast at the first `count` horizon buckets (at most
// ahead.buckets()): out[b][m]. What fitting uses to measure errors at the
// buckets.
void memberForecastsAt(const ModelParams &params, const ModelState &state,
                       const BucketsAhead &ahead, int count, std::vector<MemberWeights> &out);

// Each member's forecast for the next step: memberForecastsAt() for the
// first bucket, without working out the buckets.
MemberWeights oneStepForecasts(const ModelParams &params, const ModelState &state);

// How much the error quantiles of bucket `bucket` are wider than those of
// `measured`, the last bucket with enough origins: as a random walk's would
// be, at most threefold.
inline double quantileGrowth(int measured, int bucket)
{
    return std::min(
        3.0,
        std::sqrt(double(kHorizonBuckets[size_t(bucket)]) / kHorizonBuckets[size_t(measured)]));
}

// The weights and error quantiles for `step`, interpolated between buckets.
MemberWeights weightsAt(const ModelParams &params, int step);
ErrorQuantiles quantilesAt(const ModelParams &params, int step);

// The track record at `step`: the relative error of the nearest bucket at or
// below it; NaN before a fit or where none was measured.
double relativeErrorAt(const ModelParams &params, int step);

// The scale intervals `step` steps ahead are drawn in: the fitted history's
// typical step size blended with the recent one (never below the floor) by
// the fit's scale blend. The recent step size's share fades with the horizon
// at its own decay a step: a calm or a stormy hour says much about the next
// minutes and little about tomorrow, when the series has had time to return
// to its usual steps.
class IntervalScale
{
public:
    IntervalScale(const ModelParams &params, double recentScale);
    IntervalScale(const ModelParams &params, const ModelState &state);

    double at(int step) const;

private:
    double m_typical = 0;
    double m_recent = 0;
    double m_blend = 0;
    double m_logRatio = 0; // log(recent / typical)
    double m_logFade = 0; // log of the recent share kept per step
};

// The recent step size as intervals use it: never below the fit's floor.
double recentScale(const ModelParams &params, const ModelState &state);

} // namespace Umbra::Predict
