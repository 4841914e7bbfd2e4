// The umbra executable as scripts use it: --print-inventory, --screenshot,
// and the clear errors (on stderr, with an exit status) for bad input.
#include "../testtimescale.h"
#include "haproxyfixture.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

namespace {

using Umbra::Testing::scaledMs;
using Umbra::Testing::timeScale;

// A --quit-after value: the console's run that long, scaled as above.
QString quitAfter(double seconds)
{
    return QString::number(seconds * timeScale());
}

struct Run
{
    int exitCode = -1;
    QByteArray out;
    QString err;
};

QProcessEnvironment environment(const QString &home,
                                const QString &language = QStringLiteral("C.UTF-8"))
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    // Keep the demo's files and default database inside the test's folder.
    env.insert(QStringLiteral("HOME"), home);
    env.insert(QStringLiteral("XDG_DATA_HOME"), home + QStringLiteral("/data"));
    env.insert(QStringLiteral("XDG_CACHE_HOME"), home + QStringLiteral("/cache"));
    env.insert(QStringLiteral("LANG"), language);
    env.remove(QStringLiteral("LANGUAGE"));
    return env;
}

Run umbra(const QStringList &arguments, const QString &home, int timeoutMs = 60000,
          const QString &language = QStringLiteral("C.UTF-8"))
{
    QProcess process;
    process.setProcessEnvironment(environment(home, language));
    process.start(QStringLiteral(UMBRA_BINARY), arguments);
    Run run;
    if (!process.waitForFinished(scaledMs(timeoutMs))) {
        process.kill();
        process.waitForFinished();
        return run;
    }
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -2;
    run.out = process.readAllStandardOutput();
    run.err = QString::fromUtf8(process.readAllStandardError());
    return run;
}

QByteArray fingerprint(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly)
        ? QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256)
        : QByteArray();
}

QString integrity(const QString &path)
{
    QString result;
    {
        QSqlDatabase db
            = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("integrity"));
        db.setDatabaseName(path);
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
        QSqlQuery query(db);
        if (db.open() && query.exec(QStringLiteral("PRAGMA integrity_check")) && query.next())
            result = query.value(0).toString();
        else
            result = db.lastError().text() + query.lastError().text();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("integrity"));
    return result;
}

// A console started in the background on `database`, once it writes there.
bool startConsole(QProcess &console, const QString &database, const QString &home, double seconds)
{
    console.setProcessEnvironment(environment(home));
    console.start(QStringLiteral(UMBRA_BINARY),
                  { QStringLiteral("--demo"), QStringLiteral("--database"), database,
                    QStringLiteral("--interval"), QStringLiteral("0.5"),
                    QStringLiteral("--quit-after"), quitAfter(seconds) });
    if (!console.waitForStarted())
        return false;
    QElapsedTimer waited;
    waited.start();
    while (waited.elapsed() < scaledMs(30000)) {
        if (QFile::exists(database + QStringLiteral(".lock"))
            && QFile::exists(database + QStringLiteral("-wal")))
            return true;
        QTest::qWait(100);
    }
    return false;
}

} // namespace

class TestCommandLine : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_home;

private Q_SLOTS:
    void help()
    {
        const Run run = umbra({ QStringLiteral("--help") }, m_home.path());
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        for (const char *option : { "--connect", "--demo", "--database", "--print-inventory",
                                    "--screenshot", "--quit-after" })
            QVERIFY2(run.out.contains(option), option);
    }

    void helpInGerman()
    {
        // The console's own options and those of the migrate command (which
        // look their translations up under a context of their own).
        const Run run = umbra({ QStringLiteral("--help") }, m_home.path(), 60000,
                              QStringLiteral("de_DE.UTF-8"));
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        const QString out = QString::fromUtf8(run.out);
        QVERIFY2(out.contains(QStringLiteral("Statistiken erfassen")), qPrintable(out));
        QVERIFY2(out.contains(QStringLiteral("per Live-Migration")), qPrintable(out));
    }

    void inventoryOfFleetFile()
    {
        const Run run = umbra({ QStringLiteral("--print-inventory"), QStringLiteral("--connect"),
                                QStringLiteral("test://" UMBRA_TEST_DATA_DIR "/fleet-states.xml"),
                                QStringLiteral("--connect"), QStringLiteral("test:///default") },
                              m_home.path());
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QVERIFY2(run.err.isEmpty(), qPrintable(run.err));
        const QJsonArray hosts = QJsonDocument::fromJson(run.out).object()[u"hosts"].toArray();
        QCOMPARE(hosts.size(), 2);
        QVERIFY(hosts[0][u"ok"].toBool());
        const QJsonArray vms = hosts[0][u"vms"].toArray();
        QCOMPARE(vms.size(), 6);
        QStringList states;
        for (const QJsonValue &vm : vms)
            states.append(vm[u"state"].toString());
        for (const char *state : { "running", "paused", "shutoff", "crashed" })
            QVERIFY2(states.contains(QLatin1String(state)), state);
        QCOMPARE(hosts[1][u"vms"].toArray().size(), 1);
    }

    void inventoryErrors_data()
    {
        QTest::addColumn<QString>("uri");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("refused") << "qemu+tcp://127.0.0.1:1/system"
                                 << "127.0.0.1:1";
        QTest::newRow("malformed uri") << "qemu:/nowhere"
                                       << "not a libvirt URI";
        QTest::newRow("malformed xml") << "test://" UMBRA_TEST_DATA_DIR "/malformed-fleet.xml"
                                       << "malformed-fleet.xml";
    }

    void inventoryErrors()
    {
        QFETCH(QString, uri);
        QFETCH(QString, mentions);
        const Run run
            = umbra({ QStringLiteral("--print-inventory"), QStringLiteral("--connect"),
                      QStringLiteral("test:///default"), QStringLiteral("--connect"), uri },
                    m_home.path());
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(mentions), qPrintable(run.err));
        // The good host is still reported; the bad one says why.
        const QJsonArray hosts = QJsonDocument::fromJson(run.out).object()[u"hosts"].toArray();
        QCOMPARE(hosts.size(), 2);
        QVERIFY(hosts[0][u"ok"].toBool());
        QVERIFY(!hosts[1][u"ok"].toBool());
        QVERIFY(hosts[1][u"error"].toString().contains(mentions));
    }

    void importThenExportCsv()
    {
        const QString db = m_home.filePath(QStringLiteral("history.db"));
        const QString csv = m_home.filePath(QStringLiteral("web-1.csv"));
        QFile file(csv);
        QVERIFY(file.open(QIODevice::WriteOnly));
        // Timestamps within the last day, so the default --since 24h covers them.
        const qint64 now = QDateTime::currentSecsSinceEpoch();
        file.write("Timestamp;\tCPU usage [%];\tMemory usage [KB]\n");
        for (int i = 0; i < 100; ++i)
            file.write(QStringLiteral("%1;\t%2;\t%3\n")
                           .arg(now - 6000 + 60 * i)
                           .arg(i * 0.5)
                           .arg(1000 + i)
                           .toUtf8());
        file.close();
        Run run = umbra({ QStringLiteral("--database"), db, QStringLiteral("--import-csv"), csv,
                          QStringLiteral("--as"), QStringLiteral("vm/web-1") },
                        m_home.path());
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QVERIFY2(run.err.contains(QLatin1String("stored 200 samples")), qPrintable(run.err));

        run = umbra({ QStringLiteral("--database"), db, QStringLiteral("--export-csv"),
                      QStringLiteral("vm/web-1") },
                    m_home.path());
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        const QList<QByteArray> lines = run.out.trimmed().split('\n');
        QCOMPARE(lines.size(), 101);
        QCOMPARE(lines[0], QByteArray("time,cpu_usage_pct,memory_usage_kb"));
        QVERIFY2(lines[100].endsWith(",49.5,1099"), lines[100].constData());

        // A malformed file names its line and stores nothing.
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("time,value\n1,2\n2,lots\n");
        file.close();
        run = umbra({ QStringLiteral("--database"), db, QStringLiteral("--import-csv"), csv,
                      QStringLiteral("--as"), QStringLiteral("vm/broken") },
                    m_home.path());
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(QLatin1String("line 3")), qPrintable(run.err));
        run = umbra({ QStringLiteral("--database"), db, QStringLiteral("--export-csv"),
                      QStringLiteral("vm/broken") },
                    m_home.path());
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(QLatin1String("No history")), qPrintable(run.err));
    }

    void badRetention()
    {
        const Run run
            = umbra({ QStringLiteral("--demo"), QStringLiteral("--retention"),
                      QStringLiteral("raw=forever"), QStringLiteral("--quit-after"), quitAfter(1) },
                    m_home.path());
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains(QLatin1String("--retention")), qPrintable(run.err));
    }

    void badIntervals_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("option");
        QTest::newRow("interval not a number")
            << QStringList{ QStringLiteral("--interval"), QStringLiteral("soon") }
            << QStringLiteral("--interval");
        QTest::newRow("interval too short")
            << QStringList{ QStringLiteral("--interval"), QStringLiteral("0.01") }
            << QStringLiteral("--interval");
        QTest::newRow("hardware interval too short")
            << QStringList{ QStringLiteral("--hardware-interval"), QStringLiteral("0.5") }
            << QStringLiteral("--hardware-interval");
        QTest::newRow("hardware interval over a day")
            << QStringList{ QStringLiteral("--hardware-interval"), QStringLiteral("90000") }
            << QStringLiteral("--hardware-interval");
    }

    void badIntervals()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, option);
        const Run run = umbra(
            QStringList{ QStringLiteral("--demo"), QStringLiteral("--quit-after"), quitAfter(1) }
                + arguments,
            m_home.path());
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains(option + QStringLiteral(" wants seconds")), qPrintable(run.err));
    }

    void badPrometheusOptions_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("said");
        QTest::newRow("a name to listen on")
            << QStringList{ QStringLiteral("--metrics-listen"), QStringLiteral("kvm01:9464") }
            << QStringLiteral("--metrics-listen: \"kvm01\" is not an IP address");
        QTest::newRow("no port") << QStringList{ QStringLiteral("--metrics-listen"),
                                                 QStringLiteral("10.0.0.1") }
                                 << QStringLiteral("no port between 1 and 65535");
        QTest::newRow("not http") << QStringList{
            QStringLiteral("--connect"), QStringLiteral("test:///default"),
            QStringLiteral("--prometheus"), QStringLiteral("ftp://prom")
        } << QStringLiteral("--prometheus: \"ftp://prom\" is not a Prometheus URL");
        QTest::newRow("credentials")
            << QStringList{ QStringLiteral("--connect"), QStringLiteral("test:///default"),
                            QStringLiteral("--prometheus"), QStringLiteral("http://a:b@prom:9090") }
            << QStringLiteral("stored in the clear");
        QTest::newRow("no host to read")
            << QStringList{ QStringLiteral("--prometheus"), QStringLiteral("http://prom:9090") }
            << QStringLiteral("--prometheus reads the hosts given with --connect");
    }

    void badPrometheusOptions()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, said);
        const Run run = umbra(QStringList{ QStringLiteral("--autopilot"),
                                           QStringLiteral("--quit-after"), quitAfter(1) }
                                  + arguments,
                              m_home.path());
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains(said), qPrintable(run.err));
    }

    // The engine without a window serves /metrics too, and says where.
    void autopilotServesMetrics()
    {
        const quint16 port = Umbra::TestSupport::freePort();
        const Run run
            = umbra({ QStringLiteral("--demo"), QStringLiteral("--database"),
                      m_home.filePath(QStringLiteral("metrics.db")), QStringLiteral("--autopilot"),
                      QStringLiteral("--metrics-listen"), QString::number(port),
                      QStringLiteral("--quit-after"), quitAfter(3) },
                    m_home.path());
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QVERIFY2(run.out.contains(QStringLiteral("metrics.serving").toUtf8())
                     && run.out.contains(
                         QStringLiteral("http://127.0.0.1:%1/metrics").arg(port).toUtf8()),
                 run.out.constData());
    }

    void backupWhileAConsoleWrites()
    {
        const QString db = m_home.filePath(QStringLiteral("backed-up.db"));
        const QString copy = m_home.filePath(QStringLiteral("copies/backed-up-copy.db"));
        QVERIFY(QDir().mkpath(QFileInfo(copy).path()));
        QProcess console;
        QVERIFY(startConsole(console, db, m_home.path(), 10));
        // Copied once the console has written some of web01's history (a
        // slow build takes longer than a fast one to get there).
        const auto rowsOfWeb01 = [this](const QString &path) {
            const Run exported = umbra({ QStringLiteral("--database"), path,
                                         QStringLiteral("--export-csv"), QStringLiteral("vm/web01"),
                                         QStringLiteral("--since"), QStringLiteral("1h") },
                                       m_home.path());
            return exported.exitCode == 0 ? exported.out.count('\n') : 0;
        };
        QTRY_VERIFY_WITH_TIMEOUT(rowsOfWeb01(db) > 2, scaledMs(30000));
        const Run backup = umbra(
            { QStringLiteral("--database"), db, QStringLiteral("--backup"), copy }, m_home.path());
        QVERIFY2(backup.exitCode == 0, qPrintable(backup.err));
        const QJsonObject report = QJsonDocument::fromJson(backup.out.trimmed()).object();
        QCOMPARE(report.value(QLatin1String("ok")).toBool(), true);
        QVERIFY(report.value(QLatin1String("pages")).toInteger() > 0);
        QVERIFY(backup.err.contains(QLatin1String("integrity check")));
        QCOMPARE(integrity(copy), QStringLiteral("ok"));
        QCOMPARE(QFileInfo(copy).permissions() & (QFile::ReadGroup | QFile::ReadOther),
                 QFileDevice::Permissions());
        QVERIFY(!QFile::exists(copy + QStringLiteral(".partial")));

        // Restored by opening it: the history up to the copy is there.
        QVERIFY2(rowsOfWeb01(copy) > 2, "the copy holds web01's history up to it");

        // The database itself, or one of its files, is never the target.
        for (const QString &target : QStringList{ db, db + QStringLiteral("-wal") }) {
            const Run refused
                = umbra({ QStringLiteral("--database"), db, QStringLiteral("--backup"), target },
                        m_home.path());
            QCOMPARE(refused.exitCode, 1);
            QVERIFY2(refused.err.contains(QLatin1String("Refusing to write")),
                     qPrintable(refused.err));
        }
        QVERIFY(console.waitForFinished(scaledMs(60000)));
        QCOMPARE(console.exitCode(), 0);
        QCOMPARE(integrity(db), QStringLiteral("ok"));
        const Run missing
            = umbra({ QStringLiteral("--database"), m_home.filePath(QStringLiteral("none.db")),
                      QStringLiteral("--backup"), copy },
                    m_home.path());
        QCOMPARE(missing.exitCode, 1);
        QCOMPARE(integrity(copy), QStringLiteral("ok")); // the older copy stays
    }

    void refusesForeignDatabase()
    {
        const QString path = m_home.filePath(QStringLiteral("report.ods"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("PK\x03\x04 a spreadsheet, not a database");
        file.close();
        const QByteArray before = fingerprint(path);
        const Run run = umbra({ QStringLiteral("--demo"), QStringLiteral("--database"), path,
                                QStringLiteral("--quit-after"), quitAfter(1) },
                              m_home.path());
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(QLatin1String("not an Umbra database")), qPrintable(run.err));
        QCOMPARE(fingerprint(path), before);
    }

    void screenshot()
    {
        const QString png = m_home.filePath(QStringLiteral("shots/main.png"));
        const Run run
            = umbra({ QStringLiteral("--demo"), QStringLiteral("--database"),
                      m_home.filePath(QStringLiteral("demo.db")), QStringLiteral("--screenshot"),
                      png, QStringLiteral("--quit-after"), quitAfter(3) },
                    m_home.path());
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        const QImage image(png);
        QVERIFY(!image.isNull());
        QVERIFY(image.width() >= 1000 && image.height() >= 600);
    }

    void oneWriterAtATime()
    {
        // A second console, or an import, on a database a console is writing
        // is refused and names the console's process; an export reads beside
        // it. Nothing is damaged, nothing lost.
        const QString db = m_home.filePath(QStringLiteral("shared.db"));
        const QString csv = m_home.filePath(QStringLiteral("during.csv"));
        QFile file(csv);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("time,cpu\n1700000000,5\n1700000060,6\n");
        file.close();

        QProcess first;
        QVERIFY(startConsole(first, db, m_home.path(), 12));
        const QString inUse = QStringLiteral("in use by Umbra, process %1").arg(first.processId());
        Run second = umbra({ QStringLiteral("--demo"), QStringLiteral("--database"), db,
                             QStringLiteral("--quit-after"), quitAfter(2) },
                           m_home.path());
        QCOMPARE(second.exitCode, 1);
        QVERIFY2(second.err.contains(inUse), qPrintable(second.err));
        Run import = umbra({ QStringLiteral("--database"), db, QStringLiteral("--import-csv"), csv,
                             QStringLiteral("--as"), QStringLiteral("vm/during") },
                           m_home.path());
        QCOMPARE(import.exitCode, 1);
        QVERIFY2(import.err.contains(inUse), qPrintable(import.err));
        QTest::qWait(scaledMs(2000));
        Run during
            = umbra({ QStringLiteral("--database"), db, QStringLiteral("--export-csv"),
                      QStringLiteral("vm/web01"), QStringLiteral("--since"), QStringLiteral("1h") },
                    m_home.path());
        QVERIFY2(during.exitCode == 0, qPrintable(during.err));
        QVERIFY(first.waitForFinished(scaledMs(60000)));
        QCOMPARE(first.exitCode(), 0);
        QCOMPARE(integrity(db), QStringLiteral("ok"));
        Run after
            = umbra({ QStringLiteral("--database"), db, QStringLiteral("--export-csv"),
                      QStringLiteral("vm/web01"), QStringLiteral("--since"), QStringLiteral("1h") },
                    m_home.path());
        QVERIFY2(after.exitCode == 0, qPrintable(after.err));
        QVERIFY2(after.out.count('\n') > during.out.count('\n'),
                 qPrintable(QStringLiteral("%1 rows during the run, %2 after")
                                .arg(during.out.count('\n'))
                                .arg(after.out.count('\n'))));

        // The other order: a killed console's lock is taken over, and a
        // console started after an import sees what it stored.
        QProcess killed;
        QVERIFY(startConsole(killed, db, m_home.path(), 30));
        killed.kill();
        QVERIFY(killed.waitForFinished());
        import = umbra({ QStringLiteral("--database"), db, QStringLiteral("--import-csv"), csv,
                         QStringLiteral("--as"), QStringLiteral("vm/during") },
                       m_home.path());
        QVERIFY2(import.exitCode == 0, qPrintable(import.err));
        QProcess third;
        QVERIFY(startConsole(third, db, m_home.path(), 3));
        QVERIFY(third.waitForFinished(scaledMs(60000)));
        QCOMPARE(third.exitCode(), 0);
        QCOMPARE(integrity(db), QStringLiteral("ok"));
        Run imported = umbra({ QStringLiteral("--database"), db, QStringLiteral("--export-csv"),
                               QStringLiteral("vm/during"), QStringLiteral("--since"),
                               QStringLiteral("3650d") },
                             m_home.path());
        QVERIFY2(imported.exitCode == 0, qPrintable(imported.err));
        QCOMPARE(imported.out.count('\n'), 3);
        Run last
            = umbra({ QStringLiteral("--database"), db, QStringLiteral("--export-csv"),
                      QStringLiteral("vm/web01"), QStringLiteral("--since"), QStringLiteral("1h") },
                    m_home.path());
        QVERIFY(last.out.count('\n') >= after.out.count('\n'));
    }

    void neverWritesOntoTheDatabase()
    {
        const QString db = m_home.filePath(QStringLiteral("precious.db"));
        QProcess console;
        QVERIFY(startConsole(console, db, m_home.path(), 2));
        QVERIFY(console.waitForFinished(scaledMs(60000)));
        // History of its own to export at the end, whatever the short run
        // above had time to store.
        const QString csv = m_home.filePath(QStringLiteral("precious-history.csv"));
        {
            QFile file(csv);
            QVERIFY(file.open(QIODevice::WriteOnly));
            const qint64 now = QDateTime::currentSecsSinceEpoch();
            file.write("time,cpu\n");
            for (int minute = 3; minute > 0; --minute)
                file.write(QByteArray::number(now - 60 * minute) + ",12\n");
        }
        const Run imported
            = umbra({ QStringLiteral("--database"), db, QStringLiteral("--import-csv"), csv,
                      QStringLiteral("--as"), QStringLiteral("vm/precious") },
                    m_home.path());
        QVERIFY2(imported.exitCode == 0, qPrintable(imported.err));
        const QByteArray before = fingerprint(db);
        QVERIFY(!before.isEmpty());

        const QStringList targets{ db, db + QStringLiteral("-wal"),
                                   m_home.filePath(QStringLiteral("./precious.db")) };
        for (const QString &target : targets) {
            const Run run
                = umbra({ QStringLiteral("--database"), db, QStringLiteral("--export-csv"),
                          QStringLiteral("vm/web01"), QStringLiteral("--output"), target },
                        m_home.path());
            QCOMPARE(run.exitCode, 1);
            QVERIFY2(run.err.contains(QLatin1String("Refusing to write")), qPrintable(run.err));
        }
        QCOMPARE(fingerprint(db), before);

        Run run = umbra({ QStringLiteral("--demo"), QStringLiteral("--database"), db,
                          QStringLiteral("--quit-after"), quitAfter(1),
                          QStringLiteral("--screenshot"), db },
                        m_home.path());
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains(QLatin1String("--screenshot wants")), qPrintable(run.err));
        const QString disguised = m_home.filePath(QStringLiteral("precious.png"));
        QVERIFY(QFile::link(db, disguised));
        run = umbra({ QStringLiteral("--demo"), QStringLiteral("--database"), db,
                      QStringLiteral("--quit-after"), quitAfter(1), QStringLiteral("--screenshot"),
                      disguised },
                    m_home.path());
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(QLatin1String("Refusing to write")), qPrintable(run.err));
        QCOMPARE(fingerprint(db), before);

        // An export is written whole, for its owner alone.
        const QString exported = m_home.filePath(QStringLiteral("precious-export.csv"));
        run = umbra({ QStringLiteral("--database"), db, QStringLiteral("--export-csv"),
                      QStringLiteral("vm/precious"), QStringLiteral("--output"), exported },
                    m_home.path());
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QFile written(exported);
        QVERIFY(written.open(QIODevice::ReadOnly));
        QCOMPARE(written.readAll().count('\n'), 4); // the header and the three imported minutes
        QCOMPARE(QFile::permissions(exported) & 0x7777,
                 QFile::ReadOwner | QFile::WriteOwner | QFile::ReadUser | QFile::WriteUser);
        QCOMPARE(QFile::permissions(db) & 0x7777,
                 QFile::ReadOwner | QFile::WriteOwner | QFile::ReadUser | QFile::WriteUser);
    }

    void damagedDatabaseIsNotUsedSilently()
    {
        const QString db = m_home.filePath(QStringLiteral("damaged.db"));

        // A chunk that cannot be decoded: the export says its rows are not all.
        // The demo's history reaches web01 within seconds, later on a busy
        // machine: the console runs again until it has.
        int damaged = 0;
        for (int run = 0; run < 5 && damaged == 0; ++run) {
            QProcess console;
            QVERIFY(startConsole(console, db, m_home.path(), 2));
            QVERIFY(console.waitForFinished(scaledMs(60000)));
            {
                QSqlDatabase sql = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"),
                                                             QStringLiteral("damage"));
                sql.setDatabaseName(db);
                QVERIFY(sql.open());
                QSqlQuery q(sql);
                QVERIFY(q.exec(QStringLiteral(
                    "UPDATE ts_chunks SET data = zeroblob(64) WHERE series_id IN (SELECT id FROM "
                    "ts_series WHERE name LIKE 'vm/' || (SELECT uuid FROM vms WHERE name = "
                    "'web01') || '/%') AND resolution = 0")));
                damaged = q.numRowsAffected();
                sql.close();
            }
            QSqlDatabase::removeDatabase(QStringLiteral("damage"));
        }
        QVERIFY(damaged > 0);
        Run run = umbra({ QStringLiteral("--database"), db, QStringLiteral("--export-csv"),
                          QStringLiteral("vm/web01"), QStringLiteral("--since"),
                          QStringLiteral("30d") },
                        m_home.path());
        QCOMPARE(run.exitCode, 3);
        QVERIFY2(run.err.contains(QLatin1String("damaged and could not be read")),
                 qPrintable(run.err));

        // Noise over pages in use: the console says so and writes nothing.
        const qint64 size = QFileInfo(db).size();
        QVERIFY(size > 20 * 16384);
        {
            QFile raw(db);
            QVERIFY(raw.open(QIODevice::ReadWrite));
            QVERIFY(raw.seek(16384 * (size / 16384 / 2)));
            QByteArray noise(4096, Qt::Uninitialized);
            for (char &c : noise)
                c = char(QRandomGenerator::global()->generate());
            raw.write(noise);
        }
        const QByteArray before = fingerprint(db);
        run = umbra({ QStringLiteral("--demo"), QStringLiteral("--database"), db,
                      QStringLiteral("--quit-after"), quitAfter(3) },
                    m_home.path());
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QVERIFY2(run.err.contains(QLatin1String("is damaged")), qPrintable(run.err));
        QVERIFY2(run.err.contains(QLatin1String("read-only")), qPrintable(run.err));
        QCOMPARE(fingerprint(db), before);

        // A database too large to check before the window (gigabytes) is
        // checked beside the running console: the damage is reported as
        // soon as it is found.
        qputenv("UMBRA_CHECK_BEFORE_WINDOW_MS", "0");
        run = umbra(
            { QStringLiteral("--database"), db, QStringLiteral("--quit-after"), quitAfter(3) },
            m_home.path());
        qunsetenv("UMBRA_CHECK_BEFORE_WINDOW_MS");
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QVERIFY2(run.err.contains(QLatin1String("finished after the start")), qPrintable(run.err));
        QVERIFY2(!run.err.contains(QLatin1String("read-only")), qPrintable(run.err));
    }

    void passwordsAreNotPrinted()
    {
        const Run run = umbra({ QStringLiteral("--print-inventory"), QStringLiteral("--connect"),
                                QStringLiteral("qemu+tcp://admin:Sesame42@127.0.0.1:1/system") },
                              m_home.path());
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(!run.err.contains(QLatin1String("Sesame42")), qPrintable(run.err));
        QVERIFY2(!run.out.contains("Sesame42"), run.out.constData());
        QVERIFY2(run.out.contains("qemu+tcp://admin@127.0.0.1:1/system"), run.out.constData());

        // libvirt's XML error quotes the line it choked on; pointed at a file
        // that is no fleet (a password file, say), that line is not repeated.
        const QString notAFleet = m_home.filePath(QStringLiteral("shadow"));
        QFile file(notAFleet);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("root:$6$SaltedHashLine:19000:0:99999:7:::\n");
        file.close();
        const Run leak = umbra({ QStringLiteral("--print-inventory"), QStringLiteral("--connect"),
                                 QStringLiteral("test://") + notAFleet },
                               m_home.path());
        QCOMPARE(leak.exitCode, 1);
        QVERIFY2(!leak.err.contains(QLatin1String("SaltedHashLine")), qPrintable(leak.err));
        QVERIFY2(!leak.out.contains("SaltedHashLine"), leak.out.constData());
        QVERIFY2(leak.err.contains(QLatin1String("Start tag expected")), qPrintable(leak.err));
    }

    void screenshotNeedsQuitAfter()
    {
        const Run run = umbra({ QStringLiteral("--demo"), QStringLiteral("--screenshot"),
                                m_home.filePath(QStringLiteral("x.png")) },
                              m_home.path());
        QCOMPARE(run.exitCode, 2);
        QVERIFY(run.err.contains(QLatin1String("--quit-after")));
    }

    // --shift, --drain and --restore against a real HAProxy: each reaches
    // its goal and says so in one line of JSON; a refused action changes
    // nothing; a shift killed mid-way is put back by the next command.
    // The headless move honours the operator's pools: a shadow-pool host
    // takes no ordinary VM. Also on a database the command itself creates.
    void migrateHonoursThePools()
    {
        const QString db = m_home.filePath(QStringLiteral("pools.db"));
        const QString fleet = QStringLiteral(UMBRA_SOURCE_DIR "/resources/fleet/");
        const QString a = QStringLiteral("test://") + fleet + QStringLiteral("rack1-kvm01.xml");
        const QString b = QStringLiteral("test://") + fleet + QStringLiteral("rack1-kvm02.xml");
        const QStringList move{ QStringLiteral("--database"), db,
                                QStringLiteral("--connect"),  a,
                                QStringLiteral("--migrate"),  QStringLiteral("web01"),
                                QStringLiteral("--to"),       b };
        const Run first = umbra(move, m_home.path());
        QVERIFY2(!first.err.contains(QLatin1String("does not exist")), qPrintable(first.err));
        QVERIFY2(first.err.contains(QLatin1String("general pool")), qPrintable(first.err));

        {
            QSqlDatabase sql
                = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("pools"));
            sql.setDatabaseName(db);
            QVERIFY(sql.open());
            QSqlQuery q(sql);
            QVERIFY(q.exec(QStringLiteral(
                "INSERT INTO pools VALUES ('Standby', 'shadow', '', 0.1, 0, 0, 1)")));
            QVERIFY(q.exec(
                QStringLiteral("INSERT INTO pool_hosts VALUES ('%1', 'Standby', '')").arg(b)));
            sql.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("pools"));
        const Run refused = umbra(move, m_home.path());
        QCOMPARE(refused.exitCode, 1);
        QVERIFY2(refused.err.contains(QStringLiteral("“Standby” is a shadow pool")),
                 qPrintable(refused.err));
    }

    // --validate says why it cannot try, and exits 1 with one line of JSON.
    void validateWithoutAShadowIsRefused()
    {
        const QString db = m_home.filePath(QStringLiteral("validate.db"));
        const Run refused = umbra({ QStringLiteral("--database"), db, QStringLiteral("--validate"),
                                    QStringLiteral("web01") },
                                  m_home.path());
        QCOMPARE(refused.exitCode, 1);
        QVERIFY2(refused.err.contains(QLatin1String("web01 has no shadow")),
                 qPrintable(refused.err));
        const QJsonObject json = QJsonDocument::fromJson(refused.out.trimmed()).object();
        QCOMPARE(json.value(QLatin1String("ok")).toBool(true), false);
        const Run both = umbra({ QStringLiteral("--database"), db, QStringLiteral("--validate"),
                                 QStringLiteral("web01"), QStringLiteral("--unshadow"),
                                 QStringLiteral("web01") },
                               m_home.path());
        QVERIFY(both.exitCode != 0);
        QVERIFY2(both.err.contains(QLatin1String("--validate")), qPrintable(both.err));
        const Run badSchedule = umbra(
            { QStringLiteral("--database"), db, QStringLiteral("--shadow"), QStringLiteral("web01"),
              QStringLiteral("--on"), QStringLiteral("test:///default"),
              QStringLiteral("--validate-every"), QStringLiteral("daily") },
            m_home.path());
        QVERIFY(badSchedule.exitCode != 0);
        QVERIFY2(badSchedule.err.contains(QStringLiteral("not “daily”")),
                 qPrintable(badSchedule.err));
        const Run alone = umbra({ QStringLiteral("--database"), db,
                                  QStringLiteral("--validate-every"), QStringLiteral("6") },
                                m_home.path());
        QVERIFY(alone.exitCode != 0);
        QVERIFY2(alone.err.contains(QLatin1String("goes with --shadow")), qPrintable(alone.err));
    }

    // --audit-verify walks the chain: whole when every entry is what was
    // written, broken (exit status 5) at a forged one.
    // --policy-once on the demo: its degrading host is proposed for
    // evacuation, as JSON, and nothing is stored as a plan.
    void policyOnceProposesTheDemoEvacuation()
    {
        const QString db = m_home.filePath(QStringLiteral("policy.db"));
        const Run run = umbra({ QStringLiteral("--demo"), QStringLiteral("--database"), db,
                                QStringLiteral("--policy-once") },
                              m_home.path());
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        const QJsonObject result = QJsonDocument::fromJson(run.out).object();
        QCOMPARE(result.value(u"level").toString(), QStringLiteral("approve"));
        QStringList evacuations;
        for (const QJsonValue &p : result.value(u"proposals").toArray()) {
            const QJsonObject proposal = p.toObject();
            if (proposal.value(u"rule").toString() == u"host-risk") {
                evacuations.append(proposal.value(u"summary").toString());
                QVERIFY(!proposal.value(u"evidence").toArray().isEmpty());
                QVERIFY(proposal.value(u"expiresMs").toDouble() > 0);
            }
        }
        QVERIFY2(evacuations.size() >= 2, run.out.constData());
        for (const QString &summary : evacuations)
            QVERIFY2(summary.startsWith(u"Evacuate edge-kvm04: move "), qPrintable(summary));
        QSqlDatabase sql
            = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("policy-once"));
        sql.setDatabaseName(db);
        QVERIFY(sql.open());
        {
            QSqlQuery q(sql);
            QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM plans")) && q.next());
            QCOMPARE(q.value(0).toInt(), 0);
        }
        sql.close();
        sql = QSqlDatabase();
        QSqlDatabase::removeDatabase(QStringLiteral("policy-once"));
    }

    // --autopilot at level automatic on the demo: the degrading host's VMs
    // are moved away one at a time by the policy's own decision, the event
    // log is on standard output, and the audit trail names the policy.
    void autopilotEvacuatesTheDegradingHost()
    {
        const QString db = m_home.filePath(QStringLiteral("autopilot.db"));
        const Run run
            = umbra({ QStringLiteral("--demo"), QStringLiteral("--database"), db,
                      QStringLiteral("--automation"), QStringLiteral("automatic"),
                      QStringLiteral("--autopilot"), QStringLiteral("--interval"),
                      QStringLiteral("0.5"), QStringLiteral("--quit-after"), quitAfter(12) },
                    m_home.path());
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        const QString out = QString::fromUtf8(run.out);
        QVERIFY2(out.contains(QLatin1String("by itself (policy:host-risk)")), qPrintable(out));
        QVERIFY2(out.contains(QLatin1String("migration.completed")), qPrintable(out));
        QVERIFY2(out.contains(QLatin1String("host.failure_risk")), qPrintable(out));

        const Run verified = umbra(
            { QStringLiteral("--database"), db, QStringLiteral("--audit-verify") }, m_home.path());
        QVERIFY2(verified.exitCode == 0, qPrintable(verified.err));
        // Written with "=", the level is stored without a window too.
        const Run level
            = umbra({ QStringLiteral("--database"), db, QStringLiteral("--automation=manual") },
                    m_home.path());
        QVERIFY2(level.exitCode == 0, qPrintable(level.err));
        QCOMPARE(QJsonDocument::fromJson(level.out).object().value(u"level").toString(),
                 QStringLiteral("manual"));
        QSqlDatabase sql
            = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("autopilot"));
        sql.setDatabaseName(db);
        QVERIFY(sql.open());
        {
            QSqlQuery q(sql);
            QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM audit WHERE action = 'approved' "
                                          "AND actor = 'policy:host-risk'"))
                    && q.next());
            QVERIFY(q.value(0).toInt() >= 1);
            // At least two moves, never two of the host's at once: the
            // per-host limit.
            QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM migration_jobs WHERE "
                                          "outcome = 'completed'"))
                    && q.next());
            QVERIFY2(q.value(0).toInt() >= 2, qPrintable(out));
            QVERIFY(
                q.exec(QStringLiteral("SELECT count(*) FROM migration_jobs a JOIN migration_jobs b "
                                      "ON a.id < b.id AND b.created_ms < a.finished_ms "
                                      "AND a.source_uri = b.source_uri"))
                && q.next());
            QCOMPARE(q.value(0).toInt(), 0);
        }
        sql.close();
        sql = QSqlDatabase();
        QSqlDatabase::removeDatabase(QStringLiteral("autopilot"));
    }

    void auditVerifyFindsAForgedEntry()
    {
        const QString db = m_home.filePath(QStringLiteral("audit.db"));
        (void)umbra({ QStringLiteral("--database"), db, QStringLiteral("--validate"),
                      QStringLiteral("web01") },
                    m_home.path()); // refused, but the database is made
        const Run whole = umbra(
            { QStringLiteral("--database"), db, QStringLiteral("--audit-verify") }, m_home.path());
        QVERIFY2(whole.exitCode == 0, qPrintable(whole.err));
        QCOMPARE(QJsonDocument::fromJson(whole.out).object().value(QLatin1String("ok")).toBool(),
                 true);
        // One entry as Umbra writes it (its hash over the fields in a
        // compact JSON array), then one forged after it.
        const auto insert = [&db](const QString &values) {
            bool done = false;
            {
                QSqlDatabase sql
                    = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("forge"));
                sql.setDatabaseName(db);
                done = sql.open();
                QSqlQuery q(sql);
                done = done && q.exec(QStringLiteral("INSERT INTO audit VALUES (%1)").arg(values));
            }
            QSqlDatabase::removeDatabase(QStringLiteral("forge"));
            return done;
        };
        const QJsonArray fields{ QString(),
                                 QStringLiteral("1"),
                                 QStringLiteral("1000"),
                                 QStringLiteral("operator:root"),
                                 QStringLiteral("approved"),
                                 QStringLiteral("migrate"),
                                 QStringLiteral("web01"),
                                 QStringLiteral("1"),
                                 QStringLiteral("Move web01") };
        const QString hash = QString::fromLatin1(
            QCryptographicHash::hash(QJsonDocument(fields).toJson(QJsonDocument::Compact),
                                     QCryptographicHash::Sha256)
                .toHex());
        QVERIFY(insert(QStringLiteral("1, 1000, 'operator:root', 'approved', 'migrate', 'web01', "
                                      "1, 'Move web01', '', '%1'")
                           .arg(hash)));
        const Run one = umbra(
            { QStringLiteral("--database"), db, QStringLiteral("--audit-verify") }, m_home.path());
        QVERIFY2(one.exitCode == 0, qPrintable(one.err));
        // English plural forms come from umbra_en.ts, in the C locale too.
        QVERIFY2(one.err.contains(QLatin1String("is whole: 1 entry.")), qPrintable(one.err));
        QVERIFY(insert(QStringLiteral("2, 2000, 'operator:mallory', 'approved', 'migrate', "
                                      "'web01', 1, 'forged', '%1', 'not its hash'")
                           .arg(hash)));
        const Run broken = umbra(
            { QStringLiteral("--database"), db, QStringLiteral("--audit-verify") }, m_home.path());
        QCOMPARE(broken.exitCode, 5);
        const QJsonObject json = QJsonDocument::fromJson(broken.out).object();
        QCOMPARE(json.value(QLatin1String("brokenAt")).toInt(), 2);
        QVERIFY2(broken.err.contains(QLatin1String("broken")), qPrintable(broken.err));
    }

    void trafficCommands()
    {
        Umbra::TestSupport::HAProxyFixture lb;
        QVERIFY(lb.waitUp());
        const QString db = m_home.filePath(QStringLiteral("traffic.db"));
        const QStringList base{ QStringLiteral("--database"), db, QStringLiteral("--balancer"),
                                QStringLiteral("test=") + lb.adminSocket() };
        auto weight = [&](const char *server) {
            const QByteArray reply = lb.cli(QByteArray("get weight be/") + server);
            return reply.left(reply.indexOf(' ')).toInt();
        };
        auto json = [](const Run &run) { return QJsonDocument::fromJson(run.out).object(); };

        const Run shift
            = umbra(base
                        + QStringList{ QStringLiteral("--shift"), QStringLiteral("a"),
                                       QStringLiteral("--to"), QStringLiteral("b"),
                                       QStringLiteral("--percent"), QStringLiteral("50"),
                                       QStringLiteral("--steps"), QStringLiteral("25,50"),
                                       QStringLiteral("--hold"), QStringLiteral("0.3") },
                    m_home.path());
        QVERIFY2(shift.exitCode == 0, qPrintable(shift.err));
        QCOMPARE(json(shift).value(QStringLiteral("ok")).toBool(), true);
        QCOMPARE(json(shift).value(QStringLiteral("state")).toString(), QStringLiteral("holding"));
        QVERIFY(json(shift).value(QStringLiteral("plan")).toInt() > 0);
        QVERIFY2(shift.err.contains(QLatin1String("Step 2 of 2: 50 %")), qPrintable(shift.err));
        QCOMPARE(weight("a"), 50);
        QCOMPARE(weight("b"), 50);

        const Run restore = umbra(
            base + QStringList{ QStringLiteral("--restore"), QStringLiteral("a") }, m_home.path());
        QVERIFY2(restore.exitCode == 0, qPrintable(restore.err));
        QCOMPARE(weight("a"), 1);
        QCOMPARE(weight("b"), 0);

        // b takes nothing (weight 0): draining a would refuse service.
        const Run refused = umbra(
            base + QStringList{ QStringLiteral("--drain"), QStringLiteral("a") }, m_home.path());
        QCOMPARE(refused.exitCode, 1);
        QVERIFY2(refused.err.contains(QLatin1String("refuse service")), qPrintable(refused.err));
        QCOMPARE(lb.statusOf("a"), QByteArray("UP"));
        QCOMPARE(lb.cli("set weight be/b 1"), QByteArray("\n"));
        const Run drain = umbra(
            base + QStringList{ QStringLiteral("--drain"), QStringLiteral("a") }, m_home.path());
        QVERIFY2(drain.exitCode == 0, qPrintable(drain.err));
        QCOMPARE(lb.statusOf("a"), QByteArray("DRAIN"));
        QVERIFY(umbra(base + QStringList{ QStringLiteral("--restore"), QStringLiteral("a") },
                      m_home.path())
                    .exitCode
                == 0);
        QCOMPARE(lb.statusOf("a"), QByteArray("UP"));
        QCOMPARE(lb.cli("set weight be/b 0"), QByteArray("\n"));

        // Refused before anything is sent.
        const Run noSibling
            = umbra(base
                        + QStringList{ QStringLiteral("--shift"), QStringLiteral("a"),
                                       QStringLiteral("--to"), QStringLiteral("zz") },
                    m_home.path());
        QCOMPARE(noSibling.exitCode, 1);
        QVERIFY2(noSibling.err.contains(QLatin1String("No backend has both")),
                 qPrintable(noSibling.err));
        const Run badSpec = umbra({ QStringLiteral("--balancer"), QStringLiteral("nosocket"),
                                    QStringLiteral("--drain"), QStringLiteral("a") },
                                  m_home.path());
        QCOMPARE(badSpec.exitCode, 2);
        QVERIFY2(badSpec.err.contains(QLatin1String("NAME=SOCKET")), qPrintable(badSpec.err));

        // Killed while its first step holds; the next command puts it back.
        QProcess killed;
        killed.setProcessEnvironment(environment(m_home.path()));
        killed.start(QStringLiteral(UMBRA_BINARY),
                     base
                         + QStringList{ QStringLiteral("--shift"), QStringLiteral("a"),
                                        QStringLiteral("--to"), QStringLiteral("b"),
                                        QStringLiteral("--steps"), QStringLiteral("25"),
                                        QStringLiteral("--hold"), QStringLiteral("60") });
        QTRY_COMPARE_WITH_TIMEOUT(weight("b"), 25, 15000);
        killed.kill();
        killed.waitForFinished();
        const Run after = umbra(
            base + QStringList{ QStringLiteral("--restore"), QStringLiteral("a") }, m_home.path());
        QVERIFY2(after.exitCode == 0, qPrintable(after.err));
        const QJsonArray reconciled = json(after).value(QStringLiteral("reconciled")).toArray();
        QCOMPARE(reconciled.size(), 1);
        QVERIFY2(reconciled.first().toString().contains(QLatin1String("b=25")),
                 qPrintable(reconciled.first().toString()));
        QCOMPARE(weight("a"), 1);
        QCOMPARE(weight("b"), 0);
    }
};

QTEST_GUILESS_MAIN(TestCommandLine)
#include "tst_commandline.moc"
