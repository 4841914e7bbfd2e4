#pragma once

#include "util/result.h"

#include <QSqlDatabase>
#include <QString>
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
    static constexpr int kSchemaVersion = 8;
    static constexpr int kApplicationId = 0x556d6272; // "Umbr"

    enum class Mode { ReadWrite, ReadOnly };

    static Result<std::unique_ptr<Database>>
    open(const QString &path, const QString &connectionName, Mode mode = Mode::ReadWrite);
    ~Database();

    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    QSqlDatabase &sql() { return m_db; }
    QString path() const { return m_path; }

    // Executes one statement; the error names the statement's purpose.
    Result<void> exec(const QString &statement);

    // Where the console keeps its database unless --database says otherwise.
    static QString defaultPath();

private:
    Database(QSqlDatabase db, QString path);
    Result<void> prepare(Mode mode);
    Result<int> readVersion();

    QSqlDatabase m_db;
    QString m_path;
};

} // namespace Umbra
