#pragma once

#include "traffic/shiftrequest.h"
#include "util/result.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <memory>

namespace Umbra {
class Database;
}

namespace Umbra::Traffic {

// Where a traffic action stands. A finished shift or drain stays Holding while
// the weights it set are in force (a reload of HAProxy must not undo it
// unnoticed); Restore ends that.
enum class ActionState {
    Running,
    Holding,
    Restored,
    Completed,
    Cancelled,
    RolledBack,
    Failed,
    NeedsAttention
};
QString actionStateKey(ActionState state);
ActionState actionStateFromKey(const QString &key);
QString actionStateLabel(ActionState state);

enum class ActionKind { Shift, Drain, Restore };
QString actionKindKey(ActionKind kind);
ActionKind actionKindFromKey(const QString &key);
QString actionKindLabel(ActionKind kind);

struct TrafficEvent
{
    qint64 timestampMs = 0;
    QString kind; // "step", "note", "error"
    QString message;
};

// One traffic action as the journal keeps it.
struct TrafficAction
{
    qint64 id = 0;
    ActionKind kind = ActionKind::Shift;
    QString balancer;
    QString backend;
    QString subject; // the server (or the VM) it acts for
    QJsonObject request; // ShiftRequest::toJson(), or {server} for drain/restore
    Weights originalWeights; // the backend's weights as found, before any change
    QMap<QString, QString> originalStates; // the servers' admin states as found
    Weights applied; // the weights of the step last sent (written before sending)
    int step = 0; // 1-based step last sent; 0 before the first
    ActionState state = ActionState::Running;
    QString reason;
    qint64 ownerPid = 0;
    qint64 createdMs = 0;
    qint64 updatedMs = 0;
    QList<TrafficEvent> events;

    bool inForce() const { return state == ActionState::Holding; }
};

// The crash-proof record of traffic actions in Umbra's SQLite file (schema 10:
// traffic_actions, traffic_events). As with the migration journal, every
// write commits durably before the caller acts on it: a step is journalled
// before it is sent, so a console killed mid-shift finds what it was doing.
// A journal belongs to the thread that opened it.
class TrafficJournal
{
public:
    static Result<std::unique_ptr<TrafficJournal>> open(const QString &path,
                                                        const QString &connectionName);
    ~TrafficJournal();

    Result<qint64> create(const TrafficAction &action);
    // The next step's weights, before they are sent.
    Result<void> applyStep(qint64 id, int step, const Weights &weights, const QString &message);
    Result<void> note(qint64 id, const QString &kind, const QString &message);
    Result<void> finish(qint64 id, ActionState state, const QString &reason);

    Result<TrafficAction> action(qint64 id);
    // Actions in `states`, oldest first.
    Result<QList<TrafficAction>> inState(const QList<ActionState> &states);
    // Newest first, with their events.
    Result<QList<TrafficAction>> history(int limit = 100);

private:
    explicit TrafficJournal(std::unique_ptr<Database> db);
    Result<QList<TrafficAction>> select(const QString &where, const QString &order, int limit);

    std::unique_ptr<Database> m_db;
};

} // namespace Umbra::Traffic
