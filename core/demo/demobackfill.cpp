#include "demo/demobackfill.h"

#include "demo/demohistory.h"
#include "fleet/fleetstate.h"
#include "store/storewriter.h"

#include <QDateTime>

namespace Umbra {

namespace {

constexpr qint64 kStepMs = 15 * 1000;

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
    for (const VmInfo &vm : vms) {
        QMetaObject::invokeMethod(
            m_writer,
            [writer = m_writer, dropped = m_dropped, vm, cpus, now] {
                if (dropped->load())
                    return;
                writer->fillHistory(vm.uuid, now - kSimulatedHistoryMs, now - 1000,
                                    [vm, cpus](qint64 from, qint64 to) {
                                        return DemoHistory::generate(vm, cpus, from, to, kStepMs);
                                    });
            },
            Qt::QueuedConnection);
    }
    QMetaObject::invokeMethod(
        m_writer,
        [writer = m_writer, dropped = m_dropped, uri, info, vms, now] {
            if (dropped->load())
                return;
            writer->fillHostHistory(
                uri, now - kSimulatedHistoryMs, now - 1000, [info, vms](qint64 from, qint64 to) {
                    return DemoHistory::generateHost(info, vms, from, to, kStepMs);
                });
        },
        Qt::QueuedConnection);
}

} // namespace Umbra
