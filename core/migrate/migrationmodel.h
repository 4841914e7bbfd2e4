#pragma once

#include <QList>

namespace Umbra::MigrationModel {

// Until a host pair has a measured migration, the copy is assumed to run at
// 100 MiB/s (what a 1 GbE link gives with TCP overhead, rounded up for the
// faster links most fleets have).
constexpr double kDefaultBandwidthBytesPerSec = 100.0 * 1024 * 1024;
// Until a target has a measured migration, setup and switch-over (connecting
// the hosts, starting QEMU on the target, device state, resuming) take 1.5 s.
constexpr double kDefaultSetupOverheadMs = 1500;
// Until a target has a measured migration, the pause at the switch-over costs
// 100 ms beyond the last memory copy (device state, the last sync, resuming
// on the target).
constexpr double kDefaultSwitchoverMs = 100;
// When the dirty-page rate cannot be measured, assume a quiet guest.
constexpr double kDefaultDirtyBytesPerSec = 1.0 * 1024 * 1024;
// QEMU has no round limit; past this many rounds a pre-copy that has not
// converged is modelled as not converging.
constexpr int kDefaultMaxIterations = 30;

struct Input
{
    double memoryBytes = 0;
    double dirtyBytesPerSec = 0;
    double bandwidthBytesPerSec = kDefaultBandwidthBytesPerSec;
    double maxDowntimeMs = 300;
    int maxIterations = kDefaultMaxIterations;
    bool autoConverge = false;
    bool postCopy = false;
    int postCopyAfterIterations = 3;
    double setupOverheadMs = kDefaultSetupOverheadMs;
    double switchoverMs = kDefaultSwitchoverMs;
};

struct Prediction
{
    enum class Tail {
        Converged, // the remainder fit the downtime limit
        AutoConverge, // CPU throttling brought the dirty rate down until it fit
        PostCopy, // switched to post-copy; the rest follows on demand
        Capped, // never fits: stopped at the round cap and copied the rest paused
    };
    double totalMs = 0; // setup overhead + copy + downtime
    double transferMs = 0; // copy + downtime, without the overhead
    double downtimeMs = 0;
    int iterations = 0; // pre-copy rounds
    double bytesSent = 0;
    bool converges = true; // false only for Capped
    Tail tail = Tail::Converged;
};

// Iterative pre-copy: round 1 sends all memory; each later round sends what
// the guest dirtied during the previous one (never more than its memory),
// until what is left can be sent within the downtime limit or the round cap
// is reached. The downtime is that last copy plus the fixed switch-over. Auto-converge throttles
// the guest's CPU by 20 %, then 10 % more each round (QEMU's defaults, capped at 99 %), which
// scales the dirty rate down. Post-copy switches after postCopyAfterIterations rounds when the
// pre-copy has not converged: the guest pauses only for the switch-over, the
// rest is pulled by the target. A pure function.
Prediction predict(const Input &input);

// The median of past (actual - modelled) transfer times on a target: its
// fixed setup and switch-over overhead. kDefaultSetupOverheadMs with none.
double learnedOverheadMs(QList<double> residualsMs);

// The median of past (actual downtime - modelled copy downtime) on a target:
// its fixed switch-over cost. kDefaultSwitchoverMs with none.
double learnedSwitchoverMs(QList<double> residualsMs);

// The median of past measured bandwidths between a host pair, or the default.
double learnedBandwidth(QList<double> bytesPerSec);

} // namespace Umbra::MigrationModel
