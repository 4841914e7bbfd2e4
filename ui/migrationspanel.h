#pragma once

#include "migrate/migrationtypes.h"

#include <QHash>
#include <QPointer>
#include <QWidget>

class QLabel;
class QProgressBar;
class QPushButton;
class QTableWidget;

namespace Umbra {

class MigrationManager;

// Live migrations: one row per running job with its stage, a progress bar
// of the memory copy, what is left, the guest's dirty rate and a Cancel
// button; below, the finished jobs from the journal with what was predicted
// beside what happened.
class MigrationsPanel : public QWidget
{
    Q_OBJECT

public:
    explicit MigrationsPanel(MigrationManager *manager, QWidget *parent = nullptr);

    QTableWidget *runningView() const { return m_running; }
    QTableWidget *historyView() const { return m_history; }

private:
    struct Row
    {
        int row = -1;
        QProgressBar *bar = nullptr;
        QPushButton *cancel = nullptr;
        bool simulated = false; // from a demo host: the panel says so
    };

    Row &rowFor(qint64 jobId, const QString &vm, const QString &target);
    void onStage(qint64 jobId, MigrationStage stage, const QString &message);
    void onProgress(const MigrationProgress &progress);
    void onFinished(const MigrationRecord &record);
    void showHistory(const QList<MigrationRecord> &jobs, const QString &error);

    QPointer<MigrationManager> m_manager;
    QTableWidget *m_running = nullptr;
    QTableWidget *m_history = nullptr;
    QLabel *m_idle = nullptr;
    QHash<qint64, Row> m_rows;
};

} // namespace Umbra
