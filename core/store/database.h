#pragma once

#include "util/result.h"

#include <QSqlDatabase>
#include <QString>
#include <QStringList>
#include <atomic>
#include <memory>

namespace Umbra {

// One connection to Umbra's SQLite file. A connection belongs to the thread
// that opened it (a Qt SQL rule); each thread that touches the store opens its
// own under a distinct name.
//
// Opening never damages what is there: a file that is not SQLite, a SQLite file
// of another application, or one written by a newer Umbra is refused before
// anything is written. An older schema is migrated in one transaction.
class Database
{
public:
    static constexpr int kSchemaVersion = 20;
    static constexpr int kApplicationId = 0x556d6272; // "Umbr"

    // Durable: read-write, and each commit waits until it would survive a
    // power cut (synchronous=FULL) — for journals, whose rows are acted on.
    enum class Mode { ReadWrite, ReadOnly, Durable };

    static Result<std::unique_ptr<Database>>
    open(const QString &path, const QString &connectionName, Mode mode = Mode::ReadWrite);
    ~Database();

    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    QSqlDatabase &sql() { return m_db; }
    QString path() const { return m_path; }

    // Executes one statement; the error names the statement's purpose.
    Result<void> exec(const QString &statement);

    // Begins a write transaction on `db`, taking SQLite's write lock now
    // (waiting for it as long as the busy timeout) instead of at the first
    // write. A transaction that reads before it writes would otherwise hold
    // a snapshot that another connection's commit outdates, and its first
    // write would fail at once, whatever the timeout (SQLITE_BUSY): every
    // write transaction of Umbra's begins here. Commit or roll back with
    // QSqlDatabase as usual.
    static Result<void> beginWrite(QSqlDatabase &db);

    // A connection name no other connection of this process has, starting
    // with `purpose`: Qt keys connections by name across the process,
    // whichever thread opens them, so each short-lived one needs its own.
    static QString uniqueConnectionName(const QString &purpose);

    // Where the console keeps its database unless --database says otherwise.
    static QString defaultPath();

    // The files that make up the database at `path`: the file itself, SQLite's
    // -wal, -shm and -journal, and Umbra's lock. Nothing else may write them.
    static QStringList files(const QString &path);

    // SQLite's quick_check, stopped after `budgetMs` so that opening a large
    // file stays quick. The problems it found (empty when none), and whether it
    // read the whole file in time.
    struct Integrity
    {
        QStringList problems;
        bool complete = true;
    };
    // SQLite's quick check, stopped (incomplete) after `budgetMs` or as soon
    // as `cancel` is set, from any thread.
    Result<Integrity> quickCheck(int budgetMs, const std::atomic_bool *cancel = nullptr);
    // quickCheck() on a read-only connection of its own, before a console
    // writes to the file or beside it. Nothing to report for a file that
    // does not exist, or that open() would refuse anyway (it says why).
    static Integrity inspect(const QString &path, int budgetMs,
                             const std::atomic_bool *cancel = nullptr);
    // Copies the database at `from` page by page, damaged pages included,
    // through SQLite's backup API into a new file `to` (0600), for repair.
    static Result<void> copy(const QString &from, const QString &to);

private:
    Database(QSqlDatabase db, QString path);
    Result<void> prepare(Mode mode);
    Result<int> readVersion();
    Result<void> enterWal();

    QSqlDatabase m_db;
    QString m_path;
};

} // namespace Umbra
