// Bounded HTTP clients through HAProxy. HttpPoller: GET /health every
// interval, with a timeout per request, recording when each answer came and
// whether it was 2xx. LoadGenerator: a few paced clients at once, keeping every
// request's latency, for percentiles and gaps over a window of the run.
#pragma once

#include <QElapsedTimer>
#include <QJsonObject>
#include <QMutex>
#include <QTcpSocket>
#include <QUrl>
#include <algorithm>
#include <atomic>
#include <thread>
#include <vector>

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

// GET `path` (HTTP/1.0, Connection: close) at a steady `perSecond`, on a
// fixed schedule: request k is due k/perSecond seconds after start(), and the
// next free one of `clients` threads sends it (late when all of them are
// waiting for answers, then at once). Each request is bounded by `timeoutMs`
// and fails without a 2xx answer in time. Stops by itself after `maxRequests`
// or `maxSeconds`.
class LoadGenerator
{
public:
    struct Sample
    {
        qint64 sentMs = 0; // on the generator's clock
        qint64 latencyMs = 0; // until the answer, or until the request failed
        bool ok = false;
    };
    // The requests sent within a window of the run.
    struct Window
    {
        qint64 fromMs = 0;
        qint64 toMs = 0;
        int requests = 0;
        int failed = 0;
        // Over every request, a failed one with the time until it failed.
        qint64 p50Ms = 0;
        qint64 p99Ms = 0;
        qint64 maxMs = 0;
        // The longest time without a successful answer (window edges count).
        qint64 longestGapMs = 0;
        double perSecond() const
        {
            return toMs > fromMs ? 1000.0 * requests / double(toMs - fromMs) : 0;
        }
        QJsonObject toJson() const
        {
            return { { QStringLiteral("seconds"), double(toMs - fromMs) / 1000.0 },
                     { QStringLiteral("requests"), requests },
                     { QStringLiteral("failed"), failed },
                     { QStringLiteral("perSecond"), qRound(perSecond() * 10) / 10.0 },
                     { QStringLiteral("p50Ms"), p50Ms },
                     { QStringLiteral("p99Ms"), p99Ms },
                     { QStringLiteral("maxMs"), maxMs },
                     { QStringLiteral("longestGapMs"), longestGapMs } };
        }
    };

    LoadGenerator(QUrl base, QByteArray hostHeader, QByteArray path, double perSecond, int clients,
                  int timeoutMs = 2000, int maxRequests = 20000, int maxSeconds = 300)
        : m_base(std::move(base))
        , m_host(std::move(hostHeader))
        , m_path(std::move(path))
        , m_periodMs(1000.0 / perSecond)
        , m_clients(clients)
        , m_timeoutMs(timeoutMs)
        , m_maxRequests(maxRequests)
        , m_maxMs(qint64(maxSeconds) * 1000)
    { }
    ~LoadGenerator() { stop(); }

    void start()
    {
        m_clock.start();
        for (int i = 0; i < m_clients; ++i)
            m_threads.emplace_back([this] { loop(); });
    }
    void stop()
    {
        m_stop = true;
        for (std::thread &t : m_threads)
            if (t.joinable())
                t.join();
        m_threads.clear();
    }
    // Milliseconds since start(), on the clock the samples use.
    qint64 now() const { return m_clock.elapsed(); }
    // Requests sent and ended (answered or failed).
    int sent() const
    {
        QMutexLocker lock(&m_mutex);
        return int(m_samples.size());
    }
    bool exhausted() const { return m_next.load() >= m_maxRequests || now() >= m_maxMs; }
    // Requests sent in [fromMs, toMs).
    Window window(qint64 fromMs, qint64 toMs) const
    {
        Window w;
        w.fromMs = fromMs;
        w.toMs = toMs;
        std::vector<qint64> latencies;
        std::vector<qint64> answered;
        {
            QMutexLocker lock(&m_mutex);
            for (const Sample &s : m_samples) {
                if (s.sentMs < fromMs || s.sentMs >= toMs)
                    continue;
                ++w.requests;
                latencies.push_back(s.latencyMs);
                if (s.ok)
                    answered.push_back(s.sentMs + s.latencyMs);
                else
                    ++w.failed;
            }
        }
        if (latencies.empty())
            return w;
        std::sort(latencies.begin(), latencies.end());
        const auto at = [&](double q) {
            return latencies[std::min(latencies.size() - 1, size_t(q * double(latencies.size())))];
        };
        w.p50Ms = at(0.50);
        w.p99Ms = at(0.99);
        w.maxMs = latencies.back();
        std::sort(answered.begin(), answered.end());
        qint64 last = fromMs;
        for (qint64 t : answered) {
            w.longestGapMs = std::max(w.longestGapMs, t - last);
            last = std::max(last, t);
        }
        w.longestGapMs = std::max(w.longestGapMs, std::min(toMs, now()) - last);
        return w;
    }

private:
    bool once()
    {
        QTcpSocket socket;
        QElapsedTimer clock;
        clock.start();
        socket.connectToHost(m_base.host(), quint16(m_base.port(80)));
        if (!socket.waitForConnected(m_timeoutMs))
            return false;
        socket.write("GET " + m_path + " HTTP/1.0\r\nHost: " + m_host
                     + "\r\nConnection: close\r\n\r\n");
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
        while (!m_stop && !exhausted()) {
            const int k = m_next.fetch_add(1);
            if (k >= m_maxRequests)
                break;
            const auto due = qint64(double(k) * m_periodMs);
            for (qint64 wait = due - now(); wait > 0 && !m_stop; wait = due - now())
                std::this_thread::sleep_for(std::chrono::milliseconds(std::min<qint64>(wait, 50)));
            if (m_stop)
                break;
            const qint64 sentMs = now();
            const bool ok = once();
            QMutexLocker lock(&m_mutex);
            m_samples.append({ sentMs, now() - sentMs, ok });
        }
    }

    QUrl m_base;
    QByteArray m_host;
    QByteArray m_path;
    double m_periodMs;
    int m_clients;
    int m_timeoutMs;
    int m_maxRequests;
    qint64 m_maxMs;
    QElapsedTimer m_clock;
    std::vector<std::thread> m_threads;
    std::atomic<bool> m_stop{ false };
    std::atomic<int> m_next{ 0 }; // the next request due
    mutable QMutex m_mutex;
    QList<Sample> m_samples;
};

} // namespace Umbra::Lab
