#include "predict/hostrisk.h"

#include <QCoreApplication>
#include <algorithm>
#include <cmath>

namespace Umbra::Hardware {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Umbra::Hardware::HostRisk)
};

// Each signal becomes the probability that the host fails (needs hardware
// service or stops serving its VMs) within 30 days — the horizon of the drive
// model — were that signal the only one. The constants are deliberately
// conservative: they rank hosts and trigger a look, they are not a warranty.

// Corrected memory errors are routine in small numbers, but a DIMM that
// corrects many is the best predictor of one that will not (Schroeder,
// Pinheiro & Weber, "DRAM errors in the wild", 2009: uncorrectable errors
// follow correctable ones on the same DIMM far more often than chance).
// Saturating: p = CeCeiling · (1 − e^(−rate / CeScale)); one error a day is
// 0.3 %, a couple of hundred a day about 38 %.
constexpr double CeCeiling = 0.6;
constexpr double CeScalePerDay = 200;

// An uncorrectable error has already corrupted memory; the machine check that
// follows may take the host down. The DIMM needs replacing either way.
constexpr double UncorrectedProbability = 0.6;

// A memory-failure event means QEMU handled a hardware memory error in a
// guest's memory: an uncorrectable error that reached a VM. Each one is taken
// as an independent 40 % chance of failure.
constexpr double MemoryFailureEach = 0.4;

// I/O errors reported to or pausing guests point at the host's storage path
// (disk, controller, HBA, the SAN link). A few are common on a full volume,
// so the risk saturates: 1 → 10 %, 3 → 22 %, 10+ → about 35 %.
constexpr double IoErrorCeiling = 0.35;
constexpr double IoErrorScale = 3;

// A host that keeps dropping its libvirt connection has a flapping network,
// a crashing libvirtd or a stalling kernel: 1 → 7 %, 4 → 19 %, 12+ → ~30 %.
constexpr double ConnectionLossCeiling = 0.3;
constexpr double ConnectionLossScale = 4;

// Memory pressure does not break hardware, but a host near the end of its
// memory starts killing or pausing guests. Nothing above 20 % available,
// rising quadratically to 25 % at nothing available.
constexpr double PressureStartRatio = 0.2;
constexpr double PressureCeiling = 0.25;

// Temperatures: nothing until 10 °C below a sensor's critical point, then
// linearly to 30 % at the critical point, where the host throttles or shuts
// down. Sensors without a critical point are not judged (limits differ too
// much between parts to guess one).
constexpr double ThermalMarginCelsius = 10;
constexpr double ThermalCeiling = 0.3;

// Empty the host when a drive alone is this likely to fail within 30 days, or
// when the host as a whole is.
constexpr double MoveDriveRisk = 0.5;
constexpr double MoveHostRisk = 0.5;

// Shares are computed from each signal's hazard, −ln(1 − p), which is what
// independent hazards add up to; a probability of 1 would be an infinite
// hazard, so it is held just below.
constexpr double MaxProbability = 0.999999;

double saturating(double ceiling, double count, double scale)
{
    return ceiling * (1.0 - std::exp(-count / scale));
}

QString percent(double p)
{
    return QString::number(p * 100.0, 'f', p < 0.1 ? 1 : 0);
}

class Assessment
{
public:
    void add(QString id, double probability, QString sentence)
    {
        if (!(probability > 0)) // also rejects NaN
            return;
        m_factors.append(
            { std::move(id), std::move(sentence), std::min(probability, MaxProbability), 0 });
    }

    HostRisk finish(bool moveVms) const
    {
        HostRisk risk;
        double hazard = 0;
        for (const HostRiskFactor &f : m_factors)
            hazard += -std::log1p(-f.probability);
        risk.risk = m_factors.isEmpty() ? 0.0 : -std::expm1(-hazard);
        for (HostRiskFactor f : m_factors) {
            f.share = hazard > 0 ? -std::log1p(-f.probability) / hazard : 0;
            risk.breakdown.append(f);
        }
        std::stable_sort(
            risk.breakdown.begin(), risk.breakdown.end(),
            [](const HostRiskFactor &a, const HostRiskFactor &b) { return a.share > b.share; });
        risk.moveVms = moveVms || risk.risk >= MoveHostRisk;
        return risk;
    }

private:
    QList<HostRiskFactor> m_factors;
};

} // namespace

HostRisk assessHostRisk(const HostRiskInputs &in)
{
    Assessment a;
    bool move = false;

    for (const DriveRiskInput &d : in.drives) {
        const double p = std::clamp(std::isfinite(d.risk) ? d.risk : 0.0, 0.0, 1.0);
        a.add(QStringLiteral("drive:") + d.device, p,
              d.reason.isEmpty() ? Tr::tr("Drive %1: %2 % chance of failing within 30 days")
                                       .arg(d.device, percent(p))
                                 : Tr::tr("Drive %1: %2 % chance of failing within 30 days (%3)")
                                       .arg(d.device, percent(p), d.reason));
        move = move || p >= MoveDriveRisk;
    }

    if (in.edacUncorrected && *in.edacUncorrected >= 1) {
        a.add(QStringLiteral("edac.uncorrected"), UncorrectedProbability,
              *in.edacUncorrected < 2 ? Tr::tr("1 uncorrectable memory error since boot")
                                      : Tr::tr("%1 uncorrectable memory errors since boot")
                                            .arg(*in.edacUncorrected, 0, 'f', 0));
        move = true;
    }
    if (in.edacCorrectedPerDay && *in.edacCorrectedPerDay > 0) {
        const double rate = *in.edacCorrectedPerDay;
        a.add(QStringLiteral("edac.corrected"), saturating(CeCeiling, rate, CeScalePerDay),
              Tr::tr("Memory corrects %1 errors a day").arg(rate, 0, 'f', rate < 10 ? 1 : 0));
    }

    if (in.memoryFailureEvents24h > 0) {
        const int n = in.memoryFailureEvents24h;
        a.add(QStringLiteral("vm.memory_failure"), 1.0 - std::pow(1.0 - MemoryFailureEach, n),
              n == 1
                  ? Tr::tr("1 hardware memory failure hit a guest in the last 24 hours")
                  : Tr::tr("%1 hardware memory failures hit guests in the last 24 hours").arg(n));
        move = true;
    }

    if (in.ioErrorEvents24h > 0) {
        const int n = in.ioErrorEvents24h;
        a.add(QStringLiteral("vm.io_error"), saturating(IoErrorCeiling, n, IoErrorScale),
              n == 1 ? Tr::tr("1 guest I/O error in the last 24 hours")
                     : Tr::tr("%1 guest I/O errors in the last 24 hours").arg(n));
    }

    // The hottest sensor relative to its critical point speaks for all.
    const Temperature *hottest = nullptr;
    double hottestMargin = 0;
    for (const Temperature &t : in.temperatures) {
        if (!t.critCelsius || !std::isfinite(t.celsius))
            continue;
        const double margin = *t.critCelsius - t.celsius;
        if (!hottest || margin < hottestMargin) {
            hottest = &t;
            hottestMargin = margin;
        }
    }
    if (hottest && hottestMargin < ThermalMarginCelsius) {
        const double p
            = ThermalCeiling * std::clamp(1.0 - hottestMargin / ThermalMarginCelsius, 0.0, 1.0);
        a.add(QStringLiteral("temperature"), p,
              hottestMargin <= 0 ? Tr::tr("%1 is at %2 °C, at or past its critical %3 °C")
                                       .arg(hottest->sensor)
                                       .arg(hottest->celsius, 0, 'f', 0)
                                       .arg(*hottest->critCelsius, 0, 'f', 0)
                                 : Tr::tr("%1 is at %2 °C, %3 °C below its critical %4 °C")
                                       .arg(hottest->sensor)
                                       .arg(hottest->celsius, 0, 'f', 0)
                                       .arg(hottestMargin, 0, 'f', 0)
                                       .arg(*hottest->critCelsius, 0, 'f', 0));
        move = move || hottestMargin <= 0;
    }

    if (in.memoryAvailableRatio && *in.memoryAvailableRatio < PressureStartRatio) {
        const double ratio = std::clamp(*in.memoryAvailableRatio, 0.0, 1.0);
        const double depth = (PressureStartRatio - ratio) / PressureStartRatio;
        a.add(QStringLiteral("memory.pressure"), PressureCeiling * depth * depth,
              Tr::tr("Only %1 % of the host's memory is available").arg(percent(ratio)));
    }

    if (in.connectionLosses24h > 0) {
        const int n = in.connectionLosses24h;
        a.add(QStringLiteral("host.connection"),
              saturating(ConnectionLossCeiling, n, ConnectionLossScale),
              n == 1 ? Tr::tr("The connection to the host was lost once in the last 24 hours")
                     : Tr::tr("The connection to the host was lost %1 times in the last 24 hours")
                           .arg(n));
    }

    return a.finish(move);
}

} // namespace Umbra::Hardware
