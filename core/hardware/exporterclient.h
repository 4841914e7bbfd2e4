#pragma once

#include "hardware/hardwarereadings.h"

#include <QObject>
#include <QUrl>

class QNetworkAccessManager;
class QNetworkReply;
class QTimer;

namespace Umbra::Hardware {

// One successful read of an exporter page.
struct ExporterScrape
{
    QUrl url;
    HardwareReadings readings;
    int samples = 0;
    int skippedLines = 0; // lines of the page that were not understood
    QString firstProblem; // the first of them, "line N: why"
};

// Fetches a Prometheus exporter page (node_exporter, smartctl_exporter) and
// turns it into hardware readings. Lives on a worker thread: its network
// access manager is created on first use, on the thread the client lives on,
// so the GUI thread never carries exporter traffic. One fetch at a time; a
// new fetch abandons the one before.
class ExporterClient : public QObject
{
    Q_OBJECT

public:
    struct Options
    {
        int timeoutMs = 5000; // the whole exchange, not only silence
        qint64 maxBytes = 4 * 1024 * 1024; // a page larger than this is refused
    };

    explicit ExporterClient(QObject *parent = nullptr);
    ExporterClient(const Options &options, QObject *parent = nullptr);
    ~ExporterClient() override;

    bool isBusy() const { return m_reply != nullptr; }

    Q_INVOKABLE void fetch(const QUrl &url);
    Q_INVOKABLE void cancel();

Q_SIGNALS:
    void scraped(const Umbra::Hardware::ExporterScrape &scrape);
    void failed(const QUrl &url, const QString &error);

private:
    void readBody();
    void finishReply();
    void fail(const QString &error);
    QString networkError(QNetworkReply *reply) const;
    QString checkContentType(QNetworkReply *reply, const QString &answered) const;

    Options m_options;
    QNetworkAccessManager *m_network = nullptr;
    QNetworkReply *m_reply = nullptr; // the fetch in flight
    QTimer *m_deadline = nullptr;
    QUrl m_url;
    QByteArray m_body;
    bool m_timedOut = false;
    bool m_tooLarge = false;
};

} // namespace Umbra::Hardware

Q_DECLARE_METATYPE(Umbra::Hardware::ExporterScrape)
