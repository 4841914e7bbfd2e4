#pragma once

#include "chartqueries.h"
#include "latestrequest.h"
#include "traffic/trafficservice.h"

#include <QHash>
#include <QPointer>
#include <QWidget>

class QComboBox;
class QLabel;
class QProgressBar;
class QPushButton;
class QStackedWidget;
class QTableView;
class QTableWidget;

namespace Umbra {

class Engine;
class MetricChart;
class TrafficModel;

// The fleet's load balancers: for the chosen balancer and backend, its servers
// as the last read found them (state, weight and share, sessions, request
// rate, errors, response time), the selected server's request rate, errors
// and response time over the last hour from the stored split, and the
// traffic actions — those running with their progress and a Cancel that goes
// back to the weights found, and the journal's history with the actions in
// force marked. Shift…, Drain and Restore act on the selected server. A
// balancer that cannot be read shows why, in place of its table.
class TrafficPage : public QWidget
{
    Q_OBJECT

public:
    explicit TrafficPage(Engine *engine, QWidget *parent = nullptr);

    // Shows `backend` of `balancer` (the first backend when empty).
    void select(const QString &balancer, const QString &backend = {});
    void selectServer(const QString &server);
    QString selectedServer() const;

    TrafficModel *model() const { return m_model; }
    QTableView *serversView() const { return m_servers; }
    QTableWidget *runningView() const { return m_running; }
    QTableWidget *historyView() const { return m_history; }
    QList<MetricChart *> charts() const;
    // The error shown in place of the table ("" when the table shows).
    QString errorText() const;
    QString noteText() const;
    QPushButton *shiftButton() const { return m_shiftButton; }
    QPushButton *drainButton() const { return m_drainButton; }
    QPushButton *restoreButton() const { return m_restoreButton; }

Q_SIGNALS:
    // The operator asked to edit the list of load balancers.
    void balancersRequested();
    // The operator asked to plan a shift of `backend`'s traffic.
    void shiftRequested(const QString &balancer, const QString &backend, const QString &from);

private:
    struct Running
    {
        int row = -1;
        QProgressBar *bar = nullptr;
    };

    void fillChoices();
    void showCurrent();
    void loadCharts();
    void updateButtons();
    void drainSelected();
    void restoreSelected();
    void onProgress(const Traffic::TrafficProgress &progress);
    void onFinished(const Traffic::TrafficAction &action, Jobs::Outcome outcome,
                    const QString &reason);
    void showHistory(const QList<Traffic::TrafficAction> &actions, const QString &error);
    Running &runningRow(qint64 actionId, const Traffic::TrafficProgress &progress);
    Traffic::TrafficService *traffic() const;

    QPointer<Engine> m_engine;
    ChartQueries m_queries;
    QLabel *m_state = nullptr;
    QLabel *m_note = nullptr;
    QComboBox *m_choice = nullptr;
    QStackedWidget *m_stack = nullptr;
    QLabel *m_error = nullptr;
    QLabel *m_empty = nullptr;
    QTableView *m_servers = nullptr;
    TrafficModel *m_model = nullptr;
    QPushButton *m_shiftButton = nullptr;
    QPushButton *m_drainButton = nullptr;
    QPushButton *m_restoreButton = nullptr;
    MetricChart *m_rateChart = nullptr;
    MetricChart *m_errorChart = nullptr;
    MetricChart *m_timeChart = nullptr;
    QLabel *m_chartsCaption = nullptr;
    LatestRequest m_chartRequests[3];
    qint64 m_chartsLoadedMs = 0;
    QString m_chartsServer;
    QTableWidget *m_running = nullptr;
    QTableWidget *m_history = nullptr;
    QHash<qint64, Running> m_rows;
};

} // namespace Umbra
