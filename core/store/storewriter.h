#pragma once

#include "fleet/eventrecord.h"
#include "fleet/hostinfo.h"
#include "fleet/samples.h"
#include "fleet/vminfo.h"
#include "series/serieswriter.h"
#include "util/result.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <functional>
#include <memory>

class QTimer;

namespace Umbra {

class Database;
class FleetRepository;
class SampleStore;

// The one writer of the database, living on the store thread. Samples go into
// the time-series heads at once (readable from then on) and, with events, are
// committed in one transaction per flush interval, so a collection of 500 VMs
// costs one commit, not 500; a crash loses at most that interval. Inventory
// changes are rare and written at once. Expired chunks are deleted in small
// slices between flushes, so a large deletion never holds up samples.
class StoreWriter : public QObject
{
    Q_OBJECT

public:
    StoreWriter(const QString &path, std::shared_ptr<Series::SeriesHeads> heads,
                int flushIntervalMs = 1000, QObject *parent = nullptr);
    ~StoreWriter() override;

    // A writer of a database opened read-only (a damaged one the operator
    // chose to look at) writes nothing: it drops what it is given, silently.
    // Set before open().
    void setReadOnly(bool readOnly) { m_readOnly = readOnly; }

    // All of these run on the store thread; call them queued.
    Q_INVOKABLE void open();
    Q_INVOKABLE void close();
    Q_INVOKABLE void flush();
    // Writes everything, open chunks included, so that the file alone holds
    // it without the journal (at close, and for readers in other processes).
    void flushAll();
    void setRetention(const Umbra::Series::Retention &retention);
    // Deletes one slice of expired chunks in a transaction of its own;
    // returns how many chunks it deleted.
    int enforceRetention(int maxChunks = 2000);

    void addSamples(const Umbra::HostSample &host, const QList<Umbra::VmSample> &vms);
    void addPoints(const QList<Umbra::NamedPoint> &points);
    void addEvent(const Umbra::EventRecord &event);
    void addHost(const Umbra::HostConfig &host);
    void removeHost(const QString &uri);
    void updateHostInfo(const Umbra::HostInfo &info);
    void replaceVms(const QString &uri, const QList<Umbra::VmInfo> &vms);
    void upsertVm(const QString &uri, const Umbra::VmInfo &vm);
    void removeVm(const QString &uri, const QString &uuid);

    // Fills in history before the oldest sample stored for a VM: stores
    // what `generate(from, to)` returns that is older than everything it
    // has. The demo uses it to show an hour of simulated history on first start.
    using HistoryGenerator = std::function<QList<VmSample>(qint64 fromMs, qint64 toMs)>;
    void fillHistory(const QString &uuid, qint64 fromMs, qint64 toMs,
                     const HistoryGenerator &generate);
    using HostHistoryGenerator = std::function<QList<HostSample>(qint64 fromMs, qint64 toMs)>;
    void fillHostHistory(const QString &uri, qint64 fromMs, qint64 toMs,
                         const HostHistoryGenerator &generate);

    qint64 samplesWritten() const { return m_samplesWritten; }

Q_SIGNALS:
    void failed(const QString &message);
    // Writing works again after `failed`: what was held meanwhile is written.
    void recovered(int samples);
    void flushed(int samples);
    // History was filled in for a VM (its UUID) or a host (its URI); views
    // showing it should read it again.
    void historyFilled(const QString &key);
    // Samples of a VM ("vm/<uuid>") or host ("host/<uri>") were dropped: its
    // history already reaches `heldUntilMs`, ahead of this clock, so every
    // sample until then will be. Said once an hour at most for each.
    void samplesDropped(const QString &entity, qint64 heldUntilMs);

private:
    bool ready();
    void flushSamples(Series::SeriesWriter::Snapshot snapshot);
    void reportDroppedSamples();
    void report(const QString &message);
    template<typename Function> void writeNow(Function function);
    // Commits what `function` wrote when it succeeds; rolls back and returns
    // the reason when it, or the commit, fails.
    template<typename Function> Result<void> inTransaction(Function function);

    QString m_path;
    std::shared_ptr<Series::SeriesHeads> m_heads;
    int m_flushIntervalMs;
    bool m_readOnly = false;
    Series::Retention m_retention;
    qint64 m_nextRetentionMs = 0;
    bool m_retentionBacklog = false;
    int m_pendingSamples = 0;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<SampleStore> m_samples;
    std::unique_ptr<FleetRepository> m_fleet;
    QList<EventRecord> m_pendingEvents;
    QTimer *m_timer = nullptr;
    QString m_lastError;
    qint64 m_samplesWritten = 0;
    QHash<QString, qint64> m_droppedReportedMs; // by entity
};

} // namespace Umbra
