// Chunk encoding: round trips of every kind of series, the size it achieves on
// regular ones, incremental snapshots, and damaged input.
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
        // Header and first values, then 17 bits per block of 16 rows.
        QVERIFY2(chunk.size() <= 56, qPrintable(QString::number(chunk.size())));
        DecodedChunk decoded;
        QVERIFY(decodeChunk(chunk, decoded));
        QCOMPARE(decoded.values.back(), 42.5);
        // Bit-exact: one bit per repeated value on top of the timestamps.
        const QByteArray exact = encodeAll(rows, kExact);
        QVERIFY2(exact.size() <= 56 + 240 / 8, qPrintable(QString::number(exact.size())));
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
        QVERIFY(!encoder.fits(&huge));
        QVERIFY(!encoder.fits(&infinite));
        QVERIFY(encoder.fits(&fine));
        QVERIFY(encoder.fits(&none));
        ChunkEncoder exact({ kExact });
        QVERIFY(exact.fits(&huge));
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
