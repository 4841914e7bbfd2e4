#pragma once

#include "forecastbaselines.h"

#include <QString>
#include <array>
#include <vector>

// Leave-one-out tuning of the forecaster's two interval constants
// (Predict::FitTuning): chosen on every data set but one, scored on the one
// left out, so no figure reported for a data set was tuned on it.

// The candidates. The scale blend changes what a fit measures, so each
// blend is a fit of its own; a widening only stretches the bands of a fit
// made without it (widenings of 1) around the point forecast. The 80 % and
// the 95 % bands are widened apart: each level's coverage depends on its
// own widening only.
inline constexpr std::array<double, 5> kTuningBlends = { 0.0, 0.15, 0.3, 0.5, 0.7 };
inline constexpr std::array<double, 15> kTuningWidenings
    = { 0.9, 1.0, 1.05, 1.1, 1.15, 1.2, 1.25, 1.3, 1.4, 1.5, 1.6, 1.7, 1.8, 1.9, 2.0 };

struct IntervalTuning
{
    int blend = 0; // index into kTuningBlends
    double widening80 = 1;
    double widening95 = 1;

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

// The bands of `unwidened` stretched around its point, the 80 % ones by
// `widening80` and the 95 % ones by `widening95` (never inside the 80 %
// ones); a band that did not go below zero does not after stretching either.
BandForecast widened(const BandForecast &unwidened, double widening80, double widening95);

IntervalCoverage coverageOf(const TuningSet &set, const IntervalTuning &tuning);

// The tuning whose coverage, averaged over the data sets other than
// `heldOut` with each set counting once, is nearest nominal: for each blend
// the widening of each level that brings the mean |coverage − nominal| of
// that level lowest, and the blend whose two misses add up lowest. Pass
// heldOut = sets.size() to tune on all of them.
IntervalTuning tuneWithout(const std::vector<TuningSet> &sets, size_t heldOut);
