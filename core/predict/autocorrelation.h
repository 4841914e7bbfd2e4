#pragma once

#include <span>
#include <vector>

namespace Umbra::Predict {

// The sample autocorrelation r(0..maxLag) of a series, computed with an FFT so
// that a month of 5-minute samples costs well under a millisecond. NaN samples
// count as the series mean (they neither add nor remove correlation). A
// constant series has no correlation at any lag: every r(k) is 0, r(0) too.
std::vector<double> autocorrelation(std::span<const double> values, int maxLag);

} // namespace Umbra::Predict
