#include "demo/demobalancer.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QThread>
#include <atomic>
#include <signal.h>
#include <sys/prctl.h>

namespace Umbra {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Umbra::DemoBalancer)
};

struct Backend
{
    const char *name;
    const char *path;
    QList<const char *> servers;
};

const QList<Backend> &backends()
{
    static const QList<Backend> list{
        { "be_web", "/", { "web01", "web02", "web03" } },
        { "be_api", "/api", { "api01", "api02" } },
        { "be_search", "/search", { "search01", "search02" } },
    };
    return list;
}

// A simulated service: answers every request with its VM's name, after a
// few milliseconds of "work", one connection at a time.
class Service
{
public:
    explicit Service(QByteArray name)
        : m_name(std::move(name))
    {
        m_thread.reset(QThread::create([this] { serve(); }));
        m_thread->start();
        while (m_port.load() == 0 && !m_failed.load())
            QThread::msleep(2);
    }
    ~Service()
    {
        m_stop = true;
        m_thread->wait();
    }
    quint16 port() const { return quint16(m_port.load()); }

private:
    void serve()
    {
        QTcpServer server;
        if (!server.listen(QHostAddress::LocalHost, 0)) {
            m_failed = true;
            return;
        }
        m_port = server.serverPort();
        while (!m_stop) {
            if (!server.waitForNewConnection(100))
                continue;
            while (QTcpSocket *socket = server.nextPendingConnection()) {
                QByteArray request;
                while (!request.contains("\r\n\r\n") && socket->waitForReadyRead(500))
                    request += socket->readAll();
                QThread::msleep(3 + (m_name.size() % 5));
                const QByteArray body = "ok " + m_name + " (simulated)\n";
                socket->write("HTTP/1.1 200 OK\r\nContent-Length: "
                              + QByteArray::number(body.size()) + "\r\nConnection: close\r\n\r\n"
                              + body);
                socket->waitForBytesWritten(500);
                socket->disconnectFromHost();
                if (socket->state() != QAbstractSocket::UnconnectedState)
                    socket->waitForDisconnected(100);
                delete socket;
            }
        }
    }

    QByteArray m_name;
    std::unique_ptr<QThread> m_thread;
    std::atomic<int> m_port{ 0 };
    std::atomic<bool> m_failed{ false };
    std::atomic<bool> m_stop{ false };
};

quint16 freePort()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    return probe.serverPort();
}

} // namespace

class DemoBalancer::Private
{
public:
    QTemporaryDir dir{ QDir::tempPath() + QStringLiteral("/umbra-demo-lb-XXXXXX") };
    std::vector<std::unique_ptr<Service>> services;
    QProcess haproxy;
    quint16 frontend = 0;
    std::unique_ptr<QThread> load;
    std::atomic<bool> stop{ false };

    QString socket() const { return dir.filePath(QStringLiteral("admin.sock")); }
};

DemoBalancer::DemoBalancer(std::unique_ptr<Private> p)
    : d(std::move(p))
{ }

DemoBalancer::~DemoBalancer()
{
    d->stop = true;
    if (d->load)
        d->load->wait();
    d->haproxy.terminate();
    d->haproxy.waitForFinished(3000);
}

Traffic::Balancer DemoBalancer::balancer() const
{
    return { QStringLiteral("demo"), d->socket() };
}

QString DemoBalancer::note()
{
    return Tr::tr("real HAProxy, simulated services");
}

Result<std::unique_ptr<DemoBalancer>> DemoBalancer::start()
{
    const QString haproxy = QStandardPaths::findExecutable(
        QStringLiteral("haproxy"),
        { QStringLiteral("/usr/sbin"), QStringLiteral("/usr/local/sbin") });
    if (haproxy.isEmpty())
        return Error{ Tr::tr("The demo's load balancer needs HAProxy: apt-get install haproxy.") };
    auto d = std::make_unique<Private>();
    if (!d->dir.isValid())
        return Error{
            Tr::tr("No folder for the demo's load balancer: %1").arg(d->dir.errorString())
        };
    d->frontend = freePort();
    QByteArray config = "# The Umbra demo's load balancer; the services are simulated.\n"
                        "global\n"
                        "    stats socket "
        + d->socket().toUtf8()
        + " mode 600 level admin\n"
          "defaults\n"
          "    mode http\n"
          "    timeout connect 1s\n"
          "    timeout client 10s\n"
          "    timeout server 10s\n"
          "    retries 2\n"
          "    option redispatch\n"
          "    option httpchk GET /health\n"
          "    default-server inter 2s fall 3 rise 2\n"
          "frontend fe_demo\n"
          "    bind 127.0.0.1:"
        + QByteArray::number(d->frontend) + "\n";
    for (const Backend &b : backends()) {
        if (qstrcmp(b.path, "/") != 0)
            config += "    use_backend " + QByteArray(b.name) + " if { path_beg " + b.path + " }\n";
    }
    config += "    default_backend be_web\n";
    for (const Backend &b : backends()) {
        config += "backend " + QByteArray(b.name) + "\n    balance roundrobin\n";
        for (const char *server : b.servers) {
            d->services.push_back(std::make_unique<Service>(server));
            config += "    server " + QByteArray(server)
                + " 127.0.0.1:" + QByteArray::number(d->services.back()->port()) + " check\n";
        }
    }
    QFile file(d->dir.filePath(QStringLiteral("haproxy.cfg")));
    if (!file.open(QIODevice::WriteOnly) || file.write(config) != config.size())
        return Error{ Tr::tr("The demo's load balancer configuration cannot be written: %1")
                          .arg(file.errorString()) };
    file.close();
    d->haproxy.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    // HAProxy goes with the console, also when the console is killed.
    d->haproxy.setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGTERM); });
    d->haproxy.start(
        haproxy,
        { QStringLiteral("-db"), QStringLiteral("-q"), QStringLiteral("-f"), file.fileName() });
    if (!d->haproxy.waitForStarted(5000))
        return Error{ Tr::tr("HAProxy did not start: %1").arg(d->haproxy.errorString()) };
    QElapsedTimer waited;
    waited.start();
    while (!QFile::exists(d->socket())) {
        if (d->haproxy.state() != QProcess::Running || waited.elapsed() > 5000)
            return Error{ Tr::tr("HAProxy did not start with the demo's configuration.") };
        QThread::msleep(20);
    }
    // A steady load of a few requests a second per backend, so the split and
    // its rates show.
    Private *p = d.get();
    d->load.reset(QThread::create([p] {
        const QByteArray paths[] = { "/", "/api/items", "/search?q=umbra" };
        int i = 0;
        while (!p->stop) {
            QTcpSocket socket;
            socket.connectToHost(QHostAddress::LocalHost, p->frontend);
            if (socket.waitForConnected(500)) {
                socket.write("GET " + paths[i++ % 3] + " HTTP/1.0\r\nHost: demo\r\n\r\n");
                socket.waitForBytesWritten(500);
                while (socket.waitForReadyRead(500))
                    socket.readAll();
            }
            for (int slept = 0; slept < 100 && !p->stop; slept += 20)
                QThread::msleep(20);
        }
    }));
    d->load->start();
    return std::unique_ptr<DemoBalancer>(new DemoBalancer(std::move(d)));
}

} // namespace Umbra
