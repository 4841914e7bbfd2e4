#pragma once

#include "traffic/balancer.h"
#include "traffic/runtimereplies.h"
#include "util/result.h"

#include <QByteArray>
#include <QList>

namespace Umbra::Traffic {

// A client of one HAProxy's runtime API. Each call is one connection in
// HAProxy's non-interactive mode (a command, its reply, closed), bounded by a
// deadline, and blocks its caller: use it from a worker or job thread, never
// the GUI thread. Every error names the load balancer and changes nothing
// else; replies are read strictly (runtimereplies.h).
class RuntimeApi
{
public:
    explicit RuntimeApi(Balancer balancer, int deadlineMs = 2000);

    const Balancer &balancer() const { return m_balancer; }

    Result<RuntimeInfo> info() const;
    // Servers and backends (frontends are left out).
    Result<QList<ServerStat>> stats() const;
    Result<ServerStat> stat(const ServerRef &server) const;
    Result<ServerWeight> weight(const ServerRef &server) const;
    // Fails, with HAProxy's reason, for a weight outside 0–256 or a backend
    // whose algorithm cannot take weights.
    Result<void> setWeight(const ServerRef &server, int weight) const;
    Result<void> setState(const ServerRef &server, ServerState state) const;
    // A server that is not in the configuration (HAProxy 2.4+, a dynamic
    // algorithm); it starts in maint, with its health checks enabled.
    Result<void> addServer(const ServerRef &server, const QString &addressPort) const;
    // Needs the server in maint with no connections left.
    Result<void> deleteServer(const ServerRef &server) const;
    // Refused unless the socket is at level admin: what Umbra needs to act.
    Result<void> checkAdminLevel() const;

    // One command and its raw reply.
    Result<QByteArray> command(const QByteArray &line) const;

private:
    Error error(const QString &what, const QString &why) const;
    Result<void> acknowledge(const QString &what, const QByteArray &line,
                             const QStringList &accepted = {}) const;

    Balancer m_balancer;
    int m_deadlineMs;
};

} // namespace Umbra::Traffic
