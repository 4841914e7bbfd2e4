#pragma once

#include "collect/samples.h"
#include "util/result.h"

#include <QList>
#include <QString>

namespace Umbra {

// Where samples live. The row-per-sample layout is the first implementation;
// a compressed-chunk layout can replace it behind this interface.
// Implementations are used from one thread at a time; writes happen inside a
// transaction the caller opened.
class SampleStore
{
public:
    virtual ~SampleStore() = default;

    virtual Result<void> append(const QList<VmSample> &vmSamples,
                                const QList<HostSample> &hostSamples)
        = 0;
    virtual Result<QList<VmSample>> vmSamples(const QString &uuid, qint64 fromMs,
                                              qint64 toMs) const = 0;
    virtual Result<QList<HostSample>> hostSamples(const QString &uri, qint64 fromMs,
                                                  qint64 toMs) const = 0;
    // Latest timestamp stored for a VM, or 0.
    virtual Result<qint64> latestVmTimestamp(const QString &uuid) const = 0;
    // Latest timestamp stored for a host, or 0.
    virtual Result<qint64> latestHostTimestamp(const QString &uri) const = 0;
};

} // namespace Umbra
