#include "predict/forecastmodel.h"

#include <algorithm>
#include <optional>

namespace Umbra::Predict {

namespace {

// The autoregression's next value from the last values, `recent(lag)` for
// lag 0 (the newest) on.
template<typename Recent> double arNext(const ModelParams &params, Recent recent, int count)
{
    const int order = int(params.ar.size());
    if (count == 0)
        return 0;
    if (count < order || order == 0)
        return recent(0);
    double x = params.arIntercept;
    for (int i = 0; i < order; ++i)
        x += params.ar[size_t(i)] * recent(i);
    return x;
}

double arPrediction(const ModelParams &params, const std::array<double, kRecentCount> &recent,
                    int count)
{
    return arNext(
        params, [&recent](int lag) { return recent[size_t(lag)]; }, count);
}

// The autoregression iterated ahead of the state: its last values in a ring,
// so that a step writes one value instead of shifting them all (a fit's
// backtest iterates it hundreds of steps from every origin).
class ArIteration
{
public:
    ArIteration(const ModelParams &params, const ModelState &state)
        : m_params(params)
        , m_count(state.recentCount)
    {
        for (size_t lag = 0; lag < kRecentCount; ++lag)
            m_ring[(m_top - lag) % kRecentCount] = state.recent[lag];
    }
    // The next value, which then becomes the newest.
    double step()
    {
        const double next = arNext(
            m_params, [this](int lag) { return m_ring[(m_top - unsigned(lag)) % kRecentCount]; },
            m_count);
        ++m_top;
        m_ring[m_top % kRecentCount] = next;
        m_count = std::min(m_count + 1, kRecentCount);
        return next;
    }

private:
    const ModelParams &m_params;
    std::array<double, kRecentCount> m_ring{};
    unsigned m_top = kRecentCount - 1; // wraps at a multiple of kRecentCount
    int m_count;
};

void pushRecent(ModelState &state, double x)
{
    std::copy_backward(state.recent.begin(), state.recent.end() - 1, state.recent.end());
    state.recent[0] = x;
    state.recentCount = std::min(state.recentCount + 1, kRecentCount);
}

double robustLevel(const ModelState &state)
{
    const int count = std::min(state.recentCount, kRobustWindow);
    if (count < kRobustWindow)
        return count > 0 ? state.recent[0] : 0.0;
    const double a = state.recent[0], b = state.recent[1], c = state.recent[2];
    return std::max(std::min(a, b), std::min(std::max(a, b), c)); // median of three
}

// What the season says at one phase: its smoothed value, the fitted
// profile, and the value one cycle back (the seasonal naive forecast: the
// last value when there is no cycle or that phase was never seen).
struct SeasonAt
{
    double season = 0;
    double profile = 0;
    double cycleBack = 0;
};

SeasonAt seasonAt(const ModelParams &params, const ModelState &state, size_t phase, double last)
{
    SeasonAt at;
    at.cycleBack = last;
    if (params.period <= 0)
        return at;
    at.season = state.season[phase];
    at.profile = params.profile[phase];
    if (std::isfinite(state.cycle[phase]))
        at.cycleBack = state.cycle[phase];
    return at;
}

// Every member's forecast at one step ahead, from what that step needs: the
// trend's damped sum, the autoregression's value there and the season.
void membersAt(const ModelState &state, double last, double level, double damping, double ar,
               const SeasonAt &at, MemberWeights &out)
{
    out[Naive] = last;
    out[DampedSeasonal] = state.level + damping * state.trend + at.season;
    out[SeasonalAr] = (state.recentCount > 0 ? ar : last) + at.profile;
    out[RobustLevel] = (state.recentCount > 0 ? level : last) + at.profile;
    out[SeasonalNaive] = at.cycleBack;
}

// Where `step` lies between the horizon buckets: between bucket - 1 and
// bucket, a fraction t of the way on log(step). A forecast of a week at five
// minutes asks for 2,016 steps, each for weights and quantiles: the
// logarithms are taken once for every step, not twice for each.
struct BucketPosition
{
    int bucket = 0;
    double t = 0;
};

const std::vector<BucketPosition> &bucketPositions()
{
    static const std::vector<BucketPosition> positions = [] {
        std::vector<BucketPosition> table(size_t(kHorizonBuckets.back()) + 1);
        int b = 1;
        for (int step = kHorizonBuckets[0] + 1; step <= kHorizonBuckets.back(); ++step) {
            while (step > kHorizonBuckets[size_t(b)])
                ++b;
            const double t = std::log(double(step) / kHorizonBuckets[size_t(b - 1)])
                / std::log(double(kHorizonBuckets[size_t(b)]) / kHorizonBuckets[size_t(b - 1)]);
            table[size_t(step)] = { b, t };
        }
        return table;
    }();
    return positions;
}

// Linear interpolation between the buckets around `step`, on log(step);
// `rowAt(b)` gives bucket b's row.
template<size_t N, typename RowAt> std::array<double, N> interpolated(RowAt rowAt, int step)
{
    if (step <= kHorizonBuckets[0])
        return widened(rowAt(0));
    if (step > kHorizonBuckets.back())
        return widened(rowAt(kBucketCount - 1));
    const BucketPosition at = bucketPositions()[size_t(step)];
    const std::array<float, N> before = rowAt(at.bucket - 1);
    const std::array<float, N> after = rowAt(at.bucket);
    std::array<double, N> row;
    for (size_t i = 0; i < N; ++i)
        row[i] = before[i] + at.t * (double(after[i]) - before[i]);
    return row;
}

} // namespace

ModelState initialState(const ModelParams &params)
{
    ModelState state;
    state.season = params.profile;
    state.cycle.assign(params.profile.size(), float(kNaN));
    return state;
}

void absorb(const ModelParams &params, ModelState &state, double value)
{
    const qint64 slot = ++state.slot;
    const size_t phase = params.period > 0 ? size_t(slot % params.period) : 0;
    const double seasonal = params.period > 0 ? state.season[phase] : 0.0;

    if (!std::isfinite(value)) {
        if (state.started) {
            state.level += params.phi * state.trend;
            state.trend *= params.phi;
        }
        if (state.recentCount > 0)
            pushRecent(state, arPrediction(params, state.recent, state.recentCount));
        return;
    }

    if (std::isfinite(state.last)) {
        const double step = std::abs(value - state.last);
        state.scale = std::isfinite(state.scale)
            ? state.scale + params.scaleDecay * (step - state.scale)
            : step;
    }
    state.last = value;
    if (params.period > 0)
        state.cycle[phase] = float(value);

    if (!state.started) {
        state.level = value - seasonal;
        state.trend = 0;
        state.started = true;
    } else {
        const double previousLevel = state.level;
        state.level = params.alpha * (value - seasonal)
            + (1 - params.alpha) * (previousLevel + params.phi * state.trend);
        state.trend = params.beta * (state.level - previousLevel)
            + (1 - params.beta) * params.phi * state.trend;
        if (params.period > 0)
            state.season[phase]
                = float(params.gamma * (value - state.level) + (1 - params.gamma) * seasonal);
    }
    pushRecent(state, value - params.profileAt(slot));
}

void memberForecasts(const ModelParams &params, const ModelState &state, int horizon,
                     std::vector<MemberWeights> &out)
{
    out.resize(size_t(std::max(horizon, 0)));
    const double last = std::isfinite(state.last) ? state.last : state.level;
    const double level = robustLevel(state);

    ArIteration ar(params, state);
    double damping = 0;
    double phiPower = 1;
    bool settled = false;
    double x = 0;
    // The phase of the season, stepped along instead of divided for.
    const size_t period = size_t(std::max(params.period, 0));
    size_t phase = period > 0 ? size_t((state.slot + 1) % params.period) : 0;
    for (int k = 1; k <= horizon; ++k) {
        phiPower *= params.phi;
        damping += phiPower;
        const SeasonAt at = seasonAt(params, state, phase, last);

        // A stationary autoregression settles on its mean; stop iterating then.
        if (!settled) {
            const double next = ar.step();
            settled = k > kRecentCount && std::abs(next - x) <= 1e-9 * (1 + std::abs(next));
            x = next;
        }

        membersAt(state, last, level, damping, x, at, out[size_t(k - 1)]);
        if (period > 0 && ++phase == period)
            phase = 0;
    }
}

MemberWeights oneStepForecasts(const ModelParams &params, const ModelState &state)
{
    const double last = std::isfinite(state.last) ? state.last : state.level;
    const SeasonAt at = seasonAt(
        params, state, params.period > 0 ? size_t((state.slot + 1) % params.period) : 0, last);
    MemberWeights members;
    membersAt(state, last, robustLevel(state), params.phi,
              arPrediction(params, state.recent, state.recentCount), at, members);
    return members;
}

BucketsAhead::BucketsAhead(const ModelParams &params, int buckets)
    : m_ar(size_t(buckets))
    , m_damping(size_t(buckets))
    , m_order(int(params.ar.size()))
    , m_lags(std::max(m_order, 1))
{
    // The iteration's values as affine functions of the last values at the
    // origin: [0] the constant, [1 + lag] the weight of recent[lag]. With no
    // coefficients the autoregression repeats its last value.
    using Affine = std::array<double, kRecentCount + 1>;
    std::array<Affine, kRecentCount> ring{}; // ring[(top - lag) % kRecentCount]
    unsigned top = kRecentCount - 1;
    for (size_t lag = 0; lag < kRecentCount; ++lag)
        ring[(top - lag) % kRecentCount][1 + lag] = 1;
    const double phi = params.phi;
    // A stationary autoregression settles on its mean: once its last values
    // have stopped changing, so has every later one.
    int unchanged = 0;
    int step = 0;
    for (int b = 0; b < buckets; ++b) {
        const int to = kHorizonBuckets[size_t(b)];
        for (; step < to && unchanged < m_lags; ++step) {
            Affine next{};
            if (m_order == 0) {
                next = ring[top % kRecentCount];
            } else {
                next[0] = params.arIntercept;
                for (int i = 0; i < m_order; ++i) {
                    const Affine &value = ring[(top - unsigned(i)) % kRecentCount];
                    const double coefficient = params.ar[size_t(i)];
                    for (int c = 0; c <= m_lags; ++c)
                        next[size_t(c)] += coefficient * value[size_t(c)];
                }
            }
            const Affine &previous = ring[top % kRecentCount];
            bool same = true;
            for (int c = 0; c <= m_lags && same; ++c)
                same = std::abs(next[size_t(c)] - previous[size_t(c)])
                    <= 1e-12 * (1 + std::abs(next[size_t(c)]));
            unchanged = same ? unchanged + 1 : 0;
            ring[++top % kRecentCount] = next;
        }
        m_ar[size_t(b)] = ring[top % kRecentCount];
        m_damping[size_t(b)] = phi == 1.0 ? double(to) : phi * (1 - std::pow(phi, to)) / (1 - phi);
    }
}

double BucketsAhead::ar(int b, const std::array<double, kRecentCount> &recent) const
{
    const auto &row = m_ar[size_t(b)];
    double x = row[0];
    for (int lag = 0; lag < m_lags; ++lag)
        x += row[size_t(1 + lag)] * recent[size_t(lag)];
    return x;
}

bool BucketsAhead::exactFor(const ModelState &state) const
{
    return state.recentCount == 0 || state.recentCount >= m_order;
}

void memberForecastsAt(const ModelParams &params, const ModelState &state,
                       const BucketsAhead &ahead, int count, std::vector<MemberWeights> &out)
{
    out.resize(size_t(count));
    const double last = std::isfinite(state.last) ? state.last : state.level;
    const double level = robustLevel(state);
    // A state whose last values do not reach the autoregression's order yet
    // iterates it instead.
    std::optional<ArIteration> iteration;
    if (!ahead.exactFor(state))
        iteration.emplace(params, state);
    double x = 0;
    int k = 0;
    for (int b = 0; b < count; ++b) {
        const int step = kHorizonBuckets[size_t(b)];
        if (iteration)
            for (; k < step; ++k)
                x = iteration->step();
        else
            x = ahead.ar(b, state.recent);
        const qint64 slot = state.slot + step;
        const SeasonAt at
            = seasonAt(params, state, params.period > 0 ? size_t(slot % params.period) : 0, last);
        membersAt(state, last, level, ahead.damping(b), x, at, out[size_t(b)]);
    }
}

MemberWeights weightsAt(const ModelParams &params, int step)
{
    if (params.weights.empty()) {
        MemberWeights naiveOnly{};
        naiveOnly[Naive] = 1;
        return naiveOnly;
    }
    const auto &rows = params.weights;
    return interpolated<MemberCount>(
        [&rows](int b) { return rows[std::min(size_t(b), rows.size() - 1)]; }, step);
}

ErrorQuantiles quantilesAt(const ModelParams &params, int step)
{
    if (params.quantiles.empty()) {
        // Before a fit: a random walk whose steps are as large as the recent
        // ones (mean |step| ≈ 0.8 σ for Gaussian steps).
        const double sigma = 1.25 * std::sqrt(double(step));
        return { -1.96 * sigma, -1.28 * sigma, 1.28 * sigma, 1.96 * sigma };
    }
    const auto &rows = params.quantiles;
    const int measured = std::max(int(rows.size()) - 1, 0); // rows is not empty here
    return interpolated<kErrorLevels.size()>(
        [&rows, measured](int b) {
            if (b <= measured)
                return rows[size_t(b)];
            const double growth = quantileGrowth(measured, b);
            std::array<float, kErrorLevels.size()> row;
            for (size_t q = 0; q < row.size(); ++q)
                row[q] = float(rows[size_t(measured)][q] * growth);
            return row;
        },
        step);
}

double relativeErrorAt(const ModelParams &params, int step)
{
    double found = kNaN;
    for (size_t b = 0; b < params.relativeErrors.size() && kHorizonBuckets[b] <= step; ++b) {
        if (std::isfinite(params.relativeErrors[b]))
            found = params.relativeErrors[b];
    }
    return found;
}

double recentScale(const ModelParams &params, const ModelState &state)
{
    return std::max(std::isfinite(state.scale) ? state.scale : 0.0, params.scaleFloor);
}

IntervalScale::IntervalScale(const ModelParams &params, double recentScale)
    : m_typical(params.typicalScale)
    , m_recent(recentScale)
    , m_blend(params.scaleBlend)
{
    if (m_typical > 0 && m_recent > 0 && m_blend > 0) {
        m_logRatio = std::log(m_recent / m_typical);
        m_logFade = std::log1p(-std::clamp(params.scaleDecay, 0.0, 0.999));
    }
}

IntervalScale::IntervalScale(const ModelParams &params, const ModelState &state)
    : IntervalScale(params, recentScale(params, state))
{ }

double IntervalScale::at(int step) const
{
    if (!(m_typical > 0))
        return m_recent;
    if (m_logRatio == 0)
        return m_typical;
    const double share = std::min(m_blend, 1.0) * std::exp(m_logFade * std::max(step - 1, 0));
    return m_typical * std::exp(share * m_logRatio);
}

} // namespace Umbra::Predict
