// The PredictionService's anomalies: found on each sample by the entity's
// detectors, stored, reported as incidents, and judged by the operator.
#include "predict/anomalystore.h"
#include "predict/predictionservice.h"

#include <QDateTime>
#include <algorithm>
#include <tuple>

namespace Umbra {

void PredictionService::watch(const QString &key, qint64 timeMs,
                              std::initializer_list<std::pair<QString, double>> values)
{
    for (const auto &[metric, value] : values)
        watchOne(key, metric, timeMs, value);
}

void PredictionService::watchOne(const QString &key, const QString &metric, qint64 timeMs,
                                 double value)
{
    std::optional<Anomaly> found = m_anomalies.observe(key, metric, timeMs, value);
    if (!found || !m_states.isOpen())
        return;
    auto stored = AnomalyStore::add(m_states.sql(), *found);
    if (!stored) {
        Q_EMIT failed(stored.error());
        return;
    }
    if (!stored.value()) {
        // Found before, in history replayed after a restart or after the
        // store filled in history: reported then, but it still weighs on
        // health while it is open and recent.
        if (auto same = AnomalyStore::range(m_states.sql(), key, timeMs, timeMs)) {
            for (const Anomaly &earlier : same.value()) {
                if (earlier.metric == metric)
                    m_anomalies.noteStored(earlier);
            }
        }
        return;
    }
    m_anomalies.noteStored(*stored.value());
    m_found.append(*stored.value());
}

void PredictionService::reportAnomalies()
{
    if (m_found.isEmpty())
        return;
    // A new entity's detectors replay its history one metric after another,
    // so an incident's anomalies need not be next to each other.
    std::stable_sort(m_found.begin(), m_found.end(), [](const Anomaly &a, const Anomaly &b) {
        return std::tie(a.timeMs, a.entity) < std::tie(b.timeMs, b.entity);
    });
    for (qsizetype first = 0; first < m_found.size();) {
        qsizetype end = first + 1;
        while (end < m_found.size() && m_found[end].timeMs == m_found[first].timeMs
               && m_found[end].entity == m_found[first].entity)
            ++end;
        Q_EMIT anomaliesFound(m_found.mid(first, end - first));
        first = end;
    }
    m_found.clear();
}

QList<Anomaly> PredictionService::anomalies(const QString &entity, qint64 fromMs, qint64 toMs)
{
    if (!m_states.isOpen())
        return {};
    auto found = AnomalyStore::range(m_states.sql(), entity, fromMs, toMs);
    if (!found) {
        Q_EMIT failed(found.error());
        return {};
    }
    return found.value();
}

void PredictionService::setAnomalyVerdict(qint64 id, AnomalyVerdict verdict)
{
    auto before = AnomalyStore::find(m_states.sql(), id);
    if (!before) {
        Q_EMIT failed(before.error());
        return;
    }
    auto after = AnomalyStore::setVerdict(m_states.sql(), id, verdict,
                                          QDateTime::currentMSecsSinceEpoch());
    if (!after) {
        Q_EMIT failed(after.error());
        return;
    }
    m_anomalies.applyVerdict(after.value(), before.value().verdict);
    Q_EMIT anomalyChanged(after.value());
}

} // namespace Umbra
