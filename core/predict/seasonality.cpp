#include "predict/seasonality.h"

#include "predict/autocorrelation.h"

#include <algorithm>
#include <cmath>
#include <vector>

namespace Umbra::Predict {

namespace {

constexpr int kMinSamples = 8;
constexpr int kMinPeriod = 3;
constexpr double kMinCorrelation = 0.1;
constexpr double kMinProminence = 0.1;
constexpr double kZ = 2.58; // two-sided 99 %
constexpr double kDominantShare = 0.8;
constexpr double kWeekBeyondDays = 0.05;

std::vector<double> detrended(std::span<const double> values)
{
    double sx = 0, sy = 0, sxx = 0, sxy = 0;
    int count = 0;
    for (size_t i = 0; i < values.size(); ++i) {
        if (!std::isfinite(values[i]))
            continue;
        const double x = double(i);
        sx += x;
        sy += values[i];
        sxx += x * x;
        sxy += x * values[i];
        ++count;
    }
    const double denominator = count * sxx - sx * sx;
    const double slope = denominator > 0 ? (count * sxy - sx * sy) / denominator : 0.0;
    const double intercept = count > 0 ? (sy - slope * sx) / count : 0.0;
    std::vector<double> out(values.size());
    for (size_t i = 0; i < values.size(); ++i)
        out[i] = values[i] - (intercept + slope * double(i));
    return out;
}

struct Peaks
{
    std::vector<double> acf; // corrected for the shrinking overlap at long lags
    double threshold = 1;

    // A peak must top its neighbourhood (±5 % of the lag), so the noise on
    // the shoulder of a broad peak does not count as a cycle of its own.
    bool isCycle(int lag) const
    {
        if (lag < kMinPeriod || lag + 1 >= int(acf.size()))
            return false;
        const double r = acf[size_t(lag)];
        if (r < threshold)
            return false;
        const int reach = std::max(1, lag / 20);
        const int from = std::max(1, lag - reach);
        const int to = std::min(int(acf.size()) - 1, lag + reach);
        for (int k = from; k <= to; ++k) {
            if (acf[size_t(k)] > r)
                return false;
        }
        const auto first = acf.begin() + lag / 2;
        const double trough = *std::min_element(first, acf.begin() + lag);
        return r - trough >= kMinProminence;
    }

    // The strongest cycle within `tolerance` lags of `lag`, or 0.
    int cycleNear(int lag, int tolerance) const
    {
        int best = 0;
        for (int k = lag - tolerance; k <= lag + tolerance; ++k) {
            if (isCycle(k) && (best == 0 || acf[size_t(k)] > acf[size_t(best)]))
                best = k;
        }
        return best;
    }
};

} // namespace

SeasonKind Seasonality::kind() const
{
    if (daily && weekly)
        return SeasonKind::DailyAndWeekly;
    if (daily)
        return SeasonKind::Daily;
    if (weekly)
        return SeasonKind::Weekly;
    return period > 0 ? SeasonKind::Other : SeasonKind::None;
}

Seasonality detectSeasonality(std::span<const double> values, int intervalSeconds)
{
    Seasonality result;
    const int n = int(values.size());
    const auto finite
        = std::count_if(values.begin(), values.end(), [](double v) { return std::isfinite(v); });
    if (finite < kMinSamples)
        return result;

    const int maxLag = n / 2;
    Peaks peaks;
    peaks.acf = autocorrelation(detrended(values), maxLag + 1);
    if (peaks.acf[0] == 0)
        return result; // flat

    // Bartlett: short-range correlation (up to the first zero crossing)
    // inflates the noise of every longer lag.
    double shortRange = 0;
    for (size_t k = 1; k < peaks.acf.size() && peaks.acf[k] > 0; ++k)
        shortRange += peaks.acf[k] * peaks.acf[k];
    const double standardError = std::sqrt((1 + 2 * shortRange) / double(finite));
    peaks.threshold = std::max(kMinCorrelation, kZ * standardError);

    // The biased estimator shrinks r(k) by (n-k)/n; undo it so that a week and
    // a day compare fairly.
    for (size_t k = 1; k < peaks.acf.size(); ++k)
        peaks.acf[k] = std::clamp(peaks.acf[k] * double(n) / double(n - int(k)), -1.0, 1.0);

    double strongest = 0;
    for (int lag = kMinPeriod; lag <= maxLag; ++lag) {
        if (peaks.isCycle(lag))
            strongest = std::max(strongest, peaks.acf[size_t(lag)]);
    }
    if (strongest > 0) {
        for (int lag = kMinPeriod; lag <= maxLag; ++lag) {
            if (peaks.isCycle(lag) && peaks.acf[size_t(lag)] >= kDominantShare * strongest) {
                result.period = lag;
                break;
            }
        }
    }

    if (intervalSeconds > 0) {
        const int day = int(std::lround(86400.0 / intervalSeconds));
        const int week = 7 * day;
        const int dayTolerance = std::max(1, day / 20);
        if (day >= kMinPeriod && day + dayTolerance + 1 < int(peaks.acf.size()))
            result.daily = peaks.cycleNear(day, dayTolerance) > 0;
        if (week + 7 * dayTolerance + 1 < int(peaks.acf.size())) {
            if (const int lag = peaks.cycleNear(week, 7 * dayTolerance)) {
                double days = 0;
                for (int k = 1; k < 7; ++k)
                    days += peaks.acf[size_t(k * day)];
                result.weekly
                    = !result.daily || peaks.acf[size_t(lag)] - days / 6 >= kWeekBeyondDays;
            }
        }
        // Calendar cycles are reported exactly, the shorter first.
        if (result.daily)
            result.period = day;
        else if (result.weekly)
            result.period = week;
    }
    if (result.period > 0)
        result.strength = std::clamp(peaks.acf[size_t(result.period)], 0.0, 1.0);
    return result;
}

} // namespace Umbra::Predict
