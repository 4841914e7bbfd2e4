// A chunk of stored samples as read back from a damaged or foreign database.
#include "series/chunkcodec.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray chunk(reinterpret_cast<const char *>(data), qsizetype(size));
    Umbra::Series::DecodedChunk decoded;
    if (Umbra::Series::decodeChunk(chunk, decoded))
        (void)Umbra::Series::chunkPrecisions(chunk);
    return 0;
}
