// Reading and writing the drive risk model file (docs/failure.md).
#include "predict/driverisk.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <cmath>

namespace Umbra::Predict {

namespace {

const QString kFormat = QStringLiteral("umbra-drive-risk");

Error malformed(const QString &why)
{
    return Error{ QStringLiteral("The drive risk model is malformed: %1.").arg(why) };
}

bool finite(const QJsonValue &v)
{
    return v.isDouble() && std::isfinite(v.toDouble());
}

QJsonArray toArray(const QList<double> &values)
{
    QJsonArray out;
    for (double v : values)
        out.append(v);
    return out;
}

std::optional<QList<double>> numbers(const QJsonValue &v)
{
    if (!v.isArray())
        return std::nullopt;
    QList<double> out;
    for (const QJsonValue &x : v.toArray()) {
        if (!finite(x))
            return std::nullopt;
        out.append(x.toDouble());
    }
    return out;
}

Result<DriveRiskShape> shapeFrom(const QJsonObject &o, const QString &expected)
{
    if (o.value(QStringLiteral("name")).toString() != expected)
        return malformed(QStringLiteral("expected feature %1, found \"%2\"")
                             .arg(expected, o.value(QStringLiteral("name")).toString()));
    DriveRiskShape shape;
    const auto cuts = numbers(o.value(QStringLiteral("cuts")));
    const auto values = numbers(o.value(QStringLiteral("values")));
    if (!cuts || !values || values->size() != cuts->size() + 1)
        return malformed(QStringLiteral("feature %1 needs one more value than cuts").arg(expected));
    if (!std::is_sorted(cuts->cbegin(), cuts->cend())
        || std::adjacent_find(cuts->cbegin(), cuts->cend()) != cuts->cend())
        return malformed(QStringLiteral("the cuts of feature %1 do not ascend").arg(expected));
    if (!finite(o.value(QStringLiteral("missing"))) || !finite(o.value(QStringLiteral("healthy"))))
        return malformed(
            QStringLiteral("feature %1 lacks \"missing\" or \"healthy\"").arg(expected));
    shape.cuts = *cuts;
    shape.values = *values;
    shape.missing = o.value(QStringLiteral("missing")).toDouble();
    shape.healthy = o.value(QStringLiteral("healthy")).toDouble();
    return shape;
}

} // namespace

Result<DriveRiskModel> DriveRiskModel::fromJson(const QByteArray &json)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError)
        return malformed(
            QStringLiteral("%1 at offset %2").arg(error.errorString()).arg(error.offset));
    const QJsonObject root = doc.object();
    if (!doc.isObject() || root.value(QStringLiteral("format")).toString() != kFormat)
        return Error{ QStringLiteral(
                          "This is not an Umbra drive risk model (no \"format\": \"%1\").")
                          .arg(kFormat) };
    const QJsonValue version = root.value(QStringLiteral("version"));
    if (!version.isDouble() || version.toDouble() < 1 || version.toDouble() != version.toInt())
        return malformed(QStringLiteral("no valid \"version\""));
    if (version.toInt() > kVersion)
        return Error{ QStringLiteral("The drive risk model is version %1, from a newer Umbra; "
                                     "this one reads up to version %2.")
                          .arg(version.toInt())
                          .arg(kVersion) };

    DriveRiskParameters p;
    const QJsonObject calibration = root.value(QStringLiteral("calibration")).toObject();
    for (const QJsonValue &v :
         { root.value(QStringLiteral("horizonHours")), root.value(QStringLiteral("intercept")),
           calibration.value(QStringLiteral("slope")),
           calibration.value(QStringLiteral("offset")) }) {
        if (!finite(v))
            return malformed(
                QStringLiteral("\"horizonHours\", \"intercept\" or the calibration is missing"));
    }
    p.horizonHours = root.value(QStringLiteral("horizonHours")).toDouble();
    p.intercept = root.value(QStringLiteral("intercept")).toDouble();
    p.slope = calibration.value(QStringLiteral("slope")).toDouble();
    p.offset = calibration.value(QStringLiteral("offset")).toDouble();

    const QJsonArray features = root.value(QStringLiteral("features")).toArray();
    const QList<DriveFeature> &expected = driveFeatures();
    if (features.size() != expected.size())
        return malformed(
            QStringLiteral("%1 features, expected %2").arg(features.size()).arg(expected.size()));
    for (qsizetype i = 0; i < expected.size(); ++i) {
        Result<DriveRiskShape> shape = shapeFrom(features.at(i).toObject(), expected.at(i).name);
        if (!shape)
            return Error{ shape.error() };
        p.shapes.append(std::move(shape).value());
    }
    DriveRiskModel model(std::move(p));
    model.m_version = version.toInt();
    return model;
}

QJsonObject DriveRiskModel::toJson() const
{
    QJsonArray features;
    const QList<DriveFeature> &names = driveFeatures();
    for (qsizetype i = 0; i < m_parameters.shapes.size(); ++i) {
        const DriveRiskShape &s = m_parameters.shapes.at(i);
        features.append(QJsonObject{ { QStringLiteral("name"), names.at(i).name },
                                     { QStringLiteral("cuts"), toArray(s.cuts) },
                                     { QStringLiteral("values"), toArray(s.values) },
                                     { QStringLiteral("missing"), s.missing },
                                     { QStringLiteral("healthy"), s.healthy } });
    }
    return QJsonObject{
        { QStringLiteral("format"), kFormat },
        { QStringLiteral("version"), m_version },
        { QStringLiteral("horizonHours"), m_parameters.horizonHours },
        { QStringLiteral("intercept"), m_parameters.intercept },
        { QStringLiteral("features"), features },
        { QStringLiteral("calibration"),
          QJsonObject{ { QStringLiteral("method"), QStringLiteral("platt") },
                       { QStringLiteral("slope"), m_parameters.slope },
                       { QStringLiteral("offset"), m_parameters.offset } } },
    };
}

const DriveRiskModel &DriveRiskModel::shipped()
{
    static const DriveRiskModel model = [] {
        QFile file(QStringLiteral(":/models/drive-risk.json"));
        if (file.open(QIODevice::ReadOnly)) {
            Result<DriveRiskModel> loaded = fromJson(file.readAll());
            if (loaded)
                return std::move(loaded).value();
            qWarning("drive risk model: %s", qPrintable(loaded.error()));
        } else {
            qWarning("drive risk model: the resource is missing");
        }
        // Without a model every drive reads as no risk rather than crash.
        DriveRiskParameters none;
        none.intercept = -1e3;
        for (qsizetype i = 0; i < driveFeatures().size(); ++i)
            none.shapes.append(DriveRiskShape{ {}, { 0.0 }, 0, 0 });
        return DriveRiskModel(std::move(none));
    }();
    return model;
}

} // namespace Umbra::Predict
