// A saved anomaly detector state from the database, restored and used. The
// first byte picks how the rest is read: as a whole record (header,
// checksum and state, all fuzzed), or as the state alone, fitted to the
// record's size and given a valid header, so that mutations reach the
// restored state's checks instead of stopping at the checksum; that state
// is of this build's format or of format 2, 3 or 4, which are converted.
#include "predict/anomalydetector.h"
#include "savedstate.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    const QByteArray rest(reinterpret_cast<const char *>(data + 1), qsizetype(size - 1));
    Umbra::Predict::AnomalyDetector detector;
    const int reading = data[0] % 5;
    const QByteArray blob = reading == 0 ? rest
        : reading == 1                   ? Umbra::SavedState::detectorRecord(rest)
                       : Umbra::SavedState::detectorRecord(rest, quint16(reading));
    if (!detector.restoreState(blob))
        return 0;
    for (int i = 0; i < 4; ++i)
        (void)detector.update(qint64(i) * 5000, 10.0 * i);
    (void)detector.saveState();
    return 0;
}
