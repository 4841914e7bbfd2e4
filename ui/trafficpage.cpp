#include "trafficpage.h"

#include "elidedlabel.h"
#include "engine/engine.h"
#include "metricchart.h"
#include "pageheader.h"
#include "statecolors.h"
#include "tablesetup.h"
#include "trafficmodel.h"

#include <QComboBox>
#include <QDateTime>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QSplitter>
#include <QStackedWidget>
#include <QTableView>
#include <QTableWidget>
#include <QVBoxLayout>

namespace Umbra {

namespace {

enum RunningColumn { RActionCol, RSubjectCol, RStepCol, RProgressCol, RMessageCol, RCancelCol };
enum HistoryColumn { HWhenCol, HActionCol, HWhereCol, HSubjectCol, HStateCol, HReasonCol };

constexpr qint64 kChartSpanMs = 3600 * 1000;
// The charts follow the stored split, read again at most this often.
constexpr qint64 kChartRefreshMs = 10 * 1000;

QTableWidget *table(const QStringList &headers, QWidget *parent)
{
    auto *view = new QTableWidget(0, int(headers.size()), parent);
    view->setHorizontalHeaderLabels(headers);
    TableSetup::apply(view);
    view->setSortingEnabled(false);
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    return view;
}

QString choiceKey(const QString &balancer, const QString &backend)
{
    return balancer + QLatin1Char('\n') + backend;
}

} // namespace

TrafficPage::TrafficPage(Engine *engine, QWidget *parent)
    : QWidget(parent)
    , m_engine(engine)
    , m_queries(chartQueries(engine))
{
    auto *header = new PageHeader(this);
    header->title()->setFullText(tr("Traffic"));
    m_state = header->state();
    m_note = header->note();
    auto *balancers = new QPushButton(tr("Load Balancers…"), header);
    balancers->setToolTip(tr("Add, test or remove the HAProxy instances Umbra drives"));
    connect(balancers, &QPushButton::clicked, this, &TrafficPage::balancersRequested);
    header->addTrailingWidget(balancers);

    m_choice = new QComboBox(this);
    m_choice->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_choice->setMinimumContentsLength(24);
    auto *choiceLabel = new QLabel(tr("&Backend:"), this);
    choiceLabel->setBuddy(m_choice);

    m_shiftButton = new QPushButton(tr("Shift…"), this);
    m_shiftButton->setToolTip(
        tr("Move requests from the selected server to another of its backend, in gated steps"));
    m_drainButton = new QPushButton(tr("Drain"), this);
    m_drainButton->setToolTip(tr("Take the selected server out of balancing and wait until its "
                                 "sessions have ended"));
    m_restoreButton = new QPushButton(tr("Restore"), this);
    m_restoreButton->setToolTip(
        tr("Put back the weights and states that the shifts and drains in force on this "
           "backend found"));
    auto *choiceRow = new QHBoxLayout;
    choiceRow->addWidget(choiceLabel);
    choiceRow->addWidget(m_choice);
    choiceRow->addStretch(1);
    choiceRow->addWidget(m_shiftButton);
    choiceRow->addWidget(m_drainButton);
    choiceRow->addWidget(m_restoreButton);

    m_model = new TrafficModel(this);
    m_servers = new QTableView(this);
    m_servers->setModel(m_model);
    TableSetup::apply(m_servers);
    m_servers->setSortingEnabled(false);
    m_servers->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_servers->setSelectionMode(QAbstractItemView::SingleSelection);
    const QFontMetrics metrics(font());
    m_servers->setColumnWidth(TrafficModel::ServerColumn,
                              metrics.horizontalAdvance(QStringLiteral("web-frontend-01")) + 24);
    m_servers->setColumnWidth(TrafficModel::StateColumn,
                              metrics.horizontalAdvance(QStringLiteral("MAINT (via)")) + 40);
    for (int column : { TrafficModel::WeightColumn, TrafficModel::ShareColumn,
                        TrafficModel::SessionsColumn, TrafficModel::ErrorsColumn })
        m_servers->setColumnWidth(column,
                                  metrics.horizontalAdvance(QStringLiteral("100.0 %")) + 28);
    for (int column : { TrafficModel::RateColumn, TrafficModel::ResponseColumn })
        m_servers->setColumnWidth(column,
                                  metrics.horizontalAdvance(QStringLiteral("Response")) + 28);
    m_servers->horizontalHeader()->setStretchLastSection(true);

    m_error = new QLabel(this);
    m_error->setTextFormat(Qt::PlainText);
    m_error->setWordWrap(true);
    m_error->setAlignment(Qt::AlignCenter);
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QPalette errorPalette = m_error->palette();
    errorPalette.setColor(QPalette::WindowText, StateColors::forServer(QStringLiteral("DOWN")));
    m_error->setPalette(errorPalette);
    m_empty = new QLabel(this);
    m_empty->setWordWrap(true);
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setForegroundRole(QPalette::PlaceholderText);
    m_stack = new QStackedWidget(this);
    m_stack->addWidget(m_servers);
    m_stack->addWidget(m_error);
    m_stack->addWidget(m_empty);

    m_rateChart = new MetricChart(tr("Requests"), MetricChart::Unit::PerSecond, this);
    m_rateChart->addSeries(tr("rate"));
    m_errorChart = new MetricChart(tr("Errors"), MetricChart::Unit::PerSecond, this);
    m_errorChart->addSeries(tr("errors"));
    m_timeChart = new MetricChart(tr("Response time"), MetricChart::Unit::Milliseconds, this);
    m_timeChart->addSeries(tr("average"));
    auto *chartsWidget = new QWidget(this);
    auto *chartsRow = new QHBoxLayout(chartsWidget);
    chartsRow->setContentsMargins(0, 0, 0, 0);
    chartsRow->setSpacing(8);
    for (MetricChart *chart : charts()) {
        chart->setMinimumHeight(150);
        chartsRow->addWidget(chart);
    }
    m_chartsCaption = new QLabel(this);
    m_chartsCaption->setForegroundRole(QPalette::PlaceholderText);

    m_running = table(
        { tr("Action"), tr("Server"), tr("Step"), tr("Progress"), tr("Doing"), QString() }, this);
    m_running->setColumnWidth(RProgressCol, 160);
    m_running->horizontalHeader()->setSectionResizeMode(RMessageCol, QHeaderView::Stretch);
    m_running->setVisible(false);
    m_history = table({ tr("Last change"), tr("Action"), tr("Balancer/backend"), tr("Server"),
                        tr("State"), tr("Reason") },
                      this);
    m_history->setColumnWidth(
        HWhenCol, metrics.horizontalAdvance(QStringLiteral("2026-11-30 18:00:00")) + 16);
    m_history->setColumnWidth(
        HWhereCol, metrics.horizontalAdvance(QStringLiteral("edge-lb/web-backend")) + 16);
    m_history->setColumnWidth(HStateCol,
                              metrics.horizontalAdvance(QStringLiteral("Needs attention")) + 16);
    auto *actionsTitle = new QLabel(tr("<b>Traffic actions</b> — those in force are marked; "
                                       "Restore ends them"),
                                    this);

    auto *top = new QWidget(this);
    auto *topLayout = new QVBoxLayout(top);
    topLayout->setContentsMargins(0, 0, 0, 0);
    topLayout->addLayout(choiceRow);
    topLayout->addWidget(m_stack, 1);
    auto *middle = new QWidget(this);
    auto *middleLayout = new QVBoxLayout(middle);
    middleLayout->setContentsMargins(0, 0, 0, 0);
    middleLayout->addWidget(chartsWidget, 1);
    middleLayout->addWidget(m_chartsCaption);
    auto *bottom = new QWidget(this);
    auto *bottomLayout = new QVBoxLayout(bottom);
    bottomLayout->setContentsMargins(0, 0, 0, 0);
    bottomLayout->addWidget(actionsTitle);
    bottomLayout->addWidget(m_running);
    bottomLayout->addWidget(m_history, 1);
    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->setChildrenCollapsible(false);
    splitter->addWidget(top);
    splitter->addWidget(middle);
    splitter->addWidget(bottom);
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 3);
    splitter->setStretchFactor(2, 2);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(10, 8, 10, 8);
    layout->setSpacing(8);
    layout->addWidget(header);
    layout->addWidget(splitter, 1);

    connect(m_choice, &QComboBox::currentIndexChanged, this, &TrafficPage::showCurrent);
    connect(m_servers->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this] {
        updateButtons();
        loadCharts();
    });
    connect(m_model, &QAbstractItemModel::modelReset, this, &TrafficPage::updateButtons);
    connect(m_shiftButton, &QPushButton::clicked, this, [this] {
        const QStringList key = m_choice->currentData().toString().split(QLatin1Char('\n'));
        if (key.size() == 2)
            Q_EMIT shiftRequested(key[0], key[1], selectedServer());
    });
    connect(m_drainButton, &QPushButton::clicked, this, &TrafficPage::drainSelected);
    connect(m_restoreButton, &QPushButton::clicked, this, &TrafficPage::restoreSelected);

    Traffic::TrafficService *service = traffic();
    if (service) {
        connect(service, &Traffic::TrafficService::viewsRefreshed, this, [this] {
            fillChoices();
            if (QDateTime::currentMSecsSinceEpoch() - m_chartsLoadedMs >= kChartRefreshMs)
                loadCharts();
        });
        connect(service, &Traffic::TrafficService::balancersChanged, this,
                &TrafficPage::fillChoices);
        connect(service, &Traffic::TrafficService::progress, this, &TrafficPage::onProgress);
        connect(service, &Traffic::TrafficService::actionFinished, this, &TrafficPage::onFinished);
        connect(service, &Traffic::TrafficService::historyReady, this, &TrafficPage::showHistory);
        connect(service, &Traffic::TrafficService::reported, this,
                [this](const QString &message, bool) {
                    if (traffic())
                        traffic()->requestHistory();
                    m_note->setText(message);
                });
        service->requestHistory();
    }
    fillChoices();
}

Traffic::TrafficService *TrafficPage::traffic() const
{
    return m_engine ? m_engine->traffic() : nullptr;
}

QList<MetricChart *> TrafficPage::charts() const
{
    return { m_rateChart, m_errorChart, m_timeChart };
}

QString TrafficPage::errorText() const
{
    return m_stack->currentWidget() == m_error ? m_error->text() : QString();
}

QString TrafficPage::noteText() const
{
    return m_note->text();
}

void TrafficPage::fillChoices()
{
    Traffic::TrafficService *service = traffic();
    const QString current = m_choice->currentData().toString();
    QStringList keys;
    QStringList labels;
    int unreadable = 0;
    if (service) {
        for (const Traffic::Balancer &b : service->balancers()) {
            const std::optional<Traffic::BalancerView> view = service->viewOf(b.name);
            QStringList backends;
            if (view) {
                for (const Traffic::ServerStat &s : view->stats)
                    if (s.isBackend)
                        backends.append(s.ref.backend);
            }
            if (!view || !view->error.isEmpty() || backends.isEmpty()) {
                unreadable += view && !view->error.isEmpty() ? 1 : 0;
                keys.append(choiceKey(b.name, QString()));
                labels.append(!view                        ? tr("%1 (reading…)").arg(b.name)
                                  : !view->error.isEmpty() ? tr("%1 (cannot be read)").arg(b.name)
                                                           : tr("%1 (no backends)").arg(b.name));
                continue;
            }
            for (const QString &backend : std::as_const(backends)) {
                keys.append(choiceKey(b.name, backend));
                const QString note = service->note(b.name);
                labels.append(note.isEmpty() ? tr("%1 / %2").arg(b.name, backend)
                                             : tr("%1 / %2 — %3").arg(b.name, backend, note));
            }
        }
    }
    bool same = keys.size() == m_choice->count();
    for (int i = 0; same && i < keys.size(); ++i)
        same = m_choice->itemData(i).toString() == keys[i] && m_choice->itemText(i) == labels[i];
    if (!same) {
        const QSignalBlocker block(m_choice);
        m_choice->clear();
        for (int i = 0; i < keys.size(); ++i)
            m_choice->addItem(labels[i], keys[i]);
        const int found = m_choice->findData(current);
        m_choice->setCurrentIndex(found >= 0 ? found : 0);
    }
    const int count = service ? int(service->balancers().size()) : 0;
    if (count == 0)
        PageHeader::setState(m_state, tr("no load balancer"), StateColors::forServer(QString()));
    else if (unreadable > 0)
        PageHeader::setState(
            m_state,
            count == 1 ? tr("cannot be read")
                       : tr("%1 of %2 load balancers cannot be read").arg(unreadable).arg(count),
            StateColors::forServer(QStringLiteral("DOWN")));
    else
        PageHeader::setState(
            m_state, count == 1 ? tr("1 load balancer") : tr("%1 load balancers").arg(count),
            StateColors::forServer(QStringLiteral("UP")));
    showCurrent();
}

void TrafficPage::showCurrent()
{
    Traffic::TrafficService *service = traffic();
    const QStringList key = m_choice->currentData().toString().split(QLatin1Char('\n'));
    if (!service) {
        m_empty->setText(tr("The database is open read-only: load balancers and traffic "
                            "actions are not available."));
        m_stack->setCurrentWidget(m_empty);
        m_model->clear();
        updateButtons();
        return;
    }
    if (key.size() != 2) {
        m_empty->setText(tr("No load balancer yet. Add HAProxy's runtime API under File → Load "
                            "Balancers…"));
        m_stack->setCurrentWidget(m_empty);
        m_model->clear();
        updateButtons();
        return;
    }
    const std::optional<Traffic::BalancerView> view = service->viewOf(key[0]);
    if (!view) {
        m_empty->setText(tr("Reading %1…").arg(key[0]));
        m_stack->setCurrentWidget(m_empty);
        m_model->clear();
    } else if (!view->error.isEmpty()) {
        m_error->setText(tr("%1 cannot be read:\n%2").arg(view->balancer.display(), view->error));
        m_stack->setCurrentWidget(m_error);
        m_model->clear();
    } else if (key[1].isEmpty()) {
        m_empty->setText(tr("%1 has no backend with servers.").arg(view->balancer.display()));
        m_stack->setCurrentWidget(m_empty);
        m_model->clear();
    } else {
        const QString selected = selectedServer();
        m_model->setView(*view, key[1]);
        m_stack->setCurrentWidget(m_servers);
        if (selectedServer().isEmpty() && m_model->rowCount() > 0)
            selectServer(selected.isEmpty() ? m_model->servers().first().ref.server : selected);
    }
    updateButtons();
    if (selectedServer() != m_chartsServer)
        loadCharts();
}

void TrafficPage::select(const QString &balancer, const QString &backend)
{
    for (int i = 0; i < m_choice->count(); ++i) {
        const QStringList key = m_choice->itemData(i).toString().split(QLatin1Char('\n'));
        if (key.value(0) == balancer && (backend.isEmpty() || key.value(1) == backend)) {
            m_choice->setCurrentIndex(i);
            return;
        }
    }
}

void TrafficPage::selectServer(const QString &server)
{
    for (int row = 0; row < m_model->rowCount(); ++row) {
        if (m_model->servers()[row].ref.server == server) {
            m_servers->selectionModel()->setCurrentIndex(m_model->index(row, 0),
                                                         QItemSelectionModel::ClearAndSelect
                                                             | QItemSelectionModel::Rows);
            return;
        }
    }
}

QString TrafficPage::selectedServer() const
{
    const QModelIndexList rows = m_servers->selectionModel()->selectedRows();
    return rows.isEmpty() ? QString() : rows.first().data(TrafficModel::ServerRole).toString();
}

void TrafficPage::updateButtons()
{
    const bool server = m_stack->currentWidget() == m_servers && !selectedServer().isEmpty();
    m_shiftButton->setEnabled(server && m_model->rowCount() > 1);
    m_drainButton->setEnabled(server);
    m_restoreButton->setEnabled(server);
}

void TrafficPage::loadCharts()
{
    const QString server = m_stack->currentWidget() == m_servers ? selectedServer() : QString();
    m_chartsServer = server;
    m_chartsLoadedMs = QDateTime::currentMSecsSinceEpoch();
    const qint64 to = m_chartsLoadedMs;
    const qint64 from = to - kChartSpanMs;
    const QList<MetricChart *> all = charts();
    if (server.isEmpty() || !m_queries.chart) {
        for (qsizetype i = 0; i < all.size(); ++i) {
            m_chartRequests[i].invalidate();
            all[i]->clearPoints();
        }
        m_chartsCaption->setText(tr("Select a server to chart its last hour."));
        return;
    }
    const QString prefix
        = QStringLiteral("lb/%1/%2/%3/").arg(m_model->balancer(), m_model->backend(), server);
    const char *const metrics[] = { "rate", "errors", "rtime" };
    for (qsizetype i = 0; i < all.size(); ++i) {
        MetricChart *chart = all[i];
        // Drawn as a live chart, so that a split stored for minutes only
        // spans the plot rather than hugging its right edge.
        m_chartRequests[i].start(
            this,
            m_queries.chart(prefix + QLatin1String(metrics[i]), from, to, chart->plotWidthPx()),
            [chart](const QList<Series::ChartPoint> &points) {
                chart->showLive();
                chart->clearPoints();
                for (const Series::ChartPoint &p : points)
                    chart->append(0, p.timeMs, p.mean);
            });
    }
    m_chartsCaption->setText(tr("%1 %2/%3 over the last hour, as stored at each collection: "
                                "requests and errors per second, HAProxy's average response time.")
                                 .arg(m_model->balancer(), m_model->backend(), server));
}

void TrafficPage::drainSelected()
{
    const QString server = selectedServer();
    if (server.isEmpty() || !traffic())
        return;
    traffic()->drain(m_model->balancer(), { m_model->backend(), server });
    m_note->setText(tr("Draining %1/%2…").arg(m_model->backend(), server));
}

void TrafficPage::restoreSelected()
{
    const QString server = selectedServer();
    if (server.isEmpty() || !traffic())
        return;
    traffic()->restore(m_model->balancer(), { m_model->backend(), server });
    m_note->setText(tr("Restoring %1…").arg(m_model->backend()));
}

TrafficPage::Running &TrafficPage::runningRow(qint64 actionId,
                                              const Traffic::TrafficProgress &progress)
{
    auto found = m_rows.find(actionId);
    if (found != m_rows.end())
        return *found;
    Running row;
    row.row = m_running->rowCount();
    m_running->insertRow(row.row);
    m_running->setItem(row.row, RActionCol,
                       new QTableWidgetItem(Traffic::actionKindLabel(progress.kind)));
    m_running->setItem(row.row, RSubjectCol, new QTableWidgetItem(progress.subject));
    for (int column : { RStepCol, RMessageCol })
        m_running->setItem(row.row, column, new QTableWidgetItem);
    row.bar = new QProgressBar(m_running);
    row.bar->setRange(0, 100);
    row.bar->setValue(0);
    m_running->setCellWidget(row.row, RProgressCol, row.bar);
    auto *cancel = new QPushButton(tr("Cancel"), m_running);
    cancel->setToolTip(tr("Stop and go back to the weights this action found"));
    connect(cancel, &QPushButton::clicked, this, [this, actionId] {
        if (traffic())
            traffic()->cancel(actionId);
    });
    m_running->setCellWidget(row.row, RCancelCol, cancel);
    m_running->setVisible(true);
    return *m_rows.insert(actionId, row);
}

void TrafficPage::onProgress(const Traffic::TrafficProgress &progress)
{
    // Before it is journalled an action has no id; it takes its row along.
    if (progress.actionId != 0 && m_rows.contains(0) && !m_rows.contains(progress.actionId))
        m_rows.insert(progress.actionId, m_rows.take(0));
    Running &row = runningRow(progress.actionId, progress);
    if (progress.kind == Traffic::ActionKind::Shift && progress.steps > 0) {
        row.bar->setValue(int(progress.percent));
        row.bar->setFormat(tr("%1 % moved").arg(progress.percent));
        m_running->item(row.row, RStepCol)
            ->setText(progress.step == 0 ? tr("checking")
                                         : tr("%1 of %2").arg(progress.step).arg(progress.steps));
    } else {
        row.bar->setRange(0, std::max(1, progress.steps));
        row.bar->setValue(progress.step);
        row.bar->setFormat(QString());
        m_running->item(row.row, RStepCol)
            ->setText(progress.steps > 0 ? tr("%1 of %2").arg(progress.step).arg(progress.steps)
                                         : QString());
    }
    m_running->item(row.row, RMessageCol)->setText(progress.message);
    m_running->item(row.row, RMessageCol)->setToolTip(progress.message);
}

void TrafficPage::onFinished(const Traffic::TrafficAction &action, Jobs::Outcome outcome,
                             const QString &reason)
{
    for (qint64 id : { action.id, qint64(0) }) {
        if (!m_rows.contains(id))
            continue;
        const int removed = m_rows.take(id).row;
        m_running->removeRow(removed);
        for (Running &row : m_rows) {
            if (row.row > removed)
                --row.row;
        }
    }
    m_running->setVisible(!m_rows.isEmpty());
    const QString what = action.subject.isEmpty() ? action.backend : action.subject;
    m_note->setText(reason.isEmpty() ? tr("%1 of %2: %3")
                                           .arg(Traffic::actionKindLabel(action.kind), what,
                                                Jobs::outcomeLabel(outcome))
                                     : tr("%1 of %2: %3 — %4")
                                           .arg(Traffic::actionKindLabel(action.kind), what,
                                                Jobs::outcomeLabel(outcome), reason));
    m_note->setToolTip(m_note->text());
    if (traffic()) {
        traffic()->requestHistory();
        traffic()->refresh();
    }
}

void TrafficPage::showHistory(const QList<Traffic::TrafficAction> &actions, const QString &error)
{
    m_history->setRowCount(0);
    if (!error.isEmpty()) {
        m_history->setRowCount(1);
        m_history->setItem(0, HReasonCol, new QTableWidgetItem(error));
        return;
    }
    QColor inForce = StateColors::forServer(QStringLiteral("DRAIN"));
    inForce.setAlpha(60);
    for (const Traffic::TrafficAction &action : actions) {
        const int row = m_history->rowCount();
        m_history->insertRow(row);
        const auto set = [&](int column, const QString &text) {
            auto *item = new QTableWidgetItem(text);
            item->setToolTip(text);
            if (action.inForce()) {
                item->setBackground(inForce);
                QFont bold = item->font();
                bold.setBold(true);
                item->setFont(bold);
            }
            m_history->setItem(row, column, item);
        };
        set(HWhenCol,
            QDateTime::fromMSecsSinceEpoch(action.updatedMs ? action.updatedMs : action.createdMs)
                .toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")));
        set(HActionCol, Traffic::actionKindLabel(action.kind));
        set(HWhereCol, tr("%1/%2").arg(action.balancer, action.backend));
        set(HSubjectCol, action.subject);
        set(HStateCol, Traffic::actionStateLabel(action.state));
        set(HReasonCol, action.reason);
        if (action.inForce())
            m_history->item(row, HStateCol)
                ->setIcon(StateColors::dot(StateColors::forServer(QStringLiteral("DRAIN"))));
    }
}

} // namespace Umbra
