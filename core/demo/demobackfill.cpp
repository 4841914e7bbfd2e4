#include "demo/demobackfill.h"

#include "demo/demohistory.h"
#include "fleet/fleetstate.h"
#include "store/storewriter.h"

#include <QDateTime>

namespace Umbra {

namespace {

// The recent day at the demo's step, anything older at five minutes.
template<typename Sample, typename Generate>
QList<Sample> twoSteps(qint64 fromMs, qint64 toMs, qint64 fineFromMs, Generate generate)
{
    QList<Sample> samples;
    if (fromMs < fineFromMs)
        samples = generate(fromMs, std::min(toMs, fineFromMs - 1), DemoBackfill::kCoarseStepMs);
    samples += generate(std::max(fromMs, fineFromMs), toMs, DemoBackfill::kFineStepMs);
    return samples;
}

} // namespace

DemoBackfill::DemoBackfill(const FleetState *fleet, QObject *parent)
    : QObject(parent)
    , m_fleet(fleet)
{
    connect(fleet, &FleetState::inventoryReset, this, &DemoBackfill::fill);
}

DemoBackfill::~DemoBackfill() = default;

void DemoBackfill::setWriter(StoreWriter *writer)
{
    m_dropped->store(true);
    m_dropped = std::make_shared<std::atomic_bool>(false);
    m_writer = writer;
}

void DemoBackfill::fill(const QString &uri, const QList<VmInfo> &vms)
{
    if (!m_enabled || !m_writer || !m_fleet->config(uri).simulatedUsage)
        return;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const HostInfo info = m_fleet->info(uri);
    const int cpus = info.cpus;
    const qint64 fromMs = now - m_historyMs;
    const qint64 fineFromMs = now - kSimulatedHistoryMs;
    for (const VmInfo &vm : vms) {
        QMetaObject::invokeMethod(
            m_writer,
            [writer = m_writer, dropped = m_dropped, vm, cpus, now, fromMs, fineFromMs] {
                if (dropped->load())
                    return;
                writer->fillHistory(vm.uuid, fromMs, now - 1000, [&](qint64 from, qint64 to) {
                    return twoSteps<VmSample>(
                        from, to, fineFromMs, [&](qint64 a, qint64 b, qint64 step) {
                            return DemoHistory::generate(vm, cpus, a, b, step);
                        });
                });
            },
            Qt::QueuedConnection);
    }
    QMetaObject::invokeMethod(
        m_writer,
        [writer = m_writer, dropped = m_dropped, uri, info, vms, now, fromMs, fineFromMs] {
            if (dropped->load())
                return;
            writer->fillHostHistory(uri, fromMs, now - 1000, [&](qint64 from, qint64 to) {
                return twoSteps<HostSample>(
                    from, to, fineFromMs, [&](qint64 a, qint64 b, qint64 step) {
                        return DemoHistory::generateHost(info, vms, a, b, step);
                    });
            });
        },
        Qt::QueuedConnection);
}

} // namespace Umbra
