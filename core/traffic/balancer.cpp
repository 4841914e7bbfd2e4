#include "traffic/balancer.h"

#include <QCoreApplication>
#include <QDir>

namespace Umbra::Traffic {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Umbra::Traffic::Balancer)
};

QString withoutScheme(const QString &address)
{
    return address.startsWith(QLatin1String("unix:")) ? address.mid(5) : address;
}

} // namespace

bool Balancer::isUnix() const
{
    return address.startsWith(QLatin1String("unix:")) || address.startsWith(QLatin1Char('/'));
}

QString Balancer::socketPath() const
{
    return withoutScheme(address);
}

QString Balancer::host() const
{
    const QString a = withoutScheme(address);
    const qsizetype colon = a.lastIndexOf(QLatin1Char(':'));
    QString host = a.left(colon);
    if (host.startsWith(QLatin1Char('[')) && host.endsWith(QLatin1Char(']')))
        host = host.mid(1, host.size() - 2);
    return host;
}

quint16 Balancer::port() const
{
    const QString a = withoutScheme(address);
    return quint16(a.mid(a.lastIndexOf(QLatin1Char(':')) + 1).toUInt());
}

QString Balancer::display() const
{
    return QStringLiteral("%1 (%2)").arg(name, address);
}

Result<Balancer> Balancer::make(const QString &name, const QString &address)
{
    const QString n = name.trimmed();
    const QString a = address.trimmed();
    if (n.isEmpty())
        return Error{ Tr::tr("A load balancer needs a name.") };
    if (a.isEmpty())
        return Error{ Tr::tr("Load balancer “%1” needs the address of its runtime API: a "
                             "socket path or host:port.")
                          .arg(n) };
    Balancer b{ n, a };
    if (b.isUnix()) {
        if (!QDir::isAbsolutePath(b.socketPath()))
            return Error{
                Tr::tr("Load balancer “%1”: “%2” is not an absolute socket path.").arg(n, a)
            };
        return b;
    }
    const qsizetype colon = a.lastIndexOf(QLatin1Char(':'));
    bool portOk = false;
    const uint port = colon > 0 ? a.mid(colon + 1).toUInt(&portOk) : 0;
    if (colon <= 0 || !portOk || port == 0 || port > 65535)
        return Error{
            Tr::tr("Load balancer “%1”: “%2” is neither a socket path nor host:port.").arg(n, a)
        };
    return b;
}

Result<Balancer> Balancer::parse(const QString &spec)
{
    const qsizetype eq = spec.indexOf(QLatin1Char('='));
    if (eq <= 0)
        return Error{ Tr::tr("“%1” is not NAME=SOCKET (for example "
                             "lab=/run/haproxy/admin.sock or lab=127.0.0.1:9999).")
                          .arg(spec) };
    return make(spec.left(eq), spec.mid(eq + 1));
}

QString serverStateKey(ServerState state)
{
    switch (state) {
    case ServerState::Ready:
        return QStringLiteral("ready");
    case ServerState::Drain:
        return QStringLiteral("drain");
    case ServerState::Maint:
        return QStringLiteral("maint");
    }
    return {};
}

ServerState serverStateFromKey(const QString &key)
{
    if (key == QLatin1String("drain"))
        return ServerState::Drain;
    if (key == QLatin1String("maint"))
        return ServerState::Maint;
    return ServerState::Ready;
}

} // namespace Umbra::Traffic
