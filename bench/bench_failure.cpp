// Scores the shipped drive risk model on Backblaze drive histories
// (docs/failure.md).
//
//   bench_failure                # the held-out 30 % of the drives (by serial)
//   bench_failure --data FILE    # every drive of another file of the same form
//
// Prints ROC AUC, recall at 1 % false alarms, the median lead time and the cost
// of one assessment per drive-interval, then the figures judged per drive
// (caught 1-30 days ahead, false alarms within 90 days, at 1 % of the healthy
// drives alarmed); the last line is one JSON object with the figures.
#include "backblazedata.h"
#include "failureeval.h"
#include "predict/driverisk.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <algorithm>
#include <cmath>
#include <cstdio>

using namespace Umbra;

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QString data = Backblaze::defaultDataPath();
    bool heldOut = true;
    const QStringList args = app.arguments();
    for (qsizetype i = 1; i < args.size(); ++i) {
        if (args[i] == u"--data" && i + 1 < args.size()) {
            data = args[++i];
            heldOut = false;
        } else {
            std::fprintf(stderr, "usage: bench_failure [--data FILE]\n");
            return 2;
        }
    }

    const Result<Backblaze::Dataset> loaded = Backblaze::loadDataset(data);
    if (!loaded) {
        std::fprintf(stderr, "bench_failure: %s\n", qPrintable(loaded.error()));
        return 1;
    }
    const Backblaze::Dataset &dataset = loaded.value();
    const Predict::DriveRiskModel &model = Predict::DriveRiskModel::shipped();
    const std::vector<Backblaze::Example> examples
        = Backblaze::examplesOf(dataset, heldOut ? Backblaze::Part::Test : Backblaze::Part::All);

    // Timed as the console calls it: readings in, risk and reasons out.
    std::vector<double> scores;
    scores.reserve(examples.size());
    QElapsedTimer clock;
    qint64 nanoseconds = 0;
    double sink = 0;
    for (const Backblaze::Example &e : examples) {
        const Backblaze::Drive &drive = dataset.drives[size_t(e.drive)];
        const Predict::SmartReading now = Backblaze::readingOf(drive.intervals[size_t(e.interval)]);
        const Predict::SmartReading earlier = Backblaze::readingOf(
            drive.intervals[Backblaze::earlierInterval(drive, size_t(e.interval))]);
        clock.start();
        const Predict::DriveRisk risk = model.assess(now, e.interval > 0 ? &earlier : nullptr);
        nanoseconds += clock.nsecsElapsed();
        sink += double(risk.factors.size());
        scores.push_back(risk.risk);
    }
    const double perAssessment
        = double(nanoseconds) / 1000 / double(std::max<size_t>(1, examples.size()));

    const Backblaze::FailureFigures f = Backblaze::evaluateFailures(dataset, examples, scores);
    std::printf("model: version %d, %s\n", model.version(),
                heldOut ? "scored on the held-out 30 % of the drives (split by serial)"
                        : "scored on every drive of the file");
    std::printf("data: %s: %lld drive-intervals (%lld positive), %lld drives, %lld failed\n",
                qPrintable(dataset.source), f.rows, f.positiveRows, f.drives, f.failedDrives);
    std::printf("ROC AUC: %.4f\n", f.auc);
    std::printf(
        "recall at 1 %% false alarms: %.1f %% (threshold risk %.4f, false alarms %.2f %%)\n",
        100 * f.recall, f.threshold, 100 * f.falseAlarmRate);
    std::printf("failed drives alarmed: %lld of %lld; median lead time %.0f h\n",
                f.alarmedFailedDrives, f.failedDrives, std::round(f.medianLeadHours));
    std::printf("false alarms on drives that failed later: %lld of %lld (median %.0f h before "
                "the failure)\n",
                f.earlyFalseAlarms, f.falseAlarms, std::round(f.medianEarlyHours));
    std::printf("assessment: %.2f us each (%.0f reasons in all)\n", perAssessment, sink);

    const Backblaze::DriveFigures d = Backblaze::evaluateDrives(dataset, examples, scores);
    std::printf("\nPer drive (alarm budget: 1 %% of the drives that never failed alarm at all):\n");
    std::printf("drives: %lld (%lld never failed, %lld failed); threshold risk %.4f\n", d.drives,
                d.healthyDrives, d.failedDrives, d.threshold);
    std::printf("caught 1-30 days before failing: %lld of %lld failed drives (recall %.1f %%), "
                "median lead %.0f h\n",
                d.caughtDrives, d.failedDrives, 100 * d.recall, d.medianLeadHours);
    std::printf("false alarms: %lld drives (%lld that never failed, %lld failing more than 90 "
                "days after the alarm)\n",
                d.falseAlarmDrives, d.alarmedHealthyDrives,
                d.falseAlarmDrives - d.alarmedHealthyDrives);

    QJsonObject json = Backblaze::toJson(f);
    json.insert(QStringLiteral("data"), dataset.source);
    json.insert(QStringLiteral("part"),
                heldOut ? QStringLiteral("held-out") : QStringLiteral("all"));
    json.insert(QStringLiteral("modelVersion"), model.version());
    json.insert(QStringLiteral("usPerAssessment"), std::round(perAssessment * 100) / 100);
    json.insert(QStringLiteral("perDrive"), Backblaze::toJson(d));
    std::printf("%s\n", QJsonDocument(json).toJson(QJsonDocument::Compact).constData());
    return 0;
}
