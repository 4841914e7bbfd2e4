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

} // namespace Umbra::Backblaze
