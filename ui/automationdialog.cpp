#include "automationdialog.h"

#include "engine/engine.h"
#include "engine/policyservice.h"
#include "engine/poolservice.h"
#include "tablesetup.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QSpinBox>
#include <QTableWidget>
#include <QTimeEdit>
#include <QVBoxLayout>

namespace Umbra {

namespace {

constexpr int kInherit = -1; // a pool or VM without a level of its own

QComboBox *levelCombo(QWidget *parent, const QString &inherit)
{
    auto *combo = new QComboBox(parent);
    if (!inherit.isEmpty())
        combo->addItem(inherit, kInherit);
    for (Policy::AutomationLevel level :
         { Policy::AutomationLevel::Off, Policy::AutomationLevel::Manual,
           Policy::AutomationLevel::Approve, Policy::AutomationLevel::Automatic })
        combo->addItem(Policy::automationLevelLabel(level), int(level));
    return combo;
}

QTableWidget *table(QWidget *parent, const QStringList &headers)
{
    auto *t = new QTableWidget(0, int(headers.size()), parent);
    t->setHorizontalHeaderLabels(headers);
    TableSetup::apply(t);
    t->setSortingEnabled(false); // rows carry widgets by position
    t->setSelectionBehavior(QAbstractItemView::SelectRows);
    t->horizontalHeader()->setStretchLastSection(true);
    t->setMinimumHeight(TableSetup::heightForRows(t, 3));
    return t;
}

void removeSelectedRows(QTableWidget *t)
{
    QList<int> rows;
    for (const QModelIndex &index : t->selectionModel()->selectedRows())
        rows.append(index.row());
    std::sort(rows.begin(), rows.end(), std::greater<>());
    for (int row : rows)
        t->removeRow(row);
}

} // namespace

AutomationDialog::AutomationDialog(Engine *engine, QWidget *parent)
    : QDialog(parent)
    , m_engine(engine)
{
    setWindowTitle(tr("Automation"));
    PolicyService *policy = engine ? engine->policy() : nullptr;
    const Policy::AutomationSettings settings
        = policy ? policy->automation() : Policy::AutomationSettings{};

    m_fleet = levelCombo(this, {});
    m_fleet->setCurrentIndex(m_fleet->findData(int(settings.fleetLevel)));
    m_confidence = new QSpinBox(this);
    m_confidence->setRange(1, 5);
    m_confidence->setValue(settings.minConfidence);
    m_confidence->setToolTip(tr("1 acts on every proposal, 5 only on the surest (a host about to "
                                "fail, a forecast whose whole band saturates)"));
    m_sharedStorage = new QCheckBox(tr("Storage libvirt cannot verify as shared is shared: the "
                                       "policy's migrations may use the unsafe override"),
                                    this);
    m_sharedStorage->setChecked(settings.trustSharedStorage);
    auto *top = new QFormLayout;
    top->addRow(tr("The fleet:"), m_fleet);
    top->addRow(tr("Automatic actions need a confidence of at least:"), m_confidence);
    top->addRow(m_sharedStorage);

    // Pools, each with the fleet's level unless set.
    m_pools = table(this, { tr("Pool"), tr("Level") });
    const QList<Pools::Pool> pools = engine && engine->pools()
        ? engine->pools()->settings().pools
        : Pools::PoolSettings::defaults().pools;
    for (const Pools::Pool &pool : pools) {
        const int row = m_pools->rowCount();
        m_pools->insertRow(row);
        m_pools->setItem(row, 0, new QTableWidgetItem(pool.name));
        QComboBox *combo = levelCombo(m_pools, tr("As the fleet"));
        if (auto it = settings.poolLevels.constFind(pool.name); it != settings.poolLevels.cend())
            combo->setCurrentIndex(combo->findData(int(it.value())));
        m_pools->setCellWidget(row, 1, combo);
    }
    m_pools->setColumnWidth(0, 180);

    // VMs with a level of their own.
    if (engine)
        for (const HostConfig &host : engine->fleet()->hosts())
            for (const VmInfo &vm : engine->fleet()->vms(host.uri))
                m_vmNames.insert(vm.uuid, vm.name);
    m_vms = table(this, { tr("VM"), tr("Level") });
    m_vms->setColumnWidth(0, 180);
    for (auto it = settings.vmLevels.cbegin(); it != settings.vmLevels.cend(); ++it)
        addVm(it.key(), it.value());
    m_vmPicker = new QComboBox(this);
    QStringList names;
    for (auto it = m_vmNames.cbegin(); it != m_vmNames.cend(); ++it)
        names.append(it.value() + QChar(0) + it.key());
    names.sort(Qt::CaseInsensitive);
    for (const QString &entry : std::as_const(names))
        m_vmPicker->addItem(entry.section(QChar(0), 0, 0), entry.section(QChar(0), 1));
    auto *addVmButton = new QPushButton(tr("Add"), this);
    auto *removeVmButton = new QPushButton(tr("Remove"), this);
    connect(addVmButton, &QPushButton::clicked, this, [this] {
        if (m_vmPicker->currentIndex() >= 0)
            addVm(m_vmPicker->currentData().toString(), Policy::AutomationLevel::Manual);
    });
    connect(removeVmButton, &QPushButton::clicked, this, [this] { removeSelectedRows(m_vms); });
    auto *vmButtons = new QHBoxLayout;
    vmButtons->addWidget(m_vmPicker, 1);
    vmButtons->addWidget(addVmButton);
    vmButtons->addWidget(removeVmButton);

    // Maintenance windows.
    m_windows = table(this, { tr("Day"), tr("From"), tr("Minutes") });
    for (const Policy::MaintenanceWindow &w : settings.windows)
        addWindow(w);
    auto *addWindowButton = new QPushButton(tr("Add"), this);
    auto *removeWindowButton = new QPushButton(tr("Remove"), this);
    connect(addWindowButton, &QPushButton::clicked, this,
            [this] { addWindow(Policy::MaintenanceWindow{}); });
    connect(removeWindowButton, &QPushButton::clicked, this,
            [this] { removeSelectedRows(m_windows); });
    auto *windowButtons = new QHBoxLayout;
    windowButtons->addStretch(1);
    windowButtons->addWidget(addWindowButton);
    windowButtons->addWidget(removeWindowButton);

    auto group
        = [this](const QString &title, QWidget *content, QLayout *buttons, const QString &note) {
              auto *box = new QGroupBox(title, this);
              auto *layout = new QVBoxLayout(box);
              if (!note.isEmpty()) {
                  auto *label = new QLabel(note, box);
                  label->setWordWrap(true);
                  layout->addWidget(label);
              }
              layout->addWidget(content);
              if (buttons)
                  layout->addLayout(buttons);
              return box;
          };
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &AutomationDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    buttons->button(QDialogButtonBox::Ok)->setEnabled(policy != nullptr);

    auto *columns = new QHBoxLayout;
    columns->addWidget(group(tr("Pools"), m_pools, nullptr, {}));
    columns->addWidget(
        group(tr("VMs"), m_vms, vmButtons, tr("A VM's level overrides its pool's.")));
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addLayout(columns, 1);
    layout->addWidget(group(tr("Maintenance windows"), m_windows, windowButtons,
                            tr("During these, automatic actions wait in the approval queue.")));
    layout->addWidget(buttons);
    resize(760, 560);
}

QComboBox *AutomationDialog::poolLevel(const QString &pool) const
{
    for (int row = 0; row < m_pools->rowCount(); ++row)
        if (m_pools->item(row, 0)->text() == pool)
            return qobject_cast<QComboBox *>(m_pools->cellWidget(row, 1));
    return nullptr;
}

void AutomationDialog::addVm(const QString &uuid, Policy::AutomationLevel level)
{
    for (int row = 0; row < m_vms->rowCount(); ++row)
        if (m_vms->item(row, 0)->data(Qt::UserRole).toString() == uuid)
            return;
    const int row = m_vms->rowCount();
    m_vms->insertRow(row);
    auto *name = new QTableWidgetItem(m_vmNames.value(uuid, uuid));
    name->setData(Qt::UserRole, uuid);
    name->setToolTip(uuid);
    m_vms->setItem(row, 0, name);
    QComboBox *combo = levelCombo(m_vms, {});
    combo->setCurrentIndex(combo->findData(int(level)));
    m_vms->setCellWidget(row, 1, combo);
}

void AutomationDialog::addWindow(const Policy::MaintenanceWindow &window)
{
    const int row = m_windows->rowCount();
    m_windows->insertRow(row);
    auto *day = new QComboBox(m_windows);
    for (int d = 1; d <= 7; ++d)
        day->addItem(QLocale().dayName(d), d);
    day->setCurrentIndex(window.weekday - 1);
    auto *start = new QTimeEdit(QTime(window.startMinute / 60, window.startMinute % 60), m_windows);
    start->setDisplayFormat(QStringLiteral("HH:mm"));
    auto *minutes = new QSpinBox(m_windows);
    minutes->setRange(15, 7 * 24 * 60);
    minutes->setSingleStep(15);
    minutes->setValue(window.durationMinutes);
    m_windows->setCellWidget(row, 0, day);
    m_windows->setCellWidget(row, 1, start);
    m_windows->setCellWidget(row, 2, minutes);
}

Policy::AutomationSettings AutomationDialog::edited() const
{
    Policy::AutomationSettings s;
    s.fleetLevel = Policy::AutomationLevel(m_fleet->currentData().toInt());
    s.minConfidence = m_confidence->value();
    s.trustSharedStorage = m_sharedStorage->isChecked();
    for (int row = 0; row < m_pools->rowCount(); ++row) {
        const int level
            = qobject_cast<QComboBox *>(m_pools->cellWidget(row, 1))->currentData().toInt();
        if (level != kInherit)
            s.poolLevels.insert(m_pools->item(row, 0)->text(), Policy::AutomationLevel(level));
    }
    for (int row = 0; row < m_vms->rowCount(); ++row)
        s.vmLevels.insert(
            m_vms->item(row, 0)->data(Qt::UserRole).toString(),
            Policy::AutomationLevel(
                qobject_cast<QComboBox *>(m_vms->cellWidget(row, 1))->currentData().toInt()));
    for (int row = 0; row < m_windows->rowCount(); ++row) {
        const QTime start = qobject_cast<QTimeEdit *>(m_windows->cellWidget(row, 1))->time();
        s.windows.append(
            { qobject_cast<QComboBox *>(m_windows->cellWidget(row, 0))->currentData().toInt(),
              start.hour() * 60 + start.minute(),
              qobject_cast<QSpinBox *>(m_windows->cellWidget(row, 2))->value() });
    }
    return s;
}

void AutomationDialog::accept()
{
    if (PolicyService *policy = m_engine ? m_engine->policy() : nullptr)
        policy->setAutomation(edited());
    QDialog::accept();
}

} // namespace Umbra
