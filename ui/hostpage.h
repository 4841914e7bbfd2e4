#pragma once

#include "fleet/hostinfo.h"
#include "fleet/samples.h"
#include "historybar.h"
#include "predict/healthreport.h"

#include <QPointer>
#include <QWidget>

class QLabel;
class QSplitter;
class QTabWidget;
class QTableView;

class QMenu;

namespace Umbra {

class ElidedLabel;

class Engine;
class EntityCharts;
class HostHardwarePanel;
class FactsGrid;
class FleetModel;
class FleetSortProxy;
class MetricChart;

// One host: its facts and connection state, CPU and memory over the last hour
// or a longer range of stored history, and its VMs (activate one to open its
// page).
class HostPage : public QWidget
{
    Q_OBJECT

public:
    HostPage(Engine *engine, FleetModel *model, QWidget *parent = nullptr);

    void setHost(const QString &uri);
    QString uri() const { return m_uri; }
    int pointCount() const;
    bool isLoadingHistory() const;
    QTableView *vmView() const { return m_vmView; }
    HistoryBar *historyBar() const { return m_historyBar; }
    QList<MetricChart *> charts() const;
    // The health line and the forecast caption as shown, for tests.
    QString healthText() const;
    QString forecastText() const;
    // The host's pool, failure domain and capacity as shown.
    QString poolText() const;

Q_SIGNALS:
    void vmActivated(const QString &uri, const QString &uuid);
    // The Actions button's menu is about to open: fill it for this host.
    void actionsMenuAboutToShow(QMenu *menu, const QString &uri);

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    void fitVmTable();
    void buildHeader();
    void buildBody();
    void showStatus(const HostStatus &status);
    void showInfo(const HostInfo &info);
    void addSample(const HostSample &sample);
    // Reads what the selected range shows, for the current host.
    void loadHistory();
    void historyLoaded(const QString &note = {});
    void showHealth(const HealthReport &report);
    void showPool();

    QPointer<Engine> m_engine;
    FleetModel *m_model = nullptr;
    FleetSortProxy *m_proxy = nullptr;
    QString m_uri;

    ElidedLabel *m_title = nullptr;
    QLabel *m_state = nullptr;
    QLabel *m_note = nullptr;
    FactsGrid *m_facts = nullptr;
    int m_uriFact = -1;
    int m_hostnameFact = -1;
    int m_hypervisorFact = -1;
    int m_libvirtFact = -1;
    int m_cpuModelFact = -1;
    int m_cpusFact = -1;
    int m_memoryFact = -1;
    int m_errorFact = -1;
    HistoryBar *m_historyBar = nullptr;
    EntityCharts *m_charts = nullptr;
    HostHardwarePanel *m_hardware = nullptr;
    QTabWidget *m_lower = nullptr;
    QLabel *m_forecastCaption = nullptr;
    int m_healthFact = -1;
    int m_poolFact = -1;
    quint64 m_memoryKiB = 0;

    MetricChart *m_cpuChart = nullptr;
    MetricChart *m_memoryChart = nullptr;
    int m_cpuSeries = -1;
    int m_memUsed = -1;
    int m_memTotal = -1;
    QTableView *m_vmView = nullptr;
    QSplitter *m_splitter = nullptr;
    bool m_userSized = false;
};

} // namespace Umbra
