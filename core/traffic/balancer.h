#pragma once

#include "util/result.h"

#include <QString>

namespace Umbra::Traffic {

// A load balancer Umbra drives: HAProxy, reached on its runtime API (the
// `stats socket` of its configuration) at a Unix socket path or host:port.
struct Balancer
{
    QString name; // the operator's name for it, unique in a fleet
    QString address; // "/run/haproxy/admin.sock", "unix:/path" or "host:port"

    bool isUnix() const;
    QString socketPath() const; // isUnix()
    QString host() const; // !isUnix()
    quint16 port() const; // !isUnix()
    // "lab (/run/umbra-lab/haproxy.sock)": how messages name it.
    QString display() const;

    // NAME=ADDRESS, as --balancer takes it; the address is checked for form
    // only (an absolute path, or host:port with a port in 1–65535).
    static Result<Balancer> parse(const QString &spec);
    static Result<Balancer> make(const QString &name, const QString &address);
};

// One server of one backend of a balancer.
struct ServerRef
{
    QString backend;
    QString server;

    QString path() const { return backend + QLatin1Char('/') + server; }
    bool isValid() const { return !backend.isEmpty() && !server.isEmpty(); }
    friend bool operator==(const ServerRef &, const ServerRef &) = default;
};

// HAProxy's administrative state of a server (`set server … state`).
enum class ServerState { Ready, Drain, Maint };
QString serverStateKey(ServerState state);
// Ready for anything that is not "drain" or "maint".
ServerState serverStateFromKey(const QString &key);

} // namespace Umbra::Traffic
