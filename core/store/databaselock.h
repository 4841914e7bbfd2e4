#pragma once

#include "util/result.h"

#include <QString>
#include <memory>

class QLockFile;

namespace Umbra {

// One Umbra process at a time writes a database: the console, an import or a
// migration run. The lock is a file of its own beside the database
// (`<database>.lock`, holding the owner's process id), never a lock on the
// database file itself: on Linux, closing any descriptor of a file drops every
// POSIX lock the process holds on it, including SQLite's. A lock left by a
// process that is gone is taken over.
//
// Readers (an export) take no lock; SQLite's own locking serves them.
class DatabaseLock
{
public:
    static Result<std::unique_ptr<DatabaseLock>> acquire(const QString &databasePath);
    ~DatabaseLock();

    DatabaseLock(const DatabaseLock &) = delete;
    DatabaseLock &operator=(const DatabaseLock &) = delete;

    // The lock file that belongs to a database.
    static QString lockPath(const QString &databasePath);

private:
    explicit DatabaseLock(std::unique_ptr<QLockFile> file);
    std::unique_ptr<QLockFile> m_file;
};

} // namespace Umbra
