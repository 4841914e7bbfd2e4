#pragma once

#include "collect/ratecalculator.h"
#include "collect/sessionoptions.h"
#include "collect/statssource.h"
#include "fleet/eventrecord.h"
#include "fleet/hostinfo.h"
#include "fleet/samples.h"
#include "fleet/vminfo.h"

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QTimer>
#include <libvirt/libvirt.h>
#include <memory>

namespace Umbra {

class CredentialProvider;
struct SessionCallbackContext;

// The connection to one libvirt host. Lives on its own thread (see
// HostSessionThread) so a slow or dead host never stalls another or the UI:
// open with auth, keepalive, reconnect with exponential backoff, lifecycle
// events, and one bulk stats call per interval.
class HostSession : public QObject
{
    Q_OBJECT

public:
    using Options = SessionOptions;

    // `source` supplies the counters; without one the session asks libvirt.
    // (The demo passes its simulated workloads from above this layer.)
    HostSession(const HostConfig &config, const Options &options,
                CredentialProvider *credentials = nullptr, std::unique_ptr<StatsSource> source = {},
                QObject *parent = nullptr);
    ~HostSession() override;

    QString uri() const { return m_config.uri; }

    // Slots below are meant to be invoked queued, on the session's thread.
    Q_INVOKABLE void start();
    Q_INVOKABLE void stop();
    Q_INVOKABLE void setIntervalMs(int intervalMs);
    Q_INVOKABLE void collectNow();
    // Reads one VM again (after an action that raises no lifecycle event,
    // such as its autostart) and tells vmChanged() when it differs.
    Q_INVOKABLE void refreshVm(const QString &uuid);
    // Drops the connection and opens it again at once, without waiting for
    // the backoff: the operator's "Reconnect now".
    Q_INVOKABLE void reconnectNow();
    // Where counters come from from now on; on the session's thread. Rates
    // start afresh: readings of two sources are not timed alike.
    void setSource(std::unique_ptr<StatsSource> source);

Q_SIGNALS:
    void statusChanged(const Umbra::HostStatus &status);
    void hostInfoChanged(const Umbra::HostInfo &info);
    // The full inventory, after each (re)connect.
    void inventoryReset(const QString &uri, const QList<Umbra::VmInfo> &vms);
    // One VM appeared or changed, from a lifecycle event.
    void vmChanged(const QString &uri, const Umbra::VmInfo &vm);
    void vmRemoved(const QString &uri, const QString &uuid);
    void samplesCollected(const Umbra::HostSample &host, const QList<Umbra::VmSample> &vms);
    void eventLogged(const Umbra::EventRecord &event);

private:
    friend struct SessionCallbackContext;

    void openConnection();
    void closeConnection();
    // `refused`: the host's kernel answered that nothing listens (its
    // libvirtd is restarting or stopped), so trying again costs it nothing.
    void scheduleReconnect(const QString &error, bool refused = false);
    void setState(HostState state, const QString &error = {});
    void logEvent(EventRecord::Severity severity, const QString &kind, const QString &message,
                  const QString &vmUuid = {});
    void collect();
    void handleLifecycleEvent(const QString &uuid, int event, int detail);
    void handleIoError(const QString &uuid, const QString &device, const QString &reason,
                       int action);
    void handleMemoryFailure(const QString &uuid, int recipient, int action, unsigned int flags);
    void handleConnectionClosed(int reason);
    static int authCallback(virConnectCredentialPtr cred, unsigned int ncred, void *opaque);

    HostConfig m_config;
    Options m_options;
    CredentialProvider *m_credentials = nullptr;
    std::unique_ptr<StatsSource> m_source;
    std::shared_ptr<SessionCallbackContext> m_context;

    virConnectPtr m_connection = nullptr;
    int m_lifecycleCallbackId = -1;
    int m_ioErrorCallbackId = -1;
    int m_memoryFailureCallbackId = -1;
    bool m_closeCallbackRegistered = false;
    bool m_answeredCredentials = false; // during the open under way

    bool m_stopped = true;

    HostStatus m_status;
    HostInfo m_hostInfo;
    QHash<QString, VmInfo> m_vms;
    RateCalculator m_rates;
    QElapsedTimer m_clock;
    QTimer *m_collectTimer = nullptr;
    QTimer *m_retryTimer = nullptr;
};

} // namespace Umbra
