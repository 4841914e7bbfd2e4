#pragma once

#include "hardware/hardwarereadings.h"

#include <QList>
#include <QMetaType>
#include <QString>
#include <optional>

namespace Umbra::Hardware {

// A drive's chance of failing within 30 days, from the drive model, with
// the reason in a few words ("reallocated sectors rising").
struct DriveRiskInput
{
    QString device;
    double risk = 0; // 0..1 within 30 days
    QString reason;
};

// Everything known about one host that bears on its failing. Pure data: the
// caller gathers it from the exporters, the event log and the host samples.
struct HostRiskInputs
{
    QList<DriveRiskInput> drives;
    std::optional<double> edacCorrectedPerDay; // see edacCorrectedPerDay()
    std::optional<double> edacUncorrected; // since boot
    QList<Temperature> temperatures;
    int ioErrorEvents24h = 0; // "vm.io_error" events over the host's VMs
    int memoryFailureEvents24h = 0; // "vm.memory_failure" events over the host's VMs
    std::optional<double> memoryAvailableRatio; // available / total, 0..1
    int connectionLosses24h = 0; // "host.unreachable" events
};

struct HostRiskFactor
{
    QString id; // stable: "drive:sda", "edac.corrected", "temperature", ...
    QString sentence; // for the operator, translated, with the figures
    double probability = 0; // this signal alone, 0..1 within 30 days
    double share = 0; // its part of the host's risk; the shares sum to 1
};

struct HostRisk
{
    double risk = 0; // 0..1 that the host fails within 30 days
    QList<HostRiskFactor> breakdown; // largest share first; empty when risk is 0
    bool moveVms = false; // the host should be emptied now
};

// Combines the signals as independent hazards: risk = 1 − Π(1 − pᵢ).
HostRisk assessHostRisk(const HostRiskInputs &inputs);

} // namespace Umbra::Hardware

Q_DECLARE_METATYPE(Umbra::Hardware::HostRisk)
