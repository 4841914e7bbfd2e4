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

void setFleetColumnWidths(QAbstractItemView *view, QHeaderView *header)
{
    const QFontMetrics metrics(view->font());
    const int pad = 28; // margins, sort indicator and the state dot
    const auto width = [&](const QString &sample) {
        return metrics.horizontalAdvance(sample) + pad;
    };
    header->resizeSection(FleetModel::NameColumn, width(QStringLiteral("web-frontend-01.example")));
    header->resizeSection(FleetModel::StateColumn, width(QStringLiteral("shutting down")));
    header->resizeSection(FleetModel::CpuColumn, width(QStringLiteral("100.0 %")));
    header->resizeSection(FleetModel::MemoryColumn, width(QStringLiteral("999.9 GiB / 999.9 GiB")));
    header->resizeSection(FleetModel::VcpuColumn, width(QStringLiteral("vCPUs")));
}

} // namespace Umbra::TableSetup
