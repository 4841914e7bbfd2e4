#include "tablesetup.h"

#include "fleetmodel.h"

#include <QFontMetrics>
#include <QHeaderView>
#include <QTableView>

namespace Umbra::TableSetup {

void apply(QTableView *view)
{
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setSelectionMode(QAbstractItemView::SingleSelection);
    view->setAlternatingRowColors(true);
    view->setSortingEnabled(true);
    view->setShowGrid(false);
    view->setWordWrap(false);
    view->verticalHeader()->hide();
    const int rowHeight = view->fontMetrics().height() + 8;
    view->verticalHeader()->setDefaultSectionSize(rowHeight);
    view->verticalHeader()->setMinimumSectionSize(rowHeight);
    view->horizontalHeader()->setHighlightSections(false);
    view->horizontalHeader()->setStretchLastSection(true);
    view->horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
}

int fleetColumnWidth(const QAbstractItemView *view, int column)
{
    const QFontMetrics metrics(view->font());
    const int pad = 32; // margins, sort indicator and the state dot
    const auto width
        = [&](const QString &sample) { return metrics.horizontalAdvance(sample) + pad; };
    switch (column) {
    case FleetModel::NameColumn:
        return width(QStringLiteral("web-frontend-01.example"));
    case FleetModel::StateColumn:
        return width(QStringLiteral("shutting down"));
    case FleetModel::HealthColumn:
        return width(QStringLiteral("Health"));
    case FleetModel::CpuColumn:
        return width(QStringLiteral("100.0 %"));
    case FleetModel::MemoryColumn:
        return width(QStringLiteral("999.9 / 999.9 GiB"));
    case FleetModel::VcpuColumn:
        return width(QStringLiteral("CPUs"));
    }
    return width(QStringLiteral("persistent · 2 disks · 2 NICs"));
}

int heightForRows(const QTableView *view, int rows)
{
    return view->horizontalHeader()->sizeHint().height()
        + view->verticalHeader()->defaultSectionSize() * rows + 2 * view->frameWidth() + 2;
}

void setFleetColumnWidths(QAbstractItemView *view, QHeaderView *header)
{
    for (int column = 0; column < FleetModel::InfoColumn; ++column)
        header->resizeSection(column, fleetColumnWidth(view, column));
}

} // namespace Umbra::TableSetup
