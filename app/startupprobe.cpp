#include "startupprobe.h"

#include <QCoreApplication>
#include <QEvent>
#include <QFile>
#include <QWidget>
#include <cstdio>
#include <ctime>
#include <unistd.h>

namespace Umbra {

namespace {

// Milliseconds since the kernel started this process (/proc/self/stat field
// 22, in clock ticks since boot), so dynamic loading is counted too.
double msSinceProcessStart()
{
    QFile stat(QStringLiteral("/proc/self/stat"));
    if (!stat.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray line = stat.readAll();
    // The command name may contain spaces; fields resume after its ')'.
    const QList<QByteArray> fields = line.mid(line.lastIndexOf(')') + 2).split(' ');
    if (fields.size() < 20)
        return -1;
    const double startTicks = fields[19].toDouble();
    timespec now{};
    clock_gettime(CLOCK_BOOTTIME, &now);
    const double nowMs = double(now.tv_sec) * 1e3 + double(now.tv_nsec) / 1e6;
    return nowMs - startTicks * 1e3 / double(sysconf(_SC_CLK_TCK));
}

} // namespace

StartupProbe::StartupProbe(QWidget *window, const QElapsedTimer &sinceMain)
    : QObject(window)
    , m_window(window)
    , m_sinceMain(sinceMain)
{
    qApp->installEventFilter(this);
}

bool StartupProbe::enabled()
{
    return qEnvironmentVariableIsSet("UMBRA_STARTUP_REPORT");
}

bool StartupProbe::eventFilter(QObject *watched, QEvent *event)
{
    if (!m_reported && event->type() == QEvent::Paint && watched->isWidgetType()
        && static_cast<QWidget *>(watched)->window() == m_window) {
        m_reported = true;
        std::fprintf(stderr,
                     "umbra: first paint %.0f ms after process start, %lld ms after main()\n",
                     msSinceProcessStart(), m_sinceMain.elapsed());
        qApp->removeEventFilter(this);
    }
    return QObject::eventFilter(watched, event);
}

} // namespace Umbra
