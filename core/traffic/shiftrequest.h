#pragma once

#include "traffic/balancer.h"
#include "traffic/runtimereplies.h"

#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>

namespace Umbra::Traffic {

// The limits a shift's receiving server must stay within while a step holds.
struct GateLimits
{
    double maxErrorRatio = 0.01; // errors per response over the step
    double maxResponseMs = 500; // HAProxy's average response time (rtime)
};

// Weights by server name, within one backend.
using Weights = QMap<QString, int>;

// A traffic shift: move `percent` of the requests that `from` serves to `to`,
// a server of the same backend, in steps, each held for `holdMs` and gated.
struct ShiftRequest
{
    QString balancer;
    QString backend;
    QString from;
    QString to;
    double percent = 100;
    QList<double> steps = { 5, 25, 50, 100 };
    int holdMs = 10000;
    GateLimits gate;

    // The steps actually taken: those below the goal, then the goal.
    QList<double> stepsToGoal() const;
    ServerRef fromRef() const { return { backend, from }; }
    ServerRef toRef() const { return { backend, to }; }
    QJsonObject toJson() const;
    static ShiftRequest fromJson(const QJsonObject &json);
};

// The weights that move `percent` of what `from` served at `original` to `to`,
// leaving every other server's share of the backend as it was. HAProxy's
// weights are whole numbers up to 256, so where the backend's weights are
// small (1 and 0, the usual configuration) all of them are scaled by the same
// factor first, as far as 256 allows, for a resolution of 1 % or better.
Weights splitWeights(const Weights &original, const QString &from, const QString &to,
                     double percent);

// The share of the pair's requests that `to` receives under `weights`, in %.
double shareOf(const Weights &weights, const QString &from, const QString &to);

// Why a step's gate fails, or empty when it holds: the receiving server must
// be up by HAProxy's checks, and between `before` and `now` its errors per
// response and its response time must stay within `limits`.
QString gateFailure(const ServerStat &before, const ServerStat &now, const GateLimits &limits);

// "a=95 b=5", for logs and journals.
QString describeWeights(const Weights &weights);
QJsonObject weightsToJson(const Weights &weights);
Weights weightsFromJson(const QJsonObject &json);

} // namespace Umbra::Traffic
