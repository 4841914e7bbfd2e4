#include "predict/anomalywatch.h"

#include <cmath>

namespace Umbra::Predict {

AnomalyWatch::AnomalyWatch(qint64 learningMs)
    : m_learningMs(learningMs)
{ }

AnomalyWatch::~AnomalyWatch() = default;

AnomalyWatch::Series &AnomalyWatch::series(const QString &entity, const QString &metric)
{
    std::shared_ptr<Series> &found = m_series[SeriesKey{ entity, metric }];
    if (!found)
        found = std::make_shared<Series>();
    return *found;
}

double AnomalyWatch::threshold(const QString &entity, const QString &metric) const
{
    const int falseAlarms = std::min(m_falseAlarms.value(SeriesKey{ entity, metric }.joined()), 8);
    return 1.0 - (1.0 - kThreshold) * std::ldexp(1.0, -falseAlarms);
}

std::optional<Anomaly> AnomalyWatch::observe(const QString &entity, const QString &metric,
                                             qint64 timeMs, double value)
{
    if (!std::isfinite(value))
        return std::nullopt;
    Series &s = series(entity, metric);
    const AnomalyScore scored = s.detector.update(timeMs, value);
    if (timeMs - s.detector.startMs() < m_learningMs)
        return std::nullopt;
    if (scored.kind == AnomalyKind::None || scored.score < threshold(entity, metric)
        || (s.lastReportMs && timeMs - *s.lastReportMs < kQuietMs))
        return std::nullopt;
    s.lastReportMs = timeMs;
    Anomaly anomaly;
    anomaly.entity = entity;
    anomaly.metric = metric;
    anomaly.timeMs = timeMs;
    anomaly.score = scored.score;
    anomaly.kind = anomalyKindId(scored.kind);
    anomaly.expected = scored.expected;
    anomaly.observed = std::isfinite(scored.observed) ? scored.observed : value;
    return anomaly;
}

void AnomalyWatch::noteStored(const Anomaly &anomaly)
{
    auto &recent = m_recent[anomaly.entity];
    recent.push_back(Recent{ anomaly.id, anomaly.timeMs, anomaly.score,
                             anomaly.verdict == AnomalyVerdict::Open });
}

void AnomalyWatch::applyVerdict(const Anomaly &anomaly, AnomalyVerdict previous)
{
    const QString key = SeriesKey{ anomaly.entity, anomaly.metric }.joined();
    if (previous == AnomalyVerdict::FalseAlarm)
        m_falseAlarms[key] = std::max(0, m_falseAlarms.value(key) - 1);
    if (anomaly.verdict == AnomalyVerdict::FalseAlarm)
        ++m_falseAlarms[key];
    // Only the series' latest anomaly still describes the regime its
    // detector is in; an older one was followed by others since.
    if (anomaly.verdict == AnomalyVerdict::Expected) {
        if (auto found = m_series.find(SeriesKey{ anomaly.entity, anomaly.metric });
            found != m_series.end() && (*found)->lastReportMs == anomaly.timeMs)
            (*found)->detector.acceptAsNormal();
    }
    if (auto recent = m_recent.find(anomaly.entity); recent != m_recent.end()) {
        for (Recent &r : *recent) {
            if (r.id == anomaly.id)
                r.open = anomaly.verdict == AnomalyVerdict::Open;
        }
    }
}

std::optional<double> AnomalyWatch::openScore(const QString &entity, qint64 sinceMs)
{
    auto recent = m_recent.find(entity);
    if (recent == m_recent.end())
        return std::nullopt;
    while (!recent->empty() && recent->front().timeMs < sinceMs)
        recent->pop_front();
    std::optional<double> highest;
    for (const Recent &r : std::as_const(*recent)) {
        if (r.open)
            highest = std::max(highest.value_or(0.0), r.score);
    }
    if (recent->empty())
        m_recent.erase(recent);
    return highest;
}

QHash<QString, QByteArray> AnomalyWatch::saveStates() const
{
    QHash<QString, QByteArray> states;
    forEachState(
        [&states](const QString &key, QByteArray state) { states.insert(key, std::move(state)); });
    return states;
}

void AnomalyWatch::restoreState(const QString &entity, const QString &metric,
                                const QByteArray &state)
{
    Series &s = series(entity, metric);
    if (!s.detector.restoreState(state))
        s.detector.reset();
}

void AnomalyWatch::removeEntity(const QString &entity)
{
    for (auto it = m_series.begin(); it != m_series.end();) {
        if (it.key().entity == entity)
            it = m_series.erase(it);
        else
            ++it;
    }
    m_recent.remove(entity);
}

} // namespace Umbra::Predict
