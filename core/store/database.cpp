#include "store/database.h"

#include "series/sqlitestatement.h"
#include "store/databaselock.h"
#include "store/schema.h"
#include "util/privatefiles.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QScopeGuard>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QThread>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <sqlite3.h>
#include <sys/stat.h>
#include <thread>

namespace Umbra {

namespace {

// lupdate and the runtime must agree on the context of these strings.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Umbra::Database)
};

// What can be told about a file without opening it. The header itself is
// judged by SQLite: opening the database file in any other way, even to read
// 16 bytes, would drop the POSIX locks SQLite holds on it for this process's
// other connections when it is closed again (see DatabaseLock).
// A database is written beside its -wal, -shm and lock files, made on the
// fly: in a folder every user may write to, another user could put a file or
// a link of their own in their place first, or remove them.
Result<void> checkFolderIsPrivate(const QFileInfo &file)
{
    const QString folder = file.absolutePath();
    struct stat info = {};
    if (::stat(QFile::encodeName(folder).constData(), &info) == 0 && (info.st_mode & S_IWOTH))
        return Error{ Tr::tr("%1 is in %2, a folder every user of this machine can write to; "
                             "another user could replace its journal or lock. Keep the database "
                             "in a folder of your own (by default ~/.local/share/umbra).")
                          .arg(file.fileName(), folder) };
    return {};
}

Result<void> checkExistingFile(const QFileInfo &file, Database::Mode mode)
{
    if (!file.isFile())
        return Error{ Tr::tr("%1 is not a file.").arg(file.filePath()) };
    if (!file.isReadable())
        return Error{ Tr::tr("%1 cannot be read (permissions).").arg(file.filePath()) };
    if (mode != Database::Mode::ReadOnly && !file.isWritable())
        return Error{ Tr::tr(
                          "%1 is read-only; Umbra needs to write its history there. Choose another "
                          "file with --database.")
                          .arg(file.filePath()) };
    if (mode != Database::Mode::ReadOnly)
        return checkFolderIsPrivate(file);
    return {};
}

Result<void> checkNewFile(const QFileInfo &file)
{
    const QString folder = file.absolutePath();
    if (auto made = PrivateFiles::makeFolder(folder); !made)
        return Error{ Tr::tr("Cannot create the folder %1 for the database.").arg(folder) };
    const QFileInfo folderInfo(folder);
    if (!folderInfo.isWritable())
        return Error{
            Tr::tr("Cannot create %1: the folder %2 is not writable.").arg(file.filePath(), folder)
        };
    return checkFolderIsPrivate(file);
}

// SQLite's primary result code behind a failed statement.
int sqliteCode(const QSqlError &error)
{
    return error.nativeErrorCode().toInt() & 0xff;
}

// Why a database could not be read, in the operator's terms: a file that is
// not SQLite, a damaged one and one SQLite may not open beside its folder are
// different problems with different remedies.
QString unreadableReason(const QString &path, const QSqlError &error)
{
    constexpr int kCorrupt = 11; // SQLITE_CORRUPT
    constexpr int kCantOpen = 14; // SQLITE_CANTOPEN
    constexpr int kNotADatabase = 26; // SQLITE_NOTADB
    switch (sqliteCode(error)) {
    case kNotADatabase:
        return Tr::tr("%1 is not an Umbra database (it is not a SQLite file). It was left "
                      "untouched.")
            .arg(path);
    case kCorrupt:
        return Tr::tr("%1 is damaged: %2. It was left untouched; keep a copy before trying to "
                      "repair it.")
            .arg(path, error.databaseText());
    case kCantOpen:
        return Tr::tr("%1 cannot be opened: SQLite needs to create %2-wal and %2-shm beside it, "
                      "and the folder %3 does not allow that.")
            .arg(path, QFileInfo(path).fileName(), QFileInfo(path).absolutePath());
    default:
        return Tr::tr("%1 cannot be read: %2").arg(path, error.databaseText());
    }
}

constexpr int kNewPageSize = 16384;

} // namespace

QString Database::uniqueConnectionName(const QString &purpose)
{
    static std::atomic<int> counter{ 0 };
    return purpose + QLatin1Char('-') + QString::number(++counter);
}

Database::Database(QSqlDatabase db, QString path)
    : m_db(std::move(db))
    , m_path(std::move(path))
{ }

Database::~Database()
{
    const QString name = m_db.connectionName();
    m_db.close();
    m_db = QSqlDatabase();
    QSqlDatabase::removeDatabase(name);
}

QString Database::defaultPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)
        + QStringLiteral("/umbra.db");
}

Result<std::unique_ptr<Database>> Database::open(const QString &path, const QString &connectionName,
                                                 Mode mode)
{
    const QFileInfo file(path);
    const bool created = !file.exists();
    if (!created) {
        if (auto checked = checkExistingFile(file, mode); !checked)
            return Error{ checked.error() };
    } else if (mode == Mode::ReadOnly) {
        return Error{ Tr::tr("%1 does not exist.").arg(path) };
    } else if (auto checked = checkNewFile(file); !checked) {
        return Error{ checked.error() };
    }

    // From here on the Database owns the connection and removes it on failure;
    // no other copy of the handle may outlive it.
    std::unique_ptr<Database> database(
        new Database(QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connectionName), path));
    database->m_db.setDatabaseName(path);
    database->m_db.setConnectOptions(
        mode == Mode::ReadOnly ? QStringLiteral("QSQLITE_OPEN_READONLY;QSQLITE_BUSY_TIMEOUT=5000")
                               : QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
    if (!database->m_db.open())
        return Error{ Tr::tr("Cannot open %1: %2").arg(path, database->m_db.lastError().text()) };
    // SQLite made the file (empty so far) with the umask's mode; the -wal and
    // -shm files it creates later copy the database file's mode.
    if (created)
        PrivateFiles::restrict(path);
    if (auto prepared = database->prepare(mode); !prepared)
        return Error{ prepared.error() };
    return database;
}

QStringList Database::files(const QString &path)
{
    return { path, path + QStringLiteral("-wal"), path + QStringLiteral("-shm"),
             path + QStringLiteral("-journal"), DatabaseLock::lockPath(path) };
}

Result<Database::Integrity> Database::quickCheck(int budgetMs, const std::atomic_bool *cancel)
{
    sqlite3 *raw = SqliteStatement::handle(m_db);
    if (!raw)
        return Error{ Tr::tr("%1 cannot be checked: no SQLite connection.").arg(m_path) };
    // A watchdog interrupts the check when its time is up or it is
    // cancelled. Not the progress handler: SQLite checks each table's b-tree
    // within one step of its virtual machine, so a progress handler is not
    // asked again until a table of gigabytes is done (21 s for a 10 GB table
    // here); sqlite3_interrupt() stops it within milliseconds, from any
    // thread.
    std::mutex mutex;
    std::condition_variable wake;
    bool done = false;
    std::thread watchdog([&] {
        using Clock = std::chrono::steady_clock;
        const auto deadline = Clock::now() + std::chrono::milliseconds(budgetMs);
        std::unique_lock lock(mutex);
        while (!done) {
            const bool over = Clock::now() >= deadline || (cancel && cancel->load());
            // Again until the check ends: an interrupt before the check has
            // started is lost. Cancelling is looked at every 20 ms.
            if (over)
                sqlite3_interrupt(raw);
            wake.wait_until(lock,
                            over
                                ? Clock::now() + std::chrono::milliseconds(5)
                                : std::min(deadline, Clock::now() + std::chrono::milliseconds(20)));
        }
    });
    const auto stopWatchdog = qScopeGuard([&] {
        {
            std::lock_guard lock(mutex);
            done = true;
        }
        wake.notify_one();
        watchdog.join();
    });
    Integrity integrity;
    {
        // At most 20 problems: enough to tell a damaged page from a ruined file.
        QSqlQuery query(m_db);
        if (!query.exec(QStringLiteral("PRAGMA quick_check(20)"))) {
            constexpr int kInterrupted = 9; // SQLITE_INTERRUPT
            if (sqliteCode(query.lastError()) == kInterrupted) {
                integrity.complete = false;
            } else {
                integrity.problems.append(query.lastError().databaseText());
                return integrity;
            }
        }
        while (query.next()) {
            // One finding a line; the heading SQLite puts before them says nothing.
            const QStringList lines = query.value(0).toString().split(QLatin1Char('\n'));
            for (const QString &line : lines) {
                if (line != QLatin1String("ok") && !line.startsWith(QLatin1String("*** ")))
                    integrity.problems.append(line);
            }
        }
    }
    return integrity;
}

Database::Integrity Database::inspect(const QString &path, int budgetMs,
                                      const std::atomic_bool *cancel)
{
    if (!QFileInfo(path).isFile())
        return {};
    auto db = open(path, uniqueConnectionName(QStringLiteral("umbra-inspect")), Mode::ReadOnly);
    if (!db)
        return {};
    auto checked = db.value()->quickCheck(budgetMs, cancel);
    if (!checked)
        return Integrity{ { checked.error() }, true };
    return checked.value();
}

Result<void> Database::copy(const QString &from, const QString &to)
{
    if (QFileInfo::exists(to))
        return Error{ Tr::tr("Cannot copy %1: %2 exists already.").arg(from, to) };
    auto source = open(from, uniqueConnectionName(QStringLiteral("umbra-copy")), Mode::ReadOnly);
    if (!source)
        return Error{ source.error() };
    sqlite3 *raw = SqliteStatement::handle(source.value()->sql());
    sqlite3 *target = nullptr;
    const QByteArray name = QFile::encodeName(to);
    int rc = sqlite3_open_v2(name.constData(), &target, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE,
                             nullptr);
    if (rc == SQLITE_OK) {
        PrivateFiles::restrict(to);
        sqlite3_backup *backup = sqlite3_backup_init(target, "main", raw, "main");
        if (backup) {
            rc = sqlite3_backup_step(backup, -1);
            rc = rc == SQLITE_DONE ? sqlite3_backup_finish(backup)
                                   : (sqlite3_backup_finish(backup), rc);
        } else {
            rc = sqlite3_errcode(target);
        }
    }
    const QString reason = QString::fromUtf8(target ? sqlite3_errmsg(target) : sqlite3_errstr(rc));
    sqlite3_close(target);
    if (rc != SQLITE_OK) {
        QFile::remove(to);
        return Error{ Tr::tr("Copying %1 to %2 failed: %3").arg(from, to, reason) };
    }
    return {};
}

Result<void> Database::exec(const QString &statement)
{
    QSqlQuery query(m_db);
    if (!query.exec(statement))
        return Error{
            Tr::tr("Database error in “%1”: %2").arg(statement, query.lastError().text())
        };
    return {};
}

Result<void> Database::beginWrite(QSqlDatabase &db)
{
    QSqlQuery query(db);
    if (!query.exec(QStringLiteral("BEGIN IMMEDIATE")))
        return Error{ query.lastError().text() };
    return {};
}

Result<int> Database::readVersion()
{
    // One statement, so one snapshot: read one by one, another connection
    // creating the schema in between made a fresh file look like someone
    // else's (no application id yet, but tables).
    QSqlQuery query(m_db);
    if (!query.exec(QStringLiteral("SELECT (SELECT application_id FROM pragma_application_id),"
                                   " (SELECT user_version FROM pragma_user_version),"
                                   " (SELECT count(*) FROM sqlite_master)"))
        || !query.next())
        return Error{ unreadableReason(m_path, query.lastError()) };
    const qint64 applicationId = query.value(0).toLongLong();
    const int version = query.value(1).toInt();
    const int objects = query.value(2).toInt();

    if (applicationId != 0 && applicationId != kApplicationId)
        return Error{ Tr::tr("%1 belongs to another application (SQLite application id %2). It was "
                             "left untouched.")
                          .arg(m_path)
                          .arg(applicationId) };
    if (applicationId == 0 && objects > 0)
        return Error{
            Tr::tr("%1 is a SQLite database, but not Umbra's. It was left untouched.").arg(m_path)
        };
    if (version > kSchemaVersion)
        return Error{
            Tr::tr("%1 was written by a newer Umbra (schema version %2; this version reads up "
                   "to %3). It was left untouched; upgrade Umbra to open it.")
                .arg(m_path)
                .arg(version)
                .arg(kSchemaVersion)
        };
    return version;
}

Result<void> Database::enterWal()
{
    // The journal mode is the file's, set once by whoever is first. Setting
    // it needs the file to itself, and SQLite answers "locked" at once,
    // without its busy timeout, while another connection merely reads — as
    // the other workers opening a new file at the same moment do.
    QDeadlineTimer deadline(5000);
    while (true) {
        QSqlQuery query(m_db);
        if (query.exec(QStringLiteral("PRAGMA journal_mode=WAL")))
            return {};
        const QSqlError error = query.lastError();
        if (error.nativeErrorCode() != QLatin1String("5") || deadline.hasExpired())
            return Error{ Tr::tr("Database error in “%1”: %2")
                              .arg(QStringLiteral("PRAGMA journal_mode=WAL"), error.text()) };
        QThread::msleep(10);
    }
}

Result<void> Database::prepare(Mode mode)
{
    auto version = readVersion();
    if (!version)
        return Error{ version.error() };
    if (mode == Mode::ReadOnly)
        return {};

    // A new file gets 16 KiB pages, set before anything is written: SQLite
    // keeps up to about 4 KB of a row in its B-tree page (1 KB with the
    // default 4 KiB pages), so a time-series chunk rarely spills into an
    // overflow page. An existing file keeps the page size it was made with;
    // its chunks are sealed at the smaller size instead.
    if (version.value() == 0) {
        if (auto done = exec(QStringLiteral("PRAGMA page_size=%1").arg(kNewPageSize)); !done)
            return done;
    }
    // WAL lets chart queries read while the writer commits.
    const char *synchronous
        = mode == Mode::Durable ? "PRAGMA synchronous=FULL" : "PRAGMA synchronous=NORMAL";
    if (auto wal = enterWal(); !wal)
        return wal;
    // The WAL keeps the size of its largest transaction (the demo's history
    // fill, a rollup, a reader holding a snapshot) until the file is closed;
    // past 64 MiB it is cut back at the next checkpoint that restarts it.
    for (const char *pragma :
         { synchronous, "PRAGMA foreign_keys=ON", "PRAGMA journal_size_limit=67108864" }) {
        if (auto done = exec(QLatin1String(pragma)); !done)
            return done;
    }
    if (version.value() == kSchemaVersion)
        return {};

    // Another connection (a worker of this console, or a second console)
    // may be upgrading the same file: the write lock is taken first and the
    // version read again under it, so one upgrades and the other finds it done.
    if (auto begun = exec(QStringLiteral("BEGIN IMMEDIATE")); !begun)
        return Error{
            Tr::tr("Cannot start the schema upgrade of %1: %2").arg(m_path, begun.error())
        };
    auto locked = readVersion();
    if (!locked || locked.value() == kSchemaVersion) {
        (void)exec(QStringLiteral("ROLLBACK"));
        return locked ? Result<void>() : Result<void>(Error{ locked.error() });
    }
    auto upgraded = Schema::upgrade(m_db, locked.value());
    if (upgraded) {
        upgraded = exec(QStringLiteral("PRAGMA application_id=%1").arg(kApplicationId));
        if (upgraded)
            upgraded = exec(QStringLiteral("PRAGMA user_version=%1").arg(kSchemaVersion));
    }
    if (upgraded)
        upgraded = exec(QStringLiteral("COMMIT"));
    if (!upgraded) {
        const QString reason = upgraded.error();
        (void)exec(QStringLiteral("ROLLBACK"));
        return Error{ Tr::tr("Upgrading %1 to schema version %2 failed; nothing was changed: %3")
                          .arg(m_path)
                          .arg(kSchemaVersion)
                          .arg(reason) };
    }
    return {};
}

} // namespace Umbra
