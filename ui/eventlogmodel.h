#pragma once

#include "fleet/eventrecord.h"

#include <QAbstractTableModel>
#include <QList>
#include <QPointer>

namespace Umbra {

class FleetModel;

// The event log, newest first, capped so a long-running console does not grow
// without bound (older events stay in the store).
class EventLogModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { TimeColumn, SeverityColumn, HostColumn, VmColumn, MessageColumn, ColumnCount };
    static constexpr int kMaxRows = 5000;

    // `fleet` (optional) turns VM UUIDs into names.
    explicit EventLogModel(const FleetModel *fleet = nullptr, QObject *parent = nullptr);

    // Replaces the contents; `events` in any order.
    void setEvents(QList<EventRecord> events);
    void appendEvent(const EventRecord &event);
    // Several at once, in the order they were logged: newer than everything
    // shown (as a rule), they go in as one insertion at the top.
    void appendEvents(QList<EventRecord> events);
    bool contains(const EventRecord &event) const;
    const EventRecord &record(int row) const { return m_events.at(row); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QString vmText(const EventRecord &event) const;
    // Past kMaxRows, the oldest go.
    void dropOldest();

    QPointer<const FleetModel> m_fleet;
    QList<EventRecord> m_events; // newest first
};

} // namespace Umbra
