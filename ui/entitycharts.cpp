#include "entitycharts.h"

#include "chartoverlays.h"
#include "metricchart.h"

#include <QChart>
#include <QDateTime>
#include <QWidget>
#include <cstdlib>

namespace Umbra {

namespace {

constexpr qint64 kMinuteMs = 60 * 1000;
constexpr qint64 kWeekMs = 7 * 24 * 60 * kMinuteMs;
constexpr int kEnvelopeRefreshMs = 60 * 1000;

using Points = QList<Series::ChartPoint>;

} // namespace

EntityCharts::EntityCharts(ChartQueries queries, QWidget *page)
    : QObject(page)
    , m_queries(std::move(queries))
    , m_historyRefresh(
          page, [this] { reload(); }, this)
    , m_forecastRefresh(
          page, [this] { loadForecasts(); }, this)
{
    // A resize moves the plot's edges many times in a row; ask once it rests.
    m_resizeTimer.setSingleShot(true);
    m_resizeTimer.setInterval(400);
    connect(&m_resizeTimer, &QTimer::timeout, this, &EntityCharts::onPlotResized);

    m_anomalyBurst.setSingleShot(true);
    m_anomalyBurst.setInterval(250);
    connect(&m_anomalyBurst, &QTimer::timeout, this, &EntityCharts::loadAnomalies);
    m_queries.watchAnomalies(this, [this](const Anomaly &anomaly) {
        if (m_active && anomaly.entity == m_entity)
            m_anomalyBurst.start();
    });
}

qint64 EntityCharts::futureSpanMs(HistoryRange range)
{
    return std::min(historySpanMs(range) / 4, kWeekMs);
}

void EntityCharts::addHistoryLine(MetricChart *chart, int seriesId, const char *key, double factor)
{
    if (!historyCharts().contains(chart)) {
        connect(chart->chart(), &QChart::plotAreaChanged, this, [this] {
            if (showsEnvelopes())
                m_resizeTimer.start();
        });
    }
    m_historyLines.append({ chart, seriesId, key, factor });
}

void EntityCharts::drawHourWith(std::function<void(const VmSample &)> draw)
{
    m_drawVmSample = std::move(draw);
}

void EntityCharts::drawHourWith(std::function<void(const HostSample &)> draw)
{
    m_drawHostSample = std::move(draw);
}

QList<MetricChart *> EntityCharts::historyCharts() const
{
    QList<MetricChart *> result;
    for (const HistoryLine &line : m_historyLines) {
        if (!result.contains(line.chart))
            result.append(line.chart);
    }
    return result;
}

void EntityCharts::show(const QString &entity, HistoryRange range)
{
    m_entity = entity;
    m_range = range;
    m_active = true;
    m_loading = true;

    clearForecasts();
    if (!m_forecastLines.isEmpty())
        m_forecastRefresh.start(range == HistoryRange::Hour ? 30 * 1000 : 5 * kMinuteMs);
    loadForecasts();
    drawAnomalies({});
    loadAnomalies();

    Q_EMIT loading(HistoryBar::loadingText(range));
    if (range != HistoryRange::Hour) {
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        for (MetricChart *chart : historyCharts()) {
            chart->clearPoints();
            chart->showEnvelopes(now - historySpanMs(range), now + futureSpanMs(range));
        }
        m_historyRefresh.start(kEnvelopeRefreshMs);
        loadEnvelopes();
        return;
    }
    stopEnvelopes();
    for (MetricChart *chart : historyCharts())
        chart->showLive();
    loadHour();
}

void EntityCharts::reload()
{
    if (!m_active)
        return;
    if (showsEnvelopes())
        loadEnvelopes();
    else
        loadHour();
}

void EntityCharts::stop()
{
    m_active = false;
    m_loading = false;
    m_history.invalidate();
    stopEnvelopes();
    m_forecasts.invalidate();
    m_forecastRefresh.stop();
    clearForecasts();
    m_anomalies.invalidate();
    m_anomalyBurst.stop();
    drawAnomalies({});
}

void EntityCharts::loadHour()
{
    // History is read on the store's thread; live samples that arrive
    // meanwhile are drawn at once and the history merges in behind them.
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const qint64 from = now - MetricChart::kWindowMs;
    const auto drawn = [this] {
        m_loading = false;
        Q_EMIT loaded({});
    };
    if (m_entity.startsWith(QLatin1String("vm/"))) {
        m_history.start(this, m_queries.vmHistory(m_entity.mid(3), from, now),
                        [this, drawn](const QList<VmSample> &samples) {
                            for (const VmSample &sample : samples)
                                m_drawVmSample(sample);
                            drawn();
                        });
        return;
    }
    m_history.start(this, m_queries.hostHistory(m_entity.mid(5), from, now),
                    [this, drawn](const QList<HostSample> &samples) {
                        for (const HostSample &sample : samples)
                            m_drawHostSample(sample);
                        drawn();
                    });
}

void EntityCharts::loadEnvelopes()
{
    m_historyRefresh.done();
    m_envelopesInFlight = true;
    const qint64 spanMs = historySpanMs(m_range);
    const qint64 futureMs = futureSpanMs(m_range);
    const qint64 to = QDateTime::currentMSecsSinceEpoch();
    const qint64 from = to - spanMs;
    m_requestedWidths.clear();
    QList<QFuture<Points>> futures;
    futures.reserve(m_historyLines.size());
    for (const HistoryLine &line : std::as_const(m_historyLines)) {
        // A point per pixel of the part of the plot that shows history.
        const int width = int(qint64(line.chart->plotWidthPx()) * spanMs / (spanMs + futureMs));
        m_requestedWidths.insert(line.chart, width);
        futures.append(m_queries.chart(m_entity + u'/' + QLatin1String(line.key), from, to, width));
    }
    // All lines change together: a chart never shows one series of the new
    // range next to one of the old.
    m_history.start(
        this, QtFuture::whenAll(futures.begin(), futures.end()),
        [this, from, to, futureMs](const QList<QFuture<Points>> &answers) {
            m_envelopesInFlight = false;
            for (MetricChart *chart : historyCharts())
                chart->showEnvelopes(from, to + futureMs);
            qint64 earliest = 0;
            for (qsizetype i = 0; i < m_historyLines.size() && i < answers.size(); ++i) {
                const QFuture<Points> &answer = answers[i];
                // Every answer has finished: reading it does not wait.
                const Points points
                    = answer.isValid() && answer.isResultReadyAt(0) ? answer.resultAt(0) : Points();
                if (!points.isEmpty() && (earliest == 0 || points.first().timeMs < earliest))
                    earliest = points.first().timeMs;
                const HistoryLine &line = m_historyLines[i];
                line.chart->setEnvelope(line.seriesId, points, line.factor);
            }
            // A plot resized while the answer was on its way.
            m_resizeTimer.start();
            m_loading = false;
            Q_EMIT loaded(HistoryBar::coverageText(from, to, earliest));
        });
}

void EntityCharts::stopEnvelopes()
{
    m_historyRefresh.stop();
    m_resizeTimer.stop();
    m_envelopesInFlight = false;
}

void EntityCharts::onPlotResized()
{
    if (!showsEnvelopes() || m_envelopesInFlight)
        return;
    // A few pixels either way change nothing one can see.
    for (MetricChart *chart : historyCharts()) {
        const int requested = m_requestedWidths.value(chart);
        if (std::abs(chart->plotWidthPx() - requested) * 10 > requested) {
            m_historyRefresh.request();
            return;
        }
    }
}

void EntityCharts::addForecastLine(MetricChart *chart, int seriesId, const char *metric,
                                   std::function<double()> factor)
{
    m_forecastLines.append({ chart, seriesId, QLatin1String(metric), std::move(factor) });
}

void EntityCharts::clearForecasts()
{
    for (const ForecastLine &line : std::as_const(m_forecastLines))
        line.chart->setForecast(line.seriesId, {});
}

void EntityCharts::loadForecasts()
{
    if (!m_active || m_forecastLines.isEmpty())
        return;
    m_forecastRefresh.done();
    const bool live = m_range == HistoryRange::Hour;
    const DemandForecast::Tier tier
        = live ? DemandForecast::Tier::Fine : DemandForecast::Tier::Coarse;
    const qint64 stepMs = live ? std::max(1000, m_queries.intervalMs()) : 5 * kMinuteMs;
    const int steps = int(std::max<qint64>(1, futureSpanMs(m_range) / stepMs));

    QStringList metrics;
    for (const ForecastLine &line : std::as_const(m_forecastLines)) {
        if (!metrics.contains(line.metric))
            metrics.append(line.metric);
    }
    QList<QFuture<DemandForecast>> futures;
    for (const QString &metric : std::as_const(metrics))
        futures.append(m_queries.forecast(m_entity, metric, tier, steps));
    m_forecasts.start(this, QtFuture::whenAll(futures.begin(), futures.end()),
                      [this](const QList<QFuture<DemandForecast>> &answers) {
                          QList<DemandForecast> forecasts;
                          for (const QFuture<DemandForecast> &answer : answers) {
                              if (answer.isValid() && answer.isResultReadyAt(0))
                                  forecasts.append(answer.resultAt(0));
                          }
                          for (const ForecastLine &line : std::as_const(m_forecastLines)) {
                              for (const DemandForecast &forecast : std::as_const(forecasts)) {
                                  if (forecast.metric != line.metric)
                                      continue;
                                  const double factor = line.factor ? line.factor() : 1.0;
                                  line.chart->setForecast(
                                      line.seriesId,
                                      factor > 0 ? ChartOverlays::forecastBands(forecast)
                                                 : QList<ForecastBand>(),
                                      factor);
                              }
                          }
                          Q_EMIT forecastsLoaded(forecasts);
                      });
}

void EntityCharts::addAnomalies(MetricChart *chart, const char *metric,
                                std::function<double()> factor)
{
    m_anomalyLines.append({ chart, QLatin1String(metric), std::move(factor) });
}

void EntityCharts::loadAnomalies()
{
    if (!m_active || m_anomalyLines.isEmpty())
        return;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    m_anomalies.start(this, m_queries.anomalies(m_entity, now - historySpanMs(m_range), now),
                      [this](const QList<Anomaly> &anomalies) { drawAnomalies(anomalies); });
}

void EntityCharts::drawAnomalies(const QList<Anomaly> &anomalies)
{
    QHash<MetricChart *, QList<ChartMarker>> byChart;
    for (const AnomalyLine &line : std::as_const(m_anomalyLines))
        byChart[line.chart]; // every chart gets a list, so old markers go
    for (const Anomaly &anomaly : anomalies) {
        // Anomalies sit on the line of the metric they were found in.
        for (const AnomalyLine &line : std::as_const(m_anomalyLines)) {
            if (line.metric == anomaly.metric)
                byChart[line.chart].append(
                    ChartOverlays::anomalyMarker(anomaly, line.factor ? line.factor() : 1.0));
        }
    }
    for (auto it = byChart.cbegin(); it != byChart.cend(); ++it)
        it.key()->setAnomalyMarkers(it.value());
    Q_EMIT anomaliesLoaded(anomalies);
}

} // namespace Umbra
