#pragma once

#include "latestrequest.h"
#include "predict/anomaly.h"

#include <QAbstractTableModel>
#include <QPointer>

namespace Umbra {

class Engine;
class FleetModel;

// The anomalies of the whole fleet, newest first: what the detectors found
// in the last week and what operators said about each. New anomalies and
// verdicts arrive from the engine as they happen.
class AnomalyModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { TimeColumn, EntityColumn, ReasonColumn, ScoreColumn, VerdictColumn, ColumnCount };
    enum Role { IdRole = Qt::UserRole + 1, EntityRole, VerdictRole, RawValueRole };
    static constexpr qint64 kLookBackMs = 7 * 24 * 3600 * 1000LL;
    static constexpr int kMaxRows = 2000;

    AnomalyModel(Engine *engine, const FleetModel *fleet, QObject *parent = nullptr);

    void reload();
    const Anomaly &anomalyAt(int row) const { return m_rows[row]; }
    int openCount() const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

Q_SIGNALS:
    void openCountChanged(int open);

private:
    void onFound(const Anomaly &anomaly);
    void onChanged(const Anomaly &anomaly);
    QString nameOf(const Anomaly &anomaly) const;

    QPointer<Engine> m_engine;
    const FleetModel *m_fleet;
    QList<Anomaly> m_rows; // newest first
    LatestRequest m_request;
};

} // namespace Umbra
