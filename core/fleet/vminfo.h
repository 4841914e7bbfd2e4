#pragma once

#include <QList>
#include <QMetaType>
#include <QString>

namespace Umbra {

// Mirrors virDomainState so values can be taken from libvirt unchanged.
enum class VmState {
    NoState = 0,
    Running = 1,
    Blocked = 2,
    Paused = 3,
    ShuttingDown = 4,
    ShutOff = 5,
    Crashed = 6,
    Suspended = 7,
};

QString vmStateName(VmState state);
VmState vmStateFromLibvirt(int state);
bool vmStateIsActive(VmState state);

struct DiskInfo
{
    QString target; // guest device, e.g. "vda"
    QString source; // image path, volume or network source
    QString bus;
    QString device; // "disk", "cdrom", ...
    bool operator==(const DiskInfo &) const = default;
};

struct NicInfo
{
    QString mac;
    QString model;
    QString type; // "network", "bridge", ...
    QString source; // network or bridge name
    bool operator==(const NicInfo &) const = default;
};

struct VmInfo
{
    QString uuid;
    QString name;
    VmState state = VmState::NoState;
    int vcpus = 0;
    quint64 memoryKiB = 0; // current allocation
    quint64 maxMemoryKiB = 0; // ceiling the balloon can reach
    bool persistent = false;
    bool autostart = false; // started with its host
    QList<DiskInfo> disks;
    QList<NicInfo> nics;
    bool operator==(const VmInfo &) const = default;
};

} // namespace Umbra

Q_DECLARE_METATYPE(Umbra::VmInfo)
