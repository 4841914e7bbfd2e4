#pragma once

#include "collect/samples.h"
#include "fleet/eventrecord.h"

#include <QFuture>
#include <QObject>
#include <QThread>
#include <memory>

namespace Umbra {

class Database;

// Answers history queries on its own thread with its own connection, so the
// GUI never waits for SQLite. WAL mode lets it read while the writer commits.
class StoreReader
{
public:
    explicit StoreReader(const QString &path);
    ~StoreReader();

    QFuture<QList<VmSample>> vmSamples(const QString &uuid, qint64 fromMs, qint64 toMs);
    QFuture<QList<HostSample>> hostSamples(const QString &uri, qint64 fromMs, qint64 toMs);
    QFuture<QList<EventRecord>> recentEvents(int limit);

private:
    class Worker;
    QThread m_thread;
    Worker *m_worker = nullptr;
};

} // namespace Umbra
