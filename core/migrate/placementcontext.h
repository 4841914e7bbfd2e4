#pragma once

#include "pools/capacityledger.h"
#include "pools/placement.h"
#include "pools/pool.h"

#include <memory>

namespace Umbra {

// What a migration's placement consults: the operator's pools (which hosts
// may take the VM) and the console's one capacity ledger (what other jobs
// are about to add). Without a ledger only libvirt's figures count.
struct PlacementContext
{
    Pools::PoolSettings pools = Pools::PoolSettings::defaults();
    std::shared_ptr<Pools::CapacityLedger> ledger;
    Pools::Outlook outlook;
};

} // namespace Umbra
