#include "metricchart.h"

#include "chartaxes.h"

#include <QAreaSeries>
#include <QCategoryAxis>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QEvent>
#include <QFontMetrics>
#include <QGraphicsLayout>
#include <QGraphicsScene>
#include <QLegendMarker>
#include <QLineSeries>
#include <QValueAxis>
#include <algorithm>
#include <cmath>

namespace Umbra {

namespace {

// Distinct on both palettes; the first two are the usual read/write, rx/tx pair.
const QColor kSeriesColors[] = {
    QColor(0x2f, 0x81, 0xf7), QColor(0xf0, 0x88, 0x3e), QColor(0x2e, 0xa0, 0x43),
    QColor(0xb0, 0x5c, 0xe0), QColor(0xd7, 0x3a, 0x3a), QColor(0x1f, 0xb5, 0xb5),
    QColor(0xc9, 0xa2, 0x27), QColor(0x8b, 0x94, 0x9e),
};

struct Scale
{
    double divisor = 1;
    QString unit;
};

Scale scaleFor(MetricChart::Unit unit, double maxValue)
{
    if (unit == MetricChart::Unit::Percent)
        return { 1, MetricChart::tr("%") };
    if (unit == MetricChart::Unit::PerSecond)
        return { 1, MetricChart::tr("/s") };
    if (unit == MetricChart::Unit::Milliseconds)
        return { 1, MetricChart::tr("ms") };

    static const char *const names[] = {
        QT_TRANSLATE_NOOP("Umbra::MetricChart", "B"),
        QT_TRANSLATE_NOOP("Umbra::MetricChart", "KiB"),
        QT_TRANSLATE_NOOP("Umbra::MetricChart", "MiB"),
        QT_TRANSLATE_NOOP("Umbra::MetricChart", "GiB"),
        QT_TRANSLATE_NOOP("Umbra::MetricChart", "TiB"),
    };
    const int power = ChartAxes::bytePower(maxValue);
    const double divisor = std::pow(1024.0, power);
    QString name = MetricChart::tr(names[power]);
    if (unit == MetricChart::Unit::BytesPerSecond)
        name = MetricChart::tr("%1/s").arg(name);
    return { divisor, name };
}

// Qt Charts stacks grid (2), axes (3), series (4) and legend (5) (its
// ChartPresenter::ZValues). The live lines go over the grid and under the
// series: in the live view the only series drawn are the anomaly markers,
// which sit on the lines.
constexpr qreal kLiveLinesZ = 3.5;

bool paletteIsDark(const QPalette &palette)
{
    return palette.color(QPalette::Window).lightness() < 128;
}

// An envelope cut into stretches where a column is missing for longer than
// three columns (the host was down, or Umbra was not running).
QList<QList<Series::ChartPoint>> stretchesOf(const QList<Series::ChartPoint> &points,
                                             qint64 columnMs)
{
    QList<QList<Series::ChartPoint>> stretches;
    QList<Series::ChartPoint> current;
    for (const Series::ChartPoint &point : points) {
        if (!std::isfinite(point.mean) || !std::isfinite(point.min) || !std::isfinite(point.max))
            continue;
        if (!current.isEmpty() && point.timeMs - current.last().timeMs > 3 * columnMs)
            stretches.append(std::exchange(current, {}));
        current.append(point);
    }
    if (!current.isEmpty())
        stretches.append(current);
    return stretches;
}

} // namespace

MetricChart::MetricChart(const QString &title, Unit unit, QWidget *parent)
    : QChartView(new QChart, parent)
    , m_title(title)
    , m_unit(unit)
{
    // Given to the base, not set later: setChart() would release the chart
    // QChartView(parent) makes for itself without deleting it.
    QChart *chart = this->chart();
    chart->setMargins(QMargins(2, 2, 2, 2));
    chart->layout()->setContentsMargins(0, 0, 0, 0);
    chart->setBackgroundRoundness(4);
    chart->legend()->setAlignment(Qt::AlignTop);
    chart->setAnimationOptions(QChart::NoAnimation);

    m_timeAxis = new QDateTimeAxis;
    m_valueAxis = new QValueAxis;
    m_valueAxis->setMin(0);
    m_rangeAxis = new QCategoryAxis;
    m_rangeAxis->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
    m_rangeAxis->setVisible(false);
    chart->addAxis(m_timeAxis, Qt::AlignBottom);
    chart->addAxis(m_rangeAxis, Qt::AlignBottom);
    chart->addAxis(m_valueAxis, Qt::AlignLeft);
    // The tick labels depend on the plot's width, known only after layout.
    connect(chart, &QChart::plotAreaChanged, this, [this] {
        if (m_envelopeMode)
            updateRangeAxis();
        else
            updateLiveFrame();
    });
    m_liveLines = new LiveLines(chart);
    m_liveLines->setZValue(kLiveLinesZ);
    // Every refresh moves every item; a BSP index would be rebuilt each time
    // for nothing (Qt recommends NoIndex for dynamic scenes).
    scene()->setItemIndexMethod(QGraphicsScene::NoIndex);
    setRenderHint(QPainter::Antialiasing);
    setMinimumSize(240, 150);

    m_refreshTimer.setObjectName(QStringLiteral("chart-refresh"));
    m_refreshTimer.setSingleShot(true);
    // Charts of one page receive the same samples at the same moment; their
    // refreshes are staggered so the event loop breathes between them instead
    // of relayouting four charts in one go.
    static int instances = 0;
    m_refreshTimer.setInterval(50 + 30 * (instances++ % 4));
    connect(&m_refreshTimer, &QTimer::timeout, this, &MetricChart::refresh);
    // Keeps the time axis moving when a host goes quiet.
    m_scrollTimer.setInterval(10 * 1000);
    connect(&m_scrollTimer, &QTimer::timeout, this, &MetricChart::scheduleRefresh);
    m_scrollTimer.start();

    applyPalette();
    refresh();
}

MetricChart::~MetricChart() = default;

int MetricChart::addSeries(const QString &name)
{
    const int id = m_nextId++;
    Line &line = m_lines[id];
    line.name = name;
    line.color = kSeriesColors[size_t(id) % std::size(kSeriesColors)];
    line.legendEntry = new QLineSeries;
    line.legendEntry->setName(name);
    line.legendEntry->setPen(LiveLines::linePen(line.color));
    line.legendEntry->setColor(line.color);
    chart()->addSeries(line.legendEntry);
    line.legendEntry->attachAxis(m_timeAxis);
    line.legendEntry->attachAxis(m_valueAxis);
    return id;
}

void MetricChart::removeSeries(int id)
{
    const auto found = m_lines.find(id);
    if (found == m_lines.end())
        return;
    chart()->removeSeries(found->legendEntry);
    delete found->legendEntry;
    for (Band &band : found->bands)
        destroyBand(band);
    m_lines.erase(found);
    scheduleRefresh();
}

void MetricChart::append(int id, qint64 timestampMs, double value)
{
    const auto found = m_lines.find(id);
    if (found == m_lines.end() || m_envelopeMode)
        return;
    found->data.add(timestampMs, value);
    scheduleRefresh();
}

void MetricChart::clearPoints()
{
    for (Line &line : m_lines) {
        line.data.clear();
        line.envelope.clear();
    }
    m_envelopesChanged = true;
    refresh();
}

void MetricChart::setForecast(int id, const QList<ForecastBand> &bands, double factor)
{
    const auto found = m_lines.find(id);
    if (found == m_lines.end())
        return;
    if (bands.isEmpty()) {
        if (!found->forecast)
            return;
        found->forecast.reset();
    } else {
        if (!found->forecast) {
            found->forecast = std::make_shared<ForecastOverlay>(
                chart(), tr("%1 (forecast)").arg(found->name), found->color);
            found->forecast->setDark(paletteIsDark(palette()));
        }
        found->forecast->setBands(bands, factor);
    }
    m_envelopesChanged = true;
    scheduleRefresh();
}

void MetricChart::setAnomalyMarkers(const QList<ChartMarker> &markers)
{
    if (!m_markers) {
        if (markers.isEmpty())
            return;
        m_markers = std::make_unique<AnomalyMarkers>(chart(), this);
        m_markers->setDark(paletteIsDark(palette()));
    }
    m_markers->setMarkers(markers);
    m_envelopesChanged = true;
    scheduleRefresh();
}

void MetricChart::clearForecasts()
{
    for (Line &line : m_lines)
        line.forecast.reset();
    m_envelopesChanged = true;
    scheduleRefresh();
}

int MetricChart::forecastPointCount() const
{
    int count = 0;
    for (const Line &line : m_lines) {
        if (line.forecast)
            count += int(line.forecast->bands().size());
    }
    return count;
}

bool MetricChart::hasForecast() const
{
    return std::any_of(m_lines.cbegin(), m_lines.cend(),
                       [](const Line &line) { return line.forecast && !line.forecast->isEmpty(); });
}

double MetricChart::forecastMax(qint64 fromMs, qint64 toMs) const
{
    double top = qQNaN();
    for (const Line &line : m_lines) {
        if (!line.forecast)
            continue;
        top = ChartAxes::higher(top, line.forecast->maxValue(fromMs, toMs));
    }
    return top;
}

void MetricChart::syncForecasts(QAbstractAxis *timeAxis, qint64 fromMs, qint64 toMs, double divisor)
{
    for (Line &line : m_lines) {
        if (line.forecast)
            line.forecast->sync(timeAxis, m_valueAxis, fromMs, toMs, divisor);
    }
}

void MetricChart::showEnvelopes(qint64 fromMs, qint64 toMs)
{
    if (!m_envelopeMode) {
        m_envelopeMode = true;
        m_scrollTimer.stop();
        for (Line &line : m_lines)
            line.data.clear();
        m_liveLines->setLines({});
        m_liveLines->hide();
        m_timeAxis->setVisible(false);
        m_rangeAxis->setVisible(true);
        m_envelopesChanged = true;
    }
    if (fromMs != m_rangeFromMs || toMs != m_rangeToMs) {
        m_rangeFromMs = fromMs;
        m_rangeToMs = toMs;
        m_rangeAxis->setRange(double(fromMs), double(toMs));
        // Points sit at the centres of their columns, which move with the range.
        m_envelopesChanged = true;
    }
    scheduleRefresh();
}

void MetricChart::setEnvelope(int id, const QList<Series::ChartPoint> &points, double factor)
{
    const auto found = m_lines.find(id);
    if (found == m_lines.end() || !m_envelopeMode)
        return;
    found->envelope = points;
    found->envelopeFactor = factor;
    m_envelopesChanged = true;
    scheduleRefresh();
}

void MetricChart::showLive()
{
    if (!m_envelopeMode)
        return;
    m_envelopeMode = false;
    for (Line &line : m_lines) {
        line.envelope.clear();
        for (Band &band : line.bands)
            destroyBand(band);
        line.bands.clear();
        line.data.clear();
    }
    m_rangeAxis->setVisible(false);
    m_timeAxis->setVisible(true);
    m_liveLines->show();
    m_scrollTimer.start();
    refresh();
}

int MetricChart::plotWidthPx() const
{
    // Before the first layout the plot area is a placeholder.
    const int width = int(chart()->plotArea().width());
    return width >= 50 ? width : 800;
}

int MetricChart::envelopePointCount() const
{
    int count = 0;
    for (const Line &line : m_lines) {
        for (const Band &band : line.bands)
            count += int(band.upper->count());
    }
    return count;
}

int MetricChart::largestEnvelope() const
{
    qsizetype largest = 0;
    for (const Line &line : m_lines)
        largest = std::max(largest, line.envelope.size());
    return int(largest);
}

int MetricChart::pointCount() const
{
    int count = 0;
    for (const Line &line : m_lines)
        count += line.data.finiteCount();
    return count;
}

void MetricChart::scheduleRefresh()
{
    if (!isVisible()) {
        m_dirtyWhileHidden = true;
        return;
    }
    if (!m_refreshTimer.isActive())
        m_refreshTimer.start();
}

MetricChart::Band MetricChart::createBand(const Line &line)
{
    Band band;
    band.upper = new QLineSeries;
    band.lower = new QLineSeries;
    band.area = new QAreaSeries(band.upper, band.lower);
    // The area series does not own its boundaries.
    band.upper->setParent(band.area);
    band.lower->setParent(band.area);
    band.mean = new QLineSeries;
    band.area->setName(line.name);
    band.mean->setName(line.name);
    // The band first, so the mean line is drawn over it.
    for (QAbstractSeries *series :
         { static_cast<QAbstractSeries *>(band.area), static_cast<QAbstractSeries *>(band.mean) }) {
        chart()->addSeries(series);
        series->attachAxis(m_rangeAxis);
        series->attachAxis(m_valueAxis);
        for (QLegendMarker *marker : chart()->legend()->markers(series))
            marker->setVisible(false);
    }
    applyBandColors(line, band);
    return band;
}

void MetricChart::destroyBand(Band &band)
{
    for (QAbstractSeries *series :
         { static_cast<QAbstractSeries *>(band.area), static_cast<QAbstractSeries *>(band.mean) }) {
        chart()->removeSeries(series);
        delete series;
    }
    band = {};
}

void MetricChart::applyBandColors(const Line &line, Band &band)
{
    QPen pen(line.color);
    pen.setWidthF(1.4);
    band.mean->setPen(pen);
    band.mean->setColor(line.color);
    QColor fill = line.color;
    // Light enough that the other series' band and line show through it.
    fill.setAlpha(paletteIsDark(palette()) ? 80 : 60);
    band.area->setBrush(fill);
    band.area->setPen(Qt::NoPen);
}

void MetricChart::syncBands(Line &line, const QList<QList<Series::ChartPoint>> &stretches,
                            qint64 columnMs, double divisor)
{
    const size_t wanted = size_t(stretches.size());
    while (line.bands.size() < wanted)
        line.bands.push_back(createBand(line));
    while (line.bands.size() > wanted) {
        destroyBand(line.bands.back());
        line.bands.pop_back();
    }
    const double factor = line.envelopeFactor / divisor;
    for (size_t i = 0; i < wanted; ++i) {
        const QList<Series::ChartPoint> &stretch = stretches[qsizetype(i)];
        QList<QPointF> mean, upper, lower;
        mean.reserve(stretch.size());
        upper.reserve(stretch.size());
        lower.reserve(stretch.size());
        for (const Series::ChartPoint &point : stretch) {
            // A column's point stands for all of it: drawn at its centre.
            const double x = double(
                std::min(point.timeMs + columnMs / 2, std::max(m_rangeToMs, point.timeMs)));
            mean.append(QPointF(x, point.mean * factor));
            upper.append(QPointF(x, point.max * factor));
            lower.append(QPointF(x, point.min * factor));
        }
        Band &band = line.bands[i];
        band.mean->setPointsVisible(stretch.size() == 1);
        band.upper->replace(upper);
        band.lower->replace(lower);
        band.mean->replace(mean);
    }
}

void MetricChart::refreshEnvelopes()
{
    double maxValue = qQNaN();
    for (const Line &line : m_lines) {
        for (const Series::ChartPoint &point : line.envelope)
            maxValue = ChartAxes::higher(maxValue, point.max * line.envelopeFactor);
    }
    maxValue = ChartAxes::higher(maxValue, forecastMax(m_rangeFromMs, m_rangeToMs));
    const double divisor = updateValueAxis(maxValue);
    if (m_envelopesChanged || divisor != m_envelopeDivisor) {
        syncForecasts(m_rangeAxis, m_rangeFromMs, m_rangeToMs, divisor);
        if (m_markers)
            m_markers->sync(m_rangeAxis, m_valueAxis, m_rangeFromMs, m_rangeToMs, divisor);
        m_envelopesChanged = false;
        m_envelopeDivisor = divisor;
        const qint64 span = std::max<qint64>(1, m_rangeToMs - m_rangeFromMs);
        for (Line &line : m_lines) {
            // The width of a column as the query had it: the closest two
            // points (a series may miss columns, never split one).
            qint64 columnMs = 0;
            for (qsizetype i = 1; i < line.envelope.size(); ++i) {
                const qint64 delta = line.envelope[i].timeMs - line.envelope[i - 1].timeMs;
                if (delta > 0 && (columnMs == 0 || delta < columnMs))
                    columnMs = delta;
            }
            if (columnMs == 0)
                columnMs = std::max<qint64>(1, span / plotWidthPx());
            syncBands(line, stretchesOf(line.envelope, columnMs), columnMs, divisor);
        }
    }
    updateRangeAxis();
}

void MetricChart::updateRangeAxis()
{
    const qint64 span = m_rangeToMs - m_rangeFromMs;
    if (span <= 0)
        return;
    const double plotWidth = chart()->plotArea().width() >= 50 ? chart()->plotArea().width()
                                                               : std::max(100, width() - 80);
    const QFontMetrics metrics(m_rangeAxis->labelsFont());
    // The widest label a tick can have, with room to breathe between two.
    const int labelWidth
        = std::max(metrics.horizontalAdvance(ChartAxes::dayLabel(QDate(2000, 12, 28))),
                   metrics.horizontalAdvance(ChartAxes::hourLabel(23)))
        + 3 * metrics.averageCharWidth();
    const int fit = std::max(1, int(plotWidth / labelWidth));
    const double halfLabelMs = (labelWidth / 2.0) * double(span) / plotWidth;
    const QList<ChartAxes::Tick> ticks = ChartAxes::placedTicks(
        m_rangeFromMs, m_rangeToMs, ChartAxes::tickStep(span, fit), halfLabelMs);
    QStringList labels;
    for (const ChartAxes::Tick &tick : ticks)
        labels.append(tick.label);

    // Setting the same categories again would still relayout the chart.
    bool same = m_rangeAxis->startValue() == double(m_rangeFromMs)
        && m_rangeAxis->categoriesLabels() == labels;
    for (qsizetype i = 0; same && i < ticks.size(); ++i)
        same = m_rangeAxis->endValue(ticks[i].label) == double(ticks[i].timeMs);
    if (same)
        return;
    for (const QString &label : m_rangeAxis->categoriesLabels())
        m_rangeAxis->remove(label);
    m_rangeAxis->setStartValue(double(m_rangeFromMs));
    for (const ChartAxes::Tick &tick : ticks)
        m_rangeAxis->append(tick.label, double(tick.timeMs));
}

void MetricChart::refresh()
{
    if (m_envelopeMode) {
        refreshEnvelopes();
        return;
    }
    qint64 latest = QDateTime::currentMSecsSinceEpoch();
    qint64 earliest = latest;
    double maxValue = qQNaN();
    for (Line &line : m_lines) {
        latest = std::max(latest, line.data.lastTimestamp());
    }
    for (Line &line : m_lines) {
        line.data.removeBefore(latest - kWindowMs);
        if (!line.data.isEmpty())
            earliest = std::min(earliest, line.data.firstTimestamp());
        maxValue = ChartAxes::higher(maxValue, line.data.maxFinite());
    }
    const ChartAxes::LiveWindow window
        = ChartAxes::liveWindow(earliest, latest, kMinimumSpanMs, kWindowMs, hasForecast());
    m_spanMs = window.spanMs;
    m_axisEndMs = window.endMs;
    const QDateTime from = QDateTime::fromMSecsSinceEpoch(window.fromMs);
    const QDateTime to = QDateTime::fromMSecsSinceEpoch(window.endMs);
    if (m_timeAxis->min() != from || m_timeAxis->max() != to)
        m_timeAxis->setRange(from, to);
    const QString timeFormat = ChartAxes::liveTimeFormat(m_spanMs);
    // Setting a property to its current value still invalidates the layout.
    if (m_timeAxis->format() != timeFormat)
        m_timeAxis->setFormat(timeFormat);

    maxValue = ChartAxes::higher(maxValue, forecastMax(window.fromMs, window.endMs));
    const double divisor = updateValueAxis(maxValue);
    if (m_markers)
        m_markers->sync(m_timeAxis, m_valueAxis, window.fromMs, latest, divisor);

    // About one bucket per pixel of the plot.
    const qint64 bucketMs = m_spanMs / std::max(100, int(chart()->plotArea().width()));
    QList<LiveLines::Line> lines;
    lines.reserve(m_lines.size());
    for (Line &line : m_lines) {
        // Three missed samples in a row make a gap rather than a straight line.
        const qint64 interval = line.data.medianIntervalMs();
        LiveLines::Line &drawn = lines.emplace_back();
        drawn.color = line.color;
        drawn.segments = line.data.segments(divisor, interval > 0 ? interval * 3 : 0, bucketMs);
        if (line.forecast) {
            // Drawn by LiveLines in this view: as series they would relayout
            // whenever a step passes or the axis moves.
            line.forecast->clear();
            drawn.forecast = line.forecast->path(latest, window.endMs, divisor);
        }
    }
    updateLiveFrame();
    m_liveLines->setLines(std::move(lines));
}

void MetricChart::updateLiveFrame()
{
    m_liveLines->setFrame(chart()->plotArea(), double(m_timeAxis->min().toMSecsSinceEpoch()),
                          double(m_timeAxis->max().toMSecsSinceEpoch()), m_valueAxis->max());
}

void MetricChart::setTitle(const QString &title)
{
    m_title = title;
    chart()->setTitle(tr("%1 (%2)").arg(m_title, scaleFor(m_unit, m_valueAxis->max()).unit));
}

double MetricChart::updateValueAxis(double maxValue)
{
    const Scale scale = scaleFor(m_unit, maxValue);
    const ChartAxes::ValueScale axis
        = ChartAxes::valueScale(maxValue / scale.divisor, m_unit == Unit::Percent ? 10.0 : 1.0,
                                m_valueTicks, m_unit == Unit::Percent);
    if (m_valueAxis->max() != axis.top)
        m_valueAxis->setRange(0, axis.top);
    if (m_valueAxis->tickCount() != axis.tickCount)
        m_valueAxis->setTickCount(axis.tickCount);
    const QString labelFormat = axis.wholeSteps ? QStringLiteral("%.0f") : QStringLiteral("%.1f");
    if (m_valueAxis->labelFormat() != labelFormat)
        m_valueAxis->setLabelFormat(labelFormat);
    const QString title = tr("%1 (%2)").arg(m_title, scale.unit);
    if (chart()->title() != title)
        chart()->setTitle(title);
    return scale.divisor;
}

void MetricChart::updateTickCounts()
{
    m_timeAxis->setTickCount(ChartAxes::timeTickCount(width()));
    const int valueTicks = ChartAxes::valueTickCount(height());
    if (valueTicks != m_valueTicks) {
        m_valueTicks = valueTicks;
        scheduleRefresh();
    }
}

void MetricChart::showEvent(QShowEvent *event)
{
    QChartView::showEvent(event);
    if (m_dirtyWhileHidden) {
        m_dirtyWhileHidden = false;
        refresh();
    }
}

void MetricChart::resizeEvent(QResizeEvent *event)
{
    QChartView::resizeEvent(event);
    updateTickCounts();
}

void MetricChart::changeEvent(QEvent *event)
{
    QChartView::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        applyPalette();
}

void MetricChart::applyPalette()
{
    const QPalette pal = palette();
    const bool dark = paletteIsDark(pal);
    QChart *c = chart();
    const QColor text = pal.color(QPalette::WindowText);
    QColor grid = pal.color(QPalette::Mid);
    grid.setAlpha(dark ? 110 : 90);

    c->setBackgroundBrush(pal.color(QPalette::Base));
    c->setBackgroundPen(QPen(pal.color(QPalette::Mid), 1));
    c->setTitleBrush(text);
    QFont titleFont = font();
    titleFont.setBold(true);
    c->setTitleFont(titleFont);
    c->legend()->setLabelColor(text);
    QFont small = font();
    small.setPointSizeF(std::max(7.0, small.pointSizeF() - 1));
    c->legend()->setFont(small);

    for (QAbstractAxis *axis :
         { static_cast<QAbstractAxis *>(m_timeAxis), static_cast<QAbstractAxis *>(m_rangeAxis),
           static_cast<QAbstractAxis *>(m_valueAxis) }) {
        axis->setLabelsColor(text);
        axis->setLabelsFont(small);
        axis->setGridLineColor(grid);
        axis->setLinePenColor(pal.color(QPalette::Mid));
        axis->setShadesVisible(false);
    }
    setBackgroundBrush(pal.color(QPalette::Window));
    for (Line &line : m_lines) {
        for (Band &band : line.bands)
            applyBandColors(line, band);
        if (line.forecast)
            line.forecast->setDark(dark);
    }
    if (m_markers)
        m_markers->setDark(dark);
    m_liveLines->setDark(dark);
}

} // namespace Umbra
