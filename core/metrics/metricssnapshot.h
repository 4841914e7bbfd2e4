#pragma once

#include "fleet/hostinfo.h"
#include "predict/healthreport.h"
#include "predict/hostrisk.h"

#include <QList>
#include <QString>

namespace Umbra::Metrics {

// What the engine knew of a VM when the snapshot was taken.
struct VmMetrics
{
    QString uuid;
    QString name;
    QString host; // the host's display name
    HealthReport health; // atMs 0 before its first sample
    QList<HorizonForecast> forecasts;
};

struct HostMetrics
{
    QString uri;
    QString name; // display name, the `host` label
    HostState state = HostState::Disconnected;
    HealthReport health;
    QList<HorizonForecast> forecasts;
    Hardware::HostRisk risk;
    bool riskAssessed = false;
    int vms = 0;
    qint64 lastSampleMs = 0; // 0 before the first collection
    double collectionSeconds = qQNaN(); // of the last collection
};

// How many plans of a kind ("migrate", "traffic.shift", "shadow.create", …)
// are in a state ("proposed", "approved", "executed", …).
struct PlanCount
{
    QString kind;
    QString state;
    int count = 0;
};

// Everything /metrics reports, taken at one instant. A plain value: the
// exposition is rendered from it off the engine's thread.
struct MetricsSnapshot
{
    qint64 atMs = 0;
    QString version;
    QList<HostMetrics> hosts;
    QList<VmMetrics> vms;
    QList<PlanCount> plans;
    bool plansKnown = false; // false on a read-only store
    QList<std::pair<QString, int>> shadows; // by state, every state listed
    int migrationsRunning = 0;
    int trafficActionsRunning = 0;
    qint64 storeBytes = -1;
    int modelledEntities = 0;
    double lastRenderSeconds = qQNaN(); // of the snapshot before this one
};

} // namespace Umbra::Metrics
