#pragma once

#include "jobs/outcome.h"

#include <QList>
#include <QString>
#include <functional>

namespace Umbra::Jobs {

// What one step of a job reports.
struct StepResult
{
    enum class Status { Ok, Cancelled, Failed };
    Status status = Status::Ok;
    QString reason;

    static StepResult ok() { return {}; }
    static StepResult failed(QString reason) { return { Status::Failed, std::move(reason) }; }
    static StepResult cancelled(QString reason = {})
    {
        return { Status::Cancelled, std::move(reason) };
    }
};

// The way back to where a job started, from a step on: undoes what the step
// and those before it changed and says how the job ended (`cancelled`: the
// operator asked; `reason` says why it is going back and may be extended).
using WayBack = std::function<Outcome(bool cancelled, QString &reason)>;

// One step of a journalled job, in the order the job takes them.
struct Step
{
    int stage = 0; // the job's own stage number, journalled as it is entered
    QString message; // journalled with the stage
    std::function<StepResult()> act;
    // Set on the step that first changes something, and on every step after
    // which undoing takes another route; the latest one given is the route.
    WayBack wayBack;
    // Non-empty: a cancel that arrives while this step runs is honoured once
    // it ends, with this reason. Empty: the job goes on to the next step
    // (a step whose result must first be made safe).
    QString cancelledAfter;
};

// The execution half of plan → approve → execute: runs a job's steps in order,
// each journalled (by `enter`) before its first action. A step that fails or
// is cancelled — or a cancel that arrives during a step that honours it —
// turns the job around on the latest way back; with none yet, nothing had
// changed and the job ends Failed or Cancelled as it stands. Migration, and
// the traffic and shadow jobs, are each a list of steps run by this.
class StepMachine
{
public:
    using Enter = std::function<void(int stage, const QString &message)>;
    using CancelRequested = std::function<bool()>;

    StepMachine(Enter enter, CancelRequested cancelRequested);

    // Runs `steps`; `reason` is empty when the job completed.
    Outcome run(const QList<Step> &steps, QString &reason) const;

private:
    Enter m_enter;
    CancelRequested m_cancelRequested;
};

} // namespace Umbra::Jobs
