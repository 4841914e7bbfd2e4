#include "predict/driverisk.h"

#include <QCoreApplication>
#include <algorithm>
#include <cmath>

namespace Umbra::Predict {

namespace {

QString translated(const char *text)
{
    return QCoreApplication::translate("Umbra::Predict", text);
}

QString count(double value)
{
    return QString::number(value, 'f', 0);
}

// "Reallocated sectors: 24 (up 16)": the attribute now and how it moved.
QString sentence(const DriveFeature &feature, const SmartReading &now, const SmartReading *earlier)
{
    const QString name = smartAttributeName(feature.attribute);
    const double value = now.value(feature.attribute);
    if (std::isnan(value))
        return translated(QT_TRANSLATE_NOOP("Umbra::Predict", "%1: not reported")).arg(name);
    const double change = earlier ? value - earlier->value(feature.attribute) : qQNaN();
    if (change > 0)
        return translated(QT_TRANSLATE_NOOP("Umbra::Predict", "%1: %2 (up %3)"))
            .arg(name, count(value), count(change));
    if (change < 0)
        return translated(QT_TRANSLATE_NOOP("Umbra::Predict", "%1: %2 (down %3)"))
            .arg(name, count(value), count(-change));
    if (feature.change && std::isnan(change))
        return translated(QT_TRANSLATE_NOOP("Umbra::Predict", "%1: %2 (no earlier reading)"))
            .arg(name, count(value));
    return translated(QT_TRANSLATE_NOOP("Umbra::Predict", "%1: %2")).arg(name, count(value));
}

} // namespace

double DriveRiskShape::at(double x) const
{
    if (std::isnan(x))
        return missing;
    const auto bin = std::lower_bound(cuts.cbegin(), cuts.cend(), x) - cuts.cbegin();
    return values.at(bin);
}

DriveRiskModel::DriveRiskModel(DriveRiskParameters parameters)
    : m_parameters(std::move(parameters))
{ }

double DriveRiskModel::calibrated(double logit) const
{
    return 1 / (1 + std::exp(-(m_parameters.slope * logit + m_parameters.offset)));
}

double DriveRiskModel::risk(const std::vector<double> &features) const
{
    double logit = m_parameters.intercept;
    for (qsizetype i = 0; i < m_parameters.shapes.size(); ++i)
        logit += m_parameters.shapes.at(i).at(features.at(size_t(i)));
    return calibrated(logit);
}

double DriveRiskModel::risk(const SmartReading &now, const SmartReading *earlier) const
{
    return risk(driveFeatureValues(now, earlier));
}

DriveRisk DriveRiskModel::assess(const SmartReading &now, const SmartReading *earlier) const
{
    const std::vector<double> features = driveFeatureValues(now, earlier);
    DriveRisk out;
    out.risk = risk(features);
    const QList<DriveFeature> &names = driveFeatures();
    for (qsizetype i = 0; i < m_parameters.shapes.size(); ++i) {
        const DriveRiskShape &shape = m_parameters.shapes.at(i);
        // Measured from a healthy drive and scaled like the logit, so the
        // reasons compare with each other on the calibrated scale.
        const double contribution
            = m_parameters.slope * (shape.at(features.at(size_t(i))) - shape.at(shape.healthy));
        if (contribution > 1e-9)
            out.factors.append(
                { names.at(i).name, sentence(names.at(i), now, earlier), contribution });
    }
    std::stable_sort(out.factors.begin(), out.factors.end(),
                     [](const DriveRiskFactor &a, const DriveRiskFactor &b) {
                         return a.contribution > b.contribution;
                     });
    return out;
}

} // namespace Umbra::Predict
