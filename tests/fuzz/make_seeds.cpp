// Writes the binary seeds the fuzz targets start from — a chunk of stored
// samples, a fitted forecaster's state, a detector's state — into the folder
// given, one subfolder per target. They are made by the same code that makes
// them in the console, so they follow its formats as they are today.
#include "predict/anomalydetector.h"
#include "predict/forecaster.h"
#include "series/chunkcodec.h"

#include <QDir>
#include <QFile>
#include <cmath>
#include <cstdio>
#include <numbers>

namespace {

bool write(const QString &folder, const QString &name, const QByteArray &bytes)
{
    QDir().mkpath(folder);
    QFile file(folder + QLatin1Char('/') + name);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

double wave(int i)
{
    return 50 + 20 * std::sin(2 * std::numbers::pi * i / 48.0) + (i % 7) * 0.5;
}

} // namespace

int main(int argc, char **argv)
{
    if (argc != 2) {
        std::fprintf(stderr, "usage: make_seeds FOLDER\n");
        return 2;
    }
    const QString root = QString::fromLocal8Bit(argv[1]);
    bool ok = true;

    using Umbra::Series::ChunkEncoder;
    for (const QList<qint8> &precisions :
         { QList<qint8>{ Umbra::Series::kExact }, QList<qint8>{ 2, 0, Umbra::Series::kExact } }) {
        ChunkEncoder encoder(precisions);
        std::vector<double> row(size_t(precisions.size()));
        for (int i = 0; i < 100; ++i) {
            for (size_t c = 0; c < row.size(); ++c)
                row[c] = c == 1 && i % 10 == 3 ? std::nan("") : wave(i) * double(c + 1);
            encoder.append(1'700'000'000'000 + qint64(i) * 5000, row.data());
        }
        ok = write(root + QStringLiteral("/chunk"),
                   QStringLiteral("columns-%1").arg(precisions.size()), encoder.encode())
            && ok;
    }

    using namespace Umbra::Predict;
    for (int samples : { 10, 600 }) {
        Forecaster forecaster(ForecasterOptions{ 300, 2000 });
        for (int i = 0; i < samples; ++i)
            forecaster.update(qint64(i) * 300'000, wave(i));
        if (samples > 16)
            forecaster.refit();
        // fuzz_forecaster reads a first byte: 0 for a whole blob, 1 for the
        // fields alone (the blob without its 14-byte header, uncompressed).
        const QByteArray blob = forecaster.saveState();
        ok = write(root + QStringLiteral("/forecaster"), QStringLiteral("blob-%1").arg(samples),
                   QByteArray(1, '\0') + blob)
            && ok;
        ok = write(root + QStringLiteral("/forecaster"), QStringLiteral("fields-%1").arg(samples),
                   QByteArray(1, '\1') + qUncompress(blob.mid(14)))
            && ok;
    }

    AnomalyDetector detector;
    for (int i = 0; i < 500; ++i)
        (void)detector.update(qint64(i) * 5000, wave(i));
    // fuzz_anomalydetector reads a first byte too: 0 for the whole record,
    // 1 for the state alone (the record without its 16-byte header), 2, 3
    // and 4 for a state read as format 2, 3 or 4.
    const QByteArray record = detector.saveState();
    ok = write(root + QStringLiteral("/anomalydetector"), QStringLiteral("record"),
               QByteArray(1, '\0') + record)
        && ok;
    ok = write(root + QStringLiteral("/anomalydetector"), QStringLiteral("state"),
               QByteArray(1, '\1') + record.mid(16))
        && ok;
    ok = write(root + QStringLiteral("/anomalydetector"), QStringLiteral("state-format3"),
               QByteArray(1, '\3') + record.mid(16))
        && ok;
    ok = write(root + QStringLiteral("/anomalydetector"), QStringLiteral("state-format4"),
               QByteArray(1, '\4') + record.mid(16))
        && ok;
    return ok ? 0 : 1;
}
