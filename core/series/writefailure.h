#pragma once

#include "util/result.h"

#include <QCoreApplication>

namespace Umbra::Series {

// How the series writer reports a failed write, in both of its halves
// (serieswriter.cpp, seriescompaction.cpp).
inline Error writeFailure(const char *what, const QString &reason)
{
    return Error{ QCoreApplication::translate("Umbra::SeriesWriter", "Time series: %1 failed: %2")
                      .arg(QLatin1String(what), reason) };
}

} // namespace Umbra::Series
