#include "lifecycle/vmaction.h"

#include <QCoreApplication>
#include <array>

namespace Umbra::Lifecycle {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Umbra::Lifecycle::VmAction)
};

struct Named
{
    VmAction action;
    const char16_t *key;
};

constexpr std::array kKeys{
    Named{ VmAction::Start, u"start" },
    Named{ VmAction::Shutdown, u"shutdown" },
    Named{ VmAction::Reboot, u"reboot" },
    Named{ VmAction::ForceOff, u"force-off" },
    Named{ VmAction::Reset, u"reset" },
    Named{ VmAction::Pause, u"pause" },
    Named{ VmAction::Resume, u"resume" },
    Named{ VmAction::AutostartOn, u"autostart-on" },
    Named{ VmAction::AutostartOff, u"autostart-off" },
};

} // namespace

QString vmActionKey(VmAction action)
{
    for (const Named &n : kKeys) {
        if (n.action == action)
            return QString::fromUtf16(n.key);
    }
    return {};
}

bool vmActionFromKey(const QString &key, VmAction *action)
{
    for (const Named &n : kKeys) {
        if (key == QStringView(n.key)) {
            *action = n.action;
            return true;
        }
    }
    return false;
}

QString vmActionLabel(VmAction action)
{
    switch (action) {
    case VmAction::Start:
        return Tr::tr("Start");
    case VmAction::Shutdown:
        return Tr::tr("Shut down");
    case VmAction::Reboot:
        return Tr::tr("Reboot");
    case VmAction::ForceOff:
        return Tr::tr("Force off");
    case VmAction::Reset:
        return Tr::tr("Reset");
    case VmAction::Pause:
        return Tr::tr("Pause");
    case VmAction::Resume:
        return Tr::tr("Resume");
    case VmAction::AutostartOn:
        return Tr::tr("Start with its host");
    case VmAction::AutostartOff:
        return Tr::tr("Do not start with its host");
    }
    return {};
}

QString vmActionPlanKind(VmAction action)
{
    return u"vm." + vmActionKey(action);
}

namespace {

QList<VmAction> allowedByState(VmState state)
{
    switch (state) {
    case VmState::ShutOff:
    case VmState::Crashed:
    case VmState::NoState:
        return { VmAction::Start };
    case VmState::Paused:
    case VmState::Suspended:
        return { VmAction::Resume, VmAction::ForceOff, VmAction::Reset };
    case VmState::ShuttingDown:
        // A guest that is slow to power off can still be forced.
        return { VmAction::ForceOff };
    case VmState::Running:
    case VmState::Blocked:
        return { VmAction::Shutdown, VmAction::Reboot, VmAction::Pause, VmAction::ForceOff,
                 VmAction::Reset };
    }
    return {};
}

} // namespace

QList<VmAction> allowedVmActions(VmState state, bool autostart)
{
    QList<VmAction> actions = allowedByState(state);
    actions.append(autostart ? VmAction::AutostartOff : VmAction::AutostartOn);
    return actions;
}

bool vmActionAllowed(VmAction action, VmState state, bool autostart)
{
    return allowedVmActions(state, autostart).contains(action);
}

bool vmActionIsDestructive(VmAction action)
{
    return action == VmAction::ForceOff || action == VmAction::Reset;
}

QString vmActionLoss(VmAction action, const QString &vmName)
{
    switch (action) {
    case VmAction::ForceOff:
        return Tr::tr("%1 is switched off at once, like pulling its power cord: whatever its "
                      "programs had not written to disk is lost, and its file systems may need "
                      "checking at the next start.")
            .arg(vmName);
    case VmAction::Reset:
        return Tr::tr("%1 restarts at once, like pressing its reset button: whatever its "
                      "programs had not written to disk is lost, and open connections are cut.")
            .arg(vmName);
    default:
        return {};
    }
}

} // namespace Umbra::Lifecycle
