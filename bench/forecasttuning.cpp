#include "forecasttuning.h"

#include <cmath>
#include <limits>

BandForecast widened(const BandForecast &unwidened, double widening80, double widening95)
{
    BandForecast out = unwidened;
    const auto stretch = [](double point, double bound, double widening) {
        const double v = point + (bound - point) * widening;
        return bound >= 0 && v < 0 ? 0.0 : v;
    };
    for (size_t k = 0; k < out.point.size(); ++k) {
        const double p = unwidened.point[k];
        out.lower80[k] = stretch(p, unwidened.lower80[k], widening80);
        out.upper80[k] = stretch(p, unwidened.upper80[k], widening80);
        out.lower95[k] = std::min(stretch(p, unwidened.lower95[k], widening95), out.lower80[k]);
        out.upper95[k] = std::max(stretch(p, unwidened.upper95[k], widening95), out.upper80[k]);
    }
    return out;
}

IntervalCoverage coverageOf(const TuningSet &set, const IntervalTuning &tuning)
{
    double in80 = 0, in95 = 0, truths = 0;
    for (const TuningWindow &w : set.windows) {
        const BandForecast f
            = widened(w.byBlend[size_t(tuning.blend)], tuning.widening80, tuning.widening95);
        for (size_t k = 0; k < w.truth.size() && k < f.point.size(); ++k) {
            const double y = w.truth[k];
            if (!std::isfinite(y))
                continue;
            in80 += y >= f.lower80[k] && y <= f.upper80[k];
            in95 += y >= f.lower95[k] && y <= f.upper95[k];
            ++truths;
        }
    }
    if (truths == 0)
        return { std::numeric_limits<double>::quiet_NaN(),
                 std::numeric_limits<double>::quiet_NaN() };
    return { in80 / truths, in95 / truths };
}

IntervalTuning tuneWithout(const std::vector<TuningSet> &sets, size_t heldOut)
{
    IntervalTuning best;
    double bestMiss = std::numeric_limits<double>::infinity();
    for (int blend = 0; blend < int(kTuningBlends.size()); ++blend) {
        IntervalTuning candidate{ blend, 1, 1 };
        double miss80 = std::numeric_limits<double>::infinity();
        double miss95 = std::numeric_limits<double>::infinity();
        for (double widening : kTuningWidenings) {
            double sum80 = 0, sum95 = 0;
            int counted = 0;
            for (size_t s = 0; s < sets.size(); ++s) {
                if (s == heldOut)
                    continue;
                const IntervalCoverage c
                    = coverageOf(sets[s], { blend, widening, std::max(widening, 1.0) });
                const IntervalCoverage c95 = coverageOf(sets[s], { blend, 1.0, widening });
                if (!std::isfinite(c.inside80))
                    continue;
                sum80 += std::abs(c.inside80 - 0.80);
                sum95 += std::abs(c95.inside95 - 0.95);
                ++counted;
            }
            if (counted == 0)
                continue;
            if (sum80 / counted < miss80 - 1e-12) {
                miss80 = sum80 / counted;
                candidate.widening80 = widening;
            }
            if (sum95 / counted < miss95 - 1e-12) {
                miss95 = sum95 / counted;
                candidate.widening95 = widening;
            }
        }
        if (miss80 + miss95 < bestMiss - 1e-12) {
            bestMiss = miss80 + miss95;
            best = candidate;
        }
    }
    return best;
}
