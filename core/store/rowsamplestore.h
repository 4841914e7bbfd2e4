#pragma once

#include "store/samplestore.h"

#include <QSqlDatabase>

namespace Umbra {

// One row per VM sample in `vm_samples`, one per host sample in `host_samples`.
class RowSampleStore : public SampleStore
{
public:
    explicit RowSampleStore(QSqlDatabase db);

    Result<void> append(const QList<VmSample> &vmSamples,
                        const QList<HostSample> &hostSamples) override;
    Result<QList<VmSample>> vmSamples(const QString &uuid, qint64 fromMs,
                                      qint64 toMs) const override;
    Result<QList<HostSample>> hostSamples(const QString &uri, qint64 fromMs,
                                          qint64 toMs) const override;
    Result<qint64> latestVmTimestamp(const QString &uuid) const override;
    Result<qint64> latestHostTimestamp(const QString &uri) const override;

private:
    QSqlDatabase m_db;
};

} // namespace Umbra
