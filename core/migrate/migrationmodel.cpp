#include "migrate/migrationmodel.h"

#include <algorithm>

namespace Umbra::MigrationModel {

namespace {

double median(QList<double> values)
{
    std::sort(values.begin(), values.end());
    const qsizetype n = values.size();
    return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

} // namespace

Prediction predict(const Input &in)
{
    Prediction p;
    const double bandwidth = std::max(in.bandwidthBytesPerSec, 1.0);
    const double memory = std::max(in.memoryBytes, 0.0);
    const double maxDowntimeMs = std::max(in.maxDowntimeMs, 1.0);
    const int cap = std::max(in.maxIterations, 1);
    const double switchover = std::max(in.switchoverMs, 0.0);
    auto msFor = [bandwidth](double bytes) { return bytes / bandwidth * 1000.0; };

    double toSend = memory;
    double dirtyRate = std::max(in.dirtyBytesPerSec, 0.0);
    double throttle = 0;
    double copyMs = 0;
    while (true) {
        if (p.iterations > 0 && msFor(toSend) <= maxDowntimeMs) {
            p.tail = throttle > 0 ? Prediction::Tail::AutoConverge : Prediction::Tail::Converged;
            p.downtimeMs = msFor(toSend) + switchover;
            p.bytesSent += toSend;
            break;
        }
        if (in.postCopy && p.iterations >= std::max(in.postCopyAfterIterations, 1)) {
            // Device state moves while paused, the remaining pages after resume.
            p.tail = Prediction::Tail::PostCopy;
            p.downtimeMs = switchover;
            copyMs += msFor(toSend);
            p.bytesSent += toSend;
            break;
        }
        if (p.iterations >= cap) {
            p.tail = Prediction::Tail::Capped;
            p.converges = false;
            p.downtimeMs = msFor(toSend) + switchover;
            p.bytesSent += toSend;
            break;
        }
        const double roundMs = msFor(toSend);
        copyMs += roundMs;
        p.bytesSent += toSend;
        ++p.iterations;
        if (in.autoConverge && p.iterations >= 2) {
            throttle = throttle == 0 ? 0.2 : std::min(throttle + 0.1, 0.99);
        }
        toSend = std::min(memory, dirtyRate * (1.0 - throttle) * roundMs / 1000.0);
    }
    p.transferMs = copyMs + p.downtimeMs;
    p.totalMs = p.transferMs + std::max(in.setupOverheadMs, 0.0);
    return p;
}

double learnedOverheadMs(QList<double> residualsMs)
{
    if (residualsMs.isEmpty())
        return kDefaultSetupOverheadMs;
    return std::max(0.0, median(std::move(residualsMs)));
}

double learnedSwitchoverMs(QList<double> residualsMs)
{
    if (residualsMs.isEmpty())
        return kDefaultSwitchoverMs;
    return std::max(0.0, median(std::move(residualsMs)));
}

double learnedBandwidth(QList<double> bytesPerSec)
{
    bytesPerSec.removeIf([](double v) { return !(v > 0); });
    if (bytesPerSec.isEmpty())
        return kDefaultBandwidthBytesPerSec;
    return median(std::move(bytesPerSec));
}

} // namespace Umbra::MigrationModel
