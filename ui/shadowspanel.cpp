#include "shadowspanel.h"

#include "fleet/hosturi.h"
#include "format.h"
#include "shadow/shadowservice.h"
#include "tablesetup.h"
#include "validationschedulebox.h"

#include <QDateTime>
#include <QDialog>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace Umbra {

namespace {

enum Column {
    VmColumn,
    PrimaryColumn,
    ShadowColumn,
    StateColumn,
    SyncColumn,
    LatencyColumn,
    SeedsColumn,
    ReservedColumn,
    ValidationColumn,
    ScheduleColumn,
    NoteColumn,
    ColumnCount
};

// How far behind the shadow is: nothing once in sync (every write is
// mirrored before it completes); while seeding, what is left to copy.
QString syncText(const Shadow::ShadowRecord &s)
{
    if (s.state == Shadow::State::InSync && s.syncedMs > 0)
        return ShadowsPanel::tr("nothing behind, since %1")
            .arg(QDateTime::fromMSecsSinceEpoch(s.syncedMs)
                     .toString(QStringLiteral("yyyy-MM-dd HH:mm")));
    if (s.state == Shadow::State::Seeding && s.copyBytes > 0) {
        const QString copied
            = ShadowsPanel::tr("%1 % copied, %2 to go")
                  .arg(100.0 * double(s.copiedBytes) / double(s.copyBytes), 0, 'f', 0)
                  .arg(Format::bytes(double(s.copyBytes - s.copiedBytes)));
        return s.seedEtaS >= 0 ? ShadowsPanel::tr("%1, about %2 s left").arg(copied).arg(s.seedEtaS)
                               : copied;
    }
    return QStringLiteral("—");
}

// What replication costs the primary's writes: before it began → now.
QString latencyText(const Shadow::ShadowRecord &s)
{
    const auto ms = [](double value) {
        return value >= 0 ? QString::number(value, 'f', 2) : QStringLiteral("?");
    };
    if (s.writeLatencyBeforeMs < 0 && s.writeLatencyMs < 0)
        return QStringLiteral("—");
    return ShadowsPanel::tr("%1 → %2 ms").arg(ms(s.writeLatencyBeforeMs), ms(s.writeLatencyMs));
}

} // namespace

ShadowsPanel::ShadowsPanel(Shadow::ShadowService *shadows, QWidget *parent)
    : QWidget(parent)
    , m_shadows(shadows)
{
    m_table = new QTableWidget(0, ColumnCount, this);
    m_table->setHorizontalHeaderLabels({ tr("VM"), tr("Primary host"), tr("Shadow host"),
                                         tr("State"), tr("Sync"), tr("Write latency"), tr("Seeded"),
                                         tr("Reserved"), tr("Last validation"), tr("Validated"),
                                         tr("Note") });
    TableSetup::apply(m_table);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_empty = new QLabel(tr("No VM has a shadow. Create one from a VM's page (Create shadow…) "
                            "once a host is in a shadow pool (File → Pools…)."),
                         this);
    m_empty->setWordWrap(true);
    m_schedule = new QPushButton(tr("Schedule…"), this);
    m_schedule->setToolTip(tr("How often the shadow is validated by itself"));
    connect(m_schedule, &QPushButton::clicked, this, &ShadowsPanel::editSchedule);
    m_failover = new QPushButton(tr("Fail over…"), this);
    m_failover->setToolTip(tr("Start the shadow in its primary's place"));
    m_remove = new QPushButton(tr("Remove…"), this);
    m_remove->setToolTip(tr("End the replication and delete the shadow; the primary is "
                            "untouched"));
    connect(m_failover, &QPushButton::clicked, this,
            [this] { Q_EMIT failoverRequested(selectedUuid()); });
    connect(m_remove, &QPushButton::clicked, this,
            [this] { Q_EMIT removeRequested(selectedUuid()); });
    connect(m_table, &QTableWidget::itemSelectionChanged, this, &ShadowsPanel::updateButtons);

    auto *buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(m_schedule);
    buttons->addWidget(m_failover);
    buttons->addWidget(m_remove);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_empty);
    layout->addWidget(m_table, 1);
    layout->addLayout(buttons);

    if (m_shadows)
        connect(m_shadows, &Shadow::ShadowService::shadowsChanged, this, &ShadowsPanel::fill);
    fill();
}

void ShadowsPanel::fill()
{
    const QString selected = selectedUuid();
    const QList<Shadow::ShadowRecord> shadows
        = m_shadows ? m_shadows->shadows() : QList<Shadow::ShadowRecord>{};
    // Filled unsorted: a sorted table would move each row as its first cell lands.
    m_table->setSortingEnabled(false);
    m_table->setRowCount(int(shadows.size()));
    for (int row = 0; row < shadows.size(); ++row) {
        const Shadow::ShadowRecord &s = shadows[row];
        const QString simulated = m_shadows->simulation(s);
        const QStringList cells = {
            s.primaryName,
            HostUri::displayName(s.primaryUri),
            HostUri::displayName(s.shadowUri),
            Shadow::stateLabel(s.state),
            syncText(s),
            latencyText(s),
            tr("%n time(s)", nullptr, s.seeds),
            tr("%1, %n vCPU(s)", nullptr, s.vcpus).arg(Format::kib(double(s.memoryKiB))),
            !s.lastValidation ? tr("never")
                : s.lastValidation->passed
                ? tr("passed %1")
                      .arg(QDateTime::fromMSecsSinceEpoch(s.lastValidation->startedMs)
                               .toString(QStringLiteral("MM-dd HH:mm")))
                : tr("failed: %1").arg(s.lastValidation->reason),
            ValidationScheduleBox::describe(s.validateEveryH, m_shadows->validationIntervalH()),
            simulated.isEmpty() ? s.reason : tr("Simulated: %1").arg(s.reason),
        };
        for (int column = 0; column < ColumnCount; ++column) {
            auto *item = new QTableWidgetItem(cells[column]);
            item->setData(Qt::UserRole, s.primaryUuid);
            item->setToolTip(column == NoteColumn && !simulated.isEmpty() ? simulated
                                 : column == LatencyColumn
                                 ? tr("The primary's mean write time before replication began, "
                                      "and with every write mirrored to the shadow, over the "
                                      "last check")
                                 : cells[column]);
            m_table->setItem(row, column, item);
        }
        if (s.primaryUuid == selected)
            m_table->selectRow(row);
    }
    m_table->setSortingEnabled(true);
    m_table->resizeColumnsToContents();
    m_table->setVisible(!shadows.isEmpty());
    m_empty->setVisible(shadows.isEmpty());
    updateButtons();
}

void ShadowsPanel::updateButtons()
{
    const QString uuid = selectedUuid();
    const auto shadow = m_shadows && !uuid.isEmpty() ? m_shadows->shadowOf(uuid) : std::nullopt;
    const bool idle = shadow && !m_shadows->isBusy(uuid);
    m_failover->setEnabled(idle && shadow->state == Shadow::State::InSync);
    m_remove->setEnabled(idle && shadow->state != Shadow::State::FailedOver);
    m_schedule->setEnabled(shadow && shadow->state != Shadow::State::FailedOver);
}

void ShadowsPanel::editSchedule()
{
    const QString uuid = selectedUuid();
    const auto shadow = m_shadows && !uuid.isEmpty() ? m_shadows->shadowOf(uuid) : std::nullopt;
    if (!shadow)
        return;
    auto *dialog = new QDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("Validation of %1's shadow").arg(shadow->primaryName));
    auto *intro = new QLabel(tr("A validation boots a throw-away copy of %1 from a "
                                "point-in-time image of its replicas, without network, and "
                                "removes it again. A failed one lowers %1's health score.")
                                 .arg(shadow->primaryName),
                             dialog);
    intro->setWordWrap(true);
    auto *box = new ValidationScheduleBox(m_shadows->validationIntervalH(), dialog);
    box->setValue(shadow->validateEveryH);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, dialog);
    connect(buttons, &QDialogButtonBox::accepted, dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::reject);
    connect(dialog, &QDialog::accepted, this,
            [this, box, uuid] { m_shadows->setValidationInterval(uuid, box->value()); });
    auto *layout = new QVBoxLayout(dialog);
    layout->addWidget(intro);
    layout->addWidget(box);
    layout->addWidget(buttons);
    dialog->open();
}

QString ShadowsPanel::selectedUuid() const
{
    const QList<QTableWidgetItem *> items = m_table->selectedItems();
    return items.isEmpty() ? QString() : items.first()->data(Qt::UserRole).toString();
}

QStringList ShadowsPanel::primaries() const
{
    QStringList uuids;
    for (int row = 0; row < m_table->rowCount(); ++row)
        uuids.append(m_table->item(row, VmColumn)->data(Qt::UserRole).toString());
    return uuids;
}

} // namespace Umbra
