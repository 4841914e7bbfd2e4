// An answer on HAProxy's runtime socket, read as each command's reply.
#include "traffic/runtimereplies.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    using namespace Umbra::Traffic;
    const QByteArray reply(reinterpret_cast<const char *>(data), qsizetype(size));
    (void)parseStat(reply);
    (void)parseWeight(reply);
    (void)parseInfo(reply);
    (void)parseAcknowledgement(reply);
    (void)parseAcknowledgement(reply, { QStringLiteral("Done.") });
    return 0;
}
