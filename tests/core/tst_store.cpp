// The SQLite store: sample round trips, the fleet tables, the batched writer,
// and upgrading a file written by an older Umbra.
#include "../queuedsignalspy.h"
#include "jobs/audittrail.h"
#include "jobs/planstore.h"
#include "migrate/migrationjournal.h"
#include "predict/calendarstore.h"
#include "store/database.h"
#include "store/databaselock.h"
#include "store/fleetrepository.h"
#include "store/samplestore.h"
#include "store/schema.h"
#include "store/storewriter.h"

#include <QFile>
#include <QMutex>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QSysInfo>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <cmath>
#include <sys/stat.h>
#include <unistd.h>

using namespace Umbra;

namespace {

VmSample sample(const QString &uuid, qint64 ts, double cpu)
{
    VmSample s;
    s.uuid = uuid;
    s.timestampMs = ts;
    s.cpuPercent = cpu;
    s.hostCpuPercent = cpu / 8;
    s.memoryUsedKiB = 1024;
    s.memoryAvailableKiB = 4096;
    s.diskReadBytesPerSec = 10;
    s.diskWriteBytesPerSec = 20;
    s.diskReadIops = 1;
    s.diskWriteIops = 2;
    s.netRxBytesPerSec = 30;
    s.netTxBytesPerSec = 40;
    s.netRxPacketsPerSec = 3;
    s.netTxPacketsPerSec = 4;
    return s;
}

// The POSIX locks this process holds on `path`, as /proc/locks lists them
// ("1: POSIX ADVISORY READ 1234 08:01:5678 ..." with the file's inode).
int posixLocksHeld(const QString &path)
{
    struct stat info = {};
    if (::stat(QFile::encodeName(path).constData(), &info) != 0)
        return -1;
    QFile locks(QStringLiteral("/proc/locks"));
    if (!locks.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray pid = QByteArray::number(qint64(::getpid()));
    const QByteArray inode = ':' + QByteArray::number(quint64(info.st_ino)) + ' ';
    int held = 0;
    for (const QByteArray &line : locks.readAll().split('\n')) {
        const QList<QByteArray> fields = line.simplified().split(' ');
        if (fields.size() > 5 && fields[1] == "POSIX" && fields[4] == pid
            && QByteArray(fields[5] + ' ').endsWith(inode))
            ++held;
    }
    return held;
}

// A store writer on a thread of its own, as the console runs it. Spies
// connect to writer() before start(), which opens the store; stop() closes
// it and joins the thread, which deletes the writer.
class WriterThread
{
public:
    WriterThread(const QString &path, int flushIntervalMs)
        : m_writer(new StoreWriter(path, std::make_shared<Series::SeriesHeads>(), flushIntervalMs))
    {
        m_writer->moveToThread(&m_thread);
        QObject::connect(&m_thread, &QThread::finished, m_writer, &QObject::deleteLater);
    }
    ~WriterThread()
    {
        if (m_thread.isRunning())
            stop();
    }

    StoreWriter *writer() const { return m_writer; }
    void start()
    {
        m_thread.start();
        QMetaObject::invokeMethod(m_writer, &StoreWriter::open, Qt::BlockingQueuedConnection);
    }
    void stop()
    {
        QMetaObject::invokeMethod(m_writer, &StoreWriter::close, Qt::BlockingQueuedConnection);
        m_thread.quit();
        m_thread.wait();
    }

private:
    QThread m_thread;
    StoreWriter *m_writer;
};

int fileMode(const QString &path)
{
    struct stat info = {};
    return ::stat(QFile::encodeName(path).constData(), &info) == 0 ? int(info.st_mode & 0777) : -1;
}

} // namespace

class TestStore : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_counter = 0;
    QString freshPath() { return m_dir.filePath(QStringLiteral("db%1.sqlite").arg(++m_counter)); }

private Q_SLOTS:
    void connectionsCreatingOneFileAtOnceBothOpenIt()
    {
        // Workers of one console (or two consoles) may be first to a new
        // file together: one creates the schema, the other finds it made.
        for (int round = 0; round < 5; ++round) {
            const QString path = freshPath();
            QString errors[4];
            QList<QThread *> threads;
            for (int i = 0; i < 4; ++i) {
                threads.append(QThread::create([&errors, i, path] {
                    auto db = Database::open(path, QStringLiteral("race-%1").arg(i));
                    if (!db)
                        errors[i] = db.error();
                }));
            }
            for (QThread *t : threads)
                t->start();
            for (QThread *t : threads) {
                QVERIFY(t->wait(20000));
                delete t;
            }
            for (const QString &error : errors)
                QVERIFY2(error.isEmpty(), qPrintable(error));
            auto db = Database::open(path, QStringLiteral("race-check"));
            QVERIFY(db.ok());
            QSqlQuery version(db.value()->sql());
            QVERIFY(version.exec(QStringLiteral("PRAGMA user_version")) && version.next());
            QCOMPARE(version.value(0).toInt(), Database::kSchemaVersion);
        }
    }

    void moreConnectionsKeepSqlitesLock()
    {
        // SQLite's locks are per process: opening and closing the database
        // file by any other path drops them for every connection, and a
        // second process then checkpoints the WAL from under this one.
        const QString path = freshPath();
        auto first = Database::open(path, QStringLiteral("locks-first"));
        QVERIFY(first.ok());
        QSqlQuery read(first.value()->sql());
        QVERIFY(read.exec(QStringLiteral("SELECT count(*) FROM hosts")) && read.next());
        const int held = posixLocksHeld(path);
        QVERIFY2(held > 0, "a WAL connection holds a shared lock on its database");
        for (int i = 0; i < 3; ++i) {
            auto more = Database::open(path, QStringLiteral("locks-more%1").arg(i));
            QVERIFY(more.ok());
            QVERIFY(
                Database::open(path, QStringLiteral("locks-ro%1").arg(i), Database::Mode::ReadOnly)
                    .ok());
        }
        QCOMPARE(posixLocksHeld(path), held);
    }

    void oneWriterProcessAtATime()
    {
        const QString path = freshPath();
        auto lock = DatabaseLock::acquire(path);
        QVERIFY2(lock.ok(), qPrintable(lock.error()));
        QCOMPARE(fileMode(DatabaseLock::lockPath(path)), 0600);
        auto second = DatabaseLock::acquire(path);
        QVERIFY(!second.ok());
        QVERIFY2(
            second.error().contains(QStringLiteral("in use by Umbra, process %1").arg(::getpid())),
            qPrintable(second.error()));
        lock.value().reset();
        QVERIFY(DatabaseLock::acquire(path).ok());
    }

    void staleLockIsTakenOver()
    {
        // What a killed console leaves: a lock file naming a process that is gone.
        const QString path = freshPath();
        QFile stale(DatabaseLock::lockPath(path));
        QVERIFY(stale.open(QIODevice::WriteOnly));
        stale.write(QByteArray("999999999\numbra\n") + QSysInfo::machineHostName().toUtf8() + '\n');
        stale.close();
        auto lock = DatabaseLock::acquire(path);
        QVERIFY2(lock.ok(), qPrintable(lock.error()));
    }

    void newFilesArePrivate()
    {
        const mode_t previous = ::umask(0022);
        const QString folder = m_dir.filePath(QStringLiteral("private/nested"));
        const QString path = folder + QStringLiteral("/umbra.db");
        {
            auto db = Database::open(path, QStringLiteral("private"));
            QVERIFY2(db.ok(), qPrintable(db.error()));
            QSqlQuery q(db.value()->sql());
            QVERIFY(q.exec(QStringLiteral("INSERT INTO events (ts_ms, severity, kind, message) "
                                          "VALUES (1, 0, 'test', 'x')")));
            QCOMPARE(fileMode(path), 0600);
            QCOMPARE(fileMode(path + QStringLiteral("-wal")), 0600);
            QCOMPARE(fileMode(path + QStringLiteral("-shm")), 0600);
        }
        ::umask(previous);
        QCOMPARE(fileMode(folder), 0700);
        QCOMPARE(fileMode(m_dir.filePath(QStringLiteral("private"))), 0700);
    }

    void createsCurrentSchema()
    {
        const QString path = freshPath();
        auto db = Database::open(path, QStringLiteral("create"));
        QVERIFY2(db.ok(), qPrintable(db.error()));
        QSqlQuery q(db.value()->sql());
        QVERIFY(q.exec(QStringLiteral("PRAGMA user_version")) && q.next());
        QCOMPARE(q.value(0).toInt(), Database::kSchemaVersion);
        QVERIFY(q.exec(QStringLiteral("PRAGMA journal_mode")) && q.next());
        QCOMPARE(q.value(0).toString(), QStringLiteral("wal"));
        QVERIFY(q.exec(QStringLiteral("PRAGMA application_id")) && q.next());
        QCOMPARE(q.value(0).toInt(), Database::kApplicationId);
        // Large enough that a time-series chunk stays in its B-tree page.
        QVERIFY(q.exec(QStringLiteral("PRAGMA page_size")) && q.next());
        QCOMPARE(q.value(0).toInt(), 16384);
    }

    // One large transaction (the demo's history fill, a reader holding a
    // snapshot meanwhile) grows the WAL; it is cut back once checkpointed,
    // not kept at its largest for as long as the console runs.
    void walIsCutBackAfterALargeTransaction()
    {
        const QString path = freshPath();
        auto db = Database::open(path, QStringLiteral("wal-limit"));
        QVERIFY2(db.ok(), qPrintable(db.error()));
        QSqlDatabase &sql = db.value()->sql();
        QSqlQuery q(sql);
        QVERIFY(q.exec(QStringLiteral("CREATE TABLE filler (data BLOB)")));
        QVERIFY(sql.transaction());
        QVERIFY(q.prepare(QStringLiteral("INSERT INTO filler VALUES (?)")));
        const QByteArray block(1 << 20, 'x');
        for (int i = 0; i < 96; ++i) {
            q.addBindValue(block);
            QVERIFY(q.exec());
        }
        QVERIFY(sql.commit());
        const QString wal = path + QStringLiteral("-wal");
        QVERIFY(QFileInfo(wal).size() > 90 << 20);
        // Small commits after it: SQLite checkpoints, restarts the log and
        // cuts its file back.
        for (int i = 0; i < 3; ++i) {
            QVERIFY(q.exec(QStringLiteral("DELETE FROM filler WHERE rowid = %1").arg(i + 1)));
            QVERIFY(q.exec(QStringLiteral("PRAGMA wal_checkpoint(PASSIVE)")));
        }
        QVERIFY2(QFileInfo(wal).size() <= 64 << 20,
                 qPrintable(QString::number(QFileInfo(wal).size())));
    }

    void sampleRoundTrip()
    {
        auto db = Database::open(freshPath(), QStringLiteral("roundtrip"));
        QVERIFY(db.ok());
        SampleStore store(db.value()->sql(), std::make_shared<Series::SeriesHeads>());
        QList<VmSample> written{ sample(QStringLiteral("a"), 1000, 12.5),
                                 sample(QStringLiteral("a"), 2000, 50),
                                 sample(QStringLiteral("b"), 1500, 99) };
        written[1].diskReadIops = kNoValue; // unknown stays unknown
        HostSample host;
        host.uri = QStringLiteral("test:///default");
        host.timestampMs = 1000;
        host.cpuPercent = 33;
        host.memoryTotalKiB = 100;
        host.memoryUsedKiB = 50;
        host.activeVms = 2;
        QVERIFY(store.append(written, { host }).ok());

        auto read = store.vmSamples(QStringLiteral("a"), 0, 5000);
        QVERIFY(read.ok());
        QCOMPARE(read->size(), 2);
        QCOMPARE(read->at(0).timestampMs, qint64(1000));
        QCOMPARE(read->at(0).cpuPercent, 12.5);
        // Kept to the precision the console shows: 0.01 %.
        QCOMPARE(read->at(0).hostCpuPercent, 1.56);
        QCOMPARE(read->at(0).netTxPacketsPerSec, 4.0);
        QVERIFY(std::isnan(read->at(1).diskReadIops));
        QCOMPARE(read->at(1).diskWriteIops, 2.0);

        QCOMPARE(store.vmSamples(QStringLiteral("a"), 1500, 5000)->size(), 1);
        QCOMPARE(store.latestVmTimestamp(QStringLiteral("a")).value(), qint64(2000));
        QCOMPARE(store.latestVmTimestamp(QStringLiteral("none")).value(), qint64(0));

        auto hosts = store.hostSamples(host.uri, 0, 5000);
        QVERIFY(hosts.ok());
        QCOMPARE(hosts->size(), 1);
        QCOMPARE(hosts->at(0).cpuPercent, 33.0);
        QCOMPARE(hosts->at(0).activeVms, 2);

        // Committed, the samples are in the file for a reader with no heads.
        QVERIFY(db.value()->sql().transaction());
        QVERIFY(store.flush().ok());
        QVERIFY(db.value()->sql().commit());
        store.committed();
        SampleStore fresh(db.value()->sql(), std::make_shared<Series::SeriesHeads>(),
                          SampleStore::Access::ReadOnly);
        QCOMPARE(fresh.vmSamples(QStringLiteral("a"), 0, 5000)->size(), 2);
        QCOMPARE(fresh.latestVmTimestamp(QStringLiteral("a")).value(), qint64(2000));
    }

    void fleetRoundTrip()
    {
        auto db = Database::open(freshPath(), QStringLiteral("fleet"));
        QVERIFY(db.ok());
        FleetRepository fleet(db.value()->sql());
        const HostConfig host{ QStringLiteral("test:///default"), true };
        QVERIFY(fleet.addHost(host).ok());
        QVERIFY(fleet.addHost(host).ok()); // adding twice is harmless
        QCOMPARE(fleet.hosts().value(), QList<HostConfig>{ host });

        VmInfo vm;
        vm.uuid = QStringLiteral("u1");
        vm.name = QStringLiteral("web01");
        vm.state = VmState::Paused;
        vm.vcpus = 2;
        vm.memoryKiB = 2048;
        vm.maxMemoryKiB = 4096;
        vm.persistent = true;
        vm.disks = { DiskInfo{ QStringLiteral("vda"), QStringLiteral("/i/web.qcow2"),
                               QStringLiteral("virtio"), QStringLiteral("disk") } };
        vm.nics = { NicInfo{ QStringLiteral("52:54:00:00:00:01"), QStringLiteral("virtio"),
                             QStringLiteral("bridge"), QStringLiteral("br0") } };
        QVERIFY(fleet.replaceVms(host.uri, { vm }).ok());
        QCOMPARE(fleet.vms(host.uri).value(), QList<VmInfo>{ vm });
        vm.state = VmState::Running;
        QVERIFY(fleet.upsertVm(host.uri, vm).ok());
        QCOMPARE(fleet.vms(host.uri)->at(0).state, VmState::Running);
        QVERIFY(fleet.removeVm(host.uri, vm.uuid).ok());
        QVERIFY(fleet.vms(host.uri)->isEmpty());
        QVERIFY(!fleet.upsertVm(QStringLiteral("test:///unknown"), vm).ok());

        EventRecord e{
            5,  EventRecord::Severity::Warning, QStringLiteral("host.degraded"), host.uri,
            {}, QStringLiteral("stats failed")
        };
        QVERIFY(fleet.appendEvents({ e, e }).ok());
        auto events = fleet.recentEvents(1);
        QCOMPARE(events->size(), 1);
        QCOMPARE(events->at(0).severity, EventRecord::Severity::Warning);
        QCOMPARE(events->at(0).message, QStringLiteral("stats failed"));

        QVERIFY(fleet.removeHost(host.uri).ok());
        QVERIFY(fleet.hosts()->isEmpty());
    }

    void migratesVersionOne()
    {
        const QString path = freshPath();
        {
            // A file as the first release of Umbra wrote it.
            QSqlDatabase db
                = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("v1"));
            db.setDatabaseName(path);
            QVERIFY(db.open());
            QSqlQuery q(db);
            for (const QString &statement : Schema::stepStatements(1))
                QVERIFY2(q.exec(statement), qPrintable(statement));
            QVERIFY(
                q.exec(QStringLiteral("PRAGMA application_id=%1").arg(Database::kApplicationId)));
            QVERIFY(q.exec(QStringLiteral("PRAGMA user_version=1")));
            QVERIFY(q.exec(QStringLiteral("INSERT INTO hosts (uri, simulated, added_ms) VALUES "
                                          "('qemu:///system', 0, 1)")));
            QVERIFY(q.exec(QStringLiteral("INSERT INTO vm_samples (uuid, ts_ms, cpu, mem_used, "
                                          "mem_avail, disk_rd, disk_wr, net_rx, net_tx) VALUES "
                                          "('old', 42, 7.5, 1, 2, 3, 4, 5, 6)")));
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("v1"));

        auto db = Database::open(path, QStringLiteral("migrated"));
        QVERIFY2(db.ok(), qPrintable(db.error()));
        QSqlQuery q(db.value()->sql());
        QVERIFY(q.exec(QStringLiteral("PRAGMA user_version")) && q.next());
        QCOMPARE(q.value(0).toInt(), Database::kSchemaVersion);
        QVERIFY(!q.exec(QStringLiteral("SELECT * FROM vm_samples"))); // moved, then dropped
        // The page size a file was made with stays.
        QVERIFY(q.exec(QStringLiteral("PRAGMA page_size")) && q.next());
        QCOMPARE(q.value(0).toInt(), 4096);
        FleetRepository fleet(db.value()->sql());
        QCOMPARE(fleet.hosts()->size(), 1);
        SampleStore store(db.value()->sql(), std::make_shared<Series::SeriesHeads>());
        auto old = store.vmSamples(QStringLiteral("old"), 0, 100);
        QVERIFY(old.ok());
        QCOMPARE(old->size(), 1);
        QCOMPARE(old->at(0).cpuPercent, 7.5);
        QCOMPARE(old->at(0).netTxBytesPerSec, 6.0);
        QVERIFY(std::isnan(old->at(0).hostCpuPercent)); // not recorded by version 1
        QVERIFY(store.append({ sample(QStringLiteral("old"), 43, 1) }, {}).ok());
    }

    void writerBatchesOnItsThread()
    {
        const QString path = freshPath();
        WriterThread writing(path, 50);
        StoreWriter *writer = writing.writer();
        Testing::QueuedSignalSpy flushed(writer, &StoreWriter::flushed);
        writing.start();
        QMetaObject::invokeMethod(
            writer,
            [writer] {
                writer->addHost(HostConfig{ QStringLiteral("test:///default"), false });
                for (int batch = 0; batch < 10; ++batch) {
                    QList<VmSample> vms;
                    for (int i = 0; i < 50; ++i)
                        vms.append(sample(QStringLiteral("vm%1").arg(i), 1000 * batch, i));
                    HostSample host;
                    host.uri = QStringLiteral("test:///default");
                    host.timestampMs = 1000 * batch;
                    writer->addSamples(host, vms);
                }
            },
            Qt::QueuedConnection);
        // Everything queued within one flush interval lands in one transaction.
        QTRY_COMPARE(flushed.size(), 1);
        QCOMPARE(flushed.first().at(0).toInt(), 510);
        writing.stop();

        auto db = Database::open(path, QStringLiteral("verify-writer"), Database::Mode::ReadOnly);
        QVERIFY2(db.ok(), qPrintable(db.error()));
        SampleStore store(db.value()->sql(), std::make_shared<Series::SeriesHeads>(),
                          SampleStore::Access::ReadOnly);
        QCOMPARE(store.vmSamples(QStringLiteral("vm7"), 0, 100000)->size(), 10);
    }

    // Three kinds of writer share the file: the store writer (samples,
    // events, inventory: batched), the prediction thread (models, anomalies,
    // calendar: single rows) and the action threads (journal, plans: one
    // durable commit per step). Each of the others holds SQLite's write lock
    // for one short statement only, so under contention nobody's write fails
    // and nothing is lost — on either side.
    void writersBesideTheStoreWriterNeverStallIt()
    {
        const QString path = freshPath();
        WriterThread writing(path, 20);
        StoreWriter *writer = writing.writer();
        Testing::QueuedSignalSpy failed(writer, &StoreWriter::failed);
        Testing::QueuedSignalSpy flushed(writer, &StoreWriter::flushed);
        writing.start();

        constexpr int kRounds = 150;
        std::atomic<int> journalWrites{ 0 };
        std::atomic<int> planWrites{ 0 };
        std::atomic<int> calendarWrites{ 0 };
        QStringList sideErrors;
        QMutex errorsMutex;
        auto noteError = [&](const QString &e) {
            QMutexLocker lock(&errorsMutex);
            sideErrors.append(e);
        };
        std::unique_ptr<QThread> journalThread(QThread::create([&] {
            auto journal = MigrationJournal::open(path, QStringLiteral("contend-journal"));
            if (!journal)
                return noteError(journal.error());
            for (int i = 0; i < kRounds; ++i) {
                MigrationRecord job;
                job.vmName = QStringLiteral("vm%1").arg(i);
                auto id = journal.value()->create(job);
                auto entered = id
                    ? journal.value()->enterStage(id.value(), MigrationStage::Preflight)
                    : Result<void>(Error{ id.error() });
                if (!entered)
                    return noteError(entered.error());
                ++journalWrites;
            }
        }));
        std::unique_ptr<QThread> planThread(QThread::create([&] {
            auto plans = Jobs::PlanStore::open(path, QStringLiteral("contend-plans"));
            if (!plans)
                return noteError(plans.error());
            for (int i = 0; i < kRounds; ++i) {
                Jobs::Plan plan;
                plan.kind = QStringLiteral("migrate");
                plan.subject = QStringLiteral("vm%1").arg(i);
                auto id = plans.value()->propose(plan);
                auto decided = id
                    ? plans.value()->decide(id.value(), i % 2 == 0, QStringLiteral("operator"))
                    : Result<void>(Error{ id.error() });
                if (!decided)
                    return noteError(decided.error());
                ++planWrites;
            }
        }));
        std::unique_ptr<QThread> calendarThread(QThread::create([&] {
            auto db = Database::open(path, QStringLiteral("contend-calendar"));
            if (!db)
                return noteError(db.error());
            for (int i = 0; i < kRounds; ++i) {
                ScopedCalendarEvent event;
                event.event.name = QStringLiteral("sale %1").arg(i);
                event.event.startMs = 1000 * i;
                event.event.endMs = 1000 * i + 500;
                if (auto added = CalendarStore::add(db.value()->sql(), event); !added)
                    return noteError(added.error());
                ++calendarWrites;
            }
        }));
        journalThread->start();
        planThread->start();
        calendarThread->start();
        for (int batch = 0; batch < kRounds; ++batch) {
            QMetaObject::invokeMethod(
                writer,
                [writer, batch] {
                    QList<VmSample> vms;
                    for (int i = 0; i < 20; ++i)
                        vms.append(sample(QStringLiteral("vm%1").arg(i), 1000 * batch, i));
                    HostSample host;
                    host.uri = QStringLiteral("test:///default");
                    host.timestampMs = 1000 * batch;
                    writer->addSamples(host, vms);
                    writer->addEvent(EventRecord{ 1000 * batch,
                                                  EventRecord::Severity::Info,
                                                  QStringLiteral("test.batch"),
                                                  {},
                                                  {},
                                                  QStringLiteral("batch %1").arg(batch) });
                },
                Qt::QueuedConnection);
            QThread::msleep(2);
        }
        journalThread->wait();
        planThread->wait();
        calendarThread->wait();
        writing.stop();

        QVERIFY2(sideErrors.isEmpty(), qPrintable(sideErrors.join(u'\n')));
        failed.catchUp();
        QVERIFY2(failed.isEmpty(),
                 qPrintable(failed.isEmpty() ? QString() : failed.first().first().toString()));
        QCOMPARE(journalWrites.load(), kRounds);
        QCOMPARE(planWrites.load(), kRounds);
        QCOMPARE(calendarWrites.load(), kRounds);
        auto db = Database::open(path, QStringLiteral("verify-contend"), Database::Mode::ReadOnly);
        QVERIFY2(db.ok(), qPrintable(db.error()));
        SampleStore store(db.value()->sql(), std::make_shared<Series::SeriesHeads>(),
                          SampleStore::Access::ReadOnly);
        QCOMPARE(store.vmSamples(QStringLiteral("vm7"), 0, 1000 * kRounds)->size(), kRounds);
        QSqlQuery count(db.value()->sql());
        QVERIFY(count.exec(QStringLiteral("SELECT (SELECT count(*) FROM migration_jobs), "
                                          "(SELECT count(*) FROM plans), "
                                          "(SELECT count(*) FROM events)"))
                && count.next());
        QCOMPARE(count.value(0).toInt(), kRounds);
        QCOMPARE(count.value(1).toInt(), kRounds);
        QCOMPARE(count.value(2).toInt(), kRounds);
        // Each plan was proposed and decided: two entries, one chain.
        auto audit = Jobs::AuditTrail::verify(db.value()->sql());
        QVERIFY2(audit.ok() && audit->intact(), qPrintable(audit ? audit->problem : audit.error()));
        QCOMPARE(audit->records, 2 * kRounds);
    }

    // Replacing a host's inventory reads (the host's id) before it writes.
    // While another connection holds the write lock and then commits, that
    // read's snapshot goes stale and SQLite refuses its first write at once,
    // whatever the busy timeout: the restart of a large fleet lost an
    // inventory that way ("database is locked"). Write transactions take the
    // lock first, so the writer waits its turn instead.
    void aWriteThatReadsFirstWaitsForAnotherConnection()
    {
        const QString path = freshPath();
        const QString uri = QStringLiteral("test:///default");
        WriterThread writing(path, 50);
        StoreWriter *writer = writing.writer();
        Testing::QueuedSignalSpy failed(writer, &StoreWriter::failed);
        writing.start();
        QMetaObject::invokeMethod(
            writer,
            [writer, uri] {
                writer->addHost(HostConfig{ uri, false });
            },
            Qt::BlockingQueuedConnection);

        std::atomic_bool locked{ false };
        QString otherError;
        std::unique_ptr<QThread> other(QThread::create([&] {
            auto db = Database::open(path, QStringLiteral("hold-the-lock"));
            if (!db) {
                otherError = db.error();
                locked = true;
                return;
            }
            auto done = db.value()->exec(QStringLiteral("BEGIN IMMEDIATE"));
            if (done)
                done = db.value()->exec(
                    QStringLiteral("INSERT INTO events (ts_ms, severity, kind, message) "
                                   "VALUES (1, 0, 'test', 'held')"));
            locked = true;
            QThread::msleep(300);
            if (done)
                done = db.value()->exec(QStringLiteral("COMMIT"));
            if (!done)
                otherError = done.error();
        }));
        other->start();
        QTRY_VERIFY(locked.load());

        VmInfo vm;
        vm.uuid = QStringLiteral("vm-1");
        vm.name = QStringLiteral("web-1");
        vm.state = VmState::Running;
        QMetaObject::invokeMethod(
            writer, [writer, uri, vm] { writer->replaceVms(uri, { vm }); },
            Qt::BlockingQueuedConnection);
        other->wait();
        writing.stop();

        QVERIFY2(otherError.isEmpty(), qPrintable(otherError));
        failed.catchUp();
        QVERIFY2(failed.isEmpty(),
                 qPrintable(failed.isEmpty() ? QString() : failed.first().first().toString()));
        auto db = Database::open(path, QStringLiteral("verify-waited"), Database::Mode::ReadOnly);
        QVERIFY2(db.ok(), qPrintable(db.error()));
        QSqlQuery count(db.value()->sql());
        QVERIFY(count.exec(QStringLiteral("SELECT (SELECT count(*) FROM vms WHERE uuid = 'vm-1'), "
                                          "(SELECT count(*) FROM events WHERE message = 'held')"))
                && count.next());
        QCOMPARE(count.value(0).toInt(), 1);
        QCOMPARE(count.value(1).toInt(), 1);
    }

    // Every proposal, decision and execution is an entry of the audit
    // trail, chained by hashes: the table refuses changes, and a change made
    // behind SQLite's back (the triggers dropped) breaks the chain where it
    // was made. Two writers at once still make one chain.
    void auditTrailChainsEveryDecision()
    {
        const QString path = freshPath();
        {
            auto plans = Jobs::PlanStore::open(path, QStringLiteral("audited"));
            QVERIFY(plans.ok());
            Jobs::Plan plan;
            plan.kind = QStringLiteral("migration");
            plan.subject = QStringLiteral("web01");
            plan.summary = QStringLiteral("Move web01 to kvm02");
            const qint64 id = plans.value()->propose(plan).value();
            QVERIFY(plans.value()->decide(id, true, QStringLiteral("operator")).ok());
            QVERIFY(plans.value()->startExecution(id, 7).ok());
            QVERIFY(plans.value()->finishExecution(id).ok());
            plan.refusal = QStringLiteral("no room");
            QVERIFY(plans.value()->propose(plan).ok());
            // A decision that is refused leaves no entry.
            QVERIFY(!plans.value()->decide(id, false, QStringLiteral("policy:evacuate")).ok());
        }
        auto db = Database::open(path, QStringLiteral("audit-read"));
        QVERIFY(db.ok());
        QSqlDatabase &sql = db.value()->sql();
        auto entries = Jobs::AuditTrail::read(sql);
        QVERIFY(entries.ok());
        QStringList actions;
        for (const Jobs::AuditRecord &e : entries.value())
            actions.append(e.action);
        QCOMPARE(actions,
                 QStringLiteral("proposed approved executing executed refused").split(u' '));
        QVERIFY(entries->at(1).actor.startsWith(QLatin1String("operator:")));
        QCOMPARE(entries->at(1).subject, QStringLiteral("web01"));
        QCOMPARE(entries->at(4).detail, QStringLiteral("Move web01 to kvm02: no room"));
        QCOMPARE(Jobs::AuditTrail::read(sql, { {}, {}, QStringLiteral("umbra"), 0, 0 })->size(), 4);
        QVERIFY(Jobs::AuditTrail::verify(sql)->intact());

        QSqlQuery q(sql);
        QVERIFY(!q.exec(QStringLiteral("UPDATE audit SET detail = 'nothing' WHERE seq = 2")));
        QVERIFY(!q.exec(QStringLiteral("DELETE FROM audit WHERE seq = 5")));
        QVERIFY(q.exec(QStringLiteral("DROP TRIGGER audit_is_append_only_update")));
        QVERIFY(q.exec(QStringLiteral("DROP TRIGGER audit_is_append_only_delete")));
        QVERIFY(
            q.exec(QStringLiteral("UPDATE audit SET actor = 'operator:mallory' WHERE seq = 2")));
        auto edited = Jobs::AuditTrail::verify(sql);
        QVERIFY(edited.ok());
        QCOMPARE(edited->brokenAt, 2);
        QVERIFY2(edited->problem.contains(QLatin1String("changed")), qPrintable(edited->problem));
        QVERIFY(q.exec(QStringLiteral("DELETE FROM audit WHERE seq <= 2")));
        QCOMPARE(Jobs::AuditTrail::verify(sql)->brokenAt, 3);
        db.value().reset();

        // Two writers at once: each entry still follows the one before.
        const QString shared = freshPath();
        QVERIFY(Database::open(shared, QStringLiteral("create")).ok());
        auto propose = [&shared](const QString &name) {
            return QThread::create([shared, name] {
                auto plans = Jobs::PlanStore::open(shared, name);
                for (int i = 0; plans && i < 40; ++i) {
                    Jobs::Plan plan;
                    plan.kind = QStringLiteral("migration");
                    plan.subject = name;
                    (void)plans.value()->propose(plan);
                }
            });
        };
        std::unique_ptr<QThread> first(propose(QStringLiteral("one")));
        std::unique_ptr<QThread> second(propose(QStringLiteral("two")));
        first->start();
        second->start();
        first->wait();
        second->wait();
        auto both = Database::open(shared, QStringLiteral("audit-both"));
        auto chained = Jobs::AuditTrail::verify(both.value()->sql());
        QVERIFY2(chained->intact(), qPrintable(chained->problem));
        QCOMPARE(chained->records, 80);
    }

    void droppedSamplesAreReported()
    {
        // History that reaches past the clock (an import of the future, a
        // clock set back) holds back live samples; the writer says so, once.
        StoreWriter writer(freshPath(), std::make_shared<Series::SeriesHeads>(), 60000);
        QSignalSpy dropped(&writer, &StoreWriter::samplesDropped);
        writer.open();
        const qint64 ahead = 4102444800000; // 2100-01-01
        HostSample host;
        host.uri = QStringLiteral("test:///default");
        host.timestampMs = 1000;
        writer.addSamples(host, { sample(QStringLiteral("ahead"), ahead, 1) });
        QCOMPARE(dropped.size(), 0);
        for (int i = 1; i <= 3; ++i) {
            host.timestampMs = 1000 + i;
            writer.addSamples(host,
                              { sample(QStringLiteral("ahead"), 1000 + i, 2),
                                sample(QStringLiteral("fine"), 1000 + i, 2) });
        }
        // A VM's sample a moment late (two hosts report it during a
        // migration) costs only itself, and is not reported.
        writer.addSamples(host, { sample(QStringLiteral("fine"), 1000, 3) });
        QCOMPARE(dropped.size(), 1);
        QCOMPARE(dropped.first().at(0).toString(), QStringLiteral("vm/ahead"));
        QCOMPARE(dropped.first().at(1).toLongLong(), ahead);
        writer.close();
    }
};

QTEST_GUILESS_MAIN(TestStore)
#include "tst_store.moc"
