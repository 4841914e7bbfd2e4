#pragma once

#include "predict/confidence.h"
#include "predict/crossing.h"
#include "predict/forecaster.h"

#include <QByteArray>
#include <QList>
#include <QPointF>
#include <optional>

namespace Umbra::Predict {

// The demand of one metric of one VM or host (a percentage of capacity),
// modelled twice: at the collection interval for the next minutes, and as
// five-minute means for the next hours and days, where daily and weekly
// rhythms live. Samples go in once; each tier refits when it has absorbed
// enough new data.
class DemandModel
{
public:
    static constexpr int kCoarseIntervalSeconds = 300;
    // A week ahead at five minutes; a quarter of an hour at the fine interval.
    static constexpr int kCoarseHorizonSteps = 7 * 288;
    static constexpr qint64 kFineHorizonMs = 15 * 60 * 1000;

    explicit DemandModel(int fineIntervalSeconds);

    void add(qint64 timeMs, double percent);
    // History older than what add() will bring, as five-minute means: goes to
    // the coarse tier only.
    void addCoarse(qint64 timeMs, double percent);
    // Refits a tier that has absorbed enough since its last fit; returns
    // whether it did (the caller spreads the refits over time).
    bool refitIfDue();

    // Known events for both tiers; the coarse tier, where they matter, refits
    // at once to learn their uplift from the history it holds.
    void setEvents(const QList<CalendarEvent> &events);

    const Forecaster &fine() const { return m_fine; }
    const Forecaster &coarse() const { return m_coarse; }
    int fineHorizonSteps() const;

    // When the demand is predicted to reach 100 %: from the fine tier when it
    // gets there within its quarter hour, else from the coarse tier's week —
    // or sooner, when the last hours' five-minute means rise in a clear
    // straight line (the models damp trends; operators expect "at this rate").
    // Cached until the next sample. A crossing whose confidence is not
    // earned (Confidence) is withheld: an empty Crossing.
    Crossing saturation();
    // What the last saturation() rests on: the confidence at its lead time,
    // or at the fine tier's horizon when nothing crosses.
    Confidence saturationConfidence();
    // The confidence of a forecast `leadMs` ahead: the history of both tiers,
    // the track record of the tier that forecasts that far.
    Confidence confidence(qint64 leadMs) const;

    QByteArray saveState() const;
    static std::optional<DemandModel> loadState(const QByteArray &blob, int fineIntervalSeconds);

private:
    void closeBucket();

    Forecaster m_fine;
    Forecaster m_coarse;
    // The open five-minute bucket.
    qint64 m_bucket = -1;
    double m_sum = 0;
    int m_count = 0;
    std::optional<Crossing> m_saturation;
    Confidence m_saturationConfidence;
    // The last few hours of five-minute means, for the trend line.
    QList<QPointF> m_recentMeans;
};

} // namespace Umbra::Predict
