#include "format.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QLocale>
#include <cmath>

namespace Umbra::Format {

namespace {

// lupdate and the runtime must agree on the context of these strings.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Umbra::Format)
};

} // namespace

QString missing()
{
    return QStringLiteral("–");
}

QString bytes(double bytes)
{
    if (!std::isfinite(bytes) || bytes < 0)
        return missing();
    // Below 1 KiB the precision would print "512.00 bytes"; whole bytes read better.
    const int precision = bytes < 1024 ? 0 : 1;
    return QLocale().formattedDataSize(qint64(std::llround(bytes)), precision,
                                       QLocale::DataSizeIecFormat);
}

QString kib(double kib)
{
    return bytes(kib * 1024.0);
}

QString bytesPerSecond(double bytesPerSecond)
{
    if (!std::isfinite(bytesPerSecond))
        return missing();
    return Tr::tr("%1/s").arg(bytes(bytesPerSecond));
}

QString percent(double percent)
{
    if (!std::isfinite(percent))
        return missing();
    return Tr::tr("%1 %").arg(QLocale().toString(percent, 'f', 1));
}

QString megahertz(int mhz)
{
    if (mhz <= 0)
        return missing();
    return Tr::tr("%1 MHz").arg(QLocale().toString(mhz));
}

QString libvirtVersion(quint64 version)
{
    if (version == 0)
        return missing();
    // libvirt encodes versions as major * 1,000,000 + minor * 1,000 + release.
    return QStringLiteral("%1.%2.%3")
        .arg(version / 1000000)
        .arg((version / 1000) % 1000)
        .arg(version % 1000);
}

QString timestamp(qint64 msSinceEpoch)
{
    return QLocale().toString(QDateTime::fromMSecsSinceEpoch(msSinceEpoch),
                              QStringLiteral("yyyy-MM-dd HH:mm:ss"));
}

} // namespace Umbra::Format
