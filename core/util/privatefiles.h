#pragma once

#include "util/result.h"

#include <QIODevice>
#include <QString>
#include <QStringList>
#include <functional>

// Files and folders Umbra creates hold an operator's fleet history, host names
// and journals: they are readable by their owner alone (0600, folders 0700),
// whatever the umask. A file is written whole or not at all: into a temporary
// file beside it, renamed into place once complete.
namespace Umbra::PrivateFiles {

// Creates `folder` and any missing parents; the folders it creates are 0700.
Result<void> makeFolder(const QString &folder);

// Makes an existing file readable and writable by its owner only.
void restrict(const QString &path);

// Writes `path` through `write` into a temporary file in the same folder and
// renames it into place only when `write` succeeded; a failure leaves what
// was there untouched. A new file is 0600; a replaced one keeps its mode.
// The folder must exist (see makeFolder()).
Result<void> write(const QString &path, const std::function<Result<void>(QIODevice &)> &write);

Result<void> write(const QString &path, const QByteArray &contents);

// Refuses a path to write to that is one of `protectedPaths` (compared as
// files, so a symbolic link or another spelling of the same file is caught)
// or a folder.
Result<void> checkWritable(const QString &path, const QStringList &protectedPaths);

} // namespace Umbra::PrivateFiles
