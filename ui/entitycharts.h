#pragma once

#include "chartqueries.h"
#include "historybar.h"
#include "latestrequest.h"
#include "visiblerefresh.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QTimer>
#include <functional>

class QWidget;

namespace Umbra {

class MetricChart;

// The charts of one VM ("vm/<uuid>") or host ("host/<uri>") over the range
// its page shows, with their forecasts and anomalies. A page says once which
// line shows what, then calls show() for each entity and range.
//
// History: the live hour starts from the stored samples, which the page draws
// as it draws live ones; a longer range shows each stored series as
// envelopes, as many points as the plot is wide, every chart changing at once
// when all have answered. Those are read again every minute and when a plot's
// width changes.
//
// Forecasts: for the live hour the next quarter hour at the collection
// interval, for longer ranges a quarter of the range ahead (at most a week)
// from the five-minute model, asked again every half minute (live) or five
// minutes.
//
// Anomalies: markers with their reasons, read again when the engine finds or
// an operator judges one of the entity's, bursts coalesced.
//
// Refreshes that come due while the page is hidden wait until it is shown;
// an answer for another entity or range arrives late and is dropped.
class EntityCharts : public QObject
{
    Q_OBJECT

public:
    EntityCharts(ChartQueries queries, QWidget *page);

    // Line `seriesId` of `chart` shows the stored series "<entity>/<key>" in
    // long ranges; `factor` converts the stored unit into the chart's.
    void addHistoryLine(MetricChart *chart, int seriesId, const char *key, double factor = 1);
    // The forecast of `metric` ("cpu", "memory", in % of capacity) drawn on
    // line `seriesId` of `chart`; `factor` converts a percentage into the
    // chart's unit when the answer arrives (a VM's memory size may change).
    void addForecastLine(MetricChart *chart, int seriesId, const char *metric,
                         std::function<double()> factor = {});
    // Anomalies of `metric` go on `chart`; `factor` converts the anomaly's
    // value (% of capacity, or bytes/s) into the chart's unit.
    void addAnomalies(MetricChart *chart, const char *metric, std::function<double()> factor = {});
    // Where the live hour's stored samples go, for a VM or for a host.
    void drawHourWith(std::function<void(const VmSample &)> draw);
    void drawHourWith(std::function<void(const HostSample &)> draw);

    // Shows `range` of `entity`: the charts empty until their answers come.
    void show(const QString &entity, HistoryRange range);
    // Reads the range's history again, up to now: the stored hour merges
    // with what is drawn, a long range's envelopes replace theirs.
    void reload();
    // Drops whatever is in flight, stops refreshing and takes the forecasts
    // and markers off the charts.
    void stop();

    QString entity() const { return m_entity; }
    HistoryRange range() const { return m_range; }
    // From show() until its history has been drawn.
    bool isLoading() const { return m_loading; }

    // How far past now a range's charts reach to show the forecast.
    static qint64 futureSpanMs(HistoryRange range);

Q_SIGNALS:
    // A range started loading: what the page header says meanwhile.
    void loading(const QString &note);
    // The range's history is drawn (again, after each refresh of a long
    // range); `note` says where stored history begins when the range reaches
    // further back, and is empty otherwise.
    void loaded(const QString &note);
    // One forecast per metric, in the order lines were added (repeated
    // metrics answered once).
    void forecastsLoaded(const QList<Umbra::DemandForecast> &forecasts);
    void anomaliesLoaded(const QList<Umbra::Anomaly> &anomalies);

private:
    struct HistoryLine
    {
        MetricChart *chart;
        int seriesId;
        const char *key;
        double factor;
    };
    struct ForecastLine
    {
        MetricChart *chart;
        int seriesId;
        QString metric;
        std::function<double()> factor;
    };
    struct AnomalyLine
    {
        MetricChart *chart;
        QString metric;
        std::function<double()> factor;
    };

    bool showsEnvelopes() const { return m_active && m_range != HistoryRange::Hour; }
    QList<MetricChart *> historyCharts() const;
    void loadHour();
    void loadEnvelopes();
    void stopEnvelopes();
    void onPlotResized();
    void loadForecasts();
    void clearForecasts();
    void loadAnomalies();
    void drawAnomalies(const QList<Anomaly> &anomalies);

    ChartQueries m_queries;
    QString m_entity;
    HistoryRange m_range = HistoryRange::Hour;
    bool m_active = false;
    bool m_loading = false;

    QList<HistoryLine> m_historyLines;
    // Until the page says where stored samples go, they go nowhere.
    std::function<void(const VmSample &)> m_drawVmSample = [](const VmSample &) {};
    std::function<void(const HostSample &)> m_drawHostSample = [](const HostSample &) {};
    LatestRequest m_history;
    VisibleRefresh m_historyRefresh;
    bool m_envelopesInFlight = false;
    QTimer m_resizeTimer;
    QHash<MetricChart *, int> m_requestedWidths;

    QList<ForecastLine> m_forecastLines;
    LatestRequest m_forecasts;
    VisibleRefresh m_forecastRefresh;

    QList<AnomalyLine> m_anomalyLines;
    LatestRequest m_anomalies;
    QTimer m_anomalyBurst;
};

} // namespace Umbra
