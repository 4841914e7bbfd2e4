// FleetModel fed with the payloads of the fleet inventory's signals, compared as string
// dumps of the tree, and sorted/filtered through FleetSortProxy; the event
// log, At-risk and anomalies models beside it. Every model is watched by
// QAbstractItemModelTester while it changes. Last, the charts of a page:
// refreshed only while shown, and fed only the newest of answers that
// arrive out of order.

#include "anomalymodel.h"
#include "engine/engine.h"
#include "entitycharts.h"
#include "eventlogmodel.h"
#include "fleetmodel.h"
#include "fleetsortproxy.h"
#include "format.h"
#include "healthtext.h"
#include "hoststatusbar.h"
#include "livelines.h"
#include "metricchart.h"
#include "overviewpage.h"
#include "predict/anomalystore.h"
#include "riskmodel.h"
#include "store/database.h"
#include "trafficmodel.h"
#include "visiblerefresh.h"

#include <QAbstractItemModelTester>
#include <QCategoryAxis>
#include <QChart>
#include <QDateTime>
#include <QFont>
#include <QGraphicsScene>
#include <QGraphicsView>
#include <QImage>
#include <QLabel>
#include <QLocale>
#include <QPromise>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QStyleOptionGraphicsItem>
#include <QTemporaryDir>
#include <QTest>
#include <QVBoxLayout>
#include <functional>
#include <optional>

using namespace Umbra;

using Script = std::function<void(FleetModel &)>;
Q_DECLARE_METATYPE(Script)

namespace {

const QString kHostA = QStringLiteral("test:///fleets/fleet-a.xml");
const QString kHostB = QStringLiteral("test:///fleets/fleet-b.xml");
constexpr quint64 kGiB = 1024 * 1024; // in KiB

HostConfig host(const QString &uri)
{
    return HostConfig{ uri, true };
}

HostStatus status(const QString &uri, HostState state, const QString &error = {})
{
    HostStatus s;
    s.uri = uri;
    s.state = state;
    s.lastError = error;
    return s;
}

HostInfo info(const QString &uri, int cpus, quint64 memoryKiB)
{
    HostInfo i;
    i.uri = uri;
    i.hypervisor = QStringLiteral("TEST");
    i.cpus = cpus;
    i.memoryKiB = memoryKiB;
    return i;
}

VmInfo vm(const QString &uuid, const QString &name, VmState state = VmState::Running, int vcpus = 2,
          quint64 memoryKiB = 4 * kGiB)
{
    VmInfo v;
    v.uuid = uuid;
    v.name = name;
    v.state = state;
    v.vcpus = vcpus;
    v.memoryKiB = memoryKiB;
    v.persistent = true;
    v.disks = { DiskInfo{ QStringLiteral("vda"), QStringLiteral("/img/a.qcow2"),
                          QStringLiteral("virtio"), QStringLiteral("disk") } };
    return v;
}

VmSample vmSample(const QString &uuid, double cpu, double usedKiB)
{
    VmSample s;
    s.uuid = uuid;
    s.timestampMs = 1000;
    s.cpuPercent = cpu;
    s.memoryUsedKiB = usedKiB;
    return s;
}

HostSample hostSample(const QString &uri, double cpu, double usedKiB, double totalKiB)
{
    HostSample s;
    s.uri = uri;
    s.timestampMs = 1000;
    s.cpuPercent = cpu;
    s.memoryUsedKiB = usedKiB;
    s.memoryTotalKiB = totalKiB;
    return s;
}

// One line per row: the display text of every column but health (scored by
// the engine, tested on its own below); VMs indented under their host.
QString dump(const QAbstractItemModel &model, const QModelIndex &parent = {}, int depth = 0)
{
    QString out;
    for (int row = 0; row < model.rowCount(parent); ++row) {
        QStringList cells;
        for (int column = 0; column < model.columnCount(parent); ++column) {
            if (column != FleetModel::HealthColumn)
                cells << model.index(row, column, parent).data().toString();
        }
        out += QString(depth * 2, u' ') + cells.join(QStringLiteral(" | ")) + u'\n';
        out += dump(model, model.index(row, 0, parent), depth + 1);
    }
    return out;
}

QStringList names(const QAbstractItemModel &model, const QModelIndex &parent)
{
    QStringList result;
    for (int row = 0; row < model.rowCount(parent); ++row)
        result << model.index(row, FleetModel::NameColumn, parent).data().toString();
    return result;
}

// A host with four VMs whose figures sort differently as numbers and as text.
void sortFixture(FleetModel &model)
{
    model.addHost(host(kHostA));
    model.resetInventory(
        kHostA,
        { vm(QStringLiteral("u1"), QStringLiteral("alpha"), VmState::Running, 2),
          vm(QStringLiteral("u2"), QStringLiteral("Bravo"), VmState::Running, 16),
          vm(QStringLiteral("u3"), QStringLiteral("charlie"), VmState::ShutOff, 4),
          vm(QStringLiteral("u4"), QStringLiteral("delta"), VmState::Running, 1) });
    model.addSamples(hostSample(kHostA, 30, 8.0 * kGiB, 64.0 * kGiB),
                     { vmSample(QStringLiteral("u1"), 9.5, 2.0 * kGiB),
                       vmSample(QStringLiteral("u2"), 10.25, kNoValue),
                       vmSample(QStringLiteral("u4"), 100, 0.5 * kGiB) });
    model.flushPendingChanges();
}

// Answers the charts' queries when the test says so, like an engine whose
// store and prediction threads take their time.
template<typename T> struct Pending
{
    QList<std::shared_ptr<QPromise<T>>> promises;
    QStringList asked;

    QFuture<T> ask(const QString &what)
    {
        auto promise = std::make_shared<QPromise<T>>();
        promise->start();
        promises.append(promise);
        asked.append(what);
        return promise->future();
    }
    void answer(int index, const T &value)
    {
        promises[index]->addResult(value);
        promises[index]->finish();
    }
};

} // namespace

class TestFleetModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QLocale::setDefault(QLocale::c()); }
    void tree_data();
    void tree();
    void coalescesSamples();
    void healthColumn();
    void healthColours();
    void sorting_data();
    void sorting();
    void filtering_data();
    void filtering();
    void eventLogNewestFirstAndCapped();
    void riskRanksWhatIsDueWithinTheHorizon();
    void anomaliesNewestFirstWithTheirVerdicts();
    void refreshWaitsForThePageToBeShown();
    void chartsApplyOnlyTheNewestAnswer();
    void liveLinesRepaintOnlyTheColumnsThatChanged();
    void liveChartDrawsItsSamplesAndGaps();
    void trafficSharesFollowTheWeights();
    void statusBarSummarisesALargeFleet();
    void overviewChartsTheBusiestHosts();
};

void TestFleetModel::tree_data()
{
    QTest::addColumn<Script>("script");
    QTest::addColumn<QString>("expected");

    QTest::newRow("empty") << Script([](FleetModel &) {}) << QString();

    QTest::newRow("hosts in order added")
        << Script([](FleetModel &m) {
               m.addHost(host(kHostB));
               m.addHost(host(kHostA));
               m.addHost(host(kHostB)); // a repeated signal changes nothing
           })
        << QStringLiteral(
               "fleet-b | disconnected | – |  |  | 0 of 0 VMs running · simulated usage\n"
               "fleet-a | disconnected | – |  |  | 0 of 0 VMs running · simulated usage\n");

    QTest::newRow("inventory, info and status")
        << Script([](FleetModel &m) {
               m.addHost(host(kHostA));
               m.setHostStatus(status(kHostA, HostState::Connected));
               m.setHostInfo(info(kHostA, 8, 32 * kGiB));
               m.resetInventory(kHostA,
                                { vm(QStringLiteral("u1"), QStringLiteral("web"), VmState::Running),
                                  vm(QStringLiteral("u2"), QStringLiteral("db"), VmState::ShutOff,
                                     4, 8 * kGiB) });
           })
        << QStringLiteral("fleet-a | connected | – | 32.0 GiB | 8 | TEST · 1 of 2 VMs running · "
                          "simulated usage\n"
                          "  web | running | – | 4.0 GiB | 2 | persistent · 1 disk · 0 NICs\n"
                          "  db | shut off | – | 8.0 GiB | 4 | persistent · 1 disk · 0 NICs\n");

    QTest::newRow("reset keeps survivors, drops the gone, appends the new")
        << Script([](FleetModel &m) {
               m.addHost(host(kHostA));
               m.resetInventory(kHostA,
                                { vm(QStringLiteral("u1"), QStringLiteral("web")),
                                  vm(QStringLiteral("u2"), QStringLiteral("db")),
                                  vm(QStringLiteral("u3"), QStringLiteral("cache")) });
               m.resetInventory(
                   kHostA,
                   { vm(QStringLiteral("u4"), QStringLiteral("queue")),
                     vm(QStringLiteral("u3"), QStringLiteral("cache"), VmState::Paused),
                     vm(QStringLiteral("u1"), QStringLiteral("web")) });
           })
        << QStringLiteral(
               "fleet-a | disconnected | – |  |  | 2 of 3 VMs running · simulated usage\n"
               "  web | running | – | 4.0 GiB | 2 | persistent · 1 disk · 0 NICs\n"
               "  cache | paused | – | 4.0 GiB | 2 | persistent · 1 disk · 0 NICs\n"
               "  queue | running | – | 4.0 GiB | 2 | persistent · 1 disk · 0 NICs\n");

    QTest::newRow("reset listing a UUID twice makes one row, the later")
        << Script([](FleetModel &m) {
               m.addHost(host(kHostA));
               m.resetInventory(kHostA,
                                { vm(QStringLiteral("u1"), QStringLiteral("web")),
                                  vm(QStringLiteral("u2"), QStringLiteral("db")),
                                  vm(QStringLiteral("u1"), QStringLiteral("web-renamed")) });
           })
        << QStringLiteral(
               "fleet-a | disconnected | – |  |  | 2 of 2 VMs running · simulated usage\n"
               "  db | running | – | 4.0 GiB | 2 | persistent · 1 disk · 0 NICs\n"
               "  web-renamed | running | – | 4.0 GiB | 2 | persistent · 1 disk · 0 NICs\n");

    QTest::newRow("vm changed: new VM appended, stopped VM loses its usage")
        << Script([](FleetModel &m) {
               m.addHost(host(kHostA));
               m.resetInventory(kHostA, { vm(QStringLiteral("u1"), QStringLiteral("web")) });
               m.addSamples(hostSample(kHostA, 12.5, 4.0 * kGiB, 16.0 * kGiB),
                            { vmSample(QStringLiteral("u1"), 55.25, 1.5 * kGiB) });
               m.updateVm(kHostA,
                          vm(QStringLiteral("u1"), QStringLiteral("web"), VmState::ShutOff));
               m.updateVm(
                   kHostA,
                   vm(QStringLiteral("u9"), QStringLiteral("new"), VmState::Running, 1, kGiB / 2));
               m.flushPendingChanges();
           })
        << QStringLiteral("fleet-a | disconnected | 12.5 % | 4.0 / 16.0 GiB |  | 1 of 2 VMs "
                          "running · simulated usage\n"
                          "  web | shut off | – | 4.0 GiB | 2 | persistent · 1 disk · 0 NICs\n"
                          "  new | running | – | 512.0 MiB | 1 | persistent · 1 disk · 0 NICs\n");

    QTest::newRow("samples: live CPU and memory, unknown ids ignored")
        << Script([](FleetModel &m) {
               m.addHost(host(kHostA));
               m.resetInventory(kHostA, { vm(QStringLiteral("u1"), QStringLiteral("web")) });
               m.addSamples(hostSample(kHostA, 40, 3.0 * kGiB, 16.0 * kGiB),
                            { vmSample(QStringLiteral("u1"), 75, 512.0 * 1024),
                              vmSample(QStringLiteral("ghost"), 1, 1) });
               m.addSamples(hostSample(kHostB, 1, 1, 1), {});
               m.flushPendingChanges();
           })
        << QStringLiteral("fleet-a | disconnected | 40.0 % | 3.0 / 16.0 GiB |  | 1 of 1 VMs "
                          "running · simulated usage\n"
                          "  web | running | 75.0 % | 512.0 MiB / 4.0 GiB | 2 | persistent · 1 "
                          "disk · 0 NICs\n");

    QTest::newRow("unreachable host shows its error") << Script([](FleetModel &m) {
        m.addHost(host(kHostA));
        m.setHostStatus(
            status(kHostA, HostState::Unreachable, QStringLiteral("Connection refused")));
    }) << QStringLiteral("fleet-a | unreachable | – |  |  | Connection refused\n");

    QTest::newRow("removals")
        << Script([](FleetModel &m) {
               m.addHost(host(kHostA));
               m.addHost(host(kHostB));
               m.resetInventory(kHostA,
                                { vm(QStringLiteral("u1"), QStringLiteral("web")),
                                  vm(QStringLiteral("u2"), QStringLiteral("db")) });
               m.resetInventory(kHostB, { vm(QStringLiteral("u3"), QStringLiteral("mail")) });
               m.removeVm(kHostA, QStringLiteral("u1"));
               m.removeVm(kHostA, QStringLiteral("missing"));
               m.removeHost(kHostB);
               m.removeHost(kHostB);
           })
        << QStringLiteral(
               "fleet-a | disconnected | – |  |  | 1 of 1 VMs running · simulated usage\n"
               "  db | running | – | 4.0 GiB | 2 | persistent · 1 disk · 0 NICs\n");
}

void TestFleetModel::tree()
{
    QFETCH(Script, script);
    QFETCH(QString, expected);

    FleetModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    script(model);
    QCOMPARE(dump(model), expected);
}

void TestFleetModel::coalescesSamples()
{
    FleetModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.addHost(host(kHostA));
    model.addHost(host(kHostB));
    model.resetInventory(kHostA,
                         { vm(QStringLiteral("u1"), QStringLiteral("web")),
                           vm(QStringLiteral("u2"), QStringLiteral("db")) });

    int changes = 0;
    connect(&model, &QAbstractItemModel::dataChanged, this, [&] { ++changes; });
    for (int burst = 0; burst < 20; ++burst) {
        model.addSamples(
            hostSample(kHostA, burst, 1, 2),
            { vmSample(QStringLiteral("u1"), burst, 1), vmSample(QStringLiteral("u2"), 1, 1) });
        model.addSamples(hostSample(kHostB, burst, 1, 2), {});
    }
    QCOMPARE(changes, 0);
    // One dataChanged for each host row plus one for host A's VM rows.
    QTRY_COMPARE_WITH_TIMEOUT(changes, 3, FleetModel::kCoalesceMs * 10);
    QCOMPARE(model.vmIndex(kHostA, QStringLiteral("u1"), FleetModel::CpuColumn).data().toString(),
             QStringLiteral("19.0 %"));
}

void TestFleetModel::healthColumn()
{
    FleetModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.addHost(host(kHostA));
    model.resetInventory(kHostA,
                         { vm(QStringLiteral("u1"), QStringLiteral("web")),
                           vm(QStringLiteral("u2"), QStringLiteral("db"), VmState::ShutOff) });
    const QModelIndex web = model.vmIndex(kHostA, QStringLiteral("u1"), FleetModel::HealthColumn);
    const QModelIndex db = model.vmIndex(kHostA, QStringLiteral("u2"), FleetModel::HealthColumn);
    QVERIFY(!web.data(FleetModel::RawValueRole).isValid()); // not scored yet

    HealthReport report;
    report.entity = QStringLiteral("vm/u1");
    report.uri = kHostA;
    report.uuid = QStringLiteral("u1");
    report.atMs = 1;
    report.health.score = 72;
    report.health.breakdown
        = { { QStringLiteral("cpu"), QStringLiteral("CPU at 92 % of capacity"), 28 } };
    HealthReport stopped = report;
    stopped.entity = QStringLiteral("vm/u2");
    stopped.uuid = QStringLiteral("u2");
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    model.addHealth({ report, stopped });
    model.flushPendingChanges();
    QVERIFY(!changed.isEmpty());
    QCOMPARE(web.data().toString(), QStringLiteral("72"));
    QCOMPARE(web.data(FleetModel::RawValueRole).toInt(), 72);
    QVERIFY(!web.data(Qt::DecorationRole).isNull());
    const QString tip = web.data(Qt::ToolTipRole).toString();
    QVERIFY2(tip.startsWith(QStringLiteral("Health 72 of 100")), qPrintable(tip));
    QVERIFY2(tip.contains(QStringLiteral("CPU at 92 % of capacity")), qPrintable(tip));
    // A stopped VM has no usage, so no score is shown for it.
    QVERIFY(db.data().toString().isEmpty());
    // Reports for hosts and VMs the tree does not know are ignored.
    report.uri = QStringLiteral("test:///elsewhere");
    model.addHealth({ report });
    model.flushPendingChanges();
    QCOMPARE(web.data().toString(), QStringLiteral("72"));
}

void TestFleetModel::healthColours()
{
    Predict::HealthScore fine;
    const QColor green = HealthText::color(fine);
    Predict::HealthScore degraded;
    degraded.score = 72;
    const QColor amber = HealthText::color(degraded);
    Predict::HealthScore unhealthy;
    unhealthy.score = 40;
    unhealthy.unhealthyNow = true;
    QVERIFY(green != amber && amber != HealthText::color(unhealthy));

    // A saturation forecast within a day is amber; one days away only lowers
    // the score, unless the At-risk list asks about the coming week.
    Predict::HealthScore soon;
    soon.score = 88;
    soon.unhealthyWithinSeconds = 3 * 3600;
    QCOMPARE(HealthText::color(soon), amber);
    Predict::HealthScore later;
    later.score = 96;
    later.unhealthyWithinSeconds = 4 * 24 * 3600;
    QCOMPARE(HealthText::color(later), green);
    QCOMPARE(HealthText::color(later, 7 * 24 * 3600), amber);
}

void TestFleetModel::sorting_data()
{
    QTest::addColumn<int>("column");
    QTest::addColumn<Qt::SortOrder>("order");
    QTest::addColumn<QStringList>("expected");

    // Text order would put "10.3 %" before "100.0 %" before "9.5 %".
    QTest::newRow("cpu ascending, unknown last")
        << int(FleetModel::CpuColumn) << Qt::AscendingOrder
        << QStringList{ QStringLiteral("alpha"), QStringLiteral("Bravo"), QStringLiteral("delta"),
                        QStringLiteral("charlie") };
    QTest::newRow("cpu descending, unknown still last")
        << int(FleetModel::CpuColumn) << Qt::DescendingOrder
        << QStringList{ QStringLiteral("delta"), QStringLiteral("Bravo"), QStringLiteral("alpha"),
                        QStringLiteral("charlie") };
    QTest::newRow("vcpus as numbers")
        << int(FleetModel::VcpuColumn) << Qt::AscendingOrder
        << QStringList{ QStringLiteral("delta"), QStringLiteral("alpha"), QStringLiteral("charlie"),
                        QStringLiteral("Bravo") };
    QTest::newRow("memory used, unknown last")
        << int(FleetModel::MemoryColumn) << Qt::AscendingOrder
        << QStringList{ QStringLiteral("delta"), QStringLiteral("alpha"), QStringLiteral("Bravo"),
                        QStringLiteral("charlie") };
    QTest::newRow("name, ignoring case")
        << int(FleetModel::NameColumn) << Qt::AscendingOrder
        << QStringList{ QStringLiteral("alpha"), QStringLiteral("Bravo"), QStringLiteral("charlie"),
                        QStringLiteral("delta") };
    QTest::newRow("state by value, descending")
        << int(FleetModel::StateColumn) << Qt::DescendingOrder
        << QStringList{ QStringLiteral("charlie"), QStringLiteral("alpha"), QStringLiteral("Bravo"),
                        QStringLiteral("delta") };
}

void TestFleetModel::sorting()
{
    QFETCH(int, column);
    QFETCH(Qt::SortOrder, order);
    QFETCH(QStringList, expected);

    FleetModel model;
    FleetSortProxy proxy;
    proxy.setSourceModel(&model);
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    sortFixture(model);
    proxy.sort(column, order);
    QCOMPARE(names(proxy, proxy.index(0, 0)), expected);
}

void TestFleetModel::filtering_data()
{
    QTest::addColumn<QString>("filter");
    QTest::addColumn<QString>("expected");

    QTest::newRow("no filter") << QString()
                               << QStringLiteral("fleet-a\n  alpha\n  Bravo\n  charlie\n  delta\n");
    QTest::newRow("a VM keeps its host")
        << QStringLiteral("BRAV") << QStringLiteral("fleet-a\n  Bravo\n");
    QTest::newRow("a host keeps its VMs")
        << QStringLiteral("fleet-a")
        << QStringLiteral("fleet-a\n  alpha\n  Bravo\n  charlie\n  delta\n");
    QTest::newRow("nothing matches") << QStringLiteral("zzz") << QString();
}

void TestFleetModel::filtering()
{
    QFETCH(QString, filter);
    QFETCH(QString, expected);

    FleetModel model;
    FleetSortProxy proxy;
    proxy.setSourceModel(&model);
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    sortFixture(model);
    proxy.sort(FleetModel::NameColumn, Qt::AscendingOrder);
    proxy.setFilterFixedString(filter);

    QString tree;
    for (int row = 0; row < proxy.rowCount(); ++row) {
        const QModelIndex host = proxy.index(row, 0);
        tree += host.data().toString() + u'\n';
        for (const QString &name : names(proxy, host))
            tree += QStringLiteral("  ") + name + u'\n';
    }
    QCOMPARE(tree, expected);
}

void TestFleetModel::eventLogNewestFirstAndCapped()
{
    EventLogModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    auto event = [](qint64 timeMs, const QString &message) {
        return EventRecord{ timeMs, EventRecord::Severity::Info, QStringLiteral("test"), kHostA, {},
                            message };
    };
    model.setEvents({ event(1000, QStringLiteral("first")), event(3000, QStringLiteral("third")),
                      event(2000, QStringLiteral("second")) });
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.index(0, EventLogModel::MessageColumn).data().toString(), u"third");
    QCOMPARE(model.index(2, EventLogModel::MessageColumn).data().toString(), u"first");
    QCOMPARE(model.index(0, EventLogModel::HostColumn).data().toString(), u"fleet-a");

    model.appendEvent(event(4000, QStringLiteral("fourth")));
    QCOMPARE(model.index(0, EventLogModel::MessageColumn).data().toString(), u"fourth");
    QVERIFY(model.contains(event(2000, QStringLiteral("second"))));
    QVERIFY(!model.contains(event(2000, QStringLiteral("other"))));

    // A message from elsewhere is shown as data: its direction override escaped.
    model.appendEvent(event(5000, QStringLiteral("web") + QChar(0x202E) + QStringLiteral("01")));
    QCOMPARE(model.index(0, EventLogModel::MessageColumn).data().toString(),
             QStringLiteral("web\\u{202e}01"));

    // Capped: the oldest go once there are more than the log keeps.
    QList<EventRecord> flood;
    for (int i = 0; i < EventLogModel::kMaxRows + 5; ++i)
        flood.append(event(10000 + i, QStringLiteral("flood %1").arg(i)));
    model.setEvents(flood);
    QCOMPARE(model.rowCount(), EventLogModel::kMaxRows);
    QVERIFY(!model.contains(event(10004, QStringLiteral("flood 4"))));
    QVERIFY(model.contains(event(10005, QStringLiteral("flood 5"))));
    model.appendEvent(event(99999, QStringLiteral("newest")));
    QCOMPARE(model.rowCount(), EventLogModel::kMaxRows);
    QVERIFY(!model.contains(event(10005, QStringLiteral("flood 5"))));
    QCOMPARE(model.index(0, EventLogModel::MessageColumn).data().toString(), u"newest");

    // A burst goes in as one insertion at the top, in the order one by one
    // would have given it: newest first, of one time the last logged first.
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    model.appendEvents({ event(100001, QStringLiteral("b1")), event(100000, QStringLiteral("a")),
                         event(100001, QStringLiteral("b2")) });
    QCOMPARE(inserted.size(), 1);
    QCOMPARE(inserted.first().at(1).toInt(), 0);
    QCOMPARE(inserted.first().at(2).toInt(), 2);
    QStringList top;
    for (int row = 0; row < 4; ++row)
        top.append(model.index(row, EventLogModel::MessageColumn).data().toString());
    QCOMPARE(top.join(u' '), QStringLiteral("b2 b1 a newest"));
    QCOMPARE(model.rowCount(), EventLogModel::kMaxRows);

    // One older than the top is put in its place instead.
    model.appendEvents(
        { event(100002, QStringLiteral("c")), event(99999, QStringLiteral("late")) });
    QCOMPARE(model.index(0, EventLogModel::MessageColumn).data().toString(), u"c");
    QCOMPARE(model.index(4, EventLogModel::MessageColumn).data().toString(), u"late");
    QCOMPARE(model.rowCount(), EventLogModel::kMaxRows);
}

void TestFleetModel::riskRanksWhatIsDueWithinTheHorizon()
{
    RiskModel model(nullptr, nullptr);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    auto report = [](const QString &uuid, int score, bool now, std::optional<qint64> withinS) {
        HealthReport r;
        r.entity = QStringLiteral("vm/") + uuid;
        r.uri = kHostA;
        r.uuid = uuid;
        r.atMs = 1;
        r.health.score = score;
        r.health.unhealthyNow = now;
        r.health.unhealthyWithinSeconds = withinS;
        return r;
    };
    model.addReports({ report(QStringLiteral("later"), 80, false, 2 * 3600),
                       report(QStringLiteral("fine"), 95, false, std::nullopt),
                       report(QStringLiteral("now-b"), 45, true, std::nullopt),
                       report(QStringLiteral("now-a"), 30, true, std::nullopt),
                       report(QStringLiteral("soon"), 70, false, 20 * 60) });
    auto entities = [&model] {
        QStringList out;
        for (int row = 0; row < model.rowCount(); ++row)
            out.append(model.index(row, 0).data(RiskModel::UuidRole).toString());
        return out;
    };
    model.setHorizonSeconds(3600);
    // Unhealthy now first (lowest score first), then the soonest; what is due
    // after the horizon, or never, is not at risk in it.
    QCOMPARE(
        entities(),
        (QStringList{ QStringLiteral("now-a"), QStringLiteral("now-b"), QStringLiteral("soon") }));
    model.setHorizonSeconds(24 * 3600);
    QCOMPARE(entities(),
             (QStringList{ QStringLiteral("now-a"), QStringLiteral("now-b"), QStringLiteral("soon"),
                           QStringLiteral("later") }));
    QCOMPARE(model.index(0, RiskModel::HealthColumn).data().toInt(), 30);
    QVERIFY(model.index(0, RiskModel::NameColumn).data().toString().contains(u"fleet-a"));

    // A newer report of the same VM replaces the older one.
    model.addReports({ report(QStringLiteral("now-a"), 90, false, std::nullopt) });
    model.setHorizonSeconds(24 * 3600);
    QCOMPARE(
        entities(),
        (QStringList{ QStringLiteral("now-b"), QStringLiteral("soon"), QStringLiteral("later") }));
}

void TestFleetModel::anomaliesNewestFirstWithTheirVerdicts()
{
    // A store with three anomalies of one VM from the last day, as the
    // detectors would have left them, opened by a running engine.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("umbra.db"));
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    QList<Anomaly> stored;
    {
        auto db = Database::open(path, QStringLiteral("seed-anomalies"));
        QVERIFY2(db.ok(), qPrintable(db.error()));
        for (int i = 0; i < 3; ++i) {
            Anomaly anomaly;
            anomaly.entity = QStringLiteral("vm/u1");
            anomaly.metric = QStringLiteral("cpu");
            anomaly.timeMs = now - (3 - i) * 3600 * 1000;
            anomaly.score = 0.5 + 0.1 * i;
            anomaly.kind = QStringLiteral("spike");
            anomaly.expected = 20;
            anomaly.observed = 90;
            const auto added = AnomalyStore::add(db.value()->sql(), anomaly);
            QVERIFY2(added.ok(), qPrintable(added.error()));
            QVERIFY(added.value().has_value());
            stored.append(*added.value());
        }
    }
    Engine engine;
    QVERIFY(engine.openStore(path).ok());
    engine.start();
    FleetModel fleet;
    fleet.addHost(host(kHostA));
    fleet.resetInventory(kHostA, { vm(QStringLiteral("u1"), QStringLiteral("web")) });

    AnomalyModel model(&engine, &fleet);
    std::optional<QAbstractItemModelTester> tester;
    tester.emplace(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    // The anomalies panel shows it sorted by the raw values, newest first.
    QSortFilterProxyModel sorted;
    sorted.setSourceModel(&model);
    sorted.setSortRole(AnomalyModel::RawValueRole);
    sorted.sort(AnomalyModel::TimeColumn, Qt::DescendingOrder);
    std::optional<QAbstractItemModelTester> sortedTester;
    sortedTester.emplace(&sorted, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    QSignalSpy openCount(&model, &AnomalyModel::openCountChanged);
    const auto ids = [&model] {
        QList<qint64> out;
        for (int row = 0; row < model.rowCount(); ++row)
            out.append(model.index(row, 0).data(AnomalyModel::IdRole).toLongLong());
        return out;
    };

    // The stored week arrives as a reset, newest first, named as the tree names the VM.
    QTRY_COMPARE(reset.count(), 1);
    QCOMPARE(ids(), (QList<qint64>{ stored[2].id, stored[1].id, stored[0].id }));
    QCOMPARE(model.index(0, AnomalyModel::EntityColumn).data().toString(), u"web");
    QCOMPARE(model.index(0, AnomalyModel::ReasonColumn).data().toString(),
             anomalyReason(stored[2]));
    QCOMPARE(model.index(0, AnomalyModel::TimeColumn).data(AnomalyModel::RawValueRole).toLongLong(),
             stored[2].timeMs);
    QCOMPARE(model.openCount(), 3);
    QCOMPARE(openCount.last().first().toInt(), 3);
    QCOMPARE(sorted.index(0, 0).data(AnomalyModel::IdRole).toLongLong(), stored[2].id);

    // An operator's verdict goes through the engine and comes back changed
    // in place: its row, no longer open, no longer bold.
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    engine.prediction()->setAnomalyVerdict(stored[1].id, AnomalyVerdict::FalseAlarm);
    QTRY_COMPARE(changed.count(), 1);
    QCOMPARE(changed.first().at(0).toModelIndex().row(), 1);
    QCOMPARE(model.index(1, AnomalyModel::VerdictColumn).data().toString(),
             anomalyVerdictName(AnomalyVerdict::FalseAlarm));
    QCOMPARE(model.index(1, 0).data(AnomalyModel::VerdictRole).toInt(),
             int(AnomalyVerdict::FalseAlarm));
    QVERIFY(!model.index(1, AnomalyModel::ReasonColumn).data(Qt::FontRole).isValid());
    QVERIFY(model.index(0, AnomalyModel::ReasonColumn).data(Qt::FontRole).value<QFont>().bold());
    QCOMPARE(model.openCount(), 2);
    QCOMPARE(openCount.last().first().toInt(), 2);
    QCOMPARE(ids(), (QList<qint64>{ stored[2].id, stored[1].id, stored[0].id }));

    // A verdict on an anomaly the list does not hold changes nothing.
    Anomaly elsewhere = stored[0];
    elsewhere.id = stored[2].id + 1000;
    elsewhere.verdict = AnomalyVerdict::Expected;
    Q_EMIT engine.prediction()->anomalyChanged(elsewhere);
    QCOMPARE(changed.count(), 1);

    // A new anomaly goes on top.
    Anomaly found = stored[2];
    found.id = stored[2].id + 1;
    found.timeMs = now;
    found.metric = QStringLiteral("memory");
    Q_EMIT engine.prediction()->anomalyFound(found);
    QCOMPARE(ids().first(), found.id);
    QCOMPARE(model.rowCount(), 4);
    QCOMPARE(sorted.index(0, 0).data(AnomalyModel::IdRole).toLongLong(), found.id);
    QCOMPARE(model.openCount(), 3);

    // Read again: what the store holds, the verdict kept (the one above was
    // only announced, never stored).
    model.reload();
    QTRY_COMPARE(reset.count(), 2);
    QCOMPARE(ids(), (QList<qint64>{ stored[2].id, stored[1].id, stored[0].id }));
    QCOMPARE(model.index(1, 0).data(AnomalyModel::VerdictRole).toInt(),
             int(AnomalyVerdict::FalseAlarm));

    // The list keeps the newest it can hold: the oldest make room. Filled
    // to the brim unwatched (row by row the tester would check thousands),
    // then watched again while the next ones push the oldest out.
    tester.reset();
    sortedTester.reset();
    const auto announce = [&](int i) {
        Anomaly flood = found;
        flood.id = found.id + 1 + i;
        flood.timeMs = now + qint64(i) * 60 * 1000; // told apart in the time column
        Q_EMIT engine.prediction()->anomalyFound(flood);
    };
    int announced = 0;
    while (model.rowCount() < AnomalyModel::kMaxRows)
        announce(announced++);
    tester.emplace(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const qint64 oldest = ids().last();
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    announce(announced++);
    announce(announced++);
    QCOMPARE(model.rowCount(), AnomalyModel::kMaxRows);
    QCOMPARE(removed.count(), 2);
    QCOMPARE(ids().first(), found.id + announced);
    QVERIFY(!ids().contains(oldest));
    engine.shutdown();
}

void TestFleetModel::refreshWaitsForThePageToBeShown()
{
    // The charts' refresh: a hidden page is not queried; shown again, it
    // reads once what came due meanwhile.
    QWidget page;
    int reloads = 0;
    VisibleRefresh refresh(
        &page, [&reloads] { ++reloads; }, &page);
    refresh.start(20);
    QTest::qWait(120);
    QCOMPARE(reloads, 0);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    QTRY_VERIFY(reloads >= 1);
    page.hide();
    refresh.stop();
    const int before = reloads;
    page.show();
    QTest::qWait(120);
    QCOMPARE(reloads, before); // stopped: nothing due, nothing read
    refresh.request(); // visible: at once
    QCOMPARE(reloads, before + 1);
}

namespace {

// Records what each paint was asked to cover.
class RecordingLines : public LiveLines
{
public:
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override
    {
        exposed |= option->exposedRect;
        LiveLines::paint(painter, option, widget);
    }
    QRectF exposed;
};

LiveLines::Line blueLine(const QList<QList<QPointF>> &segments)
{
    LiveLines::Line line;
    line.color = Qt::blue;
    line.segments = segments;
    return line;
}

} // namespace

void TestFleetModel::liveLinesRepaintOnlyTheColumnsThatChanged()
{
    QGraphicsScene scene(0, 0, 1000, 100);
    auto *lines = new RecordingLines;
    scene.addItem(lines);
    QGraphicsView view(&scene);
    view.setFrameShape(QFrame::NoFrame);
    view.setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    view.setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    view.resize(1000, 100);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    const auto painted = [&] {
        QTest::qWait(50);
        return std::exchange(lines->exposed, QRectF());
    };

    // 1,000 px for 1,000 s: one pixel a second, values 0–100 over 100 px.
    lines->setFrame(QRectF(0, 0, 1000, 100), 0, 1000 * 1000, 100);
    QList<QPointF> points;
    for (int s = 0; s < 500; ++s)
        points.append(QPointF(s * 1000.0, 50));
    lines->setLines({ blueLine({ points }) });
    QVERIFY(painted().width() >= 999); // the first lines: everything

    // One more sample: only the columns from the point it joins.
    points.append(QPointF(500 * 1000.0, 60));
    lines->setLines({ blueLine({ points }) });
    const QRectF one = painted();
    QVERIFY2(one.left() >= 490 && one.left() <= 499, qPrintable(QString::number(one.left())));

    // The same lines again: no paint at all.
    lines->setLines({ blueLine({ points }) });
    QVERIFY(painted().isEmpty());

    // A gap, then a lone sample: from where the new stretch starts.
    lines->setLines({ blueLine({ points, { QPointF(700 * 1000.0, 20) } }) });
    const QRectF lone = painted();
    QVERIFY2(lone.left() >= 690 && lone.left() <= 700, qPrintable(QString::number(lone.left())));

    // A forecast: from its first step.
    LiveLines::Line forecast = blueLine({ points, { QPointF(700 * 1000.0, 20) } });
    for (int s = 800; s <= 900; s += 50) {
        forecast.forecast.mean.append(QPointF(s * 1000.0, 30));
        forecast.forecast.upper80.append(QPointF(s * 1000.0, 40));
        forecast.forecast.lower80.append(QPointF(s * 1000.0, 20));
        forecast.forecast.upper95.append(QPointF(s * 1000.0, 45));
        forecast.forecast.lower95.append(QPointF(s * 1000.0, 15));
    }
    lines->setLines({ forecast });
    const QRectF band = painted();
    QVERIFY2(band.left() >= 790 && band.left() <= 800, qPrintable(QString::number(band.left())));

    // A changed scale moves every point: everything.
    lines->setFrame(QRectF(0, 0, 1000, 100), 0, 1000 * 1000, 200);
    QVERIFY(painted().width() >= 999);
}

void TestFleetModel::liveChartDrawsItsSamplesAndGaps()
{
    MetricChart chart(QStringLiteral("CPU"), MetricChart::Unit::Percent);
    const int line = chart.addSeries(QStringLiteral("of its vCPUs"));
    chart.resize(800, 300);
    chart.show();
    QVERIFY(QTest::qWaitForWindowExposed(&chart));
    // Ten minutes at 40 %, then ten without samples, then ten at 80 %.
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const qint64 start = now - 30 * 60 * 1000;
    for (qint64 t = start; t <= now; t += 10 * 1000) {
        const qint64 minute = (t - start) / 60000;
        if (minute >= 10 && minute < 20)
            continue;
        chart.append(line, t, minute < 10 ? 40 : 80);
    }
    QTRY_COMPARE(chart.pointCount(), 60 + 61);
    QTest::qWait(200); // the coalesced refresh, then its paint

    const QImage image = chart.grab().toImage();
    const QColor blue(0x2f, 0x81, 0xf7);
    // Where a time and value fall in the chart's widget.
    const auto toView = [&](qint64 timeMs, double value) {
        return chart.mapFromScene(chart.chart()->mapToScene(
            chart.chart()->mapToPosition(QPointF(double(timeMs), value))));
    };
    const auto blueNear = [&](qint64 timeMs, double value) {
        const QPointF at = toView(timeMs, value);
        for (int dy = -2; dy <= 2; ++dy) {
            const QColor pixel = image.pixelColor(QPoint(int(at.x()), int(at.y()) + dy));
            if (std::abs(pixel.red() - blue.red()) < 40
                && std::abs(pixel.green() - blue.green()) < 40
                && std::abs(pixel.blue() - blue.blue()) < 40)
                return true;
        }
        return false;
    };
    const auto anyBlueIn = [&](qint64 timeMs) {
        const QPointF top = toView(timeMs, 100);
        const QPointF bottom = toView(timeMs, 0);
        for (int y = int(top.y()); y <= int(bottom.y()); ++y) {
            const QColor pixel = image.pixelColor(QPoint(int(top.x()), y));
            if (pixel.blue() > 200 && pixel.red() < 100)
                return true;
        }
        return false;
    };
    QVERIFY(blueNear(start + 5 * 60 * 1000, 40));
    QVERIFY(blueNear(start + 25 * 60 * 1000, 80));
    QVERIFY(!blueNear(start + 25 * 60 * 1000, 40));
    QVERIFY(!anyBlueIn(start + 15 * 60 * 1000)); // the gap stays empty

    // The long-range view draws envelopes only: none set, no line.
    chart.showEnvelopes(start, now);
    QTest::qWait(200);
    const QImage envelopes = chart.grab().toImage();
    const QRect plot = chart.mapFromScene(chart.chart()->mapRectToScene(chart.chart()->plotArea()))
                           .boundingRect();
    int blues = 0;
    for (int y = plot.top(); y <= plot.bottom(); ++y) {
        for (int x = plot.left(); x <= plot.right(); ++x) {
            const QColor pixel = envelopes.pixelColor(x, y);
            blues += pixel.blue() > 200 && pixel.red() < 100 && pixel.green() > 100;
        }
    }
    QCOMPARE(blues, 0);
}

void TestFleetModel::chartsApplyOnlyTheNewestAnswer()
{
    QWidget page;
    auto *cpu = new MetricChart(QStringLiteral("CPU"), MetricChart::Unit::Percent, &page);
    const int line = cpu->addSeries(QStringLiteral("of its vCPUs"));
    (new QVBoxLayout(&page))->addWidget(cpu);
    page.resize(800, 400);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));

    Pending<QList<VmSample>> hours;
    Pending<QList<Series::ChartPoint>> envelopes;
    Pending<DemandForecast> forecasts;
    Pending<QList<Anomaly>> anomalies;
    std::function<void(const Anomaly &)> announce;
    ChartQueries queries;
    queries.vmHistory = [&](const QString &uuid, qint64, qint64) { return hours.ask(uuid); };
    queries.hostHistory
        = [](const QString &, qint64, qint64) { return QFuture<QList<HostSample>>(); };
    queries.chart
        = [&](const QString &series, qint64, qint64, int) { return envelopes.ask(series); };
    queries.forecast = [&](const QString &entity, const QString &metric, DemandForecast::Tier,
                           int) { return forecasts.ask(entity + u' ' + metric); };
    queries.anomalies
        = [&](const QString &entity, qint64, qint64) { return anomalies.ask(entity); };
    queries.intervalMs = [] { return 1000; };
    queries.watchAnomalies = [&](QObject *, std::function<void(const Anomaly &)> changed) {
        announce = std::move(changed);
    };

    auto *charts = new EntityCharts(queries, &page);
    charts->addHistoryLine(cpu, line, "cpu");
    charts->addForecastLine(cpu, line, "cpu");
    charts->addAnomalies(cpu, "cpu");
    QList<double> drawn;
    charts->drawHourWith([&](const VmSample &sample) {
        drawn.append(sample.cpuPercent);
        cpu->append(line, sample.timestampMs, sample.cpuPercent);
    });
    QSignalSpy loading(charts, &EntityCharts::loading);
    QSignalSpy loaded(charts, &EntityCharts::loaded);
    QSignalSpy forecastsLoaded(charts, &EntityCharts::forecastsLoaded);
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const auto samples = [now](double cpu) {
        VmSample sample;
        sample.timestampMs = now - 1000;
        sample.cpuPercent = cpu;
        return QList<VmSample>{ sample };
    };

    // The operator moves from VM a to VM b before a's hour has been read:
    // a's answer, arriving last, is not drawn on b's charts.
    charts->show(QStringLiteral("vm/a"), HistoryRange::Hour);
    QVERIFY(charts->isLoading());
    QCOMPARE(loading.last().first().toString(), HistoryBar::loadingText(HistoryRange::Hour));
    QCOMPARE(forecasts.asked, QStringList{ QStringLiteral("vm/a cpu") });
    QCOMPARE(anomalies.asked, QStringList{ QStringLiteral("vm/a") });
    charts->show(QStringLiteral("vm/b"), HistoryRange::Hour);
    QCOMPARE(hours.asked, (QStringList{ QStringLiteral("a"), QStringLiteral("b") }));
    hours.answer(1, samples(30));
    hours.answer(0, samples(10));
    QTRY_COMPARE(loaded.count(), 1);
    QTest::qWait(50);
    QCOMPARE(loaded.count(), 1);
    QCOMPARE(drawn, QList<double>{ 30 });
    QCOMPARE(loaded.last().first().toString(), QString());
    QVERIFY(!charts->isLoading());

    // Forecasts likewise: b's is drawn, a's late one is not.
    DemandForecast forecast;
    forecast.metric = QStringLiteral("cpu");
    for (int step = 1; step <= 5; ++step)
        forecast.steps.append({ now + step * 1000, 30, 25, 35, 20, 40 });
    forecasts.answer(1, forecast);
    forecast.steps.resize(2);
    forecasts.answer(0, forecast);
    QTRY_COMPARE(forecastsLoaded.count(), 1);
    QTest::qWait(50);
    QCOMPARE(forecastsLoaded.count(), 1);
    QCOMPARE(cpu->forecastPointCount(), 5);

    // Anomalies are read again when one of b's is found or judged, a burst
    // at once; another VM's are none of these charts' business.
    Anomaly anomaly;
    anomaly.entity = QStringLiteral("vm/a");
    anomaly.metric = QStringLiteral("cpu");
    anomaly.timeMs = now - 1000;
    anomaly.observed = 30;
    announce(anomaly);
    QTest::qWait(400);
    QCOMPARE(anomalies.asked.size(), 2);
    anomaly.entity = QStringLiteral("vm/b");
    announce(anomaly);
    announce(anomaly);
    QTRY_COMPARE(anomalies.asked.size(), 3);
    QTest::qWait(400);
    QCOMPARE(anomalies.asked.last(), QStringLiteral("vm/b"));
    QCOMPARE(anomalies.asked.size(), 3);
    anomalies.answer(2, { anomaly });
    QTRY_COMPARE(cpu->anomalyMarkerCount(), 1);

    // A long range: the stored series as envelopes, all lines at once, the
    // axis reaching a quarter ahead. The day's answer, late for the week, is dropped.
    constexpr qint64 kDayMs = 24 * 3600 * 1000;
    charts->show(QStringLiteral("vm/b"), HistoryRange::Day);
    QVERIFY(cpu->showsEnvelopes());
    charts->show(QStringLiteral("vm/b"), HistoryRange::Week);
    QCOMPARE(loading.last().first().toString(), HistoryBar::loadingText(HistoryRange::Week));
    QCOMPARE(envelopes.asked,
             (QStringList{ QStringLiteral("vm/b/cpu"), QStringLiteral("vm/b/cpu") }));
    const auto points = [now](int count) {
        QList<Series::ChartPoint> result;
        for (int i = count; i > 0; --i)
            result.append({ now - i * 3600 * 1000, 10, 20, 30, 60 });
        return result;
    };
    envelopes.answer(1, points(48));
    envelopes.answer(0, points(6));
    QTRY_COMPARE(loaded.count(), 2);
    QTest::qWait(50);
    QCOMPARE(loaded.count(), 2);
    QVERIFY(!charts->isLoading());
    QCOMPARE(cpu->largestEnvelope(), 48);
    // Two days stored of the seven asked for.
    QVERIFY2(loaded.last().first().toString().startsWith(QStringLiteral("Stored history begins")),
             qPrintable(loaded.last().first().toString()));
    const auto *axis = qobject_cast<QCategoryAxis *>(cpu->chart()->axes(Qt::Horizontal).last());
    QVERIFY(axis && axis->isVisible());
    QCOMPARE(qint64(axis->max() - axis->min()),
             7 * kDayMs + EntityCharts::futureSpanMs(HistoryRange::Week));
    QCOMPARE(EntityCharts::futureSpanMs(HistoryRange::Week), 7 * kDayMs / 4);
    QCOMPARE(EntityCharts::futureSpanMs(HistoryRange::Month), 7 * kDayMs); // at most a week

    // Stopped: nothing in flight lands, the overlays go.
    charts->show(QStringLiteral("vm/b"), HistoryRange::Hour);
    QVERIFY(!cpu->showsEnvelopes());
    charts->stop();
    hours.answer(hours.promises.size() - 1, samples(99));
    forecasts.answer(forecasts.promises.size() - 1, forecast);
    QTest::qWait(50);
    QCOMPARE(drawn, QList<double>{ 30 });
    QCOMPARE(loaded.count(), 2);
    QVERIFY(!charts->isLoading());
    QCOMPARE(cpu->forecastPointCount(), 0);
    announce(anomaly);
    QTest::qWait(400);
    QCOMPARE(anomalies.asked.size(), 6); // one for each show(), one for the burst; none since
}

void TestFleetModel::trafficSharesFollowTheWeights()
{
    const auto server
        = [](const QString &backend, const QString &name, int weight, const QString &status) {
              Traffic::ServerStat s;
              s.ref = { backend, name };
              s.weight = weight;
              s.status = status;
              s.currentSessions = weight;
              s.requestRate = 10.0 * weight;
              s.responses5xx = 2;
              s.connectionErrors = 1;
              s.responseTimeMs = 12;
              return s;
          };
    Traffic::BalancerView view;
    view.balancer
        = Traffic::Balancer::make(QStringLiteral("edge"), QStringLiteral("/run/a.sock")).value();
    Traffic::ServerStat backend
        = server(QStringLiteral("be"), QStringLiteral("BACKEND"), 4, QStringLiteral("UP"));
    backend.isBackend = true;
    view.stats
        = { server(QStringLiteral("be"), QStringLiteral("a"), 3, QStringLiteral("UP")),
            server(QStringLiteral("be"), QStringLiteral("b"), 1, QStringLiteral("DRAIN")), backend,
            server(QStringLiteral("other"), QStringLiteral("c"), 5, QStringLiteral("UP")) };

    TrafficModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
    QSignalSpy changes(&model, &QAbstractItemModel::dataChanged);
    model.setView(view, QStringLiteral("be"));
    QCOMPARE(model.rowCount(), 2); // the backend's own row and other backends are left out
    QCOMPARE(model.index(0, TrafficModel::ServerColumn).data().toString(), QStringLiteral("a"));
    QCOMPARE(model.index(0, TrafficModel::ShareColumn).data().toString(), QStringLiteral("75.0 %"));
    QCOMPARE(model.index(1, TrafficModel::ShareColumn).data().toString(), QStringLiteral("25.0 %"));
    QCOMPARE(model.index(1, TrafficModel::StateColumn).data().toString(), QStringLiteral("DRAIN"));
    QCOMPARE(model.index(0, TrafficModel::ErrorsColumn).data().toString(), QStringLiteral("3"));
    QCOMPARE(model.index(0, TrafficModel::RateColumn).data().toString(), QStringLiteral("30/s"));
    QCOMPARE(model.index(0, TrafficModel::ResponseColumn).data().toString(),
             QStringLiteral("12 ms"));
    QCOMPARE(resets.count(), 1);

    // A new read of the same servers changes the figures in place.
    view.stats[0].weight = 1;
    model.setView(view, QStringLiteral("be"));
    QCOMPARE(resets.count(), 1);
    QCOMPARE(changes.count(), 1);
    QCOMPARE(model.index(0, TrafficModel::ShareColumn).data().toString(), QStringLiteral("50.0 %"));
    QCOMPARE(model.index(0, TrafficModel::ShareColumn).data(TrafficModel::RawValueRole).toDouble(),
             50.0);

    // Every weight 0: no share rather than a division by zero.
    view.stats[0].weight = 0;
    view.stats[1].weight = 0;
    model.setView(view, QStringLiteral("be"));
    QCOMPARE(model.index(0, TrafficModel::ShareColumn).data().toString(), Format::missing());

    // Another backend replaces the rows.
    model.setView(view, QStringLiteral("other"));
    QCOMPARE(resets.count(), 2);
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.index(0, TrafficModel::ShareColumn).data().toString(),
             QStringLiteral("100.0 %"));
    model.clear();
    QCOMPARE(model.rowCount(), 0);
}

// Fifty hosts that cannot be reached at once, beside one that can: the
// status bar counts them by state instead of lining up 51 names it would
// cut off, and the tooltip of the unreachable ones names them with why.
void TestFleetModel::statusBarSummarisesALargeFleet()
{
    QTemporaryDir dir;
    Engine engine;
    QVERIFY(engine.openStore(dir.filePath(QStringLiteral("umbra.db"))).ok());
    engine.start();
    HostStatusBar bar(&engine);
    const QString reachable = QStringLiteral("test:///default");
    QVERIFY(engine.fleet()->addHost(host(reachable)).ok());
    QTRY_VERIFY(bar.itemText(reachable).contains(hostStateName(HostState::Connected)));
    QVERIFY(!bar.summarised());

    QStringList lost;
    for (int i = 0; i < 50; ++i) {
        lost.append(QStringLiteral("qemu+unix:///system?socket=/nonexistent/host-%1.sock")
                        .arg(i, 2, 10, QLatin1Char('0')));
        const auto added = engine.fleet()->addHost(host(lost.last()));
        QVERIFY2(added.ok(), qPrintable(added.error()));
    }
    QVERIFY(bar.summarised());
    QCOMPARE(bar.findChildren<QLabel *>().size(), 2 * 5 + 4); // a dot and a text per state
    const QString unreachable
        = QStringLiteral("<b>50</b> ") + hostStateName(HostState::Unreachable);
    QTRY_COMPARE_WITH_TIMEOUT(bar.itemText(lost.first()), unreachable, 15000);
    QCOMPARE(bar.itemText(lost.last()), unreachable);
    QCOMPARE(bar.itemText(reachable),
             QStringLiteral("<b>1</b> ") + hostStateName(HostState::Connected));

    const QString tip = bar.itemToolTip(lost.first());
    QVERIFY2(tip.contains(lost.first()) && tip.contains(lost[14]) && !tip.contains(lost[15]),
             qPrintable(tip));
    QVERIFY2(tip.contains(QStringLiteral("35 more")), qPrintable(tip));
    QVERIFY2(tip.contains(engine.fleet()->state()->status(lost.first()).lastError.left(40)),
             qPrintable(tip));

    // Back to a few hosts: one item each again.
    for (const QString &uri : std::as_const(lost))
        engine.fleet()->removeHost(uri);
    QVERIFY(!bar.summarised());
    QTRY_VERIFY2(bar.itemText(reachable).contains(hostStateName(HostState::Connected)),
                 qPrintable(bar.itemText(reachable)));
    engine.shutdown();
}

// Ten hosts: the overview's charts show the eight busiest by their latest
// CPU sample, not ten lines (two hundred in a large fleet), and a host that
// leaves makes room for the next busiest at once.
void TestFleetModel::overviewChartsTheBusiestHosts()
{
    QTemporaryDir dir;
    Engine engine; // not started: the samples are the test's
    QVERIFY(engine.openStore(dir.filePath(QStringLiteral("umbra.db"))).ok());
    QStringList uris;
    for (int i = 0; i < 10; ++i) {
        const QString file = dir.filePath(QStringLiteral("host%1.xml").arg(i));
        QVERIFY(QFile::copy(QStringLiteral(UMBRA_TEST_DATA_DIR "/fleet-states.xml"), file));
        uris.append(QStringLiteral("test://") + file);
        QVERIFY(engine.fleet()->addHost(host(uris.last())).ok());
    }
    FleetModel model;
    OverviewPage page(&engine, &model);
    QCOMPARE(page.chartedHosts().size(), OverviewPage::kChartedHosts);

    // Host i at 5·i % CPU, except host 0, the busiest.
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    for (int i = 0; i < 10; ++i) {
        HostSample sample;
        sample.uri = uris[i];
        sample.timestampMs = now;
        sample.cpuPercent = i == 0 ? 99 : 5.0 * i;
        sample.memoryUsedKiB = 1024;
        sample.memoryTotalKiB = 4096;
        Q_EMIT engine.fleet()->samplesCollected(sample, {});
    }
    const auto charted = [&page] {
        QStringList hosts = page.chartedHosts();
        hosts.sort();
        return hosts;
    };
    QStringList busiest{ uris[0], uris[3], uris[4], uris[5], uris[6], uris[7], uris[8], uris[9] };
    busiest.sort();
    QTRY_COMPARE(charted(), busiest);
    QVERIFY2(page.cpuChart()->title().contains(QStringLiteral("8 busiest of 10")),
             qPrintable(page.cpuChart()->title()));

    engine.fleet()->removeHost(uris[9]);
    busiest.removeOne(uris[9]);
    busiest.append(uris[2]);
    busiest.sort();
    QCOMPARE(charted(), busiest);

    engine.fleet()->removeHost(uris[8]);
    QCOMPARE(page.chartedHosts().size(), 8); // all eight left
    QCOMPARE(page.cpuChart()->title(), QStringLiteral("Host CPU"));
}

QTEST_MAIN(TestFleetModel)
#include "tst_fleetmodel.moc"
