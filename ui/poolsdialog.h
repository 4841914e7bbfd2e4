#pragma once

#include "pools/pool.h"

#include <QDialog>
#include <QHash>
#include <QPointer>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QStackedWidget;
class QTimer;
class QTreeWidget;

namespace Umbra {

class Engine;
class PoolService;

// Edits the fleet's pools: their kinds, the customer of a dedicated pool and
// what a shadow pool's hosts set aside, and which pool and failure domain
// each host is in, with what the hosts have reserved and free as saved.
// OK validates and saves on a worker; the dialog closes once the service
// answers with the new settings, and stays open with the error otherwise.
class PoolsDialog : public QDialog
{
    Q_OBJECT

public:
    PoolsDialog(Engine *engine, QWidget *parent = nullptr);

    enum PoolColumn { PoolNameColumn, PoolKindColumn, PoolDetailColumn, PoolHostsColumn };
    enum HostColumn { HostNameColumn, HostPoolColumn, HostDomainColumn, HostCapacityColumn };

    QTreeWidget *poolList() const { return m_pools; }
    QTreeWidget *hostList() const { return m_hosts; }
    QLineEdit *nameEdit() const { return m_name; }
    QComboBox *kindCombo() const { return m_kind; }
    QLineEdit *customerEdit() const { return m_customer; }
    QComboBox *reservationCombo() const { return m_reserveMode; }
    QSpinBox *shareSpin() const { return m_share; }
    QPushButton *removeButton() const { return m_remove; }
    // The pool and failure domain widgets of a host, null for a host not listed.
    QComboBox *hostPoolCombo(const QString &uri) const;
    QLineEdit *hostDomainEdit(const QString &uri) const;
    // The error or progress under the lists, empty when none is shown.
    QString statusText() const;

    // The settings as edited; customers as the service has them.
    Pools::PoolSettings edited() const;
    // The buttons' actions.
    void addPool();
    bool removeSelected();
    // Validates and saves; false (and the error shown) when invalid.
    bool submit();

private:
    // Shows `settings` as the starting point of the edits.
    void load(const Pools::PoolSettings &settings);
    void fillHosts();
    void refreshPools();
    void refreshCapacity();
    void fillEditor();
    void applyEditor();
    void refillHostCombos();
    void showStatus(const QString &text, bool error);
    int currentPool() const;
    int generalIndex() const;

    QPointer<Engine> m_engine;
    QPointer<PoolService> m_service;
    // The pools as edited, and each host's pool as an index into them, so
    // that a rename carries its hosts along.
    QList<Pools::Pool> m_edited;
    QHash<QString, int> m_hostPool; // host URI → index into m_edited
    QHash<QString, QString> m_domains; // failure domains of hosts not listed
    Pools::PoolSettings m_pending;
    bool m_saving = false;
    bool m_filling = false;
    bool m_dirty = false; // edited since the settings were last shown

    QTreeWidget *m_pools = nullptr;
    QTreeWidget *m_hosts = nullptr;
    QLineEdit *m_name = nullptr;
    QComboBox *m_kind = nullptr;
    QLineEdit *m_customer = nullptr;
    QComboBox *m_reserveMode = nullptr;
    QStackedWidget *m_reserveStack = nullptr;
    QSpinBox *m_share = nullptr;
    QSpinBox *m_memory = nullptr;
    QSpinBox *m_vcpus = nullptr;
    QPushButton *m_remove = nullptr;
    QPushButton *m_ok = nullptr;
    QLabel *m_status = nullptr;
    QTimer *m_capacityTimer = nullptr;
};

} // namespace Umbra
