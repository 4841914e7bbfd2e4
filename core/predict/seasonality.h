#pragma once

#include <span>

namespace Umbra::Predict {

enum class SeasonKind {
    None,
    Daily,
    Weekly,
    DailyAndWeekly,
    Other, // a cycle that is neither a day nor a week (a batch job, a lab's compressed day)
};

// What the autocorrelation of a series says about its cycles.
struct Seasonality
{
    int period = 0; // the dominant cycle in samples; 0 when there is none
    double strength = 0; // autocorrelation at `period`, 0..1
    bool daily = false;
    bool weekly = false;

    SeasonKind kind() const;
    bool operator==(const Seasonality &) const = default;
};

// Detects the cycles of a regularly sampled series (NaN for missing samples).
// The series is detrended by a least-squares line, then a lag counts as a
// cycle when its autocorrelation is a local peak that
//   - exceeds 2.58 standard errors of Bartlett's formula (the short-range
//     correlation up to the first zero crossing widens the band) and 0.1,
//   - rises at least 0.1 above the lowest autocorrelation in the half cycle
//     before it (a slowly decaying, trending series has no such dip),
//   - is seen at least twice (lag ≤ n/2).
// The dominant period is the shortest such cycle that is at least 80 % as
// strong as the strongest one, so a cycle wins over its own multiples. Daily
// and weekly follow from `intervalSeconds`; weekly needs the lag of a week to
// correlate more than the days within it (a weekend), not merely repeat the
// daily cycle. A flat or white-noise series has no cycle. Pure and cheap
// (one FFT), so callers re-check as data grows.
Seasonality detectSeasonality(std::span<const double> values, int intervalSeconds);

} // namespace Umbra::Predict
