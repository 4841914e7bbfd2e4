#include "shadow/shadowjob.h"

#include "fleet/hosturi.h"
#include "migrate/domainxml.h"
#include "migrate/healthcheck.h"
#include "migrate/migrationplanner.h"
#include "pools/poolrules.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QThread>

namespace Umbra::Shadow {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Umbra::Shadow)
};

QString standbyKey(qint64 id)
{
    return QStringLiteral("shadow-%1").arg(id);
}

QString mib(qint64 bytes)
{
    return QString::number(double(bytes) / 1048576.0, 'f', 0);
}

} // namespace

ShadowJob::ShadowJob(Environment environment, Log log)
    : m_env(std::move(environment))
    , m_log(std::move(log))
{
    m_commandAgents = !m_env.agents;
    if (!m_env.agents)
        m_env.agents = [](const AgentAccess &access) -> std::unique_ptr<ReplicaAgent> {
            return std::make_unique<CommandReplicaAgent>(access.command);
        };
}

ShadowJob::~ShadowJob() = default;

Result<void> ShadowJob::openJournal()
{
    if (m_journal)
        return {};
    static QAtomicInt sequence;
    auto journal = ShadowJournal::open(
        m_env.journalPath, QStringLiteral("umbra-shadow-%1").arg(sequence.fetchAndAddRelaxed(1)));
    if (!journal)
        return Error{ Tr::tr("The shadow journal cannot be opened, so nothing was done: %1")
                          .arg(journal.error()) };
    m_journal = std::move(journal.value());
    auto agents = m_journal->agents();
    if (!agents)
        return Error{ agents.error() };
    m_agents = agents.value();
    return {};
}

std::unique_ptr<ReplicaAgent> ShadowJob::agentFor(const QString &hostUri)
{
    // umbra-replica needs its command; a factory of the caller's may know
    // hosts the journal does not (the demo's).
    if (!m_agents.contains(hostUri) && m_commandAgents)
        return nullptr;
    return m_env.agents(m_agents.value(hostUri, AgentAccess{ hostUri, {}, {} }));
}

void ShadowJob::note(ShadowRecord &record, const QString &line, const QString &kind)
{
    if (m_log)
        m_log(line);
    if (m_journal && record.id > 0) {
        if (auto noted
            = m_journal->note(record.id, kind.isEmpty() ? QStringLiteral("note") : kind, line);
            !noted)
            qWarning("umbra: %s", qUtf8Printable(noted.error()));
    }
}

QString ShadowJob::enter(ShadowRecord &record, State state, const QString &message)
{
    record.state = state;
    record.reason = message;
    record.ownerPid = QCoreApplication::applicationPid();
    return message.isEmpty() ? stateLabel(state) : stateLabel(state) + u": " + message;
}

Result<void> ShadowJob::setState(ShadowRecord &record, State state, const QString &message)
{
    const QString event = enter(record, state, message);
    if (m_log)
        m_log(event);
    return m_journal->update(record, QStringLiteral("state"), event);
}

Result<bool> ShadowJob::observeState(ShadowRecord &record, State state, const QString &message)
{
    const State read = record.state;
    const QString event = enter(record, state, message);
    auto stored = m_journal->updateFrom(read, record, QStringLiteral("state"), event);
    if (stored && stored.value() && m_log)
        m_log(event);
    return stored;
}

Result<void> ShadowJob::endCopies(const ShadowRecord &record, HypervisorLink &primary)
{
    for (const ReplicatedDisk &disk : std::as_const(record.disks))
        if (auto ended = primary.abortBlockJob(record.primaryUuid, disk.target); !ended)
            return ended;
    return {};
}

Result<ShadowRecord> ShadowJob::live(const QString &vm)
{
    if (auto opened = openJournal(); !opened)
        return Error{ opened.error() };
    auto found = m_journal->liveShadowOf(vm);
    if (!found)
        return Error{ found.error() };
    if (!found->has_value())
        return Error{ Tr::tr("%1 has no shadow.").arg(vm) };
    return found->value();
}

Result<ShadowJob::Checked> ShadowJob::checks(const CreateRequest &request)
{
    if (auto opened = openJournal(); !opened)
        return Error{ opened.error() };
    Checked c;
    auto primaryLink = m_env.links(request.primaryUri);
    if (!primaryLink)
        return Error{ Tr::tr("The primary's host is unreachable: %1").arg(primaryLink.error()) };
    c.primary = std::move(primaryLink.value());
    auto dom = c.primary->domain(request.vm);
    if (!dom)
        return Error{ dom.error() };
    if (!dom->exists)
        return Error{ Tr::tr("No VM named or numbered “%1” is defined on %2.")
                          .arg(request.vm, request.primaryUri) };
    if (!dom->running())
        return Error{
            Tr::tr("%1 is not running; a shadow replicates a running VM.").arg(dom->name)
        };
    if (!dom->persistent)
        return Error{
            Tr::tr("%1 is transient; Umbra shadows persistent VMs only.").arg(dom->name)
        };
    c.dom = dom.value();
    if (auto existing = m_journal->liveShadowOf(dom->uuid); !existing)
        return Error{ existing.error() };
    else if (existing->has_value())
        return Error{ Tr::tr("%1 already has a shadow on %2 (%3).")
                          .arg(dom->name, existing->value().shadowUri,
                               stateLabel(existing->value().state)) };

    auto shadowLink = m_env.links(request.shadowUri);
    if (!shadowLink)
        return Error{ Tr::tr("The shadow host is unreachable: %1").arg(shadowLink.error()) };
    c.shadowHost = std::move(shadowLink.value());
    auto primaryFacts = c.primary->host();
    auto shadowFacts = c.shadowHost->host();
    if (!primaryFacts || !shadowFacts)
        return Error{ !primaryFacts ? primaryFacts.error() : shadowFacts.error() };
    c.shadowFacts = shadowFacts.value();
    if (request.primaryUri == request.shadowUri
        || (!primaryFacts->uuid.isEmpty() && primaryFacts->uuid == shadowFacts->uuid))
        return Error{ Tr::tr("%1 runs on %2; a shadow never shares its primary's host.")
                          .arg(dom->name, request.shadowUri) };

    // Placement: the shadow pool, apart from the primary, with room.
    const Pools::PoolSettings &pools = m_env.placement.pools;
    const Pools::Subject subject{ Pools::Placing::Shadow, dom->uuid, dom->name,
                                  pools.customerOf(dom->uuid) };
    if (const auto admission = Pools::admits(pools.poolOfHost(request.shadowUri), subject);
        !admission.admitted)
        return Error{ admission.reason };
    const QString domain = pools.failureDomainOf(request.shadowUri);
    if (!domain.isEmpty() && domain == pools.failureDomainOf(request.primaryUri))
        return Error{ Tr::tr("%1 is in the primary's failure domain (%2): one fault would take "
                             "both.")
                          .arg(request.shadowUri, domain) };
    c.agent = agentFor(request.shadowUri);
    if (!c.agent)
        return Error{ Tr::tr("No replica agent is configured for %1: give --replica-agent "
                             "URI=COMMAND.")
                          .arg(request.shadowUri) };

    auto xml = c.primary->domainXml(dom->uuid, true);
    if (!xml)
        return Error{ xml.error() };
    c.xml = xml.value();
    for (const DomainXml::Disk &disk : DomainXml::disks(c.xml)) {
        if (disk.device != QLatin1String("disk") || disk.readOnly || disk.shareable
            || (disk.type != QLatin1String("file") && disk.type != QLatin1String("block")))
            continue;
        auto size = c.primary->diskCapacity(dom->uuid, disk.target);
        if (!size)
            return Error{ size.error() };
        ReplicatedDisk replicated;
        replicated.target = disk.target;
        replicated.replica = dom->name + u'-' + disk.target;
        replicated.sizeBytes = size.value();
        c.disks.append(replicated);
    }
    if (c.disks.isEmpty())
        return Error{ Tr::tr("%1 has no disk to replicate.").arg(dom->name) };
    return c;
}

Result<Preview> ShadowJob::preview(const CreateRequest &request)
{
    auto checked = checks(request);
    if (!checked)
        return Error{ checked.error() };
    const Checked &c = checked.value();
    Preview p;
    p.vmUuid = c.dom.uuid;
    p.vmName = c.dom.name;
    p.memoryKiB = c.dom.memoryKiB;
    p.vcpus = c.dom.vcpus;
    p.disks = c.disks;
    const QString primaryHost = HostUri::displayName(request.primaryUri);
    const QString shadowHost = HostUri::displayName(request.shadowUri);
    p.evidence.append(Tr::tr("%1 runs on %2 and is persistent.").arg(c.dom.name, primaryHost));
    p.evidence.append(
        Tr::tr("%1 is in the shadow pool “%2”, apart from the primary's host.")
            .arg(shadowHost, m_env.placement.pools.poolOfHost(request.shadowUri).name));
    for (const ReplicatedDisk &disk : std::as_const(c.disks))
        p.evidence.append(Tr::tr("Disk %1: %2 MiB to seed.").arg(disk.target, mib(disk.sizeBytes)));
    if (const auto &ledger = m_env.placement.ledger) {
        auto allocation = c.shadowHost->allocation();
        if (!allocation)
            return Error{ allocation.error() };
        ledger->observe(request.shadowUri,
                        MigrationPlanner::capacityOf(c.shadowFacts, allocation.value()), {});
        auto room = ledger->headroom(request.shadowUri, Pools::Placing::Shadow);
        if (!room)
            return Error{ room.error() };
        if (!room->fits({ c.dom.memoryKiB, c.dom.vcpus }))
            return Error{ Tr::tr("%1 has no room left for a shadow of %2 MiB and %3 vCPUs.")
                              .arg(request.shadowUri)
                              .arg(c.dom.memoryKiB / 1024)
                              .arg(c.dom.vcpus) };
        p.evidence.append(Tr::tr("Room on %1: %2.").arg(shadowHost, room->describe()));
    }
    return p;
}

Result<ShadowRecord> ShadowJob::create(const CreateRequest &request)
{
    auto checked = checks(request);
    if (!checked)
        return Error{ checked.error() };
    HypervisorLink &primary = *checked->primary;
    HypervisorLink &shadowHost = *checked->shadowHost;
    const std::unique_ptr<ReplicaAgent> agent = std::move(checked->agent);
    const DomainFacts *dom = &checked->dom; // read as the checks left it
    const HostFacts &shadowFacts = checked->shadowFacts;
    qint64 hold = 0;
    const auto &ledger = m_env.placement.ledger;
    if (ledger) {
        auto allocation = shadowHost.allocation();
        if (!allocation)
            return Error{ allocation.error() };
        ledger->observe(request.shadowUri,
                        MigrationPlanner::capacityOf(shadowFacts, allocation.value()), {});
        auto claimed = ledger->claim(request.shadowUri, { dom->memoryKiB, dom->vcpus },
                                     Pools::Placing::Shadow, Tr::tr("shadow of %1").arg(dom->name));
        if (!claimed)
            return Error{ claimed.error() };
        hold = claimed.value();
    }
    auto releaseHold = [&] {
        if (ledger && hold)
            ledger->release(std::exchange(hold, 0));
    };

    ShadowRecord record;
    record.primaryUuid = dom->uuid;
    record.primaryName = dom->name;
    record.primaryUri = request.primaryUri;
    record.shadowUri = request.shadowUri;
    record.shadowName = dom->name + QStringLiteral("-shadow");
    record.memoryKiB = dom->memoryKiB;
    record.vcpus = dom->vcpus;
    record.primaryXml = checked->xml;
    record.disks = checked->disks;
    record.ownerPid = QCoreApplication::applicationPid();
    record.validateEveryH = request.validateEveryH;
    record.seedLimitBytesPerSec = request.seedLimitBytesPerSec;
    auto id = m_journal->create(record);
    if (!id) {
        releaseHold();
        return Error{ id.error() };
    }
    record.id = id.value();
    note(record,
         Tr::tr("Shadow of %1 on %2: %3 disk(s), %4 MiB of memory, %5 vCPUs.")
             .arg(dom->name, request.shadowUri)
             .arg(record.disks.size())
             .arg(dom->memoryKiB / 1024)
             .arg(dom->vcpus));

    auto fail = [&](const QString &why) -> Result<ShadowRecord> {
        note(record, why, QStringLiteral("error"));
        undo(record, &primary, &shadowHost, agent.get());
        releaseHold();
        if (auto stored = setState(record, State::Failed, why); !stored)
            qWarning("umbra: %s", qUtf8Printable(stored.error()));
        return Error{ why };
    };

    // The primary's writes without replication: watched while the replicas
    // and the definition are made, and a little longer if need be.
    QElapsedTimer baseline;
    baseline.start();
    const auto writesBefore = primary.diskWrites(record.primaryUuid);

    // The replicas, served where the primary's host reaches them.
    const QString address = m_agents.value(request.shadowUri).effectiveAddress();
    for (ReplicatedDisk &disk : record.disks) {
        auto made = agent->create(disk.replica, disk.sizeBytes);
        if (!made)
            return fail(made.error());
        disk.file = made->file;
        if (auto stored = m_journal->update(record); !stored)
            return fail(stored.error());
        auto served = agent->serve(disk.replica, address);
        if (!served)
            return fail(served.error());
        disk.nbdHost = served->nbdHost.isEmpty() ? address : served->nbdHost;
        disk.port = served->port;
        if (auto stored = m_journal->update(record); !stored)
            return fail(stored.error());
        note(record,
             Tr::tr("Replica of %1: %2 (%3 MiB), served at nbd://%4:%5/%6.")
                 .arg(disk.target, disk.file, mib(disk.sizeBytes), disk.nbdHost)
                 .arg(disk.port)
                 .arg(disk.replica));
    }

    // The shadow's definition: the primary's, on the replicas. Its MAC and
    // kernel command line stay, so that after a failover it is reached as
    // the primary was.
    QList<std::pair<QString, QString>> sources;
    for (const ReplicatedDisk &disk : std::as_const(record.disks))
        sources.append({ disk.target, disk.file });
    if (auto defined
        = shadowHost.define(DomainXml::renamedCopy(record.primaryXml, record.shadowName, sources));
        !defined)
        return fail(defined.error());
    auto shadowDom = shadowHost.domain(record.shadowName);
    if (!shadowDom || !shadowDom->exists)
        return fail(shadowDom ? Tr::tr("The shadow's definition is not on %1 after defining it.")
                                    .arg(request.shadowUri)
                              : shadowDom.error());
    record.shadowUuid = shadowDom->uuid;
    if (auto stored = m_journal->update(record); !stored)
        return fail(stored.error());
    note(record, Tr::tr("Defined %1 on %2 (standby).").arg(record.shadowName, request.shadowUri));

    if (writesBefore) {
        if (const qint64 left = m_env.writeBaselineMs - baseline.elapsed(); left > 0)
            QThread::msleep(ulong(left));
        if (auto writesAfter = primary.diskWrites(record.primaryUuid); writesAfter) {
            if (auto ms = meanWriteLatencyMs(writesBefore.value(), writesAfter.value())) {
                record.writeLatencyBeforeMs = *ms;
                note(record,
                     Tr::tr("%1's writes took %2 ms on average before replication.")
                         .arg(record.primaryName)
                         .arg(*ms, 0, 'f', 2));
            }
        }
    }

    if (auto copied = startCopies(record, primary, request.readyTimeoutS); !copied)
        return fail(copied.error());
    else if (!copied.value())
        return fail(
            Tr::tr("%1 began to move while its shadow was being made.").arg(record.primaryName));
    // The claim becomes the standby shadow's: owed capacity, not a job's.
    if (ledger) {
        ledger->setStandby(standbyKey(record.id), request.shadowUri,
                           { record.memoryKiB, record.vcpus });
        releaseHold();
    }
    return record;
}

Result<bool> ShadowJob::startCopies(ShadowRecord &record, HypervisorLink &primary,
                                    int readyTimeoutS)
{
    // Claimed from the state this job read: a migration that set the shadow
    // aside since then keeps it, and no copy starts under its move.
    ++record.seeds; // journalled with the state: a copy adopted later is not counted again
    auto claimed = observeState(record, State::Seeding, {});
    if (!claimed || !claimed.value())
        return claimed;
    QElapsedTimer seeding;
    seeding.start();
    for (const ReplicatedDisk &disk : std::as_const(record.disks)) {
        Replica replica;
        replica.name = disk.replica;
        replica.nbdHost = disk.nbdHost;
        replica.port = disk.port;
        if (auto copied = primary.blockCopy(record.primaryUuid, disk.target,
                                            replica.destinationXml(), record.seedLimitBytesPerSec);
            !copied)
            return Error{ copied.error() };
    }
    // Set aside while the copies started: they end again, as the migration
    // that suspended the shadow expects.
    auto still = m_journal->updateFrom(State::Seeding, record, {}, {});
    if (!still)
        return still;
    if (!still.value()) {
        if (auto ended = endCopies(record, primary); !ended)
            return Error{ ended.error() };
        return false;
    }
    if (readyTimeoutS <= 0)
        return true; // seeding goes on in libvirt; check() sees it through to in sync
    QDeadlineTimer deadline(qint64(readyTimeoutS) * 1000);
    qint64 lastReportMs = 0;
    while (true) {
        int ready = 0;
        qint64 cur = 0;
        qint64 end = 0;
        for (const ReplicatedDisk &disk : std::as_const(record.disks)) {
            auto job = primary.blockJob(record.primaryUuid, disk.target);
            if (!job)
                return Error{ job.error() };
            if (!job->active)
                return Error{
                    Tr::tr("The copy of %1 ended before it was in sync.").arg(disk.target)
                };
            ready += job->ready ? 1 : 0;
            cur += job->cur;
            end += job->end;
        }
        if (ready == record.disks.size())
            break;
        if (m_cancel.load())
            return Error{ Tr::tr("Cancelled while seeding.") };
        if (deadline.hasExpired())
            return Error{ Tr::tr("The replicas were not in sync after %1 s.").arg(readyTimeoutS) };
        if (seeding.elapsed() - lastReportMs >= 2000) {
            lastReportMs = seeding.elapsed();
            const double share = end > 0 ? double(cur) / double(end) : 0.0;
            const double eta
                = share > 0.01 ? double(seeding.elapsed()) * (1.0 - share) / share / 1000.0 : -1;
            if (m_log)
                m_log(eta >= 0 ? Tr::tr("Seeding: %1 %, about %2 s left.")
                                     .arg(share * 100.0, 0, 'f', 0)
                                     .arg(eta, 0, 'f', 0)
                               : Tr::tr("Seeding: %1 %.").arg(share * 100.0, 0, 'f', 0));
        }
        QThread::msleep(200);
    }
    record.syncedMs = QDateTime::currentMSecsSinceEpoch();
    return observeState(record, State::InSync,
                        Tr::tr("every write of %1 now reaches the replicas before it completes "
                               "(seeded in %2 s)")
                            .arg(record.primaryName)
                            .arg(double(seeding.elapsed()) / 1000.0, 0, 'f', 1));
}

void ShadowJob::undo(ShadowRecord &record, HypervisorLink *primary, HypervisorLink *shadowHost,
                     ReplicaAgent *agent)
{
    for (const ReplicatedDisk &disk : std::as_const(record.disks)) {
        if (primary)
            if (auto ended = primary->abortBlockJob(record.primaryUuid, disk.target); !ended)
                note(record, ended.error(), QStringLiteral("error"));
    }
    if (shadowHost && !record.shadowUuid.isEmpty()) {
        if (auto gone = shadowHost->undefine(record.shadowUuid); !gone)
            note(record, gone.error(), QStringLiteral("error"));
        else
            note(record, Tr::tr("Undefined %1 on %2.").arg(record.shadowName, record.shadowUri));
    }
    for (const ReplicatedDisk &disk : std::as_const(record.disks)) {
        if (!agent || disk.file.isEmpty())
            continue;
        if (auto removed = agent->remove(disk.replica); !removed)
            note(record, removed.error(), QStringLiteral("error"));
        else
            note(record, Tr::tr("Deleted the replica %1.").arg(disk.file));
    }
    if (m_env.placement.ledger)
        m_env.placement.ledger->removeStandby(standbyKey(record.id));
}

Result<ShadowRecord> ShadowJob::remove(const QString &vm)
{
    auto found = live(vm);
    if (!found)
        return found;
    ShadowRecord record = found.value();
    if (record.state == State::FailedOver)
        return Error{ Tr::tr("%1 runs in the place of %2 since the failover; it is the service "
                             "now, not a shadow, and is not removed.")
                          .arg(record.shadowName, record.primaryName) };
    auto primary = m_env.links(record.primaryUri);
    if (!primary)
        note(record,
             Tr::tr("The primary's host is unreachable (%1); its copies end with it.")
                 .arg(primary.error()));
    auto shadowHost = m_env.links(record.shadowUri);
    if (!shadowHost)
        return Error{ Tr::tr("The shadow host is unreachable, so nothing was removed: %1")
                          .arg(shadowHost.error()) };
    auto agent = agentFor(record.shadowUri);
    undo(record, primary ? primary.value().get() : nullptr, shadowHost.value().get(), agent.get());
    if (auto stored = setState(record, State::Removed, Tr::tr("nothing of %1 changed").arg(vm));
        !stored)
        return Error{ stored.error() };
    return record;
}

Result<void> ShadowJob::validateBeforeFailover(ShadowRecord &record,
                                               const ValidationOptions &options,
                                               qint64 validatedWithinMs)
{
    const std::optional<Validation> &last = record.lastValidation;
    if (last && last->passed
        && QDateTime::currentMSecsSinceEpoch() - last->startedMs < validatedWithinMs) {
        note(record,
             Tr::tr("The replicas passed a validation %1 min ago; the failover relies on it.")
                 .arg((QDateTime::currentMSecsSinceEpoch() - last->startedMs) / 60000));
        return {};
    }
    note(record,
         Tr::tr("Planned failover: validating the replicas before %1 stops.")
             .arg(record.primaryName));
    auto validated = validate(record.primaryUuid, options);
    if (!validated)
        return Error{ validated.error() };
    if (!validated->passed)
        return Error{ Tr::tr("%1 was not failed over: the validation of its replicas failed "
                             "(%2). It keeps running on %3.")
                          .arg(record.primaryName, validated->reason, record.primaryUri) };
    auto again = live(record.primaryUuid);
    if (!again)
        return Error{ again.error() };
    record = again.value();
    if (record.state != State::InSync)
        return Error{ Tr::tr("The shadow of %1 is %2 after its validation; it does not take "
                             "over.")
                          .arg(record.primaryName, stateLabel(record.state)) };
    return {};
}

Result<ShadowRecord> ShadowJob::failover(const QString &vm, const FailoverOptions &options)
{
    auto found = live(vm);
    if (!found)
        return found;
    ShadowRecord record = found.value();
    QElapsedTimer clock;
    clock.start();
    if (record.state == State::FailedOver)
        return Error{
            Tr::tr("%1 already runs in the place of %2.").arg(record.shadowName, record.primaryName)
        };
    if (record.state != State::InSync)
        return Error{ Tr::tr("The shadow of %1 is %2, not in sync: its replicas may miss "
                             "writes, so it does not take over.")
                          .arg(record.primaryName, stateLabel(record.state)) };

    // Never both: a primary that still runs is stopped first, or refused.
    auto primary = m_env.links(record.primaryUri);
    if (primary) {
        auto dom = primary.value()->domain(record.primaryUuid);
        if (dom && dom->exists && dom->running()) {
            if (!options.planned)
                return Error{ Tr::tr("%1 still runs on %2; a failover now would run the service "
                                     "twice. Fail over as planned to stop it first.")
                                  .arg(record.primaryName, record.primaryUri) };
            if (options.validateFirst) {
                auto validated = validateBeforeFailover(record, *options.validateFirst,
                                                        options.validatedWithinMs);
                if (!validated)
                    return Error{ validated.error() };
            }
            note(record,
                 Tr::tr("Planned failover: stopping %1 on %2; every write it "
                        "acknowledged is in the replicas.")
                     .arg(record.primaryName, record.primaryUri));
            if (auto stopped = primary.value()->destroy(record.primaryUuid); !stopped)
                return Error{ stopped.error() };
        }
        note(record,
             Tr::tr("Fenced: %1 stays stopped on %2 and must not be started there.")
                 .arg(record.primaryName, record.primaryUri));
    } else {
        note(record,
             Tr::tr("The primary's host is lost (%1). If it returns, %2 must not be "
                    "started there: the shadow runs in its place.")
                 .arg(primary.error(), record.primaryName));
    }

    auto shadowHost = m_env.links(record.shadowUri);
    if (!shadowHost)
        return Error{ Tr::tr("The shadow host is unreachable: %1").arg(shadowHost.error()) };
    auto agent = agentFor(record.shadowUri);
    if (!agent)
        return Error{ Tr::tr("No replica agent is configured for %1.").arg(record.shadowUri) };
    // Stopping the exports folds in a frozen image's overlay and releases
    // the images, so the shadow can open them with every write in them.
    for (const ReplicatedDisk &disk : std::as_const(record.disks)) {
        if (auto stopped = agent->stop(disk.replica); !stopped)
            return Error{ stopped.error() };
    }
    note(record, Tr::tr("Replicas released by the shadow host's agent."));
    if (auto started = shadowHost.value()->start(record.shadowUuid); !started)
        return Error{ started.error() };
    note(record,
         Tr::tr("Started %1 on %2 after %3 s.")
             .arg(record.shadowName, record.shadowUri)
             .arg(double(clock.elapsed()) / 1000.0, 0, 'f', 1));
    if (!options.healthUrl.isEmpty()) {
        QDeadlineTimer deadline(qint64(options.healthTimeoutS) * 1000);
        QString last;
        while (true) {
            auto answered = HealthProbe::http(options.healthUrl, 1000);
            if (answered)
                break;
            last = answered.error();
            if (deadline.hasExpired()) {
                const QString why = Tr::tr("%1 runs but did not answer %2 within %3 s: %4")
                                        .arg(record.shadowName, options.healthUrl)
                                        .arg(options.healthTimeoutS)
                                        .arg(last);
                record.rtoMs = -1;
                if (auto stored = setState(record, State::FailedOver, why); !stored)
                    qWarning("umbra: %s", qUtf8Printable(stored.error()));
                return Error{ why };
            }
            QThread::msleep(250);
        }
    }
    record.rtoMs = clock.elapsed();
    if (m_env.placement.ledger)
        m_env.placement.ledger->removeStandby(standbyKey(record.id));
    if (auto stored = setState(record, State::FailedOver,
                               Tr::tr("%1 serves in the place of %2 after %3 s")
                                   .arg(record.shadowName, record.primaryName)
                                   .arg(double(record.rtoMs) / 1000.0, 0, 'f', 1));
        !stored)
        return Error{ stored.error() };
    return record;
}

Result<Validation> ShadowJob::validate(const QString &vm, const ValidationOptions &options)
{
    auto found = live(vm);
    if (!found)
        return Error{ found.error() };
    ShadowRecord record = found.value();
    if (record.state != State::InSync)
        return Error{ Tr::tr("The shadow of %1 is %2; it is validated once in sync.")
                          .arg(record.primaryName, stateLabel(record.state)) };
    auto shadowHost = m_env.links(record.shadowUri);
    if (!shadowHost)
        return Error{ Tr::tr("The shadow host is unreachable: %1").arg(shadowHost.error()) };
    auto agent = agentFor(record.shadowUri);
    if (!agent)
        return Error{ Tr::tr("No replica agent is configured for %1.").arg(record.shadowUri) };
    HypervisorLink &host = *shadowHost.value();

    Validation v;
    v.startedMs = QDateTime::currentMSecsSinceEpoch();
    QElapsedTimer clock;
    clock.start();
    auto fail = [&v](const QString &why) {
        if (v.reason.isEmpty())
            v.reason = why;
        v.evidence.append(why);
    };
    auto passedSoFar = [&v] { return v.reason.isEmpty(); };

    // The primary's last acknowledged write, read before the cut.
    qint64 acknowledged = -1;
    if (!options.counterUrl.isEmpty()) {
        auto answered = HealthProbe::get(options.counterUrl, 2000);
        bool ok = false;
        if (answered)
            acknowledged = answered->trimmed().toLongLong(&ok);
        if (!ok)
            acknowledged = -1;
    }
    QList<std::pair<QString, QString>> sources;
    QStringList frozen;
    for (const ReplicatedDisk &disk : std::as_const(record.disks)) {
        auto image = agent->freeze(disk.replica);
        if (!image) {
            fail(Tr::tr("The replica of %1 could not be frozen: %2")
                     .arg(disk.target, image.error()));
            break;
        }
        frozen.append(disk.replica);
        sources.append({ disk.target, image->file });
    }
    if (passedSoFar())
        v.evidence.append(Tr::tr("Froze %n replica(s) at one point in time; replication goes on "
                                 "into an overlay meanwhile.",
                                 nullptr, int(frozen.size())));

    // The data: the write counter on the frozen image, when the guest keeps one.
    if (passedSoFar() && !sources.isEmpty()) {
        auto counted = agent->counter(sources.first().second);
        if (!counted)
            fail(Tr::tr("The replica of %1 cannot be read: %2")
                     .arg(sources.first().first, counted.error()));
        else if (counted.value() < 0)
            v.evidence.append(Tr::tr("No write counter on %1: its data is checked by the boot "
                                     "alone.")
                                  .arg(sources.first().first));
        else if (acknowledged >= 0 && counted.value() < acknowledged)
            fail(Tr::tr("The replica holds write %1, but the primary had acknowledged %2: "
                        "writes are missing.")
                     .arg(counted.value())
                     .arg(acknowledged));
        else
            v.evidence.append(acknowledged >= 0
                                  ? Tr::tr("The replica holds write %1; the primary had "
                                           "acknowledged %2 before the freeze.")
                                        .arg(counted.value())
                                        .arg(acknowledged)
                                  : Tr::tr("The replica holds write %1.").arg(counted.value()));
    }

    // The boot: a throw-away copy, transient disks, no network interface.
    const QString name = record.primaryName + QStringLiteral("-validation");
    QString uuid;
    if (passedSoFar()) {
        if (auto defined = host.define(DomainXml::renamedCopy(record.primaryXml, name, sources,
                                                              DomainXml::CopyKind::Throwaway));
            !defined) {
            fail(Tr::tr("The throw-away VM could not be defined: %1").arg(defined.error()));
        } else if (auto dom = host.domain(name); !dom || !dom->exists) {
            fail(Tr::tr("The throw-away VM is not on %1 after defining it.").arg(record.shadowUri));
        } else {
            uuid = dom->uuid;
            if (auto started = host.start(uuid); !started)
                fail(Tr::tr("The throw-away VM did not start: %1").arg(started.error()));
        }
    }
    if (passedSoFar() && !uuid.isEmpty()) {
        QElapsedTimer booting;
        booting.start();
        while (booting.elapsed() < qint64(options.bootSettleS) * 1000 && !m_cancel.load()) {
            auto dom = host.domain(uuid);
            if (!dom || !dom->running()) {
                fail(Tr::tr("The throw-away VM stopped %1 s into its boot.")
                         .arg(double(booting.elapsed()) / 1000.0, 0, 'f', 1));
                break;
            }
            QThread::msleep(500);
        }
        if (passedSoFar())
            v.evidence.append(Tr::tr("A throw-away copy booted from the frozen image, with no "
                                     "network, and kept running for %1 s.")
                                  .arg(options.bootSettleS));
        if (passedSoFar() && options.agentTimeoutS > 0) {
            auto pinged = host.agentPing(uuid, options.agentTimeoutS);
            if (!pinged || !pinged.value())
                fail(Tr::tr("Its guest agent did not answer within %1 s.")
                         .arg(options.agentTimeoutS));
            else
                v.evidence.append(Tr::tr("Its guest agent answered."));
        }
    }

    // Nothing of the validation stays: the VM, its overlays, the freeze.
    if (!uuid.isEmpty()) {
        (void)host.destroy(uuid); // transient disks go with the running VM
        if (auto gone = host.undefine(uuid); !gone)
            fail(Tr::tr("The throw-away VM could not be undefined: %1").arg(gone.error()));
        else
            v.evidence.append(Tr::tr("Destroyed and undefined the throw-away VM %1.").arg(name));
    }
    for (const QString &replica : std::as_const(frozen)) {
        if (auto thawed = agent->thaw(replica); !thawed)
            fail(Tr::tr("The replica %1 could not be thawed: %2").arg(replica, thawed.error()));
    }
    v.passed = passedSoFar();
    v.durationMs = clock.elapsed();
    if (auto stored = m_journal->addValidation(record.id, v); !stored)
        return Error{ stored.error() };
    if (m_log)
        m_log(
            v.passed
                ? Tr::tr("Validation passed in %1 s.").arg(double(v.durationMs) / 1000.0, 0, 'f', 1)
                : Tr::tr("Validation failed: %1").arg(v.reason));
    return v;
}

Result<ShadowRecord> ShadowJob::suspend(const QString &vm, const QString &why)
{
    auto found = live(vm);
    if (!found)
        return found;
    ShadowRecord record = found.value();
    if (record.state == State::FailedOver || record.state == State::Suspended)
        return record;
    auto primary = m_env.links(record.primaryUri);
    if (!primary)
        return Error{ primary.error() };
    // Journalled first: a console killed now re-seeds on its next start.
    if (auto stored = setState(record, State::Suspended, why); !stored)
        return Error{ stored.error() };
    if (auto ended = endCopies(record, *primary.value()); !ended)
        return Error{ ended.error() };
    return record;
}

Result<ShadowRecord> ShadowJob::reseed(const QString &vm, int readyTimeoutS)
{
    auto found = live(vm);
    if (!found)
        return found;
    ShadowRecord record = found.value();
    if (record.state == State::FailedOver)
        return Error{ Tr::tr("%1 runs in the place of %2; there is nothing to seed.")
                          .arg(record.shadowName, record.primaryName) };
    auto primary = m_env.links(record.primaryUri);
    if (!primary)
        return Error{ primary.error() };
    auto agent = agentFor(record.shadowUri);
    if (!agent)
        return Error{ Tr::tr("No replica agent is configured for %1.").arg(record.shadowUri) };
    const QString address = m_agents.value(record.shadowUri).effectiveAddress();
    for (ReplicatedDisk &disk : record.disks) {
        if (auto ended = primary.value()->abortBlockJob(record.primaryUuid, disk.target); !ended)
            return Error{ ended.error() };
        auto served = agent->serve(disk.replica, address);
        if (!served)
            return Error{ served.error() };
        disk.nbdHost = served->nbdHost.isEmpty() ? address : served->nbdHost;
        disk.port = served->port;
    }
    auto copied = startCopies(record, *primary.value(), readyTimeoutS);
    if (!copied) {
        if (auto stored = observeState(record, State::Degraded, copied.error()); !stored)
            qWarning("umbra: %s", qUtf8Printable(stored.error()));
        return Error{ copied.error() };
    }
    // Set aside by a migration meanwhile: it is the migration's to resume.
    return copied.value() ? record : live(vm);
}

Result<ShadowRecord> ShadowJob::check(const QString &vm)
{
    auto found = live(vm);
    if (!found)
        return found;
    ShadowRecord record = found.value();
    if (record.state != State::InSync && record.state != State::Seeding)
        return record;
    auto primary = m_env.links(record.primaryUri);
    if (!primary)
        return Error{ primary.error() };
    int ready = 0;
    for (const ReplicatedDisk &disk : std::as_const(record.disks)) {
        auto job = primary.value()->blockJob(record.primaryUuid, disk.target);
        if (!job)
            return Error{ job.error() };
        ready += job->ready ? 1 : 0;
        // libvirt's progress unit is its own: a share of the disk's size.
        record.copyBytes += disk.sizeBytes;
        record.copiedBytes += job->ready || job->end <= 0
            ? (job->ready ? disk.sizeBytes : 0)
            : qint64(double(disk.sizeBytes) * double(std::min(job->cur, job->end))
                     / double(job->end));
        if (!job->active) {
            auto stored = observeState(record, State::Degraded,
                                       Tr::tr("the copy of %1 ended (libvirt has no block job "
                                              "on it); it must be seeded again")
                                           .arg(disk.target));
            if (!stored)
                return Error{ stored.error() };
            // Set aside meanwhile (a migration suspends it): what it holds now.
            return stored.value() ? record : live(vm);
        }
    }
    // What replication costs the primary: the console compares successive
    // readings with the latency measured before it began.
    if (auto writes = primary.value()->diskWrites(record.primaryUuid))
        record.writeTotals = writes.value();
    if (record.state == State::Seeding && ready == record.disks.size()) {
        record.syncedMs = QDateTime::currentMSecsSinceEpoch();
        auto stored = observeState(record, State::InSync,
                                   Tr::tr("every write of %1 now reaches the replicas before it "
                                          "completes")
                                       .arg(record.primaryName));
        if (!stored)
            return Error{ stored.error() };
        if (!stored.value())
            return live(vm);
    }
    return record;
}

Result<ShadowRecord> ShadowJob::resize(const QString &vm, const Sizing &sizing)
{
    auto found = live(vm);
    if (!found)
        return found;
    ShadowRecord record = found.value();
    if (record.state == State::FailedOver)
        return Error{ Tr::tr("%1 runs in the place of %2; it keeps its size.")
                          .arg(record.shadowName, record.primaryName) };
    if (record.vcpus == sizing.vcpus && record.memoryKiB == sizing.memoryKiB)
        return record;
    auto shadowHost = m_env.links(record.shadowUri);
    if (!shadowHost)
        return Error{ Tr::tr("The shadow host is unreachable: %1").arg(shadowHost.error()) };
    auto xml = shadowHost.value()->domainXml(record.shadowUuid, true);
    if (!xml)
        return Error{ xml.error() };
    const std::optional<QString> resized = DomainXml::withVcpus(xml.value(), sizing.vcpus);
    if (!resized)
        return Error{
            Tr::tr("%1 pins a CPU topology; its vCPUs are not changed.").arg(record.shadowName)
        };
    if (auto defined = shadowHost.value()->define(*resized); !defined)
        return Error{ defined.error() };
    const int before = record.vcpus;
    record.vcpus = sizing.vcpus;
    record.memoryKiB = sizing.memoryKiB;
    if (auto stored = m_journal->update(record, QStringLiteral("note"),
                                        Tr::tr("Sized to %1 vCPUs (was %2): %3")
                                            .arg(sizing.vcpus)
                                            .arg(before)
                                            .arg(sizing.reason));
        !stored)
        return Error{ stored.error() };
    if (m_env.placement.ledger)
        m_env.placement.ledger->setStandby(standbyKey(record.id), record.shadowUri,
                                           { record.memoryKiB, record.vcpus });
    return record;
}

Result<std::optional<ShadowRecord>> ShadowJob::find(const QString &vm)
{
    if (auto opened = openJournal(); !opened)
        return Error{ opened.error() };
    return m_journal->liveShadowOf(vm);
}

Result<ShadowRecord> ShadowJob::follow(const QString &vm, const QString &hostUri, int readyTimeoutS)
{
    auto found = live(vm);
    if (!found)
        return found;
    ShadowRecord record = found.value();
    if (record.state == State::FailedOver)
        return record;
    if (hostUri == record.shadowUri) {
        // The primary now runs where its replicas are: a shadow there would
        // fail with it, so it ends, and the ledger's standby with it.
        auto shadowHost = m_env.links(record.shadowUri);
        if (!shadowHost)
            return Error{ Tr::tr("The shadow host is unreachable, so the shadow was not retired: "
                                 "%1")
                              .arg(shadowHost.error()) };
        auto agent = agentFor(record.shadowUri);
        undo(record, nullptr, shadowHost.value().get(), agent.get());
        if (auto stored = setState(record, State::Removed,
                                   Tr::tr("retired: %1 moved onto its shadow's host %2")
                                       .arg(record.primaryName, hostUri));
            !stored)
            return Error{ stored.error() };
        return record;
    }
    if (hostUri != record.primaryUri) {
        note(record,
             Tr::tr("%1 now runs on %2; its replication follows it from there.")
                 .arg(record.primaryName, hostUri));
        record.primaryUri = hostUri;
        if (auto stored = m_journal->update(record); !stored)
            return Error{ stored.error() };
    }
    return reseed(vm, readyTimeoutS);
}

} // namespace Umbra::Shadow
