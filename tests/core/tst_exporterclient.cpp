// The exporter client against a real local HTTP server: the sample pages
// arrive as readings, and a refused port, a silent server, an HTTP error, a
// web page, binary data and an endless body each end in a clear error.
#include "exporterpages.h"
#include "freeport.h"
#include "hardware/exporterclient.h"

#include <QFile>
#include <QProcess>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

using namespace Umbra::Hardware;

namespace {

QByteArray response(const QByteArray &status, const QByteArray &type, const QByteArray &body)
{
    return "HTTP/1.1 " + status + "\r\nContent-Type: " + type + "\r\nContent-Length: "
        + QByteArray::number(body.size()) + "\r\nConnection: close\r\n\r\n" + body;
}

// A small HTTP/1.1 server: the path of each request picks the behaviour.
class PageServer : public QTcpServer
{
public:
    PageServer()
    {
        connect(this, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = nextPendingConnection())
                connect(socket, &QTcpSocket::readyRead, socket, [this, socket] { answer(socket); });
        });
        QVERIFY(listen(QHostAddress::LocalHost));
    }

    QUrl url(const QString &path) const
    {
        return QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(serverPort()).arg(path));
    }

private:
    void answer(QTcpSocket *socket)
    {
        QByteArray &request = m_requests[socket];
        request += socket->readAll();
        if (!request.contains("\r\n\r\n"))
            return;
        const QByteArray path = request.split(' ').value(1);
        const QByteArray text = "text/plain; version=0.0.4; charset=utf-8";
        if (path == "/node") {
            socket->write(response(
                "200 OK", text, Umbra::Test::exporterPage(QStringLiteral("node_exporter.prom"))));
        } else if (path == "/smart") {
            // busybox httpd serves a file named "metrics" this way.
            socket->write(
                response("200 OK", "application/octet-stream",
                         Umbra::Test::exporterPage(QStringLiteral("smartctl_exporter.prom"))));
        } else if (path == "/missing") {
            socket->write(response("404 Not Found", "text/plain", "404 page not found\n"));
        } else if (path == "/html") {
            socket->write(response("200 OK", "text/html",
                                   "<html><body><a href=\"/metrics\">Metrics</a></body></html>"));
        } else if (path == "/json") {
            socket->write(response("200 OK", "application/json", "{\"status\":\"success\"}"));
        } else if (path == "/binary") {
            socket->write(response("200 OK", "text/plain", QByteArray("\x1f\x8b\x08\0\0\0", 6)));
        } else if (path == "/garbage") {
            socket->write(response("200 OK", "text/plain", "this is not\na metrics page\n"));
        } else if (path == "/moved") {
            socket->write("HTTP/1.1 302 Found\r\nLocation: /missing\r\nContent-Length: 0\r\n"
                          "Connection: close\r\n\r\n");
        } else if (path == "/long-line") {
            socket->write(response("200 OK", "text/plain",
                                   "metric{label=\"" + QByteArray(3 << 20, 'x') + "\x1b[2J\n"));
        } else if (path == "/empty") {
            socket->write(response("200 OK", "text/plain", ""));
        } else if (path == "/hang") {
            return; // reads the request, never answers
        } else if (path == "/huge") {
            // No length announced: the client must stop reading on its own.
            socket->write(
                "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nConnection: close\r\n\r\n");
            const QByteArray line = "filler_metric{series=\"" + QByteArray(100, 'x') + "\"} 1\n";
            QByteArray chunk;
            while (chunk.size() < 1024 * 1024)
                chunk += line;
            for (int i = 0; i < 6; ++i)
                socket->write(chunk);
        } else if (path == "/huge-declared") {
            socket->write("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n"
                          "Content-Length: 1073741824\r\n\r\nm 1\n");
            return;
        }
        socket->disconnectFromHost();
    }

    QHash<QTcpSocket *, QByteArray> m_requests;
};

} // namespace

class TestExporterClient : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void readsNodeExporterPage();
    void readsPageServedAsFile();
    void errors_data();
    void errors();
    void silentServerTimesOut();
    void refusedPort();
    void newFetchAbandonsTheOld();
    void worksOnItsOwnThread();
    void labExporterReplaysAFailingDrive();
};

void TestExporterClient::initTestCase()
{
    qRegisterMetaType<ExporterScrape>();
}

void TestExporterClient::readsNodeExporterPage()
{
    PageServer server;
    ExporterClient client;
    QSignalSpy scraped(&client, &ExporterClient::scraped);
    QSignalSpy failed(&client, &ExporterClient::failed);
    client.fetch(server.url(QStringLiteral("/node")));
    QVERIFY(scraped.wait(5000));
    QCOMPARE(failed.size(), 0);
    const auto scrape = scraped.first().first().value<ExporterScrape>();
    QCOMPARE(scrape.url, server.url(QStringLiteral("/node")));
    QCOMPARE(scrape.skippedLines, 0);
    QVERIFY(scrape.samples > 40);
    QCOMPARE(scrape.readings.edacCorrected, 15.0);
    QCOMPARE(scrape.readings.temperatures.size(), 4);
    QVERIFY(qAbs(scrape.readings.timestampMs - QDateTime::currentMSecsSinceEpoch()) < 10'000);
    QVERIFY(!client.isBusy());
}

void TestExporterClient::readsPageServedAsFile()
{
    PageServer server;
    ExporterClient client;
    QSignalSpy scraped(&client, &ExporterClient::scraped);
    client.fetch(server.url(QStringLiteral("/smart")));
    QVERIFY(scraped.wait(5000));
    const auto scrape = scraped.first().first().value<ExporterScrape>();
    QCOMPARE(scrape.readings.drives.size(), 2);
    QCOMPARE(scrape.readings.drives[0].smartRaw.at(197), 3928.0);
}

void TestExporterClient::errors_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("expected");
    QTest::newRow("404") << QStringLiteral("/missing") << QStringLiteral("HTTP 404 Not Found");
    QTest::newRow("html") << QStringLiteral("/html") << QStringLiteral("web page");
    QTest::newRow("json") << QStringLiteral("/json") << QStringLiteral("application/json");
    QTest::newRow("binary") << QStringLiteral("/binary") << QStringLiteral("binary data");
    QTest::newRow("garbage") << QStringLiteral("/garbage")
                             << QStringLiteral("not a Prometheus metrics page (line 1");
    QTest::newRow("empty") << QStringLiteral("/empty") << QStringLiteral("no metrics");
    // What went wrong went wrong where the redirect led.
    QTest::newRow("redirected") << QStringLiteral("/moved")
                                << QStringLiteral("/moved (redirected to http://127.0.0.1:");
    QTest::newRow("long line") << QStringLiteral("/long-line")
                               << QStringLiteral("not a Prometheus metrics page");
    QTest::newRow("huge") << QStringLiteral("/huge") << QStringLiteral("more than 4 MiB");
    QTest::newRow("huge declared")
        << QStringLiteral("/huge-declared") << QStringLiteral("more than 4 MiB");
}

void TestExporterClient::errors()
{
    QFETCH(QString, path);
    QFETCH(QString, expected);
    PageServer server;
    ExporterClient client;
    QSignalSpy scraped(&client, &ExporterClient::scraped);
    QSignalSpy failed(&client, &ExporterClient::failed);
    client.fetch(server.url(path));
    QVERIFY(failed.wait(8000));
    QCOMPARE(scraped.size(), 0);
    const QString error = failed.first().at(1).toString();
    QVERIFY2(error.contains(expected), qPrintable(error));
    QVERIFY2(error.contains(QStringLiteral("127.0.0.1")), qPrintable(error));
    if (path == u"/moved")
        QVERIFY2(error.contains(QStringLiteral("/missing) answered HTTP 404")), qPrintable(error));
    // Bounded and printable, whatever the page held.
    QVERIFY2(error.size() < 600, qPrintable(error.left(600)));
    QVERIFY(!error.contains(QChar(0x1b)));
    QVERIFY(!client.isBusy());
}

void TestExporterClient::silentServerTimesOut()
{
    PageServer server;
    ExporterClient::Options options;
    options.timeoutMs = 800;
    ExporterClient client(options);
    QSignalSpy failed(&client, &ExporterClient::failed);
    QElapsedTimer clock;
    clock.start();
    client.fetch(server.url(QStringLiteral("/hang")));
    QVERIFY(failed.wait(5000));
    QVERIFY(clock.elapsed() >= 700 && clock.elapsed() < 3000);
    const QString error = failed.first().at(1).toString();
    QVERIFY2(error.contains(u"did not answer within 0.8 s"), qPrintable(error));
}

void TestExporterClient::refusedPort()
{
    const quint16 port = Umbra::TestSupport::freePort(); // closed now
    ExporterClient client;
    QSignalSpy failed(&client, &ExporterClient::failed);
    client.fetch(QUrl(QStringLiteral("http://127.0.0.1:%1/metrics").arg(port)));
    QVERIFY(failed.wait(5000));
    const QString error = failed.first().at(1).toString();
    QVERIFY2(error.contains(u"refused the connection") && error.contains(QString::number(port)),
             qPrintable(error));

    client.fetch(QUrl(QStringLiteral("ftp://127.0.0.1/metrics")));
    QCOMPARE(failed.size(), 2);
    QVERIFY(failed.last().at(1).toString().contains(u"http://"));
}

void TestExporterClient::newFetchAbandonsTheOld()
{
    PageServer server;
    ExporterClient client;
    QSignalSpy scraped(&client, &ExporterClient::scraped);
    QSignalSpy failed(&client, &ExporterClient::failed);
    client.fetch(server.url(QStringLiteral("/hang")));
    QVERIFY(client.isBusy());
    client.fetch(server.url(QStringLiteral("/node")));
    QVERIFY(scraped.wait(5000));
    QTest::qWait(200);
    QCOMPARE(scraped.size(), 1);
    QCOMPARE(failed.size(), 0);
    QCOMPARE(scraped.first().first().value<ExporterScrape>().url,
             server.url(QStringLiteral("/node")));
}

void TestExporterClient::worksOnItsOwnThread()
{
    PageServer server;
    QThread worker;
    worker.start();
    auto *client = new ExporterClient;
    client->moveToThread(&worker);
    connect(&worker, &QThread::finished, client, &QObject::deleteLater);
    QThread *emittedOn = nullptr;
    connect(
        client, &ExporterClient::scraped, client,
        [&emittedOn] { emittedOn = QThread::currentThread(); }, Qt::DirectConnection);
    int drives = -1;
    connect(
        client, &ExporterClient::scraped, this, // queued into the test's thread
        [&drives](const ExporterScrape &scrape) { drives = int(scrape.readings.drives.size()); });
    QMetaObject::invokeMethod(client, "fetch", Qt::QueuedConnection,
                              Q_ARG(QUrl, server.url(QStringLiteral("/smart"))));
    QTRY_COMPARE_WITH_TIMEOUT(drives, 2, 5000);
    QCOMPARE(emittedOn, &worker);
    worker.quit();
    QVERIFY(worker.wait(5000));
}

// The lab's exporter script, run standalone: its page reads cleanly, and the
// failing drive's pending sectors (SMART 197) rise as the replay advances.
void TestExporterClient::labExporterReplaysAFailingDrive()
{
    const QString data = qEnvironmentVariable(
        "LAB_BACKBLAZE", QStringLiteral("/work/shared/data/backblaze/hds-train.csv.gz"));
    if (!QFile::exists(data))
        QSKIP("the Backblaze drive history is not here; set LAB_BACKBLAZE");
    if (QStandardPaths::findExecutable(QStringLiteral("busybox")).isEmpty())
        QSKIP("busybox is not installed");
    const quint16 port = Umbra::TestSupport::freePort();
    QTemporaryDir dir;
    QProcess exporter;
    exporter.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    exporter.start(QStringLiteral(UMBRA_SOURCE_DIR "/scripts/lab.d/exporter"),
                   { QStringLiteral("127.0.0.1:%1").arg(port), dir.path(),
                     QStringLiteral("--serial"), QStringLiteral("Z300AB66"),
                     QStringLiteral("--step"), QStringLiteral("1") });
    QVERIFY(exporter.waitForStarted());
    const auto stop = qScopeGuard([&exporter] {
        exporter.terminate();
        exporter.waitForFinished(5000);
    });

    ExporterClient client;
    QSignalSpy scraped(&client, &ExporterClient::scraped);
    QSignalSpy failed(&client, &ExporterClient::failed);
    const QUrl url(QStringLiteral("http://127.0.0.1:%1/metrics").arg(port));
    QList<double> pending;
    double hours = 0;
    QElapsedTimer clock;
    clock.start();
    while (clock.elapsed() < 20'000 && (pending.isEmpty() || pending.last() < 16)) {
        QTest::qWait(500);
        scraped.clear();
        failed.clear();
        client.fetch(url);
        QTRY_VERIFY_WITH_TIMEOUT(scraped.size() + failed.size() > 0, 5000);
        if (!failed.isEmpty())
            continue; // not listening yet
        const auto scrape = scraped.first().first().value<ExporterScrape>();
        QCOMPARE(scrape.skippedLines, 0);
        QCOMPARE(scrape.readings.drives.size(), 1);
        const DriveReadings &drive = scrape.readings.drives.first();
        QCOMPARE(drive.serial, u"Z300AB66");
        QVERIFY(drive.powerOnHours.value_or(0) >= hours);
        hours = drive.powerOnHours.value_or(0);
        pending.append(drive.smartRaw.count(197) ? drive.smartRaw.at(197) : -1);
        QVERIFY(scrape.readings.memoryTotalBytes.value_or(0) > 0);
    }
    QVERIFY2(!pending.isEmpty(), "the exporter never answered");
    QCOMPARE(pending.first(), 0.0);
    QVERIFY2(pending.last() >= 16, qPrintable(QString::number(pending.last())));
}

QTEST_GUILESS_MAIN(TestExporterClient)
#include "tst_exporterclient.moc"
