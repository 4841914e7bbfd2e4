#include "anomaliespanel.h"

#include "anomalymodel.h"
#include "engine/engine.h"
#include "tablesetup.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

namespace Umbra {

AnomaliesPanel::AnomaliesPanel(Engine *engine, const FleetModel *fleet, QWidget *parent)
    : QWidget(parent)
    , m_engine(engine)
{
    m_model = new AnomalyModel(engine, fleet, this);
    m_sorted = new QSortFilterProxyModel(this);
    m_sorted->setSourceModel(m_model);
    m_sorted->setSortRole(AnomalyModel::RawValueRole);

    m_view = new QTableView(this);
    m_view->setModel(m_sorted);
    TableSetup::apply(m_view);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(AnomalyModel::TimeColumn, Qt::DescendingOrder);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    QHeaderView *header = m_view->horizontalHeader();
    header->setSectionResizeMode(AnomalyModel::ReasonColumn, QHeaderView::Stretch);
    for (int column : { int(AnomalyModel::TimeColumn), int(AnomalyModel::EntityColumn),
                        int(AnomalyModel::ScoreColumn), int(AnomalyModel::VerdictColumn) })
        header->setSectionResizeMode(column, QHeaderView::ResizeToContents);

    m_falseAlarm = new QPushButton(tr("False alarm"), this);
    m_falseAlarm->setToolTip(
        tr("Nothing was wrong: this series' detector needs a clearer signal from now on."));
    m_expected = new QPushButton(tr("Expected"), this);
    m_expected->setToolTip(
        tr("Real but planned (a deploy, a batch job): the new level becomes normal."));
    m_reopen = new QPushButton(tr("Reopen"), this);
    m_reopen->setToolTip(tr("Take back the verdict."));
    connect(m_falseAlarm, &QPushButton::clicked, this,
            [this] { judgeSelected(AnomalyVerdict::FalseAlarm); });
    connect(m_expected, &QPushButton::clicked, this,
            [this] { judgeSelected(AnomalyVerdict::Expected); });
    connect(m_reopen, &QPushButton::clicked, this, [this] { judgeSelected(AnomalyVerdict::Open); });

    auto *hint = new QLabel(tr("Each series learns for a day before it reports. Open anomalies "
                               "count against health for an hour. Verdicts are kept and tune the "
                               "detector of that series."),
                            this);
    hint->setWordWrap(true);
    hint->setForegroundRole(QPalette::PlaceholderText);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(hint, 1);
    buttons->addWidget(m_falseAlarm);
    buttons->addWidget(m_expected);
    buttons->addWidget(m_reopen);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_view, 1);
    layout->addLayout(buttons);

    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &AnomaliesPanel::updateButtons);
    connect(m_model, &QAbstractItemModel::dataChanged, this, &AnomaliesPanel::updateButtons);
    connect(m_model, &QAbstractItemModel::modelReset, this, &AnomaliesPanel::updateButtons);
    connect(m_model, &AnomalyModel::openCountChanged, this, &AnomaliesPanel::openCountChanged);
    updateButtons();
}

void AnomaliesPanel::judgeSelected(AnomalyVerdict verdict)
{
    if (!m_engine)
        return;
    for (const QModelIndex &index : m_view->selectionModel()->selectedRows()) {
        const QModelIndex source = m_sorted->mapToSource(index);
        const Anomaly &anomaly = m_model->anomalyAt(source.row());
        if (anomaly.verdict != verdict)
            m_engine->prediction()->setAnomalyVerdict(anomaly.id, verdict);
    }
}

void AnomaliesPanel::updateButtons()
{
    bool anyOpen = false, anyJudged = false;
    for (const QModelIndex &index : m_view->selectionModel()->selectedRows()) {
        const auto verdict = AnomalyVerdict(index.data(AnomalyModel::VerdictRole).toInt());
        (verdict == AnomalyVerdict::Open ? anyOpen : anyJudged) = true;
    }
    m_falseAlarm->setEnabled(anyOpen || anyJudged);
    m_expected->setEnabled(anyOpen || anyJudged);
    m_reopen->setEnabled(anyJudged);
}

} // namespace Umbra
