#pragma once

#include "pools/pool.h"

#include <QString>

namespace Umbra::Pools {

// What is being placed: a VM moving in, a shadow of a primary, or a VM
// failing over (to its shadow, or away from a host that is lost).
enum class Placing { Vm, Shadow, Failover };

struct Subject
{
    Placing what = Placing::Vm;
    QString vmUuid;
    QString vmName;
    QString customer; // the VM's, when the operator set one
};

struct Admission
{
    bool admitted = false;
    QString reason; // why, in words, either way
};

// Whether `pool` takes `subject`: the one rule of pools, for migration
// preflight, shadow placement and the ranking alike.
Admission admits(const Pool &pool, const Subject &subject);

} // namespace Umbra::Pools
