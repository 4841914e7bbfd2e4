// A CSV file handed to umbra --import-csv: time first, then one column per
// series.
#include "series/csvseries.h"

#include <QBuffer>
#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::ReadOnly);
    (void)Umbra::Series::readCsv(buffer, QStringLiteral("fuzz.csv"));
    return 0;
}
