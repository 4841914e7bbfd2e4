#include "store/backup.h"

#include "store/database.h"
#include "util/privatefiles.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QScopeGuard>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <sqlite3.h>

namespace Umbra {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Umbra::Backup)
};

QString errorOf(sqlite3 *db)
{
    return db ? QString::fromUtf8(sqlite3_errmsg(db)) : Tr::tr("out of memory");
}

} // namespace

Result<BackupReport> backupDatabase(const QString &source, const QString &target)
{
    if (!QFileInfo::exists(source))
        return Error{ Tr::tr("There is no database at %1.").arg(source) };
    if (auto writable = PrivateFiles::checkWritable(target, Database::files(source)); !writable)
        return Error{ writable.error() };
    // Refused before anything is copied: not Umbra's, or a newer Umbra's.
    if (auto opened
        = Database::open(source, QStringLiteral("umbra-backup-check"), Database::Mode::ReadOnly);
        !opened)
        return Error{ opened.error() };

    QElapsedTimer clock;
    clock.start();
    const QString partial = target + QStringLiteral(".partial");
    QFile::remove(partial);
    auto cleanup = qScopeGuard([&] { QFile::remove(partial); });

    sqlite3 *from = nullptr;
    sqlite3 *to = nullptr;
    auto close = qScopeGuard([&] {
        sqlite3_close(to);
        sqlite3_close(from);
    });
    if (sqlite3_open_v2(QFile::encodeName(source).constData(), &from, SQLITE_OPEN_READONLY, nullptr)
        != SQLITE_OK)
        return Error{ Tr::tr("Cannot read %1: %2").arg(source, errorOf(from)) };
    sqlite3_busy_timeout(from, 5000);
    if (sqlite3_open_v2(QFile::encodeName(partial).constData(), &to,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr)
        != SQLITE_OK)
        return Error{ Tr::tr("Cannot write %1: %2").arg(partial, errorOf(to)) };
    PrivateFiles::restrict(partial);

    sqlite3_backup *backup = sqlite3_backup_init(to, "main", from, "main");
    if (!backup)
        return Error{ Tr::tr("Cannot start the backup of %1: %2").arg(source, errorOf(to)) };
    // All pages in one step: one read transaction, so the copy is one commit
    // of the source however busy its writer is.
    int rc = sqlite3_backup_step(backup, -1);
    for (int tries = 0; (rc == SQLITE_BUSY || rc == SQLITE_LOCKED) && tries < 50; ++tries) {
        sqlite3_sleep(100);
        rc = sqlite3_backup_step(backup, -1);
    }
    BackupReport report;
    report.target = target;
    report.pages = sqlite3_backup_pagecount(backup);
    if (sqlite3_backup_finish(backup) != SQLITE_OK || rc != SQLITE_DONE)
        return Error{ Tr::tr("The backup of %1 failed: %2").arg(source, errorOf(to)) };

    // A copy is only as good as what it reads back.
    sqlite3_stmt *check = nullptr;
    QString verdict;
    if (sqlite3_prepare_v2(to, "PRAGMA integrity_check", -1, &check, nullptr) == SQLITE_OK
        && sqlite3_step(check) == SQLITE_ROW)
        verdict = QString::fromUtf8(reinterpret_cast<const char *>(sqlite3_column_text(check, 0)));
    sqlite3_finalize(check);
    if (verdict != QLatin1String("ok"))
        return Error{ Tr::tr("The copy of %1 does not pass SQLite's integrity check (%2); %3 was "
                             "left as it was.")
                          .arg(source, verdict.isEmpty() ? errorOf(to) : verdict, target) };
    sqlite3_close(to);
    to = nullptr;

    // rename(2) replaces an older backup in one step: there is always one.
    if (::rename(QFile::encodeName(partial).constData(), QFile::encodeName(target).constData())
        != 0)
        return Error{ Tr::tr("Cannot put the copy in place at %1: %2")
                          .arg(target, QString::fromLocal8Bit(std::strerror(errno))) };
    cleanup.dismiss();
    report.bytes = QFileInfo(target).size();
    report.elapsedMs = clock.elapsed();
    return report;
}

} // namespace Umbra
