#include "trafficmodel.h"

#include "format.h"
#include "statecolors.h"

#include <QColor>
#include <cmath>

namespace Umbra {

TrafficModel::TrafficModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

void TrafficModel::setView(const Traffic::BalancerView &view, const QString &backend)
{
    QList<Traffic::ServerStat> servers;
    for (const Traffic::ServerStat &s : view.stats) {
        if (!s.isBackend && s.ref.backend == backend)
            servers.append(s);
    }
    int sum = 0;
    for (const Traffic::ServerStat &s : std::as_const(servers))
        sum += std::max(0, s.weight);

    bool same = view.balancer.name == m_balancer && backend == m_backend
        && servers.size() == m_servers.size();
    for (qsizetype i = 0; same && i < servers.size(); ++i)
        same = servers[i].ref == m_servers[i].ref;
    if (same) {
        m_servers = servers;
        m_weightSum = sum;
        if (!m_servers.isEmpty())
            Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
        return;
    }
    beginResetModel();
    m_balancer = view.balancer.name;
    m_backend = backend;
    m_servers = servers;
    m_weightSum = sum;
    endResetModel();
}

void TrafficModel::clear()
{
    beginResetModel();
    m_balancer.clear();
    m_backend.clear();
    m_servers.clear();
    m_weightSum = 0;
    endResetModel();
}

double TrafficModel::shareOf(int row) const
{
    if (row < 0 || row >= m_servers.size() || m_weightSum <= 0)
        return std::nan("");
    return 100.0 * std::max(0, m_servers[row].weight) / m_weightSum;
}

int TrafficModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_servers.size());
}

int TrafficModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant TrafficModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Traffic::ServerStat &s = m_servers[index.row()];
    const double share = shareOf(index.row());
    if (role == ServerRole)
        return s.ref.server;
    if (role == Qt::DecorationRole && index.column() == StateColumn)
        return StateColors::dot(StateColors::forServer(s.status));
    if (role == Qt::TextAlignmentRole && index.column() >= WeightColumn
        && index.column() <= ResponseColumn)
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::ToolTipRole) {
        switch (index.column()) {
        case ShareColumn:
            return tr("Weight %1 of %2 in backend %3")
                .arg(s.weight)
                .arg(m_weightSum)
                .arg(m_backend);
        case ErrorsColumn:
            return tr("%1 server errors (5xx), %2 connection errors, %3 response errors since "
                      "HAProxy started")
                .arg(s.responses5xx)
                .arg(s.connectionErrors)
                .arg(s.responseErrors);
        case ResponseColumn:
            return tr("Average over the last 1024 requests");
        case RateColumn:
            return tr("Sessions per second over the last second");
        default:
            return {};
        }
    }
    if (role == RawValueRole) {
        switch (index.column()) {
        case ServerColumn:
            return s.ref.server.toLower();
        case StateColumn:
            return s.status;
        case WeightColumn:
            return s.weight;
        case ShareColumn:
            return share;
        case SessionsColumn:
            return s.currentSessions;
        case RateColumn:
            return s.requestRate;
        case ErrorsColumn:
            return s.errors();
        case ResponseColumn:
            return s.responseTimeMs;
        case AddressColumn:
            return s.address;
        }
        return {};
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case ServerColumn:
        return s.ref.server;
    case StateColumn:
        return s.status;
    case WeightColumn:
        return s.weight;
    case ShareColumn:
        return std::isnan(share) ? Format::missing() : Format::percent(share);
    case SessionsColumn:
        return s.currentSessions;
    case RateColumn:
        return tr("%1/s").arg(s.requestRate, 0, 'f', 0);
    case ErrorsColumn:
        return QString::number(s.errors());
    case ResponseColumn:
        return tr("%1 ms").arg(s.responseTimeMs, 0, 'f', 0);
    case AddressColumn:
        return s.address;
    }
    return {};
}

QVariant TrafficModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case ServerColumn:
        return tr("Server");
    case StateColumn:
        return tr("State");
    case WeightColumn:
        return tr("Weight");
    case ShareColumn:
        return tr("Share");
    case SessionsColumn:
        return tr("Sessions");
    case RateColumn:
        return tr("Requests");
    case ErrorsColumn:
        return tr("Errors");
    case ResponseColumn:
        return tr("Response");
    case AddressColumn:
        return tr("Address");
    }
    return {};
}

} // namespace Umbra
