#pragma once

#include "fleet/samples.h"
#include "fleet/vminfo.h"
#include "historybar.h"
#include "predict/healthreport.h"

#include <QPointer>
#include <QWidget>

class QLabel;

class QMenu;
class QToolButton;

namespace Umbra {

class ElidedLabel;

class Engine;
class EntityCharts;
class FactsGrid;
class MetricChart;

// One VM: what it is (header) and what it does (CPU, memory, disk and network
// over the last hour, history from the store followed by live samples, or
// over a longer range from the store's rollups), with an export of that
// range's history.
class VmPage : public QWidget
{
    Q_OBJECT

public:
    explicit VmPage(Engine *engine, QWidget *parent = nullptr);

    void setVm(const QString &uri, const QString &uuid);
    QToolButton *actionsButton() const { return m_actionsButton; }
    QString uri() const { return m_uri; }
    QString uuid() const { return m_uuid; }

    // Finite points in the CPU chart, for tests.
    int pointCount() const;
    bool isLoadingHistory() const;
    HistoryBar *historyBar() const { return m_historyBar; }
    QList<MetricChart *> charts() const;
    // The health line and the forecast caption as shown, for tests.
    QString healthText() const;
    QString forecastText() const;
    // The VM's servers and the live split of their backends, as shown.
    QString trafficText() const;
    // The VM's customer as shown ("none" when it has none).
    QString customerText() const;
    // The Shadow fact and the actions it offers, as shown (tests).
    QString shadowText() const;
    QString shadowActions() const;

Q_SIGNALS:
    // The operator asked to move this VM to another host.
    void migrateRequested(const QString &uri, const QString &uuid);
    // The Actions button's menu is about to open: fill it for this VM.
    void actionsMenuAboutToShow(QMenu *menu, const QString &uri, const QString &uuid);
    // The operator asked to say which load balancer server this VM is.
    void trafficMappingRequested(const QString &uuid, const QString &name);
    // The operator asked to change which customer this VM belongs to.
    void customerRequested(const QString &uuid, const QString &name);
    // "create", "failover" or "remove", for the VM's shadow.
    void shadowRequested(const QString &action, const QString &uri, const QString &uuid);

protected:
    void changeEvent(QEvent *event) override;

private:
    void setCustomerLink();
    void onSamples(const HostSample &host, const QList<VmSample> &vms);
    void onVmChanged(const QString &uri, const VmInfo &vm);
    void onVmRemoved(const QString &uri, const QString &uuid);
    void showInfo(const VmInfo &vm);
    void addSample(const VmSample &sample);
    void buildHeader();
    void buildCharts();
    // Reads what the selected range shows, for the current VM.
    void loadHistory();
    void showHealth(const HealthReport &report);
    void showForecasts(const QList<DemandForecast> &forecasts);
    void showTraffic();
    void showCustomer();
    void showShadow();

    QPointer<Engine> m_engine;
    QString m_uri;
    QString m_uuid;

    ElidedLabel *m_title = nullptr;
    QLabel *m_state = nullptr;
    QLabel *m_loadingLabel = nullptr;
    FactsGrid *m_facts = nullptr;
    HistoryBar *m_historyBar = nullptr;
    EntityCharts *m_charts = nullptr;
    QLabel *m_forecastCaption = nullptr;
    int m_healthFact = -1;
    quint64 m_memoryKiB = 0;
    int m_hostFact = -1;
    int m_vcpuFact = -1;
    int m_memoryFact = -1;
    int m_persistenceFact = -1;
    int m_uuidFact = -1;
    int m_disksFact = -1;
    int m_nicsFact = -1;
    int m_trafficFact = -1;
    int m_customerFact = -1;
    int m_shadowFact = -1;
    QLabel *m_shadowLinks = nullptr;
    QLabel *m_customerLink = nullptr;
    QString m_name;

    MetricChart *m_cpuChart = nullptr;
    MetricChart *m_memoryChart = nullptr;
    MetricChart *m_diskChart = nullptr;
    MetricChart *m_netChart = nullptr;
    int m_cpuVcpus = -1;
    int m_cpuHost = -1;
    int m_memUsed = -1;
    int m_memAvailable = -1;
    int m_diskRead = -1;
    int m_diskWrite = -1;
    int m_netRx = -1;
    int m_netTx = -1;
    QToolButton *m_actionsButton = nullptr;
};

} // namespace Umbra
