#pragma once

#include <QByteArray>
#include <QFile>
#include <QList>
#include <unistd.h>

// The process's resident memory now, in MiB (0 where /proc is not there).
inline double residentMiB()
{
    QFile statm(QStringLiteral("/proc/self/statm"));
    if (!statm.open(QIODevice::ReadOnly))
        return 0;
    const QList<QByteArray> fields = statm.readAll().split(' ');
    return fields.size() > 1
        ? double(fields[1].toLongLong()) * double(sysconf(_SC_PAGESIZE)) / (1024.0 * 1024.0)
        : 0;
}
