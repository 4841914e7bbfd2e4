#include "metricchart.h"

#include <QDateTime>
#include <QDateTimeAxis>
#include <QEvent>
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

    static const char *const names[] = {
        QT_TRANSLATE_NOOP("Umbra::MetricChart", "B"),
        QT_TRANSLATE_NOOP("Umbra::MetricChart", "KiB"),
        QT_TRANSLATE_NOOP("Umbra::MetricChart", "MiB"),
        QT_TRANSLATE_NOOP("Umbra::MetricChart", "GiB"),
        QT_TRANSLATE_NOOP("Umbra::MetricChart", "TiB"),
    };
    int power = 0;
    double divisor = 1;
    // Switch unit once the axis would read 1000+ of the smaller one.
    while (power < 4 && std::isfinite(maxValue) && maxValue / divisor >= 1000) {
        divisor *= 1024;
        ++power;
    }
    QString name = MetricChart::tr(names[power]);
    if (unit == MetricChart::Unit::BytesPerSecond)
        name = MetricChart::tr("%1/s").arg(name);
    return { divisor, name };
}

// The smallest of 1, 2, 2.5, 5 and 10 times a power of ten that is >= raw.
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

bool paletteIsDark(const QPalette &palette)
{
    return palette.color(QPalette::Window).lightness() < 128;
}

} // namespace

MetricChart::MetricChart(const QString &title, Unit unit, QWidget *parent)
    : QChartView(parent)
    , m_title(title)
    , m_unit(unit)
{
    auto *chart = new QChart;
    chart->setMargins(QMargins(2, 2, 2, 2));
    chart->layout()->setContentsMargins(0, 0, 0, 0);
    chart->setBackgroundRoundness(4);
    chart->legend()->setAlignment(Qt::AlignTop);
    chart->setAnimationOptions(QChart::NoAnimation);

    m_timeAxis = new QDateTimeAxis;
    m_valueAxis = new QValueAxis;
    m_valueAxis->setMin(0);
    chart->addAxis(m_timeAxis, Qt::AlignBottom);
    chart->addAxis(m_valueAxis, Qt::AlignLeft);
    setChart(chart);
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
    line.segments.push_back(createSegment(line, true));
    return id;
}

void MetricChart::removeSeries(int id)
{
    const auto found = m_lines.find(id);
    if (found == m_lines.end())
        return;
    for (QLineSeries *segment : found->segments) {
        chart()->removeSeries(segment);
        delete segment;
    }
    m_lines.erase(found);
    scheduleRefresh();
}

void MetricChart::append(int id, qint64 timestampMs, double value)
{
    const auto found = m_lines.find(id);
    if (found == m_lines.end())
        return;
    found->data.add(timestampMs, value);
    scheduleRefresh();
}

void MetricChart::clearPoints()
{
    for (Line &line : m_lines)
        line.data.clear();
    refresh();
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

QLineSeries *MetricChart::createSegment(const Line &line, bool inLegend)
{
    auto *series = new QLineSeries;
    series->setName(line.name);
    QPen pen(line.color);
    pen.setWidthF(1.6);
    series->setPen(pen);
    series->setColor(line.color);
    chart()->addSeries(series);
    series->attachAxis(m_timeAxis);
    series->attachAxis(m_valueAxis);
    if (!inLegend) {
        for (QLegendMarker *marker : chart()->legend()->markers(series))
            marker->setVisible(false);
    }
    return series;
}

void MetricChart::syncSegments(Line &line, const QList<QList<QPointF>> &segments)
{
    const size_t wanted = std::max<size_t>(1, size_t(segments.size()));
    while (line.segments.size() < wanted)
        line.segments.push_back(createSegment(line, false));
    while (line.segments.size() > wanted) {
        QLineSeries *extra = line.segments.back();
        line.segments.pop_back();
        chart()->removeSeries(extra);
        delete extra;
    }
    for (size_t i = 0; i < line.segments.size(); ++i) {
        const QList<QPointF> points
            = i < size_t(segments.size()) ? segments[qsizetype(i)] : QList<QPointF>();
        // A lone sample between gaps has no line to draw; show it as a dot.
        line.segments[i]->setPointsVisible(points.size() == 1);
        line.segments[i]->replace(points);
    }
}

void MetricChart::refresh()
{
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
        const double lineMax = line.data.maxFinite();
        if (std::isfinite(lineMax) && !(lineMax <= maxValue))
            maxValue = lineMax;
    }
    m_spanMs = std::clamp(latest - earliest, kMinimumSpanMs, kWindowMs);
    // The right edge advances in steps of 1/60 of the span (a minute on the
    // hour view): moving the axis relayouts every label and line of the chart,
    // which is the costliest thing the GUI thread does, so it happens once a
    // step instead of on every sample.
    const qint64 stepMs = std::max<qint64>(1000, m_spanMs / 60);
    const qint64 right = (latest / stepMs + 1) * stepMs;
    const QDateTime from = QDateTime::fromMSecsSinceEpoch(right - m_spanMs);
    const QDateTime to = QDateTime::fromMSecsSinceEpoch(right);
    if (m_timeAxis->min() != from || m_timeAxis->max() != to)
        m_timeAxis->setRange(from, to);
    const QString timeFormat
        = m_spanMs <= 10 * 60 * 1000 ? QStringLiteral("HH:mm:ss") : QStringLiteral("HH:mm");
    // Setting a property to its current value still invalidates the layout.
    if (m_timeAxis->format() != timeFormat)
        m_timeAxis->setFormat(timeFormat);

    const Scale scale = scaleFor(m_unit, maxValue);
    // Headroom above the highest point, a floor so an idle line does not fill the
    // plot with noise, and round steps (1, 2, 2.5, 5 × 10^n) for the labels.
    double top = std::isfinite(maxValue) ? maxValue / scale.divisor * 1.1 : 0.0;
    top = std::max(top, m_unit == Unit::Percent ? 10.0 : 1.0);
    const int intervals = std::max(2, m_valueTicks - 1);
    double step = niceStep(top / intervals);
    top = std::ceil(top / step - 1e-9) * step;
    if (m_unit == Unit::Percent && top > 100) {
        top = 100;
        step = 25;
    }
    if (m_valueAxis->max() != top)
        m_valueAxis->setRange(0, top);
    const int ticks = int(std::lround(top / step)) + 1;
    if (m_valueAxis->tickCount() != ticks)
        m_valueAxis->setTickCount(ticks);
    // Steps like 2.5 need a decimal, or the labels would read 0, 3, 5, 8, 10.
    const bool whole = std::abs(step - std::round(step)) < 1e-9;
    const QString labelFormat = whole ? QStringLiteral("%.0f") : QStringLiteral("%.1f");
    if (m_valueAxis->labelFormat() != labelFormat)
        m_valueAxis->setLabelFormat(labelFormat);
    const QString title = tr("%1 (%2)").arg(m_title, scale.unit);
    if (chart()->title() != title)
        chart()->setTitle(title);

    // About one bucket per pixel of the plot.
    const qint64 bucketMs = m_spanMs / std::max(100, int(chart()->plotArea().width()));
    for (Line &line : m_lines) {
        // Three missed samples in a row make a gap rather than a straight line.
        const qint64 interval = line.data.medianIntervalMs();
        syncSegments(line,
                     line.data.segments(scale.divisor, interval > 0 ? interval * 3 : 0, bucketMs));
    }
}

void MetricChart::updateTickCounts()
{
    // About one label per 110 px keeps "HH:mm:ss" labels from overlapping.
    m_timeAxis->setTickCount(std::clamp(width() / 110, 3, 9));
    const int valueTicks = std::clamp(height() / 45, 3, 6);
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
         { static_cast<QAbstractAxis *>(m_timeAxis), static_cast<QAbstractAxis *>(m_valueAxis) }) {
        axis->setLabelsColor(text);
        axis->setLabelsFont(small);
        axis->setGridLineColor(grid);
        axis->setLinePenColor(pal.color(QPalette::Mid));
        axis->setShadesVisible(false);
    }
    setBackgroundBrush(pal.color(QPalette::Window));
}

} // namespace Umbra
