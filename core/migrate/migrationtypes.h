#pragma once

#include "jobs/outcome.h"

#include <QJsonObject>
#include <QList>
#include <QMetaType>
#include <QString>

namespace Umbra {

// The stages of one live migration, in order. Each is journalled (committed to
// SQLite) before its first action, so a console killed at any point can be
// reconciled from the journal and what the hosts say.
enum class MigrationStage {
    Pending,
    Preflight,
    Prediction,
    Snapshot,
    Redirect,
    Transfer,
    Verify,
    Finalize,
    RollingBack,
    Reconciling,
    Done,
};

// How a job ended (Jobs::Outcome). For a migration:
//   Completed      the VM runs on the target, verified, and is persistent there.
//   Cancelled      the operator cancelled; the VM runs on the source.
//   RolledBack     a later stage failed after the VM had moved; it was moved back.
//   Failed         a stage failed or a check refused; the VM runs on the source.
//   NeedsAttention the VM's place could not be made consistent; the reason says why.
using MigrationOutcome = Jobs::Outcome;
using Jobs::outcomeFromKey;
using Jobs::outcomeKey;
using Jobs::outcomeLabel;

// Stable keywords for the journal and JSON; translated labels for people.
QString stageKey(MigrationStage stage);
MigrationStage stageFromKey(const QString &key);
QString stageLabel(MigrationStage stage);

// Where the disks are during the move. Auto asks the target's storage pools
// whether they hold the source's disk paths and refuses when it cannot tell.
enum class StorageMode { Auto, Shared, Copy };
// PeerToPeer: the source's libvirtd drives the migration (virDomainMigrateToURI3).
// Direct: the console drives it with a connection to each host (virDomainMigrate3).
enum class TransferMode { PeerToPeer, Direct };

struct HealthCheck
{
    enum class Kind { None, Http, Tcp, Agent };
    Kind kind = Kind::None;
    QString target; // URL for Http, host:port for Tcp
    int deadlineMs = 60000; // retried until then
    int intervalMs = 1000;
};

struct MigrationOptions
{
    int maxDowntimeMs = 300;
    int bandwidthMiBs = 0; // 0: unlimited
    bool autoConverge = false;
    bool postCopy = false;
    // With postCopy, switch to post-copy after this many pre-copy rounds.
    int postCopyAfterIterations = 3;
    bool keepSource = false; // keep the source definition (inactive) for rollback
    bool unsafe = false; // VIR_MIGRATE_UNSAFE, e.g. for a disk cache mode libvirt doubts
    QString migrationUri; // data channel to the target, e.g. tcp://10.0.0.12
    QString returnMigrationUri; // data channel back to the source for a rollback
    TransferMode transfer = TransferMode::PeerToPeer;
    StorageMode storage = StorageMode::Auto;
    bool snapshot = true; // take a restore point of qcow2 file disks
    bool requireSnapshot = false; // refuse to go on without one
    HealthCheck health;
    qint64 targetReserveMiB = 256; // memory the target keeps free for itself
    double vcpuOvercommit = 4.0; // vCPUs per host CPU allowed after the move
    int transferTimeoutS = 0; // 0: no limit; else abort and roll back after it
    int pollIntervalMs = 500; // job statistics while transferring (at most 1000)
    int dirtyRateSeconds = 1; // how long to measure the dirty-page rate

    QJsonObject toJson() const;
    static MigrationOptions fromJson(const QJsonObject &json);
};

struct MigrationRequest
{
    QString vm; // name or UUID on the source
    QString sourceUri;
    QString targetUri;
    MigrationOptions options;
};

// What the hypervisor reports while memory is being copied.
struct MigrationProgress
{
    qint64 jobId = 0;
    qint64 elapsedMs = 0;
    quint64 dataTotal = 0;
    quint64 dataProcessed = 0;
    quint64 dataRemaining = 0;
    double memoryBytesPerSec = 0;
    double dirtyBytesPerSec = 0;
    int iteration = 0;
    qint64 expectedDowntimeMs = -1;
    bool postCopy = false;
    double fraction() const { return dataTotal ? double(dataProcessed) / double(dataTotal) : 0.0; }
};

struct StageEvent
{
    qint64 timestampMs = 0;
    MigrationStage stage = MigrationStage::Pending;
    QString kind; // "enter", "note", "error"
    QString message;
};

// One journalled job, as stored.
struct MigrationRecord
{
    qint64 id = 0;
    QString vmUuid;
    QString vmName;
    QString sourceUri;
    QString targetUri;
    MigrationOptions options;
    MigrationStage stage = MigrationStage::Pending;
    MigrationOutcome outcome = MigrationOutcome::Running;
    QString reason;
    qint64 createdMs = 0;
    qint64 updatedMs = 0;
    qint64 finishedMs = 0;
    qint64 ownerPid = 0;
    // Prediction (-1 when not made).
    qint64 predictedTotalMs = -1;
    qint64 predictedDowntimeMs = -1;
    double predictedBandwidth = 0; // bytes/s assumed
    double dirtyRate = -1; // bytes/s measured, -1 when not measured
    qint64 memoryBytes = 0;
    int predictedIterations = 0;
    bool predictedConverges = true;
    // What happened (-1 when unknown).
    qint64 actualTotalMs = -1; // the transfer, start to switch-over done
    qint64 actualDowntimeMs = -1;
    qint64 modelTransferMs = -1; // the model re-run with the measured bandwidth
    double measuredBandwidth = 0; // bytes/s (memory_bps)
    qint64 dataBytes = -1;
    bool sharedStorage = true;
    QString inactiveXml; // the restore point's definition
    QJsonObject snapshot; // overlays created, why none was
    QList<StageEvent> events;

    bool finished() const { return outcome != MigrationOutcome::Running; }
    QJsonObject toJson() const;
};

} // namespace Umbra

Q_DECLARE_METATYPE(Umbra::MigrationStage)
Q_DECLARE_METATYPE(Umbra::MigrationProgress)
Q_DECLARE_METATYPE(Umbra::MigrationRecord)
Q_DECLARE_METATYPE(Umbra::StageEvent)
