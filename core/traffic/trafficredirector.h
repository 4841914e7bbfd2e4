#pragma once

#include "util/result.h"

#include <QString>

namespace Umbra {

// Keeps a VM's clients from noticing its live migration: redirect() takes the
// VM out of its load balancer's rotation before the switch-over (its siblings
// take the new requests while it pauses), restore() puts it back once the VM
// runs verified on the target — and on every way back. Called on the
// migration job's thread; each returns what it did, for the job's log.
class TrafficRedirector
{
public:
    struct Move
    {
        QString vmUuid;
        QString vmName;
        QString sourceUri;
        QString targetUri;
        qint64 jobId = 0; // the migration job's journal id
    };

    virtual ~TrafficRedirector() = default;
    virtual QString name() const = 0;
    virtual Result<QString> redirect(const Move &move) = 0;
    virtual Result<QString> restore(const Move &move) = 0;
};

// No load balancer is configured: the network follows the VM's addresses.
class NoTrafficRedirector final : public TrafficRedirector
{
public:
    QString name() const override { return QStringLiteral("none"); }
    Result<QString> redirect(const Move &) override;
    Result<QString> restore(const Move &) override { return QString(); }
};

} // namespace Umbra
