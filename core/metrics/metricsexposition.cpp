#include "metrics/metricsexposition.h"

#include <cmath>

namespace Umbra::Metrics {

namespace {

// Label values escape backslash, double quote and line feed.
QByteArray escaped(const QString &value)
{
    QByteArray out = value.toUtf8();
    if (!out.contains('\\') && !out.contains('"') && !out.contains('\n'))
        return out;
    out.replace('\\', "\\\\").replace('"', "\\\"").replace('\n', "\\n");
    return out;
}

QByteArray label(const char *name, const QString &value)
{
    return QByteArray(name) + "=\"" + escaped(value) + '"';
}

QByteArray joined(std::initializer_list<QByteArray> labels)
{
    QByteArray out;
    for (const QByteArray &one : labels) {
        if (one.isEmpty())
            continue;
        if (!out.isEmpty())
            out += ',';
        out += one;
    }
    return out;
}

QByteArray horizonName(int seconds)
{
    if (seconds % 86400 == 0)
        return QByteArray::number(seconds / 86400) + 'd';
    if (seconds % 3600 == 0)
        return QByteArray::number(seconds / 3600) + 'h';
    if (seconds % 60 == 0)
        return QByteArray::number(seconds / 60) + 'm';
    return QByteArray::number(seconds) + 's';
}

// Writes one page, a family at a time: Prometheus wants a family's samples
// together, after its HELP and TYPE.
class Page
{
public:
    explicit Page(qsizetype expected) { m_text.reserve(expected); }

    void family(const QByteArray &name, const char *type, const char *help)
    {
        m_name = name;
        m_text += "# HELP ";
        m_text += name;
        m_text += ' ';
        m_text += help;
        m_text += "\n# TYPE ";
        m_text += name;
        m_text += ' ';
        m_text += type;
        m_text += '\n';
    }

    void sample(const QByteArray &labels, double value, const char *suffix = nullptr)
    {
        if (!std::isfinite(value))
            return;
        m_text += m_name;
        if (suffix)
            m_text += suffix;
        if (!labels.isEmpty()) {
            m_text += '{';
            m_text += labels;
            m_text += '}';
        }
        m_text += ' ';
        // Seventeen significant digits would round-trip; nine keep pages
        // small and are finer than anything Umbra measures.
        m_text += QByteArray::number(value, 'g', 9);
        m_text += '\n';
    }

    QByteArray take() { return std::move(m_text); }

private:
    QByteArray m_text;
    QByteArray m_name;
};

double ratio(double percent)
{
    return percent / 100.0;
}

// Seconds from the report until a crossing; NaN when none is forecast.
double secondsUntil(const std::optional<qint64> &atMs, qint64 fromMs)
{
    if (!atMs)
        return qQNaN();
    return std::max<qint64>(0, *atMs - fromMs) / 1000.0;
}

struct Entity
{
    QByteArray labels;
    const HealthReport *health;
    const QList<HorizonForecast> *forecasts;
};

void writeEntityFamilies(Page &page, const char *prefix, const QList<Entity> &entities)
{
    const auto name = [prefix](const char *rest) {
        QByteArray out(prefix);
        out.append(rest);
        return out;
    };
    const auto scored = [](const Entity &e) { return e.health->atMs > 0; };

    page.family(name("_health_score"), "gauge",
                "Health score, 0 (failing) to 100 (nothing deducted).");
    for (const Entity &e : entities)
        if (scored(e))
            page.sample(e.labels, e.health->health.score);

    page.family(name("_health_deduction_points"), "gauge",
                "Points a factor deducted from the health score; factors that "
                "deduct nothing are absent.");
    for (const Entity &e : entities)
        for (const Predict::HealthFactor &factor : e.health->health.breakdown)
            page.sample(e.labels + ',' + label("factor", factor.id), factor.points);

    page.family(name("_unhealthy"), "gauge", "1 when the health score is below the threshold.");
    for (const Entity &e : entities)
        if (scored(e))
            page.sample(e.labels, e.health->health.unhealthyNow ? 1 : 0);

    page.family(name("_cpu_usage_ratio"), "gauge", "CPU in use, of capacity (0..1).");
    for (const Entity &e : entities)
        if (scored(e))
            page.sample(e.labels, ratio(e.health->cpuPercent));

    page.family(name("_memory_usage_ratio"), "gauge", "Memory in use, of capacity (0..1).");
    for (const Entity &e : entities)
        if (scored(e))
            page.sample(e.labels, ratio(e.health->memoryPercent));

    page.family(name("_anomaly_score"), "gauge",
                "Score of the open anomaly (0..1); absent when none is open.");
    for (const Entity &e : entities)
        if (scored(e))
            page.sample(e.labels, e.health->anomalyScore);

    // A crossing by the point forecast, or by the 95 % band's earliest.
    const auto saturation
        = [&](const char *suffix, const char *help, std::optional<qint64> Predict::Crossing::*at) {
              page.family(name(suffix), "gauge", help);
              for (const Entity &e : entities) {
                  if (!scored(e))
                      continue;
                  page.sample(e.labels + ",resource=\"cpu\"",
                              secondsUntil(e.health->cpuCrossing.*at, e.health->atMs));
                  page.sample(e.labels + ",resource=\"memory\"",
                              secondsUntil(e.health->memoryCrossing.*at, e.health->atMs));
              }
          };
    saturation("_saturation_seconds",
               "Forecast time until the resource reaches 100 %, by the point "
               "forecast; absent when not within the forecast horizon.",
               &Predict::Crossing::pointMs);
    saturation("_saturation_earliest_seconds",
               "Forecast time until the resource may reach 100 %, by the upper "
               "95 % band; absent when not within the forecast horizon.",
               &Predict::Crossing::earliestMs);

    const auto forecastLabels = [](const Entity &e, const HorizonForecast &f) {
        QByteArray out = e.labels;
        out.append(',').append(label("resource", f.metric));
        out.append(",horizon=\"").append(horizonName(f.horizonSeconds)).append('"');
        return out;
    };
    page.family(name("_forecast_ratio"), "gauge",
                "Point forecast of use, of capacity (0..1), at a horizon from now.");
    for (const Entity &e : entities)
        for (const HorizonForecast &f : *e.forecasts)
            page.sample(forecastLabels(e, f), ratio(f.step.point));
    const auto band = [&](const char *suffix, const char *help, double Predict::ForecastStep::*at80,
                          double Predict::ForecastStep::*at95) {
        page.family(name(suffix), "gauge", help);
        for (const Entity &e : entities)
            for (const HorizonForecast &f : *e.forecasts) {
                const QByteArray labels = forecastLabels(e, f);
                page.sample(labels + ",band=\"80\"", ratio(f.step.*at80));
                page.sample(labels + ",band=\"95\"", ratio(f.step.*at95));
            }
    };
    band("_forecast_lower_ratio",
         "Lower bound of the forecast's 80 or 95 % band, of capacity (0..1).",
         &Predict::ForecastStep::lower80, &Predict::ForecastStep::lower95);
    band("_forecast_upper_ratio",
         "Upper bound of the forecast's 80 or 95 % band, of capacity (0..1).",
         &Predict::ForecastStep::upper80, &Predict::ForecastStep::upper95);
}

QByteArray stateName(HostState state)
{
    switch (state) {
    case HostState::Disconnected:
        return "disconnected";
    case HostState::Connecting:
        return "connecting";
    case HostState::Connected:
        return "connected";
    case HostState::Degraded:
        return "degraded";
    case HostState::Unreachable:
        return "unreachable";
    }
    return "unknown";
}

} // namespace

QByteArray renderExposition(const MetricsSnapshot &snapshot)
{
    // About 4 KB a VM with forecasts: reserving once avoids regrowing a
    // multi-megabyte page a few dozen times.
    Page page(4096 * (snapshot.vms.size() + snapshot.hosts.size()) + 8192);

    QList<Entity> hosts;
    hosts.reserve(snapshot.hosts.size());
    for (const HostMetrics &host : snapshot.hosts)
        hosts.append({ joined({ label("host", host.name), label("uri", host.uri) }), &host.health,
                       &host.forecasts });
    QList<Entity> vms;
    vms.reserve(snapshot.vms.size());
    for (const VmMetrics &vm : snapshot.vms)
        vms.append(
            { joined({ label("host", vm.host), label("vm", vm.name), label("uuid", vm.uuid) }),
              &vm.health, &vm.forecasts });

    writeEntityFamilies(page, "umbra_vm", vms);
    writeEntityFamilies(page, "umbra_host", hosts);

    page.family("umbra_host_failure_risk_ratio", "gauge",
                "Probability (0..1) that the host fails within 30 days.");
    for (int i = 0; i < snapshot.hosts.size(); ++i)
        if (snapshot.hosts.at(i).riskAssessed)
            page.sample(hosts.at(i).labels, snapshot.hosts.at(i).risk.risk);
    page.family("umbra_host_failure_risk_factor_ratio", "gauge",
                "Share (0..1) of the host's failure risk owed to a factor; the "
                "three largest factors.");
    for (int i = 0; i < snapshot.hosts.size(); ++i) {
        const QList<Hardware::HostRiskFactor> &factors = snapshot.hosts.at(i).risk.breakdown;
        for (qsizetype f = 0; f < std::min<qsizetype>(3, factors.size()); ++f)
            page.sample(hosts.at(i).labels + ',' + label("factor", factors.at(f).id),
                        factors.at(f).share);
    }
    page.family("umbra_host_evacuation_advised", "gauge",
                "1 when failure prediction says the host's VMs should leave it now.");
    for (int i = 0; i < snapshot.hosts.size(); ++i)
        if (snapshot.hosts.at(i).riskAssessed)
            page.sample(hosts.at(i).labels, snapshot.hosts.at(i).risk.moveVms ? 1 : 0);

    page.family("umbra_host_collector_state", "gauge",
                "1 for the state the host's collector is in, 0 for the others.");
    const HostState states[]
        = { HostState::Disconnected, HostState::Connecting, HostState::Connected,
            HostState::Degraded, HostState::Unreachable };
    for (int i = 0; i < snapshot.hosts.size(); ++i)
        for (HostState state : states)
            page.sample(hosts.at(i).labels + ",state=\"" + stateName(state) + '"',
                        snapshot.hosts.at(i).state == state ? 1 : 0);
    page.family("umbra_host_last_collection_timestamp_seconds", "gauge",
                "When the host's usage was last collected, in seconds since the epoch.");
    for (int i = 0; i < snapshot.hosts.size(); ++i)
        if (snapshot.hosts.at(i).lastSampleMs > 0)
            page.sample(hosts.at(i).labels, snapshot.hosts.at(i).lastSampleMs / 1000.0);
    page.family("umbra_host_collection_duration_seconds", "gauge",
                "How long the host's last collection took.");
    for (int i = 0; i < snapshot.hosts.size(); ++i)
        page.sample(hosts.at(i).labels, snapshot.hosts.at(i).collectionSeconds);
    page.family("umbra_host_vms", "gauge", "VMs defined on the host.");
    for (int i = 0; i < snapshot.hosts.size(); ++i)
        page.sample(hosts.at(i).labels, snapshot.hosts.at(i).vms);

    page.family("umbra_plans", "gauge",
                "Plans in the journal (migrations, traffic shifts, shadows, "
                "policy proposals) by kind and state.");
    for (const PlanCount &count : snapshot.plans)
        page.sample(joined({ label("kind", count.kind), label("state", count.state) }),
                    count.count);
    page.family("umbra_shadows", "gauge", "Shadow replicas by state.");
    for (const auto &[state, count] : snapshot.shadows)
        page.sample(label("state", state), count);
    page.family("umbra_migrations_running", "gauge", "Live migrations in progress.");
    page.sample({}, snapshot.migrationsRunning);
    page.family("umbra_traffic_actions_running", "gauge",
                "Traffic shifts, drains and restores in progress.");
    page.sample({}, snapshot.trafficActionsRunning);

    page.family("umbra_store_size_bytes", "gauge",
                "Size of the database with its write-ahead log.");
    page.sample({}, snapshot.storeBytes >= 0 ? double(snapshot.storeBytes) : qQNaN());
    page.family("umbra_modelled_entities", "gauge", "VMs and hosts with demand models.");
    page.sample({}, snapshot.modelledEntities);
    page.family("umbra_exposition_render_duration_seconds", "gauge",
                "How long rendering the previous /metrics snapshot took.");
    page.sample({}, snapshot.lastRenderSeconds);
    page.family("umbra_snapshot_timestamp_seconds", "gauge",
                "When this page's figures were taken, in seconds since the epoch.");
    page.sample({}, snapshot.atMs / 1000.0);
    page.family("umbra_build_info", "gauge", "Umbra's version, as a label; always 1.");
    page.sample(label("version", snapshot.version), 1);
    return page.take();
}

} // namespace Umbra::Metrics
