#pragma once

#include "predict/calendarevent.h"

#include <QMetaType>
#include <QString>

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

} // namespace Umbra

Q_DECLARE_METATYPE(Umbra::ScopedCalendarEvent)
