#include "eventlogmodel.h"

#include "elidedlabel.h"
#include "fleet/hosturi.h"
#include "fleetmodel.h"
#include "format.h"
#include "statecolors.h"
#include "util/displaytext.h"

#include <algorithm>

namespace Umbra {

namespace {

bool sameEvent(const EventRecord &a, const EventRecord &b)
{
    return a.timestampMs == b.timestampMs && a.kind == b.kind && a.hostUri == b.hostUri
        && a.vmUuid == b.vmUuid && a.message == b.message;
}

} // namespace

EventLogModel::EventLogModel(const FleetModel *fleet, QObject *parent)
    : QAbstractTableModel(parent)
    , m_fleet(fleet)
{ }

void EventLogModel::setEvents(QList<EventRecord> events)
{
    std::stable_sort(events.begin(), events.end(), [](const EventRecord &a, const EventRecord &b) {
        return a.timestampMs > b.timestampMs;
    });
    if (events.size() > kMaxRows)
        events.resize(kMaxRows);
    beginResetModel();
    m_events = std::move(events);
    endResetModel();
}

void EventLogModel::appendEvent(const EventRecord &event)
{
    // Events arrive nearly in order; find the place from the top.
    int row = 0;
    while (row < m_events.size() && m_events[row].timestampMs > event.timestampMs)
        ++row;
    beginInsertRows({}, row, row);
    m_events.insert(row, event);
    endInsertRows();
    dropOldest();
}

void EventLogModel::appendEvents(QList<EventRecord> events)
{
    if (events.isEmpty())
        return;
    // Newest first; of the same time, the one logged last first, as
    // appendEvent() would have placed them.
    std::reverse(events.begin(), events.end());
    std::stable_sort(events.begin(), events.end(), [](const EventRecord &a, const EventRecord &b) {
        return a.timestampMs > b.timestampMs;
    });
    if (!m_events.isEmpty() && events.last().timestampMs < m_events.first().timestampMs) {
        for (auto it = events.crbegin(); it != events.crend(); ++it)
            appendEvent(*it);
        return;
    }
    if (events.size() > kMaxRows)
        events.resize(kMaxRows);
    beginInsertRows({}, 0, int(events.size()) - 1);
    m_events = std::move(events) + m_events;
    endInsertRows();
    dropOldest();
}

void EventLogModel::dropOldest()
{
    if (m_events.size() > kMaxRows) {
        beginRemoveRows({}, kMaxRows, int(m_events.size()) - 1);
        m_events.resize(kMaxRows);
        endRemoveRows();
    }
}

bool EventLogModel::contains(const EventRecord &event) const
{
    return std::any_of(m_events.cbegin(), m_events.cend(),
                       [&](const EventRecord &other) { return sameEvent(event, other); });
}

int EventLogModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_events.size());
}

int EventLogModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString EventLogModel::vmText(const EventRecord &event) const
{
    if (event.vmUuid.isEmpty())
        return {};
    const QString name = m_fleet ? m_fleet->vmName(event.vmUuid) : QString();
    return name.isEmpty() ? event.vmUuid : name;
}

QVariant EventLogModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const EventRecord &event = m_events[index.row()];
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case TimeColumn:
            return Format::timestamp(event.timestampMs);
        case SeverityColumn:
            return severityName(event.severity);
        case HostColumn:
            return event.hostUri.isEmpty() ? QString() : HostUri::displayName(event.hostUri);
        case VmColumn:
            return vmText(event);
        case MessageColumn:
            return DisplayText::quote(event.message, 1000);
        }
        return {};
    case Qt::DecorationRole:
        return index.column() == SeverityColumn
            ? QVariant(StateColors::dot(StateColors::forSeverity(event.severity)))
            : QVariant();
    case Qt::ToolTipRole:
        if (index.column() == HostColumn)
            return event.hostUri;
        if (index.column() == VmColumn)
            return event.vmUuid;
        return plainToolTip(event.kind.isEmpty() ? event.message
                                                 : tr("%1\n(%2)").arg(event.message, event.kind));
    }
    return {};
}

QVariant EventLogModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case TimeColumn:
        return tr("Time");
    case SeverityColumn:
        return tr("Severity");
    case HostColumn:
        return tr("Host");
    case VmColumn:
        return tr("VM");
    case MessageColumn:
        return tr("Message");
    }
    return {};
}

} // namespace Umbra
