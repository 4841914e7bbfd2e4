#pragma once

#include "predict/drivefeatures.h"
#include "util/result.h"

#include <QByteArray>
#include <QString>
#include <array>
#include <vector>

// The Backblaze drive history in dynamichazard's start/stop form
// (docs/failure.md): one row per stretch of power-on hours over which a
// drive's SMART values held.
namespace Umbra::Backblaze {

inline constexpr double kHorizonHours = 720; // 30 days

struct Interval
{
    double start = 0; // power-on hours when these values were first read
    double stop = 0; // ... and when they were last true (the failure, on a failed drive's last row)
    std::array<double, Predict::kDriveRiskAttributes.size()> smart{}; // NaN: not reported
};

struct Drive
{
    QByteArray serial;
    QByteArray model;
    bool failed = false; // on its last interval's stop
    std::vector<Interval> intervals; // in time order

    double failedAt() const { return intervals.back().stop; }
};

struct Dataset
{
    QString source; // the file's name
    std::vector<Drive> drives;
    qint64 rows = 0;
};

// The file beside the source tree that the tools read unless told otherwise.
QString defaultDataPath();

// Reads a (gzip-compressed or plain) CSV with the columns serial_number,
// model, tstart, tstop, fails and smart_<id> for every attribute the model
// reads; "NA" is not reported. Rows of a drive must be consecutive.
Result<Dataset> loadDataset(const QString &path);

// The split by drive serial: a stable hash puts 30 % of the drives in the
// test part, the same on every machine and run.
bool isTestDrive(const QByteArray &serial);
// Three folds of the training part, for calibration on held-out drives.
int calibrationFold(const QByteArray &serial);

// A reading of a drive as the console would hold it.
Predict::SmartReading readingOf(const Interval &interval);
// The interval in effect 720 h before interval `i` started (the drive's first
// when it is younger); only meaningful for i > 0.
size_t earlierInterval(const Drive &drive, size_t i);

// One evaluation unit: a drive-interval assessed when its values were first
// read (its start), with the reading in effect 720 h before as the earlier one
// (the drive's first, when it is younger). Positive when the drive failed
// within 720 h after the interval's stop: an alarm on it is a true alarm
// whenever during the interval it is raised.
struct Example
{
    int drive = 0; // index in Dataset::drives
    int interval = 0;
    bool positive = false;
    std::vector<double> features; // Predict::driveFeatureValues order
};

enum class Part { All, Train, Test };
std::vector<Example> examplesOf(const Dataset &data, Part part);

} // namespace Umbra::Backblaze
