// A page from an exporter: any bytes, within the size the client accepts.
#include "hardware/exposition.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const Umbra::Hardware::Exposition page = Umbra::Hardware::parseExposition(
        QByteArrayView(reinterpret_cast<const char *>(data), qsizetype(size)));
    (void)page;
    return 0;
}
