#include "shadow/shadowguard.h"

#include <QCoreApplication>

namespace Umbra::Shadow {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Umbra::Shadow)
};

} // namespace

ShadowGuard::ShadowGuard(Environment environment, int readyTimeoutS)
    : m_env(std::move(environment))
    , m_readyTimeoutS(readyTimeoutS)
{ }

Result<QString> ShadowGuard::suspend(const QString &vmUuid, const QString &why)
{
    ShadowJob job(m_env);
    auto found = job.find(vmUuid);
    if (!found)
        return Error{ found.error() };
    // A shadow that took over is the service now; the old primary it was
    // made from has nothing replicated any more.
    if (!found->has_value() || found->value().state == State::FailedOver)
        return QString();
    auto suspended = job.suspend(vmUuid, why);
    if (!suspended)
        return Error{ suspended.error() };
    return Tr::tr("Replication to the shadow %1 on %2 is suspended for the move.")
        .arg(suspended->shadowName, suspended->shadowUri);
}

Result<QString> ShadowGuard::resume(const QString &vmUuid, const QString &hostUri)
{
    ShadowJob job(m_env);
    auto followed = job.follow(vmUuid, hostUri, m_readyTimeoutS);
    if (!followed)
        return Error{ followed.error() };
    switch (followed->state) {
    case State::Removed:
        return Tr::tr("The shadow %1 is retired: the VM now runs on its host.")
            .arg(followed->shadowName);
    case State::InSync:
        return Tr::tr("Replication to the shadow %1 is in sync again, from %2.")
            .arg(followed->shadowName, hostUri);
    default:
        return Tr::tr("Replication to the shadow %1 is seeding again, from %2.")
            .arg(followed->shadowName, hostUri);
    }
}

} // namespace Umbra::Shadow
