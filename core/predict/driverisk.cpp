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

const DriveRiskNode &DriveRiskTree::leaf(const std::vector<double> &features) const
{
    const DriveRiskNode *node = &nodes.at(0);
    while (!node->isLeaf()) {
        const double x = features[size_t(node->feature)];
        const bool left = std::isnan(x) ? node->missingLeft : x <= node->cut;
        node = &nodes.at(left ? node->left : node->right);
    }
    return *node;
}

DriveRiskModel::DriveRiskModel(DriveRiskParameters parameters)
    : m_parameters(std::move(parameters))
{ }

double DriveRiskModel::calibrated(double logit) const
{
    return 1 / (1 + std::exp(-(m_parameters.slope * logit + m_parameters.offset)));
}

double DriveRiskModel::logit(const std::vector<double> &features) const
{
    double logit = m_parameters.intercept;
    for (const DriveRiskTree &tree : m_parameters.trees)
        logit += tree.leaf(features).value;
    return logit;
}

double DriveRiskModel::baseline() const
{
    double logit = m_parameters.intercept;
    for (const DriveRiskTree &tree : m_parameters.trees)
        logit += tree.nodes.at(0).value;
    return logit;
}

std::vector<double> DriveRiskModel::contributions(const std::vector<double> &features) const
{
    // Each step down a tree changes the expected output from the node's value
    // to the child's; the change belongs to the feature the node splits on.
    // The steps of a path add up to leaf - root, so the contributions add up
    // to logit - baseline exactly.
    std::vector<double> out(size_t(driveFeatures().size()), 0.0);
    for (const DriveRiskTree &tree : m_parameters.trees) {
        const DriveRiskNode *node = &tree.nodes.at(0);
        while (!node->isLeaf()) {
            const double x = features[size_t(node->feature)];
            const bool left = std::isnan(x) ? node->missingLeft : x <= node->cut;
            const DriveRiskNode *child = &tree.nodes.at(left ? node->left : node->right);
            out[size_t(node->feature)] += child->value - node->value;
            node = child;
        }
    }
    return out;
}

double DriveRiskModel::risk(const std::vector<double> &features) const
{
    return calibrated(logit(features));
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
    // A drive no riskier than the average one has nothing to explain: the
    // features that lift it a little are outweighed by those that lower it,
    // and naming them ("reallocation events: not reported") would send an
    // operator after nothing.
    if (logit(features) <= baseline())
        return out;
    const std::vector<double> shares = contributions(features);
    const QList<DriveFeature> &names = driveFeatures();
    for (size_t i = 0; i < shares.size(); ++i) {
        // Scaled like the logit, so the reasons compare with each other on
        // the calibrated scale.
        const double contribution = m_parameters.slope * shares[i];
        if (contribution > 1e-9)
            out.factors.append({ names.at(qsizetype(i)).name,
                                 sentence(names.at(qsizetype(i)), now, earlier), contribution });
    }
    std::stable_sort(out.factors.begin(), out.factors.end(),
                     [](const DriveRiskFactor &a, const DriveRiskFactor &b) {
                         return a.contribution > b.contribution;
                     });
    return out;
}

} // namespace Umbra::Predict
