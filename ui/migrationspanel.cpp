#include "migrationspanel.h"

#include "demo/simulatedlink.h"
#include "fleet/hosturi.h"
#include "format.h"
#include "migrate/migrationmanager.h"
#include "tablesetup.h"

#include <QDateTime>
#include <QHeaderView>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>

namespace Umbra {

namespace {

enum RunningColumn { VmCol, TargetCol, StageCol, ProgressCol, RemainingCol, DirtyCol, CancelCol };
enum HistoryColumn { WhenCol, HVmCol, RouteCol, OutcomeCol, DurationCol, DowntimeCol, ReasonCol };

QString millis(qint64 ms)
{
    return ms < 0 ? Format::missing()
                  : MigrationsPanel::tr("%1 s").arg(double(ms) / 1000.0, 0, 'f', 2);
}

QString predictedVsActual(qint64 predicted, qint64 actual)
{
    return MigrationsPanel::tr("%1 / %2").arg(millis(predicted), millis(actual));
}

QTableWidget *table(const QStringList &headers, QWidget *parent)
{
    auto *view = new QTableWidget(0, int(headers.size()), parent);
    view->setHorizontalHeaderLabels(headers);
    TableSetup::apply(view);
    view->setSortingEnabled(false);
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    return view;
}

} // namespace

MigrationsPanel::MigrationsPanel(MigrationManager *manager, QWidget *parent)
    : QWidget(parent)
    , m_manager(manager)
{
    m_running = table(
        { tr("VM"), tr("To"), tr("Stage"), tr("Copied"), tr("Left"), tr("Dirty rate"), QString() },
        this);
    m_history
        = table({ tr("Finished"), tr("VM"), tr("From → to"), tr("Outcome"),
                  tr("Duration predicted / actual"), tr("Pause predicted / actual"), tr("Reason") },
                this);
    const QFontMetrics metrics(font());
    m_history->setColumnWidth(
        WhenCol, metrics.horizontalAdvance(QStringLiteral("2026-11-30 18:00:00")) + 16);
    m_history->setColumnWidth(
        RouteCol, metrics.horizontalAdvance(QStringLiteral("rack1-kvm01 → rack1-kvm02")) + 16);
    m_history->setColumnWidth(
        DurationCol, metrics.horizontalAdvance(QStringLiteral("Duration predicted / actual")) + 16);
    m_history->setColumnWidth(
        DowntimeCol, metrics.horizontalAdvance(QStringLiteral("Pause predicted / actual")) + 16);
    m_running->setColumnWidth(ProgressCol, 160);
    m_idle
        = new QLabel(tr("No migration is running. Start one with Migrate… on a VM's page."), this);
    m_idle->setForegroundRole(QPalette::PlaceholderText);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_idle);
    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_running);
    splitter->addWidget(m_history);
    layout->addWidget(splitter, 1);
    m_running->setVisible(false);

    if (!manager)
        return;
    connect(manager, &MigrationManager::jobStarted, this,
            [this](qint64 jobId, const MigrationRequest &request) {
                rowFor(jobId, request.vm, request.targetUri).simulated
                    = SimulatedLink::simulates(request.sourceUri);
            });
    connect(manager, &MigrationManager::stageChanged, this,
            [this](qint64 jobId, MigrationStage stage, const QString &message, qint64) {
                onStage(jobId, stage, message);
            });
    connect(manager, &MigrationManager::progress, this, &MigrationsPanel::onProgress);
    connect(manager, &MigrationManager::jobFinished, this, &MigrationsPanel::onFinished);
    connect(manager, &MigrationManager::historyReady, this, &MigrationsPanel::showHistory);
    connect(manager, &MigrationManager::reconciled, this, [this] { m_manager->requestHistory(); });
    manager->requestHistory();
}

MigrationsPanel::Row &MigrationsPanel::rowFor(qint64 jobId, const QString &vm,
                                              const QString &target)
{
    auto found = m_rows.find(jobId);
    if (found != m_rows.end())
        return *found;
    Row row;
    row.row = m_running->rowCount();
    m_running->insertRow(row.row);
    m_running->setItem(row.row, VmCol, new QTableWidgetItem(vm));
    m_running->setItem(row.row, TargetCol, new QTableWidgetItem(HostUri::displayName(target)));
    for (int column : { StageCol, RemainingCol, DirtyCol })
        m_running->setItem(row.row, column, new QTableWidgetItem);
    row.bar = new QProgressBar(m_running);
    row.bar->setRange(0, 1000);
    row.bar->setValue(0);
    row.bar->setFormat(QStringLiteral("%p %"));
    m_running->setCellWidget(row.row, ProgressCol, row.bar);
    row.cancel = new QPushButton(tr("Cancel"), m_running);
    connect(row.cancel, &QPushButton::clicked, this, [this, jobId] {
        if (m_manager)
            m_manager->cancel(jobId);
    });
    m_running->setCellWidget(row.row, CancelCol, row.cancel);
    m_running->setVisible(true);
    m_idle->setVisible(false);
    return *m_rows.insert(jobId, row);
}

void MigrationsPanel::onStage(qint64 jobId, MigrationStage stage, const QString &message)
{
    Row &row = rowFor(jobId, QString(), QString());
    QTableWidgetItem *item = m_running->item(row.row, StageCol);
    item->setText(row.simulated ? tr("%1 (simulated)").arg(stageLabel(stage)) : stageLabel(stage));
    item->setToolTip(message);
    // Past the copy the job can no longer be called back without a move.
    if (stage == MigrationStage::Finalize || stage == MigrationStage::RollingBack)
        row.cancel->setEnabled(false);
}

void MigrationsPanel::onProgress(const MigrationProgress &progress)
{
    Row &row = rowFor(progress.jobId, QString(), QString());
    row.bar->setValue(int(progress.fraction() * 1000));
    m_running->item(row.row, RemainingCol)->setText(Format::bytes(double(progress.dataRemaining)));
    m_running->item(row.row, DirtyCol)->setText(Format::bytesPerSecond(progress.dirtyBytesPerSec));
}

void MigrationsPanel::onFinished(const MigrationRecord &record)
{
    if (m_rows.contains(record.id)) {
        // Rows below move up; their indexes follow.
        const int removed = m_rows.take(record.id).row;
        m_running->removeRow(removed);
        for (Row &row : m_rows) {
            if (row.row > removed)
                --row.row;
        }
    }
    m_running->setVisible(!m_rows.isEmpty());
    m_idle->setVisible(m_rows.isEmpty());
    if (m_manager)
        m_manager->requestHistory();
}

void MigrationsPanel::showHistory(const QList<MigrationRecord> &jobs, const QString &error)
{
    m_history->setRowCount(0);
    if (!error.isEmpty()) {
        m_history->setRowCount(1);
        m_history->setItem(0, ReasonCol, new QTableWidgetItem(error));
        return;
    }
    for (const MigrationRecord &job : jobs) {
        if (!job.finished())
            continue;
        const int row = m_history->rowCount();
        m_history->insertRow(row);
        const auto set = [&](int column, const QString &text, const QString &tip = {}) {
            auto *item = new QTableWidgetItem(text);
            item->setToolTip(tip.isEmpty() ? text : tip);
            m_history->setItem(row, column, item);
        };
        set(WhenCol,
            QDateTime::fromMSecsSinceEpoch(job.finishedMs ? job.finishedMs : job.updatedMs)
                .toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")));
        set(HVmCol, job.vmName);
        set(RouteCol,
            tr("%1 → %2").arg(HostUri::displayName(job.sourceUri),
                              HostUri::displayName(job.targetUri)));
        set(OutcomeCol,
            SimulatedLink::simulates(job.sourceUri)
                ? tr("%1 (simulated)").arg(outcomeLabel(job.outcome))
                : outcomeLabel(job.outcome));
        set(DurationCol, predictedVsActual(job.predictedTotalMs, job.actualTotalMs));
        set(DowntimeCol, predictedVsActual(job.predictedDowntimeMs, job.actualDowntimeMs));
        set(ReasonCol, job.reason);
    }
}

} // namespace Umbra
