#pragma once

#include "hardware/exposition.h"

#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>
#include <map>
#include <optional>

namespace Umbra::Hardware {

// One drive as smartctl_exporter describes it.
struct DriveReadings
{
    QString device; // "sda", without "/dev/" (exporter versions differ there)
    QString model;
    QString serial;
    std::map<int, double> smartRaw; // ATA attribute id → raw value
    std::optional<double> temperatureCelsius;
    std::optional<double> powerOnHours;
    std::optional<bool> smartPassed; // the drive's own overall verdict
};

// One hwmon sensor as node_exporter describes it.
struct Temperature
{
    QString sensor; // "coretemp-isa-0000 Package id 0", or "chip/temp1" without a label
    double celsius = 0;
    std::optional<double> critCelsius;
    std::optional<double> maxCelsius;
};

// What one host's exporters say about its hardware at one moment. Anything a
// host does not expose stays empty: most hosts run node_exporter only, and
// virtual machines have no SMART or EDAC at all.
struct HardwareReadings
{
    qint64 timestampMs = 0; // when it was read, set by whoever fetched it
    QList<DriveReadings> drives;
    // EDAC memory errors since boot, summed over memory controllers.
    std::optional<double> edacCorrected;
    std::optional<double> edacUncorrected;
    QList<Temperature> temperatures;
    std::optional<double> memoryAvailableBytes;
    std::optional<double> memoryTotalBytes;
    // Readings no hardware can give (NaN, a temperature of 1000 °C, more
    // reallocated sectors than a drive can address), one line each, at most
    // a few; they were left out above and weigh on nothing.
    QStringList implausible;

    bool isEmpty() const;
};

// Picks the hardware figures out of a parsed page; other metrics are ignored.
// Figures outside physical ranges are left out and listed in `implausible`.
// A page may combine node_exporter and smartctl_exporter, or be either one.
HardwareReadings readHardware(const QList<Sample> &samples);

// Merges two pages of one host (its node_exporter and its smartctl_exporter).
HardwareReadings mergeReadings(HardwareReadings first, const HardwareReadings &second);

// Corrected EDAC errors per day between two readings of the same host, or
// nothing when either lacks the counter, the readings are not in order, or
// the counter went backwards (the host rebooted).
std::optional<double> edacCorrectedPerDay(const HardwareReadings &earlier,
                                          const HardwareReadings &later);

} // namespace Umbra::Hardware

Q_DECLARE_METATYPE(Umbra::Hardware::HardwareReadings)
