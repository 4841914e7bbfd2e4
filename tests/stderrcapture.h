// Everything written to file descriptor 2 while it lives: libvirt writes its
// own errors and log there, where QtTest's message handler does not see them.
#pragma once

#include <QByteArray>
#include <QFile>
#include <QString>
#include <cstdio>
#include <fcntl.h>
#include <unistd.h>

class StderrCapture
{
public:
    explicit StderrCapture(const QString &path)
        : m_path(path)
    {
        std::fflush(stderr);
        m_saved = ::dup(2);
        const int file
            = ::open(QFile::encodeName(path).constData(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
        ::dup2(file, 2);
        ::close(file);
    }
    ~StderrCapture() { release(); }
    StderrCapture(const StderrCapture &) = delete;
    StderrCapture &operator=(const StderrCapture &) = delete;

    // Puts standard error back and returns what was written meanwhile.
    QByteArray release()
    {
        if (m_saved >= 0) {
            std::fflush(stderr);
            ::dup2(m_saved, 2);
            ::close(m_saved);
            m_saved = -1;
        }
        QFile file(m_path);
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    }

private:
    QString m_path;
    int m_saved = -1;
};
