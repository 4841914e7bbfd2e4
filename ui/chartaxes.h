#pragma once

#include <QDate>
#include <QList>
#include <QString>

// Where a chart's axes start and end, how far apart their ticks are and what
// the time ticks say: the arithmetic behind MetricChart, apart from the
// widgets so it can be tested on its own.
namespace Umbra::ChartAxes {

// The larger of two values where NaN means "nothing": a NaN never wins.
double higher(double a, double b);

// The smallest of 1, 2, 2.5, 5 and 10 times a power of ten that is >= raw
// (1 for anything not positive).
double niceStep(double raw);

// The power of 1024 (0 B … 4 TiB) a byte axis whose highest value is
// `maxValue` is labelled in: the next unit once the axis would read 1000+.
int bytePower(double maxValue);

// A value axis from 0 to `top` in `tickCount - 1` steps of `step`.
struct ValueScale
{
    double top = 1;
    double step = 1;
    int tickCount = 2;
    // Steps like 2.5 need a decimal in the labels, or they would read 0, 3, 5, 8.
    bool wholeSteps = true;
};

// The axis for data up to `maxValue` (in the axis' unit, NaN when nothing is
// drawn): a tenth of headroom above it, at least `floor` so an idle line
// does not fill the plot with noise, about `wantedTicks` ticks on round
// steps. With `percent` the axis stops at 100 in quarters.
ValueScale valueScale(double maxValue, double floor, int wantedTicks, bool percent);

// Ticks the plot has room for: a time label per 110 px, a value label per
// 45 px, within bounds that keep a small chart readable and a large one calm.
int timeTickCount(int widthPx);
int valueTickCount(int heightPx);

// The scrolling time axis of the live view.
struct LiveWindow
{
    qint64 spanMs = 0; // of samples shown
    qint64 fromMs = 0; // the axis' left edge
    qint64 samplesEndMs = 0; // the edge the samples reach
    qint64 endMs = 0; // the axis' right edge: past samplesEndMs by the forecast's room
};

// The axis for samples from `earliestMs` to `latestMs`: their span rounded
// up to whole minutes (five of them past ten) within [minimumSpanMs,
// windowMs], the right edge advancing in steps of a 60th of the span and at
// least 5 s (the axis relayouts every label and the plot is redrawn whole
// when it moves, so it moves once a step rather than with every sample)
// and, with a forecast, a quarter of the span further for it.
LiveWindow liveWindow(qint64 earliestMs, qint64 latestMs, qint64 minimumSpanMs, qint64 windowMs,
                      bool withForecast);
// "HH:mm:ss" while the axis spans ten minutes or less, "HH:mm" beyond.
QString liveTimeFormat(qint64 spanMs);

// The step of a long range's ticks: whole local hours (every `hours`) for a
// range of a day and a half at most, midnights (every `days`) beyond.
struct TickStep
{
    int hours = 0;
    int days = 0;
};

// The finest step whose labels fit, when `labelsThatFit` labels fit the plot.
TickStep tickStep(qint64 spanMs, int labelsThatFit);

struct Tick
{
    qint64 timeMs = 0;
    QString label;
};

// Ticks strictly inside (fromMs, toMs) on whole local hours ("HH:mm",
// midnights labelled with their date) or on midnights: every day, every
// other day, on the 1st, 6th, 11th… or on the 1st, 11th and 21st, so the
// same dates recur whatever the range's start.
QList<Tick> ticks(qint64 fromMs, qint64 toMs, TickStep step);
// The ticks an axis draws, when half a label spans `halfLabelMs`: labels
// centre on their ticks, so none within `halfLabelMs` of the right edge,
// where it would be cut off (on the left the value axis' labels leave room:
// half of that suffices); a label repeated by a clock change only once.
QList<Tick> placedTicks(qint64 fromMs, qint64 toMs, TickStep step, double halfLabelMs);

// The date on a long-range axis, in the style of the language ("12 Mar",
// "12. März").
QString dayLabel(const QDate &date);
// A whole hour on a long-range axis ("06:00").
QString hourLabel(int hour);

} // namespace Umbra::ChartAxes
