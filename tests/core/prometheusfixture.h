// A real Prometheus (Debian's) on loopback for the tests: scrapes the targets
// it is given every second into a throw-away data folder, and answers
// PromQL over its HTTP API.
#pragma once

#include "freeport.h"

#include <QByteArray>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QThread>
#include <QUrl>
#include <QUrlQuery>
#include <atomic>
#include <memory>
#include <signal.h>
#include <sys/prctl.h>
#include <vector>

namespace Umbra::TestSupport {

// One blocking HTTP/1.0 GET on loopback: the status and the body.
inline std::pair<int, QByteArray> httpGet(quint16 port, const QByteArray &target,
                                          int timeoutMs = 5000)
{
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, port);
    if (!socket.waitForConnected(timeoutMs))
        return { 0, {} };
    socket.write("GET " + target + " HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n");
    QByteArray reply;
    QElapsedTimer clock;
    clock.start();
    while (clock.elapsed() < timeoutMs && socket.state() == QAbstractSocket::ConnectedState
           && socket.waitForReadyRead(200))
        reply += socket.readAll();
    reply += socket.readAll();
    const qsizetype end = reply.indexOf("\r\n\r\n");
    if (end < 0)
        return { 0, reply };
    const QList<QByteArray> status = reply.left(reply.indexOf("\r\n")).split(' ');
    return { status.size() > 1 ? status.at(1).toInt() : 0, reply.mid(end + 4) };
}

// Answers every connection with the same bytes, as given (a broken or
// partial HTTP answer included), or with nothing at all: for the failures a
// real Prometheus does not produce on demand.
class CannedHttpServer
{
public:
    explicit CannedHttpServer(QByteArray answer, bool silent = false)
        : m_answer(std::move(answer))
        , m_silent(silent)
    {
        m_thread.reset(QThread::create([this] { serve(); }));
        m_thread->start();
        while (m_port.load() == 0)
            QThread::msleep(5);
    }
    ~CannedHttpServer()
    {
        m_stop = true;
        m_thread->wait();
    }
    quint16 port() const { return quint16(m_port.load()); }

private:
    void serve()
    {
        QTcpServer server;
        server.listen(QHostAddress::LocalHost, 0);
        m_port = server.serverPort();
        std::vector<std::unique_ptr<QTcpSocket>> held;
        while (!m_stop) {
            if (!server.waitForNewConnection(50))
                continue;
            while (QTcpSocket *socket = server.nextPendingConnection()) {
                std::unique_ptr<QTcpSocket> owned(socket);
                socket->waitForReadyRead(1000);
                socket->readAll();
                if (m_silent) {
                    held.push_back(std::move(owned)); // open, and never a word
                    continue;
                }
                socket->write(m_answer);
                socket->waitForBytesWritten(1000);
                socket->disconnectFromHost();
                if (socket->state() != QAbstractSocket::UnconnectedState)
                    socket->waitForDisconnected(200);
            }
        }
    }

    QByteArray m_answer;
    bool m_silent;
    std::unique_ptr<QThread> m_thread;
    std::atomic<int> m_port{ 0 };
    std::atomic<bool> m_stop{ false };
};

// prometheus-libvirt-exporter (Debian's) on loopback, reading `uri`.
class LibvirtExporterFixture
{
public:
    explicit LibvirtExporterFixture(const QString &uri)
    {
        m_port = freePort();
        m_process = std::make_unique<QProcess>();
        m_process->setProcessChannelMode(QProcess::MergedChannels);
        m_process->setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGTERM); });
        m_process->start(
            QStandardPaths::findExecutable(QStringLiteral("prometheus-libvirt-exporter")),
            { QStringLiteral("--libvirt.uri=") + uri,
              QStringLiteral("--web.listen-address=127.0.0.1:%1").arg(m_port) });
    }
    ~LibvirtExporterFixture()
    {
        m_process->terminate();
        if (!m_process->waitForFinished(5000))
            m_process->kill();
    }
    static bool available()
    {
        return !QStandardPaths::findExecutable(QStringLiteral("prometheus-libvirt-exporter"))
                    .isEmpty();
    }
    bool waitReady(int ms = 10000)
    {
        QElapsedTimer clock;
        clock.start();
        while (clock.elapsed() < ms) {
            if (httpGet(m_port, "/metrics", 1000).first == 200)
                return true;
            QThread::msleep(100);
        }
        return false;
    }
    quint16 port() const { return m_port; }

private:
    quint16 m_port = 0;
    std::unique_ptr<QProcess> m_process;
};

class PrometheusFixture
{
public:
    static QString executable(const char *name)
    {
        return QStandardPaths::findExecutable(QString::fromLatin1(name));
    }
    static bool available() { return !executable("prometheus").isEmpty(); }

    // Scrapes each "127.0.0.1:PORT" in `targets` every second as job "umbra".
    explicit PrometheusFixture(const QStringList &targets)
    {
        m_port = freePort();
        QFile config(m_dir.filePath(QStringLiteral("prometheus.yml")));
        config.open(QIODevice::WriteOnly);
        QByteArray text = "global:\n  scrape_interval: 1s\n  scrape_timeout: 1s\n"
                          "scrape_configs:\n  - job_name: umbra\n    static_configs:\n"
                          "      - targets: [";
        for (qsizetype i = 0; i < targets.size(); ++i)
            text += (i ? ", \"" : "\"") + targets.at(i).toUtf8() + '"';
        text += "]\n";
        config.write(text);
        config.close();
        m_process = std::make_unique<QProcess>();
        m_process->setProcessChannelMode(QProcess::MergedChannels);
        m_process->setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGTERM); });
        m_process->start(
            executable("prometheus"),
            { QStringLiteral("--config.file=") + config.fileName(),
              QStringLiteral("--storage.tsdb.path=") + m_dir.filePath(QStringLiteral("data")),
              QStringLiteral("--storage.tsdb.retention.time=1h"),
              QStringLiteral("--web.listen-address=127.0.0.1:%1").arg(m_port) });
    }
    ~PrometheusFixture()
    {
        m_process->terminate();
        if (!m_process->waitForFinished(10000))
            m_process->kill();
    }

    bool waitReady(int ms = 30000)
    {
        QElapsedTimer clock;
        clock.start();
        while (clock.elapsed() < ms) {
            if (httpGet(m_port, "/-/ready", 1000).first == 200)
                return true;
            if (m_process->state() == QProcess::NotRunning)
                return false;
            QThread::msleep(100);
        }
        return false;
    }
    // Waits until every target has been scraped at least once and is up.
    // Prometheus sets targets up some seconds after it is ready.
    bool waitScraped(int targets, int ms = 30000)
    {
        QElapsedTimer clock;
        clock.start();
        while (clock.elapsed() < ms) {
            if (value(QStringLiteral("count(up == 1)")) == targets)
                return true;
            QThread::msleep(200);
        }
        return false;
    }
    // An instant query's answer, as the API gives it ("status", "data", …).
    QJsonObject query(const QString &promql)
    {
        QUrlQuery q;
        q.addQueryItem(QStringLiteral("query"), promql);
        const QByteArray target
            = "/api/v1/query?" + q.query(QUrl::FullyEncoded).toUtf8().replace('+', "%2B");
        return QJsonDocument::fromJson(httpGet(m_port, target).second).object();
    }
    // The value of the first series of an instant query, or NaN.
    double value(const QString &promql)
    {
        const QJsonArray result = query(promql)[u"data"][u"result"].toArray();
        if (result.isEmpty())
            return qQNaN();
        return result.at(0)[u"value"].toArray().at(1).toString().toDouble();
    }
    QByteArray output() { return m_process->readAll(); }
    quint16 port() const { return m_port; }

private:
    QTemporaryDir m_dir;
    quint16 m_port = 0;
    std::unique_ptr<QProcess> m_process;
};

} // namespace Umbra::TestSupport
