#include "migratecommand.h"

#include "commandline.h"
#include "headlessoutput.h"
#include "jobs/planstore.h"
#include "migrate/libvirtlink.h"
#include "migrate/migrationjob.h"
#include "migrate/migrationjournal.h"
#include "migrate/migrationplanner.h"
#include "migrate/reconciler.h"
#include "shadow/shadowguard.h"
#include "store/database.h"
#include "store/databaselock.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QThread>
#include <QTimer>
#include <QUrl>
#include <atomic>
#include <csignal>
#include <cstdio>
#include <cstring>

namespace Umbra::MigrateCommand {

namespace {

// How long a migrated shadowed VM's copies may take to be in sync again.
constexpr int kReseedTimeoutS = 600;

// lupdate files the tr() calls below under the context "Umbra::MigrateCommand" (the
// enclosing namespace), so look them up there.
QString tr(const char *text)
{
    return QCoreApplication::translate("Umbra::MigrateCommand", text);
}

QString journalPath(const CommandLine &line)
{
    return line.databasePath.isEmpty() ? Database::defaultPath() : line.databasePath;
}

} // namespace

bool isMigrateSwitch(const char *argument)
{
    return std::strcmp(argument, "--migrate") == 0 || std::strcmp(argument, "--reconcile") == 0;
}

void addOptions(QCommandLineParser &parser)
{
    parser.addOptions({
        { QStringLiteral("migrate"),
          tr("Live-migrate the VM <name> (or UUID) from the --connect host where it runs to "
             "--to, without a window: stages on standard error, one line of JSON on standard "
             "output. Exit status 0 only when the VM ends running on the target."),
          QStringLiteral("name") },
        { QStringLiteral("to"),
          tr("With --migrate, the libvirt URI of the target host; with --shift, the server "
             "that takes the requests."),
          QStringLiteral("target") },
        { QStringLiteral("max-downtime"),
          tr("With --migrate, the longest pause allowed at the switch-over (default 300)."),
          QStringLiteral("ms"), QStringLiteral("300") },
        { QStringLiteral("bandwidth"),
          tr("With --migrate, cap the migration bandwidth (default: unlimited)."),
          QStringLiteral("MiB/s"), QStringLiteral("0") },
        { QStringLiteral("auto-converge"),
          tr("With --migrate, throttle the guest's CPU when memory changes faster than it is "
             "copied.") },
        { QStringLiteral("postcopy"),
          tr("With --migrate, switch to post-copy when pre-copy does not converge.") },
        { QStringLiteral("keep-source"),
          tr("With --migrate, keep the (inactive) definition on the source for rollback.") },
        { QStringLiteral("health-url"),
          tr("With --migrate, the VM is healthy on the target when <url> answers 2xx."),
          QStringLiteral("url") },
        { QStringLiteral("health-tcp"),
          tr("With --migrate, the VM is healthy on the target when <host:port> accepts a "
             "connection."),
          QStringLiteral("host:port") },
        { QStringLiteral("health-agent"),
          tr("With --migrate, the VM is healthy on the target when its guest agent answers a "
             "ping.") },
        { QStringLiteral("health-timeout"),
          tr("With --migrate, how long the health check may take to pass (default 60)."),
          QStringLiteral("seconds"), QStringLiteral("60") },
        { QStringLiteral("migration-uri"),
          tr("With --migrate, the data channel to the target, e.g. tcp://10.0.0.12."),
          QStringLiteral("uri") },
        { QStringLiteral("return-migration-uri"),
          tr("With --migrate, the data channel back to the source for a rollback (default: "
             "tcp:// to the source's host when --migration-uri is tcp://)."),
          QStringLiteral("uri") },
        { QStringLiteral("storage"),
          tr("With --migrate, shared (disks stay), copy (disks are copied) or auto (ask the "
             "hosts' storage pools; the default)."),
          QStringLiteral("mode"), QStringLiteral("auto") },
        { QStringLiteral("direct"),
          tr("With --migrate, drive the migration from this console with a connection to each "
             "host, instead of host to host (peer-to-peer).") },
        { QStringLiteral("unsafe"),
          tr("With --migrate, migrate even if libvirt considers the disk cache mode unsafe.") },
        { QStringLiteral("no-snapshot"),
          tr("With --migrate, make no disk restore point (the saved definition remains).") },
        { QStringLiteral("require-snapshot"),
          tr("With --migrate, refuse to move a VM whose disks cannot get a restore point.") },
        { QStringLiteral("reserve-memory"),
          tr("With --migrate, memory the target keeps for itself (default 256)."),
          QStringLiteral("MiB"), QStringLiteral("256") },
        { QStringLiteral("transfer-timeout"),
          tr("With --migrate, abort and roll back a transfer that takes longer (default: no "
             "limit)."),
          QStringLiteral("seconds"), QStringLiteral("0") },
        { QStringLiteral("reconcile"),
          tr("End the migration jobs that a stopped console left unfinished, from what the "
             "hosts say now, print them as JSON and exit, without a window.") },
    });
}

QString read(const QCommandLineParser &parser, const QStringList &connectUris,
             MigrateCommandLine &line)
{
    line.vm = parser.value(QStringLiteral("migrate"));
    line.to = parser.value(QStringLiteral("to"));
    line.reconcile = parser.isSet(QStringLiteral("reconcile"));
    if (line.vm.isEmpty())
        return {};
    MigrationOptions &o = line.options;
    auto number = [&](const char *name, int min, int max, int &into) -> QString {
        bool ok = false;
        const QString text = parser.value(QLatin1String(name));
        const int value = text.toInt(&ok);
        if (!ok || value < min || value > max)
            return tr("--%1 wants a whole number from %2 to %3, not “%4”.")
                .arg(QLatin1String(name))
                .arg(min)
                .arg(max)
                .arg(text);
        into = value;
        return {};
    };
    int reserve = 0;
    int healthTimeout = 0;
    for (const QString &problem : { number("max-downtime", 1, 600000, o.maxDowntimeMs),
                                    number("bandwidth", 0, 1000000, o.bandwidthMiBs),
                                    number("reserve-memory", 0, 16 * 1024 * 1024, reserve),
                                    number("health-timeout", 1, 3600, healthTimeout),
                                    number("transfer-timeout", 0, 86400, o.transferTimeoutS) }) {
        if (!problem.isEmpty())
            return problem;
    }
    o.targetReserveMiB = reserve;
    o.health.deadlineMs = healthTimeout * 1000;
    o.autoConverge = parser.isSet(QStringLiteral("auto-converge"));
    o.postCopy = parser.isSet(QStringLiteral("postcopy"));
    o.keepSource = parser.isSet(QStringLiteral("keep-source"));
    o.unsafe = parser.isSet(QStringLiteral("unsafe"));
    o.snapshot = !parser.isSet(QStringLiteral("no-snapshot"));
    o.requireSnapshot = parser.isSet(QStringLiteral("require-snapshot"));
    o.transfer
        = parser.isSet(QStringLiteral("direct")) ? TransferMode::Direct : TransferMode::PeerToPeer;
    o.migrationUri = parser.value(QStringLiteral("migration-uri"));
    o.returnMigrationUri = parser.value(QStringLiteral("return-migration-uri"));
    const QString storage = parser.value(QStringLiteral("storage"));
    if (storage == QLatin1String("shared"))
        o.storage = StorageMode::Shared;
    else if (storage == QLatin1String("copy"))
        o.storage = StorageMode::Copy;
    else if (storage == QLatin1String("auto"))
        o.storage = StorageMode::Auto;
    else
        return tr("--storage is auto, shared or copy, not “%1”.").arg(storage);

    const int checks = int(parser.isSet(QStringLiteral("health-url")))
        + int(parser.isSet(QStringLiteral("health-tcp")))
        + int(parser.isSet(QStringLiteral("health-agent")));
    if (checks > 1)
        return tr("Give one of --health-url, --health-tcp and --health-agent.");
    if (parser.isSet(QStringLiteral("health-url"))) {
        o.health.kind = HealthCheck::Kind::Http;
        o.health.target = parser.value(QStringLiteral("health-url"));
        const QUrl url(o.health.target);
        if (url.scheme() != QLatin1String("http") || url.host().isEmpty())
            return tr("--health-url wants an http:// URL, not “%1”.").arg(o.health.target);
    } else if (parser.isSet(QStringLiteral("health-tcp"))) {
        o.health.kind = HealthCheck::Kind::Tcp;
        o.health.target = parser.value(QStringLiteral("health-tcp"));
        const qsizetype colon = o.health.target.lastIndexOf(QLatin1Char(':'));
        bool ok = false;
        const int port = colon > 0 ? o.health.target.mid(colon + 1).toInt(&ok) : 0;
        if (!ok || port <= 0 || port > 65535)
            return tr("--health-tcp wants HOST:PORT, not “%1”.").arg(o.health.target);
    } else if (parser.isSet(QStringLiteral("health-agent"))) {
        o.health.kind = HealthCheck::Kind::Agent;
    }
    for (const QString &uri : { o.migrationUri, o.returnMigrationUri }) {
        if (!uri.isEmpty() && !QUrl(uri).isValid())
            return tr("“%1” is not a migration URI such as tcp://10.0.0.12.").arg(uri);
    }
    if (line.to.isEmpty())
        return tr("--migrate needs --to URI, the target host.");
    if (connectUris.isEmpty())
        return tr("--migrate needs --connect URI, the host the VM runs on.");
    return {};
}

int migrate(const CommandLine &line)
{
    const qint64 since = QDateTime::currentMSecsSinceEpoch();
    // Refused before anything moved: the reason on stderr, the outcome as JSON.
    auto refuse = [&line](const QString &reason) {
        std::fprintf(stderr, "umbra: %s\n", qUtf8Printable(reason));
        Headless::printJson(QJsonObject{ { QStringLiteral("vm"), line.migrate.vm },
                                         { QStringLiteral("target"), line.migrate.to },
                                         { QStringLiteral("outcome"), QStringLiteral("failed") },
                                         { QStringLiteral("reason"), reason } });
        return 1;
    };
    // A console that starts during the run would take this job for one a
    // killed console left behind; so would a second --reconcile.
    auto lock = DatabaseLock::acquire(journalPath(line));
    if (!lock)
        return refuse(lock.error());
    auto source = Headless::hostRunning(line.connectUris, line.migrate.vm, line.migrate.to);
    if (!source)
        return refuse(source.error());
    MigrationRequest request;
    request.vm = line.migrate.vm;
    request.sourceUri = source.value();
    request.targetUri = line.migrate.to;
    request.options = line.migrate.options;

    // Plan → approve → execute, as in the console: the plan (with what the
    // checks found) is stored, approved by this command, then executed.
    Headless::say(since, tr("planning"));
    PlacementContext placement;
    Jobs::Plan plan;
    {
        auto journal = MigrationJournal::open(journalPath(line), QStringLiteral("umbra-plan"));
        if (!journal)
            return refuse(journal.error());
        // The operator's pools decide which targets may take the VM, as in
        // the console (read once the journal has made the database).
        auto pools = Pools::PoolSettings::load(journalPath(line));
        if (!pools)
            return refuse(pools.error());
        placement.pools = pools.value();
        placement.ledger = std::make_shared<Pools::CapacityLedger>();
        MigrationPlanner planner(request, LibvirtLink::factory(), journal.value().get(),
                                 [since](const QString &found) {
                                     Headless::say(since, QStringLiteral("    ") + found);
                                 });
        planner.setPlacement(placement, false);
        plan = planner.plan();
    }
    {
        auto plans = Jobs::PlanStore::open(journalPath(line), QStringLiteral("umbra-plans"));
        if (!plans)
            return refuse(plans.error());
        auto id = plans.value()->propose(plan);
        if (!id)
            return refuse(id.error());
        plan.id = id.value();
    }
    Headless::say(since, tr("plan %1").arg(plan.id));
    if (!plan.executable())
        return refuse(plan.refusal);

    // A shadowed VM's replication is set aside for the move and seeded again
    // afterwards; the command waits for it to be in sync.
    auto replication = std::make_shared<Shadow::ShadowGuard>(
        Shadow::Environment{ journalPath(line), LibvirtLink::factory(), {}, placement },
        kReseedTimeoutS);
    auto *job = new MigrationJob(
        plan, QStringLiteral("command line"),
        { journalPath(line), LibvirtLink::factory(), {}, placement, replication });
    auto *thread = new QThread;
    job->moveToThread(thread);
    QObject context;
    MigrationRecord result;
    qint64 lastProgressMs = 0;
    QObject::connect(job, &MigrationJob::stageChanged, &context,
                     [since](qint64 id, MigrationStage stage, const QString &message, qint64) {
                         if (stage == MigrationStage::Pending)
                             Headless::say(since, tr("migration job %1").arg(id));
                         else
                             Headless::say(since,
                                           stageLabel(stage)
                                               + (message.isEmpty()
                                                      ? QString()
                                                      : QStringLiteral(": ") + message));
                     });
    QObject::connect(job, &MigrationJob::logged, &context,
                     [since](qint64, MigrationStage, const QString &message) {
                         Headless::say(since, QStringLiteral("    ") + message);
                     });
    QObject::connect(job, &MigrationJob::progress, &context,
                     [since, &lastProgressMs](const MigrationProgress &p) {
                         const qint64 now = QDateTime::currentMSecsSinceEpoch();
                         if (now - lastProgressMs < 1000)
                             return;
                         lastProgressMs = now;
                         Headless::say(
                             since,
                             tr("    %1 % of %2 MiB, %3 MiB/s, round %4, dirty %5 MiB/s%6")
                                 .arg(qRound(p.fraction() * 100))
                                 .arg(p.dataTotal / 1048576)
                                 .arg(p.memoryBytesPerSec / 1048576.0, 0, 'f', 1)
                                 .arg(p.iteration)
                                 .arg(p.dirtyBytesPerSec / 1048576.0, 0, 'f', 1)
                                 .arg(p.postCopy ? tr(", post-copy") : QString()));
                     });
    QObject::connect(job, &MigrationJob::finished, &context, [&](const MigrationRecord &record) {
        result = record;
        QCoreApplication::quit();
    });

    // Ctrl-C or SIGTERM cancels: the VM stays where it was.
    Headless::catchInterrupts();
    QTimer signalPoll;
    QObject::connect(&signalPoll, &QTimer::timeout, &context, [job, since] {
        if (Headless::interrupted() && !job->cancelRequested()) {
            Headless::say(since, tr("cancelling…"));
            job->cancel();
        }
    });
    signalPoll.start(100);

    thread->start();
    QMetaObject::invokeMethod(job, &MigrationJob::run, Qt::QueuedConnection);
    QCoreApplication::exec();
    thread->quit();
    thread->wait();
    delete job;
    delete thread;

    QJsonObject json = result.toJson();
    json.insert(QStringLiteral("ok"), result.outcome == MigrationOutcome::Completed);
    json.insert(QStringLiteral("plan"), plan.id);
    Headless::say(
        since,
        outcomeLabel(result.outcome)
            + (result.reason.isEmpty() ? QString() : QStringLiteral(": ") + result.reason));
    Headless::printJson(json);
    return result.outcome == MigrationOutcome::Completed ? 0 : 1;
}

int reconcile(const CommandLine &line)
{
    auto refuse = [](const QString &reason) {
        std::fprintf(stderr, "umbra: %s\n", qUtf8Printable(reason));
        Headless::printJson(
            QJsonObject{ { QStringLiteral("ok"), false }, { QStringLiteral("error"), reason } });
        return 2;
    };
    // A running console's jobs are alive, not left behind: never reconcile them.
    auto lock = DatabaseLock::acquire(journalPath(line));
    if (!lock)
        return refuse(lock.error());
    auto journal = MigrationJournal::open(journalPath(line), QStringLiteral("umbra-reconcile"));
    if (!journal)
        return refuse(journal.error());
    Reconciler reconciler(*journal.value(), LibvirtLink::factory());
    const QList<ReconcileResult> results = reconciler.run();
    if (auto plans = Jobs::PlanStore::open(journalPath(line), QStringLiteral("umbra-plans")))
        settlePlans(*plans.value(), results);
    QJsonArray jobs;
    bool allSettled = true;
    for (const ReconcileResult &r : results) {
        jobs.append(r.toJson());
        std::fprintf(stderr, "umbra: job %lld (%s): %s: %s\n", static_cast<long long>(r.jobId),
                     qUtf8Printable(r.vmName), qUtf8Printable(outcomeKey(r.outcome)),
                     qUtf8Printable(r.reason));
        if (r.outcome == MigrationOutcome::NeedsAttention)
            allSettled = false;
    }
    if (results.isEmpty())
        std::fprintf(stderr, "umbra: no unfinished migration jobs\n");
    Headless::printJson(QJsonObject{ { QStringLiteral("ok"), allSettled },
                                     { QStringLiteral("reconciled"), jobs } });
    return allSettled ? 0 : 1;
}

} // namespace Umbra::MigrateCommand
