#include "predict/drivefeatures.h"

#include <QCoreApplication>

namespace Umbra::Predict {

double SmartReading::value(int attribute) const
{
    if (attribute == kPowerOnHoursAttribute)
        return powerOnHours;
    const auto it = raw.find(attribute);
    return it == raw.end() ? qQNaN() : it->second;
}

const QList<DriveFeature> &driveFeatures()
{
    static const QList<DriveFeature> features = [] {
        QList<DriveFeature> out;
        out.append({ QStringLiteral("smart_9"), kPowerOnHoursAttribute, false });
        for (int id : kDriveRiskAttributes)
            out.append({ QStringLiteral("smart_%1").arg(id), id, false });
        for (int id : kDriveRiskAttributes)
            out.append({ QStringLiteral("smart_%1_change").arg(id), id, true });
        return out;
    }();
    return features;
}

std::vector<double> driveFeatureValues(const SmartReading &now, const SmartReading *earlier)
{
    const QList<DriveFeature> &features = driveFeatures();
    std::vector<double> out;
    out.reserve(features.size());
    for (const DriveFeature &f : features) {
        const double value = now.value(f.attribute);
        if (!f.change)
            out.push_back(value);
        else
            out.push_back(earlier ? value - earlier->value(f.attribute) : qQNaN());
    }
    return out;
}

QString smartAttributeName(int attribute)
{
    const char *name = nullptr;
    switch (attribute) {
    case 5:
        name = QT_TRANSLATE_NOOP("Umbra::Predict", "Reallocated sectors");
        break;
    case 9:
        name = QT_TRANSLATE_NOOP("Umbra::Predict", "Power-on hours");
        break;
    case 10:
        name = QT_TRANSLATE_NOOP("Umbra::Predict", "Spin-up retries");
        break;
    case 12:
        name = QT_TRANSLATE_NOOP("Umbra::Predict", "Power cycles");
        break;
    case 187:
        name = QT_TRANSLATE_NOOP("Umbra::Predict", "Reported uncorrectable errors");
        break;
    case 188:
        name = QT_TRANSLATE_NOOP("Umbra::Predict", "Command timeouts");
        break;
    case 189:
        name = QT_TRANSLATE_NOOP("Umbra::Predict", "High-fly writes");
        break;
    case 196:
        name = QT_TRANSLATE_NOOP("Umbra::Predict", "Reallocation events");
        break;
    case 197:
        name = QT_TRANSLATE_NOOP("Umbra::Predict", "Pending sectors");
        break;
    case 198:
        name = QT_TRANSLATE_NOOP("Umbra::Predict", "Offline uncorrectable sectors");
        break;
    default:
        return QCoreApplication::translate("Umbra::Predict", "SMART attribute %1").arg(attribute);
    }
    return QCoreApplication::translate("Umbra::Predict", name);
}

} // namespace Umbra::Predict
