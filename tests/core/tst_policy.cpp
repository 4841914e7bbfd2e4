// The policy engine's rules on hand-made fleets: what it proposes, with what
// evidence, and every rule that holds a proposal back.

#include "jobs/planstore.h"
#include "policy/automation.h"
#include "policy/policyengine.h"
#include "policy/replay.h"
#include "pools/placement.h"
#include "store/database.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace Umbra;
using namespace Umbra::Policy;

namespace {

constexpr qint64 kGiB = 1024 * 1024; // in KiB
constexpr qint64 kMinute = 60 * 1000;
const qint64 kNow = QDateTime(QDate(2026, 12, 2), QTime(10, 0)).toMSecsSinceEpoch(); // a Wednesday

Pools::Pool general()
{
    return { Pools::PoolSettings::generalName(), Pools::PoolKind::General, {}, {} };
}

PolicyHost host(const QString &name, quint64 freeKiB, double risk = 0.0, double peakCpus = 4)
{
    PolicyHost h;
    h.uri = QStringLiteral("qemu+ssh://%1/system").arg(name);
    h.name = name;
    h.pool = general();
    h.cpus = 16;
    h.peakCpus = peakCpus;
    h.risk.risk = risk;
    if (risk > 0)
        h.risk.breakdown = {
            { QStringLiteral("drive:sdb"),
              QStringLiteral("Drive sdb: %1 % chance of failing within 30 days").arg(risk * 100),
              risk, 1.0 }
        };
    h.health = 90;
    Pools::Headroom room;
    room.usableKiB = freeKiB;
    room.vcpuLimit = 64;
    h.headroom = room;
    return h;
}

PolicyVm vm(const QString &name, const PolicyHost &on, quint64 memoryKiB = 2 * kGiB,
            double peakCpus = 1)
{
    PolicyVm v;
    v.uuid = QStringLiteral("00000000-0000-0000-0000-%1")
                 .arg(qHash(name) % 1000000000000, 12, 10, QLatin1Char('0'));
    v.name = name;
    v.hostUri = on.uri;
    v.vcpus = 8;
    v.memoryKiB = memoryKiB;
    v.peakCpus = peakCpus;
    return v;
}

const Proposal *find(const Evaluation &e, const QString &subject, const QString &kind = {})
{
    for (const Proposal &p : e.proposals)
        if (p.subject == subject && (kind.isEmpty() || p.kind == kind))
            return &p;
    return nullptr;
}

PolicyServer server(const QString &backend, const QString &name)
{
    return { QStringLiteral("lb"), backend, name, true };
}

PolicyShadow shadowOn(const PolicyHost &host, int vcpus)
{
    PolicyShadow s;
    s.hostUri = host.uri;
    s.name = QStringLiteral("standby");
    s.inSync = true;
    s.state = QStringLiteral("in sync");
    s.vcpus = vcpus;
    s.syncedMs = kNow - 3600 * 1000;
    return s;
}

PolicyEngine engine(AutomationLevel level = AutomationLevel::Approve)
{
    PolicyEngine e;
    AutomationSettings automation;
    automation.fleetLevel = level;
    e.setAutomation(automation);
    return e;
}

} // namespace

class TestPolicy : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void evacuationSpreadsAcrossTargetsWithEvidence();
    void twoHostsAtRiskDoNotBothEvacuateOntoOneTarget();
    void maintenanceEmptiesTheHostAndTakesNothingNew();
    void wobblingForecastRaisesOneProposal();
    void benefitCheckHoldsAMoveThatDoesNotHelp();
    void cooldownAndNoReturnHoldAMove();
    void rejectedProposalStaysQuietForItsTime();
    void limitsLetOneAutomaticMoveStartAtATime();
    void automaticWaitsForMaintenanceWindowAndConfidence();
    void vmLevelOverridesPoolLevel();
    void flaggedVmGetsAShadowOnTheShadowPool();
    void withdrawalsSayWhy();
    void maintenanceWindowRunsPastMidnight();
    void settingsAndProposalsSurviveTheDatabase();
    void busyServerShiftsAShareOfItsTrafficToAPeer();
    void shadowSizeFollowsItsPrimarysForecast();
    void lostHostFailsOverToItsShadow();
    void replayMovesAheadOfADailyPeak();
};

void TestPolicy::evacuationSpreadsAcrossTargetsWithEvidence()
{
    FleetPicture picture;
    picture.nowMs = kNow;
    const PolicyHost sick = host(QStringLiteral("kvm01"), 20 * kGiB, 0.7);
    picture.hosts = { sick, host(QStringLiteral("kvm02"), 8 * kGiB),
                      host(QStringLiteral("kvm03"), 8 * kGiB) };
    picture.vms = { vm(QStringLiteral("web-1"), sick), vm(QStringLiteral("web-2"), sick),
                    vm(QStringLiteral("db-1"), sick, 3 * kGiB) };

    PolicyEngine policy = engine();
    const Evaluation e = policy.evaluate(picture);
    QCOMPARE(e.proposals.size(), 3);
    QHash<QString, int> perTarget;
    for (const Proposal &p : e.proposals) {
        QCOMPARE(p.kind, QStringLiteral("migrate"));
        QCOMPARE(p.sourceUri, sick.uri);
        QCOMPARE(p.group, sick.uri);
        QCOMPARE(p.trigger.rule, QStringLiteral("host-risk"));
        QCOMPARE(p.trigger.value, 0.7);
        QCOMPARE(p.trigger.threshold, 0.5);
        QVERIFY2(p.evidence.first().contains(u"70 %"), qPrintable(p.evidence.first()));
        QVERIFY(p.evidence.join(u'\n').contains(u"Drive sdb"));
        QVERIFY(p.outcome.contains(u"targetMemoryLeftKiB"));
        QCOMPARE(p.expiresMs, kNow + policy.limits().lifetimeMs);
        QVERIFY(p.summary().startsWith(u"Evacuate kvm01"));
        ++perTarget[p.targetUri];
    }
    // Spread by what the earlier moves claimed, not all on the emptiest host.
    QCOMPARE(perTarget.size(), 2);
    QVERIFY(!perTarget.contains(sick.uri));
}

void TestPolicy::twoHostsAtRiskDoNotBothEvacuateOntoOneTarget()
{
    FleetPicture picture;
    picture.nowMs = kNow;
    const PolicyHost a = host(QStringLiteral("kvm01"), 20 * kGiB, 0.8);
    const PolicyHost b = host(QStringLiteral("kvm02"), 20 * kGiB, 0.6);
    // The big host could take both by itself; the small one only one.
    picture.hosts = { a, b, host(QStringLiteral("kvm03"), 7 * kGiB),
                      host(QStringLiteral("kvm04"), 4 * kGiB) };
    picture.vms
        = { vm(QStringLiteral("web-1"), a, 3 * kGiB), vm(QStringLiteral("web-2"), b, 3 * kGiB) };
    PolicyEngine policy = engine();
    const Evaluation e = policy.evaluate(picture);
    const Proposal *one = find(e, QStringLiteral("web-1"));
    const Proposal *two = find(e, QStringLiteral("web-2"));
    QVERIFY(one && two);
    QVERIFY(one->heldBy.isEmpty() && two->heldBy.isEmpty());
    QVERIFY(one->targetUri != two->targetUri);
    for (const Proposal *p : { one, two })
        QVERIFY(p->targetUri != a.uri && p->targetUri != b.uri);
    // The riskier host is emptied first, onto the better target.
    QCOMPARE(one->targetUri, picture.hosts.at(2).uri);
    QVERIFY(one->confidence > two->confidence);
}

void TestPolicy::maintenanceEmptiesTheHostAndTakesNothingNew()
{
    FleetPicture picture;
    picture.nowMs = kNow;
    PolicyHost serviced = host(QStringLiteral("kvm01"), 20 * kGiB);
    serviced.maintenance = true;
    // The emptiest host is in maintenance too: it takes nothing.
    PolicyHost alsoServiced = host(QStringLiteral("kvm02"), 60 * kGiB);
    alsoServiced.maintenance = true;
    const PolicyHost open = host(QStringLiteral("kvm03"), 20 * kGiB);
    picture.hosts = { serviced, alsoServiced, open };
    picture.vms = { vm(QStringLiteral("web-1"), serviced), vm(QStringLiteral("web-2"), serviced) };
    PolicyEngine policy = engine();
    const Evaluation e = policy.evaluate(picture);
    QCOMPARE(e.proposals.size(), 2);
    for (const Proposal &p : e.proposals) {
        QCOMPARE(p.trigger.rule, QStringLiteral("host-maintenance"));
        QCOMPARE(p.sourceUri, serviced.uri);
        QCOMPARE(p.targetUri, open.uri);
        QVERIFY2(p.evidence.first().contains(u"in maintenance"), qPrintable(p.evidence.first()));
    }
    // Out of maintenance, nothing is proposed any more.
    picture.hosts[0].maintenance = false;
    picture.nowMs += kMinute;
    QVERIFY(policy.evaluate(picture).proposals.isEmpty());

    // The shared ranking says why a serviced host is no target.
    Pools::Candidate candidate;
    candidate.hostUri = alsoServiced.uri;
    candidate.pool = general();
    candidate.headroom = alsoServiced.headroom;
    candidate.maintenance = true;
    Pools::PlacementQuery query;
    query.subject.what = Pools::Placing::Vm;
    query.demand = { 2 * kGiB, 2 };
    const QList<Pools::Ranking> ranked = Pools::rank(query, { candidate });
    QVERIFY(!ranked.first().eligible);
    QVERIFY2(ranked.first().refusal.contains(u"maintenance"), qPrintable(ranked.first().refusal));
}

void TestPolicy::wobblingForecastRaisesOneProposal()
{
    FleetPicture picture;
    picture.nowMs = kNow;
    PolicyHost busy = host(QStringLiteral("kvm01"), 20 * kGiB, 0.0, 14.6);
    picture.hosts = { busy, host(QStringLiteral("kvm02"), 20 * kGiB) };
    picture.vms = { vm(QStringLiteral("batch-1"), busy, 2 * kGiB, 5),
                    vm(QStringLiteral("web-1"), busy, 2 * kGiB, 1) };
    PolicyEngine policy = engine();
    // Peaks at 91 %, 88 %, 93 %, 86 %, … of 16 CPUs: around the 90 % threshold.
    const double wobble[] = { 14.6, 14.1, 14.9, 13.8, 14.5, 14.0, 14.7, 13.9, 14.4, 14.2 };
    QSet<qint64> raised;
    int withdrawn = 0;
    for (double peak : wobble) {
        picture.hosts[0].peakCpus = peak;
        picture.nowMs += kMinute;
        const Evaluation e = policy.evaluate(picture);
        withdrawn += e.withdrawn.size();
        QCOMPARE(e.proposals.size(), 1);
        const Proposal &p = e.proposals.first();
        QCOMPARE(p.subject, QStringLiteral("batch-1")); // the move that helps most
        QCOMPARE(p.trigger.rule, QStringLiteral("host-saturation"));
        QVERIFY(p.heldBy.isEmpty());
        QVERIFY(p.outcome.value(u"sourcePeakAfter").toDouble() < 0.65);
        raised.insert(p.raisedMs);
    }
    QCOMPARE(raised.size(), 1);
    QCOMPARE(withdrawn, 0);
    // Below the lower threshold it lets go, saying why.
    picture.hosts[0].peakCpus = 12.0;
    const Evaluation calm = policy.evaluate(picture);
    QVERIFY(calm.proposals.isEmpty());
    QCOMPARE(calm.withdrawn.size(), 1);
    QVERIFY2(calm.withdrawn.first().reason.contains(u"75 %"),
             qPrintable(calm.withdrawn.first().reason));
}

void TestPolicy::benefitCheckHoldsAMoveThatDoesNotHelp()
{
    FleetPicture picture;
    picture.nowMs = kNow;
    const PolicyHost busy = host(QStringLiteral("kvm01"), 20 * kGiB, 0.0, 15);
    // The only other host is nearly as busy: moving anything makes it the hot one.
    picture.hosts = { busy, host(QStringLiteral("kvm02"), 20 * kGiB, 0.0, 13) };
    picture.vms = { vm(QStringLiteral("batch-1"), busy, 2 * kGiB, 3) };
    PolicyEngine policy = engine(AutomationLevel::Automatic);
    const Evaluation e = policy.evaluate(picture);
    QCOMPARE(e.proposals.size(), 1);
    const Proposal &p = e.proposals.first();
    QVERIFY(!p.automatic);
    QVERIFY(!p.heldBy.isEmpty());
    QVERIFY2(p.heldBy.first().startsWith(u"Benefit check"), qPrintable(p.heldBy.first()));
}

void TestPolicy::cooldownAndNoReturnHoldAMove()
{
    FleetPicture picture;
    picture.nowMs = kNow;
    const PolicyHost sick = host(QStringLiteral("kvm01"), 20 * kGiB, 0.7);
    const PolicyHost left = host(QStringLiteral("kvm02"), 30 * kGiB);
    const PolicyHost other = host(QStringLiteral("kvm03"), 3 * kGiB);
    picture.hosts = { sick, left, other };
    PolicyVm web = vm(QStringLiteral("web-1"), sick);
    picture.vms = { web };
    // web-1 came from kvm02 ten minutes ago; kvm02's risk is what it was.
    picture.actions
        = { { web.uuid, left.uri, sick.uri, kNow - 15 * kMinute, kNow - 10 * kMinute, 0.0 } };
    PolicyEngine policy = engine();
    Evaluation e = policy.evaluate(picture);
    const Proposal *p = find(e, QStringLiteral("web-1"));
    QVERIFY(p);
    QCOMPARE(p->targetUri, other.uri); // not back, though kvm02 has more room
    QVERIFY(p->evidence.join(u'\n').contains(u"Not back to kvm02"));
    QCOMPARE(p->heldBy.size(), 1);
    QVERIFY2(p->heldBy.first().startsWith(u"Cooldown: web-1 moved 10 minutes ago"),
             qPrintable(p->heldBy.first()));

    // An hour later the cooldown is over; the way back opens once kvm02's
    // risk fell (a console that starts afresh: no earlier target to keep).
    picture.nowMs = kNow + 60 * kMinute;
    picture.actions.first().fromRisk = 0.3;
    picture.hosts[1].risk.risk = 0.0;
    PolicyEngine fresh = engine();
    e = fresh.evaluate(picture);
    p = find(e, QStringLiteral("web-1"));
    QVERIFY(p);
    QVERIFY(p->heldBy.isEmpty());
    QCOMPARE(p->targetUri, left.uri);
    QVERIFY(!p->evidence.join(u'\n').contains(u"Not back to"));
    // The engine that proposed kvm03 keeps it while kvm03 can take the VM.
    QCOMPARE(find(policy.evaluate(picture), QStringLiteral("web-1"))->targetUri, other.uri);
}

void TestPolicy::rejectedProposalStaysQuietForItsTime()
{
    FleetPicture picture;
    picture.nowMs = kNow;
    const PolicyHost sick = host(QStringLiteral("kvm01"), 20 * kGiB, 0.7);
    picture.hosts = { sick, host(QStringLiteral("kvm02"), 8 * kGiB) };
    picture.vms = { vm(QStringLiteral("web-1"), sick) };
    PolicyEngine policy = engine();
    const Proposal first = policy.evaluate(picture).proposals.value(0);
    QVERIFY(!first.subjectId.isEmpty());

    picture.quiet.insert(
        first.key(),
        { kNow + 4 * 60 * kMinute, QStringLiteral("rejected by operator:ana: rebuilding") });
    for (int minute = 1; minute < 4 * 60; minute += 30) {
        picture.nowMs = kNow + minute * kMinute;
        const Evaluation e = policy.evaluate(picture);
        QVERIFY(e.proposals.isEmpty());
        if (minute == 1) { // the pending one goes, with the operator's words
            QCOMPARE(e.withdrawn.size(), 1);
            QVERIFY(e.withdrawn.first().reason.contains(u"rebuilding"));
        }
    }
    picture.nowMs = kNow + 4 * 60 * kMinute + 1;
    QVERIFY(find(policy.evaluate(picture), QStringLiteral("web-1")));
}

void TestPolicy::limitsLetOneAutomaticMoveStartAtATime()
{
    FleetPicture picture;
    picture.nowMs = kNow;
    const PolicyHost sick = host(QStringLiteral("kvm01"), 20 * kGiB, 0.95);
    picture.hosts = { sick, host(QStringLiteral("kvm02"), 16 * kGiB),
                      host(QStringLiteral("kvm03"), 16 * kGiB) };
    picture.vms = { vm(QStringLiteral("web-1"), sick), vm(QStringLiteral("web-2"), sick),
                    vm(QStringLiteral("web-3"), sick) };
    PolicyEngine policy = engine(AutomationLevel::Automatic);
    Evaluation e = policy.evaluate(picture);
    QCOMPARE(e.proposals.size(), 3);
    int automatic = 0;
    for (const Proposal &p : e.proposals) {
        automatic += p.automatic;
        if (!p.automatic)
            QVERIFY2(p.heldBy.join(u' ').contains(u"Limit: kvm01 has 1 action(s) under way"),
                     qPrintable(p.heldBy.join(u' ')));
    }
    QCOMPARE(automatic, 1);

    // With one running and 12 in the last hour, the fleet's limits hold the rest.
    PolicyLimits limits;
    limits.maxConcurrentPerHost = 5;
    limits.maxHourlyPerHost = 100;
    policy.setLimits(limits);
    picture.actions.append({ QStringLiteral("other"),
                             picture.hosts[1].uri,
                             picture.hosts[2].uri,
                             kNow - kMinute,
                             0,
                             {} });
    for (int i = 0; i < 11; ++i)
        picture.actions.append({ QStringLiteral("old"),
                                 QStringLiteral("a"),
                                 QStringLiteral("b"),
                                 kNow - 30 * kMinute,
                                 kNow - 29 * kMinute,
                                 {} });
    e = policy.evaluate(picture);
    automatic = 0;
    for (const Proposal &p : e.proposals)
        automatic += p.automatic;
    QCOMPARE(automatic, 0);
    QVERIFY(e.proposals.first().heldBy.join(u' ').contains(u"in the fleet"));
}

void TestPolicy::automaticWaitsForMaintenanceWindowAndConfidence()
{
    FleetPicture picture;
    picture.nowMs = kNow; // Wednesday 10:00
    const PolicyHost sick = host(QStringLiteral("kvm01"), 20 * kGiB, 0.6);
    picture.hosts = { sick, host(QStringLiteral("kvm02"), 16 * kGiB) };
    picture.vms = { vm(QStringLiteral("web-1"), sick) };

    AutomationSettings automation;
    automation.fleetLevel = AutomationLevel::Automatic;
    automation.windows = { { 3, 9 * 60, 120 } }; // Wednesdays 09:00 for two hours
    PolicyEngine policy;
    policy.setAutomation(automation);
    Proposal p = policy.evaluate(picture).proposals.value(0);
    QVERIFY(!p.automatic);
    QVERIFY2(p.heldBy.value(0).startsWith(u"Maintenance window"), qPrintable(p.heldBy.value(0)));

    picture.nowMs = kNow + 2 * 60 * kMinute; // after the window
    p = policy.evaluate(picture).proposals.value(0);
    QVERIFY(p.automatic);
    QCOMPARE(p.confidence, 3);

    // A stricter threshold than the proposal is sure: it waits for an operator.
    automation.minConfidence = 4;
    policy.setAutomation(automation);
    p = policy.evaluate(picture).proposals.value(0);
    QVERIFY(!p.automatic);
    QVERIFY(p.heldBy.value(0).startsWith(u"Confidence 3 of 5"));
}

void TestPolicy::vmLevelOverridesPoolLevel()
{
    AutomationSettings automation;
    automation.fleetLevel = AutomationLevel::Manual;
    automation.poolLevels.insert(QStringLiteral("General"), AutomationLevel::Automatic);
    automation.vmLevels.insert(QStringLiteral("vm-a"), AutomationLevel::Off);
    QCOMPARE(automation.levelFor(QStringLiteral("vm-a"), QStringLiteral("General")),
             AutomationLevel::Off);
    QCOMPARE(automation.levelFor(QStringLiteral("vm-b"), QStringLiteral("General")),
             AutomationLevel::Automatic);
    QCOMPARE(automation.levelFor(QStringLiteral("vm-b"), QStringLiteral("Gold")),
             AutomationLevel::Manual);

    // Off means no proposal at all for that VM.
    FleetPicture picture;
    picture.nowMs = kNow;
    const PolicyHost sick = host(QStringLiteral("kvm01"), 20 * kGiB, 0.7);
    picture.hosts = { sick, host(QStringLiteral("kvm02"), 16 * kGiB) };
    PolicyVm quiet = vm(QStringLiteral("web-1"), sick);
    picture.vms = { quiet, vm(QStringLiteral("web-2"), sick) };
    automation.vmLevels = { { quiet.uuid, AutomationLevel::Off } };
    PolicyEngine policy;
    policy.setAutomation(automation);
    const Evaluation e = policy.evaluate(picture);
    QCOMPARE(e.proposals.size(), 1);
    QCOMPARE(e.proposals.first().subject, QStringLiteral("web-2"));
    QCOMPARE(e.proposals.first().level, AutomationLevel::Automatic);
}

void TestPolicy::flaggedVmGetsAShadowOnTheShadowPool()
{
    FleetPicture picture;
    picture.nowMs = kNow;
    const PolicyHost home = host(QStringLiteral("kvm01"), 20 * kGiB);
    PolicyHost spare = host(QStringLiteral("shadow01"), 0);
    spare.pool = { QStringLiteral("Shadows"), Pools::PoolKind::Shadow, {}, {} };
    Pools::Headroom reserved;
    reserved.usableKiB = 16 * kGiB;
    reserved.vcpuLimit = 32;
    spare.shadowHeadroom = reserved;
    picture.hosts = { home, host(QStringLiteral("kvm02"), 20 * kGiB), spare };
    PolicyVm sick = vm(QStringLiteral("db-1"), home);
    sick.health.score = 45;
    sick.health.breakdown
        = { { QStringLiteral("io-errors"), QStringLiteral("4 I/O errors in the last hour"), 20 },
            { QStringLiteral("anomaly"), QStringLiteral("Disk writes are anomalous"), 35 } };
    PolicyVm fine = vm(QStringLiteral("web-1"), home);
    PolicyVm covered = sick;
    covered.uuid = QStringLiteral("covered");
    covered.name = QStringLiteral("db-2");
    covered.hasShadow = true;
    picture.vms = { sick, fine, covered };

    PolicyEngine policy = engine();
    const Evaluation e = policy.evaluate(picture);
    QCOMPARE(e.proposals.size(), 1);
    const Proposal &p = e.proposals.first();
    QCOMPARE(p.kind, QStringLiteral("shadow.create"));
    QCOMPARE(p.subject, QStringLiteral("db-1"));
    QCOMPARE(p.targetUri, spare.uri);
    QCOMPARE(p.trigger.signal, QStringLiteral("health"));
    QVERIFY(p.evidence.join(u'\n').contains(u"4 I/O errors"));
    QVERIFY(p.heldBy.isEmpty());

    // Forecast past its own vCPUs raises one too, though its score is fine.
    PolicyVm hot = vm(QStringLiteral("api-1"), home, 2 * kGiB, 2.6);
    hot.vcpus = 2;
    picture.vms = { hot };
    const Evaluation over = engine().evaluate(picture);
    QCOMPARE(over.proposals.size(), 1);
    QCOMPARE(over.proposals.first().trigger.signal, QStringLiteral("vm-cpu-forecast"));

    // Just moved, its signals still settle: held by the cooldown.
    picture.actions = { { hot.uuid,
                          QStringLiteral("qemu+ssh://kvm09/system"),
                          home.uri,
                          kNow - 6 * kMinute,
                          kNow - 5 * kMinute,
                          {} } };
    const Evaluation settling = engine(AutomationLevel::Automatic).evaluate(picture);
    QCOMPARE(settling.proposals.size(), 1);
    QVERIFY(!settling.proposals.first().automatic);
    QVERIFY(settling.proposals.first().heldBy.value(0).startsWith(u"Cooldown: api-1 moved 5"));
}

void TestPolicy::withdrawalsSayWhy()
{
    FleetPicture picture;
    picture.nowMs = kNow;
    const PolicyHost sick = host(QStringLiteral("kvm01"), 20 * kGiB, 0.7);
    picture.hosts = { sick, host(QStringLiteral("kvm02"), 16 * kGiB) };
    picture.vms = { vm(QStringLiteral("web-1"), sick), vm(QStringLiteral("web-2"), sick) };
    PolicyEngine policy = engine();
    QCOMPARE(policy.evaluate(picture).proposals.size(), 2);

    // Between the thresholds nothing changes; a VM that went away withdraws.
    picture.hosts[0].risk.risk = 0.4;
    picture.vms.removeLast();
    Evaluation e = policy.evaluate(picture);
    QCOMPARE(e.proposals.size(), 1);
    QCOMPARE(e.withdrawn.size(), 1);
    QCOMPARE(e.withdrawn.first().reason, QStringLiteral("web-2 is gone."));

    // Below the lower threshold the evacuation is called off.
    picture.hosts[0].risk.risk = 0.3;
    e = policy.evaluate(picture);
    QVERIFY(e.proposals.isEmpty());
    QCOMPARE(e.withdrawn.size(), 1);
    QCOMPARE(e.withdrawn.first().reason,
             QStringLiteral("The failure risk of kvm01 fell to 30 %, below 35 %."));

    // A proposal nobody answers expires, and is raised again while it holds.
    picture.hosts[0].risk.risk = 0.7;
    const Proposal raised = policy.evaluate(picture).proposals.value(0);
    picture.nowMs = raised.expiresMs;
    e = policy.evaluate(picture);
    QCOMPARE(e.withdrawn.size(), 1);
    QVERIFY(e.withdrawn.first().reason.startsWith(u"Expired"));
    QCOMPARE(e.proposals.value(0).raisedMs, picture.nowMs);
}

void TestPolicy::maintenanceWindowRunsPastMidnight()
{
    const MaintenanceWindow saturdayNight{ 6, 23 * 60, 180 }; // Saturday 23:00 for 3 hours
    auto at = [](int day, int hour) {
        return QDateTime(QDate(2026, 11, 30).addDays(day - 1), QTime(hour, 30)); // 30 Nov: Monday
    };
    QVERIFY(!saturdayNight.contains(at(6, 22)));
    QVERIFY(saturdayNight.contains(at(6, 23)));
    QVERIFY(saturdayNight.contains(at(7, 1)));
    QVERIFY(!saturdayNight.contains(at(7, 2)));
    const MaintenanceWindow sundayNight{ 7, 23 * 60, 120 };
    QVERIFY(sundayNight.contains(at(1, 0).addDays(7)));
}

void TestPolicy::settingsAndProposalsSurviveTheDatabase()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("umbra.db"));
    AutomationSettings settings;
    settings.fleetLevel = AutomationLevel::Manual;
    settings.poolLevels.insert(QStringLiteral("General"), AutomationLevel::Automatic);
    settings.vmLevels.insert(QStringLiteral("vm-a"), AutomationLevel::Off);
    settings.minConfidence = 4;
    settings.windows = { { 6, 120, 240 } };
    settings.trustSharedStorage = true;
    {
        auto plans = Jobs::PlanStore::open(path, QStringLiteral("create")); // creates the schema
        QVERIFY(plans);
    }
    QVERIFY(settings.save(path));
    auto loaded = AutomationSettings::load(path);
    QVERIFY2(loaded, qPrintable(loaded.error()));
    QCOMPARE(loaded.value(), settings);

    // A damaged row is said so, not silently taken for the defaults.
    {
        auto db = Database::open(path, QStringLiteral("damage"));
        QVERIFY(db);
        QVERIFY(db.value()->exec(
            QStringLiteral("UPDATE policy_settings SET value = '{\"fleet\": \"automatic\"' ")));
    }
    auto damaged = AutomationSettings::load(path);
    QVERIFY(!damaged);
    QVERIFY2(damaged.error().contains(u"unreadable"), qPrintable(damaged.error()));
    QVERIFY(settings.save(path));

    // A proposal is the plan's policy part; a withdrawal keeps its reason.
    FleetPicture picture;
    picture.nowMs = kNow;
    const PolicyHost sick = host(QStringLiteral("kvm01"), 20 * kGiB, 0.7);
    picture.hosts = { sick, host(QStringLiteral("kvm02"), 16 * kGiB) };
    picture.vms = { vm(QStringLiteral("web-1"), sick) };
    PolicyEngine policy = engine();
    const Proposal proposal = policy.evaluate(picture).proposals.value(0);
    QCOMPARE(Proposal::fromJson(proposal.toJson()).toJson(), proposal.toJson());

    auto plans = Jobs::PlanStore::open(path, QStringLiteral("plans"));
    QVERIFY(plans);
    Jobs::Plan plan;
    plan.kind = proposal.kind;
    plan.subject = proposal.subject;
    plan.subjectId = proposal.subjectId;
    plan.summary = proposal.summary();
    plan.policy = proposal.toJson();
    auto id = plans.value()->propose(plan);
    QVERIFY(id);
    QVERIFY(plans.value()->withdraw(id.value(), QStringLiteral("web-1 is gone.")));
    QVERIFY(!plans.value()->decide(id.value(), true, QStringLiteral("operator")));
    auto stored = plans.value()->plan(id.value());
    QVERIFY(stored);
    QCOMPARE(stored->state, Jobs::PlanState::Withdrawn);
    QCOMPARE(stored->note, QStringLiteral("web-1 is gone."));
    QCOMPARE(Proposal::fromJson(stored->policy).trigger.sentence, proposal.trigger.sentence);

    // A restarted engine takes its pending proposals back: no new raise.
    PolicyEngine restarted = engine();
    restarted.restore({ proposal });
    const Evaluation again = restarted.evaluate(picture);
    QVERIFY(again.withdrawn.isEmpty());
    QCOMPARE(again.proposals.value(0).raisedMs, proposal.raisedMs);
}

void TestPolicy::busyServerShiftsAShareOfItsTrafficToAPeer()
{
    FleetPicture picture;
    picture.nowMs = kNow;
    const PolicyHost a = host(QStringLiteral("kvm01"), 8 * kGiB);
    const PolicyHost b = host(QStringLiteral("kvm02"), 8 * kGiB);
    picture.hosts = { a, b };
    PolicyVm busy = vm(QStringLiteral("web-1"), a, 2 * kGiB, 7.6); // 95 % of 8 vCPUs
    // web-1 is also the only server of a backend of its own: no peer there.
    busy.servers = { server(QStringLiteral("web-1-only"), QStringLiteral("web01")),
                     server(QStringLiteral("web"), QStringLiteral("web01")) };
    PolicyVm peer = vm(QStringLiteral("web-2"), b, 2 * kGiB, 2);
    peer.servers = { server(QStringLiteral("web"), QStringLiteral("web02")) };
    PolicyVm other = vm(QStringLiteral("api-1"), b, 2 * kGiB, 0.5); // another backend
    other.servers = { server(QStringLiteral("api"), QStringLiteral("api01")) };
    picture.vms = { busy, peer, other };

    PolicyEngine policy = engine();
    Evaluation e = policy.evaluate(picture);
    const Proposal *shift = find(e, busy.name, QStringLiteral("traffic.shift"));
    QVERIFY(shift);
    QCOMPARE(shift->trigger.rule, QStringLiteral("vm-traffic"));
    QCOMPARE(shift->action.value(u"to").toString(), QStringLiteral("web02"));
    QCOMPARE(shift->action.value(u"backend").toString(), QStringLiteral("web"));
    // 25 % brings 95 % under the 75 % it lets go at; web-2 takes 1.9 CPUs.
    QCOMPARE(shift->action.value(u"percent").toDouble(), 25.0);
    QCOMPARE(shift->outcome.value(u"targetPeakAfter").toDouble(), (2 + 1.9) / 8);
    QVERIFY(shift->heldBy.isEmpty());
    QCOMPARE(shift->summary(), QStringLiteral("Shift 25 % of web01's traffic to web02"));
    QVERIFY(!find(e, other.name, QStringLiteral("traffic.shift")));
    const qint64 raised = shift->raisedMs;
    // Were web-2 as busy at the same time, its own shift would wait for
    // web-1's: two at once in one backend undo each other's weights.
    {
        FleetPicture both = picture;
        both.vms[1].peakCpus = 7.6;
        PolicyEngine fresh = engine();
        const Evaluation twice = fresh.evaluate(both);
        const Proposal *second = find(twice, peer.name, QStringLiteral("traffic.shift"));
        QVERIFY(second);
        QVERIFY2(second->heldBy.join(u'|').contains(u"One shift at a time in backend web"),
                 qPrintable(second->heldBy.join(u'|')));
    }

    // Easing to 80 % it holds, and the share it asked for does not shrink.
    picture.vms[0].peakCpus = 6.4;
    picture.nowMs += 5 * kMinute;
    e = policy.evaluate(picture);
    shift = find(e, busy.name, QStringLiteral("traffic.shift"));
    QVERIFY(shift);
    QCOMPARE(shift->action.value(u"percent").toDouble(), 25.0);
    QCOMPARE(shift->raisedMs, raised);
    QVERIFY(e.withdrawn.isEmpty());

    // Below 75 % it withdraws, saying why.
    picture.vms[0].peakCpus = 5.6;
    picture.nowMs += 5 * kMinute;
    e = policy.evaluate(picture);
    QVERIFY(!find(e, busy.name, QStringLiteral("traffic.shift")));
    QCOMPARE(e.withdrawn.size(), 1);
    QVERIFY2(e.withdrawn.first().reason.contains(u"70 %"), qPrintable(e.withdrawn.first().reason));

    // A peer without room is named on a held proposal; a peer that is down
    // is no peer at all.
    picture.vms[0].peakCpus = 7.6;
    picture.vms[1].peakCpus = 6;
    e = policy.evaluate(picture);
    shift = find(e, busy.name, QStringLiteral("traffic.shift"));
    QVERIFY(shift);
    QVERIFY(!shift->automatic);
    QVERIFY2(shift->heldBy.value(0).startsWith(u"No peer has room"),
             qPrintable(shift->heldBy.join(u'|')));
    // The peer that just took web-1's requests does not shed them back
    // during the cooldown, even when it is as busy.
    {
        FleetPicture after = picture;
        after.vms[0].peakCpus = 7.6;
        after.vms[1].peakCpus = 7.6;
        after.vms[0].servers[1].up = true;
        PolicyAction shifted;
        shifted.vmUuid = busy.uuid;
        shifted.fromUri = a.uri;
        shifted.toUri = b.uri;
        shifted.startedMs = after.nowMs - 4 * kMinute;
        shifted.finishedMs = after.nowMs - 3 * kMinute;
        shifted.moves = false;
        shifted.peerVmUuid = peer.uuid;
        after.actions = { shifted };
        PolicyEngine fresh = engine(AutomationLevel::Automatic);
        const Evaluation back = fresh.evaluate(after);
        const Proposal *shedBack = find(back, peer.name, QStringLiteral("traffic.shift"));
        QVERIFY(shedBack);
        QVERIFY(!shedBack->automatic);
        QVERIFY2(shedBack->heldBy.join(u'|').contains(u"took over requests 3 minutes ago"),
                 qPrintable(shedBack->heldBy.join(u'|')));
    }
    picture.vms[1].servers[0].up = false;
    e = policy.evaluate(picture);
    QVERIFY(!find(e, busy.name, QStringLiteral("traffic.shift")));
}

void TestPolicy::shadowSizeFollowsItsPrimarysForecast()
{
    FleetPicture picture;
    picture.nowMs = kNow;
    const PolicyHost primaryHost = host(QStringLiteral("kvm01"), 8 * kGiB);
    PolicyHost standbyHost = host(QStringLiteral("shadow01"), 8 * kGiB);
    Pools::Headroom room;
    room.usableKiB = 8 * kGiB;
    room.vcpuLimit = 16;
    standbyHost.shadowHeadroom = room;
    picture.hosts = { primaryHost, standbyHost };
    PolicyVm db = vm(QStringLiteral("db-1"), primaryHost, 4 * kGiB, 3.0);
    db.hasShadow = true;
    db.shadow = shadowOn(standbyHost, 2);
    picture.vms = { db };

    // 3 CPUs at the peak with 25 % headroom: 4 vCPUs, not 2.
    PolicyEngine policy = engine(AutomationLevel::Automatic);
    Evaluation e = policy.evaluate(picture);
    const Proposal *grow = find(e, db.name, QStringLiteral("shadow.scale"));
    QVERIFY(grow);
    QCOMPARE(grow->targetUri, standbyHost.uri);
    QCOMPARE(grow->action.value(u"vcpus").toInt(), 4);
    QCOMPARE(grow->action.value(u"vcpusBefore").toInt(), 2);
    QCOMPARE(grow->outcome.value(u"targetVcpuSlotsLeft").toInt(), 14);
    QVERIFY(grow->automatic);
    QCOMPARE(grow->summary(), QStringLiteral("Size the shadow of db-1 to 4 vCPUs (now 2)"));

    // Once it has 4, a forecast wobbling between 2.7 and 3.2 CPUs changes
    // nothing: it grows above 4 × 0.8 and shrinks only below 3 / 1.5.
    picture.vms[0].shadow->vcpus = 4;
    for (double peak : { 2.7, 3.2, 2.9, 3.1 }) {
        picture.vms[0].peakCpus = peak;
        picture.nowMs += 5 * kMinute;
        e = policy.evaluate(picture);
        QVERIFY2(!find(e, db.name, QStringLiteral("shadow.scale")),
                 qPrintable(QString::number(peak)));
    }
    // A quiet primary: down to 2.
    picture.vms[0].peakCpus = 1.0;
    e = policy.evaluate(picture);
    const Proposal *shrink = find(e, db.name, QStringLiteral("shadow.scale"));
    QVERIFY(shrink);
    QCOMPARE(shrink->action.value(u"vcpus").toInt(), 2);
    QVERIFY(shrink->cost.contains(u"frees 2"));

    // Growing past what the shadow host has left is held, saying so.
    picture.vms[0].peakCpus = 7.5;
    picture.hosts[1].shadowHeadroom->allocatedVcpus = 14;
    e = policy.evaluate(picture);
    grow = find(e, db.name, QStringLiteral("shadow.scale"));
    QVERIFY(grow);
    QCOMPARE(grow->action.value(u"vcpus").toInt(), 8);
    QVERIFY(!grow->automatic);
    QVERIFY2(grow->heldBy.value(0).contains(u"2 vCPU slots left"),
             qPrintable(grow->heldBy.join(u'|')));

    // A shadow not in sync is not resized.
    picture.vms[0].shadow->inSync = false;
    e = policy.evaluate(picture);
    QVERIFY(!find(e, db.name, QStringLiteral("shadow.scale")));
}

void TestPolicy::lostHostFailsOverToItsShadow()
{
    FleetPicture picture;
    picture.nowMs = kNow;
    PolicyHost lost = host(QStringLiteral("kvm01"), 8 * kGiB);
    const PolicyHost standbyHost = host(QStringLiteral("shadow01"), 8 * kGiB);
    lost.reachable = false;
    lost.unreachableSinceMs = kNow - 30 * 1000;
    picture.hosts = { lost, standbyHost, host(QStringLiteral("kvm02"), 8 * kGiB) };
    PolicyVm db = vm(QStringLiteral("db-1"), lost);
    db.hasShadow = true;
    db.shadow = shadowOn(standbyHost, 2); // sized to its forecast peak of 1 CPU
    PolicyVm plain = vm(QStringLiteral("web-1"), lost);
    picture.vms = { db, plain };

    // 30 s is a blip: nothing yet, and nothing migrates off a host that
    // does not answer.
    PolicyEngine policy = engine(AutomationLevel::Automatic);
    Evaluation e = policy.evaluate(picture);
    QVERIFY(e.proposals.isEmpty());

    picture.nowMs = kNow + 60 * 1000;
    e = policy.evaluate(picture);
    QCOMPARE(e.proposals.size(), 1);
    const Proposal &failover = e.proposals.first();
    QCOMPARE(failover.kind, QStringLiteral("shadow.failover"));
    QCOMPARE(failover.subject, db.name);
    QCOMPARE(failover.targetUri, standbyHost.uri);
    QCOMPARE(failover.trigger.value, 90.0);
    QCOMPARE(failover.outcome.value(u"rpoWrites").toInt(), 0);
    QCOMPARE(failover.confidence, 4); // never validated
    QVERIFY(failover.automatic);
    QVERIFY(failover.evidence.join(u' ').contains(u"not been validated"));

    // A validated shadow: surer. Cooldowns and limits do not hold it back.
    picture.vms[0].shadow->validatedMs = kNow - 3600 * 1000;
    picture.vms[0].shadow->validationPassed = true;
    picture.actions.append(
        { db.uuid, standbyHost.uri, lost.uri, kNow - 10 * kMinute, kNow - 9 * kMinute, 0.0 });
    e = policy.evaluate(picture);
    QCOMPARE(e.proposals.value(0).confidence, 5);
    QVERIFY(e.proposals.value(0).automatic);

    // The host answers again: withdrawn, saying so.
    picture.hosts[0].reachable = true;
    picture.hosts[0].unreachableSinceMs = 0;
    e = policy.evaluate(picture);
    QVERIFY(e.proposals.isEmpty());
    QCOMPARE(e.withdrawn.size(), 1);
    QCOMPARE(e.withdrawn.first().reason, QStringLiteral("kvm01 is reachable again."));

    // A shadow that is not in sync is not failed over to.
    picture.hosts[0].reachable = false;
    picture.hosts[0].unreachableSinceMs = kNow - 10 * kMinute;
    picture.vms[0].shadow->inSync = false;
    e = policy.evaluate(picture);
    QVERIFY(e.proposals.isEmpty());
}

// Two hosts of 8 CPUs; on the first a steady VM and one that jumps every
// afternoon, together past the host's CPUs. After two days to learn on, the
// policy moves one of them to the second host before the third afternoon;
// the reactive rule only once the host is over 90 %.
void TestPolicy::replayMovesAheadOfADailyPeak()
{
    constexpr int kDay = 288;
    Policy::ReplayFleet f;
    // A third, empty host is the shadow pool: the emptiest, and no place
    // for a VM to move to.
    f.hostNames = { QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("standby") };
    f.hostCpus = { 8, 8, 16 };
    f.hostPools
        = { general(), general(), { QStringLiteral("shadows"), Pools::PoolKind::Shadow, {}, {} } };
    f.vmNames = { QStringLiteral("steady"), QStringLiteral("afternoon"), QStringLiteral("quiet") };
    f.vmVcpus = { 4, 6, 4 };
    f.startHost = { 0, 0, 1 };
    f.startMs = QDateTime(QDate(2026, 11, 30), QTime(0, 0)).toMSecsSinceEpoch();
    f.warmSteps = 2 * kDay;
    f.demand.resize(3);
    for (int step = 0; step < 3 * kDay; ++step) {
        const int minute = (step % kDay) * 5;
        const bool afternoon = minute >= 12 * 60 && minute < 16 * 60;
        f.demand[0].push_back(3.5);
        f.demand[1].push_back(afternoon ? 5.0 : 0.5);
        f.demand[2].push_back(1.0);
    }
    const ReplayResult none = replayNone(f);
    QCOMPARE(none.overloadMinutes, 240.0); // 8.5 of 8 CPUs all afternoon
    const ReplayResult reactive = replayReactive(f);
    QVERIFY(reactive.moves >= 1);
    for (const ReplayMove &m : reactive.moveList)
        QCOMPARE(m.to, 1);
    const ReplayResult umbra = replayPolicy(f);
    QVERIFY2(umbra.moves >= 1, qPrintable(QString::number(umbra.proposals)));
    QCOMPARE(umbra.pingPong, 0);
    QVERIFY2(
        umbra.overloadMinutes < reactive.overloadMinutes,
        qPrintable(
            QStringLiteral("%1 vs %2").arg(umbra.overloadMinutes).arg(reactive.overloadMinutes)));
    const ReplayMove &first = umbra.moveList.first();
    qInfo("umbra: %d moves, first %s at %s, %.0f overload min; reactive: %d moves, %.0f min",
          umbra.moves, qPrintable(f.vmNames.value(first.vm)),
          qPrintable(QDateTime::fromMSecsSinceEpoch(first.atMs).toString(u"ddd HH:mm")),
          umbra.overloadMinutes, reactive.moves, reactive.overloadMinutes);
    QCOMPARE(first.from, 0);
    QCOMPARE(first.to, 1);
    for (const ReplayMove &m : umbra.moveList)
        QCOMPARE(m.to, 1);
    QVERIFY(first.right);
    QVERIFY(first.atMs < f.startMs + (2 * kDay + 12 * 12) * f.stepMs); // before 12:00
    QVERIFY(!first.why.isEmpty());
}

QTEST_GUILESS_MAIN(TestPolicy)
#include "tst_policy.moc"
