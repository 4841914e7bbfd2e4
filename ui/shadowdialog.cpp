#include "shadowdialog.h"

#include "demo/simulatedlink.h"
#include "engine/engine.h"
#include "engine/poolservice.h"
#include "fleet/hosturi.h"
#include "format.h"
#include "migrate/migrationmanager.h"
#include "shadow/shadowservice.h"
#include "util/displaytext.h"
#include "validationschedulebox.h"

#include <QDialogButtonBox>
#include <QFutureWatcher>
#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <algorithm>

namespace Umbra {

ShadowDialog::ShadowDialog(Engine *engine, const QString &uri, const QString &uuid, QWidget *parent)
    : QDialog(parent)
    , m_engine(engine)
    , m_uri(uri)
    , m_uuid(uuid)
{
    quint64 memoryKiB = 0;
    for (const VmInfo &vm : engine->fleet()->vms(uri)) {
        if (vm.uuid == uuid) {
            m_name = vm.name;
            memoryKiB = vm.memoryKiB;
        }
    }
    setWindowTitle(tr("Create a shadow of %1").arg(DisplayText::quote(m_name, 60)));

    auto *intro = new QLabel(
        tr("Keep a standby replica of <b>%1</b> (%2 of memory) on a host of a shadow pool. "
           "Every write to its disks reaches the replica before the guest sees it complete, so "
           "if %3 is lost the shadow takes over with nothing acknowledged missing. Its memory "
           "and vCPUs are reserved there.")
            .arg(DisplayText::quote(m_name, 80).toHtmlEscaped(), Format::kib(double(memoryKiB)),
                 HostUri::displayName(uri).toHtmlEscaped()),
        this);
    intro->setWordWrap(true);
    auto *simulated = new QLabel(tr("<b>Simulated.</b> %1 is a demo host (libvirt's test "
                                    "driver): no disk is copied; seeding takes a few seconds and "
                                    "the shadow's definition is real.")
                                     .arg(HostUri::displayName(uri).toHtmlEscaped()),
                                 this);
    simulated->setWordWrap(true);
    simulated->setVisible(SimulatedLink::simulates(uri));

    m_hosts = new QTreeWidget(this);
    m_hosts->setRootIsDecorated(false);
    m_hosts->setHeaderLabels({ tr("Shadow host"), tr("Pool"), tr("Score") });
    m_hosts->header()->setStretchLastSection(true);
    m_hosts->setColumnWidth(
        0, fontMetrics().horizontalAdvance(QStringLiteral("rack3-standby01.example")) + 24);
    m_hosts->setMinimumHeight(fontMetrics().lineSpacing() * 5);
    m_status = new QLabel(tr("Ranking the shadow pool's hosts…"), this);
    m_status->setWordWrap(true);
    m_planText = new QPlainTextEdit(this);
    m_planText->setReadOnly(true);
    m_planText->setPlaceholderText(tr("Choose a host: the plan, with what the checks found, "
                                      "appears here before anything is made."));
    m_planText->setMinimumHeight(fontMetrics().lineSpacing() * 8);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_create = m_buttons->addButton(tr("Create shadow"), QDialogButtonBox::AcceptRole);
    m_create->setEnabled(false);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_hosts, &QTreeWidget::currentItemChanged, this, [this](QTreeWidgetItem *item) {
        if (item && (item->flags() & Qt::ItemIsEnabled))
            planOn(item->data(0, Qt::UserRole).toString());
    });

    Shadow::ShadowService *service = engine->shadows();
    m_schedule = new ValidationScheduleBox(service ? service->validationIntervalH() : 0, this);
    auto *validation = new QGroupBox(tr("Validate the shadow by itself"), this);
    auto *validationLayout = new QVBoxLayout(validation);
    validationLayout->addWidget(m_schedule);
    // The schedule is part of the plan: a change plans again.
    connect(m_schedule, &ValidationScheduleBox::changed, this, [this] {
        if (QTreeWidgetItem *item = m_hosts->currentItem();
            item && (item->flags() & Qt::ItemIsEnabled))
            planOn(item->data(0, Qt::UserRole).toString());
    });

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(simulated);
    layout->addWidget(m_hosts, 1);
    layout->addWidget(m_status);
    layout->addWidget(validation);
    layout->addWidget(m_planText, 1);
    layout->addWidget(m_buttons);
    resize(640, 520);

    // The candidates: every other host of a shadow pool, ranked as the
    // migration dialog ranks targets.
    QStringList candidates;
    if (PoolService *pools = engine->pools()) {
        for (const HostConfig &host : engine->fleet()->hosts())
            if (host.uri != uri
                && pools->settings().poolOfHost(host.uri).kind == Pools::PoolKind::Shadow)
                candidates.append(host.uri);
    }
    if (candidates.isEmpty() || !engine->migrations()) {
        m_status->setText(tr("No host is in a shadow pool. Put one there in File → Pools…, "
                             "where its reservation for shadows is set too."));
        m_ranked = true;
        return;
    }
    auto *watcher = new QFutureWatcher<QList<TargetCapacity>>(this);
    connect(watcher, &QFutureWatcher<QList<TargetCapacity>>::finished, this, [this, watcher] {
        rank(watcher->result());
        watcher->deleteLater();
    });
    watcher->setFuture(
        engine->migrations()->assessTargets(uri, uuid, candidates, {}, Pools::Placing::Shadow));
}

ShadowDialog::~ShadowDialog() = default;

void ShadowDialog::rank(const QList<TargetCapacity> &given)
{
    QList<TargetCapacity> capacities = given;
    std::stable_sort(capacities.begin(), capacities.end(),
                     [](const TargetCapacity &a, const TargetCapacity &b) {
                         if (a.fits != b.fits)
                             return a.fits;
                         return a.rank > 0 && b.rank > 0 ? a.rank < b.rank : a.leftKiB > b.leftKiB;
                     });
    m_hosts->clear();
    const Pools::PoolSettings pools
        = m_engine && m_engine->pools() ? m_engine->pools()->settings() : Pools::PoolSettings{};
    for (const TargetCapacity &capacity : std::as_const(capacities)) {
        auto *item = new QTreeWidgetItem(m_hosts);
        item->setText(0, HostUri::displayName(capacity.uri));
        item->setData(0, Qt::UserRole, capacity.uri);
        item->setText(1, pools.poolOfHost(capacity.uri).name);
        const QString why
            = !capacity.error.isEmpty() ? capacity.error : capacity.ranking.reasons.join(u'\n');
        item->setToolTip(0, why);
        item->setToolTip(2, why);
        if (!capacity.fits || !capacity.error.isEmpty()) {
            item->setText(2,
                          !capacity.ranking.refusal.isEmpty() ? capacity.ranking.refusal
                                                              : tr("cannot take it"));
            item->setFlags(item->flags() & ~Qt::ItemIsEnabled);
        } else {
            item->setText(2, QString::number(capacity.ranking.score, 'f', 0));
        }
    }
    m_ranked = true;
    m_status->setText(tr("Ranked by room after the reservation, forecast peak, failure risk "
                         "and health; hover a host for its reasons."));
    for (int i = 0; i < m_hosts->topLevelItemCount(); ++i) {
        if (m_hosts->topLevelItem(i)->flags() & Qt::ItemIsEnabled) {
            m_hosts->setCurrentItem(m_hosts->topLevelItem(i));
            return;
        }
    }
    m_status->setText(tr("No shadow host can take %1 now; hover each for why.").arg(m_name));
}

void ShadowDialog::planOn(const QString &shadowUri)
{
    Shadow::ShadowService *shadows = m_engine ? m_engine->shadows() : nullptr;
    if (!shadows)
        return;
    // A plan no longer shown is left proposed by nobody: reject it.
    if (isAwaitingApproval())
        shadows->decide(m_plan.id, false, QStringLiteral("operator"));
    m_plan = {};
    m_create->setEnabled(false);
    m_planText->setPlainText(tr("Planning a shadow on %1…").arg(HostUri::displayName(shadowUri)));
    const int sequence = ++m_planSequence;
    auto *watcher = new QFutureWatcher<Jobs::Plan>(this);
    connect(watcher, &QFutureWatcher<Jobs::Plan>::finished, this, [this, watcher, sequence] {
        if (sequence == m_planSequence)
            showPlan(watcher->result());
        else if (m_engine && m_engine->shadows() && watcher->result().id != 0)
            m_engine->shadows()->decide(watcher->result().id, false, QStringLiteral("operator"));
        watcher->deleteLater();
    });
    watcher->setFuture(shadows->planCreate(m_uuid, m_uri, shadowUri, m_schedule->value()));
}

void ShadowDialog::showPlan(const Jobs::Plan &plan)
{
    m_plan = plan;
    QStringList lines;
    lines.append(plan.summary);
    if (!plan.refusal.isEmpty())
        lines.append(tr("Cannot go ahead: %1").arg(plan.refusal));
    if (!plan.evidence.isEmpty()) {
        lines.append(QString());
        lines.append(tr("What the checks found:"));
        for (const QString &line : plan.evidence)
            lines.append(u"  • " + line);
    }
    if (!plan.steps.isEmpty()) {
        lines.append(QString());
        lines.append(tr("What Create shadow does:"));
        for (int i = 0; i < plan.steps.size(); ++i)
            lines.append(QStringLiteral("  %1. %2").arg(i + 1).arg(plan.steps[i]));
    }
    m_planText->setPlainText(lines.join(u'\n'));
    m_create->setEnabled(isAwaitingApproval());
}

QStringList ShadowDialog::hosts() const
{
    QStringList uris;
    for (int i = 0; i < m_hosts->topLevelItemCount(); ++i)
        uris.append(m_hosts->topLevelItem(i)->data(0, Qt::UserRole).toString());
    return uris;
}

void ShadowDialog::selectHost(const QString &uri)
{
    for (int i = 0; i < m_hosts->topLevelItemCount(); ++i)
        if (m_hosts->topLevelItem(i)->data(0, Qt::UserRole).toString() == uri)
            m_hosts->setCurrentItem(m_hosts->topLevelItem(i));
}

void ShadowDialog::setValidationSchedule(std::optional<int> hours)
{
    m_schedule->setValue(hours);
}

QString ShadowDialog::planText() const
{
    return m_planText->toPlainText();
}

void ShadowDialog::done(int result)
{
    Shadow::ShadowService *shadows = m_engine ? m_engine->shadows() : nullptr;
    // Approval is the operator's Create shadow on the plan shown; closing
    // the dialog instead rejects it.
    if (shadows && isAwaitingApproval()) {
        if (result == QDialog::Accepted)
            shadows->execute(m_plan, QStringLiteral("operator"));
        else
            shadows->decide(m_plan.id, false, QStringLiteral("operator"));
    }
    ++m_planSequence;
    QDialog::done(result);
}

} // namespace Umbra
