// Host failure risk: nothing known is no risk, the worst signal leads the
// breakdown, more trouble never lowers the risk, and the shares add up.
#include "predict/hostrisk.h"

#include <QRegularExpression>
#include <QTest>
#include <cmath>
#include <limits>

using namespace Umbra::Hardware;

namespace {

double shareSum(const HostRisk &r)
{
    double sum = 0;
    for (const HostRiskFactor &f : r.breakdown)
        sum += f.share;
    return sum;
}

HostRiskInputs everything()
{
    HostRiskInputs in;
    in.drives = { { QStringLiteral("sda"), 0.02, QStringLiteral("no warning signs") },
                  { QStringLiteral("sdb"), 0.3, QStringLiteral("pending sectors rising") } };
    in.edacCorrectedPerDay = 40;
    in.edacUncorrected = 0;
    in.temperatures = { { QStringLiteral("coretemp Package id 0"), 93, 100.0, 84.0 },
                        { QStringLiteral("nvme Composite"), 40, 85.0, {} } };
    in.ioErrorEvents24h = 2;
    in.memoryAvailableRatio = 0.08;
    in.connectionLosses24h = 2;
    return in;
}

} // namespace

class TestHostRisk : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void noSignalsNoRisk();
    void healthyFiguresNoRisk();
    void badDriveDominates();
    void uncorrectedMemoryErrorMovesVms();
    void memoryFailureEventMovesVms();
    void overheatingMovesVms();
    void monotonic();
    void sharesSumToOne();
    void sentencesCarryNumbers();
    void certainFailureStaysFinite();
};

void TestHostRisk::noSignalsNoRisk()
{
    const HostRisk r = assessHostRisk({});
    QCOMPARE(r.risk, 0.0);
    QVERIFY(r.breakdown.isEmpty());
    QVERIFY(!r.moveVms);
}

void TestHostRisk::healthyFiguresNoRisk()
{
    HostRiskInputs in;
    in.drives = { { QStringLiteral("sda"), 0, {} } };
    in.edacCorrectedPerDay = 0;
    in.edacUncorrected = 0;
    in.temperatures = { { QStringLiteral("cpu"), 45, 100.0, {} } };
    in.memoryAvailableRatio = 0.6;
    const HostRisk r = assessHostRisk(in);
    QCOMPARE(r.risk, 0.0);
    QVERIFY(r.breakdown.isEmpty());
    QVERIFY(!r.moveVms);
}

void TestHostRisk::badDriveDominates()
{
    HostRiskInputs in;
    in.drives = { { QStringLiteral("sda"), 0.01, QStringLiteral("healthy") },
                  { QStringLiteral("sdb"), 0.45, QStringLiteral("reallocated sectors rising") },
                  { QStringLiteral("sdc"), 0.01, QStringLiteral("healthy") } };
    in.ioErrorEvents24h = 1;
    in.connectionLosses24h = 1;
    const HostRisk r = assessHostRisk(in);
    QVERIFY(r.risk > 0.45 && r.risk < 0.7);
    QCOMPARE(r.breakdown.first().id, u"drive:sdb");
    QVERIFY(r.breakdown.first().share > 0.6);
    QCOMPARE(r.breakdown.first().probability, 0.45);
    for (qsizetype i = 1; i < r.breakdown.size(); ++i)
        QVERIFY(r.breakdown[i - 1].share >= r.breakdown[i].share);
}

void TestHostRisk::uncorrectedMemoryErrorMovesVms()
{
    HostRiskInputs in;
    in.edacUncorrected = 1;
    const HostRisk r = assessHostRisk(in);
    QVERIFY(r.moveVms);
    QCOMPARE(r.breakdown.size(), 1);
    QCOMPARE(r.breakdown.first().id, u"edac.uncorrected");
    QVERIFY(r.risk >= 0.5);

    // Corrected errors alone, even many, raise the risk without emptying the host.
    HostRiskInputs corrected;
    corrected.edacCorrectedPerDay = 50;
    const HostRisk c = assessHostRisk(corrected);
    QVERIFY(c.risk > 0.05 && c.risk < 0.5);
    QVERIFY(!c.moveVms);
}

void TestHostRisk::memoryFailureEventMovesVms()
{
    HostRiskInputs in;
    in.memoryFailureEvents24h = 1;
    const HostRisk r = assessHostRisk(in);
    QVERIFY(r.moveVms);
    QCOMPARE(r.breakdown.first().id, u"vm.memory_failure");
}

void TestHostRisk::overheatingMovesVms()
{
    HostRiskInputs in;
    in.temperatures
        = { { QStringLiteral("cpu"), 101, 100.0, {} }, { QStringLiteral("nvme"), 80, 85.0, {} } };
    const HostRisk r = assessHostRisk(in);
    QVERIFY(r.moveVms);
    QCOMPARE(r.breakdown.size(), 1); // the hottest sensor speaks for all
    QVERIFY(r.breakdown.first().sentence.contains(u"cpu"));

    // No critical point, no judgement.
    HostRiskInputs unknown;
    unknown.temperatures = { { QStringLiteral("zone"), 120, {}, {} } };
    QCOMPARE(assessHostRisk(unknown).risk, 0.0);
}

void TestHostRisk::monotonic()
{
    const HostRiskInputs base = everything();
    const double baseRisk = assessHostRisk(base).risk;
    QVERIFY(baseRisk > 0 && baseRisk < 1);

    // Making any one signal worse never lowers the risk.
    QList<HostRiskInputs> worse;
    for (int i = 0; i < 8; ++i)
        worse.append(base);
    worse[0].drives[0].risk = 0.5;
    worse[1].edacCorrectedPerDay = 400;
    worse[2].edacUncorrected = 3;
    worse[3].temperatures[0].celsius = 99;
    worse[4].ioErrorEvents24h = 9;
    worse[5].memoryAvailableRatio = 0.01;
    worse[6].connectionLosses24h = 6;
    worse[7].memoryFailureEvents24h = 2;
    for (const HostRiskInputs &in : worse)
        QVERIFY(assessHostRisk(in).risk > baseRisk);

    // And step by step along each axis.
    double previous = 0;
    for (int n = 0; n <= 50; ++n) {
        HostRiskInputs in;
        in.ioErrorEvents24h = n;
        in.connectionLosses24h = n / 2;
        in.edacCorrectedPerDay = n * 10.0;
        in.memoryAvailableRatio = std::max(0.0, 0.3 - n * 0.01);
        const double risk = assessHostRisk(in).risk;
        QVERIFY(risk >= previous);
        QVERIFY(risk <= 1.0);
        previous = risk;
    }
}

void TestHostRisk::sharesSumToOne()
{
    const HostRisk r = assessHostRisk(everything());
    QVERIFY(r.risk > 0);
    QCOMPARE(r.breakdown.size(), 7);
    QVERIFY(qAbs(shareSum(r) - 1.0) < 1e-9);
    for (const HostRiskFactor &f : r.breakdown)
        QVERIFY(f.share > 0 && f.share <= 1);
    // Independent hazards: the combination is 1 − Π(1 − pᵢ).
    double survive = 1;
    for (const HostRiskFactor &f : r.breakdown)
        survive *= 1 - f.probability;
    QVERIFY(qAbs(r.risk - (1 - survive)) < 1e-12);
}

void TestHostRisk::sentencesCarryNumbers()
{
    const HostRisk r = assessHostRisk(everything());
    for (const HostRiskFactor &f : r.breakdown) {
        QVERIFY2(!f.sentence.isEmpty(), qPrintable(f.id));
        QVERIFY2(f.sentence.contains(QRegularExpression(QStringLiteral("\\d"))),
                 qPrintable(f.sentence));
    }
    const auto drive = std::find_if(r.breakdown.cbegin(), r.breakdown.cend(),
                                    [](const HostRiskFactor &f) { return f.id == u"drive:sdb"; });
    QVERIFY(drive != r.breakdown.cend());
    QVERIFY(drive->sentence.contains(u"30 %"));
    QVERIFY(drive->sentence.contains(u"pending sectors rising"));
}

void TestHostRisk::certainFailureStaysFinite()
{
    HostRiskInputs in;
    in.drives = { { QStringLiteral("sda"), 1.0, {} },
                  { QStringLiteral("sdb"), std::numeric_limits<double>::quiet_NaN(), {} },
                  { QStringLiteral("sdc"), 7.0, {} } };
    in.ioErrorEvents24h = 3;
    const HostRisk r = assessHostRisk(in);
    QVERIFY(r.risk > 0.999 && r.risk <= 1.0);
    QVERIFY(r.moveVms);
    QVERIFY(qAbs(shareSum(r) - 1.0) < 1e-9);
    for (const HostRiskFactor &f : r.breakdown)
        QVERIFY(std::isfinite(f.share));
}

QTEST_GUILESS_MAIN(TestHostRisk)
#include "tst_hostrisk.moc"
