#include "shadowcommand.h"

#include "commandline.h"
#include "headlessoutput.h"
#include "migrate/libvirtlink.h"
#include "pools/pool.h"
#include "shadow/shadowjob.h"
#include "store/database.h"
#include "store/databaselock.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <cstdio>
#include <cstring>

namespace Umbra::ShadowCommand {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Umbra::ShadowCommand", text);
}

QJsonObject recordJson(const Shadow::ShadowRecord &r)
{
    QJsonArray disks;
    for (const Shadow::ReplicatedDisk &d : r.disks)
        disks.append(QJsonObject{
            { QStringLiteral("target"), d.target },
            { QStringLiteral("replica"), d.file },
            { QStringLiteral("nbd"),
              QStringLiteral("nbd://%1:%2/%3").arg(d.nbdHost).arg(d.port).arg(d.replica) } });
    QJsonObject json{ { QStringLiteral("shadow"), r.id },
                      { QStringLiteral("vm"), r.primaryName },
                      { QStringLiteral("uuid"), r.primaryUuid },
                      { QStringLiteral("primary"), r.primaryUri },
                      { QStringLiteral("host"), r.shadowUri },
                      { QStringLiteral("name"), r.shadowName },
                      { QStringLiteral("state"), Shadow::stateKey(r.state) },
                      { QStringLiteral("disks"), disks } };
    if (r.rtoMs >= 0)
        json.insert(QStringLiteral("rtoMs"), r.rtoMs);
    return json;
}

// Puts `uri` in the pool `name`: a stored pool, or one made for the keywords
// "shadow", "general" and "dedicated:CUSTOMER".
Result<void> placeHost(Pools::PoolSettings &pools, const QString &uri, const QString &name)
{
    QString pool = name;
    if (!pools.pool(name)) {
        Pools::Pool made;
        if (name == QLatin1String("shadow")) {
            made = { QStringLiteral("Shadow"), Pools::PoolKind::Shadow, {}, {} };
        } else if (name == QLatin1String("general")) {
            made = { Pools::PoolSettings::generalName(), Pools::PoolKind::General, {}, {} };
        } else if (name.startsWith(QLatin1String("dedicated:")) && name.size() > 10) {
            const QString customer = name.mid(10);
            made = { customer, Pools::PoolKind::Dedicated, customer, {} };
        } else {
            return Error{ tr("No pool is named “%1”; give a stored pool, shadow, general or "
                             "dedicated:CUSTOMER.")
                              .arg(name) };
        }
        if (!pools.pool(made.name))
            pools.pools.append(made);
        pool = made.name;
    }
    pools.hostPools.insert(uri, pool);
    return {};
}

} // namespace

bool isShadowSwitch(const char *argument)
{
    return std::strcmp(argument, "--shadow") == 0 || std::strcmp(argument, "--failover") == 0
        || std::strcmp(argument, "--unshadow") == 0 || std::strcmp(argument, "--pool") == 0
        || std::strcmp(argument, "--validate") == 0;
}

void addOptions(QCommandLineParser &parser)
{
    parser.addOptions({
        { QStringLiteral("replica-agent"),
          tr("How a shadow host's replica agent is reached: URI=COMMAND, where COMMAND runs "
             "umbra-replica on that host (e.g. \"ssh root@host /usr/lib/umbra/umbra-replica\"). "
             "Repeatable; stored in the database."),
          QStringLiteral("uri=command") },
        { QStringLiteral("shadow"),
          tr("Keep a shadow of the VM <name> (running on one of the --connect hosts) on the "
             "shadow host --on, replicated at block level, without a window."),
          QStringLiteral("name") },
        { QStringLiteral("on"), tr("With --shadow, the libvirt URI of the shadow host."),
          QStringLiteral("uri") },
        { QStringLiteral("failover"),
          tr("Start the shadow of the VM <name> in its place: when its host is lost, or with "
             "--planned after stopping it."),
          QStringLiteral("name") },
        { QStringLiteral("planned"), tr("With --failover, stop a primary that still runs first.") },
        { QStringLiteral("pool"),
          tr("Put a host in a pool: URI=POOL, where POOL names a stored pool, or is "
             "\"shadow\" (the pool Shadow, made if need be), \"general\", or "
             "\"dedicated:CUSTOMER\". Repeatable; stored in the database."),
          QStringLiteral("uri=pool") },
        { QStringLiteral("unshadow"),
          tr("End the replication of the VM <name>, undefine its shadow and delete its "
             "replicas; nothing of the VM changes."),
          QStringLiteral("name") },
        { QStringLiteral("validate"),
          tr("Validate the shadow of the VM <name>: boot a throw-away copy from a "
             "point-in-time image of its replicas, without network, then remove it; exit "
             "status 0 when it passed, 4 when it failed."),
          QStringLiteral("name") },
        { QStringLiteral("counter-url"),
          tr("With --validate (or --failover --planned, which validates first), the URL where "
             "the VM tells the last write it acknowledged; the replica must hold it."),
          QStringLiteral("url") },
        { QStringLiteral("seed-limit"),
          tr("With --shadow, copy the VM's disks to the shadow at most <mib> MiB/s, on its "
             "first seeding and every re-seed, so the VM's own I/O keeps its pace; stored "
             "with the shadow."),
          QStringLiteral("mib") },
        { QStringLiteral("validate-every"),
          tr("With --shadow, validate the new shadow by itself every <hours> hours (0: only "
             "when asked); stored with it. Without it the console's schedule applies."),
          QStringLiteral("hours") },
    });
}

QString read(const QCommandLineParser &parser, ShadowCommandLine &line)
{
    for (const QString &value : parser.values(QStringLiteral("replica-agent"))) {
        const qsizetype eq = value.indexOf(QLatin1Char('='));
        if (eq <= 0 || eq == value.size() - 1)
            return tr("--replica-agent wants URI=COMMAND, not “%1”.").arg(value);
        line.agents.append({ value.left(eq), value.mid(eq + 1), {} });
    }
    line.shadowVm = parser.value(QStringLiteral("shadow"));
    line.on = parser.value(QStringLiteral("on"));
    line.failoverVm = parser.value(QStringLiteral("failover"));
    line.planned = parser.isSet(QStringLiteral("planned"));
    // --health-url is the migration's option; with --failover it is the
    // URL the shadow must answer.
    line.healthUrl = parser.value(QStringLiteral("health-url"));
    for (const QString &value : parser.values(QStringLiteral("pool"))) {
        const qsizetype eq = value.indexOf(QLatin1Char('='));
        if (eq <= 0 || eq == value.size() - 1)
            return tr("--pool wants URI=POOL, not “%1”.").arg(value);
        line.hostPools.append({ value.left(eq), value.mid(eq + 1) });
    }
    line.unshadowVm = parser.value(QStringLiteral("unshadow"));
    line.validateVm = parser.value(QStringLiteral("validate"));
    line.counterUrl = parser.value(QStringLiteral("counter-url"));
    if (parser.isSet(QStringLiteral("validate-every"))) {
        bool ok = false;
        const int hours = parser.value(QStringLiteral("validate-every")).toInt(&ok);
        if (!ok || hours < 0 || hours > 24 * 365)
            return tr("--validate-every wants a number of hours from 0 to 8760, not “%1”.")
                .arg(parser.value(QStringLiteral("validate-every")));
        if (parser.value(QStringLiteral("shadow")).isEmpty())
            return tr("--validate-every goes with --shadow.");
        line.validateEveryH = hours;
    }
    if (parser.isSet(QStringLiteral("seed-limit"))) {
        bool ok = false;
        const double mib = parser.value(QStringLiteral("seed-limit")).toDouble(&ok);
        if (!ok || mib <= 0 || mib > 1024 * 1024)
            return tr("--seed-limit wants MiB/s above 0, not “%1”.")
                .arg(parser.value(QStringLiteral("seed-limit")));
        if (parser.value(QStringLiteral("shadow")).isEmpty())
            return tr("--seed-limit goes with --shadow.");
        line.seedLimitBytesPerSec = qint64(mib * 1024 * 1024);
    }
    const int actions = (line.shadowVm.isEmpty() ? 0 : 1) + (line.failoverVm.isEmpty() ? 0 : 1)
        + (line.unshadowVm.isEmpty() ? 0 : 1) + (line.validateVm.isEmpty() ? 0 : 1);
    if (actions > 1)
        return tr("Give one of --shadow, --failover, --unshadow and --validate.");
    if (!line.shadowVm.isEmpty() && line.on.isEmpty())
        return tr("--shadow needs --on URI, the shadow host.");
    return {};
}

int run(const CommandLine &line)
{
    const qint64 since = QDateTime::currentMSecsSinceEpoch();
    const ShadowCommandLine &s = line.shadow;
    const QString vm = !s.shadowVm.isEmpty() ? s.shadowVm
        : !s.failoverVm.isEmpty()            ? s.failoverVm
        : !s.validateVm.isEmpty()            ? s.validateVm
                                             : s.unshadowVm;
    const QString path = line.databasePath.isEmpty() ? Database::defaultPath() : line.databasePath;
    auto refuse = [&](const QString &reason) {
        std::fprintf(stderr, "umbra: %s\n", qUtf8Printable(reason));
        Headless::printJson(QJsonObject{ { QStringLiteral("vm"), vm },
                                         { QStringLiteral("ok"), false },
                                         { QStringLiteral("reason"), reason } });
        return 1;
    };
    // A console that starts during the run would take this shadow's steps
    // for what a killed console left behind.
    auto lock = DatabaseLock::acquire(path);
    if (!lock)
        return refuse(lock.error());
    if (auto db = Database::open(path, QStringLiteral("umbra-shadow-create")); !db)
        return refuse(db.error());
    {
        auto journal = Shadow::ShadowJournal::open(path, QStringLiteral("umbra-shadow-agents"));
        if (!journal)
            return refuse(journal.error());
        for (const Shadow::AgentAccess &agent : s.agents) {
            if (auto stored = journal.value()->setAgent(agent); !stored)
                return refuse(stored.error());
        }
    }
    auto pools = Pools::PoolSettings::load(path);
    if (!pools)
        return refuse(pools.error());
    if (!s.hostPools.isEmpty()) {
        for (const auto &[uri, name] : s.hostPools) {
            if (auto placed = placeHost(pools.value(), uri, name); !placed)
                return refuse(placed.error());
        }
        if (auto saved = pools->save(path); !saved)
            return refuse(saved.error());
    }
    if (!s.any()) {
        QJsonObject hosts;
        for (auto it = pools->hostPools.cbegin(); it != pools->hostPools.cend(); ++it)
            hosts.insert(it.key(), it.value());
        Headless::printJson({ { QStringLiteral("ok"), true }, { QStringLiteral("pools"), hosts } });
        return 0;
    }

    Shadow::Environment env;
    env.journalPath = path;
    env.links = LibvirtLink::factory();
    env.placement.pools = pools.value();
    env.placement.ledger = std::make_shared<Pools::CapacityLedger>();
    Shadow::ShadowJob job(
        env, [since](const QString &text) { Headless::say(since, QStringLiteral("    ") + text); });

    if (!s.validateVm.isEmpty()) {
        Headless::say(since, tr("validating the shadow of %1").arg(vm));
        Shadow::ValidationOptions options;
        options.counterUrl = s.counterUrl;
        auto validated = job.validate(vm, options);
        if (!validated)
            return refuse(validated.error());
        for (const QString &line : std::as_const(validated->evidence))
            Headless::say(since, QStringLiteral("    ") + line);
        Headless::printJson(
            { { QStringLiteral("vm"), vm },
              { QStringLiteral("ok"), validated->passed },
              { QStringLiteral("passed"), validated->passed },
              { QStringLiteral("reason"), validated->reason },
              { QStringLiteral("durationMs"), validated->durationMs },
              { QStringLiteral("evidence"), QJsonArray::fromStringList(validated->evidence) } });
        return validated->passed ? 0 : 4;
    }
    Result<Shadow::ShadowRecord> done = Error{ QString() };
    if (!s.shadowVm.isEmpty()) {
        auto primary = Headless::hostRunning(line.connectUris, s.shadowVm, s.on);
        if (!primary)
            return refuse(primary.error());
        Headless::say(since, tr("shadowing %1 from %2 on %3").arg(vm, primary.value(), s.on));
        Shadow::CreateRequest request{ s.shadowVm, primary.value(), s.on };
        request.validateEveryH = s.validateEveryH;
        request.seedLimitBytesPerSec = s.seedLimitBytesPerSec;
        done = job.create(request);
    } else if (!s.failoverVm.isEmpty()) {
        Headless::say(since, tr("failing %1 over to its shadow").arg(vm));
        Shadow::FailoverOptions options{ s.planned, s.healthUrl, 120 };
        // A planned failover validates the replicas first (20 s boot watch).
        options.validateFirst = Shadow::ValidationOptions{ 20, 0, s.counterUrl };
        done = job.failover(vm, options);
    } else {
        Headless::say(since, tr("removing the shadow of %1").arg(vm));
        done = job.remove(vm);
    }
    if (!done)
        return refuse(done.error());
    QJsonObject json = recordJson(done.value());
    json.insert(QStringLiteral("ok"), true);
    Headless::say(since, Shadow::stateLabel(done->state));
    Headless::printJson(json);
    return 0;
}

} // namespace Umbra::ShadowCommand
