#pragma once

#include "shadow/shadowjournal.h"

#include <QList>
#include <QString>
#include <optional>

class QCommandLineParser;

namespace Umbra {

struct CommandLine;

// The shadow commands of the command line, run without a window.
struct ShadowCommandLine
{
    QList<Shadow::AgentAccess> agents; // --replica-agent URI=COMMAND, repeatable
    QString shadowVm; // --shadow
    QString on; // --on: the shadow host
    QString failoverVm; // --failover
    bool planned = false; // --planned
    QString healthUrl; // --health-url
    QString unshadowVm; // --unshadow
    QString validateVm; // --validate
    QString counterUrl; // --counter-url, with --validate or --failover --planned
    std::optional<int> validateEveryH; // --validate-every, with --shadow
    qint64 seedLimitBytesPerSec = 0; // --seed-limit (MiB/s), with --shadow
    QList<std::pair<QString, QString>> hostPools; // --pool URI=POOL, repeatable

    bool any() const
    {
        return !shadowVm.isEmpty() || !failoverVm.isEmpty() || !unshadowVm.isEmpty()
            || !validateVm.isEmpty();
    }
    bool anyStored() const { return any() || !hostPools.isEmpty(); }
};

namespace ShadowCommand {

void addOptions(QCommandLineParser &parser);
// Fills line from a processed parser; returns an error message or empty.
QString read(const QCommandLineParser &parser, ShadowCommandLine &line);
bool isShadowSwitch(const char *argument);

// Runs --shadow, --failover or --unshadow: each step on standard error, one
// line of JSON on standard output. Exit status 0 only when the goal was reached.
int run(const CommandLine &line);

} // namespace ShadowCommand

} // namespace Umbra
