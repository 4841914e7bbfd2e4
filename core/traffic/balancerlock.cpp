#include "traffic/balancerlock.h"

#include <QMutex>
#include <map>
#include <memory>

namespace Umbra::Traffic {

QReadWriteLock &balancerLock(const QString &balancerName)
{
    // Never removed: a console knows a handful of load balancers, and a
    // lock must outlive every job that holds it.
    static QMutex mutex;
    static std::map<QString, std::unique_ptr<QReadWriteLock>> locks;
    const QMutexLocker guard(&mutex);
    auto &lock = locks[balancerName];
    if (!lock)
        lock = std::make_unique<QReadWriteLock>();
    return *lock;
}

} // namespace Umbra::Traffic
