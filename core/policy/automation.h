#pragma once

#include "util/result.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QMetaType>
#include <QString>

namespace Umbra::Policy {

// How far the policy may go on its own for a VM, as vSphere DRS's levels:
// nothing, proposals to read, proposals queued for an operator's approval
// (executed once approved), or execution at once within the limits.
enum class AutomationLevel { Off, Manual, Approve, Automatic };

QString automationLevelKey(AutomationLevel level);
std::optional<AutomationLevel> automationLevelFromKey(const QString &key);
QString automationLevelLabel(AutomationLevel level);

// A weekly window in local time during which automatic actions wait (they
// stay queued for approval): "Saturdays 02:00 for 4 hours".
struct MaintenanceWindow
{
    int weekday = 6; // 1 Monday … 7 Sunday, as Qt counts
    int startMinute = 120; // minutes after midnight
    int durationMinutes = 240;

    bool contains(const QDateTime &localTime) const;
    QString describe() const;
    friend bool operator==(const MaintenanceWindow &, const MaintenanceWindow &) = default;
};

// The operator's automation settings: a level for the fleet, for a pool and
// for a VM (the VM's overrides its pool's, which overrides the fleet's), the
// confidence (1–5, like DRS's migration threshold) an automatic action needs,
// and the maintenance windows. Stored in the database (table
// policy_settings).
struct AutomationSettings
{
    AutomationLevel fleetLevel = AutomationLevel::Approve;
    QHash<QString, AutomationLevel> poolLevels; // pool name → level
    QHash<QString, AutomationLevel> vmLevels; // VM UUID → level
    int minConfidence = 3;
    QList<MaintenanceWindow> windows;
    // The fleet's storage is shared even where libvirt cannot tell (a disk
    // cache mode it doubts): the policy's migrations may use libvirt's unsafe
    // override, as an operator would tick it in the migration dialog.
    bool trustSharedStorage = false;

    AutomationLevel levelFor(const QString &vmUuid, const QString &poolName) const;
    bool inMaintenance(const QDateTime &localTime) const;

    // Blocking: worker threads and the command line.
    static Result<AutomationSettings> load(const QString &databasePath);
    Result<void> save(const QString &databasePath) const;

    friend bool operator==(const AutomationSettings &, const AutomationSettings &) = default;
};

} // namespace Umbra::Policy

Q_DECLARE_METATYPE(Umbra::Policy::AutomationSettings)
