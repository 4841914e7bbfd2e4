#include "failureeval.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <optional>

namespace Umbra::Backblaze {

namespace {

// Mann-Whitney: the chance a positive outscores a negative, ties half.
double rocAuc(const std::vector<Example> &examples, const std::vector<double> &scores)
{
    std::vector<size_t> order(scores.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(),
                     [&scores](size_t a, size_t b) { return scores[a] < scores[b]; });
    double positiveRankSum = 0, positives = 0;
    for (size_t i = 0; i < order.size();) {
        size_t j = i;
        while (j < order.size() && scores[order[j]] == scores[order[i]])
            ++j;
        const double rank = (double(i) + double(j) + 1) / 2; // 1-based mean rank of the tie
        for (size_t k = i; k < j; ++k) {
            if (examples[order[k]].positive) {
                positiveRankSum += rank;
                ++positives;
            }
        }
        i = j;
    }
    const double negatives = double(scores.size()) - positives;
    if (positives == 0 || negatives == 0)
        return qQNaN();
    return (positiveRankSum - positives * (positives + 1) / 2) / (positives * negatives);
}

double median(std::vector<double> values)
{
    if (values.empty())
        return qQNaN();
    std::sort(values.begin(), values.end());
    const size_t n = values.size();
    return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

} // namespace

FailureFigures evaluateFailures(const Dataset &data, const std::vector<Example> &examples,
                                const std::vector<double> &scores, double falseAlarmTarget)
{
    FailureFigures f;
    f.rows = qint64(examples.size());
    f.auc = rocAuc(examples, scores);

    std::vector<double> negatives;
    for (size_t i = 0; i < examples.size(); ++i) {
        if (examples[i].positive)
            ++f.positiveRows;
        else
            negatives.push_back(scores[i]);
    }
    // An alarm is a score above the negative at the target's rank, so at most
    // that share of negatives alarms (ties at the threshold stay quiet).
    std::sort(negatives.begin(), negatives.end(), std::greater<>());
    const size_t allowed = size_t(std::floor(falseAlarmTarget * double(negatives.size())));
    const double above = negatives.empty() ? 0 : negatives[std::min(allowed, negatives.size() - 1)];
    f.threshold = std::nextafter(above, 1.0);

    qint64 falseAlarms = 0, hits = 0;
    std::vector<double> leads, early;
    int lastDrive = -1;
    bool alarmed = false;
    for (size_t i = 0; i < examples.size(); ++i) {
        const Example &e = examples[i];
        const Drive &drive = data.drives[size_t(e.drive)];
        if (e.drive != lastDrive) {
            lastDrive = e.drive;
            alarmed = false;
            ++f.drives;
            f.failedDrives += drive.failed ? 1 : 0;
        }
        const bool alarm = scores[i] >= f.threshold;
        if (alarm && e.positive)
            ++hits;
        if (alarm && !e.positive) {
            ++falseAlarms;
            if (drive.failed)
                early.push_back(drive.failedAt() - drive.intervals[size_t(e.interval)].stop);
        }
        if (alarm && !alarmed && drive.failed) {
            leads.push_back(drive.failedAt() - drive.intervals[size_t(e.interval)].start);
            ++f.alarmedFailedDrives;
        }
        alarmed = alarmed || alarm;
    }
    f.falseAlarmRate = negatives.empty() ? 0 : double(falseAlarms) / double(negatives.size());
    f.recall = f.positiveRows ? double(hits) / double(f.positiveRows) : 0;
    f.medianLeadHours = median(leads);
    f.falseAlarms = falseAlarms;
    f.earlyFalseAlarms = qint64(early.size());
    f.medianEarlyHours = median(early);
    return f;
}

QJsonObject toJson(const FailureFigures &f)
{
    auto rounded = [](double x, double scale) { return std::round(x * scale) / scale; };
    return QJsonObject{
        { QStringLiteral("rows"), f.rows },
        { QStringLiteral("positiveRows"), f.positiveRows },
        { QStringLiteral("drives"), f.drives },
        { QStringLiteral("failedDrives"), f.failedDrives },
        { QStringLiteral("auc"), rounded(f.auc, 1e4) },
        { QStringLiteral("threshold"), rounded(f.threshold, 1e6) },
        { QStringLiteral("falseAlarmRate"), rounded(f.falseAlarmRate, 1e4) },
        { QStringLiteral("recallAt1PercentFalseAlarms"), rounded(f.recall, 1e4) },
        { QStringLiteral("alarmedFailedDrives"), f.alarmedFailedDrives },
        { QStringLiteral("medianLeadHours"), rounded(f.medianLeadHours, 1) },
        { QStringLiteral("falseAlarms"), f.falseAlarms },
        { QStringLiteral("falseAlarmsOnDrivesFailingLater"), f.earlyFalseAlarms },
        { QStringLiteral("medianHoursToThatFailure"),
          std::isnan(f.medianEarlyHours) ? 0 : rounded(f.medianEarlyHours, 1) },
    };
}

DriveFigures evaluateDrives(const Dataset &data, const std::vector<Example> &examples,
                            const std::vector<double> &scores, double healthyAlarmBudget)
{
    // Each drive's assessed intervals with their scores, in time order.
    std::vector<std::vector<std::pair<int, double>>> byDrive(data.drives.size());
    for (size_t i = 0; i < examples.size(); ++i)
        byDrive[size_t(examples[i].drive)].emplace_back(examples[i].interval, scores[i]);

    DriveFigures f;
    std::vector<double> healthyPeaks;
    for (size_t d = 0; d < byDrive.size(); ++d) {
        if (byDrive[d].empty())
            continue;
        ++f.drives;
        if (data.drives[d].failed) {
            ++f.failedDrives;
            continue;
        }
        ++f.healthyDrives;
        double peak = -std::numeric_limits<double>::infinity();
        for (const auto &[interval, score] : byDrive[d])
            peak = std::max(peak, score);
        healthyPeaks.push_back(peak);
    }
    std::sort(healthyPeaks.begin(), healthyPeaks.end(), std::greater<>());
    const size_t allowed = size_t(std::floor(healthyAlarmBudget * double(healthyPeaks.size())));
    const double above
        = healthyPeaks.empty() ? 0 : healthyPeaks[std::min(allowed, healthyPeaks.size() - 1)];
    f.threshold = std::nextafter(above, 1.0);

    std::vector<double> leads;
    for (size_t d = 0; d < byDrive.size(); ++d) {
        const Drive &drive = data.drives[d];
        bool falseAlarm = false;
        std::optional<double> caughtLead;
        for (const auto &[index, score] : byDrive[d]) {
            if (score < f.threshold)
                continue;
            const Interval &interval = drive.intervals[size_t(index)];
            if (!drive.failed || drive.failedAt() - interval.start > kFalseAfterHours)
                falseAlarm = true;
            // In effect from its start to its stop: caught when that meets
            // the window 1–30 days before the failure.
            if (drive.failed && !caughtLead && interval.start <= drive.failedAt() - kCaughtFromHours
                && interval.stop >= drive.failedAt() - kCaughtToHours)
                caughtLead = drive.failedAt() - interval.start;
        }
        f.alarmedHealthyDrives += !drive.failed && falseAlarm ? 1 : 0;
        f.falseAlarmDrives += falseAlarm ? 1 : 0;
        if (caughtLead) {
            ++f.caughtDrives;
            leads.push_back(*caughtLead);
        }
    }
    f.recall = f.failedDrives ? double(f.caughtDrives) / double(f.failedDrives) : 0;
    f.medianLeadHours = leads.empty() ? 0 : median(leads);
    return f;
}

QJsonObject toJson(const DriveFigures &f)
{
    return QJsonObject{
        { QStringLiteral("drives"), f.drives },
        { QStringLiteral("healthyDrives"), f.healthyDrives },
        { QStringLiteral("failedDrives"), f.failedDrives },
        { QStringLiteral("threshold"), std::round(f.threshold * 1e6) / 1e6 },
        { QStringLiteral("alarmedHealthyDrives"), f.alarmedHealthyDrives },
        { QStringLiteral("caughtDrives"), f.caughtDrives },
        { QStringLiteral("recallAt1PercentHealthyAlarmed"), std::round(f.recall * 1e4) / 1e4 },
        { QStringLiteral("falseAlarmDrives"), f.falseAlarmDrives },
        { QStringLiteral("medianLeadHours"), std::round(f.medianLeadHours) },
    };
}

} // namespace Umbra::Backblaze
