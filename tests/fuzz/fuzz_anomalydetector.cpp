// A saved anomaly detector state from the database, restored and used. The
// first byte picks how the rest is read: as a whole record (header,
// checksum and state, all fuzzed), or as the state alone, fitted to the
// record's size and given a valid header, so that mutations reach the
// restored state's checks instead of stopping at the checksum.
#include "predict/anomalydetector.h"

#include <cstddef>
#include <cstdint>
#include <cstring>

namespace {

// The header anomalydetector.cpp writes before the state: magic "UMAD",
// format, the state's size, FNV-1a of the state.
struct Header
{
    quint32 magic;
    quint16 format;
    quint16 size;
    quint64 checksum;
};

QByteArray wrapped(QByteArray state)
{
    static const qsizetype stateSize
        = Umbra::Predict::AnomalyDetector().saveState().size() - qsizetype(sizeof(Header));
    state.resize(stateSize, '\0');
    quint64 hash = 0xcbf29ce484222325ULL;
    for (char c : state)
        hash = (hash ^ quint8(c)) * 0x100000001b3ULL;
    const Header header{ 0x554d4144, 2, quint16(stateSize), hash };
    QByteArray blob(sizeof(Header), Qt::Uninitialized);
    std::memcpy(blob.data(), &header, sizeof(Header));
    return blob + state;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    const QByteArray rest(reinterpret_cast<const char *>(data + 1), qsizetype(size - 1));
    Umbra::Predict::AnomalyDetector detector;
    if (!detector.restoreState(data[0] % 2 ? wrapped(rest) : rest))
        return 0;
    for (int i = 0; i < 4; ++i)
        (void)detector.update(qint64(i) * 5000, 10.0 * i);
    (void)detector.saveState();
    return 0;
}
