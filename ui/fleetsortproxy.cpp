#include "fleetsortproxy.h"

#include "fleetmodel.h"

#include <cmath>

namespace Umbra {

FleetSortProxy::FleetSortProxy(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setSortRole(FleetModel::RawValueRole);
    setFilterKeyColumn(FleetModel::NameColumn);
    setFilterCaseSensitivity(Qt::CaseInsensitive);
    setSortCaseSensitivity(Qt::CaseInsensitive);
    setRecursiveFilteringEnabled(true);
    setAutoAcceptChildRows(true);
}

bool FleetSortProxy::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    const QVariant a = left.data(FleetModel::RawValueRole);
    const QVariant b = right.data(FleetModel::RawValueRole);
    const bool numeric = a.typeId() != QMetaType::QString && b.typeId() != QMetaType::QString;
    if (!numeric)
        return QString::localeAwareCompare(a.toString(), b.toString()) < 0;

    const double x = a.toDouble();
    const double y = b.toDouble();
    // Unknown figures sort after every known one, in either order; NaN compares
    // false with everything, which would otherwise break the sort's ordering.
    const bool xKnown = std::isfinite(x);
    const bool yKnown = std::isfinite(y);
    if (xKnown != yKnown)
        return xKnown == (sortOrder() == Qt::AscendingOrder);
    if (!xKnown)
        return false;
    return x < y;
}

} // namespace Umbra
