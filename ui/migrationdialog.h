#pragma once

#include "jobs/plan.h"
#include "migrate/migrationtypes.h"

#include <QDialog>
#include <QHash>
#include <QPointer>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QGroupBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;
class QTreeWidget;

namespace Umbra {

class Engine;
struct TargetCapacity;

// Asks how to live-migrate one VM: the target (every other connected host,
// ranked by the memory it would have left after the move — the preflight's
// own figure, asked of each host as the dialog opens; those it would not fit
// on are listed but cannot be chosen) and the transfer's limits, with a
// first estimate of the duration. Check plans the migration — preflight
// (reachability, memory and CPUs after the move, CPU compatibility, storage)
// and a prediction from the guest's measured dirty-page rate — without
// changing anything, and shows the stored plan; Migrate approves it and
// starts its job. Closing the dialog instead rejects the plan.
//
// A plan refused for want of a choice only the operator can make — the
// storage mode when the hosts' storage pools cannot tell, or libvirt's
// override for shared disks it calls unsafe — shows the reason and the
// choice; Check again plans with it. A demo host's migration is simulated,
// and the dialog says so.
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
    // The targets have been judged by the preflight's capacity figure.
    bool isRanked() const { return m_ranked; }
    // That figure for a target: memory the VM could have there (-1: unknown).
    qint64 rankedUsableKiB(const QString &uri) const;
    // The least-disruption placement of a ranked target: its score and the
    // reasons shown with it (Pools::rank).
    double rankedScore(const QString &uri) const { return m_scores.value(uri, -1); }
    QStringList rankedReasons(const QString &uri) const { return m_reasons.value(uri); }
    // The choices the dialog offers because a plan needed them (kNeeds… keys).
    QStringList offeredChoices() const;
    // Why the last plan needs a choice, as the Storage box shows it.
    QString storageReason() const;
    void setStorageMode(StorageMode mode);
    void setAllowUnsafe(bool allow);
    bool isSimulated() const { return m_simulated; }

private:
    void fillTargets();
    void rankTargets(const QList<TargetCapacity> &capacities);
    void offerChoices(const QStringList &needs);
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
    QGroupBox *m_storageBox = nullptr;
    QComboBox *m_storage = nullptr;
    QCheckBox *m_unsafe = nullptr;
    QLabel *m_unsafeNote = nullptr;
    QLabel *m_storageReason = nullptr; // why the last plan needs a choice
    QDialogButtonBox *m_buttons = nullptr;
    QPushButton *m_check = nullptr;
    QPushButton *m_migrate = nullptr;
    QPlainTextEdit *m_log = nullptr;
    Jobs::Plan m_plan; // the last one checked
    qint64 m_checks = 0; // answers to an earlier check are dropped
    bool m_checking = false;
    bool m_ranked = false;
    bool m_simulated = false; // a demo host: the migration is simulated
    QHash<QString, qint64> m_usableKiB; // by target URI, once ranked
    QHash<QString, double> m_scores;
    QHash<QString, QStringList> m_reasons;
};

} // namespace Umbra
