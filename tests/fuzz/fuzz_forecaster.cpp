// A saved forecaster state from the database, loaded and used as the console
// would use it. The first byte picks how the rest is read: as a whole blob
// (header, checksum and compressed fields, all fuzzed), or as the fields
// alone, wrapped in a valid header so that mutations reach the field parser
// instead of stopping at the checksum.
#include "predict/forecaster.h"
#include "savedstate.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    using namespace Umbra::Predict;
    if (size == 0)
        return 0;
    const QByteArray rest(reinterpret_cast<const char *>(data + 1), qsizetype(size - 1));
    Umbra::Result<Forecaster> loaded
        = Forecaster::loadState(data[0] % 2 ? Umbra::SavedState::forecasterBlob(rest) : rest);
    if (!loaded)
        return 0;
    Forecaster &f = loaded.value();
    (void)f.forecast(48);
    (void)f.relativeError(12);
    f.update(f.lastTimeMs() + qint64(f.options().intervalSeconds) * 1000, 50.0);
    (void)f.forecast(3);
    (void)f.saveState();
    return 0;
}
