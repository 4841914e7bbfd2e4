#include "predict/healthscore.h"

#include <QCoreApplication>
#include <algorithm>
#include <cmath>

namespace Umbra::Predict {

namespace {

constexpr const char *kContext = "Umbra::Predict";
constexpr qint64 kHour = 3600, kDay = 24 * kHour, kWeek = 7 * kDay;

QString translated(const char *text)
{
    return QCoreApplication::translate(kContext, text);
}

// English has no numerus forms without a translation file, so singular and
// plural are separate source strings.
QString counted(const char *one, const char *many, qint64 n)
{
    return n == 1 ? translated(one) : translated(many).arg(n);
}

// Points between `from` and 100 %, linear, whole.
int utilisationPoints(double percent, double from, int atFull)
{
    if (!(percent > from))
        return 0;
    const double share = std::min(1.0, (percent - from) / (100 - from));
    return int(std::lround(share * atFull));
}

int saturationPoints(qint64 seconds, const HealthPolicy &policy)
{
    if (seconds <= kHour)
        return policy.saturationHourPoints;
    if (seconds <= kDay)
        return policy.saturationDayPoints;
    if (seconds <= kWeek)
        return policy.saturationWeekPoints;
    return 0;
}

QList<HealthFactor> factors(const HealthInputs &in, const HealthPolicy &policy)
{
    QList<HealthFactor> out;
    auto add = [&out](const char *id, QString sentence, int points) {
        if (points > 0)
            out.append({ QString::fromLatin1(id), std::move(sentence), points });
    };
    if (in.cpuPercent) {
        add("cpu",
            translated(QT_TRANSLATE_NOOP("Umbra::Predict", "CPU at %1 % of capacity"))
                .arg(*in.cpuPercent, 0, 'f', 0),
            utilisationPoints(*in.cpuPercent, policy.cpuFrom, policy.cpuPoints));
    }
    if (in.memoryPercent) {
        add("memory",
            translated(QT_TRANSLATE_NOOP("Umbra::Predict", "Memory at %1 % of capacity"))
                .arg(*in.memoryPercent, 0, 'f', 0),
            utilisationPoints(*in.memoryPercent, policy.memoryFrom, policy.memoryPoints));
    }
    if (in.cpuSaturationSeconds) {
        add("cpu-forecast",
            translated(QT_TRANSLATE_NOOP("Umbra::Predict", "CPU forecast to saturate in %1"))
                .arg(approximateDuration(*in.cpuSaturationSeconds)),
            saturationPoints(*in.cpuSaturationSeconds, policy));
    }
    if (in.memorySaturationSeconds) {
        add("memory-forecast",
            translated(QT_TRANSLATE_NOOP("Umbra::Predict", "Memory forecast to run out in %1"))
                .arg(approximateDuration(*in.memorySaturationSeconds)),
            saturationPoints(*in.memorySaturationSeconds, policy));
    }
    add("io-errors",
        counted(QT_TRANSLATE_NOOP("Umbra::Predict", "1 I/O error in the last hour"),
                QT_TRANSLATE_NOOP("Umbra::Predict", "%1 I/O errors in the last hour"), in.ioErrors),
        std::min(policy.ioErrorCap, in.ioErrors * policy.pointsPerIoError));
    add("reconnects",
        counted(QT_TRANSLATE_NOOP("Umbra::Predict", "1 failed reconnect in the last hour"),
                QT_TRANSLATE_NOOP("Umbra::Predict", "%1 failed reconnects in the last hour"),
                in.failedReconnects),
        std::min(policy.reconnectCap, in.failedReconnects * policy.pointsPerReconnect));
    if (in.guestUnresponsive) {
        add("unresponsive",
            translated(QT_TRANSLATE_NOOP("Umbra::Predict", "Guest is not responding")),
            policy.unresponsivePoints);
    }
    if (in.anomaly) {
        const double a = std::clamp(*in.anomaly, 0.0, 1.0);
        add("anomaly",
            translated(QT_TRANSLATE_NOOP("Umbra::Predict", "Unusual behaviour (anomaly score %1)"))
                .arg(a, 0, 'f', 2),
            int(std::lround(a * policy.anomalyPoints)));
    }
    if (in.failureRisk) {
        const double r = std::clamp(*in.failureRisk, 0.0, 1.0);
        const QString risk = in.failureReason.isEmpty()
            ? translated(QT_TRANSLATE_NOOP("Umbra::Predict", "Failure risk of %1 % within 30 days"))
                  .arg(r * 100, 0, 'f', 0)
            : translated(
                  QT_TRANSLATE_NOOP("Umbra::Predict", "Failure risk of %1 % within 30 days: %2"))
                  .arg(r * 100, 0, 'f', 0)
                  .arg(in.failureReason);
        add("failure-risk", risk, int(std::lround(r * policy.failureRiskPoints)));
    }
    if (!in.shadowValidationFailure.isEmpty()) {
        add("shadow-validation",
            translated(QT_TRANSLATE_NOOP("Umbra::Predict", "Its shadow failed validation: %1"))
                .arg(in.shadowValidationFailure),
            policy.shadowValidationPoints);
    }
    return out;
}

// Largest first; what would pass 100 is trimmed from the smallest.
HealthScore scored(QList<HealthFactor> breakdown, const HealthPolicy &policy)
{
    std::stable_sort(
        breakdown.begin(), breakdown.end(),
        [](const HealthFactor &a, const HealthFactor &b) { return a.points > b.points; });
    int remaining = 100;
    for (HealthFactor &f : breakdown) {
        f.points = std::min(f.points, remaining);
        remaining -= f.points;
    }
    HealthScore score;
    score.score = remaining;
    score.breakdown = std::move(breakdown);
    score.unhealthyNow = score.score < policy.unhealthyBelow;
    return score;
}

} // namespace

HealthScore scoreHealth(const HealthInputs &inputs, const HealthPolicy &policy)
{
    HealthScore score = scored(factors(inputs, policy), policy);
    score.unhealthyNow = score.unhealthyNow || inputs.evacuate;
    if (score.unhealthyNow) {
        score.unhealthyWithinSeconds = 0;
        return score;
    }
    // A resource that runs full is unhealthy whatever the rest of the score
    // says: the VM or host slows down or fails there. Otherwise walk the
    // forecast saturations in time order (once saturated a resource scores
    // as full) to see when the score itself would cross the threshold.
    std::vector<qint64> saturations;
    if (inputs.cpuSaturationSeconds)
        saturations.push_back(*inputs.cpuSaturationSeconds);
    if (inputs.memorySaturationSeconds)
        saturations.push_back(*inputs.memorySaturationSeconds);
    if (!saturations.empty())
        score.unhealthyWithinSeconds
            = std::max<qint64>(0, *std::min_element(saturations.cbegin(), saturations.cend()));
    return score;
}

QString flagReason(const HealthScore &health)
{
    if (health.breakdown.isEmpty())
        return {};
    if (!health.unhealthyNow && health.unhealthyWithinSeconds) {
        // Listed largest first, and a nearer saturation deducts more.
        for (const HealthFactor &factor : health.breakdown) {
            if (factor.id == QLatin1String("cpu-forecast")
                || factor.id == QLatin1String("memory-forecast"))
                return factor.sentence;
        }
    }
    return health.breakdown.first().sentence;
}

QString approximateDuration(qint64 seconds)
{
    seconds = std::max<qint64>(0, seconds);
    if (seconds < 2 * kHour) {
        const qint64 minutes = std::max<qint64>(1, (seconds + 30) / 60);
        return counted(QT_TRANSLATE_NOOP("Umbra::Predict", "about 1 minute"),
                       QT_TRANSLATE_NOOP("Umbra::Predict", "about %1 minutes"), minutes);
    }
    if (seconds < 2 * kDay) {
        const qint64 hours = (seconds + kHour / 2) / kHour;
        return counted(QT_TRANSLATE_NOOP("Umbra::Predict", "about 1 hour"),
                       QT_TRANSLATE_NOOP("Umbra::Predict", "about %1 hours"), hours);
    }
    const qint64 days = (seconds + kDay / 2) / kDay;
    return counted(QT_TRANSLATE_NOOP("Umbra::Predict", "about 1 day"),
                   QT_TRANSLATE_NOOP("Umbra::Predict", "about %1 days"), days);
}

} // namespace Umbra::Predict
