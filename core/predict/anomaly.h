#pragma once

#include <QList>
#include <QMetaType>
#include <QString>

namespace Umbra {

// What an operator said about an anomaly.
enum class AnomalyVerdict {
    Open = 0, // not looked at
    FalseAlarm = 1, // nothing was wrong: the series' detector becomes less eager
    Expected = 2, // real but planned (a deploy, a batch): its new level is normal
};

// One anomaly found on a VM's or host's series, as stored and shown.
struct Anomaly
{
    qint64 id = 0;
    QString entity; // "vm/<uuid>" or "host/<uri>"
    QString metric; // "cpu", "memory", "disk_rd", "disk_wr", "net_rx", "net_tx"
    qint64 timeMs = 0;
    double score = 0; // 0..1
    QString kind; // "level", "spike", "dip", "rhythm"
    double expected = qQNaN();
    double observed = qQNaN();
    AnomalyVerdict verdict = AnomalyVerdict::Open;

    bool isVm() const { return entity.startsWith(QLatin1String("vm/")); }
};

// "CPU", "Disk read", …: translated.
QString anomalyMetricName(const QString &metric);
// "spike", "level shift", …: translated.
QString anomalyKindName(const QString &kind);
// "CPU spike: 97 % where about 21 % was expected": translated, for the
// event log, chart tooltips and the anomalies list.
QString anomalyReason(const Anomaly &anomaly);
// "false alarm", "expected", "open": translated.
QString anomalyVerdictName(AnomalyVerdict verdict);

} // namespace Umbra

Q_DECLARE_METATYPE(Umbra::Anomaly)
