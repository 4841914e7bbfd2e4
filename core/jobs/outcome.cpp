#include "jobs/outcome.h"

#include <QCoreApplication>

namespace Umbra::Jobs {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Umbra::Jobs)
};

struct OutcomeName
{
    Outcome outcome;
    const char *key;
};
constexpr OutcomeName kOutcomes[] = {
    { Outcome::Running, "running" },     { Outcome::Completed, "completed" },
    { Outcome::Cancelled, "cancelled" }, { Outcome::RolledBack, "rolled-back" },
    { Outcome::Failed, "failed" },       { Outcome::NeedsAttention, "needs-attention" },
};

} // namespace

QString outcomeKey(Outcome outcome)
{
    for (const auto &o : kOutcomes)
        if (o.outcome == outcome)
            return QLatin1String(o.key);
    return QStringLiteral("running");
}

Outcome outcomeFromKey(const QString &key)
{
    for (const auto &o : kOutcomes)
        if (key == QLatin1String(o.key))
            return o.outcome;
    return Outcome::Running;
}

QString outcomeLabel(Outcome outcome)
{
    switch (outcome) {
    case Outcome::Running:
        return Tr::tr("Running");
    case Outcome::Completed:
        return Tr::tr("Completed");
    case Outcome::Cancelled:
        return Tr::tr("Cancelled");
    case Outcome::RolledBack:
        return Tr::tr("Rolled back");
    case Outcome::Failed:
        return Tr::tr("Failed");
    case Outcome::NeedsAttention:
        return Tr::tr("Needs attention");
    }
    return {};
}

} // namespace Umbra::Jobs
