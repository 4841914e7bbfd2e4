#include "collect/hostsession.h"

#include "collect/credentialprovider.h"
#include "collect/inventoryreader.h"
#include "collect/libvirteventloop.h"
#include "collect/sharedconnection.h"
#include "collect/tlsdiagnosis.h"
#include "fleet/hosturi.h"
#include "util/handover.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QLoggingCategory>
#include <QMutex>
#include <QPointer>
#include <QRandomGenerator>
#include <QSet>
#include <algorithm>
#include <cerrno>
#include <cstring>
#include <libvirt/virterror.h>

Q_LOGGING_CATEGORY(lcSession, "umbra.collect.session", QtInfoMsg)

namespace Umbra {

// libvirt calls back on its event-loop thread with an opaque pointer that may
// outlive the session. The context is shared with those callbacks; the session
// clears `session` under the mutex before it dies, so a callback either posts
// to a live session (Qt drops posted events of a deleted object) or to nobody.
struct SessionCallbackContext
{
    QMutex mutex;
    HostSession *session = nullptr;

    template<typename Function> static void post(void *opaque, Function function)
    {
        HandOver::take(opaque);
        auto context = *static_cast<std::shared_ptr<SessionCallbackContext> *>(opaque);
        QMutexLocker locker(&context->mutex);
        if (HostSession *session = context->session)
            QMetaObject::invokeMethod(
                session, [session, function] { function(session); }, Qt::QueuedConnection);
    }

    static void freeOpaque(void *opaque)
    {
        HandOver::take(opaque);
        delete static_cast<std::shared_ptr<SessionCallbackContext> *>(opaque);
    }

    static int lifecycle(virConnectPtr, virDomainPtr domain, int event, int detail, void *opaque)
    {
        char uuid[VIR_UUID_STRING_BUFLEN];
        if (virDomainGetUUIDString(domain, uuid) < 0)
            return 0;
        const QString id = QString::fromLatin1(uuid);
        post(opaque, [id, event, detail](HostSession *session) {
            session->handleLifecycleEvent(id, event, detail);
        });
        return 0;
    }

    static int ioError(virConnectPtr, virDomainPtr domain, const char *srcPath,
                       const char *devAlias, int action, const char *reason, void *opaque)
    {
        char uuid[VIR_UUID_STRING_BUFLEN];
        if (virDomainGetUUIDString(domain, uuid) < 0)
            return 0;
        const QString id = QString::fromLatin1(uuid);
        const QString device = QString::fromUtf8(devAlias ? devAlias : srcPath ? srcPath : "");
        const QString why = QString::fromUtf8(reason ? reason : "");
        post(opaque, [id, device, why, action](HostSession *session) {
            session->handleIoError(id, device, why, action);
        });
        return 0;
    }

    static void memoryFailure(virConnectPtr, virDomainPtr domain, int recipient, int action,
                              unsigned int flags, void *opaque)
    {
        char uuid[VIR_UUID_STRING_BUFLEN];
        if (virDomainGetUUIDString(domain, uuid) < 0)
            return;
        const QString id = QString::fromLatin1(uuid);
        post(opaque, [id, recipient, action, flags](HostSession *session) {
            session->handleMemoryFailure(id, recipient, action, flags);
        });
    }

    static void closed(virConnectPtr, int reason, void *opaque)
    {
        post(opaque, [reason](HostSession *session) { session->handleConnectionClosed(reason); });
    }
};

namespace {

// lupdate and the runtime must agree on the context of these strings.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Umbra::HostSession)
};

QString closeReasonText(int reason)
{
    switch (reason) {
    case VIR_CONNECT_CLOSE_REASON_ERROR:
        return Tr::tr("the connection failed");
    case VIR_CONNECT_CLOSE_REASON_EOF:
        return Tr::tr("the host closed the connection");
    case VIR_CONNECT_CLOSE_REASON_KEEPALIVE:
        return Tr::tr("the host stopped answering keepalives");
    default:
        return Tr::tr("the connection was closed");
    }
}

QString lifecycleText(int event)
{
    switch (event) {
    case VIR_DOMAIN_EVENT_DEFINED:
        return Tr::tr("defined");
    case VIR_DOMAIN_EVENT_UNDEFINED:
        return Tr::tr("undefined");
    case VIR_DOMAIN_EVENT_STARTED:
        return Tr::tr("started");
    case VIR_DOMAIN_EVENT_SUSPENDED:
        return Tr::tr("suspended");
    case VIR_DOMAIN_EVENT_RESUMED:
        return Tr::tr("resumed");
    case VIR_DOMAIN_EVENT_STOPPED:
        return Tr::tr("stopped");
    case VIR_DOMAIN_EVENT_SHUTDOWN:
        return Tr::tr("shut down");
    case VIR_DOMAIN_EVENT_PMSUSPENDED:
        return Tr::tr("suspended by the guest");
    case VIR_DOMAIN_EVENT_CRASHED:
        return Tr::tr("crashed");
    default:
        return Tr::tr("changed");
    }
}

} // namespace

HostSession::HostSession(const HostConfig &config, const Options &options,
                         CredentialProvider *credentials, std::unique_ptr<StatsSource> source,
                         QObject *parent)
    : QObject(parent)
    , m_config(config)
    , m_options(options)
    , m_credentials(credentials)
    , m_context(std::make_shared<SessionCallbackContext>())
{
    m_context->session = this;
    m_source = source ? std::move(source) : std::make_unique<LibvirtStatsSource>();
    m_status.uri = config.uri;
    m_clock.start();
}

HostSession::~HostSession()
{
    {
        QMutexLocker locker(&m_context->mutex);
        m_context->session = nullptr;
    }
    closeConnection();
}

void HostSession::start()
{
    LibvirtEventLoop::ensureRunning();
    if (!m_collectTimer) {
        m_collectTimer = new QTimer(this);
        m_collectTimer->setTimerType(Qt::PreciseTimer);
        connect(m_collectTimer, &QTimer::timeout, this, &HostSession::collect);
        m_retryTimer = new QTimer(this);
        m_retryTimer->setSingleShot(true);
        connect(m_retryTimer, &QTimer::timeout, this, &HostSession::openConnection);
    }
    m_stopped = false;
    openConnection();
}

void HostSession::stop()
{
    m_stopped = true;
    if (m_collectTimer) {
        m_collectTimer->stop();
        m_retryTimer->stop();
    }
    closeConnection();
    setState(HostState::Disconnected);
}

void HostSession::setIntervalMs(int intervalMs)
{
    m_options.intervalMs = std::max(100, intervalMs);
    if (m_collectTimer && m_collectTimer->isActive())
        m_collectTimer->start(m_options.intervalMs);
}

void HostSession::collectNow()
{
    collect();
}

int HostSession::authCallback(virConnectCredentialPtr cred, unsigned int ncred, void *opaque)
{
    auto *session = static_cast<HostSession *>(opaque);
    if (!session->m_credentials)
        return -1;

    CredentialRequest request;
    request.uri = session->m_config.uri;
    for (unsigned int i = 0; i < ncred; ++i) {
        CredentialField field;
        field.type = cred[i].type;
        field.prompt = QString::fromUtf8(cred[i].prompt ? cred[i].prompt : "");
        field.challenge = QString::fromUtf8(cred[i].challenge ? cred[i].challenge : "");
        field.defaultResult = QString::fromUtf8(cred[i].defresult ? cred[i].defresult : "");
        field.secret = cred[i].type == VIR_CRED_PASSPHRASE || cred[i].type == VIR_CRED_NOECHOPROMPT;
        request.fields.append(field);
    }
    if (!session->m_credentials->provide(request))
        return -1;
    session->m_answeredCredentials = true;
    for (unsigned int i = 0; i < ncred; ++i) {
        const QByteArray answer = request.fields[int(i)].result.toUtf8();
        cred[i].result = strdup(answer.constData());
        cred[i].resultlen = unsigned(answer.size());
    }
    return 0;
}

namespace {

// Whether libvirt's error is the host refusing the connection: nothing
// listens on its port (ECONNREFUSED) or at its socket path (ENOENT).
bool refusedByHost(const virError *error)
{
    return error && error->code == VIR_ERR_SYSTEM_ERROR
        && (error->int1 == ECONNREFUSED || error->int1 == ENOENT);
}

} // namespace

void HostSession::openConnection()
{
    if (m_stopped || m_connection)
        return;
    setState(HostState::Connecting);

    int credentialTypes[]
        = { VIR_CRED_AUTHNAME,     VIR_CRED_USERNAME, VIR_CRED_PASSPHRASE, VIR_CRED_ECHOPROMPT,
            VIR_CRED_NOECHOPROMPT, VIR_CRED_REALM,    VIR_CRED_CNONCE };
    virConnectAuth auth{ credentialTypes, int(std::size(credentialTypes)), &authCallback, this };

    // May block for as long as the network takes; this is the session's own thread.
    m_answeredCredentials = false;
    m_connection = SharedConnection::open(m_config.uri, &auth);
    if (!m_connection) {
        const virError *error = virGetLastError();
        const bool refused = refusedByHost(error);
        QString reason = InventoryReader::lastLibvirtError();
        if (error && error->code == VIR_ERR_AUTH_FAILED) {
            if (m_answeredCredentials)
                m_credentials->rejected(m_config.uri);
            // libvirt keeps the certificate's actual problem to its log.
            if (reason.contains(QLatin1String("certificate"), Qt::CaseInsensitive))
                if (const QString why = TlsDiagnosis::explain(m_config.uri); !why.isEmpty())
                    reason += QStringLiteral(": ") + why;
        }
        scheduleReconnect(reason, refused);
        return;
    }
    if (m_answeredCredentials)
        m_credentials->accepted(m_config.uri);

    // Keepalive only applies to remote connections; 1 means "not supported here".
    if (virConnectSetKeepAlive(m_connection, m_options.keepAliveIntervalS, m_options.keepAliveCount)
        < 0)
        qCDebug(lcSession) << m_config.uri << "keepalive:" << InventoryReader::lastLibvirtError();

    // Each callback is given its own reference to the context; libvirt frees
    // it with freeOpaque when the callback is removed.
    auto opaque = [this] {
        auto *reference = new std::shared_ptr<SessionCallbackContext>(m_context);
        HandOver::give(reference);
        return reference;
    };
    // libvirt's test driver accepts a close callback without keeping it (it
    // never closes by itself), so it would never free what it was given.
    if (!HostUri::isTestDriver(m_config.uri)
        && virConnectRegisterCloseCallback(m_connection, &SessionCallbackContext::closed, opaque(),
                                           &SessionCallbackContext::freeOpaque)
            == 0)
        m_closeCallbackRegistered = true;
    m_lifecycleCallbackId = virConnectDomainEventRegisterAny(
        m_connection, nullptr, VIR_DOMAIN_EVENT_ID_LIFECYCLE,
        VIR_DOMAIN_EVENT_CALLBACK(&SessionCallbackContext::lifecycle), opaque(),
        &SessionCallbackContext::freeOpaque);
    // Disk errors inside a guest: a signal of trouble the health score counts.
    m_ioErrorCallbackId = virConnectDomainEventRegisterAny(
        m_connection, nullptr, VIR_DOMAIN_EVENT_ID_IO_ERROR_REASON,
        VIR_DOMAIN_EVENT_CALLBACK(&SessionCallbackContext::ioError), opaque(),
        &SessionCallbackContext::freeOpaque);
    // Hardware memory errors that reached a guest: the host's failure risk counts them.
    m_memoryFailureCallbackId = virConnectDomainEventRegisterAny(
        m_connection, nullptr, VIR_DOMAIN_EVENT_ID_MEMORY_FAILURE,
        VIR_DOMAIN_EVENT_CALLBACK(&SessionCallbackContext::memoryFailure), opaque(),
        &SessionCallbackContext::freeOpaque);
    virResetLastError();

    auto host = InventoryReader::readHost(m_connection, m_config.uri);
    auto vms = host ? InventoryReader::readAllDomains(m_connection)
                    : Result<QList<VmInfo>>(Error{ host.error() });
    if (!host || !vms) {
        const QString error = host ? vms.error() : host.error();
        closeConnection();
        scheduleReconnect(error);
        return;
    }

    m_hostInfo = host.value();
    m_vms.clear();
    for (const VmInfo &vm : vms.value())
        m_vms.insert(vm.uuid, vm);
    m_rates.clear();

    const bool wasRetrying = m_status.failedAttempts > 0;
    m_status.failedAttempts = 0;
    setState(HostState::Connected);
    logEvent(EventRecord::Severity::Info, QStringLiteral("host.connected"),
             wasRetrying ? Tr::tr("Reconnected to %1 (%2 VMs)").arg(m_config.uri).arg(m_vms.size())
                         : Tr::tr("Connected to %1 (%2 VMs)").arg(m_config.uri).arg(m_vms.size()));
    Q_EMIT hostInfoChanged(m_hostInfo);
    Q_EMIT inventoryReset(m_config.uri, vms.value());

    collect(); // a baseline right away, so the first rates arrive one interval later
    m_collectTimer->start(m_options.intervalMs);
}

void HostSession::closeConnection()
{
    if (m_collectTimer)
        m_collectTimer->stop();
    if (!m_connection)
        return;
    if (m_lifecycleCallbackId >= 0)
        virConnectDomainEventDeregisterAny(m_connection, m_lifecycleCallbackId);
    if (m_ioErrorCallbackId >= 0)
        virConnectDomainEventDeregisterAny(m_connection, m_ioErrorCallbackId);
    m_ioErrorCallbackId = -1;
    if (m_memoryFailureCallbackId >= 0)
        virConnectDomainEventDeregisterAny(m_connection, m_memoryFailureCallbackId);
    m_memoryFailureCallbackId = -1;
    if (m_closeCallbackRegistered)
        virConnectUnregisterCloseCallback(m_connection, &SessionCallbackContext::closed);
    m_lifecycleCallbackId = -1;
    m_closeCallbackRegistered = false;
    SharedConnection::close(m_connection);
    m_connection = nullptr;
    m_rates.clear();
}

void HostSession::scheduleReconnect(const QString &error, bool refused)
{
    if (m_stopped)
        return;
    ++m_status.failedAttempts;
    // Exponential backoff spares a host that is down or overloaded. A
    // refused connection is different: the machine is up and its daemon is
    // restarting, which takes seconds, so knocking at the first interval
    // finds it back within one, where the backoff would leave a gap as long
    // again as the outage. ±10 % jitter, so hosts that dropped together (a
    // switch reboot) do not all knock again in the same millisecond.
    const int exponent = refused ? 0 : std::min(m_status.failedAttempts - 1, 16);
    qint64 delay
        = std::min<qint64>(qint64(m_options.initialRetryMs) << exponent, m_options.maxRetryMs);
    delay += qint64(double(delay) * (QRandomGenerator::global()->generateDouble() - 0.5) * 0.2);
    m_status.nextRetry = QDateTime::currentDateTimeUtc().addMSecs(delay);

    // Said once per outage and again only when the reason changes: between
    // attempts the state is Connecting, but the last error stays.
    const bool firstFailure = m_status.failedAttempts == 1 || m_status.lastError != error;
    setState(HostState::Unreachable, error);
    if (firstFailure)
        logEvent(EventRecord::Severity::Error, QStringLiteral("host.unreachable"),
                 Tr::tr("%1 is unreachable: %2").arg(m_config.uri, error));
    m_retryTimer->start(int(delay));
}

void HostSession::setState(HostState state, const QString &error)
{
    const bool changed = m_status.state != state || m_status.lastError != error;
    if (m_status.state != state)
        m_status.since = QDateTime::currentDateTimeUtc();
    m_status.state = state;
    if (!error.isEmpty() || state == HostState::Connected)
        m_status.lastError = error;
    if (state != HostState::Unreachable)
        m_status.nextRetry = QDateTime();
    if (changed)
        Q_EMIT statusChanged(m_status);
}

void HostSession::logEvent(EventRecord::Severity severity, const QString &kind,
                           const QString &message, const QString &vmUuid)
{
    EventRecord event;
    event.timestampMs = QDateTime::currentMSecsSinceEpoch();
    event.severity = severity;
    event.kind = kind;
    event.hostUri = m_config.uri;
    event.vmUuid = vmUuid;
    event.message = message;
    Q_EMIT eventLogged(event);
}

void HostSession::setSource(std::unique_ptr<StatsSource> source)
{
    m_source = source ? std::move(source) : std::make_unique<LibvirtStatsSource>();
    m_rates.clear();
}

void HostSession::collect()
{
    if (!m_connection)
        return;
    const qint64 wallMs = QDateTime::currentMSecsSinceEpoch();
    const qint64 monotonicNs = m_clock.nsecsElapsed();

    auto domains = m_source->collectDomains(m_connection, m_vms, wallMs);
    if (!domains) {
        if (virConnectIsAlive(m_connection) != 1) {
            closeConnection();
            scheduleReconnect(domains.error());
        } else {
            if (m_status.state != HostState::Degraded)
                logEvent(EventRecord::Severity::Warning, QStringLiteral("host.degraded"),
                         domains.error());
            setState(HostState::Degraded, domains.error());
        }
        return;
    }

    QList<VmSample> samples;
    samples.reserve(domains->size());
    int active = 0;
    for (const DomainCounters &counters : domains.value()) {
        auto known = m_vms.find(counters.uuid);
        if (known == m_vms.end() || known->state != counters.state) {
            // An event we missed (or that races this poll): refresh this VM only.
            virDomainPtr domain
                = virDomainLookupByUUIDString(m_connection, counters.uuid.toLatin1().constData());
            if (domain) {
                if (auto vm = InventoryReader::readDomain(domain)) {
                    m_vms.insert(vm->uuid, vm.value());
                    Q_EMIT vmChanged(m_config.uri, vm.value());
                }
                virDomainFree(domain);
            }
            virResetLastError();
        }
        if (vmStateIsActive(counters.state))
            ++active;
        samples.append(m_rates.update(counters, monotonicNs, wallMs, m_hostInfo.cpus));
    }
    // A source may leave out a running VM it has nothing new on (a
    // Prometheus scrape not yet repeated); it still runs.
    if (domains->size() < m_vms.size()) {
        QSet<QString> reported;
        for (const DomainCounters &counters : domains.value())
            reported.insert(counters.uuid);
        for (const VmInfo &vm : std::as_const(m_vms))
            if (!reported.contains(vm.uuid) && vmStateIsActive(vm.state))
                ++active;
    }

    auto node = m_source->collectNode(m_connection, m_hostInfo.cpus, m_hostInfo.memoryKiB, wallMs);
    HostSample hostSample;
    if (node)
        hostSample = m_rates.updateHost(m_config.uri, node.value(), monotonicNs, wallMs, active);
    else {
        hostSample.uri = m_config.uri;
        hostSample.timestampMs = wallMs;
        hostSample.activeVms = active;
    }

    hostSample.collectionSeconds = double(m_clock.nsecsElapsed() - monotonicNs) / 1e9;
    if (const QString warning = m_source->takeWarning(); !warning.isEmpty()) {
        // Done in part (some figures are gaps): said once, until it changes.
        if (m_status.state != HostState::Degraded || m_status.lastError != warning)
            logEvent(EventRecord::Severity::Warning, QStringLiteral("host.degraded"), warning);
        setState(HostState::Degraded, warning);
    } else if (m_status.state == HostState::Degraded) {
        setState(HostState::Connected);
    }
    Q_EMIT samplesCollected(hostSample, samples);
}

void HostSession::handleIoError(const QString &uuid, const QString &device, const QString &reason,
                                int action)
{
    const QString name = m_vms.value(uuid).name.isEmpty() ? uuid : m_vms.value(uuid).name;
    const QString what = action == VIR_DOMAIN_EVENT_IO_ERROR_PAUSE ? Tr::tr("the guest was paused")
        : action == VIR_DOMAIN_EVENT_IO_ERROR_REPORT               ? Tr::tr("reported to the guest")
                                                                   : Tr::tr("ignored");
    logEvent(EventRecord::Severity::Error, QStringLiteral("vm.io_error"),
             Tr::tr("I/O error on %1 (%2): %3; %4")
                 .arg(name, device, reason.isEmpty() ? Tr::tr("no reason given") : reason, what),
             uuid);
}

void HostSession::handleMemoryFailure(const QString &uuid, int recipient, int action,
                                      unsigned int flags)
{
    const QString name = m_vms.value(uuid).name.isEmpty() ? uuid : m_vms.value(uuid).name;
    const QString who = recipient == VIR_DOMAIN_EVENT_MEMORY_FAILURE_RECIPIENT_GUEST
        ? Tr::tr("the guest")
        : Tr::tr("the hypervisor");
    const QString what = action == VIR_DOMAIN_EVENT_MEMORY_FAILURE_ACTION_INJECT
        ? Tr::tr("the error was passed to the guest")
        : action == VIR_DOMAIN_EVENT_MEMORY_FAILURE_ACTION_FATAL ? Tr::tr("it was fatal")
        : action == VIR_DOMAIN_EVENT_MEMORY_FAILURE_ACTION_RESET ? Tr::tr("the guest was reset")
                                                                 : Tr::tr("it was ignored");
    // Action-required errors hit memory the guest was using at that moment.
    const QString message = flags & VIR_DOMAIN_MEMORY_FAILURE_ACTION_REQUIRED
        ? Tr::tr("Hardware memory error in memory %1 was using, handled by %2: %3")
        : Tr::tr("Hardware memory error in %1, handled by %2: %3");
    logEvent(EventRecord::Severity::Error, QStringLiteral("vm.memory_failure"),
             message.arg(name, who, what), uuid);
}

void HostSession::handleLifecycleEvent(const QString &uuid, int event, int detail)
{
    Q_UNUSED(detail);
    if (!m_connection)
        return;
    const QString previousName = m_vms.value(uuid).name;
    virDomainPtr domain = virDomainLookupByUUIDString(m_connection, uuid.toLatin1().constData());
    if (!domain) {
        // Undefined, or a transient domain that stopped: it no longer exists.
        virResetLastError();
        if (m_vms.remove(uuid)) {
            m_rates.forget(uuid);
            logEvent(EventRecord::Severity::Info, QStringLiteral("vm.removed"),
                     Tr::tr("%1 was %2 and is gone from %3")
                         .arg(previousName, lifecycleText(event), m_config.uri),
                     uuid);
            Q_EMIT vmRemoved(m_config.uri, uuid);
        }
        return;
    }
    auto vm = InventoryReader::readDomain(domain);
    virDomainFree(domain);
    if (!vm) {
        logEvent(EventRecord::Severity::Warning, QStringLiteral("vm.unreadable"), vm.error(), uuid);
        return;
    }
    m_vms.insert(uuid, vm.value());
    const auto severity = event == VIR_DOMAIN_EVENT_CRASHED ? EventRecord::Severity::Error
                                                            : EventRecord::Severity::Info;
    logEvent(severity, QStringLiteral("vm.state"),
             Tr::tr("%1 %2 (now %3)").arg(vm->name, lifecycleText(event), vmStateName(vm->state)),
             uuid);
    Q_EMIT vmChanged(m_config.uri, vm.value());
}

void HostSession::reconnectNow()
{
    if (m_stopped)
        return;
    m_retryTimer->stop();
    if (m_credentials)
        m_credentials->askAgain(m_config.uri);
    logEvent(EventRecord::Severity::Info, QStringLiteral("host.reconnect"),
             Tr::tr("Reconnecting to %1 now, as asked").arg(m_config.uri));
    // A test-driver fleet lives as long as its connection: held across the
    // reconnection, its VMs stay as they are instead of reloading the file.
    virConnectPtr keep = HostUri::isTestDriver(m_config.uri) && m_connection
        ? SharedConnection::open(m_config.uri)
        : nullptr;
    closeConnection();
    openConnection();
    if (keep)
        SharedConnection::close(keep);
}

void HostSession::refreshVm(const QString &uuid)
{
    if (!m_connection)
        return;
    virDomainPtr domain = virDomainLookupByUUIDString(m_connection, uuid.toLatin1().constData());
    if (!domain) {
        virResetLastError();
        return; // gone: its lifecycle event says so
    }
    auto vm = InventoryReader::readDomain(domain);
    virDomainFree(domain);
    if (!vm || m_vms.value(uuid) == vm.value())
        return;
    m_vms.insert(uuid, vm.value());
    Q_EMIT vmChanged(m_config.uri, vm.value());
}

void HostSession::handleConnectionClosed(int reason)
{
    if (!m_connection)
        return;
    closeConnection();
    scheduleReconnect(closeReasonText(reason));
}

} // namespace Umbra
