#pragma once

#include "traffic/trafficservice.h"

#include <QAbstractTableModel>

namespace Umbra {

// The servers of one backend of one load balancer as the last read of its
// statistics found them: HAProxy's state, the weight and the share of the
// backend's requests it gives, current sessions, request rate, errors and
// response time. A new read replaces the figures in place when the servers
// are the same, so the selection stays.
class TrafficModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column {
        ServerColumn,
        StateColumn,
        WeightColumn,
        ShareColumn,
        SessionsColumn,
        RateColumn,
        ErrorsColumn,
        ResponseColumn,
        AddressColumn,
        ColumnCount
    };
    enum Role {
        RawValueRole = Qt::UserRole + 1, // numbers for sorting
        ServerRole, // the server's name
    };

    explicit TrafficModel(QObject *parent = nullptr);

    // Shows `backend` of `view`; an unknown backend shows no rows.
    void setView(const Traffic::BalancerView &view, const QString &backend);
    void clear();

    QString balancer() const { return m_balancer; }
    QString backend() const { return m_backend; }
    QList<Traffic::ServerStat> servers() const { return m_servers; }
    // The server's share of the backend's requests by weight, in % (NaN when
    // every weight is 0).
    double shareOf(int row) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QString m_balancer;
    QString m_backend;
    QList<Traffic::ServerStat> m_servers;
    int m_weightSum = 0;
};

} // namespace Umbra
