#pragma once

#include <QList>
#include <QPointer>
#include <QThread>

namespace Umbra {

// The threads a service starts for one piece of work each (QThread::create),
// kept so that the service does not end while one still runs: they read its
// database and post their results back to it, and one left running when the
// process exits meets its statics destroyed. Owned and used on the service's
// thread; declared as the service's last member, it waits before the other
// members go.
class WorkerThreads
{
public:
    // How long the end waits for each worker still running: one stuck on an
    // unreachable host is left behind rather than freeze the console.
    explicit WorkerThreads(int waitMs = 15000)
        : m_waitMs(waitMs)
    { }
    ~WorkerThreads() { waitAll(); }
    WorkerThreads(const WorkerThreads &) = delete;
    WorkerThreads &operator=(const WorkerThreads &) = delete;

    // Starts `worker`, which deletes itself when it finishes.
    void start(QThread *worker)
    {
        QObject::connect(worker, &QThread::finished, worker, &QObject::deleteLater);
        m_workers.removeAll(nullptr);
        m_workers.append(worker);
        worker->start();
    }

    void waitAll()
    {
        for (const QPointer<QThread> &worker : std::as_const(m_workers))
            if (worker)
                worker->wait(QDeadlineTimer(m_waitMs));
        m_workers.clear();
    }

private:
    QList<QPointer<QThread>> m_workers;
    int m_waitMs;
};

} // namespace Umbra
