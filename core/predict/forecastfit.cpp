#include "predict/forecastfit.h"

#include <QHash>
#include <algorithm>
#include <limits>
#include <numeric>
#include <span>

namespace Umbra::Predict {

namespace {

// Parameters are estimated on the most recent two weeks at 5 minutes at most:
// older behaviour says little about the next hours and costs refit time.
constexpr int kFitWindow = 4032;
constexpr int kMinFitSamples = 16;
constexpr int kMaxOrigins = 240;
// Horizons past a day are measured from every fourth origin only.
constexpr int kLongHorizon = 288;
constexpr int kLongStride = 4;
constexpr int kMinErrorsForQuantiles = 40;
constexpr double kWeightCutoff = 1.5; // members this much worse than the best get no weight
// The next step's weights are learnt from the one-step errors at every sample
// of the last week, not from the rolling origins: a few hundred origins leave
// the weights of the horizon that matters most to chance, and the errors of a
// step ahead cost one forecast each.
constexpr size_t kOneStepWindow = 2016;
constexpr size_t kMinOneStepErrors = 96;
constexpr int kMaxReweightings = 12; // rounds; many fits would take more to settle
// How fast the next step's weights forget, as the age in samples at which an
// error counts half (0: the whole window evenly). Which members a series
// follows drifts at its own pace (a service whose traffic turns over in an
// afternoon, a batch host steady for days), so each series' fit tries these
// and keeps the one that forecast its latest errors best. At five minutes:
// a day and a half and half a day. Each starts from the one before, and
// ranking them needs fewer rounds than the fit that is kept.
constexpr std::array<double, 3> kErrorHalfLives = { 0, 432, 144 };
constexpr int kRankingReweightings = 6;
constexpr double kSettledWeights = 1e-4;

struct Series
{
    const FitInput &input;
    std::vector<double> fit; // NaN inside calendar events
    std::vector<double> raw;
    std::vector<int> event; // index into input.events, or -1
    int finite = 0;

    qint64 slot(size_t i) const { return input.firstSlot + qint64(i); }
};

Series prepare(const FitInput &input)
{
    Series s{ input, {}, {}, {}, 0 };
    const size_t n = input.values.size();
    s.fit.resize(n);
    s.raw.resize(n);
    s.event.assign(n, -1);
    const qint64 intervalMs = qint64(input.intervalSeconds) * 1000;
    for (size_t i = 0; i < n; ++i) {
        s.raw[i] = input.values[i];
        s.fit[i] = s.raw[i];
        if (!input.events.isEmpty() && std::isfinite(s.raw[i])) {
            s.event[i] = eventAt(input.events, input.originMs + s.slot(i) * intervalMs);
            if (s.event[i] >= 0)
                s.fit[i] = kNaN;
        }
        if (std::isfinite(s.fit[i]))
            ++s.finite;
    }
    return s;
}

double median(std::vector<double> &values)
{
    if (values.empty())
        return kNaN;
    const auto middle = values.begin() + values.size() / 2;
    std::nth_element(values.begin(), middle, values.end());
    if (values.size() % 2)
        return *middle;
    return 0.5 * (*middle + *std::max_element(values.begin(), middle));
}

double quantile(std::vector<double> &values, double level)
{
    const double position = level * double(values.size() - 1);
    const size_t below = size_t(position);
    std::nth_element(values.begin(), values.begin() + below, values.end());
    const double low = values[below];
    if (below + 1 >= values.size())
        return low;
    const double high = *std::min_element(values.begin() + below + 1, values.end());
    return low + (position - double(below)) * (high - low);
}

// The typical shape of one cycle: deviations from a centred moving average,
// the median per phase across cycles, lightly smoothed around the cycle and
// centred on zero. Indexed by slot % period.
std::vector<double> seasonalProfile(const Series &s, int period)
{
    const size_t n = s.fit.size();
    std::vector<double> sum(n + 1, 0.0);
    std::vector<int> count(n + 1, 0);
    for (size_t i = 0; i < n; ++i) {
        const bool ok = std::isfinite(s.fit[i]);
        sum[i + 1] = sum[i] + (ok ? s.fit[i] : 0.0);
        count[i + 1] = count[i] + (ok ? 1 : 0);
    }
    std::vector<std::vector<double>> byPhase(static_cast<size_t>(period));
    const size_t half = size_t(period / 2);
    for (size_t i = half; i + (size_t(period) - half) <= n; ++i) {
        if (!std::isfinite(s.fit[i]))
            continue;
        const size_t from = i - half;
        const size_t to = from + size_t(period);
        const int inWindow = count[to] - count[from];
        if (inWindow < period * 9 / 10)
            continue;
        const double trend = (sum[to] - sum[from]) / inWindow;
        byPhase[size_t(s.slot(i) % period)].push_back(s.fit[i] - trend);
    }
    std::vector<double> profile(size_t(period), 0.0);
    for (size_t phase = 0; phase < profile.size(); ++phase) {
        auto &values = byPhase[phase];
        if (values.size() >= 3)
            profile[phase] = median(values);
        else if (!values.empty())
            profile[phase]
                = std::accumulate(values.begin(), values.end(), 0.0) / double(values.size());
    }
    const int width = period >= 144 ? 5 : period >= 24 ? 3 : 1;
    std::vector<double> smooth(profile.size(), 0.0);
    for (int phase = 0; phase < period; ++phase) {
        for (int d = -width / 2; d <= width / 2; ++d)
            smooth[size_t(phase)] += profile[size_t((phase + d + period) % period)];
        smooth[size_t(phase)] /= width;
    }
    const double mean = std::accumulate(smooth.begin(), smooth.end(), 0.0) / period;
    for (double &v : smooth)
        v -= mean;
    return smooth;
}

// Solves the symmetric positive system a·x = b (size m, row-major) by
// Cholesky, in place: `b` becomes x, `a` its factor. False when it is
// singular. Any contiguous storage: the autoregression's vectors, the
// combination weights' small arrays.
template<typename Matrix, typename Vector> bool solveInPlace(Matrix &a, Vector &b, int m)
{
    for (int j = 0; j < m; ++j) {
        double d = a[size_t(j * m + j)];
        for (int k = 0; k < j; ++k)
            d -= a[size_t(j * m + k)] * a[size_t(j * m + k)];
        if (!(d > 1e-12))
            return false;
        d = std::sqrt(d);
        a[size_t(j * m + j)] = d;
        for (int i = j + 1; i < m; ++i) {
            double v = a[size_t(i * m + j)];
            for (int k = 0; k < j; ++k)
                v -= a[size_t(i * m + k)] * a[size_t(j * m + k)];
            a[size_t(i * m + j)] = v / d;
        }
    }
    for (int i = 0; i < m; ++i) {
        double v = b[size_t(i)];
        for (int k = 0; k < i; ++k)
            v -= a[size_t(i * m + k)] * b[size_t(k)];
        b[size_t(i)] = v / a[size_t(i * m + i)];
    }
    for (int i = m - 1; i >= 0; --i) {
        double v = b[size_t(i)];
        for (int k = i + 1; k < m; ++k)
            v -= a[size_t(k * m + i)] * b[size_t(k)];
        b[size_t(i)] = v / a[size_t(i * m + i)];
    }
    return true;
}

// An autoregression with intercept on the deseasonalised series, by least
// squares; the order (1…8) by BIC on the same rows.
void fitAutoregression(const Series &s, ModelParams &params)
{
    constexpr std::array<int, 6> kOrders = { 1, 2, 3, 4, 6, 8 };
    constexpr int m = kMaxArOrder + 1;
    const size_t n = s.fit.size();
    std::vector<double> x(n);
    for (size_t i = 0; i < n; ++i)
        x[i] = s.fit[i] - params.profileAt(s.slot(i));

    std::vector<double> xtx(m * m, 0.0), xty(m, 0.0);
    double yty = 0;
    int rows = 0;
    const size_t first = n > size_t(kFitWindow) ? n - size_t(kFitWindow) : 0;
    std::array<double, m> row{};
    for (size_t i = std::max(first, size_t(kMaxArOrder)); i < n; ++i) {
        if (!std::isfinite(x[i]))
            continue;
        row[0] = 1;
        bool ok = true;
        for (int lag = 1; lag <= kMaxArOrder && ok; ++lag) {
            row[size_t(lag)] = x[i - size_t(lag)];
            ok = std::isfinite(row[size_t(lag)]);
        }
        if (!ok)
            continue;
        for (int a = 0; a < m; ++a) {
            xty[size_t(a)] += row[size_t(a)] * x[i];
            for (int b = 0; b <= a; ++b)
                xtx[size_t(a * m + b)] += row[size_t(a)] * row[size_t(b)];
        }
        yty += x[i] * x[i];
        ++rows;
    }
    params.ar.clear();
    params.arIntercept = 0;
    if (rows < 4 * m)
        return;
    for (int a = 0; a < m; ++a)
        for (int b = a + 1; b < m; ++b)
            xtx[size_t(a * m + b)] = xtx[size_t(b * m + a)];

    double bestBic = std::numeric_limits<double>::infinity();
    for (int order : kOrders) {
        const int k = order + 1;
        std::vector<double> a(static_cast<size_t>(k * k)), beta(static_cast<size_t>(k));
        for (int r = 0; r < k; ++r) {
            beta[size_t(r)] = xty[size_t(r)];
            for (int c = 0; c < k; ++c)
                a[size_t(r * k + c)] = xtx[size_t(r * m + c)];
        }
        if (!solveInPlace(a, beta, k))
            continue;
        double rss = yty;
        for (int r = 0; r < k; ++r) {
            rss -= 2 * beta[size_t(r)] * xty[size_t(r)];
            for (int c = 0; c < k; ++c)
                rss += beta[size_t(r)] * beta[size_t(c)] * xtx[size_t(r * m + c)];
        }
        rss = std::max(rss, 1e-300);
        const double bic = rows * std::log(rss / rows) + k * std::log(double(rows));
        if (bic < bestBic) {
            bestBic = bic;
            params.arIntercept = beta[0];
            params.ar.assign(beta.begin() + 1, beta.end());
        }
    }
    // An explosive fit would run away over a week; a unit root (a ramp, a
    // random walk) is kept: its drift is what extrapolates a leak.
    const double sum = std::accumulate(params.ar.begin(), params.ar.end(), 0.0);
    if (sum > 1.0) {
        for (double &c : params.ar)
            c /= sum;
    }
}

// Mean squared one-step error of damped-trend seasonal smoothing over the
// fit window, started from the robust profile.
double smoothingError(const Series &s, const ModelParams &params, size_t from)
{
    std::vector<double> season(params.profile.begin(), params.profile.end());
    double level = 0, trend = 0;
    bool started = false;
    double sse = 0;
    int count = 0;
    const int p = params.period;
    // The season's phase, stepped along instead of divided for: a fit runs
    // this pass some thirty times over two weeks.
    size_t nextPhase = p > 0 ? size_t(s.slot(from) % p) : 0;
    for (size_t i = from; i < s.fit.size(); ++i) {
        const size_t phase = nextPhase;
        if (p > 0 && ++nextPhase == size_t(p))
            nextPhase = 0;
        const double y = s.fit[i];
        const double seasonal = p > 0 ? season[phase] : 0.0;
        if (!std::isfinite(y)) {
            level += params.phi * trend;
            trend *= params.phi;
            continue;
        }
        if (!started) {
            level = y - seasonal;
            started = true;
            continue;
        }
        const double e = y - (level + params.phi * trend + seasonal);
        sse += e * e;
        ++count;
        const double previous = level;
        level
            = params.alpha * (y - seasonal) + (1 - params.alpha) * (previous + params.phi * trend);
        trend = params.beta * (level - previous) + (1 - params.beta) * params.phi * trend;
        if (p > 0)
            season[phase] = params.gamma * (y - level) + (1 - params.gamma) * seasonal;
    }
    return count > 0 ? sse / count : 0.0;
}

// Coordinate descent over small grids: a handful of passes over the window
// instead of a general optimiser, and the same answer on every run.
void fitSmoothing(const Series &s, ModelParams &params)
{
    static constexpr std::array kAlpha = { 0.02, 0.05, 0.1, 0.15, 0.2, 0.3, 0.45, 0.6, 0.8, 0.95 };
    static constexpr std::array kBeta = { 0.0, 0.005, 0.02, 0.05, 0.1 };
    static constexpr std::array kPhi = { 0.8, 0.9, 0.95, 0.98, 0.995, 1.0 };
    static constexpr std::array kGamma = { 0.0, 0.02, 0.05, 0.1, 0.2, 0.35 };
    const size_t n = s.fit.size();
    const size_t from = n > size_t(kFitWindow) ? n - size_t(kFitWindow) : 0;

    // The error of the parameters as they stand, carried from one search to
    // the next rather than measured again.
    double bestError = kNaN;
    auto search = [&](double &param, auto grid) {
        const double start = param;
        double best = param;
        if (std::isnan(bestError))
            bestError = smoothingError(s, params, from);
        for (double candidate : grid) {
            if (candidate == start)
                continue;
            param = candidate;
            const double error = smoothingError(s, params, from);
            if (error < bestError) {
                bestError = error;
                best = candidate;
            }
        }
        param = best;
    };
    params.alpha = 0.3;
    params.beta = 0;
    params.phi = 0.95;
    params.gamma = params.period > 0 ? 0.05 : 0.0;
    search(params.alpha, kAlpha);
    if (params.period > 0)
        search(params.gamma, kGamma);
    search(params.beta, kBeta);
    if (params.beta > 0)
        search(params.phi, kPhi);
    // Once the others are set, α is refined among its grid neighbours only:
    // a second full sweep would cost ten passes over the window.
    const auto at = std::find(kAlpha.begin(), kAlpha.end(), params.alpha) - kAlpha.begin();
    std::vector<double> near;
    for (auto k = std::max<decltype(at)>(0, at - 1);
         k <= std::min<decltype(at)>(kAlpha.size() - 1, at + 1); ++k)
        near.push_back(kAlpha[size_t(k)]);
    search(params.alpha, near);
}

struct OriginErrors
{
    size_t origin = 0; // index of the origin's sample
    MemberWeights errors{};
    double recentScale = 0; // at the origin; intervals blend it per horizon
};

// Rolling origins over the history: each member's error at every horizon
// bucket, together with the recent step size at the origin. Also returns the
// final state and each event sample's one-step member forecasts.
struct Backtest
{
    std::vector<std::vector<OriginErrors>> buckets{ size_t(kBucketCount) };
    std::vector<std::pair<size_t, MemberWeights>> eventForecasts;
    std::vector<OriginErrors> oneStep; // at every sample of the last kOneStepWindow
    ModelState state;
};

Backtest backtest(const Series &s, const ModelParams &params)
{
    Backtest result;
    const size_t n = s.fit.size();
    const size_t warmUp = std::min(n / 4, size_t(std::max(params.period, 48)));
    const size_t stride = std::max<size_t>(1, (n - warmUp) / kMaxOrigins);
    ModelState state = initialState(params);
    state.slot = s.input.firstSlot - 1;
    std::vector<MemberWeights> forecasts;
    int reach = 0; // the buckets the history reaches from its first origin
    while (reach < kBucketCount && warmUp + size_t(kHorizonBuckets[size_t(reach)]) < n)
        ++reach;
    const BucketsAhead ahead(params, reach);
    const size_t oneStepFrom
        = std::max(warmUp, n > kOneStepWindow + 1 ? n - kOneStepWindow - 1 : 0);
    for (size_t i = 0; i < n; ++i) {
        if (s.event[i] >= 0 && i > 0)
            result.eventForecasts.emplace_back(i, oneStepForecasts(params, state));
        absorb(params, state, s.fit[i]);
        if (i >= oneStepFrom && i + 1 < n && std::isfinite(s.fit[i])
            && std::isfinite(s.fit[i + 1])) {
            const MemberWeights next = oneStepForecasts(params, state);
            OriginErrors errors;
            errors.origin = i;
            for (int m = 0; m < MemberCount; ++m)
                errors.errors[size_t(m)] = s.fit[i + 1] - next[size_t(m)];
            result.oneStep.push_back(errors);
        }
        if (i < warmUp || (i - warmUp) % stride != 0 || !std::isfinite(s.fit[i]))
            continue;
        const bool longToo = ((i - warmUp) / stride) % kLongStride == 0;
        int count = 0;
        for (; count < ahead.buckets(); ++count) {
            const int h = kHorizonBuckets[size_t(count)];
            if (i + size_t(h) >= n || (h > kLongHorizon && !longToo))
                break;
        }
        if (count == 0)
            continue;
        memberForecastsAt(params, state, ahead, count, forecasts);
        const double recent = recentScale(params, state);
        for (size_t b = 0; b < size_t(count); ++b) {
            const double truth = s.fit[i + size_t(kHorizonBuckets[b])];
            if (!std::isfinite(truth))
                continue;
            OriginErrors errors;
            errors.origin = i;
            for (int m = 0; m < MemberCount; ++m)
                errors.errors[size_t(m)] = truth - forecasts[b][size_t(m)];
            errors.recentScale = recent;
            result.buckets[b].push_back(errors);
        }
    }
    result.state = std::move(state);
    return result;
}

// Inverse-square weights from each member's summed absolute error.
MemberWeights weightsFrom(const MemberWeights &mae)
{
    const double best = *std::min_element(mae.begin(), mae.end());
    MemberWeights weights{};
    if (!(best > 0)) {
        // Somebody is exact (a constant or perfectly periodic series): trust it.
        const auto exact = std::min_element(mae.begin(), mae.end()) - mae.begin();
        weights[size_t(exact)] = 1;
        return weights;
    }
    double total = 0;
    for (int m = 0; m < MemberCount; ++m) {
        if (mae[size_t(m)] <= kWeightCutoff * best) {
            weights[size_t(m)] = 1 / (mae[size_t(m)] * mae[size_t(m)]);
            total += weights[size_t(m)];
        }
    }
    for (double &w : weights)
        w /= total;
    return weights;
}

// Each member's absolute errors at bucket `b` summed with its neighbours' (a
// member exact at one horizon only, naive at a whole season, must not swing
// the weights that are interpolated between buckets), from origins in
// [from, to); `count` is how many origins' errors were summed. Summed in
// place: a fit asks this twice for each of its buckets.
MemberWeights pooledAbsErrors(const Backtest &bt, int b, size_t from, size_t to, size_t &count)
{
    MemberWeights sums{};
    count = 0;
    for (int nb = std::max(0, b - 1); nb <= std::min(kBucketCount - 1, b + 1); ++nb) {
        const auto &near = bt.buckets[size_t(nb)];
        if (nb != b && near.size() < 8)
            continue;
        for (const OriginErrors &e : near) {
            if (e.origin < from || e.origin >= to)
                continue;
            for (int m = 0; m < MemberCount; ++m)
                sums[size_t(m)] += std::abs(e.errors[size_t(m)]);
            ++count;
        }
    }
    return sums;
}

double combinedError(const OriginErrors &e, const MemberWeights &w)
{
    double combined = 0;
    for (int m = 0; m < MemberCount; ++m)
        combined += w[size_t(m)] * e.errors[size_t(m)];
    return combined;
}

// How the forecast at one horizon is made: weights learnt on the earlier two
// thirds of the origins are scored on the last third against every member
// alone. Where one member alone did better there, and also over all origins
// against the combination weighted on all of them (a last third that happens
// to suit one member is no reason to give up the combination), the series
// follows that member at this horizon: naive on a smooth aggregate, the
// season on a strict rhythm. Otherwise the combination, weighted on every
// origin. The chosen forecast's error on the last third over naive's is the
// model's track record at this horizon. The next step is the exception: its
// errors are known at every sample, and its weights are fitted to them
// (chooseForNextStep()).
struct BucketChoice
{
    MemberWeights weights{};
    double relativeError = kNaN;
};

// A track record: the chosen forecast's summed error over naive's.
double overNaive(double chosen, double naive)
{
    if (naive > 0)
        return chosen / naive;
    return chosen == 0 ? 1 : kNaN; // a flat series: as good as naive, no better
}

using MemberMatrix = std::array<double, MemberCount * MemberCount>;

// Σ⁻¹1 / 1ᵀΣ⁻¹1 over the members in `members` (k of them): the weights
// summing to one with the least combined square. False when that part of Σ
// is singular or a weight comes out negative.
bool weightsOnSubset(const MemberMatrix &cov, const std::array<int, MemberCount> &members, int k,
                     MemberWeights &weights)
{
    MemberMatrix a{};
    MemberWeights x{};
    for (int r = 0; r < k; ++r) {
        x[size_t(r)] = 1;
        for (int c = 0; c < k; ++c)
            a[size_t(r * k + c)]
                = cov[size_t(members[size_t(r)] * MemberCount + members[size_t(c)])];
    }
    if (!solveInPlace(a, x, k))
        return false;
    double total = 0;
    for (int r = 0; r < k; ++r) {
        if (x[size_t(r)] < 0)
            return false;
        total += x[size_t(r)];
    }
    if (!(total > 0))
        return false;
    weights = MemberWeights{};
    for (int r = 0; r < k; ++r)
        weights[size_t(members[size_t(r)])] = x[size_t(r)] / total;
    return true;
}

// The non-negative weights summing to one that minimise the rows' weighted
// squared combined error: the best of the unconstrained solutions on every
// subset of the members that needs no negative weight (five members: 31
// subsets of at most five equations).
MemberWeights constrainedLeastSquares(std::span<const OriginErrors> errors,
                                      const std::vector<double> &rowWeights)
{
    // The lower triangle, summed in a local array the unrolled loops keep in
    // registers: refits run this a few dozen times over a week of errors.
    constexpr size_t kPairs = MemberCount * (MemberCount + 1) / 2;
    std::array<double, kPairs> sums{};
    for (size_t i = 0; i < errors.size(); ++i) {
        const MemberWeights &e = errors[i].errors;
        const double w = rowWeights[i];
        int at = 0;
#pragma GCC unroll 5
        for (int a = 0; a < MemberCount; ++a) {
            const double we = w * e[size_t(a)];
#pragma GCC unroll 5
            for (int b = 0; b <= a; ++b)
                sums[size_t(at++)] += we * e[size_t(b)];
        }
    }
    MemberMatrix cov{};
    for (int a = 0, at = 0; a < MemberCount; ++a)
        for (int b = 0; b <= a; ++b)
            cov[size_t(a * MemberCount + b)] = sums[size_t(at++)];
    // In units of the mean square, so that the test for a singular system
    // means the same for a series of bytes and one of fractions; and a touch
    // of ridge, so that a member that is exact (a strict rhythm's seasonal
    // naive) or two that agree exactly (the robust level and the
    // autoregression of a flat series) still give a solution.
    double trace = 0;
    for (int a = 0; a < MemberCount; ++a)
        trace += cov[size_t(a * MemberCount + a)];
    MemberWeights best{};
    best[Naive] = 1;
    if (!(trace > 0))
        return best;
    for (int a = 0; a < MemberCount; ++a) {
        for (int b = 0; b < a; ++b) {
            cov[size_t(a * MemberCount + b)] *= double(MemberCount) / trace;
            cov[size_t(b * MemberCount + a)] = cov[size_t(a * MemberCount + b)];
        }
        cov[size_t(a * MemberCount + a)]
            = cov[size_t(a * MemberCount + a)] * double(MemberCount) / trace + 1e-9;
    }

    double bestSquares = std::numeric_limits<double>::infinity();
    std::array<int, MemberCount> members{};
    MemberWeights w{};
    for (unsigned subset = 1; subset < (1u << MemberCount); ++subset) {
        int k = 0;
        for (int m = 0; m < MemberCount; ++m)
            if (subset & (1u << m))
                members[size_t(k++)] = m;
        if (!weightsOnSubset(cov, members, k, w))
            continue;
        double squares = 0;
        for (int a = 0; a < MemberCount; ++a)
            for (int b = 0; b < MemberCount; ++b)
                squares += w[size_t(a)] * w[size_t(b)] * cov[size_t(a * MemberCount + b)];
        if (squares < bestSquares) {
            bestSquares = squares;
            best = w;
        }
    }
    return best;
}

// The weights that minimise the summed absolute combined error (MASE is
// absolute; squares would let a few spikes choose them), an error `halfLife`
// samples older than the latest counting half (0: all alike): least squares
// reweighted by 1/|error| until the weights settle, no error counting more
// than twenty times the mean's (an exact fit at one sample must not take
// all the weight). The reweighting converges slowly, so it stops after
// `rounds`; started from weights near the answer (`start`), it gets closer
// in them.
MemberWeights leastAbsoluteWeights(std::span<const OriginErrors> errors, double halfLife,
                                   const MemberWeights *start = nullptr,
                                   int rounds = kMaxReweightings)
{
    std::vector<double> recency(errors.size(), 1.0);
    if (halfLife > 0) {
        const double perStep = std::exp2(-1 / halfLife);
        double w = 1;
        for (size_t i = errors.size(); i-- > 0; w *= perStep)
            recency[i] = w;
    }
    std::vector<double> rowWeights = recency;
    MemberWeights weights = start ? *start : constrainedLeastSquares(errors, rowWeights);
    for (int round = 0; round < rounds; ++round) {
        double mean = 0;
        for (size_t i = 0; i < errors.size(); ++i) {
            rowWeights[i] = std::abs(combinedError(errors[i], weights));
            mean += rowWeights[i];
        }
        mean /= double(errors.size());
        if (!(mean > 0))
            break;
        for (size_t i = 0; i < errors.size(); ++i)
            rowWeights[i] = recency[i] / std::max(0.05 * mean, rowWeights[i]);
        const MemberWeights next = constrainedLeastSquares(errors, rowWeights);
        double change = 0;
        for (int m = 0; m < MemberCount; ++m)
            change = std::max(change, std::abs(next[size_t(m)] - weights[size_t(m)]));
        weights = next;
        if (change < kSettledWeights)
            break;
    }
    return weights;
}

// The next step's forecast: for each of kErrorHalfLives, weights learnt on
// the earlier two thirds of the week's one-step errors are scored on the last
// third. The forecast takes the weights learnt on all of them with the
// half-life that scored best, starting from that half-life's first ones; its
// score is the track record (the best of three, so a touch flattering).
BucketChoice chooseForNextStep(const std::vector<OriginErrors> &errors)
{
    const size_t split = errors.size() * 2 / 3;
    double naive = 0;
    for (size_t i = split; i < errors.size(); ++i)
        naive += std::abs(errors[i].errors[Naive]);
    double bestScore = std::numeric_limits<double>::infinity();
    double bestHalfLife = 0;
    MemberWeights bestLearnt{};
    MemberWeights learnt{};
    const MemberWeights *start = nullptr; // each pace from the one before
    for (const double halfLife : kErrorHalfLives) {
        learnt = leastAbsoluteWeights(std::span(errors).first(split), halfLife, start,
                                      kRankingReweightings);
        start = &learnt;
        double score = 0;
        for (size_t i = split; i < errors.size(); ++i)
            score += std::abs(combinedError(errors[i], learnt));
        if (score < bestScore) {
            bestScore = score;
            bestHalfLife = halfLife;
            bestLearnt = learnt;
        }
    }
    BucketChoice choice;
    choice.weights = leastAbsoluteWeights(errors, bestHalfLife, &bestLearnt);
    choice.relativeError = overNaive(bestScore, naive);
    return choice;
}

BucketChoice chooseForBucket(const Backtest &bt, int b)
{
    if (b == 0 && bt.oneStep.size() >= kMinOneStepErrors)
        return chooseForNextStep(bt.oneStep);
    constexpr size_t kMinJudged = 8;
    const auto &errors = bt.buckets[size_t(b)];
    BucketChoice choice;
    size_t pooled = 0;
    choice.weights
        = weightsFrom(pooledAbsErrors(bt, b, 0, std::numeric_limits<size_t>::max(), pooled));
    const size_t split = errors.size() * 2 / 3;
    if (errors.size() - split < kMinJudged || split < 8)
        return choice;
    const size_t splitOrigin = errors[split].origin;
    const MemberWeights earlier = pooledAbsErrors(bt, b, 0, splitOrigin, pooled);
    if (pooled < 8)
        return choice;
    const MemberWeights learnt = weightsFrom(earlier);
    double combined = 0;
    MemberWeights alone{};
    for (size_t i = split; i < errors.size(); ++i) {
        combined += std::abs(combinedError(errors[i], learnt));
        for (int m = 0; m < MemberCount; ++m)
            alone[size_t(m)] += std::abs(errors[i].errors[size_t(m)]);
    }
    const auto best = std::min_element(alone.begin(), alone.end()) - alone.begin();
    double chosen = combined;
    double combinedAll = 0, aloneAll = 0;
    for (const OriginErrors &e : errors) {
        combinedAll += std::abs(combinedError(e, choice.weights));
        aloneAll += std::abs(e.errors[size_t(best)]);
    }
    if (alone[size_t(best)] < combined && aloneAll < combinedAll) {
        choice.weights = MemberWeights{};
        choice.weights[size_t(best)] = 1;
        chosen = alone[size_t(best)];
    }
    choice.relativeError = overNaive(chosen, alone[Naive]);
    return choice;
}

void setWeightsAndQuantiles(const Backtest &bt, const FitTuning &tuning, ModelParams &params)
{
    params.weights.assign(size_t(kBucketCount), {});
    params.quantiles.assign(size_t(kBucketCount), {});
    params.relativeErrors.assign(size_t(kBucketCount), float(kNaN));
    int lastWeighted = -1;
    int lastQuantiles = -1;
    std::vector<double> normalised;
    for (int b = 0; b < kBucketCount; ++b) {
        const auto &errors = bt.buckets[size_t(b)];
        if (errors.size() >= 8) {
            const BucketChoice choice = chooseForBucket(bt, b);
            std::copy(choice.weights.begin(), choice.weights.end(),
                      params.weights[size_t(b)].begin());
            params.relativeErrors[size_t(b)] = float(choice.relativeError);
            lastWeighted = b;
        } else if (lastWeighted >= 0) {
            params.weights[size_t(b)] = params.weights[size_t(lastWeighted)];
        } else {
            params.weights[size_t(b)][Naive] = 1;
        }
        const MemberWeights w = widened(params.weights[size_t(b)]);
        if (errors.size() >= size_t(kMinErrorsForQuantiles)) {
            normalised.clear();
            for (const OriginErrors &e : errors)
                normalised.push_back(
                    combinedError(e, w)
                    / IntervalScale(params, e.recentScale).at(kHorizonBuckets[size_t(b)]));
            for (size_t q = 0; q < kErrorLevels.size(); ++q)
                params.quantiles[size_t(b)][q] = float(
                    (q == 0 || q + 1 == kErrorLevels.size() ? tuning.widening95 : tuning.widening80)
                    * quantile(normalised, kErrorLevels[q]));
            lastQuantiles = b;
        } else if (lastQuantiles >= 0) {
            // Too few origins this far ahead: widen the last measured
            // quantiles as a random walk would.
            const double growth = quantileGrowth(lastQuantiles, b);
            for (size_t q = 0; q < kErrorLevels.size(); ++q)
                params.quantiles[size_t(b)][q]
                    = float(params.quantiles[size_t(lastQuantiles)][q] * growth);
        } else {
            params.quantiles.clear();
            break;
        }
    }
    // What follows the last measured bucket is what weightsAt() and
    // quantilesAt() derive from it: kept, it would be most of a young
    // model's rows.
    params.weights.resize(size_t(std::max(lastWeighted, 0) + 1));
    if (!params.quantiles.empty())
        params.quantiles.resize(size_t(lastQuantiles + 1));
    while (!params.relativeErrors.empty() && std::isnan(params.relativeErrors.back()))
        params.relativeErrors.pop_back();
    params.weights.shrink_to_fit();
    params.quantiles.shrink_to_fit();
    params.relativeErrors.shrink_to_fit();
}

QList<EventUplift> learnUplifts(const Series &s, const Backtest &bt, const ModelParams &params)
{
    QHash<QString, std::vector<std::pair<double, double>>> byName; // actual, expected
    const MemberWeights w = weightsAt(params, 1);
    for (const auto &[i, forecasts] : bt.eventForecasts) {
        double expected = 0;
        for (int m = 0; m < MemberCount; ++m)
            expected += w[size_t(m)] * forecasts[size_t(m)];
        byName[s.input.events[s.event[i]].name].emplace_back(s.raw[i], expected);
    }
    QList<EventUplift> uplifts;
    for (auto it = byName.cbegin(); it != byName.cend(); ++it) {
        const auto &pairs = it.value();
        std::vector<double> differences, ratios;
        bool ratioPossible = true;
        for (const auto &[actual, expected] : pairs) {
            differences.push_back(actual - expected);
            if (expected > 1e-9 * (1 + std::abs(actual)))
                ratios.push_back(actual / expected);
            else
                ratioPossible = false;
        }
        EventUplift difference{ it.key(), EventUplift::Kind::Difference, median(differences),
                                int(pairs.size()) };
        EventUplift best = difference;
        if (ratioPossible && !ratios.empty()) {
            const EventUplift ratio{ it.key(), EventUplift::Kind::Ratio, median(ratios),
                                     int(pairs.size()) };
            double differenceError = 0, ratioError = 0;
            for (const auto &[actual, expected] : pairs) {
                differenceError += std::abs(actual - difference.apply(expected));
                ratioError += std::abs(actual - ratio.apply(expected));
            }
            if (ratioError < differenceError)
                best = ratio;
        }
        uplifts.append(best);
    }
    std::sort(uplifts.begin(), uplifts.end(),
              [](const EventUplift &a, const EventUplift &b) { return a.name < b.name; });
    return uplifts;
}

} // namespace

int modelPeriod(const Seasonality &seasonality, int samples, int intervalSeconds)
{
    const int day = intervalSeconds > 0 ? int(std::lround(86400.0 / intervalSeconds)) : 0;
    const int week = 7 * day;
    int period = 0;
    if (seasonality.weekly && samples >= 3 * week)
        period = week;
    else if (seasonality.daily)
        period = day;
    else if (seasonality.period > 0 && seasonality.period != week)
        period = seasonality.period;
    else if (seasonality.weekly)
        period = week;
    return period > 0 && samples >= 2 * period ? period : 0;
}

FitResult fitModel(const FitInput &input)
{
    FitResult result;
    const Series s = prepare(input);
    const size_t n = s.fit.size();
    ModelParams &params = result.params;
    if (s.finite < kMinFitSamples) {
        result.state = initialState(params);
        result.state.slot = input.firstSlot - 1;
        for (size_t i = 0; i < n; ++i)
            absorb(params, result.state, s.fit[i]);
        return result;
    }

    result.seasonality = detectSeasonality(s.fit, input.intervalSeconds);
    params.period = modelPeriod(result.seasonality, int(n), input.intervalSeconds);
    if (params.period > 0) {
        const std::vector<double> profile = seasonalProfile(s, params.period);
        params.profile.assign(profile.begin(), profile.end());
    }

    double minimum = std::numeric_limits<double>::infinity();
    std::vector<double> steps;
    double previous = kNaN;
    for (double y : s.fit) {
        if (!std::isfinite(y))
            continue;
        minimum = std::min(minimum, y);
        if (std::isfinite(previous))
            steps.push_back(std::abs(y - previous));
        previous = y;
    }
    params.nonNegative = minimum >= 0;
    fitAutoregression(s, params);
    fitSmoothing(s, params);
    // A floor of a fifth of the typical step size; a tiny absolute floor for
    // series that never move.
    double meanStep = steps.empty()
        ? 0.0
        : std::accumulate(steps.begin(), steps.end(), 0.0) / double(steps.size());
    params.scaleFloor = std::max(0.2 * meanStep, 1e-12);
    params.typicalScale = meanStep;
    params.scaleBlend = input.tuning.scaleBlend;
    params.fitted = true;

    const Backtest bt = backtest(s, params);
    setWeightsAndQuantiles(bt, input.tuning, params);
    result.state = bt.state;
    result.uplifts = learnUplifts(s, bt, params);
    return result;
}

} // namespace Umbra::Predict
