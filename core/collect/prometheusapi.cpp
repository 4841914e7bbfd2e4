#include "collect/prometheusapi.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSslSocket>
#include <QUrlQuery>
#include <cmath>

namespace Umbra::Prometheus {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Umbra::Prometheus)
};

QString seconds(int ms)
{
    return QString::number(ms / 1000.0, 'g', 3);
}

// "1712345678.123" → ms; Prometheus sends times as fractional seconds.
std::optional<qint64> timeOf(const QJsonValue &value)
{
    if (!value.isDouble())
        return std::nullopt;
    return qint64(std::llround(value.toDouble() * 1000.0));
}

// Values come as strings: "12.5", "NaN", "+Inf".
std::optional<double> valueOf(const QJsonValue &value)
{
    if (!value.isString())
        return std::nullopt;
    bool ok = false;
    const double v = value.toString().toDouble(&ok);
    if (!ok || !std::isfinite(v))
        return std::nullopt;
    return v;
}

} // namespace

Api::Api(QUrl base, Options options)
    : m_base(std::move(base))
    , m_options(options)
{ }

Result<Answer> Api::query(const QString &promql, std::optional<qint64> atMs) const
{
    QUrlQuery form;
    form.addQueryItem(QStringLiteral("query"), promql);
    if (atMs)
        form.addQueryItem(QStringLiteral("time"), QString::number(*atMs / 1000.0, 'f', 3));
    form.addQueryItem(QStringLiteral("timeout"), seconds(m_options.timeoutMs) + u's');
    return post(QStringLiteral("api/v1/query"), form.query(QUrl::FullyEncoded).toUtf8());
}

Result<Answer> Api::queryRange(const QString &promql, qint64 startMs, qint64 endMs,
                               int stepSeconds) const
{
    QUrlQuery form;
    form.addQueryItem(QStringLiteral("query"), promql);
    form.addQueryItem(QStringLiteral("start"), QString::number(startMs / 1000.0, 'f', 3));
    form.addQueryItem(QStringLiteral("end"), QString::number(endMs / 1000.0, 'f', 3));
    form.addQueryItem(QStringLiteral("step"), QString::number(std::max(1, stepSeconds)));
    form.addQueryItem(QStringLiteral("timeout"), seconds(m_options.timeoutMs) + u's');
    return post(QStringLiteral("api/v1/query_range"), form.query(QUrl::FullyEncoded).toUtf8());
}

Result<Answer> Api::post(const QString &path, const QByteArray &form) const
{
    const QString where = m_base.toString(QUrl::RemoveUserInfo);
    // '+' in a form body is a space; a literal plus must be escaped.
    QByteArray body = form;
    body.replace('+', "%2B");

    QString target = m_base.path();
    if (!target.endsWith(u'/'))
        target += u'/';
    target += path;

    const bool tls = m_base.scheme() == u"https";
    QSslSocket socket;
    QDeadlineTimer deadline(m_options.timeoutMs);
    const quint16 port = quint16(m_base.port(tls ? 443 : 80));
    if (tls)
        socket.connectToHostEncrypted(m_base.host(), port);
    else
        socket.connectToHost(m_base.host(), port);
    if (!(tls ? socket.waitForEncrypted(int(deadline.remainingTime()))
              : socket.waitForConnected(int(deadline.remainingTime())))) {
        if (deadline.hasExpired())
            return Error{ Tr::tr("Prometheus at %1 did not answer within %2 s")
                              .arg(where, seconds(m_options.timeoutMs)) };
        return Error{
            Tr::tr("Prometheus at %1 cannot be reached: %2").arg(where, socket.errorString())
        };
    }
    // HTTP/1.0: the answer is the bytes until the server closes, never chunked.
    QByteArray request = "POST " + QUrl::toPercentEncoding(target, "/") + " HTTP/1.0\r\nHost: "
        + m_base.host().toUtf8() + "\r\nContent-Type: application/x-www-form-urlencoded"
        + "\r\nAccept: application/json\r\nContent-Length: " + QByteArray::number(body.size())
        + "\r\n\r\n" + body;
    socket.write(request);
    QByteArray reply;
    while (socket.state() == QAbstractSocket::ConnectedState) {
        if (deadline.hasExpired())
            return Error{ Tr::tr("Prometheus at %1 did not answer within %2 s")
                              .arg(where, seconds(m_options.timeoutMs)) };
        if (socket.waitForReadyRead(int(std::max<qint64>(1, deadline.remainingTime()))))
            reply += socket.readAll();
        if (reply.size() > m_options.maxBytes)
            return Error{ Tr::tr("Prometheus at %1 sent more than %2 MiB; ask for fewer series")
                              .arg(where)
                              .arg(m_options.maxBytes / (1024 * 1024)) };
    }
    reply += socket.readAll();

    const qsizetype headerEnd = reply.indexOf("\r\n\r\n");
    if (headerEnd < 0)
        return Error{
            Tr::tr("Prometheus at %1 closed the connection without an answer").arg(where)
        };
    const QByteArray header = reply.left(headerEnd);
    const QByteArray content = reply.mid(headerEnd + 4);
    const QList<QByteArray> statusLine = header.left(header.indexOf("\r\n")).split(' ');
    const int status = statusLine.size() > 1 ? statusLine.at(1).toInt() : 0;
    for (const QByteArray &line : header.split('\n')) {
        if (!line.toLower().startsWith("content-length:"))
            continue;
        const qint64 expected = line.mid(15).trimmed().toLongLong();
        if (content.size() < expected)
            return Error{ Tr::tr("Prometheus at %1 sent a partial answer: %2 of %3 bytes")
                              .arg(where)
                              .arg(content.size())
                              .arg(expected) };
    }
    return parse(status, content, where);
}

Result<Answer> Api::parse(int httpStatus, const QByteArray &body, const QString &where)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(body, &error);
    const QJsonObject root = document.object();
    if (error.error != QJsonParseError::NoError || !root.contains(u"status")) {
        if (httpStatus != 200)
            return Error{ Tr::tr("Prometheus at %1 answered HTTP %2: %3")
                              .arg(where)
                              .arg(httpStatus)
                              .arg(QString::fromUtf8(body.left(200)).simplified()) };
        return Error{ Tr::tr("Prometheus at %1 sent an answer that is not the query API's "
                             "JSON: %2")
                          .arg(where,
                               error.error != QJsonParseError::NoError ? error.errorString()
                                                                       : Tr::tr("no status")) };
    }
    if (root.value(u"status").toString() != u"success")
        return Error{ Tr::tr("Prometheus at %1 refused the query (HTTP %2, %3): %4")
                          .arg(where)
                          .arg(httpStatus)
                          .arg(root.value(u"errorType").toString(),
                               root.value(u"error").toString()) };

    Answer answer;
    for (const QJsonValue &warning : root.value(u"warnings").toArray())
        answer.warnings.append(Tr::tr("Prometheus at %1 warns: %2").arg(where, warning.toString()));
    const QJsonObject data = root.value(u"data").toObject();
    const QString type = data.value(u"resultType").toString();
    if (type != u"vector" && type != u"matrix")
        return Error{ Tr::tr("Prometheus at %1 answered with a %2 where series were asked for")
                          .arg(where, type.isEmpty() ? Tr::tr("nothing") : type) };
    int unparsable = 0;
    QString firstProblem;
    for (const QJsonValue &item : data.value(u"result").toArray()) {
        Series series;
        const QJsonObject metric = item.toObject().value(u"metric").toObject();
        for (auto it = metric.begin(); it != metric.end(); ++it)
            series.labels.insert(it.key(), it.value().toString());
        const QJsonArray points = type == u"vector" ? QJsonArray{ item.toObject().value(u"value") }
                                                    : item.toObject().value(u"values").toArray();
        for (const QJsonValue &pair : points) {
            const QJsonArray p = pair.toArray();
            const auto at = timeOf(p.at(0));
            const auto value = valueOf(p.at(1));
            if (p.size() != 2 || !at || !value) {
                if (unparsable++ == 0)
                    firstProblem = QStringLiteral("%1 %2").arg(
                        series.labels.value(QStringLiteral("__name__")),
                        QString::fromUtf8(QJsonDocument(p).toJson(QJsonDocument::Compact)));
                continue;
            }
            series.points.append({ *at, *value });
        }
        answer.series.append(std::move(series));
    }
    if (unparsable > 0)
        answer.warnings.append(
            Tr::tr("Prometheus at %1 sent %n sample(s) that do not parse, left out: %2", nullptr,
                   unparsable)
                .arg(where, firstProblem));
    return answer;
}

Result<QUrl> validServerUrl(const QString &text)
{
    const QUrl url(text.trimmed(), QUrl::StrictMode);
    if (!url.isValid() || (url.scheme() != u"http" && url.scheme() != u"https")
        || url.host().isEmpty())
        return Error{
            Tr::tr("\"%1\" is not a Prometheus URL such as http://prometheus:9090/").arg(text)
        };
    if (!url.userInfo().isEmpty())
        return Error{ Tr::tr("A Prometheus URL with credentials would be stored in the clear; "
                             "reach Prometheus without them (a loopback address or a proxy)") };
    return url;
}

} // namespace Umbra::Prometheus
