// The fleet's inventory held once: hosts in order with their status, facts
// and VMs, the VM index by UUID, and the signals the console follows.
#include "fleet/fleetstate.h"

#include <QSignalSpy>
#include <QTest>

using namespace Umbra;

class TestFleetState : public QObject
{
    Q_OBJECT

private:
    static VmInfo vm(const QString &uuid, const QString &name)
    {
        VmInfo info;
        info.uuid = uuid;
        info.name = name;
        info.state = VmState::Running;
        return info;
    }

private Q_SLOTS:
    void hostsInOrder()
    {
        FleetState fleet;
        QSignalSpy added(&fleet, &FleetState::hostAdded);
        fleet.addHost(HostConfig{ QStringLiteral("test:///b"), false });
        fleet.addHost(HostConfig{ QStringLiteral("test:///a"), true });
        fleet.addHost(HostConfig{ QStringLiteral("test:///b"), true }); // already there
        QCOMPARE(added.size(), 2);
        QCOMPARE(fleet.uris(),
                 (QList<QString>{ QStringLiteral("test:///b"), QStringLiteral("test:///a") }));
        QVERIFY(!fleet.config(QStringLiteral("test:///b")).simulatedUsage);
        QVERIFY(fleet.config(QStringLiteral("test:///a")).simulatedUsage);
        // A new host is disconnected until its session says otherwise.
        QCOMPARE(fleet.status(QStringLiteral("test:///a")).uri, QStringLiteral("test:///a"));
        QCOMPARE(fleet.status(QStringLiteral("test:///a")).state, HostState::Disconnected);

        HostConfig changed{ QStringLiteral("test:///a"), true,
                            QStringLiteral("http://a:9100/metrics") };
        QSignalSpy configChanged(&fleet, &FleetState::hostConfigChanged);
        fleet.setConfig(changed);
        QCOMPARE(configChanged.size(), 1);
        QCOMPARE(fleet.hosts().last(), changed);

        QSignalSpy removed(&fleet, &FleetState::hostRemoved);
        fleet.removeHost(QStringLiteral("test:///b"));
        fleet.removeHost(QStringLiteral("test:///b"));
        QCOMPARE(removed.size(), 1);
        QCOMPARE(fleet.uris(), QList<QString>{ QStringLiteral("test:///a") });
    }

    void reportsOfUnknownHostsAreIgnored()
    {
        FleetState fleet;
        QSignalSpy status(&fleet, &FleetState::hostStatusChanged);
        QSignalSpy info(&fleet, &FleetState::hostInfoChanged);
        QSignalSpy reset(&fleet, &FleetState::inventoryReset);
        QSignalSpy changed(&fleet, &FleetState::vmChanged);
        QSignalSpy removed(&fleet, &FleetState::vmRemoved);
        HostStatus connected;
        connected.uri = QStringLiteral("test:///gone");
        connected.state = HostState::Connected;
        fleet.setStatus(connected);
        HostInfo facts;
        facts.uri = connected.uri;
        fleet.setInfo(facts);
        fleet.resetInventory(connected.uri, { vm(QStringLiteral("u1"), QStringLiteral("one")) });
        fleet.updateVm(connected.uri, vm(QStringLiteral("u2"), QStringLiteral("two")));
        fleet.removeVm(connected.uri, QStringLiteral("u1"));
        QVERIFY(status.isEmpty() && info.isEmpty() && reset.isEmpty() && changed.isEmpty()
                && removed.isEmpty());
        QVERIFY(fleet.hosts().isEmpty());
        QVERIFY(fleet.hostOfVm(QStringLiteral("u1")).isEmpty());
    }

    void statusAndStop()
    {
        FleetState fleet;
        const QString uri = QStringLiteral("test:///default");
        fleet.addHost(HostConfig{ uri, false });
        HostStatus status;
        status.uri = uri;
        status.state = HostState::Connected;
        QSignalSpy changed(&fleet, &FleetState::hostStatusChanged);
        fleet.setStatus(status);
        QCOMPARE(changed.size(), 1);
        QCOMPARE(fleet.status(uri).state, HostState::Connected);
        // Stopping says nothing: no session will report on the host.
        fleet.markStopped(uri);
        QCOMPARE(changed.size(), 1);
        QCOMPARE(fleet.status(uri).state, HostState::Disconnected);
    }

    void vmsAndTheirIndex()
    {
        FleetState fleet;
        const QString a = QStringLiteral("test:///a");
        const QString b = QStringLiteral("test:///b");
        fleet.addHost(HostConfig{ a, false });
        fleet.addHost(HostConfig{ b, false });

        fleet.resetInventory(a,
                             { vm(QStringLiteral("u1"), QStringLiteral("one")),
                               vm(QStringLiteral("u2"), QStringLiteral("two")) });
        QCOMPARE(fleet.vms(a).size(), 2);
        QVERIFY(fleet.hasVm(a, QStringLiteral("u1")));
        QCOMPARE(fleet.hostOfVm(QStringLiteral("u2")), a);
        QCOMPARE(fleet.vm(a, QStringLiteral("u2"))->name, QStringLiteral("two"));
        QVERIFY(!fleet.vm(b, QStringLiteral("u2")));

        // A migration: the VM shows up on b before a lets it go.
        fleet.updateVm(b, vm(QStringLiteral("u2"), QStringLiteral("two")));
        QCOMPARE(fleet.hostOfVm(QStringLiteral("u2")), b);
        fleet.removeVm(a, QStringLiteral("u2"));
        QCOMPARE(fleet.hostOfVm(QStringLiteral("u2")), b);
        QVERIFY(!fleet.hasVm(a, QStringLiteral("u2")));

        // Gone from b while a still lists it: indexed at a again.
        fleet.updateVm(a, vm(QStringLiteral("u2"), QStringLiteral("two")));
        fleet.removeVm(b, QStringLiteral("u2"));
        QCOMPARE(fleet.hostOfVm(QStringLiteral("u2")), a);

        // A new listing replaces the old one, index and all.
        fleet.resetInventory(a, { vm(QStringLiteral("u3"), QStringLiteral("three")) });
        QVERIFY(fleet.hostOfVm(QStringLiteral("u1")).isEmpty());
        QVERIFY(fleet.hostOfVm(QStringLiteral("u2")).isEmpty());
        QCOMPARE(fleet.hostOfVm(QStringLiteral("u3")), a);

        // A removed host takes its VMs out of the index.
        fleet.removeHost(a);
        QVERIFY(fleet.hostOfVm(QStringLiteral("u3")).isEmpty());
        QVERIFY(fleet.vms(a).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestFleetState)
#include "tst_fleetstate.moc"
