#pragma once

#include "predict/healthreport.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QPointer>
#include <QTimer>

namespace Umbra {

class Engine;
class FleetModel;

// The hosts and VMs most at risk within a horizon (the next hour, day or
// week): those unhealthy now or predicted to be before the horizon ends,
// soonest first, then the lowest scores. Follows the engine's health
// updates, re-ranking at most twice a second.
class RiskModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { NameColumn, HealthColumn, WhenColumn, ReasonColumn, ColumnCount };
    enum Role { EntityRole = Qt::UserRole + 1, UriRole, UuidRole };
    static constexpr int kMaxRows = 12;

    RiskModel(Engine *engine, FleetModel *fleet, QObject *parent = nullptr);

    void setHorizonSeconds(qint64 seconds);
    qint64 horizonSeconds() const { return m_horizonSeconds; }
    // Takes reports without an engine (tests).
    void addReports(const QList<Umbra::HealthReport> &reports);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    void rank();
    QString nameOf(const HealthReport &report) const;
    // Seconds until unhealthy (0 now), or -1 when not within the horizon.
    qint64 dueIn(const HealthReport &report) const;

    QPointer<FleetModel> m_fleet;
    qint64 m_horizonSeconds = 3600;
    QHash<QString, HealthReport> m_latest; // by entity
    QList<HealthReport> m_rows;
    QTimer m_rankTimer;
};

} // namespace Umbra
