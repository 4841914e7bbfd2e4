#pragma once

#include "metrics/listenaddress.h"

#include <QByteArray>
#include <QMutex>
#include <QObject>
#include <QThread>
#include <atomic>

namespace Umbra::Metrics {

class HttpListener;

// Serves /metrics over HTTP on a thread of its own. A scrape is answered
// from the page last published — it never waits for the engine, for the
// database or for a page being rendered. One request per connection,
// answered and closed; a client that sends nothing is cut off after five
// seconds, a request line or header over 16 KiB is refused.
class MetricsServer : public QObject
{
    Q_OBJECT

public:
    explicit MetricsServer(QObject *parent = nullptr);
    ~MetricsServer() override;

    // Starts listening; listening() or failed() tells how it went. Port 0
    // picks a free port, which listening() reports.
    void listen(const ListenAddress &address);
    // Stops listening and ends the thread. Idempotent.
    void stop();

    // The page to answer with from now on; thread-safe. Until the first
    // one, a scrape is answered 503 (not ready).
    void publish(const QByteArray &page);
    QByteArray page() const;
    // Pages served since start.
    int scrapes() const { return m_scrapes.load(); }

Q_SIGNALS:
    void listening(const Umbra::Metrics::ListenAddress &address);
    void failed(const QString &error);

private:
    friend class HttpListener;

    QThread m_thread;
    HttpListener *m_listener = nullptr;
    mutable QMutex m_mutex;
    QByteArray m_page;
    std::atomic<int> m_scrapes = 0;
};

} // namespace Umbra::Metrics
