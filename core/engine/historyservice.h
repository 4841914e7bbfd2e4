#pragma once

#include "fleet/hostinfo.h"
#include "fleet/samples.h"
#include "series/chartpoint.h"
#include "series/retention.h"
#include "util/result.h"

#include <QFuture>
#include <QList>
#include <QObject>
#include <QThread>
#include <memory>

namespace Umbra {

class DatabaseLock;
class StoreReader;
class StoreWriter;

namespace Series {
class SeriesHeads;
}

// The database and the history in it: the lock, the writer on its own thread
// and the reader, and what the console asks of them (samples, charts, CSV
// exports) as futures. The engine opens it once and closes it at shutdown;
// the other services write through writer().
class HistoryService : public QObject
{
    Q_OBJECT

public:
    explicit HistoryService(QObject *parent = nullptr);
    ~HistoryService() override;

    // Opens (creating or migrating) the database, locks it unless read-only,
    // and starts the writer; resolves to the hosts it stores. Read-only
    // serves a damaged database the operator chose to look at: nothing is
    // written to it and no lock is taken.
    Result<QList<HostConfig>> open(const QString &path, bool readOnly);
    // Flushes and stops the writer, drops the reader and the lock. Idempotent.
    void close();
    bool isOpen() const { return m_writer != nullptr; }
    bool isReadOnly() const { return m_readOnly; }
    QString path() const { return m_path; }

    // For the engine's services: null while the store is closed. The writer
    // lives on the store thread; call it queued.
    StoreWriter *writer() const { return m_writer; }
    StoreReader *reader() const { return m_reader.get(); }
    // The newest stored time of each series, shared by writer, readers and models.
    std::shared_ptr<Series::SeriesHeads> heads() const { return m_heads; }

    QFuture<QList<VmSample>> vmHistory(const QString &uuid, qint64 fromMs, qint64 toMs) const;
    QFuture<QList<HostSample>> hostHistory(const QString &uri, qint64 fromMs, qint64 toMs) const;
    // A chart of one series (names: store/metriccatalog.h): at most widthPx
    // points, each with the min/max envelope of what it covers, read from the
    // coarsest resolution fine enough for the width.
    QFuture<QList<Series::ChartPoint>> chart(const QString &series, qint64 fromMs, qint64 toMs,
                                             int widthPx) const;
    // Writes every series of a VM ("vm/<uuid>") or host ("host/<uri>") in
    // [fromMs, toMs] to a CSV file. Resolves to an empty string on success,
    // otherwise to the reason it failed.
    QFuture<QString> exportCsv(const QString &entity, qint64 fromMs, qint64 toMs,
                               const QString &filePath) const;
    // How long each resolution of history is kept (defaults: raw 48 h,
    // 1 min 14 days, 5 min 90 days, 1 h 2 years).
    void setRetention(const Series::Retention &retention);

Q_SIGNALS:
    // Stored history of a VM (UUID) or host (URI) changed behind the live
    // samples (the demo's first day); views showing it read it again.
    void historyFilled(const QString &key);
    // The store could not write; collection goes on, the message says why.
    void storeError(const QString &message);
    void storeRecovered(int samples);
    // New samples of "vm/<uuid>" or "host/<uri>" are not stored, because
    // its history already reaches `heldUntilMs`.
    void samplesDropped(const QString &entity, qint64 heldUntilMs);

private:
    QString m_path;
    bool m_readOnly = false;
    std::unique_ptr<DatabaseLock> m_lock;
    QThread m_thread;
    StoreWriter *m_writer = nullptr;
    std::unique_ptr<StoreReader> m_reader;
    std::shared_ptr<Series::SeriesHeads> m_heads;
    Series::Retention m_retention;
};

} // namespace Umbra
