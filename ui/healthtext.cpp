#include "healthtext.h"

#include <QCoreApplication>

namespace Umbra::HealthText {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Umbra::HealthText", text);
}

QString inAbout(qint64 ms)
{
    return Predict::approximateDuration(std::max<qint64>(0, ms / 1000));
}

} // namespace

QColor color(const Predict::HealthScore &health, qint64 soonSeconds)
{
    if (health.unhealthyNow)
        return QColor(0xd7, 0x3a, 0x3a);
    if (health.score < 80
        || (health.unhealthyWithinSeconds && *health.unhealthyWithinSeconds <= soonSeconds))
        return QColor(0xe0, 0x9b, 0x1a);
    return QColor(0x2e, 0xa0, 0x43);
}

QString summary(const HealthReport &report)
{
    if (report.atMs == 0)
        return tr("not scored yet");
    const Predict::HealthScore &health = report.health;
    if (health.breakdown.isEmpty())
        return tr("Health %1 — nothing to report").arg(health.score);
    return tr("Health %1 — %2").arg(health.score).arg(health.breakdown.first().sentence);
}

QString breakdown(const HealthReport &report)
{
    if (report.atMs == 0)
        return tr("Scored from the first sample on.");
    const Predict::HealthScore &health = report.health;
    QStringList lines;
    lines.append(tr("Health %1 of 100").arg(health.score));
    if (health.unhealthyNow)
        lines.append(tr("Unhealthy now."));
    else if (health.unhealthyWithinSeconds)
        lines.append(tr("Predicted to be unhealthy within %1.")
                         .arg(Predict::approximateDuration(*health.unhealthyWithinSeconds)));
    for (const Predict::HealthFactor &factor : health.breakdown)
        lines.append(tr("−%1  %2").arg(factor.points).arg(factor.sentence));
    if (health.breakdown.isEmpty())
        lines.append(tr("Nothing deducted: utilisation, forecasts and error signals are fine."));
    // What the forecasts rest on: while they learn, a saturation they show
    // deducts nothing.
    lines.append(tr("CPU forecast: %1").arg(Predict::describe(report.cpuConfidence)));
    lines.append(tr("Memory forecast: %1").arg(Predict::describe(report.memoryConfidence)));
    return lines.join(u'\n');
}

QString saturation(const QString &resource, const Predict::Crossing &crossing, qint64 nowMs)
{
    if (!crossing.pointMs) {
        if (!crossing.earliestMs)
            return {};
        return tr("%1 could reach 100 % in %2 (95 % band)")
            .arg(resource, inAbout(*crossing.earliestMs - nowMs));
    }
    const QString point = inAbout(*crossing.pointMs - nowMs);
    if (crossing.earliestMs && crossing.latestMs)
        return tr("%1 reaches 100 % in %2 (between %3 and %4)")
            .arg(resource, point, inAbout(*crossing.earliestMs - nowMs),
                 inAbout(*crossing.latestMs - nowMs));
    if (crossing.earliestMs)
        return tr("%1 reaches 100 % in %2 (perhaps in %3)")
            .arg(resource, point, inAbout(*crossing.earliestMs - nowMs));
    return tr("%1 reaches 100 % in %2").arg(resource, point);
}

QString forecastCaption(const QList<DemandForecast> &forecasts, qint64 nowMs)
{
    QStringList lines;
    QString learning;
    bool any = false;
    for (const DemandForecast &forecast : forecasts) {
        const bool memory = forecast.metric == QLatin1String("memory");
        if (!memory && forecast.metric != QLatin1String("cpu"))
            continue; // rates have no capacity to reach
        any = any || !forecast.steps.isEmpty();
        const QString resource = memory ? tr("Memory") : tr("CPU");
        const QString text = saturation(resource, forecast.crossing, nowMs);
        const QString caveat = Predict::whyNoWarning(forecast.confidence);
        if (!text.isEmpty())
            lines.append(caveat.isEmpty() ? text : tr("%1, %2").arg(text, caveat));
        else if (forecast.confidence.learning() && !forecast.steps.isEmpty())
            learning = Predict::describe(forecast.confidence);
    }
    if (lines.isEmpty() && any) {
        const QString none
            = tr("Neither CPU nor memory is forecast to reach 100 % in the range shown.");
        return learning.isEmpty() ? none : tr("%1 (%2)").arg(none, learning);
    }
    return lines.join(QStringLiteral(" · "));
}

} // namespace Umbra::HealthText
