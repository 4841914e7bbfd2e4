#include "statecolors.h"

#include <QHash>
#include <QPainter>
#include <QPixmap>

namespace Umbra::StateColors {

namespace {

const QColor kGood(0x2e, 0xa0, 0x43);
const QColor kBusy(0x2f, 0x81, 0xf7);
const QColor kWarn(0xe3, 0x9b, 0x1a);
const QColor kBad(0xd7, 0x3a, 0x3a);
const QColor kIdle(0x8b, 0x94, 0x9e);

} // namespace

QColor forHost(HostState state)
{
    switch (state) {
    case HostState::Connected:
        return kGood;
    case HostState::Connecting:
        return kBusy;
    case HostState::Degraded:
        return kWarn;
    case HostState::Unreachable:
        return kBad;
    case HostState::Disconnected:
        break;
    }
    return kIdle;
}

QColor forVm(VmState state)
{
    switch (state) {
    case VmState::Running:
        return kGood;
    case VmState::Blocked:
    case VmState::ShuttingDown:
        return kBusy;
    case VmState::Paused:
    case VmState::Suspended:
        return kWarn;
    case VmState::Crashed:
        return kBad;
    case VmState::ShutOff:
    case VmState::NoState:
        break;
    }
    return kIdle;
}

QColor forServer(const QString &status)
{
    if (status.startsWith(QLatin1String("DOWN")) || status.startsWith(QLatin1String("NOLB")))
        return kBad;
    if (status.startsWith(QLatin1String("DRAIN")) || status.contains(QLatin1String("MAINT")))
        return kWarn;
    if (status.startsWith(QLatin1String("UP")) || status == QLatin1String("no check"))
        return kGood;
    return kIdle;
}

QColor forSeverity(EventRecord::Severity severity)
{
    switch (severity) {
    case EventRecord::Severity::Warning:
        return kWarn;
    case EventRecord::Severity::Error:
        return kBad;
    case EventRecord::Severity::Info:
        break;
    }
    return kBusy;
}

QIcon dot(const QColor &color)
{
    static QHash<QRgb, QIcon> cache;
    const auto found = cache.constFind(color.rgba());
    if (found != cache.constEnd())
        return *found;

    // Drawn at 2x so it stays crisp on high-DPI screens; QIcon scales it down.
    QPixmap pixmap(32, 32);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(QPen(color.darker(130), 2));
    painter.setBrush(color);
    painter.drawEllipse(QRectF(7, 7, 18, 18));
    painter.end();

    const QIcon icon(pixmap);
    cache.insert(color.rgba(), icon);
    return icon;
}

} // namespace Umbra::StateColors
