#include "demo/demohardware.h"

#include "fleet/hosturi.h"

#include <QCryptographicHash>
#include <algorithm>
#include <cmath>
#include <numbers>

namespace Umbra::DemoHardware {

namespace {

constexpr double kHourMs = 3600.0 * 1000.0;

// A stable number in [0, 1) from a host and a purpose, so every run of the
// demo shows the same drives.
double stable(const QString &host, const char *purpose)
{
    const QByteArray digest = QCryptographicHash::hash((host + QLatin1String(purpose)).toUtf8(),
                                                       QCryptographicHash::Sha1);
    quint32 bits = 0;
    for (int i = 0; i < 4; ++i)
        bits = bits << 8 | quint8(digest.at(i));
    return bits / 4294967296.0;
}

Hardware::DriveReadings drive(const QString &host, const char *device, qint64 timeMs,
                              double reallocated, double pending, double uncorrectable = 0)
{
    Hardware::DriveReadings d;
    d.device = QLatin1String(device);
    d.model = QStringLiteral("ST4000DM000");
    d.serial = QStringLiteral("Z30%1")
                   .arg(quint32(stable(host, device) * 0xFFFFF), 5, 16, QLatin1Char('0'))
                   .toUpper();
    // Drives one to three years old at the start of 2026, always on since.
    constexpr qint64 k2026Ms = 1767225600000;
    const double hours = std::max(
        0.0, std::floor(8760 * (1 + 2 * stable(host, "age")) + (timeMs - k2026Ms) / kHourMs));
    d.powerOnHours = hours;
    d.smartRaw = { { 5, reallocated },
                   { 9, hours },
                   { 10, 0 },
                   { 12, std::floor(8 + 20 * stable(host, "cycles")) },
                   { 187, uncorrectable },
                   { 188, 0 },
                   { 189, 0 },
                   { 197, pending },
                   { 198, pending } };
    d.temperatureCelsius = std::round(33 + 4 * stable(host, device));
    d.smartPassed = true;
    return d;
}

} // namespace

Hardware::HardwareReadings readings(const QString &uri, qint64 timeMs)
{
    const QString host = HostUri::displayName(uri);
    const bool oldest = host == QLatin1String("rack2-kvm03");
    const bool failing = host == QLatin1String("edge-kvm04");
    Hardware::HardwareReadings r;
    r.timestampMs = timeMs;
    // The failing drive reallocates a sector or two every hour and has more
    // pending each hour: a count that only climbs, from a date, so every
    // reading a console takes sees it rising.
    constexpr qint64 kFailingFromMs = 1764547200000; // 2025-12-01
    const double failingHours = std::max(0.0, std::floor((timeMs - kFailingFromMs) / kHourMs));
    r.drives = { drive(host, "sda", timeMs, 0, 0),
                 oldest        ? drive(host, "sdb", timeMs, 48, 8)
                     : failing ? drive(host, "sdb", timeMs, 120 + 1.5 * failingHours,
                                       24 + 0.25 * failingHours, 24 + 0.2 * failingHours)
                               : drive(host, "sdb", timeMs, 0, 0) };
    r.edacCorrected = oldest ? 3 : 0;
    r.edacUncorrected = 0;
    // The CPU package warms and cools with the day's load, well below its limit.
    const double day = std::fmod(timeMs / kHourMs, 24.0) / 24.0;
    Hardware::Temperature package;
    package.sensor = QStringLiteral("coretemp-isa-0000 Package id 0");
    package.celsius = std::round(48 + 10 * stable(host, "heat")
                                 + 6 * std::sin(2 * std::numbers::pi * (day - 0.35)));
    package.critCelsius = 100;
    package.maxCelsius = 84;
    r.temperatures = { package };
    return r;
}

} // namespace Umbra::DemoHardware
