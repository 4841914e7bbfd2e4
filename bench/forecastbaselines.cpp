#include "forecastbaselines.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <numeric>

namespace {

constexpr double kZ80 = 1.2815515655446004;
constexpr double kZ95 = 1.959963984540054;
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

double lastFinite(const std::vector<double> &x, size_t before)
{
    for (size_t i = before; i-- > 0;) {
        if (std::isfinite(x[i]))
            return x[i];
    }
    return 0;
}

// Root mean square of x[i] - x[i-lag] over pairs that are both present.
double differenceSigma(const std::vector<double> &x, size_t lag)
{
    double sum = 0;
    int count = 0;
    for (size_t i = lag; i < x.size(); ++i) {
        if (std::isfinite(x[i]) && std::isfinite(x[i - lag])) {
            const double d = x[i] - x[i - lag];
            sum += d * d;
            ++count;
        }
    }
    return count > 0 ? std::sqrt(sum / count) : 0.0;
}

void setBands(BandForecast &f, int k, double point, double sd)
{
    f.point[size_t(k)] = point;
    f.lower80[size_t(k)] = point - kZ80 * sd;
    f.upper80[size_t(k)] = point + kZ80 * sd;
    f.lower95[size_t(k)] = point - kZ95 * sd;
    f.upper95[size_t(k)] = point + kZ95 * sd;
}

struct HoltWinters
{
    const std::vector<double> &x;
    int m; // season, 1 = none

    struct State
    {
        double level = 0, trend = 0;
        std::vector<double> season;
    };

    State initial() const
    {
        State s;
        s.season.assign(size_t(m), 0.0);
        auto meanOf = [&](size_t from, size_t count) {
            double sum = 0;
            int n = 0;
            for (size_t i = from; i < from + count && i < x.size(); ++i) {
                if (std::isfinite(x[i])) {
                    sum += x[i];
                    ++n;
                }
            }
            return n > 0 ? sum / n : lastFinite(x, x.size());
        };
        if (m > 1) {
            const double first = meanOf(0, size_t(m));
            const double second = meanOf(size_t(m), size_t(m));
            s.level = first;
            s.trend = (second - first) / m;
            for (int j = 0; j < m; ++j)
                s.season[size_t(j)] = std::isfinite(x[size_t(j)]) ? x[size_t(j)] - first : 0.0;
        } else {
            s.level = meanOf(0, 1);
            s.trend = 0;
        }
        return s;
    }

    // Runs the filter over the data; returns the one-step SSE and the
    // number of terms, leaving the final state in `s`.
    double run(double alpha, double beta, double gamma, State &s, int *count) const
    {
        double sse = 0;
        int n = 0;
        const size_t start = m > 1 ? size_t(m) : 1;
        for (size_t i = start; i < x.size(); ++i) {
            const size_t phase = i % size_t(m);
            const double seasonal = s.season[phase];
            const double forecast = s.level + s.trend + seasonal;
            if (!std::isfinite(x[i])) {
                s.level += s.trend;
                continue;
            }
            const double e = x[i] - forecast;
            sse += e * e;
            ++n;
            const double previous = s.level;
            s.level = alpha * (x[i] - seasonal) + (1 - alpha) * (previous + s.trend);
            s.trend = beta * (s.level - previous) + (1 - beta) * s.trend;
            if (m > 1)
                s.season[phase] = gamma * (x[i] - s.level) + (1 - gamma) * seasonal;
        }
        if (count)
            *count = n;
        return sse;
    }

    double objective(const std::array<double, 3> &p) const
    {
        for (double v : p) {
            if (v < 0 || v > 1)
                return std::numeric_limits<double>::infinity();
        }
        State s = initial();
        return run(p[0], p[1], m > 1 ? p[2] : 0.0, s, nullptr);
    }
};

// Nelder-Mead on the unit cube (out-of-range points score +inf).
std::array<double, 3> minimise(const HoltWinters &hw, std::array<double, 3> start, int dims)
{
    std::vector<std::array<double, 3>> simplex(size_t(dims + 1), start);
    for (int d = 0; d < dims; ++d)
        simplex[size_t(d + 1)][size_t(d)] += 0.1;
    std::vector<double> value(simplex.size());
    for (size_t i = 0; i < simplex.size(); ++i)
        value[i] = hw.objective(simplex[i]);
    for (int iteration = 0; iteration < 200; ++iteration) {
        std::vector<size_t> order(simplex.size());
        std::iota(order.begin(), order.end(), 0);
        std::sort(order.begin(), order.end(),
                  [&](size_t a, size_t b) { return value[a] < value[b]; });
        const size_t best = order.front(), worst = order.back(), second = order[order.size() - 2];
        if (std::abs(value[worst] - value[best]) <= 1e-10 * (1 + std::abs(value[best])))
            break;
        std::array<double, 3> centroid{};
        for (size_t i : order) {
            if (i == worst)
                continue;
            for (int d = 0; d < dims; ++d)
                centroid[size_t(d)] += simplex[i][size_t(d)] / dims;
        }
        auto along = [&](double t) {
            std::array<double, 3> p = simplex[worst];
            for (int d = 0; d < dims; ++d)
                p[size_t(d)]
                    = centroid[size_t(d)] + t * (simplex[worst][size_t(d)] - centroid[size_t(d)]);
            return p;
        };
        const auto reflected = along(-1);
        const double r = hw.objective(reflected);
        if (r < value[best]) {
            const auto expanded = along(-2);
            const double e = hw.objective(expanded);
            if (e < r) {
                simplex[worst] = expanded;
                value[worst] = e;
            } else {
                simplex[worst] = reflected;
                value[worst] = r;
            }
        } else if (r < value[second]) {
            simplex[worst] = reflected;
            value[worst] = r;
        } else {
            const auto contracted = along(0.5);
            const double c = hw.objective(contracted);
            if (c < value[worst]) {
                simplex[worst] = contracted;
                value[worst] = c;
            } else {
                for (size_t i : order) {
                    if (i == best)
                        continue;
                    for (int d = 0; d < dims; ++d)
                        simplex[i][size_t(d)]
                            = 0.5 * (simplex[i][size_t(d)] + simplex[best][size_t(d)]);
                    value[i] = hw.objective(simplex[i]);
                }
            }
        }
    }
    return simplex[size_t(std::min_element(value.begin(), value.end()) - value.begin())];
}

} // namespace

BandForecast naiveForecast(const std::vector<double> &train, int h)
{
    BandForecast f;
    f.resize(h);
    const double last = lastFinite(train, train.size());
    const double sigma = differenceSigma(train, 1);
    for (int k = 0; k < h; ++k)
        setBands(f, k, last, sigma * std::sqrt(double(k + 1)));
    return f;
}

BandForecast seasonalNaiveForecast(const std::vector<double> &train, int season, int h)
{
    if (season < 2 || train.size() < size_t(season))
        return naiveForecast(train, h);
    BandForecast f;
    f.resize(h);
    const double sigma = differenceSigma(train, size_t(season));
    const size_t n = train.size();
    for (int k = 0; k < h; ++k) {
        const size_t source = n - size_t(season) + size_t(k % season);
        const double value
            = std::isfinite(train[source]) ? train[source] : lastFinite(train, source);
        setBands(f, k, value, sigma * std::sqrt(double(k / season + 1)));
    }
    return f;
}

BandForecast holtWintersForecast(const std::vector<double> &train, int season, int h)
{
    const int m = season >= 2 && train.size() >= size_t(2 * season) ? season : 1;
    const HoltWinters hw{ train, m };
    const auto p = minimise(hw, { 0.3, 0.05, 0.1 }, m > 1 ? 3 : 2);
    const double alpha = p[0], beta = p[1], gamma = m > 1 ? p[2] : 0.0;
    HoltWinters::State s = hw.initial();
    int count = 0;
    const double sse = hw.run(alpha, beta, gamma, s, &count);
    const double sigma2 = count > 0 ? sse / count : 0.0;
    const size_t n = train.size();

    BandForecast f;
    f.resize(h);
    double sum = 0; // Σ c_j² for j < h
    for (int k = 1; k <= h; ++k) {
        const double seasonal = m > 1 ? s.season[(n + size_t(k) - 1) % size_t(m)] : 0.0;
        const double point = s.level + k * s.trend + seasonal;
        setBands(f, k - 1, point, std::sqrt(sigma2 * (1 + sum)));
        const int j = k;
        const double c = alpha * (1 + j * beta) + (m > 1 && j % m == 0 ? gamma : 0.0);
        sum += c * c;
    }
    return f;
}
