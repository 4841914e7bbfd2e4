#include "store/storereader.h"

#include "series/csvseries.h"
#include "store/database.h"
#include "store/fleetrepository.h"
#include "store/samplestore.h"
#include "util/privatefiles.h"

#include <QCoreApplication>
#include <QLoggingCategory>
#include <QMap>
#include <QPromise>

Q_LOGGING_CATEGORY(lcReader, "umbra.store.reader")

namespace Umbra {

class StoreReader::Worker : public QObject
{
public:
    Worker(QString path, std::shared_ptr<Series::SeriesHeads> heads, bool readOnly)
        : m_path(std::move(path))
        , m_heads(std::move(heads))
        , m_readOnly(readOnly)
    { }
    ~Worker() override
    {
        m_samples.reset();
        m_fleet.reset();
        m_db.reset();
    }

    // Runs `query` on the reader thread and fulfils a future with its value;
    // a failed query yields an empty result and a log line.
    template<typename T, typename Query> QFuture<T> run(Query query)
    {
        auto promise = std::make_shared<QPromise<T>>();
        QFuture<T> future = promise->future();
        promise->start();
        QMetaObject::invokeMethod(
            this,
            [this, promise, query] {
                T value{};
                if (connection()) {
                    auto result = query(*m_samples, *m_fleet);
                    if (result)
                        value = std::move(result).value();
                    else
                        qCWarning(lcReader).noquote() << result.error();
                }
                promise->addResult(std::move(value));
                promise->finish();
            },
            Qt::QueuedConnection);
        return future;
    }

private:
    bool connection()
    {
        if (m_db)
            return true;
        auto db
            = Database::open(m_path, QStringLiteral("umbra-reader-%1").arg(quintptr(this), 0, 16),
                             m_readOnly ? Database::Mode::ReadOnly : Database::Mode::ReadWrite);
        if (!db) {
            qCWarning(lcReader).noquote() << db.error();
            return false;
        }
        m_db = std::move(db).value();
        m_samples
            = std::make_unique<SampleStore>(m_db->sql(), m_heads, SampleStore::Access::ReadOnly);
        m_fleet = std::make_unique<FleetRepository>(m_db->sql());
        return true;
    }

    QString m_path;
    std::shared_ptr<Series::SeriesHeads> m_heads;
    bool m_readOnly = false;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<SampleStore> m_samples;
    std::unique_ptr<FleetRepository> m_fleet;
};

StoreReader::StoreReader(const QString &path, std::shared_ptr<Series::SeriesHeads> heads,
                         bool readOnly)
    : m_path(path)
    , m_worker(new Worker(path, std::move(heads), readOnly))
{
    m_thread.setObjectName(QStringLiteral("umbra-store-reader"));
    m_worker->moveToThread(&m_thread);
    QObject::connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    m_thread.start();
}

StoreReader::~StoreReader()
{
    m_thread.quit();
    m_thread.wait();
}

QFuture<QList<VmSample>> StoreReader::vmSamples(const QString &uuid, qint64 fromMs, qint64 toMs)
{
    return m_worker->run<QList<VmSample>>([=](SampleStore &samples, FleetRepository &) {
        return samples.vmSamples(uuid, fromMs, toMs);
    });
}

QFuture<QList<HostSample>> StoreReader::hostSamples(const QString &uri, qint64 fromMs, qint64 toMs)
{
    return m_worker->run<QList<HostSample>>([=](SampleStore &samples, FleetRepository &) {
        return samples.hostSamples(uri, fromMs, toMs);
    });
}

QFuture<QList<EventRecord>> StoreReader::recentEvents(int limit)
{
    return m_worker->run<QList<EventRecord>>(
        [=](SampleStore &, FleetRepository &fleet) { return fleet.recentEvents(limit); });
}

} // namespace Umbra

namespace Umbra {

QFuture<QList<Series::ChartPoint>> StoreReader::chart(const QString &series, qint64 fromMs,
                                                      qint64 toMs, int widthPx)
{
    return m_worker->run<QList<Series::ChartPoint>>(
        [=](SampleStore &samples, FleetRepository &) -> Result<QList<Series::ChartPoint>> {
            auto id = samples.reader().seriesId(series);
            if (!id)
                return Error{ id.error() };
            if (id.value() == 0)
                return QList<Series::ChartPoint>();
            return samples.reader().chart(id.value(), fromMs, toMs, widthPx);
        });
}

} // namespace Umbra

namespace Umbra {

QFuture<QString> StoreReader::exportCsv(const QString &entity, qint64 fromMs, qint64 toMs,
                                        const QString &filePath)
{
    return m_worker->run<QString>([=, database = m_path](SampleStore &samples,
                                                         FleetRepository &) -> Result<QString> {
        auto all = samples.reader().allSeries();
        if (!all)
            return all.error();
        const QString prefix = entity + QLatin1Char('/');
        QMap<QString, int> matching; // columns in name order
        for (auto it = all->cbegin(); it != all->cend(); ++it)
            if (it.key().startsWith(prefix))
                matching.insert(it.key().mid(prefix.size()), it.value());
        const QList<int> ids = matching.values();
        const QStringList headers = matching.keys();
        if (ids.isEmpty())
            return QCoreApplication::translate("Umbra::StoreReader", "No history is stored for %1.")
                .arg(entity);
        if (auto writable = PrivateFiles::checkWritable(filePath, Database::files(database));
            !writable)
            return writable.error();
        // The file appears whole or not at all.
        const qint64 damagedBefore = samples.reader().damagedChunks();
        auto written = PrivateFiles::write(filePath, [&](QIODevice &out) -> Result<void> {
            auto rows = Series::writeCsv(samples.reader(), ids, headers, fromMs, toMs, out);
            if (!rows)
                return Error{ rows.error() };
            return {};
        });
        if (!written)
            return written.error();
        if (const qint64 damaged = samples.reader().damagedChunks() - damagedBefore; damaged > 0)
            return QCoreApplication::translate("Umbra::StoreReader",
                                               "Saved, but %1 stored chunks are damaged and "
                                               "could not be read; their samples are missing.")
                .arg(damaged);
        return QString();
    });
}

} // namespace Umbra
