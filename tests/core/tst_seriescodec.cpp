// Chunk encoding: round trips of every kind of series, the size it achieves on
// regular ones, incremental snapshots, columns repeating the one before
// (format 2), counters in a unit of their own (format 3), chunks of formats 1
// and 2, and damaged input.
#include "series/chunkcodec.h"

#include <QRandomGenerator>
#include <QTest>
#include <cmath>
#include <cstring>

using namespace Umbra::Series;

namespace {

struct Rows
{
    std::vector<qint64> times;
    std::vector<double> values;
};

QByteArray encodeAll(const Rows &rows, qint8 precision)
{
    ChunkEncoder encoder({ precision });
    for (size_t i = 0; i < rows.times.size(); ++i)
        encoder.append(rows.times[i], &rows.values[i]);
    return encoder.encode();
}

bool sameBits(double a, double b)
{
    return std::memcmp(&a, &b, sizeof a) == 0;
}

// Five columns (count, min, mean, max, p95 style, one of them exact) whose
// columns repeat the one before in some blocks and rows and not in others,
// with gaps, so that every block takes a different path.
struct Table
{
    QList<qint8> precisions{ 0, -2, -2, -2, kExact };
    std::vector<qint64> times;
    std::vector<double> rows; // 5 per row
};

Table mixedTable(quint32 seed, int count)
{
    QRandomGenerator rng(seed);
    Table table;
    for (int i = 0; i < count; ++i) {
        const int block = i / ChunkEncoder::kBlockRows;
        const double v = std::round(rng.generateDouble() * 100000) / 100;
        const bool single = block % 3 != 1 || rng.bounded(4) == 0;
        double row[5];
        row[0] = single ? 1 : double(2 + rng.bounded(10));
        row[1] = v;
        row[2] = single ? v : v + std::round(rng.generateDouble() * 500) / 100;
        row[3] = block % 4 == 2 ? row[2] + 1 : row[2];
        // Exact after scaled: equal as doubles, so it may repeat it too.
        row[4] = block % 5 == 3 ? row[3] / 3 : row[3];
        if (block % 6 == 4 && i % 3 == 0)
            row[2] = std::nan(""); // presence differs from the column before
        if (block % 7 == 5 && i % 4 == 1)
            for (double &x : row)
                x = std::nan(""); // a row without values
        table.times.push_back(1700000000000 + 60000 * i);
        table.rows.insert(table.rows.end(), row, row + 5);
    }
    return table;
}

bool sameValue(double a, double b)
{
    return (std::isnan(a) && std::isnan(b)) || sameBits(a, b);
}

// What a column keeps of a value at its precision.
double kept(double value, qint8 precision)
{
    if (precision == kExact || std::isnan(value))
        return value;
    const double scale = std::pow(10.0, -precision);
    return double(std::llround(value * scale)) / scale;
}

} // namespace

class TestSeriesCodec : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void exactRandomDoublesAreBitExact()
    {
        QRandomGenerator rng(7);
        Rows rows;
        qint64 t = 1700000000000;
        for (int i = 0; i < 240; ++i) {
            t += 1 + rng.bounded(5000);
            rows.times.push_back(t);
            rows.values.push_back((rng.generateDouble() - 0.5)
                                  * std::pow(10.0, rng.bounded(-5, 12)));
        }
        DecodedChunk decoded;
        QVERIFY(decodeChunk(encodeAll(rows, kExact), decoded));
        QCOMPARE(decoded.timestamps, rows.times);
        for (size_t i = 0; i < rows.values.size(); ++i)
            QVERIFY2(sameBits(decoded.values[i], rows.values[i]), qPrintable(QString::number(i)));
    }

    void scaledValuesKeepTheirPrecision()
    {
        QRandomGenerator rng(11);
        Rows rows;
        for (int i = 0; i < 200; ++i) {
            rows.times.push_back(1000 * i);
            rows.values.push_back(rng.generateDouble() * 100);
        }
        DecodedChunk decoded;
        QVERIFY(decodeChunk(encodeAll(rows, -2), decoded));
        for (size_t i = 0; i < rows.values.size(); ++i)
            QCOMPARE(decoded.values[i], std::round(rows.values[i] * 100) / 100);
    }

    void constantSeriesIsAlmostFree()
    {
        Rows rows;
        for (int i = 0; i < 240; ++i) {
            rows.times.push_back(1700000000000 + 10000 * i);
            rows.values.push_back(42.5);
        }
        const QByteArray chunk = encodeAll(rows, -2);
        // Header and first values, then 20 bits per block of 16 rows.
        QVERIFY2(chunk.size() <= 60, qPrintable(QString::number(chunk.size())));
        DecodedChunk decoded;
        QVERIFY(decodeChunk(chunk, decoded));
        QCOMPARE(decoded.values.back(), 42.5);
        // A chunk of 960 such rows is smaller in bytes than its row count and
        // still decodes.
        Rows longer;
        for (int i = 0; i < 960; ++i) {
            longer.times.push_back(1700000000000 + 1000 * i);
            longer.values.push_back(42.5);
        }
        const QByteArray small = encodeAll(longer, -2);
        QVERIFY2(small.size() < 960 / 8, qPrintable(QString::number(small.size())));
        QVERIFY(decodeChunk(small, decoded));
        QCOMPARE(decoded.timestamps, longer.times);
        // Bit-exact: one bit per repeated value on top of the timestamps.
        const QByteArray exact = encodeAll(rows, kExact);
        QVERIFY2(exact.size() <= 60 + 240 / 8, qPrintable(QString::number(exact.size())));
    }

    void monotonicCounterUnderTwoBytesPerSample()
    {
        // Bytes sent by a NIC: a steady rate with a few per cent of jitter,
        // sampled every second with a little timer jitter.
        QRandomGenerator rng(3);
        Rows rows;
        double counter = 9.0e11;
        qint64 t = 1700000000000;
        for (int i = 0; i < 240; ++i) {
            t += 1000 + (rng.bounded(3) - 1);
            counter += std::floor(20000 * (1 + 0.02 * (rng.generateDouble() - 0.5)));
            rows.times.push_back(t);
            rows.values.push_back(counter);
        }
        const QByteArray chunk = encodeAll(rows, 0);
        const double bytesPerSample = double(chunk.size()) / 240;
        QVERIFY2(bytesPerSample <= 2.0, qPrintable(QString::number(bytesPerSample)));
        DecodedChunk decoded;
        QVERIFY(decodeChunk(chunk, decoded));
        QCOMPARE(decoded.timestamps, rows.times);
        for (size_t i = 0; i < rows.values.size(); ++i)
            QCOMPARE(decoded.values[i], rows.values[i]);
    }

    void gapsStayGaps()
    {
        Rows rows;
        for (int i = 0; i < 100; ++i) {
            rows.times.push_back(i * 1000);
            rows.values.push_back(i % 7 == 3 || (i > 40 && i < 60) ? std::nan("") : i * 0.5);
        }
        for (qint8 precision : { qint8(-2), kExact }) {
            DecodedChunk decoded;
            QVERIFY(decodeChunk(encodeAll(rows, precision), decoded));
            for (size_t i = 0; i < rows.values.size(); ++i) {
                QCOMPARE(std::isnan(decoded.values[i]), std::isnan(rows.values[i]));
                if (!std::isnan(rows.values[i]))
                    QCOMPARE(decoded.values[i], rows.values[i]);
            }
        }
        // A chunk of nothing but gaps.
        Rows empty{ { 1, 2, 3 }, { std::nan(""), std::nan(""), std::nan("") } };
        DecodedChunk decoded;
        QVERIFY(decodeChunk(encodeAll(empty, -2), decoded));
        QCOMPARE(decoded.timestamps.size(), size_t(3));
        QVERIFY(std::isnan(decoded.values[2]));
    }

    void everySnapshotDecodesToItsPrefix()
    {
        QRandomGenerator rng(5);
        ChunkEncoder encoder({ -2 });
        std::vector<double> written;
        for (int i = 0; i < 70; ++i) {
            const double v = std::round(rng.generateDouble() * 10000) / 100;
            encoder.append(i * 500, &v);
            written.push_back(v);
            DecodedChunk decoded;
            QVERIFY(decodeChunk(encoder.encode(), decoded));
            QCOMPARE(decoded.values, written);
        }
        // The newest row can still change (a repeated timestamp).
        const double replaced = 1.25;
        encoder.replaceLast(&replaced);
        DecodedChunk decoded;
        QVERIFY(decodeChunk(encoder.encode(), decoded));
        QCOMPARE(decoded.values.back(), 1.25);
    }

    void multiColumnRows()
    {
        ChunkEncoder encoder({ 0, -2, -2, -2, kExact });
        for (int i = 0; i < 50; ++i) {
            const double row[] = { double(i), i * 0.25, std::nan(""), -i * 1.5, i / 3.0 };
            encoder.append(60000 * i, row);
        }
        DecodedChunk decoded;
        QVERIFY(decodeChunk(encoder.encode(), decoded));
        QCOMPARE(decoded.columns, 5);
        QCOMPARE(decoded.value(49, 0), 49.0);
        QCOMPARE(decoded.value(49, 1), 12.25);
        QVERIFY(std::isnan(decoded.value(49, 2)));
        QCOMPARE(decoded.value(49, 3), -73.5);
        QCOMPARE(decoded.value(49, 4), 49 / 3.0);
    }

    void valuesBeyondThePrecisionRangeDoNotFit()
    {
        ChunkEncoder encoder({ -2 });
        const double huge = 1e300, infinite = INFINITY, fine = 12345.67, none = std::nan("");
        QVERIFY(!encoder.valuesFit(&huge));
        QVERIFY(!encoder.valuesFit(&infinite));
        QVERIFY(encoder.valuesFit(&fine));
        QVERIFY(encoder.valuesFit(&none));
        ChunkEncoder exact({ kExact });
        QVERIFY(exact.valuesFit(&huge));
    }

    // Pending rows keep their times as 32-bit offsets from the chunk's first,
    // so a row 2^32 ms or more after it starts a new chunk; up to there the
    // times come back exact, across the offsets' sign bit too.
    void rowsWithinFortyNineDaysFitAndRoundTrip()
    {
        const qint64 first = 1'700'000'000'000;
        const double value = 1.5;
        ChunkEncoder encoder({ kExact });
        QVERIFY(encoder.fits(first + (qint64(1) << 40), &value)); // empty: any time
        encoder.append(first, &value);
        QVERIFY(encoder.fits(first + 0xffffffffLL, &value));
        QVERIFY(!encoder.fits(first + 0x100000000LL, &value));
        QVERIFY(!encoder.fits(first + (qint64(1) << 40), &value));

        std::vector<qint64> times{ first };
        for (qint64 t : { first + 1, first + 0x7fffffffLL, first + 0x80000000LL,
                          first + 0xfffffffeLL, first + 0xffffffffLL }) {
            QVERIFY(encoder.fits(t, &value));
            encoder.append(t, &value);
            times.push_back(t);
        }
        DecodedChunk decoded;
        QVERIFY(decodeChunk(encoder.encode(), decoded));
        QCOMPARE(decoded.timestamps, times);
    }

    void repeatedColumnsRoundTrip()
    {
        const Table table = mixedTable(31, 300);
        ChunkEncoder encoder(table.precisions);
        for (size_t i = 0; i < table.times.size(); ++i) {
            encoder.append(table.times[i], &table.rows[i * 5]);
            // Every snapshot, mid-block ones included, decodes to its prefix:
            // both sides advance a repeated column's state alike.
            if (i % 7 != 0 && i + 1 != table.times.size())
                continue;
            DecodedChunk decoded;
            QVERIFY(decodeChunk(encoder.encode(), decoded));
            QCOMPARE(decoded.timestamps.size(), i + 1);
            for (size_t r = 0; r <= i; ++r)
                for (int c = 0; c < 5; ++c)
                    QVERIFY2(sameValue(decoded.value(qsizetype(r), c),
                                       kept(table.rows[r * 5 + size_t(c)], table.precisions[c])),
                             qPrintable(QStringLiteral("row %1 column %2").arg(r).arg(c)));
        }
        QCOMPARE(quint8(encoder.encode().at(0)), quint8(3));
    }

    void repeatedColumnsCostABitPerBlock()
    {
        // One-sample rollup buckets: min = mean = max = p95.
        QRandomGenerator rng(37);
        ChunkEncoder buckets({ 0, -2, -2, -2, -2 });
        ChunkEncoder pairs({ 0, -2 });
        for (int i = 0; i < 240; ++i) {
            const double v = std::round(rng.generateDouble() * 10000) / 100;
            const double row[] = { 1, v, v, v, v };
            buckets.append(60000 * i, row);
            pairs.append(60000 * i, row);
        }
        const QByteArray chunk = buckets.encode();
        // Three more columns: three header bytes and three bits per block.
        QVERIFY2(
            chunk.size() <= pairs.encode().size() + 3 + (240 / 16 * 3 + 7) / 8,
            qPrintable(QStringLiteral("%1 vs %2").arg(chunk.size()).arg(pairs.encode().size())));
        DecodedChunk decoded;
        QVERIFY(decodeChunk(chunk, decoded));
        for (int i = 0; i < 240; ++i)
            for (int c = 2; c < 5; ++c)
                QCOMPARE(decoded.value(i, c), decoded.value(i, 1));
    }

    void countersPayForTheirOwnUnit()
    {
        // CPU time as libvirt reports it where it counts in scheduler ticks:
        // nanoseconds, in steps of 10 ms. The chunk must cost what the same
        // counter in ticks costs (and the divisor once, and the first value
        // and step in full), not what 23 more bits per step would.
        QRandomGenerator rng(5);
        Rows nanoseconds, ticks;
        qint64 tick = 13876;
        for (int i = 0; i < 480; ++i) {
            tick += 5 + rng.bounded(11);
            const qint64 t = 1700000000000 + 1000 * i;
            nanoseconds.times.push_back(t);
            nanoseconds.values.push_back(double(tick) * 1e7);
            ticks.times.push_back(t);
            ticks.values.push_back(double(tick));
        }
        const QByteArray inNs = encodeAll(nanoseconds, 0);
        const QByteArray inTicks = encodeAll(ticks, 0);
        QVERIFY2(inNs.size() <= inTicks.size() + 12,
                 qPrintable(QStringLiteral("%1 vs %2").arg(inNs.size()).arg(inTicks.size())));
        QVERIFY2(inNs.size() <= 480, qPrintable(QString::number(inNs.size())));
        DecodedChunk decoded;
        QVERIFY(decodeChunk(inNs, decoded));
        QCOMPARE(decoded.values, nanoseconds.values);

        // The unit changing mid-chunk (64 KiB requests, then odd bytes, then
        // 512-byte sectors, then idle) still comes back exactly.
        Rows mixed;
        double bytes = 323236352;
        for (int i = 0; i < 200; ++i) {
            if (i < 50)
                bytes += 65536.0 * rng.bounded(8);
            else if (i < 100)
                bytes += rng.bounded(100000);
            else if (i < 150)
                bytes += 512.0 * rng.bounded(300);
            mixed.times.push_back(1700000000000 + 1000 * i);
            mixed.values.push_back(bytes);
        }
        QVERIFY(decodeChunk(encodeAll(mixed, 0), decoded));
        QCOMPARE(decoded.values, mixed.values);
    }

    void formatTwoChunksStillDecode()
    {
        // Written by the format-2 encoder: 40 rows at 1 s (3 ms late at row
        // 20) of { CPU time in 10 ms ticks (ns), bytes in 64 KiB steps, the
        // same bytes, v to 0.01 (gap at row 7), i / 4 exactly }.
        const QByteArray chunk = QByteArray::fromHex("0205000000fe8028558bcfe568000bfa0807fffffffff"
                                                     "ffff7fffffa78146e20a007393870013898967ff0b07"
                                                     "60098967fe98967ff0b0760098967fe98967ff0b07600"
                                                     "98967fe98967ff0b0760098967ff0b0760098967fe3"
                                                     "d344320013c0001149000060000280000b00004800030"
                                                     "0001400005800024000180000a00002176a85d45058"
                                                     "649c5064323b6512a28e08642bc254320320000000000"
                                                     "0000006113fec01e601cb07cd03980f38267fff380e"
                                                     "683ce605e338e102dbb0029c4c4b3ff8583b004c4b3ff"
                                                     "4c4b3ff8583b004c4b3ff4c4b3ff8583b004c4b3ff"
                                                     "8583b004c4b3ff4c4b3ff8583b004c4b3ff4c4b3ff858"
                                                     "3b00452c000120000c0000500001600009000060000"
                                                     "280000b00004800030000140000580002058960c83e4e"
                                                     "106444abb8323518341923ed460c96a73932c3fcf03"
                                                     "9c0f39a178ce3981fc31c33c31c280a71312cffd312cf"
                                                     "fe160ec01312cffe160ec01312cffd312cffe160ec0"
                                                     "1149000060000280000b000048000300001400008180c"
                                                     "8daaf3c0c90031940c925aca17fd0039e0f39c178ce"
                                                     "20");
        DecodedChunk decoded;
        QVERIFY(decodeChunk(chunk, decoded));
        QCOMPARE(decoded.timestamps.size(), size_t(40));
        double counter = 138760000000, bytes = 323236352;
        for (int i = 0; i < 40; ++i) {
            counter += 1e7 * (5 + (i * 7) % 11);
            bytes += 65536.0 * ((i * 3) % 5);
            const double v = i % 3 == 0 ? 7.25 : i * 0.5;
            QCOMPARE(decoded.timestamps[size_t(i)], 1700000000000 + 1000 * i + (i == 20 ? 3 : 0));
            QCOMPARE(decoded.value(i, 0), counter);
            QCOMPARE(decoded.value(i, 1), bytes);
            QCOMPARE(decoded.value(i, 2), bytes);
            if (i == 7)
                QVERIFY(std::isnan(decoded.value(i, 3)));
            else
                QCOMPARE(decoded.value(i, 3), v);
            QCOMPARE(decoded.value(i, 4), i / 4.0);
        }
        QCOMPARE(chunkPrecisions(chunk), (QList<qint8>{ 0, 0, 0, -2, kExact }));
    }

    void formatOneChunksStillDecode()
    {
        // Written by the format-1 encoder: 40 rows of { 1 + i % 2, v, v (gap
        // at row 5), v + 1, i / 4 } with v = 7.25 every third row, else i / 2.
        const QByteArray chunk = QByteArray::fromHex(
            "010500fefefe8028558bcfe5680011ea60403ffffffffeffffffffffc140a026666666176a85d450b0c938"
            "a0c86476cbb43228a382190af0950c80c85daa175142c324e2833069768645147043215e12a190190bce4"
            "2ea2858649c5064323b65da191451c10c85784a8640640000000000000001844ffb00798072c1f340e603"
            "ce099fffce039a0f398178ce30102666666660b12c1907c9c20c8895770646a30683247da8c192d4e720b"
            "12c1907c9c20c8895770646a30683247da8c192d4e720b12c1907c9c20c8895770646a30683247da8c192"
            "d4e72cb0ff3c0e703ce685e338e607f0c70cf0c70c0409999830191b55e781920063281924b430191b55e"
            "781920063281924b430191b55e781920063281924b7285ff400e783ce705e3388");
        DecodedChunk decoded;
        QVERIFY(decodeChunk(chunk, decoded));
        QCOMPARE(decoded.timestamps.size(), size_t(40));
        for (int i = 0; i < 40; ++i) {
            const double v = i % 3 == 0 ? 7.25 : i * 0.5;
            QCOMPARE(decoded.timestamps[size_t(i)], 1700000000000 + 60000 * i);
            QCOMPARE(decoded.value(i, 0), double(1 + i % 2));
            QCOMPARE(decoded.value(i, 1), v);
            if (i == 5)
                QVERIFY(std::isnan(decoded.value(i, 2)));
            else
                QCOMPARE(decoded.value(i, 2), v);
            QCOMPARE(decoded.value(i, 3), v + 1);
            QCOMPARE(decoded.value(i, 4), i / 4.0);
        }
        QCOMPARE(chunkPrecisions(chunk), (QList<qint8>{ 0, -2, -2, -2, kExact }));
        // Formats this version does not know are refused.
        QByteArray unknown = chunk;
        unknown[0] = char(4);
        QVERIFY(!decodeChunk(unknown, decoded));
    }

    void damagedRepeatingChunksAreRejectedSafely()
    {
        const Table table = mixedTable(41, 200);
        ChunkEncoder encoder(table.precisions);
        for (size_t i = 0; i < table.times.size(); ++i)
            encoder.append(table.times[i], &table.rows[i * 5]);
        const QByteArray good = encoder.encode();
        DecodedChunk decoded;
        QVERIFY(decodeChunk(good, decoded));
        for (qsizetype length = 0; length < good.size(); ++length)
            QVERIFY(!decodeChunk(good.left(length), decoded));
        QRandomGenerator rng(43);
        for (int round = 0; round < 3000; ++round) {
            QByteArray bad = good;
            for (int flips = 0; flips < 1 + int(rng.bounded(4)); ++flips) {
                const int at = 2 + 5 + int(rng.bounded(int(bad.size()) - 7)); // past the header
                bad[at] = char(bad[at] ^ char(1 << rng.bounded(8)));
            }
            if (decodeChunk(bad, decoded)) {
                QCOMPARE(decoded.timestamps.size() * 5, decoded.values.size());
            }
        }
    }

    void damagedChunksAreRejectedSafely()
    {
        QRandomGenerator rng(13);
        Rows rows;
        for (int i = 0; i < 240; ++i) {
            rows.times.push_back(1700000000000 + 1000 * i + rng.bounded(50));
            rows.values.push_back(rng.generateDouble() * 1000);
        }
        const QByteArray good = encodeAll(rows, -2);
        DecodedChunk decoded;
        // Every truncation fails cleanly; random corruption never crashes.
        for (qsizetype length = 0; length < good.size(); ++length)
            QVERIFY(!decodeChunk(good.left(length), decoded));
        for (int round = 0; round < 2000; ++round) {
            QByteArray bad = good;
            for (int flips = 0; flips < 1 + int(rng.bounded(4)); ++flips)
                bad[rng.bounded(int(bad.size()))] = char(rng.bounded(256));
            (void)decodeChunk(bad, decoded);
        }
        for (int round = 0; round < 500; ++round) {
            QByteArray noise(int(rng.bounded(300)), Qt::Uninitialized);
            for (char &c : noise)
                c = char(rng.bounded(256));
            (void)decodeChunk(noise, decoded);
        }
    }
};

QTEST_GUILESS_MAIN(TestSeriesCodec)
#include "tst_seriescodec.moc"
