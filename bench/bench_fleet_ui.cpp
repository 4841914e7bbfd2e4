// How fast the fleet views answer on a large fleet: typing into the fleet
// filter, re-sorting the fleet tree and opening a VM's page, each timed from
// the call to the end of the events it causes (layout and paint included),
// while the engine collects in the background.
//
// Opens the main window (offscreen unless a platform is set) at 1920×1080 on
// generated test-driver hosts, waits until every VM is in the tree, then
// measures.
//
//   bench_fleet_ui [--hosts 200] [--vms 50] [--interval-ms 10000] [--warmup 10] [--db DIR]
//                  [--history-days N]
//
// Start-up is timed too: the window's first paint after main(), every VM in
// the tree, every running VM's models ready (restored from the store when
// --db names one a previous run left), and the longest the GUI thread was
// late meanwhile. Run it twice with the same --db to time a restart; with
// --history-days 30 the first run fills a new store with a month of history
// (and measures the views once it is in), so the second times a restart on a
// month-old fleet.
//
// With UMBRA_BENCH_SHOTS=DIR it also saves the overview and the last VM page
// it opened as PNGs there, to look at what a fleet of that size shows.
#include "benchfleet.h"
#include "engine/engine.h"
#include "engine/historyservice.h"
#include "mainwindow.h"

#include <QAbstractItemModel>
#include <QApplication>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QHeaderView>
#include <QLineEdit>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QTreeView>
#include <algorithm>
#include <cstdio>
#include <functional>
#include <vector>

using namespace Umbra;

namespace {

// Milliseconds from calling `action` until the GUI thread has delivered
// what it posted (layout, paint).
double timed(const std::function<void()> &action)
{
    QElapsedTimer timer;
    timer.start();
    action();
    QCoreApplication::processEvents();
    QCoreApplication::processEvents();
    return double(timer.nsecsElapsed()) / 1e6;
}

int vmRows(const QAbstractItemModel *model)
{
    int rows = 0;
    for (int host = 0; host < model->rowCount(); ++host)
        rows += model->rowCount(model->index(host, 0));
    return rows;
}

// The first paint of a widget, after `clock` started.
class FirstPaint : public QObject
{
public:
    FirstPaint(QWidget *widget, const QElapsedTimer &clock)
        : m_clock(clock)
    {
        widget->installEventFilter(this);
    }
    double ms() const { return m_ms; }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Paint && m_ms < 0) {
            m_ms = double(m_clock.nsecsElapsed()) / 1e6;
            watched->removeEventFilter(this);
        }
        return false;
    }

private:
    const QElapsedTimer &m_clock;
    double m_ms = -1;
};

// How late a 5 ms timer on the GUI thread fires at worst: how long the GUI
// could not react.
class Heartbeat
{
public:
    Heartbeat()
    {
        m_timer.setInterval(5);
        QObject::connect(&m_timer, &QTimer::timeout, [this] {
            if (m_last.isValid())
                m_worstMs = std::max(m_worstMs, double(m_last.nsecsElapsed()) / 1e6 - 5.0);
            m_last.start();
        });
        m_timer.start();
    }
    double worstMs() const { return m_worstMs; }
    void stop() { m_timer.stop(); }

private:
    QTimer m_timer;
    QElapsedTimer m_last;
    double m_worstMs = 0;
};

struct Figures
{
    std::vector<double> ms;
    double max() const { return ms.empty() ? 0 : *std::max_element(ms.begin(), ms.end()); }
    double median() const
    {
        std::vector<double> sorted = ms;
        std::sort(sorted.begin(), sorted.end());
        return sorted.empty() ? 0 : sorted[sorted.size() / 2];
    }
};

} // namespace

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QElapsedTimer sinceMain;
    sinceMain.start();
    QApplication app(argc, argv);
    Bench::FleetOptions defaults;
    defaults.hosts = 200;
    defaults.vmsPerHost = 50;
    defaults.intervalMs = 10000;
    const Bench::FleetOptions options = Bench::parseFleetOptions(app, defaults);
    const int expected = options.hosts * options.vmsPerHost;

    QTemporaryDir dir;
    Engine engine;
    engine.demoBackfill()->setEnabled(false);
    const bool filling = options.historyDays > 0
        && !QFileInfo::exists(options.databaseDir + QStringLiteral("/bench.db"));
    if (!Bench::openFleet(engine, dir.path(), options))
        return 1;
    int filled = 0; // VMs and hosts whose history is in
    QObject::connect(engine.history(), &HistoryService::historyFilled, &app, [&] { ++filled; });
    MainWindow window(&engine, true);
    window.resize(1920, 1080);
    const FirstPaint firstPaint(&window, sinceMain);
    // When the models of how many VMs were ready.
    std::vector<std::pair<double, int>> learning;
    QObject::connect(engine.prediction(), &PredictionProxy::learningProgress, &window,
                     [&](int ready, int) {
                         learning.emplace_back(double(sinceMain.nsecsElapsed()) / 1e6, ready);
                     });
    const QString shots = qEnvironmentVariable("UMBRA_BENCH_SHOTS");
    const auto shoot = [&](const char *name) {
        if (!shots.isEmpty())
            window.grab().save(shots + u'/' + QLatin1String(name));
    };
    Heartbeat heartbeat;
    window.show();
    engine.start();

    QTreeView *tree = nullptr;
    for (QTreeView *view : window.findChildren<QTreeView *>())
        if (view->model() && view->model()->inherits("Umbra::FleetSortProxy"))
            tree = view;
    QLineEdit *filter = nullptr;
    for (QLineEdit *edit : window.findChildren<QLineEdit *>())
        if (edit->placeholderText().startsWith(QLatin1String("Filter hosts")))
            filter = edit;
    if (!tree || !filter) {
        std::fprintf(stderr, "bench_fleet_ui: no fleet tree or filter in the main window\n");
        return 1;
    }
    QElapsedTimer waited;
    waited.start();
    while (vmRows(tree->model()) < expected && waited.elapsed() < 600000)
        QTest::qWait(200);
    const double loadedS = double(waited.elapsed()) / 1000.0;
    shoot("fleet-ui-loaded.png"); // models still being restored, as a rule
    int learntVms = 0;
    for (const HostConfig &host : engine.fleet()->hosts())
        for (const VmInfo &vm : engine.fleet()->vms(host.uri))
            learntVms += vm.state == VmState::Running ? 1 : 0;
    const auto learnt = [&] {
        const auto all = std::find_if(learning.begin(), learning.end(),
                                      [&](const auto &at) { return at.second >= learntVms; });
        return all == learning.end() ? -1.0 : all->first;
    };
    while (learnt() < 0 && waited.elapsed() < 600000)
        QTest::qWait(200);
    const double learntMs = learnt();
    heartbeat.stop();
    if (vmRows(tree->model()) < expected) {
        std::fprintf(stderr, "bench_fleet_ui: %d of %d VMs in the tree after %.0f s\n",
                     vmRows(tree->model()), expected, loadedS);
        return 1;
    }
    if (filling) {
        // A new store filling in its month: the views are measured on it once
        // it is in, the start-up on the next run.
        const int entities = expected + options.hosts;
        QElapsedTimer fill;
        fill.start();
        while (filled < entities && fill.elapsed() < 4 * 3600 * 1000) {
            QTest::qWait(1000);
            if (fill.elapsed() / 1000 % 60 == 0)
                std::printf("history of %d days: %d of %d VMs and hosts after %.0f s\n",
                            options.historyDays, filled, entities, double(fill.elapsed()) / 1000);
        }
        std::printf("history of %d days: %d of %d VMs and hosts in %.1f s\n", options.historyDays,
                    filled, entities, double(fill.elapsed()) / 1000);
        std::fflush(stdout);
    }
    QTest::qWait(options.warmupSeconds * 1000); // a few collections and health batches
    window.showOverview();
    QTest::qWait(500);
    shoot("fleet-ui-overview.png");

    // Typing a VM's name one key at a time, then clearing the filter.
    Figures typing;
    const QList<HostConfig> hosts = engine.fleet()->hosts();
    const QList<VmInfo> middle = engine.fleet()->vms(hosts.at(hosts.size() / 2).uri);
    const QString name = middle.at(middle.size() / 2).name;
    for (qsizetype length = 1; length <= name.size(); ++length)
        typing.ms.push_back(timed([&] { filter->setText(name.left(length)); }));
    const int matching = vmRows(tree->model());
    const double cleared = timed([&] { filter->clear(); });
    typing.ms.push_back(cleared);

    // Re-sorting by each visible column, both ways.
    Figures sorting;
    for (int column = 0; column < tree->model()->columnCount(); ++column) {
        if (tree->isColumnHidden(column))
            continue;
        for (Qt::SortOrder order : { Qt::DescendingOrder, Qt::AscendingOrder })
            sorting.ms.push_back(timed([&] { tree->sortByColumn(column, order); }));
    }
    tree->sortByColumn(0, Qt::AscendingOrder);

    // Opening VM pages across the fleet.
    Figures opening;
    for (int i = 0; i < 10; ++i) {
        const HostConfig &host = hosts.at(qsizetype(i) * hosts.size() / 10);
        const QList<VmInfo> vms = engine.fleet()->vms(host.uri);
        if (vms.isEmpty())
            continue;
        const VmInfo &vm = vms.at(qsizetype(i) % vms.size());
        opening.ms.push_back(timed([&] { window.showVm(host.uri, vm.uuid); }));
        QTest::qWait(300);
    }
    QTest::qWait(1000);
    shoot("fleet-ui-vm.png");

    std::printf("%d hosts × %d VMs, interval %d ms; all VMs in the tree after %.1f s\n",
                options.hosts, options.vmsPerHost, options.intervalMs, loadedS);
    std::printf("start-up: first paint %.0f ms after main(), models of %d running VMs ready "
                "after %.1f s, GUI thread late by at most %.1f ms meanwhile\n",
                firstPaint.ms(), learntVms, learntMs / 1000.0, heartbeat.worstMs());
    std::printf("filter, typing \"%s\" key by key and clearing: median %.1f ms, max %.1f ms "
                "(clearing %.1f ms; %d VMs matched)\n",
                qPrintable(name), typing.median(), typing.max(), cleared, matching);
    std::printf("re-sort, %zu sorts: median %.1f ms, max %.1f ms\n", sorting.ms.size(),
                sorting.median(), sorting.max());
    std::printf("open a VM's page, %zu pages: median %.1f ms, max %.1f ms\n", opening.ms.size(),
                opening.median(), opening.max());
    std::printf("peak RSS: %.1f MiB\n", Bench::peakRssMiB());
    std::printf("{\"vms\": %d, \"filter_median_ms\": %.2f, \"filter_max_ms\": %.2f, "
                "\"sort_median_ms\": %.2f, \"sort_max_ms\": %.2f, \"open_vm_median_ms\": %.2f, "
                "\"open_vm_max_ms\": %.2f, \"peak_rss_mib\": %.1f, \"first_paint_ms\": %.1f, "
                "\"models_ready_s\": %.2f, \"startup_worst_late_ms\": %.1f}\n",
                expected, typing.median(), typing.max(), sorting.median(), sorting.max(),
                opening.median(), opening.max(), Bench::peakRssMiB(), firstPaint.ms(),
                learntMs / 1000.0, heartbeat.worstMs());
    window.close();
    engine.shutdown();
    return 0;
}
