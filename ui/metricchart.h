#pragma once

#include "chartseriesdata.h"

#include <QChartView>
#include <QColor>
#include <QMap>
#include <QTimer>
#include <vector>

class QDateTimeAxis;
class QLineSeries;
class QValueAxis;

namespace Umbra {

// A time-series chart of the last hour: one line per series on a scrolling
// time axis, a value axis that picks its unit (%, B…TiB, B/s…) and range from
// the data, NaN values and long silences drawn as gaps. Appends are coalesced
// into one redraw. Colours follow the application palette (light or dark).
class MetricChart : public QChartView
{
    Q_OBJECT

public:
    enum class Unit { Percent, Bytes, BytesPerSecond };

    static constexpr qint64 kWindowMs = 3600 * 1000;
    // While history is shorter than the window the axis shows at least this span,
    // so a fresh chart is not a line squeezed against the right edge.
    static constexpr qint64 kMinimumSpanMs = 60 * 1000;

    MetricChart(const QString &title, Unit unit, QWidget *parent = nullptr);
    ~MetricChart() override;

    // Returns an id for append() and removeSeries().
    int addSeries(const QString &name);
    void removeSeries(int id);
    void append(int id, qint64 timestampMs, double value);
    void clearPoints();

    // Finite points across all series.
    int pointCount() const;
    QString title() const { return m_title; }

protected:
    void changeEvent(QEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void showEvent(QShowEvent *event) override;

private:
    struct Line
    {
        QString name;
        QColor color;
        ChartSeriesData data;
        std::vector<QLineSeries *> segments; // [0] always exists: it owns the legend entry
    };

    void scheduleRefresh();
    void refresh();
    void syncSegments(Line &line, const QList<QList<QPointF>> &segments);
    QLineSeries *createSegment(const Line &line, bool inLegend);
    void applyPalette();
    void updateTickCounts();

    QString m_title;
    Unit m_unit;
    QDateTimeAxis *m_timeAxis = nullptr;
    QValueAxis *m_valueAxis = nullptr;
    QMap<int, Line> m_lines;
    int m_nextId = 0;
    QTimer m_refreshTimer;
    QTimer m_scrollTimer;
    qint64 m_spanMs = kMinimumSpanMs;
    int m_valueTicks = 5; // wanted; the refresh rounds the range to whole steps
    // A hidden chart only keeps its data; Qt Charts' relayout is the costliest
    // thing the GUI thread does, so it happens for what is on screen only.
    bool m_dirtyWhileHidden = false;
};

} // namespace Umbra
