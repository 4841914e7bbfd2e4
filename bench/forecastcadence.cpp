#include "forecastcadence.h"

#include "cputime.h"
#include "predict/forecaster.h"

#include <cmath>

namespace {

// Mean absolute change from one sample to the next: the naive forecast's
// one-step error, the scale every horizon's error is divided by.
double naiveScale(const std::vector<double> &values)
{
    double sum = 0;
    long long n = 0;
    for (size_t i = 1; i < values.size(); ++i) {
        if (std::isfinite(values[i]) && std::isfinite(values[i - 1])) {
            sum += std::abs(values[i] - values[i - 1]);
            ++n;
        }
    }
    return n > 0 ? sum / double(n) : 0.0;
}

} // namespace

std::vector<CadenceScore> scoreRefitCadences(const std::vector<TraceSeries> &series,
                                             const TierLayout &tier,
                                             const std::vector<int> &cadences)
{
    const int horizon = tier.horizon;
    std::vector<CadenceScore> scores;
    for (int cadence : cadences) {
        CadenceScore score;
        score.cadence = cadence;
        long long inside = 0, truths = 0;
        for (const TraceSeries &trace : series) {
            const std::vector<double> &values = trace.values;
            const double scale = naiveScale(values);
            if (!(scale > 0) || values.size() < size_t(tier.scoreFrom + horizon + 1))
                continue;
            Umbra::Predict::ForecasterOptions options;
            options.intervalSeconds = trace.intervalSeconds;
            options.maxHistory = tier.window;
            Umbra::Predict::Forecaster forecaster(options);
            const qint64 stepMs = qint64(trace.intervalSeconds) * 1000;
            double errors[3] = {};
            long long origins = 0;
            for (size_t i = 0; i + size_t(horizon) < values.size(); ++i) {
                forecaster.update(qint64(i) * stepMs, values[i]);
                const bool scored = forecaster.retainedSamples() >= tier.scoreFrom;
                const int due = scored ? cadence : tier.fillingCadence;
                if (forecaster.retainedSamples() >= 16 && forecaster.samplesSinceFit() >= due) {
                    const double before = cpuSeconds();
                    forecaster.refit();
                    score.refitSeconds += cpuSeconds() - before;
                    ++score.refits;
                }
                if (!scored || !forecaster.isFitted() || i % size_t(tier.originStride) != 0)
                    continue;
                const QList<Umbra::Predict::ForecastStep> forecast = forecaster.forecast(horizon);
                if (forecast.size() != horizon)
                    continue;
                double sum = 0;
                int counted = 0, step = 0;
                for (int k = 1; k <= horizon; ++k) {
                    const double truth = values[i + size_t(k)];
                    if (std::isfinite(truth)) {
                        const auto &at = forecast[k - 1];
                        sum += std::abs(truth - at.point);
                        ++counted;
                        ++truths;
                        inside += truth >= at.lower95 && truth <= at.upper95;
                    }
                    if (step < 3 && k == tier.scoredSteps[size_t(step)]) {
                        errors[step] += counted > 0 ? sum / counted / scale : 0.0;
                        ++step;
                    }
                }
                ++origins;
            }
            if (origins == 0)
                continue;
            for (int h = 0; h < 3; ++h)
                score.mase[h] += errors[h] / double(origins);
            ++score.series;
        }
        for (double &m : score.mase)
            m = score.series > 0 ? m / score.series : 0.0;
        score.coverage95 = truths > 0 ? double(inside) / double(truths) : 0.0;
        scores.push_back(score);
    }
    return scores;
}
