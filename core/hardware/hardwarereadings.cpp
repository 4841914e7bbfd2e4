#include "hardware/hardwarereadings.h"

#include "util/displaytext.h"

#include <QCoreApplication>
#include <QHash>
#include <QMap>
#include <algorithm>
#include <cmath>

namespace Umbra::Hardware {

namespace {

// A host has a few dozen drives and sensors at most; a page that names more
// is broken, and the excess is ignored rather than kept.
constexpr qsizetype MaxDrives = 256;
constexpr qsizetype MaxSensors = 512;
constexpr qsizetype MaxImplausible = 8;

// Physical ranges. An ATA attribute's raw value is six bytes, so no count of
// sectors or events can reach 2^48; hardware monitors and drives report
// temperatures well inside -60 … 200 °C (a disconnected sensor's -128 or
// 255 is a reading of nothing); nothing has run for 100 years; EDAC counters
// are kernel longs that a failing DIMM moves by thousands a day, not 10^15.
constexpr double kMaxSmartRaw = 281474976710655.0; // 2^48 - 1
constexpr double kMinCelsius = -60;
constexpr double kMaxCelsius = 200;
constexpr double kMaxPowerOnSeconds = 100.0 * 365.25 * 86400;
constexpr double kMaxEdacCount = 1e15;

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Umbra::Hardware::HardwareReadings)
};

QString driveName(const Sample &sample)
{
    QString device = sample.label(u"device");
    if (device.startsWith(u"/dev/"))
        device = device.mid(5);
    return device;
}

struct SensorFigures
{
    std::optional<double> celsius;
    std::optional<double> crit;
    std::optional<double> max;
    QString label;
};

class Collector
{
public:
    void add(const Sample &s)
    {
        const QString &n = s.name;
        const bool hardware = n.startsWith(u"smartctl_") || n.startsWith(u"node_edac_")
            || n.startsWith(u"node_hwmon_temp") || n.startsWith(u"node_memory_Mem");
        if (!std::isfinite(s.value)) {
            // NaN or ±Inf says nothing about the hardware.
            if (hardware && n != u"node_hwmon_sensor_label")
                implausible(s, Tr::tr("not a number"));
            return;
        }
        if (n.startsWith(u"smartctl_"))
            addSmart(s);
        else if (n.startsWith(u"node_edac_"))
            addEdac(s);
        else if (n.startsWith(u"node_hwmon_"))
            addHwmon(s);
        else if (n == u"node_memory_MemAvailable_bytes" && s.value >= 0)
            m_readings.memoryAvailableBytes = s.value;
        else if (n == u"node_memory_MemTotal_bytes" && s.value > 0)
            m_readings.memoryTotalBytes = s.value;
    }

    HardwareReadings finish()
    {
        // Controller totals already include their csrows; the csrow series
        // only stand in when a node_exporter page has no controller totals.
        m_readings.edacCorrected = m_correctedTotal ? m_correctedTotal : m_correctedRows;
        m_readings.edacUncorrected = m_uncorrectedTotal ? m_uncorrectedTotal : m_uncorrectedRows;
        for (auto it = m_sensors.cbegin(); it != m_sensors.cend(); ++it) {
            if (!it->celsius)
                continue;
            Temperature t;
            t.sensor
                = it->label.isEmpty() ? it.key() : it.key().section(u'/', 0, 0) + u' ' + it->label;
            t.celsius = *it->celsius;
            t.critCelsius = it->crit;
            t.maxCelsius = it->max;
            m_readings.temperatures.append(t);
        }
        std::sort(m_readings.temperatures.begin(), m_readings.temperatures.end(),
                  [](const Temperature &a, const Temperature &b) { return a.sensor < b.sensor; });
        return m_readings;
    }

private:
    void implausible(const Sample &s, const QString &why)
    {
        if (m_readings.implausible.size() >= MaxImplausible)
            return;
        QStringList labels;
        for (const QString &name : { QStringLiteral("device"), QStringLiteral("attribute_name"),
                                     QStringLiteral("attribute_id"), QStringLiteral("chip"),
                                     QStringLiteral("sensor"), QStringLiteral("controller") }) {
            if (const QString value = s.label(name); !value.isEmpty())
                labels.append(name + QStringLiteral("=") + DisplayText::quote(value, 40));
        }
        m_readings.implausible.append(Tr::tr("%1{%2} = %3: %4")
                                          .arg(DisplayText::quote(s.name, 60),
                                               labels.join(QLatin1Char(',')),
                                               QString::number(s.value, 'g', 6), why));
    }

    bool plausibleCelsius(const Sample &s)
    {
        if (s.value >= kMinCelsius && s.value <= kMaxCelsius)
            return true;
        implausible(s, Tr::tr("not a temperature hardware reports"));
        return false;
    }

    DriveReadings *drive(const Sample &s)
    {
        const QString name = driveName(s);
        if (name.isEmpty())
            return nullptr;
        const auto found = m_driveIndex.constFind(name);
        if (found != m_driveIndex.cend())
            return &m_readings.drives[*found];
        if (m_readings.drives.size() >= MaxDrives)
            return nullptr;
        m_driveIndex.insert(name, m_readings.drives.size());
        m_readings.drives.append(DriveReadings{ name, {}, {}, {}, {}, {}, {} });
        return &m_readings.drives.last();
    }

    void addSmart(const Sample &s)
    {
        const QString &n = s.name;
        if (n == u"smartctl_device") {
            if (DriveReadings *d = drive(s)) {
                d->model = s.label(u"model_name");
                d->serial = s.label(u"serial_number");
            }
        } else if (n == u"smartctl_device_attribute") {
            if (s.label(u"attribute_value_type") != u"raw")
                return;
            bool ok = false;
            const int id = s.label(u"attribute_id").toInt(&ok);
            if (!ok || id < 0 || id > 255)
                return;
            if (s.value < 0 || s.value > kMaxSmartRaw || s.value != std::floor(s.value)) {
                implausible(s, Tr::tr("not a count a drive can report"));
                return;
            }
            if (DriveReadings *d = drive(s))
                d->smartRaw[id] = s.value;
        } else if (n == u"smartctl_device_temperature") {
            const QString type = s.label(u"temperature_type");
            if (!type.isEmpty() && type != u"current")
                return;
            if (!plausibleCelsius(s))
                return;
            if (DriveReadings *d = drive(s))
                d->temperatureCelsius = s.value;
        } else if (n == u"smartctl_device_power_on_seconds") {
            if (s.value < 0 || s.value > kMaxPowerOnSeconds) {
                implausible(s, Tr::tr("not a drive's age"));
                return;
            }
            if (DriveReadings *d = drive(s))
                d->powerOnHours = s.value / 3600.0;
        } else if (n == u"smartctl_device_smart_status") {
            if (s.value != 0 && s.value != 1)
                return;
            if (DriveReadings *d = drive(s))
                d->smartPassed = s.value == 1;
        }
    }

    static void addTo(std::optional<double> &sum, double value)
    {
        if (value >= 0)
            sum = sum.value_or(0) + value;
    }

    void addEdac(const Sample &s)
    {
        const QString &n = s.name;
        if (n.endsWith(u"errors_total") && (s.value < 0 || s.value > kMaxEdacCount)) {
            implausible(s, Tr::tr("not an error count"));
            return;
        }
        if (n == u"node_edac_correctable_errors_total")
            addTo(m_correctedTotal, s.value);
        else if (n == u"node_edac_uncorrectable_errors_total")
            addTo(m_uncorrectedTotal, s.value);
        else if (n == u"node_edac_csrow_correctable_errors_total")
            addTo(m_correctedRows, s.value);
        else if (n == u"node_edac_csrow_uncorrectable_errors_total")
            addTo(m_uncorrectedRows, s.value);
    }

    void addHwmon(const Sample &s)
    {
        const QString &n = s.name;
        const bool reading = n == u"node_hwmon_temp_celsius";
        const bool crit = n == u"node_hwmon_temp_crit_celsius";
        const bool max = n == u"node_hwmon_temp_max_celsius";
        const bool label = n == u"node_hwmon_sensor_label";
        if (!reading && !crit && !max && !label)
            return;
        const QString key = s.label(u"chip") + u'/' + s.label(u"sensor");
        if (!m_sensors.contains(key) && m_sensors.size() >= MaxSensors)
            return;
        if (!label && !plausibleCelsius(s))
            return;
        SensorFigures &f = m_sensors[key];
        // Some chips report a threshold of 0 (or less) when they have none.
        if (reading)
            f.celsius = s.value;
        else if (crit && s.value > 0)
            f.crit = s.value;
        else if (max && s.value > 0)
            f.max = s.value;
        else if (label)
            f.label = s.label(u"label");
    }

    HardwareReadings m_readings;
    QHash<QString, qsizetype> m_driveIndex;
    QMap<QString, SensorFigures> m_sensors;
    std::optional<double> m_correctedTotal;
    std::optional<double> m_uncorrectedTotal;
    std::optional<double> m_correctedRows;
    std::optional<double> m_uncorrectedRows;
};

} // namespace

bool HardwareReadings::isEmpty() const
{
    return drives.isEmpty() && !edacCorrected && !edacUncorrected && temperatures.isEmpty()
        && !memoryAvailableBytes && !memoryTotalBytes;
}

HardwareReadings readHardware(const QList<Sample> &samples)
{
    Collector collector;
    for (const Sample &s : samples)
        collector.add(s);
    return collector.finish();
}

HardwareReadings mergeReadings(HardwareReadings first, const HardwareReadings &second)
{
    first.timestampMs = std::max(first.timestampMs, second.timestampMs);
    for (const DriveReadings &d : second.drives)
        if (first.drives.size() < MaxDrives)
            first.drives.append(d);
    for (const Temperature &t : second.temperatures)
        if (first.temperatures.size() < MaxSensors)
            first.temperatures.append(t);
    const auto take = [](std::optional<double> &mine, const std::optional<double> &theirs) {
        if (!mine)
            mine = theirs;
    };
    take(first.edacCorrected, second.edacCorrected);
    take(first.edacUncorrected, second.edacUncorrected);
    take(first.memoryAvailableBytes, second.memoryAvailableBytes);
    take(first.memoryTotalBytes, second.memoryTotalBytes);
    first.implausible += second.implausible;
    return first;
}

std::optional<double> edacCorrectedPerDay(const HardwareReadings &earlier,
                                          const HardwareReadings &later)
{
    if (!earlier.edacCorrected || !later.edacCorrected)
        return std::nullopt;
    const qint64 elapsedMs = later.timestampMs - earlier.timestampMs;
    // Under a minute apart, a single error would read as a storm.
    if (elapsedMs < 60'000)
        return std::nullopt;
    const double delta = *later.edacCorrected - *earlier.edacCorrected;
    if (delta < 0)
        return std::nullopt;
    return delta * 86'400'000.0 / double(elapsedMs);
}

} // namespace Umbra::Hardware
