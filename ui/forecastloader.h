#pragma once

#include "historybar.h"
#include "latestrequest.h"
#include "predict/healthreport.h"
#include "visiblerefresh.h"

#include <QList>
#include <QObject>
#include <QPointer>
#include <QTimer>
#include <functional>

class QWidget;

namespace Umbra {

class Engine;
class MetricChart;

// Puts the engine's demand forecasts on a page's charts: for the live hour
// the next quarter hour at the collection interval, for longer ranges a
// quarter of the range ahead (at most a week) from the five-minute model.
// Asks again every half minute (live) or five minutes while the page is
// visible; a late answer for another VM or range is dropped.
class ForecastLoader : public QObject
{
    Q_OBJECT

public:
    explicit ForecastLoader(QWidget *page);

    // The forecast of `metric` ("cpu", "memory", in % of capacity) drawn on
    // series `seriesId` of `chart`; `factor` converts a percentage into the
    // chart's unit when the answer arrives (the VM's memory size may change).
    void addLine(MetricChart *chart, int seriesId, const char *metric,
                 std::function<double()> factor = {});

    void start(Engine *engine, const QString &entity, HistoryRange range);
    void reload();
    void stop();

    // How far past now a range's charts reach to show the forecast.
    static qint64 futureSpanMs(HistoryRange range);

Q_SIGNALS:
    // One forecast per metric, in the order lines were added (repeated
    // metrics answered once).
    void loaded(const QList<Umbra::DemandForecast> &forecasts);

private:
    struct Binding
    {
        MetricChart *chart;
        int seriesId;
        QString metric;
        std::function<double()> factor;
    };

    QPointer<Engine> m_engine;
    QString m_entity;
    HistoryRange m_range = HistoryRange::Hour;
    bool m_active = false;
    QList<Binding> m_lines;
    LatestRequest m_request;
    VisibleRefresh m_refresh;
};

} // namespace Umbra
