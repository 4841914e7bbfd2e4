#include "hostpage.h"

#include "elidedlabel.h"
#include "engine/engine.h"
#include "engine/poolservice.h"
#include "entitycharts.h"
#include "factsgrid.h"
#include "fleet/hosturi.h"
#include "fleetmodel.h"
#include "fleetsortproxy.h"
#include "format.h"
#include "healthtext.h"
#include "hosthardwarepanel.h"
#include "metricchart.h"
#include "pageheader.h"
#include "statecolors.h"
#include "tablesetup.h"

#include <QDateTime>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QScrollArea>
#include <QSplitter>
#include <QTabBar>
#include <QTabWidget>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>
#include <algorithm>

namespace Umbra {

HostPage::HostPage(Engine *engine, FleetModel *model, QWidget *parent)
    : QWidget(parent)
    , m_engine(engine)
    , m_model(model)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(10, 8, 10, 8);
    layout->setSpacing(8);
    buildHeader();
    buildBody();

    const FleetState *inventory = engine->fleet()->state();
    connect(inventory, &FleetState::hostStatusChanged, this, [this](const HostStatus &status) {
        if (status.uri == m_uri)
            showStatus(status);
    });
    connect(inventory, &FleetState::hostInfoChanged, this, [this](const HostInfo &info) {
        if (info.uri == m_uri) {
            showInfo(info);
            showPool();
        }
    });
    // What the host has free moves with its VMs and the pools' settings.
    if (PoolService *pools = engine->pools()) {
        connect(pools, &PoolService::changed, this, &HostPage::showPool);
        connect(inventory, &FleetState::hostConfigChanged, this, [this](const HostConfig &config) {
            if (config.uri == m_uri)
                showPool();
        });
        connect(inventory, &FleetState::vmChanged, this, [this](const QString &uri) {
            if (uri == m_uri)
                showPool();
        });
        connect(inventory, &FleetState::vmRemoved, this, [this](const QString &uri) {
            if (uri == m_uri)
                showPool();
        });
    }
    connect(engine->history(), &HistoryService::historyFilled, this, [this](const QString &key) {
        if (m_uri.isEmpty() || key != m_uri)
            return;
        if (m_historyBar->range() == HistoryRange::Hour)
            setHost(m_uri);
        else
            m_charts->reload();
    });
    connect(engine->prediction(), &PredictionProxy::healthUpdated, this,
            [this](const QList<HealthReport> &reports) {
                for (const HealthReport &report : reports) {
                    if (!report.isVm() && report.uri == m_uri)
                        showHealth(report);
                }
            });
    connect(engine->fleet(), &FleetService::samplesCollected, this,
            [this](const HostSample &sample, const QList<VmSample> &) {
                // Longer ranges refresh from the store at their own pace.
                if (sample.uri == m_uri && m_historyBar->range() == HistoryRange::Hour)
                    addSample(sample);
            });
}

void HostPage::buildHeader()
{
    auto *header = new PageHeader(this);
    m_title = header->title();
    m_state = header->state();
    m_note = header->note();
    QToolButton *actions = PageHeader::actionsButton(header, [this](QMenu *menu) {
        if (!m_uri.isEmpty())
            Q_EMIT actionsMenuAboutToShow(menu, m_uri);
    });
    actions->setToolTip(tr("Reconnect or remove this host"));
    header->addTrailingWidget(actions);
    layout()->addWidget(header);

    m_facts = new FactsGrid(4, this);
    m_uriFact = m_facts->addFact(tr("URI"), 2);
    m_hostnameFact = m_facts->addFact(tr("Hostname"));
    m_hypervisorFact = m_facts->addFact(tr("Hypervisor"));
    m_cpuModelFact = m_facts->addFact(tr("CPU model"));
    m_cpusFact = m_facts->addFact(tr("CPUs"));
    m_memoryFact = m_facts->addFact(tr("Memory"));
    m_libvirtFact = m_facts->addFact(tr("libvirt"));
    m_errorFact = m_facts->addFact(tr("Last error"), 4);
    m_healthFact = m_facts->addFact(tr("Health"), 4);
    m_poolFact = m_facts->addFact(tr("Pool"), 4);
    layout()->addWidget(m_facts);

    m_historyBar = new HistoryBar(m_engine, this);
    connect(m_historyBar, &HistoryBar::rangeChanged, this, [this] {
        if (m_uri.isEmpty())
            return;
        for (MetricChart *chart : charts())
            chart->clearPoints();
        loadHistory();
    });
    layout()->addWidget(m_historyBar);
}

void HostPage::buildBody()
{
    auto *charts = new QWidget(this);
    auto *chartColumn = new QVBoxLayout(charts);
    // A little air between the caption and the splitter's handle below it.
    chartColumn->setContentsMargins(0, 0, 0, 4);
    chartColumn->setSpacing(8);
    auto *chartRow = new QHBoxLayout;
    chartRow->setSpacing(8);
    m_cpuChart = new MetricChart(tr("CPU"), MetricChart::Unit::Percent, charts);
    m_cpuSeries = m_cpuChart->addSeries(tr("all CPUs"));
    m_memoryChart = new MetricChart(tr("Memory"), MetricChart::Unit::Bytes, charts);
    m_memUsed = m_memoryChart->addSeries(tr("used"));
    m_memTotal = m_memoryChart->addSeries(tr("total"));
    chartRow->addWidget(m_cpuChart);
    chartRow->addWidget(m_memoryChart);
    chartColumn->addLayout(chartRow, 1);
    m_forecastCaption = HistoryBar::createCaption(QString(), charts);
    chartColumn->addWidget(m_forecastCaption);
    chartColumn->addWidget(HistoryBar::createCaption(
        tr("History is kept to 0.01 % CPU and 1 KiB memory; longer ranges show each pixel's "
           "average with its min–max band. Dashed lines are forecasts, shaded with their 80 % "
           "and 95 % intervals; dots mark anomalies (hover for why)."),
        charts));

    m_charts = new EntityCharts(chartQueries(m_engine), this);
    m_charts->addHistoryLine(m_cpuChart, m_cpuSeries, "cpu");
    // Memory is stored in KiB and drawn in bytes, like the live samples.
    m_charts->addHistoryLine(m_memoryChart, m_memUsed, "mem_used", 1024.0);
    m_charts->addHistoryLine(m_memoryChart, m_memTotal, "mem_total", 1024.0);
    m_charts->drawHourWith([this](const HostSample &sample) { addSample(sample); });
    // The model forecasts memory in % of the host's; the chart is in bytes.
    const auto memoryFactor = [this] { return double(m_memoryKiB) * 1024.0 / 100.0; };
    m_charts->addForecastLine(m_cpuChart, m_cpuSeries, "cpu");
    m_charts->addForecastLine(m_memoryChart, m_memUsed, "memory", memoryFactor);
    m_charts->addAnomalies(m_cpuChart, "cpu");
    m_charts->addAnomalies(m_memoryChart, "memory", memoryFactor);
    connect(m_charts, &EntityCharts::loading, m_note, &QLabel::setText);
    connect(m_charts, &EntityCharts::loaded, this, &HostPage::historyLoaded);
    connect(m_charts, &EntityCharts::forecastsLoaded, this,
            [this](const QList<DemandForecast> &forecasts) {
                m_forecastCaption->setText(
                    HealthText::forecastCaption(forecasts, QDateTime::currentMSecsSinceEpoch()));
            });

    m_proxy = new FleetSortProxy(this);
    m_proxy->setSourceModel(m_model);
    m_vmView = new QTableView(this);
    m_vmView->setModel(m_proxy);
    TableSetup::apply(m_vmView);
    TableSetup::setFleetColumnWidths(m_vmView, m_vmView->horizontalHeader());
    m_vmView->sortByColumn(FleetModel::NameColumn, Qt::AscendingOrder);
    connect(m_vmView, &QTableView::activated, this, [this](const QModelIndex &index) {
        Q_EMIT vmActivated(index.data(FleetModel::UriRole).toString(),
                           index.data(FleetModel::UuidRole).toString());
    });

    m_splitter = new QSplitter(Qt::Vertical, this);
    m_splitter->setChildrenCollapsible(false);
    m_hardware = new HostHardwarePanel(m_engine, this);
    m_lower = new QTabWidget(this);
    m_lower->setDocumentMode(true);
    m_lower->addTab(m_vmView, tr("VMs"));
    // Scrolled: a host with many drives and sensors must not make the
    // window taller than the screen.
    auto *hardwareScroll = new QScrollArea(this);
    hardwareScroll->setWidget(m_hardware);
    hardwareScroll->setWidgetResizable(true);
    hardwareScroll->setFrameShape(QFrame::NoFrame);
    m_lower->addTab(hardwareScroll, tr("Hardware health"));
    m_splitter->addWidget(charts);
    m_splitter->addWidget(m_lower);
    m_splitter->setStretchFactor(0, 1);
    connect(m_splitter, &QSplitter::splitterMoved, this, [this] { m_userSized = true; });
    connect(m_proxy, &QAbstractItemModel::rowsInserted, this, &HostPage::fitVmTable);
    connect(m_proxy, &QAbstractItemModel::rowsRemoved, this, &HostPage::fitVmTable);
    static_cast<QVBoxLayout *>(layout())->addWidget(m_splitter, 1);
}

void HostPage::setHost(const QString &uri)
{
    m_uri = uri;
    m_facts->clearValues();
    m_cpuChart->clearPoints();
    m_memoryChart->clearPoints();
    m_title->setFullText(HostUri::displayName(uri), uri);
    m_historyBar->setExportSource(QStringLiteral("host/") + uri, HostUri::displayName(uri));
    m_forecastCaption->clear();
    m_vmView->setRootIndex(m_proxy->mapFromSource(m_model->hostIndex(uri)));
    fitVmTable();
    m_hardware->setHost(uri);
    if (!m_engine)
        return;

    showStatus(m_engine->fleet()->hostStatus(uri));
    showInfo(m_engine->fleet()->hostInfo(uri));
    showPool();
    showHealth(m_engine->prediction()->health(QStringLiteral("host/") + uri));
    loadHistory();
}

void HostPage::loadHistory()
{
    if (m_engine)
        m_charts->show(QStringLiteral("host/") + m_uri, m_historyBar->range());
}

bool HostPage::isLoadingHistory() const
{
    return m_charts->isLoading();
}

void HostPage::historyLoaded(const QString &note)
{
    QStringList notes;
    if (!note.isEmpty())
        notes << note;
    if (m_engine && m_engine->fleet()->isSimulated(m_uri))
        notes << tr("Usage simulated by the workload generator");
    m_note->setText(notes.join(QStringLiteral(" · ")));
}

QList<MetricChart *> HostPage::charts() const
{
    return { m_cpuChart, m_memoryChart };
}

void HostPage::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    fitVmTable();
}

void HostPage::fitVmTable()
{
    // The VM list as tall as the host's VMs need, up to half the page; the
    // charts take the rest instead of leaving an empty table.
    if (m_userSized)
        return;
    const int total = m_splitter->height();
    const int rows = std::max(3, m_proxy->rowCount(m_vmView->rootIndex()));
    const int table = std::min(TableSetup::heightForRows(m_vmView, rows)
                                   + m_lower->tabBar()->sizeHint().height(),
                               total / 2);
    m_splitter->setSizes({ std::max(0, total - table), table });
}

int HostPage::pointCount() const
{
    return m_cpuChart->pointCount();
}

void HostPage::showStatus(const HostStatus &status)
{
    QString state = hostStateName(status.state);
    if (status.since.isValid())
        state = tr("%1 since %2")
                    .arg(state, QLocale().toString(status.since.time(), QLocale::ShortFormat));
    if (status.state == HostState::Unreachable && status.nextRetry.isValid())
        state += u' '
            + tr("(retry at %1)")
                  .arg(QLocale().toString(status.nextRetry.time(), QLocale::ShortFormat));
    PageHeader::setState(m_state, state, StateColors::forHost(status.state));
    m_facts->setValue(m_errorFact, status.lastError.isEmpty() ? tr("none") : status.lastError,
                      status.lastError);
}

QString HostPage::healthText() const
{
    return m_facts->value(m_healthFact);
}

QString HostPage::forecastText() const
{
    return m_forecastCaption->text();
}

QString HostPage::poolText() const
{
    return m_facts->value(m_poolFact);
}

void HostPage::showPool()
{
    PoolService *pools = m_engine ? m_engine->pools() : nullptr;
    if (!pools || m_uri.isEmpty()) {
        m_facts->setValue(m_poolFact, {});
        return;
    }
    const HostPoolView view = pools->host(m_uri);
    QString pool = tr("%1 (general: shared by every VM)").arg(view.pool.name);
    if (view.pool.kind == Pools::PoolKind::Dedicated)
        pool = tr("%1 (dedicated to %2)").arg(view.pool.name, view.pool.customer);
    else if (view.pool.kind == Pools::PoolKind::Shadow)
        pool = tr("%1 (shadow pool: %2)").arg(view.pool.name, view.pool.reservation.describe());
    QStringList parts{ pool };
    if (m_engine->fleet()->state()->config(m_uri).maintenance)
        parts.prepend(tr("In maintenance: nothing new is placed here"));
    parts.append(view.failureDomain.isEmpty() ? tr("no failure domain")
                                              : tr("failure domain %1").arg(view.failureDomain));
    QString details;
    if (view.known) {
        parts.append(
            view.reservedKiB > 0
                ? tr("reserved %1 · free %2")
                      .arg(Format::kib(double(view.reservedKiB)), Format::kib(double(view.freeKiB)))
                : tr("nothing reserved · free %1").arg(Format::kib(double(view.freeKiB))));
        details = tr("Set aside for shadows and held for migrations: %1 and %2 vCPUs.\n"
                     "Free for another VM: %3 and %4 vCPU slots.")
                      .arg(Format::kib(double(view.reservedKiB)))
                      .arg(view.reservedVcpus)
                      .arg(Format::kib(double(view.freeKiB)))
                      .arg(view.freeVcpuSlots);
    }
    m_facts->setValue(m_poolFact, parts.join(QStringLiteral(" · ")), details);
}

void HostPage::showHealth(const HealthReport &report)
{
    m_facts->setValue(m_healthFact, HealthText::summary(report), HealthText::breakdown(report));
}

void HostPage::showInfo(const HostInfo &info)
{
    m_memoryKiB = info.memoryKiB;
    m_facts->setValue(m_uriFact, m_uri);
    m_facts->setValue(m_hostnameFact, info.hostname);
    m_facts->setValue(m_hypervisorFact, info.hypervisor);
    m_facts->setValue(m_libvirtFact, Format::libvirtVersion(info.libvirtVersion));
    m_facts->setValue(m_cpuModelFact, info.cpuModel);
    m_facts->setValue(m_cpusFact,
                      info.cpus > 0 ? tr("%1 × %2").arg(info.cpus).arg(Format::megahertz(info.mhz))
                                    : QString());
    m_facts->setValue(m_memoryFact,
                      info.memoryKiB > 0 ? Format::kib(double(info.memoryKiB)) : QString());
}

void HostPage::addSample(const HostSample &sample)
{
    m_cpuChart->append(m_cpuSeries, sample.timestampMs, sample.cpuPercent);
    m_memoryChart->append(m_memUsed, sample.timestampMs, sample.memoryUsedKiB * 1024.0);
    m_memoryChart->append(m_memTotal, sample.timestampMs, sample.memoryTotalKiB * 1024.0);
}

} // namespace Umbra
