// A Prometheus server's answer to /api/v1/query or /api/v1/query_range. The
// first byte picks the HTTP status the body came with.
#include "collect/prometheusapi.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    constexpr int kStatuses[] = { 200, 400, 422, 503 };
    const int status = kStatuses[data[0] % 4];
    const QByteArray body(reinterpret_cast<const char *>(data + 1), qsizetype(size - 1));
    (void)Umbra::Prometheus::Api::parse(status, body, QStringLiteral("fuzz"));
    return 0;
}
