#pragma once

#include "traffic/balancer.h"
#include "util/result.h"

#include <QByteArray>
#include <QList>
#include <QString>

// Strict readers of HAProxy's runtime API replies (HAProxy 2.6). Each either
// returns what it read or says what was wrong with the reply; the caller names
// the load balancer. A reply that was cut short, or that is not HAProxy's, is
// an error, never a partial answer.
namespace Umbra::Traffic {

// One row of `show stat` for a server or a backend (svname BACKEND).
struct ServerStat
{
    ServerRef ref;
    bool isBackend = false;
    QString status; // "UP", "UP 1/2", "DOWN", "DRAIN", "MAINT", "no check", …
    int weight = 0; // effective weight (a backend's: the sum of its servers')
    int currentSessions = 0; // scur
    qint64 sessions = 0; // stot
    qint64 responses = 0; // hrsp_1xx … hrsp_other
    qint64 responses5xx = 0; // hrsp_5xx
    qint64 connectionErrors = 0; // econ
    qint64 responseErrors = 0; // eresp
    double responseTimeMs = 0; // rtime: average over the last 1024 requests
    double requestRate = 0; // rate: sessions per second over the last second
    QString address; // addr, "ip:port" (servers)
    QString algorithm; // algo (backends)

    // Up by HAProxy's own checks ("no check": taken as up, it has none).
    bool isUp() const;
    // The errors a shift's gate counts: 5xx answers, connection and response
    // errors.
    qint64 errors() const { return responses5xx + connectionErrors + responseErrors; }
};

struct ServerWeight
{
    int current = 0;
    int initial = 0; // from the configuration
};

// `show info`: who answered, and which run of it (a reload or restart
// changes the pid and the start time, and drops every runtime change).
struct RuntimeInfo
{
    QString version;
    qint64 pid = 0;
    qint64 startTimeSec = 0;
    bool sameRunAs(const RuntimeInfo &other) const
    {
        return pid == other.pid && startTimeSec == other.startTimeSec;
    }
};

Result<QList<ServerStat>> parseStat(const QByteArray &reply);
Result<ServerWeight> parseWeight(const QByteArray &reply);
Result<RuntimeInfo> parseInfo(const QByteArray &reply);

// The reply of a command that answers nothing when it worked (set weight, set
// server … state): empty, or HAProxy's message why not. `accepted` are
// messages that also mean success ("New server registered.").
Result<void> parseAcknowledgement(const QByteArray &reply, const QStringList &accepted = {});

// Algorithms whose weights HAProxy can change at run time; static-rr and the
// map-based hashes take only 0 % or 100 %.
bool isDynamicAlgorithm(const QString &algorithm);

} // namespace Umbra::Traffic
