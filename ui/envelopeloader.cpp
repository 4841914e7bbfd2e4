#include "envelopeloader.h"

#include "engine/engine.h"
#include "metricchart.h"

#include <QChart>
#include <QDateTime>
#include <QWidget>
#include <cstdlib>

namespace Umbra {

namespace {

using Points = QList<Series::ChartPoint>;

} // namespace

EnvelopeLoader::EnvelopeLoader(QWidget *page)
    : QObject(page)
    , m_refresh(
          page, [this] { reload(); }, this)
{
    // A resize moves the plot's edges many times in a row; ask once it rests.
    m_resizeTimer.setSingleShot(true);
    m_resizeTimer.setInterval(400);
    connect(&m_resizeTimer, &QTimer::timeout, this, &EnvelopeLoader::onPlotResized);
}

void EnvelopeLoader::addLine(MetricChart *chart, int seriesId, const char *key, double factor)
{
    if (!charts().contains(chart)) {
        connect(chart->chart(), &QChart::plotAreaChanged, this, [this] {
            if (isActive())
                m_resizeTimer.start();
        });
    }
    m_lines.append({ chart, seriesId, key, factor });
}

QList<MetricChart *> EnvelopeLoader::charts() const
{
    QList<MetricChart *> result;
    for (const Binding &line : m_lines) {
        if (!result.contains(line.chart))
            result.append(line.chart);
    }
    return result;
}

void EnvelopeLoader::start(Engine *engine, const QString &prefix, qint64 spanMs)
{
    m_engine = engine;
    m_prefix = prefix;
    m_spanMs = spanMs;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    for (MetricChart *chart : charts()) {
        chart->clearPoints();
        chart->showEnvelopes(now - spanMs, now + m_futureMs);
    }
    m_refresh.start(kRefreshMs);
    reload();
}

void EnvelopeLoader::reload()
{
    if (!isActive() || !m_engine)
        return;
    m_refresh.done();
    m_loading = true;
    const qint64 to = QDateTime::currentMSecsSinceEpoch();
    const qint64 from = to - m_spanMs;
    m_requestedWidths.clear();
    QList<QFuture<Points>> futures;
    futures.reserve(m_lines.size());
    for (const Binding &line : m_lines) {
        // A point per pixel of the part of the plot that shows history.
        const int width = int(qint64(line.chart->plotWidthPx()) * m_spanMs
                              / std::max<qint64>(1, m_spanMs + m_futureMs));
        m_requestedWidths.insert(line.chart, width);
        futures.append(m_engine->chart(m_prefix + QLatin1Char('/') + QLatin1String(line.key), from,
                                       to, width));
    }
    // All lines change together: a chart never shows one series of the new
    // range next to one of the old.
    m_request.start(
        this, QtFuture::whenAll(futures.begin(), futures.end()),
        [this, from, to](const QList<QFuture<Points>> &answers) {
            m_loading = false;
            for (MetricChart *chart : charts())
                chart->showEnvelopes(from, to + m_futureMs);
            qint64 earliest = 0;
            for (qsizetype i = 0; i < m_lines.size() && i < answers.size(); ++i) {
                const QFuture<Points> &answer = answers[i];
                // Every answer has finished: reading it does not wait.
                const Points points
                    = answer.isValid() && answer.isResultReadyAt(0) ? answer.resultAt(0) : Points();
                if (!points.isEmpty() && (earliest == 0 || points.first().timeMs < earliest))
                    earliest = points.first().timeMs;
                m_lines[i].chart->setEnvelope(m_lines[i].seriesId, points, m_lines[i].factor);
            }
            // A plot resized while the answer was on its way.
            m_resizeTimer.start();
            Q_EMIT loaded(from, to, earliest);
        });
}

void EnvelopeLoader::stop()
{
    m_request.invalidate();
    m_refresh.stop();
    m_resizeTimer.stop();
    m_spanMs = 0;
    m_loading = false;
}

void EnvelopeLoader::onPlotResized()
{
    if (!isActive() || m_loading)
        return;
    // A few pixels either way change nothing one can see.
    for (MetricChart *chart : charts()) {
        const int requested = m_requestedWidths.value(chart);
        if (std::abs(chart->plotWidthPx() - requested) * 10 > requested) {
            m_refresh.request();
            return;
        }
    }
}

} // namespace Umbra
