// The longest time the GUI thread is blocked while the console collects from
// a large fleet.
//
// Opens the main window (offscreen unless a platform is set) on generated
// test-driver hosts with simulated usage, shows a VM page with live charts,
// and measures the event loop with a 2 ms heartbeat: any gap between beats
// beyond the period is time the GUI thread could not answer input.
//
//   bench_gui_stall [--hosts 10] [--vms 50] [--interval-ms 1000] [--seconds 30] [--warmup 10]
#include "benchfleet.h"
#include "engine/engine.h"
#include "fleetmodel.h"
#include "mainwindow.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QHash>
#include <QTemporaryDir>
#include <QThread>
#include <QTimer>
#include <algorithm>
#include <cstdio>
#include <vector>

using namespace Umbra;

namespace {

// Times every event delivery on the GUI thread and remembers the slow ones,
// so a stall can be traced to its receiver.
class TimingApplication : public QApplication
{
public:
    using QApplication::QApplication;

    bool notify(QObject *receiver, QEvent *event) override
    {
        if (QThread::currentThread() != thread())
            return QApplication::notify(receiver, event);
        if (depth++ > 0) {
            // Paints happen inside the window's update request: which widget
            // took the time.
            if (!recording || event->type() != QEvent::Paint) {
                const bool result = QApplication::notify(receiver, event);
                --depth;
                return result;
            }
            QElapsedTimer timer;
            timer.start();
            const bool result = QApplication::notify(receiver, event);
            QString painted = QLatin1String(receiver->metaObject()->className());
            for (QObject *up = receiver->parent(); up && painted.size() < 200; up = up->parent())
                if (!QByteArray(up->metaObject()->className()).startsWith('Q')) {
                    painted
                        += QStringLiteral(" in ") + QLatin1String(up->metaObject()->className());
                    break;
                }
            paintedBy[painted].first += double(timer.nsecsElapsed()) / 1e6;
            ++paintedBy[painted].second;
            --depth;
            return result;
        }
        QElapsedTimer timer;
        timer.start();
        const QEvent::Type type = event->type();
        QString className = QLatin1String(receiver->metaObject()->className());
        if (!receiver->objectName().isEmpty())
            className += QLatin1Char(' ') + receiver->objectName();
        if (receiver->parent()) // a timer says little; its owner says who
            className += QStringLiteral(" in ")
                + QLatin1String(receiver->parent()->metaObject()->className());
        const bool result = QApplication::notify(receiver, event);
        const double ms = double(timer.nsecsElapsed()) / 1e6;
        --depth;
        busyMs += ms;
        if (recording)
            busyBy[className + QStringLiteral(" #") + QString::number(int(type))] += ms;
        if (recording && ms > 8.0 && slow.size() < 60)
            slow.push_back(QStringLiteral("%1 ms  %2  event %3")
                               .arg(ms, 0, 'f', 1)
                               .arg(className)
                               .arg(int(type)));
        return result;
    }

    std::vector<QString> slow;
    bool recording = false; // only while the heartbeat is measured
    double busyMs = 0; // time spent delivering events since the last beat
    QHash<QString, double> busyBy; // ... by receiver and event type
    QHash<QString, std::pair<double, int>> paintedBy; // paint time and count by widget
    int depth = 0;
};

} // namespace

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    TimingApplication app(argc, argv);
    const Bench::FleetOptions options = Bench::parseFleetOptions(app, {});
    const int seconds = options.seconds;
    const int warmupMs = options.warmupSeconds * 1000;

    QTemporaryDir dir;
    Engine engine;
    if (!Bench::openFleet(engine, dir.path(), options))
        return 1;

    MainWindow window(&engine, true);
    window.resize(1920, 1080);
    window.show();
    engine.start();

    // Once the fleet is in, open a busy VM so charts update live too.
    QTimer::singleShot(2000, &window, [&] {
        const HostConfig first = engine.fleet()->hosts().constFirst();
        const QList<VmInfo> list = engine.fleet()->vms(first.uri);
        if (!list.isEmpty())
            window.showVm(first.uri, list.constFirst().uuid);
    });

    constexpr int kBeatMs = 2;
    std::vector<double> gaps;
    QElapsedTimer beat;
    bool measuring = false;
    QTimer heartbeat;
    heartbeat.setTimerType(Qt::PreciseTimer);
    QObject::connect(&heartbeat, &QTimer::timeout, &app, [&] {
        if (measuring) {
            const double gap = double(beat.nsecsElapsed()) / 1e6 - kBeatMs;
            gaps.push_back(gap);
            if (gap > 16.0 && app.slow.size() < 60)
                app.slow.push_back(QStringLiteral("stall %1 ms, of which %2 ms delivering events")
                                       .arg(gap, 0, 'f', 1)
                                       .arg(app.busyMs, 0, 'f', 1)
                                   + [&] {
                                         QString parts;
                                         for (auto it = app.busyBy.cbegin();
                                              it != app.busyBy.cend(); ++it)
                                             if (it.value() > 2.0)
                                                 parts += QStringLiteral("; %1: %2")
                                                              .arg(it.key())
                                                              .arg(it.value(), 0, 'f', 1);
                                         return parts;
                                     }());
        }
        app.busyMs = 0;
        app.busyBy.clear();
        beat.restart();
    });
    heartbeat.start(kBeatMs);

    QTimer::singleShot(warmupMs, &app, [&] {
        measuring = true;
        app.recording = true;
        beat.restart();
    });
    QTimer::singleShot(warmupMs + seconds * 1000, &app, [&] {
        measuring = false;
        std::sort(gaps.begin(), gaps.end());
        const double worst = gaps.empty() ? 0 : gaps.back();
        const double p99 = gaps.empty() ? 0 : gaps[size_t(double(gaps.size() - 1) * 0.99)];
        const auto over16
            = std::count_if(gaps.begin(), gaps.end(), [](double g) { return g > 16.0; });
        std::printf("hosts %d, VMs per host %d, interval %d ms, measured %d s, %zu beats\n",
                    options.hosts, options.vmsPerHost, options.intervalMs, seconds, gaps.size());
        std::printf("longest GUI-thread stall: %.2f ms; p99 %.2f ms; stalls over 16 ms: %lld\n",
                    worst, p99, static_cast<long long>(over16));
        std::printf(
            "{\"max_stall_ms\": %.2f, \"p99_stall_ms\": %.2f, \"stalls_over_16ms\": %lld}\n", worst,
            p99, static_cast<long long>(over16));
        if (qEnvironmentVariableIsSet("UMBRA_BENCH_TRACE")) {
            for (const QString &line : app.slow)
                std::printf("slow delivery: %s\n", qPrintable(line));
            std::vector<std::pair<double, QString>> painters;
            for (auto it = app.paintedBy.cbegin(); it != app.paintedBy.cend(); ++it)
                painters.emplace_back(
                    it->first, QStringLiteral("%1 (%2 paints)").arg(it.key()).arg(it->second));
            std::sort(painters.rbegin(), painters.rend());
            for (size_t i = 0; i < std::min<size_t>(12, painters.size()); ++i)
                std::printf("painting: %.1f ms  %s\n", painters[i].first,
                            qPrintable(painters[i].second));
        }
        window.close();
        QApplication::quit();
    });
    const int status = app.exec();
    engine.shutdown();
    return status;
}
