#pragma once

#include <QList>
#include <QString>
#include <QtGlobal>

namespace Umbra::Predict {

// A known event an operator marks on the calendar: a release, a backup
// window, a campaign. Samples inside a past occurrence are kept out of the
// normal fit, and the uplift learnt from them is applied inside future ones.
struct CalendarEvent
{
    enum class Recurrence {
        None,
        Daily, // every 24 h after `startMs`
        Weekly, // every 7 × 24 h after `startMs`
    };

    QString name; // occurrences of one name share what is learnt
    qint64 startMs = 0;
    qint64 endMs = 0; // exclusive
    Recurrence recurrence = Recurrence::None;

    // True when `timeMs` lies inside an occurrence. Recurrences step in fixed
    // UTC days, so a local-time event moves by an hour across DST changes.
    bool contains(qint64 timeMs) const;

    bool operator==(const CalendarEvent &) const = default;
};

// What an event does to the series, learnt from its past occurrences:
// either a factor on the expected value or an offset added to it.
struct EventUplift
{
    enum class Kind { Ratio, Difference };

    QString name;
    Kind kind = Kind::Difference;
    double amount = 0; // the factor (Ratio) or offset (Difference)
    int samples = 0; // how many samples it was learnt from

    double apply(double expected) const
    {
        return kind == Kind::Ratio ? expected * amount : expected + amount;
    }
    bool operator==(const EventUplift &) const = default;
};

// The index in `events` of the first event containing `timeMs`, or -1.
int eventAt(const QList<CalendarEvent> &events, qint64 timeMs);

} // namespace Umbra::Predict
