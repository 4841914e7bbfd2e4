#pragma once

#include <QJsonObject>
#include <QMetaType>
#include <QString>
#include <QStringList>

namespace Umbra::Jobs {

// Where a plan stands. A plan is proposed with its evidence; an operator or a
// policy approves or rejects it (approval is this state, not a waiting
// thread); an approved plan is executed once, by a journalled job. A
// policy's proposal that stopped holding before anyone decided it is
// withdrawn, with the reason.
enum class PlanState { Proposed, Approved, Rejected, Executing, Executed, Superseded, Withdrawn };

QString planStateKey(PlanState state);
PlanState planStateFromKey(const QString &key);
QString planStateLabel(PlanState state);

// An action worked out before anything changes: what it would do, what the
// checks found, and what it predicts. Stored, so that it can be approved
// later and by someone else than the one who asked for it.
struct Plan
{
    qint64 id = 0;
    QString kind; // "migrate"; later "traffic.shift", "shadow.create", …
    QString subject; // what it acts on, as people know it (a VM's name)
    QString subjectId; // and as Umbra does (a VM's UUID), when known
    QString summary; // one line: "Move web-1 from kvm01 to kvm02"
    QJsonObject request; // everything execution needs, in the kind's own terms
    QStringList evidence; // what the checks found, in the order they ran
    QJsonObject prediction; // the predicted outcome, in the kind's own terms
    QStringList steps; // what execution will do, in order, as people read it
    QString refusal; // why it cannot be carried out; empty when it can
    PlanState state = PlanState::Proposed;
    QString decidedBy; // "operator", "command line", "policy:<rule>"
    qint64 createdMs = 0;
    qint64 decidedMs = 0;
    qint64 jobId = 0; // the journalled job that executes it, once started
    // A policy's proposal: trigger, evidence, predicted outcome, expiry and
    // what held it back (policy/proposal.h); empty for an operator's plan.
    QJsonObject policy;
    QString note; // the reason given with a rejection, or for a withdrawal

    bool executable() const { return refusal.isEmpty(); }
    QJsonObject toJson() const;
};

} // namespace Umbra::Jobs

Q_DECLARE_METATYPE(Umbra::Jobs::Plan)
