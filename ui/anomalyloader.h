#pragma once

#include "historybar.h"
#include "latestrequest.h"
#include "predict/anomaly.h"

#include <QList>
#include <QObject>
#include <QPointer>
#include <QTimer>
#include <functional>

class QWidget;

namespace Umbra {

class Engine;
class MetricChart;

// Puts the anomalies of a page's VM or host on its charts as markers with
// their reasons, for the range the page shows. Reloads when the engine
// finds a new anomaly of that entity or an operator judges one, coalescing
// bursts; a late answer for another entity or range is dropped.
class AnomalyLoader : public QObject
{
    Q_OBJECT

public:
    explicit AnomalyLoader(QWidget *page);

    // Anomalies of `metric` go on `chart`; `factor` converts the anomaly's
    // value (% of capacity, or bytes/s) into the chart's unit.
    void addMetric(MetricChart *chart, const char *metric, std::function<double()> factor = {});

    void start(Engine *engine, const QString &entity, HistoryRange range);
    void stop();
    void reload();
    const QList<Anomaly> &anomalies() const { return m_anomalies; }

Q_SIGNALS:
    void loaded(const QList<Umbra::Anomaly> &anomalies);

private:
    struct Binding
    {
        MetricChart *chart;
        QString metric;
        std::function<double()> factor;
    };

    void onAnomaly(const Anomaly &anomaly);
    void apply(const QList<Anomaly> &anomalies);

    QPointer<Engine> m_engine;
    QString m_entity;
    HistoryRange m_range = HistoryRange::Hour;
    bool m_active = false;
    QList<Binding> m_bindings;
    QList<Anomaly> m_anomalies;
    LatestRequest m_request;
    QTimer m_coalesce;
};

} // namespace Umbra
