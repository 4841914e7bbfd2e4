#include "util/privatefiles.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <sys/stat.h>

namespace Umbra::PrivateFiles {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Umbra::PrivateFiles)
};

constexpr QFileDevice::Permissions kOwnerOnly = QFileDevice::ReadOwner | QFileDevice::WriteOwner;

// Two paths name one file: same device and inode once both exist, the same
// absolute path with links resolved otherwise.
bool sameFile(const QString &a, const QString &b)
{
    struct stat sa = {};
    struct stat sb = {};
    if (::stat(QFile::encodeName(a).constData(), &sa) == 0
        && ::stat(QFile::encodeName(b).constData(), &sb) == 0)
        return sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
    auto resolved = [](const QString &path) -> QString {
        const QFileInfo info(path);
        const QString folder = QFileInfo(info.absolutePath()).canonicalFilePath();
        return (folder.isEmpty() ? info.absolutePath() : folder) + QLatin1Char('/')
            + info.fileName();
    };
    return resolved(a) == resolved(b);
}

} // namespace

Result<void> makeFolder(const QString &folder)
{
    QStringList missing;
    for (QFileInfo info(QDir::cleanPath(QFileInfo(folder).absoluteFilePath()));
         !info.exists() && !info.isRoot(); info = QFileInfo(info.absolutePath()))
        missing.prepend(info.absoluteFilePath());
    for (const QString &path : std::as_const(missing)) {
        if (!QDir().mkdir(path,
                          QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner)
            && !QFileInfo(path).isDir())
            return Error{ Tr::tr("Cannot create the folder %1.").arg(path) };
    }
    if (!QFileInfo(folder).isDir())
        return Error{ Tr::tr("%1 is not a folder.").arg(folder) };
    return {};
}

void restrict(const QString &path)
{
    QFile::setPermissions(path, kOwnerOnly);
}

Result<void> write(const QString &path, const std::function<Result<void>(QIODevice &)> &write)
{
    const bool existed = QFileInfo::exists(path);
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return Error{ Tr::tr("Cannot write %1: %2").arg(path, file.errorString()) };
    if (!existed)
        file.setPermissions(kOwnerOnly);
    if (auto written = write(file); !written) {
        file.cancelWriting();
        return written;
    }
    if (!file.commit())
        return Error{ Tr::tr("Cannot write %1: %2").arg(path, file.errorString()) };
    return {};
}

Result<void> write(const QString &path, const QByteArray &contents)
{
    return write(path, [&](QIODevice &out) -> Result<void> {
        if (out.write(contents) != contents.size())
            return Error{ Tr::tr("Cannot write %1: %2").arg(path, out.errorString()) };
        return {};
    });
}

Result<void> checkWritable(const QString &path, const QStringList &protectedPaths)
{
    if (QFileInfo(path).isDir())
        return Error{ Tr::tr("%1 is a folder; name a file to write.").arg(path) };
    for (const QString &guarded : protectedPaths) {
        if (sameFile(path, guarded))
            return Error{ Tr::tr("Refusing to write %1: it is %2, a file Umbra's database "
                                 "needs. Choose another file.")
                              .arg(path, QFileInfo(guarded).fileName()) };
    }
    return {};
}

} // namespace Umbra::PrivateFiles
