#pragma once

#include "fleet/hostinfo.h"
#include "fleet/samples.h"
#include "fleet/vminfo.h"
#include "predict/healthreport.h"

#include <QAbstractItemModel>
#include <QHash>
#include <QPointer>
#include <QSet>
#include <QTimer>
#include <memory>
#include <optional>
#include <vector>

namespace Umbra {

class Engine;

// The fleet as a tree: hosts at the top level, their VMs below. It follows the
// engine's inventory (FleetState) row by row, and adds what the rows show
// besides: live figures and health. The rows are the model's own, since an
// item model announces each change before its rows change, which a shared
// inventory that has already changed cannot do; the public slots take the
// inventory's signals' payloads so tests can drive the model without an
// engine. Live samples only touch the CPU and memory columns and are
// coalesced: a burst marks rows dirty and one short timer emits a single
// dataChanged per host.
class FleetModel : public QAbstractItemModel
{
    Q_OBJECT

public:
    enum Column {
        NameColumn,
        StateColumn,
        HealthColumn,
        CpuColumn,
        MemoryColumn,
        VcpuColumn,
        InfoColumn,
        ColumnCount
    };
    enum Role {
        RawValueRole = Qt::UserRole + 1, // numbers (or lower-case text) for sorting
        UriRole, // the host's URI, on host and VM rows
        UuidRole, // the VM's UUID; empty on host rows
        KindRole, // a Kind
        StateColorRole, // QColor of the row's state
    };
    enum class Kind { Host, Vm };
    Q_ENUM(Kind)

    static constexpr int kCoalesceMs = 100;

    explicit FleetModel(QObject *parent = nullptr);
    ~FleetModel() override;

    // Loads the engine's inventory and follows it, its samples and its health
    // reports from then on.
    void setEngine(Engine *engine);

    QModelIndex hostIndex(const QString &uri, int column = NameColumn) const;
    QModelIndex vmIndex(const QString &uri, const QString &uuid, int column = NameColumn) const;
    // The host a VM belongs to, or an empty string.
    QString hostOfVm(const QString &uuid) const;
    QString vmName(const QString &uuid) const;
    int hostCount() const { return int(m_hosts.size()); }
    int vmCount(const QString &uri) const;
    // Running for the operator: a paused or suspended VM is active but not running.
    static bool countsAsRunning(VmState state);

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

public Q_SLOTS:
    void addHost(const Umbra::HostConfig &config);
    void removeHost(const QString &uri);
    void setHostStatus(const Umbra::HostStatus &status);
    void setHostInfo(const Umbra::HostInfo &info);
    void resetInventory(const QString &uri, const QList<Umbra::VmInfo> &vms);
    void updateVm(const QString &uri, const Umbra::VmInfo &vm);
    void removeVm(const QString &uri, const QString &uuid);
    void addSamples(const Umbra::HostSample &host, const QList<Umbra::VmSample> &vms);
    void addHealth(const QList<Umbra::HealthReport> &reports);
    // Emits the pending dataChanged now instead of when the timer fires.
    void flushPendingChanges();

private:
    struct VmRow
    {
        VmInfo info;
        double cpuPercent = kNoValue;
        double memoryUsedKiB = kNoValue;
        std::optional<HealthReport> health;
    };
    struct HostRow
    {
        HostConfig config;
        HostStatus status;
        HostInfo info;
        HostSample sample;
        std::optional<HealthReport> health;
        std::vector<VmRow> vms;
        QHash<QString, int> vmRows; // uuid -> row in vms
    };

    HostRow *findHost(const QString &uri) const;
    int hostRowOf(const HostRow *host) const;
    void reindexVms(HostRow &host);
    void emitHostChanged(const HostRow &host);
    QVariant hostData(const HostRow &host, int column, int role) const;
    QVariant vmData(const HostRow &host, const VmRow &vm, int column, int role) const;
    QString hostInfoText(const HostRow &host) const;
    QString hostToolTip(const HostRow &host) const;
    QString vmInfoText(const VmRow &vm) const;
    static QVariant healthData(const std::optional<HealthReport> &health, int role);

    std::vector<std::unique_ptr<HostRow>> m_hosts;
    QSet<HostRow *> m_dirty;
    QTimer m_coalesce;
    QPointer<Engine> m_engine;
};

} // namespace Umbra
