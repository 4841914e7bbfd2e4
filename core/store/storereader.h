#pragma once

#include "fleet/eventrecord.h"
#include "fleet/samples.h"
#include "series/seriesheads.h"
#include "series/seriesreader.h"

#include <QFuture>
#include <QObject>
#include <QThread>
#include <memory>

namespace Umbra {

class Database;

// Answers history queries on its own thread with its own connection, so the
// GUI never waits for SQLite. WAL mode lets it read while the writer commits;
// the shared heads make samples readable before they are committed.
class StoreReader
{
public:
    StoreReader(const QString &path, std::shared_ptr<Series::SeriesHeads> heads,
                bool readOnly = false);
    ~StoreReader();

    QFuture<QList<VmSample>> vmSamples(const QString &uuid, qint64 fromMs, qint64 toMs);
    QFuture<QList<HostSample>> hostSamples(const QString &uri, qint64 fromMs, qint64 toMs);
    QFuture<QList<EventRecord>> recentEvents(int limit);
    // A chart of one series (see store/metriccatalog.h for names): at most
    // widthPx points with min/max envelopes. Empty when there is no such series.
    QFuture<QList<Series::ChartPoint>> chart(const QString &series, qint64 fromMs, qint64 toMs,
                                             int widthPx);
    // Every series named "<entity>/…" as one CSV file: an empty string on
    // success, otherwise the reason it failed.
    QFuture<QString> exportCsv(const QString &entity, qint64 fromMs, qint64 toMs,
                               const QString &filePath);

private:
    class Worker;
    QString m_path;
    QThread m_thread;
    Worker *m_worker = nullptr;
};

} // namespace Umbra
