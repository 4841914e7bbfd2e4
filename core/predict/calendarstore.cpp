#include "predict/calendarstore.h"

#include "store/sqlvalues.h"

#include <QCoreApplication>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace Umbra::CalendarStore {

namespace {

Error failure(const QSqlQuery &query)
{
    return Error{ QCoreApplication::translate("Umbra::CalendarStore",
                                              "The calendar of known events: %1")
                      .arg(query.lastError().text()) };
}

} // namespace

Result<QList<ScopedCalendarEvent>> load(QSqlDatabase db)
{
    QSqlQuery query(db);
    if (!query.exec(QStringLiteral("SELECT id, entity, name, start_ms, end_ms, recurrence "
                                   "FROM calendar_events ORDER BY start_ms, id")))
        return failure(query);
    QList<ScopedCalendarEvent> events;
    while (query.next()) {
        ScopedCalendarEvent e;
        e.id = query.value(0).toLongLong();
        e.entity = query.value(1).toString();
        e.event.name = query.value(2).toString();
        e.event.startMs = query.value(3).toLongLong();
        e.event.endMs = query.value(4).toLongLong();
        const int recurrence = query.value(5).toInt();
        e.event.recurrence = recurrence == 1 ? Predict::CalendarEvent::Recurrence::Daily
            : recurrence == 2                ? Predict::CalendarEvent::Recurrence::Weekly
                                             : Predict::CalendarEvent::Recurrence::None;
        events.append(e);
    }
    return events;
}

Result<ScopedCalendarEvent> add(QSqlDatabase db, ScopedCalendarEvent event)
{
    if (event.event.name.trimmed().isEmpty() || event.event.endMs <= event.event.startMs)
        return Error{ QCoreApplication::translate(
            "Umbra::CalendarStore", "A known event needs a name and an end after its start.") };
    QSqlQuery query(db);
    query.prepare(QStringLiteral("INSERT INTO calendar_events (entity, name, start_ms, end_ms, "
                                 "recurrence) VALUES (?, ?, ?, ?, ?)"));
    // A null QString would bind as NULL; no entity means every entity.
    query.addBindValue(SqlValues::text(event.entity));
    query.addBindValue(event.event.name.trimmed());
    query.addBindValue(event.event.startMs);
    query.addBindValue(event.event.endMs);
    query.addBindValue(int(event.event.recurrence));
    if (!query.exec())
        return failure(query);
    event.id = query.lastInsertId().toLongLong();
    event.event.name = event.event.name.trimmed();
    return event;
}

Result<void> remove(QSqlDatabase db, qint64 id)
{
    QSqlQuery query(db);
    query.prepare(QStringLiteral("DELETE FROM calendar_events WHERE id = ?"));
    query.addBindValue(id);
    if (!query.exec())
        return failure(query);
    return {};
}

} // namespace Umbra::CalendarStore
