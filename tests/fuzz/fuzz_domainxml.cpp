// A domain's XML description, as a host (or something posing as one) sends it.
#include "collect/inventoryreader.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    Umbra::VmInfo info;
    (void)Umbra::InventoryReader::parseDomainXml(
        QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size)), info);
    return 0;
}
