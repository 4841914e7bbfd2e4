// A chart line's points become the segments drawn: split at gaps in
// collection, and not at history kept at a coarser pace than today's samples.

#include "chartseriesdata.h"

#include <QTest>
#include <cmath>

using namespace Umbra;

class TestChartSeriesData : public QObject
{
    Q_OBJECT

private Q_SLOTS:
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
};

QTEST_GUILESS_MAIN(TestChartSeriesData)
#include "tst_chartseriesdata.moc"
