#pragma once

class QAbstractItemView;
class QHeaderView;
class QTableView;

// The look every table of the console shares, so the overview, the host's VM
// list and the event log read alike.
namespace Umbra::TableSetup {

void apply(QTableView *view);
// Widths that fit the fleet columns' typical content (e.g. "12.3 GiB / 16.0 GiB")
// without measuring every row, which live updates would make expensive.
void setFleetColumnWidths(QAbstractItemView *view, QHeaderView *header);
int fleetColumnWidth(const QAbstractItemView *view, int column);
// The height that shows the header and `rows` rows without a scroll bar.
int heightForRows(const QTableView *view, int rows);

} // namespace Umbra::TableSetup
