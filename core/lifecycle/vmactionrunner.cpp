#include "lifecycle/vmactionrunner.h"

#include "collect/inventoryreader.h"
#include "collect/sharedconnection.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QThread>

namespace Umbra::Lifecycle {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Umbra::Lifecycle::VmActionRunner)
};

// Owns what the runner opened, in reverse order.
struct Handles
{
    virConnectPtr connection = nullptr;
    virDomainPtr domain = nullptr;
    ~Handles()
    {
        if (domain)
            virDomainFree(domain);
        if (connection)
            SharedConnection::close(connection);
    }
};

VmState stateOf(virDomainPtr domain)
{
    int state = VIR_DOMAIN_NOSTATE;
    int reason = 0;
    if (virDomainGetState(domain, &state, &reason, 0) < 0)
        return VmState::NoState;
    return vmStateFromLibvirt(state);
}

bool autostartOf(virDomainPtr domain)
{
    int autostart = 0;
    return virDomainGetAutostart(domain, &autostart) == 0 && autostart != 0;
}

int call(VmAction action, virDomainPtr domain)
{
    switch (action) {
    case VmAction::Start:
        return virDomainCreate(domain);
    case VmAction::Shutdown:
        return virDomainShutdown(domain);
    case VmAction::Reboot:
        return virDomainReboot(domain, 0);
    case VmAction::ForceOff:
        return virDomainDestroy(domain);
    case VmAction::Reset:
        return virDomainReset(domain, 0);
    case VmAction::Pause:
        return virDomainSuspend(domain);
    case VmAction::Resume:
        return virDomainResume(domain);
    case VmAction::AutostartOn:
        return virDomainSetAutostart(domain, 1);
    case VmAction::AutostartOff:
        return virDomainSetAutostart(domain, 0);
    }
    return -1;
}

// Whether the VM is where the action leaves it.
bool tookEffect(VmAction action, virDomainPtr domain, VmState state)
{
    switch (action) {
    case VmAction::Start:
    case VmAction::Resume:
    case VmAction::Reboot:
    case VmAction::Reset:
        return vmStateIsActive(state) && state != VmState::Paused;
    case VmAction::Shutdown:
    case VmAction::ForceOff:
        return state == VmState::ShutOff;
    case VmAction::Pause:
        return state == VmState::Paused;
    case VmAction::AutostartOn:
        return autostartOf(domain);
    case VmAction::AutostartOff:
        return !autostartOf(domain);
    }
    return false;
}

QString doneText(VmAction action, const VmTarget &target, VmState state)
{
    switch (action) {
    case VmAction::AutostartOn:
        return Tr::tr("%1 now starts with %2.").arg(target.name, target.hostName);
    case VmAction::AutostartOff:
        return Tr::tr("%1 no longer starts with %2.").arg(target.name, target.hostName);
    default:
        return Tr::tr("%1: %2 done; it is %3.")
            .arg(target.name, vmActionLabel(action), vmStateName(state));
    }
}

} // namespace

VmActionResult runVmAction(const VmTarget &target, VmAction action, const VmActionOptions &options)
{
    VmActionResult result;
    Handles h;
    h.connection = SharedConnection::open(target.uri);
    if (!h.connection) {
        result.message = Tr::tr("Cannot reach %1: %2")
                             .arg(target.hostName, InventoryReader::lastLibvirtError());
        return result;
    }
    h.domain = virDomainLookupByUUIDString(h.connection, target.uuid.toLatin1().constData());
    if (!h.domain) {
        result.message
            = Tr::tr("%1 is no longer on %2: %3")
                  .arg(target.name, target.hostName, InventoryReader::lastLibvirtError());
        return result;
    }
    const VmState before = stateOf(h.domain);
    result.stateAfter = before;
    if (!vmActionAllowed(action, before, autostartOf(h.domain))) {
        result.message = Tr::tr("%1 is %2 now; “%3” does not apply, nothing was done.")
                             .arg(target.name, vmStateName(before), vmActionLabel(action));
        return result;
    }
    if (call(action, h.domain) < 0) {
        result.message
            = Tr::tr("%1 on %2 failed: %3")
                  .arg(vmActionLabel(action), target.name, InventoryReader::lastLibvirtError());
        result.stateAfter = stateOf(h.domain);
        return result;
    }

    // A shutdown is a request to the guest; anything else has taken effect
    // when libvirt answers, though a reboot may be under way for a moment.
    const int waitMs = action == VmAction::Shutdown ? options.shutdownDeadlineMs : 5000;
    const QDeadlineTimer deadline(waitMs);
    VmState state = stateOf(h.domain);
    while (!tookEffect(action, h.domain, state) && !deadline.hasExpired()) {
        QThread::msleep(options.pollMs);
        state = stateOf(h.domain);
    }
    result.stateAfter = state;
    if (tookEffect(action, h.domain, state)) {
        result.outcome = Jobs::Outcome::Completed;
        result.message = doneText(action, target, state);
        return result;
    }
    result.outcome = Jobs::Outcome::NeedsAttention;
    if (action == VmAction::Shutdown) {
        result.shutdownTimedOut = true;
        result.message = Tr::tr("%1 was asked to shut down but is still %2 after %3 s; its guest "
                                "may ignore the request. Force off to stop it now.")
                             .arg(target.name, vmStateName(state))
                             .arg(options.shutdownDeadlineMs / 1000);
    } else {
        result.message = Tr::tr("%1: libvirt accepted “%2”, but the VM is %3.")
                             .arg(target.name, vmActionLabel(action), vmStateName(state));
    }
    return result;
}

} // namespace Umbra::Lifecycle
