#pragma once

#include <QByteArray>
#include <QFloat16>
#include <QString>
#include <QtNumeric>
#include <array>

namespace Umbra::Predict {

// What was unusual about a sample.
enum class AnomalyKind : quint8 {
    None,
    Level, // the series moved to a level it has not been at
    Spike, // a short excursion upwards
    Dip, // a short excursion downwards
    Rhythm, // values in the usual range, in an order or at an hour not seen before
};

struct AnomalyScore
{
    // In [0,1]; 0 for almost every sample. 0.5 is the detector's own alarm
    // level, where the corpus-optimal NAB threshold also lies.
    double score = 0;
    AnomalyKind kind = AnomalyKind::None;
    double expected = qQNaN(); // what the detector expected instead
    double observed = qQNaN();
};

// "level", "spike", "dip", "rhythm"; empty for None. Stable: stored and parsed.
QString anomalyKindId(AnomalyKind kind);

// A streaming anomaly detector for one series. Each sample is scored only
// against the samples before it, in constant time and 1.2 KB of state,
// so the console can run one per metric of every VM (docs/anomaly.md).
//
// Several views of the series each measure how surprising a sample is:
// its distance above and below the short-term baseline and the baseline of
// the last few hundred samples (spikes and dips, each with a record of its
// own: a series that often jumps up may never have dropped), the recent
// level against the long-term one (level shifts), the value against its
// long-run centre (new extremes), the value against the usual one at this
// hour of the day and of the week, the shape of the last 32 samples against
// the shapes seen before, and the share of value-to-value transitions never
// seen before (rhythm). Each view compares its surprise with the largest
// surprise it has seen in this series' past, which fades slowly; only a
// surprise beyond that record scores above 0. A noisy series must be
// noisier than it has ever been, a quiet one only a little, and one
// incident gives one alarm rather than a stream of them. A value well
// outside every value seen is an anomaly whatever the records say.
//
// Deterministic: the same samples give the same scores, also across a
// saveState()/restoreState() round trip.
class AnomalyDetector
{
public:
    // Samples learnt from before any score is given.
    static constexpr int kWarmUpSamples = 150;

    // Scores a sample, then learns from it. A NaN scores 0 and is not learnt.
    AnomalyScore update(qint64 timeMs, double value);
    // The current regime is normal: re-anchor the levels and the hourly
    // profiles on it and raise the records to the surprises it caused.
    void acceptAsNormal();
    // A versioned binary snapshot for this machine (native byte order).
    QByteArray saveState() const;
    // Returns false and leaves a fresh detector when the snapshot is not one.
    bool restoreState(const QByteArray &state);
    void reset();

    qint64 samples() const { return m_state.samples; }
    // Time of the first sample learnt; 0 before any.
    qint64 startMs() const { return m_state.startMs; }
    static constexpr qsizetype stateBytes() { return qsizetype(sizeof(State)); }

private:
    enum View {
        SpikeUpView,
        SpikeDownView,
        HoursUpView, // the same against the last few hundred samples
        HoursDownView,
        LevelView,
        RangeView,
        DayView,
        WeekView,
        ShapeView, // of the last 32 samples, as 8 means of 4
        RhythmView,
        Views
    };
    static constexpr int kShapeLength = 8;
    static constexpr int kShapeStride = 4;
    // Sixteen shapes score the NAB corpus as 64 did (two rows of 365,558
    // differ) at a quarter of the memory: one detector per metric of every
    // VM makes each byte here count ten-thousandfold.
    static constexpr int kShapes = 16;
    // Hours: the half hours of format 2 doubled the profiles' memory and
    // scored NAB lower (72.7 against 73.1).
    static constexpr int kDaySlots = 24;
    static constexpr int kWeekSlots = 7 * kDaySlots;
    // Value bands of the rhythm view: twelve score the NAB corpus as sixteen
    // did (73.12 against 73.09) in 216 bytes of transitions instead of 512.
    static constexpr int kBins = 12;

    // Profiles and shapes keep each value in 16 bits, at the scale of the
    // largest magnitude seen (predict/scaledhalf.h). Half's eleven bits of
    // precision score the NAB corpus as floats did, at half the memory.
    using Half = qfloat16;

    // A usual value per hour-of-day slot, and how far the series has been from it lately.
    template<int N> struct Profile
    {
        std::array<Half, N> usual{}; // 0: never visited
        double residual = 0;
    };

    // The shapes of short stretches of the series seen so far, each stretch
    // kShapeLength means of kShapeStride samples.
    struct Shapes
    {
        std::array<Half, kShapeLength> recent{}; // newest first
        std::array<std::array<Half, kShapeLength>, kShapes> known{};
        // Indices of the known shapes, the one matched or learnt last first.
        std::array<quint8, kShapes> byRecency{};
        qint32 count = 0;
        qint32 blockSamples = 0; // of the mean being built
        double blockSum = 0;
        double distance = 0; // of the newest stretch from the nearest known shape
    };

    // Plain data, so a snapshot is its bytes, and without padding, so every
    // byte of a snapshot is state. Counters and indices are as narrow as
    // their ranges allow: a console holds one per metric of every VM.
    struct State
    {
        qint64 samples = 0;
        qint64 startMs = 0; // time of the first sample
        double last = 0; // the previous sample
        double fast = 0; // short-term baseline
        double hours = 0; // baseline of the last few hundred samples
        double medium = 0; // where the series has been lately
        double level = 0; // where it has been for hundreds of samples
        double centre = 0; // where it has been for thousands
        double low = 0, high = 0; // every value seen lies within
        std::array<float, Views> record{}; // largest past surprise per view, fading
        std::array<float, Views> typical{}; // mean surprise per view
        // Largest recent surprise per view; only an operator's "expected"
        // verdict reads it, to raise the records.
        std::array<float, Views> lately{};
        std::array<quint8, Views> heard{}; // samples each view has had something to say, to 150
        AnomalyKind alarm = AnomalyKind::None; // of the last alarm
        quint8 quiet = 0; // samples left without alarms after one
        quint16 previousBin = 0, beforeBin = 0;
        Profile<kDaySlots> day;
        Profile<kWeekSlots> week;
        Shapes shapes;
        std::array<quint64, (kBins * kBins * kBins + 63) / 64> transitions{}; // seen, as bits
        double novelty = 0; // recent share of transitions not seen before
    };

    // Per view: how surprising the sample is, and what that view expected.
    struct Reading
    {
        std::array<double, Views> surprise{};
        std::array<double, Views> expected{};
    };

    // The scale of the halves for this value, re-encoding them when it
    // lies beyond every value seen.
    int fitScale(double value);
    void rescale(int from, int to);
    Reading read(qint64 timeMs, double value, double medium, int scale);
    template<int N>
    static double seasonalResidual(Profile<N> &profile, qint64 slot, double value, int scale,
                                   double &expected);
    double shapeNovelty(double value, int scale);
    double rhythmNovelty(double value);
    AnomalyKind kindOf(View view, double value, double medium) const;
    static bool inRecencyOrder(const Shapes &shapes);
    struct Format4; // profiles and shapes as floats
    static void fromFormat4(const Format4 &old, State &state);
    static bool fromFormat3(const char *payload, size_t size, Format4 &state);
    static bool fromFormat2(const char *payload, size_t size, Format4 &state);
    void learn(double value, double medium, const Reading &reading);

    State m_state;
};

} // namespace Umbra::Predict
