#include "policycommand.h"

#include "commandline.h"
#include "consolesetup.h"
#include "demo/demofleet.h"
#include "engine/engine.h"
#include "engine/policyservice.h"
#include "engine/poolservice.h"
#include "fleet/fleetstate.h"
#include "headlessoutput.h"
#include "policy/proposal.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QThread>
#include <cstdio>

namespace Umbra::PolicyCommand {

namespace {

int fail(const QString &message)
{
    std::fprintf(stderr, "umbra: %s\n", qUtf8Printable(message));
    return 1;
}

// Every reachable host scored once, with its hardware read where it has a
// source of readings: what the policy needs to say anything.
bool fleetSeen(const Engine &engine)
{
    const QList<HostConfig> hosts = engine.fleet()->hosts();
    if (hosts.isEmpty())
        return false;
    for (const HostConfig &host : hosts) {
        const HostStatus status = engine.fleet()->state()->status(host.uri);
        if (status.state == HostState::Unreachable)
            continue;
        if (status.state != HostState::Connected && status.state != HostState::Degraded)
            return false;
        if (engine.prediction()->health(QStringLiteral("host/") + host.uri).atMs == 0)
            return false;
        if ((host.simulatedUsage || !host.exporterUrl.isEmpty())
            && engine.prediction()->hardware(host.uri).assessedAtMs == 0)
            return false;
    }
    return engine.policy()->isOpen();
}

} // namespace

int once(const CommandLine &line)
{
    const qint64 startMs = QDateTime::currentMSecsSinceEpoch();
    Engine engine;
    engine.setIntervalMs(std::min(line.intervalMs, 1000));
    const QString path
        = line.databasePath.isEmpty() ? defaultDatabase(line.demo) : line.databasePath;
    if (auto opened = engine.openStore(path); !opened)
        return fail(opened.error());
    if (line.demo) {
        auto demo = DemoFleet::install();
        if (!demo)
            return fail(demo.error());
        for (const HostConfig &host : demo.value())
            if (!engine.fleet()->hasHost(host.uri))
                (void)engine.fleet()->addHost(host);
        if (auto amended = DemoFleet::withDemoPools(engine.pools()->settings(), demo.value()))
            engine.pools()->save(*amended);
    }
    for (const QString &uri : line.connectUris)
        if (!engine.fleet()->hasHost(uri))
            if (auto added = engine.fleet()->addHost(HostConfig{ uri, false }); !added)
                return fail(added.error());
    for (auto it = line.exporterUrls.cbegin(); it != line.exporterUrls.cend(); ++it)
        if (auto set = engine.fleet()->setExporterUrl(it.key(), it.value()); !set)
            return fail(set.error());
    engine.policy()->setEnabled(false); // a dry run: nothing proposed is stored
    engine.start();
    Headless::say(startMs,
                  QCoreApplication::translate("main", "Collecting from %n host(s)…", nullptr,
                                              int(engine.fleet()->hosts().size())));

    QElapsedTimer waited;
    waited.start();
    while (!fleetSeen(engine)) {
        if (waited.elapsed() > qint64(line.inventoryTimeoutS) * 1000) {
            engine.shutdown();
            return fail(QCoreApplication::translate("main",
                                                    "The fleet was not seen whole within %1 s; "
                                                    "nothing was evaluated.")
                            .arg(line.inventoryTimeoutS));
        }
        QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
        QThread::msleep(20);
    }
    QFuture<Policy::Evaluation> future = engine.policy()->dryRun();
    while (!future.isFinished()) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
        QThread::msleep(10);
    }
    const Policy::Evaluation evaluation = future.result();
    QJsonArray proposals;
    for (const Policy::Proposal &p : evaluation.proposals)
        proposals.append(p.toJson());
    Headless::printJson({ { QStringLiteral("evaluatedAt"),
                            QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs) },
                          { QStringLiteral("hosts"), int(engine.fleet()->hosts().size()) },
                          { QStringLiteral("level"),
                            Policy::automationLevelKey(engine.policy()->automation().fleetLevel) },
                          { QStringLiteral("proposals"), proposals } });
    Headless::say(startMs,
                  QCoreApplication::translate("main", "%n proposal(s).", nullptr,
                                              int(evaluation.proposals.size())));
    engine.shutdown();
    return 0;
}

} // namespace Umbra::PolicyCommand
