#include "policy/fleetpicture.h"

namespace Umbra::Policy {

const PolicyHost *FleetPicture::host(const QString &uri) const
{
    for (const PolicyHost &h : hosts)
        if (h.uri == uri)
            return &h;
    return nullptr;
}

} // namespace Umbra::Policy
