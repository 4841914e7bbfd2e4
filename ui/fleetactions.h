#pragma once

#include "lifecycle/consolecommand.h"
#include "lifecycle/vmaction.h"

#include <QHash>
#include <QKeySequence>
#include <QMessageBox>
#include <QObject>
#include <QPointer>
#include <functional>

class QAbstractItemView;
class QAction;
class QMenu;
class QModelIndex;
class QWidget;

namespace Umbra {

class Engine;
struct VmActionRecord;

// What a row of any list names: a VM (uuid set) or a host.
struct FleetSubject
{
    QString uri;
    QString uuid;
    bool isVm() const { return !uuid.isEmpty(); }
    bool isValid() const { return !uri.isEmpty(); }
    friend bool operator==(const FleetSubject &, const FleetSubject &) = default;
};

// The operator's actions on VMs and hosts, wherever they are named: the
// context menus of the fleet tree and the lists, the pages' Actions buttons,
// the VM menu with its shortcuts and the command palette all come here. A
// menu offers exactly what the VMs' states allow; destructive actions and
// several VMs at once are confirmed first, naming them; results come back
// through the event log and the status bar. Nothing here waits on libvirt.
class FleetActions : public QObject
{
    Q_OBJECT

public:
    FleetActions(Engine *engine, QWidget *window);
    ~FleetActions() override;

    using SubjectAt = std::function<FleetSubject(const QModelIndex &)>;
    // A right-click on `view` opens the menu of the row under the cursor,
    // with the other selected rows when it is one of them.
    void attach(QAbstractItemView *view, SubjectAt subjectAt);

    // What can be done to `subjects` (VMs, or a host), as menu entries.
    void fillMenu(QMenu *menu, const QList<FleetSubject> &subjects);
    // The VM menu of the menu bar: the same actions, with shortcuts, on
    // whatever `selection` answers (the fleet tree's selected rows).
    void fillWindowMenu(QMenu *menu, std::function<QList<FleetSubject>()> selection);
    // The window's actions, enabled for the current selection.
    QList<QAction *> windowActions() const { return m_windowActions; }
    void updateWindowActions();

    QList<Lifecycle::VmTarget> targets(const QList<FleetSubject> &subjects) const;
    // Runs `action` on those of `targets` whose state allows it, after a
    // confirmation when it is destructive or for several VMs (returned,
    // non-modal; null when none was needed).
    QMessageBox *request(const QList<Lifecycle::VmTarget> &targets, Lifecycle::VmAction action);
    void openConsole(const Lifecycle::VmTarget &target);
    void reconnectHost(const QString &uri);
    void setMaintenance(const QString &uri, bool on);
    QMessageBox *removeHost(const QString &uri);

    // The last question asked (a confirmation, Force off after a slow
    // shutdown, a console that cannot open), for the tests.
    QMessageBox *lastBox() const { return m_lastBox; }

    static QKeySequence shortcutFor(Lifecycle::VmAction action);

Q_SIGNALS:
    void vmRequested(const QString &uri, const QString &uuid);
    void hostRequested(const QString &uri);
    void migrateRequested(const QString &uri, const QString &uuid);
    // For the status bar; one that says an action is under way stays until
    // the action's own result replaces it (timeoutMs 0).
    void statusMessage(const QString &message, int timeoutMs = 15000);
    // A console viewer was started (program and arguments), for the tests.
    void consoleLaunched(const QString &program, const QStringList &arguments);

private:
    bool canAct() const;
    bool canMigrate(const Lifecycle::VmTarget &vm) const;
    // The VMs selected where the VM menu looks (the fleet tree).
    QList<Lifecycle::VmTarget> selectedTargets() const;
    void addVmActions(QMenu *menu, const QList<Lifecycle::VmTarget> &targets);
    void addHostActions(QMenu *menu, const QString &uri);
    void start(const QList<Lifecycle::VmTarget> &targets, Lifecycle::VmAction action);
    void onFinished(const VmActionRecord &record);
    void onConsoleReady(const Lifecycle::VmTarget &target,
                        const Lifecycle::ConsoleCommand &command);
    QMessageBox *ask(const QString &title, const QString &text, const QString &confirm,
                     std::function<void()> onConfirm);
    void tell(const QString &title, const QString &text);

    // Several VMs asked at once end with one summary line.
    struct Batch
    {
        Lifecycle::VmAction action = Lifecycle::VmAction::Start;
        int remaining = 0;
        int done = 0;
        QStringList problems;
    };

    QPointer<Engine> m_engine;
    QWidget *m_window;
    QList<QAction *> m_windowActions;
    std::function<QList<FleetSubject>()> m_selection;
    QHash<QString, int> m_batchOf; // VM UUID -> batch
    QHash<int, Batch> m_batches;
    int m_nextBatch = 1;
    QPointer<QMessageBox> m_lastBox;
};

} // namespace Umbra
