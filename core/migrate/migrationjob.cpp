#include "migrate/migrationjob.h"

#include "jobs/planstore.h"
#include "migrate/domainxml.h"
#include "migrate/healthcheck.h"
#include "migrate/migrationjournal.h"
#include "migrate/migrationmodel.h"
#include "migrate/migrationplanner.h"
#include "traffic/trafficredirector.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QThread>
#include <thread>

namespace Umbra {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Umbra::MigrationJob)
};

} // namespace

MigrationJob::MigrationJob(MigrationRequest request, Environment environment, QObject *parent)
    : QObject(parent)
    , m_request(std::move(request))
    , m_env(std::move(environment))
{
    if (!m_env.redirector)
        m_env.redirector = std::make_shared<NoTrafficRedirector>();
}

MigrationJob::MigrationJob(Jobs::Plan plan, QString approveAs, Environment environment,
                           QObject *parent)
    : MigrationJob(MigrationPlanner::requestFromJson(plan.request), std::move(environment), parent)
{
    m_plan = std::move(plan);
    m_approveAs = std::move(approveAs);
    m_approvedBy = m_approveAs.isEmpty() ? m_plan.decidedBy : m_approveAs;
}

MigrationJob::~MigrationJob() = default;

bool MigrationJob::takePlan(QString &reason)
{
    auto plans = Jobs::PlanStore::open(m_env.journalPath, m_journalConnection + u"-plans");
    if (!plans) {
        reason = plans.error();
        return false;
    }
    if (!m_approveAs.isEmpty()) {
        if (auto approved = plans.value()->decide(m_plan.id, true, m_approveAs); !approved) {
            reason = approved.error();
            return false;
        }
    }
    if (auto started = plans.value()->startExecution(m_plan.id, m_record.id); !started) {
        reason = started.error();
        return false;
    }
    log(Tr::tr("Executing plan %1, approved by %2.").arg(m_plan.id).arg(m_approvedBy));
    return true;
}

void MigrationJob::endPlan()
{
    if (m_plan.id == 0)
        return;
    auto plans = Jobs::PlanStore::open(m_env.journalPath, m_journalConnection + u"-plans");
    auto ended
        = plans ? plans.value()->finishExecution(m_plan.id) : Result<void>(Error{ plans.error() });
    if (!ended)
        log(ended.error(), QStringLiteral("error"));
}

void MigrationJob::enter(MigrationStage stage, const QString &given)
{
    // A simulated migration says so at every stage it enters.
    const QString message = m_simulation.isEmpty() ? given
        : given.isEmpty()                          ? Tr::tr("Simulated")
                                                   : Tr::tr("Simulated: %1").arg(given);
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
    m_journalConnection
        = QStringLiteral("umbra-migrate-%1").arg(quintptr(QThread::currentThreadId()), 0, 16);
    auto journal = MigrationJournal::open(m_env.journalPath, m_journalConnection);
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

    MigrationOutcome outcome = MigrationOutcome::Failed;
    if (m_plan.id == 0 || takePlan(reason)) {
        outcome = execute(reason);
        resumeReplication(outcome);
        endPlan();
    } else {
        reason = Tr::tr("Plan %1 was not executed: %2").arg(m_plan.id).arg(reason);
    }
    if (auto done = m_journal->finish(m_record.id, outcome, reason); !done)
        qWarning("umbra: %s", qUtf8Printable(done.error()));
    auto stored = m_journal->job(m_record.id);
    MigrationRecord record = stored ? stored.value() : m_record;
    record.outcome = outcome;
    record.reason = reason;
    m_source.reset();
    m_target.reset();
    m_journal.reset();
    // The VM is where it ended; the target's next inventory counts it.
    if (m_hold != 0 && m_env.placement.ledger)
        m_env.placement.ledger->release(std::exchange(m_hold, 0));
    Q_EMIT finished(record);
}

MigrationOutcome MigrationJob::execute(QString &reason)
{
    const QString beforeChanges = Tr::tr("Cancelled by the operator before anything changed.");
    auto backOnSource
        = [this](bool cancelled, QString &why) { return rollbackOnSource(cancelled, why); };
    auto backFromTarget
        = [this](bool cancelled, QString &why) { return rollbackFromTarget(cancelled, why); };
    const QList<Jobs::Step> steps = {
        { int(MigrationStage::Preflight), {}, [this] { return preflight(); }, {}, beforeChanges },
        { int(MigrationStage::Prediction), {}, [this] { return predict(); }, {}, beforeChanges },
        { int(MigrationStage::Snapshot),
          {},
          [this] { return snapshot(); },
          [this](bool cancelled, QString &) {
              foldOverlays(*m_source);
              return cancelled ? MigrationOutcome::Cancelled : MigrationOutcome::Failed;
          },
          beforeChanges },
        // Before the switch-over, the VM leaves its load balancer's rotation:
        // its siblings take the requests while it pauses.
        { int(MigrationStage::Redirect), m_env.redirector->name(),
          [this] {
              m_redirected = true; // set first: a failed drain may have drained some
              auto redirected = m_env.redirector->redirect(trafficMove());
              if (!redirected)
                  return Jobs::StepResult::failed(
                      Tr::tr("Taking traffic off the VM failed: %1").arg(redirected.error()));
              if (!redirected->isEmpty())
                  log(redirected.value());
              return Jobs::StepResult::ok();
          },
          [this](bool cancelled, QString &why) {
              restoreTraffic();
              foldOverlays(*m_source);
              (void)why;
              return cancelled ? MigrationOutcome::Cancelled : MigrationOutcome::Failed;
          },
          Tr::tr("Cancelled by the operator before the transfer.") },
        // A transfer that completed cannot be cancelled until it is verified.
        { int(MigrationStage::Transfer), {}, [this] { return transfer(); }, backOnSource, {} },
        { int(MigrationStage::Verify),
          {},
          [this] {
              const Jobs::StepResult verified = verify();
              // Verified on the target: its servers take requests again.
              if (verified.status == Jobs::StepResult::Status::Ok)
                  restoreTraffic();
              return verified;
          },
          backFromTarget,
          Tr::tr("Cancelled by the operator during verification.") },
        // Past this point the VM runs verified on the target: what is left
        // undone is reported, not rolled back.
        { int(MigrationStage::Finalize),
          {},
          [this] { return finalize(); },
          [](bool, QString &) { return MigrationOutcome::NeedsAttention; },
          {} },
    };
    const Jobs::StepMachine machine(
        [this](int stage, const QString &message) { enter(MigrationStage(stage), message); },
        [this] { return m_cancel.load(); });
    return machine.run(steps, reason);
}

Jobs::StepResult MigrationJob::preflight()
{
    m_planner = std::make_unique<MigrationPlanner>(m_request, m_env.links, m_journal.get(),
                                                   [this](const QString &line) { log(line); });
    m_planner->setPlacement(m_env.placement, true);
    const Jobs::StepResult result = m_planner->preflight([this] { return m_cancel.load(); });
    m_hold = m_planner->takeHold();
    const MigrationRecord &found = m_planner->record();
    m_record.vmUuid = found.vmUuid;
    m_record.vmName = found.vmName;
    m_record.memoryBytes = found.memoryBytes;
    m_record.sharedStorage = found.sharedStorage;
    m_targetHadDefinition = m_planner->targetHadDefinition();
    m_simulation = m_planner->simulation();
    if (!m_record.vmUuid.isEmpty()) {
        if (auto done = m_journal->setVm(m_record.id, m_record.vmUuid, m_record.vmName); !done)
            return Jobs::StepResult::failed(done.error());
        Q_EMIT identified(m_record.id, m_record.vmUuid, m_record.vmName);
    }
    return result;
}

Jobs::StepResult MigrationJob::predict()
{
    if (m_plan.id != 0) {
        // The figures the operator (or policy) approved are the ones the
        // job is judged against afterwards.
        m_switchoverMs = MigrationPlanner::applyPrediction(m_plan.prediction, m_record);
        log(Tr::tr("Prediction of plan %1, approved by %2.").arg(m_plan.id).arg(m_approvedBy));
    } else {
        m_planner->predict();
        m_switchoverMs = MigrationPlanner::applyPrediction(
            MigrationPlanner::predictionToJson(m_planner->record(), m_planner->switchoverMs()),
            m_record);
    }
    if (auto done = m_journal->savePrediction(m_record.id, m_record); !done)
        log(done.error(), QStringLiteral("error"));
    m_source = m_planner->takeSource();
    m_target = m_planner->takeTarget();
    m_planner.reset();
    return Jobs::StepResult::ok();
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
    if (const StepResult suspended = suspendReplication(); suspended.status != Step::Ok)
        return suspended;
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
        m_record.modelTransferMs
            = qint64(MigrationPlanner::modelFor(m_record, m_switchoverMs).transferMs);
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

} // namespace Umbra
