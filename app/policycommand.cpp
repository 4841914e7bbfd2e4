#include "policycommand.h"

#include "commandline.h"
#include "consolesetup.h"
#include "demo/demofleet.h"
#include "engine/engine.h"
#include "engine/eventlog.h"
#include "engine/metricsservice.h"
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
#include <QTimer>
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

// --automation: the fleet's level, stored before the engine reads it.
Result<void> storeLevel(const QString &path, const QString &key)
{
    const auto level = Policy::automationLevelFromKey(key);
    if (!level)
        return Error{ QCoreApplication::translate("main",
                                                  "Unknown automation level “%1”: off, manual, "
                                                  "approve or automatic.")
                          .arg(key) };
    auto settings = Policy::AutomationSettings::load(path);
    if (!settings)
        return Error{ settings.error() };
    settings->fleetLevel = *level;
    return settings->save(path);
}

// Opens the store, stores --automation, adds the hosts asked for and
// starts the engine; the error when it could not.
QString start(Engine &engine, const CommandLine &line, bool dryRun)
{
    const QString path
        = line.databasePath.isEmpty() ? defaultDatabase(line.demo) : line.databasePath;
    if (auto opened = engine.openStore(path); !opened)
        return opened.error();
    if (!line.automationLevel.isEmpty())
        if (auto stored = storeLevel(path, line.automationLevel); !stored)
            return stored.error();
    if (line.demo) {
        auto demo = DemoFleet::install();
        if (!demo)
            return demo.error();
        for (const HostConfig &host : demo.value())
            if (!engine.fleet()->hasHost(host.uri))
                (void)engine.fleet()->addHost(host);
        if (auto amended = DemoFleet::withDemoPools(engine.pools()->settings(), demo.value()))
            engine.pools()->save(*amended);
    }
    for (const QString &uri : line.connectUris)
        if (!engine.fleet()->hasHost(uri))
            if (auto added = engine.fleet()->addHost(HostConfig{ uri, false }); !added)
                return added.error();
    if (!line.prometheusUrl.isEmpty())
        for (const QString &uri : line.connectUris)
            if (auto set = engine.fleet()->setPrometheusUrl(uri, line.prometheusUrl); !set)
                return set.error();
    for (auto it = line.exporterUrls.cbegin(); it != line.exporterUrls.cend(); ++it)
        if (auto set = engine.fleet()->setExporterUrl(it.key(), it.value()); !set)
            return set.error();
    engine.policy()->setEnabled(!dryRun); // a dry run: nothing proposed is stored
    engine.start();
    return {};
}

} // namespace

int once(const CommandLine &line)
{
    const qint64 startMs = QDateTime::currentMSecsSinceEpoch();
    Engine engine;
    engine.setIntervalMs(std::min(line.intervalMs, 1000));
    if (const QString error = start(engine, line, true); !error.isEmpty())
        return fail(error);
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

int autopilot(const CommandLine &line)
{
    const qint64 startMs = QDateTime::currentMSecsSinceEpoch();
    Headless::catchInterrupts();
    Engine engine;
    engine.setIntervalMs(line.intervalMs);
    engine.prediction()->setHardwareIntervalMs(line.hardwareIntervalMs);
    // Everything the console would show in its event log, one line each.
    QObject::connect(engine.events(), &EventLog::eventLogged, [](const EventRecord &event) {
        std::printf(
            "%s %-7s %-22s %s\n",
            qUtf8Printable(QDateTime::fromMSecsSinceEpoch(event.timestampMs).toString(Qt::ISODate)),
            qUtf8Printable(severityName(event.severity)), qUtf8Printable(event.kind),
            qUtf8Printable(event.message));
        std::fflush(stdout);
    });
    if (const QString error = start(engine, line, false); !error.isEmpty())
        return fail(error);
    if (!line.metricsListen.isEmpty())
        engine.metrics()->listen(Metrics::parseListenAddress(line.metricsListen).value());
    // What waits for an operator is said once, when it is raised.
    QSet<qint64> announced;
    QObject::connect(engine.policy(), &PolicyService::pendingChanged,
                     [&announced](const QList<Jobs::Plan> &pending) {
                         for (const Jobs::Plan &plan : pending) {
                             if (announced.contains(plan.id))
                                 continue;
                             announced.insert(plan.id);
                             std::printf(
                                 "%s %-7s %-22s %s\n",
                                 qUtf8Printable(QDateTime::currentDateTime().toString(Qt::ISODate)),
                                 "info", "policy.proposed", qUtf8Printable(plan.summary));
                         }
                         std::fflush(stdout);
                     });
    Headless::say(startMs,
                  QCoreApplication::translate("main", "Autopilot on %n host(s), automation “%1”.",
                                              nullptr, int(engine.fleet()->hosts().size()))
                      .arg(line.automationLevel.isEmpty() ? QStringLiteral("as stored")
                                                          : line.automationLevel));
    QElapsedTimer running;
    running.start();
    while (!Headless::interrupted()
           && (line.quitAfterS <= 0 || running.elapsed() < qint64(line.quitAfterS * 1000))) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 100);
        QThread::msleep(20);
    }
    Headless::say(startMs, QCoreApplication::translate("main", "Stopping."));
    engine.shutdown();
    return 0;
}

int setAutomation(const CommandLine &line)
{
    const QString path
        = line.databasePath.isEmpty() ? defaultDatabase(line.demo) : line.databasePath;
    {
        Engine engine; // creates or migrates the database
        if (auto opened = engine.openStore(path); !opened)
            return fail(opened.error());
    }
    if (auto stored = storeLevel(path, line.automationLevel); !stored)
        return fail(stored.error());
    Headless::printJson({ { QStringLiteral("level"), line.automationLevel } });
    return 0;
}

} // namespace Umbra::PolicyCommand
