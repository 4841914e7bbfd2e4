// Trains the drive risk model on the training drives of the Backblaze history
// and writes resources/models/drive-risk.json (docs/failure.md).
//
//   train_drive_model [--data FILE] [--output FILE] [--check]
//                     [--rounds N] [--depth N] [--learning-rate X] [--min-leaf N]
//
// --check compares with the file instead of writing it: exit status 0 when
// retraining gives the same bytes. The shipped model uses the default settings;
// the others are for trying alternatives into another --output.
#include "backblazedata.h"
#include "driverisktraining.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <cstdio>

using namespace Umbra;

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QString data = Backblaze::defaultDataPath();
    QString output = QStringLiteral(UMBRA_SOURCE_DIR "/resources/models/drive-risk.json");
    bool check = false;
    Backblaze::TrainingOptions options;
    const QStringList args = app.arguments();
    for (qsizetype i = 1; i < args.size(); ++i) {
        if (args[i] == u"--data" && i + 1 < args.size()) {
            data = args[++i];
        } else if (args[i] == u"--output" && i + 1 < args.size()) {
            output = args[++i];
        } else if (args[i] == u"--rounds" && i + 1 < args.size()) {
            options.rounds = args[++i].toInt();
        } else if (args[i] == u"--depth" && i + 1 < args.size()) {
            options.depth = args[++i].toInt();
        } else if (args[i] == u"--learning-rate" && i + 1 < args.size()) {
            options.learningRate = args[++i].toDouble();
        } else if (args[i] == u"--min-leaf" && i + 1 < args.size()) {
            options.minLeafRows = args[++i].toInt();
        } else if (args[i] == u"--check") {
            check = true;
        } else {
            std::fprintf(stderr,
                         "usage: train_drive_model [--data FILE] [--output FILE] [--check] "
                         "[--rounds N] [--depth N] [--learning-rate X] [--min-leaf N]\n");
            return 2;
        }
    }

    QElapsedTimer clock;
    clock.start();
    const Result<Backblaze::Dataset> loaded = Backblaze::loadDataset(data);
    if (!loaded) {
        std::fprintf(stderr, "train_drive_model: %s\n", qPrintable(loaded.error()));
        return 1;
    }
    const QByteArray file = Backblaze::trainDriveRiskFile(loaded.value(), options);
    std::fprintf(stderr, "train_drive_model: trained in %.1f s\n", double(clock.elapsed()) / 1000);
    const QJsonObject root = QJsonDocument::fromJson(file).object();
    for (const QString &part :
         { QStringLiteral("crossValidation"), QStringLiteral("evaluation") }) {
        const QJsonObject f = root.value(part).toObject();
        std::fprintf(stderr, "  %s: ROC AUC %.4f, recall at 1 %% false alarms %.1f %%\n",
                     qPrintable(f.value(QStringLiteral("on")).toString()),
                     f.value(QStringLiteral("auc")).toDouble(),
                     100 * f.value(QStringLiteral("recallAt1PercentFalseAlarms")).toDouble());
    }

    QFile out(output);
    if (check) {
        if (!out.open(QIODevice::ReadOnly) || out.readAll() != file) {
            std::fprintf(stderr, "train_drive_model: %s differs from a retrained model\n",
                         qPrintable(output));
            return 1;
        }
        std::printf("%s is what training gives\n", qPrintable(output));
        return 0;
    }
    if (!out.open(QIODevice::WriteOnly | QIODevice::Truncate) || out.write(file) != file.size()) {
        std::fprintf(stderr, "train_drive_model: cannot write %s\n", qPrintable(output));
        return 1;
    }
    std::printf("wrote %s\n", qPrintable(output));
    return 0;
}
