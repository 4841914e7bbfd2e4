#include "predict/anomalystore.h"

#include <QCoreApplication>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>
#include <cmath>

namespace Umbra::AnomalyStore {

namespace {

Error failure(const QSqlQuery &query)
{
    return Error{ QCoreApplication::translate("Umbra::AnomalyStore", "The anomaly record: %1")
                      .arg(query.lastError().text()) };
}

QVariant nullable(double value)
{
    return std::isfinite(value) ? QVariant(value) : QVariant();
}

double numberOrNaN(const QVariant &value)
{
    return value.isNull() ? qQNaN() : value.toDouble();
}

const char *const kColumns = "id, entity, metric, ts_ms, score, kind, expected, observed, verdict";

Anomaly read(const QSqlQuery &query)
{
    Anomaly a;
    a.id = query.value(0).toLongLong();
    a.entity = query.value(1).toString();
    a.metric = query.value(2).toString();
    a.timeMs = query.value(3).toLongLong();
    a.score = query.value(4).toDouble();
    a.kind = query.value(5).toString();
    a.expected = numberOrNaN(query.value(6));
    a.observed = numberOrNaN(query.value(7));
    const int verdict = query.value(8).toInt();
    a.verdict = verdict == 1 ? AnomalyVerdict::FalseAlarm
        : verdict == 2       ? AnomalyVerdict::Expected
                             : AnomalyVerdict::Open;
    return a;
}

} // namespace

Result<std::optional<Anomaly>> add(QSqlDatabase db, Anomaly anomaly)
{
    QSqlQuery query(db);
    query.prepare(QStringLiteral("INSERT INTO anomalies (entity, metric, ts_ms, score, kind, "
                                 "expected, observed, verdict) VALUES (?, ?, ?, ?, ?, ?, ?, ?) "
                                 "ON CONFLICT (entity, metric, ts_ms) DO NOTHING"));
    query.addBindValue(anomaly.entity);
    query.addBindValue(anomaly.metric);
    query.addBindValue(anomaly.timeMs);
    query.addBindValue(anomaly.score);
    query.addBindValue(anomaly.kind);
    query.addBindValue(nullable(anomaly.expected));
    query.addBindValue(nullable(anomaly.observed));
    query.addBindValue(int(anomaly.verdict));
    if (!query.exec())
        return failure(query);
    if (query.numRowsAffected() == 0)
        return std::optional<Anomaly>();
    anomaly.id = query.lastInsertId().toLongLong();
    return std::optional<Anomaly>(anomaly);
}

Result<Anomaly> find(QSqlDatabase db, qint64 id)
{
    QSqlQuery query(db);
    query.prepare(
        QStringLiteral("SELECT %1 FROM anomalies WHERE id = ?").arg(QLatin1String(kColumns)));
    query.addBindValue(id);
    if (!query.exec())
        return failure(query);
    if (!query.next())
        return Error{
            QCoreApplication::translate("Umbra::AnomalyStore", "There is no anomaly %1.").arg(id)
        };
    return read(query);
}

Result<Anomaly> setVerdict(QSqlDatabase db, qint64 id, AnomalyVerdict verdict, qint64 nowMs)
{
    QSqlQuery query(db);
    query.prepare(QStringLiteral("UPDATE anomalies SET verdict = ?, verdict_ms = ? WHERE id = ?"));
    query.addBindValue(int(verdict));
    query.addBindValue(nowMs);
    query.addBindValue(id);
    if (!query.exec())
        return failure(query);
    return find(db, id);
}

Result<QList<Anomaly>> range(QSqlDatabase db, const QString &entity, qint64 fromMs, qint64 toMs,
                             int limit)
{
    QSqlQuery query(db);
    query.setForwardOnly(true);
    // The newest `limit`, returned oldest first.
    const QString filter = entity.isEmpty() ? QString() : QStringLiteral(" AND entity = ?");
    query.prepare(QStringLiteral("SELECT * FROM (SELECT %1 FROM anomalies WHERE ts_ms >= ? AND "
                                 "ts_ms <= ?%2 ORDER BY ts_ms DESC, id DESC LIMIT ?) "
                                 "ORDER BY ts_ms, id")
                      .arg(QLatin1String(kColumns), filter));
    query.addBindValue(fromMs);
    query.addBindValue(toMs);
    if (!entity.isEmpty())
        query.addBindValue(entity);
    query.addBindValue(limit);
    if (!query.exec())
        return failure(query);
    QList<Anomaly> found;
    while (query.next())
        found.append(read(query));
    return found;
}

Result<QHash<QString, int>> falseAlarms(QSqlDatabase db, qint64 sinceMs)
{
    QSqlQuery query(db);
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT entity, metric, count(*) FROM anomalies WHERE verdict = 1 "
                                 "AND ts_ms >= ? GROUP BY entity, metric"));
    query.addBindValue(sinceMs);
    if (!query.exec())
        return failure(query);
    QHash<QString, int> counts;
    while (query.next())
        counts.insert(query.value(0).toString() + u'/' + query.value(1).toString(),
                      query.value(2).toInt());
    return counts;
}

} // namespace Umbra::AnomalyStore
