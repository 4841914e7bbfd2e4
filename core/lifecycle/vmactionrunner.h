#pragma once

#include "jobs/outcome.h"
#include "lifecycle/vmaction.h"

#include <QString>

namespace Umbra::Lifecycle {

struct VmActionOptions
{
    // How long a shutdown waits for the guest to power off before the
    // operator is offered Force off. Guests without ACPI never do.
    int shutdownDeadlineMs = 60000;
    int pollMs = 250;
};

struct VmActionResult
{
    Jobs::Outcome outcome = Jobs::Outcome::Failed;
    QString message; // what happened, or libvirt's reason, in words
    VmState stateAfter = VmState::NoState;
    // A shutdown whose deadline passed: the guest is still running.
    bool shutdownTimedOut = false;
};

// Carries out `action` on `target` through libvirt and checks that it took
// effect (a started VM runs, a forced-off one is off, the autostart reads as
// set). Blocking, up to the shutdown deadline: run it on a worker thread.
// Refused, changing nothing, when the VM's state no longer allows it.
VmActionResult runVmAction(const VmTarget &target, VmAction action,
                           const VmActionOptions &options = {});

} // namespace Umbra::Lifecycle
