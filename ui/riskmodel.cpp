#include "riskmodel.h"

#include "engine/engine.h"
#include "fleet/hosturi.h"
#include "fleetmodel.h"
#include "healthtext.h"
#include "statecolors.h"
#include "util/displaytext.h"

#include <algorithm>

namespace Umbra {

RiskModel::RiskModel(Engine *engine, FleetModel *fleet, QObject *parent)
    : QAbstractTableModel(parent)
    , m_fleet(fleet)
{
    m_rankTimer.setSingleShot(true);
    m_rankTimer.setInterval(500);
    connect(&m_rankTimer, &QTimer::timeout, this, &RiskModel::rank);
    if (engine) {
        const FleetState *inventory = engine->fleet()->state();
        addReports(engine->prediction()->healthReports());
        connect(engine->prediction(), &PredictionProxy::healthUpdated, this,
                &RiskModel::addReports);
        connect(inventory, &FleetState::vmRemoved, this,
                [this](const QString &uri, const QString &uuid) {
                    const QString entity = QStringLiteral("vm/") + uuid;
                    if (const auto found = m_latest.constFind(entity);
                        found != m_latest.cend() && found->uri == uri)
                        m_latest.erase(found);
                    m_rankTimer.start();
                });
        connect(inventory, &FleetState::hostRemoved, this, [this](const QString &uri) {
            m_latest.removeIf([&uri](const std::pair<const QString &, HealthReport &> &entry) {
                return entry.second.uri == uri;
            });
            m_rankTimer.start();
        });
    }
}

void RiskModel::setHorizonSeconds(qint64 seconds)
{
    m_horizonSeconds = seconds;
    rank();
}

void RiskModel::addReports(const QList<HealthReport> &reports)
{
    for (const HealthReport &report : reports)
        m_latest.insert(report.entity, report);
    if (!m_rankTimer.isActive())
        m_rankTimer.start();
}

qint64 RiskModel::dueIn(const HealthReport &report) const
{
    if (report.health.unhealthyNow)
        return 0;
    if (report.health.unhealthyWithinSeconds
        && *report.health.unhealthyWithinSeconds <= m_horizonSeconds)
        return *report.health.unhealthyWithinSeconds;
    return -1;
}

void RiskModel::rank()
{
    m_rankTimer.stop();
    QList<HealthReport> rows;
    for (const HealthReport &report : std::as_const(m_latest)) {
        if (dueIn(report) >= 0)
            rows.append(report);
    }
    std::sort(rows.begin(), rows.end(), [this](const HealthReport &a, const HealthReport &b) {
        const qint64 da = dueIn(a);
        const qint64 db = dueIn(b);
        if (da != db)
            return da < db;
        if (a.health.score != b.health.score)
            return a.health.score < b.health.score;
        return a.entity < b.entity;
    });
    if (rows.size() > kMaxRows)
        rows.resize(kMaxRows);
    beginResetModel();
    m_rows = rows;
    endResetModel();
}

QString RiskModel::nameOf(const HealthReport &report) const
{
    if (!report.isVm())
        return HostUri::displayName(report.uri);
    const QString name = m_fleet ? m_fleet->vmName(report.uuid) : QString();
    return tr("%1 on %2")
        .arg(name.isEmpty() ? report.uuid : DisplayText::quote(name, 200),
             HostUri::displayName(report.uri));
}

int RiskModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int RiskModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant RiskModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const HealthReport &report = m_rows[index.row()];
    switch (role) {
    case EntityRole:
        return report.entity;
    case UriRole:
        return report.uri;
    case UuidRole:
        return report.uuid;
    case Qt::ToolTipRole:
        return HealthText::breakdown(report);
    case Qt::DecorationRole:
        return index.column() == HealthColumn
            ? QVariant(StateColors::dot(HealthText::color(report.health, m_horizonSeconds)))
            : QVariant();
    case Qt::DisplayRole:
        break;
    default:
        return {};
    }
    switch (index.column()) {
    case NameColumn:
        return nameOf(report);
    case HealthColumn:
        return report.health.score;
    case WhenColumn: {
        const qint64 due = dueIn(report);
        return due == 0 ? tr("now") : tr("within %1").arg(Predict::approximateDuration(due));
    }
    case ReasonColumn:
        return Predict::flagReason(report.health);
    }
    return {};
}

QVariant RiskModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Host or VM");
    case HealthColumn:
        return tr("Health");
    case WhenColumn:
        return tr("Unhealthy");
    case ReasonColumn:
        return tr("Main reason");
    }
    return {};
}

} // namespace Umbra
