#include "store/databaselock.h"

#include "util/privatefiles.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QLockFile>

namespace Umbra {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Umbra::DatabaseLock)
};

} // namespace

DatabaseLock::DatabaseLock(std::unique_ptr<QLockFile> file)
    : m_file(std::move(file))
{ }

DatabaseLock::~DatabaseLock() = default;

QString DatabaseLock::lockPath(const QString &databasePath)
{
    return QFileInfo(databasePath).absoluteFilePath() + QStringLiteral(".lock");
}

Result<std::unique_ptr<DatabaseLock>> DatabaseLock::acquire(const QString &databasePath)
{
    const QString path = lockPath(databasePath);
    if (auto folder = PrivateFiles::makeFolder(QFileInfo(path).absolutePath()); !folder)
        return Error{ folder.error() };
    auto file = std::make_unique<QLockFile>(path);
    // 0: a lock is stale only when its process is gone, never by age; a
    // console runs for months.
    file->setStaleLockTime(0);
    if (file->tryLock(0)) {
        PrivateFiles::restrict(path);
        return std::unique_ptr<DatabaseLock>(new DatabaseLock(std::move(file)));
    }
    const QString database = QFileInfo(databasePath).filePath();
    switch (file->error()) {
    case QLockFile::LockFailedError: {
        qint64 pid = 0;
        QString host;
        QString application;
        if (file->getLockInfo(&pid, &host, &application) && pid > 0)
            return Error{ Tr::tr("%1 is in use by Umbra, process %2 on %3. Quit that Umbra first, "
                                 "or choose another file with --database.")
                              .arg(database)
                              .arg(pid)
                              .arg(host) };
        return Error{ Tr::tr("%1 is in use by another Umbra. Quit it first, or choose another "
                             "file with --database.")
                          .arg(database) };
    }
    case QLockFile::PermissionError:
        return Error{ Tr::tr("Cannot write %1 beside %2: the folder is not writable. Umbra keeps "
                             "a lock file there while it writes the database.")
                          .arg(QFileInfo(path).fileName(), database) };
    case QLockFile::NoError:
    case QLockFile::UnknownError:
        break;
    }
    return Error{ Tr::tr("Cannot lock %1 for writing.").arg(database) };
}

} // namespace Umbra
