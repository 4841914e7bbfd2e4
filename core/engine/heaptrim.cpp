#include "engine/heaptrim.h"

#include <QThread>
#include <QThreadPool>
#include <algorithm>

#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace Umbra {

HeapTrim::HeapTrim(QObject *parent)
    : QObject(parent)
{
    limitArenas();
    m_timer.setInterval(kIntervalMs);
    connect(&m_timer, &QTimer::timeout, this, &HeapTrim::trimInBackground);
}

HeapTrim::~HeapTrim()
{
    stop();
}

void HeapTrim::start()
{
    m_timer.start();
}

void HeapTrim::stop()
{
    m_timer.stop();
}

bool HeapTrim::trimNow()
{
#if defined(__GLIBC__)
    return malloc_trim(0) != 0;
#else
    return false;
#endif
}

void HeapTrim::limitArenas()
{
#if defined(__GLIBC__)
    mallopt(M_ARENA_MAX, std::max(4, QThread::idealThreadCount()));
#endif
}

void HeapTrim::trimInBackground()
{
    // One at a time: a pool busy with other work must not queue trims up.
    if (m_running->exchange(true))
        return;
    QThreadPool::globalInstance()->start([running = m_running] {
        trimNow();
        *running = false;
    });
}

} // namespace Umbra
