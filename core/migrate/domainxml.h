#pragma once

#include <QList>
#include <QString>
#include <optional>

namespace Umbra::DomainXml {

struct Disk
{
    QString target; // vda
    QString type; // file, block, network, volume
    QString device; // disk, cdrom
    QString format; // qcow2, raw
    QString source; // the path for file and block disks
    bool readOnly = false;
    bool shareable = false; // <shareable/>: meant to be open on two hosts at once
    QString cache; // the driver's cache mode; empty: the hypervisor's default
    bool mirror = false; // a block copy runs on it (live definition)
    bool mirrorReady = false; // and mirrors every write: <mirror ready='yes'>
};

QList<Disk> disks(const QString &domainXml);
// Whether the block copy of disk `target` is ready, per the live definition.
bool mirrorReady(const QString &domainXml, const QString &target);
// A copy of a domain's definition under another name, without its UUID (the
// host gives one), the file disks in `sources` (target → qcow2 file) moved
// there, everything else — MAC addresses, kernel command line — kept, so
// that the copy can take the original's place.
//
// A Throwaway copy boots a point-in-time image without touching it: its
// moved disks are <transient/> (QEMU writes to an overlay it deletes) and it
// has no network interface, so it never meets the production network.
enum class CopyKind { Standby, Throwaway };
QString renamedCopy(const QString &domainXml, const QString &name,
                    const QList<std::pair<QString, QString>> &sources,
                    CopyKind kind = CopyKind::Standby);
QString domainType(const QString &domainXml); // kvm, qemu, test
// The definition with `vcpus` virtual CPUs; none when it pins a CPU
// topology, whose sockets × cores × threads libvirt holds to the count.
std::optional<QString> withVcpus(const QString &domainXml, int vcpus);
// An attribute of the root element (a storage pool's type).
QString rootAttribute(const QString &xml, const QString &name);
// The domain's <cpu> element when it names a model, else empty.
QString cpuElement(const QString &domainXml);
// The <host><uuid> and <host><cpu> of capabilities.
QString hostUuid(const QString &capabilitiesXml);
QString hostCpu(const QString &capabilitiesXml);

// Snapshot XML for an external disk-only snapshot: each (target, overlay)
// disk gets a qcow2 overlay, every other disk is left out of it.
QString diskSnapshotXml(const QString &name, const QList<std::pair<QString, QString>> &overlays,
                        const QStringList &otherDisks);

// Where the overlay of a disk goes: next to it, named after the job and the
// second it started (job ids restart with a new journal; the files stay).
QString overlayPath(const QString &source, qint64 jobId, qint64 startedMs);

} // namespace Umbra::DomainXml
