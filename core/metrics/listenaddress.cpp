#include "metrics/listenaddress.h"

#include <QCoreApplication>

namespace Umbra::Metrics {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Umbra::Metrics::ListenAddress)
};

} // namespace

QString ListenAddress::toString() const
{
    const QString host = address.protocol() == QAbstractSocket::IPv6Protocol
        ? u'[' + address.toString() + u']'
        : address.toString();
    return host + u':' + QString::number(port);
}

Result<ListenAddress> parseListenAddress(const QString &text)
{
    const QString trimmed = text.trimmed();
    QString host;
    QString port = trimmed;
    if (trimmed.startsWith(u'[')) {
        const qsizetype close = trimmed.indexOf(QStringLiteral("]:"));
        if (close < 0)
            return Error{ Tr::tr("\"%1\" is not [ADDRESS]:PORT").arg(trimmed) };
        host = trimmed.mid(1, close - 1);
        port = trimmed.mid(close + 2);
    } else if (const qsizetype colon = trimmed.lastIndexOf(u':'); colon >= 0) {
        host = trimmed.left(colon);
        port = trimmed.mid(colon + 1);
    }
    bool ok = false;
    const uint number = port.toUInt(&ok);
    if (!ok || number == 0 || number > 65535)
        return Error{ Tr::tr("\"%1\" has no port between 1 and 65535").arg(trimmed) };
    ListenAddress out;
    out.port = quint16(number);
    if (host.isEmpty() || host == u"localhost") {
        out.address = QHostAddress(QHostAddress::LocalHost);
    } else if (!out.address.setAddress(host)) {
        return Error{ Tr::tr("\"%1\" is not an IP address to listen on").arg(host) };
    }
    return out;
}

} // namespace Umbra::Metrics
