#include "engine/historyservice.h"

#include "store/database.h"
#include "store/databaselock.h"
#include "store/fleetrepository.h"
#include "store/storereader.h"
#include "store/storewriter.h"

namespace Umbra {

HistoryService::HistoryService(QObject *parent)
    : QObject(parent)
{
    m_thread.setObjectName(QStringLiteral("umbra-store-writer"));
}

HistoryService::~HistoryService()
{
    close();
}

Result<QList<HostConfig>> HistoryService::open(const QString &path, bool readOnly)
{
    if (m_writer)
        return Error{ tr("The store is already open.") };
    // Held until close: a second console, or an import, on the same file is
    // refused instead of writing underneath this one.
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
    m_lock = std::move(lock);
    m_readOnly = readOnly;
    m_path = path;

    m_heads = std::make_shared<Series::SeriesHeads>();
    m_writer = new StoreWriter(path, m_heads);
    m_writer->setReadOnly(readOnly);
    m_writer->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_writer, &QObject::deleteLater);
    connect(m_writer, &StoreWriter::failed, this, &HistoryService::storeError);
    connect(m_writer, &StoreWriter::recovered, this, &HistoryService::storeRecovered);
    connect(m_writer, &StoreWriter::samplesDropped, this, &HistoryService::samplesDropped);
    connect(m_writer, &StoreWriter::historyFilled, this, &HistoryService::historyFilled);
    m_writer->setRetention(m_retention);
    m_thread.start();
    QMetaObject::invokeMethod(m_writer, &StoreWriter::open, Qt::QueuedConnection);
    m_reader = std::make_unique<StoreReader>(path, m_heads, readOnly);
    return stored;
}

void HistoryService::close()
{
    if (m_writer) {
        QMetaObject::invokeMethod(m_writer, &StoreWriter::close, Qt::BlockingQueuedConnection);
        m_thread.quit();
        m_thread.wait();
        m_writer = nullptr;
    }
    m_reader.reset();
    m_lock.reset();
}

QFuture<QList<VmSample>> HistoryService::vmHistory(const QString &uuid, qint64 fromMs,
                                                   qint64 toMs) const
{
    if (!m_reader)
        return QtFuture::makeReadyFuture(QList<VmSample>());
    return m_reader->vmSamples(uuid, fromMs, toMs);
}

QFuture<QList<HostSample>> HistoryService::hostHistory(const QString &uri, qint64 fromMs,
                                                       qint64 toMs) const
{
    if (!m_reader)
        return QtFuture::makeReadyFuture(QList<HostSample>());
    return m_reader->hostSamples(uri, fromMs, toMs);
}

QFuture<QList<Series::ChartPoint>> HistoryService::chart(const QString &series, qint64 fromMs,
                                                         qint64 toMs, int widthPx) const
{
    if (!m_reader)
        return QtFuture::makeReadyFuture(QList<Series::ChartPoint>());
    return m_reader->chart(series, fromMs, toMs, widthPx);
}

QFuture<QString> HistoryService::exportCsv(const QString &entity, qint64 fromMs, qint64 toMs,
                                           const QString &filePath) const
{
    if (!m_reader)
        return QtFuture::makeReadyFuture(tr("No database is open."));
    return m_reader->exportCsv(entity, fromMs, toMs, filePath);
}

void HistoryService::setRetention(const Series::Retention &retention)
{
    m_retention = retention;
    if (m_writer)
        QMetaObject::invokeMethod(
            m_writer, [writer = m_writer, retention] { writer->setRetention(retention); },
            Qt::QueuedConnection);
}

} // namespace Umbra
