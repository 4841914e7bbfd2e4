#pragma once

#include <cstddef>
#include <vector>

// A forecast with its 80 % and 95 % intervals, one entry per step 1…h.
struct BandForecast
{
    std::vector<double> point, lower80, upper80, lower95, upper95;
    void resize(int h)
    {
        for (auto *v : { &point, &lower80, &upper80, &lower95, &upper95 })
            v->assign(std::size_t(h), 0.0);
    }
};

// The classical references, with the textbook Gaussian intervals.
// Training windows may hold NaN (gaps); `season` is in steps (1 = none).

// The last value; σ√h from the one-step differences.
BandForecast naiveForecast(const std::vector<double> &train, int h);

// The value one season earlier; σ√(k+1) after k whole seasons, from the
// seasonal differences.
BandForecast seasonalNaiveForecast(const std::vector<double> &train, int season, int h);

// Additive Holt-Winters (Holt's linear trend when season < 2 or fewer than two
// seasons of data), α, β, γ fitted by Nelder-Mead on the one-step squared
// error; intervals from the analytic variance of the additive model
// (Hyndman et al. 2008, class 1).
BandForecast holtWintersForecast(const std::vector<double> &train, int season, int h);
