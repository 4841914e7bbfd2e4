// A drive risk model file (a replacement for the shipped one), loaded and
// asked about a drive.
#include "predict/driverisk.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    using namespace Umbra::Predict;
    auto model = DriveRiskModel::fromJson(
        QByteArray(reinterpret_cast<const char *>(data), qsizetype(size)));
    if (!model)
        return 0;
    SmartReading now;
    (void)model.value().assess(now);
    (void)model.value().assess(now, &now);
    return 0;
}
