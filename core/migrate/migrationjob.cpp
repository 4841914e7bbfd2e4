#include "migrate/migrationjob.h"

#include "migrate/domainxml.h"
#include "migrate/healthcheck.h"
#include "migrate/migrationjournal.h"
#include "migrate/migrationmodel.h"
#include "traffic/trafficredirector.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QThread>
#include <QUrl>
#include <thread>

namespace Umbra {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Umbra::MigrationJob)
};

QString mib(quint64 kib)
{
    return QString::number(double(kib) / 1024.0, 'f', 0);
}

// The data channel back to the source: the operator's choice, else tcp://
// to the source URI's host when the forward channel is a tcp:// URI.
// Appends a sentence to a reason.
void addSentence(QString &reason, const QString &sentence)
{
    if (!reason.isEmpty() && !reason.endsWith(u'.'))
        reason += u'.';
    if (!reason.isEmpty())
        reason += u' ';
    reason += sentence.trimmed();
}

QString returnChannel(const MigrationRequest &request)
{
    if (!request.options.returnMigrationUri.isEmpty())
        return request.options.returnMigrationUri;
    if (!request.options.migrationUri.startsWith(QLatin1String("tcp://")))
        return {};
    const QString host = QUrl(request.sourceUri).host();
    return host.isEmpty() ? QString() : QStringLiteral("tcp://") + host;
}

} // namespace

MigrationModel::Prediction MigrationJob::modelFor(const MigrationRecord &r, double switchoverMs)
{
    MigrationModel::Input in;
    in.memoryBytes = double(r.memoryBytes);
    in.dirtyBytesPerSec = r.dirtyRate >= 0 ? r.dirtyRate : MigrationModel::kDefaultDirtyBytesPerSec;
    in.bandwidthBytesPerSec = r.measuredBandwidth;
    in.maxDowntimeMs = r.options.maxDowntimeMs;
    in.autoConverge = r.options.autoConverge;
    in.postCopy = r.options.postCopy;
    in.postCopyAfterIterations = r.options.postCopyAfterIterations;
    in.setupOverheadMs = 0;
    in.switchoverMs = switchoverMs;
    return MigrationModel::predict(in);
}

MigrationJob::MigrationJob(MigrationRequest request, Environment environment, QObject *parent)
    : QObject(parent)
    , m_request(std::move(request))
    , m_env(std::move(environment))
{
    if (!m_env.redirector)
        m_env.redirector = std::make_shared<NoTrafficRedirector>();
}

MigrationJob::~MigrationJob() = default;

void MigrationJob::enter(MigrationStage stage, const QString &message)
{
    m_stage = stage;
    if (auto done = m_journal->enterStage(m_record.id, stage, message); !done)
        qWarning("umbra: %s", qUtf8Printable(done.error()));
    const StageEvent event{ QDateTime::currentMSecsSinceEpoch(), stage, QStringLiteral("enter"),
                            message };
    m_record.events.append(event);
    Q_EMIT stageChanged(m_record.id, stage, message, event.timestampMs);
}

void MigrationJob::log(const QString &message, const QString &kind)
{
    if (auto done = m_journal->note(m_record.id, m_stage, kind, message); !done)
        qWarning("umbra: %s", qUtf8Printable(done.error()));
    Q_EMIT logged(m_record.id, m_stage, message);
}

void MigrationJob::run()
{
    QString reason;
    const QString connection
        = QStringLiteral("umbra-migrate-%1").arg(quintptr(QThread::currentThreadId()), 0, 16);
    auto journal = MigrationJournal::open(m_env.journalPath, connection);
    m_record.vmName = m_request.vm;
    m_record.sourceUri = m_request.sourceUri;
    m_record.targetUri = m_request.targetUri;
    m_record.options = m_request.options;
    if (!journal) {
        m_record.outcome = MigrationOutcome::Failed;
        m_record.reason = Tr::tr("The migration journal cannot be opened, so nothing was done: %1")
                              .arg(journal.error());
        Q_EMIT finished(m_record);
        return;
    }
    m_journal = std::move(journal.value());
    auto created = m_journal->create(m_record);
    if (!created) {
        m_record.outcome = MigrationOutcome::Failed;
        m_record.reason = Tr::tr("The migration journal cannot be written, so nothing was done: %1")
                              .arg(created.error());
        m_journal.reset();
        Q_EMIT finished(m_record);
        return;
    }
    m_record.id = created.value();
    m_record.createdMs = QDateTime::currentMSecsSinceEpoch();
    m_id.store(m_record.id);
    Q_EMIT stageChanged(m_record.id, MigrationStage::Pending, QString(),
                        QDateTime::currentMSecsSinceEpoch());

    const MigrationOutcome outcome = execute(reason);
    if (auto done = m_journal->finish(m_record.id, outcome, reason); !done)
        qWarning("umbra: %s", qUtf8Printable(done.error()));
    auto stored = m_journal->job(m_record.id);
    MigrationRecord record = stored ? stored.value() : m_record;
    record.outcome = outcome;
    record.reason = reason;
    m_source.reset();
    m_target.reset();
    m_journal.reset();
    Q_EMIT finished(record);
}

MigrationOutcome MigrationJob::execute(QString &reason)
{
    auto cancelledBeforeChanges = [&] {
        reason = Tr::tr("Cancelled by the operator before anything changed.");
        return MigrationOutcome::Cancelled;
    };

    enter(MigrationStage::Preflight);
    StepResult step = preflight();
    if (step.step == Step::Failed) {
        reason = step.reason;
        return MigrationOutcome::Failed;
    }
    if (step.step == Step::Cancelled || m_cancel)
        return cancelledBeforeChanges();

    enter(MigrationStage::Prediction);
    predict();
    if (m_cancel)
        return cancelledBeforeChanges();
    if (m_request.options.awaitApproval) {
        log(Tr::tr("Waiting for the operator's approval."));
        Q_EMIT awaitingApproval(m_record);
        // Nothing has changed yet: waiting costs only this job's thread.
        while (!m_approved && !m_cancel)
            QThread::msleep(20);
        if (m_cancel)
            return cancelledBeforeChanges();
        log(Tr::tr("Approved by the operator."));
    }

    enter(MigrationStage::Snapshot);
    step = snapshot();
    if (step.step == Step::Failed) {
        reason = step.reason;
        return MigrationOutcome::Failed;
    }
    if (m_cancel) {
        foldOverlays(*m_source);
        return cancelledBeforeChanges();
    }

    enter(MigrationStage::Transfer);
    step = transfer();
    if (step.step != Step::Ok) {
        reason = step.reason;
        return rollbackOnSource(step.step == Step::Cancelled, reason);
    }

    enter(MigrationStage::Redirect, m_env.redirector->name());
    const TrafficRedirector::Move move{ m_record.vmUuid, m_record.vmName, m_request.sourceUri,
                                        m_request.targetUri };
    if (auto redirected = m_env.redirector->redirect(move); !redirected) {
        reason = Tr::tr("Redirecting traffic failed: %1").arg(redirected.error());
        return rollbackFromTarget(false, reason);
    }
    m_redirected = true;
    if (m_cancel) {
        reason = Tr::tr("Cancelled by the operator after the transfer.");
        return rollbackFromTarget(true, reason);
    }

    enter(MigrationStage::Verify);
    step = verify();
    if (step.step == Step::Ok && m_cancel)
        step = { Step::Cancelled, Tr::tr("Cancelled by the operator during verification.") };
    if (step.step != Step::Ok) {
        reason = step.reason;
        return rollbackFromTarget(step.step == Step::Cancelled, reason);
    }

    enter(MigrationStage::Finalize);
    step = finalize();
    if (step.step == Step::Failed) {
        reason = step.reason;
        return MigrationOutcome::NeedsAttention;
    }
    reason.clear();
    return MigrationOutcome::Completed;
}

MigrationJob::StepResult MigrationJob::preflight()
{
    const QString vm = m_request.vm;
    auto fail = [](const QString &reason) { return StepResult{ Step::Failed, reason }; };

    auto source = m_env.links(m_request.sourceUri);
    if (!source)
        return fail(Tr::tr("The source host is unreachable: %1").arg(source.error()));
    m_source = std::move(source.value());
    auto dom = m_source->domain(vm);
    if (!dom)
        return fail(dom.error());
    if (!dom->exists)
        return fail(
            Tr::tr("No VM named or numbered “%1” is defined on %2.").arg(vm, m_request.sourceUri));
    m_record.vmUuid = dom->uuid;
    m_record.vmName = dom->name;
    if (auto done = m_journal->setVm(m_record.id, dom->uuid, dom->name); !done)
        return fail(done.error());
    if (!dom->running())
        return fail(Tr::tr("%1 is not running on %2; only a running VM is moved live.")
                        .arg(dom->name, m_request.sourceUri));
    if (!dom->persistent)
        return fail(Tr::tr("%1 is transient on %2; Umbra moves persistent VMs only, so that a "
                           "definition always stays behind until the target is verified.")
                        .arg(dom->name, m_request.sourceUri));
    m_record.memoryBytes = qint64(dom->memoryKiB) * 1024;
    if (m_cancel)
        return { Step::Cancelled, {} };

    auto target = m_env.links(m_request.targetUri);
    if (!target)
        return fail(Tr::tr("The target host is unreachable: %1").arg(target.error()));
    m_target = std::move(target.value());

    auto sourceHost = m_source->host();
    if (!sourceHost)
        return fail(sourceHost.error());
    auto targetHost = m_target->host();
    if (!targetHost)
        return fail(Tr::tr("The target host does not answer as a healthy host: %1")
                        .arg(targetHost.error()));
    const bool sameUuid = !sourceHost->uuid.isEmpty() && sourceHost->uuid == targetHost->uuid;
    const bool sameUri = m_request.sourceUri == m_request.targetUri
        || (!sourceHost->canonicalUri.isEmpty()
            && sourceHost->canonicalUri == targetHost->canonicalUri
            && (sourceHost->uuid.isEmpty() || targetHost->uuid.isEmpty()));
    if (sameUuid || sameUri)
        return fail(Tr::tr("%1 and %2 are the same host (%3); a VM cannot migrate onto the host "
                           "it runs on.")
                        .arg(m_request.sourceUri, m_request.targetUri,
                             sameUuid ? Tr::tr("host UUID %1").arg(sourceHost->uuid)
                                      : Tr::tr("same connection URI")));

    auto onTarget = m_target->domain(m_record.vmUuid);
    if (!onTarget)
        return fail(onTarget.error());
    if (onTarget->exists && onTarget->active)
        return fail(Tr::tr("%1 is already active on the target %2.")
                        .arg(m_record.vmName, m_request.targetUri));
    m_targetHadDefinition = onTarget->exists;
    if (m_targetHadDefinition)
        log(Tr::tr("The target already holds an inactive definition of %1; the migration "
                   "replaces it.")
                .arg(m_record.vmName));

    // Memory: what the target has free, and what its running VMs may still claim.
    auto allocation = m_target->allocation();
    if (!allocation)
        return fail(allocation.error());
    const quint64 reserveKiB
        = quint64(std::max<qint64>(0, m_request.options.targetReserveMiB)) * 1024;
    const quint64 unallocated = targetHost->memoryKiB > allocation->memoryKiB
        ? targetHost->memoryKiB - allocation->memoryKiB
        : 0;
    const quint64 usable = std::min(unallocated, targetHost->freeMemoryKiB);
    const quint64 available = usable > reserveKiB ? usable - reserveKiB : 0;
    if (dom->memoryKiB > available)
        return fail(Tr::tr("Not enough memory on %1: %2 needs %3 MiB, the target has %4 MiB "
                           "usable after keeping %5 MiB for itself (%6 MiB total, %7 MiB free, "
                           "%8 MiB held by %9 running VMs).")
                        .arg(m_request.targetUri, m_record.vmName, mib(dom->memoryKiB),
                             mib(available), mib(reserveKiB), mib(targetHost->memoryKiB),
                             mib(targetHost->freeMemoryKiB), mib(allocation->memoryKiB))
                        .arg(allocation->domains));
    const double vcpuLimit = targetHost->cpus * m_request.options.vcpuOvercommit;
    if (double(allocation->vcpus + dom->vcpus) > vcpuLimit)
        return fail(Tr::tr("Not enough CPU on %1: %2 more vCPUs would make %3 on %4 host CPUs, "
                           "above the allowed %5 per CPU.")
                        .arg(m_request.targetUri)
                        .arg(dom->vcpus)
                        .arg(allocation->vcpus + dom->vcpus)
                        .arg(targetHost->cpus)
                        .arg(m_request.options.vcpuOvercommit));

    auto xml = m_source->domainXml(m_record.vmUuid, false);
    if (!xml)
        return fail(xml.error());
    const QString virtType = DomainXml::domainType(xml.value());
    QString cpu = DomainXml::cpuElement(xml.value());
    if (cpu.isEmpty() && virtType == QLatin1String("kvm"))
        cpu = sourceHost->cpuXml;
    if (cpu.isEmpty()) {
        log(Tr::tr("CPU: no model to check."));
    } else if (auto compared = m_target->compareCpu(cpu, virtType); !compared) {
        log(Tr::tr("CPU compatibility not checked: %1").arg(compared.error()));
    } else if (compared.value() == 0) { // VIR_CPU_COMPARE_INCOMPATIBLE
        return fail(Tr::tr("The CPU of %1 is incompatible with the target %2.")
                        .arg(m_record.vmName, m_request.targetUri));
    } else {
        log(Tr::tr("CPU: the target can provide the VM's CPU."));
    }

    // Storage: shared when the target's pools hold every disk path.
    QStringList missing;
    QStringList sourceOnly;
    for (const DomainXml::Disk &disk : DomainXml::disks(xml.value())) {
        if (disk.source.isEmpty()
            || (disk.type != QLatin1String("file") && disk.type != QLatin1String("block")))
            continue;
        auto known = m_target->hasVolume(disk.source);
        if (known && known.value())
            continue;
        missing.append(disk.source);
        auto local = m_source->hasVolume(disk.source);
        if (local && local.value())
            sourceOnly.append(disk.source);
    }
    switch (m_request.options.storage) {
    case StorageMode::Shared:
        m_record.sharedStorage = true;
        break;
    case StorageMode::Copy:
        m_record.sharedStorage = false;
        break;
    case StorageMode::Auto:
        if (missing.isEmpty()) {
            m_record.sharedStorage = true;
        } else if (sourceOnly.size() == missing.size()) {
            m_record.sharedStorage = false;
        } else {
            return fail(Tr::tr("Cannot tell whether %1 is on storage shared with %2 (no storage "
                               "pool of either host holds it). Choose the shared or copy storage "
                               "mode explicitly.")
                            .arg(missing.join(QStringLiteral(", ")), m_request.targetUri));
        }
        break;
    }
    log(m_record.sharedStorage ? Tr::tr("Storage: shared, disks stay where they are.")
                               : Tr::tr("Storage: disks are copied to the target."));
    log(Tr::tr("Target %1: %2 MiB usable for %3 MiB, %4 of %5 vCPU slots taken.")
            .arg(m_request.targetUri, mib(available), mib(dom->memoryKiB))
            .arg(allocation->vcpus + dom->vcpus)
            .arg(vcpuLimit));
    return {};
}

void MigrationJob::predict()
{
    MigrationModel::Input in;
    in.memoryBytes = double(m_record.memoryBytes);
    auto dirty = m_source->dirtyRate(m_record.vmUuid, m_request.options.dirtyRateSeconds);
    if (dirty) {
        in.dirtyBytesPerSec = dirty.value();
        m_record.dirtyRate = dirty.value();
    } else {
        in.dirtyBytesPerSec = MigrationModel::kDefaultDirtyBytesPerSec;
        log(Tr::tr("Dirty-page rate not measured, assuming %1 MiB/s: %2")
                .arg(MigrationModel::kDefaultDirtyBytesPerSec / 1048576.0)
                .arg(dirty.error()));
    }
    auto history = m_journal->bandwidths(m_request.sourceUri, m_request.targetUri);
    const bool measured = history && !history->isEmpty();
    in.bandwidthBytesPerSec
        = MigrationModel::learnedBandwidth(history ? history.value() : QList<double>());
    if (m_request.options.bandwidthMiBs > 0)
        in.bandwidthBytesPerSec
            = std::min(in.bandwidthBytesPerSec, m_request.options.bandwidthMiBs * 1048576.0);
    auto residuals = m_journal->overheadResidualsMs(m_request.targetUri);
    in.setupOverheadMs
        = MigrationModel::learnedOverheadMs(residuals ? residuals.value() : QList<double>());
    in.maxDowntimeMs = m_request.options.maxDowntimeMs;
    in.autoConverge = m_request.options.autoConverge;
    in.postCopy = m_request.options.postCopy;
    in.postCopyAfterIterations = m_request.options.postCopyAfterIterations;
    // The switch-over cost: past downtimes beyond what their copy explains.
    QList<double> switchovers;
    if (auto past = m_journal->transfersTo(m_request.targetUri)) {
        for (const MigrationRecord &r : past.value())
            switchovers.append(double(r.actualDowntimeMs) - modelFor(r, 0).downtimeMs);
    }
    in.switchoverMs = MigrationModel::learnedSwitchoverMs(switchovers);
    const MigrationModel::Prediction p = MigrationModel::predict(in);
    m_switchoverMs = in.switchoverMs;
    m_record.predictedBandwidth = in.bandwidthBytesPerSec;
    m_record.predictedTotalMs = qint64(p.totalMs);
    m_record.predictedDowntimeMs = qint64(p.downtimeMs);
    m_record.predictedIterations = p.iterations;
    m_record.predictedConverges = p.converges;
    if (auto done = m_journal->savePrediction(m_record.id, m_record); !done)
        log(done.error(), QStringLiteral("error"));
    log(Tr::tr("Predicted %1 s in total, %2 ms downtime, %3 rounds%4 (memory %5 MiB, dirty "
               "%6 MiB/s, bandwidth %7 MiB/s %8, overhead %9 ms, switch-over %10 ms).")
            .arg(p.totalMs / 1000.0, 0, 'f', 1)
            .arg(qint64(p.downtimeMs))
            .arg(p.iterations)
            .arg(p.converges ? QString() : Tr::tr(", does not converge"))
            .arg(m_record.memoryBytes / 1048576)
            .arg(in.dirtyBytesPerSec / 1048576.0, 0, 'f', 1)
            .arg(in.bandwidthBytesPerSec / 1048576.0, 0, 'f', 1)
            .arg(measured ? Tr::tr("measured") : Tr::tr("default"))
            .arg(qint64(in.setupOverheadMs))
            .arg(qint64(in.switchoverMs)));
}

void MigrationJob::saveSnapshotState(const QString &state)
{
    m_record.snapshot.insert(QStringLiteral("state"), state);
    m_record.snapshot.insert(QStringLiteral("targetHadDefinition"), m_targetHadDefinition);
    QJsonArray overlays;
    for (const auto &[disk, overlay] : m_overlays)
        overlays.append(QJsonObject{ { QStringLiteral("disk"), disk },
                                     { QStringLiteral("overlay"), overlay } });
    m_record.snapshot.insert(QStringLiteral("overlays"), overlays);
    if (auto done = m_journal->saveRestorePoint(m_record.id, m_record.inactiveXml,
                                                m_record.snapshot, m_record.sharedStorage);
        !done)
        log(done.error(), QStringLiteral("error"));
}

MigrationJob::StepResult MigrationJob::snapshot()
{
    auto inactive = m_source->domainXml(m_record.vmUuid, true);
    if (!inactive)
        return { Step::Failed, inactive.error() };
    m_record.inactiveXml = inactive.value();
    auto live = m_source->domainXml(m_record.vmUuid, false);
    if (!live)
        return { Step::Failed, live.error() };

    QString why;
    QStringList others;
    QList<std::pair<QString, QString>> planned;
    for (const DomainXml::Disk &disk : DomainXml::disks(live.value())) {
        const bool writable = disk.device == QLatin1String("disk") && !disk.readOnly;
        if (!writable) {
            others.append(disk.target);
            continue;
        }
        if (disk.type != QLatin1String("file") || disk.format != QLatin1String("qcow2")) {
            why = Tr::tr("disk %1 is %2 %3, not a qcow2 file")
                      .arg(disk.target, disk.type,
                           disk.format.isEmpty() ? QStringLiteral("raw") : disk.format);
            break;
        }
        planned.append(
            { disk.target, DomainXml::overlayPath(disk.source, m_record.id, m_record.createdMs) });
    }
    if (!m_request.options.snapshot)
        why = Tr::tr("restore points are turned off");
    else if (why.isEmpty() && planned.isEmpty())
        why = Tr::tr("the VM has no writable disk");
    else if (why.isEmpty() && !m_record.sharedStorage)
        why = Tr::tr("the disks are copied, not shared");

    if (why.isEmpty()) {
        // The overlays are journalled before they exist, so a crash in between
        // leaves a record of what to look for.
        m_overlays = planned;
        saveSnapshotState(QStringLiteral("creating"));
        auto agent = m_source->agentPing(m_record.vmUuid, 2);
        const bool quiesce = agent && agent.value();
        auto taken = m_source->diskSnapshot(
            m_record.vmUuid,
            DomainXml::diskSnapshotXml(QStringLiteral("umbra-migration-%1").arg(m_record.id),
                                       planned, others),
            quiesce);
        if (taken) {
            saveSnapshotState(QStringLiteral("active"));
            QStringList files;
            for (const auto &o : planned)
                files.append(o.second);
            log(Tr::tr("Restore point: the disks as they were are the base of the overlay%1 "
                       "%2%3.")
                    .arg(planned.size() > 1 ? QStringLiteral("s") : QString(),
                         files.join(QStringLiteral(", ")),
                         quiesce ? Tr::tr(" (file systems quiesced by the guest agent)")
                                 : QString()));
            return {};
        }
        m_overlays.clear();
        why = taken.error();
    }
    m_record.snapshot.insert(QStringLiteral("reason"), why);
    saveSnapshotState(QStringLiteral("none"));
    if (m_request.options.requireSnapshot)
        return { Step::Failed,
                 Tr::tr("No restore point could be made (%1), and the settings "
                        "require one.")
                     .arg(why) };
    log(Tr::tr("No disk restore point (%1); the saved definition is the restore point.").arg(why));
    return {};
}

MigrateParams MigrationJob::forwardParams() const
{
    MigrateParams p;
    p.targetUri = m_request.targetUri;
    p.target = m_target.get();
    p.peerToPeer = m_request.options.transfer == TransferMode::PeerToPeer;
    p.migrationUri = m_request.options.migrationUri;
    p.bandwidthMiBs = m_request.options.bandwidthMiBs;
    p.autoConverge = m_request.options.autoConverge;
    p.postCopy = m_request.options.postCopy;
    p.unsafe = m_request.options.unsafe;
    p.copyStorage = !m_record.sharedStorage;
    return p;
}

MigrationJob::StepResult MigrationJob::transfer()
{
    const QString uuid = m_record.vmUuid;
    const MigrateParams params = forwardParams();
    bool downtimeSet = bool(m_source->setMaxDowntime(uuid, m_request.options.maxDowntimeMs));

    std::atomic<bool> done{ false };
    Result<void> result;
    QElapsedTimer clock;
    clock.start();
    HypervisorLink *source = m_source.get();
    std::thread migrator([&] {
        result = source->migrate(uuid, params);
        done.store(true);
    });

    const int interval = std::clamp(m_request.options.pollIntervalMs, 50, 1000);
    bool aborted = false;
    bool switchedToPostCopy = false;
    QString abortReason;
    while (!done.load()) {
        QThread::msleep(ulong(interval));
        if (done.load())
            break;
        auto stats = source->jobStats(uuid, false);
        if (stats && stats->active) {
            if (!downtimeSet)
                downtimeSet = bool(source->setMaxDowntime(uuid, m_request.options.maxDowntimeMs));
            MigrationProgress p;
            p.jobId = m_record.id;
            p.elapsedMs = clock.elapsed();
            p.dataTotal = stats->dataTotal;
            p.dataProcessed = stats->dataProcessed;
            p.dataRemaining = stats->dataRemaining;
            p.memoryBytesPerSec = stats->memoryBytesPerSec;
            p.dirtyBytesPerSec = stats->dirtyBytesPerSec;
            p.iteration = stats->iteration;
            p.expectedDowntimeMs = stats->expectedDowntimeMs;
            p.postCopy = switchedToPostCopy || stats->postCopy;
            Q_EMIT progress(p);
            if (m_request.options.postCopy && !switchedToPostCopy && !aborted
                && stats->iteration > m_request.options.postCopyAfterIterations) {
                if (auto post = source->startPostCopy(uuid)) {
                    switchedToPostCopy = true;
                    log(Tr::tr("Switched to post-copy after %1 rounds.").arg(stats->iteration - 1));
                }
            }
        }
        const bool timedOut = m_request.options.transferTimeoutS > 0
            && clock.elapsed() > qint64(m_request.options.transferTimeoutS) * 1000;
        if ((m_cancel || timedOut) && !aborted) {
            if (switchedToPostCopy) {
                if (m_cancel)
                    log(Tr::tr("Cancel ignored: post-copy has started; the VM can only finish on "
                               "the target."));
                m_cancel.store(false);
                continue;
            }
            aborted = true;
            abortReason = m_cancel ? Tr::tr("Cancelled by the operator during the transfer.")
                                   : Tr::tr("The transfer took longer than %1 s and was aborted.")
                                         .arg(m_request.options.transferTimeoutS);
            if (auto stopped = source->abortJob(uuid); !stopped)
                log(stopped.error(), QStringLiteral("error"));
            else
                log(abortReason);
        }
    }
    migrator.join();
    const qint64 wallMs = clock.elapsed();

    if (!result) {
        if (aborted)
            return { m_cancel ? Step::Cancelled : Step::Failed, abortReason };
        return { Step::Failed, Tr::tr("The transfer failed: %1").arg(result.error()) };
    }
    if (aborted)
        log(Tr::tr("The migration finished before the abort took effect."));

    // What it took: the source keeps the completed job's statistics.
    auto stats = m_source->jobStats(uuid, true);
    if (!stats || stats->dataProcessed == 0)
        stats = m_target->jobStats(uuid, true);
    m_record.actualTotalMs = wallMs;
    if (stats) {
        m_record.actualDowntimeMs = stats->downtimeMs;
        m_record.dataBytes = stats->dataProcessed > 0 ? qint64(stats->dataProcessed) : -1;
        m_record.measuredBandwidth = stats->memoryBytesPerSec;
        if (m_record.measuredBandwidth <= 0 && stats->dataProcessed > 0 && stats->elapsedMs > 0)
            m_record.measuredBandwidth
                = double(stats->dataProcessed) * 1000.0 / double(stats->elapsedMs);
    }
    if (m_record.measuredBandwidth > 0)
        m_record.modelTransferMs = qint64(modelFor(m_record, m_switchoverMs).transferMs);
    if (auto saved = m_journal->saveActual(m_record.id, m_record); !saved)
        log(saved.error(), QStringLiteral("error"));
    log(Tr::tr("Transferred in %1 s (predicted %2 s), downtime %3 ms (predicted %4 ms), "
               "%5 MiB/s.")
            .arg(wallMs / 1000.0, 0, 'f', 2)
            .arg(m_record.predictedTotalMs / 1000.0, 0, 'f', 2)
            .arg(m_record.actualDowntimeMs)
            .arg(m_record.predictedDowntimeMs)
            .arg(m_record.measuredBandwidth / 1048576.0, 0, 'f', 1));
    return {};
}

MigrationJob::StepResult MigrationJob::verify()
{
    const HealthCheck &health = m_request.options.health;
    QDeadlineTimer deadline(std::max(1000, health.deadlineMs));
    QString problem;
    int attempts = 0;
    while (true) {
        ++attempts;
        problem.clear();
        auto dom = m_target->domain(m_record.vmUuid);
        if (!dom)
            problem = dom.error();
        else if (!dom->exists)
            problem = Tr::tr("%1 is not defined on the target.").arg(m_record.vmName);
        else if (!dom->running())
            problem = Tr::tr("%1 is not running on the target (state %2).")
                          .arg(m_record.vmName)
                          .arg(dom->state);
        if (problem.isEmpty()) {
            auto src = m_source->domain(m_record.vmUuid);
            if (src && src->active)
                problem = Tr::tr("%1 is still active on the source.").arg(m_record.vmName);
        }
        if (problem.isEmpty()) {
            const int timeoutMs = std::clamp(int(deadline.remainingTime()), 500, 3000);
            switch (health.kind) {
            case HealthCheck::Kind::Http:
                if (auto ok = HealthProbe::http(health.target, timeoutMs); !ok)
                    problem = ok.error();
                break;
            case HealthCheck::Kind::Tcp:
                if (auto ok = HealthProbe::tcp(health.target, timeoutMs); !ok)
                    problem = ok.error();
                break;
            case HealthCheck::Kind::Agent: {
                auto ok = m_target->agentPing(m_record.vmUuid, std::max(1, timeoutMs / 1000));
                if (!ok)
                    problem = ok.error();
                else if (!ok.value())
                    problem = Tr::tr("The guest agent of %1 does not answer.").arg(m_record.vmName);
                break;
            }
            case HealthCheck::Kind::None:
                break;
            }
        }
        if (problem.isEmpty()) {
            log(Tr::tr("%1 runs on the target%2.")
                    .arg(m_record.vmName,
                         health.kind == HealthCheck::Kind::None
                             ? QString()
                             : Tr::tr(" and passed its health check (attempt %1)").arg(attempts)));
            return {};
        }
        if (m_cancel)
            return { Step::Cancelled, Tr::tr("Cancelled by the operator during verification.") };
        if (deadline.hasExpired())
            return { Step::Failed,
                     Tr::tr("Verification on the target failed after %1 attempts: %2")
                         .arg(attempts)
                         .arg(problem) };
        QThread::msleep(ulong(std::clamp(health.intervalMs, 50, 5000)));
    }
}

MigrationJob::StepResult MigrationJob::finalize()
{
    const QString uuid = m_record.vmUuid;
    auto dom = m_target->domain(uuid);
    if (!dom)
        return { Step::Failed,
                 Tr::tr("%1 runs verified on the target, but its definition there "
                        "cannot be read: %2")
                     .arg(m_record.vmName, dom.error()) };
    if (!dom->persistent) {
        auto xml = m_target->domainXml(uuid, false);
        auto defined = xml ? m_target->define(xml.value()) : Result<void>(Error{ xml.error() });
        if (!defined)
            return { Step::Failed,
                     Tr::tr("%1 runs verified on the target, but could not be made "
                            "persistent there; its source definition was kept: %2")
                         .arg(m_record.vmName, defined.error()) };
        log(Tr::tr("Made %1 persistent on the target.").arg(m_record.vmName));
    }
    const bool hadOverlays = !m_overlays.isEmpty();
    foldOverlays(*m_target);
    if (m_request.options.keepSource) {
        // The kept definition points at the disks as they are now, not at an overlay.
        if (hadOverlays && !m_record.inactiveXml.isEmpty())
            if (auto redefined = m_source->define(m_record.inactiveXml); !redefined)
                log(redefined.error(), QStringLiteral("error"));
        log(Tr::tr("Kept the inactive definition of %1 on the source for rollback.")
                .arg(m_record.vmName));
        return {};
    }
    if (auto removed = m_source->undefine(uuid); !removed)
        return { Step::Failed,
                 Tr::tr("%1 runs verified on the target, but its old definition "
                        "on the source could not be removed: %2")
                     .arg(m_record.vmName, removed.error()) };
    log(Tr::tr("Removed the definition of %1 from the source.").arg(m_record.vmName));
    return {};
}

void MigrationJob::foldOverlays(HypervisorLink &link)
{
    if (m_overlays.isEmpty())
        return;
    QStringList left;
    bool allFolded = true;
    for (const auto &[disk, overlay] : m_overlays) {
        if (auto folded = link.commitActive(m_record.vmUuid, disk, 300000); !folded) {
            allFolded = false;
            log(Tr::tr("The overlay %1 stays in the chain of %2: %3")
                    .arg(overlay, disk, folded.error()),
                QStringLiteral("error"));
            continue;
        }
        if (!link.removeVolume(overlay))
            left.append(overlay);
    }
    if (allFolded) {
        log(Tr::tr("Folded the restore point's overlays back into their base files%1.")
                .arg(left.isEmpty() ? QString()
                                    : Tr::tr("; no storage pool holds %1, so the file stays")
                                          .arg(left.join(QStringLiteral(", ")))));
        saveSnapshotState(QStringLiteral("folded"));
        m_overlays.clear();
    }
}

MigrationOutcome MigrationJob::rollbackOnSource(bool cancelled, QString &reason)
{
    enter(MigrationStage::RollingBack, reason);
    const QString uuid = m_record.vmUuid;
    auto src = m_source->domain(uuid);
    auto tgt = m_target->domain(uuid);
    if (tgt && tgt->exists && tgt->running() && src && !src->active) {
        // The migration went through after all: bring it back.
        log(Tr::tr("%1 runs on the target after all.").arg(m_record.vmName));
        return rollbackFromTarget(cancelled, reason);
    }
    if (src && src->exists && src->active && src->state == 3) { // paused mid switch-over
        if (auto resumed = m_source->resume(uuid); !resumed)
            log(resumed.error(), QStringLiteral("error"));
    } else if (src && src->exists && !src->active) {
        if (auto started = m_source->start(uuid); !started)
            log(started.error(), QStringLiteral("error"));
        else
            log(Tr::tr("Started %1 again on the source.").arg(m_record.vmName));
    }
    QString targetNote;
    if (!tgt) {
        targetNote = Tr::tr("The target could not be checked for leftovers: %1").arg(tgt.error());
    } else if (tgt->exists) {
        if (tgt->active && !tgt->running()) {
            if (auto stopped = m_target->destroy(uuid); !stopped)
                log(stopped.error(), QStringLiteral("error"));
        }
        auto again = m_target->domain(uuid);
        if (again && again->exists && !again->active && !m_targetHadDefinition) {
            if (auto removed = m_target->undefine(uuid); !removed)
                targetNote = Tr::tr("A definition is left on the target: %1").arg(removed.error());
            else
                log(Tr::tr("Removed the leftover definition from the target."));
        }
    }
    foldOverlays(*m_source);
    auto now = m_source->domain(uuid);
    if (!now || !now->running()) {
        addSentence(
            reason,
            Tr::tr("%1 is not running on the source afterwards: %2")
                .arg(m_record.vmName, now ? Tr::tr("state %1").arg(now->state) : now.error()));
        return MigrationOutcome::NeedsAttention;
    }
    if (!targetNote.isEmpty()) {
        addSentence(reason, targetNote);
        log(targetNote.trimmed(), QStringLiteral("error"));
    }
    return cancelled ? MigrationOutcome::Cancelled : MigrationOutcome::Failed;
}

MigrationOutcome MigrationJob::rollbackFromTarget(bool cancelled, QString &reason)
{
    if (m_stage != MigrationStage::RollingBack)
        enter(MigrationStage::RollingBack, reason);
    const QString uuid = m_record.vmUuid;
    const TrafficRedirector::Move move{ uuid, m_record.vmName, m_request.sourceUri,
                                        m_request.targetUri };
    if (m_redirected) {
        if (auto restored = m_env.redirector->restore(move); !restored)
            log(restored.error(), QStringLiteral("error"));
        m_redirected = false;
    }
    auto tgt = m_target->domain(uuid);
    if (tgt && tgt->exists && tgt->active) {
        MigrateParams back;
        back.targetUri = m_request.sourceUri;
        back.target = m_source.get();
        back.peerToPeer = m_request.options.transfer == TransferMode::PeerToPeer;
        back.migrationUri = returnChannel(m_request);
        back.unsafe = m_request.options.unsafe;
        back.copyStorage = !m_record.sharedStorage;
        log(Tr::tr("Moving %1 back to the source.").arg(m_record.vmName));
        if (auto moved = m_target->migrate(uuid, back); !moved) {
            addSentence(reason,
                        Tr::tr("Moving it back failed: %1. %2 stays on the target; its source "
                               "definition is kept.")
                            .arg(moved.error(), m_record.vmName));
            return MigrationOutcome::NeedsAttention;
        }
    }
    auto src = m_source->domain(uuid);
    if (!src || !src->running()) {
        addSentence(
            reason,
            Tr::tr("%1 is not running on the source after moving back: %2")
                .arg(m_record.vmName, src ? Tr::tr("state %1").arg(src->state) : src.error()));
        return MigrationOutcome::NeedsAttention;
    }
    if (!m_targetHadDefinition) {
        if (auto removed = m_target->undefine(uuid); !removed) {
            addSentence(reason,
                        Tr::tr("Its definition is left on the target: %1").arg(removed.error()));
            return MigrationOutcome::NeedsAttention;
        }
    }
    foldOverlays(*m_source);
    log(Tr::tr("%1 runs on the source again.").arg(m_record.vmName));
    return cancelled ? MigrationOutcome::Cancelled : MigrationOutcome::RolledBack;
}

} // namespace Umbra
