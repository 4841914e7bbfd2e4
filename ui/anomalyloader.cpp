#include "anomalyloader.h"

#include "engine/engine.h"
#include "metricchart.h"

#include <QDateTime>
#include <QLocale>
#include <QWidget>

namespace Umbra {

AnomalyLoader::AnomalyLoader(QWidget *page)
    : QObject(page)
{
    m_coalesce.setSingleShot(true);
    m_coalesce.setInterval(250);
    connect(&m_coalesce, &QTimer::timeout, this, &AnomalyLoader::reload);
}

void AnomalyLoader::addMetric(MetricChart *chart, const char *metric,
                              std::function<double()> factor)
{
    m_bindings.append({ chart, QLatin1String(metric), std::move(factor) });
}

void AnomalyLoader::start(Engine *engine, const QString &entity, HistoryRange range)
{
    if (engine != m_engine) {
        if (m_engine)
            m_engine->disconnect(this);
        m_engine = engine;
        if (engine) {
            connect(engine, &Engine::anomalyFound, this, &AnomalyLoader::onAnomaly);
            connect(engine, &Engine::anomalyChanged, this, &AnomalyLoader::onAnomaly);
        }
    }
    m_entity = entity;
    m_range = range;
    m_active = true;
    apply({});
    reload();
}

void AnomalyLoader::stop()
{
    m_active = false;
    m_request.invalidate();
    m_coalesce.stop();
    apply({});
}

void AnomalyLoader::onAnomaly(const Anomaly &anomaly)
{
    if (m_active && anomaly.entity == m_entity)
        m_coalesce.start();
}

void AnomalyLoader::reload()
{
    if (!m_active || !m_engine)
        return;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    m_request.start(this, m_engine->anomalies(m_entity, now - historySpanMs(m_range), now),
                    [this](const QList<Anomaly> &anomalies) { apply(anomalies); });
}

void AnomalyLoader::apply(const QList<Anomaly> &anomalies)
{
    m_anomalies = anomalies;
    QHash<MetricChart *, QList<ChartMarker>> byChart;
    for (const Binding &binding : std::as_const(m_bindings))
        byChart[binding.chart]; // every chart gets a list, so old markers go
    const QLocale locale;
    for (const Anomaly &anomaly : anomalies) {
        for (const Binding &binding : std::as_const(m_bindings)) {
            if (binding.metric != anomaly.metric)
                continue;
            const double factor = binding.factor ? binding.factor() : 1.0;
            QString text = tr("%1\n%2 · score %3")
                               .arg(anomalyReason(anomaly),
                                    locale.toString(QDateTime::fromMSecsSinceEpoch(anomaly.timeMs),
                                                    QLocale::ShortFormat))
                               .arg(anomaly.score, 0, 'f', 2);
            if (anomaly.verdict != AnomalyVerdict::Open)
                text += tr(" · marked %1").arg(anomalyVerdictName(anomaly.verdict));
            byChart[binding.chart].append({ anomaly.timeMs, anomaly.observed * factor, text,
                                            anomaly.verdict == AnomalyVerdict::Open });
        }
    }
    for (auto it = byChart.cbegin(); it != byChart.cend(); ++it)
        it.key()->setAnomalyMarkers(it.value());
    Q_EMIT loaded(anomalies);
}

} // namespace Umbra
