#pragma once

#include "forecastbaselines.h"

#include <QString>
#include <optional>
#include <vector>

// R's forecast package as the reference users compare against: one Rscript
// process per batch of training windows, written to and read back from
// temporary files.
struct RJob
{
    std::vector<double> train;
    int frequency = 1; // ts() frequency: the season in steps, 1 for none
    int h = 1;
};

struct RResults
{
    // One entry per job; empty when R could not fit that window.
    std::vector<std::optional<BandForecast>> ets, arima;
    double wallSeconds = 0;
};

// Whether Rscript runs and has the forecast package; why not otherwise.
bool rForecastAvailable(QString *why);

// forecast::ets(y) and forecast::auto.arima(y, seasonal = FALSE) (with
// `fourierTerms` > 0: plus fourier(y, K) regressors for the season, the
// package's advice for seasons longer than 24), levels 80 and 95, over
// `processes` Rscript processes in parallel.
RResults runRBaselines(const std::vector<RJob> &jobs, int processes, int fourierTerms);
