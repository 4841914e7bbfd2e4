#include "migrationdialog.h"

#include "demo/simulatedlink.h"
#include "engine/engine.h"
#include "fleet/hosturi.h"
#include "format.h"
#include "migrate/migrationmanager.h"
#include "migrate/migrationmodel.h"
#include "migrate/migrationplanner.h"
#include "util/displaytext.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <algorithm>

namespace Umbra {

namespace {

constexpr int kRunningRole = Qt::UserRole + 1;

QString seconds(double ms)
{
    return MigrationDialog::tr("%1 s").arg(ms / 1000.0, 0, 'f', 1);
}

} // namespace

MigrationDialog::MigrationDialog(Engine *engine, const QString &uri, const QString &uuid,
                                 QWidget *parent)
    : QDialog(parent)
    , m_engine(engine)
    , m_uri(uri)
    , m_uuid(uuid)
{
    for (const VmInfo &vm : engine->fleet()->vms(uri)) {
        if (vm.uuid == uuid) {
            m_name = vm.name;
            m_memoryKiB = vm.memoryKiB;
        }
    }
    setWindowTitle(tr("Migrate %1").arg(DisplayText::quote(m_name, 60)));

    auto *intro = new QLabel(tr("Move <b>%1</b> (%2 of memory) from %3 to another host while it "
                                "runs. Before anything moves Umbra checks the target's CPU, "
                                "memory and storage; a failure at any step moves it back.")
                                 .arg(DisplayText::quote(m_name, 80).toHtmlEscaped(),
                                      Format::kib(double(m_memoryKiB)),
                                      HostUri::displayName(uri).toHtmlEscaped()),
                             this);
    intro->setWordWrap(true);
    m_simulated = SimulatedLink::simulates(uri);
    auto *simulated = new QLabel(tr("<b>Simulated.</b> %1 is a demo host (libvirt's test "
                                    "driver): nothing is copied; the progress is simulated and "
                                    "the VM's definition moves to the target.")
                                     .arg(HostUri::displayName(uri).toHtmlEscaped()),
                                 this);
    simulated->setWordWrap(true);
    simulated->setVisible(m_simulated);

    m_targets = new QTreeWidget(this);
    m_targets->setRootIsDecorated(false);
    m_targets->setHeaderLabels(
        { tr("Target host"), tr("Free memory after the move"), tr("Running VMs") });
    m_targets->header()->setStretchLastSection(true);
    m_targets->setColumnWidth(
        0, fontMetrics().horizontalAdvance(QStringLiteral("rack1-kvm01.example")) + 24);
    m_targets->setColumnWidth(
        1, fontMetrics().horizontalAdvance(QStringLiteral("Free memory after the move")) + 24);

    m_maxDowntime = new QSpinBox(this);
    m_maxDowntime->setRange(10, 10000);
    m_maxDowntime->setValue(300);
    m_maxDowntime->setSuffix(tr(" ms"));
    m_bandwidth = new QSpinBox(this);
    m_bandwidth->setRange(0, 100000);
    m_bandwidth->setSpecialValueText(tr("unlimited"));
    m_bandwidth->setSuffix(tr(" MiB/s"));
    m_autoConverge
        = new QCheckBox(tr("Slow the guest's CPU down if the copy cannot catch up"), this);
    m_keepSource = new QCheckBox(tr("Keep the definition on the source for a rollback"), this);
    m_healthUrl = new QLineEdit(this);
    m_healthUrl->setPlaceholderText(tr("http://web01.example/health (optional)"));

    // Storage: shown when a plan needs the operator to choose.
    m_storage = new QComboBox(this);
    m_storage->addItem(tr("Automatic: ask the hosts' storage pools"), int(StorageMode::Auto));
    m_storage->addItem(tr("Shared: the disks stay where they are"), int(StorageMode::Shared));
    m_storage->addItem(tr("Copy: the disks are copied to the target"), int(StorageMode::Copy));
    m_unsafe = new QCheckBox(tr("Allow storage libvirt calls unsafe"), this);
    m_unsafeNote = new QLabel(tr("Only when every host mounts the same storage and nothing else "
                                 "writes to the VM's disks: libvirt cannot see that a directory "
                                 "is shared, and fears the target reads stale data."),
                              this);
    m_unsafeNote->setWordWrap(true);
    m_unsafeNote->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    m_unsafeNote->setForegroundRole(QPalette::PlaceholderText);
    m_storageReason = new QLabel(this);
    m_storageReason->setTextFormat(Qt::PlainText);
    m_storageReason->setWordWrap(true);
    m_storageBox = new QGroupBox(tr("Storage"), this);
    auto *storage = new QFormLayout(m_storageBox);
    storage->addRow(m_storageReason);
    storage->addRow(tr("Disks:"), m_storage);
    auto *unsafe = new QVBoxLayout;
    unsafe->setSpacing(2);
    unsafe->addWidget(m_unsafe);
    unsafe->addWidget(m_unsafeNote);
    storage->addRow(QString(), unsafe);
    m_storageBox->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Maximum);
    m_storageBox->hide();

    auto *options = new QFormLayout;
    options->addRow(tr("Longest pause:"), m_maxDowntime);
    options->addRow(tr("Bandwidth:"), m_bandwidth);
    options->addRow(QString(), m_autoConverge);
    options->addRow(QString(), m_keepSource);
    options->addRow(tr("Check after the move:"), m_healthUrl);

    m_prediction = new QLabel(this);
    m_prediction->setTextFormat(Qt::PlainText);
    m_prediction->setWordWrap(true);

    m_log = new QPlainTextEdit(this);
    m_log->setReadOnly(true);
    m_log->setPlaceholderText(tr("Check runs the preflight and measures the guest before "
                                 "anything moves; its findings appear here."));
    m_log->setMaximumBlockCount(200);
    m_log->setFixedHeight(fontMetrics().lineSpacing() * 6 + 12);
    m_targets->setMinimumHeight(fontMetrics().lineSpacing() * 5);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_check = m_buttons->addButton(tr("Check"), QDialogButtonBox::ActionRole);
    m_migrate = m_buttons->addButton(tr("Migrate"), QDialogButtonBox::AcceptRole);
    connect(m_check, &QPushButton::clicked, this, &MigrationDialog::check);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(simulated);
    layout->addWidget(m_targets, 1);
    layout->addLayout(options);
    layout->addWidget(m_storageBox);
    layout->addWidget(m_log);
    layout->addWidget(m_prediction);
    layout->addWidget(m_buttons);

    connect(m_targets, &QTreeWidget::currentItemChanged, this, &MigrationDialog::updatePrediction);
    connect(m_maxDowntime, &QSpinBox::valueChanged, this, &MigrationDialog::updatePrediction);
    connect(m_bandwidth, &QSpinBox::valueChanged, this, &MigrationDialog::updatePrediction);
    connect(m_autoConverge, &QCheckBox::toggled, this, &MigrationDialog::updatePrediction);
    connect(m_storage, &QComboBox::currentIndexChanged, this, &MigrationDialog::updatePrediction);
    connect(m_unsafe, &QCheckBox::toggled, this, &MigrationDialog::updatePrediction);
    fillTargets();
    resize(640, 560);
}

MigrationDialog::~MigrationDialog() = default;

QString MigrationDialog::logText() const
{
    return m_log->toPlainText();
}

void MigrationDialog::appendLog(const QString &line)
{
    m_log->appendPlainText(line);
}

void MigrationDialog::check()
{
    MigrationManager *manager = m_engine ? m_engine->migrations() : nullptr;
    if (!manager || m_checking || !m_migrate)
        return;
    const MigrationRequest wanted = request();
    if (wanted.targetUri.isEmpty())
        return;
    m_log->clear();
    m_checking = true;
    m_plan = {};
    m_prediction->setText(tr("Checking %1…").arg(HostUri::displayName(wanted.targetUri)));
    updateButtons();
    const qint64 asked = ++m_checks;
    manager->plan(wanted).then(this, [this, asked](const Jobs::Plan &plan) {
        if (asked == m_checks)
            showPlan(plan);
    });
}

void MigrationDialog::showPlan(const Jobs::Plan &plan)
{
    m_checking = false;
    m_plan = plan;
    appendLog(stageLabel(MigrationStage::Preflight));
    for (const QString &line : plan.evidence)
        appendLog(QStringLiteral("  ") + line);
    const QStringList needs = MigrationPlanner::needsOf(plan);
    if (!needs.isEmpty()) {
        m_storageReason->setText(plan.refusal);
        m_storageReason->show();
        offerChoices(needs);
        m_prediction->setText(tr("Your choice is needed: choose under Storage, then Check "
                                 "again."));
    } else if (!plan.executable()) {
        m_storageReason->hide();
        m_prediction->setText(
            tr("%1: %2").arg(outcomeLabel(MigrationOutcome::Failed), plan.refusal));
    } else {
        m_storageReason->hide();
        MigrationRecord predicted;
        MigrationPlanner::applyPrediction(plan.prediction, predicted);
        QString dirty = tr("not measured");
        if (predicted.dirtyRate >= 0)
            dirty = Format::bytesPerSecond(predicted.dirtyRate);
        const QString passed
            = tr("Preflight passed. Predicted: %1 in all, the VM paused for about %2 "
                 "(%3 copy rounds at %4, the guest dirtying %5). Migrate to go "
                 "ahead.")
                  .arg(seconds(double(predicted.predictedTotalMs)),
                       seconds(double(predicted.predictedDowntimeMs)))
                  .arg(predicted.predictedIterations)
                  .arg(Format::bytesPerSecond(predicted.predictedBandwidth), dirty);
        m_prediction->setText(plan.prediction.value(QLatin1String("simulated")).toBool()
                                  ? tr("Simulated migration. %1").arg(passed)
                                  : passed);
    }
    updateButtons();
}

void MigrationDialog::updateButtons()
{
    const QTreeWidgetItem *target = m_targets->currentItem();
    const bool usable = target && (target->flags() & Qt::ItemIsEnabled);
    m_check->setEnabled(usable && !m_checking);
    m_migrate->setEnabled(isAwaitingApproval());
    // The choices are fixed while they are checked.
    for (QWidget *input :
         std::initializer_list<QWidget *>{ m_targets, m_maxDowntime, m_bandwidth, m_autoConverge,
                                           m_keepSource, m_healthUrl, m_storage })
        input->setEnabled(!m_checking);
    // The override means nothing when the disks are copied.
    m_unsafe->setEnabled(!m_checking
                         && StorageMode(m_storage->currentData().toInt()) != StorageMode::Copy);
}

void MigrationDialog::offerChoices(const QStringList &needs)
{
    const bool wasShown = m_storageBox->isVisibleTo(this);
    m_storageBox->show();
    if (needs.contains(QLatin1String(MigrationPlanner::kNeedsUnsafe))) {
        m_unsafe->setProperty("offered", true);
        m_unsafe->show();
        m_unsafeNote->show();
    }
    if (needs.contains(QLatin1String(MigrationPlanner::kNeedsStorageMode)))
        m_storage->setProperty("offered", true);
    if (!m_unsafe->property("offered").toBool()) {
        m_unsafe->hide();
        m_unsafeNote->hide();
    }
    // Room for the choices without squeezing the rest.
    if (!wasShown || m_unsafe->isVisibleTo(this)) {
        // The target list gives up what it has beyond its minimum first.
        layout()->activate();
        const int wanted = layout()->totalHeightForWidth(width())
            - std::max(0, m_targets->sizeHint().height() - m_targets->minimumHeight());
        if (wanted > height())
            resize(width(), wanted);
    }
}

QString MigrationDialog::storageReason() const
{
    return m_storageBox->isVisibleTo(this) ? m_storageReason->text() : QString();
}

QStringList MigrationDialog::offeredChoices() const
{
    QStringList offered;
    if (m_storageBox->isVisibleTo(this) && m_storage->property("offered").toBool())
        offered.append(QLatin1String(MigrationPlanner::kNeedsStorageMode));
    if (m_storageBox->isVisibleTo(this) && m_unsafe->property("offered").toBool())
        offered.append(QLatin1String(MigrationPlanner::kNeedsUnsafe));
    return offered;
}

void MigrationDialog::setStorageMode(StorageMode mode)
{
    m_storage->setCurrentIndex(m_storage->findData(int(mode)));
}

void MigrationDialog::setAllowUnsafe(bool allow)
{
    m_unsafe->setChecked(allow);
}

void MigrationDialog::done(int result)
{
    MigrationManager *manager = m_engine ? m_engine->migrations() : nullptr;
    // Approval is the operator's Migrate on the plan shown; closing the
    // dialog instead rejects it, so that it leaves no proposal behind.
    if (manager && isAwaitingApproval()) {
        if (result == QDialog::Accepted)
            manager->execute(m_plan, QStringLiteral("operator"));
        else
            manager->decide(m_plan.id, false, QStringLiteral("operator"));
    }
    m_checks++; // a check still running is answered to nobody
    QDialog::done(result);
}

void MigrationDialog::fillTargets()
{
    // Every other connected host, listed at once; the figures come from the
    // hosts themselves (rankTargets), as the preflight will read them.
    QStringList uris;
    for (const HostConfig &host : m_engine->fleet()->hosts()) {
        if (host.uri == m_uri
            || m_engine->fleet()->hostStatus(host.uri).state != HostState::Connected)
            continue;
        int running = 0;
        for (const VmInfo &vm : m_engine->fleet()->vms(host.uri))
            running += vmStateIsActive(vm.state) ? 1 : 0;
        auto *item = new QTreeWidgetItem(m_targets);
        item->setText(0, HostUri::displayName(host.uri));
        item->setData(0, Qt::UserRole, host.uri);
        item->setData(0, kRunningRole, running);
        item->setText(1, tr("asking…"));
        item->setText(2, QString::number(running));
        item->setToolTip(0, host.uri);
        item->setFlags(item->flags() & ~Qt::ItemIsEnabled);
        uris.append(host.uri);
    }
    MigrationManager *manager = m_engine->migrations();
    if (!manager || uris.isEmpty()) {
        m_ranked = true;
        updatePrediction();
        return;
    }
    const MigrationRequest wanted = request();
    manager->assessTargets(m_uri, m_uuid, uris, wanted.options)
        .then(this, [this](const QList<TargetCapacity> &capacities) { rankTargets(capacities); });
    updatePrediction();
}

void MigrationDialog::rankTargets(const QList<TargetCapacity> &given)
{
    QList<TargetCapacity> capacities = given;
    // Those that fit first, then in the order of least-disruption placement
    // (or by what they would have left, where it could not rank).
    std::stable_sort(capacities.begin(), capacities.end(),
                     [](const TargetCapacity &a, const TargetCapacity &b) {
                         if (a.error.isEmpty() != b.error.isEmpty())
                             return a.error.isEmpty();
                         if (a.fits != b.fits)
                             return a.fits;
                         if (a.rank > 0 && b.rank > 0)
                             return a.rank < b.rank;
                         return a.leftKiB > b.leftKiB;
                     });
    QHash<QString, int> running;
    for (int i = 0; i < m_targets->topLevelItemCount(); ++i) {
        const QTreeWidgetItem *item = m_targets->topLevelItem(i);
        running.insert(item->data(0, Qt::UserRole).toString(), item->data(0, kRunningRole).toInt());
    }
    m_targets->clear();
    for (const TargetCapacity &capacity : std::as_const(capacities)) {
        auto *item = new QTreeWidgetItem(m_targets);
        item->setText(0, HostUri::displayName(capacity.uri));
        item->setData(0, Qt::UserRole, capacity.uri);
        item->setData(0, kRunningRole, running.value(capacity.uri));
        const QString why = capacity.ranking.reasons.join(QLatin1Char('\n'));
        item->setToolTip(0, why.isEmpty() ? capacity.uri : capacity.uri + u"\n\n" + why);
        if (!capacity.error.isEmpty()) {
            item->setText(1, tr("unknown"));
            item->setText(2, QString::number(running.value(capacity.uri)));
            item->setToolTip(1, capacity.error);
            item->setFlags(item->flags() & ~Qt::ItemIsEnabled);
            continue;
        }
        m_usableKiB.insert(capacity.uri, qint64(capacity.usableKiB));
        m_scores.insert(capacity.uri, capacity.ranking.score);
        m_reasons.insert(capacity.uri, capacity.ranking.reasons);
        item->setText(1,
                      capacity.leftKiB >= 0
                          ? Format::kib(double(capacity.leftKiB))
                          : tr("%1 short").arg(Format::kib(double(-capacity.leftKiB))));
        item->setText(2, QString::number(capacity.runningVms));
        if (!capacity.fits) {
            item->setFlags(item->flags() & ~Qt::ItemIsEnabled);
            item->setToolTip(1,
                             !capacity.ranking.refusal.isEmpty() ? capacity.ranking.refusal
                                 : capacity.leftKiB < 0
                                 ? tr("Not enough memory for %1 after the move.").arg(m_name)
                                 : tr("Too many vCPUs for %1 after the move.").arg(m_name));
        } else {
            item->setToolTip(1,
                             tr("%1 usable for the VM after the host's reserve; the "
                                "preflight checks the same figure.")
                                 .arg(Format::kib(double(capacity.usableKiB))));
        }
    }
    m_ranked = true;
    for (int i = 0; i < m_targets->topLevelItemCount(); ++i) {
        if (m_targets->topLevelItem(i)->flags() & Qt::ItemIsEnabled) {
            m_targets->setCurrentItem(m_targets->topLevelItem(i));
            break;
        }
    }
    updatePrediction();
}

qint64 MigrationDialog::rankedUsableKiB(const QString &uri) const
{
    return m_usableKiB.value(uri, -1);
}

QStringList MigrationDialog::targets() const
{
    QStringList uris;
    for (int i = 0; i < m_targets->topLevelItemCount(); ++i)
        uris.append(m_targets->topLevelItem(i)->data(0, Qt::UserRole).toString());
    return uris;
}

void MigrationDialog::selectTarget(const QString &uri)
{
    for (int i = 0; i < m_targets->topLevelItemCount(); ++i) {
        QTreeWidgetItem *item = m_targets->topLevelItem(i);
        if (item->data(0, Qt::UserRole).toString() == uri)
            m_targets->setCurrentItem(item);
    }
}

QString MigrationDialog::predictionText() const
{
    return m_prediction->text();
}

void MigrationDialog::updatePrediction()
{
    if (!m_check)
        return; // still being built
    QTreeWidgetItem *target = m_targets->currentItem();
    const bool usable = target && (target->flags() & Qt::ItemIsEnabled);
    updateButtons();
    if (m_checking)
        return;
    if (!usable) {
        m_prediction->setText(m_targets->topLevelItemCount() == 0
                                  ? tr("No other connected host to move to.")
                                  : !m_ranked ? tr("Asking the hosts how much room they have…")
                                              : tr("Choose a target with room for this VM."));
        return;
    }
    // Before the move the job measures the dirty-page rate and uses the
    // bandwidth measured by earlier moves; here the defaults give the order
    // of magnitude.
    MigrationModel::Input input;
    input.memoryBytes = double(m_memoryKiB) * 1024.0;
    input.dirtyBytesPerSec = MigrationModel::kDefaultDirtyBytesPerSec;
    if (m_bandwidth->value() > 0)
        input.bandwidthBytesPerSec
            = std::min(input.bandwidthBytesPerSec, m_bandwidth->value() * 1024.0 * 1024.0);
    input.maxDowntimeMs = m_maxDowntime->value();
    input.autoConverge = m_autoConverge->isChecked();
    const MigrationModel::Prediction prediction = MigrationModel::predict(input);
    m_prediction->setText(
        tr("First estimate: about %1 in all, the VM paused for about %2 at the switch-over "
           "(%3 copy rounds). Check measures the guest's dirty-page rate and refines it.")
            .arg(seconds(prediction.totalMs), seconds(prediction.downtimeMs))
            .arg(prediction.iterations));
}

MigrationRequest MigrationDialog::request() const
{
    MigrationRequest request;
    request.vm = m_uuid;
    request.sourceUri = m_uri;
    if (QTreeWidgetItem *target = m_targets->currentItem())
        request.targetUri = target->data(0, Qt::UserRole).toString();
    request.options.maxDowntimeMs = m_maxDowntime->value();
    request.options.bandwidthMiBs = m_bandwidth->value();
    request.options.autoConverge = m_autoConverge->isChecked();
    request.options.keepSource = m_keepSource->isChecked();
    request.options.storage = StorageMode(m_storage->currentData().toInt());
    request.options.unsafe = m_unsafe->isChecked() && request.options.storage != StorageMode::Copy;
    if (!m_healthUrl->text().trimmed().isEmpty()) {
        request.options.health.kind = HealthCheck::Kind::Http;
        request.options.health.target = m_healthUrl->text().trimmed();
    }
    return request;
}

} // namespace Umbra
