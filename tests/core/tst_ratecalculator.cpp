// Rates from cumulative counters, including the resets that a VM restart or
// a migration cause.
#include "collect/ratecalculator.h"

#include <QTest>
#include <cmath>

using namespace Umbra;

namespace {

constexpr qint64 kSecond = 1'000'000'000;

DomainCounters running(qint64 cpuNs, qint64 rdBytes = 0, qint64 rxBytes = 0)
{
    DomainCounters c;
    c.uuid = QStringLiteral("vm");
    c.state = VmState::Running;
    c.vcpus = 2;
    c.cpuTimeNs = cpuNs;
    c.blockReadBytes = rdBytes;
    c.blockWriteBytes = rdBytes / 2;
    c.blockReadRequests = rdBytes / 4096;
    c.blockWriteRequests = rdBytes / 8192;
    c.netRxBytes = rxBytes;
    c.netTxBytes = rxBytes * 2;
    c.netRxPackets = rxBytes / 1000;
    c.netTxPackets = rxBytes / 500;
    return c;
}

} // namespace

class TestRateCalculator : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void rate_data()
    {
        QTest::addColumn<qint64>("previous");
        QTest::addColumn<qint64>("current");
        QTest::addColumn<double>("seconds");
        QTest::addColumn<double>("expected"); // NaN: unknown

        const double nan = std::nan("");
        QTest::newRow("steady") << qint64(1000) << qint64(6000) << 5.0 << 1000.0;
        QTest::newRow("idle") << qint64(5) << qint64(5) << 5.0 << 0.0;
        QTest::newRow("reset") << qint64(900000) << qint64(100) << 5.0 << nan;
        QTest::newRow("no previous") << qint64(-1) << qint64(100) << 5.0 << nan;
        QTest::newRow("not reported") << qint64(100) << qint64(-1) << 5.0 << nan;
        QTest::newRow("zero interval") << qint64(100) << qint64(200) << 0.0 << nan;
        QTest::newRow("jitter interval") << qint64(100) << qint64(200) << 0.01 << nan;
        QTest::newRow("negative interval") << qint64(100) << qint64(200) << -5.0 << nan;
    }

    void rate()
    {
        QFETCH(qint64, previous);
        QFETCH(qint64, current);
        QFETCH(double, seconds);
        QFETCH(double, expected);
        const double actual = RateCalculator::rate(previous, current, seconds);
        if (std::isnan(expected))
            QVERIFY2(std::isnan(actual), qPrintable(QString::number(actual)));
        else
            QCOMPARE(actual, expected);
    }

    // Counters read elsewhere earlier (a Prometheus scrape) are dated and
    // timed by their reading, whenever they are fetched; a reading timed by
    // the other clock gives no rate.
    void datedCountersAreTimedByTheirReading()
    {
        RateCalculator rates;
        DomainCounters first = running(0, 0, 0);
        first.sampledAtMs = 1'000'000;
        (void)rates.update(first, 5 * kSecond, 2'000'000, 4);
        DomainCounters second = running(10 * kSecond, 40960, 10000);
        second.sampledAtMs = 1'010'000; // 10 s later, whatever the session's clocks say
        const VmSample sample = rates.update(second, 6 * kSecond, 2'000'500, 4);
        QCOMPARE(sample.timestampMs, 1'010'000);
        QCOMPARE(sample.cpuPercent, 50.0); // 1 s of CPU a second on 2 vCPUs
        QCOMPARE(sample.diskReadBytesPerSec, 4096.0);
        QCOMPARE(sample.netRxBytesPerSec, 1000.0);

        DomainCounters undated = running(20 * kSecond, 81920, 20000);
        const VmSample mixed = rates.update(undated, 7 * kSecond, 2'001'000, 4);
        QVERIFY(std::isnan(mixed.cpuPercent));
        QCOMPARE(mixed.timestampMs, 2'001'000);
    }

    void firstSampleHasNoRates()
    {
        RateCalculator calculator;
        const VmSample s = calculator.update(running(10 * kSecond), 0, 1000, 16);
        QVERIFY(std::isnan(s.cpuPercent));
        QVERIFY(std::isnan(s.diskReadBytesPerSec));
        QCOMPARE(s.timestampMs, qint64(1000));
    }

    void steadyRates()
    {
        RateCalculator calculator;
        calculator.update(running(0, 0, 0), 0, 0, 16);
        // 5 s later: 5 s of CPU across 2 vCPUs = 50 % of the VM, 5/16/5 of the host.
        const VmSample s
            = calculator.update(running(5 * kSecond, 5'000'000, 1'000'000), 5 * kSecond, 5000, 16);
        QCOMPARE(s.cpuPercent, 50.0);
        QCOMPARE(s.hostCpuPercent, 100.0 * 5 / 16 / 5);
        QCOMPARE(s.diskReadBytesPerSec, 1'000'000.0);
        QCOMPARE(s.diskWriteBytesPerSec, 500'000.0);
        QCOMPARE(s.diskReadIops, double(5'000'000 / 4096) / 5);
        QCOMPARE(s.netRxBytesPerSec, 200'000.0);
        QCOMPARE(s.netTxBytesPerSec, 400'000.0);
        QCOMPARE(s.netRxPacketsPerSec, 200.0);
    }

    void restartResetsCounters()
    {
        RateCalculator calculator;
        calculator.update(running(500 * kSecond, 9'000'000, 9'000'000), 0, 0, 16);
        // Counters went backwards: a new QEMU process. No negative, no huge value.
        const VmSample afterReset
            = calculator.update(running(1 * kSecond, 1000, 1000), 5 * kSecond, 5000, 16);
        QVERIFY(std::isnan(afterReset.cpuPercent));
        QVERIFY(std::isnan(afterReset.diskReadBytesPerSec));
        QVERIFY(std::isnan(afterReset.netRxBytesPerSec));
        // The next interval is measured from the new baseline.
        const VmSample next
            = calculator.update(running(6 * kSecond, 1000, 1000), 10 * kSecond, 10000, 16);
        QCOMPARE(next.cpuPercent, 50.0);
        QCOMPARE(next.diskReadBytesPerSec, 0.0);
    }

    void stopAndStartBeginsFresh()
    {
        RateCalculator calculator;
        calculator.update(running(100 * kSecond), 0, 0, 16);
        DomainCounters off = running(-1);
        off.state = VmState::ShutOff;
        const VmSample stopped = calculator.update(off, 5 * kSecond, 5000, 16);
        QCOMPARE(stopped.cpuPercent, 0.0);
        QCOMPARE(stopped.netTxBytesPerSec, 0.0);
        // Started again with counters that happen to be larger: still a fresh baseline.
        const VmSample started = calculator.update(running(900 * kSecond), 10 * kSecond, 10000, 16);
        QVERIFY(std::isnan(started.cpuPercent));
    }

    void cpuIsClamped()
    {
        RateCalculator calculator;
        calculator.update(running(0), 0, 0, 16);
        // Emulator threads push cpu.time past vCPUs × wall time.
        const VmSample s = calculator.update(running(11 * kSecond), 5 * kSecond, 5000, 16);
        QCOMPARE(s.cpuPercent, 100.0);
    }

    void memoryPrefersGuestView()
    {
        RateCalculator calculator;
        DomainCounters c = running(0);
        c.balloonCurrentKiB = 4096;
        c.balloonRssKiB = 3000;
        VmSample s = calculator.update(c, 0, 0, 16);
        QCOMPARE(s.memoryUsedKiB, 3000.0);
        QCOMPARE(s.memoryAvailableKiB, 4096.0);

        c.balloonAvailableKiB = 4000;
        c.balloonUnusedKiB = 2500;
        s = calculator.update(c, kSecond, 1000, 16);
        QCOMPARE(s.memoryUsedKiB, 1500.0);
        QCOMPARE(s.memoryAvailableKiB, 4000.0);
    }

    void hostCpu()
    {
        RateCalculator calculator;
        NodeCounters n;
        n.cpus = 4;
        n.cpuBusyNs = 0;
        n.cpuIdleNs = 0;
        n.memoryTotalKiB = 1000;
        n.memoryFreeKiB = 250;
        HostSample h = calculator.updateHost(QStringLiteral("h"), n, 0, 0, 3);
        QVERIFY(std::isnan(h.cpuPercent));
        QCOMPARE(h.memoryUsedKiB, 750.0);
        QCOMPARE(h.activeVms, 3);
        n.cpuBusyNs = 5 * kSecond;
        n.cpuIdleNs = 15 * kSecond;
        h = calculator.updateHost(QStringLiteral("h"), n, 5 * kSecond, 5000, 3);
        QCOMPARE(h.cpuPercent, 25.0);
        // Host counters reset (host rebooted while we were away): unknown, not negative.
        n.cpuBusyNs = kSecond;
        n.cpuIdleNs = kSecond;
        h = calculator.updateHost(QStringLiteral("h"), n, 10 * kSecond, 10000, 3);
        QVERIFY(std::isnan(h.cpuPercent));
    }
};

QTEST_GUILESS_MAIN(TestRateCalculator)
#include "tst_ratecalculator.moc"
