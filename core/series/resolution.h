#pragma once

#include <QtGlobal>
#include <array>

namespace Umbra::Series {

// The resolutions a series is kept at. Raw holds every sample; the others
// hold one bucket (count, min, mean, max, p95) per interval, computed from
// the raw samples once their hour is complete.
enum class Resolution : quint8 { Raw = 0, Minute = 1, FiveMinutes = 2, Hour = 3 };

inline constexpr std::array<Resolution, 4> kResolutions
    = { Resolution::Raw, Resolution::Minute, Resolution::FiveMinutes, Resolution::Hour };
inline constexpr std::array<Resolution, 3> kRollups
    = { Resolution::Minute, Resolution::FiveMinutes, Resolution::Hour };

inline constexpr qint64 kMinuteMs = 60 * 1000;
inline constexpr qint64 kHourMs = 60 * kMinuteMs;
inline constexpr qint64 kDayMs = 24 * kHourMs;

struct ResolutionInfo
{
    qint64 bucketMs; // 0 for raw samples
    // Every chunk lies within one aligned window of this length, so a range
    // query knows how far back a chunk overlapping its start can begin, and a
    // whole hour of raw samples can be rolled up once it is complete.
    qint64 windowMs;
    // Raw: up to 16 minutes of a 1 s series in one chunk. Every chunk costs a
    // row, its key and an index entry (about 60 bytes), which at 240 rows
    // was a fifth of what a compressible counter's samples cost; beyond this
    // the B-tree's interior pages, which repeat whole rows, grow faster than
    // the per-chunk cost falls.
    int maxRows;
};

constexpr ResolutionInfo info(Resolution resolution)
{
    switch (resolution) {
    case Resolution::Raw:
        return { 0, kHourMs, 960 };
    case Resolution::Minute:
        return { kMinuteMs, 4 * kHourMs, 240 };
    case Resolution::FiveMinutes:
        return { 5 * kMinuteMs, kDayMs, 288 };
    case Resolution::Hour:
        return { kHourMs, 7 * kDayMs, 168 };
    }
    return { 0, kHourMs, 240 };
}

// The kind of a stored chunk (ts_chunks.resolution): a resolution's own
// chunks (0 raw, 1–3 rollups), or raw samples standing in for rollups (4–6).
//
// An hour whose buckets at a resolution each hold at most one value gains
// nothing from rolling up at that resolution: every bucket would repeat a
// sample (count 1, min = mean = max = p95). Such an hour is not rolled up at
// the coarsest resolution where that holds, nor at any finer one; its raw
// samples move to a stand-in chunk of that resolution, kept as long as it.
// Readers of a resolution read its rollups and the stand-ins of it and of
// every coarser resolution, a stand-in sample read as a one-sample bucket.
inline constexpr int kStandInOffset = 3;

constexpr int chunkKind(Resolution resolution)
{
    return int(resolution);
}

constexpr int standInKind(Resolution level)
{
    return int(level) + kStandInOffset;
}

// Stand-in chunks keep raw samples but lie within their level's window.
constexpr ResolutionInfo standInInfo(Resolution level)
{
    return info(level);
}

constexpr qint64 floorTo(qint64 timeMs, qint64 stepMs)
{
    const qint64 q = timeMs / stepMs;
    return (q - (timeMs % stepMs < 0 ? 1 : 0)) * stepMs;
}

// Columns of a rollup chunk, in order.
enum RollupColumn { Count = 0, Min = 1, Mean = 2, Max = 3, P95 = 4, RollupColumns = 5 };

} // namespace Umbra::Series
