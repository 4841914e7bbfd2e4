#include "traffic/trafficjournal.h"

#include "store/database.h"
#include "store/sqlvalues.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>

namespace Umbra::Traffic {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Umbra::Traffic::TrafficJournal)
};

const char kColumns[] = "id, kind, balancer, backend, subject, request, original, applied, step, "
                        "state, reason, owner_pid, created_ms, updated_ms";

const std::pair<ActionState, const char *> kStateKeys[] = {
    { ActionState::Running, "running" },     { ActionState::Holding, "holding" },
    { ActionState::Restored, "restored" },   { ActionState::Completed, "completed" },
    { ActionState::Cancelled, "cancelled" }, { ActionState::RolledBack, "rolled-back" },
    { ActionState::Failed, "failed" },       { ActionState::NeedsAttention, "needs-attention" },
};

const std::pair<ActionKind, const char *> kKindKeys[] = {
    { ActionKind::Shift, "shift" },
    { ActionKind::Drain, "drain" },
    { ActionKind::Restore, "restore" },
};

QString compact(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

QJsonObject object(const QString &text)
{
    return QJsonDocument::fromJson(text.toUtf8()).object();
}

Error sqlError(const QSqlQuery &query)
{
    return Error{ Tr::tr("Traffic journal: %1").arg(query.lastError().text()) };
}

qint64 now()
{
    return QDateTime::currentMSecsSinceEpoch();
}

} // namespace

QString actionStateKey(ActionState state)
{
    for (const auto &[s, key] : kStateKeys) {
        if (s == state)
            return QLatin1String(key);
    }
    return {};
}

ActionState actionStateFromKey(const QString &key)
{
    for (const auto &[s, k] : kStateKeys) {
        if (key == QLatin1String(k))
            return s;
    }
    return ActionState::NeedsAttention;
}

QString actionStateLabel(ActionState state)
{
    switch (state) {
    case ActionState::Running:
        return Tr::tr("Running");
    case ActionState::Holding:
        return Tr::tr("In force");
    case ActionState::Restored:
        return Tr::tr("Restored");
    case ActionState::Completed:
        return Tr::tr("Completed");
    case ActionState::Cancelled:
        return Tr::tr("Cancelled");
    case ActionState::RolledBack:
        return Tr::tr("Rolled back");
    case ActionState::Failed:
        return Tr::tr("Failed");
    case ActionState::NeedsAttention:
        return Tr::tr("Needs attention");
    }
    return {};
}

QString actionKindKey(ActionKind kind)
{
    for (const auto &[k, key] : kKindKeys) {
        if (k == kind)
            return QLatin1String(key);
    }
    return {};
}

ActionKind actionKindFromKey(const QString &key)
{
    for (const auto &[k, text] : kKindKeys) {
        if (key == QLatin1String(text))
            return k;
    }
    return ActionKind::Shift;
}

QString actionKindLabel(ActionKind kind)
{
    switch (kind) {
    case ActionKind::Shift:
        return Tr::tr("Shift");
    case ActionKind::Drain:
        return Tr::tr("Drain");
    case ActionKind::Restore:
        return Tr::tr("Restore");
    }
    return {};
}

TrafficJournal::TrafficJournal(std::unique_ptr<Database> db)
    : m_db(std::move(db))
{ }

TrafficJournal::~TrafficJournal() = default;

Result<std::unique_ptr<TrafficJournal>> TrafficJournal::open(const QString &path,
                                                             const QString &connectionName)
{
    auto db = Database::open(path, connectionName, Database::Mode::Durable);
    if (!db)
        return Error{ db.error() };
    return std::unique_ptr<TrafficJournal>(new TrafficJournal(std::move(db.value())));
}

Result<qint64> TrafficJournal::create(const TrafficAction &action)
{
    QJsonObject states;
    for (auto it = action.originalStates.begin(); it != action.originalStates.end(); ++it)
        states.insert(it.key(), it.value());
    const QJsonObject original{ { QStringLiteral("weights"),
                                  weightsToJson(action.originalWeights) },
                                { QStringLiteral("states"), states } };
    QSqlQuery query(m_db->sql());
    query.prepare(QStringLiteral(
        "INSERT INTO traffic_actions (kind, balancer, backend, subject, request, original, "
        "applied, step, state, reason, owner_pid, created_ms, updated_ms) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, 0, 'running', '', ?, ?, ?)"));
    query.addBindValue(actionKindKey(action.kind));
    query.addBindValue(action.balancer);
    query.addBindValue(action.backend);
    query.addBindValue(action.subject);
    query.addBindValue(compact(action.request));
    query.addBindValue(compact(original));
    query.addBindValue(compact(weightsToJson(action.originalWeights)));
    query.addBindValue(QCoreApplication::applicationPid());
    const qint64 t = now();
    query.addBindValue(t);
    query.addBindValue(t);
    if (!query.exec())
        return sqlError(query);
    return query.lastInsertId().toLongLong();
}

Result<void> TrafficJournal::applyStep(qint64 id, int step, const Weights &weights,
                                       const QString &message)
{
    if (auto begun = Database::beginWrite(m_db->sql()); !begun)
        return Error{ Tr::tr("Traffic journal: %1").arg(begun.error()) };
    QSqlQuery query(m_db->sql());
    query.prepare(QStringLiteral(
        "UPDATE traffic_actions SET applied = ?, step = ?, updated_ms = ? WHERE id = ?"));
    query.addBindValue(compact(weightsToJson(weights)));
    query.addBindValue(step);
    query.addBindValue(now());
    query.addBindValue(id);
    QSqlQuery event(m_db->sql());
    event.prepare(QStringLiteral(
        "INSERT INTO traffic_events (action, ts_ms, kind, message) VALUES (?, ?, 'step', ?)"));
    event.addBindValue(id);
    event.addBindValue(now());
    event.addBindValue(message);
    if (!query.exec() || !event.exec()) {
        const Error e = sqlError(query.lastError().isValid() ? query : event);
        m_db->sql().rollback();
        return e;
    }
    if (!m_db->sql().commit())
        return Error{ Tr::tr("Traffic journal: %1").arg(m_db->sql().lastError().text()) };
    return {};
}

Result<void> TrafficJournal::note(qint64 id, const QString &kind, const QString &message)
{
    QSqlQuery query(m_db->sql());
    query.prepare(QStringLiteral(
        "INSERT INTO traffic_events (action, ts_ms, kind, message) VALUES (?, ?, ?, ?)"));
    query.addBindValue(id);
    query.addBindValue(now());
    query.addBindValue(kind);
    query.addBindValue(message);
    if (!query.exec())
        return sqlError(query);
    return {};
}

Result<void> TrafficJournal::finish(qint64 id, ActionState state, const QString &reason)
{
    QSqlQuery query(m_db->sql());
    query.prepare(QStringLiteral(
        "UPDATE traffic_actions SET state = ?, reason = ?, updated_ms = ? WHERE id = ?"));
    query.addBindValue(actionStateKey(state));
    query.addBindValue(SqlValues::text(reason));
    query.addBindValue(now());
    query.addBindValue(id);
    if (!query.exec())
        return sqlError(query);
    return {};
}

Result<QList<TrafficAction>> TrafficJournal::select(const QString &where, const QString &order,
                                                    int limit)
{
    QSqlQuery query(m_db->sql());
    query.setForwardOnly(true);
    if (!query.exec(QStringLiteral("SELECT %1 FROM traffic_actions %2 ORDER BY id %3 LIMIT %4")
                        .arg(QLatin1String(kColumns), where, order)
                        .arg(limit)))
        return sqlError(query);
    QList<TrafficAction> actions;
    while (query.next()) {
        TrafficAction a;
        a.id = query.value(0).toLongLong();
        a.kind = actionKindFromKey(query.value(1).toString());
        a.balancer = query.value(2).toString();
        a.backend = query.value(3).toString();
        a.subject = query.value(4).toString();
        a.request = object(query.value(5).toString());
        const QJsonObject original = object(query.value(6).toString());
        a.originalWeights = weightsFromJson(original.value(QStringLiteral("weights")).toObject());
        const QJsonObject states = original.value(QStringLiteral("states")).toObject();
        for (auto it = states.begin(); it != states.end(); ++it)
            a.originalStates.insert(it.key(), it.value().toString());
        a.applied = weightsFromJson(object(query.value(7).toString()));
        a.step = query.value(8).toInt();
        a.state = actionStateFromKey(query.value(9).toString());
        a.reason = query.value(10).toString();
        a.ownerPid = query.value(11).toLongLong();
        a.createdMs = query.value(12).toLongLong();
        a.updatedMs = query.value(13).toLongLong();
        actions.append(a);
    }
    for (TrafficAction &a : actions) {
        QSqlQuery events(m_db->sql());
        events.setForwardOnly(true);
        events.prepare(QStringLiteral(
            "SELECT ts_ms, kind, message FROM traffic_events WHERE action = ? ORDER BY rowid"));
        events.addBindValue(a.id);
        if (!events.exec())
            return sqlError(events);
        while (events.next())
            a.events.append({ events.value(0).toLongLong(), events.value(1).toString(),
                              events.value(2).toString() });
    }
    return actions;
}

Result<TrafficAction> TrafficJournal::action(qint64 id)
{
    auto found = select(QStringLiteral("WHERE id = %1").arg(id), QStringLiteral("ASC"), 1);
    if (!found)
        return Error{ found.error() };
    if (found->isEmpty())
        return Error{ Tr::tr("There is no traffic action %1.").arg(id) };
    return found->first();
}

Result<QList<TrafficAction>> TrafficJournal::inState(const QList<ActionState> &states)
{
    QStringList keys;
    for (ActionState s : states)
        keys.append(QLatin1Char('\'') + actionStateKey(s) + QLatin1Char('\''));
    return select(QStringLiteral("WHERE state IN (%1)").arg(keys.join(QLatin1Char(','))),
                  QStringLiteral("ASC"), 10000);
}

Result<QList<TrafficAction>> TrafficJournal::history(int limit)
{
    return select({}, QStringLiteral("DESC"), limit);
}

} // namespace Umbra::Traffic
