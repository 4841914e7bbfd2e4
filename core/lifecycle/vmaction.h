#pragma once

#include "fleet/vminfo.h"

#include <QList>
#include <QMetaType>
#include <QString>

namespace Umbra::Lifecycle {

// What an operator can do to a VM besides moving it. Each is one libvirt
// call on the VM's host (a shutdown also waits for the guest to power off).
enum class VmAction {
    Start,
    Shutdown, // ACPI: the guest is asked, and may take its time or refuse
    Reboot,
    ForceOff, // pulls the plug: virDomainDestroy
    Reset, // presses the reset button: virDomainReset
    Pause,
    Resume,
    AutostartOn,
    AutostartOff,
};

// Stable keys ("start", "force-off", …) for plans, the audit trail and the
// command line; labels for people.
QString vmActionKey(VmAction action);
bool vmActionFromKey(const QString &key, VmAction *action);
QString vmActionLabel(VmAction action);
// The plan kind: "vm.start", "vm.force-off", …
QString vmActionPlanKind(VmAction action);

// The actions a VM in `state` allows, in the order menus show them, and
// the autostart setting it does not have.
QList<VmAction> allowedVmActions(VmState state, bool autostart);
bool vmActionAllowed(VmAction action, VmState state, bool autostart);
// Force off and reset lose what the guest had not written; they are
// confirmed with what is lost.
bool vmActionIsDestructive(VmAction action);
// "web03 loses everything it has not written to disk: …" — for the
// confirmation of a destructive action.
QString vmActionLoss(VmAction action, const QString &vmName);

// One VM an action is asked for, as the console knows it.
struct VmTarget
{
    QString uri;
    QString uuid;
    QString name;
    QString hostName;
    VmState state = VmState::NoState;
    bool autostart = false;
};

} // namespace Umbra::Lifecycle

Q_DECLARE_METATYPE(Umbra::Lifecycle::VmAction)
Q_DECLARE_METATYPE(Umbra::Lifecycle::VmTarget)
