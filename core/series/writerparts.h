#pragma once

// What the series writer's source files share: its failures, worded once, and
// the time of a series that has none yet.
#include "util/result.h"

#include <QCoreApplication>
#include <limits>

namespace Umbra::Series::WriterParts {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Umbra::SeriesWriter)
};

inline Error failure(const char *what, const QString &reason)
{
    return Error{ Tr::tr("Time series: %1 failed: %2").arg(QLatin1String(what), reason) };
}

inline constexpr qint64 kNoTime = std::numeric_limits<qint64>::min();

} // namespace Umbra::Series::WriterParts
