#include "migrationdialog.h"

#include "engine/engine.h"
#include "fleet/hosturi.h"
#include "format.h"
#include "migrate/migrationmanager.h"
#include "migrate/migrationmodel.h"
#include "migrate/migrationplanner.h"
#include "util/displaytext.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFormLayout>
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

constexpr int kFreeRole = Qt::UserRole + 1;

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

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_check = m_buttons->addButton(tr("Check"), QDialogButtonBox::ActionRole);
    m_migrate = m_buttons->addButton(tr("Migrate"), QDialogButtonBox::AcceptRole);
    connect(m_check, &QPushButton::clicked, this, &MigrationDialog::check);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(m_targets, 1);
    layout->addLayout(options);
    layout->addWidget(m_log);
    layout->addWidget(m_prediction);
    layout->addWidget(m_buttons);

    connect(m_targets, &QTreeWidget::currentItemChanged, this, &MigrationDialog::updatePrediction);
    connect(m_maxDowntime, &QSpinBox::valueChanged, this, &MigrationDialog::updatePrediction);
    connect(m_bandwidth, &QSpinBox::valueChanged, this, &MigrationDialog::updatePrediction);
    connect(m_autoConverge, &QCheckBox::toggled, this, &MigrationDialog::updatePrediction);
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
    if (!plan.executable()) {
        m_prediction->setText(
            tr("%1: %2").arg(outcomeLabel(MigrationOutcome::Failed), plan.refusal));
    } else {
        MigrationRecord predicted;
        MigrationPlanner::applyPrediction(plan.prediction, predicted);
        QString dirty = tr("not measured");
        if (predicted.dirtyRate >= 0)
            dirty = Format::bytesPerSecond(predicted.dirtyRate);
        m_prediction->setText(
            tr("Preflight passed. Predicted: %1 in all, the VM paused for about %2 "
               "(%3 copy rounds at %4, the guest dirtying %5). Migrate to go "
               "ahead.")
                .arg(seconds(double(predicted.predictedTotalMs)),
                     seconds(double(predicted.predictedDowntimeMs)))
                .arg(predicted.predictedIterations)
                .arg(Format::bytesPerSecond(predicted.predictedBandwidth), dirty));
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
    for (QWidget *input : std::initializer_list<QWidget *>{
             m_targets, m_maxDowntime, m_bandwidth, m_autoConverge, m_keepSource, m_healthUrl })
        input->setEnabled(!m_checking);
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
    struct Candidate
    {
        QString uri;
        qint64 freeKiB;
        int running;
    };
    QList<Candidate> candidates;
    for (const HostConfig &host : m_engine->fleet()->hosts()) {
        if (host.uri == m_uri
            || m_engine->fleet()->hostStatus(host.uri).state != HostState::Connected)
            continue;
        qint64 allocated = 0;
        int running = 0;
        for (const VmInfo &vm : m_engine->fleet()->vms(host.uri)) {
            if (vmStateIsActive(vm.state)) {
                allocated += qint64(vm.memoryKiB);
                ++running;
            }
        }
        const qint64 free = qint64(m_engine->fleet()->hostInfo(host.uri).memoryKiB) - allocated
            - qint64(m_memoryKiB);
        candidates.append({ host.uri, free, running });
    }
    std::sort(candidates.begin(), candidates.end(),
              [](const Candidate &a, const Candidate &b) { return a.freeKiB > b.freeKiB; });
    for (const Candidate &candidate : std::as_const(candidates)) {
        auto *item = new QTreeWidgetItem(m_targets);
        item->setText(0, HostUri::displayName(candidate.uri));
        item->setData(0, Qt::UserRole, candidate.uri);
        item->setData(0, kFreeRole, candidate.freeKiB);
        item->setText(1,
                      candidate.freeKiB >= 0
                          ? Format::kib(double(candidate.freeKiB))
                          : tr("%1 short").arg(Format::kib(double(-candidate.freeKiB))));
        item->setText(2, QString::number(candidate.running));
        item->setToolTip(0, candidate.uri);
        if (candidate.freeKiB < 0) {
            item->setFlags(item->flags() & ~Qt::ItemIsEnabled);
            item->setToolTip(1, tr("Not enough memory for %1 after the move.").arg(m_name));
        }
    }
    for (int i = 0; i < m_targets->topLevelItemCount(); ++i) {
        if (m_targets->topLevelItem(i)->flags() & Qt::ItemIsEnabled) {
            m_targets->setCurrentItem(m_targets->topLevelItem(i));
            break;
        }
    }
    updatePrediction();
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
    if (!m_healthUrl->text().trimmed().isEmpty()) {
        request.options.health.kind = HealthCheck::Kind::Http;
        request.options.health.target = m_healthUrl->text().trimmed();
    }
    return request;
}

} // namespace Umbra
