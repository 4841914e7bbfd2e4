#include "riskpanel.h"

#include "riskmodel.h"
#include "tablesetup.h"

#include <QButtonGroup>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace Umbra {

namespace {

constexpr qint64 kHour = 3600;
constexpr qint64 kDay = 24 * kHour;
constexpr qint64 kWeek = 7 * kDay;

} // namespace

RiskPanel::RiskPanel(Engine *engine, FleetModel *fleet, QWidget *parent)
    : QWidget(parent)
    , m_model(new RiskModel(engine, fleet, this))
{
    auto *title = new QLabel(tr("At risk"), this);
    QFont bold = title->font();
    bold.setBold(true);
    title->setFont(bold);

    auto *header = new QHBoxLayout;
    header->setContentsMargins(0, 0, 0, 0);
    header->setSpacing(0);
    header->addWidget(title);
    header->addSpacing(12);
    m_horizons = new QButtonGroup(this);
    const std::pair<QString, qint64> horizons[]
        = { { tr("Next hour"), kHour }, { tr("Next day"), kDay }, { tr("Next week"), kWeek } };
    for (const auto &[label, seconds] : horizons) {
        auto *button = new QPushButton(label, this);
        button->setCheckable(true);
        button->setChecked(seconds == kHour);
        m_horizons->addButton(button, int(seconds / kHour));
        header->addWidget(button);
    }
    connect(m_horizons, &QButtonGroup::idClicked, this,
            [this](int hours) { setHorizonSeconds(qint64(hours) * kHour); });
    m_empty = new QLabel(this);
    m_empty->setForegroundRole(QPalette::PlaceholderText);
    header->addSpacing(12);
    header->addWidget(m_empty, 1);

    m_view = new QTableView(this);
    m_view->setModel(m_model);
    TableSetup::apply(m_view);
    m_view->setSortingEnabled(false);
    m_view->horizontalHeader()->setStretchLastSection(true);
    const QFontMetrics metrics(font());
    m_view->setColumnWidth(
        RiskModel::NameColumn,
        metrics.horizontalAdvance(QStringLiteral("web-frontend-01 on rack1-kvm01")) + 24);
    m_view->setColumnWidth(RiskModel::HealthColumn,
                           metrics.horizontalAdvance(QStringLiteral("Health")) + 40);
    m_view->setColumnWidth(RiskModel::WhenColumn,
                           metrics.horizontalAdvance(QStringLiteral("within about 23 hours")) + 16);
    connect(m_view, &QTableView::activated, this, [this](const QModelIndex &index) {
        const QString uuid = index.data(RiskModel::UuidRole).toString();
        const QString uri = index.data(RiskModel::UriRole).toString();
        if (uuid.isEmpty())
            Q_EMIT hostActivated(uri);
        else
            Q_EMIT vmActivated(uri, uuid);
    });
    connect(m_model, &QAbstractItemModel::modelReset, this, &RiskPanel::updateEmptyNote);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    layout->addLayout(header);
    layout->addWidget(m_view, 1);
    updateEmptyNote();
}

void RiskPanel::setHorizonSeconds(qint64 seconds)
{
    if (QAbstractButton *button = m_horizons->button(int(seconds / kHour)))
        button->setChecked(true);
    m_model->setHorizonSeconds(seconds);
}

void RiskPanel::updateEmptyNote()
{
    m_empty->setText(m_model->rowCount() == 0
                         ? tr("Nothing is unhealthy or forecast to become unhealthy in this time.")
                         : QString());
}

} // namespace Umbra
