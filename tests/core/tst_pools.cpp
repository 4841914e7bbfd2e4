#include "pools/capacityledger.h"
#include "pools/placement.h"
#include "pools/pool.h"
#include "pools/poolrules.h"
#include "store/database.h"

#include <QAtomicInt>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <algorithm>

using namespace Umbra;
using namespace Umbra::Pools;

namespace {

constexpr quint64 kGiB = 1024 * 1024; // in KiB

HostCapacity host(quint64 memoryGiB, int cpus, quint64 allocatedGiB = 0, int allocatedVcpus = 0)
{
    HostCapacity c;
    c.memoryKiB = memoryGiB * kGiB;
    c.freeMemoryKiB = (memoryGiB - allocatedGiB) * kGiB;
    c.allocatedMemoryKiB = allocatedGiB * kGiB;
    c.cpus = cpus;
    c.allocatedVcpus = allocatedVcpus;
    return c;
}

const PlacementLimits kLimits{ 0, 4.0 }; // no host reserve: round figures

Pool shadowPool(double share = 0.25)
{
    Pool p{ QStringLiteral("Standby"), PoolKind::Shadow, {}, {} };
    p.reservation.share = share;
    return p;
}

} // namespace

class TestPools : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void poolRules_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<int>("placing");
        QTest::addColumn<QString>("customer");
        QTest::addColumn<bool>("admitted");
        const int g = int(PoolKind::General), d = int(PoolKind::Dedicated),
                  s = int(PoolKind::Shadow);
        const int vm = int(Placing::Vm), shadow = int(Placing::Shadow),
                  failover = int(Placing::Failover);
        QTest::newRow("general takes a VM") << g << vm << QString() << true;
        QTest::newRow("general refuses a shadow") << g << shadow << QString() << false;
        QTest::newRow("dedicated takes its customer") << d << vm << QStringLiteral("acme") << true;
        QTest::newRow("dedicated refuses another customer")
            << d << vm << QStringLiteral("globex") << false;
        QTest::newRow("dedicated refuses a VM of nobody") << d << vm << QString() << false;
        QTest::newRow("dedicated refuses a shadow")
            << d << shadow << QStringLiteral("acme") << false;
        QTest::newRow("shadow takes a shadow") << s << shadow << QString() << true;
        QTest::newRow("shadow takes a failover") << s << failover << QString() << true;
        QTest::newRow("shadow refuses a plain VM") << s << vm << QString() << false;
    }

    void poolRules()
    {
        QFETCH(int, kind);
        QFETCH(int, placing);
        QFETCH(QString, customer);
        QFETCH(bool, admitted);
        const Pool pool{ QStringLiteral("P"), PoolKind(kind), QStringLiteral("acme"), {} };
        const Admission a = admits(
            pool, { Placing(placing), QStringLiteral("u1"), QStringLiteral("web-1"), customer });
        QCOMPARE(a.admitted, admitted);
        QVERIFY2(a.reason.contains(QStringLiteral("“P”")), qPrintable(a.reason));
        if (!admitted && PoolKind(kind) == PoolKind::Dedicated && !customer.isEmpty()
            && Placing(placing) == Placing::Vm)
            QVERIFY2(a.reason.contains(customer), qPrintable(a.reason));
    }

    void settingsValidateAndPersist()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("umbra.db"));
        QVERIFY(Database::open(path, QStringLiteral("create")).ok());

        // A new database: one General pool, every host in it.
        auto fresh = PoolSettings::load(path);
        QVERIFY2(fresh.ok(), qPrintable(fresh.error()));
        QCOMPARE(fresh->pools.size(), 1);
        QCOMPARE(fresh->poolOfHost(QStringLiteral("qemu+tcp://a/system")).kind, PoolKind::General);

        PoolSettings s = fresh.value();
        s.pools.append({ QStringLiteral("Acme"), PoolKind::Dedicated, QString(), {} });
        QVERIFY(!s.validate().ok()); // a dedicated pool needs its customer
        QVERIFY(!s.save(path).ok());
        s.pools.last().customer = QStringLiteral("acme");
        s.pools.append(shadowPool(0.2));
        s.hostPools.insert(QStringLiteral("qemu+tcp://b/system"), QStringLiteral("Acme"));
        s.hostPools.insert(QStringLiteral("qemu+tcp://c/system"), QStringLiteral("Standby"));
        s.failureDomains.insert(QStringLiteral("qemu+tcp://c/system"), QStringLiteral("rack-2"));
        s.customers.insert(QStringLiteral("uuid-1"), QStringLiteral("acme"));
        s.hostPools.insert(QStringLiteral("qemu+tcp://d/system"), QStringLiteral("Nowhere"));
        QVERIFY(!s.validate().ok()); // a host in a pool that does not exist
        s.hostPools.remove(QStringLiteral("qemu+tcp://d/system"));
        auto saved = s.save(path);
        QVERIFY2(saved.ok(), qPrintable(saved.error()));

        auto back = PoolSettings::load(path);
        QVERIFY2(back.ok(), qPrintable(back.error()));
        QCOMPARE(back.value(), s);
        QCOMPARE(back->poolOfHost(QStringLiteral("qemu+tcp://c/system")).reservation.share, 0.2);
        QCOMPARE(back->hostsIn(QStringLiteral("Acme")),
                 QStringList{ QStringLiteral("qemu+tcp://b/system") });
        QCOMPARE(back->customerOf(QStringLiteral("uuid-1")), QStringLiteral("acme"));

        // Two pools of one name are refused and nothing stored changes.
        PoolSettings twice = s;
        twice.pools.append({ QStringLiteral("acme"), PoolKind::General, {}, {} });
        QVERIFY(!twice.save(path).ok());
        QCOMPARE(PoolSettings::load(path).value(), s);
    }

    void reservationKeepsRoomForShadows()
    {
        CapacityLedger ledger;
        const QString h = QStringLiteral("shadow-host");
        ledger.observe(h, host(16, 4), kLimits); // 16 GiB, 16 vCPU slots
        Reservation r;
        r.share = 0.25; // 4 GiB and 4 slots for shadows
        ledger.setReservation(h, r);

        auto forVm = ledger.headroom(h, Placing::Failover);
        QVERIFY(forVm.ok());
        QCOMPARE(forVm->memoryKiB(), 12 * kGiB);
        QCOMPARE(forVm->vcpuSlots(), 12);
        QCOMPARE(ledger.headroom(h, Placing::Shadow)->memoryKiB(), 16 * kGiB);

        // A standby shadow draws on the reservation first: others lose nothing.
        ledger.setStandby(QStringLiteral("db-1-shadow"), h, { 3 * kGiB, 2 });
        QCOMPARE(ledger.headroom(h, Placing::Failover)->memoryKiB(), 12 * kGiB);
        QCOMPARE(ledger.headroom(h, Placing::Shadow)->memoryKiB(), 13 * kGiB);
        // Beyond the reservation, shadows take from the rest.
        ledger.setStandby(QStringLiteral("db-2-shadow"), h, { 3 * kGiB, 2 });
        QCOMPARE(ledger.headroom(h, Placing::Failover)->memoryKiB(), 10 * kGiB);
        const QString text = ledger.headroom(h, Placing::Failover)->describe();
        QVERIFY2(text.contains(QLatin1String("6144 MiB owed to standby shadows (2)")),
                 qPrintable(text));
        ledger.removeStandby(QStringLiteral("db-2-shadow"));
        QCOMPARE(ledger.headroom(h, Placing::Failover)->memoryKiB(), 12 * kGiB);

        QVERIFY(!ledger.headroom(QStringLiteral("unknown"), Placing::Vm).ok());
    }

    // Many jobs claim the last slots of one host at once: exactly as many
    // succeed as fit, whatever the interleaving.
    void concurrentClaimsNeverOverbook()
    {
        CapacityLedger ledger;
        const QString h = QStringLiteral("target");
        ledger.observe(h, host(10, 64), kLimits); // room for exactly 5 VMs of 2 GiB
        constexpr int kThreads = 8;
        constexpr int kClaimsEach = 5;
        QAtomicInt granted;
        QList<QThread *> threads;
        for (int t = 0; t < kThreads; ++t) {
            threads.append(QThread::create([&ledger, &granted, h, t] {
                for (int i = 0; i < kClaimsEach; ++i) {
                    auto id = ledger.claim(h, { 2 * kGiB, 1 }, Placing::Vm,
                                           QStringLiteral("job %1.%2").arg(t).arg(i));
                    if (id.ok())
                        granted.fetchAndAddRelaxed(1);
                }
            }));
        }
        for (QThread *t : threads)
            t->start();
        for (QThread *t : threads) {
            QVERIFY(t->wait(10000));
            delete t;
        }
        QCOMPARE(granted.loadRelaxed(), 5);
        QCOMPARE(ledger.holds().size(), 5);
        auto refused = ledger.claim(h, { 2 * kGiB, 1 }, Placing::Vm, QStringLiteral("late"));
        QVERIFY(!refused.ok());
        QVERIFY2(refused.error().contains(QLatin1String("10240 MiB claimed by running jobs (5)")),
                 qPrintable(refused.error()));

        // A finished job gives its slot back.
        ledger.release(ledger.holds().first().id);
        QVERIFY(ledger.claim(h, { 2 * kGiB, 1 }, Placing::Vm, QStringLiteral("next")).ok());
    }

    void rankingPrefersTheLeastDisruptiveHost()
    {
        CapacityLedger ledger;
        const Pool general{ PoolSettings::generalName(), PoolKind::General, {}, {} };
        auto candidate = [&](const QString &uri, HostCapacity cap) {
            ledger.observe(uri, cap, kLimits);
            Candidate c;
            c.hostUri = uri;
            c.hostName = uri;
            c.pool = general;
            c.cpus = cap.cpus;
            c.headroom = ledger.headroom(uri, Placing::Vm).value();
            return c;
        };
        Candidate roomy = candidate(QStringLiteral("roomy"), host(64, 16, 8, 4));
        roomy.peakCpus = 4;
        roomy.failureRisk = 0.02;
        roomy.health = 95;
        Candidate risky = candidate(QStringLiteral("risky"), host(64, 16, 8, 4));
        risky.peakCpus = 4;
        risky.failureRisk = 0.7;
        risky.health = 40;
        Candidate busy = candidate(QStringLiteral("busy"), host(64, 16, 8, 4));
        busy.peakCpus = 15.5; // saturated at tomorrow's peak
        busy.failureRisk = 0.02;
        busy.health = 95;
        Candidate full = candidate(QStringLiteral("full"), host(8, 16, 6, 4));
        full.residentMemoryKiB = { 1 * kGiB, 2 * kGiB, 3 * kGiB };
        Candidate home = candidate(QStringLiteral("home"), host(64, 16));
        Candidate down;
        down.hostUri = QStringLiteral("down");
        down.error = QStringLiteral("unreachable");

        PlacementQuery q;
        q.subject = { Placing::Vm, QStringLiteral("u1"), QStringLiteral("web-1"), {} };
        q.demand = { 4 * kGiB, 2 };
        q.peakCpus = 1.5;
        q.sourceHostUri = QStringLiteral("home");
        const QList<Ranking> r = rank(q, { down, full, busy, risky, home, roomy });

        QCOMPARE(r.size(), 6);
        QCOMPARE(r[0].hostUri, QStringLiteral("roomy"));
        QVERIFY(r[0].eligible);
        QVERIFY(r[0].score > r[1].score);
        // The reasons say it in numbers.
        const QString why = r[0].reasons.join(QLatin1Char('\n'));
        QVERIFY2(why.contains(QLatin1String("CPU at the forecast peak: 34 % of 16 CPUs")),
                 qPrintable(why));
        QVERIFY2(why.contains(QLatin1String("Failure risk 2 %")), qPrintable(why));
        // Saturated and risky hosts rank below; a host that fits only if
        // another VM leaves ranks after every host that needs no move.
        const auto at = [&r](const char *uri) {
            for (int i = 0; i < r.size(); ++i) {
                if (r[i].hostUri == QLatin1String(uri))
                    return i;
            }
            return -1;
        };
        QVERIFY(at("busy") > at("roomy"));
        QVERIFY(at("risky") > at("roomy"));
        QVERIFY(r[at("busy")].reasons.join(QString()).contains(QLatin1String("saturated")));
        QCOMPARE(r[at("full")].forcedMoves, 1); // the largest resident VM
        QVERIFY(r[at("full")].eligible);
        QVERIFY(r[at("full")].score < r[at("risky")].score);
        // Ineligible last, each with its one reason.
        QVERIFY(!r[at("home")].eligible);
        QVERIFY(r[at("home")].refusal.contains(QLatin1String("already runs here")));
        QVERIFY(!r[at("down")].eligible);
        QVERIFY(r[at("down")].refusal.contains(QLatin1String("unreachable")));
        QVERIFY(at("home") >= 4 && at("down") >= 4);

        // Without words: the same order, scores and refusals, no reasons;
        // reasonsFor() words any one host as the full ranking does.
        PlacementQuery quiet = q;
        quiet.explain = false;
        const QList<Candidate> all{ down, full, busy, risky, home, roomy };
        const QList<Ranking> unworded = rank(quiet, all);
        QCOMPARE(unworded.size(), r.size());
        for (int i = 0; i < r.size(); ++i) {
            QCOMPARE(unworded[i].hostUri, r[i].hostUri);
            QCOMPARE(unworded[i].eligible, r[i].eligible);
            QCOMPARE(unworded[i].score, r[i].score);
            QCOMPARE(unworded[i].forcedMoves, r[i].forcedMoves);
            QCOMPARE(unworded[i].refusal, r[i].refusal);
            if (r[i].eligible)
                QVERIFY(unworded[i].reasons.isEmpty());
            const auto c = std::find_if(all.cbegin(), all.cend(), [&](const Candidate &c) {
                return c.hostUri == r[i].hostUri;
            });
            QCOMPARE(reasonsFor(quiet, *c), r[i].reasons);
        }
    }

    void shadowsKeepApartFromTheirPrimary()
    {
        CapacityLedger ledger;
        auto candidate = [&](const QString &uri, const Pool &pool, const QString &domain) {
            ledger.observe(uri, host(32, 8), kLimits);
            Candidate c;
            c.hostUri = uri;
            c.pool = pool;
            c.failureDomain = domain;
            c.headroom = ledger.headroom(uri, Placing::Shadow).value();
            return c;
        };
        const Pool general{ PoolSettings::generalName(), PoolKind::General, {}, {} };
        PlacementQuery q;
        q.subject = { Placing::Shadow, QStringLiteral("u1"), QStringLiteral("db-1"), {} };
        q.demand = { 2 * kGiB, 2 };
        q.sourceHostUri = QStringLiteral("primary");
        q.sourceFailureDomain = QStringLiteral("rack-1");
        const QList<Ranking> r
            = rank(q,
                   { candidate(QStringLiteral("primary"), shadowPool(), QStringLiteral("rack-1")),
                     candidate(QStringLiteral("same-rack"), shadowPool(), QStringLiteral("rack-1")),
                     candidate(QStringLiteral("general"), general, QStringLiteral("rack-2")),
                     candidate(QStringLiteral("apart"), shadowPool(), QStringLiteral("rack-2")) });
        QCOMPARE(r[0].hostUri, QStringLiteral("apart"));
        QVERIFY(r[0].eligible);
        QVERIFY(r[0].reasons.join(QString()).contains(QLatin1String("apart from the primary")));
        for (int i = 1; i < r.size(); ++i)
            QVERIFY2(!r[i].eligible, qPrintable(r[i].hostUri));
        for (const Ranking &x : r) {
            if (x.hostUri == QLatin1String("same-rack"))
                QVERIFY(x.refusal.contains(QLatin1String("failure domain")));
            if (x.hostUri == QLatin1String("general"))
                QVERIFY(x.refusal.contains(QLatin1String("shadow pool")));
        }
    }
};

QTEST_GUILESS_MAIN(TestPools)
#include "tst_pools.moc"
