#pragma once

#include <QSortFilterProxyModel>

namespace Umbra {

// Sorts the fleet on FleetModel::RawValueRole (numbers as numbers, figures the
// host did not report last) and filters by name, case-insensitively: a host
// stays when it or any of its VMs matches, and a matching host keeps its VMs.
class FleetSortProxy : public QSortFilterProxyModel
{
    Q_OBJECT

public:
    explicit FleetSortProxy(QObject *parent = nullptr);

protected:
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;
};

} // namespace Umbra
