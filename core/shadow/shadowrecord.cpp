#include "shadow/shadowrecord.h"

#include <QCoreApplication>

namespace Umbra::Shadow {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Umbra::Shadow)
};

struct Entry
{
    State state;
    const char *key;
};

constexpr Entry kStates[] = {
    { State::Creating, "creating" },   { State::Seeding, "seeding" },
    { State::InSync, "in-sync" },      { State::Degraded, "degraded" },
    { State::Suspended, "suspended" }, { State::FailedOver, "failed-over" },
    { State::Removed, "removed" },     { State::Failed, "failed" },
};

} // namespace

QString stateKey(State state)
{
    for (const Entry &e : kStates) {
        if (e.state == state)
            return QLatin1String(e.key);
    }
    return QStringLiteral("failed");
}

State stateFromKey(const QString &key)
{
    for (const Entry &e : kStates) {
        if (key == QLatin1String(e.key))
            return e.state;
    }
    return State::Failed;
}

QString stateLabel(State state)
{
    switch (state) {
    case State::Creating:
        return Tr::tr("creating");
    case State::Seeding:
        return Tr::tr("seeding");
    case State::InSync:
        return Tr::tr("in sync");
    case State::Degraded:
        return Tr::tr("degraded");
    case State::Suspended:
        return Tr::tr("suspended");
    case State::FailedOver:
        return Tr::tr("failed over");
    case State::Removed:
        return Tr::tr("removed");
    case State::Failed:
        return Tr::tr("failed");
    }
    return {};
}

bool isLive(State state)
{
    return state != State::Removed && state != State::Failed;
}

} // namespace Umbra::Shadow
