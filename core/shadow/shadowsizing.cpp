#include "shadow/shadowsizing.h"

#include <QCoreApplication>
#include <algorithm>
#include <cmath>

namespace Umbra::Shadow {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Umbra::Shadow)
};

} // namespace

Sizing sizeShadow(const SizingInput &in)
{
    Sizing s;
    s.memoryKiB = in.primaryMemoryKiB;
    s.vcpus = std::max(1, in.primaryVcpus);
    if (in.health && *in.health < in.flaggedBelow) {
        s.reason = Tr::tr("the primary is flagged (health %1 < %2): sized as the primary")
                       .arg(*in.health)
                       .arg(in.flaggedBelow);
        return s;
    }
    if (!in.peakCpus) {
        s.reason = Tr::tr("no forecast of the primary yet: sized as the primary");
        return s;
    }
    const int wanted = int(std::ceil(*in.peakCpus * in.headroom - 1e-9));
    s.vcpus = std::clamp(wanted, std::max(1, in.minVcpus), std::max(1, in.primaryVcpus));
    s.reason = Tr::tr("forecast peak %1 CPUs over the next day, %2 % headroom: %3 of %4 vCPUs")
                   .arg(*in.peakCpus, 0, 'f', 2)
                   .arg(qRound((in.headroom - 1.0) * 100.0))
                   .arg(s.vcpus)
                   .arg(in.primaryVcpus);
    return s;
}

} // namespace Umbra::Shadow
