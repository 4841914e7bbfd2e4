#pragma once

#include <QList>
#include <QObject>
#include <QString>

class QAbstractAxis;
class QChart;
class QScatterSeries;
class QWidget;

namespace Umbra {

// One anomaly on a chart: where it sits (in the chart's stored unit) and
// what a tooltip says about it.
struct ChartMarker
{
    qint64 timeMs = 0;
    double value = 0;
    QString text;
    bool open = true; // not yet judged by an operator
};

// The anomalies of a chart as dots on its lines: open ones filled in the
// warning colour, judged ones (false alarm, expected) as hollow grey rings.
// Hovering a dot shows its reason. Owns its series in the chart and follows
// the chart when it swaps time axes, like the forecast overlay; it must go
// before the chart does.
class AnomalyMarkers : public QObject
{
    Q_OBJECT

public:
    AnomalyMarkers(QChart *chart, QWidget *view);
    ~AnomalyMarkers() override;

    void setMarkers(const QList<ChartMarker> &markers);
    const QList<ChartMarker> &markers() const { return m_markers; }
    // Draws the markers inside [fromMs, toMs] against `timeAxis`, divided
    // into the value axis' unit; returns how many are drawn.
    int sync(QAbstractAxis *timeAxis, QAbstractAxis *valueAxis, qint64 fromMs, qint64 toMs,
             double divisor);
    int drawnCount() const { return m_drawn; }
    void setDark(bool dark);

private:
    void showTip(const QPointF &point, bool entered);

    QChart *m_chart;
    QWidget *m_view;
    QList<ChartMarker> m_markers;
    QScatterSeries *m_open = nullptr;
    QScatterSeries *m_judged = nullptr;
    QAbstractAxis *m_timeAxis = nullptr;
    double m_divisor = 1;
    int m_drawn = 0;
};

} // namespace Umbra
