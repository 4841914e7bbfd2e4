#include "predict/demandmodel.h"

#include <QDataStream>
#include <QIODevice>
#include <algorithm>
#include <cmath>
#include <limits>

namespace Umbra::Predict {

namespace {

constexpr quint32 kStateMagic = 0x556d444d; // "UmDM"
// Version 1 also kept the last three hours of five-minute means, which the
// coarse tier's history holds anyway.
constexpr quint8 kStateVersion = 2;
constexpr qint64 kCoarseMs = qint64(DemandModel::kCoarseIntervalSeconds) * 1000;
constexpr int kTrendMeans = 36; // three hours
constexpr qint64 kWeekMs = 7 * 24 * 3600 * 1000LL;

// The earlier of two readings of each time.
std::optional<qint64> earlier(std::optional<qint64> a, std::optional<qint64> b)
{
    if (a && b)
        return std::min(*a, *b);
    return a ? a : b;
}

ForecasterOptions fineOptions(int intervalSeconds)
{
    ForecasterOptions options;
    options.intervalSeconds = std::max(1, intervalSeconds);
    // Two hours of samples: a dozen of the lab's compressed days, and enough
    // for the next quarter hour's short-term shape.
    options.maxHistory = std::clamp(2 * 3600 / options.intervalSeconds, 64, 2880);
    return options;
}

ForecasterOptions coarseOptions()
{
    ForecasterOptions options;
    options.intervalSeconds = DemandModel::kCoarseIntervalSeconds;
    options.maxHistory = DemandModel::kCoarseFitSteps;
    return options;
}

} // namespace

DemandModel::DemandModel(int fineIntervalSeconds)
    : m_fine(fineOptions(fineIntervalSeconds))
    , m_coarse(coarseOptions())
{ }

int DemandModel::fineHorizonSteps() const
{
    return int(kFineHorizonMs / (qint64(m_fine.options().intervalSeconds) * 1000));
}

void DemandModel::add(qint64 timeMs, double percent)
{
    m_saturation.reset();
    m_fine.update(timeMs, percent);
    const qint64 bucket = timeMs / kCoarseMs;
    if (bucket != m_bucket) {
        closeBucket();
        m_bucket = bucket;
    }
    if (std::isfinite(percent)) {
        m_sum += percent;
        ++m_count;
    }
}

void DemandModel::addCoarse(qint64 timeMs, double percent)
{
    m_saturation.reset();
    coarseChanged();
    m_coarse.update(timeMs / kCoarseMs * kCoarseMs, percent);
}

void DemandModel::closeBucket()
{
    if (m_bucket >= 0 && m_count > 0) {
        m_coarse.update(m_bucket * kCoarseMs, m_sum / m_count);
        coarseChanged();
    }
    m_sum = 0;
    m_count = 0;
}

void DemandModel::setCoarseHistory(CoarseHistory history)
{
    m_coarseHistory = std::move(history);
    m_coarse.setMaxHistory(m_coarseHistory ? kCoarseHeldSteps : kCoarseFitSteps);
    coarseChanged();
}

void DemandModel::refitCoarse()
{
    coarseChanged();
    const int held = m_coarse.retainedSamples();
    // Until its days are full it holds all it has seen.
    if (!m_coarseHistory || held < m_coarse.options().maxHistory) {
        m_coarse.refit();
        return;
    }
    const qint64 heldFromMs = m_coarse.firstRetainedTimeMs();
    const int missing = kCoarseFitSteps - held;
    const qint64 fromMs = heldFromMs - qint64(missing) * kCoarseMs;
    std::vector<float> before(size_t(missing), std::numeric_limits<float>::quiet_NaN());
    for (const QPointF &mean : m_coarseHistory(fromMs, heldFromMs)) {
        const qint64 index = (qint64(mean.x()) / kCoarseMs * kCoarseMs - fromMs) / kCoarseMs;
        if (index >= 0 && index < missing && std::isfinite(mean.y()))
            before[size_t(index)] = float(mean.y());
    }
    m_coarse.adopt(Forecaster::fit(m_coarse.fitInput(before)));
}

void DemandModel::setEvents(const QList<CalendarEvent> &events)
{
    if (events == m_coarse.events())
        return;
    m_fine.setEvents(events);
    m_coarse.setEvents(events);
    coarseChanged();
    if (m_coarse.retainedSamples() >= 16)
        refitCoarse();
    m_saturation.reset();
}

bool DemandModel::refitIfDue()
{
    // The fine tier every ten minutes of samples, the coarse one every hour
    // of means: often enough to follow a change of rhythm (refitting the
    // coarse tier every three hours instead loses 6 % twelve steps ahead,
    // `bench_forecast --coarse-refit-cadence`). Samples, not time: after
    // the console was stopped for hours, every tier would otherwise be due
    // at once, and refit on what it had already learnt from.
    const auto due = [](const Forecaster &tier, qint64 samples) {
        return tier.retainedSamples() >= 16 && tier.samplesSinceFit() >= samples
            && tier.observedSinceFit() >= samples;
    };
    const qint64 fineDue = std::max<qint64>(16, 600 / m_fine.options().intervalSeconds);
    if (due(m_fine, fineDue)) {
        m_fine.refit();
        m_saturation.reset();
        return true;
    }
    if (due(m_coarse, 12)) {
        refitCoarse();
        m_saturation.reset();
        return true;
    }
    return false;
}

Crossing DemandModel::saturation()
{
    if (m_saturation)
        return *m_saturation;
    Crossing crossing;
    if (m_fine.retainedSamples() > 0)
        crossing = timeToCrossing(m_fine, 100, fineHorizonSteps());
    if (!crossing.withinHorizon() && m_coarse.isFitted()) {
        // A week of the coarse tier changes with its five-minute means and
        // refits only, not with every sample.
        crossing = coarseOutlook().crossing;
    }
    const Trend &trend = this->trend();
    const qint64 now = std::max(m_fine.lastTimeMs(), trend.lastMeanMs.value_or(0));
    if (trend.lastMeanMs) {
        const Crossing line = trend.line.crossing(100, now, kWeekMs);
        crossing.pointMs = earlier(crossing.pointMs, line.pointMs);
        crossing.earliestMs = earlier(crossing.earliestMs, line.earliestMs);
        crossing.latestMs = earlier(crossing.latestMs, line.latestMs);
    }
    // Judged at the earliest time the band reaches capacity: the warning
    // that time would raise is what the confidence must support.
    const std::optional<qint64> first
        = crossing.earliestMs ? crossing.earliestMs : crossing.pointMs;
    m_saturationConfidence = confidence(first ? std::max<qint64>(0, *first - now) : kFineHorizonMs);
    if (!m_saturationConfidence.earned())
        crossing = {};
    m_saturation = crossing;
    return crossing;
}

const DemandModel::CoarseOutlook &DemandModel::coarseOutlook()
{
    if (m_coarseOutlook)
        return *m_coarseOutlook;
    const QList<ForecastStep> week = m_coarse.forecast(kCoarseHorizonSteps);
    CoarseOutlook outlook;
    outlook.crossing = timeToCrossing(m_coarse, week, 100);
    if (m_coarse.isFitted() && !week.isEmpty()) {
        double peak = -std::numeric_limits<double>::infinity();
        for (qsizetype i = 0; i < std::min<qsizetype>(week.size(), kDaySteps); ++i)
            peak = std::max(peak, week[i].point);
        if (std::isfinite(peak))
            outlook.dayPeak = peak;
    }
    m_coarseOutlook = outlook;
    return *m_coarseOutlook;
}

const DemandModel::Trend &DemandModel::trend()
{
    if (m_trend)
        return *m_trend;
    // The last three hours of five-minute means.
    const QList<QPointF> means = m_coarse.recentValues(kTrendMeans);
    Trend trend;
    if (!means.isEmpty()) {
        trend.line = fitTrendLine(means);
        trend.lastMeanMs = qint64(means.last().x());
    }
    m_trend = trend;
    return *m_trend;
}

void DemandModel::coarseChanged()
{
    m_coarseOutlook.reset();
    m_trend.reset();
}

std::optional<double> DemandModel::dayPeak()
{
    return coarseOutlook().dayPeak;
}

Confidence DemandModel::saturationConfidence()
{
    saturation();
    return m_saturationConfidence;
}

Confidence DemandModel::confidence(qint64 leadMs) const
{
    Confidence confidence;
    confidence.historyMs = std::max(m_fine.historyMs(), m_coarse.historyMs());
    const bool fine = leadMs <= kFineHorizonMs && m_fine.isFitted();
    const Forecaster &tier = fine ? m_fine : m_coarse;
    const Forecaster &other = fine ? m_coarse : m_fine;
    const auto relativeError = [leadMs](const Forecaster &forecaster) {
        const qint64 stepMs = qint64(forecaster.options().intervalSeconds) * 1000;
        const qint64 steps = std::clamp<qint64>((leadMs + stepMs - 1) / stepMs, 1, 1 << 20);
        return forecaster.relativeError(int(steps));
    };
    confidence.fitted = tier.isFitted() || other.isFitted();
    // The tier that forecasts that far; until it has a track record (the
    // five-minute tier needs a few hours), the other tier's record at the
    // furthest horizon it was measured at.
    confidence.relativeError = relativeError(tier);
    if (!std::isfinite(confidence.relativeError))
        confidence.relativeError = relativeError(other);
    return confidence;
}

QByteArray DemandModel::saveState() const
{
    QByteArray blob;
    QDataStream out(&blob, QIODevice::WriteOnly);
    out.setVersion(QDataStream::Qt_6_4);
    out << kStateMagic << kStateVersion << m_fine.saveState() << m_coarse.saveState() << m_bucket
        << m_sum << qint32(m_count);
    return blob;
}

std::optional<DemandModel> DemandModel::loadState(const QByteArray &blob, int fineIntervalSeconds)
{
    QDataStream in(blob);
    in.setVersion(QDataStream::Qt_6_4);
    quint32 magic = 0;
    quint8 version = 0;
    QByteArray fine, coarse;
    qint64 bucket = -1;
    double sum = 0;
    qint32 count = 0;
    in >> magic >> version >> fine >> coarse >> bucket >> sum >> count;
    if (version == 1) {
        QList<QPointF> recentMeans; // now read from the coarse tier
        in >> recentMeans;
    }
    if (in.status() != QDataStream::Ok || magic != kStateMagic || version < 1
        || version > kStateVersion)
        return std::nullopt;
    auto fineModel = Forecaster::loadState(fine);
    auto coarseModel = Forecaster::loadState(coarse);
    if (!fineModel || !coarseModel)
        return std::nullopt;
    // A model kept at another collection interval does not fit this one.
    if (fineModel.value().options() != fineOptions(fineIntervalSeconds))
        return std::nullopt;
    DemandModel model(fineIntervalSeconds);
    model.m_fine = std::move(fineModel.value());
    model.m_coarse = std::move(coarseModel.value());
    model.m_bucket = bucket;
    model.m_sum = sum;
    model.m_count = count;
    return model;
}

} // namespace Umbra::Predict
