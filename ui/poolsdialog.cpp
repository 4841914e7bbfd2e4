#include "poolsdialog.h"

#include "engine/engine.h"
#include "engine/poolservice.h"
#include "fleet/hosturi.h"
#include "format.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QStackedWidget>
#include <QTimer>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <algorithm>
#include <climits>
#include <cmath>
#include <utility>

namespace Umbra {

namespace {

const QColor kErrorColor(0xd7, 0x3a, 0x3a);

enum ReserveMode { ShareMode, FixedMode };

} // namespace

PoolsDialog::PoolsDialog(Engine *engine, QWidget *parent)
    : QDialog(parent)
    , m_engine(engine)
    , m_service(engine ? engine->pools() : nullptr)
{
    setWindowTitle(tr("Pools"));

    auto *intro = new QLabel(tr("General hosts take every VM; a dedicated pool takes only its "
                                "customer's VMs; shadow hosts set capacity aside for shadows "
                                "and take VMs only when they fail over. A host nobody assigned "
                                "is in General."),
                             this);
    intro->setWordWrap(true);

    // The pools, with the selected one's fields beside them.
    m_pools = new QTreeWidget(this);
    m_pools->setRootIsDecorated(false);
    m_pools->setAlternatingRowColors(true);
    m_pools->setHeaderLabels(
        { tr("Name"), tr("Kind"), tr("Customer or reservation"), tr("Hosts") });
    m_pools->header()->setStretchLastSection(false);
    m_pools->header()->setSectionResizeMode(PoolDetailColumn, QHeaderView::Stretch);
    m_pools->setColumnWidth(PoolNameColumn,
                            fontMetrics().horizontalAdvance(QStringLiteral("shadows-rack2")) + 30);
    m_pools->setColumnWidth(PoolKindColumn,
                            std::max(fontMetrics().horizontalAdvance(tr("Dedicated")),
                                     fontMetrics().horizontalAdvance(tr("Kind")))
                                + 30);
    m_pools->setColumnWidth(PoolHostsColumn, fontMetrics().horizontalAdvance(tr("Hosts")) + 30);

    m_name = new QLineEdit(this);
    m_name->setPlaceholderText(tr("e.g. acme-dedicated"));
    m_kind = new QComboBox(this);
    for (const Pools::PoolKind kind :
         { Pools::PoolKind::General, Pools::PoolKind::Dedicated, Pools::PoolKind::Shadow })
        m_kind->addItem(Pools::poolKindLabel(kind), int(kind));
    m_customer = new QLineEdit(this);
    m_customer->setPlaceholderText(tr("e.g. acme"));
    m_customer->setToolTip(tr("Only this customer's VMs may land on the pool's hosts (set a "
                              "VM's customer on its page)."));
    m_reserveMode = new QComboBox(this);
    m_reserveMode->addItem(tr("Share of each host"));
    m_reserveMode->addItem(tr("Fixed amount per host"));
    m_reserveMode->setToolTip(tr("What each host of a shadow pool sets aside for shadows."));
    m_share = new QSpinBox(this);
    m_share->setRange(0, 100);
    m_share->setSuffix(tr(" %"));
    m_memory = new QSpinBox(this);
    m_memory->setRange(0, 64 * 1024 * 1024);
    m_memory->setSingleStep(1024);
    m_memory->setSuffix(tr(" MiB"));
    m_memory->setGroupSeparatorShown(true);
    m_vcpus = new QSpinBox(this);
    m_vcpus->setRange(0, 4096);
    m_vcpus->setSuffix(tr(" vCPUs"));
    auto *sharePage = new QWidget(this);
    auto *shareRow = new QHBoxLayout(sharePage);
    shareRow->setContentsMargins(0, 0, 0, 0);
    shareRow->addWidget(m_share);
    shareRow->addStretch(1);
    auto *fixedPage = new QWidget(this);
    auto *fixedRow = new QHBoxLayout(fixedPage);
    fixedRow->setContentsMargins(0, 0, 0, 0);
    fixedRow->addWidget(m_memory);
    fixedRow->addWidget(m_vcpus);
    fixedRow->addStretch(1);
    m_reserveStack = new QStackedWidget(this);
    m_reserveStack->addWidget(sharePage);
    m_reserveStack->addWidget(fixedPage);
    m_reserveStack->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);

    auto *editor = new QFormLayout;
    editor->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    editor->addRow(tr("&Name:"), m_name);
    editor->addRow(tr("&Kind:"), m_kind);
    editor->addRow(tr("&Customer:"), m_customer);
    editor->addRow(tr("&Reservation:"), m_reserveMode);
    editor->addRow(QString(), m_reserveStack);

    auto *add = new QPushButton(tr("&Add"), this);
    add->setToolTip(tr("A new pool; choose its kind and put hosts in it below."));
    m_remove = new QPushButton(tr("Re&move"), this);
    auto *poolButtons = new QHBoxLayout;
    poolButtons->addStretch(1);
    poolButtons->addWidget(m_remove);
    poolButtons->addWidget(add);
    auto *editorColumn = new QVBoxLayout;
    editorColumn->addLayout(editor);
    editorColumn->addStretch(1);
    editorColumn->addLayout(poolButtons);

    auto *poolsBox = new QGroupBox(tr("Pools"), this);
    auto *poolsRow = new QHBoxLayout(poolsBox);
    poolsRow->addWidget(m_pools, 3);
    poolsRow->addLayout(editorColumn, 2);

    // The hosts: each one's pool and failure domain, and its capacity as saved.
    m_hosts = new QTreeWidget(this);
    m_hosts->setRootIsDecorated(false);
    m_hosts->setAlternatingRowColors(true);
    m_hosts->setSelectionMode(QAbstractItemView::NoSelection);
    m_hosts->setHeaderLabels(
        { tr("Host"), tr("Pool"), tr("Failure domain"), tr("Reserved and free (as saved)") });
    m_hosts->header()->setStretchLastSection(true);
    m_hosts->setColumnWidth(HostNameColumn,
                            fontMetrics().horizontalAdvance(QStringLiteral("rack2-kvm03.example"))
                                + 30);
    m_hosts->setColumnWidth(HostPoolColumn,
                            fontMetrics().horizontalAdvance(QStringLiteral("shadows-rack2")) + 60);
    m_hosts->setColumnWidth(HostDomainColumn,
                            fontMetrics().horizontalAdvance(tr("Failure domain")) + 40);
    auto *hostsBox = new QGroupBox(tr("Hosts"), this);
    auto *hostsColumn = new QVBoxLayout(hostsBox);
    hostsColumn->addWidget(m_hosts);

    m_status = new QLabel(this);
    m_status->setTextFormat(Qt::PlainText);
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_status->hide();

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_ok = buttons->button(QDialogButtonBox::Ok);
    connect(buttons, &QDialogButtonBox::accepted, this, &PoolsDialog::submit);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(poolsBox, 2);
    layout->addWidget(hostsBox, 3);
    layout->addWidget(m_status);
    layout->addWidget(buttons);
    resize(900, 620);

    connect(m_pools, &QTreeWidget::itemSelectionChanged, this, &PoolsDialog::fillEditor);
    connect(add, &QPushButton::clicked, this, &PoolsDialog::addPool);
    connect(m_remove, &QPushButton::clicked, this, &PoolsDialog::removeSelected);
    connect(m_name, &QLineEdit::textEdited, this, &PoolsDialog::applyEditor);
    connect(m_customer, &QLineEdit::textEdited, this, &PoolsDialog::applyEditor);
    connect(m_kind, &QComboBox::currentIndexChanged, this, &PoolsDialog::applyEditor);
    connect(m_reserveMode, &QComboBox::currentIndexChanged, this, [this](int mode) {
        m_reserveStack->setCurrentIndex(mode);
        applyEditor();
    });
    for (QSpinBox *spin : { m_share, m_memory, m_vcpus })
        connect(spin, &QSpinBox::valueChanged, this, &PoolsDialog::applyEditor);

    m_capacityTimer = new QTimer(this);
    m_capacityTimer->setSingleShot(true);
    m_capacityTimer->setInterval(250);
    connect(m_capacityTimer, &QTimer::timeout, this, &PoolsDialog::refreshCapacity);

    if (m_service) {
        connect(m_service, &PoolService::changed, this, [this](const Pools::PoolSettings &saved) {
            if (m_saving && saved == m_pending) {
                m_saving = false;
                accept();
                return;
            }
            // Loaded or saved elsewhere: shown unless the operator has begun editing.
            if (!m_dirty && !m_saving)
                load(saved);
            m_capacityTimer->start();
        });
        connect(m_service, &PoolService::saveFailed, this, [this](const QString &error) {
            if (!m_saving)
                return;
            m_saving = false;
            m_ok->setEnabled(true);
            showStatus(error, true);
        });
    } else {
        m_ok->setEnabled(false);
        showStatus(tr("The database is open read-only; the pools cannot be changed."), true);
    }
    if (engine) {
        const FleetState *fleet = engine->fleet()->state();
        const auto later = [this] { m_capacityTimer->start(); };
        connect(fleet, &FleetState::hostInfoChanged, this, later);
        connect(fleet, &FleetState::vmChanged, this, later);
        connect(fleet, &FleetState::vmRemoved, this, later);
        connect(fleet, &FleetState::inventoryReset, this, later);
    }

    load(m_service ? m_service->settings() : Pools::PoolSettings::defaults());
}

void PoolsDialog::load(const Pools::PoolSettings &settings)
{
    m_edited = settings.pools;
    if (generalIndex() < 0)
        m_edited.prepend(Pools::PoolSettings::defaults().pools.first());
    m_hostPool.clear();
    for (auto it = settings.hostPools.cbegin(); it != settings.hostPools.cend(); ++it) {
        for (int i = 0; i < m_edited.size(); ++i) {
            if (m_edited[i].name == it.value())
                m_hostPool.insert(it.key(), i);
        }
    }
    m_domains = settings.failureDomains;
    fillHosts();
    refreshPools();
    m_pools->setCurrentItem(m_pools->topLevelItem(std::max(0, generalIndex())));
    fillEditor();
    m_dirty = false;
}

int PoolsDialog::generalIndex() const
{
    for (int i = 0; i < m_edited.size(); ++i) {
        if (m_edited[i].name == Pools::PoolSettings::generalName())
            return i;
    }
    return -1;
}

int PoolsDialog::currentPool() const
{
    QTreeWidgetItem *item = m_pools->currentItem();
    return item ? m_pools->indexOfTopLevelItem(item) : -1;
}

QComboBox *PoolsDialog::hostPoolCombo(const QString &uri) const
{
    for (int i = 0; i < m_hosts->topLevelItemCount(); ++i) {
        QTreeWidgetItem *item = m_hosts->topLevelItem(i);
        if (item->data(HostNameColumn, Qt::UserRole).toString() == uri)
            return qobject_cast<QComboBox *>(m_hosts->itemWidget(item, HostPoolColumn));
    }
    return nullptr;
}

QLineEdit *PoolsDialog::hostDomainEdit(const QString &uri) const
{
    for (int i = 0; i < m_hosts->topLevelItemCount(); ++i) {
        QTreeWidgetItem *item = m_hosts->topLevelItem(i);
        if (item->data(HostNameColumn, Qt::UserRole).toString() == uri)
            return qobject_cast<QLineEdit *>(m_hosts->itemWidget(item, HostDomainColumn));
    }
    return nullptr;
}

QString PoolsDialog::statusText() const
{
    return m_status->isHidden() ? QString() : m_status->text();
}

void PoolsDialog::showStatus(const QString &text, bool error)
{
    m_status->setText(text);
    QPalette palette = this->palette();
    if (error)
        palette.setColor(QPalette::WindowText, kErrorColor);
    m_status->setPalette(palette);
    m_status->setVisible(!text.isEmpty());
}

void PoolsDialog::fillHosts()
{
    m_hosts->clear();
    if (!m_engine)
        return;
    QList<HostConfig> hosts = m_engine->fleet()->state()->hosts();
    std::sort(hosts.begin(), hosts.end(), [](const HostConfig &a, const HostConfig &b) {
        return HostUri::displayName(a.uri).localeAwareCompare(HostUri::displayName(b.uri)) < 0;
    });
    for (const HostConfig &host : std::as_const(hosts)) {
        const QString uri = host.uri;
        auto *item = new QTreeWidgetItem(m_hosts);
        item->setText(HostNameColumn, HostUri::displayName(uri));
        item->setToolTip(HostNameColumn, uri);
        item->setData(HostNameColumn, Qt::UserRole, uri);
        auto *pool = new QComboBox(m_hosts);
        pool->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        pool->setMinimumContentsLength(10);
        m_hosts->setItemWidget(item, HostPoolColumn, pool);
        connect(pool, &QComboBox::currentIndexChanged, this, [this, uri](int index) {
            if (m_filling || index < 0)
                return;
            m_hostPool.insert(uri, index);
            m_dirty = true;
            refreshPools();
        });
        auto *domain = new QLineEdit(m_domains.value(uri), m_hosts);
        domain->setPlaceholderText(tr("e.g. rack-2"));
        domain->setToolTip(tr("Hosts that fail together (a rack, a power feed, a zone): a VM "
                              "and its shadow are kept apart."));
        m_hosts->setItemWidget(item, HostDomainColumn, domain);
        connect(domain, &QLineEdit::textEdited, this, [this, uri](const QString &text) {
            m_dirty = true;
            if (text.trimmed().isEmpty())
                m_domains.remove(uri);
            else
                m_domains.insert(uri, text.trimmed());
        });
    }
    refillHostCombos();
    refreshCapacity();
}

void PoolsDialog::refillHostCombos()
{
    const bool filling = std::exchange(m_filling, true);
    const int general = generalIndex();
    for (int i = 0; i < m_hosts->topLevelItemCount(); ++i) {
        QTreeWidgetItem *item = m_hosts->topLevelItem(i);
        const QString uri = item->data(HostNameColumn, Qt::UserRole).toString();
        auto *combo = qobject_cast<QComboBox *>(m_hosts->itemWidget(item, HostPoolColumn));
        if (!combo)
            continue;
        combo->clear();
        for (const Pools::Pool &pool : std::as_const(m_edited))
            combo->addItem(pool.name.trimmed().isEmpty() ? tr("(unnamed)") : pool.name);
        combo->setCurrentIndex(m_hostPool.value(uri, general));
    }
    m_filling = filling;
}

void PoolsDialog::refreshCapacity()
{
    for (int i = 0; i < m_hosts->topLevelItemCount(); ++i) {
        QTreeWidgetItem *item = m_hosts->topLevelItem(i);
        const QString uri = item->data(HostNameColumn, Qt::UserRole).toString();
        const HostPoolView view = m_service ? m_service->host(uri) : HostPoolView{};
        if (!view.known) {
            item->setText(HostCapacityColumn, tr("not seen yet"));
            item->setToolTip(HostCapacityColumn, {});
            continue;
        }
        item->setText(
            HostCapacityColumn,
            view.reservedKiB > 0
                ? tr("reserved %1 · free %2")
                      .arg(Format::kib(double(view.reservedKiB)), Format::kib(double(view.freeKiB)))
                : tr("nothing reserved · free %1").arg(Format::kib(double(view.freeKiB))));
        item->setToolTip(HostCapacityColumn,
                         tr("Set aside for shadows and held for migrations: %1 and %2 vCPUs.\n"
                            "Free for another VM: %3 and %4 vCPU slots.")
                             .arg(Format::kib(double(view.reservedKiB)))
                             .arg(view.reservedVcpus)
                             .arg(Format::kib(double(view.freeKiB)))
                             .arg(view.freeVcpuSlots));
    }
}

void PoolsDialog::refreshPools()
{
    const int general = generalIndex();
    QList<int> hostCounts(m_edited.size(), 0);
    for (int i = 0; i < m_hosts->topLevelItemCount(); ++i) {
        const QString uri = m_hosts->topLevelItem(i)->data(HostNameColumn, Qt::UserRole).toString();
        const int index = m_hostPool.value(uri, general);
        if (index >= 0 && index < hostCounts.size())
            ++hostCounts[index];
    }
    const QSignalBlocker block(m_pools);
    while (m_pools->topLevelItemCount() > m_edited.size())
        delete m_pools->takeTopLevelItem(m_pools->topLevelItemCount() - 1);
    while (m_pools->topLevelItemCount() < m_edited.size())
        new QTreeWidgetItem(m_pools);
    for (int i = 0; i < m_edited.size(); ++i) {
        const Pools::Pool &pool = m_edited[i];
        QTreeWidgetItem *item = m_pools->topLevelItem(i);
        item->setText(PoolNameColumn, pool.name);
        item->setToolTip(PoolNameColumn, pool.name);
        item->setText(PoolKindColumn, Pools::poolKindLabel(pool.kind));
        QString detail;
        switch (pool.kind) {
        case Pools::PoolKind::General:
            detail = tr("shared by every VM");
            break;
        case Pools::PoolKind::Dedicated:
            detail = pool.customer.trimmed().isEmpty() ? tr("no customer yet")
                                                       : tr("for %1").arg(pool.customer.trimmed());
            break;
        case Pools::PoolKind::Shadow:
            detail = pool.reservation.describe();
            break;
        }
        item->setText(PoolDetailColumn, detail);
        item->setToolTip(PoolDetailColumn, detail);
        item->setText(PoolHostsColumn, QString::number(hostCounts.value(i)));
        item->setTextAlignment(PoolHostsColumn, Qt::AlignRight | Qt::AlignVCenter);
    }
}

void PoolsDialog::fillEditor()
{
    const int index = currentPool();
    const bool valid = index >= 0 && index < m_edited.size();
    const bool general = valid && index == generalIndex();
    const Pools::Pool pool = valid ? m_edited[index] : Pools::Pool{};
    const bool filling = std::exchange(m_filling, true);
    m_name->setText(pool.name);
    m_kind->setCurrentIndex(m_kind->findData(int(pool.kind)));
    m_customer->setText(pool.customer);
    const bool fixed = pool.reservation.memoryKiB > 0 || pool.reservation.vcpus > 0;
    m_reserveMode->setCurrentIndex(fixed ? FixedMode : ShareMode);
    m_reserveStack->setCurrentIndex(fixed ? FixedMode : ShareMode);
    m_share->setValue(int(std::lround(pool.reservation.share * 100.0)));
    m_memory->setValue(int(std::min<quint64>(pool.reservation.memoryKiB / 1024, INT_MAX)));
    m_vcpus->setValue(pool.reservation.vcpus);
    m_filling = filling;

    const QString generalNote = tr("General takes every host nobody assigned; it cannot be "
                                   "renamed, removed or made another kind.");
    m_name->setEnabled(valid && !general);
    m_name->setToolTip(general ? generalNote : QString());
    m_kind->setEnabled(valid && !general);
    m_kind->setToolTip(general ? generalNote : QString());
    m_customer->setEnabled(valid && pool.kind == Pools::PoolKind::Dedicated);
    const bool shadow = valid && pool.kind == Pools::PoolKind::Shadow;
    m_reserveMode->setEnabled(shadow);
    m_reserveStack->setEnabled(shadow);
    m_remove->setEnabled(valid && !general);
    m_remove->setToolTip(general ? generalNote : tr("Its hosts go back to General."));
}

void PoolsDialog::applyEditor()
{
    const int index = currentPool();
    if (m_filling || index < 0 || index >= m_edited.size())
        return;
    m_dirty = true;
    Pools::Pool &pool = m_edited[index];
    const bool renamed = pool.name != m_name->text();
    if (index != generalIndex()) {
        pool.name = m_name->text();
        pool.kind = Pools::PoolKind(m_kind->currentData().toInt());
    }
    pool.customer = m_customer->text();
    if (m_reserveMode->currentIndex() == ShareMode) {
        pool.reservation.share = m_share->value() / 100.0;
        pool.reservation.memoryKiB = 0;
        pool.reservation.vcpus = 0;
    } else {
        pool.reservation.memoryKiB = quint64(m_memory->value()) * 1024;
        pool.reservation.vcpus = m_vcpus->value();
    }
    refreshPools();
    if (renamed)
        refillHostCombos();
    // The kind decides which fields apply.
    m_customer->setEnabled(pool.kind == Pools::PoolKind::Dedicated);
    m_reserveMode->setEnabled(pool.kind == Pools::PoolKind::Shadow);
    m_reserveStack->setEnabled(pool.kind == Pools::PoolKind::Shadow);
    if (!m_saving)
        showStatus({}, false);
}

void PoolsDialog::addPool()
{
    QString name;
    for (int n = int(m_edited.size()) + 1;; ++n) {
        name = tr("Pool %1").arg(n);
        const bool taken
            = std::any_of(m_edited.cbegin(), m_edited.cend(), [&](const Pools::Pool &p) {
                  return p.name.compare(name, Qt::CaseInsensitive) == 0;
              });
        if (!taken)
            break;
    }
    Pools::Pool pool;
    pool.name = name;
    pool.kind = Pools::PoolKind::General;
    m_edited.append(pool);
    m_dirty = true;
    refreshPools();
    refillHostCombos();
    m_pools->setCurrentItem(m_pools->topLevelItem(int(m_edited.size()) - 1));
    fillEditor();
    m_name->setFocus();
    m_name->selectAll();
}

bool PoolsDialog::removeSelected()
{
    const int index = currentPool();
    if (index < 0 || index >= m_edited.size())
        return false;
    if (index == generalIndex()) {
        showStatus(tr("General cannot be removed: it takes every host nobody assigned."), true);
        return false;
    }
    m_edited.removeAt(index);
    m_dirty = true;
    for (auto it = m_hostPool.begin(); it != m_hostPool.end();) {
        if (it.value() == index) {
            it = m_hostPool.erase(it);
            continue;
        }
        if (it.value() > index)
            --it.value();
        ++it;
    }
    refreshPools();
    refillHostCombos();
    m_pools->setCurrentItem(m_pools->topLevelItem(std::min(index, int(m_edited.size()) - 1)));
    fillEditor();
    return true;
}

Pools::PoolSettings PoolsDialog::edited() const
{
    Pools::PoolSettings settings;
    const int general = generalIndex();
    for (Pools::Pool pool : m_edited) {
        pool.name = pool.name.trimmed();
        pool.customer
            = pool.kind == Pools::PoolKind::Dedicated ? pool.customer.trimmed() : QString();
        if (pool.kind != Pools::PoolKind::Shadow)
            pool.reservation = {};
        settings.pools.append(pool);
    }
    for (auto it = m_hostPool.cbegin(); it != m_hostPool.cend(); ++it) {
        if (it.value() != general && it.value() >= 0 && it.value() < settings.pools.size())
            settings.hostPools.insert(it.key(), settings.pools[it.value()].name);
    }
    settings.failureDomains = m_domains;
    if (m_service)
        settings.customers = m_service->settings().customers;
    return settings;
}

bool PoolsDialog::submit()
{
    if (!m_service || m_saving)
        return false;
    const Pools::PoolSettings settings = edited();
    if (auto valid = settings.validate(); !valid) {
        showStatus(valid.error(), true);
        return false;
    }
    m_pending = settings;
    m_saving = true;
    m_ok->setEnabled(false);
    showStatus(tr("Saving…"), false);
    m_service->save(settings);
    return true;
}

} // namespace Umbra
