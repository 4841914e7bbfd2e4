// A saved anomaly detector state from the database, restored and used.
#include "predict/anomalydetector.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    Umbra::Predict::AnomalyDetector detector;
    if (!detector.restoreState(QByteArray(reinterpret_cast<const char *>(data), qsizetype(size))))
        return 0;
    for (int i = 0; i < 4; ++i)
        (void)detector.update(qint64(i) * 5000, 10.0 * i);
    (void)detector.saveState();
    return 0;
}
