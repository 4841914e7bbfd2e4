#pragma once

#include "jobs/plan.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QPushButton;
class QTableWidget;
class QTextBrowser;
class QTimer;

namespace Umbra {

class Engine;
class EntityCharts;
class MetricChart;
class PolicyService;

// The approval queue: the policy's pending proposals with their trigger,
// predicted outcome, confidence, expiry and what holds them back; the
// selected one's evidence in full. Approve executes it through the same
// controller as a manual action (its progress shows in the same panels),
// Reject asks for a reason and keeps the proposal quiet for a while, Defer
// puts it off for an hour. The fleet's automation level is set here too.
// Beside the evidence, the chart it rests on: the CPU of the host a move
// relieves, or of the VM a shadow would cover, over the last day with its
// forecast and band.
class ApprovalsPanel : public QWidget
{
    Q_OBJECT

public:
    explicit ApprovalsPanel(Engine *engine, QWidget *parent = nullptr);

    QTableWidget *table() const { return m_table; }
    QTextBrowser *details() const { return m_details; }
    QComboBox *levelBox() const { return m_level; }
    MetricChart *evidenceChart() const { return m_chart; }
    // The entity the chart shows ("host/<uri>", "vm/<uuid>"), empty when none.
    QString chartedEntity() const { return m_charted; }
    const QList<Jobs::Plan> &plans() const { return m_plans; }
    void select(int row);
    void approveSelected();
    void rejectSelected(const QString &reason);
    void deferSelected();
    void showChartsOfSelected();

Q_SIGNALS:
    void pendingCountChanged(int count);
    void automationRequested();
    // Show the charts the selected proposal rests on: the host a move
    // relieves (vmUuid empty), or the VM a shadow would cover.
    void chartsRequested(const QString &hostUri, const QString &vmUuid);

protected:
    void showEvent(QShowEvent *event) override;

private:
    void takePending(const QList<Jobs::Plan> &plans);
    void fill(const QList<Jobs::Plan> &plans);
    void showDetails();
    const Jobs::Plan *current() const;

    PolicyService *m_policy;
    MetricChart *m_chart = nullptr;
    int m_chartSeries = 0;
    EntityCharts *m_chartFeed = nullptr;
    QString m_charted;
    QList<Jobs::Plan> m_plans; // as the rows show them
    QList<Jobs::Plan> m_arrived; // the policy's latest, shown by the next fill
    bool m_stale = false; // hidden when the latest arrived
    QTimer *m_refill = nullptr;
    QComboBox *m_level = nullptr;
    QLabel *m_summary = nullptr;
    QTableWidget *m_table = nullptr;
    QTextBrowser *m_details = nullptr;
    QPushButton *m_approve = nullptr;
    QPushButton *m_reject = nullptr;
    QPushButton *m_defer = nullptr;
    QPushButton *m_charts = nullptr;
};

} // namespace Umbra
