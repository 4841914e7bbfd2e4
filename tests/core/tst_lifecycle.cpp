// A VM's everyday actions: which a state allows, each carried out through
// libvirt's test driver and checked there, refusals that change nothing,
// the plans and audit entries they leave, and how a VM's screen is opened.

#include "engine/fleetservice.h"
#include "engine/lifecycleservice.h"
#include "jobs/audittrail.h"
#include "jobs/planstore.h"
#include "lifecycle/consolecommand.h"
#include "lifecycle/vmaction.h"
#include "lifecycle/vmactionrunner.h"
#include "store/database.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <libvirt/libvirt.h>

using namespace Umbra;
using namespace Umbra::Lifecycle;

namespace {

// test:///default is one fleet shared by every connection of the process,
// so a second connection sees what an action did.
const QString kTestUri = QStringLiteral("test:///default");

struct Probe
{
    virConnectPtr connection = virConnectOpen("test:///default");
    ~Probe() { virConnectClose(connection); }

    virDomainPtr domain() const { return virDomainLookupByName(connection, "test"); }
    VmState state() const
    {
        virDomainPtr d = domain();
        int state = 0;
        int reason = 0;
        virDomainGetState(d, &state, &reason, 0);
        virDomainFree(d);
        return vmStateFromLibvirt(state);
    }
    bool autostart() const
    {
        virDomainPtr d = domain();
        int on = 0;
        virDomainGetAutostart(d, &on);
        virDomainFree(d);
        return on != 0;
    }
    QString uuid() const
    {
        virDomainPtr d = domain();
        char text[VIR_UUID_STRING_BUFLEN] = {};
        virDomainGetUUIDString(d, text);
        virDomainFree(d);
        return QString::fromLatin1(text);
    }
};

} // namespace

class LifecycleTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void statesOfferExactlyTheirActions();
    void keysRoundTrip();
    void eachActionChangesTheDomain_data();
    void eachActionChangesTheDomain();
    void refusalChangesNothing();
    void unreachableHostSaysWhy();
    void serviceAuditsEveryAction();
    void busyVmRefusesASecondAction();
    void interruptedPlanIsClosedAtStart();
    void consoleCommandFollowsTheDefinition();
    void missingViewerNamesThePackage();

private:
    VmTarget target() const
    {
        return {
            kTestUri,        m_probe.uuid(),     QStringLiteral("test"), QStringLiteral("default"),
            m_probe.state(), m_probe.autostart()
        };
    }
    void bringTo(VmState state);

    Probe m_probe;
    QTemporaryDir m_dir;
};

void LifecycleTest::initTestCase()
{
    QVERIFY(m_probe.connection);
    QVERIFY(m_dir.isValid());
    QCOMPARE(m_probe.state(), VmState::Running);
}

void LifecycleTest::bringTo(VmState state)
{
    virDomainPtr d = m_probe.domain();
    const VmState now = m_probe.state();
    if (now == VmState::Paused && state != VmState::Paused)
        virDomainResume(d);
    if (state == VmState::ShutOff && vmStateIsActive(m_probe.state()))
        virDomainDestroy(d);
    if (state != VmState::ShutOff && !vmStateIsActive(m_probe.state()))
        virDomainCreate(d);
    if (state == VmState::Paused && m_probe.state() != VmState::Paused)
        virDomainSuspend(d);
    virDomainFree(d);
    QCOMPARE(m_probe.state(), state);
}

void LifecycleTest::statesOfferExactlyTheirActions()
{
    using A = VmAction;
    QCOMPARE(allowedVmActions(VmState::ShutOff, false), (QList<A>{ A::Start, A::AutostartOn }));
    QCOMPARE(
        allowedVmActions(VmState::Running, true),
        (QList<A>{ A::Shutdown, A::Reboot, A::Pause, A::ForceOff, A::Reset, A::AutostartOff }));
    QCOMPARE(allowedVmActions(VmState::Paused, false),
             (QList<A>{ A::Resume, A::ForceOff, A::Reset, A::AutostartOn }));
    QCOMPARE(allowedVmActions(VmState::ShuttingDown, false),
             (QList<A>{ A::ForceOff, A::AutostartOn }));
    QVERIFY(!vmActionAllowed(A::Start, VmState::Running, false));
    QVERIFY(!vmActionAllowed(A::Pause, VmState::ShutOff, false));
    QVERIFY(vmActionIsDestructive(A::ForceOff) && vmActionIsDestructive(A::Reset));
    QVERIFY(!vmActionIsDestructive(A::Shutdown));
    QVERIFY(vmActionLoss(A::ForceOff, QStringLiteral("web03")).contains(QLatin1String("web03")));
    QVERIFY(vmActionLoss(A::Pause, QStringLiteral("web03")).isEmpty());
}

void LifecycleTest::keysRoundTrip()
{
    for (VmAction a : { VmAction::Start, VmAction::Shutdown, VmAction::Reboot, VmAction::ForceOff,
                        VmAction::Reset, VmAction::Pause, VmAction::Resume, VmAction::AutostartOn,
                        VmAction::AutostartOff }) {
        VmAction back = VmAction::Start;
        QVERIFY(vmActionFromKey(vmActionKey(a), &back));
        QCOMPARE(back, a);
        QVERIFY(vmActionPlanKind(a).startsWith(QLatin1String("vm.")));
        QVERIFY(!vmActionLabel(a).isEmpty());
    }
    VmAction unused = VmAction::Start;
    QVERIFY(!vmActionFromKey(QStringLiteral("explode"), &unused));
}

void LifecycleTest::eachActionChangesTheDomain_data()
{
    QTest::addColumn<VmState>("from");
    QTest::addColumn<VmAction>("action");
    QTest::addColumn<VmState>("to");
    QTest::newRow("start") << VmState::ShutOff << VmAction::Start << VmState::Running;
    QTest::newRow("shutdown") << VmState::Running << VmAction::Shutdown << VmState::ShutOff;
    QTest::newRow("reboot") << VmState::Running << VmAction::Reboot << VmState::Running;
    QTest::newRow("force-off") << VmState::Running << VmAction::ForceOff << VmState::ShutOff;
    QTest::newRow("reset") << VmState::Running << VmAction::Reset << VmState::Running;
    QTest::newRow("pause") << VmState::Running << VmAction::Pause << VmState::Paused;
    QTest::newRow("resume") << VmState::Paused << VmAction::Resume << VmState::Running;
}

void LifecycleTest::eachActionChangesTheDomain()
{
    QFETCH(VmState, from);
    QFETCH(VmAction, action);
    QFETCH(VmState, to);
    bringTo(from);
    const VmActionResult result = runVmAction(target(), action, { 2000, 20 });
    QVERIFY2(result.outcome == Jobs::Outcome::Completed, qPrintable(result.message));
    QCOMPARE(result.stateAfter, to);
    QCOMPARE(m_probe.state(), to);
    QVERIFY(result.message.contains(QLatin1String("test")));
    bringTo(VmState::Running);
}

void LifecycleTest::refusalChangesNothing()
{
    bringTo(VmState::Running);
    // The menu was built when the VM was off; it has started since.
    VmTarget stale = target();
    stale.state = VmState::ShutOff;
    const VmActionResult result = runVmAction(stale, VmAction::Start);
    QCOMPARE(result.outcome, Jobs::Outcome::Failed);
    QVERIFY2(result.message.contains(QLatin1String("running")), qPrintable(result.message));
    QVERIFY(result.message.contains(QLatin1String("nothing was done")));
    QCOMPARE(m_probe.state(), VmState::Running);

    // Autostart is read where it is, too: set twice is refused the second time.
    QVERIFY(!m_probe.autostart());
    QCOMPARE(runVmAction(target(), VmAction::AutostartOn).outcome, Jobs::Outcome::Completed);
    QVERIFY(m_probe.autostart());
    QCOMPARE(runVmAction(stale, VmAction::AutostartOn).outcome, Jobs::Outcome::Failed);
    QCOMPARE(runVmAction(target(), VmAction::AutostartOff).outcome, Jobs::Outcome::Completed);
    QVERIFY(!m_probe.autostart());

    VmTarget gone = target();
    gone.uuid = QStringLiteral("00000000-0000-0000-0000-0000000000aa");
    const VmActionResult missing = runVmAction(gone, VmAction::Pause);
    QCOMPARE(missing.outcome, Jobs::Outcome::Failed);
    QVERIFY2(missing.message.contains(QLatin1String("no longer on")), qPrintable(missing.message));
}

void LifecycleTest::unreachableHostSaysWhy()
{
    VmTarget far = target();
    far.uri = QStringLiteral("qemu+tcp://127.0.0.1:1/system");
    far.hostName = QStringLiteral("127.0.0.1");
    const VmActionResult result = runVmAction(far, VmAction::Shutdown);
    QCOMPARE(result.outcome, Jobs::Outcome::Failed);
    QVERIFY2(result.message.startsWith(QLatin1String("Cannot reach 127.0.0.1: ")),
             qPrintable(result.message));
    QCOMPARE(m_probe.state(), VmState::Running);
}

void LifecycleTest::serviceAuditsEveryAction()
{
    bringTo(VmState::Running);
    const QString path = m_dir.filePath(QStringLiteral("audit.db"));
    FleetService fleet;
    LifecycleService service(&fleet);
    service.open(path);
    QSignalSpy finished(&service, &LifecycleService::finished);
    service.run({ target() }, VmAction::Pause);
    QVERIFY(service.isBusy(target().uuid));
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 10000);
    const auto record = finished.first().first().value<VmActionRecord>();
    QVERIFY2(record.outcome == Jobs::Outcome::Completed, qPrintable(record.message));
    QCOMPARE(record.stateAfter, VmState::Paused);
    QVERIFY(record.planId > 0);
    QVERIFY(!service.isBusy(target().uuid));
    QCOMPARE(m_probe.state(), VmState::Paused);

    auto plans = Jobs::PlanStore::open(path, QStringLiteral("check-plans"));
    QVERIFY(plans.ok());
    auto plan = plans.value()->plan(record.planId);
    QVERIFY(plan.ok());
    QCOMPARE(plan->kind, QStringLiteral("vm.pause"));
    QCOMPARE(plan->subjectId, target().uuid);
    QCOMPARE(plan->state, Jobs::PlanState::Executed);
    QCOMPARE(plan->decidedBy, QStringLiteral("operator"));
    QVERIFY2(plan->note.contains(Jobs::outcomeLabel(Jobs::Outcome::Completed)),
             qPrintable(plan->note));

    auto db = Database::open(path, QStringLiteral("check-audit"));
    QVERIFY(db.ok());
    Jobs::AuditTrail::Filter filter;
    filter.kind = QStringLiteral("vm.pause");
    auto entries = Jobs::AuditTrail::read(db.value()->sql(), filter);
    QVERIFY(entries.ok());
    QStringList actions;
    for (const Jobs::AuditRecord &e : entries.value())
        actions.append(e.action);
    QCOMPARE(actions,
             (QStringList{ QStringLiteral("proposed"), QStringLiteral("approved"),
                           QStringLiteral("executing"), QStringLiteral("executed") }));
    QVERIFY(entries->at(1).actor.startsWith(QLatin1String("operator:")));
    QVERIFY2(entries->last().detail.contains(QLatin1String("paused")),
             qPrintable(entries->last().detail));
    QVERIFY(Jobs::AuditTrail::verify(db.value()->sql()).value().intact());

    // A refusal is audited as well, with libvirt's reason.
    VmTarget stale = target();
    stale.state = VmState::Running;
    service.run({ stale }, VmAction::Pause);
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 2, 10000);
    const auto refused = finished.last().first().value<VmActionRecord>();
    QCOMPARE(refused.outcome, Jobs::Outcome::Failed);
    QVERIFY(plans.value()->plan(refused.planId)->note.contains(QLatin1String("nothing was done")));
    bringTo(VmState::Running);
}

void LifecycleTest::busyVmRefusesASecondAction()
{
    bringTo(VmState::Running);
    FleetService fleet;
    LifecycleService service(&fleet);
    service.open(m_dir.filePath(QStringLiteral("busy.db")));
    QSignalSpy finished(&service, &LifecycleService::finished);
    service.run({ target() }, VmAction::Pause);
    service.run({ target() }, VmAction::ForceOff);
    // The second is answered at once, without a plan; the first goes on.
    QCOMPARE(finished.count(), 1);
    const auto second = finished.first().first().value<VmActionRecord>();
    QCOMPARE(second.action, VmAction::ForceOff);
    QCOMPARE(second.planId, 0);
    QVERIFY(second.message.contains(QLatin1String("still under way")));
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 2, 10000);
    QCOMPARE(m_probe.state(), VmState::Paused);
    bringTo(VmState::Running);
}

void LifecycleTest::interruptedPlanIsClosedAtStart()
{
    const QString path = m_dir.filePath(QStringLiteral("interrupted.db"));
    qint64 orphan = 0;
    qint64 young = 0;
    {
        auto plans = Jobs::PlanStore::open(path, QStringLiteral("orphan"));
        QVERIFY(plans.ok());
        for (qint64 *id : { &orphan, &young }) {
            Jobs::Plan plan;
            plan.kind = QStringLiteral("vm.shutdown");
            plan.subject = QStringLiteral("test");
            plan.summary = QStringLiteral("Shut down test on default");
            *id = plans.value()->propose(plan).value();
            QVERIFY(plans.value()->decide(*id, true, QStringLiteral("operator")).ok());
            QVERIFY(plans.value()->startExecution(*id, 0).ok());
        }
        // The orphan was decided by a console long gone.
        auto db = Database::open(path, QStringLiteral("backdate"));
        QVERIFY(db.ok());
        QVERIFY(db.value()
                    ->exec(QStringLiteral("UPDATE plans SET decided_ms = decided_ms - %1 WHERE "
                                          "id = %2")
                               .arg(LifecycleService::kInterruptedAfterMs + 1000)
                               .arg(orphan))
                    .ok());
    }
    FleetService fleet;
    LifecycleService service(&fleet);
    QSignalSpy reported(&service, &LifecycleService::reported);
    service.open(path);
    QTRY_COMPARE_WITH_TIMEOUT(reported.count(), 1, 10000);
    QVERIFY(reported.first().first().toString().contains(QLatin1String("Interrupted")));
    auto plans = Jobs::PlanStore::open(path, QStringLiteral("after"));
    QCOMPARE(plans.value()->plan(orphan)->state, Jobs::PlanState::Executed);
    QCOMPARE(plans.value()->plan(young)->state, Jobs::PlanState::Executing);
}

void LifecycleTest::consoleCommandFollowsTheDefinition()
{
    VmTarget vm{ QStringLiteral("qemu+ssh://kvm01/system"),
                 QStringLiteral("6695eb01-f6a4-8304-79aa-97f2502e193f"),
                 QStringLiteral("web03"),
                 QStringLiteral("kvm01"),
                 VmState::Running,
                 false };
    const QString spice
        = QStringLiteral("<domain type='kvm'><name>web03</name><devices><serial type='pty'/>"
                         "<graphics type='spice' autoport='yes'/></devices></domain>");
    ConsoleCommand viewer = consoleCommandFromXml(vm, spice);
    QVERIFY2(viewer.problem.isEmpty(), qPrintable(viewer.problem));
    QCOMPARE(viewer.program, QStringLiteral("virt-viewer"));
    QCOMPARE(
        viewer.arguments,
        (QStringList{ QStringLiteral("--connect"), vm.uri, QStringLiteral("--uuid"), vm.uuid }));
    QCOMPARE(viewer.package, QStringLiteral("virt-viewer"));
    QVERIFY(!viewer.serial);

    const QString serialOnly = QStringLiteral(
        "<domain><devices><console type='pty'><target type='serial'/></console></devices>"
        "</domain>");
    ConsoleCommand serial = consoleCommandFromXml(vm, serialOnly);
    QVERIFY(serial.serial);
    QCOMPARE(serial.program, QStringLiteral("x-terminal-emulator"));
    QCOMPARE(serial.arguments.mid(1),
             (QStringList{ QStringLiteral("virsh"), QStringLiteral("--connect"), vm.uri,
                           QStringLiteral("console"), vm.uuid }));
    QVERIFY(serial.programs.contains(QStringLiteral("virsh")));

    QVERIFY(consoleCommandFromXml(vm, QStringLiteral("<domain><devices/></domain>"))
                .problem.contains(QLatin1String("neither")));
    QVERIFY(consoleCommandFromXml(vm, QStringLiteral("<domain><devices>"))
                .problem.contains(QLatin1String("cannot be read")));
    // A graphics element outside <devices> is not a display.
    QVERIFY(consoleCommandFromXml(vm, QStringLiteral("<domain><graphics type='vnc'/></domain>"))
                .program.isEmpty());

    const ConsoleCommand simulated = consoleCommandFor(target());
    QVERIFY(simulated.program.isEmpty());
    QVERIFY2(simulated.problem.contains(QLatin1String("no screen")), qPrintable(simulated.problem));
}

void LifecycleTest::missingViewerNamesThePackage()
{
    ConsoleCommand command;
    command.program = QStringLiteral("umbra-no-such-viewer");
    command.programs = { QStringLiteral("sh"), QStringLiteral("virt-viewer") };
    const QByteArray path = qgetenv("PATH");
    qputenv("PATH", QByteArrayLiteral("/nonexistent"));
    const QString missing = missingConsoleProgram(command);
    qputenv("PATH", path);
    QVERIFY2(missing.contains(QLatin1String("sh is not installed")), qPrintable(missing));
    command.programs = { QStringLiteral("sh") };
    QVERIFY(missingConsoleProgram(command).isEmpty());
    command.programs = { QStringLiteral("virt-viewer") };
    qputenv("PATH", QByteArrayLiteral("/nonexistent"));
    const QString viewer = missingConsoleProgram(command);
    qputenv("PATH", path);
    QVERIFY2(viewer.contains(QLatin1String("Debian package virt-viewer")), qPrintable(viewer));
}

QTEST_GUILESS_MAIN(LifecycleTest)
#include "tst_lifecycle.moc"
