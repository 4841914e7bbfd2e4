#pragma once

#include "migrate/replicationguard.h"
#include "shadow/shadowjob.h"

namespace Umbra::Shadow {

// The shadows' side of a migration (see ReplicationGuard): a shadowed
// primary's copies are aborted (journalled as Suspended) before it moves,
// and afterwards seeded again from the host it runs on, or the shadow is
// retired when the primary moved onto the shadow's own host. A console
// killed in between finds the shadow Suspended and re-seeds it.
class ShadowGuard final : public ReplicationGuard
{
public:
    // readyTimeoutS: how long resume() waits for the new copies to be in
    // sync; 0 leaves them seeding (the console's shadow service checks).
    ShadowGuard(Environment environment, int readyTimeoutS = 0);

    Result<QString> suspend(const QString &vmUuid, const QString &why) override;
    Result<QString> resume(const QString &vmUuid, const QString &hostUri) override;

private:
    Environment m_env;
    int m_readyTimeoutS;
};

} // namespace Umbra::Shadow
