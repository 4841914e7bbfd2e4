#pragma once

#include <QList>
#include <QString>
#include <optional>

namespace Umbra::Predict {

// What a health score is computed from, for a VM or a host. Absent optionals
// are not known (not measured, no forecast, a feature not available) and
// deduct nothing.
struct HealthInputs
{
    std::optional<double> cpuPercent; // of capacity, now
    std::optional<double> memoryPercent; // of capacity, now
    // Forecast time until the resource saturates (the earliest of the 95 %
    // band), in seconds from now; absent when not within the forecast horizon.
    std::optional<qint64> cpuSaturationSeconds;
    std::optional<qint64> memorySaturationSeconds;
    int ioErrors = 0; // I/O error events in the last hour
    int failedReconnects = 0; // in the last hour
    bool guestUnresponsive = false;
    std::optional<double> anomaly; // 0..1, from anomaly detection
    std::optional<double> failureRisk; // 0..1 within 30 days, from failure prediction
    QString failureReason; // its main cause, translated ("drive sda: pending sectors 24")
    // Failure prediction says the VMs should leave the host now: unhealthy
    // whatever the score.
    bool evacuate = false;
    // Why the VM's shadow failed its last validation (translated): the VM
    // runs, but what should take over from it might not. Empty when the
    // last validation passed, or the VM has no shadow.
    QString shadowValidationFailure;
};

// One reason a score is below 100.
struct HealthFactor
{
    QString id; // stable, for code: "cpu", "memory", "cpu-forecast", "memory-forecast",
                // "io-errors", "reconnects", "unresponsive", "anomaly", "failure-risk",
                // "shadow-validation"
    QString sentence; // translated, with the numbers behind it
    int points = 0; // deducted
};

struct HealthPolicy
{
    int unhealthyBelow = 60; // a score under this is unhealthy
    double cpuFrom = 70, memoryFrom = 80; // utilisation (%) where deductions start
    int cpuPoints = 25, memoryPoints = 30; // deducted at 100 %
    int saturationHourPoints = 25, saturationDayPoints = 12, saturationWeekPoints = 4;
    int pointsPerIoError = 5, ioErrorCap = 20;
    int pointsPerReconnect = 3, reconnectCap = 15;
    int unresponsivePoints = 35;
    int anomalyPoints = 20, failureRiskPoints = 30; // at 1.0
    int shadowValidationPoints = 25;
};

struct HealthScore
{
    int score = 100; // 0..100
    // Every factor that deducted, largest first. score == 100 - sum(points)
    // exactly: when the deductions would pass 100, the smallest are trimmed
    // (to zero if need be, still listed) so the score stops at 0.
    QList<HealthFactor> breakdown;
    bool unhealthyNow = false;
    // When the forecasts put CPU or memory at saturation (the 95 % band's
    // earliest time), in seconds from now; 0 when unhealthy now.
    std::optional<qint64> unhealthyWithinSeconds;
};

HealthScore scoreHealth(const HealthInputs &inputs, const HealthPolicy &policy = {});

// Why a VM or host is flagged, in one sentence: for one predicted to become
// unhealthy, the forecast that says when (a larger deduction, such as an
// anomaly, does not); otherwise the largest deduction. Empty when nothing
// was deducted.
QString flagReason(const HealthScore &health);

// "Soon", for warnings: a VM or host forecast to be unhealthy within this
// time is flagged in the event log and amber in the fleet tree. A later
// saturation lowers its score and shows in the At-risk list's longer
// horizons.
inline constexpr qint64 kSoonSeconds = 24 * 3600;

// "about 40 minutes", "about 5 hours", "about 3 days": translated.
QString approximateDuration(qint64 seconds);

} // namespace Umbra::Predict
