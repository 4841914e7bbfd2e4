// A chart line's points become the segments drawn: split at gaps in
// collection, and not at history kept at a coarser pace than today's samples.
// The axes around them: round value steps that cover the data, a time axis
// that scrolls in steps, long-range ticks on whole hours or dates.

#include "chartaxes.h"
#include "chartseriesdata.h"

#include <QDateTime>
#include <QLocale>
#include <QTest>
#include <cmath>

using namespace Umbra;

class TestChartSeriesData : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QLocale::setDefault(QLocale::c()); }

    void holeInCollectionSplitsTheLine()
    {
        ChartSeriesData data;
        for (int i = 0; i < 60; ++i)
            data.add(i * 5000, 10 + i % 3);
        // Ten minutes without samples, then collection resumes.
        for (int i = 180; i < 240; ++i)
            data.add(i * 5000, 10 + i % 3);
        QCOMPARE(data.medianIntervalMs(), 5000);
        const auto segments = data.segments(1, 3 * data.medianIntervalMs());
        QCOMPARE(segments.size(), 2);
        QCOMPARE(segments[0].size(), 60);
        QCOMPARE(segments[1].size(), 60);
    }

    void coarserHistoryStaysALine()
    {
        // An hour of history every 15 s, then samples every 200 ms: the fast
        // ones set the median, the history must not fall apart into dots.
        ChartSeriesData data;
        for (int i = 0; i < 240; ++i)
            data.add(i * 15000, 20 + i % 5);
        const qint64 live = 240 * 15000;
        for (int i = 0; i < 1000; ++i)
            data.add(live + i * 200, 20 + i % 5);
        QCOMPARE(data.medianIntervalMs(), 200);
        const auto segments = data.segments(1, 3 * data.medianIntervalMs());
        QCOMPARE(segments.size(), 1);
        QCOMPARE(segments[0].size(), 1240);
        // A real hole in that history still splits it.
        data.add(-600000, 20);
        QCOMPARE(data.segments(1, 3 * data.medianIntervalMs()).size(), 2);
    }

    void missingValueSplitsTheLine()
    {
        ChartSeriesData data;
        for (int i = 0; i < 10; ++i)
            data.add(i * 1000, i == 4 ? qQNaN() : 1.0);
        const auto segments = data.segments(1, 3000);
        QCOMPARE(segments.size(), 2);
        QCOMPARE(segments[0].size(), 4);
        QCOMPARE(segments[1].size(), 5);
    }

    void niceSteps_data()
    {
        QTest::addColumn<double>("raw");
        QTest::addColumn<double>("step");
        QTest::newRow("exact 1") << 1.0 << 1.0;
        QTest::newRow("just over 1") << 1.2 << 2.0;
        QTest::newRow("exact 2") << 2.0 << 2.0;
        QTest::newRow("just over 2") << 2.1 << 2.5;
        QTest::newRow("over 2.5") << 3.0 << 5.0;
        QTest::newRow("over 5") << 7.0 << 10.0;
        QTest::newRow("small") << 0.03 << 0.05;
        QTest::newRow("below a tenth") << 0.07 << 0.1;
        QTest::newRow("thousands") << 1234.0 << 2000.0;
        QTest::newRow("tens of thousands") << 22000.0 << 25000.0;
        QTest::newRow("zero") << 0.0 << 1.0;
        QTest::newRow("negative") << -5.0 << 1.0;
        QTest::newRow("NaN") << qQNaN() << 1.0;
    }

    void niceSteps()
    {
        QFETCH(double, raw);
        QFETCH(double, step);
        QCOMPARE(ChartAxes::niceStep(raw), step);
    }

    void niceStepIsTheSmallestRoundStepAbove()
    {
        // Across nine decades: a step is 1, 2, 2.5 or 5 times a power of ten,
        // at least what was asked for and never twice as much (the next
        // smaller round step would have been too small).
        for (double raw = 0.001; raw < 1e6; raw *= 1.07) {
            const double step = ChartAxes::niceStep(raw);
            const double mantissa = step / std::pow(10.0, std::floor(std::log10(step) + 1e-12));
            const bool round = std::abs(mantissa - 1) < 1e-9 || std::abs(mantissa - 2) < 1e-9
                || std::abs(mantissa - 2.5) < 1e-9 || std::abs(mantissa - 5) < 1e-9;
            QVERIFY2(round, qPrintable(QStringLiteral("%1 -> %2").arg(raw).arg(step)));
            QVERIFY2(step >= raw * (1 - 1e-9), qPrintable(QString::number(raw)));
            QVERIFY2(step <= 2 * raw * (1 + 1e-9), qPrintable(QString::number(raw)));
        }
    }

    void valueAxisCoversTheData()
    {
        for (const bool percent : { false, true }) {
            for (int wanted = 3; wanted <= 6; ++wanted) {
                for (double max = 0.01; max < (percent ? 95.0 : 1e7); max *= 1.3) {
                    const auto axis = ChartAxes::valueScale(max, percent ? 10 : 1, wanted, percent);
                    const QString what = QStringLiteral("%1 %2 ticks: top %3 step %4")
                                             .arg(max)
                                             .arg(wanted)
                                             .arg(axis.top)
                                             .arg(axis.step);
                    // Above the highest point, with room to spare unless the
                    // axis already reads 100 %.
                    QVERIFY2(axis.top >= max, qPrintable(what));
                    QVERIFY2(axis.top >= max * 1.1 || (percent && axis.top == 100),
                             qPrintable(what));
                    QVERIFY2(axis.top >= (percent ? 10 : 1), qPrintable(what));
                    // Whole steps from 0 to the top, about as many as wanted.
                    QVERIFY2(std::abs(axis.step * (axis.tickCount - 1) - axis.top)
                                 < 1e-9 * axis.top,
                             qPrintable(what));
                    // A percentage axis cut at 100 has its quarters whatever was wanted.
                    const int most = percent && axis.top == 100 ? std::max(wanted, 5) : wanted;
                    QVERIFY2(axis.tickCount >= 2 && axis.tickCount <= most, qPrintable(what));
                    QCOMPARE(ChartAxes::niceStep(axis.step), axis.step);
                    if (percent)
                        QVERIFY2(axis.top <= 100, qPrintable(what));
                }
            }
        }
    }

    void valueAxisExamples()
    {
        // Nothing drawn yet: the floor, in steps that need a decimal.
        auto axis = ChartAxes::valueScale(qQNaN(), 10, 5, true);
        QCOMPARE(axis.top, 10.0);
        QCOMPARE(axis.step, 2.5);
        QCOMPARE(axis.tickCount, 5);
        QVERIFY(!axis.wholeSteps);
        // 42 % with a tenth of headroom is 46.2: up to 60 in steps of 20.
        axis = ChartAxes::valueScale(42, 10, 5, true);
        QCOMPARE(axis.top, 60.0);
        QCOMPARE(axis.step, 20.0);
        QCOMPARE(axis.tickCount, 4);
        QVERIFY(axis.wholeSteps);
        // 93 % would round up to 150: a percentage axis stops at 100, in quarters.
        axis = ChartAxes::valueScale(93, 10, 5, true);
        QCOMPARE(axis.top, 100.0);
        QCOMPARE(axis.step, 25.0);
        QCOMPARE(axis.tickCount, 5);
        // 900 with headroom is 990: a quarter of that rounds to 250.
        axis = ChartAxes::valueScale(900, 1, 5, false);
        QCOMPARE(axis.top, 1000.0);
        QCOMPARE(axis.step, 250.0);
        QCOMPARE(axis.tickCount, 5);
    }

    void valueAxisIgnoresGaps()
    {
        // A line with gaps (NaN) and a forecast not yet known (NaN): the
        // axis is fitted to the highest value there is.
        ChartSeriesData data;
        for (int i = 0; i < 10; ++i)
            data.add(i * 1000, i == 3 || i == 4 ? qQNaN() : 5.0 * i);
        double top = qQNaN();
        top = ChartAxes::higher(top, data.maxFinite());
        top = ChartAxes::higher(top, qQNaN());
        QCOMPARE(top, 45.0);
        QCOMPARE(ChartAxes::valueScale(top, 10, 5, true).top, 60.0);

        QCOMPARE(ChartAxes::higher(qQNaN(), 3), 3.0);
        QCOMPARE(ChartAxes::higher(3, qQNaN()), 3.0);
        QCOMPARE(ChartAxes::higher(5, 3), 5.0);
        QCOMPARE(ChartAxes::higher(-1, 2), 2.0);
        QCOMPARE(ChartAxes::higher(2, qInf()), 2.0);
        QVERIFY(std::isnan(ChartAxes::higher(qQNaN(), qQNaN())));
    }

    void byteUnits()
    {
        QCOMPARE(ChartAxes::bytePower(qQNaN()), 0);
        QCOMPARE(ChartAxes::bytePower(0), 0);
        QCOMPARE(ChartAxes::bytePower(999), 0);
        QCOMPARE(ChartAxes::bytePower(1000), 1); // "1000 B" reads as 0.98 KiB
        QCOMPARE(ChartAxes::bytePower(999.0 * 1024), 1);
        QCOMPARE(ChartAxes::bytePower(1000.0 * 1024), 2);
        QCOMPARE(ChartAxes::bytePower(3.0 * 1024 * 1024 * 1024), 3);
        QCOMPARE(ChartAxes::bytePower(1e18), 4); // TiB is the largest
    }

    void tickCountsStayWithinBounds()
    {
        int lastTime = 0;
        int lastValue = 0;
        for (int px = 0; px <= 4000; px += 10) {
            const int time = ChartAxes::timeTickCount(px);
            const int value = ChartAxes::valueTickCount(px);
            QVERIFY(time >= 3 && time <= 9);
            QVERIFY(value >= 3 && value <= 6);
            // Never fewer ticks on a larger chart.
            QVERIFY(time >= lastTime && value >= lastValue);
            lastTime = time;
            lastValue = value;
        }
        QCOMPARE(ChartAxes::timeTickCount(550), 5);
        QCOMPARE(ChartAxes::valueTickCount(180), 4);
    }

    void liveAxisScrollsInSteps()
    {
        constexpr qint64 kMinute = 60 * 1000;
        constexpr qint64 kHour = 60 * kMinute;
        const qint64 now = QDateTime(QDate(2024, 3, 12), QTime(10, 17, 23)).toMSecsSinceEpoch();

        // A fresh chart spans a minute, its edge on the next 5 s.
        auto window = ChartAxes::liveWindow(now, now, kMinute, kHour, false);
        QCOMPARE(window.spanMs, kMinute);
        QVERIFY(window.endMs > now && window.endMs <= now + 5000);
        QCOMPARE(window.endMs % 5000, 0);
        QCOMPARE(window.fromMs, window.endMs - kMinute);

        // A young chart's span grows in whole minutes, past ten in fives.
        window = ChartAxes::liveWindow(now - 90 * 1000, now, kMinute, kHour, false);
        QCOMPARE(window.spanMs, 2 * kMinute);
        QCOMPARE(ChartAxes::liveWindow(now - 119 * 1000, now, kMinute, kHour, false).spanMs,
                 2 * kMinute);
        QCOMPARE(ChartAxes::liveWindow(now - 11 * kMinute, now, kMinute, kHour, false).spanMs,
                 15 * kMinute);
        QCOMPARE(ChartAxes::liveWindow(now - 58 * kMinute, now, kMinute, kHour, false).spanMs,
                 kHour);

        // Two hours of samples show the last hour, the edge on the next minute.
        window = ChartAxes::liveWindow(now - 2 * kHour, now, kMinute, kHour, false);
        QCOMPARE(window.spanMs, kHour);
        QCOMPARE(window.endMs % kMinute, 0);
        QVERIFY(window.endMs > now && window.endMs <= now + kMinute);
        QCOMPARE(window.samplesEndMs, window.endMs);
        // Samples within that minute do not move it.
        const auto later
            = ChartAxes::liveWindow(now - 2 * kHour, now + 20 * 1000, kMinute, kHour, false);
        QCOMPARE(later.endMs, window.endMs);

        // A forecast gets a quarter of the span beyond the samples.
        const auto forecast = ChartAxes::liveWindow(now - 2 * kHour, now, kMinute, kHour, true);
        QCOMPARE(forecast.samplesEndMs, window.endMs);
        QCOMPARE(forecast.endMs, window.endMs + kHour / 4);
        QCOMPARE(forecast.fromMs, window.fromMs);

        QCOMPARE(ChartAxes::liveTimeFormat(kMinute), QStringLiteral("HH:mm:ss"));
        QCOMPARE(ChartAxes::liveTimeFormat(10 * kMinute), QStringLiteral("HH:mm:ss"));
        QCOMPARE(ChartAxes::liveTimeFormat(10 * kMinute + 1), QStringLiteral("HH:mm"));
        QCOMPARE(ChartAxes::liveTimeFormat(kHour), QStringLiteral("HH:mm"));
    }

    void longRangeTickSteps()
    {
        constexpr qint64 kHour = 3600 * 1000;
        constexpr qint64 kDay = 24 * kHour;
        // The finest step whose labels fit.
        QCOMPARE(ChartAxes::tickStep(24 * kHour, 30).hours, 1);
        QCOMPARE(ChartAxes::tickStep(24 * kHour, 8).hours, 3);
        QCOMPARE(ChartAxes::tickStep(24 * kHour, 1).hours, 12);
        QCOMPARE(ChartAxes::tickStep(36 * kHour, 40).hours, 1);
        // Past a day and a half: midnights.
        const auto week = ChartAxes::tickStep(36 * kHour + 1, 40);
        QCOMPARE(week.hours, 0);
        QCOMPARE(week.days, 1);
        QCOMPARE(ChartAxes::tickStep(30 * kDay, 10).days, 5);
        QCOMPARE(ChartAxes::tickStep(30 * kDay, 2).days, 30);
    }

    void longRangeLabelsTurnIntoDates()
    {
        const auto at = [](int day, int hour, int minute = 0) {
            return QDateTime(QDate(2024, 3, day), QTime(hour, minute)).toMSecsSinceEpoch();
        };
        const auto labels = [](const QList<ChartAxes::Tick> &ticks) {
            QStringList out;
            for (const ChartAxes::Tick &tick : ticks)
                out << tick.label;
            return out;
        };

        // Within a day: the time of day on whole hours.
        QList<ChartAxes::Tick> ticks
            = ChartAxes::ticks(at(12, 9, 30), at(12, 15, 30), ChartAxes::TickStep{ 2, 0 });
        QCOMPARE(labels(ticks),
                 (QStringList{ QStringLiteral("10:00"), QStringLiteral("12:00"),
                               QStringLiteral("14:00") }));
        QCOMPARE(ticks.first().timeMs, at(12, 10));
        // Across midnight the midnight is labelled with its date.
        ticks = ChartAxes::ticks(at(12, 20, 30), at(13, 4, 30), ChartAxes::TickStep{ 2, 0 });
        QCOMPARE(labels(ticks),
                 (QStringList{ QStringLiteral("22:00"), QStringLiteral("13 Mar"),
                               QStringLiteral("02:00"), QStringLiteral("04:00") }));
        QCOMPARE(ticks[1].timeMs, at(13, 0));

        // A month: dates only, on the 1st, 6th, 11th… and never the 31st.
        ticks = ChartAxes::ticks(at(1, 12), at(31, 12), ChartAxes::TickStep{ 0, 5 });
        QCOMPARE(labels(ticks),
                 (QStringList{ QStringLiteral("6 Mar"), QStringLiteral("11 Mar"),
                               QStringLiteral("16 Mar"), QStringLiteral("21 Mar"),
                               QStringLiteral("26 Mar") }));
        for (const ChartAxes::Tick &tick : ticks)
            QCOMPARE(QDateTime::fromMSecsSinceEpoch(tick.timeMs).time(), QTime(0, 0));
        // Every day, strictly inside the range.
        ticks = ChartAxes::ticks(at(1, 0), at(8, 0), ChartAxes::TickStep{ 0, 1 });
        QCOMPARE(ticks.size(), 6);
        QCOMPARE(ticks.first().label, QStringLiteral("2 Mar"));
        QCOMPARE(ticks.last().label, QStringLiteral("7 Mar"));
    }

    void placedTicksKeepClearOfTheEdges()
    {
        const auto at = [](int day, int hour, int minute = 0) {
            return QDateTime(QDate(2024, 3, day), QTime(hour, minute)).toMSecsSinceEpoch();
        };
        constexpr qint64 kMinute = 60 * 1000;
        // Half a label is 40 minutes wide: 10:00 is clear of the left edge
        // (30 minutes, more than half of that), 15:00 too close to the right.
        QList<ChartAxes::Tick> ticks = ChartAxes::placedTicks(
            at(12, 9, 30), at(12, 15, 30), ChartAxes::TickStep{ 1, 0 }, 40.0 * kMinute);
        QCOMPARE(ticks.size(), 5);
        QCOMPARE(ticks.first().label, QStringLiteral("10:00"));
        QCOMPARE(ticks.last().label, QStringLiteral("14:00"));
        // 70 minutes: now 10:00 is too close on the left as well.
        ticks = ChartAxes::placedTicks(at(12, 9, 30), at(12, 15, 30), ChartAxes::TickStep{ 1, 0 },
                                       70.0 * kMinute);
        QCOMPARE(ticks.first().label, QStringLiteral("11:00"));
        QCOMPARE(ticks.last().label, QStringLiteral("14:00"));

        // The axis takes each label once: the second day's 12:00 is left out.
        ticks = ChartAxes::placedTicks(at(12, 8), at(13, 14), ChartAxes::TickStep{ 6, 0 }, 0);
        QStringList labels;
        for (const ChartAxes::Tick &tick : ticks)
            labels << tick.label;
        QCOMPARE(labels,
                 (QStringList{ QStringLiteral("12:00"), QStringLiteral("18:00"),
                               QStringLiteral("13 Mar"), QStringLiteral("06:00") }));
    }
};

QTEST_GUILESS_MAIN(TestChartSeriesData)
#include "tst_chartseriesdata.moc"
