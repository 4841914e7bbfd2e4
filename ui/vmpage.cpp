#include "vmpage.h"

#include "elidedlabel.h"
#include "engine/engine.h"
#include "engine/poolservice.h"
#include "entitycharts.h"
#include "factsgrid.h"
#include "fleet/hosturi.h"
#include "format.h"
#include "healthtext.h"
#include "metricchart.h"
#include "pageheader.h"
#include "shadow/shadowservice.h"
#include "statecolors.h"
#include "traffic/trafficservice.h"
#include "validationschedulebox.h"

#include <QDateTime>
#include <QEvent>
#include <QGridLayout>
#include <QLabel>
#include <QPushButton>
#include <QToolButton>
#include <QVBoxLayout>

namespace Umbra {

VmPage::VmPage(Engine *engine, QWidget *parent)
    : QWidget(parent)
    , m_engine(engine)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(10, 8, 10, 8);
    layout->setSpacing(8);
    buildHeader();
    buildCharts();

    const FleetState *inventory = engine->fleet()->state();
    connect(engine->fleet(), &FleetService::samplesCollected, this, &VmPage::onSamples);
    connect(engine->history(), &HistoryService::historyFilled, this, [this](const QString &key) {
        if (m_uuid.isEmpty() || key != m_uuid)
            return;
        if (m_historyBar->range() == HistoryRange::Hour)
            setVm(m_uri, m_uuid);
        else
            m_charts->reload();
    });
    connect(engine->prediction(), &PredictionProxy::healthUpdated, this,
            [this](const QList<HealthReport> &reports) {
                for (const HealthReport &report : reports) {
                    if (report.isVm() && report.uuid == m_uuid)
                        showHealth(report);
                }
            });
    connect(inventory, &FleetState::vmChanged, this, &VmPage::onVmChanged);
    connect(inventory, &FleetState::vmRemoved, this, &VmPage::onVmRemoved);
    connect(inventory, &FleetState::inventoryReset, this,
            [this](const QString &uri, const QList<VmInfo> &vms) {
                if (uri != m_uri)
                    return;
                for (const VmInfo &vm : vms) {
                    if (vm.uuid == m_uuid)
                        showInfo(vm);
                }
            });
}

void VmPage::buildHeader()
{
    auto *header = new PageHeader(this);
    m_title = header->title();
    m_state = header->state();
    m_loadingLabel = header->note();
    layout()->addWidget(header);

    m_facts = new FactsGrid(4, this);
    m_hostFact = m_facts->addFact(tr("Host"));
    m_vcpuFact = m_facts->addFact(tr("vCPUs"));
    m_memoryFact = m_facts->addFact(tr("Memory"));
    m_persistenceFact = m_facts->addFact(tr("Definition"));
    m_disksFact = m_facts->addFact(tr("Disks"));
    m_nicsFact = m_facts->addFact(tr("NICs"));
    m_uuidFact = m_facts->addFact(tr("UUID"), 2);
    m_healthFact = m_facts->addFact(tr("Health"), 4);
    m_trafficFact = m_facts->addFact(tr("Traffic"), 4);
    m_customerLink = new QLabel(this);
    m_customerLink->setTextFormat(Qt::RichText);
    setCustomerLink();
    m_customerLink->setToolTip(tr("Dedicated pools take only their customer's VMs"));
    connect(m_customerLink, &QLabel::linkActivated, this, [this] {
        if (!m_uuid.isEmpty())
            Q_EMIT customerRequested(m_uuid, m_name);
    });
    m_customerFact = m_facts->addFact(tr("Customer"), 4, m_customerLink);
    m_shadowLinks = new QLabel(this);
    m_shadowLinks->setTextFormat(Qt::RichText);
    connect(m_shadowLinks, &QLabel::linkActivated, this, [this](const QString &action) {
        if (!m_uuid.isEmpty())
            Q_EMIT shadowRequested(action, m_uri, m_uuid);
    });
    m_shadowFact = m_facts->addFact(tr("Shadow"), 4, m_shadowLinks);
    if (Shadow::ShadowService *shadows = m_engine ? m_engine->shadows() : nullptr)
        connect(shadows, &Shadow::ShadowService::shadowsChanged, this, &VmPage::showShadow);
    layout()->addWidget(m_facts);
    if (PoolService *pools = m_engine ? m_engine->pools() : nullptr)
        connect(pools, &PoolService::changed, this, &VmPage::showCustomer);
    else
        m_customerLink->hide();

    auto *migrate = new QPushButton(tr("Migrate…"), header);
    migrate->setToolTip(tr("Move this VM to another host while it runs"));
    if (m_engine && m_engine->storeIsReadOnly()) {
        // A migration journals every step before it acts; a read-only store cannot.
        migrate->setEnabled(false);
        migrate->setToolTip(tr("The database is open read-only; migrations need to journal "
                               "their steps there."));
    }
    connect(migrate, &QPushButton::clicked, this, [this] {
        if (!m_uuid.isEmpty())
            Q_EMIT migrateRequested(m_uri, m_uuid);
    });
    header->addTrailingWidget(migrate);
    m_actionsButton = PageHeader::actionsButton(header, [this](QMenu *menu) {
        if (!m_uuid.isEmpty())
            Q_EMIT actionsMenuAboutToShow(menu, m_uri, m_uuid);
    });
    m_actionsButton->setToolTip(tr("Start, shut down, pause… this VM, or open its console"));
    header->addTrailingWidget(m_actionsButton);

    if (m_engine && m_engine->traffic()) {
        auto *mapping = new QPushButton(tr("Traffic…"), header);
        mapping->setToolTip(tr("Say which load balancer server this VM is"));
        connect(mapping, &QPushButton::clicked, this, [this] {
            if (!m_uuid.isEmpty())
                Q_EMIT trafficMappingRequested(m_uuid, m_name);
        });
        header->addTrailingWidget(mapping);
        Traffic::TrafficService *traffic = m_engine->traffic();
        connect(traffic, &Traffic::TrafficService::viewsRefreshed, this, &VmPage::showTraffic);
        connect(traffic, &Traffic::TrafficService::balancersChanged, this, &VmPage::showTraffic);
    }

    m_historyBar = new HistoryBar(m_engine, this);
    connect(m_historyBar, &HistoryBar::rangeChanged, this, [this] {
        if (m_uuid.isEmpty())
            return;
        for (MetricChart *chart : charts())
            chart->clearPoints();
        loadHistory();
    });
    layout()->addWidget(m_historyBar);
}

void VmPage::buildCharts()
{
    auto *grid = new QGridLayout;
    grid->setSpacing(8);
    m_cpuChart = new MetricChart(tr("CPU"), MetricChart::Unit::Percent, this);
    m_cpuVcpus = m_cpuChart->addSeries(tr("of its vCPUs"));
    m_cpuHost = m_cpuChart->addSeries(tr("of the host"));
    m_memoryChart = new MetricChart(tr("Memory"), MetricChart::Unit::Bytes, this);
    m_memUsed = m_memoryChart->addSeries(tr("used"));
    m_memAvailable = m_memoryChart->addSeries(tr("available"));
    m_diskChart = new MetricChart(tr("Disk I/O"), MetricChart::Unit::BytesPerSecond, this);
    m_diskRead = m_diskChart->addSeries(tr("read"));
    m_diskWrite = m_diskChart->addSeries(tr("write"));
    m_netChart = new MetricChart(tr("Network"), MetricChart::Unit::BytesPerSecond, this);
    m_netRx = m_netChart->addSeries(tr("received"));
    m_netTx = m_netChart->addSeries(tr("sent"));
    grid->addWidget(m_cpuChart, 0, 0);
    grid->addWidget(m_memoryChart, 0, 1);
    grid->addWidget(m_diskChart, 1, 0);
    grid->addWidget(m_netChart, 1, 1);
    static_cast<QVBoxLayout *>(layout())->addLayout(grid, 1);
    m_forecastCaption = HistoryBar::createCaption(QString(), this);
    layout()->addWidget(m_forecastCaption);
    layout()->addWidget(HistoryBar::createCaption(
        tr("History is kept to 0.01 % CPU, 1 KiB memory, 1 B/s throughput and 0.01/s "
           "operations; longer ranges show each pixel's average with its min–max band. "
           "Dashed lines are forecasts, shaded with their 80 % and 95 % intervals; dots mark "
           "anomalies (hover for why)."),
        this));

    m_charts = new EntityCharts(chartQueries(m_engine), this);
    m_charts->addHistoryLine(m_cpuChart, m_cpuVcpus, "cpu");
    m_charts->addHistoryLine(m_cpuChart, m_cpuHost, "host_cpu");
    // Memory is stored in KiB and drawn in bytes, like the live samples.
    m_charts->addHistoryLine(m_memoryChart, m_memUsed, "mem_used", 1024.0);
    m_charts->addHistoryLine(m_memoryChart, m_memAvailable, "mem_avail", 1024.0);
    m_charts->addHistoryLine(m_diskChart, m_diskRead, "disk_rd");
    m_charts->addHistoryLine(m_diskChart, m_diskWrite, "disk_wr");
    m_charts->addHistoryLine(m_netChart, m_netRx, "net_rx");
    m_charts->addHistoryLine(m_netChart, m_netTx, "net_tx");
    m_charts->drawHourWith([this](const VmSample &sample) { addSample(sample); });

    // The model forecasts memory in % of the allocation; the chart is in bytes.
    const auto memoryFactor = [this] { return double(m_memoryKiB) * 1024.0 / 100.0; };
    m_charts->addForecastLine(m_cpuChart, m_cpuVcpus, "cpu");
    m_charts->addForecastLine(m_memoryChart, m_memUsed, "memory", memoryFactor);
    m_charts->addForecastLine(m_diskChart, m_diskRead, "disk_rd");
    m_charts->addForecastLine(m_diskChart, m_diskWrite, "disk_wr");
    m_charts->addForecastLine(m_netChart, m_netRx, "net_rx");
    m_charts->addForecastLine(m_netChart, m_netTx, "net_tx");

    m_charts->addAnomalies(m_cpuChart, "cpu");
    m_charts->addAnomalies(m_memoryChart, "memory", memoryFactor);
    m_charts->addAnomalies(m_diskChart, "disk_rd");
    m_charts->addAnomalies(m_diskChart, "disk_wr");
    m_charts->addAnomalies(m_netChart, "net_rx");
    m_charts->addAnomalies(m_netChart, "net_tx");

    connect(m_charts, &EntityCharts::loading, m_loadingLabel, &QLabel::setText);
    connect(m_charts, &EntityCharts::loaded, m_loadingLabel, &QLabel::setText);
    connect(m_charts, &EntityCharts::forecastsLoaded, this, &VmPage::showForecasts);
}

QList<MetricChart *> VmPage::charts() const
{
    return { m_cpuChart, m_memoryChart, m_diskChart, m_netChart };
}

void VmPage::setVm(const QString &uri, const QString &uuid)
{
    m_uri = uri;
    m_uuid = uuid;
    m_title->setFullText({});
    m_state->clear();
    m_facts->clearValues();
    for (MetricChart *chart : charts())
        chart->clearPoints();
    m_historyBar->setExportSource(QStringLiteral("vm/") + uuid, uuid);
    m_forecastCaption->clear();
    m_memoryKiB = 0;
    m_name.clear();

    if (!m_engine)
        return;
    showCustomer();
    showShadow();
    showHealth(m_engine->prediction()->health(QStringLiteral("vm/") + uuid));
    if (const auto vm = m_engine->fleet()->state()->vm(uri, uuid))
        showInfo(*vm);
    loadHistory();
}

void VmPage::loadHistory()
{
    if (m_engine)
        m_charts->show(QStringLiteral("vm/") + m_uuid, m_historyBar->range());
}

bool VmPage::isLoadingHistory() const
{
    return m_charts->isLoading();
}

int VmPage::pointCount() const
{
    return m_cpuChart->pointCount();
}

QString VmPage::healthText() const
{
    return m_facts->value(m_healthFact);
}

QString VmPage::forecastText() const
{
    return m_forecastCaption->text();
}

void VmPage::showHealth(const HealthReport &report)
{
    m_facts->setValue(m_healthFact, HealthText::summary(report), HealthText::breakdown(report));
}

void VmPage::showForecasts(const QList<DemandForecast> &forecasts)
{
    m_forecastCaption->setText(
        HealthText::forecastCaption(forecasts, QDateTime::currentMSecsSinceEpoch()));
}

QString VmPage::trafficText() const
{
    return m_facts->value(m_trafficFact);
}

void VmPage::setCustomerLink()
{
    // The link's colour is fixed when its markup is parsed: parse it again
    // when the theme changes.
    m_customerLink->clear();
    m_customerLink->setText(QStringLiteral("<a href=\"change\">%1</a>").arg(tr("Change…")));
}

void VmPage::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange && m_customerLink) {
        setCustomerLink();
        showShadow();
    }
}

QString VmPage::shadowText() const
{
    return m_facts->value(m_shadowFact);
}

QString VmPage::shadowActions() const
{
    return m_shadowLinks->text();
}

void VmPage::showShadow()
{
    Shadow::ShadowService *shadows = m_engine ? m_engine->shadows() : nullptr;
    // The link's colour is fixed when its markup is parsed: set anew.
    m_shadowLinks->clear();
    if (!shadows || m_uuid.isEmpty()) {
        m_facts->setValue(m_shadowFact, {});
        m_shadowLinks->setVisible(false);
        return;
    }
    const auto link = [](const QString &action, const QString &label) {
        return QStringLiteral("<a href=\"%1\">%2</a>").arg(action, label.toHtmlEscaped());
    };
    const std::optional<Shadow::ShadowRecord> shadow = shadows->shadowOf(m_uuid);
    QStringList actions;
    if (!shadow) {
        m_facts->setValue(m_shadowFact, tr("none"),
                          tr("No standby replica: if this VM's host is lost, so is the VM "
                             "until it is started elsewhere."));
        actions.append(link(QStringLiteral("create"), tr("Create shadow…")));
    } else {
        const QString simulated = shadows->simulation(*shadow);
        QString text
            = tr("%1 on %2")
                  .arg(Shadow::stateLabel(shadow->state), HostUri::displayName(shadow->shadowUri));
        if (!simulated.isEmpty())
            text += tr(" (simulated)");
        QString toolTip = shadow->reason.isEmpty() ? shadow->shadowName : shadow->reason;
        if (const auto &v = shadow->lastValidation) {
            const QString when = QDateTime::fromMSecsSinceEpoch(v->startedMs)
                                     .toString(QStringLiteral("MM-dd HH:mm"));
            text += v->passed ? tr(", validated %1").arg(when)
                              : tr(", validation failed %1").arg(when);
            toolTip += u"\n\n" + (v->passed ? v->evidence.join(u'\n') : v->reason);
        }
        toolTip += u"\n\n"
            + tr("Validation schedule: %1")
                  .arg(ValidationScheduleBox::describe(shadow->validateEveryH,
                                                       shadows->validationIntervalH()));
        m_facts->setValue(m_shadowFact, text, toolTip);
        if (!shadows->isBusy(m_uuid)) {
            if (shadow->state == Shadow::State::InSync) {
                actions.append(link(QStringLiteral("validate"), tr("Validate now")));
                actions.append(link(QStringLiteral("failover"), tr("Fail over…")));
            }
            if (shadow->state != Shadow::State::FailedOver)
                actions.append(link(QStringLiteral("remove"), tr("Remove…")));
        }
    }
    m_shadowLinks->setText(actions.join(QStringLiteral(" · ")));
    m_shadowLinks->setVisible(!actions.isEmpty() && !m_engine->storeIsReadOnly());
}

QString VmPage::customerText() const
{
    return m_facts->value(m_customerFact);
}

void VmPage::showCustomer()
{
    PoolService *pools = m_engine ? m_engine->pools() : nullptr;
    if (!pools || m_uuid.isEmpty()) {
        m_facts->setValue(m_customerFact, {});
        return;
    }
    const Pools::PoolSettings &settings = pools->settings();
    const QString customer = settings.customerOf(m_uuid);
    if (customer.isEmpty()) {
        m_facts->setValue(m_customerFact, tr("none"),
                          tr("No customer: the VM lands only on hosts of general pools."));
        return;
    }
    QStringList dedicated;
    for (const Pools::Pool &pool : settings.pools) {
        if (pool.kind == Pools::PoolKind::Dedicated && pool.customer == customer)
            dedicated.append(pool.name);
    }
    m_facts->setValue(
        m_customerFact, customer,
        dedicated.isEmpty()
            ? tr("%1 has no dedicated pool: the VM lands on hosts of general pools.").arg(customer)
            : tr("Besides general pools, the VM may land on the dedicated pools of %1: %2.")
                  .arg(customer, dedicated.join(QStringLiteral(", "))));
}

void VmPage::showTraffic()
{
    Traffic::TrafficService *traffic = m_engine ? m_engine->traffic() : nullptr;
    if (!traffic || m_uuid.isEmpty()) {
        m_facts->setValue(m_trafficFact, tr("no load balancer"));
        return;
    }
    if (traffic->balancers().isEmpty()) {
        m_facts->setValue(m_trafficFact, tr("no load balancer (File → Load Balancers…)"));
        return;
    }
    QStringList parts;
    QStringList details;
    for (const Traffic::VmServer &found : traffic->serversOf(m_uuid, m_name)) {
        bool mapped = false;
        for (const Traffic::Mapping &m : traffic->mappings())
            mapped |= m.vmUuid == m_uuid && m.balancer == found.balancer.name
                && m.server == found.server;
        // The live split of the server's backend, by weight.
        QList<Traffic::ServerStat> servers;
        int sum = 0;
        for (const Traffic::BalancerView &view : traffic->views()) {
            if (view.balancer.name != found.balancer.name)
                continue;
            for (const Traffic::ServerStat &s : view.stats) {
                if (!s.isBackend && s.ref.backend == found.server.backend) {
                    servers.append(s);
                    sum += std::max(0, s.weight);
                }
            }
        }
        QStringList split;
        QString own;
        for (const Traffic::ServerStat &s : std::as_const(servers)) {
            const QString share = sum > 0 ? Format::percent(100.0 * std::max(0, s.weight) / sum)
                                          : Format::missing();
            split.append(tr("%1 %2").arg(s.ref.server, share));
            if (s.ref == found.server)
                own = tr("%1, %2 of the requests").arg(s.status, share);
        }
        parts.append(tr("%1 %2%3: %4 — split %5")
                         .arg(found.balancer.name, found.server.path(),
                              mapped ? tr(" (mapped)") : QString(), own,
                              split.join(QStringLiteral(", "))));
        details.append(tr("%1, backend %2: %3")
                           .arg(found.balancer.display(), found.server.backend,
                                split.join(QStringLiteral(", "))));
    }
    if (parts.isEmpty()) {
        m_facts->setValue(m_trafficFact,
                          tr("not a server of any load balancer (none by its name or mapping)"));
        return;
    }
    m_facts->setValue(m_trafficFact, parts.join(QStringLiteral("; ")), details.join(u'\n'));
}

void VmPage::showInfo(const VmInfo &vm)
{
    m_title->setFullText(vm.name);
    const bool renamed = m_name != vm.name;
    m_name = vm.name;
    if (renamed)
        showTraffic();
    m_memoryKiB = vm.memoryKiB;
    m_historyBar->setExportSource(QStringLiteral("vm/") + vm.uuid, vm.name);
    PageHeader::setState(m_state, vmStateName(vm.state), StateColors::forVm(vm.state));
    m_facts->setValue(m_hostFact, HostUri::displayName(m_uri), m_uri);
    m_facts->setValue(m_vcpuFact, QString::number(vm.vcpus));
    QString memory = Format::kib(double(vm.memoryKiB));
    if (vm.maxMemoryKiB > vm.memoryKiB)
        memory = tr("%1 (max %2)").arg(memory, Format::kib(double(vm.maxMemoryKiB)));
    m_facts->setValue(m_memoryFact, memory);
    m_facts->setValue(m_persistenceFact, vm.persistent ? tr("persistent") : tr("transient"),
                      vm.persistent ? tr("Defined on the host; survives a shutdown.")
                                    : tr("Exists only while it runs."));
    m_facts->setValue(m_uuidFact, vm.uuid);

    QStringList disks;
    QStringList diskDetails;
    for (const DiskInfo &disk : vm.disks) {
        disks << (disk.bus.isEmpty() ? disk.target : tr("%1 (%2)").arg(disk.target, disk.bus));
        diskDetails << tr("%1 %2 on %3: %4").arg(disk.device, disk.target, disk.bus, disk.source);
    }
    m_facts->setValue(m_disksFact, disks.isEmpty() ? tr("none") : disks.join(QStringLiteral(", ")),
                      diskDetails.join(u'\n'));

    QStringList nics;
    QStringList nicDetails;
    for (const NicInfo &nic : vm.nics) {
        nics << (nic.source.isEmpty() ? nic.mac : tr("%1 → %2").arg(nic.mac, nic.source));
        nicDetails << tr("%1: %2 on %3 %4").arg(nic.mac, nic.model, nic.type, nic.source);
    }
    m_facts->setValue(m_nicsFact, nics.isEmpty() ? tr("none") : nics.join(QStringLiteral(", ")),
                      nicDetails.join(u'\n'));
}

void VmPage::addSample(const VmSample &s)
{
    m_cpuChart->append(m_cpuVcpus, s.timestampMs, s.cpuPercent);
    m_cpuChart->append(m_cpuHost, s.timestampMs, s.hostCpuPercent);
    m_memoryChart->append(m_memUsed, s.timestampMs, s.memoryUsedKiB * 1024.0);
    m_memoryChart->append(m_memAvailable, s.timestampMs, s.memoryAvailableKiB * 1024.0);
    m_diskChart->append(m_diskRead, s.timestampMs, s.diskReadBytesPerSec);
    m_diskChart->append(m_diskWrite, s.timestampMs, s.diskWriteBytesPerSec);
    m_netChart->append(m_netRx, s.timestampMs, s.netRxBytesPerSec);
    m_netChart->append(m_netTx, s.timestampMs, s.netTxBytesPerSec);
}

void VmPage::onSamples(const HostSample &host, const QList<VmSample> &vms)
{
    // Longer ranges refresh from the store at their own pace.
    if (host.uri != m_uri || m_historyBar->range() != HistoryRange::Hour)
        return;
    for (const VmSample &sample : vms) {
        if (sample.uuid == m_uuid)
            addSample(sample);
    }
}

void VmPage::onVmChanged(const QString &uri, const VmInfo &vm)
{
    if (uri == m_uri && vm.uuid == m_uuid)
        showInfo(vm);
}

void VmPage::onVmRemoved(const QString &uri, const QString &uuid)
{
    if (uri == m_uri && uuid == m_uuid)
        PageHeader::setState(m_state, tr("removed from the host"),
                             StateColors::forVm(VmState::NoState));
}

} // namespace Umbra
