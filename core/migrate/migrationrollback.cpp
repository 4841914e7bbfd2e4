#include "migrate/migrationjob.h"
#include "migrate/migrationjournal.h"
#include "traffic/trafficredirector.h"

#include <QCoreApplication>
#include <QUrl>

// The ways back of a migration job: folding the restore point's overlays
// into their disks, stopping a transfer on the source, and moving the VM
// back from the target once it had moved.
namespace Umbra {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Umbra::MigrationJob)
};

// Appends a sentence to a reason.
void addSentence(QString &reason, const QString &sentence)
{
    if (!reason.isEmpty() && !reason.endsWith(u'.'))
        reason += u'.';
    if (!reason.isEmpty())
        reason += u' ';
    reason += sentence.trimmed();
}

// The data channel back to the source: the operator's choice, else tcp://
// to the source URI's host when the forward channel is a tcp:// URI.
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

TrafficRedirector::Move MigrationJob::trafficMove() const
{
    return { m_record.vmUuid, m_record.vmName, m_request.sourceUri, m_request.targetUri,
             m_record.id };
}

void MigrationJob::restoreTraffic()
{
    if (!m_redirected)
        return;
    m_redirected = false;
    auto restored = m_env.redirector->restore(trafficMove());
    if (!restored)
        log(restored.error(), QStringLiteral("error"));
    else if (!restored->isEmpty())
        log(restored.value());
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
    restoreTraffic();
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
    restoreTraffic();
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
