#include "forecastcadence.h"

#include "cputime.h"
#include "predict/forecaster.h"

#include <cmath>

namespace {

constexpr int kWindow = 720;
constexpr int kHorizon = 90;
constexpr int kFillingCadence = 60;
constexpr int kOriginStride = 6;
constexpr int kScoredSteps[] = { 1, 12, 90 };

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
                                             const std::vector<int> &cadences)
{
    std::vector<CadenceScore> scores;
    for (int cadence : cadences) {
        CadenceScore score;
        score.cadence = cadence;
        long long inside = 0, truths = 0;
        for (const TraceSeries &trace : series) {
            const std::vector<double> &values = trace.values;
            const double scale = naiveScale(values);
            if (!(scale > 0) || values.size() < size_t(kWindow + kHorizon + 1))
                continue;
            Umbra::Predict::ForecasterOptions options;
            options.intervalSeconds = trace.intervalSeconds;
            options.maxHistory = kWindow;
            Umbra::Predict::Forecaster forecaster(options);
            const qint64 stepMs = qint64(trace.intervalSeconds) * 1000;
            double errors[3] = {};
            long long origins = 0;
            for (size_t i = 0; i + kHorizon < values.size(); ++i) {
                forecaster.update(qint64(i) * stepMs, values[i]);
                const bool full = forecaster.retainedSamples() >= kWindow;
                const int due = full ? cadence : kFillingCadence;
                if (forecaster.retainedSamples() >= 16 && forecaster.samplesSinceFit() >= due) {
                    const double before = cpuSeconds();
                    forecaster.refit();
                    score.refitSeconds += cpuSeconds() - before;
                    ++score.refits;
                }
                if (!full || !forecaster.isFitted() || i % kOriginStride != 0)
                    continue;
                const QList<Umbra::Predict::ForecastStep> forecast = forecaster.forecast(kHorizon);
                if (forecast.size() != kHorizon)
                    continue;
                double sum = 0;
                int counted = 0, scored = 0;
                for (int k = 1; k <= kHorizon; ++k) {
                    const double truth = values[i + size_t(k)];
                    if (std::isfinite(truth)) {
                        const auto &step = forecast[k - 1];
                        sum += std::abs(truth - step.point);
                        ++counted;
                        ++truths;
                        inside += truth >= step.lower95 && truth <= step.upper95;
                    }
                    if (k == kScoredSteps[scored]) {
                        errors[scored] += counted > 0 ? sum / counted / scale : 0.0;
                        ++scored;
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
