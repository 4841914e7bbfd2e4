#include "migrate/healthcheck.h"

#include <QCoreApplication>
#include <QTcpSocket>
#include <QUrl>

namespace Umbra::HealthProbe {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Umbra::HealthProbe)
};

Result<void> connectTo(QTcpSocket &socket, const QString &host, quint16 port, int timeoutMs)
{
    socket.connectToHost(host, port);
    if (!socket.waitForConnected(timeoutMs))
        return Error{ Tr::tr("%1:%2 does not accept connections: %3")
                          .arg(host)
                          .arg(port)
                          .arg(socket.errorString()) };
    return {};
}

// One GET: the status line decides; the body, read to the end of the
// connection, only when the caller wants it (a probe answers at the status
// line, whatever the server does with the connection afterwards).
enum class Body { Skip, Read };
Result<QByteArray> exchange(const QString &url, int timeoutMs, Body wanted)
{
    const QUrl parsed(url);
    if (!parsed.isValid() || parsed.scheme() != QLatin1String("http") || parsed.host().isEmpty())
        return Error{ Tr::tr("%1 is not an http:// URL.").arg(url) };
    QTcpSocket socket;
    if (auto connected = connectTo(socket, parsed.host(), quint16(parsed.port(80)), timeoutMs);
        !connected)
        return Error{ connected.error() };
    const QString path = parsed.path(QUrl::FullyEncoded).isEmpty() ? QStringLiteral("/")
                                                                   : parsed.path(QUrl::FullyEncoded)
            + (parsed.hasQuery() ? QLatin1Char('?') + parsed.query(QUrl::FullyEncoded) : QString());
    const QByteArray request = "GET " + path.toUtf8() + " HTTP/1.0\r\nHost: "
        + parsed.host().toUtf8() + "\r\nConnection: close\r\nUser-Agent: umbra\r\n\r\n";
    socket.write(request);
    if (!socket.waitForBytesWritten(timeoutMs))
        return Error{ Tr::tr("%1: %2").arg(url, socket.errorString()) };
    QByteArray reply;
    while (!reply.contains('\n')) {
        if (!socket.waitForReadyRead(timeoutMs))
            return Error{ Tr::tr("%1 did not answer within %2 ms.").arg(url).arg(timeoutMs) };
        reply += socket.readAll();
    }
    const QList<QByteArray> status = reply.left(reply.indexOf('\n')).trimmed().split(' ');
    const int code = status.size() >= 2 ? status[1].toInt() : 0;
    if (code < 200 || code > 299)
        return Error{ Tr::tr("%1 answered %2.")
                          .arg(url,
                               QString::fromLatin1(reply.left(reply.indexOf('\n')).trimmed())) };
    if (wanted == Body::Skip)
        return QByteArray();
    // HTTP/1.0 with Connection: close: the body ends with the connection.
    while (socket.state() == QAbstractSocket::ConnectedState && socket.waitForReadyRead(timeoutMs))
        reply += socket.readAll();
    reply += socket.readAll();
    const qsizetype body = reply.indexOf("\r\n\r\n");
    return body < 0 ? QByteArray() : reply.mid(body + 4);
}

} // namespace

Result<void> http(const QString &url, int timeoutMs)
{
    if (auto answered = exchange(url, timeoutMs, Body::Skip); !answered)
        return Error{ answered.error() };
    return {};
}

Result<QByteArray> get(const QString &url, int timeoutMs)
{
    return exchange(url, timeoutMs, Body::Read);
}

Result<void> tcp(const QString &hostPort, int timeoutMs)
{
    const qsizetype colon = hostPort.lastIndexOf(QLatin1Char(':'));
    bool ok = false;
    const int port = colon > 0 ? hostPort.mid(colon + 1).toInt(&ok) : 0;
    if (!ok || port <= 0 || port > 65535)
        return Error{ Tr::tr("%1 is not HOST:PORT.").arg(hostPort) };
    QString host = hostPort.left(colon);
    if (host.startsWith(QLatin1Char('[')) && host.endsWith(QLatin1Char(']')))
        host = host.mid(1, host.size() - 2);
    QTcpSocket socket;
    return connectTo(socket, host, quint16(port), timeoutMs);
}

} // namespace Umbra::HealthProbe
