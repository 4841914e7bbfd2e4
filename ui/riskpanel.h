#pragma once

#include <QWidget>

class QButtonGroup;
class QLabel;
class QTableView;

namespace Umbra {

class Engine;
class FleetModel;
class RiskModel;

// The overview's list of what is at risk: a choice of horizon (the next
// hour, day or week) over the hosts and VMs unhealthy now or predicted to be
// within it. Activating a row opens that host or VM.
class RiskPanel : public QWidget
{
    Q_OBJECT

public:
    RiskPanel(Engine *engine, FleetModel *fleet, QWidget *parent = nullptr);

    RiskModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }
    void setHorizonSeconds(qint64 seconds);

Q_SIGNALS:
    void hostActivated(const QString &uri);
    void vmActivated(const QString &uri, const QString &uuid);

private:
    void updateEmptyNote();

    RiskModel *m_model = nullptr;
    QTableView *m_view = nullptr;
    QButtonGroup *m_horizons = nullptr;
    QLabel *m_empty = nullptr;
};

} // namespace Umbra
