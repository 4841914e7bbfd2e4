#pragma once

#include "predict/anomaly.h"

#include <QPointer>
#include <QWidget>

class QLabel;
class QPushButton;
class QSortFilterProxyModel;
class QTableView;

namespace Umbra {

class AnomalyModel;
class Engine;
class FleetModel;

// The fleet's anomalies with what each was about, and the operator's say
// on them: a false alarm makes that series' detector less eager, an
// expected one (a deploy, a batch job) makes its new level normal.
class AnomaliesPanel : public QWidget
{
    Q_OBJECT

public:
    AnomaliesPanel(Engine *engine, const FleetModel *fleet, QWidget *parent = nullptr);

    AnomalyModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }
    QPushButton *falseAlarmButton() const { return m_falseAlarm; }
    QPushButton *expectedButton() const { return m_expected; }
    QPushButton *reopenButton() const { return m_reopen; }

Q_SIGNALS:
    // How many anomalies nobody has judged yet, for the dock's title.
    void openCountChanged(int open);

private:
    void judgeSelected(AnomalyVerdict verdict);
    void updateButtons();

    QPointer<Engine> m_engine;
    AnomalyModel *m_model = nullptr;
    QSortFilterProxyModel *m_sorted = nullptr;
    QTableView *m_view = nullptr;
    QPushButton *m_falseAlarm = nullptr;
    QPushButton *m_expected = nullptr;
    QPushButton *m_reopen = nullptr;
};

} // namespace Umbra
