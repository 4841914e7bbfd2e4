// A bounded HTTP poller: GET /health through HAProxy every interval, with a
// timeout per request, recording when each answer came and whether it was 2xx.
#pragma once

#include <QElapsedTimer>
#include <QMutex>
#include <QTcpSocket>
#include <QUrl>
#include <atomic>
#include <thread>

namespace Umbra::Lab {

class HttpPoller
{
public:
    struct Summary
    {
        int requests = 0;
        int failed = 0;
        qint64 longestGapMs = 0; // longest time without a successful answer
        qint64 spanMs = 0;
    };

    HttpPoller(QUrl base, QString hostHeader, int intervalMs = 20, int timeoutMs = 1000,
               int maxSeconds = 300)
        : m_base(std::move(base))
        , m_host(std::move(hostHeader))
        , m_intervalMs(intervalMs)
        , m_timeoutMs(timeoutMs)
        , m_maxMs(qint64(maxSeconds) * 1000)
    { }
    ~HttpPoller() { stop(); }

    void start()
    {
        m_clock.start();
        m_thread = std::thread([this] { loop(); });
    }
    void stop()
    {
        m_stop = true;
        if (m_thread.joinable())
            m_thread.join();
    }
    Summary summary() const
    {
        QMutexLocker lock(&m_mutex);
        Summary s;
        qint64 lastOk = -1;
        for (const auto &[t, ok] : m_results) {
            ++s.requests;
            if (!ok) {
                ++s.failed;
                continue;
            }
            if (lastOk >= 0)
                s.longestGapMs = std::max(s.longestGapMs, t - lastOk);
            lastOk = t;
        }
        if (!m_results.isEmpty())
            s.spanMs = m_results.last().first - m_results.first().first;
        return s;
    }

private:
    bool once()
    {
        QTcpSocket socket;
        socket.connectToHost(m_base.host(), quint16(m_base.port(80)));
        if (!socket.waitForConnected(m_timeoutMs))
            return false;
        socket.write("GET /health HTTP/1.0\r\nHost: " + m_host.toUtf8()
                     + "\r\nConnection: close\r\n\r\n");
        QElapsedTimer clock;
        clock.start();
        QByteArray reply;
        while (!reply.contains('\n')) {
            const int left = m_timeoutMs - int(clock.elapsed());
            if (left <= 0 || !socket.waitForReadyRead(left))
                return false;
            reply += socket.readAll();
        }
        const QList<QByteArray> status = reply.left(reply.indexOf('\n')).split(' ');
        const int code = status.size() > 1 ? status[1].toInt() : 0;
        return code >= 200 && code < 300;
    }
    void loop()
    {
        while (!m_stop && m_clock.elapsed() < m_maxMs) {
            const qint64 begin = m_clock.elapsed();
            const bool ok = once();
            {
                QMutexLocker lock(&m_mutex);
                m_results.append({ m_clock.elapsed(), ok });
            }
            const qint64 wait = m_intervalMs - (m_clock.elapsed() - begin);
            if (wait > 0)
                std::this_thread::sleep_for(std::chrono::milliseconds(wait));
        }
    }

    QUrl m_base;
    QString m_host;
    int m_intervalMs;
    int m_timeoutMs;
    qint64 m_maxMs;
    QElapsedTimer m_clock;
    std::thread m_thread;
    std::atomic<bool> m_stop{ false };
    mutable QMutex m_mutex;
    QList<std::pair<qint64, bool>> m_results;
};

} // namespace Umbra::Lab
