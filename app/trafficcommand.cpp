#include "trafficcommand.h"

#include "commandline.h"
#include "headlessoutput.h"
#include "jobs/planstore.h"
#include "migrate/libvirtlink.h"
#include "store/database.h"
#include "store/databaselock.h"
#include "traffic/shiftplanner.h"
#include "traffic/trafficjob.h"
#include "traffic/trafficreconciler.h"
#include "traffic/trafficsettings.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QThread>
#include <atomic>
#include <csignal>
#include <cstdio>
#include <cstring>

namespace Umbra::TrafficCommand {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Umbra::TrafficCommand", text);
}

QJsonObject actionJson(const Traffic::TrafficAction &a, Jobs::Outcome outcome,
                       const QString &reason)
{
    QJsonObject json{
        { QStringLiteral("action"), a.id },
        { QStringLiteral("kind"), Traffic::actionKindKey(a.kind) },
        { QStringLiteral("balancer"), a.balancer },
        { QStringLiteral("backend"), a.backend },
        { QStringLiteral("subject"), a.subject },
        { QStringLiteral("outcome"), Jobs::outcomeKey(outcome) },
        { QStringLiteral("state"), Traffic::actionStateKey(a.state) },
        { QStringLiteral("weights"), Traffic::weightsToJson(a.applied) },
    };
    if (!reason.isEmpty())
        json.insert(QStringLiteral("reason"), reason);
    return json;
}

// Runs `work` on a thread of its own; Ctrl-C or SIGTERM cancels it (it goes
// back to the weights it found).
Jobs::Outcome runCancellable(Traffic::TrafficJob &job, const std::function<Jobs::Outcome()> &work,
                             qint64 since)
{
    Headless::catchInterrupts();
    std::atomic<bool> done{ false };
    Jobs::Outcome outcome = Jobs::Outcome::Failed;
    std::unique_ptr<QThread> thread(QThread::create([&] {
        outcome = work();
        done = true;
    }));
    thread->start();
    bool cancelling = false;
    while (!done) {
        QThread::msleep(50);
        if (Headless::interrupted() && !cancelling) {
            cancelling = true;
            Headless::say(since, tr("cancelling…"));
            job.cancel();
        }
    }
    thread->wait();
    return outcome;
}

QList<double> parseSteps(const QString &text, bool &ok)
{
    QList<double> steps;
    ok = true;
    for (const QString &part : text.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        bool partOk = false;
        const double step = part.trimmed().toDouble(&partOk);
        if (!partOk || step <= 0 || step > 100) {
            ok = false;
            return {};
        }
        steps.append(step);
    }
    ok = !steps.isEmpty();
    return steps;
}

} // namespace

bool isTrafficSwitch(const char *argument)
{
    return std::strcmp(argument, "--shift") == 0 || std::strcmp(argument, "--drain") == 0
        || std::strcmp(argument, "--restore") == 0;
}

void addOptions(QCommandLineParser &parser)
{
    parser.addOptions({
        { QStringLiteral("balancer"),
          tr("A load balancer: NAME=SOCKET, where SOCKET is the path of HAProxy's admin "
             "socket or its HOST:PORT. Repeatable; the console stores it."),
          QStringLiteral("name=socket") },
        { QStringLiteral("shift"),
          tr("Move a share of the requests that the VM <name> serves to --to, a server of "
             "the same backend, in gated steps, without a window: steps on standard error, "
             "one line of JSON on standard output."),
          QStringLiteral("name") },
        { QStringLiteral("percent"),
          tr("With --shift, the share of the VM's requests to move (default 100)."),
          QStringLiteral("percent"), QStringLiteral("100") },
        { QStringLiteral("steps"),
          tr("With --shift, the shares to pass through (default 5,25,50,100)."),
          QStringLiteral("list"), QStringLiteral("5,25,50,100") },
        { QStringLiteral("hold"),
          tr("With --shift, how long each step is held and watched (default 10)."),
          QStringLiteral("seconds"), QStringLiteral("10") },
        { QStringLiteral("max-errors"),
          tr("With --shift, the receiving server's largest share of failed requests during "
             "a step (default 1)."),
          QStringLiteral("percent"), QStringLiteral("1") },
        { QStringLiteral("max-response"),
          tr("With --shift, the receiving server's longest average response time during a "
             "step (default 500)."),
          QStringLiteral("ms"), QStringLiteral("500") },
        { QStringLiteral("backend"),
          tr("With --shift, --drain or --restore, the backend, when the VM is a server of "
             "several."),
          QStringLiteral("name") },
        { QStringLiteral("drain"),
          tr("Take the VM <name> out of its load balancers' rotation and wait until its "
             "sessions have ended, without a window."),
          QStringLiteral("name") },
        { QStringLiteral("drain-timeout"),
          tr("With --drain, how long to wait for open sessions (default 30)."),
          QStringLiteral("seconds"), QStringLiteral("30") },
        { QStringLiteral("restore"),
          tr("Put back what the shifts and drains in force on the VM <name> changed, "
             "without a window."),
          QStringLiteral("name") },
    });
}

QString read(const QCommandLineParser &parser, TrafficCommandLine &line)
{
    for (const QString &spec : parser.values(QStringLiteral("balancer"))) {
        auto balancer = Traffic::Balancer::parse(spec);
        if (!balancer)
            return balancer.error();
        line.balancers.append(balancer.value());
    }
    line.shiftVm = parser.value(QStringLiteral("shift"));
    line.drainVm = parser.value(QStringLiteral("drain"));
    line.restoreVm = parser.value(QStringLiteral("restore"));
    line.backend = parser.value(QStringLiteral("backend"));
    if (int(!line.shiftVm.isEmpty()) + int(!line.drainVm.isEmpty()) + int(!line.restoreVm.isEmpty())
        > 1)
        return tr("Give one of --shift, --drain and --restore.");
    if (!line.any())
        return {};
    bool ok = false;
    line.percent = parser.value(QStringLiteral("percent")).toDouble(&ok);
    if (!ok || line.percent < 0 || line.percent > 100)
        return tr("--percent wants a share from 0 to 100, not “%1”.")
            .arg(parser.value(QStringLiteral("percent")));
    line.steps = parseSteps(parser.value(QStringLiteral("steps")), ok);
    if (!ok)
        return tr("--steps wants shares from 1 to 100 separated by commas, not “%1”.")
            .arg(parser.value(QStringLiteral("steps")));
    const double hold = parser.value(QStringLiteral("hold")).toDouble(&ok);
    if (!ok || hold < 0 || hold > 3600)
        return tr("--hold wants seconds from 0 to 3600, not “%1”.")
            .arg(parser.value(QStringLiteral("hold")));
    line.holdMs = int(hold * 1000);
    const double errors = parser.value(QStringLiteral("max-errors")).toDouble(&ok);
    if (!ok || errors < 0 || errors > 100)
        return tr("--max-errors wants a share from 0 to 100, not “%1”.")
            .arg(parser.value(QStringLiteral("max-errors")));
    line.maxErrorRatio = errors / 100;
    line.maxResponseMs = parser.value(QStringLiteral("max-response")).toDouble(&ok);
    if (!ok || line.maxResponseMs <= 0)
        return tr("--max-response wants milliseconds, not “%1”.")
            .arg(parser.value(QStringLiteral("max-response")));
    const double drainTimeout = parser.value(QStringLiteral("drain-timeout")).toDouble(&ok);
    if (!ok || drainTimeout <= 0 || drainTimeout > 86400)
        return tr("--drain-timeout wants seconds, not “%1”.")
            .arg(parser.value(QStringLiteral("drain-timeout")));
    line.drainTimeoutMs = int(drainTimeout * 1000);
    if (!line.shiftVm.isEmpty())
        line.to = parser.value(QStringLiteral("to"));
    if (!line.shiftVm.isEmpty() && line.to.isEmpty())
        return tr("--shift needs --to SERVER, the server that takes the requests.");
    return {};
}

int run(const CommandLine &line)
{
    const qint64 since = QDateTime::currentMSecsSinceEpoch();
    const TrafficCommandLine &t = line.traffic;
    const QString vm = !t.shiftVm.isEmpty() ? t.shiftVm
        : !t.drainVm.isEmpty()              ? t.drainVm
                                            : t.restoreVm;
    const QString path = line.databasePath.isEmpty() ? Database::defaultPath() : line.databasePath;
    auto refuse = [&](const QString &reason) {
        std::fprintf(stderr, "umbra: %s\n", qUtf8Printable(reason));
        Headless::printJson(QJsonObject{ { QStringLiteral("vm"), vm },
                                         { QStringLiteral("ok"), false },
                                         { QStringLiteral("outcome"), QStringLiteral("failed") },
                                         { QStringLiteral("reason"), reason } });
        return 1;
    };
    // A console that starts during the run would take this action for one a
    // killed console left behind.
    auto lock = DatabaseLock::acquire(path);
    if (!lock)
        return refuse(lock.error());
    // The journal must exist before anything is sent.
    if (auto db = Database::open(path, QStringLiteral("umbra-traffic-create")); !db)
        return refuse(db.error());
    auto settings = Traffic::TrafficSettings::load(path);
    if (!settings)
        return refuse(settings.error());
    QList<Traffic::Balancer> balancers = t.balancers;
    for (const Traffic::Balancer &b : settings->balancers) {
        if (std::none_of(balancers.cbegin(), balancers.cend(),
                         [&](const Traffic::Balancer &g) { return g.name == b.name; }))
            balancers.append(b);
    }
    if (balancers.isEmpty())
        return refuse(tr("No load balancer is configured: give --balancer NAME=SOCKET."));

    // What a command or console that was killed mid-action left behind is put
    // back first, as a console does when it starts.
    QJsonArray reconciled;
    if (auto journal = Traffic::TrafficJournal::open(path, QStringLiteral("umbra-reconcile"))) {
        for (const Traffic::TrafficReconcileResult &r :
             Traffic::reconcileTraffic(*journal.value(), balancers)) {
            Headless::say(since, r.report);
            reconciled.append(r.report);
        }
    }

    // The VM's servers: by the stored mapping, its name, or its address on
    // the --connect hosts.
    const QStringList hosts = line.connectUris;
    const Traffic::AddressLookup addresses = [hosts](const QString &uuid, const QString &) {
        for (const QString &uri : hosts) {
            auto link = LibvirtLink::open(uri);
            if (!link)
                continue;
            auto dom = link.value()->domain(uuid);
            if (!dom || !dom->exists)
                continue;
            auto found = link.value()->interfaceAddresses(dom->uuid);
            if (found && !found->isEmpty())
                return found.value();
        }
        return QStringList();
    };
    Headless::say(since, tr("finding the servers of %1").arg(vm));
    auto servers = Traffic::resolveServers(balancers, settings->mappings, addresses, vm, vm, {});
    if (!servers)
        return refuse(servers.error());
    QList<Traffic::VmServer> chosen;
    for (const Traffic::VmServer &s : servers.value()) {
        if (t.backend.isEmpty() || s.server.backend == t.backend)
            chosen.append(s);
    }
    if (chosen.isEmpty())
        return refuse(
            tr("%1 is no server of a configured load balancer%2.")
                .arg(vm, t.backend.isEmpty() ? QString() : tr(" in backend “%1”").arg(t.backend)));
    for (const Traffic::VmServer &s : chosen)
        Headless::say(since,
                      QStringLiteral("    %1 %2").arg(s.balancer.display(), s.server.path()));

    auto progress = [since](const Traffic::TrafficProgress &p) { Headless::say(since, p.message); };

    if (!t.shiftVm.isEmpty()) {
        // The backend where the VM has --to as a sibling.
        const Traffic::VmServer *from = nullptr;
        for (const Traffic::VmServer &s : chosen) {
            auto stat = Traffic::RuntimeApi(s.balancer).stat({ s.server.backend, t.to });
            if (stat) {
                from = &s;
                break;
            }
        }
        if (!from)
            return refuse(tr("No backend has both %1 and %2.").arg(vm, t.to));
        Traffic::ShiftRequest request;
        request.balancer = from->balancer.name;
        request.backend = from->server.backend;
        request.from = from->server.server;
        request.to = t.to;
        request.percent = t.percent;
        request.steps = t.steps;
        request.holdMs = t.holdMs;
        request.gate.maxErrorRatio = t.maxErrorRatio;
        request.gate.maxResponseMs = t.maxResponseMs;

        // Plan → approve → execute, as in the console.
        Headless::say(since, tr("planning"));
        Jobs::Plan plan = Traffic::planShift(request, from->balancer);
        plan.createdMs = QDateTime::currentMSecsSinceEpoch();
        for (const QString &found : std::as_const(plan.evidence))
            Headless::say(since, QStringLiteral("    ") + found);
        auto plans = Jobs::PlanStore::open(path, QStringLiteral("umbra-plans"));
        if (!plans)
            return refuse(plans.error());
        auto id = plans.value()->propose(plan);
        if (!id)
            return refuse(id.error());
        plan.id = id.value();
        Headless::say(since, tr("plan %1").arg(plan.id));
        if (!plan.executable())
            return refuse(plan.refusal);
        if (auto approved = plans.value()->decide(plan.id, true, QStringLiteral("command line"));
            !approved)
            return refuse(approved.error());
        if (auto started = plans.value()->startExecution(plan.id, 0); !started)
            return refuse(started.error());
        Traffic::TrafficJob job(path, from->balancer, progress);
        const Jobs::Outcome outcome = runCancellable(
            job, [&] { return job.shift(request); }, since);
        if (job.action().id != 0)
            (void)plans.value()->attachJob(plan.id, job.action().id);
        (void)plans.value()->finishExecution(plan.id);
        Headless::say(
            since,
            Jobs::outcomeLabel(outcome)
                + (job.reason().isEmpty() ? QString() : QStringLiteral(": ") + job.reason()));
        QJsonObject json = actionJson(job.action(), outcome, job.reason());
        json.insert(QStringLiteral("vm"), vm);
        json.insert(QStringLiteral("to"), t.to);
        json.insert(QStringLiteral("percent"), t.percent);
        json.insert(QStringLiteral("plan"), plan.id);
        json.insert(QStringLiteral("ok"), outcome == Jobs::Outcome::Completed);
        if (!reconciled.isEmpty())
            json.insert(QStringLiteral("reconciled"), reconciled);
        Headless::printJson(json);
        return outcome == Jobs::Outcome::Completed ? 0 : 1;
    }

    // Drain or restore each of the VM's servers.
    QJsonArray actions;
    bool allReached = true;
    for (const Traffic::VmServer &s : chosen) {
        Traffic::TrafficJob job(path, s.balancer, progress);
        const Jobs::Outcome outcome = runCancellable(
            job,
            [&] {
                return !t.drainVm.isEmpty() ? job.drain(s.server, t.drainTimeoutMs)
                                            : job.restore(s.server);
            },
            since);
        Headless::say(
            since,
            QStringLiteral("%1 %2: %3%4")
                .arg(s.balancer.name, s.server.path(), Jobs::outcomeLabel(outcome),
                     job.reason().isEmpty() ? QString() : QStringLiteral(" — ") + job.reason()));
        actions.append(actionJson(job.action(), outcome, job.reason()));
        allReached = allReached && outcome == Jobs::Outcome::Completed;
    }
    Headless::printJson(
        QJsonObject{ { QStringLiteral("vm"), vm },
                     { QStringLiteral("kind"),
                       !t.drainVm.isEmpty() ? QStringLiteral("drain") : QStringLiteral("restore") },
                     { QStringLiteral("ok"), allReached },
                     { QStringLiteral("actions"), actions },
                     { QStringLiteral("reconciled"), reconciled } });
    return allReached ? 0 : 1;
}

} // namespace Umbra::TrafficCommand
