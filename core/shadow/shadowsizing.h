#pragma once

#include <QString>
#include <optional>

namespace Umbra::Shadow {

// What a shadow's size is decided from.
struct SizingInput
{
    int primaryVcpus = 1;
    quint64 primaryMemoryKiB = 0;
    std::optional<double> peakCpus; // the primary's forecast peak over the next day, in CPUs
    std::optional<int> health; // the primary's health score, 0–100
    int minVcpus = 1;
    double headroom = 1.25; // on top of the forecast peak
    int flaggedBelow = 60; // a primary scoring under this is sized as itself
};

struct Sizing
{
    int vcpus = 1;
    quint64 memoryKiB = 0;
    QString reason; // in words and numbers, for the event
};

// How big a standby shadow is kept, and so what its host reserves for it.
// vCPUs follow the primary's forecast peak with headroom, between the
// minimum and the primary's own allocation; a flagged primary (health under
// the threshold) or one without a forecast gets its full allocation, since
// its shadow may have to take over at any moment. Memory stays the
// primary's allocation: a guest that takes over must find the memory it
// was booted with, and memory is not hot-plugged back in time.
Sizing sizeShadow(const SizingInput &input);

} // namespace Umbra::Shadow
