#include "visiblerefresh.h"

#include <QEvent>
#include <QWidget>

namespace Umbra {

VisibleRefresh::VisibleRefresh(QWidget *page, std::function<void()> reload, QObject *parent)
    : QObject(parent)
    , m_page(page)
    , m_reload(std::move(reload))
{
    connect(&m_timer, &QTimer::timeout, this, &VisibleRefresh::request);
    page->installEventFilter(this);
}

void VisibleRefresh::start(int intervalMs)
{
    m_active = true;
    m_timer.start(intervalMs);
}

void VisibleRefresh::stop()
{
    m_active = false;
    m_waiting = false;
    m_timer.stop();
}

void VisibleRefresh::request()
{
    if (m_page->isVisible())
        m_reload();
    else
        m_waiting = true;
}

bool VisibleRefresh::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_page && event->type() == QEvent::Show && m_waiting && m_active)
        m_reload();
    return QObject::eventFilter(watched, event);
}

} // namespace Umbra
