#pragma once

#include "util/result.h"

#include <QString>

namespace Umbra {

// Moves a VM's client traffic from its old place to its new one around the
// switch-over (for example by changing a load balancer's backend). Called on
// the migration job's thread after the transfer; restore() undoes redirect()
// when the job rolls back.
class TrafficRedirector
{
public:
    struct Move
    {
        QString vmUuid;
        QString vmName;
        QString sourceUri;
        QString targetUri;
    };

    virtual ~TrafficRedirector() = default;
    virtual QString name() const = 0;
    virtual Result<void> redirect(const Move &move) = 0;
    virtual Result<void> restore(const Move &move) = 0;
};

// A VM that keeps its addresses needs no redirect: the network follows it.
class NoTrafficRedirector final : public TrafficRedirector
{
public:
    QString name() const override { return QStringLiteral("none"); }
    Result<void> redirect(const Move &) override { return {}; }
    Result<void> restore(const Move &) override { return {}; }
};

} // namespace Umbra
