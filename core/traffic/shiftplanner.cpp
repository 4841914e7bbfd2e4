#include "traffic/shiftplanner.h"

#include "traffic/runtimeapi.h"

#include <QCoreApplication>
#include <QJsonArray>

namespace Umbra::Traffic {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Umbra::Traffic::TrafficService)
};

} // namespace

Jobs::Plan planShift(const ShiftRequest &request, const Balancer &balancer)
{
    Jobs::Plan plan;
    plan.kind = QStringLiteral("traffic.shift");
    plan.subject = QStringLiteral("%1/%2").arg(request.backend, request.from);
    plan.subjectId = QStringLiteral("%1/%2/%3").arg(balancer.name, request.backend, request.from);
    plan.request = request.toJson();
    const QList<double> percents = request.stepsToGoal();
    plan.summary = Tr::tr("Move %1 % of %2's requests to %3 (%4, backend %5) in %n step(s)", "",
                          int(percents.size()))
                       .arg(request.percent)
                       .arg(request.from, request.to, balancer.name, request.backend);
    const RuntimeApi api(balancer);
    auto stats = api.stats();
    if (!stats) {
        plan.refusal = stats.error();
        return plan;
    }
    Weights weights;
    ServerStat receiving;
    QString algorithm;
    for (const ServerStat &s : stats.value()) {
        if (s.ref.backend != request.backend)
            continue;
        if (s.isBackend) {
            algorithm = s.algorithm;
            continue;
        }
        auto w = api.weight(s.ref);
        if (!w) {
            plan.refusal = w.error();
            return plan;
        }
        weights.insert(s.ref.server, w->current);
        plan.evidence.append(Tr::tr("%1: weight %2, %3, %4 sessions now, %5 ms response time")
                                 .arg(s.ref.server)
                                 .arg(w->current)
                                 .arg(s.status)
                                 .arg(s.currentSessions)
                                 .arg(s.responseTimeMs, 0, 'f', 0));
        if (s.ref.server == request.to)
            receiving = s;
    }
    if (weights.isEmpty()) {
        plan.refusal = Tr::tr("Load balancer %1 has no backend “%2”.")
                           .arg(balancer.display(), request.backend);
        return plan;
    }
    for (const QString &name : { request.from, request.to }) {
        if (!weights.contains(name)) {
            plan.refusal = Tr::tr("Backend “%1” has no server “%2”.").arg(request.backend, name);
            return plan;
        }
    }
    if (request.from == request.to) {
        plan.refusal = Tr::tr("A shift needs two different servers.");
        return plan;
    }
    if (!isDynamicAlgorithm(algorithm)) {
        plan.refusal = Tr::tr("Backend “%1” balances with “%2”, which takes only weights of 0 % "
                              "and 100 %: a gradual shift needs roundrobin, leastconn or random.")
                           .arg(request.backend, algorithm);
        return plan;
    }
    plan.evidence.append(Tr::tr("Backend “%1” balances with %2, which takes weights at run time.")
                             .arg(request.backend, algorithm));
    if (!receiving.isUp()) {
        plan.refusal = Tr::tr("%1 is %2 by HAProxy's checks, so it cannot take requests.")
                           .arg(request.to, receiving.status);
        return plan;
    }
    QJsonArray steps;
    for (int i = 0; i < percents.size(); ++i) {
        const Weights split = splitWeights(weights, request.from, request.to, percents[i]);
        steps.append(QJsonObject{ { QStringLiteral("percent"), percents[i] },
                                  { QStringLiteral("weights"), weightsToJson(split) } });
        plan.steps.append(Tr::tr("Step %1: %2 % (%3), held %4 s while %5 stays up, under %6 % "
                                 "errors and %7 ms")
                              .arg(i + 1)
                              .arg(percents[i])
                              .arg(describeWeights(split))
                              .arg(request.holdMs / 1000.0)
                              .arg(request.to)
                              .arg(100 * request.gate.maxErrorRatio)
                              .arg(request.gate.maxResponseMs));
    }
    plan.prediction = {
        { QStringLiteral("found"), weightsToJson(weights) },
        { QStringLiteral("steps"), steps },
        { QStringLiteral("durationMs"), qint64(request.holdMs) * percents.size() },
    };
    return plan;
}

} // namespace Umbra::Traffic
