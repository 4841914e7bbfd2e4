#pragma once

#include <QList>
#include <QString>
#include <QtNumeric>
#include <array>
#include <map>
#include <vector>

namespace Umbra::Predict {

// One reading of a drive's SMART table: raw values by attribute id. An
// attribute the drive does not report is absent (many models lack some).
struct SmartReading
{
    double powerOnHours = qQNaN(); // SMART 9
    std::map<int, double> raw;

    double value(int attribute) const; // NaN when not reported
};

// The attributes failure prediction reads, as Backblaze publishes them.
inline constexpr std::array<int, 9> kDriveRiskAttributes{ 5, 10, 12, 187, 188, 189, 196, 197, 198 };
inline constexpr int kPowerOnHoursAttribute = 9;

// One input of the drive risk model: an attribute's value now, or its change
// since the earlier reading.
struct DriveFeature
{
    QString name; // "smart_9", "smart_5", "smart_5_change"
    int attribute = 0;
    bool change = false;
};

// Power-on hours, then every attribute's value, then every attribute's change;
// the order is the model file's and never changes within a format version.
const QList<DriveFeature> &driveFeatures();

// The features of a reading, in driveFeatures() order; NaN where not known
// (attribute not reported, or no earlier reading for a change).
std::vector<double> driveFeatureValues(const SmartReading &now, const SmartReading *earlier);

// "Reallocated sectors", "Pending sectors": translated.
QString smartAttributeName(int attribute);

} // namespace Umbra::Predict
