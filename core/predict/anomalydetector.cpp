#include "predict/anomalydetector.h"

#include "predict/scaledhalf.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>
#include <numeric>

namespace Umbra::Predict {

namespace {

constexpr quint32 kMagic = 0x554d4144; // "UMAD"
// 2: the hours baseline and views, the first sample's time. 3: hourly
// profiles, sixteen shapes. 4: twelve value bands for the rhythm view,
// counters as narrow as their ranges. 5: profiles and shapes as halves.
// Snapshots of 2, 3 and 4 are converted.
constexpr quint16 kFormat = 5;

// One parameter set for every series, chosen on the NAB corpus (bench_nab).
constexpr double kFastRate = 0.03; // the short-term baseline: ~30 samples
// The baseline of the last few hundred samples (a day at five minutes): a
// burst that lasts too long for the short-term baseline, which follows it
// up, still stands out against it.
constexpr double kHoursRate = 0.003;
constexpr double kMediumRate = 0.1; // a level must hold for ~10 samples...
constexpr double kLevelRate = 0.002; // ...against where it was for ~500
constexpr double kCentreRate = 0.0005; // the long-run centre: ~2000 samples
constexpr double kSlotRate = 0.2; // an hour-of-day slot follows its last few days
constexpr double kResidualRate = 0.5; // two samples off the usual hour make a residual
constexpr double kNoveltyRate = 0.1; // the share of novel transitions of ~10 samples
constexpr double kShapeRate = 0.1; // a matched shape moves this far towards the stretch
constexpr double kVigilance = 0.1; // mean distance, as a share of the range, of a new shape
// Records fade as 1 - kFadeHorizon/samples: the longer a series has run,
// the longer its largest surprises are remembered, so alarms on a series
// that behaves grow rare instead of coming at a steady rate.
constexpr double kFadeHorizon = 0.1;
constexpr qint64 kRecordsFrom = 100; // the first samples' surprises are not records
constexpr double kAlarmExcess = 0.08; // beyond the record by 8 %...
constexpr int kQuietSamples = 100; // ...silences the detector for this long
// Twice the record: a spike that stays is a level shift, a dip after a
// spike is a second incident; either is worth an alarm while quiet.
constexpr double kEscalationExcess = 1.0;
constexpr double kLatelyFade = 0.98; // what "lately" is for acceptAsNormal: ~50 samples
// A record broken by a hair means little when the view's surprises are
// mostly noise: those views must also beat this many times their typical
// surprise. The level views are exempt: a shift to a level not seen
// before is what they are there to catch, however quiet the series was.
constexpr double kTypicalTimes = 6;
constexpr double kTypicalRate = 0.002;
// A view judges only once its record rests on this many samples: the
// hour-of-week view has nothing to say before a week has passed.
constexpr int kViewWarmUp = 150;
constexpr qint64 kHourMs = 60 * 60 * 1000;
constexpr qint64 kDayMs = 24 * kHourMs;
constexpr qint64 kWeekMs = 7 * kDayMs;
// A value beyond every value seen by this share of their range is an
// anomaly whatever the records say (the "spatial anomaly" of NAB's own
// detectors, with their tolerance): a series that has never gone there
// has no record to compare with, and a large past incident elsewhere in
// the range must not hide it. Only once the range has a day behind it: a
// VM watched for a few hours has not yet been everywhere it normally goes
// (the console's demo found twice as many anomalies without this wait,
// NAB none more).
constexpr double kOutsideTolerance = 0.05;
// Short of kEscalationExcess: an incident that goes on past the range is
// still one incident and does not break the quiet after its alarm.
constexpr double kOutsideMost = 0.9;

quint64 fnv1a(const char *data, size_t size)
{
    quint64 hash = 0xcbf29ce484222325ULL;
    for (size_t i = 0; i < size; ++i)
        hash = (hash ^ quint8(data[i])) * 0x100000001b3ULL;
    return hash;
}

struct Header
{
    quint32 magic;
    quint16 format;
    quint16 size;
    quint64 checksum;
};

// Learns quickly at first, then settles to its rate.
double warmRate(double rate, qint64 samples)
{
    return std::max(rate, 1.0 / double(samples + 1));
}

// The largest magnitude of the values seen, all of which lie in [low, high]:
// what sets the scale of the halves.
double largestSeen(double low, double high)
{
    return std::max(std::abs(low), std::abs(high));
}

// A profile slot once visited never reads as 0, "never visited": a value
// too small for the scale becomes the smallest half.
qfloat16 visited(qfloat16 half)
{
    return qIsNull(half) ? std::numeric_limits<qfloat16>::denorm_min() : half;
}

} // namespace

QString anomalyKindId(AnomalyKind kind)
{
    switch (kind) {
    case AnomalyKind::Level:
        return QStringLiteral("level");
    case AnomalyKind::Spike:
        return QStringLiteral("spike");
    case AnomalyKind::Dip:
        return QStringLiteral("dip");
    case AnomalyKind::Rhythm:
        return QStringLiteral("rhythm");
    case AnomalyKind::None:
        break;
    }
    return {};
}

void AnomalyDetector::reset()
{
    m_state = State{};
}

AnomalyScore AnomalyDetector::update(qint64 timeMs, double value)
{
    if (!std::isfinite(value))
        return {};
    State &s = m_state;
    AnomalyScore result;
    result.observed = value;
    if (s.samples == 0) {
        s.last = s.fast = s.hours = s.medium = s.level = s.centre = s.low = s.high = value;
        s.startMs = timeMs;
        s.samples = 1;
        return result;
    }

    const double medium = s.medium + kMediumRate * (value - s.medium);
    const Reading reading = read(timeMs, value, medium, fitScale(value));
    if (s.samples >= kWarmUpSamples) {
        int strongest = -1;
        double excess = 0; // of the surprise beyond its record, as a share of the record
        for (int v = 0; v < Views; ++v) {
            const bool smooth = v == LevelView || v == RangeView;
            const double floor = smooth ? 0.0 : kTypicalTimes * s.typical[size_t(v)];
            const double record = std::max(double(s.record[size_t(v)]), floor);
            if (record <= 0 || s.heard[size_t(v)] < kViewWarmUp)
                continue;
            // Before a full day (week) the hour views compare a sample only
            // with the samples just before it in the same half hour: they
            // learn their records but have nothing of their own to say.
            if ((v == DayView && timeMs - s.startMs < kDayMs)
                || (v == WeekView && timeMs - s.startMs < kWeekMs))
                continue;
            const double e = reading.surprise[size_t(v)] / record - 1.0;
            if (e > excess) {
                excess = e;
                strongest = v;
            }
        }
        const double span = s.high - s.low;
        const double outside = std::max(value - s.high, s.low - value);
        if (span > 0 && outside > kOutsideTolerance * span && timeMs - s.startMs >= kDayMs) {
            // 0.5 at the tolerance, growing with the distance to at most 0.92.
            const double e
                = std::min(outside / (kOutsideTolerance * span) - 1.0 + kAlarmExcess, kOutsideMost);
            if (e > excess) {
                excess = e;
                strongest = RangeView;
            }
        }
        const AnomalyKind kind
            = strongest >= 0 ? kindOf(View(strongest), value, medium) : AnomalyKind::None;
        // Another kind of anomaly than the last alarm's (a spike that stays
        // becomes a level shift, a dip follows a spike) is a second incident.
        const bool escalates = kind != AnomalyKind::None && kind != s.alarm;
        if (s.quiet > 0 && !(escalates && excess >= kEscalationExcess)) {
            --s.quiet;
        } else if (strongest >= 0) {
            if (excess >= kAlarmExcess) {
                s.quiet = quint8(kQuietSamples);
                s.alarm = kind;
            }
            result.score = excess / (excess + kAlarmExcess); // 0.5 at the alarm level
            result.kind = kind;
            result.expected = reading.expected[size_t(strongest)];
        }
    }
    learn(value, medium, reading);
    return result;
}

int AnomalyDetector::fitScale(double value)
{
    const State &s = m_state;
    const double seen = largestSeen(s.low, s.high);
    const int scale = halfScale(seen);
    if (std::abs(value) <= seen)
        return scale;
    const int wider = halfScale(std::abs(value));
    if (wider != scale)
        rescale(scale, wider);
    return wider;
}

// Only the first value other than 0 can make the scale smaller; after it,
// the largest magnitude seen only grows, and with it the scale.
void AnomalyDetector::rescale(int from, int to)
{
    State &s = m_state;
    const auto move = [from, to](Half &half) { half = toHalf(fromHalf(half, from), to); };
    const auto moveUsual = [&](Half &usual) {
        // The smallest half stands for "visited, about 0" at any scale.
        if (!qIsNull(usual) && usual != std::numeric_limits<Half>::denorm_min()) {
            move(usual);
            usual = visited(usual);
        }
    };
    std::for_each(s.day.usual.begin(), s.day.usual.end(), moveUsual);
    std::for_each(s.week.usual.begin(), s.week.usual.end(), moveUsual);
    std::for_each(s.shapes.recent.begin(), s.shapes.recent.end(), move);
    for (auto &known : s.shapes.known)
        std::for_each(known.begin(), known.end(), move);
}

AnomalyDetector::Reading AnomalyDetector::read(qint64 timeMs, double value, double medium,
                                               int scale)
{
    State &s = m_state;
    Reading r;
    r.surprise[SpikeUpView] = std::max(0.0, value - s.fast);
    r.expected[SpikeUpView] = s.fast;
    r.surprise[SpikeDownView] = std::max(0.0, s.fast - value);
    r.expected[SpikeDownView] = s.fast;
    r.surprise[HoursUpView] = std::max(0.0, value - s.hours);
    r.expected[HoursUpView] = s.hours;
    r.surprise[HoursDownView] = std::max(0.0, s.hours - value);
    r.expected[HoursDownView] = s.hours;
    r.surprise[LevelView] = std::abs(medium - s.level);
    r.expected[LevelView] = s.level;
    r.surprise[RangeView] = std::abs(value - s.centre);
    r.expected[RangeView] = s.centre;
    const qint64 hour = timeMs / kHourMs;
    r.surprise[DayView]
        = seasonalResidual(s.day, hour % kDaySlots, value, scale, r.expected[DayView]);
    r.surprise[WeekView]
        = seasonalResidual(s.week, hour % kWeekSlots, value, scale, r.expected[WeekView]);
    r.surprise[ShapeView] = shapeNovelty(value, scale);
    r.expected[ShapeView] = s.medium;
    r.surprise[RhythmView] = rhythmNovelty(value);
    r.expected[RhythmView] = s.fast;
    return r;
}

template<int N>
double AnomalyDetector::seasonalResidual(Profile<N> &profile, qint64 slot, double value, int scale,
                                         double &expected)
{
    Half &usual = profile.usual[size_t((slot % N + N) % N)];
    if (qIsNull(usual)) { // the first visit
        usual = visited(toHalf(value, scale));
        expected = value;
        return 0;
    }
    const double was = fromHalf(usual, scale);
    expected = was;
    profile.residual += kResidualRate * ((value - was) - profile.residual);
    usual = visited(toHalf(was + kSlotRate * (value - was), scale));
    return std::abs(profile.residual);
}

// Distance of the newest stretch from the nearest shape seen before, as a
// share of the range of values; an unusual stretch is learnt as a new shape
// (replacing the one unused longest), a usual one refines its match. Between
// the ends of two stretches the last distance holds.
double AnomalyDetector::shapeNovelty(double value, int scale)
{
    State &s = m_state;
    Shapes &shapes = s.shapes;
    shapes.blockSum += value;
    if (++shapes.blockSamples < kShapeStride)
        return shapes.distance;
    std::copy_backward(shapes.recent.begin(), shapes.recent.end() - 1, shapes.recent.end());
    shapes.recent[0] = toHalf(shapes.blockSum / kShapeStride, scale);
    shapes.blockSum = 0;
    shapes.blockSamples = 0;
    const double span = std::max(s.high, value) - std::min(s.low, value);
    if (s.samples < kShapeLength * kShapeStride || span <= 0)
        return 0;
    // Compared in the halves' own units: one scale applies to them all.
    std::array<float, kShapeLength> recent;
    std::copy(shapes.recent.begin(), shapes.recent.end(), recent.begin());
    int nearest = -1;
    double distance = 0;
    for (int k = 0; k < shapes.count; ++k) {
        const auto &known = shapes.known[size_t(k)];
        double d = 0;
        for (int i = 0; i < kShapeLength; ++i)
            d += std::abs(double(recent[size_t(i)]) - float(known[size_t(i)]));
        if (nearest < 0 || d < distance) {
            distance = d;
            nearest = k;
        }
    }
    distance = nearest < 0 ? 0.0 : std::ldexp(distance, scale) / kShapeLength / span;
    const auto byRecency = shapes.byRecency.begin();
    if (nearest < 0 || distance > kVigilance) {
        // A new shape takes a free slot, or the one unused longest.
        if (shapes.count < kShapes) {
            std::copy_backward(byRecency, byRecency + shapes.count, byRecency + shapes.count + 1);
            *byRecency = quint8(shapes.count++);
        } else {
            std::rotate(byRecency, byRecency + kShapes - 1, byRecency + kShapes);
        }
        shapes.known[*byRecency] = shapes.recent;
    } else {
        auto &known = shapes.known[size_t(nearest)];
        for (int i = 0; i < kShapeLength; ++i) {
            const float was = known[size_t(i)];
            known[size_t(i)] = Half(was + float(kShapeRate) * (recent[size_t(i)] - was));
        }
        const auto used = std::find(byRecency, byRecency + shapes.count, quint8(nearest));
        std::rotate(byRecency, used, used + 1);
    }
    shapes.distance = distance;
    return distance;
}

// The recent share of three-sample sequences of value bands (the range
// seen so far, cut in kBins) that had never occurred before.
double AnomalyDetector::rhythmNovelty(double value)
{
    State &s = m_state;
    // The range is widened by this sample only afterwards, so a value far
    // outside a narrow range lands far beyond the last band: clamped as a
    // double, since converting it to int first would overflow.
    const double span = s.high - s.low;
    const double position = span > 0 ? (value - s.low) / span * kBins : 0.0;
    const int bin = std::isfinite(position) ? int(std::clamp(position, 0.0, double(kBins - 1))) : 0;
    const int sequence = (s.beforeBin * kBins + s.previousBin) * kBins + bin;
    quint64 &word = s.transitions[size_t(sequence / 64)];
    const quint64 bit = quint64(1) << (sequence % 64);
    const bool novel = (word & bit) == 0;
    word |= bit;
    s.beforeBin = s.previousBin;
    s.previousBin = quint16(bin);
    s.novelty += kNoveltyRate * ((novel ? 1.0 : 0.0) - s.novelty);
    return s.novelty;
}

AnomalyKind AnomalyDetector::kindOf(View view, double value, double medium) const
{
    const State &s = m_state;
    const double jump = value - s.fast; // against the last few samples
    const double shift = medium - s.level; // of the recent level
    const auto spikeOrDip = [&] { return jump >= 0 ? AnomalyKind::Spike : AnomalyKind::Dip; };
    switch (view) {
    case LevelView:
        return AnomalyKind::Level;
    case ShapeView:
    case RhythmView:
        return AnomalyKind::Rhythm;
    case SpikeUpView:
    case SpikeDownView:
    case HoursUpView:
    case HoursDownView:
    case RangeView:
    case DayView:
    case WeekView:
    case Views:
        break;
    }
    return std::abs(jump) >= std::abs(shift) ? spikeOrDip() : AnomalyKind::Level;
}

void AnomalyDetector::learn(double value, double medium, const Reading &reading)
{
    State &s = m_state;
    const double fade = 1.0 - kFadeHorizon / double(s.samples + 1);
    for (size_t v = 0; v < size_t(Views); ++v) {
        if (s.samples >= kRecordsFrom) {
            s.record[v] = float(std::max(s.record[v] * fade, reading.surprise[v]));
            if (s.record[v] > 0)
                s.heard[v] = quint8(std::min(s.heard[v] + 1, kViewWarmUp));
        }
        s.lately[v] = float(std::max(s.lately[v] * kLatelyFade, reading.surprise[v]));
        s.typical[v]
            += float(warmRate(kTypicalRate, s.samples) * (reading.surprise[v] - s.typical[v]));
    }
    s.fast += kFastRate * (value - s.fast);
    s.hours += warmRate(kHoursRate, s.samples) * (value - s.hours);
    s.medium = medium;
    s.level += warmRate(kLevelRate, s.samples) * (value - s.level);
    s.centre += warmRate(kCentreRate, s.samples) * (value - s.centre);
    s.low = std::min(s.low, value);
    s.high = std::max(s.high, value);
    s.last = value;
    ++s.samples;
}

void AnomalyDetector::acceptAsNormal()
{
    State &s = m_state;
    if (s.samples == 0)
        return;
    // The hourly profiles keep their shape around the new level.
    const double shift = s.medium - s.level;
    const int scale = halfScale(largestSeen(s.low, s.high));
    const auto shifted = [&](Half &usual) {
        if (!qIsNull(usual))
            usual = visited(toHalf(fromHalf(usual, scale) + shift, scale));
    };
    std::for_each(s.day.usual.begin(), s.day.usual.end(), shifted);
    std::for_each(s.week.usual.begin(), s.week.usual.end(), shifted);
    s.day.residual = s.week.residual = 0;
    s.fast = s.last;
    s.hours = s.level = s.centre = s.medium;
    for (size_t v = 0; v < size_t(Views); ++v)
        s.record[v] = std::max(s.record[v], s.lately[v]);
}

QByteArray AnomalyDetector::saveState() const
{
    // Every byte of the state is a member's: a snapshot holds no padding.
    static_assert(sizeof(State)
                  == 2 * sizeof(qint64) + 8 * sizeof(double) + 3 * sizeof(State::record)
                      + sizeof(State::heard) + sizeof(AnomalyKind) + 1 + 2 * sizeof(quint16)
                      + sizeof(State::day.usual) + sizeof(State::week.usual) + 2 * sizeof(double)
                      + sizeof(Shapes::recent) + sizeof(Shapes::known) + sizeof(Shapes::byRecency)
                      + 2 * sizeof(qint32) + 2 * sizeof(double) + sizeof(State::transitions)
                      + sizeof(double));
    QByteArray blob(qsizetype(sizeof(Header) + sizeof(State)), Qt::Uninitialized);
    const Header header{ kMagic, kFormat, quint16(sizeof(State)),
                         fnv1a(reinterpret_cast<const char *>(&m_state), sizeof(State)) };
    std::memcpy(blob.data(), &header, sizeof(Header));
    std::memcpy(blob.data() + sizeof(Header), &m_state, sizeof(State));
    return blob;
}

// The state as format 4 laid it out: profiles and shapes as floats.
struct AnomalyDetector::Format4
{
    template<size_t N> struct Profile
    {
        std::array<float, N> usual;
        double residual;
    };
    qint64 samples, startMs;
    double last, fast, hours, medium, level, centre, low, high;
    std::array<float, Views> record, typical, lately;
    std::array<quint8, Views> heard;
    AnomalyKind alarm;
    quint8 quiet;
    quint16 previousBin, beforeBin;
    Profile<kDaySlots> day;
    Profile<kWeekSlots> week;
    struct
    {
        std::array<float, kShapeLength> recent;
        std::array<std::array<float, kShapeLength>, kShapes> known;
        std::array<quint8, kShapes> byRecency;
        qint32 count, blockSamples;
        double blockSum, distance;
    } shapes;
    std::array<quint64, (kBins * kBins * kBins + 63) / 64> transitions;
    double novelty;
};

namespace {

// The state as formats 2 and 3 laid it out: sixteen value bands, the time
// each shape was last used, counters as ints. Format 2 had half-hour
// profiles and 64 shapes, format 3 hourly ones and 16.
template<size_t DaySlots, size_t ShapeCount, typename UsedAt> struct AnomalyDetectorLegacyState
{
    qint64 samples, startMs;
    double last, fast, hours, medium, level, centre, low, high;
    std::array<double, 10> record, lately, typical;
    std::array<int, 10> heard;
    int alarm;
    int quiet;
    std::array<float, DaySlots> day;
    double dayResidual;
    std::array<float, 7 * DaySlots> week;
    double weekResidual;
    std::array<float, 8> recentShape;
    std::array<std::array<float, 8>, ShapeCount> shapes;
    std::array<UsedAt, ShapeCount> used;
    int shapeCount;
    double blockSum;
    int blockSamples;
    double distance;
    std::array<quint64, 64> transitions;
    int previousBin, beforeBin;
    double novelty;
};
using AnomalyDetectorFormat2 = AnomalyDetectorLegacyState<48, 64, qint64>;
using AnomalyDetectorFormat3 = AnomalyDetectorLegacyState<24, 16, quint32>;
static_assert(sizeof(AnomalyDetectorFormat2) == 5072 && sizeof(AnomalyDetectorFormat3) == 2320);

// The baselines, which every format has kept alike.
template<typename From, typename To> void copyBaselines(const From &old, To &to)
{
    to.samples = old.samples;
    to.startMs = old.startMs;
    to.last = old.last;
    to.fast = old.fast;
    to.hours = old.hours;
    to.medium = old.medium;
    to.level = old.level;
    to.centre = old.centre;
    to.low = old.low;
    to.high = old.high;
}

// Two half-hour slots make an hour; a slot never visited (0) does not count.
template<size_t N>
void mergeHalfHours(const std::array<float, 2 * N> &halves, std::array<float, N> &hours)
{
    for (size_t h = 0; h < N; ++h) {
        const float a = halves[2 * h], b = halves[2 * h + 1];
        hours[h] = a == 0 ? b : b == 0 ? a : (a + b) / 2;
    }
}

// Shape slots ordered by when they were last used, the latest first.
template<size_t N, typename Time>
std::array<int, N> byLastUse(const std::array<Time, N> &used, int count)
{
    std::array<int, N> order;
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.begin() + count,
                     [&used](int a, int b) { return used[size_t(a)] > used[size_t(b)]; });
    return order;
}

// Format 3's sixteen value bands in the twelve of this format: a band maps
// to the bands it overlaps, so every transition seen is still seen.
constexpr int kFormat3Bins = 16;

std::pair<int, int> overlappedBands(int band, int bins)
{
    return { band * bins / kFormat3Bins, ((band + 1) * bins - 1) / kFormat3Bins };
}

int nearestBand(int band, int bins)
{
    return (2 * band + 1) * bins / (2 * kFormat3Bins);
}

} // namespace

// Format 2's hourly profiles are the means of their half hours, and the
// sixteen shapes used most recently are kept; then as format 3.
bool AnomalyDetector::fromFormat2(const char *payload, size_t size, Format4 &state)
{
    using Old = AnomalyDetectorFormat2;
    if (size != sizeof(Old))
        return false;
    Old old;
    std::memcpy(&old, payload, sizeof(Old));
    if (old.shapeCount < 0 || old.shapeCount > 64)
        return false;
    AnomalyDetectorFormat3 next{};
    copyBaselines(old, next);
    next.record = old.record;
    next.lately = old.lately;
    next.typical = old.typical;
    next.heard = old.heard;
    next.alarm = old.alarm;
    next.quiet = old.quiet;
    mergeHalfHours(old.day, next.day);
    next.dayResidual = old.dayResidual;
    mergeHalfHours(old.week, next.week);
    next.weekResidual = old.weekResidual;
    const auto order = byLastUse(old.used, old.shapeCount);
    next.shapeCount = std::min(old.shapeCount, 16);
    for (size_t k = 0; k < size_t(next.shapeCount); ++k) {
        next.shapes[k] = old.shapes[size_t(order[k])];
        next.used[k] = quint32(old.used[size_t(order[k])]);
    }
    next.recentShape = old.recentShape;
    next.blockSum = old.blockSum;
    next.blockSamples = old.blockSamples;
    next.distance = old.distance;
    next.transitions = old.transitions;
    next.previousBin = old.previousBin;
    next.beforeBin = old.beforeBin;
    next.novelty = old.novelty;
    return fromFormat3(reinterpret_cast<const char *>(&next), sizeof next, state);
}

// Everything learnt carries over; the transitions seen between sixteen
// value bands become those between the twelve bands they overlap.
bool AnomalyDetector::fromFormat3(const char *payload, size_t size, Format4 &state)
{
    using Old = AnomalyDetectorFormat3;
    static_assert(Views == 10 && kShapeLength == 8 && kShapes == 16 && kDaySlots == 24);
    if (size != sizeof(Old))
        return false;
    Old old;
    std::memcpy(&old, payload, sizeof(Old));
    // Checked before they are narrowed to this format's types, where an
    // int out of range could wrap into one.
    const auto inRange = [](int n, int high) { return n >= 0 && n <= high; };
    if (!inRange(old.shapeCount, kShapes) || !inRange(old.blockSamples, kShapeStride)
        || !inRange(old.quiet, kQuietSamples) || !inRange(old.previousBin, kFormat3Bins - 1)
        || !inRange(old.beforeBin, kFormat3Bins - 1)
        || !inRange(old.alarm, int(AnomalyKind::Rhythm))
        || !std::all_of(old.heard.begin(), old.heard.end(),
                        [&](int n) { return inRange(n, kViewWarmUp); }))
        return false;
    state = Format4{};
    copyBaselines(old, state);
    for (size_t v = 0; v < size_t(Views); ++v) {
        state.record[v] = float(old.record[v]);
        state.typical[v] = float(old.typical[v]);
        state.lately[v] = float(old.lately[v]);
        state.heard[v] = quint8(old.heard[v]);
    }
    state.alarm = AnomalyKind(old.alarm);
    state.quiet = quint8(old.quiet);
    state.day.usual = old.day;
    state.day.residual = old.dayResidual;
    state.week.usual = old.week;
    state.week.residual = old.weekResidual;

    auto &shapes = state.shapes;
    shapes.recent = old.recentShape;
    shapes.known = old.shapes;
    shapes.count = old.shapeCount;
    const auto order = byLastUse(old.used, old.shapeCount);
    for (size_t k = 0; k < size_t(kShapes); ++k)
        shapes.byRecency[k] = quint8(order[k]);
    shapes.blockSum = old.blockSum;
    shapes.blockSamples = old.blockSamples;
    shapes.distance = old.distance;

    for (int sequence = 0; sequence < kFormat3Bins * kFormat3Bins * kFormat3Bins; ++sequence) {
        if (!(old.transitions[size_t(sequence / 64)] >> (sequence % 64) & 1))
            continue;
        const auto [a0, a1] = overlappedBands(sequence / (kFormat3Bins * kFormat3Bins), kBins);
        const auto [b0, b1] = overlappedBands(sequence / kFormat3Bins % kFormat3Bins, kBins);
        const auto [c0, c1] = overlappedBands(sequence % kFormat3Bins, kBins);
        for (int a = a0; a <= a1; ++a) {
            for (int b = b0; b <= b1; ++b) {
                for (int c = c0; c <= c1; ++c) {
                    const int seen = (a * kBins + b) * kBins + c;
                    state.transitions[size_t(seen / 64)] |= quint64(1) << (seen % 64);
                }
            }
        }
    }
    state.previousBin = quint16(nearestBand(old.previousBin, kBins));
    state.beforeBin = quint16(nearestBand(old.beforeBin, kBins));
    state.novelty = old.novelty;
    return true;
}

// Profiles and shapes become halves at the scale of the range seen;
// everything else carries over as it was.
void AnomalyDetector::fromFormat4(const Format4 &old, State &state)
{
    static_assert(sizeof(Format4) == 1808);
    state = State{};
    copyBaselines(old, state);
    state.record = old.record;
    state.typical = old.typical;
    state.lately = old.lately;
    state.heard = old.heard;
    state.alarm = old.alarm;
    state.quiet = old.quiet;
    state.previousBin = old.previousBin;
    state.beforeBin = old.beforeBin;
    const int scale = halfScale(largestSeen(old.low, old.high));
    const auto profile = [scale](const auto &from, auto &to) {
        for (size_t slot = 0; slot < from.usual.size(); ++slot)
            to.usual[slot]
                = from.usual[slot] == 0 ? Half() : visited(toHalf(from.usual[slot], scale));
        to.residual = from.residual;
    };
    profile(old.day, state.day);
    profile(old.week, state.week);
    const auto shape = [scale](const std::array<float, kShapeLength> &from) {
        std::array<Half, kShapeLength> to;
        std::transform(from.begin(), from.end(), to.begin(),
                       [scale](float value) { return toHalf(value, scale); });
        return to;
    };
    Shapes &shapes = state.shapes;
    shapes.recent = shape(old.shapes.recent);
    std::transform(old.shapes.known.begin(), old.shapes.known.end(), shapes.known.begin(), shape);
    shapes.byRecency = old.shapes.byRecency;
    shapes.count = old.shapes.count;
    shapes.blockSamples = old.shapes.blockSamples;
    shapes.blockSum = old.shapes.blockSum;
    shapes.distance = old.shapes.distance;
    state.transitions = old.transitions;
    state.novelty = old.novelty;
}

// The shapes known are listed by recency once each, as learning keeps them.
bool AnomalyDetector::inRecencyOrder(const Shapes &shapes)
{
    quint32 listed = 0;
    for (int k = 0; k < shapes.count; ++k) {
        const int index = shapes.byRecency[size_t(k)];
        if (index >= shapes.count || listed & (1u << index))
            return false;
        listed |= 1u << index;
    }
    return true;
}

bool AnomalyDetector::restoreState(const QByteArray &blob)
{
    reset();
    if (size_t(blob.size()) < sizeof(Header))
        return false;
    Header header;
    std::memcpy(&header, blob.constData(), sizeof(Header));
    const char *payload = blob.constData() + sizeof(Header);
    const size_t size = size_t(blob.size()) - sizeof(Header);
    if (header.magic != kMagic || header.size != size || header.checksum != fnv1a(payload, size))
        return false;
    State restored;
    if (header.format == kFormat && size == sizeof(State)) {
        std::memcpy(&restored, payload, sizeof(State));
    } else {
        Format4 older;
        if (header.format == 4 && size == sizeof(Format4))
            std::memcpy(&older, payload, sizeof(Format4));
        else if (!(header.format == 3 && fromFormat3(payload, size, older))
                 && !(header.format == 2 && fromFormat2(payload, size, older)))
            return false;
        fromFormat4(older, restored);
    }
    const bool sane = restored.samples >= 0 && restored.samples < (qint64(1) << 52)
        && std::isfinite(restored.fast) && std::isfinite(restored.hours)
        && std::isfinite(restored.medium) && std::isfinite(restored.level)
        && std::isfinite(restored.centre) && std::isfinite(restored.low)
        && std::isfinite(restored.high)
        && restored.low <= restored.high
        // Times are milliseconds since the epoch: one far outside would
        // overflow the arithmetic on them.
        && restored.startMs >= 0 && restored.startMs < (qint64(1) << 52);
    const bool counted = std::all_of(restored.heard.begin(), restored.heard.end(),
                                     [](quint8 n) { return n <= kViewWarmUp; })
        && restored.quiet <= kQuietSamples && restored.previousBin < kBins
        && restored.beforeBin < kBins && restored.alarm <= AnomalyKind::Rhythm
        && restored.shapes.blockSamples >= 0 && restored.shapes.blockSamples <= kShapeStride
        && restored.shapes.count >= 0 && restored.shapes.count <= kShapes;
    const auto finite = [](const auto &halves) {
        return std::all_of(halves.begin(), halves.end(), [](Half h) { return qIsFinite(h); });
    };
    const Shapes &shapes = restored.shapes;
    const bool valued = finite(restored.day.usual) && finite(restored.week.usual)
        && finite(shapes.recent) && std::all_of(shapes.known.begin(), shapes.known.end(), finite);
    if (!sane || !counted || !valued || !inRecencyOrder(restored.shapes))
        return false;
    m_state = restored;
    return true;
}

} // namespace Umbra::Predict
