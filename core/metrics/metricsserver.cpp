#include "metrics/metricsserver.h"

#include "metrics/metricsexposition.h"

#include <QCoreApplication>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

namespace Umbra::Metrics {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Umbra::Metrics::MetricsServer)
};

constexpr int kRequestTimeoutMs = 5000;
constexpr qsizetype kMaxRequestBytes = 16 * 1024;

QByteArray response(QByteArray status, const QByteArray &contentType, const QByteArray &body,
                    bool withBody)
{
    QByteArray out = "HTTP/1.1 " + status + "\r\nContent-Type: " + contentType
        + "\r\nContent-Length: " + QByteArray::number(body.size())
        + "\r\nCache-Control: no-store\r\nConnection: close\r\n\r\n";
    if (withBody)
        out += body;
    return out;
}

QByteArray plain(QByteArray status, const QByteArray &text, bool withBody = true)
{
    return response(std::move(status), "text/plain; charset=utf-8", text + '\n', withBody);
}

} // namespace

// Lives on the server's thread: accepts connections and answers them.
class HttpListener : public QTcpServer
{
public:
    explicit HttpListener(MetricsServer *server)
        : m_server(server)
    { }

protected:
    void incomingConnection(qintptr descriptor) override
    {
        auto *socket = new QTcpSocket(this);
        if (!socket->setSocketDescriptor(descriptor)) {
            delete socket;
            return;
        }
        auto *deadline = new QTimer(socket);
        deadline->setSingleShot(true);
        connect(deadline, &QTimer::timeout, socket, [socket] { socket->abort(); });
        deadline->start(kRequestTimeoutMs);
        connect(socket, &QTcpSocket::readyRead, socket, [this, socket] { read(socket); });
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        connect(socket, &QTcpSocket::errorOccurred, socket, [socket] {
            if (socket->state() == QAbstractSocket::UnconnectedState)
                socket->deleteLater();
        });
    }

private:
    void read(QTcpSocket *socket)
    {
        QByteArray request = socket->property("request").toByteArray() + socket->readAll();
        if (request.size() > kMaxRequestBytes) {
            answer(socket, plain("431 Request Header Fields Too Large", "Request too large."));
            return;
        }
        if (!request.contains("\r\n\r\n") && !request.contains("\n\n")) {
            socket->setProperty("request", request);
            return;
        }
        const QList<QByteArray> line = request.left(request.indexOf('\n')).trimmed().split(' ');
        if (line.size() != 3 || !line.at(2).startsWith("HTTP/1.")) {
            answer(socket, plain("400 Bad Request", "Not an HTTP/1 request."));
            return;
        }
        const QByteArray &method = line.at(0);
        const bool head = method == "HEAD";
        if (method != "GET" && !head) {
            answer(socket, plain("405 Method Not Allowed", "Only GET and HEAD are served."));
            return;
        }
        const QByteArray path = line.at(1).split('?').constFirst();
        if (path == "/metrics") {
            const QByteArray page = m_server->page();
            if (page.isEmpty()) {
                answer(socket,
                       plain("503 Service Unavailable",
                             "Umbra has not taken its first snapshot yet.", !head));
                return;
            }
            ++m_server->m_scrapes;
            answer(socket, response("200 OK", kExpositionContentType, page, !head));
        } else if (path == "/") {
            answer(socket,
                   response("200 OK", "text/html; charset=utf-8",
                            "<html><head><title>Umbra</title></head><body><h1>Umbra</h1>"
                            "<p><a href=\"/metrics\">Metrics</a></p></body></html>\n",
                            !head));
        } else {
            answer(socket, plain("404 Not Found", "Umbra serves /metrics.", !head));
        }
    }

    void answer(QTcpSocket *socket, const QByteArray &bytes)
    {
        disconnect(socket, &QTcpSocket::readyRead, nullptr, nullptr);
        socket->write(bytes);
        socket->disconnectFromHost();
    }

    MetricsServer *m_server;
};

MetricsServer::MetricsServer(QObject *parent)
    : QObject(parent)
{
    m_thread.setObjectName(QStringLiteral("umbra-metrics-http"));
}

MetricsServer::~MetricsServer()
{
    stop();
}

void MetricsServer::listen(const ListenAddress &address)
{
    if (!m_thread.isRunning())
        m_thread.start();
    auto *listener = m_listener;
    if (!listener) {
        listener = new HttpListener(this);
        listener->moveToThread(&m_thread);
        connect(&m_thread, &QThread::finished, listener, &QObject::deleteLater);
        m_listener = listener;
    }
    QMetaObject::invokeMethod(
        listener,
        [this, listener, address] {
            if (listener->isListening())
                listener->close();
            if (listener->listen(address.address, address.port)) {
                ListenAddress bound{ listener->serverAddress(), listener->serverPort() };
                QMetaObject::invokeMethod(
                    this, [this, bound] { Q_EMIT listening(bound); }, Qt::QueuedConnection);
            } else {
                const QString error = Tr::tr("Cannot serve metrics on %1: %2")
                                          .arg(address.toString(), listener->errorString());
                QMetaObject::invokeMethod(
                    this, [this, error] { Q_EMIT failed(error); }, Qt::QueuedConnection);
            }
        },
        Qt::QueuedConnection);
}

void MetricsServer::stop()
{
    if (!m_thread.isRunning())
        return;
    m_thread.quit();
    m_thread.wait();
    m_listener = nullptr;
}

void MetricsServer::publish(const QByteArray &page)
{
    QMutexLocker lock(&m_mutex);
    m_page = page;
}

QByteArray MetricsServer::page() const
{
    QMutexLocker lock(&m_mutex);
    return m_page;
}

} // namespace Umbra::Metrics
