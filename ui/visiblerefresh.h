#pragma once

#include <QObject>
#include <QTimer>
#include <functional>

class QWidget;

namespace Umbra {

// Reads a page's data again on a timer, but only while the page is visible:
// a refresh that comes due while it is hidden waits until it is shown, so a
// hidden page costs no queries and a page shown again is never stale.
class VisibleRefresh : public QObject
{
    Q_OBJECT

public:
    VisibleRefresh(QWidget *page, std::function<void()> reload, QObject *parent);

    // Refreshes every `intervalMs` from now on.
    void start(int intervalMs);
    // No more refreshes, and none waiting for the page to be shown.
    void stop();
    // Reloads now if the page is visible, or as soon as it is shown.
    void request();
    // The page's data was just read: nothing waits any more.
    void done() { m_waiting = false; }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QWidget *m_page;
    std::function<void()> m_reload;
    QTimer m_timer;
    bool m_active = false;
    bool m_waiting = false;
};

} // namespace Umbra
