// Inventory read from libvirt's test driver: the shared default host and a
// fleet file with a domain in each state.
#include "collect/inventoryreader.h"

#include <QTest>
#include <libvirt/libvirt.h>

using namespace Umbra;

class TestInventory : public QObject
{
    Q_OBJECT

private:
    static QString fleetUri()
    {
        return QStringLiteral("test://") + QStringLiteral(UMBRA_TEST_DATA_DIR)
            + QStringLiteral("/fleet-states.xml");
    }

    static QList<VmInfo> readAll(const QString &uri)
    {
        virConnectPtr connection = virConnectOpen(uri.toUtf8().constData());
        if (!connection)
            return {};
        auto vms = InventoryReader::readAllDomains(connection);
        virConnectClose(connection);
        return vms ? vms.value() : QList<VmInfo>();
    }

    static VmInfo byName(const QList<VmInfo> &vms, const QString &name)
    {
        for (const VmInfo &vm : vms)
            if (vm.name == name)
                return vm;
        return {};
    }

private Q_SLOTS:
    void defaultHost()
    {
        const QList<VmInfo> vms = readAll(QStringLiteral("test:///default"));
        QCOMPARE(vms.size(), 1);
        QCOMPARE(vms[0].name, QStringLiteral("test"));
        QCOMPARE(vms[0].state, VmState::Running);
        QCOMPARE(vms[0].uuid.size(), 36);
        QVERIFY(vms[0].vcpus > 0);
        QVERIFY(vms[0].memoryKiB > 0);
        QVERIFY(vms[0].persistent);
    }

    void hostFacts()
    {
        virConnectPtr connection = virConnectOpen(fleetUri().toUtf8().constData());
        QVERIFY(connection);
        auto host = InventoryReader::readHost(connection, fleetUri());
        virConnectClose(connection);
        QVERIFY2(host.ok(), qPrintable(host.error()));
        QCOMPARE(host->cpus, 8);
        QCOMPARE(host->mhz, 2400);
        QCOMPARE(host->memoryKiB, quint64(16777216));
        QCOMPARE(host->hypervisor, QStringLiteral("TEST"));
    }

    void fleetStates_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<VmState>("state");
        QTest::addColumn<bool>("persistent");
        QTest::addColumn<int>("vcpus");
        QTest::addColumn<quint64>("memoryKiB");

        QTest::newRow("running") << "alpha-running" << VmState::Running << true << 2
                                 << quint64(1024 * 1024);
        QTest::newRow("paused") << "bravo-paused" << VmState::Paused << true << 1
                                << quint64(1024 * 1024);
        QTest::newRow("shut off") << "charlie-off" << VmState::ShutOff << true << 4
                                  << quint64(4096 * 1024);
        QTest::newRow("transient")
            << "delta-transient" << VmState::Running << false << 1 << quint64(512 * 1024);
        QTest::newRow("crashed") << "echo-crashed" << VmState::Crashed << true << 2
                                 << quint64(512 * 1024);
        QTest::newRow("big") << "foxtrot-running" << VmState::Running << true << 8
                             << quint64(8192 * 1024);
    }

    void fleetStates()
    {
        QFETCH(QString, name);
        QFETCH(VmState, state);
        QFETCH(bool, persistent);
        QFETCH(int, vcpus);
        QFETCH(quint64, memoryKiB);

        const QList<VmInfo> vms = readAll(fleetUri());
        QCOMPARE(vms.size(), 6);
        const VmInfo vm = byName(vms, name);
        QCOMPARE(vm.name, name);
        QCOMPARE(vm.state, state);
        QCOMPARE(vm.persistent, persistent);
        QCOMPARE(vm.vcpus, vcpus);
        QCOMPARE(vm.memoryKiB, memoryKiB);
    }

    void devices()
    {
        const VmInfo vm = byName(readAll(fleetUri()), QStringLiteral("alpha-running"));
        QCOMPARE(vm.maxMemoryKiB, quint64(2048 * 1024));
        QCOMPARE(vm.disks.size(), 2);
        QCOMPARE(vm.disks[0],
                 (DiskInfo{ QStringLiteral("vda"), QStringLiteral("/images/alpha.qcow2"),
                            QStringLiteral("virtio"), QStringLiteral("disk") }));
        QCOMPARE(vm.disks[1].device, QStringLiteral("cdrom"));
        QCOMPARE(vm.nics.size(), 2);
        QCOMPARE(vm.nics[0],
                 (NicInfo{ QStringLiteral("52:54:00:aa:00:01"), QStringLiteral("virtio"),
                           QStringLiteral("bridge"), QStringLiteral("br0") }));
        QCOMPARE(vm.nics[1].source, QStringLiteral("default"));
        QCOMPARE(vm.nics[1].model, QStringLiteral("e1000"));
    }

    void malformedDomainXml()
    {
        VmInfo vm;
        vm.name = QStringLiteral("broken");
        auto parsed
            = InventoryReader::parseDomainXml(QStringLiteral("<domain><devices><disk>"), vm);
        QVERIFY(!parsed.ok());
        QVERIFY2(parsed.error().contains(QLatin1String("broken")), qPrintable(parsed.error()));
        QVERIFY(vm.disks.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestInventory)
#include "tst_inventory.moc"
