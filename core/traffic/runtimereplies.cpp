#include "traffic/runtimereplies.h"

#include <QCoreApplication>
#include <QHash>

namespace Umbra::Traffic {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Umbra::Traffic::RuntimeApi)
};

// What HAProxy says when it did not do what it was asked; each gets a
// sentence an operator can act on.
QString explain(const QString &message)
{
    if (message == QLatin1String("No such backend."))
        return Tr::tr("it has no such backend");
    if (message == QLatin1String("No such server."))
        return Tr::tr("it has no such server");
    if (message == QLatin1String("Permission denied"))
        return Tr::tr("its socket is below level admin (set “level admin” on the stats "
                      "socket), so it refuses changes");
    if (message.startsWith(QLatin1String("Unknown command")))
        return Tr::tr("it does not know the command (is it HAProxy 2.4 or newer?)");
    return Tr::tr("it answered “%1”").arg(message);
}

QString firstLine(const QByteArray &reply)
{
    const qsizetype end = reply.indexOf('\n');
    return QString::fromUtf8(end < 0 ? reply : reply.left(end)).trimmed();
}

QString excerpt(const QByteArray &reply)
{
    QString text = QString::fromUtf8(reply.left(80)).simplified();
    if (reply.size() > 80)
        text += QStringLiteral("…");
    return text;
}

Error notHAProxy(const QByteArray &reply)
{
    if (reply.isEmpty())
        return Error{ Tr::tr("it closed the connection without an answer") };
    return Error{ Tr::tr("its answer is not HAProxy's runtime API: “%1”").arg(excerpt(reply)) };
}

// HAProxy ends every reply of the non-interactive CLI with an empty line.
bool complete(const QByteArray &reply)
{
    return reply.endsWith("\n\n") || reply == "\n";
}

} // namespace

bool ServerStat::isUp() const
{
    return status.startsWith(QLatin1String("UP")) || status == QLatin1String("no check");
}

Result<QList<ServerStat>> parseStat(const QByteArray &reply)
{
    if (!reply.startsWith("# pxname,svname,")) {
        if (reply.startsWith("Permission denied") || reply.startsWith("Unknown command"))
            return Error{ explain(firstLine(reply)) };
        return notHAProxy(reply);
    }
    if (!complete(reply))
        return Error{ Tr::tr("its statistics were cut short") };
    const QList<QByteArray> lines = reply.split('\n');
    const QList<QByteArray> header = lines.first().mid(2).split(',');
    QHash<QByteArray, int> column;
    for (int i = 0; i < header.size(); ++i)
        column.insert(header[i], i);
    const char *required[]
        = { "pxname",   "svname",   "scur",       "stot",     "econ",     "eresp",
            "status",   "weight",   "rate",       "hrsp_1xx", "hrsp_2xx", "hrsp_3xx",
            "hrsp_4xx", "hrsp_5xx", "hrsp_other", "rtime",    "addr",     "algo" };
    for (const char *name : required) {
        if (!column.contains(name))
            return Error{ Tr::tr("its statistics have no column “%1”").arg(QLatin1String(name)) };
    }
    QList<ServerStat> stats;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray &line = lines[i];
        if (line.isEmpty())
            continue;
        const QList<QByteArray> f = line.split(',');
        if (f.size() != header.size())
            return Error{ Tr::tr("its statistics were cut short (line %1 has %2 of %3 fields)")
                              .arg(i + 1)
                              .arg(f.size())
                              .arg(header.size()) };
        auto text = [&](const char *name) { return QString::fromUtf8(f[column.value(name)]); };
        auto number = [&](const char *name) { return f[column.value(name)].toLongLong(); };
        const QString svname = text("svname");
        if (svname == QLatin1String("FRONTEND"))
            continue;
        ServerStat s;
        s.ref = { text("pxname"), svname };
        s.isBackend = svname == QLatin1String("BACKEND");
        s.status = text("status");
        s.weight = int(number("weight"));
        s.currentSessions = int(number("scur"));
        s.sessions = number("stot");
        s.responses5xx = number("hrsp_5xx");
        s.responses = number("hrsp_1xx") + number("hrsp_2xx") + number("hrsp_3xx")
            + number("hrsp_4xx") + s.responses5xx + number("hrsp_other");
        s.connectionErrors = number("econ");
        s.responseErrors = number("eresp");
        s.responseTimeMs = double(number("rtime"));
        s.requestRate = double(number("rate"));
        s.address = text("addr");
        s.algorithm = text("algo");
        stats.append(s);
    }
    return stats;
}

Result<ServerWeight> parseWeight(const QByteArray &reply)
{
    if (!complete(reply))
        return reply.isEmpty() ? notHAProxy(reply) : Error{ Tr::tr("its answer was cut short") };
    const QString line = firstLine(reply);
    // "12 (initial 1)"
    const qsizetype open = line.indexOf(QLatin1String(" (initial "));
    if (open > 0 && line.endsWith(QLatin1Char(')'))) {
        bool currentOk = false, initialOk = false;
        const int current = line.left(open).toInt(&currentOk);
        const int initial = line.mid(open + 10, line.size() - open - 11).toInt(&initialOk);
        if (currentOk && initialOk)
            return ServerWeight{ current, initial };
    }
    if (line.endsWith(QLatin1Char('.')) || line == QLatin1String("Permission denied")
        || line.startsWith(QLatin1String("Unknown command")))
        return Error{ explain(line) };
    return notHAProxy(reply);
}

Result<RuntimeInfo> parseInfo(const QByteArray &reply)
{
    if (!reply.startsWith("Name: HAProxy\n"))
        return notHAProxy(reply);
    if (!complete(reply))
        return Error{ Tr::tr("its answer was cut short") };
    RuntimeInfo info;
    for (const QByteArray &line : reply.split('\n')) {
        const qsizetype colon = line.indexOf(": ");
        if (colon < 0)
            continue;
        const QByteArray key = line.left(colon);
        const QByteArray value = line.mid(colon + 2);
        if (key == "Version")
            info.version = QString::fromUtf8(value);
        else if (key == "Pid")
            info.pid = value.toLongLong();
        else if (key == "Start_time_sec")
            info.startTimeSec = value.toLongLong();
    }
    if (info.pid == 0)
        return Error{ Tr::tr("its answer names no process") };
    return info;
}

Result<void> parseAcknowledgement(const QByteArray &reply, const QStringList &accepted)
{
    if (reply == "\n")
        return {};
    const QString line = firstLine(reply);
    if (accepted.contains(line))
        return {};
    // A one-line message ending in a full stop is HAProxy telling why not;
    // anything else came from something that is not HAProxy.
    if (line.isEmpty() || reply.isEmpty())
        return notHAProxy(reply);
    if (line.endsWith(QLatin1Char('.')) || line == QLatin1String("Permission denied")
        || line.startsWith(QLatin1String("Unknown command"))
        || line.contains(QLatin1String("expects")))
        return Error{ explain(line) };
    return notHAProxy(reply);
}

bool isDynamicAlgorithm(const QString &algorithm)
{
    return algorithm != QLatin1String("static-rr") && algorithm != QLatin1String("first")
        && !algorithm.isEmpty();
}

} // namespace Umbra::Traffic
