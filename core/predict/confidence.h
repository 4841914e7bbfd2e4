#pragma once

#include <QString>
#include <QtGlobal>
#include <cmath>
#include <limits>

namespace Umbra::Predict {

// What a forecast rests on: how much history its model has seen and how well
// that model has done on this series so far. A forecast is always shown; a
// warning built on it (a saturation in the health score, a flag in the event
// log, the At-risk list, a policy proposal) waits until the confidence is
// earned — the rule in docs/prediction.md:
//   1. the model has learnt for kLearningMs (30 minutes of samples) and has
//      been fitted to them, and
//   2. at the horizon of the warning, its measured error is at most
//      kTrackRecordLimit times that of "nothing changes" (the naive
//      forecast, which never predicts a saturation).
struct Confidence
{
    static constexpr qint64 kLearningMs = 30 * 60 * 1000;
    static constexpr double kTrackRecordLimit = 1.1;

    qint64 historyMs = 0; // span of the samples the model rests on
    bool fitted = false;
    // The model's mean absolute error over naive's at the horizon that
    // matters (below 1: better than "nothing changes"); NaN before it was
    // measured.
    double relativeError = std::numeric_limits<double>::quiet_NaN();

    bool learning() const { return !fitted || historyMs < kLearningMs; }
    bool hasTrackRecord() const { return std::isfinite(relativeError); }
    bool earned() const
    {
        return !learning() && hasTrackRecord() && relativeError <= kTrackRecordLimit;
    }
};

// "learning: 4 of 30 minutes" while learning; "error 0.8 × naive's" once a
// track record exists; translated.
QString describe(const Confidence &confidence);

// Why a saturation forecast does not warn yet, in one sentence; empty when
// the confidence is earned.
QString whyNoWarning(const Confidence &confidence);

} // namespace Umbra::Predict
