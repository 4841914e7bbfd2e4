#include "jobs/planstore.h"

#include "jobs/audittrail.h"
#include "store/database.h"
#include "store/sqlvalues.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>

namespace Umbra::Jobs {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Umbra::Jobs::PlanStore)
};

const char kColumns[]
    = "id, kind, subject, subject_id, summary, request, evidence, prediction, "
      "steps, refusal, state, decided_by, created_ms, decided_ms, job_id, policy, "
      "note";

QString json(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

QString json(const QStringList &list)
{
    return QString::fromUtf8(
        QJsonDocument(QJsonArray::fromStringList(list)).toJson(QJsonDocument::Compact));
}

QStringList stringList(const QString &text)
{
    QStringList list;
    for (const QJsonValue &v : QJsonDocument::fromJson(text.toUtf8()).array())
        list.append(v.toString());
    return list;
}

Plan planOf(const QSqlQuery &q)
{
    Plan p;
    p.id = q.value(0).toLongLong();
    p.kind = q.value(1).toString();
    p.subject = q.value(2).toString();
    p.subjectId = q.value(3).toString();
    p.summary = q.value(4).toString();
    p.request = QJsonDocument::fromJson(q.value(5).toString().toUtf8()).object();
    p.evidence = stringList(q.value(6).toString());
    p.prediction = QJsonDocument::fromJson(q.value(7).toString().toUtf8()).object();
    p.steps = stringList(q.value(8).toString());
    p.refusal = q.value(9).toString();
    p.state = planStateFromKey(q.value(10).toString());
    p.decidedBy = q.value(11).toString();
    p.createdMs = q.value(12).toLongLong();
    p.decidedMs = q.value(13).toLongLong();
    p.jobId = q.value(14).toLongLong();
    p.policy = QJsonDocument::fromJson(q.value(15).toString().toUtf8()).object();
    p.note = q.value(16).toString();
    return p;
}

Error sqlError(const QSqlQuery &query)
{
    return Error{ Tr::tr("Plans: %1").arg(query.lastError().text()) };
}

Result<void> withoutId(const Result<qint64> &done)
{
    return done ? Result<void>() : Result<void>(Error{ done.error() });
}

} // namespace

PlanStore::PlanStore(std::unique_ptr<Database> db)
    : m_db(std::move(db))
{ }

PlanStore::~PlanStore() = default;

Result<std::unique_ptr<PlanStore>> PlanStore::open(const QString &path,
                                                   const QString &connectionName)
{
    auto db = Database::open(path, connectionName, Database::Mode::Durable);
    if (!db)
        return Error{ db.error() };
    return std::unique_ptr<PlanStore>(new PlanStore(std::move(db.value())));
}

Result<qint64> PlanStore::audited(const QString &actor, const QString &action,
                                  const std::function<Result<qint64>()> &change)
{
    // One write transaction for the change and its entry: the entry cannot
    // be lost after the change, nor chained onto the same entry as another
    // process's.
    QSqlQuery begin(m_db->sql());
    if (!begin.exec(QStringLiteral("BEGIN IMMEDIATE")))
        return sqlError(begin);
    Result<qint64> done = change();
    if (done) {
        auto current = plan(done.value());
        AuditRecord entry;
        entry.actor = actor == QLatin1String("operator") ? AuditTrail::operatorActor() : actor;
        entry.action = action;
        entry.planId = done.value();
        if (current) {
            entry.kind = current->kind;
            entry.subject = current->subject;
            entry.detail = current->refusal.isEmpty() ? current->summary
                                                      : current->summary + u": " + current->refusal;
            if (!current->note.isEmpty()
                && (action == u"rejected" || action == u"withdrawn" || action == u"executed"))
                entry.detail += u" — " + current->note;
        }
        if (auto appended = AuditTrail::append(m_db->sql(), entry); !appended)
            done = Error{ appended.error() };
    }
    QSqlQuery end(m_db->sql());
    if (!end.exec(done ? QStringLiteral("COMMIT") : QStringLiteral("ROLLBACK")) && done)
        return sqlError(end);
    return done;
}

Result<qint64> PlanStore::propose(const Plan &plan)
{
    return audited(QStringLiteral("umbra"),
                   plan.refusal.isEmpty() ? QStringLiteral("proposed") : QStringLiteral("refused"),
                   [&] { return insert(plan); });
}

Result<qint64> PlanStore::insert(const Plan &plan)
{
    QSqlQuery query(m_db->sql());
    query.prepare(QStringLiteral(
        "INSERT INTO plans (kind, subject, subject_id, summary, request, evidence, prediction, "
        "steps, refusal, state, decided_by, created_ms, decided_ms, job_id, policy) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'proposed', '', ?, 0, 0, ?)"));
    query.addBindValue(SqlValues::text(plan.kind));
    query.addBindValue(SqlValues::text(plan.subject));
    query.addBindValue(SqlValues::text(plan.subjectId));
    query.addBindValue(SqlValues::text(plan.summary));
    query.addBindValue(json(plan.request));
    query.addBindValue(json(plan.evidence));
    query.addBindValue(json(plan.prediction));
    query.addBindValue(json(plan.steps));
    query.addBindValue(SqlValues::text(plan.refusal));
    query.addBindValue(plan.createdMs > 0 ? plan.createdMs : QDateTime::currentMSecsSinceEpoch());
    query.addBindValue(plan.policy.isEmpty() ? QStringLiteral("") : json(plan.policy));
    if (!query.exec())
        return sqlError(query);
    return query.lastInsertId().toLongLong();
}

Result<void> PlanStore::moveState(qint64 id, PlanState from, PlanState to, const QString &set,
                                  const QVariantList &values)
{
    QSqlQuery query(m_db->sql());
    query.prepare(QStringLiteral("UPDATE plans SET state = ?") + set
                  + QStringLiteral(" WHERE id = ? AND state = ?"));
    query.addBindValue(planStateKey(to));
    for (const QVariant &v : values)
        query.addBindValue(v);
    query.addBindValue(id);
    query.addBindValue(planStateKey(from));
    if (!query.exec())
        return sqlError(query);
    if (query.numRowsAffected() == 1)
        return {};
    // Say what it is instead, for the one who tried.
    auto current = plan(id);
    if (!current)
        return Error{ current.error() };
    return Error{ Tr::tr("Plan %1 is “%2”, not “%3”.")
                      .arg(id)
                      .arg(planStateLabel(current->state), planStateLabel(from)) };
}

Result<void> PlanStore::decide(qint64 id, bool approve, const QString &by, const QString &note)
{
    if (approve) {
        auto current = plan(id);
        if (!current)
            return Error{ current.error() };
        if (!current->executable())
            return Error{ Tr::tr("Plan %1 cannot be approved: %2").arg(id).arg(current->refusal) };
    }
    return withoutId(audited(
        by, approve ? QStringLiteral("approved") : QStringLiteral("rejected"),
        [&]() -> Result<qint64> {
            auto moved = moveState(id, PlanState::Proposed,
                                   approve ? PlanState::Approved : PlanState::Rejected,
                                   QStringLiteral(", decided_by = ?, decided_ms = ?, note = ?"),
                                   { SqlValues::text(by), QDateTime::currentMSecsSinceEpoch(),
                                     SqlValues::text(note) });
            return moved ? Result<qint64>(id) : Result<qint64>(Error{ moved.error() });
        }));
}

Result<void> PlanStore::withdraw(qint64 id, const QString &reason)
{
    return withoutId(
        audited(QStringLiteral("umbra"), QStringLiteral("withdrawn"), [&]() -> Result<qint64> {
            auto moved
                = moveState(id, PlanState::Proposed, PlanState::Withdrawn,
                            QStringLiteral(", decided_ms = ?, note = ?"),
                            { QDateTime::currentMSecsSinceEpoch(), SqlValues::text(reason) });
            return moved ? Result<qint64>(id) : Result<qint64>(Error{ moved.error() });
        }));
}

Result<void> PlanStore::setPolicy(qint64 id, const QJsonObject &policy)
{
    QSqlQuery query(m_db->sql());
    query.prepare(
        QStringLiteral("UPDATE plans SET policy = ? WHERE id = ? AND state = 'proposed'"));
    query.addBindValue(json(policy));
    query.addBindValue(id);
    if (!query.exec())
        return sqlError(query);
    return {};
}

Result<void> PlanStore::startExecution(qint64 id, qint64 jobId)
{
    return withoutId(
        audited(QStringLiteral("umbra"), QStringLiteral("executing"), [&]() -> Result<qint64> {
            auto moved = moveState(id, PlanState::Approved, PlanState::Executing,
                                   QStringLiteral(", job_id = ?"), { jobId });
            return moved ? Result<qint64>(id) : Result<qint64>(Error{ moved.error() });
        }));
}

Result<void> PlanStore::attachJob(qint64 id, qint64 jobId)
{
    QSqlQuery query(m_db->sql());
    query.prepare(QStringLiteral("UPDATE plans SET job_id = ? WHERE id = ?"));
    query.addBindValue(jobId);
    query.addBindValue(id);
    if (!query.exec())
        return sqlError(query);
    return {};
}

Result<void> PlanStore::finishExecution(qint64 id, const QString &result)
{
    return withoutId(
        audited(QStringLiteral("umbra"), QStringLiteral("executed"), [&]() -> Result<qint64> {
            auto moved = result.isEmpty()
                ? moveState(id, PlanState::Executing, PlanState::Executed, {}, {})
                : moveState(id, PlanState::Executing, PlanState::Executed,
                            QStringLiteral(", note = ?"), { result });
            return moved ? Result<qint64>(id) : Result<qint64>(Error{ moved.error() });
        }));
}

Result<void> PlanStore::supersedeOlder(const Plan &plan)
{
    QSqlQuery query(m_db->sql());
    // A policy's proposal replaces the policy's older ones, an operator's
    // plan the operator's: neither pulls a plan from under the other.
    query.prepare(QStringLiteral("UPDATE plans SET state = 'superseded' WHERE kind = ? AND "
                                 "subject_id = ? AND subject_id != '' AND id < ? AND "
                                 "state = 'proposed' AND (policy = '') = ?"));
    query.addBindValue(SqlValues::text(plan.kind));
    query.addBindValue(SqlValues::text(plan.subjectId));
    query.addBindValue(plan.id);
    query.addBindValue(plan.policy.isEmpty() ? 1 : 0);
    if (!query.exec())
        return sqlError(query);
    return {};
}

Result<Plan> PlanStore::plan(qint64 id)
{
    QSqlQuery query(m_db->sql());
    query.prepare(QStringLiteral("SELECT %1 FROM plans WHERE id = ?").arg(QLatin1String(kColumns)));
    query.addBindValue(id);
    if (!query.exec())
        return sqlError(query);
    if (!query.next())
        return Error{ Tr::tr("There is no plan %1.").arg(id) };
    return planOf(query);
}

Result<QList<Plan>> PlanStore::plans(const QList<PlanState> &states, int limit)
{
    QStringList keys;
    for (PlanState state : states)
        keys.append(QLatin1Char('\'') + planStateKey(state) + QLatin1Char('\''));
    const QString where = keys.isEmpty()
        ? QString()
        : QStringLiteral(" WHERE state IN (%1)").arg(keys.join(QLatin1Char(',')));
    QSqlQuery query(m_db->sql());
    query.setForwardOnly(true);
    if (!query.exec(QStringLiteral("SELECT %1 FROM plans%2 ORDER BY id DESC LIMIT %3")
                        .arg(QLatin1String(kColumns), where)
                        .arg(limit)))
        return sqlError(query);
    QList<Plan> list;
    while (query.next())
        list.append(planOf(query));
    return list;
}

Result<QList<PlanStore::Count>> PlanStore::counts()
{
    QSqlQuery query(m_db->sql());
    query.setForwardOnly(true);
    if (!query.exec(QStringLiteral(
            "SELECT kind, state, COUNT(*) FROM plans GROUP BY kind, state ORDER BY kind, state")))
        return sqlError(query);
    QList<Count> list;
    while (query.next())
        list.append(
            { query.value(0).toString(), query.value(1).toString(), query.value(2).toInt() });
    return list;
}

Result<void> PlanStore::settleJobs(const QList<qint64> &jobIds)
{
    for (qint64 jobId : jobIds) {
        QSqlQuery query(m_db->sql());
        query.prepare(QStringLiteral(
            "UPDATE plans SET state = 'executed' WHERE state = 'executing' AND job_id = ?"));
        query.addBindValue(jobId);
        if (!query.exec())
            return sqlError(query);
    }
    return {};
}

} // namespace Umbra::Jobs
