#pragma once

#include "backblazedata.h"

#include <QJsonObject>
#include <vector>

// The failure prediction figures of docs/evaluation.md, over examples scored
// by any model.
namespace Umbra::Backblaze {

struct FailureFigures
{
    qint64 rows = 0; // drive-intervals
    qint64 positiveRows = 0;
    qint64 drives = 0;
    qint64 failedDrives = 0;
    double auc = 0; // ROC AUC over drive-intervals, ties counted half
    double threshold = 0; // the lowest risk that raises an alarm
    double falseAlarmRate = 0; // measured at that threshold
    double recall = 0; // share of positive drive-intervals alarmed
    qint64 alarmedFailedDrives = 0; // failed drives with any alarm
    // Between a failed drive's first alarm (the start of its first alarmed
    // interval) and its failure, median over alarmed failed drives.
    double medianLeadHours = 0;
    // False alarms on intervals of drives that did fail, only later than the
    // horizon after the interval: warnings too early to count as true.
    qint64 earlyFalseAlarms = 0;
    qint64 falseAlarms = 0;
    double medianEarlyHours = 0; // from such an interval's stop to the failure
};

// `scores[i]` belongs to `examples[i]`; the threshold is the one that keeps
// false alarms at or under `falseAlarmTarget` of the negative intervals.
FailureFigures evaluateFailures(const Dataset &data, const std::vector<Example> &examples,
                                const std::vector<double> &scores, double falseAlarmTarget = 0.01);

QJsonObject toJson(const FailureFigures &figures);

// The same judged per drive, as an operator meets it: a failed drive is
// caught when an alarm is in effect 1–30 days before its failure; a drive
// raised a false alarm when it alarmed and did not fail within 90 days of
// that alarm's start (a drive that never failed: any alarm; drives still
// young at the end of the data count as not failing). The threshold keeps
// `healthyAlarmBudget` of the drives that never failed from alarming at all.
struct DriveFigures
{
    qint64 drives = 0;
    qint64 healthyDrives = 0; // never failed
    qint64 failedDrives = 0;
    double threshold = 0;
    qint64 alarmedHealthyDrives = 0;
    qint64 caughtDrives = 0; // failed drives alarmed 1–30 days before failing
    double recall = 0; // caughtDrives / failedDrives
    qint64 falseAlarmDrives = 0; // healthy or failing more than 90 days later
    // From the start of a caught drive's first alarm in effect in the window
    // to its failure, median over caught drives.
    double medianLeadHours = 0;
};

inline constexpr double kCaughtFromHours = 24, kCaughtToHours = 720, kFalseAfterHours = 2160;

DriveFigures evaluateDrives(const Dataset &data, const std::vector<Example> &examples,
                            const std::vector<double> &scores, double healthyAlarmBudget = 0.01);

QJsonObject toJson(const DriveFigures &figures);

} // namespace Umbra::Backblaze
