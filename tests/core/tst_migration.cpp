// The migration controller: the stage machine against a scripted fleet, the
// journal it leaves, the prediction model, preflight refusals against
// libvirt's test driver, reconciliation, and a kill -9 in the middle of a job.
#include "demo/demofleet.h"
#include "demo/simulatedlink.h"
#include "jobs/planstore.h"
#include "jobs/stepmachine.h"
#include "migrate/libvirtlink.h"
#include "migrate/migrationjob.h"
#include "migrate/migrationjournal.h"
#include "migrate/migrationmanager.h"
#include "migrate/migrationmodel.h"
#include "migrate/migrationplanner.h"
#include "migrate/reconciler.h"
#include "pools/capacity.h"
#include "scriptedlink.h"
#include "store/database.h"
#include "traffic/trafficredirector.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonObject>
#include <QProcess>
#include <QSet>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

using namespace Umbra;
using namespace Umbra::MigrationModel;

namespace {

const QString kA = QStringLiteral("scripted://a");
const QString kB = QStringLiteral("scripted://b");
const QString kVm = QStringLiteral("11111111-2222-4333-8444-555555555555");

MigrationRequest request(const QString &vm = QStringLiteral("web01"))
{
    MigrationRequest r;
    r.vm = vm;
    r.sourceUri = kA;
    r.targetUri = kB;
    r.options.pollIntervalMs = 50;
    r.options.storage = StorageMode::Shared;
    r.options.health.deadlineMs = 1000;
    r.options.health.intervalMs = 50;
    return r;
}

// Cancels the job from a redirector, i.e. inside the Redirect stage.
class CancellingRedirector final : public TrafficRedirector
{
public:
    MigrationJob *job = nullptr;
    int restored = 0;
    QString name() const override { return QStringLiteral("test"); }
    Result<QString> redirect(const Move &) override
    {
        if (job)
            job->cancel();
        return QString();
    }
    Result<QString> restore(const Move &) override
    {
        ++restored;
        return QString();
    }
};

// Reads a job row through its own connection, from any thread.
QString storedStage(const QString &path, qint64 id)
{
    static QAtomicInt sequence;
    const QString name = QStringLiteral("peek-%1").arg(sequence.fetchAndAddRelaxed(1));
    QString stage;
    {
        auto db = Database::open(path, name, Database::Mode::ReadOnly);
        if (!db)
            return db.error();
        QSqlQuery q(db.value()->sql());
        q.prepare(QStringLiteral("SELECT stage FROM migration_jobs WHERE id = ?"));
        q.addBindValue(id);
        if (q.exec() && q.next())
            stage = q.value(0).toString();
    }
    return stage;
}

} // namespace

class TestMigration : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    int m_dbCount = 0;
    QString m_db;

    struct Run
    {
        MigrationRecord record;
        QStringList stages; // as signalled
        QStringList storedAtSignal; // the journal's stage when each was signalled
        int progressSignals = 0;
    };

    Run runJob(Scripted::World &world, const MigrationRequest &req,
               std::function<void(MigrationJob &, MigrationStage)> atStage = {},
               std::shared_ptr<TrafficRedirector> redirector = {})
    {
        MigrationJob job(req, { m_db, Scripted::factory(world), redirector, {}, {} });
        return runJob(world, job, atStage, redirector);
    }

    // Executes a stored plan, approving it first as `approveAs` if given.
    Run runPlan(Scripted::World &world, const Jobs::Plan &plan, const QString &approveAs = {})
    {
        MigrationJob job(plan, approveAs, { m_db, Scripted::factory(world), {}, {}, {} });
        return runJob(world, job, {}, {});
    }

    Run runJob(Scripted::World &world, MigrationJob &job,
               std::function<void(MigrationJob &, MigrationStage)> atStage,
               std::shared_ptr<TrafficRedirector> redirector)
    {
        Run run;
        if (auto *cancelling = dynamic_cast<CancellingRedirector *>(redirector.get()))
            cancelling->job = &job;
        QThread thread;
        job.moveToThread(&thread);
        std::atomic<bool> done{ false };
        const QString db = m_db;
        connect(
            &job, &MigrationJob::stageChanged, &job,
            [&](qint64 id, MigrationStage stage, const QString &, qint64) {
                run.stages.append(stageKey(stage));
                run.storedAtSignal.append(storedStage(db, id));
                world.log(QStringLiteral("stage ") + stageKey(stage));
                if (atStage)
                    atStage(job, stage);
            },
            Qt::DirectConnection);
        connect(
            &job, &MigrationJob::progress, &job,
            [&](const MigrationProgress &) { ++run.progressSignals; }, Qt::DirectConnection);
        connect(
            &job, &MigrationJob::finished, &job,
            [&](const MigrationRecord &r) {
                run.record = r;
                done = true;
            },
            Qt::DirectConnection);
        thread.start();
        QMetaObject::invokeMethod(&job, &MigrationJob::run, Qt::QueuedConnection);
        QDeadlineTimer deadline(60000);
        while (!done && !deadline.hasExpired())
            QTest::qWait(10);
        thread.quit();
        thread.wait();
        return run;
    }

    static qsizetype indexOf(const QStringList &calls, const QString &prefix)
    {
        for (qsizetype i = 0; i < calls.size(); ++i)
            if (calls[i].startsWith(prefix))
                return i;
        return -1;
    }

private Q_SLOTS:
    void init() { m_db = m_dir.filePath(QStringLiteral("m%1.db").arg(++m_dbCount)); }

    // ------------------------------------------------------------ model ---

    void predictionKnownNumbers()
    {
        Input in;
        in.memoryBytes = 1000e6;
        in.bandwidthBytesPerSec = 100e6;
        in.dirtyBytesPerSec = 10e6;
        in.maxDowntimeMs = 300;
        in.setupOverheadMs = 1500;
        in.switchoverMs = 0;
        const Prediction p = predict(in);
        // 10 s for all memory, 1 s for the 100 MB dirtied meanwhile, then
        // 10 MB fit in 100 ms of downtime.
        QCOMPARE(p.iterations, 2);
        QVERIFY(p.converges);
        QCOMPARE(p.tail, Prediction::Tail::Converged);
        QCOMPARE(qRound(p.downtimeMs), 100);
        QCOMPARE(qRound(p.transferMs), 11100);
        QCOMPARE(qRound(p.totalMs), 12600);
        QCOMPARE(qRound64(p.bytesSent / 1e6), 1110);

        // The switch-over adds to the pause and to the whole.
        in.switchoverMs = 150;
        const Prediction q = predict(in);
        QCOMPARE(qRound(q.downtimeMs), 250);
        QCOMPARE(qRound(q.totalMs), 12750);
    }

    void predictionQuietGuest()
    {
        Input in;
        in.memoryBytes = 1024.0 * 1048576;
        in.bandwidthBytesPerSec = kDefaultBandwidthBytesPerSec;
        in.dirtyBytesPerSec = 0;
        const Prediction p = predict(in);
        QCOMPARE(p.iterations, 1);
        QCOMPARE(qRound(p.downtimeMs), int(kDefaultSwitchoverMs));
        QCOMPARE(qRound(p.transferMs), 10240 + int(kDefaultSwitchoverMs));
        QCOMPARE(qRound(p.totalMs),
                 10240 + int(kDefaultSwitchoverMs) + int(kDefaultSetupOverheadMs));
    }

    void predictionNotConverging()
    {
        Input in;
        in.memoryBytes = 1000e6;
        in.bandwidthBytesPerSec = 100e6;
        in.dirtyBytesPerSec = 120e6; // dirties faster than the link
        in.maxDowntimeMs = 300;
        in.maxIterations = 30;
        in.switchoverMs = 0;
        const Prediction p = predict(in);
        QVERIFY(!p.converges);
        QCOMPARE(p.tail, Prediction::Tail::Capped);
        QCOMPARE(p.iterations, 30);
        QCOMPARE(qRound(p.downtimeMs), 10000); // all memory, paused
        QCOMPARE(qRound(p.transferMs), 31 * 10000);
    }

    void predictionAutoConvergeAndPostCopy()
    {
        Input in;
        in.memoryBytes = 1000e6;
        in.bandwidthBytesPerSec = 100e6;
        in.dirtyBytesPerSec = 120e6;
        in.maxDowntimeMs = 300;
        in.switchoverMs = 20;
        in.autoConverge = true;
        const Prediction throttled = predict(in);
        QVERIFY(throttled.converges);
        QCOMPARE(throttled.tail, Prediction::Tail::AutoConverge);
        QVERIFY(throttled.downtimeMs <= 300 + 20);
        QVERIFY(throttled.iterations > 2 && throttled.iterations < 30);

        in.autoConverge = false;
        in.postCopy = true;
        in.postCopyAfterIterations = 3;
        const Prediction post = predict(in);
        QCOMPARE(post.tail, Prediction::Tail::PostCopy);
        QCOMPARE(post.iterations, 3);
        QCOMPARE(qRound(post.downtimeMs), 20);
        QCOMPARE(qRound(post.transferMs), 4 * 10000 + 20);
    }

    void learnedFigures()
    {
        QCOMPARE(learnedOverheadMs({}), kDefaultSetupOverheadMs);
        QCOMPARE(learnedOverheadMs({ 900, 400, 1200 }), 900.0);
        QCOMPARE(learnedOverheadMs({ -50, -10 }), 0.0);
        QCOMPARE(learnedSwitchoverMs({}), kDefaultSwitchoverMs);
        QCOMPARE(learnedSwitchoverMs({ 150, 170, 160, 20 }), 155.0);
        QCOMPARE(learnedBandwidth({}), kDefaultBandwidthBytesPerSec);
        QCOMPARE(learnedBandwidth({ 10, 30, 0, 20, 40 }), 25.0);
    }

    // ----------------------------------------------------- stage machine ---

    // The target's pool and the console's capacity ledger have their say in
    // the preflight, before anything changes; a finished job gives its claim back.
    void poolsAndLedgerDecideTheTarget()
    {
        Scripted::World world;
        Scripted::twoHosts(world);
        PlacementContext placement;
        placement.ledger = std::make_shared<Pools::CapacityLedger>();
        Pools::Pool standby{ QStringLiteral("Standby"), Pools::PoolKind::Shadow, {}, {} };
        placement.pools.pools.append(standby);
        placement.pools.hostPools.insert(kB, standby.name);
        auto run = [&] {
            MigrationJob job(request(), { m_db, Scripted::factory(world), {}, placement, {} });
            return runJob(world, job, {}, {});
        };

        Run refused = run();
        QCOMPARE(outcomeKey(refused.record.outcome), QStringLiteral("failed"));
        QVERIFY2(refused.record.reason.contains(QLatin1String("shadow pool")),
                 qPrintable(refused.record.reason));
        QCOMPARE(world.activeOn(kVm), QStringList{ kA });

        // A general target, but another job has claimed nearly all of it.
        placement.pools = Pools::PoolSettings::defaults();
        Pools::HostCapacity b;
        b.memoryKiB = 16ULL * 1048576;
        b.cpus = 8;
        placement.ledger->observe(kB, b, {});
        auto other = placement.ledger->claim(kB, { 15ULL * 1048576, 1 }, Pools::Placing::Vm,
                                             QStringLiteral("another migration"));
        QVERIFY(other.ok());
        Run crowded = run();
        QCOMPARE(outcomeKey(crowded.record.outcome), QStringLiteral("failed"));
        QVERIFY2(crowded.record.reason.contains(QLatin1String("claimed by running jobs (1)")),
                 qPrintable(crowded.record.reason));
        QCOMPARE(world.activeOn(kVm), QStringList{ kA });
        QCOMPARE(placement.ledger->holds().size(), 1);

        placement.ledger->release(other.value());
        Run moved = run();
        QCOMPARE(outcomeKey(moved.record.outcome), QStringLiteral("completed"));
        QCOMPARE(world.activeOn(kVm), QStringList{ kB });
        QVERIFY(placement.ledger->holds().isEmpty());
        bool noted = false;
        for (const StageEvent &e : moved.record.events)
            noted = noted || e.message.contains(QLatin1String("general pool"));
        QVERIFY(noted);
    }

    void happyPath()
    {
        Scripted::World world;
        Scripted::twoHosts(world);
        const Run run = runJob(world, request());
        const MigrationRecord &r = run.record;
        QCOMPARE(outcomeKey(r.outcome), QStringLiteral("completed"));
        QVERIFY2(r.reason.isEmpty(), qPrintable(r.reason));
        QCOMPARE(run.stages,
                 QStringLiteral("pending preflight prediction snapshot redirect transfer verify "
                                "finalize")
                     .split(u' '));
        // Each stage was in the journal before its signal (and its first action).
        QCOMPARE(run.storedAtSignal, run.stages);
        QCOMPARE(world.activeOn(kVm), QStringList{ kB });
        QCOMPARE(world.definedOn(kVm), QStringList{ kB });

        // The journal holds the whole story.
        QCOMPARE(r.vmName, QStringLiteral("web01"));
        QCOMPARE(r.vmUuid, kVm);
        QVERIFY(r.predictedTotalMs > 0);
        QVERIFY(r.predictedDowntimeMs >= 0);
        QVERIFY(r.actualTotalMs > 0);
        QCOMPARE(r.actualDowntimeMs, 42);
        QVERIFY(r.measuredBandwidth > 0);
        QVERIFY(r.modelTransferMs >= 0);
        QVERIFY(r.inactiveXml.contains(QLatin1String("web01")));
        QCOMPARE(r.snapshot.value(QLatin1String("state")).toString(), QStringLiteral("folded"));
        QStringList entered;
        for (const StageEvent &e : r.events)
            if (e.kind == QLatin1String("enter"))
                entered.append(stageKey(e.stage));
        QCOMPARE(entered, run.stages);
        QCOMPARE(r.events.last().kind, QStringLiteral("completed"));
        for (qsizetype i = 1; i < r.events.size(); ++i)
            QVERIFY(r.events[i].timestampMs >= r.events[i - 1].timestampMs);
        QVERIFY(run.progressSignals > 0);

        // Order of the actions that change things.
        const QStringList calls = world.calls();
        const qsizetype snapshot = indexOf(calls, QStringLiteral("diskSnapshot@") + kA);
        const qsizetype migrate = indexOf(calls, QStringLiteral("migrate@") + kA);
        const qsizetype verify = indexOf(calls, QStringLiteral("stage verify"));
        const qsizetype finalize = indexOf(calls, QStringLiteral("stage finalize"));
        const qsizetype fold = indexOf(calls, QStringLiteral("commitActive@") + kB);
        const qsizetype undefine = indexOf(calls, QStringLiteral("undefine@") + kA);
        QVERIFY(snapshot >= 0 && migrate > snapshot && verify > migrate);
        QVERIFY2(undefine > finalize && finalize > verify, qPrintable(calls.join(u'\n')));
        QVERIFY(fold > verify);
        QVERIFY(calls.contains(QStringLiteral("setMaxDowntime@") + kA + u' ' + kVm + u" 300"));
        // The overlay sits next to the disk, named after the job.
        const qsizetype xml = indexOf(calls, QStringLiteral("snapshotXml"));
        QVERIFY(calls[xml].contains(QStringLiteral("/images/web01.umbra-%1-").arg(r.id)));
        QVERIFY(calls[xml].contains(QLatin1String("name=\"sda\" snapshot=\"no\"")));

        // A second job between the same hosts predicts from the measured bandwidth.
        const Run back = runJob(world, [] {
            MigrationRequest r = request();
            r.sourceUri = kB;
            r.targetUri = kA;
            return r;
        }());
        QCOMPARE(back.record.outcome, MigrationOutcome::Completed);
        QCOMPARE(back.record.predictedBandwidth, r.measuredBandwidth);
        QCOMPARE(world.definedOn(kVm), QStringList{ kA });
    }

    void keepSource()
    {
        Scripted::World world;
        Scripted::twoHosts(world);
        MigrationRequest req = request();
        req.options.keepSource = true;
        const Run run = runJob(world, req);
        QCOMPARE(run.record.outcome, MigrationOutcome::Completed);
        QCOMPARE(world.activeOn(kVm), QStringList{ kB });
        QCOMPARE(world.definedOn(kVm), (QStringList{ kA, kB }));
        QCOMPARE(indexOf(world.calls(), QStringLiteral("undefine@") + kA), -1);
        // The kept definition is redefined from the restore point (not the overlay).
        QVERIFY(indexOf(world.calls(), QStringLiteral("define@") + kA) >= 0);
    }

    void cancelInEachStage_data()
    {
        QTest::addColumn<QString>("stage");
        QTest::addColumn<QString>("outcome");
        for (const char *stage :
             { "preflight", "prediction", "snapshot", "transfer", "redirect", "verify" })
            QTest::newRow(stage) << QString::fromLatin1(stage) << QStringLiteral("cancelled");
        // From Finalize on, the move is done; a cancel has nothing left to stop.
        QTest::newRow("finalize") << QStringLiteral("finalize") << QStringLiteral("completed");
    }

    void cancelInEachStage()
    {
        QFETCH(QString, stage);
        QFETCH(QString, outcome);
        Scripted::World world;
        Scripted::twoHosts(world);
        world.migrateMs = 1500;
        const Run run = runJob(world, request(), [&](MigrationJob &job, MigrationStage s) {
            if (stageKey(s) == stage)
                job.cancel();
        });
        QCOMPARE(outcomeKey(run.record.outcome), outcome);
        if (outcome == QLatin1String("cancelled")) {
            QCOMPARE(world.activeOn(kVm), QStringList{ kA });
            QCOMPARE(world.definedOn(kVm), QStringList{ kA });
            QCOMPARE(indexOf(world.calls(), QStringLiteral("undefine@") + kA), -1);
            QVERIFY(!run.record.reason.isEmpty());
            if (stage == QLatin1String("transfer")) {
                QVERIFY(indexOf(world.calls(), QStringLiteral("abortJob@") + kA) >= 0);
                QVERIFY(run.record.actualTotalMs < 0);
            }
            if (stage == QLatin1String("snapshot") || stage == QLatin1String("transfer"))
                QVERIFY(indexOf(world.calls(), QStringLiteral("commitActive@") + kA) >= 0);
        }
    }

    void approvalGatesTheMove_data()
    {
        QTest::addColumn<bool>("approve");
        QTest::newRow("approved") << true;
        QTest::newRow("declined") << false;
    }

    // Plan → approve → execute: planning runs the preflight and the
    // prediction and changes nothing; the stored plan waits for a decision
    // (no thread waits with it); only an approved plan is executed, once.
    void approvalGatesTheMove()
    {
        QFETCH(bool, approve);
        Scripted::World world;
        Scripted::twoHosts(world);
        MigrationPlanner planner(request(), Scripted::factory(world), nullptr);
        Jobs::Plan plan = planner.plan();
        QVERIFY2(plan.executable(), qPrintable(plan.refusal));
        QCOMPARE(plan.kind, QStringLiteral("migrate"));
        QCOMPARE(plan.subjectId, kVm);
        QVERIFY(plan.prediction.value(QLatin1String("totalMs")).toInteger() > 0);
        QVERIFY(plan.prediction.value(QLatin1String("downtimeMs")).toInteger() >= 0);
        QVERIFY(plan.evidence.join(u'\n').contains(QLatin1String("Storage")));
        QCOMPARE(indexOf(world.calls(), QStringLiteral("migrate")), -1);
        QCOMPARE(world.definedOn(kVm), QStringList{ kA });

        auto plans = Jobs::PlanStore::open(m_db, QStringLiteral("test-plans"));
        QVERIFY2(plans, qPrintable(plans ? QString() : plans.error()));
        Jobs::PlanStore &store = *plans.value();
        auto id = store.propose(plan);
        QVERIFY(id);
        plan.id = id.value();
        QCOMPARE(store.plan(plan.id)->state, Jobs::PlanState::Proposed);

        // A proposal is not an approval: executing it is refused untouched.
        const Run unapproved = runPlan(world, plan);
        QCOMPARE(unapproved.record.outcome, MigrationOutcome::Failed);
        QVERIFY2(unapproved.record.reason.contains(QLatin1String("not")),
                 qPrintable(unapproved.record.reason));
        QCOMPARE(world.activeOn(kVm), QStringList{ kA });

        QVERIFY(store.decide(plan.id, approve, QStringLiteral("operator")));
        // Decided once: a second decision (another operator, a policy) is refused.
        QVERIFY(!store.decide(plan.id, !approve, QStringLiteral("policy:test")));
        const Jobs::Plan decided = store.plan(plan.id).value();
        QCOMPARE(decided.state, approve ? Jobs::PlanState::Approved : Jobs::PlanState::Rejected);
        QCOMPARE(decided.decidedBy, QStringLiteral("operator"));

        const Run run = runPlan(world, decided);
        QCOMPARE(outcomeKey(run.record.outcome),
                 approve ? QStringLiteral("completed") : QStringLiteral("failed"));
        QCOMPARE(world.activeOn(kVm), QStringList{ approve ? kB : kA });
        const Jobs::Plan after = store.plan(plan.id).value();
        if (approve) {
            // Executed once, by the journalled job, with the approved prediction.
            QCOMPARE(after.state, Jobs::PlanState::Executed);
            QCOMPARE(after.jobId, run.record.id);
            QCOMPARE(run.record.predictedTotalMs,
                     plan.prediction.value(QLatin1String("totalMs")).toInteger());
            QCOMPARE(runPlan(world, after).record.outcome, MigrationOutcome::Failed);
            QCOMPARE(world.activeOn(kVm), QStringList{ kB });
        } else {
            QCOMPARE(after.state, Jobs::PlanState::Rejected);
        }
    }

    // A policy asks for plans for a whole fleet at once. They are worked out
    // one at a time on one thread with one journal and one plan store, each
    // stored; an operator's plan asked for meanwhile goes before those waiting.
    void plansOfABurstAreWorkedOutOneAtATime()
    {
        Scripted::World world;
        Scripted::twoHosts(world);
        MigrationManager manager(m_db, Scripted::factory(world));
        const auto planThreads = [] {
            int count = 0;
            const QDir tasks(QStringLiteral("/proc/self/task"));
            for (const QString &task : tasks.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
                QFile comm(tasks.filePath(task + QStringLiteral("/comm")));
                if (comm.open(QIODevice::ReadOnly) && comm.readAll().startsWith("umbra-migrate-p"))
                    ++count;
            }
            return count;
        };
        const QJsonObject policy{ { QStringLiteral("summary"), QStringLiteral("Evacuate kvm01") } };
        QList<QFuture<Jobs::Plan>> proposals;
        for (int i = 0; i < 40; ++i)
            proposals.append(manager.plan(request(), policy));
        QFuture<Jobs::Plan> asked = manager.plan(request());
        int most = 0;
        QElapsedTimer waited;
        waited.start();
        const auto allFinished = [&] {
            return asked.isFinished()
                && std::all_of(proposals.begin(), proposals.end(),
                               [](const QFuture<Jobs::Plan> &f) { return f.isFinished(); });
        };
        while (!allFinished() && waited.elapsed() < 60000) {
            most = std::max(most, planThreads());
            QTest::qWait(1);
        }
        QVERIFY(allFinished());
        QCOMPARE(most, 1);
        QSet<qint64> ids;
        int storedAfterTheOperators = 0;
        for (const QFuture<Jobs::Plan> &f : proposals) {
            const Jobs::Plan plan = f.result();
            QVERIFY2(plan.id > 0, qPrintable(plan.refusal));
            ids.insert(plan.id);
            storedAfterTheOperators += plan.id > asked.result().id;
        }
        QVERIFY2(asked.result().id > 0, qPrintable(asked.result().refusal));
        ids.insert(asked.result().id);
        QCOMPARE(ids.size(), 41);
        // At most the proposal in hand when it was asked for went before it.
        QVERIFY2(storedAfterTheOperators >= 39,
                 qPrintable(QString::number(storedAfterTheOperators)));
    }

    // A console closing with proposals still waiting answers every one of
    // them: stored, or refused as never worked out.
    void plansWaitingWhenTheManagerGoesAreAnswered()
    {
        Scripted::World world;
        Scripted::twoHosts(world);
        QList<QFuture<Jobs::Plan>> proposals;
        {
            MigrationManager manager(m_db, Scripted::factory(world));
            for (int i = 0; i < 40; ++i)
                proposals.append(manager.plan(
                    request(), { { QStringLiteral("summary"), QStringLiteral("Evacuate") } }));
        }
        int abandoned = 0;
        for (QFuture<Jobs::Plan> &f : proposals) {
            QVERIFY(f.isFinished());
            const Jobs::Plan plan = f.result();
            if (plan.id <= 0) {
                QVERIFY2(plan.refusal.contains(QLatin1String("closed before")),
                         qPrintable(plan.refusal));
                ++abandoned;
            }
        }
        QVERIFY(abandoned > 0);
    }

    // A plan that the checks refuse is kept, with why, and cannot be approved.
    void refusedPlanCannotBeApproved()
    {
        Scripted::World world;
        Scripted::twoHosts(world);
        MigrationRequest req = request();
        req.vm = QStringLiteral("no-such-vm");
        Jobs::Plan plan = MigrationPlanner(req, Scripted::factory(world), nullptr).plan();
        QVERIFY(!plan.executable());
        QVERIFY2(plan.refusal.contains(QLatin1String("no-such-vm")), qPrintable(plan.refusal));
        auto plans = Jobs::PlanStore::open(m_db, QStringLiteral("test-plans"));
        QVERIFY(plans);
        plan.id = plans.value()->propose(plan).value();
        QCOMPARE(plans.value()->plan(plan.id)->refusal, plan.refusal);
        QVERIFY(!plans.value()->decide(plan.id, true, QStringLiteral("operator")));
        // Nor can a job approve it on its way in.
        const Run run = runPlan(world, plan, QStringLiteral("operator"));
        QCOMPARE(run.record.outcome, MigrationOutcome::Failed);
        QVERIFY2(run.record.reason.contains(QLatin1String("cannot be approved")),
                 qPrintable(run.record.reason));
        QCOMPARE(plans.value()->plan(plan.id)->state, Jobs::PlanState::Proposed);
        QCOMPARE(world.activeOn(kVm), QStringList{ kA });
    }

    // Room on a host counts the smaller of its free memory and what no running
    // VM may still claim, less the host's reserve; vCPUs up to the overcommit.
    void capacityCountsPromisedMemoryAndTheReserve()
    {
        Pools::HostCapacity host;
        host.memoryKiB = 16 * 1048576;
        host.freeMemoryKiB = 12 * 1048576; // guests have not touched all of theirs
        host.allocatedMemoryKiB = 10 * 1048576;
        host.cpus = 4;
        host.allocatedVcpus = 14;
        const Pools::PlacementLimits limits{ 1024, 4.0 };
        // 6 GiB unallocated (not the 12 free), less 1 GiB reserve.
        Pools::Fit f = Pools::fit(host, 5 * 1048576, 2, limits);
        QCOMPARE(f.usableKiB, quint64(5 * 1048576));
        QVERIFY(f.memoryFits);
        QVERIFY(f.cpuFits); // 16 of 16
        QVERIFY(f.fits());
        QVERIFY(!Pools::fit(host, 5 * 1048576 + 1, 2, limits).memoryFits);
        f = Pools::fit(host, 1048576, 3, limits);
        QCOMPARE(f.vcpusAfter, 17);
        QVERIFY(!f.cpuFits);
        QVERIFY(!f.fits());
        // Free memory below what is unallocated is the limit then.
        host.freeMemoryKiB = 2 * 1048576;
        QCOMPARE(Pools::fit(host, 1, 1, limits).usableKiB, quint64(1048576));
        // A reserve larger than what is usable leaves nothing, not a wrap-around.
        QCOMPARE(Pools::fit(host, 1, 1, { 8192, 4.0 }).usableKiB, quint64(0));
    }

    // A driver that reports no free memory (libvirt's test driver) is judged
    // by what its running VMs hold; the dialog's ranking and the preflight
    // use this one figure.
    void capacityWithoutAFreeFigure()
    {
        Pools::HostCapacity host;
        host.memoryKiB = 16 * 1048576;
        host.allocatedMemoryKiB = 10 * 1048576;
        host.cpus = 4;
        const Pools::Fit f = Pools::fit(host, 1048576, 1, { 1024, 4.0 });
        QCOMPARE(f.usableKiB, quint64(5 * 1048576));
        QCOMPARE(f.leftKiB(1048576), qint64(4 * 1048576));
        host.freeMemoryKiB = 0; // a figure of nothing free is a figure
        QCOMPARE(Pools::fit(host, 1, 1, { 1024, 4.0 }).usableKiB, quint64(0));
    }

    // What the dialog ranks targets by is what the preflight refuses by.
    void rankingAndPreflightShareTheirFigure()
    {
        Scripted::World world;
        Scripted::twoHosts(world);
        world.hosts[kB].freeKiB = 9ULL * 1048576; // below what is unallocated
        MigrationManager manager(m_db, Scripted::factory(world));
        const MigrationRequest req = request();
        auto assessed = manager.assessTargets(kA, req.vm, { kB }, req.options);
        QTRY_VERIFY_WITH_TIMEOUT(assessed.isFinished(), 10000);
        const QList<TargetCapacity> targets = assessed.result();
        QCOMPARE(targets.size(), 1);
        QVERIFY2(targets.first().error.isEmpty(), qPrintable(targets.first().error));
        QCOMPARE(targets.first().usableKiB, quint64(9ULL * 1048576 - 256 * 1024));
        QCOMPARE(targets.first().leftKiB, qint64(8ULL * 1048576 - 256 * 1024));
        QVERIFY(targets.first().fits);
        auto planned = manager.plan(req);
        QTRY_VERIFY_WITH_TIMEOUT(planned.isFinished(), 10000);
        const Jobs::Plan plan = planned.result();
        QVERIFY2(plan.executable(), qPrintable(plan.refusal));
        QCOMPARE(plan.prediction.value(QLatin1String("targetUsableKiB")).toInteger(),
                 qint64(targets.first().usableKiB));
    }

    // A refusal the operator can lift says which choice lifts it: the
    // storage mode when no pool can tell, libvirt's unsafe override for a
    // cached disk on a local pool; with the choice made the plan goes ahead.
    void refusalsNameTheChoiceThatLiftsThem()
    {
        Scripted::World world;
        Scripted::twoHosts(world);
        world.poolType = QStringLiteral("dir");
        const auto planWith = [&](StorageMode storage, bool unsafe) {
            MigrationRequest req = request();
            req.options.storage = storage;
            req.options.unsafe = unsafe;
            return MigrationPlanner(req, Scripted::factory(world), nullptr).plan();
        };
        Jobs::Plan plan = planWith(StorageMode::Auto, false);
        QVERIFY(!plan.executable());
        QVERIFY2(plan.refusal.contains(QLatin1String("Choose the shared or copy storage mode")),
                 qPrintable(plan.refusal));
        QCOMPARE(MigrationPlanner::needsOf(plan),
                 QStringList{ QLatin1String(MigrationPlanner::kNeedsStorageMode) });

        plan = planWith(StorageMode::Shared, false);
        QVERIFY(!plan.executable());
        QVERIFY2(plan.refusal.contains(QLatin1String("/images/web01.qcow2 (cache mode default, "
                                                     "a dir pool)")),
                 qPrintable(plan.refusal));
        QCOMPARE(MigrationPlanner::needsOf(plan),
                 QStringList{ QLatin1String(MigrationPlanner::kNeedsUnsafe) });

        plan = planWith(StorageMode::Shared, true);
        QVERIFY2(plan.executable(), qPrintable(plan.refusal));
        QVERIFY(MigrationPlanner::needsOf(plan).isEmpty());
        QVERIFY(plan.evidence.join(u'\n').contains(QLatin1String("unsafe override")));
        // Copied disks are not libvirt's worry; a network pool is not either.
        QVERIFY2(planWith(StorageMode::Copy, false).executable(), qPrintable(plan.refusal));
        world.poolType = QStringLiteral("netfs");
        QVERIFY(planWith(StorageMode::Shared, false).executable());
        // A refusal nobody can lift by a choice names none.
        world.hosts[kB].freeKiB = 1024;
        plan = planWith(StorageMode::Shared, true);
        QVERIFY(plan.refusal.contains(QLatin1String("Not enough memory")));
        QVERIFY(MigrationPlanner::needsOf(plan).isEmpty());
    }

    // The demo's hosts (libvirt's test driver) migrate through the simulated
    // link: the job runs every stage, its statistics advance over a few
    // seconds, the VM ends up defined and running on the target only, and
    // the journal says it was simulated.
    void demoMigrationIsSimulated()
    {
        const auto demo = DemoFleet::install(m_dir.filePath(QStringLiteral("demo")));
        QVERIFY2(demo.ok(), qPrintable(demo.error()));
        QString source, target;
        for (const HostConfig &host : demo.value()) {
            if (host.uri.contains(QLatin1String("rack1-kvm01")))
                source = host.uri;
            else if (host.uri.contains(QLatin1String("rack1-kvm02")))
                target = host.uri;
        }
        QVERIFY(!source.isEmpty() && !target.isEmpty());
        // The console's sessions hold the hosts open; these links stand in for them.
        auto sourceHeld = LibvirtLink::open(source);
        auto targetHeld = LibvirtLink::open(target);
        QVERIFY2(sourceHeld && targetHeld, "the demo hosts cannot be opened");
        const QString uuid = QStringLiteral("5eed0000-0000-4000-8000-000000000000"); // web01
        QVERIFY(sourceHeld.value()->domain(uuid)->running());
        QVERIFY(!targetHeld.value()->domain(uuid)->exists);

        MigrationRequest req;
        req.vm = QStringLiteral("web01");
        req.sourceUri = source;
        req.targetUri = target;
        req.options.pollIntervalMs = 100;
        req.options.health.deadlineMs = 1000;
        const LinkFactory links = SimulatedLink::factory(LibvirtLink::factory());
        MigrationPlanner planner(req, links, nullptr);
        const Jobs::Plan plan = planner.plan();
        QVERIFY2(plan.executable(), qPrintable(plan.refusal));
        QVERIFY(plan.prediction.value(QLatin1String("simulated")).toBool());
        QVERIFY(plan.evidence.first().startsWith(QLatin1String("Simulated migration")));

        MigrationJob job(req, { m_db, links, {}, {}, {} });
        QList<MigrationProgress> progress;
        connect(&job, &MigrationJob::progress, this,
                [&](const MigrationProgress &p) { progress.append(p); });
        QSignalSpy finished(&job, &MigrationJob::finished);
        QElapsedTimer clock;
        clock.start();
        job.run(); // blocking, on this thread
        QCOMPARE(finished.count(), 1);
        const auto record = finished.first().first().value<MigrationRecord>();
        QVERIFY2(record.outcome == MigrationOutcome::Completed, qPrintable(record.reason));
        QVERIFY(clock.elapsed() >= SimulatedLink::kTransferMs);
        QVERIFY2(progress.size() >= 5, qPrintable(QString::number(progress.size())));
        for (qsizetype i = 1; i < progress.size(); ++i)
            QVERIFY(progress[i].dataProcessed >= progress[i - 1].dataProcessed);
        QVERIFY(progress.last().iteration >= 2);
        QCOMPARE(record.actualDowntimeMs, 40);
        QCOMPARE(record.memoryBytes, qint64(8192) * 1048576);
        int simulated = 0;
        for (const StageEvent &e : record.events)
            simulated += e.message.contains(QLatin1String("Simulated")) ? 1 : 0;
        QVERIFY2(simulated >= 6, qPrintable(QString::number(simulated)));

        const auto there = targetHeld.value()->domain(uuid);
        QVERIFY(there && there->running() && there->persistent);
        QVERIFY(!sourceHeld.value()->domain(uuid)->exists);
    }

    // The step machine turns a job around on the latest way back: a failure
    // before any step changed something ends Failed; after, the way back of
    // the step that changed it (or a later one) decides; a cancel is honoured
    // only after steps that allow it.
    void stepMachineTakesTheLatestWayBack()
    {
        QStringList trail;
        bool cancel = false;
        const Jobs::StepMachine machine(
            [&](int stage, const QString &) {
                trail.append(QStringLiteral("enter %1").arg(stage));
            },
            [&] { return cancel; });
        auto step = [&](int stage, Jobs::StepResult result, bool withWayBack,
                        const QString &cancelledAfter = {}) {
            Jobs::Step s;
            s.stage = stage;
            s.act = [result] { return result; };
            if (withWayBack)
                s.wayBack = [&trail, stage](bool cancelled, QString &) {
                    trail.append(QStringLiteral("back %1%2")
                                     .arg(stage)
                                     .arg(cancelled ? QStringLiteral("c") : QString()));
                    return Jobs::Outcome::RolledBack;
                };
            s.cancelledAfter = cancelledAfter;
            return s;
        };
        QString reason;
        // Fails in step 3; step 2 gave the way back.
        QCOMPARE(machine.run({ step(1, Jobs::StepResult::ok(), false),
                               step(2, Jobs::StepResult::ok(), true),
                               step(3, Jobs::StepResult::failed(QStringLiteral("boom")), false),
                               step(4, Jobs::StepResult::ok(), false) },
                             reason),
                 Jobs::Outcome::RolledBack);
        QCOMPARE(trail,
                 (QStringList{ QStringLiteral("enter 1"), QStringLiteral("enter 2"),
                               QStringLiteral("enter 3"), QStringLiteral("back 2") }));
        QCOMPARE(reason, QStringLiteral("boom"));
        // Fails before anything changed: no way back to take.
        trail.clear();
        QCOMPARE(machine.run({ step(1, Jobs::StepResult::failed(QStringLiteral("no")), false),
                               step(2, Jobs::StepResult::ok(), true) },
                             reason),
                 Jobs::Outcome::Failed);
        QCOMPARE(trail, QStringList{ QStringLiteral("enter 1") });
        // A cancel waits for a step that honours it, then goes back.
        trail.clear();
        cancel = true;
        QCOMPARE(machine.run({ step(1, Jobs::StepResult::ok(), true),
                               step(2, Jobs::StepResult::ok(), false, QStringLiteral("stopped")),
                               step(3, Jobs::StepResult::ok(), false) },
                             reason),
                 Jobs::Outcome::RolledBack);
        QCOMPARE(trail,
                 (QStringList{ QStringLiteral("enter 1"), QStringLiteral("enter 2"),
                               QStringLiteral("back 1c") }));
        QCOMPARE(reason, QStringLiteral("stopped"));
        // Every step done: completed, no reason.
        trail.clear();
        cancel = false;
        QCOMPARE(machine.run({ step(1, Jobs::StepResult::ok(), true) }, reason),
                 Jobs::Outcome::Completed);
        QVERIFY(reason.isEmpty());
    }

    void cancelInRedirectRestoresTraffic()
    {
        Scripted::World world;
        Scripted::twoHosts(world);
        auto redirector = std::make_shared<CancellingRedirector>();
        const Run run = runJob(world, request(), {}, redirector);
        QCOMPARE(run.record.outcome, MigrationOutcome::Cancelled);
        QCOMPARE(redirector->restored, 1);
        QCOMPARE(world.activeOn(kVm), QStringList{ kA });
        QCOMPARE(world.definedOn(kVm), QStringList{ kA });
    }

    void transferFailureKeepsSource()
    {
        Scripted::World world;
        Scripted::twoHosts(world);
        world.failures.insert(QStringLiteral("migrate-finish"),
                              QStringLiteral("Cannot recv data: Connection reset by peer"));
        const Run run = runJob(world, request());
        QCOMPARE(run.record.outcome, MigrationOutcome::Failed);
        QVERIFY2(run.record.reason.contains(QLatin1String("Connection reset by peer")),
                 qPrintable(run.record.reason));
        QCOMPARE(run.stages.last(), QStringLiteral("rollback"));
        QCOMPARE(world.activeOn(kVm), QStringList{ kA });
        QCOMPARE(world.definedOn(kVm), QStringList{ kA });
    }

    void verifyFailureRollsBack()
    {
        Scripted::World world;
        Scripted::twoHosts(world);
        MigrationRequest req = request();
        req.options.health.kind = HealthCheck::Kind::Tcp;
        req.options.health.target = QStringLiteral("127.0.0.1:1"); // nothing listens
        req.options.health.deadlineMs = 600;
        const Run run = runJob(world, req);
        QCOMPARE(run.record.outcome, MigrationOutcome::RolledBack);
        QVERIFY2(run.record.reason.contains(QLatin1String("127.0.0.1:1")),
                 qPrintable(run.record.reason));
        QCOMPARE(world.activeOn(kVm), QStringList{ kA });
        QCOMPARE(world.definedOn(kVm), QStringList{ kA });
        const QStringList calls = world.calls();
        QVERIFY(indexOf(calls, QStringLiteral("migrate@") + kB) > 0); // moved back
        QCOMPARE(indexOf(calls, QStringLiteral("undefine@") + kA), -1);
    }

    void failedMoveBackNeedsAttention()
    {
        Scripted::World world;
        Scripted::twoHosts(world);
        world.failures.insert(QStringLiteral("migrate@") + kB,
                              QStringLiteral("unable to connect to server"));
        MigrationRequest req = request();
        req.options.health.kind = HealthCheck::Kind::Tcp;
        req.options.health.target = QStringLiteral("127.0.0.1:1");
        req.options.health.deadlineMs = 300;
        const Run run = runJob(world, req);
        QCOMPARE(run.record.outcome, MigrationOutcome::NeedsAttention);
        // Still running where it was verified to fail, and still defined at the source.
        QCOMPARE(world.activeOn(kVm), QStringList{ kB });
        QVERIFY(world.definedOn(kVm).contains(kA));
    }

    void restorePointSettings()
    {
        {
            Scripted::World world;
            Scripted::twoHosts(world);
            world.hosts[kA].domains[kVm].format = QStringLiteral("raw");
            const Run run = runJob(world, request());
            QCOMPARE(run.record.outcome, MigrationOutcome::Completed);
            QCOMPARE(run.record.snapshot.value(QLatin1String("state")).toString(),
                     QStringLiteral("none"));
            QVERIFY(run.record.snapshot.value(QLatin1String("reason"))
                        .toString()
                        .contains(QLatin1String("raw")));
        }
        {
            Scripted::World world;
            Scripted::twoHosts(world);
            world.hosts[kA].domains[kVm].format = QStringLiteral("raw");
            MigrationRequest req = request();
            req.options.requireSnapshot = true;
            const Run run = runJob(world, req);
            QCOMPARE(run.record.outcome, MigrationOutcome::Failed);
            QCOMPARE(indexOf(world.calls(), QStringLiteral("migrate@")), -1);
            QCOMPARE(world.activeOn(kVm), QStringList{ kA });
        }
        {
            Scripted::World world;
            Scripted::twoHosts(world);
            world.snapshotSupported = false;
            const Run run = runJob(world, request());
            QCOMPARE(run.record.outcome, MigrationOutcome::Completed);
            QVERIFY(run.record.snapshot.value(QLatin1String("reason"))
                        .toString()
                        .contains(QLatin1String("not supported")));
        }
    }

    void refusals_data()
    {
        QTest::addColumn<QString>("setup");
        QTest::addColumn<QString>("message");
        QTest::newRow("unknown VM") << "unknown"
                                    << "No VM named";
        QTest::newRow("not running") << "stopped"
                                     << "is not running";
        QTest::newRow("unreachable target") << "unreachable"
                                            << "target host is unreachable";
        QTest::newRow("same host") << "same"
                                   << "same host";
        QTest::newRow("not enough memory") << "memory"
                                           << "Not enough memory";
        QTest::newRow("not enough CPU") << "cpu"
                                        << "Not enough CPU";
        QTest::newRow("already on target") << "twice"
                                           << "already active on the target";
        QTest::newRow("storage unknown") << "storage"
                                         << "Cannot tell whether /images/web01.qcow2";
    }

    void refusals()
    {
        QFETCH(QString, setup);
        QFETCH(QString, message);
        Scripted::World world;
        Scripted::twoHosts(world);
        MigrationRequest req = request();
        if (setup == QLatin1String("unknown"))
            req.vm = QStringLiteral("nope");
        else if (setup == QLatin1String("stopped"))
            world.hosts[kA].domains[kVm].active = false;
        else if (setup == QLatin1String("unreachable"))
            world.hosts[kB].reachable = false;
        else if (setup == QLatin1String("same"))
            world.hosts[kB].uuid = world.hosts[kA].uuid;
        else if (setup == QLatin1String("memory"))
            world.hosts[kB].freeKiB = 512 * 1024;
        else if (setup == QLatin1String("cpu"))
            world.hosts[kB].cpus = 0;
        else if (setup == QLatin1String("storage"))
            req.options.storage = StorageMode::Auto;
        else if (setup == QLatin1String("twice")) {
            Scripted::Domain copy = world.hosts[kA].domains[kVm];
            world.hosts[kB].domains.insert(kVm, copy);
        }
        const auto before = world.hosts;
        const Run run = runJob(world, req);
        QCOMPARE(run.record.outcome, MigrationOutcome::Failed);
        QVERIFY2(run.record.reason.contains(message), qPrintable(run.record.reason));
        QCOMPARE(run.stages.last(), QStringLiteral("preflight"));
        QCOMPARE(indexOf(world.calls(), QStringLiteral("migrate@")), -1);
        QCOMPARE(indexOf(world.calls(), QStringLiteral("diskSnapshot@")), -1);
        QCOMPARE(world.hosts[kA].domains.keys(), before[kA].domains.keys());
        QCOMPARE(world.hosts[kB].domains.keys(), before[kB].domains.keys());
    }

    // Refusals with libvirt's test driver, which has no migration.
    void refusalsWithTestDriver_data()
    {
        QTest::addColumn<QString>("vm");
        QTest::addColumn<QString>("target");
        QTest::addColumn<QString>("message");
        QTest::newRow("same host") << "test"
                                   << "test:///default"
                                   << "same host";
        QTest::newRow("unknown VM") << "no-such-vm"
                                    << "SMALL"
                                    << "No VM named";
        QTest::newRow("not enough memory") << "test"
                                           << "SMALL"
                                           << "Not enough memory";
        QTest::newRow("unreachable target") << "test"
                                            << "qemu+tcp://127.0.0.1:1/system"
                                            << "target host is unreachable";
    }

    void refusalsWithTestDriver()
    {
        QFETCH(QString, vm);
        QFETCH(QString, target);
        QFETCH(QString, message);
        if (target == QLatin1String("SMALL")) {
            // A 1 GiB host; test:///default's VM "test" holds 2 GiB.
            const QString path = m_dir.filePath(QStringLiteral("small.xml"));
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("<node><cpu><nodes>1</nodes><sockets>1</sockets><cores>2</cores>"
                    "<threads>1</threads><active>2</active><mhz>2000</mhz>"
                    "<model>x86_64</model></cpu><memory>1048576</memory></node>");
            f.close();
            target = QStringLiteral("test://") + path;
        }
        MigrationRequest req;
        req.vm = vm;
        req.sourceUri = QStringLiteral("test:///default");
        req.targetUri = target;
        MigrationJob job(req, { m_db, LibvirtLink::factory(), {}, {}, {} });
        QSignalSpy finished(&job, &MigrationJob::finished);
        job.run(); // blocking, on this thread
        QCOMPARE(finished.count(), 1);
        const auto record = finished.first().first().value<MigrationRecord>();
        QCOMPARE(record.outcome, MigrationOutcome::Failed);
        QVERIFY2(record.reason.contains(message), qPrintable(record.reason));
        QCOMPARE(record.stage, MigrationStage::Done);
    }

    // ------------------------------------------------------- reconcile ---

    void reconcileMatrix_data()
    {
        QTest::addColumn<QString>("world");
        QTest::addColumn<QString>("stage");
        QTest::addColumn<bool>("keepSource");
        QTest::addColumn<QString>("outcome");
        QTest::addColumn<QString>("activeOn");
        QTest::addColumn<QString>("definedOn");
        QTest::newRow("moved, source defined") << "target"
                                               << "verify" << false << "completed"
                                               << "b"
                                               << "b";
        QTest::newRow("moved, keep source") << "target"
                                            << "finalize" << true << "completed"
                                            << "b"
                                            << "a,b";
        QTest::newRow("moved, transient on target") << "target-transient"
                                                    << "transfer" << false << "completed"
                                                    << "b"
                                                    << "b";
        QTest::newRow("still on source, leftover on target") << "source+leftover"
                                                             << "transfer" << false << "rolled-back"
                                                             << "a"
                                                             << "a";
        QTest::newRow("source running, incoming paused") << "source+incoming"
                                                         << "transfer" << false << "rolled-back"
                                                         << "a"
                                                         << "a";
        QTest::newRow("source paused at switch-over") << "source-paused"
                                                      << "transfer" << false << "rolled-back"
                                                      << "a"
                                                      << "a";
        QTest::newRow("target unreachable") << "unreachable"
                                            << "transfer" << false << "needs-attention"
                                            << "a"
                                            << "a";
        QTest::newRow("running nowhere") << "nowhere"
                                         << "transfer" << false << "needs-attention"
                                         << ""
                                         << "a";
        QTest::newRow("running on both") << "both"
                                         << "verify" << false << "needs-attention"
                                         << "a,b"
                                         << "a,b";
        QTest::newRow("before any change") << "source"
                                           << "prediction" << false << "failed"
                                           << "a"
                                           << "a";
    }

    void reconcileMatrix()
    {
        QFETCH(QString, world);
        QFETCH(QString, stage);
        QFETCH(bool, keepSource);
        QFETCH(QString, outcome);
        QFETCH(QString, activeOn);
        QFETCH(QString, definedOn);

        Scripted::World w;
        Scripted::twoHosts(w);
        Scripted::Domain &src = w.hosts[kA].domains[kVm];
        Scripted::Domain copy = src;
        if (world.startsWith(QLatin1String("target"))) {
            src.active = false;
            src.state = 5;
            copy.persistent = world == QLatin1String("target");
            w.hosts[kB].domains.insert(kVm, copy);
        } else if (world == QLatin1String("source+leftover")) {
            copy.active = false;
            copy.state = 5;
            w.hosts[kB].domains.insert(kVm, copy);
        } else if (world == QLatin1String("source+incoming")) {
            copy.persistent = false;
            copy.state = 3;
            w.hosts[kB].domains.insert(kVm, copy);
        } else if (world == QLatin1String("source-paused")) {
            src.state = 3;
        } else if (world == QLatin1String("unreachable")) {
            w.hosts[kB].reachable = false;
        } else if (world == QLatin1String("nowhere")) {
            src.active = false;
            src.state = 5;
        } else if (world == QLatin1String("both")) {
            w.hosts[kB].domains.insert(kVm, copy);
        }

        auto journal = MigrationJournal::open(m_db, QStringLiteral("reconcile-matrix"));
        QVERIFY2(journal.ok(), qPrintable(journal.error()));
        MigrationRecord job;
        job.vmUuid = kVm;
        job.vmName = QStringLiteral("web01");
        job.sourceUri = kA;
        job.targetUri = kB;
        job.options.keepSource = keepSource;
        auto id = journal.value()->create(job);
        QVERIFY(id.ok());
        QVERIFY(journal.value()->enterStage(id.value(), stageFromKey(stage)).ok());
        // Written by a process that is gone.
        QSqlQuery q(QSqlDatabase::database(QStringLiteral("reconcile-matrix")));
        QVERIFY(q.exec(QStringLiteral("UPDATE migration_jobs SET owner_pid = 0")));

        Reconciler reconciler(*journal.value(), Scripted::factory(w));
        const QList<ReconcileResult> results = reconciler.run();
        QCOMPARE(results.size(), 1);
        QCOMPARE(outcomeKey(results[0].outcome), outcome);
        QCOMPARE(results[0].interruptedIn, stageFromKey(stage));
        QVERIFY(!results[0].reason.isEmpty());
        w.hosts[kB].reachable = true;
        auto names = [](const QStringList &uris) {
            QStringList short_;
            for (const QString &u : uris)
                short_.append(u.right(1));
            return short_.join(u',');
        };
        QCOMPARE(names(w.activeOn(kVm)), activeOn);
        QCOMPARE(names(w.definedOn(kVm)), definedOn);
        auto stored = journal.value()->job(id.value());
        QCOMPARE(outcomeKey(stored->outcome), outcome);
        QCOMPARE(stored->stage, MigrationStage::Done);
        QVERIFY(journal.value()->unfinished()->isEmpty());
    }

    void reconcileSkipsLiveOwners()
    {
        Scripted::World w;
        Scripted::twoHosts(w);
        auto journal = MigrationJournal::open(m_db, QStringLiteral("reconcile-live"));
        QVERIFY(journal.ok());
        MigrationRecord job;
        job.vmUuid = kVm;
        job.vmName = QStringLiteral("web01");
        job.sourceUri = kA;
        job.targetUri = kB;
        auto id = journal.value()->create(job); // owned by this (live) process
        QVERIFY(id.ok());
        QVERIFY(journal.value()->enterStage(id.value(), MigrationStage::Transfer).ok());
        Reconciler reconciler(*journal.value(), Scripted::factory(w));
        QCOMPARE(reconciler.run({ id.value() }).size(), 0);
        QSqlQuery q(QSqlDatabase::database(QStringLiteral("reconcile-live")));
        // The parent process started before the job: alive, so not ours to end.
        QVERIFY(q.exec(
            QStringLiteral("UPDATE migration_jobs SET owner_pid = %1").arg(qint64(getppid()))));
        QCOMPARE(reconciler.run().size(), 0);
        QVERIFY(q.exec(QStringLiteral("UPDATE migration_jobs SET owner_pid = 0")));
        QCOMPARE(reconciler.run().size(), 1);
    }

    // kill -9 of a console mid-job, then reconcile from another process.
    void killDuringJob_data()
    {
        QTest::addColumn<QString>("mode");
        QTest::addColumn<QString>("stage");
        QTest::addColumn<QString>("outcome");
        QTest::addColumn<QString>("activeOn");
        QTest::newRow("in transfer") << "transfer"
                                     << "transfer"
                                     << "rolled-back" << kA;
        QTest::newRow("in verify") << "verify"
                                   << "verify"
                                   << "completed" << kB;
    }

    void killDuringJob()
    {
        QFETCH(QString, mode);
        QFETCH(QString, stage);
        QFETCH(QString, outcome);
        QFETCH(QString, activeOn);
        const QString worldFile = m_dir.filePath(QStringLiteral("world-%1.json").arg(mode));
        {
            Scripted::World w;
            Scripted::twoHosts(w);
            w.file = worldFile;
            w.save();
        }
        QProcess child;
        child.setProcessChannelMode(QProcess::SeparateChannels);
        child.start(QStringLiteral(UMBRA_MIGRATION_CHILD), { m_db, worldFile, mode });
        QVERIFY(child.waitForStarted());
        QByteArray out;
        const QByteArray line = QByteArray("stage ") + stage.toLatin1() + '\n';
        QDeadlineTimer deadline(20000);
        while (!out.contains(line) && !deadline.hasExpired()) {
            child.waitForReadyRead(100);
            out += child.readAllStandardOutput();
        }
        QVERIFY2(out.contains(line), QByteArray(out + child.readAllStandardError()).constData());
        QTest::qWait(300); // well inside the stage
        child.kill(); // SIGKILL
        QVERIFY(child.waitForFinished());

        Scripted::World w;
        w.load(worldFile);
        {
            auto journal = MigrationJournal::open(m_db, QStringLiteral("after-kill"));
            QVERIFY2(journal.ok(), qPrintable(journal.error()));
            auto open = journal.value()->unfinished();
            QCOMPARE(open->size(), 1);
            QCOMPARE(stageKey(open->first().stage), stage);
            Reconciler reconciler(*journal.value(), Scripted::factory(w));
            const auto results = reconciler.run();
            QCOMPARE(results.size(), 1);
            QCOMPARE(outcomeKey(results[0].outcome), outcome);
        }
        QCOMPARE(w.activeOn(kVm), QStringList{ activeOn });
        QCOMPARE(w.definedOn(kVm), QStringList{ activeOn });
    }

    // ---------------------------------------------------------- manager ---

    void managerRunsJobsOffTheCallingThread()
    {
        Scripted::World world;
        Scripted::twoHosts(world);
        MigrationManager manager(m_db, Scripted::factory(world));
        QSignalSpy started(&manager, &MigrationManager::jobStarted);
        QSignalSpy stages(&manager, &MigrationManager::stageChanged);
        QSignalSpy progress(&manager, &MigrationManager::progress);
        QSignalSpy finished(&manager, &MigrationManager::jobFinished);
        world.migrateMs = 400;
        manager.start(request());
        QVERIFY(manager.isRunning());
        QTRY_COMPARE_WITH_TIMEOUT(started.count(), 1, 10000);
        QCOMPARE(manager.running().size(), 1);
        // Named by the request, known by uuid once found: what a shadow's
        // service asks to leave the VM's replication alone while it moves.
        QTRY_COMPARE_WITH_TIMEOUT(manager.running().value(0).vmUuid, kVm, 10000);
        QVERIFY(finished.wait(20000));
        QVERIFY(!manager.isRunning());
        const auto record = finished.first().first().value<MigrationRecord>();
        QCOMPARE(record.outcome, MigrationOutcome::Completed);
        QVERIFY(stages.count() >= 8);
        QVERIFY(progress.count() > 0);

        QSignalSpy history(&manager, &MigrationManager::historyReady);
        manager.requestHistory();
        QVERIFY(history.wait(10000));
        const auto jobs = history.first().first().value<QList<MigrationRecord>>();
        QCOMPARE(jobs.size(), 1);
        QCOMPARE(jobs.first().id, record.id);

        QSignalSpy reconciled(&manager, &MigrationManager::reconciled);
        manager.reconcile();
        QVERIFY(reconciled.wait(10000));
        QVERIFY(reconciled.first().first().value<QList<ReconcileResult>>().isEmpty());
    }

    void managerCancel()
    {
        Scripted::World world;
        Scripted::twoHosts(world);
        world.migrateHangs = true;
        MigrationManager manager(m_db, Scripted::factory(world));
        QSignalSpy progress(&manager, &MigrationManager::progress);
        QSignalSpy finished(&manager, &MigrationManager::jobFinished);
        manager.start(request());
        QVERIFY(progress.wait(10000));
        const qint64 id = progress.first().first().value<MigrationProgress>().jobId;
        QVERIFY(manager.cancel(id));
        QVERIFY(finished.wait(10000));
        QCOMPARE(finished.first().first().value<MigrationRecord>().outcome,
                 MigrationOutcome::Cancelled);
        QCOMPARE(world.activeOn(kVm), QStringList{ kA });
        QCOMPARE(world.definedOn(kVm), QStringList{ kA });
    }

    void journalSurvivesReopenAndSchemaIsCurrent()
    {
        {
            auto journal = MigrationJournal::open(m_db, QStringLiteral("j1"));
            QVERIFY(journal.ok());
            MigrationRecord job;
            job.vmUuid = kVm;
            job.vmName = QStringLiteral("web01");
            job.sourceUri = kA;
            job.targetUri = kB;
            job.options.maxDowntimeMs = 123;
            job.options.health.kind = HealthCheck::Kind::Http;
            job.options.health.target = QStringLiteral("http://x/");
            QVERIFY(journal.value()->create(job).ok());
        }
        auto db = Database::open(m_db, QStringLiteral("j2"), Database::Mode::ReadOnly);
        QVERIFY(db.ok());
        QSqlQuery q(db.value()->sql());
        QVERIFY(q.exec(QStringLiteral("PRAGMA user_version")) && q.next());
        QCOMPARE(q.value(0).toInt(), Database::kSchemaVersion);
        QVERIFY(Database::kSchemaVersion >= 4); // the version that added the journal
        QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM sqlite_master WHERE name IN "
                                      "('migration_jobs', 'migration_events')"))
                && q.next());
        QCOMPARE(q.value(0).toInt(), 2);
        db = Result<std::unique_ptr<Database>>(Error{});
        auto journal = MigrationJournal::open(m_db, QStringLiteral("j3"));
        auto jobs = journal.value()->unfinished();
        QCOMPARE(jobs->size(), 1);
        QCOMPARE(jobs->first().options.maxDowntimeMs, 123);
        QCOMPARE(jobs->first().options.health.kind, HealthCheck::Kind::Http);
        QCOMPARE(jobs->first().options.health.target, QStringLiteral("http://x/"));
        QCOMPARE(jobs->first().stage, MigrationStage::Pending);
    }
};

QTEST_GUILESS_MAIN(TestMigration)
#include "tst_migration.moc"
