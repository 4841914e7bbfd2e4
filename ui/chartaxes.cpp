#include "chartaxes.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QLocale>
#include <algorithm>
#include <cmath>

namespace Umbra::ChartAxes {

namespace {

constexpr qint64 kHourMs = 3600 * 1000;
constexpr qint64 kDayMs = 24 * kHourMs;

bool onDayStep(int day, int dayStep)
{
    // The 31st would sit a day from the next month's 1st.
    switch (dayStep) {
    case 1:
        return true;
    case 2:
    case 5:
    case 10:
        return day % dayStep == 1 && day != 31;
    default:
        return day == 1;
    }
}

} // namespace

double higher(double a, double b)
{
    if (!std::isfinite(b))
        return a;
    return b <= a ? a : b; // a NaN `a` compares false: `b` wins
}

double niceStep(double raw)
{
    if (!(raw > 0))
        return 1;
    const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
    for (const double factor : { 1.0, 2.0, 2.5, 5.0 }) {
        if (raw <= factor * magnitude * (1 + 1e-9))
            return factor * magnitude;
    }
    return 10 * magnitude;
}

int bytePower(double maxValue)
{
    int power = 0;
    double divisor = 1;
    while (power < 4 && std::isfinite(maxValue) && maxValue / divisor >= 1000) {
        divisor *= 1024;
        ++power;
    }
    return power;
}

ValueScale valueScale(double maxValue, double floor, int wantedTicks, bool percent)
{
    ValueScale scale;
    double top = std::isfinite(maxValue) ? maxValue * 1.1 : 0.0;
    top = std::max(top, floor);
    const int intervals = std::max(2, wantedTicks - 1);
    double step = niceStep(top / intervals);
    top = std::ceil(top / step - 1e-9) * step;
    if (percent && top > 100) {
        top = 100;
        step = 25;
    }
    scale.top = top;
    scale.step = step;
    scale.tickCount = int(std::lround(top / step)) + 1;
    scale.wholeSteps = std::abs(step - std::round(step)) < 1e-9;
    return scale;
}

int timeTickCount(int widthPx)
{
    // About one label per 110 px keeps "HH:mm:ss" labels from overlapping.
    return std::clamp(widthPx / 110, 3, 9);
}

int valueTickCount(int heightPx)
{
    return std::clamp(heightPx / 45, 3, 6);
}

LiveWindow liveWindow(qint64 earliestMs, qint64 latestMs, qint64 minimumSpanMs, qint64 windowMs,
                      bool withForecast)
{
    LiveWindow window;
    // A young chart's span grows in whole minutes, then in five-minute steps,
    // rather than with every sample: each change redraws the whole plot.
    constexpr qint64 kMinuteMs = 60 * 1000;
    const qint64 raw = latestMs - earliestMs;
    const qint64 grain = raw <= 10 * kMinuteMs ? kMinuteMs : 5 * kMinuteMs;
    window.spanMs = std::clamp((raw + grain - 1) / grain * grain, minimumSpanMs, windowMs);
    const qint64 stepMs = std::max<qint64>(5000, window.spanMs / 60);
    window.samplesEndMs = (latestMs / stepMs + 1) * stepMs;
    window.fromMs = window.samplesEndMs - window.spanMs;
    window.endMs = withForecast ? window.samplesEndMs + window.spanMs / 4 : window.samplesEndMs;
    return window;
}

QString liveTimeFormat(qint64 spanMs)
{
    return spanMs <= 10 * 60 * 1000 ? QStringLiteral("HH:mm:ss") : QStringLiteral("HH:mm");
}

TickStep tickStep(qint64 spanMs, int labelsThatFit)
{
    TickStep step;
    if (spanMs <= 36 * kHourMs) {
        step.hours = 12;
        for (const int hours : { 1, 2, 3, 4, 6, 12 }) {
            if (spanMs / (hours * kHourMs) <= labelsThatFit) {
                step.hours = hours;
                break;
            }
        }
        return step;
    }
    step.days = 30;
    for (const int days : { 1, 2, 5, 10 }) {
        if (spanMs / (days * kDayMs) <= labelsThatFit) {
            step.days = days;
            break;
        }
    }
    return step;
}

QList<Tick> ticks(qint64 fromMs, qint64 toMs, TickStep step)
{
    QList<Tick> result;
    const QDate first = QDateTime::fromMSecsSinceEpoch(fromMs).date();
    const QDate last = QDateTime::fromMSecsSinceEpoch(toMs).date();
    for (QDate date = first; date <= last; date = date.addDays(1)) {
        if (step.hours > 0) {
            for (int hour = 0; hour < 24; hour += step.hours) {
                const qint64 t = QDateTime(date, QTime(hour, 0)).toMSecsSinceEpoch();
                if (t > fromMs && t < toMs)
                    result.append({ t, hour == 0 ? dayLabel(date) : hourLabel(hour) });
            }
            continue;
        }
        const qint64 t = date.startOfDay().toMSecsSinceEpoch();
        if (onDayStep(date.day(), step.days) && t > fromMs && t < toMs)
            result.append({ t, dayLabel(date) });
    }
    return result;
}

QList<Tick> placedTicks(qint64 fromMs, qint64 toMs, TickStep step, double halfLabelMs)
{
    QList<Tick> placed;
    QStringList labels;
    for (const Tick &tick : ticks(fromMs, toMs, step)) {
        // The axis needs distinct labels.
        if (tick.timeMs - fromMs < halfLabelMs / 2 || toMs - tick.timeMs < halfLabelMs
            || labels.contains(tick.label))
            continue;
        placed.append(tick);
        labels.append(tick.label);
    }
    return placed;
}

QString dayLabel(const QDate &date)
{
    // Translated with the chart's other strings.
    return QLocale().toString(
        date,
        QCoreApplication::translate("Umbra::MetricChart", "d MMM",
                                    "date on a chart axis (QDate format: day, short month)"));
}

QString hourLabel(int hour)
{
    return QLocale().toString(QTime(hour, 0), QStringLiteral("HH:mm"));
}

} // namespace Umbra::ChartAxes
