// The time-series store: ordering rule, heads visible to readers, restart
// continuity, rollups against a brute-force reference, raw samples standing
// in for sparse rollups (through the reader, charts and retention),
// retention, chart queries that keep spikes, full and read-only files, CSV in
// and out.
#include "series/csvseries.h"
#include "series/seriesreader.h"
#include "series/serieswriter.h"
#include "series/statementcache.h"
#include "series/timeorder.h"
#include "store/database.h"

#include <QBuffer>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <algorithm>
#include <cmath>
#include <map>

using namespace Umbra;
using namespace Umbra::Series;

namespace {

constexpr qint64 kStart = 1700000000000; // a Tuesday, 22:13:20 UTC

// A writer and a reader on two connections of one file, sharing heads, as the
// console's store and reader threads do.
struct Fixture
{
    explicit Fixture(const QString &path, std::shared_ptr<SeriesHeads> sharedHeads = {})
        : heads(sharedHeads ? sharedHeads : std::make_shared<SeriesHeads>())
    {
        static int counter = 0;
        auto w = Database::open(path, QStringLiteral("series-w%1").arg(++counter));
        auto r = Database::open(path, QStringLiteral("series-r%1").arg(counter));
        if (!w || !r)
            qFatal("cannot open %s", qPrintable(w ? r.error() : w.error()));
        writeDb = std::move(w).value();
        readDb = std::move(r).value();
        writer = std::make_unique<SeriesWriter>(writeDb->sql(), heads);
        reader = std::make_unique<SeriesReader>(readDb->sql(), heads);
    }
    ~Fixture()
    {
        writer.reset();
        reader.reset();
    }

    bool commit(bool compactEverything = false)
    {
        QSqlDatabase &db = writeDb->sql();
        if (!db.transaction())
            return false;
        auto done = writer->flush();
        if (done && compactEverything)
            done = writer->compactAll();
        if (!done || !db.commit()) {
            db.rollback();
            writer->rolledBack();
            lastError = done ? db.lastError().text() : done.error();
            return false;
        }
        writer->committed();
        return true;
    }

    int series(const QString &name, qint8 precision = kExact)
    {
        return writer->seriesId(name, precision).value();
    }

    std::shared_ptr<SeriesHeads> heads;
    std::unique_ptr<Database> writeDb;
    std::unique_ptr<Database> readDb;
    std::unique_ptr<SeriesWriter> writer;
    std::unique_ptr<SeriesReader> reader;
    QString lastError;
};

std::vector<SeriesPoint> points(int id, const std::vector<std::pair<qint64, double>> &values)
{
    std::vector<SeriesPoint> out;
    for (const auto &[t, v] : values)
        out.push_back({ id, t, v });
    return out;
}

using Reference = std::map<qint64, std::vector<double>>;

// Buckets of `resolution` over every value before `before`, as brute force.
Reference referenceBuckets(const std::vector<std::pair<qint64, double>> &values,
                           Resolution resolution, qint64 before)
{
    Reference reference;
    for (const auto &[time, v] : values)
        if (!std::isnan(v) && time < before)
            reference[floorTo(time, info(resolution).bucketMs)].push_back(v);
    return reference;
}

// Whatever the reader returns for a rollup resolution equals brute force:
// count, min, mean (to the precision), max, p95, and no bucket twice.
bool matchesReference(SeriesReader &reader, int id, Resolution resolution, qint64 fromMs,
                      qint64 toMs, Reference reference, double meanTolerance)
{
    std::map<qint64, std::array<double, 5>> stored;
    bool twice = false;
    auto scanned = reader.scan(id, resolution, fromMs, toMs, [&](const DecodedChunk &c) {
        for (size_t i = 0; i < c.timestamps.size(); ++i) {
            const auto row = qsizetype(i);
            twice = twice || stored.count(c.timestamps[i]) > 0;
            stored[c.timestamps[i]] = { c.value(row, Count), c.value(row, Min), c.value(row, Mean),
                                        c.value(row, Max), c.value(row, P95) };
        }
        return true;
    });
    if (!scanned.ok() || twice || stored.size() != reference.size()) {
        qWarning("resolution %d: %zu buckets stored, %zu expected%s", int(resolution),
                 stored.size(), reference.size(), twice ? ", one twice" : "");
        return false;
    }
    for (auto &[start, bucket] : reference) {
        if (!stored.count(start))
            return false;
        const auto &s = stored[start];
        std::sort(bucket.begin(), bucket.end());
        double sum = 0;
        for (double v : bucket)
            sum += v;
        const size_t rank = size_t(std::ceil(0.95 * double(bucket.size())));
        if (s[Count] != double(bucket.size()) || s[Min] != bucket.front() || s[Max] != bucket.back()
            || s[P95] != bucket[rank - 1]
            || std::abs(s[Mean] - sum / double(bucket.size())) > meanTolerance) {
            qWarning("resolution %d, bucket %lld differs: stored %g %g %g %g %g, expected %zu %g "
                     "%g %g %g",
                     int(resolution), start, s[Count], s[Min], s[Mean], s[Max], s[P95],
                     bucket.size(), bucket.front(), sum / double(bucket.size()), bucket.back(),
                     bucket[rank - 1]);
            return false;
        }
    }
    return true;
}

int chunkCount(Database &db, int resolution)
{
    QSqlQuery q(db.sql());
    q.exec(QStringLiteral("SELECT count(*) FROM ts_chunks WHERE resolution = %1").arg(resolution));
    return q.next() ? q.value(0).toInt() : -1;
}

int tableRows(Database &db, const QString &table)
{
    QSqlQuery q(db.sql());
    q.exec(QStringLiteral("SELECT count(*) FROM %1").arg(table));
    return q.next() ? q.value(0).toInt() : -1;
}

} // namespace

class TestSeries : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_counter = 0;
    QString freshPath() { return m_dir.filePath(QStringLiteral("s%1.db").arg(++m_counter)); }

private Q_SLOTS:
    void outOfOrderIsRejectedAndDuplicateReplaces()
    {
        Fixture f(freshPath());
        const int id = f.series(QStringLiteral("vm/a/cpu"), -2);
        QVERIFY(f.writer->append(points(id, { { 1000, 1 }, { 2000, 2 }, { 3000, 3 } })).ok());
        // Same time as the newest: the newer value wins. Older: dropped, counted.
        QVERIFY(f.writer->append(points(id, { { 3000, 30 }, { 1500, 99 }, { 2000, 99 } })).ok());
        QCOMPARE(f.writer->rejectedSamples(), qint64(2));
        // Named with the newest time the series held, once.
        const QHash<QString, qint64> rejected{ { QStringLiteral("vm/a/cpu"), 3000 } };
        QCOMPARE(f.writer->takeRejectedSeries(), rejected);
        QVERIFY(f.writer->takeRejectedSeries().isEmpty());
        auto read = f.reader->samples(id, 0, 10000);
        QVERIFY(read.ok());
        QCOMPARE(read->size(), 3);
        QCOMPARE(read->at(1).value, 2.0);
        QCOMPARE(read->at(2).value, 30.0);
    }

    void outsideDataFollowsTheStoresRuleForTimes()
    {
        // What readers of outside data apply before storing or measuring:
        // the same rule as the writer above, counted so that it can be said.
        QList<TimedValue> values{ { 1000, 1 },  { 1000, 2 }, { 1000, 3 }, { 2000, 4 },
                                  { 1500, 99 }, { 2000, 5 }, { 3000, 6 } };
        const TimeOrderCounts counts = keepTimeOrder(values);
        QCOMPARE(counts.replaced, qint64(3));
        QCOMPARE(counts.dropped, qint64(1));
        QCOMPARE(values.size(), 3);
        QCOMPARE(values[0].value, 3.0);
        QCOMPARE(values[1].value, 5.0);
        QCOMPARE(values[2].value, 6.0);
        QVERIFY2(counts.describe().startsWith(QLatin1String("3 sample"))
                     && counts.describe().contains(QLatin1String(", 1 sample")),
                 qPrintable(counts.describe()));
        QList<TimedValue> clean{ { 1, 1 }, { 2, 2 } };
        QVERIFY(!keepTimeOrder(clean).any());
        QVERIFY(TimeOrderCounts().describe().isEmpty());
    }

    void headIsVisibleBeforeAndAfterCommit()
    {
        Fixture f(freshPath());
        const int id = f.series(QStringLiteral("vm/a/cpu"), -2);
        std::vector<std::pair<qint64, double>> values;
        for (int i = 0; i < 1000; ++i) // several sealed chunks and an open one
            values.push_back({ kStart + 1000 * i, i * 0.01 });
        QVERIFY(f.writer->append(points(id, values)).ok());
        QCOMPARE(f.reader->samples(id, 0, kStart * 2)->size(), 1000);
        QCOMPARE(f.reader->latestTimestamp(id).value(), kStart + 999000);
        QVERIFY(f.commit());
        auto read = f.reader->samples(id, 0, kStart * 2);
        QCOMPARE(read->size(), 1000); // no chunk twice
        QCOMPARE(read->at(999).value, 9.99);
        QVERIFY(f.writer->append(points(id, { { kStart + 1000000, 5 } })).ok());
        QCOMPARE(f.reader->samples(id, 0, kStart * 2)->size(), 1001);
        // A reader with no heads sees exactly what is committed.
        SeriesReader fileOnly(f.readDb->sql(), std::make_shared<SeriesHeads>());
        QCOMPARE(fileOnly.samples(id, 0, kStart * 2)->size(), 1000);
    }

    void restartContinuesTheOpenChunk()
    {
        const QString path = freshPath();
        int id = 0;
        {
            Fixture f(path);
            id = f.series(QStringLiteral("host/x/cpu"), -2);
            std::vector<std::pair<qint64, double>> values;
            for (int i = 0; i < 100; ++i)
                values.push_back({ kStart + 1000 * i, i });
            QVERIFY(f.writer->append(points(id, values)).ok());
            QVERIFY(f.commit());
        }
        Fixture f(path);
        QCOMPARE(f.writer->newestTimestamp(), kStart + 99'000); // from the open chunk
        QCOMPARE(f.series(QStringLiteral("host/x/cpu"), -2), id);
        QVERIFY(
            f.writer->append(points(id, { { kStart + 98000, 1 }, { kStart + 100000, 100 } })).ok());
        QCOMPARE(f.writer->rejectedSamples(), qint64(1)); // older than what was committed
        QVERIFY(f.commit());
        QCOMPARE(f.reader->samples(id, 0, kStart * 2)->size(), 101);
        // Continued in its open chunk, not a second small chunk.
        QCOMPARE(chunkCount(*f.writeDb, 0), 0);
        QCOMPARE(tableRows(*f.writeDb, QStringLiteral("ts_open")), 1);
    }

    // Version 19 kept a series' open chunk among its sealed ones. After the
    // step to 20 it stays there, sealed; the series goes on in a new open
    // chunk, and nothing is read twice or lost.
    void upgradeLeavesOpenChunksSealed()
    {
        const QString path = freshPath();
        int partial = 0, full = 0;
        const int maxRows = info(Resolution::Raw).maxRows;
        {
            Fixture f(path);
            partial = f.series(QStringLiteral("vm/partial/cpu"), -2);
            full = f.series(QStringLiteral("vm/full/cpu"), -2);
            std::vector<SeriesPoint> batch;
            for (int i = 0; i < 100; ++i)
                batch.push_back({ partial, kStart + 1000 * i, double(i) });
            for (int i = 0; i <= maxRows; ++i)
                batch.push_back({ full, kStart + 1000 * i, double(i) });
            QVERIFY(f.writer->append(batch).ok());
            QVERIFY(f.commit());
            QCOMPARE(tableRows(*f.writeDb, QStringLiteral("ts_open")), 2);
            // Back to version 19's layout.
            QSqlQuery q(f.writeDb->sql());
            QVERIFY(q.exec(QStringLiteral(
                "INSERT INTO ts_chunks (series_id, resolution, start_ms, end_ms, rows, data) "
                "SELECT series_id, 0, start_ms, end_ms, rows, data FROM ts_open")));
            QVERIFY(q.exec(QStringLiteral("DROP TABLE ts_open")));
            QVERIFY(q.exec(QStringLiteral("PRAGMA user_version=19")));
        }

        Fixture f(path);
        QCOMPARE(tableRows(*f.writeDb, QStringLiteral("ts_open")), 0);
        QCOMPARE(f.writer->newestTimestamp(), kStart + 1000 * maxRows); // from sealed chunks
        QCOMPARE(chunkCount(*f.writeDb, 0), 3);
        QCOMPARE(f.reader->samples(partial, 0, kStart * 2)->size(), 100);
        QCOMPARE(f.reader->samples(full, 0, kStart * 2)->size(), maxRows + 1);
        QCOMPARE(f.reader->latestTimestamp(partial).value(), kStart + 99'000);

        const qint64 next = kStart + 1000 * (maxRows + 1);
        QVERIFY(f.writer->append(points(partial, { { kStart + 99'000, 5 }, { next, 7 } })).ok());
        QCOMPARE(f.writer->rejectedSamples(), qint64(1)); // in a chunk sealed by the upgrade
        QVERIFY(f.writer->append(points(full, { { next, 7 } })).ok());
        QVERIFY(f.commit());
        QCOMPARE(chunkCount(*f.writeDb, 0), 3);
        QCOMPARE(tableRows(*f.writeDb, QStringLiteral("ts_open")), 2);
        SeriesReader plain(f.readDb->sql(), std::make_shared<SeriesHeads>());
        const auto stored = plain.samples(partial, 0, kStart * 2);
        QCOMPARE(stored->size(), 101);
        QCOMPARE(stored->at(99).value, 99.0);
        QCOMPARE(stored->last().timeMs, next);
        QCOMPARE(plain.samples(full, 0, kStart * 2)->size(), maxRows + 2);
    }

    // Many changed open chunks: a flush journals the samples in one row and
    // writes a slice of the open chunks, not one B-tree page per series; a
    // crash (no close) loses none of them, and the journal stays bounded.
    void flushJournalsSamplesAndWritesASliceOfOpenChunks()
    {
        const QString path = freshPath();
        constexpr int kSeries = 600; // over SeriesWriter::kSnapshotAllBelow
        std::vector<int> ids;
        {
            Fixture f(path);
            for (int s = 0; s < kSeries; ++s)
                ids.push_back(f.series(QStringLiteral("vm/%1/cpu").arg(s), -2));
            std::vector<SeriesPoint> batch;
            for (int id : ids)
                batch.push_back({ id, kStart, double(id) });
            QVERIFY(f.writer->append(batch).ok());
            QVERIFY(f.commit());
            QCOMPARE(tableRows(*f.writeDb, QStringLiteral("ts_journal")), 1);
            // One slice of the open chunks (runs of neighbouring ids spread
            // over 60 slices), not all, and none of them sealed.
            const int written = tableRows(*f.writeDb, QStringLiteral("ts_open"));
            QVERIFY2(written > 0 && written <= DirtySeries<SeriesWriter::kSnapshotSlices>::kRun,
                     qPrintable(QString::number(written)));
            QCOMPARE(chunkCount(*f.writeDb, 0), 0);

            // Many flushes later the journal still holds about a minute's rows.
            for (int flush = 1; flush < 3 * SeriesWriter::kSnapshotSlices; ++flush) {
                batch.clear();
                for (int id : ids)
                    batch.push_back({ id, kStart + 1000 * flush, double(flush) });
                QVERIFY(f.writer->append(batch).ok());
                QVERIFY(f.commit());
            }
            QVERIFY(tableRows(*f.writeDb, QStringLiteral("ts_journal"))
                    <= SeriesWriter::kSnapshotSlices);
            // Killed here: no close, no final snapshot.
        }

        // Another process reading the file sees every sample...
        {
            auto db
                = Database::open(path, QStringLiteral("detached-reader"), Database::Mode::ReadOnly);
            QVERIFY(db.ok());
            auto heads = std::make_shared<SeriesHeads>();
            QVERIFY(SeriesWriter(db.value()->sql(), heads).replayJournal().ok());
            SeriesReader reader(db.value()->sql(), heads);
            for (int id : { ids.front(), ids.back() })
                QCOMPARE(reader.samples(id, 0, kStart * 2)->size(),
                         qsizetype(3 * SeriesWriter::kSnapshotSlices));
        }
        // ...and the next writer takes them over and, at close, leaves them
        // all in the chunks.
        Fixture f(path);
        QVERIFY(f.writer->replayJournal().ok());
        QVERIFY(f.writeDb->sql().transaction());
        QVERIFY(f.writer->flush(5000, SeriesWriter::Snapshot::All).ok());
        QVERIFY(f.writeDb->sql().commit());
        f.writer->committed();
        QCOMPARE(tableRows(*f.writeDb, QStringLiteral("ts_journal")), 0);
        SeriesReader plain(f.readDb->sql(), std::make_shared<SeriesHeads>());
        for (int id : ids)
            QCOMPARE(plain.samples(id, 0, kStart * 2)->size(),
                     qsizetype(3 * SeriesWriter::kSnapshotSlices));
    }

    // A flush that fails part way (a full disk) is rolled back; the next one
    // writes what the failed one had not reached too. Here the series take
    // no more samples, so nothing else would make them dirty again.
    void failedFlushLeavesUnvisitedSeriesDirty()
    {
        Fixture f(freshPath());
        std::vector<int> ids;
        for (int s = 0; s < 8; ++s)
            ids.push_back(f.series(QStringLiteral("vm/%1/cpu").arg(s), -2));
        std::vector<SeriesPoint> batch;
        for (int id : ids)
            batch.push_back({ id, kStart, 1.0 });
        QVERIFY(f.writer->append(batch).ok());
        QVERIFY(f.commit());
        // An hour on: every first chunk is sealed and a second one opened.
        batch.clear();
        for (int id : ids)
            batch.push_back({ id, kStart + 3'600'000, 2.0 });
        QVERIFY(f.writer->append(batch).ok());

        QSqlQuery q(f.writeDb->sql());
        QVERIFY(q.exec(QStringLiteral("CREATE TEMP TRIGGER disk_full BEFORE INSERT ON ts_chunks"
                                      " WHEN NEW.series_id > %1"
                                      " BEGIN SELECT RAISE(ABORT, 'disk full'); END")
                           .arg(ids[3])));
        QVERIFY(!f.commit());
        QVERIFY(f.lastError.contains(QStringLiteral("disk full")));
        QVERIFY(q.exec(QStringLiteral("DROP TRIGGER disk_full")));
        QVERIFY(f.commit());

        // The file alone holds both samples of every series.
        SeriesReader plain(f.readDb->sql(), std::make_shared<SeriesHeads>());
        for (int id : ids)
            QCOMPARE(plain.samples(id, 0, kStart * 2)->size(), qsizetype(2));
    }

    // A series that seals a chunk writes its new open chunk in the same
    // flush, whatever its slice: the snapshot in ts_open was a prefix of the
    // sealed chunk, and left there a reader of the file would see its
    // samples twice.
    void sealedChunkTakesItsOpenSnapshotAlong()
    {
        Fixture f(freshPath());
        constexpr int kSeries = 600; // over SeriesWriter::kSnapshotAllBelow
        std::vector<int> ids;
        for (int s = 0; s < kSeries; ++s)
            ids.push_back(f.series(QStringLiteral("vm/%1/cpu").arg(s), -2));
        std::vector<SeriesPoint> batch;
        for (int id : ids)
            batch.push_back({ id, kStart, 1.0 });
        QVERIFY(f.writer->append(batch).ok());
        QVERIFY(f.commit()); // slice 0's open chunks are in ts_open now
        batch.clear();
        for (int id : ids)
            batch.push_back({ id, kStart + 3'600'000, 2.0 });
        QVERIFY(f.writer->append(batch).ok());
        QVERIFY(f.commit()); // every first chunk sealed, in slice 1's turn

        SeriesReader plain(f.readDb->sql(), std::make_shared<SeriesHeads>());
        int snapshotted = 0;
        for (int id : ids) {
            const auto stored = plain.samples(id, 0, kStart * 2);
            QVERIFY(stored.ok());
            for (qsizetype i = 1; i < stored->size(); ++i)
                QVERIFY2(stored->at(i).timeMs > stored->at(i - 1).timeMs,
                         qPrintable(QStringLiteral("series %1 holds a sample twice").arg(id)));
            if (stored->size() == 2)
                ++snapshotted;
        }
        // The file alone holds both samples of every series.
        QCOMPARE(snapshotted, kSeries);
        QCOMPARE(tableRows(*f.writeDb, QStringLiteral("ts_open")), kSeries);
    }

    // A journal row naming a series that no longer exists (its history
    // expired) or cut short by damage is replayed as far as it goes, and
    // ingest goes on.
    void journalOfAGoneSeriesDoesNotStopIngest()
    {
        const QString path = freshPath();
        Fixture f(path);
        const int id = f.series(QStringLiteral("vm/a/cpu"), -2);
        QByteArray row;
        const auto sample = [&row](qint32 series, qint64 time, double value) {
            row.append(reinterpret_cast<const char *>(&series), 4); // little-endian here
            row.append(reinterpret_cast<const char *>(&time), 8);
            row.append(reinterpret_cast<const char *>(&value), 8);
        };
        sample(id, kStart, 1.0);
        sample(987654, kStart, 2.0); // no such series
        sample(id, kStart + 1000, 3.0);
        row.append("\x01\x02\x03", 3); // a torn tail
        QSqlQuery insert(f.writeDb->sql());
        QVERIFY(insert.prepare(QStringLiteral("INSERT INTO ts_journal (data) VALUES (?)")));
        insert.addBindValue(row);
        QVERIFY(insert.exec());

        Fixture next(path);
        QVERIFY(next.writer->append(points(id, { { kStart + 2000, 4.0 } })).ok());
        QVERIFY(next.commit());
        QCOMPARE(next.reader->samples(id, 0, kStart * 2)->size(), 3);
        QCOMPARE(next.writer->rejectedSamples(), qint64(0));
    }

    void rollupsMatchBruteForce()
    {
        Fixture f(freshPath());
        const int id = f.series(QStringLiteral("vm/r/cpu"), -2);
        QRandomGenerator rng(17);
        std::vector<std::pair<qint64, double>> values;
        qint64 t = kStart;
        const qint64 end = kStart + 5 * kHourMs;
        while (t < end) {
            const double v = rng.bounded(20) == 0 ? std::nan("")
                                                  : std::round(rng.generateDouble() * 10000) / 100;
            values.push_back({ t, v });
            t += 500 + rng.bounded(9000); // irregular, 0.5–9.5 s
        }
        QVERIFY(f.writer->append(points(id, values)).ok());
        QVERIFY(f.commit(true));

        const qint64 rolledTo = floorTo(values.back().first, kHourMs);
        for (Resolution resolution : kRollups) {
            const qint64 bucketMs = info(resolution).bucketMs;
            std::map<qint64, std::vector<double>> reference;
            for (const auto &[time, v] : values)
                if (!std::isnan(v) && time < rolledTo)
                    reference[floorTo(time, bucketMs)].push_back(v);
            std::map<qint64, std::array<double, 5>> stored;
            QVERIFY(f.reader
                        ->scan(id, resolution, 0, end,
                               [&](const DecodedChunk &c) {
                                   for (size_t i = 0; i < c.timestamps.size(); ++i)
                                       stored[c.timestamps[i]] = { c.value(qsizetype(i), Count),
                                                                   c.value(qsizetype(i), Min),
                                                                   c.value(qsizetype(i), Mean),
                                                                   c.value(qsizetype(i), Max),
                                                                   c.value(qsizetype(i), P95) };
                                   return true;
                               })
                        .ok());
            QCOMPARE(stored.size(), reference.size());
            for (auto &[start, bucket] : reference) {
                QVERIFY(stored.count(start));
                const auto &s = stored[start];
                std::sort(bucket.begin(), bucket.end());
                double sum = 0;
                for (double v : bucket)
                    sum += v;
                const size_t rank = size_t(std::ceil(0.95 * double(bucket.size())));
                QCOMPARE(s[Count], double(bucket.size()));
                QCOMPARE(s[Min], bucket.front());
                QCOMPARE(s[Max], bucket.back());
                QVERIFY(std::abs(s[Mean] - sum / double(bucket.size())) <= 0.005 + 1e-9);
                QCOMPARE(s[P95], bucket[rank - 1]);
            }
        }
    }

    void rollupsOfManySeriesHourByHourMatchBruteForce()
    {
        // As the console rolls up: every series' hour as it completes, a
        // commit every ten minutes, the writer's statements reused for each
        // series and each hour.
        Fixture f(freshPath());
        constexpr int kSeries = 6;
        std::vector<int> ids;
        std::vector<std::vector<std::pair<qint64, double>>> values(kSeries);
        for (int s = 0; s < kSeries; ++s)
            ids.push_back(f.series(QStringLiteral("vm/m%1/cpu").arg(s), -2));
        QRandomGenerator rng(29);
        const qint64 end = kStart + 4 * kHourMs;
        for (qint64 t = kStart; t < end; t += 10000) {
            std::vector<SeriesPoint> step;
            for (int s = 0; s < kSeries; ++s) {
                // Series 0 leaves gaps of an hour: its hours go to stand-ins.
                if (s == 0 && floorTo(t, kHourMs) % (2 * kHourMs) == 0 && t % 600000 != 0)
                    continue;
                const double v = std::round(rng.generateDouble() * 10000) / 100;
                values[size_t(s)].push_back({ t, v });
                step.push_back({ ids[size_t(s)], t, v });
            }
            QVERIFY(f.writer->append(step).ok());
            if ((t - kStart) % 600000 == 0)
                QVERIFY2(f.commit(), qPrintable(f.lastError));
        }
        QVERIFY2(f.commit(), qPrintable(f.lastError));
        const qint64 rolledTo = floorTo(end - 1, kHourMs);
        for (int s = 0; s < kSeries; ++s) {
            for (Resolution resolution : kRollups) {
                Reference reference = referenceBuckets(values[size_t(s)], resolution, rolledTo);
                // A sparse hour is answered by its raw samples standing in.
                QVERIFY2(matchesReference(*f.reader, ids[size_t(s)], resolution, 0, rolledTo,
                                          reference, 0.005 + 1e-9),
                         qPrintable(QStringLiteral("series %1").arg(s)));
            }
        }
    }

    void compactionWaitsForLaterFlushesPastItsSlice()
    {
        // A flush rolls up for its time slice, then leaves the rest to the
        // next flushes, one series each at the least: its transaction holds
        // the write lock that every other writer of the file waits for.
        Fixture f(freshPath());
        f.writer->setCompactionSliceMs(0);
        std::vector<int> ids;
        for (int s = 0; s < 4; ++s)
            ids.push_back(f.series(QStringLiteral("vm/s%1/cpu").arg(s), -2));
        std::vector<std::pair<qint64, double>> values;
        for (qint64 t = kStart; t < kStart + 2 * kHourMs; t += 10000)
            values.push_back({ t, double((t / 10000) % 97) });
        for (int id : ids)
            QVERIFY(f.writer->append(points(id, values)).ok());
        QCOMPARE(f.writer->seriesDueForCompaction(), 4);
        for (int due = 3; due >= 0; --due) {
            QVERIFY2(f.commit(), qPrintable(f.lastError));
            QCOMPARE(f.writer->seriesDueForCompaction(), due);
        }
        const qint64 rolledTo = floorTo(values.back().first, kHourMs);
        for (int id : ids)
            QVERIFY(matchesReference(*f.reader, id, Resolution::Minute, 0, rolledTo,
                                     referenceBuckets(values, Resolution::Minute, rolledTo),
                                     0.005 + 1e-9));
    }

    void cachedStatementsHoldNoReadOpen()
    {
        // A query left part-way holds a snapshot of the file, which keeps a
        // checkpoint from emptying the write-ahead log; resetAll() after a
        // transaction lets go of it.
        Fixture f(freshPath());
        for (int s = 0; s < 3; ++s)
            f.series(QStringLiteral("vm/c%1/cpu").arg(s));
        QSqlQuery write(f.writeDb->sql());
        QVERIFY(write.exec(QStringLiteral("UPDATE ts_series SET precision = -1")));

        StatementCache cache(f.readDb->sql());
        const char *names = "SELECT name FROM ts_series ORDER BY id";
        SqliteStatement &read = cache(names);
        QVERIFY(read.next().value()); // the first of three, and no further
        QCOMPARE(&cache(names), &read); // the same statement, back at its start
        QVERIFY(read.next().value());

        auto checkpointBusy = [&] {
            QSqlQuery checkpoint(f.writeDb->sql());
            checkpoint.exec(QStringLiteral("PRAGMA busy_timeout = 0"));
            if (!checkpoint.exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"))
                || !checkpoint.next())
                return -1;
            return checkpoint.value(0).toInt();
        };
        QCOMPARE(checkpointBusy(), 1);
        cache.resetAll();
        QCOMPARE(checkpointBusy(), 0);
        QCOMPARE(QFileInfo(f.writeDb->path() + QStringLiteral("-wal")).size(), 0);
    }

    void retentionKeepsRollupsAndUnrolledRaw()
    {
        Fixture f(freshPath());
        const int id = f.series(QStringLiteral("vm/old/cpu"), -2);
        std::vector<std::pair<qint64, double>> values;
        // Two samples a minute: every hour is rolled up at every resolution.
        for (qint64 t = kStart; t < kStart + 4 * kDayMs; t += kMinuteMs / 2)
            values.push_back({ t, double((t / kMinuteMs) % 100) });
        QVERIFY(f.writer->append(points(id, values)).ok());
        QVERIFY(f.commit(true));
        const qint64 newest = values.back().first;
        const int rawBefore = chunkCount(*f.writeDb, 0);

        Retention retention; // raw 48 h
        retention.minuteMs = 3 * kDayMs;
        QVERIFY(f.writeDb->sql().transaction());
        // In slices: each call deletes at most what it is allowed to.
        auto first = f.writer->enforceRetention(retention, 3);
        QVERIFY(first.ok());
        QCOMPARE(first.value(), 3);
        while (f.writer->enforceRetention(retention, 1000).value() > 0) { }
        QVERIFY(f.writeDb->sql().commit());

        QVERIFY(chunkCount(*f.writeDb, 0) < rawBefore);
        auto raw = f.reader->samples(id, 0, newest);
        QVERIFY(raw->first().timeMs >= newest - 48 * kHourMs - kHourMs);
        QCOMPARE(raw->last().timeMs, newest);
        // Minute buckets go back three days; five-minute and hourly ones to the start.
        qint64 firstMinute = 0, firstHour = 0;
        QVERIFY(f.reader
                    ->scan(id, Resolution::Minute, 0, newest,
                           [&](const DecodedChunk &c) {
                               firstMinute = firstMinute ? firstMinute : c.timestamps.front();
                               return true;
                           })
                    .ok());
        QVERIFY(f.reader
                    ->scan(id, Resolution::Hour, 0, newest,
                           [&](const DecodedChunk &c) {
                               firstHour = firstHour ? firstHour : c.timestamps.front();
                               return true;
                           })
                    .ok());
        QVERIFY(firstMinute >= newest - 3 * kDayMs - 4 * kHourMs);
        QCOMPARE(firstHour, floorTo(kStart, kHourMs));
    }

    void sparseHoursAreKeptAsRawStandingIn()
    {
        // Every five minutes, as the Bitbrains traces: one sample per 1- and
        // 5-minute bucket, so those rollups would only repeat the samples.
        Fixture f(freshPath());
        const int id = f.series(QStringLiteral("vm/sparse/cpu"), -2);
        QRandomGenerator rng(47);
        std::vector<std::pair<qint64, double>> values;
        const qint64 end = kStart + 3 * kDayMs;
        for (qint64 t = kStart; t < end; t += 5 * kMinuteMs + rng.bounded(1000))
            values.push_back({ t, std::round(rng.generateDouble() * 10000) / 100 });
        values[400].second = 150.25; // a spike
        QVERIFY(f.writer->append(points(id, values)).ok());
        QVERIFY(f.commit(true));

        const qint64 rolledTo = floorTo(values.back().first, kHourMs);
        QCOMPARE(chunkCount(*f.writeDb, chunkKind(Resolution::Minute)), 0);
        QCOMPARE(chunkCount(*f.writeDb, chunkKind(Resolution::FiveMinutes)), 0);
        QVERIFY(chunkCount(*f.writeDb, chunkKind(Resolution::Hour)) > 0);
        QVERIFY(chunkCount(*f.writeDb, standInKind(Resolution::FiveMinutes)) > 0);
        // Only the hour not rolled up yet is left raw, in its open chunk; a
        // day of samples shares one stand-in chunk.
        QCOMPARE(chunkCount(*f.writeDb, 0), 0);
        QCOMPARE(tableRows(*f.writeDb, QStringLiteral("ts_open")), 1);
        QVERIFY(chunkCount(*f.writeDb, standInKind(Resolution::FiveMinutes)) <= 4);

        // Through the reader every resolution is complete and exact.
        for (Resolution resolution : kRollups)
            QVERIFY(matchesReference(*f.reader, id, resolution, 0, end,
                                     referenceBuckets(values, resolution, rolledTo), 0.005 + 1e-9));
        auto raw = f.reader->samples(id, 0, end);
        QVERIFY(raw.ok());
        QCOMPARE(raw->size(), qsizetype(values.size()));
        for (qsizetype i = 0; i < raw->size(); ++i) {
            QCOMPARE(raw->at(i).timeMs, values[size_t(i)].first);
            QCOMPARE(raw->at(i).value, values[size_t(i)].second);
        }
        // Charts at every resolution see the spike and count every sample in
        // the range once.
        // The last range starts after the last sample of its first hour: that
        // hour's 1-hour bucket must not stand in for it.
        const qint64 lateInHour = end - floorTo(end - kDayMs, kHourMs) - 59 * kMinuteMs - 50000;
        for (qint64 range : { 6 * kHourMs, kDayMs, 3 * kDayMs, lateInHour }) {
            auto chart = f.reader->chart(id, end - range, end, 300);
            QVERIFY(chart.ok());
            double count = 0, top = 0;
            for (const ChartPoint &p : chart.value()) {
                count += p.count;
                top = std::max(top, p.max);
            }
            const auto expected = std::count_if(values.cbegin(), values.cend(), [&](const auto &v) {
                return v.first >= end - range && v.first <= end;
            });
            QVERIFY2(count == double(expected), qPrintable(QString::number(count)));
            if (values[400].first >= end - range)
                QCOMPARE(top, 150.25);
        }
        // A restarted writer continues where it was.
        Fixture again(f.writeDb->path());
        std::vector<std::pair<qint64, double>> more;
        for (qint64 t = values.back().first + 5 * kMinuteMs; t < end + 3 * kHourMs;
             t += 5 * kMinuteMs)
            more.push_back({ t, 1 });
        QVERIFY(again.writer->append(points(id, more)).ok());
        QVERIFY(again.commit(true));
        values.insert(values.end(), more.begin(), more.end());
        QCOMPARE(again.reader->samples(id, 0, end * 2)->size(), qsizetype(values.size()));
        QVERIFY(matchesReference(*again.reader, id, Resolution::FiveMinutes, 0, end * 2,
                                 referenceBuckets(values, Resolution::FiveMinutes,
                                                  floorTo(values.back().first, kHourMs)),
                                 0.005 + 1e-9));
    }

    void mixedDenseAndSparseHours()
    {
        // Hours alternate between samples every 10 s, every minute and every
        // 5 minutes (and an empty hour), in one pass and hour by hour.
        for (bool hourByHour : { false, true }) {
            Fixture f(freshPath());
            const int id = f.series(QStringLiteral("vm/mixed/cpu"), -2);
            QRandomGenerator rng(53);
            std::vector<std::pair<qint64, double>> values;
            const qint64 start = floorTo(kStart, kHourMs);
            const qint64 end = start + 30 * kHourMs;
            const qint64 steps[] = { 10000, kMinuteMs, 5 * kMinuteMs, 5 * kMinuteMs,
                                     0,     kMinuteMs, 10000,         5 * kMinuteMs };
            for (qint64 hour = start; hour < end; hour += kHourMs) {
                const qint64 step = steps[(hour - start) / kHourMs % 8];
                for (qint64 t = hour; step && t < hour + kHourMs; t += step)
                    values.push_back(
                        { t + 7,
                          rng.bounded(50) == 0 ? std::nan("") : rng.bounded(10000) / 100.0 });
            }
            if (hourByHour) {
                size_t next = 0;
                while (next < values.size()) {
                    const qint64 hour = floorTo(values[next].first, kHourMs);
                    std::vector<std::pair<qint64, double>> batch;
                    while (next < values.size() && floorTo(values[next].first, kHourMs) == hour)
                        batch.push_back(values[next++]);
                    QVERIFY(f.writer->append(points(id, batch)).ok());
                    QVERIFY(f.commit());
                }
            } else {
                QVERIFY(f.writer->append(points(id, values)).ok());
                QVERIFY(f.commit(true));
            }
            QVERIFY(chunkCount(*f.writeDb, standInKind(Resolution::Minute)) > 0);
            QVERIFY(chunkCount(*f.writeDb, standInKind(Resolution::FiveMinutes)) > 0);
            QVERIFY(chunkCount(*f.writeDb, chunkKind(Resolution::Minute)) > 0);

            const qint64 rolledTo = floorTo(values.back().first, kHourMs);
            for (Resolution resolution : kRollups)
                QVERIFY(matchesReference(*f.reader, id, resolution, 0, end,
                                         referenceBuckets(values, resolution, rolledTo),
                                         0.005 + 1e-9));
            // Raw samples come back complete and in time order.
            auto raw = f.reader->samples(id, 0, end);
            QVERIFY(raw.ok());
            QCOMPARE(raw->size(), qsizetype(values.size()));
            for (qsizetype i = 0; i < raw->size(); ++i) {
                QCOMPARE(raw->at(i).timeMs, values[size_t(i)].first);
                QCOMPARE(std::isnan(raw->at(i).value), std::isnan(values[size_t(i)].second));
            }
        }
    }

    void retentionKeepsRawStandingInAsLongAsItsResolution()
    {
        Fixture f(freshPath());
        const int minute = f.series(QStringLiteral("vm/minute/cpu"), -2);
        const int fiveMinutes = f.series(QStringLiteral("vm/five/cpu"), -2);
        std::vector<SeriesPoint> all;
        const qint64 end = kStart + 6 * kDayMs;
        for (qint64 t = kStart; t < end; t += kMinuteMs) {
            all.push_back({ minute, t, double(t / kMinuteMs % 100) });
            if ((t - kStart) % (5 * kMinuteMs) == 0)
                all.push_back({ fiveMinutes, t, double(t / kMinuteMs % 97) });
        }
        QVERIFY(f.writer->append(all).ok());
        QVERIFY(f.commit(true));
        const qint64 newest = f.writer->newestTimestamp();

        Retention retention; // raw 48 h
        retention.minuteMs = 3 * kDayMs;
        retention.fiveMinutesMs = 5 * kDayMs;
        QVERIFY(f.writeDb->sql().transaction());
        while (f.writer->enforceRetention(retention, 7).value() > 0) { }
        QVERIFY(f.writeDb->sql().commit());

        // Raw samples standing in for 1-minute buckets stay three days, not
        // 48 hours; those standing in for 5-minute buckets five days.
        auto minuteRaw = f.reader->samples(minute, 0, newest);
        QVERIFY(minuteRaw.ok() && !minuteRaw->isEmpty());
        QVERIFY(minuteRaw->first().timeMs <= newest - 3 * kDayMs + 4 * kHourMs);
        QVERIFY(minuteRaw->first().timeMs >= newest - 3 * kDayMs - 4 * kHourMs);
        auto fiveRaw = f.reader->samples(fiveMinutes, 0, newest);
        QVERIFY(fiveRaw.ok() && !fiveRaw->isEmpty());
        QVERIFY(fiveRaw->first().timeMs <= newest - 5 * kDayMs + kDayMs);
        QVERIFY(fiveRaw->first().timeMs >= newest - 5 * kDayMs - kDayMs);
        // Older minutes are in 5-minute buckets, still complete.
        const qint64 from = floorTo(newest - 5 * kDayMs, kDayMs) + kDayMs;
        Reference five;
        for (qint64 t = kStart; t < newest; t += kMinuteMs)
            if (t >= from && t < floorTo(minuteRaw->first().timeMs, kDayMs))
                five[floorTo(t, 5 * kMinuteMs)].push_back(double(t / kMinuteMs % 100));
        std::map<qint64, double> counts;
        QVERIFY(f.reader
                    ->scan(minute, Resolution::FiveMinutes, from,
                           floorTo(minuteRaw->first().timeMs, kDayMs) - 1,
                           [&](const DecodedChunk &c) {
                               for (size_t i = 0; i < c.timestamps.size(); ++i)
                                   counts[c.timestamps[i]] += c.value(qsizetype(i), Count);
                               return true;
                           })
                    .ok());
        for (const auto &[start, bucket] : five)
            QCOMPARE(counts[start], double(bucket.size()));
        // A 6-day chart of each is whole: the minute series from 5-minute
        // buckets and its stand-in, the five-minute one from its stand-in.
        for (int id : { minute, fiveMinutes }) {
            auto chart = f.reader->chart(id, kStart, newest, 500);
            QVERIFY(chart.ok() && !chart->isEmpty());
            QVERIFY2(chart->first().timeMs <= kStart + 6 * kHourMs
                         || id == fiveMinutes, // its stand-in kept 5 of 6 days, then 1 h
                     qPrintable(QString::number(chart->first().timeMs - kStart)));
            QVERIFY(chart->size() >= 450);
        }
    }

    void chunksStayWithinTheirPage()
    {
        // Random exact doubles cost about 9 bytes a value: raw chunks and
        // five-column rollup chunks would outgrow what SQLite keeps in a
        // B-tree cell, so they are sealed smaller, at 4 KiB pages (a file
        // made by an earlier version) as at 16 KiB (a new one).
        for (int pageSize : { 4096, 16384 }) {
            const QString path = freshPath();
            if (pageSize == 4096) {
                QSqlDatabase old
                    = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("old"));
                old.setDatabaseName(path);
                QVERIFY(old.open());
                QSqlQuery q(old);
                QVERIFY(q.exec(QStringLiteral("PRAGMA page_size=4096")));
                QVERIFY(q.exec(QStringLiteral("PRAGMA journal_mode=WAL")));
                old.close();
                old = QSqlDatabase();
                QSqlDatabase::removeDatabase(QStringLiteral("old"));
            }
            Fixture f(path);
            QSqlQuery q(f.writeDb->sql());
            QVERIFY(q.exec(QStringLiteral("PRAGMA page_size")) && q.next());
            QCOMPARE(q.value(0).toInt(), pageSize);
            const int id = f.series(QStringLiteral("vm/noise/x"), kExact);
            QRandomGenerator rng(61);
            std::vector<std::pair<qint64, double>> values;
            for (qint64 t = kStart; t < kStart + 5 * kHourMs; t += 1000)
                values.push_back({ t, rng.generateDouble() * 1e6 });
            QVERIFY(f.writer->append(points(id, values)).ok());
            QVERIFY(f.commit(true));
            const int inCell = (pageSize - 12) * 64 / 255 - 23 - 32;
            QVERIFY(q.exec(QStringLiteral("SELECT max(length(data)), count(*) FROM ts_chunks")));
            QVERIFY(q.next());
            QVERIFY2(q.value(0).toInt() <= inCell,
                     qPrintable(QStringLiteral("%1 > %2").arg(q.value(0).toInt()).arg(inCell)));
            QCOMPARE(f.reader->samples(id, 0, kStart * 2)->size(), qsizetype(values.size()));
            const qint64 rolledTo = floorTo(values.back().first, kHourMs);
            QVERIFY(matchesReference(*f.reader, id, Resolution::Minute, 0, kStart * 2,
                                     referenceBuckets(values, Resolution::Minute, rolledTo), 1e-6));
        }
    }

    void chartsOfMixedHoursCountEverySampleOnce()
    {
        // Dense and 5-minute hours alternate. Three days back, 1-minute
        // buckets are gone but the 5-minute stand-ins are not: a one-day chart
        // there takes the sparse hours from the stand-ins and the dense ones
        // from 5-minute buckets, each sample once.
        Fixture f(freshPath());
        const int id = f.series(QStringLiteral("vm/alternating/cpu"), -2);
        QRandomGenerator rng(59);
        std::vector<std::pair<qint64, double>> values;
        const qint64 start = floorTo(kStart, kHourMs);
        const qint64 end = start + 4 * kDayMs;
        for (qint64 hour = start; hour < end; hour += kHourMs) {
            const qint64 step = (hour / kHourMs) % 3 == 0 ? 10000 : 5 * kMinuteMs;
            for (qint64 t = hour; t < hour + kHourMs; t += step)
                values.push_back({ t, rng.bounded(10000) / 100.0 });
        }
        values[1000].second = 500; // a spike in a dense hour
        QVERIFY(f.writer->append(points(id, values)).ok());
        QVERIFY(f.commit(true));
        Retention retention;
        retention.minuteMs = kDayMs;
        QVERIFY(f.writeDb->sql().transaction());
        while (f.writer->enforceRetention(retention, 5000).value() > 0) { }
        QVERIFY(f.writeDb->sql().commit());

        for (qint64 from : { start + kDayMs / 2, end - kDayMs - kDayMs / 3 }) {
            const qint64 to = from + kDayMs;
            QCOMPARE(SeriesReader::resolutionFor(from, to, 1000), Resolution::Minute);
            auto chart = f.reader->chart(id, from, to, 1000);
            QVERIFY(chart.ok());
            double count = 0, top = 0;
            for (const ChartPoint &p : chart.value()) {
                count += p.count;
                top = std::max(top, p.max);
            }
            // Buckets overlapping the range's edges count whole.
            const auto expected = std::count_if(values.cbegin(), values.cend(), [&](const auto &v) {
                return v.first >= floorTo(from, 5 * kMinuteMs)
                    && v.first < floorTo(to, 5 * kMinuteMs) + 5 * kMinuteMs;
            });
            const auto inner = std::count_if(values.cbegin(), values.cend(), [&](const auto &v) {
                return v.first >= from && v.first <= to;
            });
            QVERIFY2(count >= double(inner) && count <= double(expected),
                     qPrintable(QStringLiteral("%1 of %2–%3").arg(count).arg(inner).arg(expected)));
            if (values[1000].first >= from && values[1000].first <= to)
                QCOMPARE(top, 500.0);
        }
    }

    void chartsKeepEverySpike()
    {
        Fixture f(freshPath());
        const int id = f.series(QStringLiteral("vm/spiky/cpu"), -2);
        QRandomGenerator rng(23);
        std::vector<std::pair<qint64, double>> values;
        const qint64 end = kStart + 30 * kDayMs;
        QList<qint64> spikes;
        for (int i = 0; i < 20; ++i)
            spikes.append(kStart + qint64(rng.bounded(30 * 86400)) * 1000);
        std::sort(spikes.begin(), spikes.end());
        qint64 spikeIndex = 0;
        for (qint64 t = kStart; t < end; t += 10000) {
            double v = 10 + rng.generateDouble();
            if (spikeIndex < spikes.size() && t >= spikes[spikeIndex]) {
                v = 95 + spikeIndex * 0.1; // one sample, ten seconds
                ++spikeIndex;
            }
            values.push_back({ t, v });
        }
        QVERIFY(f.writer->append(points(id, values)).ok());
        QVERIFY(f.commit(true));
        QVERIFY(f.writeDb->sql().transaction());
        while (f.writer->enforceRetention(Retention{}, 5000).value() > 0) { }
        QVERIFY(f.writeDb->sql().commit());

        // 30 days on 800 pixels: from rollups (raw is gone), every spike's max kept.
        QVERIFY(SeriesReader::resolutionFor(kStart, end, 800) != Resolution::Raw);
        auto chart = f.reader->chart(id, kStart, end, 800);
        QVERIFY(chart.ok());
        QVERIFY(chart->size() <= 800);
        QVERIFY(chart->size() >= 790);
        for (qsizetype s = 0; s < spikes.size(); ++s) {
            const double expected = 95 + double(s) * 0.1;
            const bool found
                = std::any_of(chart->cbegin(), chart->cend(), [&](const ChartPoint &p) {
                      return std::abs(p.max - expected) < 1e-9;
                  });
            QVERIFY2(found, qPrintable(QStringLiteral("spike %1 lost").arg(s)));
        }
        for (const ChartPoint &p : chart.value())
            QVERIFY(p.min >= 10 && p.mean < 95);

        // The newest hour, not rolled up yet, comes from raw samples.
        auto lastHour = f.reader->chart(id, end - kHourMs, end, 200);
        QVERIFY(lastHour.ok());
        QVERIFY(lastHour->size() > 150);
        QCOMPARE(SeriesReader::resolutionFor(end - kHourMs, end, 200), Resolution::Raw);
        QCOMPARE(SeriesReader::resolutionFor(end - kDayMs, end, 1000), Resolution::Minute);
    }

    void fullDiskFailsCleanlyAndLosesNothing()
    {
        const QString path = freshPath();
        Fixture f(path);
        const int id = f.series(QStringLiteral("vm/full/cpu"), kExact);
        QRandomGenerator rng(29);
        QSqlQuery pragma(f.writeDb->sql());
        QVERIFY(pragma.exec(QStringLiteral("PRAGMA page_count")) && pragma.next());
        const int pages = pragma.value(0).toInt();
        QVERIFY(pragma.exec(QStringLiteral("PRAGMA max_page_count=%1").arg(pages + 2)));
        std::vector<std::pair<qint64, double>> values;
        for (int i = 0; i < 20000; ++i)
            values.push_back({ kStart + 1000 * i, rng.generateDouble() });
        QVERIFY(f.writer->append(points(id, values)).ok());
        QVERIFY(!f.commit());
        QVERIFY2(f.lastError.contains(QLatin1String("full")), qPrintable(f.lastError));
        // Still readable from the heads; written once there is room.
        QCOMPARE(f.reader->samples(id, 0, kStart * 2)->size(), 20000);
        QVERIFY(pragma.exec(QStringLiteral("PRAGMA max_page_count=1000000")));
        QVERIFY2(f.commit(), qPrintable(f.lastError));
        SeriesReader fileOnly(f.readDb->sql(), std::make_shared<SeriesHeads>());
        QCOMPARE(fileOnly.samples(id, 0, kStart * 2)->size(), 20000);
        QVERIFY(pragma.exec(QStringLiteral("PRAGMA integrity_check")) && pragma.next());
        QCOMPARE(pragma.value(0).toString(), QStringLiteral("ok"));
    }

    void readOnlyFileFailsCleanly()
    {
        const QString path = freshPath();
        {
            Fixture f(path);
            QVERIFY(f.writer->append(points(f.series(QStringLiteral("a")), { { 1, 1 } })).ok());
            QVERIFY(f.commit());
        }
        auto db = Database::open(path, QStringLiteral("series-ro"), Database::Mode::ReadOnly);
        QVERIFY(db.ok());
        // SQLite refuses the write; the error says so and the file is intact.
        SeriesWriter writer(db.value()->sql(), std::make_shared<SeriesHeads>());
        auto id = writer.seriesId(QStringLiteral("b"), kExact);
        QVERIFY(!id.ok());
        QVERIFY2(id.error().contains(QLatin1String("readonly")), qPrintable(id.error()));
        QSqlQuery check(db.value()->sql());
        QVERIFY(check.exec(QStringLiteral("PRAGMA integrity_check")) && check.next());
        QCOMPARE(check.value(0).toString(), QStringLiteral("ok"));
    }

    void csvFromRealTraces()
    {
        const QString file
            = QStringLiteral(UMBRA_SOURCE_DIR "/../shared/data/bitbrains/2013-7/1.csv");
        if (!QFile::exists(file))
            QSKIP("the Bitbrains traces are not next to the source tree");
        auto columns = readCsvFile(file);
        QVERIFY2(columns.ok(), qPrintable(columns.error()));
        QCOMPARE(columns->size(), 10);
        QCOMPARE(columns->at(3).header, QStringLiteral("CPU usage [%]"));
        QCOMPARE(columns->at(3).precision, qint8(-2));
        QCOMPARE(columns->at(0).values.size(), 8260);
        QCOMPARE(columns->at(0).values.first().timeMs, qint64(1372629804000)); // Unix seconds

        Fixture f(freshPath());
        auto stored
            = importColumns(*f.writer, QStringLiteral("import/bitbrains-1"), columns.value());
        QVERIFY2(stored.ok(), qPrintable(stored.error()));
        QCOMPARE(stored.value(), qint64(82600));
        QVERIFY(f.commit(true));
        const int cpu
            = f.reader->seriesId(QStringLiteral("import/bitbrains-1/cpu_usage_pct")).value();
        QVERIFY(cpu > 0);
        auto back = f.reader->samples(cpu, 0, std::numeric_limits<qint64>::max());
        QCOMPARE(back->size(), 8260);
        QCOMPARE(back->at(1).value, columns->at(3).values.at(1).value);

        // Out again, as operators paste it into a ticket.
        QBuffer out;
        out.open(QIODevice::WriteOnly);
        auto rows = writeCsv(*f.reader, { cpu }, { QStringLiteral("cpu_percent") }, 1372629804000,
                             1372630104000, out);
        QVERIFY(rows.ok());
        QCOMPARE(rows.value(), qint64(2));
        QCOMPARE(QString::fromUtf8(out.data()),
                 QStringLiteral("time,cpu_percent\n2013-06-30T22:03:24.000Z,1.5\n"
                                "2013-06-30T22:08:24.000Z,0.5\n"));
    }

    void malformedCsvImportsNothing_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QString>("complaint");
        QTest::newRow("empty") << QByteArray() << QStringLiteral("empty");
        QTest::newRow("no value column") << QByteArray("time\n1\n") << QStringLiteral("line 1");
        QTest::newRow("short line")
            << QByteArray("t,a,b\n1,2,3\n2,3\n") << QStringLiteral("line 3");
        QTest::newRow("bad time") << QByteArray("t,a\n1,2\nyesterday,3\n")
                                  << QStringLiteral("line 3");
        QTest::newRow("bad number") << QByteArray("t;a\n1;2\n2;x7\n") << QStringLiteral("line 3");
        QTest::newRow("infinity") << QByteArray("t,a\n1,inf\n") << QStringLiteral("line 2");
    }

    void malformedCsvImportsNothing()
    {
        QFETCH(QByteArray, text);
        QFETCH(QString, complaint);
        QBuffer in(&text);
        in.open(QIODevice::ReadOnly);
        auto columns = readCsv(in, QStringLiteral("upload.csv"));
        QVERIFY(!columns.ok());
        QVERIFY2(columns.error().contains(complaint), qPrintable(columns.error()));
    }

    void csvTimesInEveryUnit_data()
    {
        QTest::addColumn<QByteArray>("time");
        QTest::newRow("seconds") << QByteArray("1767225600");
        QTest::newRow("fractional seconds") << QByteArray("1767225600.000");
        QTest::newRow("milliseconds") << QByteArray("1767225600000");
        QTest::newRow("microseconds") << QByteArray("1767225600000000");
        QTest::newRow("nanoseconds") << QByteArray("1767225600000000000");
        QTest::newRow("ISO 8601") << QByteArray("2026-01-01T00:00:00Z");
    }

    void csvTimesInEveryUnit()
    {
        QFETCH(QByteArray, time);
        QByteArray text = "time,value\n" + time + ",1\n";
        QBuffer in(&text);
        in.open(QIODevice::ReadOnly);
        auto columns = readCsv(in, QStringLiteral("units.csv"));
        QVERIFY2(columns.ok(), qPrintable(columns.error()));
        QCOMPARE(columns->at(0).values.at(0).timeMs, qint64(1767225600000));
    }

    void csvTimesOutsideTheRangeAreRefused_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QString>("lines");
        QTest::newRow("the future")
            << QByteArray("time,cpu\n1767225600,5\n2100-01-01T00:00:00Z,99\n")
            << QStringLiteral("line 3");
        QTest::newRow("negative") << QByteArray("time,cpu\n-5,1\n1767225600,5\n")
                                  << QStringLiteral("line 2");
        QTest::newRow("1970") << QByteArray("time,cpu\n0,1\n300,2\n600,3\n")
                              << QStringLiteral("3 lines have a time outside");
        QTest::newRow("1e18 as milliseconds' worth")
            << QByteArray("time,cpu\n1e16,1\n") << QStringLiteral("line 2");
        QByteArray many("time,cpu\n");
        for (int i = 0; i < 40; ++i)
            many += QByteArray::number(4102444800LL + i) + ",1\n";
        QTest::newRow("many") << many << QStringLiteral("line 2, 3, 4, 5, 6 and 35 more");
    }

    void csvTimesOutsideTheRangeAreRefused()
    {
        QFETCH(QByteArray, text);
        QFETCH(QString, lines);
        QBuffer in(&text);
        in.open(QIODevice::ReadOnly);
        auto columns = readCsv(in, QStringLiteral("f.csv"));
        QVERIFY(!columns.ok());
        QVERIFY2(columns.error().contains(lines), qPrintable(columns.error()));
        QVERIFY2(columns.error().contains(QLatin1String("1990-01-01")),
                 qPrintable(columns.error()));
        QVERIFY(columns.error().size() < 400);
    }

    void csvErrorsQuoteBoundedAndEscaped()
    {
        // A NUL would cut the message where it is printed; a 5 MB field
        // would be echoed whole.
        QByteArray text("time,cpu\n1767225600,1\n1767225660,4");
        text += QByteArray("\0\x1b[2J", 5) + QByteArray(5 << 20, '7') + "\n";
        QBuffer in(&text);
        in.open(QIODevice::ReadOnly);
        auto columns = readCsv(in, QStringLiteral("odd.csv"));
        QVERIFY(!columns.ok());
        QVERIFY2(columns.error().contains(QLatin1String("line 3")), qPrintable(columns.error()));
        QVERIFY2(columns.error().contains(QLatin1String("4\\x00\\x1b[2J77")),
                 qPrintable(columns.error().left(300)));
        QVERIFY(!columns.error().contains(QChar(0)));
        QVERIFY(columns.error().size() < 300);
    }

    void csvColumnsThatWouldShareASeriesAreRefused()
    {
        QByteArray text("time,a,a,A\n1767225600,1,2,3\n");
        QBuffer in(&text);
        in.open(QIODevice::ReadOnly);
        auto columns = readCsv(in, QStringLiteral("dup.csv"));
        QVERIFY(!columns.ok());
        QVERIFY2(columns.error().contains(QLatin1String("columns 2 and 3")),
                 qPrintable(columns.error()));
    }

    void csvRepeatedTimesCountOnce()
    {
        QByteArray text("time,cpu\n");
        for (int i = 0; i < 30; ++i)
            text += QByteArray::number(1767225600 + 60 * (i / 3)) + ',' + QByteArray::number(i)
                + '\n';
        QBuffer in(&text);
        in.open(QIODevice::ReadOnly);
        auto columns = readCsv(in, QStringLiteral("repeats.csv"));
        QVERIFY(columns.ok());
        Fixture f(freshPath());
        auto stored = importColumns(*f.writer, QStringLiteral("import/repeats"), columns.value());
        QVERIFY(stored.ok());
        QCOMPARE(stored.value(), qint64(10));
        QCOMPARE(f.writer->replacedSamples(), qint64(20));
        QVERIFY(f.commit(true));
        const int id = f.reader->seriesId(QStringLiteral("import/repeats/cpu")).value();
        auto back = f.reader->samples(id, 0, std::numeric_limits<qint64>::max());
        QCOMPARE(back->size(), 10);
        QCOMPARE(back->last().value, 29.0); // the last value at a time wins
    }

    void csvGapsAndIsoTimes()
    {
        QByteArray text("time,value\n2026-01-01T00:00:00Z,1\n2026-01-01T00:00:10Z,\n"
                        "2026-01-01T00:00:20Z,NaN\n2026-01-01T00:00:30Z,4.5\n");
        QBuffer in(&text);
        in.open(QIODevice::ReadOnly);
        auto columns = readCsv(in, QStringLiteral("t.csv"));
        QVERIFY2(columns.ok(), qPrintable(columns.error()));
        QCOMPARE(columns->at(0).values.size(), 4);
        QCOMPARE(columns->at(0).values.at(0).timeMs, qint64(1767225600000));
        QVERIFY(std::isnan(columns->at(0).values.at(1).value));
        QVERIFY(std::isnan(columns->at(0).values.at(2).value));
        QCOMPARE(columns->at(0).values.at(3).value, 4.5);
    }
};

QTEST_GUILESS_MAIN(TestSeries)
#include "tst_series.moc"
