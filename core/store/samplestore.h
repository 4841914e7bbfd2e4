#pragma once

#include "fleet/samples.h"
#include "series/seriesreader.h"
#include "series/serieswriter.h"
#include "util/result.h"

#include <QHash>
#include <QList>
#include <QString>
#include <array>
#include <memory>
#include <optional>

namespace Umbra {

// VM and host samples as time series (see store/metriccatalog.h). The store
// thread's instance writes; reader threads open their own without a writer.
// Both share the in-memory heads, so an appended sample is readable at once.
class SampleStore
{
public:
    // ReadOnly shares the heads of the writer in this process. Detached is a
    // reader with heads of its own, apart from any writer (another process,
    // or a file after a crash): it also reads the samples that only the
    // writer's journal holds (its last minute, or what a crash left there).
    enum class Access { ReadWrite, ReadOnly, Detached };

    SampleStore(QSqlDatabase db, std::shared_ptr<Series::SeriesHeads> heads,
                Access access = Access::ReadWrite);

    // Into the heads at once; to the file at the next flush().
    Result<void> append(const QList<VmSample> &vmSamples, const QList<HostSample> &hostSamples);
    // History older than everything a VM or host has (see SeriesWriter::prepend).
    Result<void> prepend(const QList<VmSample> &vmSamples, const QList<HostSample> &hostSamples);
    // Inside the caller's transaction; then committed() or rolledBack().
    // Points of series named by their writer, created on first use.
    Result<void> appendNamed(const QList<NamedPoint> &points);
    // The samples a crash left only in the journal, back into the heads.
    Result<void> recover();
    // Call inside a transaction; `All` also writes every open chunk (at close).
    Result<void> flush(Series::SeriesWriter::Snapshot snapshot
                       = Series::SeriesWriter::Snapshot::Slice);
    void committed();
    void rolledBack();

    Result<QList<VmSample>> vmSamples(const QString &uuid, qint64 fromMs, qint64 toMs);
    Result<QList<HostSample>> hostSamples(const QString &uri, qint64 fromMs, qint64 toMs);
    // Latest timestamp stored for a VM or host, or 0.
    Result<qint64> latestVmTimestamp(const QString &uuid);
    Result<qint64> latestHostTimestamp(const QString &uri);

    Series::SeriesReader &reader() { return m_reader; }
    // Null for a read-only store.
    Series::SeriesWriter *writer() { return m_writer ? &*m_writer : nullptr; }

private:
    using VmIds = std::array<int, 12>;
    using HostIds = std::array<int, 4>;
    Result<VmIds> vmIds(const QString &uuid);
    Result<HostIds> hostIds(const QString &uri);

    Series::SeriesReader m_reader;
    std::optional<Series::SeriesWriter> m_writer;
    QHash<QString, VmIds> m_vmIds;
    QHash<QString, HostIds> m_hostIds;
    QHash<QString, int> m_namedIds;
    std::vector<Series::SeriesPoint> m_points;
};

} // namespace Umbra
