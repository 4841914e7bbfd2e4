#include "forecastloader.h"

#include "engine/engine.h"
#include "metricchart.h"

#include <QWidget>

namespace Umbra {

namespace {

constexpr qint64 kMinuteMs = 60 * 1000;
constexpr qint64 kWeekMs = 7 * 24 * 60 * kMinuteMs;

QList<ForecastBand> bandsOf(const DemandForecast &forecast)
{
    QList<ForecastBand> bands;
    bands.reserve(forecast.steps.size());
    for (const Predict::ForecastStep &step : forecast.steps)
        bands.append(
            { step.timeMs, step.point, step.lower80, step.upper80, step.lower95, step.upper95 });
    return bands;
}

} // namespace

ForecastLoader::ForecastLoader(QWidget *page)
    : QObject(page)
    , m_refresh(
          page, [this] { reload(); }, this)
{ }

qint64 ForecastLoader::futureSpanMs(HistoryRange range)
{
    return std::min(historySpanMs(range) / 4, kWeekMs);
}

void ForecastLoader::addLine(MetricChart *chart, int seriesId, const char *metric,
                             std::function<double()> factor)
{
    m_lines.append({ chart, seriesId, QLatin1String(metric), std::move(factor) });
}

void ForecastLoader::start(Engine *engine, const QString &entity, HistoryRange range)
{
    m_engine = engine;
    m_entity = entity;
    m_range = range;
    m_active = true;
    for (const Binding &line : std::as_const(m_lines))
        line.chart->setForecast(line.seriesId, {});
    m_refresh.start(range == HistoryRange::Hour ? 30 * 1000 : 5 * kMinuteMs);
    reload();
}

void ForecastLoader::stop()
{
    m_active = false;
    m_request.invalidate();
    m_refresh.stop();
    for (const Binding &line : std::as_const(m_lines))
        line.chart->setForecast(line.seriesId, {});
}

void ForecastLoader::reload()
{
    if (!m_active || !m_engine)
        return;
    m_refresh.done();
    const bool live = m_range == HistoryRange::Hour;
    const DemandForecast::Tier tier
        = live ? DemandForecast::Tier::Fine : DemandForecast::Tier::Coarse;
    const qint64 stepMs = live ? std::max(1000, m_engine->intervalMs()) : 5 * kMinuteMs;
    const int steps = int(std::max<qint64>(1, futureSpanMs(m_range) / stepMs));

    QStringList metrics;
    for (const Binding &line : std::as_const(m_lines)) {
        if (!metrics.contains(line.metric))
            metrics.append(line.metric);
    }
    QList<QFuture<DemandForecast>> futures;
    for (const QString &metric : std::as_const(metrics))
        futures.append(m_engine->forecast(m_entity, metric, tier, steps));
    m_request.start(this, QtFuture::whenAll(futures.begin(), futures.end()),
                    [this, metrics](const QList<QFuture<DemandForecast>> &answers) {
                        QList<DemandForecast> forecasts;
                        for (const QFuture<DemandForecast> &answer : answers) {
                            if (answer.isValid() && answer.isResultReadyAt(0))
                                forecasts.append(answer.resultAt(0));
                        }
                        for (const Binding &line : std::as_const(m_lines)) {
                            for (const DemandForecast &forecast : std::as_const(forecasts)) {
                                if (forecast.metric != line.metric)
                                    continue;
                                const double factor = line.factor ? line.factor() : 1.0;
                                line.chart->setForecast(
                                    line.seriesId,
                                    factor > 0 ? bandsOf(forecast) : QList<ForecastBand>(), factor);
                            }
                        }
                        Q_EMIT loaded(forecasts);
                    });
}

} // namespace Umbra
