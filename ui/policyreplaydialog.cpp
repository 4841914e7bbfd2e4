#include "policyreplaydialog.h"

#include "engine/engine.h"
#include "engine/poolservice.h"
#include "tablesetup.h"

#include <QDateTime>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPointer>
#include <QPushButton>
#include <QSpinBox>
#include <QTableWidget>
#include <QVBoxLayout>

namespace Umbra {

namespace {

QTableWidgetItem *cell(const QString &text, Qt::Alignment align = Qt::AlignLeft)
{
    auto *item = new QTableWidgetItem(text);
    item->setTextAlignment(align | Qt::AlignVCenter);
    item->setFlags(Qt::ItemIsSelectable | Qt::ItemIsEnabled);
    return item;
}

QTableWidgetItem *number(double value, int decimals = 0)
{
    auto *item = cell(QLocale().toString(value, 'f', decimals), Qt::AlignRight);
    item->setData(Qt::UserRole, value);
    return item;
}

} // namespace

PolicyReplayDialog::PolicyReplayDialog(Engine *engine, QWidget *parent)
    : QDialog(parent)
    , m_engine(engine)
{
    setWindowTitle(tr("Policy replay"));
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(
        tr("What the policy would have done on this fleet's stored history: each VM on the "
           "host it runs on now, its CPU every 5 minutes, one day to learn on, then the days "
           "below replayed with Umbra's forecaster and policy at level automatic — beside "
           "moving the busiest VM whenever a host passes 90 %, and beside doing nothing."),
        this);
    intro->setWordWrap(true);
    layout->addWidget(intro);

    auto *row = new QHBoxLayout;
    row->addWidget(new QLabel(tr("Replay the last"), this));
    m_days = new QSpinBox(this);
    m_days->setRange(1, 14);
    m_days->setValue(7);
    m_days->setSuffix(tr(" days"));
    row->addWidget(m_days);
    m_run = new QPushButton(tr("Replay"), this);
    row->addWidget(m_run);
    row->addStretch();
    layout->addLayout(row);

    m_summary = new QLabel(this);
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_summary);

    m_comparison = new QTableWidget(0, 4, this);
    m_comparison->setHorizontalHeaderLabels(
        { tr("Policy"), tr("Moves"), tr("Ping-pong"), tr("Minutes over capacity") });
    TableSetup::apply(m_comparison);
    m_comparison->setSortingEnabled(false);
    m_comparison->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_comparison->setMinimumHeight(TableSetup::heightForRows(m_comparison, 3));
    m_comparison->setMaximumHeight(TableSetup::heightForRows(m_comparison, 3));
    layout->addWidget(m_comparison);

    m_moves = new QTableWidget(0, 5, this);
    m_moves->setHorizontalHeaderLabels(
        { tr("When"), tr("VM"), tr("Move"), tr("Overload came"), tr("Why") });
    TableSetup::apply(m_moves);
    m_moves->horizontalHeader()->setStretchLastSection(true);
    m_moves->setMinimumHeight(TableSetup::heightForRows(m_moves, 4));
    layout->addWidget(m_moves, 1);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    connect(m_run, &QPushButton::clicked, this, &PolicyReplayDialog::run);
    resize(880, 560);
}

void PolicyReplayDialog::run()
{
    if (!m_engine || !m_engine->history()) {
        m_summary->setText(tr("No database is open."));
        return;
    }
    m_run->setEnabled(false);
    m_summary->setText(tr("Replaying %n day(s) of history…", nullptr, m_days->value()));
    QPointer<PolicyReplayDialog> self(this);
    const Pools::PoolSettings *pools = m_engine->pools() ? &m_engine->pools()->settings() : nullptr;
    replayStoredHistory(m_engine->fleet()->state(), m_engine->history(), pools, m_days->value(),
                        QDateTime::currentMSecsSinceEpoch())
        .then(this, [self](const HistoryReplay &replay) {
            if (!self)
                return;
            self->m_run->setEnabled(true);
            self->show(replay);
            Q_EMIT self->finished(replay);
        });
}

void PolicyReplayDialog::show(const HistoryReplay &r)
{
    m_comparison->setRowCount(0);
    m_moves->setRowCount(0);
    if (!r.error.isEmpty()) {
        m_summary->setText(r.error);
        return;
    }
    const QLocale locale;
    const int right = int(std::count_if(r.umbra.moveList.cbegin(), r.umbra.moveList.cend(),
                                        [](const Policy::ReplayMove &m) { return m.right; }));
    QString text
        = tr("From %1 to %2 this policy would have made %n move(s) among %3 VMs on %4 hosts",
             nullptr, r.umbra.moves)
              .arg(locale.toString(QDateTime::fromMSecsSinceEpoch(r.fromMs), QLocale::ShortFormat),
                   locale.toString(QDateTime::fromMSecsSinceEpoch(r.toMs), QLocale::ShortFormat))
              .arg(r.fleet.vmNames.size())
              .arg(r.fleet.hostNames.size());
    text += r.umbra.moves > 0 ? tr(": %1 ahead of an overload that then came; %2 ping-pong.")
                                    .arg(right)
                                    .arg(r.umbra.pingPong)
                              : QStringLiteral(".");
    text += u' '
        + tr("It raised %n proposal(s) to relieve a host, %1 of them right.", nullptr,
             r.umbra.proposals)
              .arg(r.umbra.right);
    if (!r.skipped.isEmpty()) {
        constexpr int kNamed = 6;
        QStringList named = r.skipped.mid(0, kNamed);
        if (r.skipped.size() > kNamed)
            named.append(tr("%n more", nullptr, int(r.skipped.size() - kNamed)));
        text += u' '
            + tr("Left out, with stored CPU for less than half of the window: %1.")
                  .arg(named.join(QStringLiteral(", ")));
    }
    m_summary->setText(text);

    const std::pair<QString, const Policy::ReplayResult *> rows[] = {
        { tr("Umbra policy"), &r.umbra },
        { tr("Reactive: move when over 90 %"), &r.reactive },
        { tr("No action"), &r.none },
    };
    for (const auto &[name, result] : rows) {
        const int at = m_comparison->rowCount();
        m_comparison->insertRow(at);
        m_comparison->setItem(at, 0, cell(name));
        m_comparison->setItem(at, 1, number(result->moves));
        m_comparison->setItem(at, 2, number(result->pingPong));
        m_comparison->setItem(at, 3, number(result->overloadMinutes));
    }

    m_moves->setSortingEnabled(false);
    for (const Policy::ReplayMove &m : r.umbra.moveList) {
        const int at = m_moves->rowCount();
        m_moves->insertRow(at);
        auto *when
            = cell(locale.toString(QDateTime::fromMSecsSinceEpoch(m.atMs), QLocale::ShortFormat));
        when->setData(Qt::UserRole, m.atMs);
        m_moves->setItem(at, 0, when);
        m_moves->setItem(at, 1, cell(r.fleet.vmNames.value(m.vm)));
        m_moves->setItem(at, 2,
                         cell(tr("%1 → %2").arg(r.fleet.hostNames.value(m.from),
                                                r.fleet.hostNames.value(m.to))));
        m_moves->setItem(at, 3, cell(m.right ? tr("yes") : tr("no")));
        m_moves->setItem(at, 4, cell(m.why));
    }
    m_moves->setSortingEnabled(true);
    m_moves->resizeColumnsToContents();
}

} // namespace Umbra
