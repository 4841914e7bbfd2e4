// The forecaster's saved state: a header that says what it is, which format
// and a checksum, then the zlib-compressed fields.
//
//   quint32 magic 'UMBF' | quint16 format | quint64 FNV-1a of the payload |
//   payload = qCompress(QDataStream of every field)
//
// Format 1 is the first; format 2 adds the track record (each horizon
// bucket's relative error) at the end. A later format adds fields at the end
// of the payload; this build refuses any format above the one it writes.
#include "predict/forecaster.h"

#include <QCoreApplication>
#include <QDataStream>
#include <QIODevice>
#include <bit>
#include <cstdlib>
#include <cstring>

namespace Umbra::Predict {

namespace {

constexpr quint32 kMagic = 0x554D4246; // "UMBF"
constexpr quint16 kFormat = 2;
constexpr int kMaxHistoryCap = 10'000'000;
// Times in a state lie within ±2^52 ms of the epoch (±142,000 years).
constexpr qint64 kMaxTimeMs = qint64(1) << 52;

quint64 fnv1a(const QByteArray &bytes)
{
    quint64 hash = 14695981039346656037ULL;
    for (char c : bytes) {
        hash ^= quint8(c);
        hash *= 1099511628211ULL;
    }
    return hash;
}

template<typename T> void writeVector(QDataStream &out, const std::vector<T> &values)
{
    out << quint32(values.size());
    for (const T &v : values)
        out << v;
}

template<typename T> bool readVector(QDataStream &in, std::vector<T> &values, quint32 limit)
{
    quint32 size = 0;
    in >> size;
    if (in.status() != QDataStream::Ok || size > limit)
        return false;
    values.resize(size);
    for (T &v : values)
        in >> v;
    return in.status() == QDataStream::Ok;
}

// Floats go out as doubles (QDataStream's default precision), so a model
// kept as floats in memory reads and writes the same format.
template<typename T, size_t N> void writeArray(QDataStream &out, const std::array<T, N> &values)
{
    for (T v : values)
        out << v;
}

template<typename T, size_t N> void readArray(QDataStream &in, std::array<T, N> &values)
{
    for (T &v : values)
        in >> v;
}

// Messages are marked for lupdate under the "Umbra::Predict" context.
QString translated(const char *text)
{
    return QCoreApplication::translate("Umbra::Predict", text);
}

} // namespace

class ForecasterSerializer
{
public:
    static void write(QDataStream &out, const Forecaster &f)
    {
        out << qint32(f.m_options.intervalSeconds) << qint32(f.m_options.maxHistory);
        out << f.m_hasOrigin << f.m_originMs << f.m_fittedSlot;

        out << f.m_history.lastSlot() << quint32(f.m_history.size());
        for (float v : f.m_history.toVector())
            out << std::bit_cast<quint32>(v);

        out << quint32(f.m_events.size());
        for (const CalendarEvent &e : f.m_events)
            out << e.name << e.startMs << e.endMs << qint32(e.recurrence);

        const Seasonality &s = f.m_seasonality;
        out << qint32(s.period) << s.strength << s.daily << s.weekly;

        const ModelParams &p = f.m_params;
        out << p.fitted << qint32(p.period) << p.alpha << p.beta << p.phi << p.gamma;
        writeVector(out, p.profile);
        writeVector(out, p.ar);
        out << p.arIntercept << p.scaleDecay << p.scaleFloor << p.typicalScale << p.scaleBlend
            << p.nonNegative;
        out << quint32(p.weights.size());
        for (const auto &w : p.weights)
            writeArray(out, w);
        out << quint32(p.quantiles.size());
        for (const auto &q : p.quantiles)
            writeArray(out, q);

        const ModelState &st = f.m_state;
        out << st.slot << st.last << st.started << st.level << st.trend;
        writeVector(out, st.season);
        writeVector(out, st.cycle);
        writeArray(out, st.recent);
        out << qint32(st.recentCount) << st.scale;

        out << quint32(f.m_uplifts.size());
        for (const EventUplift &u : f.m_uplifts)
            out << u.name << qint32(u.kind) << u.amount << qint32(u.samples);

        writeVector(out, p.relativeErrors);
    }

    // Reads what write() wrote and checks that the pieces fit together; an
    // empty error means success.
    static QString read(QDataStream &in, quint16 format, Forecaster &f)
    {
        qint32 interval = 0, maxHistory = 0;
        in >> interval >> maxHistory;
        if (interval <= 0 || maxHistory <= 0 || maxHistory > kMaxHistoryCap)
            return translated(QT_TRANSLATE_NOOP(
                "Umbra::Predict",
                "The forecaster state has an invalid sampling interval or history size."));
        f = Forecaster(ForecasterOptions{ interval, maxHistory });
        in >> f.m_hasOrigin >> f.m_originMs >> f.m_fittedSlot;

        qint64 lastSlot = 0;
        quint32 historySize = 0;
        in >> lastSlot >> historySize;
        // Slots count intervals after the origin: whatever a damaged state
        // says, a slot's time (origin + slot × interval) must not overflow.
        const qint64 maxSlot = kMaxTimeMs / (qint64(interval) * 1000);
        const auto slotOk = [maxSlot](qint64 slot) { return slot >= -1 && slot <= maxSlot; };
        if (in.status() != QDataStream::Ok || historySize > quint32(maxHistory)
            || std::abs(f.m_originMs) > kMaxTimeMs || !slotOk(lastSlot) || !slotOk(f.m_fittedSlot))
            return translated(
                QT_TRANSLATE_NOOP("Umbra::Predict", "The forecaster state's history is damaged."));
        std::vector<float> values(historySize);
        for (float &v : values) {
            quint32 bits = 0;
            in >> bits;
            v = std::bit_cast<float>(bits);
        }
        if (historySize > 0)
            f.m_history.assign(lastSlot, values);

        quint32 events = 0;
        in >> events;
        if (in.status() != QDataStream::Ok || events > 100000)
            return translated(
                QT_TRANSLATE_NOOP("Umbra::Predict", "The forecaster state's events are damaged."));
        for (quint32 i = 0; i < events; ++i) {
            CalendarEvent e;
            qint32 recurrence = 0;
            in >> e.name >> e.startMs >> e.endMs >> recurrence;
            if (recurrence < 0 || recurrence > qint32(CalendarEvent::Recurrence::Weekly))
                return translated(QT_TRANSLATE_NOOP("Umbra::Predict",
                                                    "The forecaster state's events are damaged."));
            e.recurrence = CalendarEvent::Recurrence(recurrence);
            f.m_events.append(e);
        }

        qint32 period = 0;
        in >> period >> f.m_seasonality.strength >> f.m_seasonality.daily >> f.m_seasonality.weekly;
        f.m_seasonality.period = period;

        ModelParams &p = f.m_params;
        qint32 modelPeriod = 0;
        in >> p.fitted >> modelPeriod >> p.alpha >> p.beta >> p.phi >> p.gamma;
        p.period = modelPeriod;
        const quint32 limit = quint32(maxHistory);
        if (!readVector(in, p.profile, limit) || !readVector(in, p.ar, kMaxArOrder))
            return translated(
                QT_TRANSLATE_NOOP("Umbra::Predict", "The forecaster state's model is damaged."));
        in >> p.arIntercept >> p.scaleDecay >> p.scaleFloor >> p.typicalScale >> p.scaleBlend
            >> p.nonNegative;
        quint32 weights = 0;
        in >> weights;
        if (weights > quint32(kBucketCount))
            return translated(
                QT_TRANSLATE_NOOP("Umbra::Predict", "The forecaster state's model is damaged."));
        p.weights.resize(weights);
        for (auto &w : p.weights)
            readArray(in, w);
        quint32 quantiles = 0;
        in >> quantiles;
        if (quantiles > quint32(kBucketCount))
            return translated(
                QT_TRANSLATE_NOOP("Umbra::Predict", "The forecaster state's model is damaged."));
        p.quantiles.resize(quantiles);
        for (auto &q : p.quantiles)
            readArray(in, q);

        ModelState &st = f.m_state;
        in >> st.slot >> st.last >> st.started >> st.level >> st.trend;
        if (!readVector(in, st.season, limit) || !readVector(in, st.cycle, limit))
            return translated(
                QT_TRANSLATE_NOOP("Umbra::Predict", "The forecaster state's model is damaged."));
        readArray(in, st.recent);
        qint32 recentCount = 0;
        in >> recentCount >> st.scale;
        st.recentCount = recentCount;

        quint32 uplifts = 0;
        in >> uplifts;
        if (in.status() != QDataStream::Ok || uplifts > 100000)
            return translated(
                QT_TRANSLATE_NOOP("Umbra::Predict", "The forecaster state's events are damaged."));
        for (quint32 i = 0; i < uplifts; ++i) {
            EventUplift u;
            qint32 kind = 0, samples = 0;
            in >> u.name >> kind >> u.amount >> samples;
            if (kind < 0 || kind > qint32(EventUplift::Kind::Difference))
                return translated(QT_TRANSLATE_NOOP("Umbra::Predict",
                                                    "The forecaster state's events are damaged."));
            u.kind = EventUplift::Kind(kind);
            u.samples = samples;
            f.m_uplifts.append(u);
        }
        // A format 1 state has no track record: it is measured at the next fit.
        if (format >= 2 && !readVector(in, p.relativeErrors, quint32(kBucketCount)))
            return translated(
                QT_TRANSLATE_NOOP("Umbra::Predict", "The forecaster state's model is damaged."));

        const bool consistent = in.status() == QDataStream::Ok && in.atEnd() && p.period >= 0
            && (p.period == 0 ? p.profile.empty() : p.profile.size() == size_t(p.period))
            && st.season.size() == p.profile.size() && st.cycle.size() == p.profile.size()
            && recentCount >= 0 && recentCount <= kRecentCount
            && (historySize == 0 || st.slot == lastSlot) && slotOk(st.slot);
        if (!consistent)
            return translated(
                QT_TRANSLATE_NOOP("Umbra::Predict", "The forecaster state is damaged."));
        return {};
    }
};

QByteArray Forecaster::saveState() const
{
    QByteArray payload;
    {
        QDataStream out(&payload, QIODevice::WriteOnly);
        out.setVersion(QDataStream::Qt_6_0);
        ForecasterSerializer::write(out, *this);
    }
    payload = qCompress(payload);
    QByteArray blob;
    QDataStream out(&blob, QIODevice::WriteOnly);
    out.setVersion(QDataStream::Qt_6_0);
    out << kMagic << kFormat << fnv1a(payload);
    blob.append(payload);
    return blob;
}

Result<Forecaster> Forecaster::loadState(const QByteArray &blob)
{
    constexpr int kHeaderSize = 4 + 2 + 8;
    QDataStream header(blob);
    header.setVersion(QDataStream::Qt_6_0);
    quint32 magic = 0;
    quint16 format = 0;
    quint64 checksum = 0;
    header >> magic >> format >> checksum;
    if (header.status() != QDataStream::Ok || magic != kMagic)
        return Error{ translated(
            QT_TRANSLATE_NOOP("Umbra::Predict", "This is not a saved forecaster state.")) };
    if (format > kFormat) {
        return Error{ QCoreApplication::translate(
                          "Umbra::Predict",
                          "The forecaster state was saved by a newer Umbra (format %1; this "
                          "version reads up to format %2).")
                          .arg(format)
                          .arg(kFormat) };
    }
    if (format == 0)
        return Error{ translated(
            QT_TRANSLATE_NOOP("Umbra::Predict", "The forecaster state has an unknown format.")) };
    const QByteArray compressed = blob.mid(kHeaderSize);
    if (fnv1a(compressed) != checksum)
        return Error{ translated(QT_TRANSLATE_NOOP(
            "Umbra::Predict", "The forecaster state is corrupt (checksum mismatch).")) };
    const QByteArray payload = qUncompress(compressed);
    if (payload.isEmpty())
        return Error{ translated(QT_TRANSLATE_NOOP(
            "Umbra::Predict", "The forecaster state is corrupt (cannot be decompressed).")) };

    QDataStream in(payload);
    in.setVersion(QDataStream::Qt_6_0);
    Forecaster forecaster;
    const QString error = ForecasterSerializer::read(in, format, forecaster);
    if (!error.isEmpty())
        return Error{ error };
    return forecaster;
}

} // namespace Umbra::Predict
