// Health scores: the breakdown always accounts for the score exactly, a
// saturating VM scores below an idle one, and forecasts flag trouble ahead.
#include "predict/healthscore.h"

#include <QTest>

using namespace Umbra::Predict;

Q_DECLARE_METATYPE(HealthInputs)

namespace {

int deducted(const HealthScore &s)
{
    int sum = 0;
    for (const HealthFactor &f : s.breakdown)
        sum += f.points;
    return sum;
}

HealthInputs idle()
{
    HealthInputs in;
    in.cpuPercent = 4;
    in.memoryPercent = 30;
    return in;
}

HealthInputs saturating()
{
    HealthInputs in;
    in.cpuPercent = 97;
    in.memoryPercent = 91;
    in.cpuSaturationSeconds = 20 * 60;
    in.memorySaturationSeconds = 5 * 3600;
    return in;
}

} // namespace

class TestHealthScore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void breakdownSumsToScore_data();
    void breakdownSumsToScore();
    void saturatingScoresBelowIdle();
    void sentencesCarryNumbers();
    void predictedUnhealthy();
    void clampsAtZero();
};

void TestHealthScore::breakdownSumsToScore_data()
{
    QTest::addColumn<HealthInputs>("inputs");
    QTest::addColumn<int>("expected");

    QTest::newRow("nothing known") << HealthInputs{} << 100;
    QTest::newRow("idle") << idle() << 100;
    // CPU 97 %: 25 × 27/30 = 22.5 → 23; memory 91 %: 30 × 11/20 = 16.5 → 17;
    // CPU saturates within the hour: 25; memory within the day: 12.
    QTest::newRow("saturating") << saturating() << 100 - 23 - 17 - 25 - 12;
    HealthInputs errors = idle();
    errors.ioErrors = 2;
    errors.failedReconnects = 7;
    errors.anomaly = 0.5;
    QTest::newRow("errors") << errors << 100 - 10 - 15 - 10;
    HealthInputs risky = idle();
    risky.failureRisk = 0.2;
    risky.guestUnresponsive = true;
    risky.memorySaturationSeconds = 3 * 86400;
    QTest::newRow("risky") << risky << 100 - 6 - 35 - 4;
    HealthInputs unprotected = idle();
    unprotected.shadowValidationFailure = QStringLiteral("writes are missing");
    QTest::newRow("shadow failed validation") << unprotected << 100 - 25;
}

void TestHealthScore::breakdownSumsToScore()
{
    QFETCH(HealthInputs, inputs);
    QFETCH(int, expected);
    const HealthScore s = scoreHealth(inputs);
    QCOMPARE(s.score, expected);
    QCOMPARE(100 - deducted(s), s.score);
    for (qsizetype i = 1; i < s.breakdown.size(); ++i)
        QVERIFY(s.breakdown[i - 1].points >= s.breakdown[i].points);
}

void TestHealthScore::saturatingScoresBelowIdle()
{
    const HealthScore busy = scoreHealth(saturating());
    const HealthScore quiet = scoreHealth(idle());
    QVERIFY(busy.score < quiet.score);
    QVERIFY(busy.unhealthyNow);
    QCOMPARE(*busy.unhealthyWithinSeconds, 0);
    QVERIFY(!quiet.unhealthyNow);
    QVERIFY(!quiet.unhealthyWithinSeconds);
    QCOMPARE(busy.breakdown.first().id, QStringLiteral("cpu-forecast"));
}

void TestHealthScore::sentencesCarryNumbers()
{
    const HealthScore s = scoreHealth(saturating());
    QStringList sentences;
    for (const HealthFactor &f : s.breakdown)
        sentences << f.sentence;
    const QString all = sentences.join(QLatin1Char('\n'));
    QVERIFY2(all.contains(QLatin1String("CPU at 97 % of capacity")), qPrintable(all));
    QVERIFY2(all.contains(QLatin1String("about 20 minutes")), qPrintable(all));
    QVERIFY2(all.contains(QLatin1String("about 5 hours")), qPrintable(all));
    QCOMPARE(approximateDuration(3 * 86400 + 100), QStringLiteral("about 3 days"));

    HealthInputs unprotected = idle();
    unprotected.shadowValidationFailure = QStringLiteral("writes are missing");
    const HealthScore failed = scoreHealth(unprotected);
    QCOMPARE(failed.breakdown.size(), 1);
    QCOMPARE(failed.breakdown.first().id, QStringLiteral("shadow-validation"));
    QCOMPARE(failed.breakdown.first().sentence,
             QStringLiteral("Its shadow failed validation: writes are missing"));
}

void TestHealthScore::predictedUnhealthy()
{
    // Healthy now (65 − … ≥ 60), but memory runs out in two hours: then the
    // memory factor alone takes 30 points.
    HealthInputs in;
    in.cpuPercent = 85; // 13 points
    in.memoryPercent = 85; // 8 points
    in.memorySaturationSeconds = 2 * 3600; // 12 points
    const HealthScore s = scoreHealth(in);
    QCOMPARE(s.score, 100 - 13 - 8 - 12);
    QVERIFY(!s.unhealthyNow);
    QVERIFY(s.unhealthyWithinSeconds.has_value());
    QCOMPARE(*s.unhealthyWithinSeconds, 2 * 3600);
    // CPU deducts most, but the flag's reason is the forecast that says when.
    QCOMPARE(s.breakdown.first().id, QStringLiteral("cpu"));
    QVERIFY2(flagReason(s).startsWith(QStringLiteral("Memory forecast")),
             qPrintable(flagReason(s)));

    // A stricter threshold flags it now.
    HealthPolicy strict;
    strict.unhealthyBelow = 70;
    QVERIFY(scoreHealth(in, strict).unhealthyNow);
}

void TestHealthScore::clampsAtZero()
{
    HealthInputs worst = saturating();
    worst.cpuPercent = 100;
    worst.memoryPercent = 100;
    worst.ioErrors = 50;
    worst.failedReconnects = 50;
    worst.guestUnresponsive = true;
    worst.anomaly = 1;
    worst.failureRisk = 1;
    const HealthScore s = scoreHealth(worst);
    QCOMPARE(s.score, 0);
    QCOMPARE(deducted(s), 100);
    // Nothing is hidden: trimmed factors are still listed.
    QCOMPARE(s.breakdown.size(), 9);
    QCOMPARE(s.breakdown.last().points, 0);
}

QTEST_GUILESS_MAIN(TestHealthScore)
#include "tst_healthscore.moc"
