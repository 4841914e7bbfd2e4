#pragma once

#include "predict/calendarevent.h"
#include "util/result.h"

#include <QList>
#include <QMetaType>
#include <QSqlDatabase>

namespace Umbra {

// A known event as the operator marked it: for one VM or host ("vm/<uuid>",
// "host/<uri>") or, with an empty entity, for every series in the fleet.
struct ScopedCalendarEvent
{
    qint64 id = 0; // 0 until stored
    QString entity;
    Predict::CalendarEvent event;

    bool appliesTo(const QString &key) const { return entity.isEmpty() || entity == key; }
};

// The `calendar_events` table, read and written on the prediction thread.
namespace CalendarStore {

Result<QList<ScopedCalendarEvent>> load(QSqlDatabase db);
// Returns the stored event with its id.
Result<ScopedCalendarEvent> add(QSqlDatabase db, ScopedCalendarEvent event);
Result<void> remove(QSqlDatabase db, qint64 id);

} // namespace CalendarStore

} // namespace Umbra

Q_DECLARE_METATYPE(Umbra::ScopedCalendarEvent)
