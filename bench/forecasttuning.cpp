#include "forecasttuning.h"

#include <cmath>
#include <limits>

BandForecast widened(const BandForecast &unwidened, double widening)
{
    BandForecast out = unwidened;
    const auto stretch = [widening](double point, double bound) {
        const double v = point + (bound - point) * widening;
        return bound >= 0 && v < 0 ? 0.0 : v;
    };
    for (size_t k = 0; k < out.point.size(); ++k) {
        const double p = unwidened.point[k];
        out.lower80[k] = stretch(p, unwidened.lower80[k]);
        out.upper80[k] = stretch(p, unwidened.upper80[k]);
        out.lower95[k] = stretch(p, unwidened.lower95[k]);
        out.upper95[k] = stretch(p, unwidened.upper95[k]);
    }
    return out;
}

IntervalCoverage coverageOf(const TuningSet &set, const IntervalTuning &tuning)
{
    double in80 = 0, in95 = 0, truths = 0;
    for (const TuningWindow &w : set.windows) {
        const BandForecast f = widened(w.byBlend[size_t(tuning.blend)], tuning.widening);
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
    double bestMiss95 = std::numeric_limits<double>::infinity();
    for (int blend = 0; blend < int(kTuningBlends.size()); ++blend) {
        for (double widening : kTuningWidenings) {
            const IntervalTuning candidate{ blend, widening };
            double miss = 0, miss95 = 0;
            int counted = 0;
            for (size_t s = 0; s < sets.size(); ++s) {
                if (s == heldOut)
                    continue;
                const IntervalCoverage c = coverageOf(sets[s], candidate);
                if (!std::isfinite(c.inside95))
                    continue;
                miss95 += std::abs(c.inside95 - 0.95);
                miss += std::abs(c.inside95 - 0.95) + std::abs(c.inside80 - 0.80);
                ++counted;
            }
            if (counted == 0)
                continue;
            if (miss < bestMiss - 1e-12
                || (std::abs(miss - bestMiss) <= 1e-12 && miss95 < bestMiss95)) {
                best = candidate;
                bestMiss = miss;
                bestMiss95 = miss95;
            }
        }
    }
    return best;
}
