#include "migrate/domainxml.h"
#include "migrate/migrationjob.h"
#include "scriptedlink.h"
#include "shadow/replicaagent.h"
#include "shadow/shadowguard.h"
#include "shadow/shadowjob.h"
#include "shadow/shadowjournal.h"
#include "shadow/shadowservice.h"
#include "shadow/shadowsizing.h"
#include "store/database.h"

#include <QFileInfo>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Umbra;
using namespace Umbra::Shadow;

namespace {

const char kDomain[] = R"(<domain type='qemu'>
  <name>db-1</name>
  <uuid>0b0c7b1e-58a4-4d5f-9f55-0c7e6c9d3f11</uuid>
  <memory unit='KiB'>131072</memory>
  <os><type arch='x86_64'>hvm</type><cmdline>console=ttyS0 umbra.ip=10.0.0.5/24</cmdline></os>
  <devices>
    <disk type='file' device='disk'>
      <driver name='qemu' type='raw' cache='writeback'/>
      <source file='/var/lib/images/db-1.img'/>
      <backingStore/>
      <target dev='vda' bus='virtio'/>
    </disk>
    <disk type='file' device='cdrom'>
      <source file='/isos/tools.iso'/>
      <target dev='sda' bus='sata'/>
      <readonly/>
    </disk>
    <interface type='bridge'>
      <mac address='52:54:00:aa:bb:cc'/>
      <source bridge='br0'/>
    </interface>
  </devices>
</domain>)";

const QString kA = QStringLiteral("scripted://a");
const QString kB = QStringLiteral("scripted://b");
const QString kS = QStringLiteral("scripted://s"); // the shadow host
const QString kVm = QStringLiteral("11111111-2222-4333-8444-555555555555");

// The shadow host's replica agent, scripted: replicas in a map, every call
// in a list, and an error for any call named in `failures`.
struct ScriptedReplicas
{
    QMap<QString, Replica> replicas;
    QStringList calls;
    QHash<QString, QString> failures;
    int nextPort = 10809;
    std::function<void(const QString &op)> onAct; // runs before the operation

    Result<Replica> act(const QString &op, const QString &name)
    {
        calls.append(op + u' ' + name);
        if (onAct)
            onAct(op);
        if (failures.contains(op))
            return Error{ failures.value(op) };
        if (!replicas.contains(name))
            return Error{ QStringLiteral("umbra-replica: no replica named %1").arg(name) };
        return replicas.value(name);
    }
};

class ScriptedAgent final : public ReplicaAgent
{
public:
    explicit ScriptedAgent(ScriptedReplicas &state)
        : m_s(state)
    { }
    Result<Replica> create(const QString &name, qint64 sizeBytes) override
    {
        m_s.calls.append(QStringLiteral("create ") + name);
        if (m_s.failures.contains(QStringLiteral("create")))
            return Error{ m_s.failures.value(QStringLiteral("create")) };
        Replica r;
        r.name = name;
        r.file = QStringLiteral("/replicas/%1.qcow2").arg(name);
        r.sizeBytes = sizeBytes;
        m_s.replicas.insert(name, r);
        return r;
    }
    Result<Replica> serve(const QString &name, const QString &address) override
    {
        auto r = m_s.act(QStringLiteral("serve"), name);
        if (!r)
            return r;
        Replica &served = m_s.replicas[name];
        served.serving = true;
        served.nbdHost = address;
        served.port = served.port ? served.port : m_s.nextPort++;
        return served;
    }
    Result<Replica> status(const QString &name) override
    {
        return m_s.act(QStringLiteral("status"), name);
    }
    Result<Replica> freeze(const QString &name) override
    {
        return m_s.act(QStringLiteral("freeze"), name);
    }
    Result<Replica> thaw(const QString &name) override
    {
        return m_s.act(QStringLiteral("thaw"), name);
    }
    Result<Replica> stop(const QString &name) override
    {
        auto r = m_s.act(QStringLiteral("stop"), name);
        if (r)
            m_s.replicas[name].serving = false;
        return r;
    }
    Result<void> remove(const QString &name) override
    {
        m_s.calls.append(QStringLiteral("remove ") + name);
        m_s.replicas.remove(name);
        return {};
    }
    Result<qint64> counter(const QString &) override { return qint64(-1); }

private:
    ScriptedReplicas &m_s;
};

// A primary on a, a general host b and a shadow host s, whose agent the
// journal knows.
struct ShadowWorld
{
    Scripted::World world;
    ScriptedReplicas replicas;
    QString db;

    explicit ShadowWorld(const QString &path)
        : db(path)
    {
        Scripted::twoHosts(world, kVm);
        Scripted::Host s;
        s.uuid = QStringLiteral("55555555-0000-4000-8000-00000000000s");
        world.hosts.insert(kS, s);
        auto journal = ShadowJournal::open(db, QStringLiteral("setup"));
        if (journal)
            (void)journal.value()->setAgent({ kS, QStringLiteral("scripted"), {} });
    }
    Environment environment()
    {
        PlacementContext placement;
        placement.pools.pools.append(
            { QStringLiteral("standby"), Pools::PoolKind::Shadow, {}, {} });
        placement.pools.hostPools.insert(kS, QStringLiteral("standby"));
        Environment env{ db, Scripted::factory(world),
                         [this](const AgentAccess &) -> std::unique_ptr<ReplicaAgent> {
                             return std::make_unique<ScriptedAgent>(replicas);
                         },
                         placement };
        env.writeBaselineMs = 0; // the scripted primary writes whenever it is asked
        return env;
    }
    // A console's shadow service over this world: its agents and pools.
    void configure(Shadow::ShadowService &service)
    {
        const Environment env = environment();
        service.setAgents(env.agents);
        service.setPlacement(env.placement);
    }
    // What a migration of the primary does first: it sets the shadow aside.
    bool suspendForAMove()
    {
        ShadowJob migration(environment());
        return migration.suspend(kVm, QStringLiteral("web01 moves")).ok();
    }
    Result<ShadowRecord> create()
    {
        ShadowJob job(environment());
        return job.create({ QStringLiteral("web01"), kA, kS, 5 });
    }
    ShadowRecord stored()
    {
        ShadowJob job(environment());
        auto found = job.find(kVm);
        if (found && found->has_value())
            return found->value();
        auto journal = ShadowJournal::open(db, QStringLiteral("peek"));
        return journal ? journal.value()->history(1).value().value(0) : ShadowRecord{};
    }
    bool shadowDefined() const
    {
        for (const Scripted::Domain &d : world.hosts[kS].domains)
            if (d.name == QLatin1String("web01-shadow"))
                return true;
        return false;
    }
    // Moves the primary from `from` to `to` with a shadow guard; the outcome.
    MigrationRecord migrate(const QString &from, const QString &to)
    {
        MigrationRequest r;
        r.vm = QStringLiteral("web01");
        r.sourceUri = from;
        r.targetUri = to;
        r.options.pollIntervalMs = 50;
        r.options.storage = StorageMode::Shared;
        r.options.health.deadlineMs = 1000;
        r.options.health.intervalMs = 50;
        auto guard = std::make_shared<ShadowGuard>(environment(), 5);
        MigrationJob job(r, { db, Scripted::factory(world), {}, {}, guard });
        QSignalSpy finished(&job, &MigrationJob::finished);
        job.run();
        return finished.isEmpty() ? MigrationRecord{}
                                  : finished.first().first().value<MigrationRecord>();
    }
};

qsizetype indexOf(const QStringList &calls, const QString &prefix)
{
    for (qsizetype i = 0; i < calls.size(); ++i)
        if (calls[i].startsWith(prefix))
            return i;
    return -1;
}

// A process id that no process has.
qint64 deadPid()
{
    qint64 pid = 4194303;
    while (QFileInfo::exists(QStringLiteral("/proc/%1").arg(pid)))
        --pid;
    return pid;
}

// The journal as a console killed in `state` leaves it.
void leaveAs(ShadowWorld &w, State state, qint64 ownerPid)
{
    ShadowRecord record = w.stored();
    record.state = state;
    record.ownerPid = ownerPid;
    auto journal = ShadowJournal::open(w.db, QStringLiteral("killed"));
    QVERIFY(journal.ok());
    QVERIFY(journal.value()->update(record).ok());
}

// The service's view of the one shadow after a refresh.
std::optional<ShadowRecord> refreshed(Shadow::ShadowService &service)
{
    QSignalSpy changed(&service, &Shadow::ShadowService::shadowsChanged);
    service.refresh();
    if (!changed.wait(5000))
        return std::nullopt;
    const QList<ShadowRecord> all = service.shadows();
    return all.isEmpty() ? std::nullopt : std::optional<ShadowRecord>(all.first());
}

} // namespace

class TestShadow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // The shadow's definition takes the primary's place: its name and disks
    // change, its identity on the network (MAC, kernel command line) does not.
    void renamedCopyKeepsTheIdentity()
    {
        const QString copy = DomainXml::renamedCopy(
            QString::fromUtf8(kDomain), QStringLiteral("db-1-shadow"),
            { { QStringLiteral("vda"), QStringLiteral("/replicas/db-1-vda.qcow2") } });
        QVERIFY(copy.contains(QLatin1String("<name>db-1-shadow</name>")));
        QVERIFY(!copy.contains(QLatin1String("<uuid>")));
        QVERIFY(!copy.contains(QLatin1String("backingStore")));
        QVERIFY(copy.contains(QLatin1String("52:54:00:aa:bb:cc")));
        QVERIFY(copy.contains(QLatin1String("umbra.ip=10.0.0.5/24")));
        const QList<DomainXml::Disk> disks = DomainXml::disks(copy);
        QCOMPARE(disks.size(), 2);
        QCOMPARE(disks[0].source, QStringLiteral("/replicas/db-1-vda.qcow2"));
        QCOMPARE(disks[0].format, QStringLiteral("qcow2"));
        QCOMPARE(disks[0].cache, QStringLiteral("writeback"));
        QCOMPARE(disks[1].source, QStringLiteral("/isos/tools.iso")); // not replicated
        QVERIFY(disks[1].readOnly);
        QVERIFY(!copy.contains(QLatin1String("transient")));
    }

    // A validation boots the frozen replica without writing to it and
    // without meeting the production network.
    void throwawayCopyIsTransientAndIsolated()
    {
        const QString copy = DomainXml::renamedCopy(
            QString::fromUtf8(kDomain), QStringLiteral("db-1-validation"),
            { { QStringLiteral("vda"), QStringLiteral("/replicas/db-1-vda.qcow2") } },
            DomainXml::CopyKind::Throwaway);
        QVERIFY(copy.contains(QLatin1String("<name>db-1-validation</name>")));
        QVERIFY(!copy.contains(QLatin1String("<interface")));
        QVERIFY(!copy.contains(QLatin1String("52:54:00:aa:bb:cc")));
        QCOMPARE(copy.count(QLatin1String("<transient shareBacking=\"yes\"/>")),
                 1); // not the cdrom
        const QList<DomainXml::Disk> disks = DomainXml::disks(copy);
        QCOMPARE(disks.size(), 2);
        QCOMPARE(disks[0].source, QStringLiteral("/replicas/db-1-vda.qcow2"));
        QVERIFY(copy.indexOf(QLatin1String("<transient"))
                < copy.indexOf(QLatin1String("tools.iso")));
    }

    void mirrorReadyIsReadFromTheLiveDefinition()
    {
        QString live = QString::fromUtf8(kDomain);
        QVERIFY(!DomainXml::mirrorReady(live, QStringLiteral("vda")));
        live.replace(QLatin1String("<backingStore/>"),
                     QLatin1String("<mirror type='network' job='copy' ready='yes'/>"));
        QVERIFY(DomainXml::mirrorReady(live, QStringLiteral("vda")));
        QVERIFY(!DomainXml::mirrorReady(live, QStringLiteral("sda")));
    }

    void replicaAnswersAreReadStrictly()
    {
        const QByteArray served = R"({"name":"db-1-vda","file":"/r/db-1-vda.qcow2",)"
                                  R"("nbd":"nbd://10.0.0.9:10810/db-1-vda","host":"10.0.0.9",)"
                                  R"("port":10810,"pid":42,"sizeBytes":67108864})";
        auto r = Replica::fromJson(QJsonDocument::fromJson(served).object());
        QVERIFY2(r.ok(), qPrintable(r.error()));
        QVERIFY(r->serving);
        QCOMPARE(r->port, 10810);
        QCOMPARE(r->sizeBytes, 67108864);
        const QString dest = r->destinationXml();
        QVERIFY(dest.contains(QLatin1String("protocol=\"nbd\"")));
        QVERIFY(dest.contains(QLatin1String("name=\"db-1-vda\"")));
        QVERIFY(dest.contains(QLatin1String("name=\"10.0.0.9\" port=\"10810\"")));
        QVERIFY(dest.contains(QLatin1String("type=\"raw\"")));

        const QByteArray stopped = R"({"name":"db-1-vda","file":"/r/db-1-vda.qcow2",)"
                                   R"("serving":false,"port":null,"frozen":false})";
        QVERIFY(!Replica::fromJson(QJsonDocument::fromJson(stopped).object())->serving);
        QVERIFY(!Replica::fromJson(QJsonDocument::fromJson(R"({"port":1})").object()).ok());
    }

    // A real process behind the agent's transport: an answer that is not
    // JSON, a failing command and a missing program are errors in words.
    void agentTransportFailuresAreClear()
    {
        auto notJson = CommandReplicaAgent(QStringLiteral("echo")).status(QStringLiteral("x"));
        QVERIFY(!notJson.ok());
        QVERIFY2(notJson.error().contains(QLatin1String("not JSON")), qPrintable(notJson.error()));
        auto failing = CommandReplicaAgent(QStringLiteral("false")).status(QStringLiteral("x"));
        QVERIFY(!failing.ok());
        QVERIFY2(failing.error().contains(QLatin1String("exit 1")), qPrintable(failing.error()));
        auto missing = CommandReplicaAgent(QStringLiteral("/nonexistent/umbra-replica"))
                           .status(QStringLiteral("x"));
        QVERIFY(!missing.ok());
        QVERIFY2(missing.error().contains(QLatin1String("does not start")),
                 qPrintable(missing.error()));
        auto nothing = CommandReplicaAgent(QString()).status(QStringLiteral("x"));
        QVERIFY(!nothing.ok());
    }

    void journalKeepsShadowsAcrossConnections()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("umbra.db"));
        QVERIFY(Database::open(path, QStringLiteral("create")).ok());
        ShadowRecord r;
        r.primaryUuid = QStringLiteral("u-1");
        r.primaryName = QStringLiteral("db-1");
        r.primaryUri = QStringLiteral("qemu+tcp://a/system");
        r.shadowUri = QStringLiteral("qemu+tcp://s/system");
        r.shadowName = QStringLiteral("db-1-shadow");
        r.memoryKiB = 131072;
        r.vcpus = 2;
        r.disks.append({ QStringLiteral("vda"), QStringLiteral("db-1-vda"),
                         QStringLiteral("/r/db-1-vda.qcow2"), 67108864, QStringLiteral("10.0.0.9"),
                         10809 });
        r.primaryXml = QString::fromUtf8(kDomain);
        qint64 id = 0;
        {
            auto journal = ShadowJournal::open(path, QStringLiteral("one"));
            QVERIFY(journal.ok());
            auto created = journal.value()->create(r);
            QVERIFY2(created.ok(), qPrintable(created.error()));
            id = created.value();
            r.id = id;
            r.state = State::InSync;
            r.seeds = 1;
            r.syncedMs = 1234;
            QVERIFY(journal.value()
                        ->update(r, QStringLiteral("state"), QStringLiteral("in sync"))
                        .ok());
            QVERIFY(journal.value()
                        ->setAgent({ r.shadowUri, QStringLiteral("ssh root@s umbra-replica"), {} })
                        .ok());
        }
        auto journal = ShadowJournal::open(path, QStringLiteral("two"));
        QVERIFY(journal.ok());
        auto back = journal.value()->liveShadowOf(QStringLiteral("db-1"));
        QVERIFY(back.ok() && back->has_value());
        const ShadowRecord &s = back->value();
        QCOMPARE(s.id, id);
        QCOMPARE(s.state, State::InSync);
        QCOMPARE(s.disks.size(), 1);
        QCOMPARE(s.disks[0].port, 10809);
        QCOMPARE(s.disks[0].file, QStringLiteral("/r/db-1-vda.qcow2"));
        QCOMPARE(s.memoryKiB, quint64(131072));
        QCOMPARE(s.syncedMs, 1234);
        QCOMPARE(s.primaryXml, QString::fromUtf8(kDomain));
        QCOMPARE(s.events.size(), 2); // created, then in sync
        QCOMPARE(journal.value()->live()->size(), 1);
        auto agents = journal.value()->agents();
        QCOMPARE(agents->value(r.shadowUri).command, QStringLiteral("ssh root@s umbra-replica"));
        QCOMPARE(agents->value(r.shadowUri).effectiveAddress(), QStringLiteral("s"));

        ShadowRecord removed = s;
        removed.state = State::Removed;
        QVERIFY(journal.value()->update(removed).ok());
        QVERIFY(!journal.value()->liveShadowOf(QStringLiteral("u-1"))->has_value());
        QCOMPARE(journal.value()->history()->first().state, State::Removed);
        QVERIFY(!journal.value()->shadow(id + 1).ok());
    }

    // ------------------------------------------- the shadow's life cycle ---

    // Creating: replicas served by the agent, the definition on the shadow
    // host, a copy of each writable disk into its export; in sync once ready.
    void createReplicatesEveryWritableDisk()
    {
        QTemporaryDir dir;
        ShadowWorld w(dir.filePath(QStringLiteral("umbra.db")));
        auto made = w.create();
        QVERIFY2(made.ok(), qPrintable(made.error()));
        QCOMPARE(made->state, State::InSync);
        QCOMPARE(made->disks.size(), 1); // the cdrom is not replicated
        QCOMPARE(made->disks[0].target, QStringLiteral("vda"));
        QVERIFY(w.replicas.replicas.value(QStringLiteral("web01-vda")).serving);
        QVERIFY(w.shadowDefined());
        QVERIFY(w.world.hasBlockJob(kA, kVm));
        QVERIFY(indexOf(w.world.calls(), QStringLiteral("copyTo <disk type=\"network\"")) >= 0);
        QCOMPARE(w.stored().state, State::InSync);
        // A second shadow of the same VM is refused.
        auto again = w.create();
        QVERIFY(!again.ok());
        QVERIFY2(again.error().contains(QLatin1String("already has a shadow")),
                 qPrintable(again.error()));
    }

    // Each way creating can fail leaves nothing behind and says why.
    void createFailuresUndoEverything_data()
    {
        QTest::addColumn<QString>("linkFailure");
        QTest::addColumn<QString>("agentFailure");
        QTest::addColumn<QString>("expected");
        QTest::newRow("replica not made")
            << QString() << QStringLiteral("create") << QStringLiteral("no space left");
        QTest::newRow("export refused")
            << QString() << QStringLiteral("serve") << QStringLiteral("no space left");
        QTest::newRow("definition refused") << QStringLiteral("define@scripted://s") << QString()
                                            << QStringLiteral("libvirt says no");
        QTest::newRow("copy refused")
            << QStringLiteral("blockCopy") << QString() << QStringLiteral("libvirt says no");
    }
    void createFailuresUndoEverything()
    {
        QFETCH(QString, linkFailure);
        QFETCH(QString, agentFailure);
        QFETCH(QString, expected);
        QTemporaryDir dir;
        ShadowWorld w(dir.filePath(QStringLiteral("umbra.db")));
        if (!linkFailure.isEmpty())
            w.world.failures.insert(linkFailure, QStringLiteral("libvirt says no"));
        if (!agentFailure.isEmpty())
            w.replicas.failures.insert(agentFailure, QStringLiteral("no space left"));
        auto made = w.create();
        QVERIFY(!made.ok());
        QVERIFY2(made.error().contains(expected), qPrintable(made.error()));
        QVERIFY(!w.shadowDefined());
        QVERIFY(w.replicas.replicas.isEmpty());
        QVERIFY(!w.world.hasBlockJob(kA, kVm));
        QCOMPARE(w.stored().state, State::Failed);
        QVERIFY(w.world.hosts[kA].domains[kVm].running()); // the primary never noticed
    }

    // Creating is refused, before anything is made, where a shadow cannot be.
    void createRefusals()
    {
        QTemporaryDir dir;
        ShadowWorld w(dir.filePath(QStringLiteral("umbra.db")));
        ShadowJob job(w.environment());
        auto same = job.create({ QStringLiteral("web01"), kA, kA, 5 });
        QVERIFY(!same.ok());
        QVERIFY2(same.error().contains(QLatin1String("never shares")), qPrintable(same.error()));
        auto general = job.create({ QStringLiteral("web01"), kA, kB, 5 });
        QVERIFY(!general.ok());
        QVERIFY2(general.error().contains(QLatin1String("shadow pool")),
                 qPrintable(general.error()));
        w.world.hosts[kS].reachable = false;
        auto unreachable = job.create({ QStringLiteral("web01"), kA, kS, 5 });
        QVERIFY(!unreachable.ok());
        QVERIFY2(unreachable.error().contains(QLatin1String("unreachable")),
                 qPrintable(unreachable.error()));
        w.world.hosts[kS].reachable = true;
        w.world.hosts[kA].domains[kVm].active = false;
        w.world.hosts[kA].domains[kVm].state = 5;
        auto stopped = job.create({ QStringLiteral("web01"), kA, kS, 5 });
        QVERIFY(!stopped.ok());
        QVERIFY2(stopped.error().contains(QLatin1String("not running")),
                 qPrintable(stopped.error()));
        QVERIFY(w.world.calls().filter(QStringLiteral("define@")).isEmpty());
    }

    // A copy that libvirt ended is seen as degraded; seeding it again
    // brings it back in sync; a copy still seeding is promoted when ready.
    void endedCopyDegradesAndReseeds()
    {
        QTemporaryDir dir;
        ShadowWorld w(dir.filePath(QStringLiteral("umbra.db")));
        QVERIFY(w.create().ok());
        w.world.blockJobs.clear(); // the primary's QEMU restarted, say
        ShadowJob job(w.environment());
        auto checked = job.check(kVm);
        QVERIFY(checked.ok());
        QCOMPARE(checked->state, State::Degraded);
        QVERIFY2(checked->reason.contains(QLatin1String("vda")), qPrintable(checked->reason));

        w.world.copyPollsToReady = 3;
        auto reseeded = job.reseed(kVm, 0); // no wait: the console's checks finish it
        QVERIFY2(reseeded.ok(), qPrintable(reseeded.error()));
        QCOMPARE(w.stored().state, State::Seeding);
        QCOMPARE(w.stored().seeds, 2);
        State state = State::Seeding;
        for (int i = 0; i < 5 && state == State::Seeding; ++i)
            state = job.check(kVm)->state;
        QCOMPARE(state, State::InSync);
    }

    // A migration sets the shadow aside (ending its copy) while a check that
    // had read it in sync is asking libvirt about that copy: the check sees
    // no copy, but must not record the shadow as degraded over the
    // suspension — the console would seed it again under the move, and
    // libvirt refuses to migrate a domain with a block job.
    void checkLeavesASuspensionItDidNotSee()
    {
        QTemporaryDir dir;
        ShadowWorld w(dir.filePath(QStringLiteral("umbra.db")));
        QVERIFY(w.create().ok());
        QCOMPARE(w.stored().state, State::InSync);
        bool suspended = false;
        w.world.onCall = [&](const QString &call) {
            if (suspended || !call.startsWith(QLatin1String("blockJob@")))
                return;
            suspended = true;
            QVERIFY(w.suspendForAMove());
        };
        ShadowJob job(w.environment());
        auto checked = job.check(kVm);
        w.world.onCall = nullptr;
        QVERIFY(suspended);
        QVERIFY2(checked.ok(), qPrintable(checked.error()));
        QCOMPARE(checked->state, State::Suspended);
        QCOMPARE(w.stored().state, State::Suspended);
        QVERIFY(!w.world.hasBlockJob(kA, kVm));
    }

    // What replication costs the primary: its write latency before the copy
    // began is kept with the shadow; the console's checks measure it since,
    // and while seeding say how long is left.
    void serviceMeasuresWhatReplicationCosts()
    {
        QTemporaryDir dir;
        ShadowWorld w(dir.filePath(QStringLiteral("umbra.db")));
        QVERIFY(w.create().ok());
        QCOMPARE(w.stored().writeLatencyBeforeMs, 0.4);
        Shadow::ShadowService service(w.db, Scripted::factory(w.world));
        w.configure(service);
        QVERIFY(refreshed(service));
        QCOMPARE(refreshed(service)->writeLatencyMs, 0.6);

        // Seeding again: how much is copied, and what is left at that pace.
        w.world.copyPollsToReady = 100;
        for (auto &job : w.world.blockJobs) {
            job.ready = false;
            job.cur = 0;
            job.end = 100;
        }
        leaveAs(w, State::Seeding, QCoreApplication::applicationPid());
        QVERIFY(refreshed(service));
        QTest::qWait(50);
        const std::optional<ShadowRecord> seeding = refreshed(service);
        QVERIFY(seeding);
        QCOMPARE(seeding->state, State::Seeding);
        QVERIFY(seeding->copiedBytes > 0 && seeding->copiedBytes < seeding->copyBytes);
        QVERIFY(seeding->seedEtaS >= 0);
    }

    // A limit on seeding is kept with the shadow and given to every full
    // copy, the re-seeds included.
    void seedingKeepsItsLimit()
    {
        QTemporaryDir dir;
        ShadowWorld w(dir.filePath(QStringLiteral("umbra.db")));
        ShadowJob job(w.environment());
        CreateRequest request{ QStringLiteral("web01"), kA, kS, 5 };
        request.seedLimitBytesPerSec = 8 << 20;
        QVERIFY(job.create(request).ok());
        QCOMPARE(w.stored().seedLimitBytesPerSec, qint64(8 << 20));
        QCOMPARE(w.world.calls().filter(QStringLiteral("copyBandwidth 8388608")).size(), 1);
        w.world.blockJobs.clear();
        QCOMPARE(job.check(kVm)->state, State::Degraded);
        QVERIFY(job.reseed(kVm, 0).ok());
        QCOMPARE(w.world.calls().filter(QStringLiteral("copyBandwidth 8388608")).size(), 2);
    }

    // Failover: refused while the primary runs (the service would run
    // twice) unless planned; with the primary's host lost, the shadow starts
    // from its released replicas and the primary is fenced.
    void failoverNeverRunsTheServiceTwice()
    {
        QTemporaryDir dir;
        ShadowWorld w(dir.filePath(QStringLiteral("umbra.db")));
        QVERIFY(w.create().ok());
        ShadowJob job(w.environment());
        auto refused = job.failover(kVm, {});
        QVERIFY(!refused.ok());
        QVERIFY2(refused.error().contains(QLatin1String("twice")), qPrintable(refused.error()));
        QCOMPARE(w.stored().state, State::InSync);

        w.world.hosts[kA].reachable = false;
        auto over = job.failover(kVm, {});
        QVERIFY2(over.ok(), qPrintable(over.error()));
        QCOMPARE(over->state, State::FailedOver);
        QVERIFY(over->rtoMs >= 0);
        QVERIFY(!w.replicas.replicas.value(QStringLiteral("web01-vda")).serving);
        const QString shadowUuid = over->shadowUuid;
        QVERIFY(w.world.hosts[kS].domains[shadowUuid].running());
        // What took over is the service now: it is not removed as a shadow.
        auto removed = job.remove(kVm);
        QVERIFY(!removed.ok());
        QVERIFY(w.world.hosts[kS].domains.contains(shadowUuid));
    }

    void plannedFailoverStopsThePrimaryFirst()
    {
        QTemporaryDir dir;
        ShadowWorld w(dir.filePath(QStringLiteral("umbra.db")));
        QVERIFY(w.create().ok());
        ShadowJob job(w.environment());
        FailoverOptions planned;
        planned.planned = true;
        auto over = job.failover(kVm, planned);
        QVERIFY2(over.ok(), qPrintable(over.error()));
        QVERIFY(!w.world.hosts[kA].domains[kVm].active);
        const QStringList calls = w.world.calls();
        QVERIFY(indexOf(calls, QStringLiteral("destroy@scripted://a"))
                < indexOf(calls, QStringLiteral("start@scripted://s")));
    }

    // A planned failover validates the replicas first: one that fails
    // leaves the primary running and says why; a recent pass is relied on.
    void plannedFailoverValidatesFirst()
    {
        QTemporaryDir dir;
        ShadowWorld w(dir.filePath(QStringLiteral("umbra.db")));
        QVERIFY(w.create().ok());
        ShadowJob job(w.environment());
        FailoverOptions planned;
        planned.planned = true;
        planned.validateFirst = ValidationOptions{ 0, 0, {} };

        w.replicas.failures.insert(QStringLiteral("freeze"), QStringLiteral("overlay full"));
        auto refused = job.failover(kVm, planned);
        QVERIFY(!refused.ok());
        QVERIFY2(refused.error().contains(QLatin1String("overlay full")),
                 qPrintable(refused.error()));
        QVERIFY(w.world.hosts[kA].domains[kVm].running());
        QCOMPARE(w.stored().state, State::InSync);
        QVERIFY(w.stored().lastValidation && !w.stored().lastValidation->passed);

        w.replicas.failures.clear();
        auto validated = job.validate(kVm, { 0, 0, {} });
        QVERIFY2(validated.ok() && validated->passed,
                 qPrintable(validated ? validated->reason : validated.error()));
        w.replicas.calls.clear();
        auto over = job.failover(kVm, planned);
        QVERIFY2(over.ok(), qPrintable(over.error()));
        QCOMPARE(over->state, State::FailedOver);
        QVERIFY(w.replicas.calls.filter(QStringLiteral("freeze")).isEmpty());
        QVERIFY(!w.world.hosts[kA].domains[kVm].active);
    }

    // Removing ends the copies, undefines the shadow and deletes its
    // replicas; the primary keeps running with its own disk.
    void removeLeavesThePrimaryAlone()
    {
        QTemporaryDir dir;
        ShadowWorld w(dir.filePath(QStringLiteral("umbra.db")));
        QVERIFY(w.create().ok());
        ShadowJob job(w.environment());
        auto removed = job.remove(kVm);
        QVERIFY2(removed.ok(), qPrintable(removed.error()));
        QCOMPARE(removed->state, State::Removed);
        QVERIFY(!w.shadowDefined());
        QVERIFY(w.replicas.replicas.isEmpty());
        QVERIFY(!w.world.hasBlockJob(kA, kVm));
        QVERIFY(w.world.hosts[kA].domains[kVm].running());
        QVERIFY(w.world.calls().filter(QStringLiteral("destroy@scripted://a")).isEmpty());
        QVERIFY(w.world.calls().filter(QStringLiteral("undefine@scripted://a")).isEmpty());
    }

    // ------------------------------------- the console's shadow service ---

    // What a console killed at any point leaves in the journal is adopted by
    // the next one: a shadow left seeding is seen through to in sync, one
    // suspended for a move that ended follows its primary to where it runs,
    // one left half made is undone.
    void serviceAdoptsWhatAStoppedConsoleLeft()
    {
        QTemporaryDir dir;
        ShadowWorld w(dir.filePath(QStringLiteral("umbra.db")));
        QVERIFY(w.create().ok());
        const qint64 gone = deadPid();

        // Left seeding by a console that died: the copy runs on in libvirt.
        leaveAs(w, State::Seeding, gone);
        w.world.copyPollsToReady = 2;
        for (auto &job : w.world.blockJobs) {
            job.ready = false;
            job.cur = 0;
        }
        QString runsOn = kA;
        Shadow::ShadowService service(w.db, Scripted::factory(w.world));
        w.configure(service);
        service.setFleetView([&runsOn](const QString &) { return runsOn; },
                             [](const QString &) { return false; });
        QTRY_VERIFY_WITH_TIMEOUT(refreshed(service)->state == State::InSync, 5000);

        // Suspended for a move that completed after the console died: the
        // copies start again from the VM's new host.
        leaveAs(w, State::Suspended, gone);
        w.world.blockJobs.clear();
        w.world.hosts[kB].domains.insert(kVm, w.world.hosts[kA].domains.take(kVm));
        runsOn = kB;
        QTRY_VERIFY_WITH_TIMEOUT(refreshed(service)->primaryUri == kB, 5000);
        QTRY_VERIFY_WITH_TIMEOUT(refreshed(service)->state == State::InSync, 5000);
        QVERIFY(w.world.hasBlockJob(kB, kVm));

        // Left half made: undone, nothing of it stays.
        leaveAs(w, State::Creating, gone);
        QTRY_VERIFY_WITH_TIMEOUT(!refreshed(service), 5000);
        QVERIFY(!w.shadowDefined());
        QVERIFY(w.replicas.replicas.isEmpty());
        QCOMPARE(w.stored().state, State::Removed);
    }

    // The console seeds a degraded shadow again just as a migration sets it
    // aside (here: while libvirt starts the copy, or before the seeding is
    // claimed). The suspension stands and no copy of the reseed's is left
    // running, so libvirt lets the VM move.
    void reseedYieldsToAMigration_data()
    {
        QTest::addColumn<QString>("during");
        QTest::newRow("the copy's start") << QStringLiteral("blockCopy@");
        QTest::newRow("the replica's serving") << QStringLiteral("serve");
    }
    void reseedYieldsToAMigration()
    {
        QFETCH(QString, during);
        QTemporaryDir dir;
        ShadowWorld w(dir.filePath(QStringLiteral("umbra.db")));
        QVERIFY(w.create().ok());
        w.world.blockJobs.clear();
        ShadowJob job(w.environment());
        QCOMPARE(job.check(kVm)->state, State::Degraded);

        bool suspended = false;
        auto suspend = [&] {
            suspended = true;
            QVERIFY(w.suspendForAMove());
        };
        w.world.onCall = [&](const QString &call) {
            if (!suspended && call.startsWith(during))
                suspend();
        };
        w.replicas.onAct = [&](const QString &op) {
            if (!suspended && op == during)
                suspend();
        };
        auto reseeded = job.reseed(kVm, 0);
        w.world.onCall = nullptr;
        w.replicas.onAct = nullptr;
        QVERIFY(suspended);
        QVERIFY2(reseeded.ok(), qPrintable(reseeded.error()));
        QCOMPARE(reseeded->state, State::Suspended);
        QCOMPARE(w.stored().state, State::Suspended);
        QVERIFY(!w.world.hasBlockJob(kA, kVm));
    }

    // A migration that sets the shadow aside just after the console asked
    // whether its VM was moving: the console's pass must not take the
    // suspension for one whose move has ended, and seed under the move.
    void serviceLeavesASuspensionNewerThanItsQuestion()
    {
        QTemporaryDir dir;
        ShadowWorld w(dir.filePath(QStringLiteral("umbra.db")));
        QVERIFY(w.create().ok());
        Shadow::ShadowService service(w.db, Scripted::factory(w.world));
        w.configure(service);
        bool startMove = false;
        bool moving = false;
        service.setFleetView([](const QString &) { return kA; },
                             [&](const QString &) {
                                 if (startMove && !moving) {
                                     // The answer is "no"; the move starts now.
                                     moving = w.suspendForAMove();
                                     return false;
                                 }
                                 return moving;
                             });
        QCOMPARE(refreshed(service)->state, State::InSync);

        startMove = true;
        QCOMPARE(refreshed(service)->state, State::Suspended);
        QVERIFY(moving);
        QVERIFY(!w.world.hasBlockJob(kA, kVm));
        QCOMPARE(refreshed(service)->state, State::Suspended); // it is moving now

        // The move ended (it did not happen): replication starts again.
        startMove = false;
        moving = false;
        QTRY_VERIFY_WITH_TIMEOUT(refreshed(service)->state == State::InSync, 5000);
        QVERIFY(w.world.hasBlockJob(kA, kVm));
    }

    // A primary's host unreachable past the grace period, the VM running
    // nowhere else: the shadow takes over by itself, with an event.
    void serviceFailsOverWhenTheHostStaysLost()
    {
        QTemporaryDir dir;
        ShadowWorld w(dir.filePath(QStringLiteral("umbra.db")));
        QVERIFY(w.create().ok());
        Shadow::ShadowService service(w.db, Scripted::factory(w.world));
        w.configure(service);
        service.setFleetView([](const QString &) { return QString(); },
                             [](const QString &) { return false; });
        service.setFailoverGraceS(1);
        QCOMPARE(refreshed(service)->state, State::InSync);
        QSignalSpy reports(&service, &Shadow::ShadowService::reported);
        w.world.hosts[kA].reachable = false;
        QCOMPARE(refreshed(service)->state, State::InSync); // within the grace period
        QTest::qWait(1100);
        QTRY_VERIFY_WITH_TIMEOUT(refreshed(service)->state == State::FailedOver, 5000);
        bool said = false;
        for (const QList<QVariant> &report : std::as_const(reports))
            said = said || report.first().toString().contains(QLatin1String("unreachable"));
        QVERIFY(said);
        QVERIFY(w.world.hosts[kS].domains[w.stored().shadowUuid].running());
    }

    // Each shadow is validated on its own schedule, or the console's when it
    // has none; 0 means only when asked. The schedule is kept in the journal.
    void serviceValidatesOnEachShadowsSchedule()
    {
        QTemporaryDir dir;
        ShadowWorld w(dir.filePath(QStringLiteral("umbra.db")));
        QVERIFY(w.create().ok());
        // Made two hours ago.
        {
            auto db = Database::open(w.db, QStringLiteral("backdate"));
            QVERIFY(db.ok());
            QSqlQuery q(db.value()->sql());
            QVERIFY(q.exec(QStringLiteral("UPDATE shadows SET created_ms = created_ms - 7200000")));
        }
        Shadow::ShadowService service(w.db, Scripted::factory(w.world));
        w.configure(service);
        service.setValidationBootS(0);
        service.setValidationIntervalH(24);
        QCOMPARE(refreshed(service)->validateEveryH, std::nullopt);

        // Never by itself, though the console's schedule says it is due.
        QSignalSpy changed(&service, &Shadow::ShadowService::shadowsChanged);
        service.setValidationInterval(kVm, 0);
        QVERIFY(changed.wait(5000));
        QCOMPARE(service.shadowOf(kVm)->validateEveryH, std::optional<int>(0));
        service.setValidationIntervalH(1);
        QVERIFY(refreshed(service));
        QTest::qWait(200);
        QCOMPARE(refreshed(service)->lastValidation, std::nullopt);
        QVERIFY(w.replicas.calls.filter(QStringLiteral("freeze")).isEmpty());

        // Its own schedule of an hour: due now, though the console's is a day.
        service.setValidationIntervalH(24);
        service.setValidationInterval(kVm, 1);
        QTRY_VERIFY_WITH_TIMEOUT(service.shadowOf(kVm)->lastValidation.has_value(), 5000);
        QVERIFY(service.shadowOf(kVm)->lastValidation->passed);
        QCOMPARE(w.stored().validateEveryH, std::optional<int>(1));
        // ...and not again within the hour.
        w.replicas.calls.clear();
        QVERIFY(refreshed(service));
        QVERIFY(refreshed(service));
        QVERIFY(w.replicas.calls.filter(QStringLiteral("freeze")).isEmpty());
    }

    // ------------------------------------------------ scaling the shadow ---

    void sizingFollowsTheForecast_data()
    {
        QTest::addColumn<int>("primaryVcpus");
        QTest::addColumn<double>("peakCpus"); // < 0: no forecast
        QTest::addColumn<int>("health"); // < 0: unknown
        QTest::addColumn<int>("vcpus");
        QTest::newRow("quiet primary") << 8 << 1.5 << 90 << 2; // ceil(1.5 × 1.25)
        QTest::newRow("busy primary") << 8 << 5.0 << 90 << 7;
        QTest::newRow("never above the primary") << 4 << 9.0 << 90 << 4;
        QTest::newRow("never below the minimum") << 4 << 0.01 << 90 << 1;
        QTest::newRow("flagged primary") << 8 << 1.5 << 40 << 8;
        QTest::newRow("no forecast yet") << 8 << -1.0 << -1 << 8;
    }
    void sizingFollowsTheForecast()
    {
        QFETCH(int, primaryVcpus);
        QFETCH(double, peakCpus);
        QFETCH(int, health);
        QFETCH(int, vcpus);
        SizingInput in;
        in.primaryVcpus = primaryVcpus;
        in.primaryMemoryKiB = 8 * 1048576;
        if (peakCpus >= 0)
            in.peakCpus = peakCpus;
        if (health >= 0)
            in.health = health;
        const Sizing sized = sizeShadow(in);
        QCOMPARE(sized.vcpus, vcpus);
        QCOMPARE(sized.memoryKiB, in.primaryMemoryKiB); // memory stays the primary's
        QVERIFY(!sized.reason.isEmpty());
    }

    // A standby shadow is redefined at its new size and the ledger reserves
    // that; one that took over keeps its size.
    void resizeRedefinesTheStandbyAndItsReservation()
    {
        QTemporaryDir dir;
        ShadowWorld w(dir.filePath(QStringLiteral("umbra.db")));
        Environment env = w.environment();
        env.placement.ledger = std::make_shared<Pools::CapacityLedger>();
        ShadowJob job(env);
        auto made = job.create({ QStringLiteral("web01"), kA, kS, 5 });
        QVERIFY2(made.ok(), qPrintable(made.error()));
        QCOMPARE(made->vcpus, 2);
        const auto before = env.placement.ledger->headroom(kS, Pools::Placing::Vm);
        QVERIFY(before.ok());
        QCOMPARE(before->standbyVcpus, 2);

        auto resized = job.resize(kVm, { 1, made->memoryKiB, QStringLiteral("a quiet day") });
        QVERIFY2(resized.ok(), qPrintable(resized.error()));
        QCOMPARE(resized->vcpus, 1);
        QCOMPARE(w.world.hosts[kS].domains[made->shadowUuid].vcpus, 1);
        QCOMPARE(w.stored().vcpus, 1);
        QCOMPARE(env.placement.ledger->headroom(kS, Pools::Placing::Vm)->standbyVcpus, 1);

        w.world.hosts[kA].reachable = false;
        QVERIFY(job.failover(kVm, {}).ok());
        QVERIFY(!job.resize(kVm, { 2, made->memoryKiB, QStringLiteral("busy") }).ok());
    }

    // ------------------------------------- migrating a shadowed primary ---

    // libvirt refuses to move a domain with a block job: the migration sets
    // the replication aside first, and it follows the VM to its new host.
    void shadowedPrimaryMigratesAndTheShadowFollows()
    {
        QTemporaryDir dir;
        ShadowWorld w(dir.filePath(QStringLiteral("umbra.db")));
        QVERIFY(w.create().ok());
        w.world.clearCalls();
        const MigrationRecord moved = w.migrate(kA, kB);
        QCOMPARE(outcomeKey(moved.outcome), QStringLiteral("completed"));
        QVERIFY(w.world.hosts[kB].domains[kVm].running());
        const QStringList calls = w.world.calls();
        QVERIFY(indexOf(calls, QStringLiteral("abortBlockJob@scripted://a"))
                < indexOf(calls, QStringLiteral("migrate@scripted://a")));
        QVERIFY(indexOf(calls, QStringLiteral("blockCopy@scripted://b"))
                > indexOf(calls, QStringLiteral("migrate@scripted://a")));
        QVERIFY(w.world.hasBlockJob(kB, kVm));
        const ShadowRecord shadow = w.stored();
        QCOMPARE(shadow.state, State::InSync);
        QCOMPARE(shadow.primaryUri, kB);
        QCOMPARE(shadow.seeds, 2);
        QVERIFY(w.shadowDefined());
    }

    // A move that does not happen leaves the VM on its source, and the
    // replication starts again from there.
    void failedMoveReseedsFromTheSource()
    {
        QTemporaryDir dir;
        ShadowWorld w(dir.filePath(QStringLiteral("umbra.db")));
        QVERIFY(w.create().ok());
        w.world.failures.insert(QStringLiteral("migrate-finish"),
                                QStringLiteral("operation failed: migration job: unexpectedly "
                                               "failed"));
        const MigrationRecord moved = w.migrate(kA, kB);
        QVERIFY(moved.outcome != Jobs::Outcome::Completed);
        QVERIFY(w.world.hosts[kA].domains[kVm].running());
        QVERIFY(w.world.hasBlockJob(kA, kVm));
        const ShadowRecord shadow = w.stored();
        QCOMPARE(shadow.state, State::InSync);
        QCOMPARE(shadow.primaryUri, kA);
    }

    // A primary moved onto its shadow's host (the pools changed since the
    // shadow was made, say) would fail with it: the shadow is retired, its
    // replicas deleted; the VM itself is untouched.
    void moveOntoTheShadowHostRetiresTheShadow()
    {
        QTemporaryDir dir;
        ShadowWorld w(dir.filePath(QStringLiteral("umbra.db")));
        QVERIFY(w.create().ok());
        const MigrationRecord moved = w.migrate(kA, kS);
        QCOMPARE(outcomeKey(moved.outcome), QStringLiteral("completed"));
        QVERIFY(w.world.hosts[kS].domains[kVm].running());
        QVERIFY(!w.shadowDefined());
        QVERIFY(w.replicas.replicas.isEmpty());
        QVERIFY(!w.world.hasBlockJob(kS, kVm));
        QCOMPARE(w.stored().state, State::Removed);
        QVERIFY2(w.stored().reason.contains(QLatin1String("retired")),
                 qPrintable(w.stored().reason));
    }
};

QTEST_GUILESS_MAIN(TestShadow)
#include "tst_shadow.moc"
