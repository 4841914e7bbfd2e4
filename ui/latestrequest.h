#pragma once

#include <QFuture>
#include <QFutureWatcher>
#include <QObject>

namespace Umbra {

// Numbers background queries so only the newest one's result is applied: when
// the operator switches from one VM to another while the first VM's history
// is still loading, that result arrives late and is dropped.
class LatestRequest
{
public:
    // Runs `apply(result)` on `context`'s thread when `future` finishes, unless
    // a newer request was started meanwhile. The watcher dies with `context`.
    template<typename T, typename Apply>
    void start(QObject *context, QFuture<T> future, Apply apply)
    {
        const quint64 id = ++m_current;
        auto *watcher = new QFutureWatcher<T>(context);
        QObject::connect(watcher, &QFutureWatcherBase::finished, context,
                         [this, watcher, id, apply = std::move(apply)] {
                             watcher->deleteLater();
                             if (id != m_current || watcher->isCanceled()
                                 || watcher->future().resultCount() == 0)
                                 return;
                             apply(watcher->result());
                         });
        watcher->setFuture(future);
    }

    // Makes every request in flight stale.
    void invalidate() { ++m_current; }
    quint64 current() const { return m_current; }

private:
    quint64 m_current = 0;
};

} // namespace Umbra
