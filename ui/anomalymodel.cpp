#include "anomalymodel.h"

#include "elidedlabel.h"
#include "engine/engine.h"
#include "fleet/hosturi.h"
#include "fleetmodel.h"
#include "util/displaytext.h"

#include <QDateTime>
#include <QFont>
#include <QLocale>
#include <algorithm>

namespace Umbra {

AnomalyModel::AnomalyModel(Engine *engine, const FleetModel *fleet, QObject *parent)
    : QAbstractTableModel(parent)
    , m_engine(engine)
    , m_fleet(fleet)
{
    if (engine) {
        connect(engine->prediction(), &PredictionProxy::anomalyFound, this, &AnomalyModel::onFound);
        connect(engine->prediction(), &PredictionProxy::anomalyChanged, this,
                &AnomalyModel::onChanged);
    }
    reload();
}

void AnomalyModel::reload()
{
    if (!m_engine)
        return;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    m_request.start(this, m_engine->prediction()->anomalies({}, now - kLookBackMs, now),
                    [this](const QList<Anomaly> &anomalies) {
                        beginResetModel();
                        m_rows = anomalies;
                        std::reverse(m_rows.begin(), m_rows.end());
                        if (m_rows.size() > kMaxRows)
                            m_rows.resize(kMaxRows);
                        endResetModel();
                        Q_EMIT openCountChanged(openCount());
                    });
}

int AnomalyModel::openCount() const
{
    return int(std::count_if(m_rows.cbegin(), m_rows.cend(),
                             [](const Anomaly &a) { return a.verdict == AnomalyVerdict::Open; }));
}

void AnomalyModel::onFound(const Anomaly &anomaly)
{
    beginInsertRows({}, 0, 0);
    m_rows.prepend(anomaly);
    endInsertRows();
    if (m_rows.size() > kMaxRows) {
        beginRemoveRows({}, kMaxRows, int(m_rows.size()) - 1);
        m_rows.resize(kMaxRows);
        endRemoveRows();
    }
    Q_EMIT openCountChanged(openCount());
}

void AnomalyModel::onChanged(const Anomaly &anomaly)
{
    for (int row = 0; row < m_rows.size(); ++row) {
        if (m_rows[row].id == anomaly.id) {
            m_rows[row] = anomaly;
            Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
            Q_EMIT openCountChanged(openCount());
            return;
        }
    }
}

QString AnomalyModel::nameOf(const Anomaly &anomaly) const
{
    if (!anomaly.isVm())
        return HostUri::displayName(anomaly.entity.mid(5));
    const QString uuid = anomaly.entity.mid(3);
    const QString name = m_fleet ? m_fleet->vmName(uuid) : QString();
    return name.isEmpty() ? uuid : DisplayText::quote(name, 200);
}

int AnomalyModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int AnomalyModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AnomalyModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const Anomaly &anomaly = m_rows[index.row()];
    switch (role) {
    case IdRole:
        return anomaly.id;
    case EntityRole:
        return anomaly.entity;
    case VerdictRole:
        return int(anomaly.verdict);
    case RawValueRole:
        switch (index.column()) {
        case TimeColumn:
            return anomaly.timeMs;
        case ScoreColumn:
            return anomaly.score;
        default:
            return data(index, Qt::DisplayRole);
        }
    case Qt::DisplayRole:
        switch (index.column()) {
        case TimeColumn:
            return QLocale().toString(QDateTime::fromMSecsSinceEpoch(anomaly.timeMs),
                                      QLocale::ShortFormat);
        case EntityColumn:
            return nameOf(anomaly);
        case ReasonColumn:
            return anomalyReason(anomaly);
        case ScoreColumn:
            return QLocale().toString(anomaly.score, 'f', 2);
        case VerdictColumn:
            return anomalyVerdictName(anomaly.verdict);
        }
        break;
    case Qt::ToolTipRole:
        return plainToolTip(anomalyReason(anomaly));
    case Qt::TextAlignmentRole:
        if (index.column() == ScoreColumn)
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        break;
    case Qt::FontRole:
        if (anomaly.verdict == AnomalyVerdict::Open && index.column() == ReasonColumn) {
            QFont bold;
            bold.setBold(true);
            return bold;
        }
        break;
    default:
        break;
    }
    return {};
}

QVariant AnomalyModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case TimeColumn:
        return tr("When");
    case EntityColumn:
        return tr("VM or host");
    case ReasonColumn:
        return tr("What was unusual");
    case ScoreColumn:
        return tr("Score");
    case VerdictColumn:
        return tr("Verdict");
    }
    return {};
}

} // namespace Umbra
