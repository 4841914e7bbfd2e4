// The main window's part in the operator's actions: which lists name VMs and
// hosts for the context menus, the pages' Actions buttons, the VM menu and
// the command palette. The actions themselves are FleetActions'.

#include "commandpalette.h"
#include "engine/engine.h"
#include "engine/fleetservice.h"
#include "eventlogmodel.h"
#include "eventlogview.h"
#include "fleet/fleetstate.h"
#include "fleet/hosturi.h"
#include "fleetactions.h"
#include "fleetmodel.h"
#include "hostpage.h"
#include "mainwindow.h"
#include "overviewpage.h"
#include "riskmodel.h"
#include "riskpanel.h"
#include "vmpage.h"

#include <QItemSelectionModel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QStatusBar>
#include <QTableView>
#include <QTreeView>

namespace Umbra {

namespace {

FleetSubject fleetRow(const QModelIndex &index)
{
    if (!index.isValid())
        return {};
    return { index.data(FleetModel::UriRole).toString(),
             index.data(FleetModel::UuidRole).toString() };
}

// A menu's entries, with the menus they are in: "View › Dark Theme".
void collectMenuActions(QMenu *menu, const QString &path, QList<CommandPalette::Entry> &entries)
{
    for (QAction *action : menu->actions()) {
        if (action->isSeparator() || !action->isVisible())
            continue;
        QString text = action->text();
        text.remove(u'&');
        if (action->menu()) {
            collectMenuActions(action->menu(), path + text + QStringLiteral(" › "), entries);
            continue;
        }
        if (!action->isEnabled())
            continue;
        QString detail = path;
        detail.chop(3);
        if (!action->shortcut().isEmpty())
            detail += QStringLiteral("  (%1)").arg(
                action->shortcut().toString(QKeySequence::NativeText));
        QPointer<QAction> target(action);
        entries.append({ text, detail, [target] {
                            if (target && target->isEnabled())
                                target->trigger();
                        } });
    }
}

} // namespace

void MainWindow::wireFleetActions()
{
    m_actions = new FleetActions(m_engine, this);
    connect(m_actions, &FleetActions::vmRequested, this, &MainWindow::showVm);
    connect(m_actions, &FleetActions::hostRequested, this, &MainWindow::showHost);
    connect(m_actions, &FleetActions::migrateRequested, this, &MainWindow::showMigrateDialog);
    connect(m_actions, &FleetActions::statusMessage, this,
            [this](const QString &message, int timeoutMs) {
                statusBar()->showMessage(message, timeoutMs);
            });

    // Several VMs can be chosen at once; the page follows the current row.
    m_fleetView->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_actions->attach(m_fleetView, fleetRow);
    m_actions->attach(m_overview->hostView(), fleetRow);
    m_actions->attach(m_hostPage->vmView(), fleetRow);
    m_actions->attach(m_overview->riskPanel()->view(), [](const QModelIndex &index) {
        if (!index.isValid())
            return FleetSubject{};
        return FleetSubject{ index.data(RiskModel::UriRole).toString(),
                             index.data(RiskModel::UuidRole).toString() };
    });
    // An event names a VM, a host, or neither.
    m_actions->attach(m_eventLog, [this](const QModelIndex &index) {
        if (!index.isValid())
            return FleetSubject{};
        const EventRecord &event = m_eventLog->eventModel()->record(index.row());
        if (!m_engine || event.hostUri.isEmpty())
            return FleetSubject{};
        const FleetState *fleet = m_engine->fleet()->state();
        if (!event.vmUuid.isEmpty() && fleet->hasVm(event.hostUri, event.vmUuid))
            return FleetSubject{ event.hostUri, event.vmUuid };
        return fleet->contains(event.hostUri) ? FleetSubject{ event.hostUri, {} } : FleetSubject{};
    });
    connect(m_vmPage, &VmPage::actionsMenuAboutToShow, this,
            [this](QMenu *menu, const QString &uri, const QString &uuid) {
                m_actions->fillMenu(menu, { { uri, uuid } });
            });
    connect(m_hostPage, &HostPage::actionsMenuAboutToShow, this,
            [this](QMenu *menu, const QString &uri) {
                m_actions->fillMenu(menu, { { uri, {} } });
            });

    // The VM menu's shortcuts act on the selection, enabled as it allows.
    connect(m_fleetView->selectionModel(), &QItemSelectionModel::selectionChanged, m_actions,
            &FleetActions::updateWindowActions);
    if (m_engine) {
        const FleetState *fleet = m_engine->fleet()->state();
        connect(fleet, &FleetState::vmChanged, m_actions, &FleetActions::updateWindowActions);
        connect(fleet, &FleetState::inventoryReset, m_actions, &FleetActions::updateWindowActions);
    }
}

QMenu *MainWindow::createVmMenu()
{
    QMenu *menu = menuBar()->addMenu(tr("V&M"));
    m_actions->fillWindowMenu(menu, [this] { return fleetSelection(); });
    return menu;
}

QList<FleetSubject> MainWindow::fleetSelection() const
{
    QList<FleetSubject> subjects;
    for (const QModelIndex &row : m_fleetView->selectionModel()->selectedRows()) {
        const FleetSubject s = fleetRow(row);
        if (s.isValid() && !subjects.contains(s))
            subjects.append(s);
    }
    return subjects;
}

CommandPalette *MainWindow::showCommandPalette()
{
    QList<CommandPalette::Entry> entries;
    if (m_engine) {
        const FleetState *fleet = m_engine->fleet()->state();
        qsizetype vmCount = 0;
        for (const QString &uri : fleet->uris())
            vmCount += fleet->vms(uri).size();
        for (const QString &uri : fleet->uris()) {
            const QString host = HostUri::displayName(uri);
            entries.append({ host, tr("host"), [this, uri] { showHost(uri); } });
            for (const VmInfo &vm : fleet->vms(uri)) {
                const QString uuid = vm.uuid;
                entries.append({ vm.name, tr("VM on %1, %2").arg(host, vmStateName(vm.state)),
                                 [this, uri, uuid] { showVm(uri, uuid); } });
                // Each VM's actions by name ("shut web03"); on a large fleet
                // the VM is found first and acted on from its page.
                if (vmCount > 2000)
                    continue;
                const QList<Lifecycle::VmTarget> target = m_actions->targets({ { uri, uuid } });
                for (Lifecycle::VmAction action :
                     Lifecycle::allowedVmActions(vm.state, vm.autostart)) {
                    entries.append(
                        { Lifecycle::vmActionLabel(action) + u' ' + vm.name, tr("on %1").arg(host),
                          [this, target, action] { m_actions->request(target, action); } });
                }
            }
        }
    }
    for (QAction *top : menuBar()->actions()) {
        if (QMenu *menu = top->menu()) {
            QString name = top->text();
            name.remove(u'&');
            collectMenuActions(menu, name + QStringLiteral(" › "), entries);
        }
    }
    auto *palette = new CommandPalette(this);
    palette->setAttribute(Qt::WA_DeleteOnClose);
    palette->setEntries(std::move(entries));
    palette->open();
    palette->input()->setFocus();
    return palette;
}

} // namespace Umbra
