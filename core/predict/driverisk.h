#pragma once

#include "predict/drivefeatures.h"
#include "util/result.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace Umbra::Predict {

// One reason a drive's risk is above the average drive's.
struct DriveRiskFactor
{
    QString attribute; // the feature: "smart_5", "smart_5_change", "smart_9"
    QString sentence; // translated: "Reallocated sectors: 24 (up 16)"
    double contribution = 0; // calibrated log-odds added to the average drive's
};

struct DriveRisk
{
    double risk = 0; // probability of failure within the model's horizon (30 days)
    // Those that raise the risk, largest first; none when the drive is no
    // riskier than the average drive.
    QList<DriveRiskFactor> factors;
};

// One node of a regression tree on the features. A split sends a reading
// left when its feature is at most `cut` (an infinite cut: whenever the
// feature is known) and right otherwise; a feature that is not known goes
// where `missingLeft` says. `value` is the node's output in log-odds: a leaf's
// is added to the logit; a split's is the training rows' mean of its leaves,
// which is what the reasons measure each step down the path against.
struct DriveRiskNode
{
    int feature = -1; // index in driveFeatures(); -1 for a leaf
    double cut = 0;
    bool missingLeft = true;
    int left = -1, right = -1; // indices in the tree's nodes, after this one
    double value = 0;

    bool isLeaf() const { return feature < 0; }
};

struct DriveRiskTree
{
    QList<DriveRiskNode> nodes; // nodes[0] is the root

    // The leaf a reading ends in.
    const DriveRiskNode &leaf(const std::vector<double> &features) const;
};

struct DriveRiskParameters
{
    double horizonHours = 720;
    double intercept = 0;
    QList<DriveRiskTree> trees; // logit = intercept + the leaf values they give
    // Platt scaling of the summed log-odds, fitted on held-out folds:
    // risk = 1 / (1 + exp(-(slope * logit + offset))).
    double slope = 1;
    double offset = 0;
};

// Failure risk of a drive from its SMART attributes: boosted shallow trees,
// so attributes can act together, whose output is split exactly among the
// features along each tree's path and shown as reasons.
// docs/failure.md describes the model, its training and its figures.
class DriveRiskModel
{
public:
    static constexpr int kVersion = 2;

    DriveRiskModel() = default;
    explicit DriveRiskModel(DriveRiskParameters parameters);

    // Refuses a file that is not a drive risk model, is malformed, or was
    // written by a newer Umbra, saying which.
    static Result<DriveRiskModel> fromJson(const QByteArray &json);
    // The model compiled into Umbra (:/models/drive-risk.json).
    static const DriveRiskModel &shipped();

    int version() const { return m_version; }
    const DriveRiskParameters &parameters() const { return m_parameters; }
    // The model's own keys; the training tool adds its description and figures.
    QJsonObject toJson() const;

    // `earlier` is the same drive's reading about 30 days before `now` (the
    // oldest kept when the drive is younger): the model was trained so.
    DriveRisk assess(const SmartReading &now, const SmartReading *earlier = nullptr) const;
    // The same risk without the reasons, for scoring many readings.
    double risk(const SmartReading &now, const SmartReading *earlier = nullptr) const;
    double risk(const std::vector<double> &features) const;
    double logit(const std::vector<double> &features) const;
    // The mean logit over the training drive-intervals: the reasons'
    // contributions (before calibration's slope) add up to logit - baseline.
    double baseline() const;
    // Each feature's share of logit - baseline, in driveFeatures() order.
    std::vector<double> contributions(const std::vector<double> &features) const;

private:
    double calibrated(double logit) const;

    int m_version = kVersion;
    DriveRiskParameters m_parameters;
};

} // namespace Umbra::Predict
