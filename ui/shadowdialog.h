#pragma once

#include "jobs/plan.h"

#include <QDialog>
#include <QPointer>
#include <optional>

class QDialogButtonBox;
class QLabel;
class QPlainTextEdit;
class QPushButton;
class QTreeWidget;

namespace Umbra {

class Engine;
struct TargetCapacity;
class ValidationScheduleBox;

// Asks where to keep a shadow of one VM: the hosts of the shadow pools,
// ranked by the same least-disruption placement as migrations (room after
// the reservation, forecast peak, risk, health, apart from the primary's
// failure domain), each with its reasons. Choosing one plans the shadow —
// the checks, the replicas, the reservation and the seeding — without
// changing anything; Create shadow approves the plan and starts it.
// Closing the dialog rejects the plan. Demo hosts' replication is
// simulated, and the dialog says so.
class ShadowDialog : public QDialog
{
    Q_OBJECT

public:
    ShadowDialog(Engine *engine, const QString &uri, const QString &uuid,
                 QWidget *parent = nullptr);
    ~ShadowDialog() override;

    // Shadow hosts as listed, best first (tests).
    QStringList hosts() const;
    bool isRanked() const { return m_ranked; }
    void selectHost(const QString &uri);
    const Jobs::Plan &plan() const { return m_plan; }
    bool isAwaitingApproval() const { return m_plan.id != 0 && m_plan.executable(); }
    QString planText() const;
    // How the new shadow is to be validated (see ValidationScheduleBox).
    void setValidationSchedule(std::optional<int> hours);

private:
    void rank(const QList<TargetCapacity> &capacities);
    void planOn(const QString &shadowUri);
    void showPlan(const Jobs::Plan &plan);
    void done(int result) override;

    QPointer<Engine> m_engine;
    QString m_uri;
    QString m_uuid;
    QString m_name;
    QTreeWidget *m_hosts = nullptr;
    QPlainTextEdit *m_planText = nullptr;
    QLabel *m_status = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    ValidationScheduleBox *m_schedule = nullptr;
    QPushButton *m_create = nullptr;
    Jobs::Plan m_plan;
    bool m_ranked = false;
    int m_planSequence = 0;
};

} // namespace Umbra
