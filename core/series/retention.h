#pragma once

#include "series/resolution.h"

#include <QtGlobal>

namespace Umbra::Series {

// How long each resolution is kept, measured back from the newest sample in
// the store (not the wall clock, so an imported archive survives its import).
struct Retention
{
    qint64 rawMs = 48 * kHourMs;
    qint64 minuteMs = 14 * kDayMs;
    qint64 fiveMinutesMs = 90 * kDayMs;
    qint64 hourMs = 730 * kDayMs;

    qint64 of(Resolution resolution) const;
};

} // namespace Umbra::Series
