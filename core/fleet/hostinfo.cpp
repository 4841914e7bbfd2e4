#include "fleet/hostinfo.h"

#include <QCoreApplication>

namespace Umbra {

QString hostStateName(HostState state)
{
    switch (state) {
    case HostState::Connecting:
        return QCoreApplication::translate("Umbra::HostState", "connecting");
    case HostState::Connected:
        return QCoreApplication::translate("Umbra::HostState", "connected");
    case HostState::Degraded:
        return QCoreApplication::translate("Umbra::HostState", "degraded");
    case HostState::Unreachable:
        return QCoreApplication::translate("Umbra::HostState", "unreachable");
    case HostState::Disconnected:
        break;
    }
    return QCoreApplication::translate("Umbra::HostState", "disconnected");
}

} // namespace Umbra
