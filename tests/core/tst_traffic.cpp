// Traffic shifting against a real HAProxy started by the test on loopback,
// with HTTP servers of the test's own behind it: the runtime API client and
// its errors, shares that follow the weights, drain without a failed request,
// a gate that goes back by itself, a HAProxy restarted mid-shift, and a
// console killed mid-shift whose weights are put back when it starts again.
#include "haproxyfixture.h"
#include "migrate/migrationjob.h"
#include "scriptedlink.h"
#include "store/database.h"
#include "traffic/balancerlock.h"
#include "traffic/balancerredirector.h"
#include "traffic/runtimeapi.h"
#include "traffic/shiftrequest.h"
#include "traffic/trafficjob.h"
#include "traffic/trafficjournal.h"
#include "traffic/trafficreconciler.h"

#include <QLocalServer>
#include <QLocalSocket>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <signal.h>

using namespace Umbra;
using namespace Umbra::Traffic;
using namespace Umbra::TestSupport;

namespace {

// The measured share may differ from the weights' by this much (percentage
// points): roundrobin interleaves by weight, so only the start and end of a
// run of requests make a difference.
constexpr double kShareTolerance = 2.0;

ShiftRequest shiftAtoB(double percent, const QList<double> &steps, int holdMs)
{
    ShiftRequest r;
    r.balancer = QStringLiteral("test");
    r.backend = QStringLiteral("be");
    r.from = QStringLiteral("a");
    r.to = QStringLiteral("b");
    r.percent = percent;
    r.steps = steps;
    r.holdMs = holdMs;
    return r;
}

// A Unix socket that answers anything with `reply` (or nothing at all) —
// somebody else's socket where HAProxy's was expected.
class ForeignSocket
{
public:
    ForeignSocket(const QString &path, QByteArray reply, bool silent)
    {
        m_thread.reset(QThread::create([this, path, reply, silent] {
            QLocalServer server;
            QLocalServer::removeServer(path);
            server.listen(path);
            m_ready = true;
            while (!m_stop) {
                if (!server.waitForNewConnection(50))
                    continue;
                QLocalSocket *s = server.nextPendingConnection();
                s->waitForReadyRead(500);
                if (silent) {
                    QElapsedTimer t;
                    t.start();
                    while (!m_stop && t.elapsed() < 3000)
                        QThread::msleep(10);
                } else {
                    s->write(reply);
                    s->waitForBytesWritten(500);
                }
                s->disconnectFromServer();
                delete s;
            }
        }));
        m_thread->start();
        while (!m_ready)
            QThread::msleep(5);
    }
    ~ForeignSocket()
    {
        m_stop = true;
        m_thread->wait();
    }

private:
    std::unique_ptr<QThread> m_thread;
    std::atomic<bool> m_ready{ false };
    std::atomic<bool> m_stop{ false };
};

int weightOf(const HAProxyFixture &lb, const char *server)
{
    auto w = parseWeight(lb.cli(QByteArray("get weight be/") + server));
    return w ? w->current : -1;
}

} // namespace

class TrafficTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void repliesAreReadStrictly();
    void splitKeepsTheOtherServersShares();
    void errorsNameTheBalancerAndChangeNothing();
    void dynamicServersComeAndGo();
    void sharesFollowTheWeights();
    void drainLosesNoRequest();
    void restoreAfterFailedChecksEndsTheDrain();
    void failedGateGoesBackToTheLastGoodSplit();
    void restartMidShiftIsDetectedAndSentAgain();
    void killedMidShiftIsPutBackOnStart();
    void interruptedMigrationsDrainIsPutBack();
    void migrationDrainsBeforeTheSwitchOver_data();
    void migrationDrainsBeforeTheSwitchOver();

private:
    Balancer balancer() const { return { QStringLiteral("test"), m_lb->adminSocket() }; }

    QTemporaryDir m_dir;
    QString m_db;
    std::unique_ptr<HAProxyFixture> m_lb;
};

void TrafficTest::initTestCase()
{
    if (!HAProxyFixture::available())
        QFAIL("haproxy is not installed (apt-get install haproxy)");
    m_db = m_dir.filePath(QStringLiteral("umbra.db"));
    QVERIFY(Database::open(m_db, QStringLiteral("create")).ok());
}

void TrafficTest::init()
{
    m_lb = std::make_unique<HAProxyFixture>();
    QVERIFY(m_lb->waitUp());
}

void TrafficTest::cleanup()
{
    m_lb.reset();
}

void TrafficTest::repliesAreReadStrictly()
{
    const QByteArray stat = m_lb->cli("show stat");
    auto parsed = parseStat(stat);
    QVERIFY2(parsed.ok(), qPrintable(parsed.error()));
    QCOMPARE(parsed->size(), 5); // a, b, be's BACKEND, c, st's BACKEND
    QVERIFY(!parseStat(stat.left(stat.size() / 2)).ok()); // cut short
    QVERIFY(!parseStat(stat.left(stat.size() - 1)).ok()); // its last line unfinished
    QVERIFY(!parseStat("HTTP/1.1 400 Bad Request\r\n\r\n").ok());
    QCOMPARE(parseWeight("12 (initial 1)\n\n")->current, 12);
    QCOMPARE(parseWeight("12 (initial 1)\n\n")->initial, 1);
    QVERIFY(!parseWeight("12 (initial 1)\n").ok()); // no closing empty line
    QVERIFY(parseWeight("No such server.\n\n").error().contains(QLatin1String("no such server")));
    QVERIFY(parseAcknowledgement("\n").ok());
    QVERIFY(!parseAcknowledgement("").ok());
    QVERIFY(parseAcknowledgement("Permission denied\n\n").error().contains(QLatin1String("admin")));
    QVERIFY(!parseAcknowledgement("220 smtp.example ESMTP\r\n").ok());
    QVERIFY(!parseInfo("Name: nginx\n\n").ok());
    QVERIFY(parseInfo(m_lb->cli("show info"))->pid > 0);
}

void TrafficTest::splitKeepsTheOtherServersShares()
{
    // a=1, b=0: scaled to 100 for a resolution of 1 %.
    Weights w = splitWeights({ { QStringLiteral("a"), 1 }, { QStringLiteral("b"), 0 } },
                             QStringLiteral("a"), QStringLiteral("b"), 5);
    QCOMPARE(w.value(QStringLiteral("a")), 95);
    QCOMPARE(w.value(QStringLiteral("b")), 5);
    QCOMPARE(shareOf(w, QStringLiteral("a"), QStringLiteral("b")), 5.0);
    // A third server keeps its share of the backend: 1/3 before, 1/3 after.
    w = splitWeights(
        { { QStringLiteral("a"), 1 }, { QStringLiteral("b"), 1 }, { QStringLiteral("c"), 1 } },
        QStringLiteral("a"), QStringLiteral("b"), 50);
    const int sum = w.value(QStringLiteral("a")) + w.value(QStringLiteral("b"))
        + w.value(QStringLiteral("c"));
    QCOMPARE(3 * w.value(QStringLiteral("c")), sum);
    QCOMPARE(w.value(QStringLiteral("b")), 3 * w.value(QStringLiteral("a")));
    for (int v : w)
        QVERIFY(v <= 256);
    // 100 % leaves nothing on a.
    w = splitWeights({ { QStringLiteral("a"), 200 }, { QStringLiteral("b"), 0 } },
                     QStringLiteral("a"), QStringLiteral("b"), 100);
    QCOMPARE(w.value(QStringLiteral("a")), 0);
    QCOMPARE(w.value(QStringLiteral("b")), 200);
}

void TrafficTest::errorsNameTheBalancerAndChangeNothing()
{
    const RuntimeApi admin(balancer());
    QVERIFY(admin.checkAdminLevel().ok());

    // Over TCP too.
    const RuntimeApi tcp(
        { QStringLiteral("tcp"), QStringLiteral("127.0.0.1:%1").arg(m_lb->adminTcpPort()) });
    QVERIFY2(tcp.stats().ok(), qPrintable(tcp.stats().error()));

    auto refused = RuntimeApi({ QStringLiteral("gone"), m_dir.filePath(QStringLiteral("no.sock")) })
                       .setWeight({ QStringLiteral("be"), QStringLiteral("a") }, 5);
    QVERIFY(!refused.ok());
    QVERIFY2(refused.error().contains(QLatin1String("gone")), qPrintable(refused.error()));
    QVERIFY(refused.error().contains(QLatin1String("cannot connect")));

    const RuntimeApi user({ QStringLiteral("user"), m_lb->userSocket() });
    auto denied = user.setWeight({ QStringLiteral("be"), QStringLiteral("a") }, 5);
    QVERIFY(!denied.ok());
    QVERIFY2(denied.error().contains(QLatin1String("level admin")), qPrintable(denied.error()));
    QVERIFY(!user.checkAdminLevel().ok());

    auto noBackend = admin.setWeight({ QStringLiteral("nope"), QStringLiteral("a") }, 5);
    QVERIFY2(noBackend.error().contains(QLatin1String("no such backend")),
             qPrintable(noBackend.error()));
    auto noServer = admin.weight({ QStringLiteral("be"), QStringLiteral("zz") });
    QVERIFY2(noServer.error().contains(QLatin1String("no such server")),
             qPrintable(noServer.error()));
    QVERIFY(admin.setWeight({ QStringLiteral("be"), QStringLiteral("a") }, 300)
                .error()
                .contains(QLatin1String("256")));
    QCOMPARE(weightOf(*m_lb, "a"), 1);

    // A static algorithm cannot take a gradual shift: refused before anything
    // is sent, saying why.
    {
        TrafficJob job(m_db, balancer());
        ShiftRequest r = shiftAtoB(50, {}, 100);
        r.backend = QStringLiteral("st");
        r.from = QStringLiteral("c");
        r.to = QStringLiteral("c2");
        QCOMPARE(job.shift(r), Jobs::Outcome::Failed);
        QVERIFY2(job.reason().contains(QLatin1String("c2")), qPrintable(job.reason()));
    }

    // Garbage and silence on a socket that is not HAProxy's.
    const QString foreignPath = m_dir.filePath(QStringLiteral("foreign.sock"));
    {
        ForeignSocket foreign(foreignPath, "SSH-2.0-OpenSSH_9.2\r\n", false);
        const RuntimeApi api({ QStringLiteral("foreign"), foreignPath });
        auto info = api.info();
        QVERIFY(!info.ok());
        QVERIFY2(info.error().contains(QLatin1String("not HAProxy")), qPrintable(info.error()));
        QVERIFY(!api.setWeight({ QStringLiteral("be"), QStringLiteral("a") }, 3).ok());
    }
    {
        ForeignSocket silent(foreignPath, {}, true);
        const RuntimeApi api({ QStringLiteral("silent"), foreignPath }, 300);
        QElapsedTimer t;
        t.start();
        auto stats = api.stats();
        QVERIFY(!stats.ok());
        QVERIFY2(stats.error().contains(QLatin1String("300 ms")), qPrintable(stats.error()));
        QVERIFY(t.elapsed() < 2000);
    }
    QCOMPARE(weightOf(*m_lb, "a"), 1);
    QCOMPARE(weightOf(*m_lb, "b"), 0);
}

void TrafficTest::dynamicServersComeAndGo()
{
    // A server that is not in the configuration (a shadow, later) joins a
    // backend with a dynamic algorithm in maint, is checked, serves, and
    // leaves again from maint.
    const RuntimeApi api(balancer());
    const ServerRef d{ QStringLiteral("be"), QStringLiteral("d") };
    QVERIFY2(api.addServer(d, QStringLiteral("127.0.0.1:%1").arg(m_lb->b().port())).ok(),
             qPrintable(api.addServer(d, {}).error()));
    QVERIFY(api.stat(d)->status.startsWith(QLatin1String("MAINT")));
    QVERIFY(api.setState(d, ServerState::Ready).ok());
    QTRY_VERIFY_WITH_TIMEOUT(api.stat(d)->isUp(), 5000);
    QVERIFY(api.setState(d, ServerState::Maint).ok());
    QVERIFY(api.deleteServer(d).ok());
    QVERIFY(!api.stat(d).ok());
    // static-rr cannot take one, and says so.
    auto refused = api.addServer({ QStringLiteral("st"), QStringLiteral("d") },
                                 QStringLiteral("127.0.0.1:1"));
    QVERIFY(!refused.ok());
    QVERIFY2(refused.error().contains(QLatin1String("dynamic")), qPrintable(refused.error()));
}

void TrafficTest::sharesFollowTheWeights()
{
    for (double percent : { 5.0, 25.0, 50.0 }) {
        TrafficJob job(m_db, balancer());
        QCOMPARE(job.shift(shiftAtoB(percent, {}, 200)), Jobs::Outcome::Completed);
        QCOMPARE(job.action().state, ActionState::Holding);
        const ClientTally tally = sendRequests(m_lb->frontendPort(), 400);
        QCOMPARE(tally.failed, 0);
        qInfo("shift %.0f %%: b served %.1f %% of %d requests", percent, tally.share("b"),
              tally.requests);
        QVERIFY2(qAbs(tally.share("b") - percent) <= kShareTolerance,
                 qPrintable(
                     QStringLiteral("%1 % measured for %2 %").arg(tally.share("b")).arg(percent)));
        TrafficJob restore(m_db, balancer());
        QCOMPARE(restore.restore({ QStringLiteral("be"), QStringLiteral("a") }),
                 Jobs::Outcome::Completed);
        QCOMPARE(weightOf(*m_lb, "a"), 1);
        QCOMPARE(weightOf(*m_lb, "b"), 0);
        auto shift
            = TrafficJournal::open(m_db, QStringLiteral("check")).value()->action(job.action().id);
        QCOMPARE(shift->state, ActionState::Restored);
    }
}

void TrafficTest::drainLosesNoRequest()
{
    // Both serve: a at 1, b at 1.
    QCOMPARE(m_lb->cli("set weight be/b 1"), QByteArray("\n"));
    m_lb->a().setDelayMs(20); // sessions that are still open when the drain starts
    BackgroundClient client(m_lb->frontendPort(), 5000, 0);
    QTest::qWait(500);
    TrafficJob job(m_db, balancer());
    QCOMPARE(job.drain({ QStringLiteral("be"), QStringLiteral("a") }, 5000),
             Jobs::Outcome::Completed);
    const ClientTally atDrain = client.tally();
    QTest::qWait(500);
    const ClientTally drained = client.stop();
    qInfo("drain: %d requests, %d failed; a served %d before, %d after", drained.requests,
          drained.failed, atDrain.servedBy.value("a"), drained.servedBy.value("a"));
    QCOMPARE(drained.failed, 0);
    QVERIFY(atDrain.servedBy.value("a") > 0);
    QCOMPARE(drained.servedBy.value("a"), atDrain.servedBy.value("a")); // none since
    QCOMPARE(m_lb->statusOf("a"), QByteArray("DRAIN"));

    // The only server left may not be drained.
    TrafficJob only(m_db, balancer());
    QCOMPARE(only.drain({ QStringLiteral("be"), QStringLiteral("b") }), Jobs::Outcome::Failed);
    QVERIFY2(only.reason().contains(QLatin1String("refuse service")), qPrintable(only.reason()));

    TrafficJob restore(m_db, balancer());
    QCOMPARE(restore.restore({ QStringLiteral("be"), QStringLiteral("a") }),
             Jobs::Outcome::Completed);
    QCOMPARE(m_lb->statusOf("a"), QByteArray("UP"));
}

// A drained server whose checks fail for a while (a migration's switch-over)
// reads as "DRAIN 1/2" or "DOWN" in show stat; restoring it must still end
// the drain, so that it takes requests again once its checks pass.
void TrafficTest::restoreAfterFailedChecksEndsTheDrain()
{
    QCOMPARE(m_lb->cli("set weight be/b 1"), QByteArray("\n"));
    const ServerRef a{ QStringLiteral("be"), QStringLiteral("a") };
    TrafficJob drain(m_db, balancer());
    QCOMPARE(drain.drain(a, 5000), Jobs::Outcome::Completed);
    m_lb->a().setFailing(true);
    QTRY_VERIFY_WITH_TIMEOUT(m_lb->statusOf("a").startsWith("DRAIN "), 5000); // "DRAIN 1/2"
    TrafficJob whileGoingDown(m_db, balancer());
    QCOMPARE(whileGoingDown.restore(a), Jobs::Outcome::Completed);
    QVERIFY(!m_lb->statusOf("a").startsWith("DRAIN"));
    // Drained again, and down by now.
    QCOMPARE(m_lb->cli("set server be/a state drain"), QByteArray("\n"));
    QTRY_COMPARE_WITH_TIMEOUT(m_lb->statusOf("a"), QByteArray("DOWN"), 5000);

    TrafficJob restore(m_db, balancer());
    QCOMPARE(restore.restore(a), Jobs::Outcome::Completed);
    m_lb->a().setFailing(false);
    QTRY_COMPARE_WITH_TIMEOUT(m_lb->statusOf("a"), QByteArray("UP"), 5000);
}

void TrafficTest::failedGateGoesBackToTheLastGoodSplit()
{
    BackgroundClient client(m_lb->frontendPort(), 20000, 1);
    QList<TrafficProgress> seen;
    TrafficJob *running = nullptr;
    TrafficJob job(m_db, balancer(), [&](const TrafficProgress &p) {
        seen.append(p);
        // b starts answering 503 once the second step is sent.
        if (p.step == 2 && p.percent == 25)
            m_lb->b().setFailing(true);
        Q_UNUSED(running);
    });
    running = &job;
    const Jobs::Outcome outcome = job.shift(shiftAtoB(50, { 5, 25, 50 }, 1500));
    client.stop();
    m_lb->b().setFailing(false);
    QCOMPARE(outcome, Jobs::Outcome::RolledBack);
    QVERIFY2(job.reason().contains(QLatin1String("gate at 25")), qPrintable(job.reason()));
    QVERIFY2(job.reason().contains(QLatin1String("5 %")), qPrintable(job.reason()));
    // Back at 5 %: the last split that held.
    QCOMPARE(weightOf(*m_lb, "a"), 95);
    QCOMPARE(weightOf(*m_lb, "b"), 5);
    QCOMPARE(job.action().state, ActionState::Holding);
    // Every step was journalled before it was sent: 5, 25, then back to 5.
    int steps = 0;
    for (const TrafficEvent &e : job.action().events)
        steps += e.kind == QLatin1String("step");
    QCOMPARE(steps, 3);
    TrafficJob restore(m_db, balancer());
    QCOMPARE(restore.restore({ QStringLiteral("be"), QStringLiteral("a") }),
             Jobs::Outcome::Completed);
    QCOMPARE(weightOf(*m_lb, "b"), 0);
}

void TrafficTest::restartMidShiftIsDetectedAndSentAgain()
{
    // The job on a thread of its own; HAProxy (a child of this thread) is
    // restarted from its configuration while the first step holds, which
    // puts b back to 0 and a to 1.
    TrafficJob job(m_db, balancer());
    Jobs::Outcome outcome = Jobs::Outcome::Running;
    std::unique_ptr<QThread> thread(
        QThread::create([&] { outcome = job.shift(shiftAtoB(50, { 25 }, 3000)); }));
    thread->start();
    QTRY_COMPARE_WITH_TIMEOUT(weightOf(*m_lb, "b"), 25, 5000);
    m_lb->stop();
    const bool restarted = m_lb->start();
    QVERIFY(thread->wait(20000));
    QVERIFY(restarted);
    QCOMPARE(outcome, Jobs::Outcome::Completed);
    bool noticed = false;
    for (const TrafficEvent &e : job.action().events)
        noticed = noticed || e.message.contains(QLatin1String("restarted"));
    QVERIFY(noticed);
    QCOMPARE(weightOf(*m_lb, "b"), 50);

    // In force after the job ended: a restart is caught by the watch.
    m_lb->stop();
    QVERIFY(m_lb->start());
    QCOMPARE(weightOf(*m_lb, "b"), 0);
    auto journal = TrafficJournal::open(m_db, QStringLiteral("watch")).value();
    {
        // While a job of this console acts on the balancer (a restore about
        // to end this shift), the watch leaves it to the job.
        const QReadLocker acting(&balancerLock(balancer().name));
        QVERIFY(reapplyInForce(*journal, { balancer() }).isEmpty());
        QCOMPARE(weightOf(*m_lb, "b"), 0);
    }
    const QStringList reports = reapplyInForce(*journal, { balancer() });
    QCOMPARE(reports.size(), 1);
    QVERIFY2(reports.first().contains(QLatin1String("sent again")), qPrintable(reports.first()));
    QCOMPARE(weightOf(*m_lb, "b"), 50);
    QVERIFY(reapplyInForce(*journal, { balancer() }).isEmpty()); // nothing left to do
    TrafficJob restore(m_db, balancer());
    QCOMPARE(restore.restore({ QStringLiteral("be"), QStringLiteral("b") }),
             Jobs::Outcome::Completed);
}

void TrafficTest::killedMidShiftIsPutBackOnStart()
{
    // The child is this test binary, carrying out a shift with a long hold.
    QProcess child;
    child.setProcessChannelMode(QProcess::ForwardedChannels);
    child.start(QCoreApplication::applicationFilePath(),
                { QStringLiteral("--shift-child"), m_db, m_lb->adminSocket() });
    QVERIFY(child.waitForStarted());
    QTRY_COMPARE_WITH_TIMEOUT(weightOf(*m_lb, "b"), 25, 10000);
    ::kill(pid_t(child.processId()), SIGKILL);
    child.waitForFinished();

    auto journal = TrafficJournal::open(m_db, QStringLiteral("restart")).value();
    auto running = journal->inState({ ActionState::Running });
    QCOMPARE(running->size(), 1);
    const QList<TrafficReconcileResult> results = reconcileTraffic(*journal, { balancer() });
    QCOMPARE(results.size(), 1);
    QVERIFY2(results.first().settled, qPrintable(results.first().report));
    QVERIFY2(results.first().report.contains(QLatin1String("b=25")),
             qPrintable(results.first().report));
    QCOMPARE(weightOf(*m_lb, "a"), 1);
    QCOMPARE(weightOf(*m_lb, "b"), 0);
    QCOMPARE(journal->action(running->first().id)->state, ActionState::RolledBack);
    QVERIFY(reconcileTraffic(*journal, { balancer() }).isEmpty());
}

void TrafficTest::interruptedMigrationsDrainIsPutBack()
{
    // A console that drained a VM's server for migration 7 and stopped
    // before the VM was verified; its drain is in force, its owner gone.
    QCOMPARE(m_lb->cli("set weight be/b 1"), QByteArray("\n"));
    QProcess child;
    child.setProcessChannelMode(QProcess::ForwardedChannels);
    child.start(QCoreApplication::applicationFilePath(),
                { QStringLiteral("--drain-child"), m_db, m_lb->adminSocket() });
    QVERIFY(child.waitForFinished(20000));
    QCOMPARE(child.exitCode(), int(Jobs::Outcome::Completed));
    QCOMPARE(m_lb->statusOf("a"), QByteArray("DRAIN"));
    auto journal = TrafficJournal::open(m_db, QStringLiteral("after-migration")).value();
    const QList<TrafficReconcileResult> results = reconcileTraffic(*journal, { balancer() });
    QCOMPARE(results.size(), 1);
    QVERIFY2(results.first().report.contains(QLatin1String("migration 7")),
             qPrintable(results.first().report));
    QCOMPARE(m_lb->statusOf("a"), QByteArray("UP"));
    // An operator's own drain (no migration) stays in force.
    TrafficJob own(m_db, balancer());
    QCOMPARE(own.drain({ QStringLiteral("be"), QStringLiteral("a") }), Jobs::Outcome::Completed);
    QVERIFY(reconcileTraffic(*journal, { balancer() }).isEmpty());
    QCOMPARE(m_lb->statusOf("a"), QByteArray("DRAIN"));
}

void TrafficTest::migrationDrainsBeforeTheSwitchOver_data()
{
    QTest::addColumn<QString>("backend");
    QTest::addColumn<QString>("server");
    QTest::addColumn<bool>("transferFails");
    QTest::addColumn<QByteArray>("duringTransfer");
    QTest::addColumn<QString>("logged");
    QTest::newRow("drained") << "be"
                             << "a" << false << QByteArray("DRAIN") << "drained test be/a";
    QTest::newRow("rolled back") << "be"
                                 << "a" << true << QByteArray("DRAIN") << "restored";
    // The only server of its backend stays: draining it would refuse service.
    QTest::newRow("only server") << "st"
                                 << "c" << false << QByteArray("no check") << "refuse service";
}

void TrafficTest::migrationDrainsBeforeTheSwitchOver()
{
    QFETCH(QString, backend);
    QFETCH(QString, server);
    QFETCH(bool, transferFails);
    QFETCH(QByteArray, duringTransfer);
    QFETCH(QString, logged);
    QCOMPARE(m_lb->cli("set weight be/b 1"), QByteArray("\n")); // a has a sibling

    Scripted::World world;
    Scripted::twoHosts(world);
    world.migrateMs = 300;
    if (transferFails)
        world.failures.insert(QStringLiteral("migrate-finish"),
                              QStringLiteral("Cannot recv data: Connection reset by peer"));
    const Balancer lb = balancer();
    auto redirector = std::make_shared<BalancerRedirector>(
        m_db, [lb, backend, server](const QString &, const QString &vmName, const QString &) {
            return Result<QList<VmServer>>(vmName == QLatin1String("web01")
                                               ? QList<VmServer>{ { lb, { backend, server } } }
                                               : QList<VmServer>{});
        });
    MigrationRequest request;
    request.vm = QStringLiteral("web01");
    request.sourceUri = QStringLiteral("scripted://a");
    request.targetUri = QStringLiteral("scripted://b");
    request.options.pollIntervalMs = 50;
    request.options.storage = StorageMode::Shared;
    request.options.health.deadlineMs = 1000;
    request.options.health.intervalMs = 50;
    MigrationJob job(request, { m_db, Scripted::factory(world), redirector, {}, {} });
    QThread thread;
    job.moveToThread(&thread);
    std::atomic<bool> done{ false };
    MigrationRecord record;
    QByteArray stateAtTransfer;
    QStringList log;
    HAProxyFixture *lbFixture = m_lb.get();
    const QByteArray serverName = server.toUtf8();
    const QByteArray backendName = backend.toUtf8();
    connect(
        &job, &MigrationJob::stageChanged, &job,
        [&](qint64, MigrationStage stage, const QString &, qint64) {
            if (stage == MigrationStage::Transfer) {
                for (const QByteArray &line : lbFixture->cli("show stat").split('\n')) {
                    const QList<QByteArray> f = line.split(',');
                    if (f.size() > 17 && f[0] == backendName && f[1] == serverName)
                        stateAtTransfer = f[17];
                }
            }
        },
        Qt::DirectConnection);
    connect(
        &job, &MigrationJob::logged, &job,
        [&](qint64, MigrationStage, const QString &message) { log.append(message); },
        Qt::DirectConnection);
    connect(
        &job, &MigrationJob::finished, &job,
        [&](const MigrationRecord &r) {
            record = r;
            done = true;
        },
        Qt::DirectConnection);
    thread.start();
    QMetaObject::invokeMethod(&job, &MigrationJob::run, Qt::QueuedConnection);
    QTRY_VERIFY_WITH_TIMEOUT(done.load(), 30000);
    thread.quit();
    thread.wait();

    QCOMPARE(record.outcome,
             transferFails ? MigrationOutcome::Failed : MigrationOutcome::Completed);
    QCOMPARE(stateAtTransfer, duringTransfer);
    // Back in balancing afterwards, whichever way the migration ended.
    QCOMPARE(m_lb->statusOf("a"), QByteArray("UP"));
    const QString joined = log.join(QLatin1Char('\n'));
    QVERIFY2(joined.contains(logged), qPrintable(joined));
}

int main(int argc, char **argv)
{
    if (argc == 4 && qstrcmp(argv[1], "--shift-child") == 0) {
        QCoreApplication app(argc, argv);
        TrafficJob job(QString::fromLocal8Bit(argv[2]),
                       { QStringLiteral("test"), QString::fromLocal8Bit(argv[3]) });
        ShiftRequest r = shiftAtoB(50, { 25 }, 60000);
        return int(job.shift(r));
    }
    if (argc == 4 && qstrcmp(argv[1], "--drain-child") == 0) {
        QCoreApplication app(argc, argv);
        TrafficJob job(QString::fromLocal8Bit(argv[2]),
                       { QStringLiteral("test"), QString::fromLocal8Bit(argv[3]) });
        return int(job.drain({ QStringLiteral("be"), QStringLiteral("a") }, 5000,
                             { { QStringLiteral("migrationJob"), 7 } }));
    }
    QCoreApplication app(argc, argv);
    TrafficTest test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_traffic.moc"
