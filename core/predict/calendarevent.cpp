#include "predict/calendarevent.h"

namespace Umbra::Predict {

namespace {
constexpr qint64 kDayMs = 24 * 3600 * 1000LL;
}

bool CalendarEvent::contains(qint64 timeMs) const
{
    if (endMs <= startMs || timeMs < startMs)
        return false;
    const qint64 length = endMs - startMs;
    switch (recurrence) {
    case Recurrence::None:
        return timeMs < endMs;
    case Recurrence::Daily:
        return (timeMs - startMs) % kDayMs < length;
    case Recurrence::Weekly:
        return (timeMs - startMs) % (7 * kDayMs) < length;
    }
    return false;
}

int eventAt(const QList<CalendarEvent> &events, qint64 timeMs)
{
    for (qsizetype i = 0; i < events.size(); ++i) {
        if (events[i].contains(timeMs))
            return int(i);
    }
    return -1;
}

} // namespace Umbra::Predict
