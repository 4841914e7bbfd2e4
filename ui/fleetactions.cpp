#include "fleetactions.h"

#include "engine/engine.h"
#include "engine/eventlog.h"
#include "engine/fleetservice.h"
#include "engine/lifecycleservice.h"
#include "engine/policyservice.h"
#include "fleet/fleetstate.h"
#include "fleet/hosturi.h"
#include "jobs/audittrail.h"

#include <QAbstractItemView>
#include <QAction>
#include <QCursor>
#include <QDateTime>
#include <QItemSelectionModel>
#include <QMenu>
#include <QMessageBox>
#include <QProcess>
#include <QPushButton>

namespace Umbra {

using Lifecycle::VmAction;
using Lifecycle::VmTarget;

namespace {

const QList<VmAction> kMenuOrder{ VmAction::Start, VmAction::Shutdown,    VmAction::Reboot,
                                  VmAction::Pause, VmAction::Resume,      VmAction::ForceOff,
                                  VmAction::Reset, VmAction::AutostartOn, VmAction::AutostartOff };

QList<VmTarget> allowing(const QList<VmTarget> &targets, VmAction action)
{
    QList<VmTarget> found;
    for (const VmTarget &t : targets) {
        if (Lifecycle::vmActionAllowed(action, t.state, t.autostart))
            found.append(t);
    }
    return found;
}

// A destructive action asks first; its entry says so.
QString entryLabel(VmAction action)
{
    const QString label = Lifecycle::vmActionLabel(action);
    return Lifecycle::vmActionIsDestructive(action) ? label + QStringLiteral("…") : label;
}

const QKeySequence kConsoleShortcut(Qt::CTRL | Qt::SHIFT | Qt::Key_O);
const QKeySequence kMigrateShortcut(Qt::CTRL | Qt::SHIFT | Qt::Key_M);

QString names(const QList<VmTarget> &targets)
{
    QStringList list;
    for (const VmTarget &t : targets)
        list.append(t.name);
    if (list.size() > 8) {
        const qsizetype more = list.size() - 6;
        list = list.mid(0, 6);
        list.append(FleetActions::tr("and %n more", nullptr, int(more)));
    }
    return list.join(QStringLiteral(", "));
}

} // namespace

FleetActions::FleetActions(Engine *engine, QWidget *window)
    : QObject(window)
    , m_engine(engine)
    , m_window(window)
{
    if (LifecycleService *lifecycle = engine ? engine->lifecycle() : nullptr) {
        connect(lifecycle, &LifecycleService::finished, this, &FleetActions::onFinished);
        connect(lifecycle, &LifecycleService::consoleReady, this, &FleetActions::onConsoleReady);
    }
}

FleetActions::~FleetActions() = default;

bool FleetActions::canAct() const
{
    return m_engine && m_engine->lifecycle();
}

bool FleetActions::canMigrate(const VmTarget &vm) const
{
    return m_engine && m_engine->migrations() && vmStateIsActive(vm.state);
}

QList<VmTarget> FleetActions::selectedTargets() const
{
    return m_selection ? targets(m_selection()) : QList<VmTarget>();
}

QKeySequence FleetActions::shortcutFor(VmAction action)
{
    // Destructive ones have none: they are never one keystroke away.
    switch (action) {
    case VmAction::Start:
        return QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S);
    case VmAction::Shutdown:
        return QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_D);
    case VmAction::Reboot:
        return QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R);
    case VmAction::Pause:
        return QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P);
    case VmAction::Resume:
        return QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_U);
    default:
        return {};
    }
}

QList<VmTarget> FleetActions::targets(const QList<FleetSubject> &subjects) const
{
    QList<VmTarget> found;
    if (!m_engine)
        return found;
    const FleetState *fleet = m_engine->fleet()->state();
    for (const FleetSubject &s : subjects) {
        if (!s.isVm())
            continue;
        const std::optional<VmInfo> vm = fleet->vm(s.uri, s.uuid);
        if (!vm)
            continue;
        found.append(
            { s.uri, vm->uuid, vm->name, HostUri::displayName(s.uri), vm->state, vm->autostart });
    }
    return found;
}

void FleetActions::attach(QAbstractItemView *view, SubjectAt subjectAt)
{
    view->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(view, &QWidget::customContextMenuRequested, this, [this, view, subjectAt](QPoint pos) {
        QModelIndex at = view->indexAt(pos);
        // The menu key and Shift+F10 ask with the pointer elsewhere:
        // the current row is the one meant.
        const QPoint pointer = view->viewport()->mapFromGlobal(QCursor::pos());
        if (!view->viewport()->rect().contains(pointer) && view->currentIndex().isValid()) {
            at = view->currentIndex();
            pos = view->visualRect(at).center();
        }
        const FleetSubject clicked = subjectAt(at);
        if (!clicked.isValid())
            return;
        QList<FleetSubject> subjects{ clicked };
        // The selection counts when the click is on one of its rows.
        QItemSelectionModel *selection = view->selectionModel();
        if (clicked.isVm() && selection && selection->isRowSelected(at.row(), at.parent())) {
            for (const QModelIndex &row : selection->selectedRows()) {
                const FleetSubject s = subjectAt(row);
                if (s.isVm() && !subjects.contains(s))
                    subjects.append(s);
            }
        }
        auto *menu = new QMenu(view);
        menu->setAttribute(Qt::WA_DeleteOnClose);
        fillMenu(menu, subjects);
        if (!menu->isEmpty())
            menu->popup(view->viewport()->mapToGlobal(pos));
        else
            menu->deleteLater();
    });
}

void FleetActions::fillMenu(QMenu *menu, const QList<FleetSubject> &subjects)
{
    menu->setToolTipsVisible(true);
    if (subjects.size() == 1 && !subjects.first().isVm()) {
        addHostActions(menu, subjects.first().uri);
        return;
    }
    const QList<VmTarget> vms = targets(subjects);
    if (vms.isEmpty())
        return;
    if (vms.size() == 1) {
        const VmTarget vm = vms.first();
        menu->addAction(tr("Show %1").arg(vm.name), this,
                        [this, vm] { Q_EMIT vmRequested(vm.uri, vm.uuid); });
        menu->addSeparator();
    }
    addVmActions(menu, vms);
}

void FleetActions::addVmActions(QMenu *menu, const QList<VmTarget> &vms)
{
    for (VmAction action : kMenuOrder) {
        const QList<VmTarget> able = allowing(vms, action);
        if (able.isEmpty())
            continue;
        const QString label = vms.size() > 1
            ? tr("%1 (%2 of %3)").arg(entryLabel(action)).arg(able.size()).arg(vms.size())
            : entryLabel(action);
        QAction *a = menu->addAction(label, this, [this, able, action] { request(able, action); });
        a->setObjectName(Lifecycle::vmActionKey(action));
        a->setShortcut(shortcutFor(action));
        a->setShortcutContext(Qt::WidgetShortcut); // shown here; the VM menu owns it
        if (!canAct()) {
            a->setEnabled(false);
            a->setToolTip(tr("The database is open read-only; every action is recorded there "
                             "before it is taken."));
        }
    }
    if (vms.size() != 1)
        return;
    const VmTarget vm = vms.first();
    menu->addSeparator();
    QAction *console = menu->addAction(tr("Open Console"), this, [this, vm] { openConsole(vm); });
    console->setObjectName(QStringLiteral("console"));
    console->setShortcut(kConsoleShortcut);
    console->setShortcutContext(Qt::WidgetShortcut);
    console->setEnabled(canAct());
    QAction *migrate = menu->addAction(tr("Migrate…"), this,
                                       [this, vm] { Q_EMIT migrateRequested(vm.uri, vm.uuid); });
    migrate->setObjectName(QStringLiteral("migrate"));
    migrate->setShortcut(kMigrateShortcut);
    migrate->setShortcutContext(Qt::WidgetShortcut);
    migrate->setEnabled(canMigrate(vm));
}

void FleetActions::addHostActions(QMenu *menu, const QString &uri)
{
    const QString name = HostUri::displayName(uri);
    menu->addAction(tr("Show %1").arg(name), this, [this, uri] { Q_EMIT hostRequested(uri); });
    menu->addSeparator();
    const bool serviced = m_engine && m_engine->fleet()->state()->config(uri).maintenance;
    QAction *maintenance
        = menu->addAction(serviced ? tr("Leave Maintenance") : tr("Enter Maintenance"), this,
                          [this, uri, serviced] { setMaintenance(uri, !serviced); });
    maintenance->setObjectName(QStringLiteral("maintenance"));
    maintenance->setToolTip(tr("In maintenance nothing new is placed on the host, and the policy "
                               "proposes moving its VMs away."));
    maintenance->setEnabled(m_engine && !m_engine->storeIsReadOnly());
    QAction *reconnect
        = menu->addAction(tr("Reconnect Now"), this, [this, uri] { reconnectHost(uri); });
    reconnect->setObjectName(QStringLiteral("reconnect"));
    QAction *remove
        = menu->addAction(tr("Remove from Umbra…"), this, [this, uri] { removeHost(uri); });
    remove->setObjectName(QStringLiteral("remove"));
}

void FleetActions::fillWindowMenu(QMenu *menu, std::function<QList<FleetSubject>()> selection)
{
    m_selection = std::move(selection);
    for (VmAction action : kMenuOrder) {
        QAction *a = menu->addAction(entryLabel(action), this, [this, action] {
            const QList<VmTarget> able = allowing(selectedTargets(), action);
            if (!able.isEmpty())
                request(able, action);
        });
        a->setObjectName(Lifecycle::vmActionKey(action));
        a->setData(QVariant::fromValue(action));
        a->setShortcut(shortcutFor(action));
        m_windowActions.append(a);
        if (action == VmAction::Reset)
            menu->addSeparator();
    }
    menu->addSeparator();
    QAction *console = menu->addAction(tr("Open Console"), this, [this] {
        const QList<VmTarget> vms = selectedTargets();
        if (vms.size() == 1)
            openConsole(vms.first());
    });
    console->setObjectName(QStringLiteral("console"));
    console->setShortcut(kConsoleShortcut);
    QAction *migrate = menu->addAction(tr("Migrate…"), this, [this] {
        const QList<VmTarget> vms = selectedTargets();
        if (vms.size() == 1)
            Q_EMIT migrateRequested(vms.first().uri, vms.first().uuid);
    });
    migrate->setObjectName(QStringLiteral("migrate"));
    migrate->setShortcut(kMigrateShortcut);
    m_windowActions << console << migrate;
    connect(menu, &QMenu::aboutToShow, this, &FleetActions::updateWindowActions);
    updateWindowActions();
}

void FleetActions::updateWindowActions()
{
    const QList<VmTarget> vms = selectedTargets();
    for (QAction *a : std::as_const(m_windowActions)) {
        if (a->objectName() == u"console") {
            a->setEnabled(canAct() && vms.size() == 1);
        } else if (a->objectName() == u"migrate") {
            a->setEnabled(vms.size() == 1 && canMigrate(vms.first()));
        } else {
            a->setEnabled(canAct() && !allowing(vms, a->data().value<VmAction>()).isEmpty());
        }
    }
}

QMessageBox *FleetActions::request(const QList<VmTarget> &targets, VmAction action)
{
    if (!canAct() || targets.isEmpty())
        return nullptr;
    const QString label = Lifecycle::vmActionLabel(action);
    if (Lifecycle::vmActionIsDestructive(action)) {
        const QString loss = targets.size() == 1
            ? Lifecycle::vmActionLoss(action, targets.first().name)
            : Lifecycle::vmActionLoss(action, tr("Each of them"));
        const QString title = targets.size() == 1
            ? tr("%1 %2?").arg(label, targets.first().name)
            : tr("%1 %n VMs?", nullptr, int(targets.size())).arg(label);
        const QString text
            = targets.size() == 1 ? loss : names(targets) + QStringLiteral("\n\n") + loss;
        return ask(title, text, label, [this, targets, action] { start(targets, action); });
    }
    if (targets.size() > 1) {
        return ask(tr("%1 %n VMs?", nullptr, int(targets.size())).arg(label), names(targets), label,
                   [this, targets, action] { start(targets, action); });
    }
    start(targets, action);
    return nullptr;
}

void FleetActions::start(const QList<VmTarget> &targets, VmAction action)
{
    if (!canAct())
        return;
    if (targets.size() > 1) {
        const int id = m_nextBatch++;
        m_batches.insert(id, { action, int(targets.size()), 0, {} });
        for (const VmTarget &t : targets)
            m_batchOf.insert(t.uuid, id);
    }
    const QString under = action == VmAction::Shutdown
        ? tr("Shut down: %1… (waiting for the guest to power off, up to %n s)", nullptr,
             m_engine->lifecycle()->options().shutdownDeadlineMs / 1000)
              .arg(names(targets))
        : tr("%1: %2…").arg(Lifecycle::vmActionLabel(action), names(targets));
    Q_EMIT statusMessage(under, 0);
    m_engine->lifecycle()->run(targets, action);
}

void FleetActions::onFinished(const VmActionRecord &record)
{
    const int batchId = m_batchOf.take(record.target.uuid);
    if (batchId != 0 && m_batches.contains(batchId)) {
        Batch &batch = m_batches[batchId];
        --batch.remaining;
        if (record.outcome == Jobs::Outcome::Completed)
            ++batch.done;
        else
            batch.problems.append(record.message);
        if (batch.remaining == 0) {
            const int total = batch.done + int(batch.problems.size());
            QString line = tr("%1: %2 of %3 done.")
                               .arg(Lifecycle::vmActionLabel(batch.action))
                               .arg(batch.done)
                               .arg(total);
            if (!batch.problems.isEmpty())
                line += u' ' + batch.problems.join(u' ');
            Q_EMIT statusMessage(line);
            m_batches.remove(batchId);
        }
    } else {
        Q_EMIT statusMessage(record.message);
    }
    if (record.shutdownTimedOut) {
        const VmTarget target = record.target;
        ask(tr("%1 is still running").arg(target.name),
            record.message + QStringLiteral("\n\n")
                + Lifecycle::vmActionLoss(VmAction::ForceOff, target.name),
            Lifecycle::vmActionLabel(VmAction::ForceOff), [this, target] {
                VmTarget now = target;
                now.state = VmState::Running;
                start({ now }, VmAction::ForceOff);
            });
    }
}

void FleetActions::openConsole(const VmTarget &target)
{
    if (!canAct())
        return;
    Q_EMIT statusMessage(tr("Opening the console of %1…").arg(target.name));
    m_engine->lifecycle()->prepareConsole(target);
}

void FleetActions::onConsoleReady(const VmTarget &target, const Lifecycle::ConsoleCommand &command)
{
    const QString title = tr("Console of %1").arg(target.name);
    if (!command.problem.isEmpty())
        return tell(title, command.problem);
    if (const QString missing = Lifecycle::missingConsoleProgram(command); !missing.isEmpty())
        return tell(title, missing);
    if (!QProcess::startDetached(command.program, command.arguments))
        return tell(title, tr("%1 could not be started.").arg(command.program));
    Q_EMIT consoleLaunched(command.program, command.arguments);
    Q_EMIT statusMessage(tr("%1 opened on %2.").arg(command.program, target.name));
}

void FleetActions::setMaintenance(const QString &uri, bool on)
{
    if (!m_engine)
        return;
    const QString name = HostUri::displayName(uri);
    if (auto set = m_engine->fleet()->setMaintenance(uri, on); !set)
        return tell(tr("Maintenance of %1").arg(name), set.error());
    EventRecord event;
    event.timestampMs = QDateTime::currentMSecsSinceEpoch();
    event.kind
        = on ? QStringLiteral("host.maintenance.on") : QStringLiteral("host.maintenance.off");
    event.hostUri = uri;
    event.message = on
        ? tr("%1 entered maintenance, by %2").arg(name, Jobs::AuditTrail::operatorActor())
        : tr("%1 left maintenance, by %2").arg(name, Jobs::AuditTrail::operatorActor());
    m_engine->events()->log(event);
    Q_EMIT statusMessage(on ? tr("%1 is in maintenance: nothing new is placed there; the policy "
                                 "proposes moving its VMs away.")
                                  .arg(name)
                            : tr("%1 is out of maintenance.").arg(name));
    // The policy sees it at once rather than at its next interval.
    if (PolicyService *policy = m_engine->policy())
        policy->evaluate();
}

void FleetActions::reconnectHost(const QString &uri)
{
    if (!m_engine)
        return;
    m_engine->fleet()->reconnectHost(uri);
    Q_EMIT statusMessage(tr("Reconnecting to %1…").arg(HostUri::displayName(uri)));
}

QMessageBox *FleetActions::removeHost(const QString &uri)
{
    if (!m_engine)
        return nullptr;
    const QString name = HostUri::displayName(uri);
    return ask(tr("Remove %1 from Umbra?").arg(name),
               tr("Umbra stops collecting from %1. Its VMs keep running; add the host again "
                  "to watch it anew.")
                   .arg(name),
               tr("Remove"), [this, uri] { m_engine->fleet()->removeHost(uri); });
}

QMessageBox *FleetActions::ask(const QString &title, const QString &text, const QString &confirm,
                               std::function<void()> onConfirm)
{
    auto *box = new QMessageBox(QMessageBox::Warning, title, text, QMessageBox::Cancel, m_window);
    box->setAttribute(Qt::WA_DeleteOnClose);
    QPushButton *yes = box->addButton(confirm, QMessageBox::AcceptRole);
    box->setDefaultButton(QMessageBox::Cancel);
    connect(yes, &QPushButton::clicked, this, std::move(onConfirm));
    box->open();
    m_lastBox = box;
    return box;
}

void FleetActions::tell(const QString &title, const QString &text)
{
    auto *box = new QMessageBox(QMessageBox::Information, title, text, QMessageBox::Ok, m_window);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
    m_lastBox = box;
    Q_EMIT statusMessage(text);
}

} // namespace Umbra
