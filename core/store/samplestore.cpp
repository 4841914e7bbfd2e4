#include "store/samplestore.h"

#include "store/metriccatalog.h"

#include <QCoreApplication>

namespace Umbra {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Umbra::SampleStore)
};

// Rows of several series that share timestamps, merged back into samples.
template<typename Sample> class RowMerger
{
public:
    Sample &at(qint64 timeMs, const Sample &blank)
    {
        const auto found = m_index.constFind(timeMs);
        if (found != m_index.cend())
            return m_rows[*found];
        m_index.insert(timeMs, m_rows.size());
        m_rows.append(blank);
        m_rows.last().timestampMs = timeMs;
        return m_rows.last();
    }
    QList<Sample> take()
    {
        std::sort(m_rows.begin(), m_rows.end(),
                  [](const Sample &a, const Sample &b) { return a.timestampMs < b.timestampMs; });
        return std::move(m_rows);
    }

private:
    QHash<qint64, qsizetype> m_index;
    QList<Sample> m_rows;
};

} // namespace

SampleStore::SampleStore(QSqlDatabase db, std::shared_ptr<Series::SeriesHeads> heads, Access access)
    : m_reader(db, heads)
{
    if (access == Access::ReadWrite)
        m_writer.emplace(db, heads);
    if (access == Access::Detached) {
        // A writer that only reads: it loads the heads and appends the
        // journal to them, and writes nothing. A journal it cannot read
        // leaves what the chunks hold.
        Series::SeriesWriter replayer(db, heads);
        (void)replayer.replayJournal();
    }
}

Result<SampleStore::VmIds> SampleStore::vmIds(const QString &uuid)
{
    if (const auto found = m_vmIds.constFind(uuid); found != m_vmIds.cend())
        return *found;
    VmIds ids{};
    for (size_t m = 0; m < kVmMetrics.size(); ++m) {
        const QString name = vmSeriesName(uuid, kVmMetrics[m].key);
        auto id = m_writer ? m_writer->seriesId(name, kVmMetrics[m].precision)
                           : m_reader.seriesId(name);
        if (!id)
            return Error{ id.error() };
        ids[m] = id.value();
    }
    // A reader caches only complete sets: a missing series may appear later.
    if (m_writer || std::find(ids.cbegin(), ids.cend(), 0) == ids.cend())
        m_vmIds.insert(uuid, ids);
    return ids;
}

Result<SampleStore::HostIds> SampleStore::hostIds(const QString &uri)
{
    if (const auto found = m_hostIds.constFind(uri); found != m_hostIds.cend())
        return *found;
    HostIds ids{};
    for (size_t m = 0; m < kHostMetrics.size(); ++m) {
        const QString name = hostSeriesName(uri, kHostMetrics[m].key);
        auto id = m_writer ? m_writer->seriesId(name, kHostMetrics[m].precision)
                           : m_reader.seriesId(name);
        if (!id)
            return Error{ id.error() };
        ids[m] = id.value();
    }
    if (m_writer || std::find(ids.cbegin(), ids.cend(), 0) == ids.cend())
        m_hostIds.insert(uri, ids);
    return ids;
}

Result<void> SampleStore::append(const QList<VmSample> &vmSamples,
                                 const QList<HostSample> &hostSamples)
{
    if (!m_writer)
        return Error{ Tr::tr("This sample store is read-only.") };
    m_points.clear();
    for (const VmSample &s : vmSamples) {
        auto ids = vmIds(s.uuid);
        if (!ids)
            return Error{ ids.error() };
        for (size_t m = 0; m < kVmMetrics.size(); ++m)
            m_points.push_back({ ids.value()[m], s.timestampMs, s.*(kVmMetrics[m].field) });
    }
    for (const HostSample &s : hostSamples) {
        auto ids = hostIds(s.uri);
        if (!ids)
            return Error{ ids.error() };
        const double values[]
            = { s.cpuPercent, s.memoryUsedKiB, s.memoryTotalKiB, double(s.activeVms) };
        for (size_t m = 0; m < kHostMetrics.size(); ++m)
            m_points.push_back({ ids.value()[m], s.timestampMs, values[m] });
    }
    return m_writer->append(m_points);
}

Result<void> SampleStore::appendNamed(const QList<NamedPoint> &points)
{
    if (!m_writer)
        return Error{ Tr::tr("This sample store is read-only.") };
    m_points.clear();
    for (const NamedPoint &p : points) {
        int id = m_namedIds.value(p.series);
        if (id == 0) {
            auto created = m_writer->seriesId(p.series, p.precision);
            if (!created)
                return Error{ created.error() };
            id = created.value();
            m_namedIds.insert(p.series, id);
        }
        m_points.push_back({ id, p.timestampMs, p.value });
    }
    return m_writer->append(m_points);
}

Result<void> SampleStore::prepend(const QList<VmSample> &vmSamples,
                                  const QList<HostSample> &hostSamples)
{
    if (!m_writer)
        return Error{ Tr::tr("This sample store is read-only.") };
    // Grouped per series, in time order.
    QHash<int, std::vector<Series::SeriesPoint>> perSeries;
    for (const VmSample &s : vmSamples) {
        auto ids = vmIds(s.uuid);
        if (!ids)
            return Error{ ids.error() };
        for (size_t m = 0; m < kVmMetrics.size(); ++m)
            perSeries[ids.value()[m]].push_back(
                { ids.value()[m], s.timestampMs, s.*(kVmMetrics[m].field) });
    }
    for (const HostSample &s : hostSamples) {
        auto ids = hostIds(s.uri);
        if (!ids)
            return Error{ ids.error() };
        const double values[]
            = { s.cpuPercent, s.memoryUsedKiB, s.memoryTotalKiB, double(s.activeVms) };
        for (size_t m = 0; m < kHostMetrics.size(); ++m)
            perSeries[ids.value()[m]].push_back({ ids.value()[m], s.timestampMs, values[m] });
    }
    for (auto it = perSeries.begin(); it != perSeries.end(); ++it) {
        std::sort(it->begin(), it->end(),
                  [](const auto &a, const auto &b) { return a.timeMs < b.timeMs; });
        if (auto done = m_writer->prepend(it.key(), *it); !done)
            return Error{ done.error() };
    }
    return {};
}

Result<void> SampleStore::recover()
{
    return m_writer ? m_writer->replayJournal() : Result<void>{};
}

Result<void> SampleStore::flush(Series::SeriesWriter::Snapshot snapshot)
{
    if (!m_writer)
        return {};
    return m_writer->flush(5000, snapshot);
}

void SampleStore::committed()
{
    if (m_writer)
        m_writer->committed();
}

void SampleStore::rolledBack()
{
    if (m_writer)
        m_writer->rolledBack();
}

Result<QList<VmSample>> SampleStore::vmSamples(const QString &uuid, qint64 fromMs, qint64 toMs)
{
    auto ids = vmIds(uuid);
    if (!ids)
        return Error{ ids.error() };
    RowMerger<VmSample> rows;
    VmSample blank;
    blank.uuid = uuid;
    for (size_t m = 0; m < kVmMetrics.size(); ++m) {
        if (ids.value()[m] == 0)
            continue;
        auto values = m_reader.samples(ids.value()[m], fromMs, toMs);
        if (!values)
            return Error{ values.error() };
        for (const Series::TimedValue &v : values.value())
            rows.at(v.timeMs, blank).*(kVmMetrics[m].field) = v.value;
    }
    return rows.take();
}

Result<QList<HostSample>> SampleStore::hostSamples(const QString &uri, qint64 fromMs, qint64 toMs)
{
    auto ids = hostIds(uri);
    if (!ids)
        return Error{ ids.error() };
    RowMerger<HostSample> rows;
    HostSample blank;
    blank.uri = uri;
    for (size_t m = 0; m < kHostMetrics.size(); ++m) {
        if (ids.value()[m] == 0)
            continue;
        auto values = m_reader.samples(ids.value()[m], fromMs, toMs);
        if (!values)
            return Error{ values.error() };
        for (const Series::TimedValue &v : values.value()) {
            HostSample &row = rows.at(v.timeMs, blank);
            switch (m) {
            case 0:
                row.cpuPercent = v.value;
                break;
            case 1:
                row.memoryUsedKiB = v.value;
                break;
            case 2:
                row.memoryTotalKiB = v.value;
                break;
            default:
                row.activeVms = std::isnan(v.value) ? 0 : int(v.value);
                break;
            }
        }
    }
    return rows.take();
}

Result<qint64> SampleStore::latestVmTimestamp(const QString &uuid)
{
    auto ids = vmIds(uuid);
    if (!ids)
        return Error{ ids.error() };
    return ids.value()[0] == 0 ? Result<qint64>(0) : m_reader.latestTimestamp(ids.value()[0]);
}

Result<qint64> SampleStore::latestHostTimestamp(const QString &uri)
{
    auto ids = hostIds(uri);
    if (!ids)
        return Error{ ids.error() };
    return ids.value()[0] == 0 ? Result<qint64>(0) : m_reader.latestTimestamp(ids.value()[0]);
}

} // namespace Umbra
