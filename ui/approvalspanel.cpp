#include "approvalspanel.h"

#include "chartqueries.h"
#include "engine/engine.h"
#include "engine/policyservice.h"
#include "entitycharts.h"
#include "fleet/hosturi.h"
#include "format.h"
#include "metricchart.h"
#include "policy/proposal.h"
#include "tablesetup.h"

#include <QComboBox>
#include <QDateTime>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QPushButton>
#include <QSplitter>
#include <QTableWidget>
#include <QTextBrowser>
#include <QTimer>
#include <QVBoxLayout>

namespace Umbra {

namespace {

enum Column {
    ActionColumn,
    TriggerColumn,
    OutcomeColumn,
    ConfidenceColumn,
    ExpiresColumn,
    HeldColumn,
    ColumnCount
};

constexpr int kDeferMinutes = 60;

// The predicted outcome in a few words: the migration model's figures, or
// what a shadow reserves.
QString outcomeOf(const Jobs::Plan &plan, const Policy::Proposal &p)
{
    QStringList parts;
    const QJsonObject &prediction = plan.prediction;
    if (const qint64 total = prediction.value(u"totalMs").toInteger(-1); total >= 0)
        parts.append(ApprovalsPanel::tr("%1 s, %2 ms down")
                         .arg(total / 1000.0, 0, 'f', 1)
                         .arg(prediction.value(u"downtimeMs").toInteger()));
    if (p.outcome.contains(u"sourcePeakAfter"))
        parts.append(
            ApprovalsPanel::tr("source peak %1 → %2")
                .arg(Format::percent(p.outcome.value(u"sourcePeakBefore").toDouble() * 100),
                     Format::percent(p.outcome.value(u"sourcePeakAfter").toDouble() * 100)));
    if (p.outcome.contains(u"targetPeakAfter"))
        parts.append(
            ApprovalsPanel::tr("target peak %1")
                .arg(Format::percent(p.outcome.value(u"targetPeakAfter").toDouble() * 100)));
    if (prediction.contains(u"reservedMemoryKiB"))
        parts.append(ApprovalsPanel::tr("%1 reserved, RPO 0")
                         .arg(Format::kib(prediction.value(u"reservedMemoryKiB").toDouble())));
    return parts.join(QStringLiteral(", "));
}

// What a proposal's evidence rests on: the host a move relieves (no VM), or
// the VM any other action is for, on its host.
struct Charted
{
    QString hostUri;
    QString vmUuid;
};

Charted chartedOf(const Policy::Proposal &p)
{
    if (p.kind == u"migrate")
        return { p.sourceUri, {} };
    return { p.sourceUri, p.subjectId };
}

QTableWidgetItem *item(const QString &text, const QString &tip = {})
{
    auto *cell = new QTableWidgetItem(text);
    cell->setToolTip(tip.isEmpty() ? text : tip);
    return cell;
}

} // namespace

ApprovalsPanel::ApprovalsPanel(Engine *engine, QWidget *parent)
    : QWidget(parent)
    , m_policy(engine ? engine->policy() : nullptr)
{
    m_level = new QComboBox(this);
    for (Policy::AutomationLevel level :
         { Policy::AutomationLevel::Off, Policy::AutomationLevel::Manual,
           Policy::AutomationLevel::Approve, Policy::AutomationLevel::Automatic })
        m_level->addItem(Policy::automationLevelLabel(level), int(level));
    m_level->setToolTip(tr("How far the policy may go by itself, unless a pool or a VM has a "
                           "level of its own"));
    m_summary = new QLabel(this);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_approve = new QPushButton(tr("Approve"), this);
    m_reject = new QPushButton(tr("Reject…"), this);
    m_defer = new QPushButton(tr("Defer 1 h"), this);
    m_charts = new QPushButton(tr("Charts"), this);
    m_charts->setToolTip(tr("Open the page of the host a move relieves, or of the VM a shadow "
                            "covers: its history, forecast and band"));
    m_approve->setToolTip(tr("Execute it now, as your decision"));
    m_reject->setToolTip(tr("Say why; the policy does not raise it again for four hours"));
    m_defer->setToolTip(tr("Put it off; the policy raises it again in an hour if it still holds"));

    auto *bar = new QHBoxLayout;
    bar->addWidget(new QLabel(tr("Automation:"), this));
    bar->addWidget(m_level);
    auto *more = new QPushButton(tr("Automation…"), this);
    more->setToolTip(tr("Levels per pool and per VM, the confidence automatic actions need, "
                        "maintenance windows"));
    connect(more, &QPushButton::clicked, this, &ApprovalsPanel::automationRequested);
    bar->addWidget(more);
    bar->addWidget(m_summary, 1);
    bar->addWidget(m_charts);
    bar->addWidget(m_approve);
    bar->addWidget(m_reject);
    bar->addWidget(m_defer);

    m_table = new QTableWidget(0, ColumnCount, this);
    m_table->setHorizontalHeaderLabels(
        { tr("Action"), tr("Trigger"), tr("Predicted"), tr("Sure"), tr("Expires"), tr("Held by") });
    TableSetup::apply(m_table);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->horizontalHeader()->setSectionResizeMode(ActionColumn, QHeaderView::Interactive);
    m_table->horizontalHeader()->setSectionResizeMode(TriggerColumn, QHeaderView::Interactive);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setColumnWidth(ActionColumn, 280);
    m_table->setColumnWidth(TriggerColumn, 320);
    m_table->setColumnWidth(OutcomeColumn, 220);
    m_table->setColumnWidth(ConfidenceColumn, 50);
    m_table->setColumnWidth(ExpiresColumn, 70);

    m_details = new QTextBrowser(this);
    m_details->setOpenLinks(false);
    m_chart = new MetricChart(tr("CPU"), MetricChart::Unit::Percent, this);
    m_chartSeries = m_chart->addSeries(tr("the last day, and the forecast"));
    // The dock gives up the chart's height first: at 1366×768 the window
    // must still fit with the queue docked.
    m_chart->setMinimumSize(200, 48);
    // QChartView takes its minimum from the chart's own: no legend (the
    // title says what the line is) and narrow margins keep that low.
    m_chart->chart()->legend()->hide();
    m_chart->chart()->setMargins(QMargins(2, 0, 2, 0));
    m_chart->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Ignored);
    if (engine) {
        m_chartFeed = new EntityCharts(chartQueries(engine), this);
        m_chartFeed->addHistoryLine(m_chart, m_chartSeries, "cpu");
        m_chartFeed->addForecastLine(m_chart, m_chartSeries, "cpu");
        m_chartFeed->addAnomalies(m_chart, "cpu");
    }
    auto *split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(m_table);
    split->addWidget(m_details);
    split->addWidget(m_chart);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    split->setStretchFactor(2, 2);
    split->setChildrenCollapsible(false);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(bar);
    layout->addWidget(split, 1);

    connect(m_table, &QTableWidget::itemSelectionChanged, this, &ApprovalsPanel::showDetails);
    connect(m_approve, &QPushButton::clicked, this, &ApprovalsPanel::approveSelected);
    connect(m_defer, &QPushButton::clicked, this, &ApprovalsPanel::deferSelected);
    connect(m_charts, &QPushButton::clicked, this, &ApprovalsPanel::showChartsOfSelected);
    connect(m_reject, &QPushButton::clicked, this, [this] {
        const Jobs::Plan *plan = current();
        if (!plan)
            return;
        bool ok = false;
        const QString reason = QInputDialog::getText(
            this, tr("Reject"), tr("Why is “%1” not to be done?").arg(plan->summary),
            QLineEdit::Normal, {}, &ok);
        if (ok)
            rejectSelected(reason.trimmed());
    });
    if (m_policy) {
        m_refill = new QTimer(this);
        m_refill->setSingleShot(true);
        m_refill->setInterval(250);
        connect(m_refill, &QTimer::timeout, this, [this] { fill(m_arrived); });
        connect(m_policy, &PolicyService::pendingChanged, this, &ApprovalsPanel::takePending);
        connect(m_policy, &PolicyService::automationChanged, this,
                [this](const Policy::AutomationSettings &settings) {
                    const QSignalBlocker quiet(m_level);
                    m_level->setCurrentIndex(m_level->findData(int(settings.fleetLevel)));
                });
        connect(m_level, &QComboBox::activated, this, [this] {
            Policy::AutomationSettings settings = m_policy->automation();
            settings.fleetLevel = Policy::AutomationLevel(m_level->currentData().toInt());
            m_policy->setAutomation(settings);
        });
        m_level->setCurrentIndex(m_level->findData(int(m_policy->automation().fleetLevel)));
        fill(m_policy->pending());
    } else {
        m_level->setEnabled(false);
        fill({});
    }
}

void ApprovalsPanel::takePending(const QList<Jobs::Plan> &plans)
{
    // The policy reads its queue again after every proposal, hundreds a
    // minute on a large fleet, and rebuilding up to 500 rows for each held
    // the GUI thread. The rows follow at most four times a second and not
    // while the panel is hidden; the count in the dock's title follows
    // every change.
    m_arrived = plans;
    if (isVisible()) {
        if (!m_refill->isActive())
            m_refill->start();
    } else {
        m_stale = true;
    }
    Q_EMIT pendingCountChanged(int(plans.size()));
}

void ApprovalsPanel::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_stale)
        fill(m_arrived);
}

void ApprovalsPanel::fill(const QList<Jobs::Plan> &plans)
{
    m_stale = false;
    const qint64 selected = current() ? current()->id : 0;
    m_plans = plans;
    m_table->setSortingEnabled(false);
    m_table->setRowCount(int(plans.size()));
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    int reselect = -1;
    for (int row = 0; row < plans.size(); ++row) {
        const Jobs::Plan &plan = plans.at(row);
        const Policy::Proposal p = Policy::Proposal::fromJson(plan.policy);
        m_table->setItem(row, ActionColumn, item(plan.summary));
        m_table->setItem(row, TriggerColumn, item(p.trigger.sentence));
        m_table->setItem(row, OutcomeColumn, item(outcomeOf(plan, p)));
        m_table->setItem(row, ConfidenceColumn,
                         item(tr("%1/5").arg(p.confidence),
                              tr("How sure the policy is, 1 to 5; automatic actions need %1")
                                  .arg(m_policy ? m_policy->automation().minConfidence : 3)));
        const qint64 left = std::max<qint64>(0, p.expiresMs - now);
        m_table->setItem(
            row, ExpiresColumn,
            item(tr("%1 min").arg((left + 59999) / 60000), Format::timestamp(p.expiresMs)));
        QStringList held = p.heldBy;
        if (!plan.refusal.isEmpty())
            held.prepend(plan.refusal);
        m_table->setItem(row, HeldColumn,
                         item(held.isEmpty() ? tr("nothing") : held.join(QStringLiteral(" · ")),
                              held.join(u'\n')));
        if (plan.id == selected)
            reselect = row;
    }
    m_summary->setText(plans.isEmpty()
                           ? tr("Nothing awaits approval.")
                           : tr("%n proposal(s) await a decision.", nullptr, int(plans.size())));
    if (reselect >= 0)
        m_table->selectRow(reselect);
    else if (!plans.isEmpty())
        m_table->selectRow(0);
    showDetails();
    Q_EMIT pendingCountChanged(int(plans.size()));
}

const Jobs::Plan *ApprovalsPanel::current() const
{
    const QList<QTableWidgetItem *> selected = m_table->selectedItems();
    if (selected.isEmpty())
        return nullptr;
    const int row = selected.first()->row();
    return row >= 0 && row < m_plans.size() ? &m_plans.at(row) : nullptr;
}

void ApprovalsPanel::select(int row)
{
    m_table->selectRow(row);
}

void ApprovalsPanel::showDetails()
{
    const Jobs::Plan *plan = current();
    m_approve->setEnabled(plan && plan->executable());
    m_reject->setEnabled(plan);
    m_defer->setEnabled(plan);
    m_charts->setEnabled(plan);
    if (!plan) {
        m_details->clear();
        return;
    }
    const Policy::Proposal p = Policy::Proposal::fromJson(plan->policy);
    const Charted charted = chartedOf(p);
    const QString entity = charted.vmUuid.isEmpty() ? QStringLiteral("host/") + charted.hostUri
                                                    : QStringLiteral("vm/") + charted.vmUuid;
    if (m_chartFeed && entity != m_charted) {
        m_charted = entity;
        m_chart->setTitle(
            tr("CPU of %1")
                .arg(charted.vmUuid.isEmpty() ? HostUri::displayName(charted.hostUri) : p.subject));
        m_chartFeed->show(entity, HistoryRange::Day);
    }
    auto list = [](const QStringList &lines) -> QString {
        QString html = QStringLiteral("<ul style='margin-left:-20px'>");
        for (const QString &line : lines)
            html += QStringLiteral("<li>") + line.toHtmlEscaped() + QStringLiteral("</li>");
        return html + QStringLiteral("</ul>");
    };
    QString html = QStringLiteral("<b>") + plan->summary.toHtmlEscaped() + QStringLiteral("</b>");
    html += QStringLiteral("<p>") + p.trigger.sentence.toHtmlEscaped() + QStringLiteral("</p>");
    if (!plan->refusal.isEmpty())
        html += QStringLiteral("<p><b>") + tr("Cannot be carried out:").toHtmlEscaped()
            + QStringLiteral("</b> ") + plan->refusal.toHtmlEscaped() + QStringLiteral("</p>");
    if (!p.heldBy.isEmpty())
        html += QStringLiteral("<b>") + tr("Held back by").toHtmlEscaped() + QStringLiteral("</b>")
            + list(p.heldBy);
    html += QStringLiteral("<b>") + tr("Evidence").toHtmlEscaped() + QStringLiteral("</b>")
        + list(p.evidence);
    if (const QString outcome = outcomeOf(*plan, p); !outcome.isEmpty())
        html += QStringLiteral("<b>") + tr("Predicted").toHtmlEscaped() + QStringLiteral("</b><p>")
            + outcome.toHtmlEscaped() + QStringLiteral("</p>");
    if (!p.cost.isEmpty())
        html += QStringLiteral("<b>") + tr("Cost").toHtmlEscaped() + QStringLiteral("</b><p>")
            + p.cost.toHtmlEscaped() + QStringLiteral("</p>");
    if (!plan->steps.isEmpty())
        html += QStringLiteral("<b>") + tr("Steps").toHtmlEscaped() + QStringLiteral("</b>")
            + list(plan->steps);
    html += QStringLiteral("<p>")
        + tr("Raised %1 by rule %2, level “%3”; expires %4.")
              .arg(Format::timestamp(p.raisedMs), p.trigger.rule,
                   Policy::automationLevelLabel(p.level), Format::timestamp(p.expiresMs))
              .toHtmlEscaped()
        + QStringLiteral("</p>");
    m_details->setHtml(html);
}

void ApprovalsPanel::approveSelected()
{
    if (const Jobs::Plan *plan = current(); plan && m_policy)
        m_policy->approve(plan->id, QStringLiteral("operator"));
}

void ApprovalsPanel::rejectSelected(const QString &reason)
{
    if (const Jobs::Plan *plan = current(); plan && m_policy)
        m_policy->reject(plan->id, QStringLiteral("operator"),
                         reason.isEmpty() ? tr("no reason given") : reason);
}

void ApprovalsPanel::showChartsOfSelected()
{
    const Jobs::Plan *plan = current();
    if (!plan)
        return;
    const Charted charted = chartedOf(Policy::Proposal::fromJson(plan->policy));
    Q_EMIT chartsRequested(charted.hostUri, charted.vmUuid);
}

void ApprovalsPanel::deferSelected()
{
    if (const Jobs::Plan *plan = current(); plan && m_policy)
        m_policy->defer(plan->id, QStringLiteral("operator"), kDeferMinutes);
}

} // namespace Umbra
