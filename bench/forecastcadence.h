#pragma once

#include "forecastdata.h"

#include <array>
#include <vector>

// How often a demand model's tier must refit. Between refits its state
// follows every sample and only its parameters stand still. Each series is
// replayed through the tier's window once per cadence: refitting every
// `fillingCadence` samples until `scoreFrom` samples are held and every
// `cadence` samples after; from then on, from every `originStride`th sample,
// the next `horizon` steps are forecast and scored.
struct TierLayout
{
    int window = 0; // samples the tier holds
    int horizon = 0; // steps it forecasts
    int fillingCadence = 0;
    int scoreFrom = 0; // samples held before anything is scored
    int originStride = 0;
    std::array<int, 3> scoredSteps = {}; // MASE of steps 1…n for each
};

// The fine tier: two hours at 10 s, a quarter of an hour ahead, scored once
// its window is full.
inline constexpr TierLayout kFineTier{ 720, 90, 60, 720, 6, { 1, 12, 90 } };
// The coarse tier: a month of five-minute means, refitting every hour of
// them in the console; scored a day ahead, hourly, from its third day (the
// traces are a month or shorter, so its window never fills).
inline constexpr TierLayout kCoarseTier{ 30 * 288, 288, 12, 2 * 288, 12, { 1, 12, 288 } };

struct CadenceScore
{
    int cadence = 0; // samples between refits once scored
    double mase[3] = {}; // mean over series of MAE of steps 1…n / naive MAE, per scoredSteps
    double coverage95 = 0; // truths at steps 1…horizon inside the 95 % band
    long long refits = 0;
    double refitSeconds = 0; // CPU
    int series = 0;
};

std::vector<CadenceScore> scoreRefitCadences(const std::vector<TraceSeries> &series,
                                             const TierLayout &tier,
                                             const std::vector<int> &cadences);
