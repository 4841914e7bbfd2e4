#pragma once

#include "migrate/migrationtypes.h"
#include "util/result.h"

#include <QList>
#include <functional>
#include <memory>

namespace Umbra {

class Database;

// The crash-proof record of migration jobs in Umbra's SQLite file (schema
// version 4: migration_jobs and migration_events). Every write is its own
// transaction with synchronous=FULL, so what a call reported as written
// survives a kill -9 of the console and a power cut. A journal belongs to the
// thread that opened it; each job opens its own under a distinct name.
class MigrationJournal
{
public:
    static Result<std::unique_ptr<MigrationJournal>> open(const QString &path,
                                                          const QString &connectionName);
    ~MigrationJournal();

    // A new job at stage Pending, owned by this process; returns its id.
    Result<qint64> create(const MigrationRecord &job);
    // The job enters stage: the job row and a stage event, in one commit.
    Result<void> enterStage(qint64 id, MigrationStage stage, const QString &message = {});
    // An event within the current stage ("note" or "error").
    Result<void> note(qint64 id, MigrationStage stage, const QString &kind, const QString &message);
    Result<void> setVm(qint64 id, const QString &uuid, const QString &name);
    Result<void> savePrediction(qint64 id, const MigrationRecord &prediction);
    Result<void> saveActual(qint64 id, const MigrationRecord &actual);
    Result<void> saveRestorePoint(qint64 id, const QString &inactiveXml,
                                  const QJsonObject &snapshot, bool sharedStorage);
    // The end: outcome and reason, stage Done, one commit.
    Result<void> finish(qint64 id, MigrationOutcome outcome, const QString &reason);

    Result<MigrationRecord> job(qint64 id);
    Result<QList<MigrationRecord>> unfinished();
    // Newest first, with their events.
    Result<QList<MigrationRecord>> history(int limit = 200);
    // Measured memory bandwidths between two hosts (either direction), newest first.
    Result<QList<double>> bandwidths(const QString &hostA, const QString &hostB, int limit = 20);
    // Jobs to a target whose transfer finished (with measured figures), newest first.
    Result<QList<MigrationRecord>> transfersTo(const QString &targetUri, int limit = 20);
    // actual - modelled transfer times of completed jobs to a target, newest first.
    Result<QList<double>> overheadResidualsMs(const QString &targetUri, int limit = 20);

private:
    explicit MigrationJournal(std::unique_ptr<Database> db);
    Result<void> write(const QString &statement, const QVariantList &values);
    Result<void> transaction(const std::function<Result<void>()> &work);
    Result<QList<MigrationRecord>> select(const QString &where, const QVariantList &values,
                                          int limit);
    // The first column of every row a query gives, as numbers.
    Result<QList<double>> numbers(const QString &sql, const QVariantList &bindings);

    std::unique_ptr<Database> m_db;
};

} // namespace Umbra
