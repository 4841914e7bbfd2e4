#pragma once

#include "policy/automation.h"

#include <QJsonObject>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

namespace Umbra::Policy {

// What set a proposal off: which signal, its value and the threshold it passed.
struct Trigger
{
    // "host-risk", "host-saturation", "vm-health", "vm-traffic", "shadow-size",
    // "shadow-failover"
    QString rule;
    // "failure-risk", "cpu-forecast", "health", "vm-cpu-forecast", "host-unreachable"
    QString signal;
    double value = 0;
    double threshold = 0;
    QString sentence; // for the operator, with the figures
};

// An action the policy proposes, with why, what it expects, and what held
// it back. Becomes a stored plan (jobs/plan.h) of its kind; this part of it
// is the plan's `policy` JSON.
struct Proposal
{
    // "migrate", "shadow.create", "shadow.scale", "shadow.failover", "traffic.shift"
    QString kind;
    QString subject; // the VM's name
    QString subjectId; // its UUID
    QString sourceUri;
    QString targetUri; // the chosen host; for a shadow, its shadow host
    QString group; // an evacuation's host URI: its moves belong together
    // What the controller needs beyond subject, source and target: a shift's
    // balancer, backend, servers and share; a shadow's new size.
    QJsonObject action;
    Trigger trigger;
    QStringList evidence; // as the operator will read it
    QJsonObject outcome; // predicted: capacity on source and target after, health after
    QString cost; // "one live migration of 4096 MiB"
    int confidence = 3; // 1–5, as the automation threshold
    qint64 raisedMs = 0;
    qint64 expiresMs = 0;
    // Each rule that holds it back now, in words; empty when it may go ahead.
    QStringList heldBy;
    AutomationLevel level = AutomationLevel::Manual;
    // It may be executed without an operator now: automatic, sure enough,
    // held by nothing and outside a maintenance window.
    bool automatic = false;

    // One proposal per kind and VM: a newer one replaces it.
    QString key() const { return kind + u':' + subjectId; }
    QString summary() const;
    QJsonObject toJson() const;
    static Proposal fromJson(const QJsonObject &json);
};

// A proposal that no longer holds, with why.
struct Withdrawal
{
    QString key;
    QString reason;
};

struct Evaluation
{
    QList<Proposal> proposals; // current, new or still holding, in order of urgency
    QList<Withdrawal> withdrawn;
};

} // namespace Umbra::Policy

Q_DECLARE_METATYPE(Umbra::Policy::Proposal)
Q_DECLARE_METATYPE(Umbra::Policy::Evaluation)
