#include "engine/fleetservice.h"

#include "collect/hostsession.h"
#include "collect/prometheusstatssource.h"
#include "collect/sessioncredentials.h"
#include "demo/simulatedstatssource.h"
#include "fleet/hosturi.h"
#include "store/storewriter.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QLoggingCategory>
#include <QThread>
#include <QTimer>
#include <QUrl>
#include <utility>

Q_LOGGING_CATEGORY(lcFleet, "umbra.engine")

namespace Umbra {

namespace {

// How long shutdown waits for a session stuck inside libvirt (a host that
// never answers) before leaving its thread behind.
constexpr int kShutdownWaitMs = 3000;

// An exporter URL as operators paste it: http(s), with a host.
Result<QString> validExporterUrl(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty())
        return QString();
    const QUrl url(trimmed, QUrl::StrictMode);
    if (!url.isValid() || url.host().isEmpty()
        || (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https")))
        return Error{ FleetService::tr(
                          "“%1” is not an exporter URL; expected e.g. http://host:9100/metrics.")
                          .arg(trimmed) };
    return url.toString();
}

} // namespace

FleetService::FleetService(QObject *parent)
    : QObject(parent)
    , m_state(new FleetState(this))
    , m_credentials(std::make_unique<SessionCredentials>())
{ }

FleetService::~FleetService()
{
    shutdown();
}

void FleetService::setIntervalMs(int intervalMs)
{
    m_options.intervalMs = intervalMs;
    for (const Session &session : std::as_const(m_sessions)) {
        if (session.session)
            QMetaObject::invokeMethod(session.session, "setIntervalMs", Qt::QueuedConnection,
                                      Q_ARG(int, intervalMs));
    }
}

void FleetService::setCredentialProvider(CredentialProvider *provider)
{
    m_credentials->setFallback(provider);
}

void FleetService::setSecretStore(SecretStore *secrets)
{
    m_credentials->setSecretStore(secrets);
}

void FleetService::open(StoreWriter *writer, const QList<HostConfig> &stored)
{
    m_writer = writer;
    for (const HostConfig &config : stored) {
        if (m_sessions.contains(config.uri))
            continue;
        m_sessions[config.uri].exporterUrl = config.exporterUrl;
        m_state->addHost(config);
    }
}

void FleetService::start()
{
    if (m_started)
        return;
    m_started = true;
    for (const QString &uri : m_state->uris())
        startSession(m_state->config(uri));
    if (!m_watchdog) {
        m_watchdog = new QTimer(this);
        m_watchdog->setInterval(std::clamp(m_options.connectWarningMs / 4, 100, 5000));
        connect(m_watchdog, &QTimer::timeout, this, &FleetService::checkSilentHosts);
    }
    m_watchdog->start();
}

void FleetService::shutdown()
{
    QDeadlineTimer deadline(kShutdownWaitMs);
    // Every session is told to stop before any is waited for, so that they
    // wind down side by side; removed hosts' threads may still be finishing.
    for (const QString &uri : m_state->uris()) {
        Session &session = m_sessions[uri];
        stopSession(uri, session);
        if (session.thread)
            m_retiring.append(std::exchange(session.thread, nullptr));
    }
    for (const QPointer<QThread> &thread : std::as_const(m_retiring)) {
        if (!thread)
            continue;
        if (thread->wait(deadline)) {
            delete thread.data();
        } else {
            // Stuck in a libvirt call that has no timeout: leave the thread to
            // finish on its own rather than hang the console's exit.
            qCWarning(lcFleet) << thread->objectName()
                               << "did not stop in time; leaving its thread behind";
        }
    }
    m_retiring.clear();
    m_started = false;
    if (m_watchdog)
        m_watchdog->stop();
    m_writer = nullptr;
}

Result<void> FleetService::addHost(const HostConfig &requested)
{
    if (!m_writer)
        return Error{ tr("Open a database before adding hosts.") };
    // A password in the URI serves this run's login and goes no further:
    // the fleet, the event log and the screen know the URI without it.
    auto uri = HostUri::validate(requested.uri);
    if (!uri)
        return Error{ uri.error() };
    auto exporter = validExporterUrl(requested.exporterUrl);
    if (!exporter)
        return Error{ exporter.error() };
    const QString password = HostUri::secret(requested.uri);
    if (!password.isEmpty())
        m_credentials->remember(uri.value(), QUrl(uri.value()).userName(), password);
    if (m_state->contains(uri.value())) {
        // A host remembered from an earlier run, given again with its
        // password (which is never stored): the login is what was new.
        if (!password.isEmpty())
            return {};
        return Error{ tr("%1 is already in the fleet.").arg(uri.value()) };
    }

    if (!requested.prometheusUrl.isEmpty())
        if (auto url = Prometheus::validServerUrl(requested.prometheusUrl); !url)
            return Error{ url.error() };
    HostConfig config = requested;
    config.uri = uri.value();
    config.exporterUrl = HostUri::withoutSecrets(exporter.value());
    m_sessions[config.uri].exporterUrl = exporter.value();
    store(config);
    m_state->addHost(config);
    if (m_started)
        startSession(config);
    return {};
}

void FleetService::removeHost(const QString &uri)
{
    auto it = m_sessions.find(uri);
    if (it == m_sessions.end())
        return;
    stopSession(uri, *it);
    if (it->thread) {
        // The thread finishes on its own time and deletes itself then.
        m_retiring.removeAll(nullptr);
        m_retiring.append(it->thread);
    }
    m_sessions.erase(it);
    // A host taken out of the fleet leaves no login behind.
    m_credentials->forget(uri);
    if (m_writer)
        QMetaObject::invokeMethod(
            m_writer, [writer = m_writer, uri] { writer->removeHost(uri); }, Qt::QueuedConnection);
    m_state->removeHost(uri);
}

Result<void> FleetService::setMaintenance(const QString &uri, bool on)
{
    auto found = sessionOf(uri);
    if (found == m_sessions.end())
        return Error{ tr("%1 is not in the fleet.").arg(HostUri::quoted(uri)) };
    HostConfig config = m_state->config(found.key());
    if (config.maintenance == on)
        return {};
    config.maintenance = on;
    keep(config);
    return {};
}

void FleetService::reconnectHost(const QString &uri)
{
    auto it = sessionOf(uri);
    if (it != m_sessions.end() && it->session)
        QMetaObject::invokeMethod(it->session, &HostSession::reconnectNow, Qt::QueuedConnection);
}

void FleetService::refreshVm(const QString &uri, const QString &uuid)
{
    auto it = sessionOf(uri);
    if (it != m_sessions.end() && it->session)
        QMetaObject::invokeMethod(
            it->session, [session = it->session, uuid] { session->refreshVm(uuid); },
            Qt::QueuedConnection);
}

Result<void> FleetService::setExporterUrl(const QString &uri, const QString &url)
{
    auto found = sessionOf(uri);
    if (found == m_sessions.end())
        return Error{ tr("%1 is not in the fleet.").arg(HostUri::quoted(uri)) };
    auto valid = validExporterUrl(url);
    if (!valid)
        return Error{ valid.error() };
    if (found->exporterUrl == valid.value())
        return {};
    found->exporterUrl = valid.value();
    HostConfig config = m_state->config(found.key());
    config.exporterUrl = HostUri::withoutSecrets(valid.value());
    Q_EMIT hardwareSourceChanged(config, found->exporterUrl);
    keep(config);
    return {};
}

bool FleetService::hasHost(const QString &uri) const
{
    return m_state->contains(uri) || m_state->contains(HostUri::withoutSecrets(uri));
}

QString FleetService::exporterUrl(const QString &uri) const
{
    return m_sessions.value(uri).exporterUrl;
}

QHash<QString, FleetService::Session>::iterator FleetService::sessionOf(const QString &uri)
{
    // As given, or as the fleet knows it once validated (normalised).
    const auto normalised = HostUri::validate(uri);
    return m_sessions.find(normalised ? normalised.value() : uri);
}

void FleetService::store(const HostConfig &config)
{
    if (m_writer)
        QMetaObject::invokeMethod(
            m_writer, [writer = m_writer, config] { writer->addHost(config); },
            Qt::QueuedConnection);
}

void FleetService::keep(const HostConfig &config)
{
    store(config);
    m_state->setConfig(config);
}

std::unique_ptr<StatsSource> FleetService::sourceFor(const HostConfig &config)
{
    if (config.simulatedUsage)
        return std::make_unique<SimulatedStatsSource>();
    if (!config.prometheusUrl.isEmpty())
        return std::make_unique<PrometheusStatsSource>(QUrl(config.prometheusUrl));
    return {}; // libvirt
}

Result<void> FleetService::setPrometheusUrl(const QString &uri, const QString &url)
{
    auto found = sessionOf(uri);
    if (found == m_sessions.end())
        return Error{ tr("%1 is not in the fleet.").arg(HostUri::quoted(uri)) };
    QString valid;
    if (!url.trimmed().isEmpty()) {
        auto checked = Prometheus::validServerUrl(url);
        if (!checked)
            return Error{ checked.error() };
        valid = checked->toString();
    }
    HostConfig config = m_state->config(found.key());
    if (config.prometheusUrl == valid)
        return {};
    config.prometheusUrl = valid;
    keep(config);
    if (HostSession *session = found->session) {
        auto source = std::make_shared<std::unique_ptr<StatsSource>>(sourceFor(config));
        QMetaObject::invokeMethod(
            session, [session, source] { session->setSource(std::move(*source)); },
            Qt::QueuedConnection);
    }
    return {};
}

void FleetService::startSession(const HostConfig &config)
{
    Session &entry = m_sessions[config.uri];
    Q_EMIT hardwareSourceChanged(config, entry.exporterUrl);
    if (entry.session)
        return;
    entry.thread = new QThread;
    entry.thread->setObjectName(QStringLiteral("umbra-host ") + HostUri::displayName(config.uri));
    entry.session = new HostSession(config, m_options, m_credentials.get(), sourceFor(config));
    entry.session->moveToThread(entry.thread);
    // Both go when the thread finishes. Connected before it starts: once
    // told to quit, it may emit finished while this thread would connect.
    connect(entry.thread, &QThread::finished, entry.session, &QObject::deleteLater);
    connect(entry.thread, &QThread::finished, entry.thread, &QObject::deleteLater);

    HostSession *session = entry.session;
    // The inventory and re-emission, queued onto this service's thread.
    FleetState *state = m_state;
    connect(session, &HostSession::statusChanged, state, &FleetState::setStatus);
    connect(session, &HostSession::hostInfoChanged, state, &FleetState::setInfo);
    connect(session, &HostSession::inventoryReset, state, &FleetState::resetInventory);
    connect(session, &HostSession::vmChanged, state, &FleetState::updateVm);
    connect(session, &HostSession::vmRemoved, state, &FleetState::removeVm);
    connect(session, &HostSession::samplesCollected, this, &FleetService::samplesCollected);
    connect(session, &HostSession::eventLogged, this, &FleetService::sessionEventLogged);

    // Storage goes straight from the session thread to the store thread: the
    // GUI thread never relays samples to SQLite.
    if (StoreWriter *writer = m_writer) {
        connect(session, &HostSession::samplesCollected, writer, &StoreWriter::addSamples);
        connect(session, &HostSession::eventLogged, writer, &StoreWriter::addEvent);
        connect(session, &HostSession::hostInfoChanged, writer, &StoreWriter::updateHostInfo);
        connect(session, &HostSession::inventoryReset, writer, &StoreWriter::replaceVms);
        connect(session, &HostSession::vmChanged, writer, &StoreWriter::upsertVm);
        connect(session, &HostSession::vmRemoved, writer, &StoreWriter::removeVm);
    }
    Q_EMIT sessionStarted(session);

    entry.thread->start();
    QMetaObject::invokeMethod(session, &HostSession::start, Qt::QueuedConnection);
}

void FleetService::stopSession(const QString &uri, Session &entry)
{
    if (!entry.session)
        return;
    entry.session->disconnect(this);
    entry.session->disconnect(m_state);
    QMetaObject::invokeMethod(entry.session, &HostSession::stop, Qt::QueuedConnection);
    entry.thread->quit(); // after stop(): queued events run before the loop exits
    entry.session = nullptr;
    m_state->markStopped(uri);
}

void FleetService::checkSilentHosts()
{
    // A session stuck in libvirt's open cannot report anything itself; say
    // so on its behalf, once, while it keeps waiting.
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (const QString &uri : m_state->uris()) {
        HostStatus status = m_state->status(uri);
        if (!m_sessions.value(uri).session || status.state != HostState::Connecting
            || !status.since.isValid() || !status.lastError.isEmpty()
            || status.since.msecsTo(now) < m_options.connectWarningMs)
            continue;
        status.lastError
            = tr("No answer from the host for %1 s; still waiting.").arg(status.since.secsTo(now));
        Q_EMIT hostSilent(status);
        m_state->setStatus(status);
    }
}

} // namespace Umbra
