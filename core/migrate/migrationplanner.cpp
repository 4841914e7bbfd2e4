#include "migrate/migrationplanner.h"

#include "fleet/hosturi.h"
#include "migrate/domainxml.h"
#include "migrate/migrationjournal.h"
#include "pools/capacity.h"
#include "pools/poolrules.h"

#include <QCoreApplication>
#include <QJsonArray>

namespace Umbra {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Umbra::MigrationJob)
};

// Pool types whose volumes libvirt sees on a local file system or device.
const QStringList kLocalPools = { QStringLiteral("dir"), QStringLiteral("fs"),
                                  QStringLiteral("logical"), QStringLiteral("disk") };

QString mib(quint64 kib)
{
    return QString::number(double(kib) / 1024.0, 'f', 0);
}

} // namespace

MigrationPlanner::MigrationPlanner(MigrationRequest request, LinkFactory links,
                                   MigrationJournal *journal, Log log)
    : m_request(std::move(request))
    , m_links(std::move(links))
    , m_journal(journal)
    , m_log(std::move(log))
{
    m_record.vmName = m_request.vm;
    m_record.sourceUri = m_request.sourceUri;
    m_record.targetUri = m_request.targetUri;
    m_record.options = m_request.options;
}

MigrationPlanner::~MigrationPlanner() = default;

void MigrationPlanner::setPlacement(PlacementContext placement, bool claim)
{
    m_placement = std::move(placement);
    m_claim = claim;
}

void MigrationPlanner::note(const QString &line)
{
    m_evidence.append(line);
    if (m_log)
        m_log(line);
}

Jobs::Plan MigrationPlanner::plan()
{
    Jobs::Plan plan;
    plan.kind = QLatin1String(kPlanKind);
    plan.request = requestToJson(m_request);
    const Jobs::StepResult checked = preflight([] { return false; });
    if (checked.status == Jobs::StepResult::Status::Ok)
        predict();
    else
        plan.refusal = checked.reason;
    plan.subject = m_record.vmName;
    plan.subjectId = m_record.vmUuid;
    plan.summary = Tr::tr("Move %1 from %2 to %3")
                       .arg(m_record.vmName, HostUri::displayName(m_request.sourceUri),
                            HostUri::displayName(m_request.targetUri));
    plan.evidence = m_evidence;
    plan.prediction = predictionToJson(m_record, m_switchoverMs);
    if (!simulation().isEmpty())
        plan.prediction.insert(QStringLiteral("simulated"), true);
    if (m_targetUsableKiB >= 0)
        plan.prediction.insert(QStringLiteral("targetUsableKiB"), m_targetUsableKiB);
    if (!plan.executable() && !m_needs.isEmpty())
        plan.prediction.insert(QStringLiteral("needs"), QJsonArray::fromStringList(m_needs));
    for (MigrationStage stage :
         { MigrationStage::Preflight, MigrationStage::Snapshot, MigrationStage::Redirect,
           MigrationStage::Transfer, MigrationStage::Verify, MigrationStage::Finalize })
        plan.steps.append(stageLabel(stage));
    return plan;
}

Pools::HostCapacity MigrationPlanner::capacityOf(const HostFacts &host,
                                                 const HostAllocation &allocation)
{
    Pools::HostCapacity capacity;
    capacity.memoryKiB = host.memoryKiB;
    capacity.freeMemoryKiB = host.freeMemoryKiB;
    capacity.allocatedMemoryKiB = allocation.memoryKiB;
    capacity.runningVms = allocation.domains;
    capacity.cpus = host.cpus;
    capacity.allocatedVcpus = allocation.vcpus;
    return capacity;
}

Pools::PlacementLimits MigrationPlanner::limitsOf(const MigrationOptions &options)
{
    return { options.targetReserveMiB, options.vcpuOvercommit };
}

QStringList MigrationPlanner::needsOf(const Jobs::Plan &plan)
{
    QStringList needs;
    if (plan.executable())
        return needs;
    for (const QJsonValue &need : plan.prediction.value(QLatin1String("needs")).toArray())
        needs.append(need.toString());
    return needs;
}

QJsonObject MigrationPlanner::requestToJson(const MigrationRequest &request)
{
    return { { QStringLiteral("vm"), request.vm },
             { QStringLiteral("sourceUri"), request.sourceUri },
             { QStringLiteral("targetUri"), request.targetUri },
             { QStringLiteral("options"), request.options.toJson() } };
}

MigrationRequest MigrationPlanner::requestFromJson(const QJsonObject &json)
{
    MigrationRequest request;
    request.vm = json.value(QLatin1String("vm")).toString();
    request.sourceUri = json.value(QLatin1String("sourceUri")).toString();
    request.targetUri = json.value(QLatin1String("targetUri")).toString();
    request.options = MigrationOptions::fromJson(json.value(QLatin1String("options")).toObject());
    return request;
}

QJsonObject MigrationPlanner::predictionToJson(const MigrationRecord &r, double switchoverMs)
{
    return { { QStringLiteral("memoryBytes"), r.memoryBytes },
             { QStringLiteral("sharedStorage"), r.sharedStorage },
             { QStringLiteral("dirtyRate"), r.dirtyRate },
             { QStringLiteral("bandwidth"), r.predictedBandwidth },
             { QStringLiteral("totalMs"), r.predictedTotalMs },
             { QStringLiteral("downtimeMs"), r.predictedDowntimeMs },
             { QStringLiteral("iterations"), r.predictedIterations },
             { QStringLiteral("converges"), r.predictedConverges },
             { QStringLiteral("switchoverMs"), switchoverMs } };
}

double MigrationPlanner::applyPrediction(const QJsonObject &json, MigrationRecord &r)
{
    r.dirtyRate = json.value(QLatin1String("dirtyRate")).toDouble(-1);
    r.predictedBandwidth = json.value(QLatin1String("bandwidth")).toDouble();
    r.predictedTotalMs = json.value(QLatin1String("totalMs")).toInteger(-1);
    r.predictedDowntimeMs = json.value(QLatin1String("downtimeMs")).toInteger(-1);
    r.predictedIterations = json.value(QLatin1String("iterations")).toInt();
    r.predictedConverges = json.value(QLatin1String("converges")).toBool(true);
    return json.value(QLatin1String("switchoverMs")).toDouble();
}

MigrationModel::Prediction MigrationPlanner::modelFor(const MigrationRecord &r, double switchoverMs)
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

Jobs::StepResult MigrationPlanner::preflight(const std::function<bool()> &cancelled)
{
    const QString vm = m_request.vm;
    auto fail = [](const QString &reason) { return Jobs::StepResult::failed(reason); };

    auto source = m_links(m_request.sourceUri);
    if (!source)
        return fail(Tr::tr("The source host is unreachable: %1").arg(source.error()));
    m_source = std::move(source.value());
    if (const QString simulated = m_source->simulation(); !simulated.isEmpty())
        note(simulated);
    auto dom = m_source->domain(vm);
    if (!dom)
        return fail(dom.error());
    if (!dom->exists)
        return fail(
            Tr::tr("No VM named or numbered “%1” is defined on %2.").arg(vm, m_request.sourceUri));
    m_record.vmUuid = dom->uuid;
    m_record.vmName = dom->name;
    if (!dom->running())
        return fail(Tr::tr("%1 is not running on %2; only a running VM is moved live.")
                        .arg(dom->name, m_request.sourceUri));
    if (!dom->persistent)
        return fail(Tr::tr("%1 is transient on %2; Umbra moves persistent VMs only, so that a "
                           "definition always stays behind until the target is verified.")
                        .arg(dom->name, m_request.sourceUri));
    m_record.memoryBytes = qint64(dom->memoryKiB) * 1024;
    if (cancelled())
        return Jobs::StepResult::cancelled();

    auto target = m_links(m_request.targetUri);
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
        note(Tr::tr("The target already holds an inactive definition of %1; the migration "
                    "replaces it.")
                 .arg(m_record.vmName));

    // Memory: what the target has free, and what its running VMs may still claim.
    auto allocation = m_target->allocation();
    if (!allocation)
        return fail(allocation.error());
    const Pools::Fit fit = Pools::fit(capacityOf(targetHost.value(), allocation.value()),
                                      dom->memoryKiB, dom->vcpus, limitsOf(m_request.options));
    m_targetUsableKiB = qint64(fit.usableKiB);
    const QString free = targetHost->freeMemoryKiB
        ? Tr::tr("%1 MiB free").arg(mib(*targetHost->freeMemoryKiB))
        : Tr::tr("free memory not reported");
    if (!fit.memoryFits)
        return fail(Tr::tr("Not enough memory on %1: %2 needs %3 MiB, the target has %4 MiB "
                           "usable after keeping %5 MiB for itself (%6 MiB total, %7, "
                           "%8 MiB held by %9 running VMs).")
                        .arg(m_request.targetUri, m_record.vmName, mib(dom->memoryKiB),
                             mib(fit.usableKiB), mib(fit.reserveKiB), mib(targetHost->memoryKiB),
                             free, mib(allocation->memoryKiB))
                        .arg(allocation->domains));
    if (!fit.cpuFits)
        return fail(Tr::tr("Not enough CPU on %1: %2 more vCPUs would make %3 on %4 host CPUs, "
                           "above the allowed %5 per CPU.")
                        .arg(m_request.targetUri)
                        .arg(dom->vcpus)
                        .arg(fit.vcpusAfter)
                        .arg(targetHost->cpus)
                        .arg(m_request.options.vcpuOvercommit));

    // The target's pool must take the VM: a dedicated pool only its
    // customer's VMs, a shadow pool only shadows and failovers.
    const Pools::Subject subject{ Pools::Placing::Vm, m_record.vmUuid, m_record.vmName,
                                  m_placement.pools.customerOf(m_record.vmUuid) };
    const Pools::Admission admission
        = Pools::admits(m_placement.pools.poolOfHost(m_request.targetUri), subject);
    if (!admission.admitted)
        return fail(Tr::tr("The target's pool does not take %1: %2")
                        .arg(m_record.vmName, admission.reason));
    note(Tr::tr("Pool: %1").arg(admission.reason));

    auto xml = m_source->domainXml(m_record.vmUuid, false);
    if (!xml)
        return fail(xml.error());
    const QString virtType = DomainXml::domainType(xml.value());
    QString cpu = DomainXml::cpuElement(xml.value());
    if (cpu.isEmpty() && virtType == QLatin1String("kvm"))
        cpu = sourceHost->cpuXml;
    if (cpu.isEmpty()) {
        note(Tr::tr("CPU: no model to check."));
    } else if (auto compared = m_target->compareCpu(cpu, virtType); !compared) {
        note(Tr::tr("CPU compatibility not checked: %1").arg(compared.error()));
    } else if (compared.value() == 0) { // VIR_CPU_COMPARE_INCOMPATIBLE
        return fail(Tr::tr("The CPU of %1 is incompatible with the target %2.")
                        .arg(m_record.vmName, m_request.targetUri));
    } else {
        note(Tr::tr("CPU: the target can provide the VM's CPU."));
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
            m_needs.append(QLatin1String(kNeedsStorageMode));
            return fail(Tr::tr("Cannot tell whether %1 is on storage shared with %2 (no storage "
                               "pool of either host holds it). Choose the shared or copy storage "
                               "mode explicitly.")
                            .arg(missing.join(QStringLiteral(", ")), m_request.targetUri));
        }
        break;
    }
    // libvirt refuses to move a shared disk that the source host caches
    // unless it lies on a cluster or network file system it recognises: the
    // target could read stale data. A directory pool is a local file system
    // as far as libvirt can tell, even when the same directory is mounted on
    // every host; the operator, who knows, may override that.
    if (m_record.sharedStorage && !m_request.options.unsafe) {
        QStringList doubted;
        for (const DomainXml::Disk &disk : DomainXml::disks(xml.value())) {
            if (disk.source.isEmpty() || disk.readOnly || disk.shareable
                || disk.device != QLatin1String("disk") || disk.cache == QLatin1String("none")
                || disk.cache == QLatin1String("directsync")
                || (disk.type != QLatin1String("file") && disk.type != QLatin1String("block")))
                continue;
            auto pool = m_source->volumePoolType(disk.source);
            if (pool && kLocalPools.contains(pool.value()))
                doubted.append(Tr::tr("%1 (cache mode %2, a %3 pool)")
                                   .arg(disk.source,
                                        disk.cache.isEmpty() ? Tr::tr("default") : disk.cache,
                                        pool.value()));
        }
        if (!doubted.isEmpty()) {
            m_needs.append(QLatin1String(kNeedsUnsafe));
            return fail(Tr::tr("libvirt would refuse to move %1 as unsafe: the source caches "
                               "these disks and libvirt does not know their file system as "
                               "shared. If every host mounts the same storage and nothing "
                               "else writes to it, allow unsafe storage; otherwise choose the "
                               "copy storage mode or a cache mode of none.")
                            .arg(doubted.join(QStringLiteral(", "))));
        }
    }
    note(m_record.sharedStorage ? Tr::tr("Storage: shared, disks stay where they are.")
                                : Tr::tr("Storage: disks are copied to the target."));
    if (m_record.sharedStorage && m_request.options.unsafe)
        note(Tr::tr("Storage: the operator allows libvirt's unsafe override for shared disks."));
    note(Tr::tr("Target %1: %2 MiB usable for %3 MiB, %4 of %5 vCPU slots taken.")
             .arg(m_request.targetUri, mib(fit.usableKiB), mib(dom->memoryKiB))
             .arg(fit.vcpusAfter)
             .arg(fit.vcpuLimit));

    // Last, so that no refusal above leaves a claim behind: the ledger
    // counts what other jobs are about to add to the target, and what its
    // standby shadows and reservation keep.
    if (const auto &ledger = m_placement.ledger) {
        ledger->observe(m_request.targetUri, capacityOf(targetHost.value(), allocation.value()),
                        limitsOf(m_request.options));
        const Pools::Demand demand{ dom->memoryKiB, dom->vcpus };
        if (m_claim) {
            auto hold = ledger->claim(m_request.targetUri, demand, Pools::Placing::Vm,
                                      Tr::tr("migration of %1").arg(m_record.vmName));
            if (!hold)
                return fail(hold.error());
            m_hold = hold.value();
        } else if (auto room = ledger->headroom(m_request.targetUri, Pools::Placing::Vm);
                   room && !room->fits(demand)) {
            return fail(Tr::tr("%1 cannot take %2 now: %3.")
                            .arg(m_request.targetUri, m_record.vmName, room->describe()));
        }
    }
    return {};
}

void MigrationPlanner::predict()
{
    MigrationModel::Input in;
    in.memoryBytes = double(m_record.memoryBytes);
    auto dirty = m_source->dirtyRate(m_record.vmUuid, m_request.options.dirtyRateSeconds);
    if (dirty) {
        in.dirtyBytesPerSec = dirty.value();
        m_record.dirtyRate = dirty.value();
    } else {
        in.dirtyBytesPerSec = MigrationModel::kDefaultDirtyBytesPerSec;
        note(Tr::tr("Dirty-page rate not measured, assuming %1 MiB/s: %2")
                 .arg(MigrationModel::kDefaultDirtyBytesPerSec / 1048576.0)
                 .arg(dirty.error()));
    }
    auto history = m_journal ? m_journal->bandwidths(m_request.sourceUri, m_request.targetUri)
                             : Result<QList<double>>(QList<double>());
    const bool measured = history && !history->isEmpty();
    in.bandwidthBytesPerSec
        = MigrationModel::learnedBandwidth(history ? history.value() : QList<double>());
    if (m_request.options.bandwidthMiBs > 0)
        in.bandwidthBytesPerSec
            = std::min(in.bandwidthBytesPerSec, m_request.options.bandwidthMiBs * 1048576.0);
    auto residuals = m_journal ? m_journal->overheadResidualsMs(m_request.targetUri)
                               : Result<QList<double>>(QList<double>());
    in.setupOverheadMs
        = MigrationModel::learnedOverheadMs(residuals ? residuals.value() : QList<double>());
    in.maxDowntimeMs = m_request.options.maxDowntimeMs;
    in.autoConverge = m_request.options.autoConverge;
    in.postCopy = m_request.options.postCopy;
    in.postCopyAfterIterations = m_request.options.postCopyAfterIterations;
    // The switch-over cost: past downtimes beyond what their copy explains.
    QList<double> switchovers;
    if (auto past = m_journal ? m_journal->transfersTo(m_request.targetUri)
                              : Result<QList<MigrationRecord>>(QList<MigrationRecord>())) {
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
    note(Tr::tr("Predicted %1 s in total, %2 ms downtime, %3 rounds%4 (memory %5 MiB, dirty "
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

} // namespace Umbra
