#include "jobs/plan.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonArray>

namespace Umbra::Jobs {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Umbra::Jobs)
};

struct StateName
{
    PlanState state;
    const char *key;
};
constexpr StateName kStates[] = {
    { PlanState::Proposed, "proposed" },   { PlanState::Approved, "approved" },
    { PlanState::Rejected, "rejected" },   { PlanState::Executing, "executing" },
    { PlanState::Executed, "executed" },   { PlanState::Superseded, "superseded" },
    { PlanState::Withdrawn, "withdrawn" },
};

QString isoTime(qint64 ms)
{
    return ms > 0 ? QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs)
                  : QString();
}

} // namespace

QString planStateKey(PlanState state)
{
    for (const auto &s : kStates)
        if (s.state == state)
            return QLatin1String(s.key);
    return QStringLiteral("proposed");
}

PlanState planStateFromKey(const QString &key)
{
    for (const auto &s : kStates)
        if (key == QLatin1String(s.key))
            return s.state;
    return PlanState::Proposed;
}

QString planStateLabel(PlanState state)
{
    switch (state) {
    case PlanState::Proposed:
        return Tr::tr("Awaiting approval");
    case PlanState::Approved:
        return Tr::tr("Approved");
    case PlanState::Rejected:
        return Tr::tr("Rejected");
    case PlanState::Executing:
        return Tr::tr("Executing");
    case PlanState::Executed:
        return Tr::tr("Executed");
    case PlanState::Superseded:
        return Tr::tr("Superseded");
    case PlanState::Withdrawn:
        return Tr::tr("Withdrawn");
    }
    return {};
}

QJsonObject Plan::toJson() const
{
    return {
        { QStringLiteral("id"), id },
        { QStringLiteral("kind"), kind },
        { QStringLiteral("subject"), subject },
        { QStringLiteral("subjectId"), subjectId },
        { QStringLiteral("summary"), summary },
        { QStringLiteral("request"), request },
        { QStringLiteral("evidence"), QJsonArray::fromStringList(evidence) },
        { QStringLiteral("prediction"), prediction },
        { QStringLiteral("steps"), QJsonArray::fromStringList(steps) },
        { QStringLiteral("refusal"), refusal },
        { QStringLiteral("state"), planStateKey(state) },
        { QStringLiteral("decidedBy"), decidedBy },
        { QStringLiteral("created"), isoTime(createdMs) },
        { QStringLiteral("decided"), isoTime(decidedMs) },
        { QStringLiteral("jobId"), jobId },
        { QStringLiteral("policy"), policy },
        { QStringLiteral("note"), note },
    };
}

} // namespace Umbra::Jobs
