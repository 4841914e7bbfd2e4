#pragma once

#include "fleet/samples.h"

#include <QHash>
#include <QPointer>
#include <QTimer>
#include <QWidget>

class QSplitter;
class QTableView;

namespace Umbra {

class Engine;
class EntityCharts;
class FleetModel;
class FleetSortProxy;
class MetricChart;
class RiskPanel;
class SummaryTile;

// The fleet at a glance: headline figures, one row per host, what is at risk
// in the next hour, day or week, and every host's CPU and memory use over the
// last hour on shared charts.
class OverviewPage : public QWidget
{
    Q_OBJECT

public:
    OverviewPage(Engine *engine, FleetModel *model, QWidget *parent = nullptr);

    QTableView *hostView() const { return m_hostView; }
    RiskPanel *riskPanel() const { return m_risk; }

Q_SIGNALS:
    void hostActivated(const QString &uri);
    void vmActivated(const QString &uri, const QString &uuid);

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    void fitHostTable();
    void addHostSeries(const QString &uri);
    void loadHistory(const QString &uri);
    void removeHostSeries(const QString &uri);
    void addSample(const HostSample &sample);
    void updateTiles();

    QPointer<Engine> m_engine;
    FleetModel *m_model = nullptr;
    FleetSortProxy *m_proxy = nullptr;
    QTableView *m_hostView = nullptr;
    QSplitter *m_splitter = nullptr;
    RiskPanel *m_risk = nullptr;
    bool m_userSized = false;
    SummaryTile *m_hostsTile = nullptr;
    SummaryTile *m_vmsTile = nullptr;
    SummaryTile *m_cpuTile = nullptr;
    SummaryTile *m_memoryTile = nullptr;
    MetricChart *m_cpuChart = nullptr;
    MetricChart *m_memoryChart = nullptr;
    QHash<QString, int> m_cpuSeries; // host URI -> series id
    QHash<QString, int> m_memorySeries; // host URI -> series id
    QHash<QString, EntityCharts *> m_history; // host URI -> its hour's history
    QHash<QString, HostSample> m_latest;
    QTimer m_tileTimer;
};

} // namespace Umbra
