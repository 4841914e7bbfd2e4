#pragma once

#include "policy/automation.h"

#include <QDialog>
#include <QHash>

class QCheckBox;
class QComboBox;
class QSpinBox;
class QTableWidget;

namespace Umbra {

class Engine;

// The policy's automation: the fleet's level, a level per pool and per VM
// (a VM's overrides its pool's, which overrides the fleet's), how sure a
// proposal must be to be executed automatically, and the weekly maintenance
// windows during which automatic actions wait. OK stores them (on a worker,
// through the policy service).
class AutomationDialog : public QDialog
{
    Q_OBJECT

public:
    explicit AutomationDialog(Engine *engine, QWidget *parent = nullptr);

    QComboBox *fleetLevel() const { return m_fleet; }
    QSpinBox *confidence() const { return m_confidence; }
    QTableWidget *poolTable() const { return m_pools; }
    QTableWidget *vmTable() const { return m_vms; }
    QTableWidget *windowTable() const { return m_windows; }
    // The level combo of a pool's or a VM's row, null when not listed.
    QComboBox *poolLevel(const QString &pool) const;
    void addVm(const QString &uuid, Policy::AutomationLevel level);
    void addWindow(const Policy::MaintenanceWindow &window);

    Policy::AutomationSettings edited() const;
    // Stores what was edited, and closes.
    void accept() override;

private:
    Engine *m_engine;
    QHash<QString, QString> m_vmNames; // UUID → name, of the fleet's VMs
    QComboBox *m_fleet = nullptr;
    QSpinBox *m_confidence = nullptr;
    QCheckBox *m_sharedStorage = nullptr;
    QTableWidget *m_pools = nullptr;
    QTableWidget *m_vms = nullptr;
    QComboBox *m_vmPicker = nullptr;
    QTableWidget *m_windows = nullptr;
};

} // namespace Umbra
