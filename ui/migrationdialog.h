#pragma once

#include "jobs/plan.h"
#include "migrate/migrationtypes.h"

#include <QDialog>
#include <QPointer>

class QCheckBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;
class QTreeWidget;

namespace Umbra {

class Engine;

// Asks how to live-migrate one VM: the target (every other connected host,
// ranked by the memory it has free after the move; those it would not fit
// on are listed but cannot be chosen) and the transfer's limits, with a
// first estimate of the duration. Check plans the migration — preflight
// (reachability, memory and CPUs after the move, CPU compatibility, storage)
// and a prediction from the guest's measured dirty-page rate — without
// changing anything, and shows the stored plan; Migrate approves it and
// starts its job. Closing the dialog instead rejects the plan.
class MigrationDialog : public QDialog
{
    Q_OBJECT

public:
    MigrationDialog(Engine *engine, const QString &uri, const QString &uuid,
                    QWidget *parent = nullptr);
    ~MigrationDialog() override;

    MigrationRequest request() const;
    // Plans the migration (what the Check button does).
    void check();
    // A plan that can go ahead is shown and waits for Migrate.
    bool isAwaitingApproval() const { return m_plan.id != 0 && m_plan.executable(); }
    const Jobs::Plan &plan() const { return m_plan; }
    QString logText() const;
    // Candidate targets as listed, best first (tests).
    QStringList targets() const;
    void selectTarget(const QString &uri);
    QString predictionText() const;

private:
    void fillTargets();
    void updatePrediction();
    void updateButtons();
    void showPlan(const Jobs::Plan &plan);
    void appendLog(const QString &line);
    void done(int result) override;

    QPointer<Engine> m_engine;
    QString m_uri;
    QString m_uuid;
    QString m_name;
    quint64 m_memoryKiB = 0;
    QTreeWidget *m_targets = nullptr;
    QLabel *m_prediction = nullptr;
    QSpinBox *m_maxDowntime = nullptr;
    QSpinBox *m_bandwidth = nullptr;
    QCheckBox *m_autoConverge = nullptr;
    QCheckBox *m_keepSource = nullptr;
    QLineEdit *m_healthUrl = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    QPushButton *m_check = nullptr;
    QPushButton *m_migrate = nullptr;
    QPlainTextEdit *m_log = nullptr;
    Jobs::Plan m_plan; // the last one checked
    qint64 m_checks = 0; // answers to an earlier check are dropped
    bool m_checking = false;
};

} // namespace Umbra
