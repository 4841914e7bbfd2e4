#pragma once

#include "jobs/plan.h"
#include "traffic/shiftrequest.h"

#include <QDialog>
#include <QPointer>

class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;

namespace Umbra {

namespace Traffic {
class TrafficService;
}

// Asks how to move requests between two servers of one backend: from and to,
// how much of what `from` serves, in which steps, how long each is held and
// the gate the receiving server must pass while it holds (its errors per
// response and response time). Check plans the shift — reads the backend,
// checks the receiving server and the balancing algorithm, works out each
// step's weights — without changing anything, and shows the stored plan;
// Shift approves it and starts it. Closing the dialog instead rejects the
// plan. A running shift can be cancelled at any step: it goes back to the
// weights it found.
class ShiftDialog : public QDialog
{
    Q_OBJECT

public:
    ShiftDialog(Traffic::TrafficService *traffic, const QString &balancer, const QString &backend,
                const QStringList &servers, const QString &from, QWidget *parent = nullptr);

    Traffic::ShiftRequest request() const;
    void setTo(const QString &server);
    void setPercent(double percent);
    void setHoldMs(int ms);
    // Plans the shift (what the Check button does).
    void check();
    bool isAwaitingApproval() const { return m_plan.id != 0 && m_plan.executable(); }
    const Jobs::Plan &plan() const { return m_plan; }
    QString logText() const;
    QString verdictText() const;

private:
    void showPlan(const Jobs::Plan &plan);
    void updateButtons();
    void done(int result) override;

    QPointer<Traffic::TrafficService> m_traffic;
    QString m_balancer;
    QString m_backend;
    QComboBox *m_from = nullptr;
    QComboBox *m_to = nullptr;
    QDoubleSpinBox *m_percent = nullptr;
    QLineEdit *m_steps = nullptr;
    QDoubleSpinBox *m_hold = nullptr;
    QDoubleSpinBox *m_maxErrors = nullptr;
    QSpinBox *m_maxResponse = nullptr;
    QPlainTextEdit *m_log = nullptr;
    QLabel *m_verdict = nullptr;
    QPushButton *m_check = nullptr;
    QPushButton *m_shift = nullptr;
    Jobs::Plan m_plan;
    qint64 m_checks = 0;
    bool m_checking = false;
};

} // namespace Umbra
