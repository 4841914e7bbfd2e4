#include "jobs/stepmachine.h"

namespace Umbra::Jobs {

StepMachine::StepMachine(Enter enter, CancelRequested cancelRequested)
    : m_enter(std::move(enter))
    , m_cancelRequested(std::move(cancelRequested))
{ }

Outcome StepMachine::run(const QList<Step> &steps, QString &reason) const
{
    WayBack wayBack;
    auto turnAround = [&](bool cancelled) {
        if (wayBack)
            return wayBack(cancelled, reason);
        return cancelled ? Outcome::Cancelled : Outcome::Failed;
    };

    for (const Step &step : steps) {
        m_enter(step.stage, step.message);
        if (step.wayBack)
            wayBack = step.wayBack;
        const StepResult result = step.act();
        switch (result.status) {
        case StepResult::Status::Failed:
            reason = result.reason;
            return turnAround(false);
        case StepResult::Status::Cancelled:
            reason = result.reason.isEmpty() ? step.cancelledAfter : result.reason;
            return turnAround(true);
        case StepResult::Status::Ok:
            break;
        }
        if (!step.cancelledAfter.isEmpty() && m_cancelRequested()) {
            reason = step.cancelledAfter;
            return turnAround(true);
        }
    }
    reason.clear();
    return Outcome::Completed;
}

} // namespace Umbra::Jobs
