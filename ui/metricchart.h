#pragma once

#include "anomalymarkers.h"
#include "chartseriesdata.h"
#include "forecastoverlay.h"
#include "livelines.h"
#include "series/chartpoint.h"

#include <QChartView>
#include <QColor>
#include <QMap>
#include <QTimer>
#include <memory>
#include <vector>

class QAbstractAxis;
class QAreaSeries;
class QCategoryAxis;
class QDateTimeAxis;
class QLineSeries;
class QValueAxis;

namespace Umbra {

// A time-series chart of the last hour: one line per series on a scrolling
// time axis, a value axis that picks its unit (%, B…TiB, B/s…) and range from
// the data, NaN values and long silences drawn as gaps. Appends are coalesced
// into one redraw. Colours follow the application palette (light or dark).
//
// For longer ranges it shows envelopes instead: per series the mean of each
// pixel column as the line over a shaded band from its minimum to its
// maximum, on a fixed axis whose ticks sit on whole hours or days.
//
// Either view can carry a forecast per series: a dashed line over its 80 %
// and 95 % prediction bands, right of "now".
//
// Qt Charts draws the axes, legend, anomaly markers and envelopes; the live
// lines and their forecasts, which change with every sample, are painted by
// LiveLines, which repaints only what a sample changes.
class MetricChart : public QChartView
{
    Q_OBJECT

public:
    enum class Unit { Percent, Bytes, BytesPerSecond, PerSecond, Milliseconds };

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

    // The long-range view of [fromMs, toMs]: series are drawn from
    // setEnvelope() and appended samples are dropped (whoever returns to the
    // live view reloads the hour). What was shown stays until it is replaced.
    void showEnvelopes(qint64 fromMs, qint64 toMs);
    // The chart points of one series, their values multiplied by `factor`
    // into the chart's unit (KiB to bytes).
    void setEnvelope(int id, const QList<Series::ChartPoint> &points, double factor = 1);
    // Back to the scrolling last hour, empty until samples are appended.
    void showLive();
    bool showsEnvelopes() const { return m_envelopeMode; }
    // The plot's width in pixels: how many points a chart query should ask
    // for (a fallback until the chart has been laid out).
    int plotWidthPx() const;

    // The forecast of a series, drawn where it falls inside the axis; values
    // multiplied by `factor` into the chart's unit. An empty list removes it.
    // While any series has one, the live view reaches a quarter of its span
    // past the newest sample.
    void setForecast(int id, const QList<ForecastBand> &bands, double factor = 1);
    void clearForecasts();
    // Forecast steps drawn, across all series.
    int forecastPointCount() const;
    // The right edge of the live view's time axis.
    qint64 axisEndMs() const { return m_axisEndMs; }

    // Anomalies as dots at their time and value (in the chart's stored
    // unit), with their reason as tooltip; an empty list removes them.
    void setAnomalyMarkers(const QList<ChartMarker> &markers);
    // Markers inside the axis as last drawn.
    int anomalyMarkerCount() const { return m_markers ? m_markers->drawnCount() : 0; }

    // Finite points across all series.
    int pointCount() const;
    // Envelope points across all series, and the most that one series has.
    int envelopePointCount() const;
    int largestEnvelope() const;
    QString title() const { return m_title; }
    // For a chart that shows one entity after another.
    void setTitle(const QString &title);

protected:
    void changeEvent(QEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void showEvent(QShowEvent *event) override;

private:
    // One unbroken stretch of an envelope: the mean over its min–max band.
    struct Band
    {
        QLineSeries *mean = nullptr;
        QLineSeries *upper = nullptr; // owned by area
        QLineSeries *lower = nullptr; // owned by area
        QAreaSeries *area = nullptr;
    };

    struct Line
    {
        QString name;
        QColor color;
        ChartSeriesData data;
        // Empty: the live points are drawn by LiveLines; this is the legend entry.
        QLineSeries *legendEntry = nullptr;
        QList<Series::ChartPoint> envelope;
        double envelopeFactor = 1;
        std::vector<Band> bands;
        std::shared_ptr<ForecastOverlay> forecast; // shared only to keep Line copyable
    };

    void scheduleRefresh();
    void refresh();
    void refreshEnvelopes();
    // Fits the value axis and title to `maxValue`; returns the unit's divisor.
    double updateValueAxis(double maxValue);
    void updateRangeAxis();
    void updateLiveFrame();
    void syncBands(Line &line, const QList<QList<Series::ChartPoint>> &stretches, qint64 columnMs,
                   double divisor);
    Band createBand(const Line &line);
    void destroyBand(Band &band);
    void applyBandColors(const Line &line, Band &band);
    void applyPalette();
    void updateTickCounts();
    bool hasForecast() const;
    double forecastMax(qint64 fromMs, qint64 toMs) const;
    void syncForecasts(QAbstractAxis *timeAxis, qint64 fromMs, qint64 toMs, double divisor);

    QString m_title;
    Unit m_unit;
    std::unique_ptr<AnomalyMarkers> m_markers; // created with the first marker
    LiveLines *m_liveLines = nullptr; // owned by the chart
    QDateTimeAxis *m_timeAxis = nullptr;
    QValueAxis *m_valueAxis = nullptr;
    QCategoryAxis *m_rangeAxis = nullptr; // the envelopes' time axis, labelled by hand
    bool m_envelopeMode = false;
    bool m_envelopesChanged = false;
    double m_envelopeDivisor = 1;
    qint64 m_rangeFromMs = 0;
    qint64 m_rangeToMs = 0;
    qint64 m_axisEndMs = 0;
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
