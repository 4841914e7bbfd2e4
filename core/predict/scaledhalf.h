#pragma once

#include <QFloat16>
#include <algorithm>
#include <cmath>

namespace Umbra::Predict {

// Values kept in 16 bits where a console holds one per sample or slot of
// every series: a half-precision float of the value over 2^scale. Half has
// eleven bits of precision and normal numbers over 29 powers of two, so
// with the scale set by the largest magnitude a series has had, every
// value within 2^-27 of it keeps its three significant digits, whatever
// the metric's unit (a CPU share or bytes a second).

// The scale of halves that hold values up to `magnitude`: it puts them
// below 2^14, a quarter of half's range, so that a value a little beyond
// (a profile shifted to a new level) still fits. Bounded so that no scaled
// value over- or underflows a double.
inline int halfScale(double magnitude)
{
    if (!(magnitude > 0) || !std::isfinite(magnitude))
        return 0;
    return std::clamp(std::ilogb(magnitude) - 13, -1000, 1000);
}

// NaN stays NaN (a gap); anything else is clamped to half's finite range.
inline qfloat16 toHalf(double value, int scale)
{
    constexpr double kLargestHalf = 65504;
    return qfloat16(float(std::clamp(std::ldexp(value, -scale), -kLargestHalf, kLargestHalf)));
}

inline double fromHalf(qfloat16 half, int scale)
{
    return std::ldexp(double(float(half)), scale);
}

} // namespace Umbra::Predict
