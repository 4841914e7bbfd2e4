#include "fleet/vminfo.h"

#include <QCoreApplication>

namespace Umbra {

QString vmStateName(VmState state)
{
    switch (state) {
    case VmState::Running:
        return QCoreApplication::translate("Umbra::VmState", "running");
    case VmState::Blocked:
        return QCoreApplication::translate("Umbra::VmState", "blocked");
    case VmState::Paused:
        return QCoreApplication::translate("Umbra::VmState", "paused");
    case VmState::ShuttingDown:
        return QCoreApplication::translate("Umbra::VmState", "shutting down");
    case VmState::ShutOff:
        return QCoreApplication::translate("Umbra::VmState", "shut off");
    case VmState::Crashed:
        return QCoreApplication::translate("Umbra::VmState", "crashed");
    case VmState::Suspended:
        return QCoreApplication::translate("Umbra::VmState", "suspended");
    case VmState::NoState:
        break;
    }
    return QCoreApplication::translate("Umbra::VmState", "unknown");
}

VmState vmStateFromLibvirt(int state)
{
    if (state < int(VmState::NoState) || state > int(VmState::Suspended))
        return VmState::NoState;
    return VmState(state);
}

bool vmStateIsActive(VmState state)
{
    return state == VmState::Running || state == VmState::Blocked || state == VmState::Paused
        || state == VmState::ShuttingDown;
}

} // namespace Umbra
