// What counters recorded from real libvirt hosts cost in Umbra's chunk
// encoding (core/series/chunkcodec.h), series by series.
//
//   bench_counters RECORDING
//
// RECORDING is what bench/record_domstats writes: "<unix ms> <host> <domain>
// <counter>=<value>" per line. Every numeric counter becomes a series, encoded
// as the store would (chunks of up to 960 samples, to whole units), twice:
// with the recorded timestamps, which carry the recorder's own jitter of
// process start-up, and with the samples at a regular interval, as Umbra's
// collector timer stamps them, which isolates what the values cost. Human-
// readable lines first, then one line with the figures as a JSON object.
// Results: docs/benchmarks.md.
#include "series/chunkcodec.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <vector>

using namespace Umbra::Series;

namespace {

constexpr int kChunkRows = 960;

struct Recorded
{
    std::vector<qint64> times;
    std::vector<double> values;
};

qint64 encodedBytes(const std::vector<qint64> &times, const std::vector<double> &values)
{
    const bool whole = std::all_of(values.begin(), values.end(), [](double v) {
        return std::floor(v) == v && std::abs(v) < 4e15;
    });
    qint64 bytes = 0;
    for (size_t start = 0; start < values.size(); start += kChunkRows) {
        ChunkEncoder encoder({ whole ? qint8(0) : kExact });
        for (size_t i = start; i < values.size() && i < start + kChunkRows; ++i)
            encoder.append(times[i], &values[i]);
        bytes += encoder.encode().size();
    }
    return bytes;
}

} // namespace

int main(int argc, char **argv)
{
    if (argc != 2) {
        std::fprintf(stderr,
                     "usage: bench_counters RECORDING (written by bench/record_domstats)\n");
        return 2;
    }
    QFile file(QString::fromLocal8Bit(argv[1]));
    if (!file.open(QIODevice::ReadOnly)) {
        std::fprintf(stderr, "bench_counters: cannot read %s: %s\n", argv[1],
                     qPrintable(file.errorString()));
        return 1;
    }
    QMap<QString, Recorded> series;
    qint64 lineNumber = 0, skipped = 0;
    while (!file.atEnd()) {
        const QList<QByteArray> fields = file.readLine().simplified().split(' ');
        ++lineNumber;
        const qsizetype equals = fields.size() == 4 ? fields[3].indexOf('=') : -1;
        bool timeOk = false, valueOk = false;
        const qint64 time = equals > 0 ? fields[0].toLongLong(&timeOk) : 0;
        const double value = equals > 0 ? fields[3].mid(equals + 1).toDouble(&valueOk) : 0;
        if (!timeOk || !valueOk || !std::isfinite(value)) {
            ++skipped; // names, states and other words are not counters
            continue;
        }
        Recorded &r
            = series[QString::fromUtf8(fields[1] + ' ' + fields[2] + ' ' + fields[3].left(equals))];
        if (!r.times.empty() && time <= r.times.back())
            continue;
        r.times.push_back(time);
        r.values.push_back(value);
    }
    if (series.isEmpty()) {
        std::fprintf(stderr, "bench_counters: no counters in %s (%lld lines)\n", argv[1],
                     lineNumber);
        return 1;
    }

    qint64 samples = 0, recordedBytes = 0, regularBytes = 0;
    qint64 counterSamples = 0, counterBytes = 0;
    std::printf("%-60s %8s %10s %10s\n", "series", "samples", "recorded", "regular");
    for (auto it = series.cbegin(); it != series.cend(); ++it) {
        const Recorded &r = it.value();
        if (r.times.size() < 2)
            continue;
        const qint64 span = r.times.back() - r.times.front();
        const qint64 interval = std::max<qint64>(1, span / qint64(r.times.size() - 1));
        std::vector<qint64> regular(r.times.size());
        for (size_t i = 0; i < regular.size(); ++i)
            regular[i] = r.times.front() + qint64(i) * interval;
        const qint64 asRecorded = encodedBytes(r.times, r.values);
        const qint64 atInterval = encodedBytes(regular, r.values);
        const qint64 n = qint64(r.values.size());
        std::printf("%-60s %8lld %10.3f %10.3f\n", qUtf8Printable(it.key()), n,
                    double(asRecorded) / double(n), double(atInterval) / double(n));
        samples += n;
        recordedBytes += asRecorded;
        regularBytes += atInterval;
        // A counter never goes down and moves at least once; gauges and
        // constants are reported with the rest.
        const bool counter = std::is_sorted(r.values.begin(), r.values.end())
            && r.values.back() > r.values.front();
        if (counter) {
            counterSamples += n;
            counterBytes += atInterval;
        }
    }
    const double perRecorded = double(recordedBytes) / double(samples);
    const double perRegular = double(regularBytes) / double(samples);
    const double perCounter = counterSamples ? double(counterBytes) / double(counterSamples) : 0;
    std::printf("%lld series, %lld samples: %.3f bytes/sample with the recorded timestamps, %.3f "
                "at a regular interval; the %lld samples of monotonic counters %.3f\n",
                qint64(series.size()), samples, perRecorded, perRegular, counterSamples,
                perCounter);
    QJsonObject figures{ { QStringLiteral("series"), double(series.size()) },
                         { QStringLiteral("samples"), double(samples) },
                         { QStringLiteral("bytes_per_sample_recorded"), perRecorded },
                         { QStringLiteral("bytes_per_sample_regular"), perRegular },
                         { QStringLiteral("counter_samples"), double(counterSamples) },
                         { QStringLiteral("counter_bytes_per_sample"), perCounter } };
    std::printf("%s\n", QJsonDocument(figures).toJson(QJsonDocument::Compact).constData());
    return 0;
}
