#pragma once

#include "migrate/migrationtypes.h"

#include <QDialog>
#include <QPointer>

class QCheckBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QSpinBox;
class QTreeWidget;

namespace Umbra {

class Engine;

// Asks how to live-migrate one VM: the target (every other connected host,
// ranked by the memory it has free after the move; those it would not fit
// on are listed but cannot be chosen), the predicted duration and pause
// for the VM's memory, and the transfer's limits. The job's own preflight
// checks the rest (CPU compatibility, storage, the hosts' current figures)
// and refuses with a reason before anything moves.
class MigrationDialog : public QDialog
{
    Q_OBJECT

public:
    MigrationDialog(Engine *engine, const QString &uri, const QString &uuid,
                    QWidget *parent = nullptr);

    MigrationRequest request() const;
    // Candidate targets as listed, best first (tests).
    QStringList targets() const;
    void selectTarget(const QString &uri);
    QString predictionText() const;

private:
    void fillTargets();
    void updatePrediction();

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
};

} // namespace Umbra
