#include "overviewpage.h"

#include "engine/engine.h"
#include "entitycharts.h"
#include "fleet/hosturi.h"
#include "fleetmodel.h"
#include "fleetsortproxy.h"
#include "format.h"
#include "metricchart.h"
#include "riskpanel.h"
#include "summarytile.h"
#include "tablesetup.h"

#include <QDateTime>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>

namespace Umbra {

OverviewPage::OverviewPage(Engine *engine, FleetModel *model, QWidget *parent)
    : QWidget(parent)
    , m_engine(engine)
    , m_model(model)
{
    auto *tiles = new QHBoxLayout;
    tiles->setSpacing(8);
    m_hostsTile = new SummaryTile(tr("Hosts connected"), this);
    m_vmsTile = new SummaryTile(tr("VMs running"), this);
    m_cpuTile = new SummaryTile(tr("Fleet CPU"), this);
    m_memoryTile = new SummaryTile(tr("Fleet memory"), this);
    for (SummaryTile *tile : { m_hostsTile, m_vmsTile, m_cpuTile, m_memoryTile })
        tiles->addWidget(tile, 1);

    m_proxy = new FleetSortProxy(this);
    m_proxy->setSourceModel(model);
    m_hostView = new QTableView(this);
    m_hostView->setModel(m_proxy);
    TableSetup::apply(m_hostView);
    TableSetup::setFleetColumnWidths(m_hostView, m_hostView->horizontalHeader());
    m_hostView->sortByColumn(FleetModel::NameColumn, Qt::AscendingOrder);
    connect(m_hostView, &QTableView::activated, this, [this](const QModelIndex &index) {
        Q_EMIT hostActivated(index.data(FleetModel::UriRole).toString());
    });

    auto *charts = new QWidget(this);
    auto *chartRow = new QHBoxLayout(charts);
    chartRow->setContentsMargins(0, 0, 0, 0);
    chartRow->setSpacing(8);
    m_cpuChart = new MetricChart(tr("Host CPU"), MetricChart::Unit::Percent, charts);
    m_memoryChart = new MetricChart(tr("Host memory used"), MetricChart::Unit::Percent, charts);
    chartRow->addWidget(m_cpuChart);
    chartRow->addWidget(m_memoryChart);

    m_splitter = new QSplitter(Qt::Vertical, this);
    m_splitter->setChildrenCollapsible(false);
    m_risk = new RiskPanel(engine, model, this);
    connect(m_risk, &RiskPanel::hostActivated, this, &OverviewPage::hostActivated);
    connect(m_risk, &RiskPanel::vmActivated, this, &OverviewPage::vmActivated);

    m_splitter->addWidget(m_hostView);
    m_splitter->addWidget(m_risk);
    m_splitter->addWidget(charts);
    m_splitter->setStretchFactor(2, 1);
    connect(m_splitter, &QSplitter::splitterMoved, this, [this] { m_userSized = true; });

    auto *hint = new QLabel(tr("Double-click a host for its details; select a VM in the fleet "
                               "tree for its charts."),
                            this);
    hint->setForegroundRole(QPalette::PlaceholderText);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(10, 8, 10, 8);
    layout->setSpacing(8);
    layout->addLayout(tiles);
    layout->addWidget(m_splitter, 1);
    layout->addWidget(hint);

    m_tileTimer.setSingleShot(true);
    m_tileTimer.setInterval(200);
    connect(&m_tileTimer, &QTimer::timeout, this, &OverviewPage::updateTiles);
    // Not restarted on every change: under a steady stream it would never fire.
    const auto scheduleTiles = [this] {
        if (!m_tileTimer.isActive())
            m_tileTimer.start();
    };
    connect(model, &QAbstractItemModel::rowsInserted, this, scheduleTiles);
    connect(m_proxy, &QAbstractItemModel::rowsInserted, this, &OverviewPage::fitHostTable);
    connect(m_proxy, &QAbstractItemModel::rowsRemoved, this, &OverviewPage::fitHostTable);
    connect(model, &QAbstractItemModel::rowsRemoved, this, scheduleTiles);
    connect(model, &QAbstractItemModel::dataChanged, this, scheduleTiles);
    connect(model, &QAbstractItemModel::modelReset, this, scheduleTiles);

    const FleetState *inventory = engine->fleet()->state();
    connect(inventory, &FleetState::hostAdded, this, &OverviewPage::rechart);
    connect(inventory, &FleetState::hostRemoved, this, [this](const QString &uri) {
        m_latest.remove(uri);
        rechart();
    });
    rechart();
    connect(engine->history(), &HistoryService::historyFilled, this, &OverviewPage::loadHistory);
    connect(engine->fleet(), &FleetService::samplesCollected, this,
            [this](const HostSample &sample, const QList<VmSample> &) { addSample(sample); });
    updateTiles();
}

void OverviewPage::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    fitHostTable();
}

void OverviewPage::fitHostTable()
{
    // The host table as tall as its rows (a small fleet leaves no empty block),
    // at most 40 % of the page; the charts take the rest.
    if (m_userSized)
        return;
    const int total = m_splitter->height();
    const int wanted = TableSetup::heightForRows(m_hostView, std::max(2, m_proxy->rowCount()));
    const int table = std::min(wanted, total * 3 / 10);
    // Room for the horizon buttons and about five rows of risks.
    const int risk = std::min(TableSetup::heightForRows(m_risk->view(), 5) + 34, total / 4);
    m_splitter->setSizes({ table, risk, std::max(0, total - table - risk) });
}

void OverviewPage::rechart()
{
    if (!m_engine)
        return;
    QStringList wanted;
    for (const HostConfig &config : m_engine->fleet()->hosts())
        wanted.append(config.uri);
    const qsizetype hosts = wanted.size();
    if (hosts > kChartedHosts) {
        // Busiest first by the latest CPU; hosts without a sample last, in
        // the fleet's order (stable_sort).
        const auto cpu = [this](const QString &uri) {
            const double percent = m_latest.value(uri).cpuPercent;
            return std::isfinite(percent) ? percent : -1.0;
        };
        std::stable_sort(wanted.begin(), wanted.end(),
                         [&cpu](const QString &a, const QString &b) { return cpu(a) > cpu(b); });
        wanted.resize(kChartedHosts);
        // A choice stands once nearly every host has a CPU figure (its
        // second sample); until then it is made again with every update of
        // the tiles.
        const auto measured
            = std::count_if(m_latest.cbegin(), m_latest.cend(),
                            [](const HostSample &s) { return std::isfinite(s.cpuPercent); });
        if (measured * 10 >= hosts * 9)
            m_chosen.start();
    }
    for (const QString &uri : m_cpuSeries.keys())
        if (!wanted.contains(uri))
            removeHostSeries(uri);
    for (const QString &uri : std::as_const(wanted))
        addHostSeries(uri);
    m_cpuChart->setTitle(hosts > kChartedHosts ? tr("Host CPU, the %1 busiest of %2 hosts")
                                                     .arg(kChartedHosts)
                                                     .arg(QLocale().toString(hosts))
                                               : tr("Host CPU"));
    m_memoryChart->setTitle(hosts > kChartedHosts
                                ? tr("Host memory used, on the %1 busiest hosts").arg(kChartedHosts)
                                : tr("Host memory used"));
}

void OverviewPage::addHostSeries(const QString &uri)
{
    if (m_cpuSeries.contains(uri))
        return;
    const QString name = HostUri::displayName(uri);
    m_cpuSeries.insert(uri, m_cpuChart->addSeries(name));
    m_memorySeries.insert(uri, m_memoryChart->addSeries(name));
    // Each host's stored hour merges with its live samples by timestamp.
    auto *history = new EntityCharts(chartQueries(m_engine), this);
    history->drawHourWith([this](const HostSample &sample) { addSample(sample); });
    m_history.insert(uri, history);
    history->show(QStringLiteral("host/") + uri, HistoryRange::Hour);
}

void OverviewPage::loadHistory(const QString &uri)
{
    if (EntityCharts *history = m_history.value(uri))
        history->reload();
}

void OverviewPage::removeHostSeries(const QString &uri)
{
    if (!m_cpuSeries.contains(uri))
        return;
    // With it goes whatever of its history is still on the way.
    delete m_history.take(uri);
    m_cpuChart->removeSeries(m_cpuSeries.take(uri));
    m_memoryChart->removeSeries(m_memorySeries.take(uri));
    m_tileTimer.start();
}

void OverviewPage::addSample(const HostSample &sample)
{
    if (sample.timestampMs >= m_latest.value(sample.uri).timestampMs)
        m_latest.insert(sample.uri, sample);
    // The busiest are chosen again with the tiles once due.
    if (!m_tileTimer.isActive() && m_cpuSeries.size() == kChartedHosts
        && (!m_chosen.isValid() || m_chosen.elapsed() >= kRechartMs))
        m_tileTimer.start();
    const auto cpu = m_cpuSeries.constFind(sample.uri);
    if (cpu == m_cpuSeries.constEnd())
        return;
    m_cpuChart->append(*cpu, sample.timestampMs, sample.cpuPercent);
    const double memoryPercent = sample.memoryTotalKiB > 0
        ? 100.0 * sample.memoryUsedKiB / sample.memoryTotalKiB
        : kNoValue;
    m_memoryChart->append(m_memorySeries.value(sample.uri), sample.timestampMs, memoryPercent);
}

void OverviewPage::updateTiles()
{
    if (m_engine && m_engine->fleet()->hosts().size() > kChartedHosts
        && (!m_chosen.isValid() || m_chosen.elapsed() >= kRechartMs))
        rechart();

    int hosts = m_model->rowCount();
    int connected = 0;
    int unreachable = 0;
    int vms = 0;
    int running = 0;
    double cpuWeighted = 0;
    int cpus = 0;
    double usedKiB = 0;
    double totalKiB = 0;
    for (int row = 0; row < hosts; ++row) {
        const QModelIndex host = m_model->index(row, FleetModel::StateColumn);
        const auto state = HostState(host.data(FleetModel::RawValueRole).toInt());
        connected += state == HostState::Connected || state == HostState::Degraded ? 1 : 0;
        unreachable += state == HostState::Unreachable ? 1 : 0;
        const QModelIndex name = host.siblingAtColumn(FleetModel::NameColumn);
        const int vmRows = m_model->rowCount(name);
        vms += vmRows;
        for (int vm = 0; vm < vmRows; ++vm) {
            const auto vmState = VmState(m_model->index(vm, FleetModel::StateColumn, name)
                                             .data(FleetModel::RawValueRole)
                                             .toInt());
            running += FleetModel::countsAsRunning(vmState) ? 1 : 0;
        }
        const HostSample sample = m_latest.value(host.data(FleetModel::UriRole).toString());
        const int hostCpus
            = host.siblingAtColumn(FleetModel::VcpuColumn).data(FleetModel::RawValueRole).toInt();
        if (std::isfinite(sample.cpuPercent) && hostCpus > 0) {
            cpuWeighted += sample.cpuPercent * hostCpus;
            cpus += hostCpus;
        }
        if (std::isfinite(sample.memoryUsedKiB) && std::isfinite(sample.memoryTotalKiB)) {
            usedKiB += sample.memoryUsedKiB;
            totalKiB += sample.memoryTotalKiB;
        }
    }

    m_hostsTile->setValue(tr("%1 of %2").arg(connected).arg(hosts),
                          unreachable > 0          ? tr("%1 unreachable").arg(unreachable)
                              : connected == hosts ? tr("all connected")
                                                   : tr("connecting…"));
    m_vmsTile->setValue(tr("%1 of %2").arg(running).arg(vms),
                        tr("%1 not running").arg(vms - running));
    m_cpuTile->setValue(cpus > 0 ? Format::percent(cpuWeighted / cpus) : Format::missing(),
                        cpus == 1 ? tr("on 1 host CPU")
                                  : tr("weighted across %1 host CPUs").arg(cpus));
    m_memoryTile->setValue(
        totalKiB > 0 ? Format::percent(100.0 * usedKiB / totalKiB) : Format::missing(),
        totalKiB > 0 ? tr("%1 of %2 in use").arg(Format::kib(usedKiB), Format::kib(totalKiB))
                     : QString());
}

} // namespace Umbra
