#pragma once

#include <QElapsedTimer>
#include <QMainWindow>
#include <QPointer>

class QDockWidget;
class QSystemTrayIcon;
class QLineEdit;
class QMenu;
class QProgressBar;
class QSplitter;
class QStackedWidget;
class QTreeView;

namespace Umbra {

class Engine;
class EventLogView;
class AnomaliesPanel;
class FleetModel;
class FleetSortProxy;
class HostPage;
class HostStatusBar;
class MigrationsPanel;
class ShadowsPanel;
class AuditPanel;
class CommandPalette;
class FleetActions;
struct FleetSubject;
class ApprovalsPanel;
class OverviewPage;
class TrafficPage;
class VmPage;

// The console: the fleet tree on the left, the selected host's or VM's page
// (or the fleet overview) on the right, the event log docked below and one
// status item per host. It observes the Engine and sends it commands; it never
// waits on libvirt or the store.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    // With `demo`, a banner says the usage shown is simulated.
    MainWindow(Engine *engine, bool demo, QWidget *parent = nullptr);
    ~MainWindow() override;

    QTreeView *fleetView() const { return m_fleetView; }
    FleetModel *fleetModel() const { return m_model; }
    FleetSortProxy *fleetProxy() const { return m_proxy; }
    QLineEdit *fleetFilter() const { return m_filter; }
    VmPage *vmPage() const { return m_vmPage; }
    HostPage *hostPage() const { return m_hostPage; }
    OverviewPage *overviewPage() const { return m_overview; }
    TrafficPage *trafficPage() const { return m_trafficPage; }
    EventLogView *eventLogView() const { return m_eventLog; }
    HostStatusBar *hostStatusBar() const { return m_statusBar; }
    MigrationsPanel *migrationsPanel() const { return m_migrations; }
    AnomaliesPanel *anomaliesPanel() const { return m_anomalies; }
    ShadowsPanel *shadowsPanel() const { return m_shadows; }
    AuditPanel *auditPanel() const { return m_audit; }
    ApprovalsPanel *approvalsPanel() const { return m_approvals; }
    QDockWidget *approvalsDock() const { return m_approvalsDock; }
    QDockWidget *auditDock() const { return m_auditDock; }
    QWidget *currentPage() const;
    // Every action on VMs and hosts, wherever they are offered.
    FleetActions *fleetActions() const { return m_actions; }
    // The VMs and host selected in the fleet tree.
    QList<FleetSubject> fleetSelection() const;
    // Ctrl+K: find a host, VM or action and run it (non-modal).
    CommandPalette *showCommandPalette();

    void showVm(const QString &uri, const QString &uuid);
    void showHost(const QString &uri);
    void showOverview();
    // The load balancers' servers and the traffic actions.
    void showTraffic();
    // Opens File → Load Balancers… (non-modal; returns the dialog).
    QDialog *showBalancersDialog();
    // Opens File → Pools… (non-modal; null when the store is read-only).
    QDialog *showPoolsDialog();
    QDialog *showAutomationDialog();
    QDialog *showPolicyReplayDialog();
    QDialog *showPrometheusDialog();
    // Asks which customer a VM belongs to and saves it with the pools
    // (non-modal; null when the store is read-only).
    QDialog *showCustomerDialog(const QString &uuid, const QString &name);
    // Asks how to shift a backend's traffic (non-modal; returns the dialog).
    QDialog *showShiftDialog(const QString &balancer, const QString &backend, const QString &from);
    QDialog *showTrafficMappingDialog(const QString &uuid, const QString &name);
    // Asks where to move a VM and starts the migration.
    void showMigrateDialog(const QString &uri, const QString &uuid);
    // Asks where to keep a VM's shadow and creates it (non-modal; null when
    // the store is read-only).
    QDialog *showShadowDialog(const QString &uri, const QString &uuid);
    // Plans failing a VM over to its shadow, or removing the shadow, and
    // asks the operator to approve the plan (non-modal; returns the box).
    void confirmShadowAction(const QString &action, const QString &vmUuid);

    // Applies the light or dark theme to the whole application.
    void setDarkTheme(bool dark);
    bool isDarkTheme() const;

Q_SIGNALS:
    void darkThemeChanged(bool dark);

protected:
    void resizeEvent(QResizeEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    // A bottom panel in a dock of its own, in a tab beside `besides` when given.
    QDockWidget *addPanel(const QString &title, const QString &objectName, QWidget *panel,
                          QDockWidget *besides);
    void createMenus();
    // Context menus, the pages' Actions buttons and the VM menu (mainwindowactions.cpp).
    void wireFleetActions();
    QMenu *createVmMenu();
    QWidget *createFleetPane();
    void onCurrentChanged(const QModelIndex &current);
    void selectInTree(const QModelIndex &sourceIndex);
    void showHostsDialog();
    void showAbout();
    void applyProportions();
    void fitTreeColumns();

    MigrationsPanel *m_migrations = nullptr;
    QDockWidget *m_migrationsDock = nullptr;
    AnomaliesPanel *m_anomalies = nullptr;
    QDockWidget *m_anomaliesDock = nullptr;
    ShadowsPanel *m_shadows = nullptr;
    QDockWidget *m_shadowsDock = nullptr;
    AuditPanel *m_audit = nullptr;
    ApprovalsPanel *m_approvals = nullptr;
    QDockWidget *m_approvalsDock = nullptr;
    QSystemTrayIcon *m_tray = nullptr;
    QDockWidget *m_auditDock = nullptr;
    QPointer<Engine> m_engine;
    FleetModel *m_model = nullptr;
    FleetSortProxy *m_proxy = nullptr;
    QTreeView *m_fleetView = nullptr;
    QLineEdit *m_filter = nullptr;
    QSplitter *m_splitter = nullptr;
    QStackedWidget *m_pages = nullptr;
    OverviewPage *m_overview = nullptr;
    HostPage *m_hostPage = nullptr;
    VmPage *m_vmPage = nullptr;
    TrafficPage *m_trafficPage = nullptr;
    QDockWidget *m_eventDock = nullptr;
    EventLogView *m_eventLog = nullptr;
    HostStatusBar *m_statusBar = nullptr;
    QProgressBar *m_learning = nullptr; // the models' progress after a start
    QElapsedTimer m_learningSince; // since models were found missing
    static constexpr int kLearningShownAfterMs = 2000;
    QAction *m_darkAction = nullptr;
    FleetActions *m_actions = nullptr;
    bool m_syncingSelection = false;
    bool m_savingCustomer = false;
    bool m_userSizedSplitter = false;
};

} // namespace Umbra
