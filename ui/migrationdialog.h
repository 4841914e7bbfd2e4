#pragma once

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
// first estimate of the duration. Check starts the job, which runs its
// preflight (reachability, memory and CPUs after the move, CPU
// compatibility, storage) and measures the guest's dirty-page rate for its
// prediction, then waits: the dialog shows every check and the prediction,
// and Migrate lets the job go on. Closing the dialog instead cancels it
// before anything has changed.
class MigrationDialog : public QDialog
{
    Q_OBJECT

public:
    MigrationDialog(Engine *engine, const QString &uri, const QString &uuid,
                    QWidget *parent = nullptr);
    ~MigrationDialog() override;

    MigrationRequest request() const;
    // Starts the job up to its approval (what the Check button does).
    void check();
    bool isAwaitingApproval() const { return m_awaiting; }
    QString logText() const;
    // Candidate targets as listed, best first (tests).
    QStringList targets() const;
    void selectTarget(const QString &uri);
    QString predictionText() const;

private:
    void fillTargets();
    void updatePrediction();
    void updateButtons();
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
    qint64 m_jobId = 0;
    bool m_checking = false; // a job runs for this dialog
    bool m_awaiting = false; // ...and waits for approval
};

} // namespace Umbra
