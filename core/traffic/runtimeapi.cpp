#include "traffic/runtimeapi.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QLocalSocket>
#include <QTcpSocket>
#include <memory>

namespace Umbra::Traffic {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Umbra::Traffic::RuntimeApi)
};

// Longer than any reply Umbra asks for (show stat of a few thousand servers);
// more is not HAProxy answering these commands.
constexpr qsizetype kMaxReply = 64 * 1024 * 1024;

} // namespace

RuntimeApi::RuntimeApi(Balancer balancer, int deadlineMs)
    : m_balancer(std::move(balancer))
    , m_deadlineMs(deadlineMs)
{ }

Error RuntimeApi::error(const QString &what, const QString &why) const
{
    return Error{ Tr::tr("Load balancer %1: %2: %3").arg(m_balancer.display(), what, why) };
}

Result<QByteArray> RuntimeApi::command(const QByteArray &line) const
{
    const QString what = QString::fromUtf8(line);
    QDeadlineTimer deadline(m_deadlineMs);
    std::unique_ptr<QIODevice> device;
    if (m_balancer.isUnix()) {
        auto socket = std::make_unique<QLocalSocket>();
        socket->connectToServer(m_balancer.socketPath());
        if (!socket->waitForConnected(int(deadline.remainingTime())))
            return error(what, Tr::tr("cannot connect: %1").arg(socket->errorString()));
        device = std::move(socket);
    } else {
        auto socket = std::make_unique<QTcpSocket>();
        socket->connectToHost(m_balancer.host(), m_balancer.port());
        if (!socket->waitForConnected(int(deadline.remainingTime())))
            return error(what, Tr::tr("cannot connect: %1").arg(socket->errorString()));
        device = std::move(socket);
    }
    auto waitWritten = [&] {
        if (auto *local = qobject_cast<QLocalSocket *>(device.get()))
            return local->waitForBytesWritten(int(deadline.remainingTime()));
        return static_cast<QTcpSocket *>(device.get())
            ->waitForBytesWritten(int(deadline.remainingTime()));
    };
    auto waitRead = [&] {
        if (auto *local = qobject_cast<QLocalSocket *>(device.get()))
            return local->waitForReadyRead(int(deadline.remainingTime()));
        return static_cast<QTcpSocket *>(device.get())
            ->waitForReadyRead(int(deadline.remainingTime()));
    };
    auto open = [&] {
        if (auto *local = qobject_cast<QLocalSocket *>(device.get()))
            return local->state() == QLocalSocket::ConnectedState;
        return static_cast<QTcpSocket *>(device.get())->state() == QAbstractSocket::ConnectedState;
    };
    device->write(line + '\n');
    while (device->bytesToWrite() > 0) {
        if (deadline.hasExpired() || !waitWritten())
            return error(what,
                         Tr::tr("the command could not be sent: %1").arg(device->errorString()));
    }
    // HAProxy answers and closes: the reply is complete when the peer has
    // closed. A deadline that passes first means a stalled or foreign peer.
    QByteArray reply;
    while (open()) {
        reply += device->readAll();
        if (reply.size() > kMaxReply)
            return error(what, Tr::tr("its answer is larger than any HAProxy reply"));
        if (deadline.hasExpired())
            return error(what, Tr::tr("no complete answer within %1 ms").arg(m_deadlineMs));
        waitRead();
    }
    reply += device->readAll();
    return reply;
}

Result<RuntimeInfo> RuntimeApi::info() const
{
    auto reply = command("show info");
    if (!reply)
        return Error{ reply.error() };
    auto info = parseInfo(reply.value());
    if (!info)
        return error(QStringLiteral("show info"), info.error());
    return info;
}

Result<QList<ServerStat>> RuntimeApi::stats() const
{
    auto reply = command("show stat");
    if (!reply)
        return Error{ reply.error() };
    auto stats = parseStat(reply.value());
    if (!stats)
        return error(QStringLiteral("show stat"), stats.error());
    return stats;
}

Result<ServerStat> RuntimeApi::stat(const ServerRef &server) const
{
    auto all = stats();
    if (!all)
        return Error{ all.error() };
    bool backendFound = false;
    for (const ServerStat &s : all.value()) {
        if (s.ref == server)
            return s;
        backendFound = backendFound || s.ref.backend == server.backend;
    }
    return error(QStringLiteral("show stat"),
                 backendFound ? Tr::tr("it has no server “%1”").arg(server.path())
                              : Tr::tr("it has no backend “%1”").arg(server.backend));
}

Result<ServerWeight> RuntimeApi::weight(const ServerRef &server) const
{
    const QByteArray line = "get weight " + server.path().toUtf8();
    auto reply = command(line);
    if (!reply)
        return Error{ reply.error() };
    auto weight = parseWeight(reply.value());
    if (!weight)
        return error(QString::fromUtf8(line), weight.error());
    return weight;
}

Result<void> RuntimeApi::acknowledge(const QString &what, const QByteArray &line,
                                     const QStringList &accepted) const
{
    auto reply = command(line);
    if (!reply)
        return Error{ reply.error() };
    if (auto ok = parseAcknowledgement(reply.value(), accepted); !ok)
        return error(what, ok.error());
    return {};
}

Result<void> RuntimeApi::setWeight(const ServerRef &server, int weight) const
{
    const QByteArray line
        = "set weight " + server.path().toUtf8() + ' ' + QByteArray::number(weight);
    return acknowledge(QString::fromUtf8(line), line);
}

Result<void> RuntimeApi::setState(const ServerRef &server, ServerState state) const
{
    const QByteArray line
        = "set server " + server.path().toUtf8() + " state " + serverStateKey(state).toUtf8();
    return acknowledge(QString::fromUtf8(line), line);
}

Result<void> RuntimeApi::addServer(const ServerRef &server, const QString &addressPort) const
{
    const QByteArray line
        = "add server " + server.path().toUtf8() + ' ' + addressPort.toUtf8() + " check";
    if (auto added
        = acknowledge(QString::fromUtf8(line), line, { QStringLiteral("New server registered.") });
        !added)
        return added;
    const QByteArray health = "enable health " + server.path().toUtf8();
    return acknowledge(QString::fromUtf8(health), health);
}

Result<void> RuntimeApi::deleteServer(const ServerRef &server) const
{
    const QByteArray line = "del server " + server.path().toUtf8();
    return acknowledge(QString::fromUtf8(line), line, { QStringLiteral("Server deleted.") });
}

Result<void> RuntimeApi::checkAdminLevel() const
{
    // A command that only level admin may run and that changes nothing
    // beyond its own connection.
    return acknowledge(QStringLiteral("expert-mode on"), "expert-mode on");
}

} // namespace Umbra::Traffic
