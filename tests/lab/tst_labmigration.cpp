// The migration controller against the real lab (scripts/lab up): QEMU guests
// on libvirtd hosts in network namespaces, HAProxy in front. The scenarios of
// tests/core/tst_migration, with libvirt doing the work: a move there and back
// under HTTP load, cancel during the transfer, the target's libvirtd killed
// during the transfer, the console killed during the transfer and reconciled,
// and the refusals; and migrations that lose no request: moves under a steady
// load through HAProxy with the guest's servers drained first, compared with
// the same moves undrained and with plain virsh. Skips when the lab is not
// running.
#include "collect/hostsession.h"
#include "engine/engine.h"
#include "httppoller.h"
#include "labenv.h"
#include "migrate/libvirtlink.h"
#include "migrate/migrationjob.h"
#include "migrate/migrationjournal.h"
#include "migrate/migrationplanner.h"
#include "traffic/balancerredirector.h"
#include "traffic/runtimeapi.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QScopeGuard>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <csignal>

using namespace Umbra;

class TestLabMigration : public QObject
{
    Q_OBJECT

    Lab::Env m_lab;
    QTemporaryDir m_dir;
    QString m_db;
    QString m_guest;
    QString m_a; // the guest's home host
    QString m_b; // another host

    MigrationRequest request(const QString &from, const QString &to) const
    {
        return Lab::migrationRequest(m_lab, m_guest, from, to);
    }

    struct Run
    {
        MigrationRecord record;
        QStringList lines;
    };

    Run runJob(const MigrationRequest &req,
               std::function<void(MigrationJob &, const MigrationProgress &)> onProgress = {},
               std::shared_ptr<TrafficRedirector> redirector = {})
    {
        Run run;
        MigrationJob job(req, { m_db, LibvirtLink::factory(), std::move(redirector), {}, {} });
        QThread thread;
        job.moveToThread(&thread);
        std::atomic<bool> done{ false };
        connect(
            &job, &MigrationJob::stageChanged, &job,
            [&](qint64 id, MigrationStage stage, const QString &message, qint64) {
                const QString line
                    = QStringLiteral("job %1: %2 %3").arg(id).arg(stageKey(stage), message);
                run.lines.append(line);
                qInfo("%s", qUtf8Printable(line));
            },
            Qt::DirectConnection);
        connect(
            &job, &MigrationJob::logged, &job,
            [&](qint64, MigrationStage, const QString &message) {
                run.lines.append(message);
                qInfo("    %s", qUtf8Printable(message));
            },
            Qt::DirectConnection);
        connect(
            &job, &MigrationJob::progress, &job,
            [&](const MigrationProgress &p) {
                if (onProgress)
                    onProgress(job, p);
            },
            Qt::DirectConnection);
        connect(
            &job, &MigrationJob::finished, &job,
            [&](const MigrationRecord &r) {
                run.record = r;
                done = true;
            },
            Qt::DirectConnection);
        thread.start();
        QMetaObject::invokeMethod(&job, &MigrationJob::run, Qt::QueuedConnection);
        QDeadlineTimer deadline(240000);
        while (!done && !deadline.hasExpired())
            QTest::qWait(50);
        thread.quit();
        thread.wait();
        qInfo("job %lld: %s %s", static_cast<long long>(run.record.id),
              qUtf8Printable(outcomeKey(run.record.outcome)), qUtf8Printable(run.record.reason));
        return run;
    }

    DomainFacts facts(const QString &host)
    {
        auto link = LibvirtLink::open(m_lab.uri(host));
        if (!link)
            return {};
        auto dom = link.value()->domain(m_guest);
        return dom ? dom.value() : DomainFacts{};
    }

    // Puts the guest back on its home host whatever a test left.
    void bringHome()
    {
        if (facts(m_a).running())
            return;
        for (const QString &host : m_lab.hostKeys()) {
            if (host == m_a || !facts(host).running())
                continue;
            MigrationRequest r = request(host, m_a);
            r.options.health.kind = HealthCheck::Kind::None;
            runJob(r);
        }
    }

    static QString summary(const MigrationRecord &r)
    {
        return QStringLiteral("predicted %1 ms total / %2 ms downtime; actual %3 ms / %4 ms; "
                              "%5 MiB/s; dirty %6 MiB/s")
            .arg(r.predictedTotalMs)
            .arg(r.predictedDowntimeMs)
            .arg(r.actualTotalMs)
            .arg(r.actualDowntimeMs)
            .arg(r.measuredBandwidth / 1048576.0, 0, 'f', 1)
            .arg(r.dirtyRate / 1048576.0, 0, 'f', 2);
    }

    // The lab's HAProxy, as Umbra drives it.
    Traffic::Balancer balancer() const
    {
        auto b = Traffic::Balancer::make(QStringLiteral("lab"),
                                         m_lab.value(QStringLiteral("HAPROXY_SOCKET")));
        return b ? b.value() : Traffic::Balancer{};
    }

    // The lab names each guest's servers as the guest: its own backend's
    // (the only server there, so never drained) and be_all's.
    static Traffic::ServerResolver resolverByName(const Traffic::Balancer &b)
    {
        return [b](const QString &, const QString &vmName,
                   const QString &) -> Result<QList<Traffic::VmServer>> {
            auto stats = Traffic::RuntimeApi(b).stats();
            if (!stats)
                return Error{ stats.error() };
            QList<Traffic::VmServer> found;
            for (const Traffic::ServerStat &s : stats.value())
                if (!s.isBackend && s.ref.server == vmName)
                    found.append({ b, s.ref });
            return found;
        };
    }

    // The steady load of the moves below: 55 requests/s of GET /health
    // through be_all, sent by up to 8 clients at once, 2 s timeout each.
    static constexpr double kLoadPerSecond = 55;
    static constexpr int kLoadClients = 8;
    static constexpr int kLoadTimeoutMs = 2000;

    struct MoveUnderLoad
    {
        QString mode;
        QString move;
        QString outcome;
        qint64 moveMs = 0;
        Lab::LoadGenerator::Window load; // the whole run around one move
        Lab::LoadGenerator::Window migration; // while the move ran
        Lab::LoadGenerator::Window quiet; // as long, without a migration
        QStringList lines;

        double slowestRatio() const
        {
            return quiet.maxMs > 0 ? double(migration.maxMs) / double(quiet.maxMs) : 0;
        }
        QJsonObject toJson() const
        {
            return { { QStringLiteral("mode"), mode },
                     { QStringLiteral("move"), move },
                     { QStringLiteral("outcome"), outcome },
                     { QStringLiteral("moveMs"), moveMs },
                     { QStringLiteral("load"), load.toJson() },
                     { QStringLiteral("migration"), migration.toJson() },
                     { QStringLiteral("quiet"), quiet.toJson() },
                     { QStringLiteral("slowestRatio"), qRound(slowestRatio() * 100) / 100.0 } };
        }
    };

    // Moves the guest from `from` to `to` — with Umbra's controller draining
    // ("drain") or not ("nodrain"), or with plain virsh ("virsh") — while the
    // load runs: `leadMs` before the move, and after it until `minRequests`
    // were sent. The quiet window, as long as the move, ends half a second
    // before it (or starts two seconds after it when the lead is too short).
    MoveUnderLoad moveUnderLoad(const QString &mode, const QString &from, const QString &to,
                                int minRequests, qint64 leadMs)
    {
        MoveUnderLoad m;
        m.mode = mode;
        m.move = from + QStringLiteral("→") + to;
        Lab::LoadGenerator load(QUrl(m_lab.haproxyHttp()), "umbra-lab-load", "/health",
                                kLoadPerSecond, kLoadClients, kLoadTimeoutMs, minRequests * 3, 240);
        load.start();
        QTest::qWait(int(leadMs));
        const qint64 t0 = load.now();
        if (mode == QLatin1String("virsh")) {
            QProcess virsh;
            virsh.start(QStringLiteral("virsh"),
                        { QStringLiteral("-q"), QStringLiteral("-c"), m_lab.uri(from),
                          QStringLiteral("migrate"), QStringLiteral("--live"),
                          QStringLiteral("--persistent"), QStringLiteral("--undefinesource"),
                          QStringLiteral("--unsafe"), m_guest, m_lab.uri(to),
                          m_lab.migrationUri(to) });
            const bool finished = virsh.waitForFinished(240000);
            m.outcome = finished && virsh.exitCode() == 0
                ? QStringLiteral("completed")
                : QString::fromUtf8(virsh.readAllStandardError()).trimmed();
        } else {
            std::shared_ptr<TrafficRedirector> redirector;
            if (mode == QLatin1String("drain"))
                redirector = std::make_shared<Traffic::BalancerRedirector>(
                    m_db, resolverByName(balancer()));
            // What is measured is the traffic, not the restore point, so these
            // moves take none: each costs the TCG guest a disk overlay and a
            // fold under load, which the other lab tests already cover.
            MigrationRequest req = request(from, to);
            req.options.snapshot = false;
            const Run run = runJob(req, {}, redirector);
            m.outcome = outcomeKey(run.record.outcome);
            m.lines = run.lines;
        }
        const qint64 t1 = load.now();
        m.moveMs = t1 - t0;
        const bool before = t0 - 500 - m.moveMs >= 1000; // the first second warms up
        const qint64 quietFrom = before ? t0 - 500 - m.moveMs : t1 + 2000;
        const qint64 until = std::max(t1 + 2000, before ? 0 : quietFrom + m.moveMs + 2500);
        while ((load.sent() < minRequests || load.now() < until) && !load.exhausted())
            QTest::qWait(100);
        load.stop();
        const qint64 end = load.now();
        m.load = load.window(0, end);
        m.migration = load.window(t0, t1);
        m.quiet = load.window(quietFrom, quietFrom + m.moveMs);
        const auto &l = m.load;
        qInfo("%s %s: %s in %.1f s; %d requests (%.1f/s), %d failed, p50 %lld / p99 %lld / max "
              "%lld ms, longest gap %lld ms; slowest while moving %lld ms, in an equal window "
              "without a move %lld ms (%.2f×)",
              qUtf8Printable(mode), qUtf8Printable(m.move), qUtf8Printable(m.outcome),
              double(m.moveMs) / 1000.0, l.requests, l.perSecond(), l.failed,
              static_cast<long long>(l.p50Ms), static_cast<long long>(l.p99Ms),
              static_cast<long long>(l.maxMs), static_cast<long long>(l.longestGapMs),
              static_cast<long long>(m.migration.maxMs), static_cast<long long>(m.quiet.maxMs),
              m.slowestRatio());
        qInfo("RESULT %s", QJsonDocument(m.toJson()).toJson(QJsonDocument::Compact).constData());
        return m;
    }

private Q_SLOTS:
    void initTestCase()
    {
        UMBRA_REQUIRE_LAB(m_lab);
        if (m_lab.hostKeys().size() < 2 || m_lab.guests().isEmpty())
            QSKIP("The lab needs at least two hosts and one guest.");
        m_guest = m_lab.guests().first();
        m_a = m_lab.home(m_guest);
        for (const QString &h : m_lab.hostKeys())
            if (h != m_a && m_b.isEmpty())
                m_b = h;
        QVERIFY2(facts(m_a).running() || facts(m_b).running(),
                 qPrintable(m_guest + QStringLiteral(" runs on neither lab host")));
        bringHome();
        QVERIFY(facts(m_a).running());
    }

    void init()
    {
        static int n = 0;
        m_db = m_dir.filePath(QStringLiteral("lab%1.db").arg(++n));
    }

    void cleanup() { bringHome(); }

    // The lab's hosts know the shared image directory as a storage pool, so
    // the automatic storage mode finds the disks shared; libvirt would still
    // call the cached disk on that directory unsafe, and the plan says which
    // choice lifts that. With the override it goes ahead.
    void automaticStorageFindsTheLabsPools()
    {
        MigrationRequest req = request(m_a, m_b);
        req.options.storage = StorageMode::Auto;
        req.options.unsafe = false;
        Jobs::Plan plan = MigrationPlanner(req, LibvirtLink::factory(), nullptr).plan();
        QVERIFY(!plan.executable());
        QCOMPARE(MigrationPlanner::needsOf(plan),
                 QStringList{ QLatin1String(MigrationPlanner::kNeedsUnsafe) });
        QVERIFY2(plan.refusal.contains(QLatin1String("a dir pool")), qPrintable(plan.refusal));
        req.options.unsafe = true;
        plan = MigrationPlanner(req, LibvirtLink::factory(), nullptr).plan();
        QVERIFY2(plan.executable(), qPrintable(plan.refusal));
        QVERIFY(plan.prediction.value(QLatin1String("sharedStorage")).toBool());
        QVERIFY2(plan.evidence.join(u'\n').contains(QLatin1String("Storage: shared")),
                 qPrintable(plan.evidence.join(u'\n')));
    }

    void thereAndBackUnderLoad()
    {
        Lab::HttpPoller poller(QUrl(m_lab.haproxyHttp()), m_guest);
        poller.start();
        QTest::qWait(2000);
        const Run there = runJob(request(m_a, m_b));
        QTest::qWait(2000);
        const Run back = runJob(request(m_b, m_a));
        QTest::qWait(2000);
        poller.stop();
        const auto s = poller.summary();
        qInfo("HTTP through HAProxy: %d requests, %d failed, longest gap %lld ms over %lld ms",
              s.requests, s.failed, static_cast<long long>(s.longestGapMs),
              static_cast<long long>(s.spanMs));
        qInfo("there: %s", qUtf8Printable(summary(there.record)));
        qInfo("back:  %s", qUtf8Printable(summary(back.record)));
        qInfo("RESULT %s",
              QJsonDocument(QJsonObject{ { QStringLiteral("requests"), s.requests },
                                         { QStringLiteral("failed"), s.failed },
                                         { QStringLiteral("longestGapMs"), s.longestGapMs },
                                         { QStringLiteral("there"), there.record.toJson() },
                                         { QStringLiteral("back"), back.record.toJson() } })
                  .toJson(QJsonDocument::Compact)
                  .constData());

        QCOMPARE(outcomeKey(there.record.outcome), QStringLiteral("completed"));
        QCOMPARE(outcomeKey(back.record.outcome), QStringLiteral("completed"));
        QVERIFY(facts(m_a).running());
        QVERIFY(!facts(m_b).exists);
        for (const MigrationRecord *r : { &there.record, &back.record }) {
            QVERIFY(r->predictedTotalMs > 0);
            QVERIFY(r->actualTotalMs > 0);
            QVERIFY(r->actualDowntimeMs >= 0);
            QVERIFY(r->measuredBandwidth > 0);
        }
        // The guest kept serving: a handful of failures at most around each
        // switch-over, never a long outage.
        QVERIFY(s.requests > 100);
        QVERIFY2(s.failed * 20 <= s.requests, "more than 5 % of the requests failed");
        QVERIFY2(s.longestGapMs < 5000, "the guest stopped answering for 5 s or more");
    }

    // Migrations that lose no request. The guest moves there and back while
    // the load asks through be_all (round robin over every guest, option
    // redispatch), where its sibling can take its share. With drain, Umbra's
    // controller takes the guest's be_all server out of rotation before the
    // switch-over, waits for its sessions to end and puts it back once the
    // guest is verified on the target: no request may fail. Without drain and
    // with plain virsh the server stays in rotation; those runs are shorter
    // and give figures only, as do latencies and the slowest request on a
    // loaded two-core machine with TCG guests.
    void movesUnderLoad_data()
    {
        QTest::addColumn<QString>("mode");
        QTest::addColumn<int>("minRequests");
        QTest::addColumn<int>("leadMs");
        // The comparisons assert nothing and cost two more round trips, so
        // they run on request: UMBRA_LAB_COMPARE=1 adds the moves without
        // drain and with plain virsh, in the same run.
        QTest::newRow("drain") << "drain" << 2000 << 12000;
        if (qEnvironmentVariableIntValue("UMBRA_LAB_COMPARE") == 1) {
            QTest::newRow("no drain") << "nodrain" << 1000 << 9000;
            QTest::newRow("virsh") << "virsh" << 1000 << 9000;
        }
    }

    void movesUnderLoad()
    {
        QFETCH(QString, mode);
        QFETCH(int, minRequests);
        QFETCH(int, leadMs);
        if (m_lab.guests().size() < 2)
            QSKIP("The guest needs a sibling in be_all: start the lab with two guests or more.");
        const Traffic::Balancer lab = balancer();
        QVERIFY2(!lab.address.isEmpty(), "lab.env names no HAPROXY_SOCKET");
        // A run stopped in the middle of a drain leaves the server drained; the
        // lab's servers are all meant to take requests.
        QVERIFY(Traffic::RuntimeApi(lab)
                    .setState({ QStringLiteral("be_all"), m_guest }, Traffic::ServerState::Ready)
                    .ok());
        const auto upInAll = [&] {
            auto s = Traffic::RuntimeApi(lab).stat({ QStringLiteral("be_all"), m_guest });
            return s.ok() && s->isUp();
        };
        QTRY_VERIFY_WITH_TIMEOUT(upInAll(), 30000);

        const MoveUnderLoad there = moveUnderLoad(mode, m_a, m_b, minRequests, leadMs);
        // Back once HAProxy sees the guest up again (rise 2 after a restore).
        QTRY_VERIFY_WITH_TIMEOUT(upInAll(), 30000);
        const MoveUnderLoad back = moveUnderLoad(mode, m_b, m_a, minRequests, leadMs);

        for (const MoveUnderLoad *m : { &there, &back }) {
            QCOMPARE(m->outcome, QStringLiteral("completed"));
            QVERIFY(m->load.requests >= minRequests);
            if (mode != QLatin1String("drain"))
                continue;
            // The be_all server was drained; the guest's own backend has no
            // other server, so its server was left alone, and the log says so.
            const QString log = m->lines.join(u'\n');
            QVERIFY2(log.contains(QStringLiteral("drained lab be_all/") + m_guest),
                     qPrintable(log));
            QVERIFY2(log.contains(QStringLiteral("not drained lab be_") + m_guest),
                     qPrintable(log));
            QCOMPARE(m->load.failed, 0);
            qInfo("%s: %d requests at %.1f/s with 0 failed (target: ≥ 2000 at ≥ 50/s): %s; "
                  "slowest while moving %.2f× the slowest without (target ≤ 2×): %s",
                  qUtf8Printable(m->move), m->load.requests, m->load.perSecond(),
                  m->load.requests >= 2000 && m->load.perSecond() >= 50 ? "met" : "not met",
                  m->slowestRatio(), m->slowestRatio() <= 2.0 ? "met" : "not met");
        }
        // Restored: the guest takes its share of be_all again.
        auto restored = Traffic::RuntimeApi(lab).stat({ QStringLiteral("be_all"), m_guest });
        QVERIFY2(restored.ok(), qPrintable(restored.error()));
        QVERIFY2(!restored->status.startsWith(QLatin1String("DRAIN"))
                     && !restored->status.startsWith(QLatin1String("MAINT")),
                 qPrintable(restored->status));
        QVERIFY(restored->weight > 0);
    }

    void cancelDuringTransfer()
    {
        MigrationRequest req = request(m_a, m_b);
        req.options.bandwidthMiBs = 3; // long enough to cancel in the middle
        bool cancelled = false;
        const Run run = runJob(req, [&](MigrationJob &job, const MigrationProgress &p) {
            if (!cancelled && p.dataProcessed > 0 && p.elapsedMs > 1500) {
                qInfo("cancelling at %llu of %llu bytes",
                      static_cast<unsigned long long>(p.dataProcessed),
                      static_cast<unsigned long long>(p.dataTotal));
                cancelled = true;
                job.cancel();
            }
        });
        QVERIFY(cancelled);
        QCOMPARE(outcomeKey(run.record.outcome), QStringLiteral("cancelled"));
        QVERIFY(facts(m_a).running());
        QVERIFY(facts(m_a).persistent);
        QVERIFY2(!facts(m_b).exists, "something is left defined on the target");
    }

    void targetLibvirtdKilledDuringTransfer()
    {
        MigrationRequest req = request(m_a, m_b);
        req.options.bandwidthMiBs = 3;
        bool killed = false;
        QString restartProblem;
        const Run run = runJob(req, [&](MigrationJob &, const MigrationProgress &p) {
            if (killed || p.dataProcessed == 0 || p.elapsedMs < 1500)
                return;
            const auto pids = Lab::pidsIn(m_b, QStringLiteral("libvirtd"));
            for (qint64 pid : pids)
                ::kill(pid_t(pid), SIGKILL);
            killed = !pids.isEmpty();
            qInfo("killed libvirtd of %s (%d processes)", qUtf8Printable(m_b), int(pids.size()));
        });
        QVERIFY(killed);
        QCOMPARE(outcomeKey(run.record.outcome), QStringLiteral("failed"));
        QVERIFY(!run.record.reason.isEmpty());
        qInfo("reason: %s", qUtf8Printable(run.record.reason));
        QVERIFY(facts(m_a).running());

        // The journal tells the same story.
        auto journal = MigrationJournal::open(m_db, QStringLiteral("after-kill"));
        QVERIFY(journal.ok());
        auto stored = journal.value()->job(run.record.id);
        QCOMPARE(stored->outcome, MigrationOutcome::Failed);
        QCOMPARE(stored->stage, MigrationStage::Done);
        QStringList entered;
        for (const StageEvent &e : stored->events)
            if (e.kind == QLatin1String("enter"))
                entered.append(stageKey(e.stage));
        QVERIFY(entered.contains(QStringLiteral("transfer")));
        QCOMPARE(entered.last(), QStringLiteral("rollback"));
        QVERIFY(journal.value()->unfinished()->isEmpty());

        // Bring the host back; it cleans up the incoming copy itself.
        restartProblem = Lab::restartLibvirtd(m_b);
        QVERIFY2(restartProblem.isEmpty(), qPrintable(restartProblem));
        QTRY_VERIFY_WITH_TIMEOUT(LibvirtLink::open(m_lab.uri(m_b)).ok(), 30000);
        QTRY_VERIFY_WITH_TIMEOUT(!facts(m_b).exists, 30000);
    }

    void consoleKilledDuringTransferThenReconciled()
    {
#ifndef UMBRA_BINARY
        QSKIP("The umbra executable is not built (UMBRA_WITH_GUI=OFF).");
#else
        if (!QFile::exists(QStringLiteral(UMBRA_BINARY)))
            QSKIP("Build the umbra executable first (it runs the headless --migrate).");
        QProcess umbra;
        umbra.setProcessChannelMode(QProcess::SeparateChannels);
        const QStringList args{ QStringLiteral("--connect"),
                                m_lab.uri(m_a),
                                QStringLiteral("--migrate"),
                                m_guest,
                                QStringLiteral("--to"),
                                m_lab.uri(m_b),
                                QStringLiteral("--migration-uri"),
                                m_lab.migrationUri(m_b),
                                QStringLiteral("--unsafe"),
                                QStringLiteral("--storage"),
                                QStringLiteral("shared"),
                                QStringLiteral("--bandwidth"),
                                QStringLiteral("3"),
                                QStringLiteral("--database"),
                                m_db };
        umbra.start(QStringLiteral(UMBRA_BINARY), args);
        QVERIFY(umbra.waitForStarted());
        QByteArray err;
        QDeadlineTimer deadline(60000);
        while (!err.contains("%") && !deadline.hasExpired()) { // a progress line
            umbra.waitForReadyRead(200);
            err += umbra.readAllStandardError();
        }
        qInfo("%s", err.constData());
        QVERIFY2(err.contains("%"), "the transfer never reported progress");
        umbra.kill(); // SIGKILL
        QVERIFY(umbra.waitForFinished());

        QProcess reconcile;
        reconcile.start(QStringLiteral(UMBRA_BINARY),
                        { QStringLiteral("--reconcile"), QStringLiteral("--database"), m_db });
        QVERIFY(reconcile.waitForFinished(240000));
        const QByteArray out = reconcile.readAllStandardOutput();
        qInfo("reconcile: %s %s", out.constData(), reconcile.readAllStandardError().constData());
        QCOMPARE(reconcile.exitCode(), 0);
        const QJsonObject json = QJsonDocument::fromJson(out).object();
        const auto jobs = json.value(QLatin1String("reconciled")).toArray();
        QCOMPARE(jobs.size(), 1);
        const QString outcome = jobs[0][QLatin1String("outcome")].toString();
        // Depending on when libvirt noticed the console was gone, the move
        // was completed or undone; either way the VM is in exactly one place.
        QVERIFY2(outcome == QLatin1String("completed") || outcome == QLatin1String("rolled-back"),
                 qPrintable(outcome));
        const DomainFacts a = facts(m_a);
        const DomainFacts b = facts(m_b);
        if (outcome == QLatin1String("completed")) {
            QVERIFY(b.running() && b.persistent);
            QVERIFY(!a.exists);
        } else {
            QVERIFY(a.running() && a.persistent);
            QVERIFY(!b.exists);
        }
#endif
    }

    void refusals_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("message");
        QTest::newRow("target without enough memory") << "memory"
                                                      << "Not enough memory";
        QTest::newRow("unreachable target") << "unreachable"
                                            << "target host is unreachable";
        QTest::newRow("same host") << "same"
                                   << "same host";
    }

    void refusals()
    {
        QFETCH(QString, kind);
        QFETCH(QString, message);
        MigrationRequest req = request(m_a, m_b);
        if (kind == QLatin1String("memory"))
            req.options.targetReserveMiB = 64LL * 1024 * 1024; // more than any lab host has
        else if (kind == QLatin1String("unreachable"))
            req.targetUri = QStringLiteral("qemu+tcp://%1:1/system")
                                .arg(QUrl(m_lab.uri(m_b)).host()); // nothing listens there
        else
            // The same host under another spelling of its URI.
            req.targetUri
                = QStringLiteral("qemu+tcp://%1:16509/system").arg(QUrl(m_lab.uri(m_a)).host());
        const Run run = runJob(req);
        QCOMPARE(run.record.outcome, MigrationOutcome::Failed);
        QVERIFY2(run.record.reason.contains(message), qPrintable(run.record.reason));
        QVERIFY(facts(m_a).running());
        QVERIFY(!facts(m_b).exists);
    }

    // The collector under a crash of the host's libvirtd, started again some
    // seconds later while the guest runs on: the session reconnects by
    // itself, sees the guest again, says so once per reason, and the host's
    // samples leave no gap longer than the outage and a collection.
    void collectorRidesOutALibvirtdRestart()
    {
        static const Engine registersMetaTypes; // the Engine registers the signal types
        HostSession::Options options;
        options.intervalMs = 1000;
        options.initialRetryMs = 1000;
        QThread thread;
        auto *session = new HostSession(HostConfig{ m_lab.uri(m_a), false }, options);
        session->moveToThread(&thread);
        connect(&thread, &QThread::finished, session, &QObject::deleteLater);
        QList<qint64> sampledAt;
        QSet<QString> vmsSampled;
        QStringList events;
        connect(session, &HostSession::samplesCollected, this,
                [&](const HostSample &host, const QList<VmSample> &vms) {
                    sampledAt.append(host.timestampMs);
                    for (const VmSample &vm : vms)
                        vmsSampled.insert(vm.uuid);
                });
        connect(session, &HostSession::eventLogged, this,
                [&](const EventRecord &event) { events.append(event.kind); });
        thread.start();
        QMetaObject::invokeMethod(session, &HostSession::start, Qt::QueuedConnection);
        auto stop = qScopeGuard([&] {
            QMetaObject::invokeMethod(session, &HostSession::stop, Qt::BlockingQueuedConnection);
            thread.quit();
            thread.wait();
        });

        const QString guestUuid = facts(m_a).uuid;
        QTRY_VERIFY_WITH_TIMEOUT(sampledAt.size() >= 3 && vmsSampled.contains(guestUuid), 30000);

        QCOMPARE(Lab::runLab({ QStringLiteral("kill-libvirtd"), m_a }), 0);
        const qint64 killedAt = QDateTime::currentMSecsSinceEpoch();
        QTest::qWait(8000);
        QVERIFY(!LibvirtLink::open(m_lab.uri(m_a)).ok()); // its port refuses
        const QString problem = Lab::restartLibvirtd(m_a);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        const qint64 answeredAt = QDateTime::currentMSecsSinceEpoch();
        vmsSampled.clear();
        QTRY_VERIFY_WITH_TIMEOUT(sampledAt.last() > answeredAt && vmsSampled.contains(guestUuid),
                                 30000);
        QVERIFY(facts(m_a).running()); // it ran on throughout

        qint64 longestGap = 0;
        for (qsizetype i = 1; i < sampledAt.size(); ++i)
            longestGap = std::max(longestGap, sampledAt.at(i) - sampledAt.at(i - 1));
        const qint64 outage = answeredAt - killedAt;
        qInfo("libvirtd down for %lld ms (until the lab saw it answer); longest gap between "
              "samples %lld ms",
              outage, longestGap);
        // At most one retry interval and one collection interval after it
        // answers again; the exponential backoff would have waited 8 s more.
        QVERIFY2(longestGap <= outage + 2 * options.intervalMs + 1000,
                 qPrintable(QString::number(longestGap)));
        // The dropped connection, then the refusals of about eight attempts
        // as one more (the reason changed), not one per attempt.
        QCOMPARE(events.count(QStringLiteral("host.unreachable")), 2);
        QVERIFY(events.count(QStringLiteral("host.connected")) >= 2);
    }
};

QTEST_GUILESS_MAIN(TestLabMigration)
#include "tst_labmigration.moc"
