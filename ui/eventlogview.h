#pragma once

#include "fleet/eventrecord.h"

#include <QList>
#include <QPointer>
#include <QTableView>

namespace Umbra {

class Engine;
class EventLogModel;
class FleetModel;

// The event log table: loads the latest events from the store in the
// background, then follows EventLog::eventLogged. Events logged while the load
// is in flight are merged without duplicates.
class EventLogView : public QTableView
{
    Q_OBJECT

public:
    EventLogView(Engine *engine, const FleetModel *fleet, QWidget *parent = nullptr);

    static constexpr int kInitialEvents = 500;
    EventLogModel *eventModel() const { return m_model; }
    bool isLoading() const { return m_loading; }

private:
    void onEventLogged(const EventRecord &event);
    void onLoaded(const QList<EventRecord> &events);

    EventLogModel *m_model = nullptr;
    QList<EventRecord> m_pending; // arrived while loading
    bool m_loading = true;
};

} // namespace Umbra
