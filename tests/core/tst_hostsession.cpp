// A HostSession against libvirt's test driver: connect, inventory, lifecycle
// events without re-listing, and collection.
#include "sessionharness.h"

#include <QTest>
#include <algorithm>
#include <cmath>
#include <libvirt/libvirt.h>

using namespace Umbra;
using Umbra::Testing::SessionHarness;

class TestHostSession : public QObject
{
    Q_OBJECT

private:
    static QString fleetUri()
    {
        return QStringLiteral("test://") + QStringLiteral(UMBRA_TEST_DATA_DIR)
            + QStringLiteral("/fleet-states.xml");
    }

private Q_SLOTS:
    void connectsAndCollects()
    {
        SessionHarness harness(HostConfig{ QStringLiteral("test:///default"), false });
        QTRY_COMPARE_WITH_TIMEOUT(harness.lastStatus().state, HostState::Connected, 5000);
        QTRY_COMPARE(harness.inventory->size(), 1);
        const auto vms = harness.inventory->first().at(1).value<QList<VmInfo>>();
        QCOMPARE(vms.size(), 1);
        QTRY_VERIFY(harness.samples->size() >= 2);
        const auto host = harness.samples->last().at(0).value<HostSample>();
        QCOMPARE(host.uri, QStringLiteral("test:///default"));
        QCOMPARE(host.activeVms, 1);
        QCOMPARE(harness.lastVmSamples().size(), 1);
    }

    void lifecycleEventsUpdateOneVm()
    {
        SessionHarness harness(HostConfig{ QStringLiteral("test:///default"), false });
        QTRY_COMPARE_WITH_TIMEOUT(harness.inventory->size(), 1, 5000);

        // test:///default is shared within the process: a second connection
        // acts on the same host, like another admin running virsh.
        virConnectPtr admin = virConnectOpen("test:///default");
        QVERIFY(admin);
        virDomainPtr domain = virDomainLookupByName(admin, "test");
        QVERIFY(domain);
        QCOMPARE(virDomainDestroy(domain), 0);

        QTRY_VERIFY_WITH_TIMEOUT(!harness.changed->isEmpty(), 5000);
        auto vm = harness.changed->last().at(1).value<VmInfo>();
        QCOMPARE(vm.name, QStringLiteral("test"));
        QCOMPARE(vm.state, VmState::ShutOff);

        QCOMPARE(virDomainCreate(domain), 0);
        QTRY_COMPARE_WITH_TIMEOUT(harness.changed->last().at(1).value<VmInfo>().state,
                                  VmState::Running, 5000);

        // A transient domain appears, then vanishes when destroyed.
        const char *xml = "<domain type='test'><name>transient-probe</name>"
                          "<memory>65536</memory><vcpu>1</vcpu><os><type>hvm</type></os></domain>";
        virDomainPtr transient = virDomainCreateXML(admin, xml, 0);
        QVERIFY(transient);
        QTRY_VERIFY_WITH_TIMEOUT(harness.changed->last().at(1).value<VmInfo>().name
                                     == QLatin1String("transient-probe"),
                                 5000);
        QVERIFY(!harness.changed->last().at(1).value<VmInfo>().persistent);
        QCOMPARE(virDomainDestroy(transient), 0);
        QTRY_COMPARE_WITH_TIMEOUT(harness.removed->size(), 1, 5000);

        // Only the first connect listed the domains.
        QCOMPARE(harness.inventory->size(), 1);
        virDomainFree(transient);
        virDomainFree(domain);
        virConnectClose(admin);
    }

    void simulatedUsageFlowsThroughRates()
    {
        SessionHarness harness(HostConfig{ fleetUri(), true });
        // Two collections that a loaded machine runs back to back are too
        // close for a rate (NaN by design); the next regular one has them all.
        const auto allRated = [&harness] {
            const QList<VmSample> last = harness.lastVmSamples();
            return !last.isEmpty()
                && std::none_of(last.cbegin(), last.cend(),
                                [](const VmSample &s) { return std::isnan(s.cpuPercent); });
        };
        QTRY_VERIFY_WITH_TIMEOUT(harness.samples->size() >= 3 && allRated(), 10000);
        const QList<VmSample> samples = harness.lastVmSamples();
        QCOMPARE(samples.size(), 6);
        int running = 0;
        for (const VmSample &s : samples) {
            QVERIFY(!std::isnan(s.cpuPercent));
            QVERIFY(s.cpuPercent >= 0 && s.cpuPercent <= 100);
            if (s.cpuPercent > 0) {
                ++running;
                QVERIFY(s.memoryUsedKiB > 0);
                QVERIFY(s.netTxBytesPerSec > 0);
            }
        }
        // alpha, delta and foxtrot run; paused, shut-off and crashed do no work.
        QCOMPARE(running, 3);
        const auto host = harness.samples->last().at(0).value<HostSample>();
        QVERIFY(host.cpuPercent > 0 && host.cpuPercent <= 100);
        QVERIFY(host.memoryUsedKiB > 0 && host.memoryUsedKiB < host.memoryTotalKiB);
    }
};

QTEST_GUILESS_MAIN(TestHostSession)
#include "tst_hostsession.moc"
