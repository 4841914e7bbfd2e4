#pragma once

#include "collect/sessionoptions.h"
#include "fleet/eventrecord.h"
#include "fleet/fleetstate.h"
#include "fleet/hostinfo.h"
#include "fleet/samples.h"
#include "fleet/vminfo.h"
#include "util/result.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>
#include <memory>

class QThread;
class QTimer;

namespace Umbra {

class StatsSource;

class CredentialProvider;
class HostSession;
class SessionCredentials;
class SecretStore;
class StoreWriter;

// The hosts Umbra watches: adds (validating the URI), removes and configures
// them, runs one session per host on a thread of its own and keeps the
// fleet's inventory (state()) up to date from what the sessions report.
// Samples, events and inventory go from each session straight to the store;
// everything else that listens to a session is connected at sessionStarted.
// Nothing here blocks on libvirt.
class FleetService : public QObject
{
    Q_OBJECT
    Q_MOC_INCLUDE("collect/hostsession.h")

public:
    explicit FleetService(QObject *parent = nullptr);
    ~FleetService() override;

    // The inventory, for reading and following.
    const FleetState *state() const { return m_state; }

    // Session settings, before start() (the interval also later).
    void setSessionOptions(const SessionOptions &options) { m_options = options; }
    const SessionOptions &sessionOptions() const { return m_options; }
    void setIntervalMs(int intervalMs);
    void setCredentialProvider(CredentialProvider *provider);
    // Where logins the operator chose to remember are kept (null: nowhere).
    void setSecretStore(SecretStore *secrets);

    // Takes the hosts an opened store holds, and persists changes through
    // `writer` from then on (null: the store closed).
    void open(StoreWriter *writer, const QList<HostConfig> &stored);
    // Starts a session for every host, and the silent-host watchdog.
    void start();
    // Stops every session, waiting a little for each. Idempotent.
    void shutdown();

    // Validates the URI, stores the host and starts its session.
    Result<void> addHost(const HostConfig &config);
    void removeHost(const QString &uri);
    // Puts the host in maintenance, or takes it out: stored with the host.
    Result<void> setMaintenance(const QString &uri, bool on);
    // Opens the host's connection again now, past any backoff.
    void reconnectHost(const QString &uri);
    // Reads one VM again, for what changes without a lifecycle event.
    void refreshVm(const QString &uri, const QString &uuid);
    // Where a host publishes its hardware health (a Prometheus node or
    // smartctl exporter, http or https); empty to stop reading it.
    Result<void> setExporterUrl(const QString &uri, const QString &url);
    // Reads the host's VM usage from this Prometheus server (which scrapes
    // its prometheus-libvirt-exporter) from the next collection on, or from
    // libvirt again when `url` is empty. Stored with the host.
    Result<void> setPrometheusUrl(const QString &uri, const QString &url);

    QList<HostConfig> hosts() const { return m_state->hosts(); }
    // Also with the credentials a URI may carry.
    bool hasHost(const QString &uri) const;
    bool isSimulated(const QString &uri) const { return m_state->config(uri).simulatedUsage; }
    HostStatus hostStatus(const QString &uri) const { return m_state->status(uri); }
    HostInfo hostInfo(const QString &uri) const { return m_state->info(uri); }
    QList<VmInfo> vms(const QString &uri) const { return m_state->vms(uri); }
    // A host's exporter URL as given, credentials included (config's has none).
    QString exporterUrl(const QString &uri) const;

Q_SIGNALS:
    void samplesCollected(const Umbra::HostSample &host, const QList<Umbra::VmSample> &vms);
    // An event a session logged, already on its way to the store.
    void sessionEventLogged(const Umbra::EventRecord &event);
    // A session, before its thread starts: connect what else hears from it.
    void sessionStarted(Umbra::HostSession *session);
    // Where a host's hardware readings come from changed, or its session
    // started: its exporter URL as given (empty for none).
    void hardwareSourceChanged(const Umbra::HostConfig &config, const QString &exporterUrl);
    // A session stuck connecting, once, while it keeps waiting; the status
    // (also announced by the state) says for how long.
    void hostSilent(const Umbra::HostStatus &status);

private:
    struct Session
    {
        QString exporterUrl; // as given, with any credentials; config's has none
        QPointer<QThread> thread; // deletes itself once finished
        HostSession *session = nullptr;
    };

    QHash<QString, Session>::iterator sessionOf(const QString &uri);
    // Writes the host's configuration to the store (on its thread).
    void store(const HostConfig &config);
    // A known host's new configuration: stored, and announced by the fleet.
    void keep(const HostConfig &config);
    void startSession(const HostConfig &config);
    static std::unique_ptr<StatsSource> sourceFor(const HostConfig &config);
    void stopSession(const QString &uri, Session &session);
    void checkSilentHosts();

    FleetState *m_state; // a child
    SessionOptions m_options;
    std::unique_ptr<SessionCredentials> m_credentials; // for the sessions' threads
    QHash<QString, Session> m_sessions; // by URI, one per host in the state
    // Threads of removed hosts, still finishing; each deletes itself when it
    // has, and shutdown waits for those that have not, beside the others.
    QList<QPointer<QThread>> m_retiring;
    StoreWriter *m_writer = nullptr;
    QTimer *m_watchdog = nullptr;
    bool m_started = false;
};

} // namespace Umbra
