#include "fleetmodel.h"

#include "elidedlabel.h"
#include "engine/engine.h"
#include "fleet/hosturi.h"
#include "format.h"
#include "healthtext.h"
#include "statecolors.h"
#include "util/displaytext.h"

#include <QApplication>
#include <QStyle>
#include <cmath>

namespace Umbra {

namespace {

// Figures align right so digits line up; the CPU count is centred so it does
// not run into the left-aligned text column after it.
QVariant alignment(int column)
{
    switch (column) {
    case FleetModel::HealthColumn:
    case FleetModel::CpuColumn:
    case FleetModel::MemoryColumn:
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    case FleetModel::VcpuColumn:
        return QVariant(Qt::AlignCenter);
    default:
        return QVariant(Qt::AlignLeft | Qt::AlignVCenter);
    }
}

QString memoryText(double usedKiB, double allocatedKiB)
{
    const QString allocated = Format::kib(allocatedKiB);
    if (!std::isfinite(usedKiB))
        return allocated;
    QString used = Format::kib(usedKiB);
    // "1.2 / 4.0 GiB" rather than "1.2 GiB / 4.0 GiB": narrower tree columns.
    const qsizetype space = used.lastIndexOf(u' ');
    if (space > 0 && allocated.endsWith(QStringView(used).mid(space)))
        used.truncate(space);
    return FleetModel::tr("%1 / %2").arg(used, allocated);
}

} // namespace

FleetModel::FleetModel(QObject *parent)
    : QAbstractItemModel(parent)
{
    m_coalesce.setObjectName(QStringLiteral("fleet-coalesce"));
    m_coalesce.setSingleShot(true);
    m_coalesce.setInterval(kCoalesceMs);
    connect(&m_coalesce, &QTimer::timeout, this, &FleetModel::flushPendingChanges);
}

FleetModel::~FleetModel() = default;

bool FleetModel::countsAsRunning(VmState state)
{
    return state == VmState::Running || state == VmState::Blocked;
}

void FleetModel::setEngine(Engine *engine)
{
    if (m_engine) {
        disconnect(m_engine->fleet()->state(), nullptr, this, nullptr);
        disconnect(m_engine->fleet(), nullptr, this, nullptr);
        disconnect(m_engine->prediction(), nullptr, this, nullptr);
    }
    m_engine = engine;
    if (!engine)
        return;

    // Snapshot first, then follow: the slots are idempotent, so a signal that
    // was already queued for something in the snapshot does no harm.
    const FleetState *fleet = engine->fleet()->state();
    for (const HostConfig &config : fleet->hosts()) {
        addHost(config);
        setHostStatus(fleet->status(config.uri));
        setHostInfo(fleet->info(config.uri));
        resetInventory(config.uri, fleet->vms(config.uri));
    }
    connect(fleet, &FleetState::hostAdded, this, &FleetModel::addHost);
    // addHost() takes a known host's new configuration (maintenance, sources).
    connect(fleet, &FleetState::hostConfigChanged, this, &FleetModel::addHost);
    connect(fleet, &FleetState::hostRemoved, this, &FleetModel::removeHost);
    connect(fleet, &FleetState::hostStatusChanged, this, &FleetModel::setHostStatus);
    connect(fleet, &FleetState::hostInfoChanged, this, &FleetModel::setHostInfo);
    connect(fleet, &FleetState::inventoryReset, this, &FleetModel::resetInventory);
    connect(fleet, &FleetState::vmChanged, this, &FleetModel::updateVm);
    connect(fleet, &FleetState::vmRemoved, this, &FleetModel::removeVm);
    connect(engine->fleet(), &FleetService::samplesCollected, this, &FleetModel::addSamples);
    connect(engine->prediction(), &PredictionProxy::healthUpdated, this, &FleetModel::addHealth);
}

FleetModel::HostRow *FleetModel::findHost(const QString &uri) const
{
    for (const auto &host : m_hosts) {
        if (host->config.uri == uri)
            return host.get();
    }
    return nullptr;
}

int FleetModel::hostRowOf(const HostRow *host) const
{
    for (size_t row = 0; row < m_hosts.size(); ++row) {
        if (m_hosts[row].get() == host)
            return int(row);
    }
    return -1;
}

void FleetModel::reindexVms(HostRow &host)
{
    host.vmRows.clear();
    for (size_t row = 0; row < host.vms.size(); ++row)
        host.vmRows.insert(host.vms[row].info.uuid, int(row));
}

QModelIndex FleetModel::hostIndex(const QString &uri, int column) const
{
    const HostRow *host = findHost(uri);
    return host ? createIndex(hostRowOf(host), column, nullptr) : QModelIndex();
}

QModelIndex FleetModel::vmIndex(const QString &uri, const QString &uuid, int column) const
{
    HostRow *host = findHost(uri);
    if (!host)
        return {};
    const int row = host->vmRows.value(uuid, -1);
    return row < 0 ? QModelIndex() : createIndex(row, column, host);
}

QString FleetModel::hostOfVm(const QString &uuid) const
{
    for (const auto &host : m_hosts) {
        if (host->vmRows.contains(uuid))
            return host->config.uri;
    }
    return {};
}

QString FleetModel::vmName(const QString &uuid) const
{
    for (const auto &host : m_hosts) {
        const int row = host->vmRows.value(uuid, -1);
        if (row >= 0)
            return host->vms[size_t(row)].info.name;
    }
    return {};
}

int FleetModel::vmCount(const QString &uri) const
{
    const HostRow *host = findHost(uri);
    return host ? int(host->vms.size()) : 0;
}

QModelIndex FleetModel::index(int row, int column, const QModelIndex &parent) const
{
    if (row < 0 || column < 0 || column >= ColumnCount)
        return {};
    if (!parent.isValid())
        return row < int(m_hosts.size()) ? createIndex(row, column, nullptr) : QModelIndex();
    // A VM's index carries its host; host indexes carry nothing.
    if (parent.internalPointer() || parent.row() >= int(m_hosts.size()))
        return {};
    HostRow *host = m_hosts[size_t(parent.row())].get();
    return row < int(host->vms.size()) ? createIndex(row, column, host) : QModelIndex();
}

QModelIndex FleetModel::parent(const QModelIndex &child) const
{
    const auto *host = static_cast<const HostRow *>(child.internalPointer());
    if (!child.isValid() || !host)
        return {};
    return createIndex(hostRowOf(host), 0, nullptr);
}

int FleetModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return int(m_hosts.size());
    if (parent.column() != 0 || parent.internalPointer())
        return 0;
    return int(m_hosts[size_t(parent.row())]->vms.size());
}

int FleetModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

QVariant FleetModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    if (const auto *host = static_cast<const HostRow *>(index.internalPointer()))
        return vmData(*host, host->vms[size_t(index.row())], index.column(), role);
    return hostData(*m_hosts[size_t(index.row())], index.column(), role);
}

QVariant FleetModel::hostData(const HostRow &host, int column, int role) const
{
    switch (role) {
    case UriRole:
        return host.config.uri;
    case UuidRole:
        return QString();
    case KindRole:
        return QVariant::fromValue(Kind::Host);
    case StateColorRole:
        return StateColors::forHost(host.status.state);
    case Qt::ToolTipRole:
        if (column == HealthColumn && host.health)
            return healthData(host.health, role);
        return plainToolTip(hostToolTip(host));
    case Qt::DecorationRole:
        if (column == HealthColumn)
            return healthData(host.health, role);
        if (column == NameColumn)
            return qApp->style()->standardIcon(QStyle::SP_ComputerIcon);
        if (column == StateColumn)
            return StateColors::dot(StateColors::forHost(host.status.state));
        return {};
    case Qt::TextAlignmentRole:
        return alignment(column);
    case Qt::DisplayRole:
    case RawValueRole:
        break;
    default:
        return {};
    }

    const bool raw = role == RawValueRole;
    double totalKiB = host.sample.memoryTotalKiB;
    if (!std::isfinite(totalKiB) && host.info.memoryKiB > 0)
        totalKiB = double(host.info.memoryKiB);
    switch (column) {
    case NameColumn: {
        const QString name = HostUri::displayName(host.config.uri);
        return raw ? QVariant(name.toLower()) : QVariant(name);
    }
    case StateColumn:
        if (raw)
            return int(host.status.state);
        // Serviced hosts read as such while they are up; the tooltip keeps the state.
        if (host.config.maintenance
            && (host.status.state == HostState::Connected
                || host.status.state == HostState::Degraded))
            return tr("maintenance");
        return hostStateName(host.status.state);
    case HealthColumn:
        return healthData(host.health, role);
    case CpuColumn:
        return raw ? QVariant(host.sample.cpuPercent)
                   : QVariant(Format::percent(host.sample.cpuPercent));
    case MemoryColumn:
        if (raw)
            return QVariant(host.sample.memoryUsedKiB);
        return std::isfinite(totalKiB) ? memoryText(host.sample.memoryUsedKiB, totalKiB)
                                       : QString();
    case VcpuColumn:
        if (raw)
            return host.info.cpus;
        return host.info.cpus > 0 ? QVariant(host.info.cpus) : QVariant();
    case InfoColumn: {
        const QString text = hostInfoText(host);
        return raw ? QVariant(text.toLower()) : QVariant(text);
    }
    }
    return {};
}

QVariant FleetModel::vmData(const HostRow &host, const VmRow &vm, int column, int role) const
{
    switch (role) {
    case UriRole:
        return host.config.uri;
    case UuidRole:
        return vm.info.uuid;
    case KindRole:
        return QVariant::fromValue(Kind::Vm);
    case StateColorRole:
        return StateColors::forVm(vm.info.state);
    case Qt::ToolTipRole:
        if (column == HealthColumn && vm.health)
            return healthData(vm.health, role);
        return plainToolTip(
            tr("%1\nUUID %2\non %3")
                .arg(vm.info.name, vm.info.uuid, HostUri::displayName(host.config.uri)));
    case Qt::DecorationRole:
        if (column == StateColumn)
            return StateColors::dot(StateColors::forVm(vm.info.state));
        if (column == HealthColumn && vmStateIsActive(vm.info.state))
            return healthData(vm.health, role);
        return {};
    case Qt::TextAlignmentRole:
        return alignment(column);
    case Qt::DisplayRole:
    case RawValueRole:
        break;
    default:
        return {};
    }

    const bool raw = role == RawValueRole;
    switch (column) {
    case NameColumn:
        return raw ? QVariant(vm.info.name.toLower())
                   : QVariant(DisplayText::quote(vm.info.name, 200));
    case StateColumn:
        return raw ? QVariant(int(vm.info.state)) : QVariant(vmStateName(vm.info.state));
    case HealthColumn:
        // A stopped VM has no usage to score.
        return vmStateIsActive(vm.info.state) ? healthData(vm.health, role) : QVariant();
    case CpuColumn:
        return raw ? QVariant(vm.cpuPercent) : QVariant(Format::percent(vm.cpuPercent));
    case MemoryColumn:
        if (raw)
            return QVariant(vm.memoryUsedKiB);
        return memoryText(vm.memoryUsedKiB, double(vm.info.memoryKiB));
    case VcpuColumn:
        return vm.info.vcpus;
    case InfoColumn: {
        const QString text = vmInfoText(vm);
        return raw ? QVariant(text.toLower()) : QVariant(text);
    }
    }
    return {};
}

QString FleetModel::hostInfoText(const HostRow &host) const
{
    const HostState state = host.status.state;
    if (state == HostState::Unreachable || state == HostState::Degraded) {
        if (!host.status.lastError.isEmpty())
            return host.status.lastError;
    }
    QStringList parts;
    if (!host.info.hypervisor.isEmpty())
        parts << host.info.hypervisor;
    int running = 0;
    for (const VmRow &vm : host.vms)
        running += countsAsRunning(vm.info.state) ? 1 : 0;
    parts << tr("%1 of %2 VMs running").arg(running).arg(host.vms.size());
    if (host.config.simulatedUsage)
        parts << tr("simulated usage");
    return parts.join(QStringLiteral(" · "));
}

QString FleetModel::hostToolTip(const HostRow &host) const
{
    QString tip = host.config.uri;
    tip += u'\n' + tr("State: %1").arg(hostStateName(host.status.state));
    if (host.status.since.isValid())
        tip += u'\n'
            + tr("Since: %1").arg(QLocale().toString(host.status.since, QLocale::ShortFormat));
    if (!host.status.lastError.isEmpty())
        tip += u'\n' + tr("Last error: %1").arg(host.status.lastError);
    if (host.status.nextRetry.isValid())
        tip += u'\n'
            + tr("Next retry: %1")
                  .arg(QLocale().toString(host.status.nextRetry, QLocale::ShortFormat));
    if (host.config.simulatedUsage)
        tip += u'\n' + tr("Usage is simulated by Umbra's workload generator.");
    return tip;
}

QString FleetModel::vmInfoText(const VmRow &vm) const
{
    QStringList parts;
    parts << (vm.info.persistent ? tr("persistent") : tr("transient"));
    // Spelled out rather than "%n disk(s)": without an English catalogue Qt
    // would print the "(s)".
    const auto disks = vm.info.disks.size();
    const auto nics = vm.info.nics.size();
    parts << (disks == 1 ? tr("1 disk") : tr("%1 disks").arg(disks));
    parts << (nics == 1 ? tr("1 NIC") : tr("%1 NICs").arg(nics));
    return parts.join(QStringLiteral(" · "));
}

QVariant FleetModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::TextAlignmentRole)
        return alignment(section);
    if (role == Qt::ToolTipRole) {
        switch (section) {
        case HealthColumn:
            return tr("0–100 from utilisation, forecast headroom and error signals; the "
                      "tooltip of a row explains its score.");
        case CpuColumn:
            return tr("Hosts: share of all CPUs. VMs: share of their vCPUs.");
        case MemoryColumn:
            return tr("Used / total (hosts) or used / allocated (VMs)");
        case VcpuColumn:
            return tr("Hosts: physical CPUs. VMs: virtual CPUs.");
        default:
            return {};
        }
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Name");
    case StateColumn:
        return tr("State");
    case HealthColumn:
        return tr("Health");
    case CpuColumn:
        return tr("CPU");
    case MemoryColumn:
        return tr("Memory");
    case VcpuColumn:
        return tr("CPUs");
    case InfoColumn:
        return tr("Host / info");
    }
    return {};
}

void FleetModel::emitHostChanged(const HostRow &host)
{
    const int row = hostRowOf(&host);
    Q_EMIT dataChanged(createIndex(row, 0, nullptr), createIndex(row, ColumnCount - 1, nullptr));
}

void FleetModel::addHost(const HostConfig &config)
{
    if (HostRow *existing = findHost(config.uri)) {
        existing->config = config;
        emitHostChanged(*existing);
        return;
    }
    auto host = std::make_unique<HostRow>();
    host->config = config;
    host->status.uri = config.uri;
    host->info.uri = config.uri;
    const int row = int(m_hosts.size());
    beginInsertRows({}, row, row);
    m_hosts.push_back(std::move(host));
    endInsertRows();
}

void FleetModel::removeHost(const QString &uri)
{
    HostRow *host = findHost(uri);
    if (!host)
        return;
    const int row = hostRowOf(host);
    beginRemoveRows({}, row, row);
    m_dirty.remove(host);
    m_hosts.erase(m_hosts.begin() + row);
    endRemoveRows();
}

void FleetModel::setHostStatus(const HostStatus &status)
{
    if (HostRow *host = findHost(status.uri)) {
        host->status = status;
        emitHostChanged(*host);
    }
}

void FleetModel::setHostInfo(const HostInfo &info)
{
    if (HostRow *host = findHost(info.uri)) {
        host->info = info;
        emitHostChanged(*host);
    }
}

void FleetModel::resetInventory(const QString &uri, const QList<VmInfo> &vms)
{
    HostRow *host = findHost(uri);
    if (!host)
        return;
    const QModelIndex parent = createIndex(hostRowOf(host), 0, nullptr);

    // Keep the rows that survive (and their live figures) so a reconnect does not
    // collapse the tree or lose the selection; remove the gone, append the new.
    QHash<QString, const VmInfo *> incoming;
    for (const VmInfo &vm : vms)
        incoming.insert(vm.uuid, &vm);

    for (int row = int(host->vms.size()) - 1; row >= 0; --row) {
        if (!incoming.contains(host->vms[size_t(row)].info.uuid)) {
            beginRemoveRows(parent, row, row);
            host->vms.erase(host->vms.begin() + row);
            endRemoveRows();
        }
    }
    reindexVms(*host);
    QList<const VmInfo *> added;
    for (const VmInfo &vm : vms) {
        const int row = host->vmRows.value(vm.uuid, -1);
        if (row < 0) {
            if (incoming.value(vm.uuid) == &vm) // a UUID listed twice is one VM
                added.append(&vm);
            continue;
        }
        VmRow &existing = host->vms[size_t(row)];
        if (!(existing.info == vm)) {
            existing.info = vm;
            Q_EMIT dataChanged(index(row, 0, parent), index(row, ColumnCount - 1, parent));
        }
    }
    // The new ones in one insertion: a host of 2,000 VMs inserted row by
    // row kept the GUI thread busy for 71 ms while the sort proxy and the
    // views placed each row on its own.
    if (!added.isEmpty()) {
        const int first = int(host->vms.size());
        beginInsertRows(parent, first, first + int(added.size()) - 1);
        for (const VmInfo *vm : std::as_const(added)) {
            host->vmRows.insert(vm->uuid, int(host->vms.size()));
            host->vms.push_back(VmRow{ *vm, kNoValue, kNoValue, std::nullopt });
        }
        endInsertRows();
    }
    emitHostChanged(*host); // the running count in the info column
}

void FleetModel::updateVm(const QString &uri, const VmInfo &vm)
{
    HostRow *host = findHost(uri);
    if (!host)
        return;
    const QModelIndex parent = createIndex(hostRowOf(host), 0, nullptr);
    const int row = host->vmRows.value(vm.uuid, -1);
    if (row < 0) {
        const int newRow = int(host->vms.size());
        beginInsertRows(parent, newRow, newRow);
        host->vms.push_back(VmRow{ vm, kNoValue, kNoValue, std::nullopt });
        host->vmRows.insert(vm.uuid, newRow);
        endInsertRows();
    } else {
        VmRow &existing = host->vms[size_t(row)];
        existing.info = vm;
        // A stopped VM has no usage; stale figures would mislead.
        if (!vmStateIsActive(vm.state)) {
            existing.cpuPercent = kNoValue;
            existing.memoryUsedKiB = kNoValue;
        }
        Q_EMIT dataChanged(index(row, 0, parent), index(row, ColumnCount - 1, parent));
    }
    emitHostChanged(*host);
}

void FleetModel::removeVm(const QString &uri, const QString &uuid)
{
    HostRow *host = findHost(uri);
    if (!host)
        return;
    const int row = host->vmRows.value(uuid, -1);
    if (row < 0)
        return;
    beginRemoveRows(createIndex(hostRowOf(host), 0, nullptr), row, row);
    host->vms.erase(host->vms.begin() + row);
    reindexVms(*host);
    endRemoveRows();
    emitHostChanged(*host);
}

void FleetModel::addSamples(const HostSample &sample, const QList<VmSample> &vms)
{
    HostRow *host = findHost(sample.uri);
    if (!host)
        return;
    host->sample = sample;
    for (const VmSample &vmSample : vms) {
        const int row = host->vmRows.value(vmSample.uuid, -1);
        if (row < 0)
            continue;
        VmRow &vm = host->vms[size_t(row)];
        // A stopped VM reports zeros, which would read as "idle"; it has no usage.
        if (!vmStateIsActive(vm.info.state))
            continue;
        vm.cpuPercent = vmSample.cpuPercent;
        vm.memoryUsedKiB = vmSample.memoryUsedKiB;
    }
    m_dirty.insert(host);
    if (!m_coalesce.isActive())
        m_coalesce.start();
}

void FleetModel::addHealth(const QList<HealthReport> &reports)
{
    for (const HealthReport &report : reports) {
        HostRow *host = findHost(report.uri);
        if (!host)
            continue;
        if (!report.isVm()) {
            host->health = report;
        } else {
            const int row = host->vmRows.value(report.uuid, -1);
            if (row < 0)
                continue;
            host->vms[size_t(row)].health = report;
        }
        m_dirty.insert(host);
    }
    if (!m_dirty.isEmpty() && !m_coalesce.isActive())
        m_coalesce.start();
}

QVariant FleetModel::healthData(const std::optional<HealthReport> &health, int role)
{
    if (!health)
        return {};
    switch (role) {
    case Qt::DisplayRole:
        return QString::number(health->health.score);
    case RawValueRole:
        return health->health.score;
    case Qt::DecorationRole:
        return StateColors::dot(HealthText::color(health->health));
    case Qt::ToolTipRole:
        return HealthText::breakdown(*health);
    default:
        return {};
    }
}

void FleetModel::flushPendingChanges()
{
    m_coalesce.stop();
    const QSet<HostRow *> dirty = std::exchange(m_dirty, {});
    for (HostRow *host : dirty) {
        const int row = hostRowOf(host);
        if (row < 0)
            continue;
        const QModelIndex parent = createIndex(row, 0, nullptr);
        Q_EMIT dataChanged(createIndex(row, HealthColumn, nullptr),
                           createIndex(row, MemoryColumn, nullptr),
                           { Qt::DisplayRole, RawValueRole, Qt::DecorationRole });
        if (!host->vms.empty()) {
            Q_EMIT dataChanged(index(0, HealthColumn, parent),
                               index(int(host->vms.size()) - 1, MemoryColumn, parent),
                               { Qt::DisplayRole, RawValueRole, Qt::DecorationRole });
        }
    }
}

} // namespace Umbra
