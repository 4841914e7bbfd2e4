#include "predict/forecaster.h"

#include <algorithm>
#include <cmath>

namespace Umbra::Predict {

Forecaster::Forecaster(ForecasterOptions options)
    : m_options(options)
    , m_history(options.maxHistory)
    , m_state(initialState(m_params))
{
    m_options.intervalSeconds = std::max(1, m_options.intervalSeconds);
}

bool Forecaster::update(qint64 timeMs, double value)
{
    if (!m_hasOrigin) {
        m_originMs = timeMs;
        m_hasOrigin = true;
    }
    const qint64 intervalMs = qint64(m_options.intervalSeconds) * 1000;
    const qint64 offset = timeMs - m_originMs + intervalMs / 2;
    if (offset < 0)
        return false;
    const qint64 slot = offset / intervalMs;
    if (slot <= m_state.slot)
        return false;

    // A gap longer than the history says nothing slot by slot: jump over
    // what would fall out anyway.
    const qint64 capacity = m_history.capacity();
    if (slot - m_state.slot - 1 > capacity) {
        m_state.slot = slot - 1 - capacity;
        m_history.clear();
    }
    while (m_state.slot + 1 < slot)
        absorbSlot(m_state.slot + 1, kNaN);
    absorbSlot(slot, value);
    return true;
}

void Forecaster::absorbSlot(qint64 slot, double value)
{
    // The model sees exactly what the history keeps, so a refit on the
    // history reproduces the state.
    const float kept = float(value);
    m_history.append(slot, kept);
    const bool inEvent
        = !m_events.isEmpty() && std::isfinite(kept) && eventAt(m_events, slotTimeMs(slot)) >= 0;
    absorb(m_params, m_state, inEvent ? kNaN : double(kept));
}

QList<QPointF> Forecaster::recentValues(int count) const
{
    QList<QPointF> values;
    if (m_history.size() == 0)
        return values;
    for (qint64 slot = m_history.lastSlot(); slot >= m_history.firstSlot() && values.size() < count;
         --slot) {
        const float value = m_history.at(slot);
        if (std::isfinite(value))
            values.append(QPointF(double(slotTimeMs(slot)), double(value)));
    }
    std::reverse(values.begin(), values.end());
    return values;
}

FitInput Forecaster::fitInput() const
{
    FitInput input;
    input.values = m_history.toVector();
    input.firstSlot = m_history.size() > 0 ? m_history.firstSlot() : m_state.slot + 1;
    input.originMs = m_originMs;
    input.intervalSeconds = m_options.intervalSeconds;
    input.events = m_events;
    return input;
}

FitInput Forecaster::fitInput(const std::vector<float> &before) const
{
    FitInput input = fitInput();
    const size_t usable = size_t(std::clamp<qint64>(input.firstSlot, 0, qint64(before.size())));
    if (usable == 0)
        return input;
    std::vector<float> values(before.end() - qint64(usable), before.end());
    values.insert(values.end(), input.values.begin(), input.values.end());
    input.values = std::move(values);
    input.firstSlot -= qint64(usable);
    return input;
}

void Forecaster::setMaxHistory(int samples)
{
    samples = std::max(samples, 1);
    if (samples == m_options.maxHistory)
        return;
    m_options.maxHistory = samples;
    const std::vector<float> kept = m_history.toVector();
    const qint64 lastSlot = m_history.lastSlot();
    m_history = SampleHistory(samples);
    if (!kept.empty())
        m_history.assign(lastSlot, kept);
}

qint64 Forecaster::observedSinceFit() const
{
    qint64 observed = 0;
    if (m_history.size() == 0)
        return observed;
    for (qint64 slot = std::max(m_fittedSlot + 1, m_history.firstSlot());
         slot <= m_history.lastSlot(); ++slot)
        observed += std::isfinite(m_history.at(slot)) ? 1 : 0;
    return observed;
}

void Forecaster::refit()
{
    adopt(fit(fitInput()));
}

void Forecaster::adopt(FitResult result)
{
    m_seasonality = result.seasonality;
    m_params = std::move(result.params);
    m_state = std::move(result.state);
    m_uplifts = std::move(result.uplifts);
    m_fittedSlot = m_state.slot;
    if (m_history.size() == 0)
        return;
    if (m_state.slot < m_history.firstSlot() - 1)
        m_state.slot = m_history.firstSlot() - 1;
    for (qint64 slot = m_state.slot + 1; slot <= m_history.lastSlot(); ++slot) {
        const double value = m_history.at(slot);
        const bool inEvent = !m_events.isEmpty() && std::isfinite(value)
            && eventAt(m_events, slotTimeMs(slot)) >= 0;
        absorb(m_params, m_state, inEvent ? kNaN : value);
    }
}

QList<ForecastStep> Forecaster::forecast(int horizonSteps) const
{
    QList<ForecastStep> steps;
    if (horizonSteps <= 0 || m_history.size() == 0 || !std::isfinite(m_state.last))
        return steps;
    std::vector<MemberWeights> members;
    memberForecasts(m_params, m_state, horizonSteps, members);
    const IntervalScale scales(m_params, m_state);
    steps.reserve(horizonSteps);
    for (int k = 1; k <= horizonSteps; ++k) {
        const MemberWeights w = weightsAt(m_params, k);
        double point = 0;
        for (int m = 0; m < MemberCount; ++m)
            point += w[size_t(m)] * members[size_t(k - 1)][size_t(m)];
        const ErrorQuantiles q = quantilesAt(m_params, k);
        const double scale = scales.at(k);
        ForecastStep step;
        step.timeMs = slotTimeMs(m_state.slot + k);
        step.point = point;
        step.lower95 = point + q[0] * scale;
        step.lower80 = point + q[1] * scale;
        step.upper80 = point + q[2] * scale;
        step.upper95 = point + q[3] * scale;
        // Error quantiles need not straddle zero; the bands must still nest.
        step.lower80 = std::min(step.lower80, point);
        step.lower95 = std::min(step.lower95, step.lower80);
        step.upper80 = std::max(step.upper80, point);
        step.upper95 = std::max(step.upper95, step.upper80);
        if (!m_events.isEmpty()) {
            const int event = eventAt(m_events, step.timeMs);
            for (const EventUplift &uplift : m_uplifts) {
                if (event >= 0 && uplift.name == m_events[event].name) {
                    for (double *v : { &step.point, &step.lower80, &step.upper80, &step.lower95,
                                       &step.upper95 })
                        *v = uplift.apply(*v);
                    break;
                }
            }
        }
        if (m_params.nonNegative) {
            for (double *v :
                 { &step.point, &step.lower80, &step.upper80, &step.lower95, &step.upper95 })
                *v = std::max(*v, 0.0);
        }
        steps.append(step);
    }
    return steps;
}

} // namespace Umbra::Predict
