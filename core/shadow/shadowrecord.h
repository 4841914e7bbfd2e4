#pragma once

#include "migrate/hypervisorlink.h"

#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>
#include <optional>

namespace Umbra::Shadow {

// Where a shadow stands. Creating until its replicas and definition exist;
// Seeding while libvirt copies the primary's disks; InSync once every copy
// mirrors each write as it happens; Degraded when a copy ended (the primary
// moved, a host restarted, the export vanished) and must be seeded again;
// Suspended while a migration of the primary needs its disks to itself;
// FailedOver once the shadow runs in the primary's place; Removed at the end;
// Failed when creating it did not succeed (everything it made undone).
enum class State { Creating, Seeding, InSync, Degraded, Suspended, FailedOver, Removed, Failed };
QString stateKey(State state);
State stateFromKey(const QString &key);
QString stateLabel(State state);
// Whether the shadow still holds capacity and replicas: not Removed or Failed.
bool isLive(State state);

struct ReplicatedDisk
{
    QString target; // vda
    QString replica; // the replica's name on the shadow host
    QString file; // its image there
    qint64 sizeBytes = 0;
    QString nbdHost;
    int port = 0;
};

struct ShadowEvent
{
    qint64 timestampMs = 0;
    QString kind; // "state", "note", "error"
    QString message;
};

// What one validation found: a throw-away VM booted from a point-in-time
// image of the replicas, isolated from the network.
struct Validation
{
    qint64 startedMs = 0;
    qint64 durationMs = 0;
    bool passed = false;
    QString reason; // why it failed; empty when it passed
    QStringList evidence; // what each check found, in order
};

// One shadow as the journal keeps it.
struct ShadowRecord
{
    qint64 id = 0;
    QString primaryUuid;
    QString primaryName;
    QString primaryUri;
    QString shadowUri;
    QString shadowName;
    QString shadowUuid;
    quint64 memoryKiB = 0;
    int vcpus = 0;
    QList<ReplicatedDisk> disks;
    State state = State::Creating;
    QString reason;
    QString primaryXml; // the primary's definition when the shadow was made
    qint64 ownerPid = 0;
    qint64 createdMs = 0;
    qint64 updatedMs = 0;
    qint64 syncedMs = 0; // when it last reached InSync
    int seeds = 0; // how often it was seeded (1 + re-seeds)
    qint64 rtoMs = -1; // failover: from the decision to the service answering
    // Hours between automated validations of this shadow; absent: the
    // console's default, 0: only when asked.
    std::optional<int> validateEveryH;
    // What each full copy (the first and every re-seed) may take of the
    // primary's disk and network, in bytes/s; 0: as fast as it goes.
    qint64 seedLimitBytesPerSec = 0;
    // The primary's mean write latency (ms) measured just before its first
    // copy started, without replication; -1 when no write was seen.
    double writeLatencyBeforeMs = -1;

    // Not journalled: what the last check saw. The primary's disk writes so
    // far (absent when not read), and while seeding how much is copied.
    std::optional<DiskWriteTotals> writeTotals;
    qint64 copiedBytes = 0;
    qint64 copyBytes = 0;
    // Worked out by the console from successive checks: the mean write
    // latency (ms) with replication, and the seconds seeding has left.
    double writeLatencyMs = -1;
    qint64 seedEtaS = -1;
    QList<ShadowEvent> events;
    std::optional<Validation> lastValidation;
};

} // namespace Umbra::Shadow

Q_DECLARE_METATYPE(Umbra::Shadow::ShadowRecord)
