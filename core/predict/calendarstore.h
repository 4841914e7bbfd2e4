#pragma once

#include "predict/scopedcalendarevent.h"
#include "util/result.h"

#include <QList>
#include <QSqlDatabase>

namespace Umbra {

// The `calendar_events` table, read and written on the prediction thread.
namespace CalendarStore {

Result<QList<ScopedCalendarEvent>> load(QSqlDatabase db);
// Returns the stored event with its id.
Result<ScopedCalendarEvent> add(QSqlDatabase db, ScopedCalendarEvent event);
Result<void> remove(QSqlDatabase db, qint64 id);

} // namespace CalendarStore

} // namespace Umbra
