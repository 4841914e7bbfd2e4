#pragma once

#include "migrate/hypervisorlink.h"
#include "migrate/placementcontext.h"
#include "shadow/replicaagent.h"
#include "shadow/shadowjournal.h"
#include "shadow/shadowrecord.h"
#include "shadow/shadowsizing.h"
#include "util/result.h"

#include <atomic>
#include <functional>
#include <memory>
#include <optional>

namespace Umbra::Shadow {

using AgentFactory = std::function<std::unique_ptr<ReplicaAgent>(const AgentAccess &access)>;

// What shadow operations act through: the journal's file, how hosts and
// their replica agents are reached, and the pools and ledger placement
// claims through.
struct Environment
{
    QString journalPath;
    LinkFactory links;
    AgentFactory agents; // none: CommandReplicaAgent
    PlacementContext placement;
    // How long create() watches the primary's writes before replication
    // starts, for its write latency without it.
    int writeBaselineMs = 2000;
};

struct CreateRequest
{
    QString vm; // name or UUID of the primary
    QString primaryUri;
    QString shadowUri;
    int readyTimeoutS = 3600; // for the first full copy
    std::optional<int> validateEveryH = std::nullopt; // see ShadowRecord::validateEveryH
    qint64 seedLimitBytesPerSec = 0; // see ShadowRecord::seedLimitBytesPerSec
};

// What creating a shadow would do, worked out without changing anything.
struct Preview
{
    QString vmUuid;
    QString vmName;
    quint64 memoryKiB = 0;
    int vcpus = 0;
    QList<ReplicatedDisk> disks; // target, replica name, size
    QStringList evidence; // what the checks found, in words
};

struct ValidationOptions
{
    int bootSettleS = 20; // the throw-away VM must keep running this long
    int agentTimeoutS = 0; // > 0: its guest agent must answer within this
    // The primary's write counter (the lab's /counter): the last number it
    // acknowledged before the freeze must be on the frozen image.
    QString counterUrl;
};

struct FailoverOptions
{
    // The primary still runs (its host is about to fail): stop it first, so
    // that the service never runs twice. Without it, a running primary is
    // refused.
    bool planned = false;
    QString healthUrl; // answered by the shadow before the failover counts as done
    int healthTimeoutS = 120;
    // A planned failover first validates the replicas with these options
    // (unless a validation passed within validatedWithinMs) and, should the
    // validation fail, leaves the primary running.
    std::optional<ValidationOptions> validateFirst = std::nullopt;
    qint64 validatedWithinMs = 3600 * 1000;
};

// The operations on shadows, each blocking on its caller's thread (a job
// thread of the console, or the command line) and journalled before each
// step acts:
//  - create: the replicas on the shadow host, served over NBD; the shadow's
//    definition there (the primary's, renamed, on the replicas); libvirt
//    block copies with synchronous writes from every disk of the primary;
//    in sync once every copy is ready. A failure undoes what was made.
//  - failover: when the primary's host is lost (or, planned, its replicas
//    validated and its primary stopped first): the replicas stop being
//    served, so every acknowledged write is in them, and the shadow starts
//    in the primary's place.
//  - remove: the copies end, the shadow is undefined, its replicas deleted;
//    nothing of the primary changes.
//  - suspend / reseed: a migration of the primary needs its disks to itself
//    (libvirt refuses to move a domain with a block job); afterwards the
//    copies start again from the beginning.
class ShadowJob
{
public:
    using Log = std::function<void(const QString &line)>;
    ShadowJob(Environment environment, Log log = {});
    ~ShadowJob();

    // The checks create() makes first, and what it would make; nothing changes.
    Result<Preview> preview(const CreateRequest &request);
    Result<ShadowRecord> create(const CreateRequest &request);
    Result<ShadowRecord> failover(const QString &vm, const FailoverOptions &options);
    Result<ShadowRecord> remove(const QString &vm);
    // Validation: the replicas are frozen at a point in time (replication
    // goes on into an overlay), their data checked, a throw-away copy of
    // the shadow booted from them with transient disks and no network,
    // then destroyed with everything it made and the replicas thawed. The
    // result is journalled; an Error only when it could not be tried.
    Result<Validation> validate(const QString &vm, const ValidationOptions &options);
    Result<ShadowRecord> suspend(const QString &vm, const QString &why);
    // readyTimeoutS 0: the copies start and seeding goes on without a wait.
    Result<ShadowRecord> reseed(const QString &vm, int readyTimeoutS = 3600);
    // Checks a shadow's copies against libvirt: an ended copy makes it
    // Degraded (with libvirt's word), a ready one after seeding InSync.
    Result<ShadowRecord> check(const QString &vm);
    // After the primary moved (or tried to): replication starts again from
    // `hostUri`, or the shadow is retired when that is the shadow's host.
    // A readyTimeoutS of 0 starts the copies without waiting for them.
    Result<ShadowRecord> follow(const QString &vm, const QString &hostUri, int readyTimeoutS);
    // Sizes a standby shadow (see sizeShadow): its definition on the shadow
    // host and what the ledger reserves for it follow. A shadow that took
    // over is the service and keeps its size.
    Result<ShadowRecord> resize(const QString &vm, const Sizing &sizing);
    // The VM's live shadow, if it has one.
    Result<std::optional<ShadowRecord>> find(const QString &vm);

    void cancel() { m_cancel.store(true); }
    const LinkFactory &links() const { return m_env.links; }

private:
    // What create() and preview() check, and what they learn doing it.
    struct Checked
    {
        std::unique_ptr<HypervisorLink> primary;
        std::unique_ptr<HypervisorLink> shadowHost;
        std::unique_ptr<ReplicaAgent> agent;
        DomainFacts dom;
        HostFacts shadowFacts;
        QString xml; // the primary's inactive definition
        QList<ReplicatedDisk> disks;
    };
    Result<Checked> checks(const CreateRequest &request);
    Result<void> openJournal();
    std::unique_ptr<ReplicaAgent> agentFor(const QString &hostUri);
    // Starts the replicas' copies, waiting up to `readyTimeoutS` for them to
    // be in sync. False when a migration set the shadow aside meanwhile:
    // then no copy of this job's runs.
    Result<bool> startCopies(ShadowRecord &record, HypervisorLink &primary, int readyTimeoutS);
    void undo(ShadowRecord &record, HypervisorLink *primary, HypervisorLink *shadowHost,
              ReplicaAgent *agent);
    Result<ShadowRecord> live(const QString &vm);
    // Before a planned failover: a recent passed validation, or one now.
    Result<void> validateBeforeFailover(ShadowRecord &record, const ValidationOptions &options,
                                        qint64 validatedWithinMs);
    void note(ShadowRecord &record, const QString &line, const QString &kind = {});
    // Puts the record in `state` with `message` as its reason, owned by this
    // process; returns the event line for the log and the journal.
    static QString enter(ShadowRecord &record, State state, const QString &message);
    Result<void> setState(ShadowRecord &record, State state, const QString &message);
    // setState() from the state this job read (a check's finding, a claim to
    // seed): taken only while the journal still holds it, so that a
    // suspension by a migration meanwhile stands. False when it had moved on.
    Result<bool> observeState(ShadowRecord &record, State state, const QString &message);
    // Ends the block copies of every replicated disk of the primary.
    static Result<void> endCopies(const ShadowRecord &record, HypervisorLink &primary);

    Environment m_env;
    Log m_log;
    std::unique_ptr<ShadowJournal> m_journal;
    QHash<QString, AgentAccess> m_agents;
    std::atomic<bool> m_cancel{ false };
    bool m_commandAgents = false; // no factory was given: CommandReplicaAgent
};

} // namespace Umbra::Shadow
