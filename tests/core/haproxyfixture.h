// A real HAProxy on loopback for the traffic tests, with small HTTP servers of
// the test's own behind it: each answers GET with its own name (or 503 when
// told to fail) on a thread of its own, and counts what it served.
#pragma once

#include "freeport.h"

#include <QByteArray>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QMap>
#include <QMutex>
#include <QProcess>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QThread>
#include <atomic>
#include <memory>
#include <signal.h>
#include <sys/prctl.h>

namespace Umbra::TestSupport {

class HttpBackend
{
public:
    explicit HttpBackend(QByteArray name)
        : m_name(std::move(name))
    {
        m_thread.reset(QThread::create([this] { serve(); }));
        m_thread->start();
        while (m_port.load() == 0)
            QThread::msleep(5);
    }
    ~HttpBackend()
    {
        m_stop = true;
        m_thread->wait();
    }
    quint16 port() const { return quint16(m_port.load()); }
    void setFailing(bool failing) { m_failing = failing; }
    // How long each answer takes.
    void setDelayMs(int ms) { m_delayMs = ms; }

private:
    void serve()
    {
        QTcpServer server;
        server.listen(QHostAddress::LocalHost, 0);
        m_port = server.serverPort();
        while (!m_stop) {
            if (!server.waitForNewConnection(50))
                continue;
            while (QTcpSocket *socket = server.nextPendingConnection()) {
                QByteArray request;
                while (!request.contains("\r\n\r\n") && socket->waitForReadyRead(1000))
                    request += socket->readAll();
                if (m_delayMs > 0)
                    QThread::msleep(m_delayMs);
                const bool fail = m_failing.load();
                const QByteArray body = m_name + '\n';
                socket->write((fail ? QByteArray("HTTP/1.1 503 Service Unavailable\r\n")
                                    : QByteArray("HTTP/1.1 200 OK\r\n"))
                              + "Content-Length: " + QByteArray::number(body.size())
                              + "\r\nConnection: close\r\n\r\n" + body);
                socket->waitForBytesWritten(1000);
                socket->disconnectFromHost();
                if (socket->state() != QAbstractSocket::UnconnectedState)
                    socket->waitForDisconnected(200);
                delete socket;
            }
        }
    }

    QByteArray m_name;
    std::unique_ptr<QThread> m_thread;
    std::atomic<int> m_port{ 0 };
    std::atomic<bool> m_stop{ false };
    std::atomic<bool> m_failing{ false };
    std::atomic<int> m_delayMs{ 0 };
};

// HAProxy with one frontend and the backend `be` (roundrobin): server a at
// weight 1 and server b at weight 0 (a standby), checked every 200 ms; `st`
// (static-rr) with server c. Sockets: admin.sock (level admin), user.sock
// (level user) and an admin TCP socket.
class HAProxyFixture
{
public:
    HAProxyFixture()
    {
        m_a = std::make_unique<HttpBackend>("a");
        m_b = std::make_unique<HttpBackend>("b");
        m_frontendPort = freePort();
        m_adminTcpPort = freePort();
        QFile cfg(m_dir.filePath(QStringLiteral("haproxy.cfg")));
        cfg.open(QIODevice::WriteOnly);
        cfg.write(QStringLiteral("global\n"
                                 "    stats socket %1 mode 600 level admin\n"
                                 "    stats socket %2 mode 600 level user\n"
                                 "    stats socket ipv4@127.0.0.1:%3 level admin\n"
                                 "defaults\n"
                                 "    mode http\n"
                                 "    timeout connect 1s\n"
                                 "    timeout client 10s\n"
                                 "    timeout server 10s\n"
                                 "    retries 2\n"
                                 "    option redispatch\n"
                                 "frontend fe\n"
                                 "    bind 127.0.0.1:%4\n"
                                 "    default_backend be\n"
                                 "backend be\n"
                                 "    balance roundrobin\n"
                                 "    option httpchk GET /health\n"
                                 "    default-server inter 200ms fall 2 rise 2\n"
                                 "    server a 127.0.0.1:%5 check weight 1\n"
                                 "    server b 127.0.0.1:%6 check weight 0\n"
                                 "backend st\n"
                                 "    balance static-rr\n"
                                 "    server c 127.0.0.1:%5\n")
                      .arg(adminSocket(), userSocket())
                      .arg(m_adminTcpPort)
                      .arg(m_frontendPort)
                      .arg(m_a->port())
                      .arg(m_b->port())
                      .toUtf8());
        cfg.close();
        start();
    }
    ~HAProxyFixture() { stop(); }

    static bool available()
    {
        return !QStandardPaths::findExecutable(
                    QStringLiteral("haproxy"),
                    { QStringLiteral("/usr/sbin"), QStringLiteral("/usr/local/sbin") })
                    .isEmpty();
    }

    bool start()
    {
        m_process = std::make_unique<QProcess>();
        m_process->setProcessChannelMode(QProcess::ForwardedErrorChannel);
        // HAProxy goes with the test, also when the test crashes.
        m_process->setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGTERM); });
        m_process->start(haproxy(),
                         { QStringLiteral("-db"), QStringLiteral("-f"),
                           m_dir.filePath(QStringLiteral("haproxy.cfg")) });
        if (!m_process->waitForStarted(5000))
            return false;
        QElapsedTimer t;
        t.start();
        while (t.elapsed() < 5000) {
            QTcpSocket s;
            s.connectToHost(QHostAddress::LocalHost, m_frontendPort);
            if (s.waitForConnected(100) && QFile::exists(adminSocket()))
                return true;
            QThread::msleep(20);
        }
        return false;
    }
    void stop()
    {
        if (!m_process)
            return;
        m_process->terminate();
        m_process->waitForFinished(5000);
        m_process.reset();
        QFile::remove(adminSocket());
    }
    // Waits until HAProxy's checks see both servers of `be` up.
    bool waitUp(int ms = 5000)
    {
        QElapsedTimer t;
        t.start();
        while (t.elapsed() < ms) {
            if (statusOf("a") == "UP" && statusOf("b") == "UP")
                return true;
            QThread::msleep(50);
        }
        return false;
    }
    QByteArray statusOf(const QByteArray &server) const
    {
        const QByteArray stat = cli("show stat");
        for (const QByteArray &line : stat.split('\n')) {
            const QList<QByteArray> f = line.split(',');
            if (f.size() > 17 && f[0] == "be" && f[1] == server)
                return f[17];
        }
        return {};
    }
    // A raw command on the admin socket, for checks the test makes itself.
    QByteArray cli(const QByteArray &command) const
    {
        QTcpSocket s;
        s.connectToHost(QHostAddress::LocalHost, m_adminTcpPort);
        if (!s.waitForConnected(1000))
            return {};
        s.write(command + '\n');
        QByteArray reply;
        while (s.waitForReadyRead(1000))
            reply += s.readAll();
        return reply + s.readAll();
    }

    QString adminSocket() const { return m_dir.filePath(QStringLiteral("admin.sock")); }
    QString userSocket() const { return m_dir.filePath(QStringLiteral("user.sock")); }
    quint16 adminTcpPort() const { return m_adminTcpPort; }
    quint16 frontendPort() const { return m_frontendPort; }
    HttpBackend &a() { return *m_a; }
    HttpBackend &b() { return *m_b; }
    QString dir() const { return m_dir.path(); }

private:
    static QString haproxy()
    {
        return QStandardPaths::findExecutable(
            QStringLiteral("haproxy"),
            { QStringLiteral("/usr/sbin"), QStringLiteral("/usr/local/sbin") });
    }

    QTemporaryDir m_dir;
    std::unique_ptr<HttpBackend> m_a;
    std::unique_ptr<HttpBackend> m_b;
    std::unique_ptr<QProcess> m_process;
    quint16 m_frontendPort = 0;
    quint16 m_adminTcpPort = 0;
};

// A bounded client through HAProxy: one request at a time, each with a
// timeout; counts who answered and what failed.
struct ClientTally
{
    int requests = 0;
    int failed = 0;
    QMap<QByteArray, int> servedBy;
    double share(const QByteArray &server) const
    {
        return requests > 0 ? 100.0 * servedBy.value(server) / requests : 0;
    }
};

inline bool requestOnce(quint16 port, QByteArray *server, int timeoutMs = 2000)
{
    QTcpSocket s;
    s.connectToHost(QHostAddress::LocalHost, port);
    if (!s.waitForConnected(timeoutMs))
        return false;
    s.write("GET / HTTP/1.0\r\nHost: umbra-test\r\n\r\n");
    QByteArray reply;
    QElapsedTimer t;
    t.start();
    while (s.state() == QAbstractSocket::ConnectedState && t.elapsed() < timeoutMs) {
        s.waitForReadyRead(int(timeoutMs - t.elapsed()));
        reply += s.readAll();
    }
    reply += s.readAll();
    if (!reply.startsWith("HTTP/1.1 200") && !reply.startsWith("HTTP/1.0 200"))
        return false;
    const qsizetype body = reply.indexOf("\r\n\r\n");
    if (server && body >= 0)
        *server = reply.mid(body + 4).trimmed();
    return true;
}

inline ClientTally sendRequests(quint16 port, int count)
{
    ClientTally tally;
    for (int i = 0; i < count; ++i) {
        QByteArray server;
        ++tally.requests;
        if (requestOnce(port, &server))
            ++tally.servedBy[server];
        else
            ++tally.failed;
    }
    return tally;
}

// Requests on a thread of their own until stopped (or `limit` is reached).
class BackgroundClient
{
public:
    BackgroundClient(quint16 port, int limit = 20000, int pauseMs = 2)
    {
        m_thread.reset(QThread::create([this, port, limit, pauseMs] {
            while (!m_stop && m_tally.requests < limit) {
                QByteArray server;
                const bool ok = requestOnce(port, &server);
                QMutexLocker lock(&m_mutex);
                ++m_tally.requests;
                ok ? ++m_tally.servedBy[server] : ++m_tally.failed;
                lock.unlock();
                if (pauseMs > 0)
                    QThread::msleep(pauseMs);
            }
        }));
        m_thread->start();
    }
    ~BackgroundClient() { stop(); }
    ClientTally stop()
    {
        m_stop = true;
        m_thread->wait();
        return tally();
    }
    ClientTally tally() const
    {
        QMutexLocker lock(&m_mutex);
        return m_tally;
    }

private:
    std::unique_ptr<QThread> m_thread;
    std::atomic<bool> m_stop{ false };
    mutable QMutex m_mutex;
    ClientTally m_tally;
};

} // namespace Umbra::TestSupport
