#pragma once

#include "fleet/samples.h"

#include <QElapsedTimer>
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
// in the next hour, day or week, and the hosts' CPU and memory use over the
// last hour on shared charts. A chart of two hundred lines shows nothing: a
// larger fleet's charts show its busiest hosts, chosen again every few
// minutes.
class OverviewPage : public QWidget
{
    Q_OBJECT

public:
    // Hosts the charts show at most.
    static constexpr int kChartedHosts = 8;
    // How long a choice of busiest hosts stands.
    static constexpr int kRechartMs = 5 * 60 * 1000;

    OverviewPage(Engine *engine, FleetModel *model, QWidget *parent = nullptr);

    QTableView *hostView() const { return m_hostView; }
    RiskPanel *riskPanel() const { return m_risk; }
    MetricChart *cpuChart() const { return m_cpuChart; }
    // The hosts on the charts, in no particular order.
    QStringList chartedHosts() const { return m_cpuSeries.keys(); }

Q_SIGNALS:
    void hostActivated(const QString &uri);
    void vmActivated(const QString &uri, const QString &uuid);

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    void fitHostTable();
    // Puts the hosts that should be on the charts there: all of a small
    // fleet, the busiest of a large one.
    void rechart();
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
    QElapsedTimer m_chosen; // since the busiest were chosen on their samples
    QTimer m_tileTimer;
};

} // namespace Umbra
