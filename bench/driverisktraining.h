#pragma once

#include "backblazedata.h"
#include "predict/driverisk.h"

#include <QByteArray>
#include <vector>

// Training the drive risk model (docs/failure.md): gradient boosted shallow
// trees, rising with every SMART count and its change, then Platt scaling on
// drives held out by fold. Deterministic: the same data gives the
// same file, byte for byte.
namespace Umbra::Backblaze {

struct TrainingOptions
{
    int rounds = 300;
    int depth = 3; // splits from the root to a leaf
    double learningRate = 0.1;
    double l2 = 1; // on leaf values
    int minLeafRows = 50;
    int maxBins = 64; // per feature
};

// Fits the model's trees and intercept (slope 1, offset 0) on `examples`.
Predict::DriveRiskParameters fitTrees(const std::vector<const Example *> &examples,
                                      const TrainingOptions &options);

// Platt scaling: the slope and offset that turn logits into probabilities,
// by maximum likelihood.
std::pair<double, double> fitPlatt(const std::vector<double> &logits,
                                   const std::vector<bool> &labels);

// The whole file: trained and calibrated on the training drives, with its
// figures on the held-out ones.
QByteArray trainDriveRiskFile(const Dataset &data, const TrainingOptions &options = {});

} // namespace Umbra::Backblaze
