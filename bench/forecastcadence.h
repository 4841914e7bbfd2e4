#pragma once

#include "forecastdata.h"

#include <vector>

// How often a demand model's fine tier must refit. The fine tier keeps a
// window of 720 samples (two hours at 10 s) and forecasts the next 90 steps
// (a quarter of an hour); between refits its state follows every sample and
// only its parameters stand still. Each series is replayed through such a
// window once per cadence, all refitting every 60 samples until the window
// is full and every `cadence` samples after; from every sixth sample of a
// full window on, the next 90 steps are forecast and scored.
struct CadenceScore
{
    int cadence = 0; // samples between refits once the window is full
    double mase[3] = {}; // mean over series of MAE of steps 1…1, 1…12, 1…90 / naive MAE
    double coverage95 = 0; // truths at steps 1…90 inside the 95 % band
    long long refits = 0;
    double refitSeconds = 0; // CPU
    int series = 0;
};

std::vector<CadenceScore> scoreRefitCadences(const std::vector<TraceSeries> &series,
                                             const std::vector<int> &cadences);
