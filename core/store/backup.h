#pragma once

#include "util/result.h"

#include <QString>

namespace Umbra {

// What a backup wrote.
struct BackupReport
{
    QString target;
    qint64 pages = 0;
    qint64 bytes = 0;
    qint64 elapsedMs = 0;
};

// Copies the database at `source` to `target` with SQLite's online backup
// API, in one read transaction: a consistent copy of the last commit, taken
// beside a console that keeps writing (in WAL mode a reader never holds a
// writer up). The copy goes to a temporary file next to `target`, is checked
// with SQLite's integrity_check, and only then renamed into place, readable
// by its owner alone; a target that is the database or one of its files is
// refused. To restore, stop the console and open the copy (--database), or
// put it in the database's place.
Result<BackupReport> backupDatabase(const QString &source, const QString &target);

} // namespace Umbra
