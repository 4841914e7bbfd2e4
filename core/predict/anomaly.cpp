#include "predict/anomaly.h"

#include <QCoreApplication>
#include <QLocale>
#include <cmath>

namespace Umbra {

namespace {

// lupdate files the tr() calls below under the context "Umbra" (the
// enclosing namespace), so look them up there.
QString tr(const char *text)
{
    return QCoreApplication::translate("Umbra", text);
}

bool isPercent(const QString &metric)
{
    return metric == QLatin1String("cpu") || metric == QLatin1String("memory");
}

// Values as the charts label them: percent, or a byte rate.
QString formatValue(const QString &metric, double value)
{
    const QLocale locale;
    if (isPercent(metric))
        return tr("%1 %").arg(locale.toString(value, 'f', value < 10 ? 1 : 0));
    return tr("%1/s").arg(locale.formattedDataSize(qint64(std::llround(std::max(0.0, value))), 1,
                                                   QLocale::DataSizeTraditionalFormat));
}

} // namespace

QString anomalyMetricName(const QString &metric)
{
    if (metric == QLatin1String("cpu"))
        return tr("CPU");
    if (metric == QLatin1String("memory"))
        return tr("Memory");
    if (metric == QLatin1String("disk_rd"))
        return tr("Disk read");
    if (metric == QLatin1String("disk_wr"))
        return tr("Disk write");
    if (metric == QLatin1String("net_rx"))
        return tr("Network in");
    if (metric == QLatin1String("net_tx"))
        return tr("Network out");
    return metric;
}

QString anomalyKindName(const QString &kind)
{
    if (kind == QLatin1String("spike"))
        return tr("spike");
    if (kind == QLatin1String("dip"))
        return tr("dip");
    if (kind == QLatin1String("level"))
        return tr("level shift");
    if (kind == QLatin1String("rhythm"))
        return tr("change of rhythm");
    return tr("unusual value");
}

QString anomalyReason(const Anomaly &anomaly)
{
    const QString what
        = tr("%1 %2").arg(anomalyMetricName(anomaly.metric), anomalyKindName(anomaly.kind));
    if (!std::isfinite(anomaly.observed))
        return what;
    if (!std::isfinite(anomaly.expected))
        return tr("%1: %2").arg(what, formatValue(anomaly.metric, anomaly.observed));
    return tr("%1: %2 where about %3 was expected")
        .arg(what, formatValue(anomaly.metric, anomaly.observed),
             formatValue(anomaly.metric, anomaly.expected));
}

QString anomalyVerdictName(AnomalyVerdict verdict)
{
    switch (verdict) {
    case AnomalyVerdict::FalseAlarm:
        return tr("false alarm");
    case AnomalyVerdict::Expected:
        return tr("expected");
    case AnomalyVerdict::Open:
        break;
    }
    return tr("open");
}

} // namespace Umbra
