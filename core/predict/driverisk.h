#pragma once

#include "predict/drivefeatures.h"
#include "util/result.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace Umbra::Predict {

// One reason a drive's risk is above a healthy drive's.
struct DriveRiskFactor
{
    QString attribute; // the feature: "smart_5", "smart_5_change", "smart_9"
    QString sentence; // translated: "Reallocated sectors: 24 (up 16)"
    double contribution = 0; // calibrated log-odds added to a healthy drive's
};

struct DriveRisk
{
    double risk = 0; // probability of failure within the model's horizon (30 days)
    QList<DriveRiskFactor> factors; // those that raise the risk, largest first
};

// A feature's effect on the log-odds of failure: piecewise constant between
// cuts (values.size() == cuts.size() + 1; a value equal to a cut falls left),
// and one value for "not known".
struct DriveRiskShape
{
    QList<double> cuts;
    QList<double> values;
    double missing = 0;
    double healthy = 0; // the input a healthy drive has; factors are measured from it

    double at(double x) const;
};

struct DriveRiskParameters
{
    double horizonHours = 720;
    double intercept = 0;
    QList<DriveRiskShape> shapes; // one per driveFeatures(), same order
    // Platt scaling of the summed log-odds, fitted on held-out folds:
    // risk = 1 / (1 + exp(-(slope * logit + offset))).
    double slope = 1;
    double offset = 0;
};

// Failure risk of a drive from its SMART attributes: an additive model (one
// shape per feature, boosted stumps) whose every term is shown as a reason.
// docs/failure.md describes the model, its training and its figures.
class DriveRiskModel
{
public:
    static constexpr int kVersion = 1;

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

private:
    double calibrated(double logit) const;

    int m_version = kVersion;
    DriveRiskParameters m_parameters;
};

} // namespace Umbra::Predict
