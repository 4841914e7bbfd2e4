#include "hardware/exporterclient.h"

#include "hardware/exposition.h"
#include "util/displaytext.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QScopeGuard>
#include <QTimer>

namespace Umbra::Hardware {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Umbra::Hardware::ExporterClient)
};

QString where(const QUrl &url)
{
    return DisplayText::quote(url.toDisplayString(QUrl::RemoveUserInfo | QUrl::RemoveQuery), 200);
}

} // namespace

ExporterClient::ExporterClient(QObject *parent)
    : ExporterClient(Options{}, parent)
{ }

ExporterClient::ExporterClient(const Options &options, QObject *parent)
    : QObject(parent)
    , m_options(options)
{ }

ExporterClient::~ExporterClient()
{
    cancel();
}

void ExporterClient::cancel()
{
    if (m_deadline)
        m_deadline->stop();
    if (QNetworkReply *reply = m_reply) {
        m_reply = nullptr;
        reply->disconnect(this);
        reply->abort();
        reply->deleteLater();
    }
}

void ExporterClient::fetch(const QUrl &url)
{
    cancel();
    m_url = url;
    m_body.clear();
    m_timedOut = false;
    m_tooLarge = false;
    if (!url.isValid() || (url.scheme() != u"http" && url.scheme() != u"https")) {
        Q_EMIT failed(url, Tr::tr("%1 is not an http:// or https:// address").arg(where(url)));
        return;
    }
    if (!m_network) {
        // Created here rather than in the constructor: it belongs to the
        // thread the client lives on, which is where fetch() runs.
        m_network = new QNetworkAccessManager(this);
        m_deadline = new QTimer(this);
        m_deadline->setSingleShot(true);
        connect(m_deadline, &QTimer::timeout, this, [this] {
            if (!m_reply)
                return;
            m_timedOut = true;
            m_reply->abort(); // emits finished
        });
    }

    QNetworkRequest request(url);
    request.setRawHeader("Accept", "text/plain;version=0.0.4;q=1,*/*;q=0.1");
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::NoLessSafeRedirectPolicy);
    m_reply = m_network->get(request);
    connect(m_reply, &QNetworkReply::metaDataChanged, this, [this] {
        const QVariant length = m_reply->header(QNetworkRequest::ContentLengthHeader);
        if (length.isValid() && length.toLongLong() > m_options.maxBytes) {
            m_tooLarge = true;
            m_reply->abort();
        }
    });
    connect(m_reply, &QNetworkReply::readyRead, this, &ExporterClient::readBody);
    connect(m_reply, &QNetworkReply::finished, this, &ExporterClient::finishReply);
    m_deadline->start(m_options.timeoutMs);
}

void ExporterClient::readBody()
{
    if (!m_reply || m_tooLarge)
        return;
    if (m_body.size() + m_reply->bytesAvailable() > m_options.maxBytes) {
        m_tooLarge = true;
        m_reply->abort();
        return;
    }
    m_body += m_reply->readAll();
}

QString ExporterClient::networkError(QNetworkReply *reply) const
{
    const QString url = where(m_url);
    switch (reply->error()) {
    case QNetworkReply::ConnectionRefusedError:
        return Tr::tr("%1 refused the connection; is the exporter running on port %2?")
            .arg(url)
            .arg(m_url.port(m_url.scheme() == u"https" ? 443 : 80));
    case QNetworkReply::HostNotFoundError:
        return Tr::tr("host %1 not found").arg(m_url.host());
    case QNetworkReply::RemoteHostClosedError:
        return Tr::tr("%1 closed the connection before answering").arg(url);
    case QNetworkReply::TimeoutError:
        return Tr::tr("%1 did not answer in time").arg(url);
    default:
        return Tr::tr("%1: %2").arg(url, reply->errorString());
    }
}

// Prometheus' own text format is text/plain; OpenMetrics is close enough for
// the lines read here; plain file servers (busybox httpd serving a file named
// "metrics") say application/octet-stream. Anything else is not a metrics page.
QString ExporterClient::checkContentType(QNetworkReply *reply, const QString &answered) const
{
    const QString type = reply->header(QNetworkRequest::ContentTypeHeader)
                             .toString()
                             .section(u';', 0, 0)
                             .trimmed()
                             .toLower();
    if (type.isEmpty() || type == u"text/plain" || type == u"application/openmetrics-text"
        || type == u"application/octet-stream")
        return {};
    if (type == u"text/html")
        return Tr::tr("%1 answered with a web page, not metrics; check the path (usually /metrics)")
            .arg(answered);
    return Tr::tr("%1 answered with %2, not the Prometheus text format")
        .arg(answered, DisplayText::quote(type, 80));
}

void ExporterClient::finishReply()
{
    QNetworkReply *reply = m_reply;
    if (!reply)
        return;
    m_deadline->stop();
    // Let go of the reply before anything is emitted: a receiver may start
    // the next fetch right away.
    m_reply = nullptr;
    const auto done = qScopeGuard([this, reply] {
        reply->disconnect(this);
        reply->deleteLater();
    });

    // After a redirect, what went wrong went wrong at the address it led to.
    const QString answered = reply->url() == m_url
        ? where(m_url)
        : Tr::tr("%1 (redirected to %2)").arg(where(m_url), where(reply->url()));
    if (m_timedOut)
        return fail(Tr::tr("%1 did not answer within %2 s")
                        .arg(answered)
                        .arg(m_options.timeoutMs / 1000.0, 0, 'g', 3));
    if (m_tooLarge)
        return fail(Tr::tr("%1 sent more than %2 MiB, too much for a metrics page")
                        .arg(answered)
                        .arg(m_options.maxBytes / (1024.0 * 1024.0), 0, 'g', 3));
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (status >= 400)
        return fail(
            Tr::tr("%1 answered HTTP %2 %3")
                .arg(answered)
                .arg(status)
                .arg(DisplayText::quote(
                    reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toString(), 80)));
    if (reply->error() == QNetworkReply::InsecureRedirectError) {
        const QUrl target = reply->url().resolved(
            reply->attribute(QNetworkRequest::RedirectionTargetAttribute).toUrl());
        return fail(Tr::tr("%1 redirected to %2; Umbra does not follow a redirect from https "
                           "to http")
                        .arg(answered, where(target)));
    }
    if (reply->error() != QNetworkReply::NoError)
        return fail(networkError(reply));
    if (m_body.size() + reply->bytesAvailable() > m_options.maxBytes)
        m_tooLarge = true;
    else
        m_body += reply->readAll();
    if (m_tooLarge)
        return fail(Tr::tr("%1 sent more than %2 MiB, too much for a metrics page")
                        .arg(answered)
                        .arg(m_options.maxBytes / (1024.0 * 1024.0), 0, 'g', 3));
    if (const QString wrongType = checkContentType(reply, answered); !wrongType.isEmpty())
        return fail(wrongType);
    if (m_body.contains('\0'))
        return fail(Tr::tr("%1 sent binary data, not the Prometheus text format").arg(answered));

    const Exposition page = parseExposition(m_body);
    if (page.samples.isEmpty())
        return fail(page.skippedLines > 0
                        ? Tr::tr("%1 is not a Prometheus metrics page (%2)")
                              .arg(answered, DisplayText::quote(page.firstError, 200))
                        : Tr::tr("%1 sent no metrics").arg(answered));

    ExporterScrape scrape;
    scrape.url = m_url;
    scrape.readings = readHardware(page.samples);
    scrape.readings.timestampMs = QDateTime::currentMSecsSinceEpoch();
    scrape.samples = int(page.samples.size());
    scrape.skippedLines = page.skippedLines;
    scrape.firstProblem = page.firstError;
    m_body.clear();
    Q_EMIT scraped(scrape);
}

void ExporterClient::fail(const QString &error)
{
    m_body.clear();
    Q_EMIT failed(m_url, error);
}

} // namespace Umbra::Hardware
