#include "migrate/reconciler.h"

#include "jobs/planstore.h"
#include "migrate/migrationjournal.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QThread>
#include <unistd.h>

namespace Umbra {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Umbra::Reconciler)
};

QString describe(const Result<DomainFacts> &facts)
{
    if (!facts)
        return facts.error();
    if (!facts->exists)
        return Tr::tr("not defined");
    static const char *const states[] = { "no state",      "running",  "blocked", "paused",
                                          "shutting down", "shut off", "crashed", "suspended" };
    const QString state = facts->state >= 0 && facts->state < 8
        ? QLatin1String(states[facts->state])
        : QString::number(facts->state);
    return Tr::tr("%1, %2").arg(state,
                                facts->persistent ? Tr::tr("persistent") : Tr::tr("transient"));
}

// Seconds since the epoch at which a process started, from /proc.
qint64 processStartMs(qint64 pid)
{
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray line = stat.readAll();
    const qsizetype close = line.lastIndexOf(')');
    if (close < 0)
        return -1;
    const QList<QByteArray> fields = line.mid(close + 2).split(' ');
    if (fields.size() < 20)
        return -1;
    const qint64 ticks = fields[19].toLongLong(); // field 22: starttime
    QFile procStat(QStringLiteral("/proc/stat"));
    if (!procStat.open(QIODevice::ReadOnly))
        return -1;
    qint64 bootS = -1;
    for (const QByteArray &l : procStat.readAll().split('\n'))
        if (l.startsWith("btime "))
            bootS = l.mid(6).trimmed().toLongLong();
    const long hz = sysconf(_SC_CLK_TCK);
    if (bootS < 0 || hz <= 0)
        return -1;
    return bootS * 1000 + ticks * 1000 / hz;
}

} // namespace

QJsonObject ReconcileResult::toJson() const
{
    return QJsonObject{ { QStringLiteral("job"), jobId },
                        { QStringLiteral("vm"), vmName },
                        { QStringLiteral("uuid"), vmUuid },
                        { QStringLiteral("source"), sourceUri },
                        { QStringLiteral("target"), targetUri },
                        { QStringLiteral("interruptedIn"), stageKey(interruptedIn) },
                        { QStringLiteral("outcome"), outcomeKey(outcome) },
                        { QStringLiteral("reason"), reason } };
}

Reconciler::Reconciler(MigrationJournal &journal, LinkFactory links)
    : m_journal(journal)
    , m_links(std::move(links))
{ }

bool Reconciler::ownerAlive(const MigrationRecord &job)
{
    if (job.ownerPid <= 0)
        return false;
    if (job.ownerPid == qint64(::getpid()))
        return true;
    const qint64 started = processStartMs(job.ownerPid);
    // Started (allowing for tick rounding) before the job was created.
    return started >= 0 && started <= job.createdMs + 1000;
}

QList<ReconcileResult> Reconciler::run(const QSet<qint64> &skip)
{
    QList<ReconcileResult> results;
    auto open = m_journal.unfinished();
    if (!open)
        return results;
    for (const MigrationRecord &job : open.value()) {
        if (skip.contains(job.id))
            continue;
        if (job.ownerPid != qint64(::getpid()) && ownerAlive(job))
            continue; // another console is running it
        results.append(reconcile(job));
    }
    return results;
}

ReconcileResult Reconciler::reconcile(const MigrationRecord &job)
{
    ReconcileResult r;
    r.jobId = job.id;
    r.vmName = job.vmName;
    r.vmUuid = job.vmUuid;
    r.sourceUri = job.sourceUri;
    r.targetUri = job.targetUri;
    r.interruptedIn = job.stage;
    (void)m_journal.enterStage(job.id, MigrationStage::Reconciling,
                               Tr::tr("Interrupted in %1.").arg(stageKey(job.stage)));
    auto note = [&](const QString &message) {
        (void)m_journal.note(job.id, MigrationStage::Reconciling, QStringLiteral("note"), message);
    };
    auto end = [&](MigrationOutcome outcome, const QString &reason) {
        r.outcome = outcome;
        r.reason = reason;
        (void)m_journal.finish(job.id, outcome, reason);
        return r;
    };

    if (job.vmUuid.isEmpty() || job.stage <= MigrationStage::Prediction) {
        // Nothing was changed before the VM was identified and checked.
        return end(MigrationOutcome::Failed,
                   Tr::tr("Interrupted before anything changed (in %1).").arg(stageKey(job.stage)));
    }

    auto source = m_links(job.sourceUri);
    auto target = m_links(job.targetUri);
    if (!source || !target)
        return end(MigrationOutcome::NeedsAttention,
                   Tr::tr("Cannot reconcile %1 while a host is unreachable: %2")
                       .arg(job.vmName, !source ? source.error() : target.error()));
    HypervisorLink &src = *source.value();
    HypervisorLink &tgt = *target.value();
    const QString uuid = job.vmUuid;

    // A migration the dead console started may still run on the source.
    if (auto stats = src.jobStats(uuid, false); stats && stats->active) {
        note(Tr::tr("A migration job of %1 is still running on the source; aborting it.")
                 .arg(job.vmName));
        (void)src.abortJob(uuid);
        for (int i = 0; i < 300; ++i) {
            auto again = src.jobStats(uuid, false);
            if (!again || !again->active)
                break;
            QThread::msleep(100);
        }
    }

    auto s = src.domain(uuid);
    auto t = tgt.domain(uuid);
    note(Tr::tr("Source: %1. Target: %2.").arg(describe(s), describe(t)));
    if (!s || !t)
        return end(
            MigrationOutcome::NeedsAttention,
            Tr::tr("Cannot read the state of %1: %2").arg(job.vmName, !s ? s.error() : t.error()));

    const bool targetHadDefinition
        = job.snapshot.value(QLatin1String("targetHadDefinition")).toBool();
    const bool overlaysActive
        = job.snapshot.value(QLatin1String("state")).toString() == QLatin1String("active");
    auto fold = [&](HypervisorLink &link) {
        if (!overlaysActive)
            return;
        for (const QJsonValue &o : job.snapshot.value(QLatin1String("overlays")).toArray()) {
            const QString disk = o[QLatin1String("disk")].toString();
            if (auto folded = link.commitActive(uuid, disk, 300000); !folded)
                note(Tr::tr("The overlay of %1 stays: %2").arg(disk, folded.error()));
            else
                (void)link.removeVolume(o[QLatin1String("overlay")].toString());
        }
    };

    // A paused copy next to a running one is the half that did not take over.
    if (s->active && t->active) {
        if (s->running() && t->state == 3) {
            (void)tgt.destroy(uuid);
            t = tgt.domain(uuid);
            note(Tr::tr("Stopped the paused incoming copy on the target."));
        } else {
            return end(MigrationOutcome::NeedsAttention,
                       Tr::tr("%1 is active on both hosts (source: %2; target: %3). Stop the copy "
                              "that should not run.")
                           .arg(job.vmName, describe(s), describe(t)));
        }
        if (!t)
            return end(MigrationOutcome::NeedsAttention, t.error());
    }

    if (t->active && !s->active) {
        if (!t->persistent) {
            auto xml = tgt.domainXml(uuid, false);
            auto defined = xml ? tgt.define(xml.value()) : Result<void>(Error{ xml.error() });
            if (!defined)
                return end(MigrationOutcome::NeedsAttention,
                           Tr::tr("%1 runs on the target but cannot be made persistent there: %2")
                               .arg(job.vmName, defined.error()));
        }
        fold(tgt);
        if (s->exists && !job.options.keepSource) {
            if (auto removed = src.undefine(uuid); !removed)
                return end(MigrationOutcome::NeedsAttention,
                           Tr::tr("%1 runs on the target; removing its source definition failed: "
                                  "%2")
                               .arg(job.vmName, removed.error()));
        } else if (s->exists && overlaysActive && !job.inactiveXml.isEmpty()) {
            (void)src.define(job.inactiveXml);
        }
        return end(MigrationOutcome::Completed,
                   Tr::tr("Reconciled: %1 runs on the target%2.")
                       .arg(job.vmName,
                            job.options.keepSource
                                ? Tr::tr("; the source definition is kept for rollback")
                                : QString()));
    }

    if (s->active) {
        if (s->state == 3) // paused at the switch-over
            (void)src.resume(uuid);
        if (t->exists && !t->active && !targetHadDefinition) {
            if (auto removed = tgt.undefine(uuid); !removed)
                return end(MigrationOutcome::NeedsAttention,
                           Tr::tr("%1 runs on the source; removing the leftover definition on the "
                                  "target failed: %2")
                               .arg(job.vmName, removed.error()));
        }
        fold(src);
        auto now = src.domain(uuid);
        if (!now || !now->running())
            return end(MigrationOutcome::NeedsAttention,
                       Tr::tr("%1 is active on the source but not running: %2")
                           .arg(job.vmName, describe(now)));
        return end(MigrationOutcome::RolledBack,
                   Tr::tr("Reconciled: %1 runs on the source; nothing is left on the target.")
                       .arg(job.vmName));
    }

    return end(MigrationOutcome::NeedsAttention,
               Tr::tr("%1 runs on neither host (source: %2; target: %3). Its definition before "
                      "the move is in the journal (job %4)%5.")
                   .arg(job.vmName, describe(s), describe(t))
                   .arg(job.id)
                   .arg(overlaysActive ? Tr::tr("; the base files of its disk overlays are the "
                                                "restore point")
                                       : QString()));
}

void settlePlans(Jobs::PlanStore &plans, const QList<ReconcileResult> &results)
{
    QList<qint64> ended;
    for (const ReconcileResult &r : results)
        if (r.outcome != MigrationOutcome::NeedsAttention)
            ended.append(r.jobId);
    if (auto settled = plans.settleJobs(ended); !settled)
        qWarning("umbra: %s", qUtf8Printable(settled.error()));
}

} // namespace Umbra
