#include "engine/engine.h"

#include "collect/hostsession.h"
#include "collect/sessioncredentials.h"
#include "demo/demohardware.h"
#include "demo/demohistory.h"
#include "demo/simulatedstatssource.h"
#include "fleet/hosturi.h"
#include "migrate/libvirtlink.h"
#include "migrate/migrationmanager.h"
#include "predict/predictionservice.h"
#include "store/database.h"
#include "store/databaselock.h"
#include "store/fleetrepository.h"
#include "store/storereader.h"
#include "store/storewriter.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDeadlineTimer>
#include <QLoggingCategory>
#include <QPromise>
#include <QUrl>

Q_LOGGING_CATEGORY(lcEngine, "umbra.engine")

namespace Umbra {

namespace {

void registerMetaTypes()
{
    qRegisterMetaType<Umbra::HostConfig>();
    qRegisterMetaType<Umbra::HostInfo>();
    qRegisterMetaType<Umbra::HostStatus>();
    qRegisterMetaType<Umbra::VmInfo>();
    qRegisterMetaType<QList<Umbra::VmInfo>>();
    qRegisterMetaType<Umbra::VmSample>();
    qRegisterMetaType<QList<Umbra::VmSample>>();
    qRegisterMetaType<Umbra::HostSample>();
    qRegisterMetaType<Umbra::EventRecord>();
    qRegisterMetaType<Umbra::HealthReport>();
    qRegisterMetaType<QList<Umbra::HealthReport>>();
    qRegisterMetaType<Umbra::DemandForecast>();
    qRegisterMetaType<Umbra::ScopedCalendarEvent>();
    qRegisterMetaType<QList<Umbra::ScopedCalendarEvent>>();
    qRegisterMetaType<Umbra::Anomaly>();
    qRegisterMetaType<QList<Umbra::Anomaly>>();
    qRegisterMetaType<Umbra::Hardware::HostHardwareReport>();
}

// How long shutdown waits for a session stuck inside libvirt (a host that
// never answers) before leaving its thread behind.
constexpr int kShutdownWaitMs = 3000;
constexpr qint64 kDemoBackfillStepMs = 15 * 1000;

} // namespace

Engine::Engine(QObject *parent)
    : QObject(parent)
    , m_sessionCredentials(std::make_unique<SessionCredentials>())
{
    registerMetaTypes();
    m_storeThread.setObjectName(QStringLiteral("umbra-store-writer"));
    m_predictThread.setObjectName(QStringLiteral("umbra-predict"));
}

Engine::~Engine()
{
    shutdown();
}

Result<void> Engine::openStore(const QString &path, StoreAccess access)
{
    if (m_writer)
        return Error{ tr("The store is already open.") };
    const bool readOnly = access == StoreAccess::ReadOnly;
    // Held until shutdown: a second console, or an import, on the same file
    // is refused instead of writing underneath this one.
    std::unique_ptr<DatabaseLock> lock;
    if (!readOnly) {
        auto acquired = DatabaseLock::acquire(path);
        if (!acquired)
            return Error{ acquired.error() };
        lock = std::move(acquired).value();
    }
    // Opening here validates and migrates the file before anything else runs,
    // so a bad file is reported before the console starts collecting.
    QList<HostConfig> stored;
    {
        auto db = Database::open(path,
                                 QStringLiteral("umbra-engine-open-%1").arg(quintptr(this), 0, 16),
                                 readOnly ? Database::Mode::ReadOnly : Database::Mode::ReadWrite);
        if (!db)
            return Error{ db.error() };
        FleetRepository fleet(db.value()->sql());
        if (!readOnly) {
            if (auto scrubbed = fleet.scrubSecrets(); !scrubbed)
                return Error{ scrubbed.error() };
        }
        auto hosts = fleet.hosts();
        if (!hosts)
            return Error{ hosts.error() };
        stored = hosts.value();
    }
    m_storeLock = std::move(lock);
    m_storeReadOnly = readOnly;
    m_storePath = path;

    auto heads = std::make_shared<Series::SeriesHeads>();
    m_heads = heads;
    m_writer = new StoreWriter(path, heads);
    m_writer->setReadOnly(readOnly);
    m_writer->moveToThread(&m_storeThread);
    connect(&m_storeThread, &QThread::finished, m_writer, &QObject::deleteLater);
    connect(m_writer, &StoreWriter::failed, this, [this](const QString &message) {
        EventRecord event;
        event.timestampMs = QDateTime::currentMSecsSinceEpoch();
        event.severity = EventRecord::Severity::Error;
        event.kind = QStringLiteral("store.error");
        event.message = message;
        Q_EMIT eventLogged(event);
        Q_EMIT storeError(message);
    });
    connect(m_writer, &StoreWriter::samplesDropped, this, &Engine::onSamplesDropped);
    connect(m_writer, &StoreWriter::historyFilled, this, [this](const QString &key) {
        // Models and detectors that started before the history was there
        // learn from it instead.
        if (m_prediction)
            QMetaObject::invokeMethod(
                m_prediction, [prediction = m_prediction, key] { prediction->historyChanged(key); },
                Qt::QueuedConnection);
        Q_EMIT historyFilled(key);
    });
    m_writer->setRetention(m_retention);
    m_storeThread.start();
    QMetaObject::invokeMethod(m_writer, &StoreWriter::open, Qt::QueuedConnection);
    m_reader = std::make_unique<StoreReader>(path, heads, readOnly);
    // Read-only, nothing can be journalled, so nothing may move.
    if (!readOnly) {
        m_migrations = new MigrationManager(path, LibvirtLink::factory(), this);
        connect(m_migrations, &MigrationManager::jobFinished, this,
                [this](const MigrationRecord &record) {
                    EventRecord event;
                    event.timestampMs = QDateTime::currentMSecsSinceEpoch();
                    event.severity = record.outcome == MigrationOutcome::Completed
                        ? EventRecord::Severity::Info
                        : EventRecord::Severity::Warning;
                    event.kind = QStringLiteral("migration.") + outcomeKey(record.outcome);
                    event.hostUri = record.sourceUri;
                    event.vmUuid = record.vmUuid;
                    event.message = record.reason.isEmpty()
                        ? tr("Migration of %1 to %2: %3")
                              .arg(record.vmName, HostUri::displayName(record.targetUri),
                                   outcomeLabel(record.outcome))
                        : tr("Migration of %1 to %2: %3 (%4)")
                              .arg(record.vmName, HostUri::displayName(record.targetUri),
                                   outcomeLabel(record.outcome), record.reason);
                    logEvent(event);
                });
    }

    for (const HostConfig &config : stored) {
        if (!m_sessions.contains(config.uri)) {
            m_order.append(config.uri);
            Session &session = m_sessions[config.uri];
            session.config = config;
            session.exporterUrl = config.exporterUrl;
            session.status.uri = config.uri;
        }
    }
    return {};
}

void Engine::setCredentialProvider(CredentialProvider *provider)
{
    m_sessionCredentials->setFallback(provider);
}

void Engine::setIntervalMs(int intervalMs)
{
    m_sessionOptions.intervalMs = intervalMs;
    for (Session &session : m_sessions) {
        if (session.session)
            QMetaObject::invokeMethod(session.session, "setIntervalMs", Qt::QueuedConnection,
                                      Q_ARG(int, intervalMs));
    }
}

void Engine::setSessionOptions(const SessionOptions &options)
{
    m_sessionOptions = options;
}

void Engine::start()
{
    if (m_started)
        return;
    m_started = true;
    startPrediction();
    if (m_migrations)
        m_migrations->reconcile();
    for (const QString &uri : std::as_const(m_order))
        startSession(m_sessions[uri].config);
    if (!m_watchdog) {
        m_watchdog = new QTimer(this);
        m_watchdog->setInterval(std::clamp(m_sessionOptions.connectWarningMs / 4, 100, 5000));
        connect(m_watchdog, &QTimer::timeout, this, &Engine::checkSilentHosts);
    }
    m_watchdog->start();
}

void Engine::shutdown()
{
    QDeadlineTimer deadline(kShutdownWaitMs);
    for (const QString &uri : std::as_const(m_order))
        stopSession(m_sessions[uri]);
    for (const QString &uri : std::as_const(m_order)) {
        Session &session = m_sessions[uri];
        if (!session.thread)
            continue;
        if (session.thread->wait(deadline)) {
            delete session.thread;
        } else {
            // Stuck in a libvirt call that has no timeout: leave the thread to
            // finish on its own rather than hang the console's exit.
            qCWarning(lcEngine) << uri << "did not stop in time; leaving its thread behind";
        }
        session.thread = nullptr;
        session.session = nullptr;
    }
    m_started = false;
    if (m_watchdog)
        m_watchdog->stop();

    if (m_migrations) {
        // Running jobs are cancelled and rolled back before the store closes.
        delete m_migrations;
        m_migrations = nullptr;
    }
    if (m_prediction) {
        // Saves what the models learnt before the store closes.
        QMetaObject::invokeMethod(m_prediction, &PredictionService::close,
                                  Qt::BlockingQueuedConnection);
        m_predictThread.quit();
        m_predictThread.wait();
        m_prediction = nullptr;
    }
    if (m_writer) {
        QMetaObject::invokeMethod(m_writer, &StoreWriter::close, Qt::BlockingQueuedConnection);
        m_storeThread.quit();
        m_storeThread.wait();
        m_writer = nullptr;
    }
    m_reader.reset();
    m_storeLock.reset();
}

namespace {

// An exporter URL as operators paste it: http(s), with a host.
Result<QString> validExporterUrl(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty())
        return QString();
    const QUrl url(trimmed, QUrl::StrictMode);
    if (!url.isValid() || url.host().isEmpty()
        || (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https")))
        return Error{ QCoreApplication::translate(
                          "Umbra::Engine",
                          "“%1” is not an exporter URL; expected e.g. http://host:9100/metrics.")
                          .arg(trimmed) };
    return url.toString();
}

} // namespace

Result<void> Engine::setExporterUrl(const QString &uri, const QString &url)
{
    const auto normalised = HostUri::validate(uri);
    auto found = m_sessions.find(normalised ? normalised.value() : uri);
    if (found == m_sessions.end())
        return Error{ tr("%1 is not in the fleet.").arg(HostUri::quoted(uri)) };
    auto valid = validExporterUrl(url);
    if (!valid)
        return Error{ valid.error() };
    if (found->exporterUrl == valid.value())
        return {};
    found->exporterUrl = valid.value();
    found->config.exporterUrl = HostUri::withoutSecrets(valid.value());
    const HostConfig config = found->config;
    if (m_writer)
        QMetaObject::invokeMethod(
            m_writer, [writer = m_writer, config] { writer->addHost(config); },
            Qt::QueuedConnection);
    watchHardware(config);
    Q_EMIT hostConfigChanged(config);
    return {};
}

Result<void> Engine::addHost(const HostConfig &requested)
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
        m_sessionCredentials->remember(uri.value(), QUrl(uri.value()).userName(), password);
    if (m_sessions.contains(uri.value())) {
        // A host remembered from an earlier run, given again with its
        // password (which is never stored): the login is what was new.
        if (!password.isEmpty())
            return {};
        return Error{ tr("%1 is already in the fleet.").arg(uri.value()) };
    }

    HostConfig config = requested;
    config.uri = uri.value();
    config.exporterUrl = HostUri::withoutSecrets(exporter.value());
    m_order.append(config.uri);
    Session &session = m_sessions[config.uri];
    session.config = config;
    session.exporterUrl = exporter.value();
    session.status.uri = config.uri;
    QMetaObject::invokeMethod(
        m_writer, [writer = m_writer, config] { writer->addHost(config); }, Qt::QueuedConnection);
    Q_EMIT hostAdded(config);
    if (m_started)
        startSession(config);
    return {};
}

void Engine::removeHost(const QString &uri)
{
    auto it = m_sessions.find(uri);
    if (it == m_sessions.end())
        return;
    stopSession(*it);
    if (it->thread) {
        // The thread finishes on its own time; it deletes itself then.
        connect(it->thread, &QThread::finished, it->thread, &QObject::deleteLater);
    }
    m_sessions.erase(it);
    m_order.removeAll(uri);
    m_hardware.remove(uri);
    // Scores of a host that is gone, and of its VMs, would rank in "At risk"
    // for ever.
    m_health.removeIf([&uri](const std::pair<const QString &, HealthReport &> &entry) {
        return entry.second.uri == uri;
    });
    if (m_writer)
        QMetaObject::invokeMethod(
            m_writer, [writer = m_writer, uri] { writer->removeHost(uri); }, Qt::QueuedConnection);
    if (m_prediction)
        QMetaObject::invokeMethod(
            m_prediction, [prediction = m_prediction, uri] { prediction->removeHost(uri); },
            Qt::QueuedConnection);
    Q_EMIT hostRemoved(uri);
}

QList<HostConfig> Engine::hosts() const
{
    QList<HostConfig> result;
    for (const QString &uri : m_order)
        result.append(m_sessions.value(uri).config);
    return result;
}

bool Engine::hasHost(const QString &uri) const
{
    return m_sessions.contains(uri) || m_sessions.contains(HostUri::withoutSecrets(uri));
}

bool Engine::isSimulated(const QString &uri) const
{
    return m_sessions.value(uri).config.simulatedUsage;
}

HostStatus Engine::hostStatus(const QString &uri) const
{
    return m_sessions.value(uri).status;
}

HostInfo Engine::hostInfo(const QString &uri) const
{
    return m_sessions.value(uri).info;
}

QList<VmInfo> Engine::vms(const QString &uri) const
{
    return m_sessions.value(uri).vms.values();
}

QFuture<QList<VmSample>> Engine::vmHistory(const QString &uuid, qint64 fromMs, qint64 toMs) const
{
    if (!m_reader)
        return QtFuture::makeReadyFuture(QList<VmSample>());
    return m_reader->vmSamples(uuid, fromMs, toMs);
}

QFuture<QList<HostSample>> Engine::hostHistory(const QString &uri, qint64 fromMs, qint64 toMs) const
{
    if (!m_reader)
        return QtFuture::makeReadyFuture(QList<HostSample>());
    return m_reader->hostSamples(uri, fromMs, toMs);
}

QFuture<QList<Series::ChartPoint>> Engine::chart(const QString &series, qint64 fromMs, qint64 toMs,
                                                 int widthPx) const
{
    if (!m_reader)
        return QtFuture::makeReadyFuture(QList<Series::ChartPoint>());
    return m_reader->chart(series, fromMs, toMs, widthPx);
}

QFuture<QString> Engine::exportCsv(const QString &entity, qint64 fromMs, qint64 toMs,
                                   const QString &filePath) const
{
    if (!m_reader)
        return QtFuture::makeReadyFuture(tr("No database is open."));
    return m_reader->exportCsv(entity, fromMs, toMs, filePath);
}

void Engine::setRetention(const Series::Retention &retention)
{
    m_retention = retention;
    if (m_writer)
        QMetaObject::invokeMethod(
            m_writer, [writer = m_writer, retention] { writer->setRetention(retention); },
            Qt::QueuedConnection);
}

QFuture<QList<EventRecord>> Engine::recentEvents(int limit) const
{
    if (!m_reader)
        return QtFuture::makeReadyFuture(QList<EventRecord>());
    return m_reader->recentEvents(limit);
}

QString Engine::describeEntity(const QString &entity, EventRecord &event) const
{
    if (entity.startsWith(QLatin1String("vm/"))) {
        event.vmUuid = entity.mid(3);
        for (const Session &session : std::as_const(m_sessions)) {
            if (const auto vm = session.vms.constFind(event.vmUuid); vm != session.vms.cend()) {
                event.hostUri = session.config.uri;
                return vm->name;
            }
        }
        return entity;
    }
    if (entity.startsWith(QLatin1String("host/"))) {
        event.hostUri = entity.mid(5);
        return HostUri::displayName(event.hostUri);
    }
    return entity;
}

void Engine::onSamplesDropped(const QString &entity, qint64 heldUntilMs)
{
    EventRecord event;
    event.timestampMs = QDateTime::currentMSecsSinceEpoch();
    event.severity = EventRecord::Severity::Warning;
    event.kind = QStringLiteral("store.samples_dropped");
    const QString name = describeEntity(entity, event);
    event.message
        = tr("%1: new samples are not stored, because its history already reaches %2, later "
             "than they are. History imported or recorded ahead of this clock is the usual "
             "cause; samples are stored again once the clock passes that time.")
              .arg(name,
                   QDateTime::fromMSecsSinceEpoch(heldUntilMs, Qt::UTC).toString(Qt::ISODate));
    logEvent(event);
}

void Engine::logEvent(const EventRecord &event)
{
    if (m_writer)
        QMetaObject::invokeMethod(
            m_writer, [writer = m_writer, event] { writer->addEvent(event); },
            Qt::QueuedConnection);
    Q_EMIT eventLogged(event);
}

void Engine::startPrediction()
{
    if (m_prediction || m_storePath.isEmpty())
        return;
    m_prediction = new PredictionService(m_sessionOptions.intervalMs, m_heads);
    m_prediction->setMaxLagMs(3 * qint64(m_sessionOptions.intervalMs) + 2000);
    m_prediction->moveToThread(&m_predictThread);
    connect(&m_predictThread, &QThread::finished, m_prediction, &QObject::deleteLater);
    connect(m_prediction, &PredictionService::healthUpdated, this, &Engine::onHealthUpdated);
    connect(m_prediction, &PredictionService::flagged, this, &Engine::logEvent);
    connect(m_prediction, &PredictionService::anomaliesFound, this, &Engine::onAnomaliesFound);
    connect(m_prediction, &PredictionService::anomalyChanged, this, &Engine::anomalyChanged);
    connect(m_prediction, &PredictionService::hardwareAssessed, this,
            [this](const Hardware::HostHardwareReport &report) {
                if (!m_sessions.contains(report.uri))
                    return; // removed meanwhile
                m_hardware.insert(report.uri, report);
                Q_EMIT hardwareAssessed(report);
            });
    if (m_hardwareIntervalMs > 0)
        setHardwareIntervalMs(m_hardwareIntervalMs);
    connect(m_prediction, &PredictionService::calendarChanged, this,
            [this](const QList<ScopedCalendarEvent> &events) {
                m_calendar = events;
                Q_EMIT calendarChanged(events);
            });
    connect(m_prediction, &PredictionService::failed, this, [this](const QString &message) {
        EventRecord event;
        event.timestampMs = QDateTime::currentMSecsSinceEpoch();
        event.severity = EventRecord::Severity::Warning;
        event.kind = QStringLiteral("predict.error");
        event.message = message;
        logEvent(event);
    });
    m_predictThread.start();
    // Read-only, models learn from live samples alone and nothing is saved.
    if (!m_storeReadOnly)
        QMetaObject::invokeMethod(
            m_prediction,
            [prediction = m_prediction, path = m_storePath] { prediction->open(path); },
            Qt::QueuedConnection);
}

void Engine::addCalendarEvent(const ScopedCalendarEvent &event)
{
    if (m_prediction)
        QMetaObject::invokeMethod(
            m_prediction,
            [prediction = m_prediction, event] { prediction->addCalendarEvent(event); },
            Qt::QueuedConnection);
}

void Engine::removeCalendarEvent(qint64 id)
{
    if (m_prediction)
        QMetaObject::invokeMethod(
            m_prediction, [prediction = m_prediction, id] { prediction->removeCalendarEvent(id); },
            Qt::QueuedConnection);
}

void Engine::onHealthUpdated(const QList<HealthReport> &reports)
{
    // Scores computed before a host or VM was removed may still arrive.
    QList<HealthReport> current;
    current.reserve(reports.size());
    for (const HealthReport &report : reports) {
        const auto session = m_sessions.constFind(report.uri);
        if (session == m_sessions.cend() || (report.isVm() && !session->vms.contains(report.uuid)))
            continue;
        m_health.insert(report.entity, report);
        current.append(report);
    }
    if (!current.isEmpty())
        Q_EMIT healthUpdated(current);
}

HealthReport Engine::health(const QString &entity) const
{
    HealthReport report = m_health.value(entity);
    report.entity = entity;
    return report;
}

QList<HealthReport> Engine::healthReports() const
{
    return m_health.values();
}

QFuture<DemandForecast> Engine::forecast(const QString &entity, const QString &metric,
                                         DemandForecast::Tier tier, int horizonSteps) const
{
    DemandForecast empty;
    empty.entity = entity;
    empty.metric = metric;
    empty.tier = tier;
    return askPrediction(empty, [=](PredictionService &prediction) {
        return prediction.forecast(entity, metric, tier, horizonSteps);
    });
}

QFuture<QList<Anomaly>> Engine::anomalies(const QString &entity, qint64 fromMs, qint64 toMs) const
{
    return askPrediction(QList<Anomaly>(), [=](PredictionService &prediction) {
        return prediction.anomalies(entity, fromMs, toMs);
    });
}

void Engine::onAnomaliesFound(const QList<Anomaly> &incident)
{
    if (incident.isEmpty())
        return;
    const Anomaly &first = incident.first();
    EventRecord event;
    event.timestampMs = first.timeMs;
    event.severity = EventRecord::Severity::Warning;
    event.kind = QStringLiteral("anomaly");
    const QString name = describeEntity(first.entity, event);
    QStringList reasons;
    double score = 0;
    for (const Anomaly &anomaly : incident) {
        reasons.append(anomalyReason(anomaly));
        score = std::max(score, anomaly.score);
    }
    event.message = tr("%1: %2 (anomaly score %3)")
                        .arg(name, reasons.join(QStringLiteral("; ")))
                        .arg(score, 0, 'f', 2);
    logEvent(event);
    for (const Anomaly &anomaly : incident)
        Q_EMIT anomalyFound(anomaly);
}

void Engine::setAnomalyVerdict(qint64 id, AnomalyVerdict verdict)
{
    if (m_prediction)
        QMetaObject::invokeMethod(
            m_prediction,
            [prediction = m_prediction, id, verdict] {
                prediction->setAnomalyVerdict(id, verdict);
            },
            Qt::QueuedConnection);
}

void Engine::watchHardware(const HostConfig &config)
{
    if (m_prediction)
        QMetaObject::invokeMethod(
            m_prediction,
            [prediction = m_prediction, uri = config.uri,
             url = m_sessions.value(config.uri).exporterUrl, simulated = config.simulatedUsage] {
                // An exporter, where one is given, wins over the simulation.
                prediction->setHardwareSource(
                    uri,
                    simulated && url.isEmpty()
                        ? [uri](qint64 timeMs) { return DemoHardware::readings(uri, timeMs); }
                        : Hardware::HardwareWatch::ReadingSource());
                prediction->setExporterUrl(uri, url);
            },
            Qt::QueuedConnection);
}

void Engine::setHardwareIntervalMs(int intervalMs)
{
    m_hardwareIntervalMs = intervalMs;
    if (m_prediction)
        QMetaObject::invokeMethod(
            m_prediction,
            [prediction = m_prediction, intervalMs] {
                prediction->setHardwareIntervalMs(intervalMs);
            },
            Qt::QueuedConnection);
}

Hardware::HostHardwareReport Engine::hardware(const QString &uri) const
{
    Hardware::HostHardwareReport report = m_hardware.value(uri);
    report.uri = uri;
    if (report.assessedAtMs == 0)
        report.exporterUrl = m_sessions.value(uri).config.exporterUrl;
    return report;
}

void Engine::startSession(const HostConfig &config)
{
    watchHardware(config);
    Session &entry = m_sessions[config.uri];
    if (entry.session)
        return;
    entry.thread = new QThread;
    entry.thread->setObjectName(QStringLiteral("umbra-host ") + HostUri::displayName(config.uri));
    std::unique_ptr<StatsSource> source;
    if (config.simulatedUsage)
        source = std::make_unique<SimulatedStatsSource>();
    entry.session
        = new HostSession(config, m_sessionOptions, m_sessionCredentials.get(), std::move(source));
    entry.session->moveToThread(entry.thread);
    connect(entry.thread, &QThread::finished, entry.session, &QObject::deleteLater);

    HostSession *session = entry.session;
    // Engine-side bookkeeping and re-emission, queued onto the Engine's thread.
    connect(session, &HostSession::statusChanged, this, &Engine::onStatusChanged);
    connect(session, &HostSession::hostInfoChanged, this, &Engine::onHostInfoChanged);
    connect(session, &HostSession::inventoryReset, this, &Engine::onInventoryReset);
    connect(session, &HostSession::vmChanged, this, &Engine::onVmChanged);
    connect(session, &HostSession::vmRemoved, this, &Engine::onVmRemoved);
    connect(session, &HostSession::samplesCollected, this, &Engine::samplesCollected);
    connect(session, &HostSession::eventLogged, this, &Engine::eventLogged);

    // Storage goes straight from the session thread to the store thread: the
    // GUI thread never relays samples to SQLite.
    StoreWriter *writer = m_writer;
    if (writer) {
        connect(session, &HostSession::samplesCollected, writer, &StoreWriter::addSamples);
        connect(session, &HostSession::eventLogged, writer, &StoreWriter::addEvent);
        connect(session, &HostSession::hostInfoChanged, writer, &StoreWriter::updateHostInfo);
        connect(session, &HostSession::inventoryReset, writer, &StoreWriter::replaceVms);
        connect(session, &HostSession::vmChanged, writer, &StoreWriter::upsertVm);
        connect(session, &HostSession::vmRemoved, writer, &StoreWriter::removeVm);
    }

    // So do the models: straight from the session thread to the prediction thread.
    if (PredictionService *prediction = m_prediction) {
        connect(session, &HostSession::samplesCollected, prediction,
                &PredictionService::addSamples);
        connect(session, &HostSession::statusChanged, prediction,
                &PredictionService::setHostStatus);
        connect(session, &HostSession::inventoryReset, prediction,
                &PredictionService::setInventory);
        connect(session, &HostSession::vmChanged, prediction, &PredictionService::updateVm);
        connect(session, &HostSession::vmRemoved, prediction, &PredictionService::removeVm);
        connect(session, &HostSession::eventLogged, prediction, &PredictionService::noteEvent);
    }

    entry.thread->start();
    QMetaObject::invokeMethod(session, &HostSession::start, Qt::QueuedConnection);
}

void Engine::stopSession(Session &entry)
{
    if (!entry.session)
        return;
    entry.session->disconnect(this);
    QMetaObject::invokeMethod(entry.session, &HostSession::stop, Qt::QueuedConnection);
    entry.thread->quit(); // after stop(): queued events run before the loop exits
    entry.session = nullptr;
    entry.status.state = HostState::Disconnected;
}

void Engine::onStatusChanged(const HostStatus &status)
{
    auto it = m_sessions.find(status.uri);
    if (it == m_sessions.end())
        return;
    it->status = status;
    Q_EMIT hostStatusChanged(status);
}

void Engine::onHostInfoChanged(const HostInfo &info)
{
    auto it = m_sessions.find(info.uri);
    if (it == m_sessions.end())
        return;
    it->info = info;
    Q_EMIT hostInfoChanged(info);
}

void Engine::onInventoryReset(const QString &uri, const QList<VmInfo> &vms)
{
    auto it = m_sessions.find(uri);
    if (it == m_sessions.end())
        return;
    it->vms.clear();
    for (const VmInfo &vm : vms)
        it->vms.insert(vm.uuid, vm);

    if (it->config.simulatedUsage && m_backfillSimulated && m_writer) {
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        const int cpus = it->info.cpus;
        for (const VmInfo &vm : vms) {
            QMetaObject::invokeMethod(
                m_writer,
                [writer = m_writer, vm, cpus, now] {
                    writer->fillHistory(vm.uuid, now - kSimulatedHistoryMs, now - 1000,
                                        [vm, cpus](qint64 from, qint64 to) {
                                            return DemoHistory::generate(vm, cpus, from, to,
                                                                         kDemoBackfillStepMs);
                                        });
                },
                Qt::QueuedConnection);
        }
        QMetaObject::invokeMethod(
            m_writer,
            [writer = m_writer, info = it->info, vms, now] {
                writer->fillHostHistory(info.uri, now - kSimulatedHistoryMs, now - 1000,
                                        [info, vms](qint64 from, qint64 to) {
                                            return DemoHistory::generateHost(info, vms, from, to,
                                                                             kDemoBackfillStepMs);
                                        });
            },
            Qt::QueuedConnection);
    }
    Q_EMIT inventoryReset(uri, vms);
}

void Engine::onVmChanged(const QString &uri, const VmInfo &vm)
{
    auto it = m_sessions.find(uri);
    if (it == m_sessions.end())
        return;
    it->vms.insert(vm.uuid, vm);
    Q_EMIT vmChanged(uri, vm);
}

void Engine::checkSilentHosts()
{
    // A session stuck in libvirt's open cannot report anything itself; say
    // so on its behalf, once, while it keeps waiting.
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (Session &entry : m_sessions) {
        HostStatus &status = entry.status;
        if (!entry.session || status.state != HostState::Connecting || !status.since.isValid()
            || !status.lastError.isEmpty()
            || status.since.msecsTo(now) < m_sessionOptions.connectWarningMs)
            continue;
        status.lastError
            = tr("No answer from the host for %1 s; still waiting.").arg(status.since.secsTo(now));
        EventRecord event;
        event.timestampMs = QDateTime::currentMSecsSinceEpoch();
        event.severity = EventRecord::Severity::Warning;
        event.kind = QStringLiteral("host.silent");
        event.hostUri = status.uri;
        event.message = tr("%1: %2").arg(status.uri, status.lastError);
        logEvent(event);
        Q_EMIT hostStatusChanged(status);
    }
}

void Engine::onVmRemoved(const QString &uri, const QString &uuid)
{
    auto it = m_sessions.find(uri);
    if (it == m_sessions.end())
        return;
    it->vms.remove(uuid);
    // Only if it was scored on this host: a VM that migrated away is scored
    // on its new host, perhaps already.
    const QString entity = QStringLiteral("vm/") + uuid;
    if (const auto found = m_health.constFind(entity);
        found != m_health.cend() && found->uri == uri)
        m_health.erase(found);
    Q_EMIT vmRemoved(uri, uuid);
}

} // namespace Umbra
