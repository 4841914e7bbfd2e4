#pragma once

#include "latestrequest.h"
#include "visiblerefresh.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QTimer>

class QWidget;

namespace Umbra {

class Engine;
class MetricChart;

// Fills a page's charts with a long range of stored history: one chart query
// per line (Engine::chart, as many points as the plot is wide), applied to
// every chart at once when all have answered. While the page is visible it
// reads again every minute, and when a plot's width changes; a reply to an
// older request (another range, another VM) is dropped.
class EnvelopeLoader : public QObject
{
    Q_OBJECT

public:
    static constexpr int kRefreshMs = 60 * 1000;

    explicit EnvelopeLoader(QWidget *page);

    // A line of `chart` (its series `seriesId`) drawn from the stored series
    // "<prefix>/<key>"; `factor` converts the stored unit into the chart's.
    void addLine(MetricChart *chart, int seriesId, const char *key, double factor = 1);

    // Shows the last `spanMs` of the series under `prefix` ("vm/<uuid>") in
    // every chart, empty until the first answer.
    void start(Engine *engine, const QString &prefix, qint64 spanMs);
    // Reads the same range again, up to now; charts keep what they show until
    // the answer replaces it.
    void reload();
    // How far past now the charts' axis reaches, room for a forecast.
    void setFutureSpanMs(qint64 futureMs) { m_futureMs = futureMs; }
    // Drops whatever is in flight and stops refreshing.
    void stop();

    bool isActive() const { return m_spanMs > 0; }
    bool isLoading() const { return m_loading; }

Q_SIGNALS:
    // The charts show [fromMs, toMs]; the oldest point found is at
    // earliestMs, 0 when nothing is stored in the range.
    void loaded(qint64 fromMs, qint64 toMs, qint64 earliestMs);

private:
    struct Binding
    {
        MetricChart *chart;
        int seriesId;
        const char *key;
        double factor;
    };

    QList<MetricChart *> charts() const;
    void onPlotResized();

    QPointer<Engine> m_engine;
    QString m_prefix;
    qint64 m_spanMs = 0;
    qint64 m_futureMs = 0;
    QList<Binding> m_lines;
    LatestRequest m_request;
    VisibleRefresh m_refresh;
    QTimer m_resizeTimer;
    QHash<MetricChart *, int> m_requestedWidths;
    bool m_loading = false;
};

} // namespace Umbra
