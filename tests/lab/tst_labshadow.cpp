// Shadows against the real lab: a shadow of the first guest on the second
// host, replicated by libvirt block copy with synchronous writes into the
// host's replica agent (resources/replica/umbra-replica); its write counter
// tells honestly whether an acknowledged write was lost.
#include "labenv.h"
#include "migrate/libvirtlink.h"
#include "migrate/migrationjob.h"
#include "pools/pool.h"
#include "shadow/shadowguard.h"
#include "shadow/shadowjob.h"
#include "shadow/shadowservice.h"
#include "store/database.h"

#include <QAtomicInteger>
#include <QDir>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Umbra;

namespace {

// GET /counter of the guest: the last number its disk acknowledged; -1 when
// it does not answer.
qint64 counterOf(const QString &ip)
{
    QProcess curl;
    curl.start(QStringLiteral("curl"),
               { QStringLiteral("-s"), QStringLiteral("-m"), QStringLiteral("1"),
                 QStringLiteral("http://%1/counter").arg(ip) });
    if (!curl.waitForFinished(3000) || curl.exitCode() != 0)
        return -1;
    bool ok = false;
    const qint64 n = curl.readAllStandardOutput().trimmed().toLongLong(&ok);
    return ok ? n : -1;
}

} // namespace

class TestLabShadow : public QObject
{
    Q_OBJECT

    Lab::Env m_lab;
    QString m_guest, m_ip, m_a, m_b;
    QString m_c; // a third host, general, when the lab has one
    QTemporaryDir m_dir;
    QString m_db;
    bool m_killed = false;

    Shadow::Environment environment()
    {
        Shadow::Environment env;
        env.journalPath = m_db;
        env.links = LibvirtLink::factory();
        env.placement.pools = Pools::PoolSettings::load(m_db).value();
        env.placement.ledger = std::make_shared<Pools::CapacityLedger>();
        return env;
    }

    std::unique_ptr<HypervisorLink> link(const QString &host)
    {
        auto l = LibvirtLink::open(m_lab.uri(host));
        return l ? std::move(l.value()) : nullptr;
    }

    Shadow::CommandReplicaAgent agent() const
    {
        return Shadow::CommandReplicaAgent(m_lab.value(QStringLiteral("LAB_REPLICA_CMD_") + m_b));
    }

    // Whatever a test left: the first host back, no shadow, the guest home.
    void restore()
    {
        // A shadow a failed test left in the journal is over.
        if (auto journal = Shadow::ShadowJournal::open(m_db, QStringLiteral("restore"))) {
            if (auto left = journal.value()->liveShadowOf(m_guest); left && left->has_value()) {
                Shadow::ShadowRecord over = left->value();
                over.state = Shadow::State::Removed;
                QVERIFY(journal.value()->update(over).ok());
            }
        }
        if (m_killed) {
            QCOMPARE(Lab::runLab({ QStringLiteral("revive-host"), m_a }), 0);
            m_killed = false;
        }
        if (auto b = link(m_b)) {
            if (auto shadow = b->domain(m_guest + QStringLiteral("-shadow"));
                shadow && shadow->exists) {
                if (shadow->active)
                    QVERIFY(b->destroy(shadow->uuid).ok());
                QVERIFY(b->undefine(shadow->uuid).ok());
            }
        }
        auto replicas = agent();
        (void)replicas.remove(m_guest + QStringLiteral("-vda"));
        QElapsedTimer waited;
        waited.start();
        std::unique_ptr<HypervisorLink> a;
        while (!(a = link(m_a)) && waited.elapsed() < 20000)
            QThread::msleep(500);
        QVERIFY(a);
        if (!m_c.isEmpty()) {
            auto c = link(m_c);
            auto away = c ? c->domain(m_guest) : Result<DomainFacts>(Error{ QString() });
            if (away && away->exists && away->active)
                QCOMPARE(migrate(m_c, m_a, {}).outcome, Jobs::Outcome::Completed);
        }
        auto dom = a->domain(m_guest);
        QVERIFY(dom && dom->exists);
        if (!dom->active)
            QVERIFY(a->start(dom->uuid).ok());
        while (counterOf(m_ip) < 0 && waited.elapsed() < 90000)
            QThread::msleep(500);
        QVERIFY2(counterOf(m_ip) >= 0, "the guest did not come back on its home host");
    }

    // Live-migrates the guest, with the shadows' guard when given.
    MigrationRecord migrate(const QString &from, const QString &to,
                            std::shared_ptr<ReplicationGuard> guard)
    {
        const MigrationRequest r = Lab::migrationRequest(m_lab, m_guest, from, to);
        MigrationJob job(r, { m_db, LibvirtLink::factory(), {}, {}, std::move(guard) });
        connect(&job, &MigrationJob::logged, &job, [](qint64, MigrationStage, const QString &line) {
            qInfo("migration: %s", qUtf8Printable(line));
        });
        QSignalSpy finished(&job, &MigrationJob::finished);
        job.run();
        return finished.isEmpty() ? MigrationRecord{}
                                  : finished.first().first().value<MigrationRecord>();
    }

private Q_SLOTS:
    void initTestCase()
    {
        UMBRA_REQUIRE_LAB(m_lab);
        if (m_lab.hostKeys().size() < 2 || m_lab.guests().isEmpty())
            QSKIP("The lab needs at least two hosts and one guest.");
        m_guest = m_lab.guests().first();
        m_ip = m_lab.guestIp(m_guest);
        m_a = m_lab.home(m_guest);
        for (const QString &h : m_lab.hostKeys()) {
            if (h == m_a)
                continue;
            if (m_b.isEmpty())
                m_b = h;
            else if (m_c.isEmpty())
                m_c = h;
        }
        if (m_lab.value(QStringLiteral("LAB_REPLICA_CMD_") + m_b).isEmpty())
            QSKIP("This lab has no replica agents: start it again with scripts/lab up.");
        m_db = m_dir.filePath(QStringLiteral("shadow.db"));
        QVERIFY(Database::open(m_db, QStringLiteral("create")).ok());
        // The second host is the shadow pool; its agent is the lab's.
        Pools::PoolSettings pools = Pools::PoolSettings::defaults();
        pools.pools.append({ QStringLiteral("Standby"), Pools::PoolKind::Shadow, {}, {} });
        pools.hostPools.insert(m_lab.uri(m_b), QStringLiteral("Standby"));
        QVERIFY(pools.save(m_db).ok());
        auto journal = Shadow::ShadowJournal::open(m_db, QStringLiteral("agents"));
        QVERIFY(journal.ok());
        QVERIFY(
            journal.value()
                ->setAgent(
                    { m_lab.uri(m_b), m_lab.value(QStringLiteral("LAB_REPLICA_CMD_") + m_b), {} })
                .ok());
        restore();
    }

    void cleanup() { restore(); }

    // Created, in sync, then removed: the shadow's definition and replica
    // are gone, the primary has no copy running, and it still serves.
    void removeLeavesNothingBehind()
    {
        Shadow::ShadowJob job(environment(),
                              [](const QString &l) { qInfo("%s", qUtf8Printable(l)); });
        auto made = job.create({ m_guest, m_lab.uri(m_a), m_lab.uri(m_b) });
        QVERIFY2(made.ok(), qPrintable(made.error()));
        QCOMPARE(made->state, Shadow::State::InSync);
        // The guest writes every 100 ms: its latency before replication is known.
        QVERIFY(made->writeLatencyBeforeMs > 0);
        auto first = job.check(m_guest);
        QThread::sleep(2);
        auto second = job.check(m_guest);
        QVERIFY(first && first->writeTotals && second && second->writeTotals);
        const auto with = meanWriteLatencyMs(*first->writeTotals, *second->writeTotals);
        QVERIFY(with.has_value());
        qInfo("primary's writes: %.2f ms before replication, %.2f ms with it",
              made->writeLatencyBeforeMs, *with);
        auto b = link(m_b);
        auto shadow = b->domain(m_guest + QStringLiteral("-shadow"));
        QVERIFY(shadow && shadow->exists && !shadow->active);
        QVERIFY(link(m_a)->blockJob(made->primaryUuid, QStringLiteral("vda"))->ready);

        // A second shadow of the same VM is refused.
        auto twice = job.create({ m_guest, m_lab.uri(m_a), m_lab.uri(m_b) });
        QVERIFY(!twice.ok());
        QVERIFY2(twice.error().contains(QLatin1String("already has a shadow")),
                 qPrintable(twice.error()));

        auto removed = job.remove(m_guest);
        QVERIFY2(removed.ok(), qPrintable(removed.error()));
        QCOMPARE(removed->state, Shadow::State::Removed);
        QVERIFY(!b->domain(m_guest + QStringLiteral("-shadow"))->exists);
        QVERIFY(!link(m_a)->blockJob(made->primaryUuid, QStringLiteral("vda"))->active);
        auto replicas = agent();
        QVERIFY(!replicas.status(m_guest + QStringLiteral("-vda")).ok());
        QVERIFY(counterOf(m_ip) >= 0);
    }

    // libvirt refuses to move a domain with a block job: the migration sets
    // the replication aside, moves the guest to a third host, and the copy
    // follows it there; writes made after the move reach the replica.
    void migratedPrimaryKeepsItsShadow()
    {
        if (m_c.isEmpty())
            QSKIP("Moving a shadowed guest needs a third host: scripts/lab up --hosts 3.");
        Shadow::ShadowJob job(environment(),
                              [](const QString &l) { qInfo("%s", qUtf8Printable(l)); });
        auto made = job.create({ m_guest, m_lab.uri(m_a), m_lab.uri(m_b) });
        QVERIFY2(made.ok(), qPrintable(made.error()));

        auto guard = std::make_shared<Shadow::ShadowGuard>(environment(), 300);
        const MigrationRecord moved = migrate(m_a, m_c, guard);
        QVERIFY2(moved.outcome == Jobs::Outcome::Completed, qPrintable(moved.reason));
        auto shadow = job.find(m_guest);
        QVERIFY(shadow.ok() && shadow->has_value());
        QCOMPARE(shadow->value().primaryUri, m_lab.uri(m_c));
        QCOMPARE(shadow->value().state, Shadow::State::InSync);
        QCOMPARE(shadow->value().seeds, 2);
        QVERIFY(link(m_c)->blockJob(made->primaryUuid, QStringLiteral("vda"))->ready);

        // A write acknowledged on the new host is on the replica.
        QThread::msleep(500);
        const qint64 acknowledged = counterOf(m_ip);
        QVERIFY(acknowledged > 0);
        auto replicas = agent();
        auto frozen = replicas.freeze(m_guest + QStringLiteral("-vda"));
        QVERIFY2(frozen.ok(), qPrintable(frozen.error()));
        auto onReplica = replicas.counter(frozen->file);
        QVERIFY(replicas.thaw(m_guest + QStringLiteral("-vda")).ok());
        QVERIFY2(onReplica.ok(), qPrintable(onReplica.error()));
        QVERIFY2(onReplica.value() >= acknowledged,
                 qPrintable(QStringLiteral("replica %1, acknowledged %2")
                                .arg(onReplica.value())
                                .arg(acknowledged)));
        QVERIFY(job.remove(m_guest).ok());
    }

    // Validation boots a throw-away copy from a frozen image of the replica,
    // finds the primary's last acknowledged write there, and leaves nothing
    // behind; a replica that silently missed writes fails it.
    void validationPassesAndCatchesAStaleReplica()
    {
        Shadow::ShadowJob job(environment(),
                              [](const QString &l) { qInfo("%s", qUtf8Printable(l)); });
        auto made = job.create({ m_guest, m_lab.uri(m_a), m_lab.uri(m_b) });
        QVERIFY2(made.ok(), qPrintable(made.error()));
        Shadow::ValidationOptions options;
        options.bootSettleS = 10;
        options.counterUrl = QStringLiteral("http://%1/counter").arg(m_ip);
        auto passed = job.validate(m_guest, options);
        QVERIFY2(passed.ok(), qPrintable(passed.error()));
        QVERIFY2(passed->passed, qPrintable(passed->evidence.join(u'\n')));
        QVERIFY(passed->evidence.join(u'\n').contains(QLatin1String("acknowledged")));
        qInfo("RESULT {\"validationMs\":%lld}", passed->durationMs);
        auto b = link(m_b);
        QVERIFY(!b->domain(m_guest + QStringLiteral("-validation"))->exists);
        QVERIFY(!agent().status(m_guest + QStringLiteral("-vda"))->frozen);
        // Its transient overlay went with it: only the replica is there.
        const QString local = m_lab.value(QStringLiteral("LAB_LOCAL_DIR_") + m_b);
        if (!local.isEmpty())
            QCOMPARE(QDir(local).entryList(QDir::Files),
                     QStringList{ m_guest + QStringLiteral("-vda.qcow2") });
        QCOMPARE(job.check(m_guest)->state, Shadow::State::InSync); // replication went on
        auto stored = job.find(m_guest);
        QVERIFY(stored.ok() && stored->has_value() && stored->value().lastValidation);
        QVERIFY(stored->value().lastValidation->passed);

        // The copy ends unnoticed (the journal still says in sync) while
        // the guest writes on: the replica is stale, and validation says so.
        QVERIFY(link(m_a)->abortBlockJob(made->primaryUuid, QStringLiteral("vda")).ok());
        QThread::msleep(1500);
        auto failed = job.validate(m_guest, options);
        QVERIFY2(failed.ok(), qPrintable(failed.error()));
        QVERIFY(!failed->passed);
        QVERIFY2(failed->reason.contains(QLatin1String("missing")), qPrintable(failed->reason));
        QVERIFY(!b->domain(m_guest + QStringLiteral("-validation"))->exists);
        QVERIFY(job.remove(m_guest).ok());
    }

    // A console killed while it seeds leaves the copy running in libvirt
    // and the shadow "seeding" in its journal; the next console adopts the
    // copy and sees it through to in sync. The seeding is held to 4 MiB/s
    // (--seed-limit) so that the kill lands in the middle of it.
    void consoleKilledWhileSeedingAdoptsTheCopy()
    {
#ifndef UMBRA_BINARY
        QSKIP("The umbra executable is not built (UMBRA_WITH_GUI=OFF).");
#else
        QProcess umbra;
        umbra.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        umbra.start(QStringLiteral(UMBRA_BINARY),
                    { QStringLiteral("--connect"), m_lab.uri(m_a), QStringLiteral("--shadow"),
                      m_guest, QStringLiteral("--on"), m_lab.uri(m_b),
                      QStringLiteral("--seed-limit"), QStringLiteral("4"),
                      QStringLiteral("--database"), m_db });
        QVERIFY(umbra.waitForStarted());
        const auto seeding = [this]() -> std::optional<Shadow::ShadowRecord> {
            auto journal = Shadow::ShadowJournal::open(m_db, QStringLiteral("peek"));
            auto live = journal ? journal.value()->liveShadowOf(m_guest)
                                : Result<std::optional<Shadow::ShadowRecord>>(Error{ QString() });
            if (!live || !live->has_value() || live->value().state != Shadow::State::Seeding)
                return std::nullopt;
            auto a = link(m_a);
            auto copy = a ? a->blockJob(live->value().primaryUuid, QStringLiteral("vda"))
                          : Result<BlockJobState>(Error{ QString() });
            return copy && copy->active && !copy->ready ? live->value()
                                                        : std::optional<Shadow::ShadowRecord>();
        };
        std::optional<Shadow::ShadowRecord> seen;
        QTRY_VERIFY_WITH_TIMEOUT((seen = seeding()).has_value(), 60000);
        const Shadow::ShadowRecord left = *seen;
        QCOMPARE(left.seedLimitBytesPerSec, qint64(4) << 20);
        umbra.kill(); // SIGKILL, mid-seed
        QVERIFY(umbra.waitForFinished());
        auto copy = link(m_a)->blockJob(left.primaryUuid, QStringLiteral("vda"));
        QVERIFY(copy && copy->active);
        qInfo("killed at %lld of %lld bytes", copy->cur, copy->end);

        Shadow::ShadowService console(m_db, LibvirtLink::factory());
        const Shadow::Environment env = environment();
        console.setPlacement(env.placement);
        const QString home = m_lab.uri(m_a);
        console.setFleetView([home](const QString &) { return home; },
                             [](const QString &) { return false; });
        QElapsedTimer adopting;
        adopting.start();
        QTRY_VERIFY_WITH_TIMEOUT(
            (console.refresh(),
             console.shadowOf(left.primaryUuid)
                 && console.shadowOf(left.primaryUuid)->state == Shadow::State::InSync),
            120000);
        qInfo("adopted and in sync after %lld ms", adopting.elapsed());
        const Shadow::ShadowRecord adopted = *console.shadowOf(left.primaryUuid);
        QCOMPARE(adopted.id, left.id);
        QCOMPARE(adopted.seeds, 1); // the copy it found, not a new one
        QVERIFY(link(m_a)->blockJob(left.primaryUuid, QStringLiteral("vda"))->ready);
        Shadow::ShadowJob job(environment());
        QVERIFY(job.remove(m_guest).ok());
#endif
    }

    // The primary's host dies (libvirtd and QEMU killed, as a power loss
    // would); the shadow starts from its replica and the guest's counter
    // goes on past the last number the primary acknowledged.
    void hostLostFailsOverWithoutLosingAWrite()
    {
        Shadow::ShadowJob job(environment(),
                              [](const QString &l) { qInfo("%s", qUtf8Printable(l)); });
        QElapsedTimer seeding;
        seeding.start();
        auto made = job.create({ m_guest, m_lab.uri(m_a), m_lab.uri(m_b) });
        QVERIFY2(made.ok(), qPrintable(made.error()));
        const qint64 seedMs = seeding.elapsed();

        // Writes reach the replica: a frozen image holds at least what the
        // guest had acknowledged before the freeze.
        auto replicas = agent();
        const qint64 before = counterOf(m_ip);
        QVERIFY(before > 0);
        auto frozen = replicas.freeze(m_guest + QStringLiteral("-vda"));
        QVERIFY2(frozen.ok(), qPrintable(frozen.error()));
        auto onReplica = replicas.counter(frozen->file);
        QVERIFY(replicas.thaw(m_guest + QStringLiteral("-vda")).ok());
        QVERIFY2(onReplica.ok(), qPrintable(onReplica.error()));
        QVERIFY2(
            onReplica.value() >= before,
            qPrintable(
                QStringLiteral("replica %1, acknowledged %2").arg(onReplica.value()).arg(before)));
        QCOMPARE(job.check(m_guest)->state, Shadow::State::InSync); // the freeze broke nothing

        // The last number acknowledged before the host dies.
        QAtomicInteger<qint64> lastAcked(-1);
        std::atomic<bool> polling{ true };
        std::unique_ptr<QThread> poller(QThread::create([&] {
            while (polling) {
                const qint64 n = counterOf(m_ip);
                if (n > lastAcked.loadRelaxed())
                    lastAcked.storeRelaxed(n);
                QThread::msleep(50);
            }
        }));
        poller->start();
        QThread::msleep(1500);
        QCOMPARE(Lab::runLab({ QStringLiteral("kill-host"), m_a }), 0);
        m_killed = true;
        QThread::msleep(1500); // nothing answers now
        polling = false;
        poller->wait();
        const qint64 acked = lastAcked.loadRelaxed();
        QVERIFY(acked > before);

        auto over
            = job.failover(m_guest, { false, QStringLiteral("http://%1/health").arg(m_ip), 120 });
        QVERIFY2(over.ok(), qPrintable(over.error()));
        QCOMPARE(over->state, Shadow::State::FailedOver);
        qint64 after = -1;
        QElapsedTimer waited;
        waited.start();
        while ((after = counterOf(m_ip)) < 0 && waited.elapsed() < 30000)
            QThread::msleep(200);
        QVERIFY2(after > acked,
                 qPrintable(QStringLiteral("the shadow counts from %1; the primary had "
                                           "acknowledged %2")
                                .arg(after)
                                .arg(acked)));
        const QJsonObject result{ { QStringLiteral("seedMs"), seedMs },
                                  { QStringLiteral("rtoMs"), over->rtoMs },
                                  { QStringLiteral("lastAcknowledged"), acked },
                                  { QStringLiteral("shadowCounter"), after },
                                  { QStringLiteral("writesLost"), 0 } };
        qInfo("RESULT %s", QJsonDocument(result).toJson(QJsonDocument::Compact).constData());
        QVERIFY2(over->rtoMs < 60000, qPrintable(QString::number(over->rtoMs)));
    }
};

QTEST_GUILESS_MAIN(TestLabShadow)
#include "tst_labshadow.moc"
