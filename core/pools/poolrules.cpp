#include "pools/poolrules.h"

#include <QCoreApplication>

namespace Umbra::Pools {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Umbra::Pools)
};

} // namespace

Admission admits(const Pool &pool, const Subject &subject)
{
    const QString vm = subject.vmName.isEmpty() ? subject.vmUuid : subject.vmName;
    switch (pool.kind) {
    case PoolKind::General:
        if (subject.what == Placing::Shadow)
            return { false,
                     Tr::tr("“%1” is a general pool; shadows live only in a shadow pool, "
                            "where capacity is reserved for them.")
                         .arg(pool.name) };
        return { true, Tr::tr("“%1” is a general pool, shared by every VM.").arg(pool.name) };
    case PoolKind::Dedicated:
        if (subject.what == Placing::Shadow)
            return { false,
                     Tr::tr("“%1” is dedicated to %2; shadows live only in a shadow pool.")
                         .arg(pool.name, pool.customer) };
        if (subject.customer.isEmpty())
            return { false,
                     Tr::tr("“%1” is dedicated to %2, and %3 belongs to no customer.")
                         .arg(pool.name, pool.customer, vm) };
        if (subject.customer != pool.customer)
            return { false,
                     Tr::tr("“%1” is dedicated to %2, and %3 belongs to %4.")
                         .arg(pool.name, pool.customer, vm, subject.customer) };
        return {
            true,
            Tr::tr("“%1” is dedicated to %2, the customer of %3.").arg(pool.name, pool.customer, vm)
        };
    case PoolKind::Shadow:
        if (subject.what == Placing::Vm)
            return { false,
                     Tr::tr("“%1” is a shadow pool: it takes shadows, and VMs only when "
                            "they fail over.")
                         .arg(pool.name) };
        return { true,
                 subject.what == Placing::Shadow
                     ? Tr::tr("“%1” is a shadow pool.").arg(pool.name)
                     : Tr::tr("“%1” is a shadow pool, and this is a failover.").arg(pool.name) };
    }
    return { false, {} };
}

} // namespace Umbra::Pools
