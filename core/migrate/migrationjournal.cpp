#include "migrate/migrationjournal.h"

#include "store/database.h"
#include "store/sqlvalues.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>
#include <functional>
#include <unistd.h>

namespace Umbra {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Umbra::MigrationJournal)
};

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

QVariant optional(qint64 value)
{
    return value >= 0 ? QVariant(value) : QVariant();
}

qint64 orMinus(const QVariant &v)
{
    return v.isNull() ? -1 : v.toLongLong();
}

const char kColumns[]
    = "id, vm_uuid, vm_name, source_uri, target_uri, options, stage, outcome, reason, "
      "created_ms, updated_ms, finished_ms, owner_pid, memory_bytes, dirty_rate_bps, "
      "predicted_bandwidth_bps, predicted_total_ms, predicted_downtime_ms, predicted_iterations, "
      "predicted_converges, actual_total_ms, actual_downtime_ms, model_transfer_ms, bandwidth_bps, "
      "data_bytes, shared_storage, inactive_xml, snapshot";

} // namespace

MigrationJournal::MigrationJournal(std::unique_ptr<Database> db)
    : m_db(std::move(db))
{ }

MigrationJournal::~MigrationJournal() = default;

Result<std::unique_ptr<MigrationJournal>> MigrationJournal::open(const QString &path,
                                                                 const QString &connectionName)
{
    auto db = Database::open(path, connectionName, Database::Mode::Durable);
    if (!db)
        return Error{ db.error() };
    return std::unique_ptr<MigrationJournal>(new MigrationJournal(std::move(db.value())));
}

Result<void> MigrationJournal::write(const QString &statement, const QVariantList &values)
{
    QSqlQuery query(m_db->sql());
    if (!query.prepare(statement))
        return Error{ Tr::tr("Migration journal: %1").arg(query.lastError().text()) };
    for (const QVariant &v : values)
        query.addBindValue(v);
    if (!query.exec())
        return Error{ Tr::tr("Migration journal: %1").arg(query.lastError().text()) };
    return {};
}

Result<void> MigrationJournal::transaction(const std::function<Result<void>()> &work)
{
    QSqlDatabase &sql = m_db->sql();
    if (auto begun = Database::beginWrite(sql); !begun)
        return Error{ Tr::tr("Migration journal: %1").arg(begun.error()) };
    auto done = work();
    if (!done) {
        sql.rollback();
        return done;
    }
    if (!sql.commit()) {
        const QString error = sql.lastError().text();
        sql.rollback();
        return Error{ Tr::tr("Migration journal: commit failed: %1").arg(error) };
    }
    return {};
}

Result<qint64> MigrationJournal::create(const MigrationRecord &job)
{
    const qint64 now = nowMs();
    QSqlQuery query(m_db->sql());
    query.prepare(QStringLiteral(
        "INSERT INTO migration_jobs (vm_uuid, vm_name, source_uri, target_uri, options, stage, "
        "outcome, created_ms, updated_ms, owner_pid) VALUES (?, ?, ?, ?, ?, ?, 'running', ?, ?, "
        "?)"));
    query.addBindValue(SqlValues::text(job.vmUuid));
    query.addBindValue(SqlValues::text(job.vmName));
    query.addBindValue(SqlValues::text(job.sourceUri));
    query.addBindValue(SqlValues::text(job.targetUri));
    query.addBindValue(
        QString::fromUtf8(QJsonDocument(job.options.toJson()).toJson(QJsonDocument::Compact)));
    query.addBindValue(stageKey(MigrationStage::Pending));
    query.addBindValue(now);
    query.addBindValue(now);
    query.addBindValue(qint64(::getpid()));
    if (!query.exec())
        return Error{ Tr::tr("Migration journal: %1").arg(query.lastError().text()) };
    const qint64 id = query.lastInsertId().toLongLong();
    if (auto done = write(QStringLiteral("INSERT INTO migration_events (job_id, ts_ms, stage, "
                                         "kind, message) VALUES (?, ?, ?, 'enter', ?)"),
                          { id, now, stageKey(MigrationStage::Pending), QVariant() });
        !done)
        return Error{ done.error() };
    return id;
}

Result<void> MigrationJournal::enterStage(qint64 id, MigrationStage stage, const QString &message)
{
    const qint64 now = nowMs();
    return transaction([&]() -> Result<void> {
        if (auto done = write(QStringLiteral("UPDATE migration_jobs SET stage = ?, updated_ms = ? "
                                             "WHERE id = ?"),
                              { stageKey(stage), now, id });
            !done)
            return done;
        return write(QStringLiteral("INSERT INTO migration_events (job_id, ts_ms, stage, kind, "
                                    "message) VALUES (?, ?, ?, 'enter', ?)"),
                     { id, now, stageKey(stage), message.isEmpty() ? QVariant() : message });
    });
}

Result<void> MigrationJournal::note(qint64 id, MigrationStage stage, const QString &kind,
                                    const QString &message)
{
    return write(QStringLiteral("INSERT INTO migration_events (job_id, ts_ms, stage, kind, "
                                "message) VALUES (?, ?, ?, ?, ?)"),
                 { id, nowMs(), stageKey(stage), kind, message });
}

Result<void> MigrationJournal::setVm(qint64 id, const QString &uuid, const QString &name)
{
    return write(QStringLiteral("UPDATE migration_jobs SET vm_uuid = ?, vm_name = ?, updated_ms = "
                                "? WHERE id = ?"),
                 { SqlValues::text(uuid), SqlValues::text(name), nowMs(), id });
}

Result<void> MigrationJournal::savePrediction(qint64 id, const MigrationRecord &p)
{
    return write(QStringLiteral("UPDATE migration_jobs SET memory_bytes = ?, dirty_rate_bps = ?, "
                                "predicted_bandwidth_bps = ?, predicted_total_ms = ?, "
                                "predicted_downtime_ms = ?, predicted_iterations = ?, "
                                "predicted_converges = ?, updated_ms = ? WHERE id = ?"),
                 { p.memoryBytes, p.dirtyRate >= 0 ? QVariant(p.dirtyRate) : QVariant(),
                   p.predictedBandwidth, optional(p.predictedTotalMs),
                   optional(p.predictedDowntimeMs), p.predictedIterations,
                   int(p.predictedConverges), nowMs(), id });
}

Result<void> MigrationJournal::saveActual(qint64 id, const MigrationRecord &a)
{
    return write(QStringLiteral("UPDATE migration_jobs SET actual_total_ms = ?, "
                                "actual_downtime_ms = ?, model_transfer_ms = ?, bandwidth_bps = "
                                "?, data_bytes = ?, updated_ms = ? WHERE id = ?"),
                 { optional(a.actualTotalMs), optional(a.actualDowntimeMs),
                   optional(a.modelTransferMs),
                   a.measuredBandwidth > 0 ? QVariant(a.measuredBandwidth) : QVariant(),
                   optional(a.dataBytes), nowMs(), id });
}

Result<void> MigrationJournal::saveRestorePoint(qint64 id, const QString &inactiveXml,
                                                const QJsonObject &snapshot, bool sharedStorage)
{
    return write(QStringLiteral("UPDATE migration_jobs SET inactive_xml = ?, snapshot = ?, "
                                "shared_storage = ?, updated_ms = ? WHERE id = ?"),
                 { inactiveXml,
                   QString::fromUtf8(QJsonDocument(snapshot).toJson(QJsonDocument::Compact)),
                   int(sharedStorage), nowMs(), id });
}

Result<void> MigrationJournal::finish(qint64 id, MigrationOutcome outcome, const QString &reason)
{
    const qint64 now = nowMs();
    return transaction([&]() -> Result<void> {
        if (auto done = write(QStringLiteral("UPDATE migration_jobs SET stage = ?, outcome = ?, "
                                             "reason = ?, finished_ms = ?, updated_ms = ? WHERE "
                                             "id = ?"),
                              { stageKey(MigrationStage::Done), outcomeKey(outcome),
                                reason.isEmpty() ? QVariant() : reason, now, now, id });
            !done)
            return done;
        return write(QStringLiteral("INSERT INTO migration_events (job_id, ts_ms, stage, kind, "
                                    "message) VALUES (?, ?, ?, ?, ?)"),
                     { id, now, stageKey(MigrationStage::Done), outcomeKey(outcome),
                       reason.isEmpty() ? QVariant() : reason });
    });
}

Result<QList<MigrationRecord>> MigrationJournal::select(const QString &where,
                                                        const QVariantList &values, int limit)
{
    QSqlQuery query(m_db->sql());
    query.setForwardOnly(true);
    QString statement = QStringLiteral("SELECT ") + QLatin1String(kColumns)
        + QStringLiteral(" FROM migration_jobs ") + where;
    if (limit > 0)
        statement += QStringLiteral(" LIMIT %1").arg(limit);
    if (!query.prepare(statement))
        return Error{ Tr::tr("Migration journal: %1").arg(query.lastError().text()) };
    for (const QVariant &v : values)
        query.addBindValue(v);
    if (!query.exec())
        return Error{ Tr::tr("Migration journal: %1").arg(query.lastError().text()) };
    QList<MigrationRecord> jobs;
    while (query.next()) {
        MigrationRecord r;
        int c = 0;
        r.id = query.value(c++).toLongLong();
        r.vmUuid = query.value(c++).toString();
        r.vmName = query.value(c++).toString();
        r.sourceUri = query.value(c++).toString();
        r.targetUri = query.value(c++).toString();
        r.options = MigrationOptions::fromJson(
            QJsonDocument::fromJson(query.value(c++).toString().toUtf8()).object());
        r.stage = stageFromKey(query.value(c++).toString());
        r.outcome = outcomeFromKey(query.value(c++).toString());
        r.reason = query.value(c++).toString();
        r.createdMs = query.value(c++).toLongLong();
        r.updatedMs = query.value(c++).toLongLong();
        r.finishedMs = query.value(c++).toLongLong();
        r.ownerPid = query.value(c++).toLongLong();
        r.memoryBytes = query.value(c++).toLongLong();
        const QVariant dirty = query.value(c++);
        r.dirtyRate = dirty.isNull() ? -1 : dirty.toDouble();
        r.predictedBandwidth = query.value(c++).toDouble();
        r.predictedTotalMs = orMinus(query.value(c++));
        r.predictedDowntimeMs = orMinus(query.value(c++));
        r.predictedIterations = query.value(c++).toInt();
        const QVariant converges = query.value(c++);
        r.predictedConverges = converges.isNull() || converges.toBool();
        r.actualTotalMs = orMinus(query.value(c++));
        r.actualDowntimeMs = orMinus(query.value(c++));
        r.modelTransferMs = orMinus(query.value(c++));
        r.measuredBandwidth = query.value(c++).toDouble();
        r.dataBytes = orMinus(query.value(c++));
        const QVariant shared = query.value(c++);
        r.sharedStorage = shared.isNull() || shared.toBool();
        r.inactiveXml = query.value(c++).toString();
        r.snapshot = QJsonDocument::fromJson(query.value(c++).toString().toUtf8()).object();
        jobs.append(r);
    }
    query.finish();
    QSqlQuery events(m_db->sql());
    events.setForwardOnly(true);
    events.prepare(QStringLiteral("SELECT ts_ms, stage, kind, message FROM migration_events "
                                  "WHERE job_id = ? ORDER BY id"));
    for (MigrationRecord &r : jobs) {
        events.addBindValue(r.id);
        if (!events.exec())
            return Error{ Tr::tr("Migration journal: %1").arg(events.lastError().text()) };
        while (events.next())
            r.events.append(StageEvent{ events.value(0).toLongLong(),
                                        stageFromKey(events.value(1).toString()),
                                        events.value(2).toString(), events.value(3).toString() });
        events.finish();
    }
    return jobs;
}

Result<MigrationRecord> MigrationJournal::job(qint64 id)
{
    auto jobs = select(QStringLiteral("WHERE id = ?"), { id }, 1);
    if (!jobs)
        return Error{ jobs.error() };
    if (jobs->isEmpty())
        return Error{ Tr::tr("No migration job %1 in the journal.").arg(id) };
    return jobs->first();
}

Result<QList<MigrationRecord>> MigrationJournal::unfinished()
{
    return select(QStringLiteral("WHERE outcome = 'running' ORDER BY id"), {}, 0);
}

Result<QList<MigrationRecord>> MigrationJournal::history(int limit)
{
    return select(QStringLiteral("ORDER BY id DESC"), {}, limit);
}

Result<QList<MigrationRecord>> MigrationJournal::transfersTo(const QString &targetUri, int limit)
{
    return select(QStringLiteral("WHERE target_uri = ? AND actual_downtime_ms IS NOT NULL AND "
                                 "bandwidth_bps > 0 ORDER BY id DESC"),
                  { targetUri }, limit);
}

Result<QList<double>> MigrationJournal::bandwidths(const QString &hostA, const QString &hostB,
                                                   int limit)
{
    return numbers(QStringLiteral("SELECT bandwidth_bps FROM migration_jobs WHERE bandwidth_bps > "
                                  "0 AND ((source_uri = ? AND target_uri = ?) OR (source_uri = ? "
                                  "AND target_uri = ?)) ORDER BY id DESC LIMIT ?"),
                   { hostA, hostB, hostB, hostA, limit });
}

Result<QList<double>> MigrationJournal::overheadResidualsMs(const QString &targetUri, int limit)
{
    return numbers(QStringLiteral("SELECT actual_total_ms - model_transfer_ms FROM migration_jobs "
                                  "WHERE target_uri = ? AND actual_total_ms IS NOT NULL AND "
                                  "model_transfer_ms IS NOT NULL ORDER BY id DESC LIMIT ?"),
                   { targetUri, limit });
}

Result<QList<double>> MigrationJournal::numbers(const QString &sql, const QVariantList &bindings)
{
    QSqlQuery query(m_db->sql());
    query.prepare(sql);
    for (const QVariant &v : bindings)
        query.addBindValue(v);
    if (!query.exec())
        return Error{ Tr::tr("Migration journal: %1").arg(query.lastError().text()) };
    QList<double> values;
    while (query.next())
        values.append(query.value(0).toDouble());
    return values;
}

} // namespace Umbra
