#pragma once

#include "forecastbaselines.h"

#include <QString>
#include <array>
#include <vector>

// Leave-one-out tuning of the forecaster's two interval constants
// (Predict::FitTuning): chosen on every data set but one, scored on the one
// left out, so no figure reported for a data set was tuned on it.

// The candidates. The scale blend changes what a fit measures, so each
// blend is a fit of its own; the widening only stretches the bands of a fit
// made without it (quantileWidening = 1) around the point forecast.
inline constexpr std::array<double, 5> kTuningBlends = { 0.0, 0.15, 0.3, 0.5, 0.7 };
inline constexpr std::array<double, 11> kTuningWidenings
    = { 0.9, 1.0, 1.05, 1.1, 1.15, 1.2, 1.25, 1.3, 1.4, 1.5, 1.7 };

struct IntervalTuning
{
    int blend = 2; // index into kTuningBlends
    double widening = 1.15;

    double scaleBlend() const { return kTuningBlends[size_t(blend)]; }
    bool operator==(const IntervalTuning &) const = default;
};

// One forecast origin of a data set: what happened, and the forecaster's
// forecast of it under each blend, unwidened.
struct TuningWindow
{
    std::vector<double> truth;
    std::array<BandForecast, kTuningBlends.size()> byBlend;
};

struct TuningSet
{
    QString name;
    std::vector<TuningWindow> windows;
};

struct IntervalCoverage
{
    double inside80 = 0, inside95 = 0; // shares of finite truths
};

// The bands of `unwidened` stretched by `widening` around its point; a band
// that did not go below zero does not after stretching either.
BandForecast widened(const BandForecast &unwidened, double widening);

IntervalCoverage coverageOf(const TuningSet &set, const IntervalTuning &tuning);

// The tuning whose coverage, averaged over the data sets other than
// `heldOut` with each set counting once, is nearest nominal: the sum of
// |coverage95 − 95 %| and |coverage80 − 80 %|, 95 % first on a tie. Pass
// heldOut = sets.size() to tune on all of them.
IntervalTuning tuneWithout(const std::vector<TuningSet> &sets, size_t heldOut);
