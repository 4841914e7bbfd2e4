#include "traffic/shiftrequest.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <algorithm>
#include <cmath>

namespace Umbra::Traffic {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Umbra::Traffic::Shift)
};

constexpr int kMaxWeight = 256;

} // namespace

QList<double> ShiftRequest::stepsToGoal() const
{
    QList<double> taken;
    for (double step : steps) {
        if (step > 0 && step < percent && (taken.isEmpty() || step > taken.last()))
            taken.append(step);
    }
    taken.append(std::clamp(percent, 0.0, 100.0));
    return taken;
}

QJsonObject ShiftRequest::toJson() const
{
    QJsonArray stepArray;
    for (double s : steps)
        stepArray.append(s);
    return {
        { QStringLiteral("balancer"), balancer },
        { QStringLiteral("backend"), backend },
        { QStringLiteral("from"), from },
        { QStringLiteral("to"), to },
        { QStringLiteral("percent"), percent },
        { QStringLiteral("steps"), stepArray },
        { QStringLiteral("holdMs"), holdMs },
        { QStringLiteral("maxErrorRatio"), gate.maxErrorRatio },
        { QStringLiteral("maxResponseMs"), gate.maxResponseMs },
    };
}

ShiftRequest ShiftRequest::fromJson(const QJsonObject &json)
{
    ShiftRequest r;
    r.balancer = json.value(QStringLiteral("balancer")).toString();
    r.backend = json.value(QStringLiteral("backend")).toString();
    r.from = json.value(QStringLiteral("from")).toString();
    r.to = json.value(QStringLiteral("to")).toString();
    r.percent = json.value(QStringLiteral("percent")).toDouble(100);
    if (json.contains(QStringLiteral("steps"))) {
        r.steps.clear();
        for (const QJsonValue &v : json.value(QStringLiteral("steps")).toArray())
            r.steps.append(v.toDouble());
    }
    r.holdMs = json.value(QStringLiteral("holdMs")).toInt(r.holdMs);
    r.gate.maxErrorRatio
        = json.value(QStringLiteral("maxErrorRatio")).toDouble(r.gate.maxErrorRatio);
    r.gate.maxResponseMs
        = json.value(QStringLiteral("maxResponseMs")).toDouble(r.gate.maxResponseMs);
    return r;
}

Weights splitWeights(const Weights &original, const QString &from, const QString &to,
                     double percent)
{
    const int fromWeight = original.value(from);
    const int toWeight = original.value(to);
    int largest = 1;
    for (int w : original)
        largest = std::max(largest, w);
    const int pair = std::max(1, fromWeight + toWeight);
    // Scale as far as every weight, and the pair's sum, stays within 256.
    const int room = std::max(1, std::min(kMaxWeight / largest, kMaxWeight / pair));
    const int factor = std::clamp(int(std::ceil(100.0 / pair)), 1, room);
    Weights split;
    for (auto it = original.begin(); it != original.end(); ++it)
        split.insert(it.key(), it.value() * factor);
    const int moved
        = int(std::lround(std::clamp(percent, 0.0, 100.0) / 100.0 * fromWeight * factor));
    split[from] = fromWeight * factor - moved;
    split[to] = toWeight * factor + moved;
    return split;
}

double shareOf(const Weights &weights, const QString &from, const QString &to)
{
    const int sum = weights.value(from) + weights.value(to);
    return sum > 0 ? 100.0 * weights.value(to) / sum : 0.0;
}

QString gateFailure(const ServerStat &before, const ServerStat &now, const GateLimits &limits)
{
    if (!now.isUp())
        return Tr::tr("%1 is %2 by HAProxy's checks").arg(now.ref.server, now.status);
    const qint64 responses = now.responses - before.responses;
    const qint64 errors = now.errors() - before.errors();
    // Connection errors come without a response; count them in the base too.
    const qint64 base = responses + (now.connectionErrors - before.connectionErrors);
    if (errors > 0 && base > 0 && double(errors) / double(base) > limits.maxErrorRatio)
        return Tr::tr("%1 failed %2 of %3 requests (%4 %, the limit is %5 %)")
            .arg(now.ref.server)
            .arg(errors)
            .arg(base)
            .arg(100.0 * double(errors) / double(base), 0, 'f', 1)
            .arg(100.0 * limits.maxErrorRatio, 0, 'f', 1);
    if (responses > 0 && now.responseTimeMs > limits.maxResponseMs)
        return Tr::tr("%1 answers in %2 ms on average (the limit is %3 ms)")
            .arg(now.ref.server)
            .arg(now.responseTimeMs, 0, 'f', 0)
            .arg(limits.maxResponseMs, 0, 'f', 0);
    return {};
}

QString describeWeights(const Weights &weights)
{
    QStringList parts;
    for (auto it = weights.begin(); it != weights.end(); ++it)
        parts.append(QStringLiteral("%1=%2").arg(it.key()).arg(it.value()));
    return parts.join(QLatin1Char(' '));
}

QJsonObject weightsToJson(const Weights &weights)
{
    QJsonObject json;
    for (auto it = weights.begin(); it != weights.end(); ++it)
        json.insert(it.key(), it.value());
    return json;
}

Weights weightsFromJson(const QJsonObject &json)
{
    Weights weights;
    for (auto it = json.begin(); it != json.end(); ++it)
        weights.insert(it.key(), it.value().toInt());
    return weights;
}

} // namespace Umbra::Traffic
