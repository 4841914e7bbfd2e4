#pragma once

#include "predict/confidence.h"
#include "predict/crossing.h"
#include "predict/forecaster.h"
#include "predict/trendcrossing.h"

#include <QByteArray>
#include <QList>
#include <QPointF>
#include <functional>
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

    // Five-minute means of the model's series in [fromMs, toMs), as
    // (time in ms, percent), from wherever its whole history is kept.
    using CoarseHistory = std::function<QList<QPointF>(qint64 fromMs, qint64 toMs)>;
    // What the coarse tier refits on: a month of five-minute means.
    static constexpr int kCoarseFitSteps = 30 * 288;
    // What it holds itself when a CoarseHistory keeps the rest: four hours,
    // the trend line's three and slack. Only a refit reads the rest; two
    // days held were 4.5 KiB of every VM's two models.
    static constexpr int kCoarseHeldSteps = 48;

    explicit DemandModel(int fineIntervalSeconds);

    // The series' history is kept elsewhere (the store): the coarse tier
    // holds only its last kCoarseHeldSteps and reads the rest of its month
    // from `history` when it refits. A month in memory per model is most of
    // what a large fleet's models would weigh.
    void setCoarseHistory(CoarseHistory history);

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
    // The highest point the coarse tier forecasts over the next day, once it
    // is fitted. The policy asks it of every VM at every evaluation; it
    // changes only with the tier, like the week's crossing it comes with.
    std::optional<double> dayPeak();
    static constexpr int kDaySteps = 288;
    // The confidence of a forecast `leadMs` ahead: the history of both tiers,
    // the track record of the tier that forecasts that far.
    Confidence confidence(qint64 leadMs) const;

    QByteArray saveState() const;
    static std::optional<DemandModel> loadState(const QByteArray &blob, int fineIntervalSeconds);

private:
    void closeBucket();
    void refitCoarse();

    Forecaster m_fine;
    Forecaster m_coarse;
    CoarseHistory m_coarseHistory;
    // The open five-minute bucket.
    qint64 m_bucket = -1;
    double m_sum = 0;
    int m_count = 0;
    std::optional<Crossing> m_saturation;
    // What the coarse tier's week says: 2,016 steps to forecast, which a
    // month-old fleet of 10,000 VMs did for every sample (a core's worth)
    // though they change only with the tier's state. Kept until it changes.
    struct CoarseOutlook
    {
        Crossing crossing; // of 100 % within the week
        std::optional<double> dayPeak; // see dayPeak()
    };
    const CoarseOutlook &coarseOutlook();
    std::optional<CoarseOutlook> m_coarseOutlook;
    // The straight line through the last three hours of five-minute means,
    // which change only with the coarse tier, like its outlook.
    struct Trend
    {
        TrendLine line;
        std::optional<qint64> lastMeanMs; // none without a mean yet
    };
    const Trend &trend();
    std::optional<Trend> m_trend;
    void coarseChanged();
    Confidence m_saturationConfidence;
};

} // namespace Umbra::Predict
