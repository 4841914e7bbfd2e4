#pragma once

#include "predict/calendarevent.h"
#include "predict/forecastfit.h"
#include "predict/forecastmodel.h"
#include "predict/samplehistory.h"
#include "predict/seasonality.h"
#include "util/result.h"

#include <QByteArray>
#include <QList>
#include <QPointF>
#include <algorithm>

namespace Umbra::Predict {

struct ForecasterOptions
{
    int intervalSeconds = 300; // the series' sampling interval
    // Samples retained for refits: 30 days at 5 minutes. Enough for three
    // weeks (a weekly profile) and bounded at 35 KB per series.
    int maxHistory = 8640;

    bool operator==(const ForecasterOptions &) const = default;
};

// One step of a forecast with its 80 % and 95 % prediction intervals.
struct ForecastStep
{
    qint64 timeMs = 0;
    double point = 0;
    double lower80 = 0, upper80 = 0;
    double lower95 = 0, upper95 = 0;
};

// Forecasts one regularly sampled series online.
//
// update() absorbs a sample in O(1). refit() re-detects seasonality and
// re-estimates everything from the retained history (about 4 ms for a month
// at 5 minutes). For a refit off the owning thread, take fitInput() on the
// owner, run the pure fit() anywhere, and hand the result to adopt() on the
// owner again; samples that arrived meanwhile are replayed. The object itself
// is not thread-safe: one owner at a time.
//
// Until the first refit (and on fewer than 16 samples) the forecast is the
// last value with random-walk intervals from the recent step size.
class Forecaster
{
public:
    explicit Forecaster(ForecasterOptions options = {});

    const ForecasterOptions &options() const { return m_options; }

    // Takes the sample for the slot nearest `timeMs` (slots are whole
    // intervals after the first sample). Missing slots in between become gaps;
    // NaN is a gap too. Returns false, ignoring it, for a sample whose slot is
    // not newer than the last one.
    bool update(qint64 timeMs, double value);

    void refit();
    FitInput fitInput() const;
    // The same with `before` in front of the retained history: the values of
    // the slots just before it, oldest first (NaN for a gap), from a caller
    // that keeps the longer history elsewhere. Slots before the first sample
    // ever taken are left out.
    FitInput fitInput(const std::vector<float> &before) const;
    static FitResult fit(const FitInput &input) { return fitModel(input); }
    void adopt(FitResult result);

    // Steps 1…horizonSteps after the last sample. Empty before any sample.
    QList<ForecastStep> forecast(int horizonSteps) const;

    // Known events. Samples inside one are left out of the normal model;
    // refit() learns their uplift, and forecasts apply it inside occurrences.
    void setEvents(QList<CalendarEvent> events) { m_events = std::move(events); }
    const QList<CalendarEvent> &events() const { return m_events; }
    const QList<EventUplift> &uplifts() const { return m_uplifts; }

    const Seasonality &seasonality() const { return m_seasonality; }
    int modelPeriod() const { return m_params.period; }
    bool isFitted() const { return m_params.fitted; }
    int retainedSamples() const { return m_history.size(); }
    // The time of the oldest retained slot (the next sample's before any).
    qint64 firstRetainedTimeMs() const
    {
        return slotTimeMs(m_history.size() > 0 ? m_history.firstSlot() : m_state.slot + 1);
    }
    // Retains at most `samples` from now on, the newest; the options (and a
    // saved state) say so.
    void setMaxHistory(int samples);
    // The time from the first retained sample to the last (gaps included).
    qint64 historyMs() const
    {
        return qint64(std::max(0, m_history.size() - 1)) * qint64(m_options.intervalSeconds) * 1000;
    }
    // The fit's track record `steps` ahead: the forecast's error over
    // naive's (relativeErrorAt); NaN before a fit.
    double relativeError(int steps) const { return relativeErrorAt(m_params, steps); }
    // Slots absorbed since the parameters were last estimated: the engine
    // refits when this grows past its taste (say an hour's worth).
    qint64 samplesSinceFit() const { return m_state.slot - m_fittedSlot; }
    // Of those, the retained slots that brought a value: what a refit would
    // learn from that the last one did not. A gap (the console stopped for
    // hours) brings nothing to learn from.
    qint64 observedSinceFit() const;
    qint64 lastTimeMs() const { return slotTimeMs(m_state.slot); }
    // The latest observed value (NaN before any).
    double lastValue() const { return m_state.last; }
    // The newest `count` observed values the history retains (gaps left
    // out), oldest first, as (time in ms, value).
    QList<QPointF> recentValues(int count) const;

    // A compact, versioned, checksummed snapshot, and its inverse. A blob from
    // a newer format or with a damaged checksum is refused.
    QByteArray saveState() const;
    static Result<Forecaster> loadState(const QByteArray &blob);

private:
    friend class ForecasterSerializer;

    qint64 slotTimeMs(qint64 slot) const
    {
        return m_originMs + slot * qint64(m_options.intervalSeconds) * 1000;
    }
    void absorbSlot(qint64 slot, double value);

    ForecasterOptions m_options;
    bool m_hasOrigin = false;
    qint64 m_originMs = 0;
    SampleHistory m_history;
    QList<CalendarEvent> m_events;
    Seasonality m_seasonality;
    ModelParams m_params;
    ModelState m_state;
    QList<EventUplift> m_uplifts;
    qint64 m_fittedSlot = -1;
};

} // namespace Umbra::Predict
