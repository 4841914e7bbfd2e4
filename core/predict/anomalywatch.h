#pragma once

#include "predict/anomaly.h"
#include "predict/anomalydetector.h"

#include <QByteArray>
#include <QHash>
#include <deque>
#include <memory>
#include <optional>

namespace Umbra::Predict {

// Runs one anomaly detector per series of every VM and host and decides
// which scores become anomalies: the series must have a day behind it, the
// detector's score must reach the series' threshold, and a series reports
// at most one anomaly per quiet period (an incident is one line in the log,
// not hundreds). Operators' verdicts are fed back: each false alarm on a
// series halves the distance of its threshold to 1; an expected anomaly
// makes its new level normal.
// Not thread-safe: the prediction thread owns it.
class AnomalyWatch
{
public:
    // The detector's threshold that scores best on the NAB corpus under the
    // standard profile (bench_nab); the console uses it for every series.
    static constexpr double kThreshold = 0.5;
    static constexpr qint64 kQuietMs = 10 * 60 * 1000;
    // An anomaly weighs on health for this long unless dismissed.
    static constexpr qint64 kHealthWindowMs = 60 * 60 * 1000;
    // A series only learns for its first day: until its detector has seen a
    // working day and a night, every new extreme of a VM's ordinary bursts
    // breaks a record, and a young fleet would report dozens of anomalies an
    // hour (docs/anomaly.md).
    static constexpr qint64 kLearningMs = 24 * 60 * 60 * 1000;

    explicit AnomalyWatch(qint64 learningMs = kLearningMs);
    ~AnomalyWatch();

    // Scores a sample; returns the anomaly (id 0, not yet stored) when the
    // sample is one.
    std::optional<Anomaly> observe(const QString &entity, const QString &metric, qint64 timeMs,
                                   double value);
    // Tells the watch about a stored anomaly (its id), so a verdict on it
    // and health can find it.
    void noteStored(const Anomaly &anomaly);
    // An operator's verdict on an anomaly, previously `previous`.
    void applyVerdict(const Anomaly &anomaly, AnomalyVerdict previous);
    // False alarms per "entity/metric" series, as stored (at start-up).
    void setFalseAlarms(const QHash<QString, int> &counts) { m_falseAlarms = counts; }
    double threshold(const QString &entity, const QString &metric) const;

    // The highest score of an entity's open anomalies since `sinceMs`.
    std::optional<double> openScore(const QString &entity, qint64 sinceMs);

    // Detector states by "entity/metric", to keep across restarts.
    QHash<QString, QByteArray> saveStates() const;
    // The same one at a time, so that a large fleet's need not all be held
    // at once.
    template<typename Visit> void forEachState(Visit visit) const
    {
        for (auto it = m_series.cbegin(); it != m_series.cend(); ++it)
            visit(it.key().joined(), it.value()->detector.saveState());
    }
    void restoreState(const QString &entity, const QString &metric, const QByteArray &state);
    void removeEntity(const QString &entity);
    qsizetype detectorCount() const { return m_series.size(); }

private:
    // A series by its entity and metric, held apart rather than joined: the
    // strings are the callers' own, shared, so a VM's six series cost one
    // copy of its key, and scoring a sample allocates no key at all.
    struct SeriesKey
    {
        QString entity;
        QString metric;

        // "entity/metric", as saved states and false-alarm counts are keyed.
        QString joined() const { return entity + u'/' + metric; }
        bool operator==(const SeriesKey &) const = default;
        friend size_t qHash(const SeriesKey &key, size_t seed = 0)
        {
            return qHashMulti(seed, key.entity, key.metric);
        }
    };
    struct Series
    {
        AnomalyDetector detector;
        std::optional<qint64> lastReportMs; // of this series' latest anomaly
    };
    struct Recent
    {
        qint64 id = 0;
        qint64 timeMs = 0;
        double score = 0;
        bool open = true;
    };

    Series &series(const QString &entity, const QString &metric);

    QHash<SeriesKey, std::shared_ptr<Series>> m_series;
    QHash<QString, std::deque<Recent>> m_recent; // by entity, oldest first
    QHash<QString, int> m_falseAlarms; // by "entity/metric"
    qint64 m_learningMs = kLearningMs;
};

} // namespace Umbra::Predict
