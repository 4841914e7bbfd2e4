#include "engine/prometheusbackfill.h"

#include "collect/prometheushistory.h"
#include "fleet/fleetstate.h"
#include "store/storewriter.h"

#include <QDateTime>
#include <QPointer>

namespace Umbra {

PrometheusBackfill::PrometheusBackfill(const FleetState *fleet, QObject *parent)
    : QObject(parent)
    , m_fleet(fleet)
{
    m_thread.setObjectName(QStringLiteral("umbra-prometheus-history"));
    m_worker = new QObject;
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    connect(fleet, &FleetState::inventoryReset, this, &PrometheusBackfill::fill);
    connect(fleet, &FleetState::vmChanged, this,
            [this](const QString &uri, const VmInfo &vm) { fill(uri, { vm }); });
}

PrometheusBackfill::~PrometheusBackfill()
{
    stop();
    // A thread that ran deleted its worker as it finished; one that never
    // started (no host reads from Prometheus) leaves it to us.
    if (!m_thread.isFinished())
        delete m_worker;
}

void PrometheusBackfill::setWindow(qint64 historyMs, int intervalMs)
{
    m_historyMs = std::max<qint64>(60'000, historyMs);
    m_intervalMs = std::max(1000, intervalMs);
}

int PrometheusBackfill::stepSeconds() const
{
    const qint64 finest = (m_historyMs / 1000 + kMaxPoints - 1) / kMaxPoints;
    return int(std::max<qint64>(m_intervalMs / 1000, finest));
}

void PrometheusBackfill::stop()
{
    *m_stopping = true;
    m_thread.quit();
    m_thread.wait();
    m_writer = nullptr;
}

void PrometheusBackfill::fill(const QString &uri, const QList<VmInfo> &vms)
{
    const HostConfig config = m_fleet->config(uri);
    if (!m_writer || config.prometheusUrl.isEmpty() || config.simulatedUsage)
        return;
    QList<VmInfo> fresh;
    for (const VmInfo &vm : vms)
        if (!m_asked.contains(vm.uuid)) {
            m_asked.insert(vm.uuid);
            fresh.append(vm);
        }
    if (fresh.isEmpty())
        return;
    if (*m_stopping)
        return;
    if (!m_thread.isRunning())
        m_thread.start();
    const int cpus = m_fleet->info(uri).cpus;
    const qint64 toMs = QDateTime::currentMSecsSinceEpoch();
    QPointer<StoreWriter> writer(m_writer);
    QPointer<PrometheusBackfill> self(this);
    const Prometheus::Api api(QUrl(config.prometheusUrl), { 20000, 64 * 1024 * 1024 });
    QMetaObject::invokeMethod(
        m_worker,
        [self, writer, api, fresh, cpus, toMs, stopping = m_stopping, historyMs = m_historyMs,
         step = stepSeconds()] {
            for (const VmInfo &vm : fresh) {
                if (*stopping)
                    return;
                auto history
                    = Prometheus::usageHistory(api, vm, cpus, toMs - historyMs, toMs, step);
                if (!history) {
                    const QString message
                        = tr("The history of %1 could not be read from Prometheus: %2")
                              .arg(vm.name, history.error());
                    QMetaObject::invokeMethod(
                        self, [self, message] { Q_EMIT self->failed(message); },
                        Qt::QueuedConnection);
                    continue;
                }
                if (history->isEmpty() || !writer)
                    continue;
                QMetaObject::invokeMethod(
                    writer,
                    [writer, uuid = vm.uuid, samples = history.value(), toMs, historyMs] {
                        writer->fillHistory(
                            uuid, toMs - historyMs, toMs, [samples](qint64 from, qint64 to) {
                                QList<VmSample> within;
                                for (const VmSample &s : samples)
                                    if (s.timestampMs >= from && s.timestampMs <= to)
                                        within.append(s);
                                return within;
                            });
                    },
                    Qt::QueuedConnection);
            }
        },
        Qt::QueuedConnection);
}

} // namespace Umbra
