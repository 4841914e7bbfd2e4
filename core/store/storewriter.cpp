#include "store/storewriter.h"

#include "store/database.h"
#include "store/fleetrepository.h"
#include "store/rowsamplestore.h"

#include <QCoreApplication>
#include <QLoggingCategory>
#include <QSqlError>
#include <QThread>
#include <QTimer>

Q_LOGGING_CATEGORY(lcWriter, "umbra.store.writer")

namespace Umbra {

namespace {

// Beyond this many pending rows a flush happens at once, bounding memory and
// what a crash can lose.
constexpr int kMaxPendingRows = 20000;

} // namespace

StoreWriter::StoreWriter(const QString &path, int flushIntervalMs, QObject *parent)
    : QObject(parent)
    , m_path(path)
    , m_flushIntervalMs(flushIntervalMs)
{ }

StoreWriter::~StoreWriter()
{
    close();
}

void StoreWriter::open()
{
    if (m_db)
        return;
    const QString name = QStringLiteral("umbra-writer-%1").arg(quintptr(this), 0, 16);
    auto db = Database::open(m_path, name);
    if (!db) {
        report(db.error());
        return;
    }
    m_db = std::move(db).value();
    m_samples = std::make_unique<RowSampleStore>(m_db->sql());
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
    flush();
    if (m_timer)
        m_timer->stop();
    // Repositories hold copies of the connection; they go before the Database.
    m_samples.reset();
    m_fleet.reset();
    m_db.reset();
}

bool StoreWriter::ready()
{
    if (!m_db)
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
    if (!m_db || (m_pendingVms.isEmpty() && m_pendingHosts.isEmpty() && m_pendingEvents.isEmpty()))
        return;
    QSqlDatabase &sql = m_db->sql();
    if (!sql.transaction()) {
        report(QCoreApplication::translate("Umbra::StoreWriter", "Cannot write to %1: %2")
                   .arg(m_path, sql.lastError().text()));
        return;
    }
    auto written = m_samples->append(m_pendingVms, m_pendingHosts);
    if (written)
        written = m_fleet->appendEvents(m_pendingEvents);
    if (!written || !sql.commit()) {
        const QString reason = written ? sql.lastError().text() : written.error();
        sql.rollback();
        // Keep the batch for the next attempt unless it grows without bound.
        if (m_pendingVms.size() + m_pendingHosts.size() > 4 * kMaxPendingRows) {
            m_pendingVms.clear();
            m_pendingHosts.clear();
        }
        report(QCoreApplication::translate("Umbra::StoreWriter", "Writing samples to %1 failed: %2")
                   .arg(m_path, reason));
        return;
    }
    const int count = int(m_pendingVms.size() + m_pendingHosts.size());
    m_samplesWritten += count;
    m_pendingVms.clear();
    m_pendingHosts.clear();
    m_pendingEvents.clear();
    m_lastError.clear();
    Q_EMIT flushed(count);
}

void StoreWriter::addSamples(const HostSample &host, const QList<VmSample> &vms)
{
    m_pendingHosts.append(host);
    m_pendingVms.append(vms);
    if (m_pendingVms.size() + m_pendingHosts.size() >= kMaxPendingRows)
        flush();
}

void StoreWriter::addEvent(const EventRecord &event)
{
    m_pendingEvents.append(event);
}

template<typename Function> Result<void> StoreWriter::inTransaction(Function function)
{
    QSqlDatabase &sql = m_db->sql();
    if (!sql.transaction())
        return Error{ QCoreApplication::translate("Umbra::StoreWriter", "Cannot write to %1: %2")
                          .arg(m_path, sql.lastError().text()) };
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
        auto latest = m_samples->latestVmTimestamp(uuid);
        if (!latest)
            return Error{ latest.error() };
        if (latest.value() >= fromMs)
            return {}; // there is recent history already; never overwrite it
        auto done = inTransaction([&] { return m_samples->append(generate(fromMs, toMs), {}); });
        if (done)
            Q_EMIT historyFilled(uuid);
        return done;
    });
}

void StoreWriter::fillHostHistory(const QString &uri, qint64 fromMs, qint64 toMs,
                                  const HostHistoryGenerator &generate)
{
    writeNow([&]() -> Result<void> {
        auto latest = m_samples->latestHostTimestamp(uri);
        if (!latest)
            return Error{ latest.error() };
        if (latest.value() >= fromMs)
            return {};
        auto done = inTransaction([&] { return m_samples->append({}, generate(fromMs, toMs)); });
        if (done)
            Q_EMIT historyFilled(uri);
        return done;
    });
}

} // namespace Umbra
