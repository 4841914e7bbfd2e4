// The console against a live engine on the demo fleet (libvirt's test driver
// with simulated usage): the tree fills, a VM's charts fill, the filter works,
// the long history ranges draw envelopes from a month of stored history, an
// export writes CSV, the pools dialog, host pool line and VM customer save
// through the pool service into the database, and screenshots of each page
// in both themes at two window sizes are saved for a human to look at.

#include "../testtimescale.h"
#include "anomaliespanel.h"
#include "approvalspanel.h"
#include "auditpanel.h"
#include "automationdialog.h"
#include "balancersdialog.h"
#include "calendardialog.h"
#include "commandpalette.h"
#include "credentialdialog.h"
#include "demo/demofleet.h"
#include "demo/demohistory.h"
#include "elidedlabel.h"
#include "engine/engine.h"
#include "engine/lifecycleservice.h"
#include "engine/metricsservice.h"
#include "engine/policyservice.h"
#include "engine/poolservice.h"
#include "entitycharts.h"
#include "eventlogmodel.h"
#include "eventlogview.h"
#include "fleetactions.h"
#include "fleetmodel.h"
#include "fleetsortproxy.h"
#include "haproxyfixture.h"
#include "historybar.h"
#include "hostpage.h"
#include "hostsdialog.h"
#include "hoststatusbar.h"
#include "jobs/planstore.h"
#include "mainwindow.h"
#include "metricchart.h"
#include "migrate/migrationmanager.h"
#include "migrate/migrationplanner.h"
#include "migrationdialog.h"
#include "migrationspanel.h"
#include "overviewpage.h"
#include "pageheader.h"
#include "policy/proposal.h"
#include "policyreplaydialog.h"
#include "poolsdialog.h"
#include "prometheusdialog.h"
#include "shadow/shadowservice.h"
#include "shadowdialog.h"
#include "shadowspanel.h"
#include "shiftdialog.h"
#include "store/database.h"
#include "store/fleetrepository.h"
#include "store/samplestore.h"
#include "traffic/trafficservice.h"
#include "trafficmappingdialog.h"
#include "trafficmodel.h"
#include "trafficpage.h"
#include "validationschedulebox.h"
#include "vmpage.h"

#include <QAbstractButton>
#include <QAbstractItemModelTester>
#include <QApplication>
#include <QCategoryAxis>
#include <QChart>
#include <QCheckBox>
#include <QComboBox>
#include <QDateTime>
#include <QDialogButtonBox>
#include <QDir>
#include <QDockWidget>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QInputDialog>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QPainter>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QSqlError>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableWidget>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>
#include <QToolButton>
#include <QTreeView>
#include <QTreeWidget>
#include <QXmlStreamReader>
#include <algorithm>
#include <libvirt/libvirt.h>

using namespace Umbra;

namespace {

// Longer under a sanitizer, which runs the engine several times slower.
const int kStartTimeoutMs = Testing::scaledMs(30000);

QString artifactsDir()
{
    const QString fromEnv = qEnvironmentVariable("UMBRA_TEST_ARTIFACTS");
    return fromEnv.isEmpty() ? QStringLiteral(UMBRA_TEST_ARTIFACTS_DIR) : fromEnv;
}

// A host link whose storage pools know nothing of the VM's disks and call
// their directory local: the lab's situation, on the demo's hosts.
class UndecidedStorageLink final : public HypervisorLink
{
public:
    explicit UndecidedStorageLink(std::unique_ptr<HypervisorLink> inner)
        : m(std::move(inner))
    { }
    QString simulation() const override { return m->simulation(); }
    QString uri() const override { return m->uri(); }
    Result<HostFacts> host() override { return m->host(); }
    Result<HostAllocation> allocation() override { return m->allocation(); }
    Result<DomainFacts> domain(const QString &k) override { return m->domain(k); }
    Result<QString> domainXml(const QString &u, bool i) override { return m->domainXml(u, i); }
    Result<int> compareCpu(const QString &c, const QString &t) override
    {
        return m->compareCpu(c, t);
    }
    Result<bool> hasVolume(const QString &) override { return false; }
    Result<QString> volumePoolType(const QString &) override { return QStringLiteral("dir"); }
    Result<double> dirtyRate(const QString &u, int s) override { return m->dirtyRate(u, s); }
    Result<void> migrate(const QString &u, const MigrateParams &p) override
    {
        return m->migrate(u, p);
    }
    Result<JobStats> jobStats(const QString &u, bool c) override { return m->jobStats(u, c); }
    Result<void> abortJob(const QString &u) override { return m->abortJob(u); }
    Result<void> setMaxDowntime(const QString &u, int ms) override
    {
        return m->setMaxDowntime(u, ms);
    }
    Result<void> startPostCopy(const QString &u) override { return m->startPostCopy(u); }
    Result<void> define(const QString &x) override { return m->define(x); }
    Result<void> undefine(const QString &u) override { return m->undefine(u); }
    Result<void> start(const QString &u) override { return m->start(u); }
    Result<void> resume(const QString &u) override { return m->resume(u); }
    Result<void> destroy(const QString &u) override { return m->destroy(u); }
    Result<void> diskSnapshot(const QString &u, const QString &x, bool q) override
    {
        return m->diskSnapshot(u, x, q);
    }
    Result<void> commitActive(const QString &u, const QString &d, int t) override
    {
        return m->commitActive(u, d, t);
    }
    Result<void> removeVolume(const QString &p) override { return m->removeVolume(p); }
    Result<bool> agentPing(const QString &u, int t) override { return m->agentPing(u, t); }

private:
    std::unique_ptr<HypervisorLink> m;
};

constexpr qint64 kMinuteMs = 60 * 1000;
constexpr qint64 kDayMs = 24 * 60 * kMinuteMs;

// What a demo fleet file holds, enough to simulate its history.
struct FleetFile
{
    HostInfo host;
    QList<VmInfo> vms;
};

FleetFile readFleetFile(const QString &uri)
{
    FleetFile fleet;
    fleet.host.uri = uri;
    QFile file(uri.mid(int(qstrlen("test://"))));
    if (!file.open(QIODevice::ReadOnly))
        return fleet;
    QXmlStreamReader xml(&file);
    VmInfo *vm = nullptr; // the domain being read
    while (!xml.atEnd()) {
        const QXmlStreamReader::TokenType token = xml.readNext();
        if (token == QXmlStreamReader::EndElement && xml.name() == QLatin1String("domain"))
            vm = nullptr;
        if (token != QXmlStreamReader::StartElement)
            continue;
        const QString name = xml.name().toString();
        if (name == QLatin1String("domain")) {
            fleet.vms.append(VmInfo());
            vm = &fleet.vms.last();
            vm->state = VmState::Running;
        } else if (vm && name == QLatin1String("name")) {
            vm->name = xml.readElementText();
        } else if (vm && name == QLatin1String("uuid")) {
            vm->uuid = xml.readElementText();
        } else if (vm && name == QLatin1String("vcpu")) {
            vm->vcpus = xml.readElementText().toInt();
        } else if (vm && name == QLatin1String("memory")) {
            vm->memoryKiB = xml.readElementText().toULongLong() * 1024; // MiB in the demo files
        } else if (vm && name == QLatin1String("runstate")) {
            vm->state = VmState(xml.readElementText().toInt());
        } else if (!vm && name == QLatin1String("active")) {
            fleet.host.cpus = xml.readElementText().toInt();
        } else if (!vm && name == QLatin1String("memory")) {
            fleet.host.memoryKiB = xml.readElementText().toULongLong();
        }
    }
    return fleet;
}

// Thirty days of simulated history for a demo host and its VMs, written
// before the engine opens the file, as a month of collection would have left
// it (one host only: rolling up a month of every series of the fleet would
// take the test half a minute): rolled up, with ten hours when Umbra was not running twelve
// days ago, and the last hour at the demo's pace.
bool seedHistory(const QString &path, const QString &uri, QString *error)
{
    auto db = Database::open(path, QStringLiteral("seed-history"));
    if (!db) {
        *error = db.error();
        return false;
    }
    SampleStore store(db.value()->sql(), std::make_shared<Series::SeriesHeads>());
    const FleetFile fleet = readFleetFile(uri);
    if (fleet.vms.isEmpty()) {
        *error = QStringLiteral("no VMs read from ") + uri;
        return false;
    }

    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const qint64 recent = (now - 3600 * 1000) / kMinuteMs * kMinuteMs;
    const qint64 outageFrom = now - 12 * kDayMs;
    const qint64 outageTo = outageFrom + 10 * 60 * kMinuteMs;
    const auto commit = [&]() -> bool {
        QSqlDatabase &sql = db.value()->sql();
        if (!sql.transaction()) {
            *error = sql.lastError().text();
            return false;
        }
        auto flushed = store.flush();
        if (!flushed || !sql.commit()) {
            *error = flushed ? sql.lastError().text() : flushed.error();
            sql.rollback();
            store.rolledBack();
            return false;
        }
        store.committed();
        return true;
    };
    const auto write = [&](qint64 from, qint64 to, qint64 stepMs) -> bool {
        QList<VmSample> vmSamples;
        for (const VmInfo &vm : fleet.vms)
            vmSamples += DemoHistory::generate(vm, fleet.host.cpus, from, to, stepMs);
        const QList<HostSample> hostSamples
            = DemoHistory::generateHost(fleet.host, fleet.vms, from, to, stepMs);
        const auto appended = store.append(vmSamples, hostSamples);
        if (!appended) {
            *error = appended.error();
            return false;
        }
        return commit();
    };

    // A sample a minute, a day at a time to keep the batches small.
    const qint64 start = (now - 31 * kDayMs) / kMinuteMs * kMinuteMs;
    for (qint64 from = start; from < recent; from += kDayMs) {
        const qint64 to = std::min(from + kDayMs, recent) - 1;
        const qint64 step = kMinuteMs;
        if (to < outageFrom || from > outageTo) {
            if (!write(from, to, step))
                return false;
            continue;
        }
        if ((outageFrom > from && !write(from, outageFrom - 1, step))
            || (outageTo < to && !write(outageTo / step * step + step, to, step)))
            return false;
    }
    if (!write(recent, now - 1000, 15 * 1000))
        return false;

    QSqlDatabase &sql = db.value()->sql();
    if (!sql.transaction())
        return false;
    auto compacted = store.writer()->compactAll();
    if (!compacted || !sql.commit()) {
        *error = compacted ? sql.lastError().text() : compacted.error();
        sql.rollback();
        return false;
    }
    store.writer()->committed();
    return true;
}

// The horizontal axis a chart shows (the live one or the long-range one).
const QValueAxis *rangeAxisOf(const MetricChart *chart)
{
    for (QAbstractAxis *axis : chart->chart()->axes(Qt::Horizontal)) {
        if (axis->isVisible())
            return qobject_cast<QCategoryAxis *>(axis);
    }
    return nullptr;
}

bool fleetIsUp(const FleetModel &model)
{
    if (model.rowCount() < 3)
        return false;
    // Every host shows its VMs; the demo's standby host keeps shadows only.
    for (int row = 0; row < model.rowCount(); ++row) {
        const QModelIndex host = model.index(row, 0);
        if (model.rowCount(host) == 0
            && !host.data(FleetModel::UriRole).toString().contains(QLatin1String("standby")))
            return false;
    }
    return true;
}

} // namespace

class TestMainWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void fleetAppears();
    void selectingVmFillsCharts();
    void healthAndForecastsShow();
    void migrateDialogRanksTargets();
    void migrateDialogOffersStorageChoices();
    void demoMigrateCompletes();
    void knownEventsAreKept();
    void modelsPassTester();
    void filterKeepsMatches();
    void statusBarHasEveryHost();
    void learningProgressShowsWhenItTakesAWhile();
    void vmMenusOfferWhatTheStateAllows();
    void destructiveActionsAskFirst();
    void severalVmsAtOnceWithOneConfirmation();
    void demoConsoleSaysThereIsNoScreen();
    void hostMenuReconnects();
    void hostMaintenanceIsKeptAndShown();
    void commandPaletteFindsAndRuns();
    void hostsDialogExplainsBadUri();
    void loginDialogOffersToRemember();
    void prometheusDialogServesMetrics();
    void longRangeDrawsEnvelopes();
    void switchingRangesKeepsNewest();
    void exportWritesCsv();
    void hostPageShowsLongRange();
    void balancersDialogTestsSockets();
    void trafficPageShiftsDrainsAndRestores();
    void trafficPageShowsUnreadableBalancer();
    void vmPageShowsTrafficMapping();
    void poolsDialogRefusesDedicatedWithoutCustomer();
    void poolsDialogKeepsGeneral();
    void poolsDialogRoundTrips();
    void poolsDialogShowsSaveFailure();
    void readOnlyStoreDisablesPools();
    void hostPageShowsPool();
    void vmCustomerEditSaves();
    void screenshots_data();
    void screenshots();
    void untrustedNamesArePlainText();
    void demoShadowFromTheVmPage();
    void approvalQueueShowsTheEvacuation();
    void approvalQueueRefillsWhenShownAndAtMostOnceABurst();
    void automationDialogStoresLevels();
    void policyReplayShowsWhatThePolicyWouldHaveDone();
    void auditShowsEveryDecision();

private:
    QModelIndex runningVm() const;
    // Running VMs the other tests leave alone: not on the history host,
    // not the one the migration test moves.
    QList<FleetSubject> spareRunningVms(int count) const;
    VmState stateOf(const FleetSubject &vm) const;
    // The names of the entries of `menu`, as FleetActions names them.
    static QStringList entries(const QMenu &menu);
    // `dialog` over the window, at two sizes in both themes, as NAME-WxH-THEME.png.
    void saveOverWindow(QWidget *dialog, const QString &name);
    // The window, and `widget` alone when given, the same way.
    void saveWindow(const QString &name, QWidget *widget = nullptr, const QString &widgetName = {});

    QTemporaryDir m_dir;
    QString m_historyUri; // the host with a month of stored history
    std::unique_ptr<Engine> m_engine;
    std::unique_ptr<MainWindow> m_window;
    std::unique_ptr<TestSupport::HAProxyFixture> m_haproxy;
    QString m_vmUri;
    QString m_vmUuid;
};

void TestMainWindow::initTestCase()
{
    QVERIFY(m_dir.isValid());
    // Settings the console keeps (File → Prometheus…) go to a folder of the test's.
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope,
                       m_dir.filePath(QStringLiteral("config")));
    const auto demo = DemoFleet::install(m_dir.path());
    QVERIFY2(demo.ok(), qPrintable(demo.error()));
    const QString dbPath = m_dir.filePath(QStringLiteral("umbra.db"));
    QElapsedTimer seeding;
    seeding.start();
    QString seedError;
    m_historyUri = demo.value().first().uri;
    QVERIFY2(seedHistory(dbPath, m_historyUri, &seedError), qPrintable(seedError));
    qInfo("seeded 30 days of history in %lld ms", seeding.elapsed());

    m_engine = std::make_unique<Engine>();
    const Result<void> opened = m_engine->openStore(dbPath);
    QVERIFY2(opened.ok(), qPrintable(opened.error()));
    m_engine->setIntervalMs(200);
    for (const HostConfig &host : demo.value()) {
        const Result<void> added = m_engine->fleet()->addHost(host);
        QVERIFY2(added.ok(), qPrintable(added.error()));
    }
    m_engine->start();

    m_window = std::make_unique<MainWindow>(m_engine.get(), true);
    m_window->resize(1366, 768);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    QCOMPARE(m_window->windowTitle(), QStringLiteral("Umbra"));
}

void TestMainWindow::cleanupTestCase()
{
    m_window.reset();
    if (m_engine)
        m_engine->shutdown();
    m_engine.reset();
    m_haproxy.reset();
}

QModelIndex TestMainWindow::runningVm() const
{
    // On the host with a month of history, so the long ranges have something to show.
    const FleetModel *model = m_window->fleetModel();
    for (int host = 0; host < model->rowCount(); ++host) {
        const QModelIndex parent = model->index(host, 0);
        if (parent.data(FleetModel::UriRole).toString() != m_historyUri)
            continue;
        for (int row = 0; row < model->rowCount(parent); ++row) {
            const QModelIndex state = model->index(row, FleetModel::StateColumn, parent);
            if (VmState(state.data(FleetModel::RawValueRole).toInt()) == VmState::Running)
                return state.siblingAtColumn(FleetModel::NameColumn);
        }
    }
    return {};
}

void TestMainWindow::fleetAppears()
{
    QTRY_VERIFY_WITH_TIMEOUT(fleetIsUp(*m_window->fleetModel()), kStartTimeoutMs);
    // The tree shows hosts expanded, so VMs are visible without a click.
    const QAbstractItemModel *proxy = m_window->fleetView()->model();
    QVERIFY(m_window->fleetView()->isExpanded(proxy->index(0, 0)));
}

void TestMainWindow::selectingVmFillsCharts()
{
    QTRY_VERIFY_WITH_TIMEOUT(runningVm().isValid(), kStartTimeoutMs);
    const QModelIndex vm = runningVm();
    m_vmUri = vm.data(FleetModel::UriRole).toString();
    m_vmUuid = vm.data(FleetModel::UuidRole).toString();

    // Through the tree, as an operator would.
    const QModelIndex inTree = m_window->fleetProxy()->mapFromSource(vm);
    QVERIFY(inTree.isValid());
    m_window->fleetView()->setCurrentIndex(inTree);
    QCOMPARE(m_window->currentPage(), m_window->vmPage());
    QCOMPARE(m_window->vmPage()->uuid(), m_vmUuid);
    QTRY_VERIFY_WITH_TIMEOUT(m_window->vmPage()->pointCount() >= 2, kStartTimeoutMs);
    // Live CPU figures reach the tree too.
    QTRY_VERIFY_WITH_TIMEOUT(
        qIsFinite(
            vm.siblingAtColumn(FleetModel::CpuColumn).data(FleetModel::RawValueRole).toDouble()),
        kStartTimeoutMs);
}

void TestMainWindow::healthAndForecastsShow()
{
    QVERIFY(!m_vmUuid.isEmpty());
    const QModelIndex vm
        = m_window->fleetModel()->vmIndex(m_vmUri, m_vmUuid, FleetModel::HealthColumn);
    // Every sample is scored: the tree shows a number with its breakdown.
    QTRY_VERIFY_WITH_TIMEOUT(vm.data(FleetModel::RawValueRole).isValid(), kStartTimeoutMs);
    const int score = vm.data(FleetModel::RawValueRole).toInt();
    QVERIFY2(score >= 0 && score <= 100, qPrintable(QString::number(score)));
    QVERIFY(vm.data(Qt::ToolTipRole)
                .toString()
                .startsWith(QStringLiteral("Health %1 of 100").arg(score)));
    QVERIFY(!vm.data(Qt::DecorationRole).isNull());
    QTRY_VERIFY(m_window->vmPage()->healthText().startsWith(QStringLiteral("Health ")));

    // The hour shows the next quarter hour: the model learnt from the stored
    // history, so the forecast comes without waiting for new samples.
    MetricChart *cpu = m_window->vmPage()->charts().first();
    QTRY_VERIFY_WITH_TIMEOUT(cpu->forecastPointCount() > 0, kStartTimeoutMs);
    QVERIFY(cpu->axisEndMs() > QDateTime::currentMSecsSinceEpoch());
    QTRY_VERIFY(!m_window->vmPage()->forecastText().isEmpty());

    // The month reaches a week ahead from the five-minute model, primed from
    // the month of stored history.
    HistoryBar *range = m_window->vmPage()->historyBar();
    range->setRange(HistoryRange::Month);
    QTRY_VERIFY_WITH_TIMEOUT(!m_window->vmPage()->isLoadingHistory(), kStartTimeoutMs);
    QTRY_VERIFY_WITH_TIMEOUT(cpu->forecastPointCount() >= 288, kStartTimeoutMs);
    range->setRange(HistoryRange::Hour);
    QTRY_VERIFY(!m_window->vmPage()->isLoadingHistory());

    // Every entity scored so far is in the engine's reports, hosts included.
    const QList<HealthReport> reports = m_engine->prediction()->healthReports();
    QVERIFY(std::any_of(reports.cbegin(), reports.cend(),
                        [](const HealthReport &r) { return !r.isVm(); }));
}

void TestMainWindow::migrateDialogRanksTargets()
{
    QVERIFY(!m_vmUuid.isEmpty());
    MigrationDialog dialog(m_engine.get(), m_vmUri, m_vmUuid, m_window.get());
    // The hosts are asked for the preflight's own figure as the dialog opens.
    QTRY_VERIFY_WITH_TIMEOUT(dialog.isRanked(), 30000);
    const QStringList targets = dialog.targets();
    // Every other connected host, never the VM's own, in the order of
    // least-disruption placement.
    QCOMPARE(targets.size(), m_engine->fleet()->hosts().size() - 1);
    QVERIFY(!targets.contains(m_vmUri));
    // The test driver reports no free memory: the figure is what the
    // host's running VMs do not hold, less the host's reserve.
    const qint64 reserveKiB = MigrationOptions().targetReserveMiB * 1024;
    for (const QString &uri : targets) {
        qint64 held = 0;
        for (const VmInfo &vm : m_engine->fleet()->vms(uri))
            held += vmStateIsActive(vm.state) ? qint64(vm.memoryKiB) : 0;
        QCOMPARE(dialog.rankedUsableKiB(uri),
                 qint64(m_engine->fleet()->hostInfo(uri).memoryKiB) - held - reserveKiB);
    }
    for (qsizetype i = 1; i < targets.size(); ++i)
        QVERIFY(dialog.rankedScore(targets[i - 1]) >= dialog.rankedScore(targets[i]));
    // Each with its reasons, in words and numbers.
    const QString why = dialog.rankedReasons(targets.first()).join(u'\n');
    QVERIFY2(why.contains(QLatin1String("general pool")), qPrintable(why));
    QVERIFY2(why.contains(QLatin1String("Memory: ")), qPrintable(why));
    QVERIFY2(why.contains(QLatin1String("Health ")), qPrintable(why));
    QVERIFY(dialog.isSimulated());
    QVERIFY2(dialog.predictionText().startsWith(QStringLiteral("First estimate: about")),
             qPrintable(dialog.predictionText()));
    const MigrationRequest request = dialog.request();
    QCOMPARE(request.sourceUri, m_vmUri);
    QCOMPARE(request.targetUri, targets.first());
    QCOMPARE(request.vm, m_vmUuid);

    // Check plans the migration without changing anything. The preflight
    // judges the target by the figure the ranking showed, and the demo's
    // simulated link lets it go ahead; nothing moves before Migrate.
    QVERIFY(m_engine->migrations());
    dialog.check();
    QTRY_VERIFY_WITH_TIMEOUT(dialog.plan().id != 0, 30000);
    const Jobs::Plan plan = dialog.plan();
    QVERIFY2(plan.executable(), qPrintable(plan.refusal));
    QCOMPARE(plan.prediction.value(QLatin1String("targetUsableKiB")).toInteger(),
             dialog.rankedUsableKiB(request.targetUri));
    QVERIFY(dialog.isAwaitingApproval());
    QVERIFY(dialog.offeredChoices().isEmpty());
    QVERIFY2(dialog.logText().contains(stageLabel(MigrationStage::Preflight)),
             qPrintable(dialog.logText()));
    QVERIFY2(dialog.logText().contains(QLatin1String("Simulated migration")),
             qPrintable(dialog.logText()));
    QVERIFY2(dialog.predictionText().startsWith(QLatin1String("Simulated migration. Preflight "
                                                              "passed.")),
             qPrintable(dialog.predictionText()));
    const QList<VmInfo> stillThere = m_engine->fleet()->vms(m_vmUri);
    QVERIFY(std::any_of(stillThere.cbegin(), stillThere.cend(),
                        [this](const VmInfo &vm) { return vm.uuid == m_vmUuid; }));
    // Closing the dialog rejects the plan; it is kept with its decision.
    QSignalSpy decided(m_engine->migrations(), &MigrationManager::planDecided);
    dialog.reject();
    QTRY_COMPARE(decided.count(), 1);
    auto plans = Jobs::PlanStore::open(m_engine->storePath(), QStringLiteral("test-plans"));
    QVERIFY(plans);
    const auto stored = plans.value()->plan(plan.id);
    QVERIFY(stored);
    QCOMPARE(stored->state, Jobs::PlanState::Rejected);
    QCOMPARE(stored->subjectId, m_vmUuid);
}

void TestMainWindow::migrateDialogOffersStorageChoices()
{
    // Hosts whose pools cannot tell where the disks are, as in the lab.
    MigrationManager *manager = m_engine->migrations();
    const LinkFactory demoLinks = manager->links();
    manager->setLinks([demoLinks](const QString &uri) -> Result<std::unique_ptr<HypervisorLink>> {
        auto link = demoLinks(uri);
        if (!link)
            return link;
        return std::unique_ptr<HypervisorLink>(new UndecidedStorageLink(std::move(link.value())));
    });
    const auto restore = qScopeGuard([&] { manager->setLinks(demoLinks); });

    MigrationDialog dialog(m_engine.get(), m_vmUri, m_vmUuid, m_window.get());
    QTRY_VERIFY_WITH_TIMEOUT(dialog.isRanked(), 30000);
    QVERIFY(dialog.offeredChoices().isEmpty());
    QCOMPARE(dialog.request().options.storage, StorageMode::Auto);
    const auto checked = [&dialog] {
        const qint64 before = dialog.plan().id;
        dialog.check();
        return QTest::qWaitFor([&] { return dialog.plan().id != 0 && dialog.plan().id != before; },
                               30000);
    };

    // "auto" cannot tell: the reason, and the storage mode to choose.
    QVERIFY(checked());
    QVERIFY(!dialog.plan().executable());
    QCOMPARE(dialog.offeredChoices(),
             QStringList{ QLatin1String(MigrationPlanner::kNeedsStorageMode) });
    QCOMPARE(dialog.storageReason(), dialog.plan().refusal);
    QVERIFY2(dialog.predictionText().contains(QLatin1String("choose under Storage")),
             qPrintable(dialog.predictionText()));
    QVERIFY(!dialog.isAwaitingApproval());

    // Shared: libvirt would call the cached disk on a directory unsafe.
    dialog.setStorageMode(StorageMode::Shared);
    QVERIFY(checked());
    QVERIFY(!dialog.plan().executable());
    QVERIFY2(dialog.plan().refusal.contains(QLatin1String("unsafe")),
             qPrintable(dialog.plan().refusal));
    QCOMPARE(dialog.storageReason(), dialog.plan().refusal);
    QCOMPARE(dialog.offeredChoices(),
             (QStringList{ QLatin1String(MigrationPlanner::kNeedsStorageMode),
                           QLatin1String(MigrationPlanner::kNeedsUnsafe) }));

    // The dialog in this state, over the window, at two sizes in both themes.
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QVERIFY(QDir().mkpath(artifactsDir()));
    for (const bool dark : { false, true }) {
        m_window->setDarkTheme(dark);
        for (const QSize size : { QSize(1366, 768), QSize(1920, 1080) }) {
            m_window->resize(size);
            QTest::qWait(300);
            QPixmap shot = m_window->grab();
            const QPixmap over = dialog.grab();
            QVERIFY2(over.width() <= size.width() && over.height() <= size.height(),
                     qPrintable(QStringLiteral("%1x%2").arg(over.width()).arg(over.height())));
            QPainter painter(&shot);
            painter.fillRect(shot.rect(), QColor(0, 0, 0, 80));
            painter.drawPixmap((size.width() - over.width()) / 2,
                               (size.height() - over.height()) / 2, over);
            painter.end();
            const QString path = artifactsDir()
                + QStringLiteral("/migrate-dialog-%1x%2-%3.png")
                      .arg(size.width())
                      .arg(size.height())
                      .arg(dark ? QStringLiteral("dark") : QStringLiteral("light"));
            QVERIFY2(shot.save(path), qPrintable(path));
            qInfo("saved %s", qPrintable(path));
        }
    }
    m_window->setDarkTheme(false);
    m_window->resize(1366, 768);

    // With the override the plan can go ahead.
    dialog.setAllowUnsafe(true);
    QVERIFY(dialog.request().options.unsafe);
    QVERIFY(checked());
    QVERIFY2(dialog.plan().executable(), qPrintable(dialog.plan().refusal));
    QVERIFY(dialog.isAwaitingApproval());
    QVERIFY(dialog.logText().contains(QLatin1String("unsafe override")));
    dialog.reject();
}

void TestMainWindow::demoMigrateCompletes()
{
    // A running VM of another demo host than the one the other tests watch.
    QString uri, uuid, name;
    for (const HostConfig &host : m_engine->fleet()->hosts()) {
        if (host.uri == m_vmUri || !uuid.isEmpty())
            continue;
        for (const VmInfo &vm : m_engine->fleet()->vms(host.uri)) {
            if (vm.state == VmState::Running) {
                uri = host.uri;
                uuid = vm.uuid;
                name = vm.name;
                break;
            }
        }
    }
    QVERIFY(!uuid.isEmpty());
    const auto onHost = [this, &uuid](const QString &host) {
        const QList<VmInfo> vms = m_engine->fleet()->vms(host);
        return std::any_of(vms.cbegin(), vms.cend(), [&uuid](const VmInfo &vm) {
            return vm.uuid == uuid && vm.state == VmState::Running;
        });
    };

    // The VM page's Migrate… opens the dialog, as an operator would.
    m_window->showVm(uri, uuid);
    QPushButton *migrate = nullptr;
    for (QPushButton *button : m_window->vmPage()->findChildren<QPushButton *>())
        if (button->text() == QStringLiteral("Migrate…"))
            migrate = button;
    QVERIFY(migrate);
    migrate->click();
    MigrationDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = m_window->findChild<MigrationDialog *>()) != nullptr);
    QTRY_VERIFY_WITH_TIMEOUT(dialog->isRanked(), 30000);
    QVERIFY(dialog->isSimulated());
    const QString target = dialog->request().targetUri;
    QVERIFY(!target.isEmpty() && target != uri);
    dialog->check();
    QTRY_VERIFY_WITH_TIMEOUT(dialog->isAwaitingApproval(), 30000);

    QSignalSpy finished(m_engine->migrations(), &MigrationManager::jobFinished);
    QSignalSpy progress(m_engine->migrations(), &MigrationManager::progress);
    QPushButton *go = nullptr;
    for (QAbstractButton *button : dialog->findChild<QDialogButtonBox *>()->buttons())
        if (button->text() == QLatin1String("Migrate"))
            go = qobject_cast<QPushButton *>(button);
    QVERIFY(go && go->isEnabled());
    go->click();
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 60000);
    const auto record = finished.first().first().value<MigrationRecord>();
    QVERIFY2(record.outcome == MigrationOutcome::Completed, qPrintable(record.reason));
    QCOMPARE(record.vmUuid, uuid);
    QCOMPARE(record.targetUri, target);
    // The progress advanced over the simulated transfer.
    QVERIFY2(progress.count() >= 3, qPrintable(QString::number(progress.count())));
    const auto first = progress.first().first().value<MigrationProgress>();
    const auto last = progress.last().first().value<MigrationProgress>();
    QVERIFY(last.dataProcessed > first.dataProcessed);
    // The record says it was simulated, stage by stage.
    QStringList stages;
    for (const StageEvent &e : record.events)
        if (e.kind == QLatin1String("enter") && e.message.startsWith(QLatin1String("Simulated")))
            stages.append(stageKey(e.stage));
    QVERIFY2(stages.contains(QStringLiteral("transfer"))
                 && stages.contains(QStringLiteral("finalize")),
             qPrintable(stages.join(u' ')));
    // The console sees the VM where it went, and no longer where it was.
    QTRY_VERIFY_WITH_TIMEOUT(onHost(target), 30000);
    QTRY_VERIFY_WITH_TIMEOUT(!onHost(uri), 30000);
    const auto listed = [this, &uuid, &uri] {
        const QList<VmInfo> vms = m_engine->fleet()->vms(uri);
        return std::any_of(vms.cbegin(), vms.cend(),
                           [&uuid](const VmInfo &vm) { return vm.uuid == uuid; });
    };
    QTRY_VERIFY_WITH_TIMEOUT(!listed(), 30000);
    // The migrations panel lists it as simulated.
    QTableWidget *history = nullptr;
    for (QTableWidget *table : m_window->migrationsPanel()->findChildren<QTableWidget *>())
        if (table->columnCount() == 7 && table->horizontalHeaderItem(0)
            && table->horizontalHeaderItem(0)->text() == QLatin1String("Finished"))
            history = table;
    QVERIFY(history);
    QTRY_VERIFY(history->rowCount() >= 1 && history->item(0, 3)
                && history->item(0, 3)->text() == QLatin1String("Completed (simulated)"));
    qInfo("moved %s from %s to %s (simulated)", qPrintable(name), qPrintable(uri),
          qPrintable(target));
}

void TestMainWindow::knownEventsAreKept()
{
    CalendarDialog dialog(m_engine.get(), m_window->fleetModel(), m_window.get());
    QTableWidget *events = dialog.eventsView();
    const int before = events->rowCount();
    const qint64 start = QDateTime::currentMSecsSinceEpoch() + 3600 * 1000;
    dialog.setForm(QStringLiteral("nightly backup"), QStringLiteral("vm/") + m_vmUuid, start,
                   start + 2 * 3600 * 1000, Predict::CalendarEvent::Recurrence::Daily);
    QSignalSpy changed(m_engine->prediction(), &PredictionProxy::calendarChanged);
    dialog.add();
    QTRY_COMPARE(events->rowCount(), before + 1);
    QCOMPARE(events->item(before, 0)->text(), QStringLiteral("nightly backup"));
    QCOMPARE(events->item(before, 4)->text(), QStringLiteral("every day"));
    QCOMPARE(m_engine->prediction()->calendarEvents().size(), before + 1);
    QVERIFY(m_engine->prediction()->calendarEvents().last().appliesTo(QStringLiteral("vm/")
                                                                      + m_vmUuid));

    m_engine->prediction()->removeCalendarEvent(m_engine->prediction()->calendarEvents().last().id);
    QTRY_COMPARE(events->rowCount(), before);
}

void TestMainWindow::modelsPassTester()
{
    // Watch both models while live samples stream in for a while.
    QAbstractItemModelTester source(m_window->fleetModel(),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester proxy(m_window->fleetProxy(),
                                   QAbstractItemModelTester::FailureReportingMode::QtTest);
    QTest::qWait(1500);
}

void TestMainWindow::filterKeepsMatches()
{
    const QString name = m_window->fleetModel()->vmName(m_vmUuid);
    QVERIFY(!name.isEmpty());
    QLineEdit *filter = m_window->fleetFilter();
    filter->clear();
    QTest::keyClicks(filter, name.toUpper()); // case-insensitive

    const QAbstractItemModel *proxy = m_window->fleetView()->model();
    int vmRows = 0;
    QVERIFY(proxy->rowCount() >= 1);
    for (int host = 0; host < proxy->rowCount(); ++host) {
        const QModelIndex parent = proxy->index(host, 0);
        const bool hostMatches = parent.data().toString().contains(name, Qt::CaseInsensitive);
        for (int row = 0; row < proxy->rowCount(parent); ++row) {
            const QString vmName = proxy->index(row, 0, parent).data().toString();
            QVERIFY2(hostMatches || vmName.contains(name, Qt::CaseInsensitive), qPrintable(vmName));
            ++vmRows;
        }
    }
    QVERIFY(vmRows >= 1);
    QVERIFY(proxy->rowCount() < m_window->fleetModel()->rowCount() || vmRows < 4);

    filter->clear();
    QCOMPARE(proxy->rowCount(), m_window->fleetModel()->rowCount());
}

void TestMainWindow::statusBarHasEveryHost()
{
    QCOMPARE(m_window->hostStatusBar()->hostCount(), m_window->fleetModel()->rowCount());
    const QString uri = m_window->fleetModel()->index(0, 0).data(FleetModel::UriRole).toString();
    QTRY_VERIFY(
        m_window->hostStatusBar()->itemText(uri).contains(hostStateName(HostState::Connected)));
}

// The models' progress after a start: not shown for the moment a small
// fleet's take, shown once they take longer, gone when all are ready.
void TestMainWindow::learningProgressShowsWhenItTakesAWhile()
{
    auto *bar = m_window->findChild<QProgressBar *>(QStringLiteral("learningProgress"));
    QVERIFY(bar);
    PredictionProxy *prediction = m_engine->prediction();
    Q_EMIT prediction->learningProgress(1200, 9000);
    QVERIFY(!bar->isVisible());
    // The demo's own models report too until all of theirs have been ready
    // for two collections; this report goes on until it shows.
    const auto reported = [&] {
        Q_EMIT prediction->learningProgress(4500, 9000);
        return bar->isVisible();
    };
    QTRY_VERIFY_WITH_TIMEOUT(reported(), 15000);
    QCOMPARE(bar->text(),
             QStringLiteral("Models: %1 of %2 VMs ready")
                 .arg(QLocale().toString(4500), QLocale().toString(9000)));
    QVERIFY(m_window->grab().save(artifactsDir() + QStringLiteral("/learning-progress.png")));
    Q_EMIT prediction->learningProgress(9000, 9000);
    QVERIFY(!bar->isVisible());
}

QList<FleetSubject> TestMainWindow::spareRunningVms(int count) const
{
    QList<FleetSubject> found;
    const FleetState *fleet = m_engine->fleet()->state();
    for (const QString &uri : fleet->uris()) {
        if (uri == m_historyUri || uri.contains(QLatin1String("standby")))
            continue;
        for (const VmInfo &vm : fleet->vms(uri)) {
            if (vm.state == VmState::Running && vm.name != u"web03" && found.size() < count)
                found.append({ uri, vm.uuid });
        }
    }
    return found;
}

VmState TestMainWindow::stateOf(const FleetSubject &vm) const
{
    const auto info = m_engine->fleet()->state()->vm(vm.uri, vm.uuid);
    return info ? info->state : VmState::NoState;
}

QStringList TestMainWindow::entries(const QMenu &menu)
{
    QStringList names;
    for (const QAction *a : menu.actions()) {
        if (!a->isSeparator() && !a->objectName().isEmpty())
            names.append(a->objectName());
    }
    return names;
}

void TestMainWindow::vmMenusOfferWhatTheStateAllows()
{
    QTRY_VERIFY_WITH_TIMEOUT(spareRunningVms(1).size() == 1, kStartTimeoutMs);
    const FleetSubject vm = spareRunningVms(1).first();
    FleetActions *actions = m_window->fleetActions();
    QMenu running;
    actions->fillMenu(&running, { vm });
    QCOMPARE(entries(running),
             (QStringList{ QStringLiteral("shutdown"), QStringLiteral("reboot"),
                           QStringLiteral("pause"), QStringLiteral("force-off"),
                           QStringLiteral("reset"), QStringLiteral("autostart-on"),
                           QStringLiteral("console"), QStringLiteral("migrate") }));

    // Pause from the fleet tree's menu: the VM really pauses in libvirt's
    // test driver, the log says so, and the menu then offers Resume.
    QSignalSpy finished(m_engine->lifecycle(), &LifecycleService::finished);
    running.findChild<QAction *>(QStringLiteral("pause"))->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(stateOf(vm), VmState::Paused, 10000);
    QCOMPARE(finished.count(), 1);
    const auto record = finished.first().first().value<VmActionRecord>();
    QCOMPARE(record.outcome, Jobs::Outcome::Completed);
    QVERIFY2(record.message.contains(QLatin1String("(simulated)")), qPrintable(record.message));
    QTRY_VERIFY(m_window->statusBar()->currentMessage().contains(QLatin1String("paused")));
    const EventLogModel *log = m_window->eventLogView()->eventModel();
    // Beside libvirt's own "suspended" event, the action's outcome.
    auto actionEventRow = [log] {
        for (int row = 0; row < std::min(log->rowCount(), 10); ++row) {
            if (log->record(row).kind == QLatin1String("vm.pause.completed"))
                return row;
        }
        return -1;
    };
    QTRY_VERIFY(actionEventRow() >= 0);
    QCOMPARE(log->record(actionEventRow()).vmUuid, vm.uuid);
    {
        auto plans = Jobs::PlanStore::open(m_engine->storePath(), QStringLiteral("tst-lifecycle"));
        QVERIFY(plans.ok());
        auto plan = plans.value()->plan(record.planId);
        QVERIFY(plan.ok());
        QCOMPARE(plan->kind, QStringLiteral("vm.pause"));
        QCOMPARE(plan->state, Jobs::PlanState::Executed);
    }

    QMenu paused;
    actions->fillMenu(&paused, { vm });
    QCOMPARE(entries(paused),
             (QStringList{ QStringLiteral("resume"), QStringLiteral("force-off"),
                           QStringLiteral("reset"), QStringLiteral("autostart-on"),
                           QStringLiteral("console"), QStringLiteral("migrate") }));
    // The VM page's Actions button offers the same.
    m_window->showVm(vm.uri, vm.uuid);
    QMenu *pageMenu = m_window->vmPage()->actionsButton()->menu();
    QMetaObject::invokeMethod(pageMenu, "aboutToShow");
    QCOMPARE(entries(*pageMenu), entries(paused));
    saveOverWindow(pageMenu, QStringLiteral("vm-actions-menu"));
    pageMenu->findChild<QAction *>(QStringLiteral("resume"))->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(stateOf(vm), VmState::Running, 10000);

    // The event log's row of that VM opens its menu too.
    QMenu fromLog;
    const EventRecord event = log->record(std::max(actionEventRow(), 0));
    QCOMPARE(event.vmUuid, vm.uuid);
    actions->fillMenu(&fromLog, { { event.hostUri, event.vmUuid } });
    QVERIFY(entries(fromLog).contains(QStringLiteral("pause")));
}

void TestMainWindow::destructiveActionsAskFirst()
{
    const FleetSubject vm = spareRunningVms(1).value(0);
    QVERIFY(vm.isValid());
    const QString name = m_engine->fleet()->state()->vm(vm.uri, vm.uuid)->name;
    FleetActions *actions = m_window->fleetActions();
    QMenu menu;
    actions->fillMenu(&menu, { vm });
    menu.findChild<QAction *>(QStringLiteral("force-off"))->trigger();
    QPointer<QMessageBox> box = actions->lastBox();
    QVERIFY(box);
    QVERIFY2(box->windowTitle().contains(name), qPrintable(box->windowTitle()));
    QVERIFY2(box->text().contains(QLatin1String("is lost")), qPrintable(box->text()));
    QCOMPARE(box->defaultButton(), box->button(QMessageBox::Cancel));
    saveOverWindow(box, QStringLiteral("force-off-confirmation"));
    box->button(QMessageBox::Cancel)->click();
    QTest::qWait(300);
    QCOMPARE(stateOf(vm), VmState::Running); // cancelled: nothing was done

    actions->fillMenu(&menu, { vm });
    menu.findChild<QAction *>(QStringLiteral("force-off"))->trigger();
    box = actions->lastBox();
    QVERIFY(box);
    const auto buttons = box->buttons();
    QAbstractButton *confirm = nullptr;
    for (QAbstractButton *b : buttons) {
        if (box->buttonRole(b) == QMessageBox::AcceptRole)
            confirm = b;
    }
    QVERIFY(confirm);
    confirm->click();
    QTRY_COMPARE_WITH_TIMEOUT(stateOf(vm), VmState::ShutOff, 10000);

    // Off, it offers Start alone; the VM menu's shortcut starts it.
    QMenu off;
    actions->fillMenu(&off, { vm });
    QCOMPARE(entries(off),
             (QStringList{ QStringLiteral("start"), QStringLiteral("autostart-on"),
                           QStringLiteral("console"), QStringLiteral("migrate") }));
    QVERIFY(!off.findChild<QAction *>(QStringLiteral("migrate"))->isEnabled());
    m_window->showVm(vm.uri, vm.uuid);
    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    QAction *start = nullptr;
    for (QAction *a : actions->windowActions()) {
        if (a->objectName() == u"start")
            start = a;
    }
    QVERIFY(start);
    QTRY_VERIFY(start->isEnabled());
    QCOMPARE(start->shortcut(), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S));
    QTest::keySequence(m_window.get(), start->shortcut());
    QTRY_COMPARE_WITH_TIMEOUT(stateOf(vm), VmState::Running, 10000);
}

void TestMainWindow::severalVmsAtOnceWithOneConfirmation()
{
    const QList<FleetSubject> vms = spareRunningVms(2);
    QCOMPARE(vms.size(), 2);
    QTreeView *tree = m_window->fleetView();
    tree->selectionModel()->clearSelection();
    for (const FleetSubject &vm : vms) {
        const QModelIndex row = m_window->fleetProxy()->mapFromSource(
            m_window->fleetModel()->vmIndex(vm.uri, vm.uuid));
        tree->selectionModel()->select(row,
                                       QItemSelectionModel::Select | QItemSelectionModel::Rows);
    }
    QCOMPARE(m_window->fleetSelection().size(), 2);
    FleetActions *actions = m_window->fleetActions();
    QMenu menu;
    actions->fillMenu(&menu, m_window->fleetSelection());
    QAction *pause = menu.findChild<QAction *>(QStringLiteral("pause"));
    QVERIFY(pause);
    QVERIFY2(pause->text().contains(QLatin1String("2 of 2")), qPrintable(pause->text()));
    pause->trigger();
    QPointer<QMessageBox> box = actions->lastBox();
    QVERIFY(box);
    for (const FleetSubject &vm : vms)
        QVERIFY(box->text().contains(m_engine->fleet()->state()->vm(vm.uri, vm.uuid)->name));
    for (QAbstractButton *b : box->buttons()) {
        if (box->buttonRole(b) == QMessageBox::AcceptRole)
            b->click();
    }
    for (const FleetSubject &vm : vms)
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(vm), VmState::Paused, 10000);
    QTRY_VERIFY2(m_window->statusBar()->currentMessage().contains(QLatin1String("2 of 2 done")),
                 qPrintable(m_window->statusBar()->currentMessage()));
    // Mixed states: Resume applies to the paused one only.
    QMenu again;
    actions->fillMenu(&again, m_window->fleetSelection());
    again.findChild<QAction *>(QStringLiteral("resume"))->trigger();
    box = actions->lastBox();
    for (QAbstractButton *b : box->buttons()) {
        if (box->buttonRole(b) == QMessageBox::AcceptRole)
            b->click();
    }
    for (const FleetSubject &vm : vms)
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(vm), VmState::Running, 10000);
    tree->selectionModel()->clearSelection();
}

void TestMainWindow::demoConsoleSaysThereIsNoScreen()
{
    const FleetSubject vm = spareRunningVms(1).value(0);
    FleetActions *actions = m_window->fleetActions();
    QSignalSpy launched(actions, &FleetActions::consoleLaunched);
    QMenu menu;
    actions->fillMenu(&menu, { vm });
    QPointer<QMessageBox> before = actions->lastBox();
    menu.findChild<QAction *>(QStringLiteral("console"))->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(actions->lastBox() && actions->lastBox() != before, 10000);
    QVERIFY2(actions->lastBox()->text().contains(QLatin1String("no screen")),
             qPrintable(actions->lastBox()->text()));
    QCOMPARE(launched.count(), 0);
    actions->lastBox()->close();
}

void TestMainWindow::hostMenuReconnects()
{
    const FleetSubject vm = spareRunningVms(1).value(0);
    FleetActions *actions = m_window->fleetActions();
    QMenu menu;
    actions->fillMenu(&menu, { { vm.uri, {} } });
    QCOMPARE(entries(menu),
             (QStringList{ QStringLiteral("maintenance"), QStringLiteral("reconnect"),
                           QStringLiteral("remove") }));
    // The Host page's Actions button has the same.
    m_window->showHost(vm.uri);
    QMenu *pageMenu
        = m_window->hostPage()->findChild<QToolButton *>(QStringLiteral("actionsButton"))->menu();
    QMetaObject::invokeMethod(pageMenu, "aboutToShow");
    QCOMPARE(entries(*pageMenu), entries(menu));

    // A reconnection keeps a test-driver fleet as it was: the paused VM
    // stays paused rather than reloading from the file.
    m_engine->lifecycle()->run(actions->targets({ vm }), Lifecycle::VmAction::Pause);
    QTRY_COMPARE_WITH_TIMEOUT(stateOf(vm), VmState::Paused, 10000);
    QSignalSpy status(m_engine->fleet()->state(), &FleetState::hostStatusChanged);
    menu.findChild<QAction *>(QStringLiteral("reconnect"))->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            for (const QList<QVariant> &args : status) {
                const auto s = args.first().value<HostStatus>();
                if (s.uri == vm.uri && s.state == HostState::Connected)
                    return true;
            }
            return false;
        }(),
        10000);
    QCOMPARE(stateOf(vm), VmState::Paused);
    m_engine->lifecycle()->run(actions->targets({ vm }), Lifecycle::VmAction::Resume);
    QTRY_COMPARE_WITH_TIMEOUT(stateOf(vm), VmState::Running, 10000);
}

void TestMainWindow::hostMaintenanceIsKeptAndShown()
{
    const FleetSubject vm = spareRunningVms(1).value(0);
    FleetActions *actions = m_window->fleetActions();
    QMenu menu;
    actions->fillMenu(&menu, { { vm.uri, {} } });
    QAction *enter = menu.findChild<QAction *>(QStringLiteral("maintenance"));
    QCOMPARE(enter->text(), QStringLiteral("Enter Maintenance"));
    enter->trigger();
    const FleetState *fleet = m_engine->fleet()->state();
    QVERIFY(fleet->config(vm.uri).maintenance);
    // The tree, the host page and the log say so; the store keeps it.
    const QModelIndex hostRow
        = m_window->fleetModel()->hostIndex(vm.uri).siblingAtColumn(FleetModel::StateColumn);
    QTRY_COMPARE(hostRow.data().toString(), QStringLiteral("maintenance"));
    m_window->showHost(vm.uri);
    QTRY_VERIFY(m_window->hostPage()->poolText().startsWith(QLatin1String("In maintenance")));
    const EventLogModel *log = m_window->eventLogView()->eventModel();
    // Logged; other events of the busy demo fleet may come in after it.
    const auto logged = [log] {
        for (int row = 0; row < log->rowCount(); ++row)
            if (log->record(row).kind == u"host.maintenance.on")
                return true;
        return false;
    };
    QTRY_VERIFY_WITH_TIMEOUT(logged(), 10000);
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            auto db = Database::open(m_engine->storePath(), QStringLiteral("tst-maintenance"));
            if (!db)
                return false;
            auto hosts = FleetRepository(db.value()->sql()).hosts();
            return hosts && std::any_of(hosts->cbegin(), hosts->cend(), [&](const HostConfig &h) {
                       return h.uri == vm.uri && h.maintenance;
                   });
        }(),
        10000);
    saveWindow(QStringLiteral("host-maintenance"));

    QMenu again;
    actions->fillMenu(&again, { { vm.uri, {} } });
    QCOMPARE(again.findChild<QAction *>(QStringLiteral("maintenance"))->text(),
             QStringLiteral("Leave Maintenance"));
    again.findChild<QAction *>(QStringLiteral("maintenance"))->trigger();
    QVERIFY(!fleet->config(vm.uri).maintenance);
    QTRY_VERIFY(hostRow.data().toString() != QStringLiteral("maintenance"));
}

void TestMainWindow::commandPaletteFindsAndRuns()
{
    const FleetSubject vm = spareRunningVms(1).value(0);
    const QString name = m_engine->fleet()->state()->vm(vm.uri, vm.uuid)->name;
    QPointer<CommandPalette> palette = m_window->showCommandPalette();
    QVERIFY(palette);
    // Part of the name finds the VM; the whole name puts it first.
    palette->setQuery(name.mid(1, name.size() - 2));
    QVERIFY2(palette->shownTexts().contains(name), qPrintable(palette->shownTexts().join(u',')));
    palette->setQuery(name);
    QCOMPARE(palette->shownTexts().value(0), name);
    // Menu actions are there by name.
    palette->setQuery(QStringLiteral("dark theme"));
    QCOMPARE(palette->shownTexts().value(0), QStringLiteral("Dark Theme"));
    palette->setQuery(QStringLiteral("pause ") + name);
    QCOMPARE(palette->shownTexts().value(0), QStringLiteral("Pause ") + name);
    saveOverWindow(palette, QStringLiteral("command-palette"));
    QVERIFY(palette->runCurrent());
    QTRY_COMPARE_WITH_TIMEOUT(stateOf(vm), VmState::Paused, 10000);

    // Ctrl+K opens it; Enter runs what was typed.
    QTRY_VERIFY(!m_window->findChild<CommandPalette *>());
    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    QTest::keySequence(m_window.get(), QKeySequence(Qt::CTRL | Qt::Key_K));
    palette = m_window->findChild<CommandPalette *>();
    QTRY_VERIFY(palette && palette->isVisible());
    QTest::keyClicks(palette->input(), QStringLiteral("resume ") + name);
    QTest::keyClick(palette->input(), Qt::Key_Return);
    QTRY_COMPARE_WITH_TIMEOUT(stateOf(vm), VmState::Running, 10000);
    palette = m_window->findChild<CommandPalette *>();
    QTRY_VERIFY(!palette);
}

// libvirt asks for a login: the dialog offers to remember it only where a
// keyring is there, unticked, and hands back what was typed.
void TestMainWindow::loginDialogOffersToRemember()
{
    CredentialRequest request;
    request.uri = QStringLiteral("qemu+tcp://ops@kvm01.example.org/system");
    CredentialField name;
    name.type = VIR_CRED_AUTHNAME;
    name.prompt = QStringLiteral("Please enter your authentication name");
    name.defaultResult = QStringLiteral("ops");
    CredentialField password;
    password.type = VIR_CRED_PASSPHRASE;
    password.prompt = QStringLiteral("Please enter your password");
    password.secret = true;
    request.fields = { name, password };

    {
        CredentialDialog withoutKeyring(request, m_window.get());
        QVERIFY(!withoutKeyring.findChild<QCheckBox *>(QStringLiteral("remember")));
        QVERIFY(!withoutKeyring.remember());
    }

    request.canRemember = true;
    CredentialDialog dialog(request, m_window.get());
    auto *remember = dialog.findChild<QCheckBox *>(QStringLiteral("remember"));
    QVERIFY(remember);
    QVERIFY(!remember->isChecked()); // the operator's choice, never the default
    const QList<QLineEdit *> edits = dialog.findChildren<QLineEdit *>();
    QCOMPARE(edits.size(), 2);
    QCOMPARE(edits.at(0)->text(), QStringLiteral("ops"));
    QCOMPARE(edits.at(1)->echoMode(), QLineEdit::Password);
    edits.at(1)->setText(QStringLiteral("s3cret"));
    remember->setChecked(true);
    QVERIFY(dialog.remember());
    QCOMPARE(dialog.answers().at(1).result, QStringLiteral("s3cret"));

    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QVERIFY(QDir().mkpath(artifactsDir()));
    QVERIFY(dialog.grab().save(artifactsDir() + QStringLiteral("/login-dialog.png")));
}

void TestMainWindow::hostsDialogExplainsBadUri()
{
    HostsDialog dialog(m_engine.get(), m_window.get());
    dialog.uriEdit()->setText(QStringLiteral("qemu+ssh:///system"));
    QVERIFY(!dialog.addFromField());
    QVERIFY(!dialog.errorText().isEmpty());
    dialog.uriEdit()->setText(QStringLiteral("not a uri"));
    QVERIFY(dialog.errorText().isEmpty()); // editing clears the old verdict
    QVERIFY(!dialog.addFromField());
    QVERIFY(dialog.errorText().contains(QStringLiteral("not a uri")));

    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QVERIFY(QDir().mkpath(artifactsDir()));
    QVERIFY(dialog.grab().save(artifactsDir() + QStringLiteral("/hosts-dialog.png")));
    QCOMPARE(m_engine->fleet()->hosts().size(), m_window->fleetModel()->rowCount());
}

// File → Prometheus…: an address that is not one is explained and nothing
// changes; a good one starts /metrics at once, is kept for the next start,
// and unticking stops it.
void TestMainWindow::prometheusDialogServesMetrics()
{
    auto *dialog = qobject_cast<PrometheusDialog *>(m_window->showPrometheusDialog());
    QVERIFY(dialog);
    QVERIFY(!dialog->serveBox()->isChecked());
    QVERIFY(!dialog->addressEdit()->isEnabled());
    dialog->serveBox()->setChecked(true);
    dialog->addressEdit()->setText(QStringLiteral("kvm01:9464"));
    dialog->accept();
    QVERIFY(dialog->isVisible());
    QVERIFY2(dialog->errorText().contains(u"kvm01"), qPrintable(dialog->errorText()));
    QVERIFY(!m_engine->metrics()->isServing());

    const quint16 port = TestSupport::freePort();
    dialog->addressEdit()->setText(QString::number(port));
    QVERIFY(QTest::qWaitForWindowExposed(dialog));
    QVERIFY(QDir().mkpath(artifactsDir()));
    QVERIFY(dialog->grab().save(artifactsDir() + QStringLiteral("/prometheus-dialog.png")));
    QSignalSpy listening(m_engine->metrics(), &MetricsService::listening);
    QSignalSpy published(m_engine->metrics(), &MetricsService::published);
    dialog->accept();
    QVERIFY(listening.wait(5000));
    // Until its first snapshot is rendered (on its own thread) the page is
    // a 503 saying so; a scraper would find it at its next visit.
    QTRY_VERIFY_WITH_TIMEOUT(!published.isEmpty(), 5000);
    QCOMPARE(m_engine->metrics()->address().port, port);
    QCOMPARE(QSettings().value(QLatin1String(PrometheusDialog::kSettingsKey)).toString(),
             QString::number(port));
    QTcpSocket scrape;
    scrape.connectToHost(QHostAddress::LocalHost, port);
    QVERIFY(scrape.waitForConnected(2000));
    scrape.write("GET /metrics HTTP/1.0\r\n\r\n");
    QByteArray page;
    while (scrape.waitForReadyRead(3000))
        page += scrape.readAll();
    QVERIFY2(page.contains("umbra_build_info"), page.left(200).constData());

    auto *again = qobject_cast<PrometheusDialog *>(m_window->showPrometheusDialog());
    QVERIFY(again->serveBox()->isChecked());
    again->serveBox()->setChecked(false);
    again->accept();
    QVERIFY(!m_engine->metrics()->isServing());
    QVERIFY(!QSettings().contains(QLatin1String(PrometheusDialog::kSettingsKey)));
}

void TestMainWindow::longRangeDrawsEnvelopes()
{
    QVERIFY(!m_vmUuid.isEmpty());
    m_window->showVm(m_vmUri, m_vmUuid);
    VmPage *page = m_window->vmPage();
    QTRY_VERIFY(!page->isLoadingHistory());

    // As an operator would: a click on "30 days".
    QTest::mouseClick(page->historyBar()->rangeButton(HistoryRange::Month), Qt::LeftButton);
    QCOMPARE(page->historyBar()->range(), HistoryRange::Month);
    QTRY_VERIFY_WITH_TIMEOUT(!page->isLoadingHistory(), kStartTimeoutMs);
    const QList<MetricChart *> charts = page->charts();
    QCOMPARE(charts.size(), 4);
    for (MetricChart *chart : charts) {
        QVERIFY2(chart->showsEnvelopes(), qPrintable(chart->title()));
        // Drawn at the chart's next (coalesced) refresh.
        QTRY_VERIFY2(chart->envelopePointCount() > 0, qPrintable(chart->title()));
        const int plotWidth = int(chart->chart()->plotArea().width());
        QVERIFY(plotWidth > 100);
        // At most a point per pixel, and the month fills most of the plot: the
        // chart reads the rollups of older history, not only the last hour.
        QVERIFY2(chart->largestEnvelope() <= plotWidth,
                 qPrintable(QStringLiteral("%1: %2 points on %3 px")
                                .arg(chart->title())
                                .arg(chart->largestEnvelope())
                                .arg(plotWidth)));
        QVERIFY2(chart->largestEnvelope() > plotWidth / 2,
                 qPrintable(QStringLiteral("%1: %2 points on %3 px")
                                .arg(chart->title())
                                .arg(chart->largestEnvelope())
                                .arg(plotWidth)));
        const QValueAxis *axis = rangeAxisOf(chart);
        QVERIFY(axis);
        // A month of history and the week ahead that its forecast reaches.
        QCOMPARE(qint64(axis->max() - axis->min()),
                 30 * kDayMs + EntityCharts::futureSpanMs(HistoryRange::Month));
    }
    // The forecast arrives on its own and may widen the value axis (and so
    // the plot); once both have settled the chart holds still.
    QTRY_VERIFY_WITH_TIMEOUT(charts.first()->forecastPointCount() > 0, kStartTimeoutMs);
    QTest::qWait(800);
    QTRY_VERIFY(!page->isLoadingHistory());
    // Live samples (one a second) do not move a long-range chart; the next
    // refresh does. On a loaded machine a late answer may still redraw it
    // once, so the chart must hold still for a whole second within ten.
    bool heldStill = false;
    for (int attempt = 0; attempt < 10 && !heldStill; ++attempt) {
        const int before = charts.first()->envelopePointCount();
        QTest::qWait(1000);
        heldStill = charts.first()->envelopePointCount() == before;
    }
    QVERIFY2(heldStill, "the month's chart redraws with every live sample");

    // Back to the live hour: a scrolling chart that fills with samples again.
    page->historyBar()->setRange(HistoryRange::Hour);
    QTRY_VERIFY(!page->isLoadingHistory());
    for (MetricChart *chart : charts) {
        QVERIFY(!chart->showsEnvelopes());
        QCOMPARE(chart->envelopePointCount(), 0);
    }
    QTRY_VERIFY(page->pointCount() >= 2);
}

void TestMainWindow::switchingRangesKeepsNewest()
{
    VmPage *page = m_window->vmPage();
    QCOMPARE(m_window->currentPage(), page);
    // The month's answers are still on their way when the day is asked for;
    // they must not land on the day's axis.
    page->historyBar()->setRange(HistoryRange::Month);
    page->historyBar()->setRange(HistoryRange::Day);
    QTRY_VERIFY_WITH_TIMEOUT(!page->isLoadingHistory(), kStartTimeoutMs);
    QTest::qWait(300);
    for (MetricChart *chart : page->charts()) {
        const QValueAxis *axis = rangeAxisOf(chart);
        QVERIFY(axis);
        QCOMPARE(qint64(axis->max() - axis->min()),
                 kDayMs + EntityCharts::futureSpanMs(HistoryRange::Day));
        QTRY_VERIFY(chart->envelopePointCount() > 0);
    }
    page->historyBar()->setRange(HistoryRange::Hour);
    QTRY_VERIFY(!page->isLoadingHistory());
}

void TestMainWindow::exportWritesCsv()
{
    VmPage *page = m_window->vmPage();
    HistoryBar *bar = page->historyBar();
    QVERIFY(bar->exportButton()->isEnabled());
    const QString name = m_window->fleetModel()->vmName(m_vmUuid);
    QVERIFY(QFileInfo(bar->defaultExportPath()).fileName().startsWith(name + u'-'));
    QVERIFY(bar->defaultExportPath().endsWith(QStringLiteral(".csv")));

    bar->setRange(HistoryRange::Week);
    QSignalSpy finished(bar, &HistoryBar::exportFinished);
    const QString path = m_dir.filePath(QStringLiteral("export/vm-week.csv"));
    QVERIFY(QDir().mkpath(QFileInfo(path).path()));
    bar->exportTo(path);
    QVERIFY(bar->isExporting());
    QVERIFY(!bar->exportButton()->isEnabled());
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, kStartTimeoutMs);
    QCOMPARE(finished.first().first().toString(), QString());
    QVERIFY(!bar->isExporting());
    QVERIFY(bar->statusText().contains(QStringLiteral("vm-week.csv")));

    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray header = file.readLine();
    QVERIFY2(header.startsWith("time,"), header.constData());
    QVERIFY(header.contains("cpu"));
    // The selected week, not only the live hour: the export holds the raw
    // samples, which the store keeps for the last 48 hours.
    const QByteArray first = file.readLine();
    const QDateTime firstTime = QDateTime::fromString(
        QString::fromLatin1(first.left(first.indexOf(','))), Qt::ISODateWithMs);
    QVERIFY2(firstTime.isValid(), first.constData());
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    QVERIFY(firstTime.toMSecsSinceEpoch() >= now - 7 * kDayMs - kMinuteMs);
    QVERIFY(firstTime.toMSecsSinceEpoch() < now - kDayMs);
    int rows = 1;
    while (!file.atEnd() && file.readLine().size() > 1)
        ++rows;
    QVERIFY(rows > 24 * 60);

    // A path that cannot be written is reported, not thrown away.
    finished.clear();
    bar->exportTo(m_dir.filePath(QStringLiteral("no-such-dir/x.csv")));
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, kStartTimeoutMs);
    QVERIFY(!finished.first().first().toString().isEmpty());
    QVERIFY(bar->statusText().contains(QStringLiteral("failed")));
    QVERIFY(bar->exportButton()->isEnabled());
    // The warning is window-modal (open(), not exec()), so the test goes on; close it.
    const auto warning = [] {
        for (QWidget *widget : QApplication::topLevelWidgets()) {
            if (auto *box = qobject_cast<QMessageBox *>(widget); box && box->isVisible())
                return box;
        }
        return static_cast<QMessageBox *>(nullptr);
    };
    QTRY_VERIFY(warning());
    QVERIFY(warning()->informativeText() == finished.first().first().toString());
    warning()->close();
    // and the next export goes through as usual.
    finished.clear();
    bar->exportTo(path);
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, kStartTimeoutMs);
    QCOMPARE(finished.first().first().toString(), QString());
    QVERIFY(bar->statusText().contains(QStringLiteral("vm-week.csv")));
    bar->setRange(HistoryRange::Hour);
    QTRY_VERIFY(!page->isLoadingHistory());
}

void TestMainWindow::hostPageShowsLongRange()
{
    m_window->showHost(m_vmUri);
    HostPage *page = m_window->hostPage();
    page->historyBar()->setRange(HistoryRange::Week);
    QTRY_VERIFY_WITH_TIMEOUT(!page->isLoadingHistory(), kStartTimeoutMs);
    for (MetricChart *chart : page->charts()) {
        QVERIFY(chart->showsEnvelopes());
        QTRY_VERIFY(chart->envelopePointCount() > 0);
        QVERIFY(chart->largestEnvelope() <= int(chart->chart()->plotArea().width()));
    }

    QSignalSpy finished(page->historyBar(), &HistoryBar::exportFinished);
    const QString path = m_dir.filePath(QStringLiteral("export/host-week.csv"));
    page->historyBar()->exportTo(path);
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, kStartTimeoutMs);
    QCOMPARE(finished.first().first().toString(), QString());
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(file.readLine().startsWith("time,"));

    page->historyBar()->setRange(HistoryRange::Hour);
    QTRY_VERIFY(!page->isLoadingHistory());
    QTRY_VERIFY(page->pointCount() >= 1);
}

namespace {

// The shares the Traffic page shows, server by server: "a 50.0 % b 50.0 %".
QString shares(const TrafficModel *model)
{
    QStringList parts;
    for (int row = 0; row < model->rowCount(); ++row)
        parts.append(model->index(row, TrafficModel::ServerColumn).data().toString() + u' '
                     + model->index(row, TrafficModel::ShareColumn).data().toString());
    return parts.join(u' ');
}

int inForceRows(const QTableWidget *history)
{
    int rows = 0;
    for (int row = 0; row < history->rowCount(); ++row) {
        const QTableWidgetItem *state = history->item(row, 4);
        rows += state && state->font().bold() ? 1 : 0;
    }
    return rows;
}

} // namespace

void TestMainWindow::balancersDialogTestsSockets()
{
    if (!TestSupport::HAProxyFixture::available())
        QSKIP("haproxy is not installed");
    Traffic::TrafficService *traffic = m_engine->traffic();
    QVERIFY(traffic);
    m_haproxy = std::make_unique<TestSupport::HAProxyFixture>();
    QVERIFY(m_haproxy->waitUp());

    auto *dialog = qobject_cast<BalancersDialog *>(m_window->showBalancersDialog());
    QVERIFY(dialog);
    QSignalSpy tested(dialog, &BalancersDialog::tested);

    // A form error is said where it was made, and nothing is stored.
    dialog->nameEdit()->setText(QStringLiteral("lab"));
    dialog->addressEdit()->setText(QStringLiteral("relative/admin.sock"));
    QVERIFY(!dialog->saveFromFields());
    QVERIFY(!dialog->statusText().isEmpty());
    QVERIFY(!traffic->balancer(QStringLiteral("lab")));

    // The user-level socket answers, but cannot change weights.
    dialog->addressEdit()->setText(m_haproxy->userSocket());
    QVERIFY(dialog->testFields());
    QTRY_COMPARE_WITH_TIMEOUT(tested.count(), 1, 10000);
    QCOMPARE(tested.last().first().toBool(), false);
    QVERIFY(!dialog->lastTestPassed());
    QVERIFY2(dialog->statusText().contains(QLatin1String("admin"), Qt::CaseInsensitive),
             qPrintable(dialog->statusText()));

    // The admin socket passes, and is stored by the service.
    dialog->addressEdit()->setText(m_haproxy->adminSocket());
    QVERIFY(dialog->testFields());
    QTRY_COMPARE_WITH_TIMEOUT(tested.count(), 2, 10000);
    QVERIFY2(dialog->lastTestPassed(), qPrintable(dialog->statusText()));
    QVERIFY(dialog->saveFromFields());
    QVERIFY(traffic->balancer(QStringLiteral("lab")));
    QCOMPARE(dialog->list()->topLevelItemCount(), 1);

    // Editing: the same name with the admin TCP socket replaces the address.
    dialog->list()->setCurrentItem(dialog->list()->topLevelItem(0));
    QCOMPARE(dialog->nameEdit()->text(), QStringLiteral("lab"));
    const QString tcp = QStringLiteral("127.0.0.1:%1").arg(m_haproxy->adminTcpPort());
    dialog->addressEdit()->setText(tcp);
    QVERIFY(dialog->saveFromFields());
    QCOMPARE(traffic->balancer(QStringLiteral("lab"))->address, tcp);
    QCOMPARE(dialog->list()->topLevelItemCount(), 1);
    QVERIFY(dialog->testFields());
    QTRY_COMPARE_WITH_TIMEOUT(tested.count(), 3, 10000);
    QVERIFY2(dialog->lastTestPassed(), qPrintable(dialog->statusText()));
    QVERIFY(QDir().mkpath(artifactsDir()));
    QVERIFY(dialog->grab().save(artifactsDir() + QStringLiteral("/balancers-dialog.png")));
    dialog->close();
}

void TestMainWindow::trafficPageShiftsDrainsAndRestores()
{
    if (!m_haproxy)
        QSKIP("needs the load balancer of balancersDialogTestsSockets");
    Traffic::TrafficService *traffic = m_engine->traffic();
    m_window->showTraffic();
    TrafficPage *page = m_window->trafficPage();
    QCOMPARE(m_window->currentPage(), page);
    traffic->refresh();
    QTRY_COMPARE_WITH_TIMEOUT(page->model()->rowCount(), 2, 10000);
    page->select(QStringLiteral("lab"), QStringLiteral("be"));
    QTRY_COMPARE(shares(page->model()), QStringLiteral("a 100.0 % b 0.0 %"));
    QVERIFY(page->errorText().isEmpty());
    QCOMPARE(page->selectedServer(), QStringLiteral("a"));
    QVERIFY(page->shiftButton()->isEnabled());

    // Shift: plan, show the plan, approve and execute.
    QSignalSpy finished(traffic, &Traffic::TrafficService::actionFinished);
    QSignalSpy progress(traffic, &Traffic::TrafficService::progress);
    auto *shift = qobject_cast<ShiftDialog *>(m_window->showShiftDialog(
        QStringLiteral("lab"), QStringLiteral("be"), QStringLiteral("a")));
    QVERIFY(shift);
    shift->setTo(QStringLiteral("b"));
    shift->setPercent(50);
    shift->setHoldMs(200);
    QCOMPARE(shift->request().from, QStringLiteral("a"));
    QCOMPARE(shift->request().to, QStringLiteral("b"));
    QCOMPARE(shift->request().steps, (QList<double>{ 5, 25, 50, 100 }));
    shift->check();
    QTRY_VERIFY_WITH_TIMEOUT(shift->plan().id != 0, 10000);
    QVERIFY2(shift->isAwaitingApproval(), qPrintable(shift->verdictText()));
    QVERIFY2(shift->logText().contains(QLatin1String("Step 3")), qPrintable(shift->logText()));
    QVERIFY(shift->logText().contains(QLatin1String("roundrobin")));
    QVERIFY(!shift->logText().contains(QLatin1String("Step 4"))); // 100 is past the goal
    QVERIFY(shift->verdictText().contains(QLatin1String("3 step")));
    const qint64 planId = shift->plan().id;
    shift->accept();
    QTRY_VERIFY_WITH_TIMEOUT(page->runningView()->rowCount() == 1 || finished.count() == 1, 10000);
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 20000);
    QVERIFY(!progress.isEmpty());
    QCOMPARE(finished.last().at(1).value<Jobs::Outcome>(), Jobs::Outcome::Completed);
    QCOMPARE(page->runningView()->rowCount(), 0);
    {
        auto plans = Jobs::PlanStore::open(m_engine->storePath(), QStringLiteral("tst-shift"));
        QVERIFY(plans.ok());
        auto stored = plans.value()->plan(planId);
        QVERIFY(stored.ok());
        QCOMPARE(stored.value().decidedBy, QStringLiteral("operator"));
    }
    QTRY_COMPARE_WITH_TIMEOUT(shares(page->model()), QStringLiteral("a 50.0 % b 50.0 %"), 10000);
    QTRY_COMPARE(inForceRows(page->historyView()), 1);
    QVERIFY(page->noteText().contains(Jobs::outcomeLabel(Jobs::Outcome::Completed)));

    // Drain a: b takes everything, the drain is in force beside the shift.
    page->selectServer(QStringLiteral("a"));
    QVERIFY(page->drainButton()->isEnabled());
    page->drainButton()->click();
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 2, 30000);
    QCOMPARE(finished.last().at(1).value<Jobs::Outcome>(), Jobs::Outcome::Completed);
    QTRY_COMPARE_WITH_TIMEOUT(page->model()->index(0, TrafficModel::StateColumn).data().toString(),
                              QStringLiteral("DRAIN"), 10000);
    QCOMPARE(m_haproxy->statusOf("a"), QByteArray("DRAIN"));
    QTRY_COMPARE(inForceRows(page->historyView()), 2);

    // Restore puts back what both found.
    page->selectServer(QStringLiteral("a"));
    page->restoreButton()->click();
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 3, 30000);
    QCOMPARE(finished.last().at(1).value<Jobs::Outcome>(), Jobs::Outcome::Completed);
    QTRY_COMPARE_WITH_TIMEOUT(shares(page->model()), QStringLiteral("a 100.0 % b 0.0 %"), 10000);
    QTRY_COMPARE(m_haproxy->statusOf("a"), QByteArray("UP"));
    QTRY_COMPARE(inForceRows(page->historyView()), 0);

    // A shift cancelled at its first step goes back to the weights found.
    shift = qobject_cast<ShiftDialog *>(m_window->showShiftDialog(
        QStringLiteral("lab"), QStringLiteral("be"), QStringLiteral("a")));
    shift->setTo(QStringLiteral("b"));
    shift->setPercent(100);
    shift->setHoldMs(20000);
    shift->check();
    QTRY_VERIFY_WITH_TIMEOUT(shift->isAwaitingApproval(), 10000);
    shift->accept();
    QTRY_COMPARE_WITH_TIMEOUT(page->runningView()->rowCount(), 1, 10000);
    QTRY_VERIFY_WITH_TIMEOUT(!m_haproxy->cli("get weight be/b").startsWith("0"), 10000);
    QVERIFY(QDir().mkpath(artifactsDir()));
    page->grab().save(artifactsDir() + QStringLiteral("/traffic-running.png"));
    auto *cancel = qobject_cast<QPushButton *>(page->runningView()->cellWidget(0, 5));
    QVERIFY(cancel);
    cancel->click();
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 4, 20000);
    QCOMPARE(finished.last().at(1).value<Jobs::Outcome>(), Jobs::Outcome::Cancelled);
    QCOMPARE(page->runningView()->rowCount(), 0);
    QTRY_COMPARE_WITH_TIMEOUT(shares(page->model()), QStringLiteral("a 100.0 % b 0.0 %"), 10000);
}

void TestMainWindow::trafficPageShowsUnreadableBalancer()
{
    Traffic::TrafficService *traffic = m_engine->traffic();
    QVERIFY(traffic);
    const QString socket = m_dir.filePath(QStringLiteral("nobody-listens.sock"));
    traffic->saveBalancer(Traffic::Balancer::make(QStringLiteral("gone"), socket).value());
    m_window->showTraffic();
    TrafficPage *page = m_window->trafficPage();
    traffic->refresh();
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            page->select(QStringLiteral("gone"));
            return !page->errorText().isEmpty();
        }(),
        10000);
    QVERIFY2(page->errorText().contains(socket), qPrintable(page->errorText()));
    QCOMPARE(page->model()->rowCount(), 0);
    QVERIFY(!page->drainButton()->isEnabled());
    QVERIFY(page->grab().save(artifactsDir() + QStringLiteral("/traffic-unreadable.png")));
    traffic->removeBalancer(QStringLiteral("gone"));
}

void TestMainWindow::vmPageShowsTrafficMapping()
{
    if (!m_haproxy)
        QSKIP("needs the load balancer of balancersDialogTestsSockets");
    QVERIFY(!m_vmUuid.isEmpty());
    Traffic::TrafficService *traffic = m_engine->traffic();
    m_window->showVm(m_vmUri, m_vmUuid);
    VmPage *page = m_window->vmPage();
    traffic->refresh();
    QTRY_VERIFY_WITH_TIMEOUT(page->trafficText().contains(QLatin1String("not a server")), 10000);

    auto *dialog = qobject_cast<TrafficMappingDialog *>(
        m_window->showTrafficMappingDialog(m_vmUuid, QStringLiteral("vm")));
    QVERIFY(dialog);
    QTRY_VERIFY(dialog->servers().contains(QStringLiteral("be/b")));
    dialog->choose(QStringLiteral("lab"), QStringLiteral("be"), QStringLiteral("b"));
    dialog->setMapping();
    QCOMPARE(traffic->serversOf(m_vmUuid, QString()).size(), 1);
    QTRY_VERIFY2(page->trafficText().contains(QLatin1String("lab be/b (mapped)")),
                 qPrintable(page->trafficText()));
    QVERIFY2(page->trafficText().contains(QLatin1String("a 100.0 %, b 0.0 %")),
             qPrintable(page->trafficText()));
    QVERIFY(m_window->grab().save(artifactsDir() + QStringLiteral("/vm-traffic.png")));
    dialog->clearMapping();
    QVERIFY(traffic->serversOf(m_vmUuid, QString()).isEmpty());
    QTRY_VERIFY(page->trafficText().contains(QLatin1String("not a server")));
    dialog->close();
}

void TestMainWindow::saveOverWindow(QWidget *dialog, const QString &name)
{
    QVERIFY(QDir().mkpath(artifactsDir()));
    for (const bool dark : { false, true }) {
        m_window->setDarkTheme(dark);
        for (const QSize size : { QSize(1366, 768), QSize(1920, 1080) }) {
            m_window->resize(size);
            QTest::qWait(300);
            QPixmap shot = m_window->grab();
            const QPixmap over = dialog->grab();
            QVERIFY2(over.width() <= size.width() && over.height() <= size.height(),
                     qPrintable(QStringLiteral("%1x%2").arg(over.width()).arg(over.height())));
            QPainter painter(&shot);
            painter.fillRect(shot.rect(), QColor(0, 0, 0, 80));
            painter.drawPixmap((size.width() - over.width()) / 2,
                               (size.height() - over.height()) / 2, over);
            painter.end();
            const QString path = artifactsDir()
                + QStringLiteral("/%1-%2x%3-%4.png")
                      .arg(name)
                      .arg(size.width())
                      .arg(size.height())
                      .arg(dark ? QStringLiteral("dark") : QStringLiteral("light"));
            QVERIFY2(shot.save(path), qPrintable(path));
            qInfo("saved %s", qPrintable(path));
        }
    }
    m_window->setDarkTheme(false);
    m_window->resize(1366, 768);
}

void TestMainWindow::poolsDialogRefusesDedicatedWithoutCustomer()
{
    PoolService *pools = m_engine->pools();
    QVERIFY(pools);
    QSignalSpy changed(pools, &PoolService::changed);
    QPointer<PoolsDialog> dialog = qobject_cast<PoolsDialog *>(m_window->showPoolsDialog());
    QVERIFY(dialog);
    const int before = dialog->poolList()->topLevelItemCount();

    dialog->addPool();
    QCOMPARE(dialog->poolList()->topLevelItemCount(), before + 1);
    dialog->nameEdit()->selectAll();
    QTest::keyClicks(dialog->nameEdit(), QStringLiteral("acme-only"));
    dialog->kindCombo()->setCurrentIndex(
        dialog->kindCombo()->findData(int(Pools::PoolKind::Dedicated)));
    QVERIFY(dialog->customerEdit()->isEnabled());
    QCOMPARE(dialog->poolList()->currentItem()->text(PoolsDialog::PoolNameColumn),
             QStringLiteral("acme-only"));

    // OK says what is missing where the dialog is, and neither closes nor saves.
    QVERIFY(!dialog->submit());
    QVERIFY(dialog->isVisible());
    QVERIFY2(dialog->statusText().contains(QLatin1String("acme-only"))
                 && dialog->statusText().contains(QLatin1String("customer")),
             qPrintable(dialog->statusText()));
    saveOverWindow(dialog, QStringLiteral("pools-dialog-error"));
    QTest::qWait(300);
    QCOMPARE(changed.count(), 0);
    QVERIFY(!pools->settings().pool(QStringLiteral("acme-only")));
    dialog->reject();
    QTRY_VERIFY(dialog.isNull());
}

void TestMainWindow::poolsDialogKeepsGeneral()
{
    QPointer<PoolsDialog> dialog = qobject_cast<PoolsDialog *>(m_window->showPoolsDialog());
    QVERIFY(dialog);
    QTreeWidget *list = dialog->poolList();
    QTreeWidgetItem *general = nullptr;
    for (int i = 0; i < list->topLevelItemCount(); ++i) {
        if (list->topLevelItem(i)->text(PoolsDialog::PoolNameColumn)
            == Pools::PoolSettings::generalName())
            general = list->topLevelItem(i);
    }
    QVERIFY(general);
    list->setCurrentItem(general);
    // Neither removable nor renamable, by button or by call.
    QVERIFY(!dialog->removeButton()->isEnabled());
    QVERIFY(!dialog->nameEdit()->isEnabled());
    QVERIFY(!dialog->kindCombo()->isEnabled());
    const int count = list->topLevelItemCount();
    QVERIFY(!dialog->removeSelected());
    QCOMPARE(list->topLevelItemCount(), count);
    QVERIFY(dialog->edited().pool(Pools::PoolSettings::generalName()));
    QVERIFY(dialog->statusText().contains(QLatin1String("General")));

    // Another pool can go, and its hosts go back to General.
    dialog->addPool();
    QCOMPARE(list->topLevelItemCount(), count + 1);
    QVERIFY(dialog->removeButton()->isEnabled());
    QVERIFY(dialog->removeSelected());
    QCOMPARE(list->topLevelItemCount(), count);
    dialog->reject();
    QTRY_VERIFY(dialog.isNull());
}

void TestMainWindow::poolsDialogRoundTrips()
{
    QVERIFY(!m_vmUri.isEmpty());
    PoolService *pools = m_engine->pools();
    QSignalSpy changed(pools, &PoolService::changed);
    QPointer<PoolsDialog> dialog = qobject_cast<PoolsDialog *>(m_window->showPoolsDialog());
    QVERIFY(dialog);
    // Every host of the fleet is listed, with its capacity as saved.
    QCOMPARE(dialog->hostList()->topLevelItemCount(), m_engine->fleet()->state()->hosts().size());
    QTRY_VERIFY(dialog->hostList()
                    ->topLevelItem(0)
                    ->text(PoolsDialog::HostCapacityColumn)
                    .contains(QLatin1String("free")));

    // A shadow pool setting aside a fifth of each host, with one host in rack-2.
    dialog->addPool();
    dialog->nameEdit()->selectAll();
    QTest::keyClicks(dialog->nameEdit(), QStringLiteral("shadows"));
    dialog->kindCombo()->setCurrentIndex(
        dialog->kindCombo()->findData(int(Pools::PoolKind::Shadow)));
    QVERIFY(dialog->shareSpin()->isEnabled());
    dialog->reservationCombo()->setCurrentIndex(0);
    dialog->shareSpin()->setValue(20);
    QComboBox *pool = dialog->hostPoolCombo(m_vmUri);
    QVERIFY(pool);
    pool->setCurrentIndex(pool->findText(QStringLiteral("shadows")));
    QLineEdit *domain = dialog->hostDomainEdit(m_vmUri);
    QVERIFY(domain);
    QTest::keyClicks(domain, QStringLiteral("rack-2"));
    QCOMPARE(dialog->poolList()->currentItem()->text(PoolsDialog::PoolHostsColumn),
             QStringLiteral("1"));
    saveOverWindow(dialog, QStringLiteral("pools-dialog"));

    QVERIFY2(dialog->submit(), qPrintable(dialog->statusText()));
    QTRY_COMPARE_WITH_TIMEOUT(changed.count(), 1, 10000);
    const auto check = [this](const Pools::PoolSettings &settings) {
        const Pools::Pool *shadows = settings.pool(QStringLiteral("shadows"));
        QVERIFY(shadows);
        QCOMPARE(shadows->kind, Pools::PoolKind::Shadow);
        QCOMPARE(shadows->reservation.share, 0.2);
        QCOMPARE(shadows->reservation.memoryKiB, quint64(0));
        QCOMPARE(settings.hostPools.value(m_vmUri), QStringLiteral("shadows"));
        QCOMPARE(settings.failureDomainOf(m_vmUri), QStringLiteral("rack-2"));
        QCOMPARE(settings.poolOfHost(m_vmUri).name, QStringLiteral("shadows"));
    };
    check(pools->settings());
    // The dialog closes once saved; the database has what it said.
    QTRY_VERIFY(dialog.isNull());
    const auto stored = Pools::PoolSettings::load(m_engine->storePath());
    QVERIFY2(stored.ok(), qPrintable(stored.error()));
    check(stored.value());
    QCOMPARE(stored.value(), pools->settings());
}

void TestMainWindow::poolsDialogShowsSaveFailure()
{
    PoolService *pools = m_engine->pools();
    QPointer<PoolsDialog> dialog = qobject_cast<PoolsDialog *>(m_window->showPoolsDialog());
    QVERIFY(dialog);
    auto *ok = dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
    QVERIFY(ok);
    // The settings as they are: a valid save whose answer the service says failed.
    QVERIFY(dialog->submit());
    QVERIFY(!ok->isEnabled());
    Q_EMIT pools->saveFailed(QStringLiteral("database is locked"));
    QCOMPARE(dialog->statusText(), QStringLiteral("database is locked"));
    QVERIFY(ok->isEnabled());
    QVERIFY(dialog->isVisible());
    // The worker's own answer that follows does not close it.
    QTest::qWait(500);
    QVERIFY(!dialog.isNull());
    QVERIFY(dialog->isVisible());
    dialog->reject();
    QTRY_VERIFY(dialog.isNull());
}

void TestMainWindow::readOnlyStoreDisablesPools()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("read-only.db"));
    {
        Engine writer;
        const Result<void> created = writer.openStore(path);
        QVERIFY2(created.ok(), qPrintable(created.error()));
        writer.shutdown();
    }
    Engine engine;
    const Result<void> opened = engine.openStore(path, Engine::StoreAccess::ReadOnly);
    QVERIFY2(opened.ok(), qPrintable(opened.error()));
    QVERIFY(!engine.pools());
    {
        MainWindow window(&engine, false);
        QAction *action = nullptr;
        for (QAction *menu : window.menuBar()->actions()) {
            for (QAction *item : menu->menu()->actions()) {
                if (item->text() == QStringLiteral("&Pools…"))
                    action = item;
            }
        }
        QVERIFY(action);
        QVERIFY(!action->isEnabled());
        QVERIFY2(action->toolTip().contains(QLatin1String("read-only")),
                 qPrintable(action->toolTip()));
        QVERIFY(!window.showPoolsDialog());
        QVERIFY(!window.showCustomerDialog(QStringLiteral("uuid"), QStringLiteral("vm")));
    }
    engine.shutdown();
}

void TestMainWindow::hostPageShowsPool()
{
    m_window->showHost(m_vmUri);
    HostPage *page = m_window->hostPage();
    QTRY_VERIFY2(page->poolText().contains(QLatin1String("shadows"))
                     && page->poolText().contains(QLatin1String("20 %"))
                     && page->poolText().contains(QLatin1String("rack-2"))
                     && page->poolText().contains(QLatin1String("reserved")),
                 qPrintable(page->poolText()));

    // A change through the service shows without reopening the page, and in
    // a pools dialog the operator has not edited yet.
    QPointer<PoolsDialog> dialog = qobject_cast<PoolsDialog *>(m_window->showPoolsDialog());
    QVERIFY(dialog);
    QCOMPARE(dialog->hostDomainEdit(m_vmUri)->text(), QStringLiteral("rack-2"));
    PoolService *pools = m_engine->pools();
    Pools::PoolSettings settings = pools->settings();
    settings.failureDomains.insert(m_vmUri, QStringLiteral("rack-3"));
    pools->save(settings);
    QTRY_VERIFY2(page->poolText().contains(QLatin1String("rack-3")), qPrintable(page->poolText()));
    QCOMPARE(dialog->hostDomainEdit(m_vmUri)->text(), QStringLiteral("rack-3"));
    dialog->reject();
    QTRY_VERIFY(dialog.isNull());
}

void TestMainWindow::vmCustomerEditSaves()
{
    QVERIFY(!m_vmUuid.isEmpty());
    m_window->showVm(m_vmUri, m_vmUuid);
    VmPage *page = m_window->vmPage();
    QCOMPARE(page->customerText(), QStringLiteral("none"));

    PoolService *pools = m_engine->pools();
    QSignalSpy changed(pools, &PoolService::changed);
    auto *dialog = qobject_cast<QInputDialog *>(
        m_window->showCustomerDialog(m_vmUuid, QStringLiteral("vm")));
    QVERIFY(dialog);
    QCOMPARE(dialog->textValue(), QString());
    dialog->setTextValue(QStringLiteral("acme"));
    saveOverWindow(dialog, QStringLiteral("customer-dialog"));
    dialog->accept();
    QTRY_COMPARE_WITH_TIMEOUT(changed.count(), 1, 10000);
    QTRY_COMPARE(page->customerText(), QStringLiteral("acme"));
    QCOMPARE(pools->settings().customerOf(m_vmUuid), QStringLiteral("acme"));
    const auto stored = Pools::PoolSettings::load(m_engine->storePath());
    QVERIFY2(stored.ok(), qPrintable(stored.error()));
    QCOMPARE(stored.value().customerOf(m_vmUuid), QStringLiteral("acme"));
    // The pools kept what the dialog saved before.
    QVERIFY(stored.value().pool(QStringLiteral("shadows")));
}

void TestMainWindow::screenshots_data()
{
    QTest::addColumn<QSize>("size");
    QTest::addColumn<bool>("dark");
    for (const bool dark : { false, true }) {
        for (const QSize size : { QSize(1366, 768), QSize(1920, 1080) }) {
            const QByteArray tag = QByteArray::number(size.width()) + 'x'
                + QByteArray::number(size.height()) + (dark ? "-dark" : "-light");
            QTest::newRow(tag.constData()) << size << dark;
        }
    }
}

void TestMainWindow::screenshots()
{
    QFETCH(QSize, size);
    QFETCH(bool, dark);
    QVERIFY(!m_vmUuid.isEmpty());
    const QString dir = artifactsDir();
    QVERIFY(QDir().mkpath(dir));

    m_window->setDarkTheme(dark);
    m_window->resize(size);
    const QString suffix = QStringLiteral("-%1x%2-%3.png")
                               .arg(size.width())
                               .arg(size.height())
                               .arg(dark ? QStringLiteral("dark") : QStringLiteral("light"));
    const auto save = [&](const QString &page) {
        QTest::qWait(600); // layouts settle, charts redraw (their refresh is coalesced)
        const QPixmap shot = m_window->grab();
        QCOMPARE(shot.size(), size);
        const QString path = dir + u'/' + page + suffix;
        QVERIFY2(shot.save(path), qPrintable(path));
        qInfo("saved %s", qPrintable(path));
    };

    m_window->showOverview();
    save(QStringLiteral("overview"));
    m_window->showVm(m_vmUri, m_vmUuid);
    QTRY_VERIFY(!m_window->vmPage()->isLoadingHistory());
    save(QStringLiteral("vm"));
    HistoryBar *vmRange = m_window->vmPage()->historyBar();
    vmRange->setRange(HistoryRange::Month);
    QTRY_VERIFY(!m_window->vmPage()->isLoadingHistory());
    save(QStringLiteral("vm-30d"));
    vmRange->setRange(HistoryRange::Hour);
    QTRY_VERIFY(!m_window->vmPage()->isLoadingHistory());

    m_window->showHost(m_vmUri);
    save(QStringLiteral("host"));
    QVERIFY(m_window->hostPage()->pointCount() >= 1);
    HistoryBar *hostRange = m_window->hostPage()->historyBar();
    hostRange->setRange(HistoryRange::Week);
    QTRY_VERIFY(!m_window->hostPage()->isLoadingHistory());
    save(QStringLiteral("host-7d"));
    hostRange->setRange(HistoryRange::Hour);
    QTRY_VERIFY(!m_window->hostPage()->isLoadingHistory());

    // The Hardware health tab of the demo's oldest host: simulated drives,
    // one with reallocated and pending sectors, and what the risk rests on.
    QString oldest;
    for (const HostConfig &host : m_engine->fleet()->hosts())
        if (host.uri.contains(QLatin1String("rack2-kvm03")))
            oldest = host.uri;
    QVERIFY(!oldest.isEmpty());
    QTRY_VERIFY(m_engine->prediction()->hardware(oldest).drives.size() == 2);
    m_window->showHost(oldest);
    auto *lower = m_window->hostPage()->findChild<QTabWidget *>();
    QVERIFY(lower);
    lower->setCurrentIndex(1);
    save(QStringLiteral("host-hardware"));
    lower->setCurrentIndex(0);

    // The VM page with the migrations panel (one finished job) in front.
    m_window->showVm(m_vmUri, m_vmUuid);
    QTRY_VERIFY(!m_window->vmPage()->isLoadingHistory());
    auto *dock = qobject_cast<QDockWidget *>(m_window->migrationsPanel()->parentWidget());
    QVERIFY(dock);
    dock->raise();
    save(QStringLiteral("migrations"));
    // The anomalies panel: the demo's anomalies since its detectors' day of learning.
    auto *anomalies = qobject_cast<QDockWidget *>(m_window->anomaliesPanel()->parentWidget());
    QVERIFY(anomalies);
    anomalies->raise();
    save(QStringLiteral("anomalies"));
    qobject_cast<QDockWidget *>(m_window->eventLogView()->parentWidget())->raise();

    // The Traffic page on the test's HAProxy, its last actions below.
    if (m_haproxy) {
        m_window->showTraffic();
        m_window->trafficPage()->select(QStringLiteral("lab"), QStringLiteral("be"));
        m_window->trafficPage()->selectServer(QStringLiteral("a"));
        // Requests through HAProxy, so that the table and the charts have figures.
        TestSupport::BackgroundClient client(m_haproxy->frontendPort(), 20000, 5);
        QTest::qWait(2500);
        save(QStringLiteral("traffic"));
        client.stop();
        m_window->showOverview();
    }
}

void TestMainWindow::untrustedNamesArePlainText()
{
    // A hostile or careless libvirt host: markup, a right-to-left override
    // and 5,000 characters in a VM's name, markup in its CPU model. All of
    // it is shown as the text it is, elided, and the window keeps its size.
    const QString name = QStringLiteral("<b>BOLD<font color=red size=7>RED<img src=x.png>")
        + QChar(0x202E) + QStringLiteral("evil") + QString(5000, QLatin1Char('x'));
    const QString uuid = QStringLiteral("0badc0de-0000-4000-8000-000000000001");
    const QString fleet = m_dir.filePath(QStringLiteral("hostile.xml"));
    QFile xml(fleet);
    QVERIFY(xml.open(QIODevice::WriteOnly));
    xml.write(
        QStringLiteral("<node><cpu><nodes>1</nodes><sockets>1</sockets><cores>2</cores>"
                       "<threads>1</threads><active>2</active><mhz>2000</mhz>"
                       "<model>%1</model></cpu><memory>8388608</memory>"
                       "<domain type='test'><name>%2</name><uuid>%3</uuid>"
                       "<memory unit='MiB'>512</memory><vcpu>1</vcpu><os><type>hvm</type></os>"
                       "</domain></node>")
            .arg(QStringLiteral("<b>CPU<font size=7>").toHtmlEscaped(), name.toHtmlEscaped(), uuid)
            .toUtf8());
    xml.close();
    const QString uri = QStringLiteral("test://") + fleet;
    QVERIFY(m_engine->fleet()->addHost(HostConfig{ uri, true }).ok());
    QTRY_VERIFY_WITH_TIMEOUT(!m_window->fleetModel()->vmName(uuid).isEmpty(), kStartTimeoutMs);

    m_window->setDarkTheme(false);
    m_window->resize(1366, 768);
    m_window->showVm(uri, uuid);
    QTest::qWait(300);
    ElidedLabel *title = m_window->vmPage()->findChild<PageHeader *>()->title();
    QCOMPARE(title->textFormat(), Qt::PlainText);
    QVERIFY(title->fullText().startsWith(QStringLiteral("<b>BOLD<font color=red size=7>")));
    QVERIFY(!title->text().contains(QChar(0x202E)));
    QVERIFY(title->text().size() < 300); // elided to the header's width
    QVERIFY(title->toolTip().contains(QStringLiteral("&lt;b&gt;BOLD")));
    QCOMPARE(m_window->width(), 1366);
    QVERIFY2(m_window->minimumSizeHint().width() <= 1366,
             qPrintable(QString::number(m_window->minimumSizeHint().width())));
    QVERIFY(m_window->grab().save(artifactsDir() + QStringLiteral("/hostile-vm-1366x768.png")));

    m_window->showHost(uri);
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            for (ElidedLabel *label : m_window->hostPage()->findChildren<ElidedLabel *>())
                if (label->fullText().startsWith(QStringLiteral("<b>CPU")))
                    return label->textFormat() == Qt::PlainText;
            return false;
        }(),
        kStartTimeoutMs);
    QCOMPARE(m_window->width(), 1366);
    QVERIFY(m_window->grab().save(artifactsDir() + QStringLiteral("/hostile-host-1366x768.png")));
    m_engine->fleet()->removeHost(uri);
}

// The demo's Create shadow succeeds from the VM page, simulated and saying
// so: the dialog ranks the standby host first and shows the plan, the
// shadow comes in sync in the Shadows view, and Remove… takes it away.
void TestMainWindow::demoShadowFromTheVmPage()
{
    const auto demo = DemoFleet::install(m_dir.path());
    QVERIFY(demo.ok());
    QSignalSpy poolsChanged(m_engine->pools(), &PoolService::changed);
    const auto pools = DemoFleet::withDemoPools(m_engine->pools()->settings(), demo.value());
    QVERIFY(pools.has_value());
    m_engine->pools()->save(*pools);
    QVERIFY(poolsChanged.wait(5000));
    QString standby, uri, uuid;
    for (const HostConfig &host : demo.value()) {
        if (host.uri.contains(QLatin1String("standby")))
            standby = host.uri;
        else if (host.uri.contains(QLatin1String("rack2-kvm03")))
            uri = host.uri;
    }
    for (const VmInfo &vm : m_engine->fleet()->vms(uri))
        if (vm.state == VmState::Running && uuid.isEmpty())
            uuid = vm.uuid;
    QVERIFY(!uuid.isEmpty());

    m_window->resize(1366, 768);
    m_window->showVm(uri, uuid);
    VmPage *page = m_window->vmPage();
    QTRY_VERIFY_WITH_TIMEOUT(page->shadowActions().contains(QLatin1String("\"create\"")), 5000);
    QCOMPARE(page->shadowText(), QStringLiteral("none"));

    auto *dialog = qobject_cast<ShadowDialog *>(m_window->showShadowDialog(uri, uuid));
    QVERIFY(dialog);
    QTRY_VERIFY_WITH_TIMEOUT(dialog->isRanked(), 10000);
    QVERIFY(dialog->hosts().contains(standby));
    dialog->setValidationSchedule(6);
    dialog->selectHost(standby);
    QTRY_VERIFY_WITH_TIMEOUT(dialog->isAwaitingApproval()
                                 && dialog->plan().request.value(QLatin1String("shadowUri"))
                                     == standby,
                             10000);
    QVERIFY2(dialog->planText().contains(QLatin1String("Reserve")), qPrintable(dialog->planText()));
    QVERIFY2(dialog->planText().contains(QLatin1String("every 6 hour")),
             qPrintable(dialog->planText()));
    saveOverWindow(dialog, QStringLiteral("shadow-dialog"));
    dialog->accept();

    ShadowsPanel *panel = m_window->shadowsPanel();
    QVERIFY(panel);
    QTRY_VERIFY_WITH_TIMEOUT(panel->primaries().contains(uuid), 10000);
    QTRY_VERIFY_WITH_TIMEOUT(m_engine->shadows()->shadowOf(uuid)->state == Shadow::State::InSync,
                             20000);
    QTRY_VERIFY_WITH_TIMEOUT(page->shadowText().startsWith(QLatin1String("in sync")), 5000);
    QVERIFY(page->shadowText().contains(QLatin1String("simulated")));
    // In sync before its seeding job has quite finished: the page offers no
    // action while the shadow is busy, and its links come when it is done.
    QTRY_VERIFY_WITH_TIMEOUT(page->shadowActions().contains(QLatin1String("\"failover\"")), 5000);
    QVERIFY(page->shadowActions().contains(QLatin1String("\"validate\"")));
    m_engine->shadows()->validateNow(uuid, QStringLiteral("operator"));
    QTRY_VERIFY_WITH_TIMEOUT(page->shadowText().contains(QLatin1String("validated")), 20000);

    // The shadow keeps the schedule chosen in the dialog; Schedule… changes it.
    QCOMPARE(m_engine->shadows()->shadowOf(uuid)->validateEveryH, std::optional<int>(6));
    const int row = int(panel->primaries().indexOf(uuid));
    QTRY_COMPARE_WITH_TIMEOUT(panel->table()->item(row, 9)->text(),
                              ValidationScheduleBox::describe(6, 24), 5000);
    // Nothing behind once in sync, and what the mirror costs the primary's
    // writes (the demo's simulated figures: 0.35 ms before, 0.55 ms with it).
    QVERIFY2(panel->table()->item(row, 4)->text().startsWith(QLatin1String("nothing behind")),
             qPrintable(panel->table()->item(row, 4)->text()));
    QTRY_COMPARE_WITH_TIMEOUT(panel->table()->item(row, 5)->text(),
                              QStringLiteral("0.35 → 0.55 ms"), 5000);
    panel->table()->selectRow(row);
    QPushButton *schedule = nullptr;
    for (QPushButton *button : panel->findChildren<QPushButton *>())
        if (button->text() == QStringLiteral("Schedule…"))
            schedule = button;
    QVERIFY(schedule && schedule->isEnabled());
    schedule->click();
    auto *scheduleBox = panel->findChild<ValidationScheduleBox *>();
    QVERIFY(scheduleBox);
    QCOMPARE(scheduleBox->value(), std::optional<int>(6));
    auto *scheduleDialog = qobject_cast<QDialog *>(scheduleBox->window());
    QVERIFY(scheduleDialog);
    saveOverWindow(scheduleDialog, QStringLiteral("shadow-schedule"));
    scheduleBox->setValue(0);
    scheduleDialog->accept();
    QTRY_COMPARE_WITH_TIMEOUT(m_engine->shadows()->shadowOf(uuid)->validateEveryH,
                              std::optional<int>(0), 5000);
    QTRY_COMPARE_WITH_TIMEOUT(panel->table()->item(row, 9)->text(),
                              QStringLiteral("Only when asked"), 5000);
    saveWindow(QStringLiteral("vm-shadow"), panel, QStringLiteral("shadows"));

    // Remove…: the plan is shown for approval, and approving it removes.
    m_window->confirmShadowAction(QStringLiteral("remove"), uuid);
    QMessageBox *box = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT((box = m_window->findChild<QMessageBox *>()) != nullptr, 10000);
    QAbstractButton *remove = nullptr;
    for (QAbstractButton *button : box->buttons())
        if (button->text() == QLatin1String("Remove shadow"))
            remove = button;
    QVERIFY(remove);
    QVERIFY2(box->informativeText().contains(QLatin1String("Undefine")),
             qPrintable(box->informativeText()));
    remove->click();
    QTRY_VERIFY_WITH_TIMEOUT(!panel->primaries().contains(uuid), 10000);
    QTRY_VERIFY_WITH_TIMEOUT(page->shadowActions().contains(QLatin1String("\"create\"")), 5000);
}

void TestMainWindow::saveWindow(const QString &name, QWidget *widget, const QString &widgetName)
{
    QVERIFY(QDir().mkpath(artifactsDir()));
    for (const bool dark : { false, true }) {
        m_window->setDarkTheme(dark);
        for (const QSize size : { QSize(1366, 768), QSize(1920, 1080) }) {
            m_window->resize(size);
            QTest::qWait(300);
            const QString suffix
                = QStringLiteral("%1x%2-%3.png")
                      .arg(size.width())
                      .arg(size.height())
                      .arg(dark ? QStringLiteral("dark") : QStringLiteral("light"));
            QVERIFY(m_window->grab().save(artifactsDir() + u'/' + name + u'-' + suffix));
            if (widget)
                QVERIFY(widget->grab().save(artifactsDir() + u'/' + widgetName + u'-' + suffix));
        }
    }
    m_window->setDarkTheme(false);
    m_window->resize(1366, 768);
}

// The approval queue shows the demo's evacuation with its evidence; a
// rejection takes a reason and keeps the proposal quiet.
void TestMainWindow::approvalQueueShowsTheEvacuation()
{
    ApprovalsPanel *queue = m_window->approvalsPanel();
    QVERIFY(queue);
    m_window->approvalsDock()->show();
    m_window->approvalsDock()->raise();
    // The demo's degrading host: the policy proposes to empty it.
    const auto evacuation = [queue] {
        for (int row = 0; row < queue->plans().size(); ++row)
            if (Policy::Proposal::fromJson(queue->plans().at(row).policy)
                    .group.contains(QLatin1String("edge-kvm04")))
                return row;
        return -1;
    };
    QTRY_VERIFY_WITH_TIMEOUT(evacuation() >= 0, 60000);
    const int row = evacuation();
    queue->select(row);
    const Jobs::Plan plan = queue->plans().at(row);
    QCOMPARE(queue->table()->item(row, 0)->text(), plan.summary);
    QVERIFY2(queue->table()->item(row, 1)->text().contains(QLatin1String("edge-kvm04")),
             qPrintable(queue->table()->item(row, 1)->text()));
    const QString details = queue->details()->toPlainText();
    QVERIFY2(details.contains(QLatin1String("Evidence")), qPrintable(details));
    QVERIFY2(details.contains(QLatin1String("Drive sdb")), qPrintable(details));
    QVERIFY2(details.contains(QLatin1String("Predicted")), qPrintable(details));
    QVERIFY(m_window->approvalsDock()->windowTitle().startsWith(QLatin1String("Approvals (")));
    // Beside it, the chart the trigger rests on: the host being emptied.
    QCOMPARE(queue->chartedEntity(),
             QStringLiteral("host/") + Policy::Proposal::fromJson(plan.policy).sourceUri);
    QVERIFY(queue->evidenceChart()->title().contains(QLatin1String("edge-kvm04")));
    QTRY_VERIFY_WITH_TIMEOUT(queue->evidenceChart()->envelopePointCount() > 0, 15000);
    // Charts opens the page of the host being emptied: its history and forecast.
    queue->showChartsOfSelected();
    QCOMPARE(m_window->hostPage()->uri(), Policy::Proposal::fromJson(plan.policy).sourceUri);
    QTRY_VERIFY(!m_window->hostPage()->isLoadingHistory());
    saveWindow(QStringLiteral("approvals"));

    // Rejected with a reason: gone from the queue, kept with its reason, and
    // not raised again while it is quiet.
    const QString reason = QStringLiteral("edge-kvm04 gets a new drive tonight");
    queue->rejectSelected(reason);
    const auto pendingFor = [queue](const QString &vm) {
        return std::count_if(queue->plans().cbegin(), queue->plans().cend(),
                             [&vm](const Jobs::Plan &p) { return p.subjectId == vm; });
    };
    QTRY_COMPARE(pendingFor(plan.subjectId), 0);
    QTest::qWait(1000); // five more evaluations
    QCOMPARE(pendingFor(plan.subjectId), 0);
    auto plans = Jobs::PlanStore::open(m_engine->storePath(), QStringLiteral("test-approvals"));
    QVERIFY(plans);
    const auto stored = plans.value()->plan(plan.id);
    QVERIFY(stored);
    QCOMPARE(stored->state, Jobs::PlanState::Rejected);
    QCOMPARE(stored->note, reason);
}

// The policy reads its queue again after every proposal, hundreds a minute
// on a large fleet: the rows are rebuilt once a burst, and not while the
// queue is hidden, while the count in the dock's title follows each change.
void TestMainWindow::approvalQueueRefillsWhenShownAndAtMostOnceABurst()
{
    ApprovalsPanel *queue = m_window->approvalsPanel();
    PolicyService *policy = m_engine->policy();
    QVERIFY(queue && policy);
    QSignalSpy counts(queue, &ApprovalsPanel::pendingCountChanged);
    QSignalSpy arrived(policy, &PolicyService::pendingChanged);
    const auto plans = [](int count, const QString &tag) {
        QList<Jobs::Plan> list;
        for (int i = 0; i < count; ++i) {
            Jobs::Plan plan;
            plan.id = 900000 + i;
            plan.summary = QStringLiteral("%1 %2").arg(tag).arg(i);
            list.append(plan);
        }
        return list;
    };
    const auto shownIds = [queue] {
        QList<qint64> ids;
        for (const Jobs::Plan &plan : queue->plans())
            ids.append(plan.id);
        return ids;
    };
    const auto lastArrivedIds = [&arrived] {
        QList<qint64> ids;
        for (const Jobs::Plan &plan : arrived.last().first().value<QList<Jobs::Plan>>())
            ids.append(plan.id);
        return ids;
    };

    m_window->approvalsDock()->hide();
    const QList<qint64> before = shownIds();
    Q_EMIT policy->pendingChanged(plans(7, QStringLiteral("hidden")));
    QCOMPARE(shownIds(), before);
    QCOMPARE(counts.last().first().toInt(), 7);
    m_window->approvalsDock()->show();
    m_window->approvalsDock()->raise();
    // Shown: what the policy said last, whether it was this test or the
    // policy's own evaluation since.
    QTRY_COMPARE(shownIds(), lastArrivedIds());

    const QList<qint64> shown = shownIds();
    for (int burst = 1; burst <= 5; ++burst)
        Q_EMIT policy->pendingChanged(plans(burst, QStringLiteral("burst")));
    QCOMPARE(shownIds(), shown); // not rebuilt five times on the spot
    QCOMPARE(counts.last().first().toInt(), 5);
    QTRY_COMPARE(shownIds(), lastArrivedIds());
    QCOMPARE(queue->table()->rowCount(), int(queue->plans().size()));

    // The policy's own queue again, for the tests after this one.
    Q_EMIT policy->pendingChanged(policy->pending());
    QTRY_COMPARE(shownIds(), lastArrivedIds());
}

// Levels per pool and per VM, the confidence and a maintenance window, as
// the operator sets them, stored through the policy.
// File → Policy Replay… replays the stored month of the history host's VMs:
// what the policy would have done, beside the reactive rule and no action.
void TestMainWindow::policyReplayShowsWhatThePolicyWouldHaveDone()
{
    m_window->resize(1366, 768);
    auto *dialog = qobject_cast<PolicyReplayDialog *>(m_window->showPolicyReplayDialog());
    QVERIFY(dialog);
    QSignalSpy done(dialog, &PolicyReplayDialog::finished);
    QVERIFY(!dialog->runButton()->isEnabled()); // replaying, on a worker
    QVERIFY(done.wait(120000));
    const HistoryReplay replay = done.first().first().value<HistoryReplay>();
    QVERIFY2(replay.error.isEmpty(), qPrintable(replay.error));
    QCOMPARE(replay.days, 7);
    QVERIFY(replay.fleet.vmNames.size() >= 2);
    QVERIFY(replay.fleet.hostNames.size() >= 2);
    // The history host's VMs have a stored month; the others what the
    // demo filled in and collected. The window starts where half of those
    // with a day to learn on have history; a VM with less is left out,
    // saying how much of the window it has.
    qsizetype running = 0;
    for (const VmInfo &vm : m_engine->fleet()->vms(m_historyUri))
        running += vm.state == VmState::Running;
    QVERIFY(replay.fleet.vmNames.size() >= running);
    QVERIFY(replay.toMs - replay.fromMs >= 3600 * 1000);
    for (const QString &skipped : replay.skipped)
        QVERIFY2(skipped.endsWith(u"% covered)"), qPrintable(skipped));
    QVERIFY(dialog->runButton()->isEnabled());
    QCOMPARE(dialog->comparison()->rowCount(), 3);
    QCOMPARE(dialog->comparison()->item(0, 1)->data(Qt::UserRole).toInt(), replay.umbra.moves);
    QCOMPARE(dialog->comparison()->item(1, 1)->data(Qt::UserRole).toInt(), replay.reactive.moves);
    QCOMPARE(dialog->moves()->rowCount(), int(replay.umbra.moveList.size()));
    QVERIFY2(dialog->summary()->text().contains(u"this policy would have made"),
             qPrintable(dialog->summary()->text()));
    qInfo("%s", qPrintable(dialog->summary()->text()));
    saveOverWindow(dialog, QStringLiteral("policy-replay"));
    dialog->close();
}

void TestMainWindow::automationDialogStoresLevels()
{
    auto *dialog = qobject_cast<AutomationDialog *>(m_window->showAutomationDialog());
    QVERIFY(dialog);
    QComboBox *general = dialog->poolLevel(Pools::PoolSettings::generalName());
    QVERIFY(general);
    QCOMPARE(general->currentData().toInt(), -1); // as the fleet
    general->setCurrentIndex(general->findData(int(Policy::AutomationLevel::Manual)));
    dialog->addVm(m_vmUuid, Policy::AutomationLevel::Off);
    dialog->addWindow({ 6, 120, 240 });
    dialog->confidence()->setValue(4);
    saveWindow(QStringLiteral("automation"), dialog, QStringLiteral("automation-dialog"));

    PolicyService *policy = m_engine->policy();
    QSignalSpy changed(policy, &PolicyService::automationChanged);
    dialog->accept();
    QVERIFY(changed.wait(5000));
    const Policy::AutomationSettings stored = policy->automation();
    QCOMPARE(stored.fleetLevel, Policy::AutomationLevel::Approve);
    QCOMPARE(stored.poolLevels.value(Pools::PoolSettings::generalName()),
             Policy::AutomationLevel::Manual);
    QCOMPARE(stored.vmLevels.value(m_vmUuid), Policy::AutomationLevel::Off);
    QCOMPARE(stored.windows.size(), 1);
    QCOMPARE(stored.minConfidence, 4);
    auto loaded = Policy::AutomationSettings::load(m_engine->storePath());
    QVERIFY(loaded);
    QCOMPARE(loaded.value(), stored);

    policy->setAutomation({});
    QVERIFY(changed.wait(5000));
}

void TestMainWindow::auditShowsEveryDecision()
{
    AuditPanel *audit = m_window->auditPanel();
    QVERIFY(audit);
    m_window->auditDock()->show();
    m_window->auditDock()->raise();
    QSignalSpy reloaded(audit, &AuditPanel::reloaded);
    audit->reload();
    QVERIFY(reloaded.wait(5000));
    const QList<Jobs::AuditRecord> &records = audit->records();
    const auto has = [&records](const QString &kind, const QString &action, bool byOperator) {
        return std::any_of(records.cbegin(), records.cend(), [&](const Jobs::AuditRecord &r) {
            return r.kind == kind && r.action == action
                && r.actor.startsWith(QLatin1String("operator:")) == byOperator;
        });
    };
    QVERIFY(has(QStringLiteral("shadow.create"), QStringLiteral("approved"), true));
    QVERIFY(has(QStringLiteral("shadow.create"), QStringLiteral("executed"), false));
    QVERIFY(has(QStringLiteral("shadow.remove"), QStringLiteral("approved"), true));
    QVERIFY(has(QStringLiteral("migrate"), QStringLiteral("rejected"), true)); // from the queue
    QCOMPARE(audit->table()->rowCount(), int(records.size()));
    for (int row = 0; row < audit->table()->rowCount(); ++row)
        QVERIFY2(audit->table()->item(row, 2) && !audit->table()->item(row, 2)->text().isEmpty(),
                 qPrintable(QString::number(row))); // every row whole, whatever the sorting

    QSignalSpy verified(audit, &AuditPanel::verified);
    audit->verify();
    QVERIFY(verified.wait(5000));
    QVERIFY2(audit->verdict().startsWith(QLatin1String("The chain is whole")),
             qPrintable(audit->verdict()));

    QTemporaryDir out;
    const QString json = out.filePath(QStringLiteral("audit.json"));
    QVERIFY(audit->exportTo(json).ok());
    QFile jsonFile(json);
    QVERIFY(jsonFile.open(QIODevice::ReadOnly));
    const QJsonArray exported = QJsonDocument::fromJson(jsonFile.readAll()).array();
    QCOMPARE(exported.size(), records.size());
    QCOMPARE(exported.last()[QLatin1String("hash")].toString(), records.last().hash);
    const QString csv = out.filePath(QStringLiteral("audit.csv"));
    QVERIFY(audit->exportTo(csv).ok());
    QFile csvFile(csv);
    QVERIFY(csvFile.open(QIODevice::ReadOnly));
    QCOMPARE(csvFile.readAll().count('\n'), records.size() + 1);

    // The policy keeps writing to the trail, so a reload may be under way:
    // the filter still holds once it lands.
    audit->reload();
    audit->setSubjectFilter(QStringLiteral("no-such-vm"));
    QVERIFY(reloaded.wait(5000));
    QCOMPARE(audit->table()->rowCount(), 0);
    audit->setSubjectFilter({});
    QVERIFY(reloaded.wait(5000));
    saveWindow(QStringLiteral("audit"));
}

int main(int argc, char **argv)
{
    // Headless unless the caller asked for a platform (e.g. to watch the run).
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QApplication::setApplicationVersion(QStringLiteral("test"));
    TestMainWindow test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_mainwindow.moc"
