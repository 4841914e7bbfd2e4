#include "mainwindow.h"

#include "anomaliespanel.h"
#include "approvalspanel.h"
#include "auditpanel.h"
#include "automationdialog.h"
#include "balancersdialog.h"
#include "calendardialog.h"
#include "demobanner.h"
#include "engine/engine.h"
#include "engine/policyservice.h"
#include "engine/poolservice.h"
#include "eventlogview.h"
#include "fleetmodel.h"
#include "fleetsortproxy.h"
#include "hostpage.h"
#include "hostsdialog.h"
#include "hoststatusbar.h"
#include "migrate/migrationmanager.h"
#include "migrationdialog.h"
#include "migrationspanel.h"
#include "overviewpage.h"
#include "policyreplaydialog.h"
#include "poolsdialog.h"
#include "prometheusdialog.h"
#include "shadow/shadowservice.h"
#include "shadowdialog.h"
#include "shadowspanel.h"
#include "shiftdialog.h"
#include "tablesetup.h"
#include "theme.h"
#include "traffic/trafficservice.h"
#include "trafficmappingdialog.h"
#include "trafficpage.h"
#include "util/displaytext.h"
#include "vmpage.h"

#include <QAction>
#include <QApplication>
#include <QDockWidget>
#include <QEvent>
#include <QFutureWatcher>
#include <QHeaderView>
#include <QInputDialog>
#include <QLineEdit>
#include <QLocale>
#include <QMenuBar>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QResizeEvent>
#include <QScopedValueRollback>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QSystemTrayIcon>
#include <QTreeView>
#include <QVBoxLayout>
#include <algorithm>
#include <utility>

namespace Umbra {

MainWindow::MainWindow(Engine *engine, bool demo, QWidget *parent)
    : QMainWindow(parent)
    , m_engine(engine)
    , m_model(new FleetModel(this))
{
    setWindowTitle(tr("Umbra"));
    m_model->setEngine(engine);

    m_pages = new QStackedWidget(this);
    m_overview = new OverviewPage(engine, m_model, m_pages);
    m_hostPage = new HostPage(engine, m_model, m_pages);
    m_vmPage = new VmPage(engine, m_pages);
    m_pages->addWidget(m_overview);
    m_pages->addWidget(m_hostPage);
    m_pages->addWidget(m_vmPage);
    m_trafficPage = new TrafficPage(engine, m_pages);
    m_pages->addWidget(m_trafficPage);
    connect(m_trafficPage, &TrafficPage::balancersRequested, this,
            &MainWindow::showBalancersDialog);
    connect(m_trafficPage, &TrafficPage::shiftRequested, this, &MainWindow::showShiftDialog);
    connect(m_overview, &OverviewPage::hostActivated, this, &MainWindow::showHost);
    connect(m_overview, &OverviewPage::vmActivated, this, &MainWindow::showVm);
    connect(m_hostPage, &HostPage::vmActivated, this, &MainWindow::showVm);

    m_splitter = new QSplitter(Qt::Horizontal, this);
    m_splitter->setChildrenCollapsible(false);
    m_splitter->addWidget(createFleetPane());
    m_splitter->addWidget(m_pages);
    m_splitter->setStretchFactor(1, 1);
    // Only a drag by the operator emits splitterMoved; from then on, keep their sizes.
    connect(m_splitter, &QSplitter::splitterMoved, this, [this] { m_userSizedSplitter = true; });

    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    if (demo)
        layout->addWidget(new DemoBanner(central));
    if (engine && engine->storeIsReadOnly())
        layout->addWidget(new ReadOnlyBanner(engine->storePath(), central));
    layout->addWidget(m_splitter, 1);
    setCentralWidget(central);

    m_eventLog = new EventLogView(engine, m_model, this);
    m_eventDock = addPanel(tr("Event log"), QStringLiteral("eventLogDock"), m_eventLog, nullptr);

    m_migrations = new MigrationsPanel(engine->migrations(), this);
    m_migrationsDock
        = addPanel(tr("Migrations"), QStringLiteral("migrationsDock"), m_migrations, m_eventDock);

    m_anomalies = new AnomaliesPanel(engine, m_model, this);
    m_anomaliesDock
        = addPanel(tr("Anomalies"), QStringLiteral("anomaliesDock"), m_anomalies, m_migrationsDock);
    connect(m_anomalies, &AnomaliesPanel::openCountChanged, this, [this](int open) {
        m_anomaliesDock->setWindowTitle(open > 0 ? tr("Anomalies (%1 open)").arg(open)
                                                 : tr("Anomalies"));
    });
    if (PolicyService *policy = engine->policy()) {
        m_approvals = new ApprovalsPanel(engine, this);
        m_approvalsDock = addPanel(tr("Approvals"), QStringLiteral("approvalsDock"), m_approvals,
                                   m_migrationsDock);
        connect(m_approvals, &ApprovalsPanel::automationRequested, this,
                &MainWindow::showAutomationDialog);
        connect(m_approvals, &ApprovalsPanel::chartsRequested, this,
                [this](const QString &hostUri, const QString &vmUuid) {
                    if (vmUuid.isEmpty())
                        showHost(hostUri);
                    else
                        showVm(hostUri, vmUuid);
                });
        connect(m_approvals, &ApprovalsPanel::pendingCountChanged, this, [this](int pending) {
            m_approvalsDock->setWindowTitle(pending > 0 ? tr("Approvals (%1)").arg(pending)
                                                        : tr("Approvals"));
        });
        // Something needs an operator: say so on the desktop, where there is
        // one to say it on.
        connect(policy, &PolicyService::approvalNeeded, this,
                [this](const QList<Jobs::Plan> &plans) {
                    if (plans.isEmpty() || !QSystemTrayIcon::isSystemTrayAvailable())
                        return;
                    if (!m_tray) {
                        m_tray = new QSystemTrayIcon(windowIcon(), this);
                        connect(m_tray, &QSystemTrayIcon::messageClicked, this, [this] {
                            m_approvalsDock->show();
                            m_approvalsDock->raise();
                            activateWindow();
                        });
                        m_tray->show();
                    }
                    m_tray->showMessage(tr("Umbra: approval needed"), plans.first().summary,
                                        QSystemTrayIcon::Information);
                });
    }
    if (!engine->storePath().isEmpty()) {
        m_audit = new AuditPanel(engine->storePath(), this);
        m_auditDock = addPanel(tr("Audit"), QStringLiteral("auditDock"), m_audit, m_anomaliesDock);
    }
    if (Shadow::ShadowService *shadows = engine->shadows()) {
        m_shadows = new ShadowsPanel(shadows, this);
        m_shadowsDock
            = addPanel(tr("Shadows"), QStringLiteral("shadowsDock"), m_shadows, m_migrationsDock);
        connect(m_shadows, &ShadowsPanel::failoverRequested, this, [this](const QString &uuid) {
            confirmShadowAction(QStringLiteral("failover"), uuid);
        });
        connect(m_shadows, &ShadowsPanel::removeRequested, this, [this](const QString &uuid) {
            confirmShadowAction(QStringLiteral("remove"), uuid);
        });
        connect(m_vmPage, &VmPage::shadowRequested, this,
                [this](const QString &action, const QString &uri, const QString &uuid) {
                    if (action == QLatin1String("create"))
                        showShadowDialog(uri, uuid);
                    else if (action == QLatin1String("validate"))
                        m_engine->shadows()->validateNow(uuid, QStringLiteral("operator"));
                    else
                        confirmShadowAction(action, uuid);
                });
        connect(shadows, &Shadow::ShadowService::actionFinished, this,
                [this](const Jobs::Plan &plan, bool succeeded, const QString &message) {
                    // A validation's result is on the VM page and in the event
                    // log; it may run on a schedule, with nobody to answer a box.
                    if (succeeded || plan.kind == QLatin1String("shadow.validate"))
                        return;
                    auto *box = new QMessageBox(QMessageBox::Warning, plan.summary, message,
                                                QMessageBox::Close, this);
                    box->setAttribute(Qt::WA_DeleteOnClose);
                    box->open();
                });
    }
    m_eventDock->raise();
    connect(m_vmPage, &VmPage::migrateRequested, this, &MainWindow::showMigrateDialog);
    connect(m_vmPage, &VmPage::trafficMappingRequested, this,
            &MainWindow::showTrafficMappingDialog);
    connect(m_vmPage, &VmPage::customerRequested, this, &MainWindow::showCustomerDialog);
    if (PoolService *pools = engine->pools()) {
        connect(pools, &PoolService::changed, this, [this] { m_savingCustomer = false; });
        connect(pools, &PoolService::saveFailed, this, [this](const QString &error) {
            if (!std::exchange(m_savingCustomer, false))
                return;
            auto *box = new QMessageBox(QMessageBox::Warning, tr("Customer not saved"),
                                        tr("The VM's customer was not saved: %1").arg(error),
                                        QMessageBox::Close, this);
            box->setAttribute(Qt::WA_DeleteOnClose);
            box->open();
        });
    }

    m_statusBar = new HostStatusBar(engine, this);
    statusBar()->addWidget(m_statusBar, 1);
    // A large fleet's models take a while to come back after a start; the
    // console works meanwhile, and says how far they are.
    m_learning = new QProgressBar(this);
    m_learning->setObjectName(QStringLiteral("learningProgress"));
    m_learning->setFixedWidth(fontMetrics().horizontalAdvance(
                                  tr("Models: %1 of %2 VMs ready")
                                      .arg(QLocale().toString(88888), QLocale().toString(88888)))
                              + 4 * fontMetrics().averageCharWidth());
    m_learning->setTextVisible(true);
    m_learning->setToolTip(tr("The models of every running VM are restored from the database or "
                              "learnt from its history after a start. Forecasts and anomalies of "
                              "the others follow as their models are ready."));
    m_learning->hide();
    statusBar()->addPermanentWidget(m_learning);
    connect(engine->prediction(), &PredictionProxy::learningProgress, this,
            [this](int ready, int running) {
                // Shown only when it takes a while: the models of a small
                // fleet are back within its first collection.
                if (ready >= running)
                    m_learningSince.invalidate();
                else if (!m_learningSince.isValid())
                    m_learningSince.start();
                m_learning->setVisible(m_learningSince.isValid()
                                       && m_learningSince.elapsed() >= kLearningShownAfterMs);
                m_learning->setRange(0, running);
                m_learning->setValue(ready);
                m_learning->setFormat(
                    tr("Models: %1 of %2 VMs ready")
                        .arg(QLocale().toString(ready), QLocale().toString(running)));
            });

    wireFleetActions();
    createMenus();

    // A host or VM that disappears takes its page with it.
    connect(engine->fleet()->state(), &FleetState::hostRemoved, this, [this](const QString &uri) {
        if ((currentPage() == m_hostPage && m_hostPage->uri() == uri)
            || (currentPage() == m_vmPage && m_vmPage->uri() == uri))
            showOverview();
    });
    showOverview();
    resize(1366, 768);
}

MainWindow::~MainWindow() = default;

QWidget *MainWindow::createFleetPane()
{
    auto *pane = new QWidget(this);
    m_filter = new QLineEdit(pane);
    m_filter->setPlaceholderText(tr("Filter hosts and VMs by name"));
    m_filter->setClearButtonEnabled(true);

    m_proxy = new FleetSortProxy(this);
    m_proxy->setSourceModel(m_model);
    m_fleetView = new QTreeView(pane);
    m_fleetView->setModel(m_proxy);
    m_fleetView->setUniformRowHeights(true);
    m_fleetView->setAlternatingRowColors(true);
    m_fleetView->setSortingEnabled(true);
    m_fleetView->sortByColumn(FleetModel::NameColumn, Qt::AscendingOrder);
    m_fleetView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_fleetView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_fleetView->setAllColumnsShowFocus(true);
    QHeaderView *header = m_fleetView->header();
    TableSetup::setFleetColumnWidths(m_fleetView, header);
    // Narrower than in the tables: names need the room, and "shutting down" is brief.
    header->resizeSection(FleetModel::StateColumn,
                          std::max(fontMetrics().horizontalAdvance(QStringLiteral("unreachable")),
                                   fontMetrics().horizontalAdvance(FleetModel::tr("maintenance")))
                              + 36);
    // A dot and up to three digits; the names need the room more.
    header->resizeSection(FleetModel::HealthColumn,
                          std::max(fontMetrics().horizontalAdvance(QStringLiteral("100")) + 30,
                                   fontMetrics().horizontalAdvance(tr("Health")) + 14));
    header->setStretchLastSection(false);
    header->setSectionResizeMode(FleetModel::NameColumn, QHeaderView::Stretch);
    header->setMinimumSectionSize(40);
    // The overview and the pages show the rest; the tree stays narrow.
    m_fleetView->setColumnHidden(FleetModel::VcpuColumn, true);
    m_fleetView->setColumnHidden(FleetModel::InfoColumn, true);
    m_fleetView->expandAll();
    m_fleetView->installEventFilter(this);

    connect(m_filter, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_proxy->setFilterFixedString(text);
        m_fleetView->expandAll();
    });
    // New hosts open expanded: the VMs are what the operator came for.
    connect(m_proxy, &QAbstractItemModel::rowsInserted, this,
            [this](const QModelIndex &parent, int first, int last) {
                if (parent.isValid())
                    return;
                for (int row = first; row <= last; ++row)
                    m_fleetView->expand(m_proxy->index(row, 0));
            });
    connect(m_fleetView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) { onCurrentChanged(current); });

    auto *layout = new QVBoxLayout(pane);
    layout->setContentsMargins(6, 6, 0, 6);
    layout->setSpacing(6);
    layout->addWidget(m_filter);
    layout->addWidget(m_fleetView, 1);
    return pane;
}

QDockWidget *MainWindow::addPanel(const QString &title, const QString &objectName, QWidget *panel,
                                  QDockWidget *besides)
{
    auto *dock = new QDockWidget(title, this);
    dock->setObjectName(objectName); // for saveState()
    dock->setFeatures(QDockWidget::DockWidgetClosable | QDockWidget::DockWidgetMovable);
    dock->setWidget(panel);
    addDockWidget(Qt::BottomDockWidgetArea, dock);
    if (besides)
        tabifyDockWidget(besides, dock);
    return dock;
}
void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(tr("Add/Remove &Hosts…"), this, &MainWindow::showHostsDialog);
    file->addAction(tr("Known &Events…"), this, [this] {
        auto *dialog = new CalendarDialog(m_engine, m_model, this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->open();
    });
    QAction *balancers
        = file->addAction(tr("&Load Balancers…"), this, &MainWindow::showBalancersDialog);
    balancers->setEnabled(m_engine && m_engine->traffic());
    QAction *pools = file->addAction(tr("&Pools…"), this, &MainWindow::showPoolsDialog);
    QAction *automation
        = file->addAction(tr("&Automation…"), this, &MainWindow::showAutomationDialog);
    automation->setEnabled(m_engine && m_engine->policy());
    QAction *replay
        = file->addAction(tr("Policy &Replay…"), this, &MainWindow::showPolicyReplayDialog);
    QAction *prometheus
        = file->addAction(tr("Pro&metheus…"), this, &MainWindow::showPrometheusDialog);
    prometheus->setEnabled(m_engine != nullptr);
    replay->setEnabled(m_engine && m_engine->history());
    if (!m_engine || !m_engine->pools()) {
        pools->setEnabled(false);
        pools->setToolTip(tr("The database is open read-only; the pools are stored there."));
        file->setToolTipsVisible(true);
    }
    file->addAction(tr("Fleet &Overview"), QKeySequence(Qt::CTRL | Qt::Key_1), this,
                    &MainWindow::showOverview);
    file->addAction(tr("&Traffic"), QKeySequence(Qt::CTRL | Qt::Key_2), this,
                    &MainWindow::showTraffic);
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);
    quit->setMenuRole(QAction::QuitRole);

    createVmMenu();

    QMenu *view = menuBar()->addMenu(tr("&View"));
    m_darkAction = view->addAction(tr("&Dark Theme"));
    m_darkAction->setCheckable(true);
    m_darkAction->setChecked(Theme::isDark());
    connect(m_darkAction, &QAction::toggled, this, &MainWindow::setDarkTheme);
    view->addAction(m_eventDock->toggleViewAction());
    view->addAction(m_migrationsDock->toggleViewAction());
    view->addAction(m_anomaliesDock->toggleViewAction());
    QAction *filter = view->addAction(tr("&Filter Fleet"), this, [this] {
        m_filter->setFocus();
        m_filter->selectAll();
    });
    filter->setShortcut(QKeySequence::Find);
    QAction *palette = view->addAction(tr("&Go to or Run…"), this, &MainWindow::showCommandPalette);
    palette->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_K));

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About Umbra"), this, &MainWindow::showAbout);
    help->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt);
}

QWidget *MainWindow::currentPage() const
{
    return m_pages->currentWidget();
}

void MainWindow::showVm(const QString &uri, const QString &uuid)
{
    if (currentPage() != m_vmPage || m_vmPage->uuid() != uuid || m_vmPage->uri() != uri)
        m_vmPage->setVm(uri, uuid);
    m_pages->setCurrentWidget(m_vmPage);
    selectInTree(m_model->vmIndex(uri, uuid));
}

void MainWindow::showMigrateDialog(const QString &uri, const QString &uuid)
{
    if (!m_engine || !m_engine->migrations())
        return;
    auto *dialog = new MigrationDialog(m_engine, uri, uuid, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    // The dialog's job goes on once approved; its progress is in the panel.
    connect(dialog, &QDialog::accepted, this, [this] {
        m_migrationsDock->show();
        m_migrationsDock->raise();
    });
    dialog->open();
}

QDialog *MainWindow::showShadowDialog(const QString &uri, const QString &uuid)
{
    if (!m_engine || !m_engine->shadows())
        return nullptr;
    auto *dialog = new ShadowDialog(m_engine, uri, uuid, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this] {
        m_shadowsDock->show();
        m_shadowsDock->raise();
    });
    dialog->open();
    return dialog;
}

void MainWindow::confirmShadowAction(const QString &action, const QString &vmUuid)
{
    Shadow::ShadowService *shadows = m_engine ? m_engine->shadows() : nullptr;
    if (!shadows || vmUuid.isEmpty())
        return;
    const auto shadow = shadows->shadowOf(vmUuid);
    if (!shadow)
        return;
    // The primary's host still answers: the failover stops the primary
    // first (planned), so the service never runs twice.
    const bool planned
        = m_engine->fleet()->hostStatus(shadow->primaryUri).state == HostState::Connected;
    const QFuture<Jobs::Plan> proposed = action == QLatin1String("failover")
        ? shadows->planFailover(vmUuid, planned)
        : shadows->planRemove(vmUuid);
    auto *watcher = new QFutureWatcher<Jobs::Plan>(this);
    connect(watcher, &QFutureWatcher<Jobs::Plan>::finished, this, [this, watcher] {
        const Jobs::Plan plan = watcher->result();
        watcher->deleteLater();
        Shadow::ShadowService *service = m_engine ? m_engine->shadows() : nullptr;
        if (!service)
            return;
        QStringList details = plan.evidence;
        if (!plan.steps.isEmpty())
            details << QString() << plan.steps;
        auto *box = new QMessageBox(this);
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->setIcon(plan.executable() ? QMessageBox::Question : QMessageBox::Warning);
        box->setWindowTitle(plan.summary);
        box->setText(plan.executable()
                         ? tr("%1?").arg(plan.summary)
                         : tr("%1 cannot go ahead: %2").arg(plan.summary, plan.refusal));
        box->setInformativeText(details.join(u'\n'));
        if (!plan.executable()) {
            box->setStandardButtons(QMessageBox::Close);
            box->open();
            return;
        }
        box->setStandardButtons(QMessageBox::Cancel);
        QPushButton *go = box->addButton(
            plan.kind == QLatin1String("shadow.remove") ? tr("Remove shadow") : tr("Fail over"),
            QMessageBox::AcceptRole);
        connect(box, &QMessageBox::finished, this, [this, box, go, plan](int) {
            Shadow::ShadowService *s = m_engine ? m_engine->shadows() : nullptr;
            if (!s || plan.id == 0)
                return;
            if (box->clickedButton() == go)
                s->execute(plan, QStringLiteral("operator"));
            else
                s->decide(plan.id, false, QStringLiteral("operator"));
        });
        box->open();
    });
    watcher->setFuture(proposed);
}

void MainWindow::showHost(const QString &uri)
{
    if (currentPage() != m_hostPage || m_hostPage->uri() != uri)
        m_hostPage->setHost(uri);
    m_pages->setCurrentWidget(m_hostPage);
    selectInTree(m_model->hostIndex(uri));
}

void MainWindow::showOverview()
{
    m_pages->setCurrentWidget(m_overview);
    selectInTree({});
}

void MainWindow::showTraffic()
{
    m_pages->setCurrentWidget(m_trafficPage);
    selectInTree({});
}

QDialog *MainWindow::showBalancersDialog()
{
    if (!m_engine || !m_engine->traffic())
        return nullptr;
    auto *dialog = new BalancersDialog(m_engine->traffic(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
    return dialog;
}

QDialog *MainWindow::showAutomationDialog()
{
    if (!m_engine || !m_engine->policy())
        return nullptr;
    auto *dialog = new AutomationDialog(m_engine, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
    return dialog;
}

QDialog *MainWindow::showPrometheusDialog()
{
    if (!m_engine)
        return nullptr;
    auto *dialog = new PrometheusDialog(m_engine, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
    return dialog;
}

QDialog *MainWindow::showPolicyReplayDialog()
{
    if (!m_engine || !m_engine->history())
        return nullptr;
    auto *dialog = new PolicyReplayDialog(m_engine, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
    dialog->run();
    return dialog;
}

QDialog *MainWindow::showPoolsDialog()
{
    if (!m_engine || !m_engine->pools())
        return nullptr;
    auto *dialog = new PoolsDialog(m_engine, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
    return dialog;
}

QDialog *MainWindow::showCustomerDialog(const QString &uuid, const QString &name)
{
    PoolService *pools = m_engine ? m_engine->pools() : nullptr;
    if (!pools || uuid.isEmpty())
        return nullptr;
    // The customers Umbra knows of: those of dedicated pools and of other VMs.
    const Pools::PoolSettings &settings = pools->settings();
    QStringList known;
    for (const Pools::Pool &pool : settings.pools) {
        if (pool.kind == Pools::PoolKind::Dedicated && !pool.customer.isEmpty())
            known.append(pool.customer);
    }
    for (const QString &customer : settings.customers)
        known.append(customer);
    known.removeDuplicates();
    known.sort(Qt::CaseInsensitive);
    known.prepend(QString());

    auto *dialog = new QInputDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("Customer of %1").arg(DisplayText::quote(name, 60)));
    dialog->setLabelText(tr("Dedicated pools take only their customer's VMs. Leave empty for "
                            "none.\n\nCustomer:"));
    dialog->setComboBoxItems(known);
    dialog->setComboBoxEditable(true);
    dialog->setTextValue(settings.customerOf(uuid));
    connect(dialog, &QInputDialog::textValueSelected, this, [this, uuid](const QString &text) {
        PoolService *pools = m_engine ? m_engine->pools() : nullptr;
        if (!pools)
            return;
        Pools::PoolSettings changed = pools->settings();
        if (text.trimmed().isEmpty())
            changed.customers.remove(uuid);
        else
            changed.customers.insert(uuid, text.trimmed());
        if (changed == pools->settings())
            return;
        m_savingCustomer = true;
        pools->save(changed);
    });
    dialog->open();
    return dialog;
}

QDialog *MainWindow::showShiftDialog(const QString &balancer, const QString &backend,
                                     const QString &from)
{
    if (!m_engine || !m_engine->traffic())
        return nullptr;
    QStringList servers;
    for (const Traffic::BalancerView &view : m_engine->traffic()->views()) {
        if (view.balancer.name != balancer)
            continue;
        for (const Traffic::ServerStat &s : view.stats)
            if (!s.isBackend && s.ref.backend == backend)
                servers.append(s.ref.server);
    }
    auto *dialog = new ShiftDialog(m_engine->traffic(), balancer, backend, servers, from, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
    return dialog;
}

QDialog *MainWindow::showTrafficMappingDialog(const QString &uuid, const QString &name)
{
    if (!m_engine || !m_engine->traffic())
        return nullptr;
    auto *dialog = new TrafficMappingDialog(m_engine->traffic(), uuid, name, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
    return dialog;
}

void MainWindow::selectInTree(const QModelIndex &sourceIndex)
{
    const QScopedValueRollback guard(m_syncingSelection, true);
    const QModelIndex index = m_proxy->mapFromSource(sourceIndex);
    if (!index.isValid()) {
        m_fleetView->selectionModel()->clear();
        return;
    }
    m_fleetView->selectionModel()->setCurrentIndex(
        index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_fleetView->scrollTo(index);
}

void MainWindow::onCurrentChanged(const QModelIndex &current)
{
    if (m_syncingSelection || !current.isValid())
        return;
    const QString uri = current.data(FleetModel::UriRole).toString();
    if (current.data(FleetModel::KindRole).value<FleetModel::Kind>() == FleetModel::Kind::Vm)
        showVm(uri, current.data(FleetModel::UuidRole).toString());
    else
        showHost(uri);
}

void MainWindow::showHostsDialog()
{
    if (!m_engine)
        return;
    HostsDialog dialog(m_engine, this);
    dialog.exec();
}

void MainWindow::showAbout()
{
    QMessageBox::about(
        this, tr("About Umbra"),
        tr("<h3>Umbra %1</h3><p>An operations console for KVM/QEMU fleets managed by libvirt. "
           "It watches every host and VM, keeps an hour of history at hand and acts ahead "
           "of trouble.</p><p>History is kept in <tt>%2</tt>.</p>")
            .arg(QCoreApplication::applicationVersion().toHtmlEscaped(),
                 m_engine ? m_engine->storePath().toHtmlEscaped() : QString()));
}

void MainWindow::setDarkTheme(bool dark)
{
    const bool changed = dark != Theme::isDark();
    Theme::apply(dark);
    if (m_darkAction->isChecked() != dark)
        m_darkAction->setChecked(dark); // re-enters through toggled, harmlessly
    if (changed)
        Q_EMIT darkThemeChanged(dark);
}

bool MainWindow::isDarkTheme() const
{
    return Theme::isDark();
}

void MainWindow::applyProportions()
{
    // About a third for the tree (it has four columns to fit), the rest for pages;
    // the event log gets a fifth of the height, enough for six or seven rows.
    // The window's width, not the splitter's: on the first resize the layout
    // has not given the splitter its new width yet.
    const int total = width();
    const int left = std::clamp(total * 30 / 100, 340, 560);
    m_splitter->setSizes({ left, std::max(0, total - left) });
    resizeDocks({ m_eventDock }, { std::max(130, height() / 5) }, Qt::Vertical);
}

bool MainWindow::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_fleetView && event->type() == QEvent::Resize)
        fitTreeColumns();
    return QMainWindow::eventFilter(watched, event);
}

void MainWindow::fitTreeColumns()
{
    // The memory column only when the names keep enough room; a narrow tree
    // shows names, states and CPU, and the pages show the rest.
    int needed = fontMetrics().horizontalAdvance(QStringLiteral("web-frontend-01"))
        + 2 * m_fleetView->indentation() + 24;
    // Sizes of visible sections can be read; a hidden one reports 0.
    needed += m_fleetView->header()->sectionSize(FleetModel::StateColumn)
        + m_fleetView->header()->sectionSize(FleetModel::HealthColumn)
        + m_fleetView->header()->sectionSize(FleetModel::CpuColumn)
        + TableSetup::fleetColumnWidth(m_fleetView, FleetModel::MemoryColumn);
    m_fleetView->setColumnHidden(FleetModel::MemoryColumn,
                                 m_fleetView->viewport()->width() < needed);
}

void MainWindow::resizeEvent(QResizeEvent *event)
{
    QMainWindow::resizeEvent(event);
    if (!m_userSizedSplitter)
        applyProportions();
}

} // namespace Umbra
