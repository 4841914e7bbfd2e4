#pragma once

#include "fleet/eventrecord.h"

#include <QList>
#include <QPointer>
#include <QTableView>

class QTimer;

namespace Umbra {

class Engine;
class EventLogModel;
class FleetModel;

// The event log table: loads the latest events from the store in the
// background, then follows EventLog::eventLogged. Events logged while the load
// is in flight are merged without duplicates. Live events are shown in
// batches a fifth of a second apart: a large fleet logs in bursts (a restart
// connects 200 hosts, a storm flags thousands of VMs), and a table that took
// each on its own repainted fifty times a second.
class EventLogView : public QTableView
{
    Q_OBJECT

public:
    EventLogView(Engine *engine, const FleetModel *fleet, QWidget *parent = nullptr);

    static constexpr int kInitialEvents = 500;
    static constexpr int kInsertIntervalMs = 200;
    EventLogModel *eventModel() const { return m_model; }
    bool isLoading() const { return m_loading; }

private:
    void onEventLogged(const EventRecord &event);
    void onLoaded(const QList<EventRecord> &events);

    EventLogModel *m_model = nullptr;
    QList<EventRecord> m_pending; // arrived while loading
    QList<EventRecord> m_arriving; // arrived since the last insertion
    QTimer *m_insert = nullptr;
    bool m_loading = true;
};

} // namespace Umbra
