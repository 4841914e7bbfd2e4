#pragma once

#include "predict/anomaly.h"
#include "util/result.h"

#include <QHash>
#include <QList>
#include <QSqlDatabase>
#include <optional>

// The `anomalies` table: every anomaly the detectors reported, with the
// operator's verdict. Used on the prediction thread's connection.
namespace Umbra::AnomalyStore {

// Stores a new anomaly and returns it with its id; nothing when the same
// series already has one at that time.
Result<std::optional<Anomaly>> add(QSqlDatabase db, Anomaly anomaly);
Result<Anomaly> find(QSqlDatabase db, qint64 id);
// Records a verdict and returns the anomaly as it now stands.
Result<Anomaly> setVerdict(QSqlDatabase db, qint64 id, AnomalyVerdict verdict, qint64 nowMs);
// Anomalies in [fromMs, toMs], oldest first: of one entity, or of every
// entity when `entity` is empty; at most `limit`, the newest kept.
Result<QList<Anomaly>> range(QSqlDatabase db, const QString &entity, qint64 fromMs, qint64 toMs,
                             int limit = 5000);
// False alarms since `sinceMs`, per "entity/metric" series.
Result<QHash<QString, int>> falseAlarms(QSqlDatabase db, qint64 sinceMs);

} // namespace Umbra::AnomalyStore
