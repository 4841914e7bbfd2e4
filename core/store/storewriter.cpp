#include "store/storewriter.h"

#include "store/database.h"
#include "store/fleetrepository.h"
#include "store/samplestore.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QLoggingCategory>
#include <QSqlError>
#include <QThread>
#include <QTimer>

Q_LOGGING_CATEGORY(lcWriter, "umbra.store.writer")

namespace Umbra {

namespace {

// Beyond this many samples since the last flush a flush happens at once,
// bounding what a crash can lose.
constexpr int kMaxPendingSamples = 200000;
constexpr qint64 kRetentionIntervalMs = 60 * 1000;
constexpr qint64 kDroppedReportIntervalMs = 60 * 60 * 1000;
constexpr qint64 kClockSlackMs = 60 * 1000;

} // namespace

StoreWriter::StoreWriter(const QString &path, std::shared_ptr<Series::SeriesHeads> heads,
                         int flushIntervalMs, QObject *parent)
    : QObject(parent)
    , m_path(path)
    , m_heads(std::move(heads))
    , m_flushIntervalMs(flushIntervalMs)
{ }

StoreWriter::~StoreWriter()
{
    close();
}

void StoreWriter::open()
{
    if (m_db || m_readOnly)
        return;
    const QString name = QStringLiteral("umbra-writer-%1").arg(quintptr(this), 0, 16);
    auto db = Database::open(m_path, name);
    if (!db) {
        report(db.error());
        return;
    }
    m_db = std::move(db).value();
    m_samples = std::make_unique<SampleStore>(m_db->sql(), m_heads);
    if (auto recovered = m_samples->recover(); !recovered)
        report(recovered.error());
    m_fleet = std::make_unique<FleetRepository>(m_db->sql());
    m_timer = new QTimer(this);
    m_timer->setInterval(m_flushIntervalMs);
    connect(m_timer, &QTimer::timeout, this, &StoreWriter::flush);
    m_timer->start();
}

void StoreWriter::close()
{
    if (!m_db)
        return;
    flushAll();
    if (m_timer)
        m_timer->stop();
    // Repositories hold copies of the connection; they go before the Database.
    m_samples.reset();
    m_fleet.reset();
    m_db.reset();
}

bool StoreWriter::ready()
{
    if (!m_db && !m_readOnly)
        report(QCoreApplication::translate("Umbra::StoreWriter",
                                           "The database %1 is not open; nothing is being stored.")
                   .arg(m_path));
    return bool(m_db);
}

void StoreWriter::report(const QString &message)
{
    // One report per distinct problem: a full disk must not flood the event log.
    if (message == m_lastError)
        return;
    m_lastError = message;
    qCWarning(lcWriter).noquote() << message;
    Q_EMIT failed(message);
}

void StoreWriter::flush()
{
    flushSamples(Series::SeriesWriter::Snapshot::Slice);
}

void StoreWriter::flushAll()
{
    flushSamples(Series::SeriesWriter::Snapshot::All);
}

void StoreWriter::flushSamples(Series::SeriesWriter::Snapshot snapshot)
{
    if (!m_db)
        return;
    if (m_pendingSamples > 0 || !m_pendingEvents.isEmpty()
        || snapshot == Series::SeriesWriter::Snapshot::All) {
        auto written = inTransaction([&]() -> Result<void> {
            if (auto done = m_samples->flush(snapshot); !done)
                return done;
            return m_fleet->appendEvents(m_pendingEvents);
        });
        if (!written) {
            // The samples stay in the heads and the events here; the next
            // flush writes them again.
            m_samples->rolledBack();
            report(QCoreApplication::translate("Umbra::StoreWriter",
                                               "Writing samples to %1 failed: %2")
                       .arg(m_path, written.error()));
            return;
        }
        m_samples->committed();
        const int count = m_pendingSamples;
        m_samplesWritten += count;
        m_pendingSamples = 0;
        m_pendingEvents.clear();
        if (!m_lastError.isEmpty()) {
            m_lastError.clear();
            Q_EMIT recovered(count);
        }
        Q_EMIT flushed(count);
    }

    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    if (m_retentionBacklog || now >= m_nextRetentionMs) {
        m_nextRetentionMs = now + kRetentionIntervalMs;
        const int maxChunks = 2000;
        m_retentionBacklog = enforceRetention(maxChunks) >= maxChunks;
    }
}

void StoreWriter::setRetention(const Series::Retention &retention)
{
    m_retention = retention;
    m_nextRetentionMs = 0;
}

int StoreWriter::enforceRetention(int maxChunks)
{
    if (!ready())
        return 0;
    int deleted = 0;
    auto done = inTransaction([&]() -> Result<void> {
        auto removed = m_samples->writer()->enforceRetention(m_retention, maxChunks);
        if (!removed)
            return Error{ removed.error() };
        deleted = removed.value();
        return {};
    });
    if (!done) {
        report(QCoreApplication::translate("Umbra::StoreWriter",
                                           "Removing expired history from %1 failed: %2")
                   .arg(m_path, done.error()));
        return 0;
    }
    return deleted;
}

void StoreWriter::addSamples(const HostSample &host, const QList<VmSample> &vms)
{
    if (!ready())
        return;
    if (auto done = m_samples->append(vms, { host }); !done) {
        report(done.error());
        return;
    }
    reportDroppedSamples();
    m_pendingSamples += int(vms.size()) + 1;
    if (m_pendingSamples >= kMaxPendingSamples)
        flush();
}

void StoreWriter::addPoints(const QList<NamedPoint> &points)
{
    if (!ready() || points.isEmpty())
        return;
    if (auto done = m_samples->appendNamed(points); !done) {
        report(done.error());
        return;
    }
    reportDroppedSamples();
    m_pendingSamples += int(points.size());
    if (m_pendingSamples >= kMaxPendingSamples)
        flush();
}

void StoreWriter::reportDroppedSamples()
{
    const QHash<QString, qint64> rejected = m_samples->writer()->takeRejectedSeries();
    if (rejected.isEmpty())
        return;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    QHash<QString, qint64> byEntity;
    for (auto it = rejected.cbegin(); it != rejected.cend(); ++it) {
        // "vm/<uuid>/<metric>", "host/<uri>/<metric>": the entity is all but the last part.
        const QString entity = it.key().left(it.key().lastIndexOf(QLatin1Char('/')));
        byEntity[entity] = std::max(byEntity.value(entity), it.value());
    }
    for (auto it = byEntity.cbegin(); it != byEntity.cend(); ++it) {
        // A sample a moment late (a VM seen by two hosts while it migrates)
        // costs only itself; history ahead of the clock silences the series.
        if (it.value() <= now + kClockSlackMs)
            continue;
        qint64 &reported = m_droppedReportedMs[it.key()];
        if (reported != 0 && now - reported < kDroppedReportIntervalMs)
            continue;
        reported = now;
        qCWarning(lcWriter).noquote() << it.key() << "dropped samples older than" << it.value();
        Q_EMIT samplesDropped(it.key(), it.value());
    }
}

void StoreWriter::addEvent(const EventRecord &event)
{
    if (m_readOnly)
        return;
    m_pendingEvents.append(event);
}

template<typename Function> Result<void> StoreWriter::inTransaction(Function function)
{
    QSqlDatabase &sql = m_db->sql();
    if (auto begun = Database::beginWrite(sql); !begun)
        return Error{ QCoreApplication::translate("Umbra::StoreWriter", "Cannot write to %1: %2")
                          .arg(m_path, begun.error()) };
    auto done = function();
    if (done && sql.commit())
        return done;
    const QString reason = done ? sql.lastError().text() : done.error();
    sql.rollback();
    return Error{ reason };
}

template<typename Function> void StoreWriter::writeNow(Function function)
{
    if (!ready())
        return;
    if (auto done = function(); !done)
        report(done.error());
}

void StoreWriter::addHost(const HostConfig &host)
{
    writeNow([&] { return m_fleet->addHost(host); });
}

void StoreWriter::removeHost(const QString &uri)
{
    writeNow([&] { return m_fleet->removeHost(uri); });
}

void StoreWriter::updateHostInfo(const HostInfo &info)
{
    writeNow([&] { return m_fleet->updateHostInfo(info); });
}

void StoreWriter::replaceVms(const QString &uri, const QList<VmInfo> &vms)
{
    writeNow([&] { return inTransaction([&] { return m_fleet->replaceVms(uri, vms); }); });
}

void StoreWriter::upsertVm(const QString &uri, const VmInfo &vm)
{
    writeNow([&] { return m_fleet->upsertVm(uri, vm); });
}

void StoreWriter::removeVm(const QString &uri, const QString &uuid)
{
    writeNow([&] { return m_fleet->removeVm(uri, uuid); });
}

void StoreWriter::fillHistory(const QString &uuid, qint64 fromMs, qint64 toMs,
                              const HistoryGenerator &generate)
{
    writeNow([&]() -> Result<void> {
        // Only what is older than everything stored goes in: recorded
        // history is never overwritten.
        const QList<VmSample> history = generate(fromMs, toMs);
        if (auto done = m_samples->prepend(history, {}); !done)
            return done;
        m_pendingSamples += int(history.size());
        flush();
        Q_EMIT historyFilled(uuid);
        return {};
    });
}

void StoreWriter::fillHostHistory(const QString &uri, qint64 fromMs, qint64 toMs,
                                  const HostHistoryGenerator &generate)
{
    writeNow([&]() -> Result<void> {
        const QList<HostSample> history = generate(fromMs, toMs);
        if (auto done = m_samples->prepend({}, history); !done)
            return done;
        m_pendingSamples += int(history.size());
        flush();
        Q_EMIT historyFilled(uri);
        return {};
    });
}

} // namespace Umbra
