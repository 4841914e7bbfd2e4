// Bad input gets a clear error and loses nothing: malformed URIs, hosts that
// refuse, malformed fleet XML, and database files Umbra must not touch.
#include "engine/engine.h"
#include "fleet/hosturi.h"
#include "sessionharness.h"
#include "store/database.h"
#include "util/displaytext.h"

#include <QCryptographicHash>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using namespace Umbra;
using Umbra::Testing::SessionHarness;

namespace {

QByteArray fingerprint(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256);
}

} // namespace

class TestBadInput : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

private Q_SLOTS:
    void databaseInAFolderAnyoneWritesIsRefused()
    {
        QTemporaryDir dir;
        const QString shared = dir.filePath(QStringLiteral("shared"));
        QVERIFY(QDir().mkpath(shared));
        const QString path = shared + QStringLiteral("/umbra.db");
        {
            auto made = Database::open(path, QStringLiteral("made-while-private"));
            QVERIFY2(made.ok(), qPrintable(made.error()));
        }
        QVERIFY(QFile::setPermissions(shared, QFileDevice::Permissions(0x7777)));
        QVERIFY(QFileInfo(shared).permissions() & QFileDevice::WriteOther);
        auto refused = Database::open(path, QStringLiteral("shared-existing"));
        QVERIFY(!refused.ok());
        QVERIFY2(refused.error().contains(QLatin1String("every user")),
                 qPrintable(refused.error()));
        auto fresh
            = Database::open(shared + QStringLiteral("/new.db"), QStringLiteral("shared-new"));
        QVERIFY(!fresh.ok());
        QVERIFY(!QFile::exists(shared + QStringLiteral("/new.db"))); // nothing made there
        // Reading what is there stays possible (an export, a backup).
        auto reading
            = Database::open(path, QStringLiteral("shared-read"), Database::Mode::ReadOnly);
        QVERIFY2(reading.ok(), qPrintable(reading.error()));
    }

    void uris_data()
    {
        QTest::addColumn<QString>("uri");
        QTest::addColumn<bool>("valid");
        QTest::addColumn<QString>("mentions");

        const QString fleet = QStringLiteral(UMBRA_TEST_DATA_DIR "/fleet-states.xml");
        QTest::newRow("default") << "test:///default" << true << "";
        QTest::newRow("fleet file") << QString(QStringLiteral("test://") + fleet) << true << "";
        QTest::newRow("system") << "qemu:///system" << true << "";
        QTest::newRow("ssh") << "qemu+ssh://admin@kvm01.example.org/system" << true << "";
        QTest::newRow("tcp") << "qemu+tcp://10.0.0.5:16509/system" << true << "";
        QTest::newRow("tls") << "qemu+tls://kvm01.example.org/system" << true << "";
        QTest::newRow("spaces trimmed") << "  qemu:///system  " << true << "";
        QTest::newRow("empty") << "" << false << "libvirt URI";
        QTest::newRow("no scheme") << "kvm01.example.org" << false << "not a libvirt URI";
        QTest::newRow("garbage") << "qemu+ssh://[bad/system" << false << "not a libvirt URI";
        QTest::newRow("unknown transport") << "xen+ssh://host/system" << false << "xen+ssh";
        QTest::newRow("remote without host") << "qemu+tcp:///system" << false << "host name";
        QTest::newRow("bad path") << "qemu:///systm" << false << "/system or /session";
        QTest::newRow("missing fleet file")
            << "test:///nowhere/fleet.xml" << false << "does not exist";
        QTest::newRow("relative fleet") << "test://fleet.xml" << false << "test driver";
    }

    void uris()
    {
        QFETCH(QString, uri);
        QFETCH(bool, valid);
        QFETCH(QString, mentions);
        auto result = HostUri::validate(uri);
        QCOMPARE(result.ok(), valid);
        if (!valid)
            QVERIFY2(result.error().contains(mentions), qPrintable(result.error()));
    }

    void refusingHostDoesNotStallOthers()
    {
        // Nothing listens on port 1 of loopback: the connection is refused.
        SessionHarness dead(HostConfig{ QStringLiteral("qemu+tcp://127.0.0.1:1/system"), false });
        SessionHarness alive(HostConfig{ QStringLiteral("test:///default"), false });

        QTRY_COMPARE_WITH_TIMEOUT(dead.lastStatus().state, HostState::Unreachable, 10000);
        const HostStatus status = dead.lastStatus();
        QVERIFY2(!status.lastError.isEmpty(), "an unreachable host says why");
        QVERIFY(status.nextRetry.isValid());
        QVERIFY(!dead.events->isEmpty());

        QTRY_COMPARE_WITH_TIMEOUT(alive.lastStatus().state, HostState::Connected, 5000);
        QTRY_VERIFY(alive.samples->size() >= 3);
        QTRY_VERIFY_WITH_TIMEOUT(dead.lastStatus().failedAttempts >= 3, 10000);
    }

    void refusedHostIsAskedAgainWithoutBackoff()
    {
        // A refused connection (a libvirtd restarting) is tried again at the
        // first interval; a host whose name does not resolve backs off.
        HostSession::Options options = SessionHarness::fastOptions();
        options.maxRetryMs = 60000;
        SessionHarness refused(HostConfig{ QStringLiteral("qemu+tcp://127.0.0.1:1/system"), false },
                               options);
        SessionHarness unknown(
            HostConfig{ QStringLiteral("qemu+tcp://no-such-host.invalid/system"), false }, options);
        // With the backoff, ten attempts would take 0.1 × (2¹⁰ − 1) s = 102 s.
        QTRY_VERIFY_WITH_TIMEOUT(refused.lastStatus().failedAttempts >= 10, 8000);
        QCOMPARE(refused.lastStatus().state, HostState::Unreachable);
        QVERIFY2(unknown.lastStatus().failedAttempts < 8,
                 qPrintable(QString::number(unknown.lastStatus().failedAttempts)));
        QVERIFY(unknown.lastStatus().lastError.contains(QLatin1String("no-such-host.invalid")));
        // One event for the outage, not one per attempt.
        int unreachableEvents = 0;
        for (const QList<QVariant> &args : std::as_const(*refused.events))
            unreachableEvents
                += args.at(0).value<EventRecord>().kind == QLatin1String("host.unreachable");
        QCOMPARE(unreachableEvents, 1);
    }

    void silentHostDoesNotStallOthers()
    {
        // Something listens but never answers: libvirt's handshake waits forever.
        QTcpServer silent;
        QVERIFY(silent.listen(QHostAddress::LocalHost));
        const QString silentUri
            = QStringLiteral("qemu+tcp://127.0.0.1:%1/system").arg(silent.serverPort());

        QTemporaryDir dir;
        Engine engine;
        HostSession::Options options = SessionHarness::fastOptions();
        options.connectWarningMs = 500;
        engine.setSessionOptions(options);
        QVERIFY(engine.openStore(dir.filePath(QStringLiteral("silent.db"))).ok());
        QVERIFY(engine.fleet()->addHost(HostConfig{ silentUri, false }).ok());
        QVERIFY(
            engine.fleet()->addHost(HostConfig{ QStringLiteral("test:///default"), false }).ok());
        QSignalSpy samples(engine.fleet(), &FleetService::samplesCollected);
        engine.start();

        QTRY_VERIFY_WITH_TIMEOUT(samples.size() >= 5, 5000);
        QCOMPARE(engine.fleet()->hostStatus(QStringLiteral("test:///default")).state,
                 HostState::Connected);
        QCOMPARE(engine.fleet()->hostStatus(silentUri).state, HostState::Connecting);
        // The operator is told, while the session keeps waiting.
        QTRY_VERIFY_WITH_TIMEOUT(
            engine.fleet()->hostStatus(silentUri).lastError.contains(QLatin1String("No answer")),
            5000);
        QCOMPARE(engine.fleet()->hostStatus(silentUri).state, HostState::Connecting);

        // Quitting does not hang on the host that never answered.
        QElapsedTimer timer;
        timer.start();
        engine.shutdown();
        QVERIFY2(timer.elapsed() < 10000, qPrintable(QString::number(timer.elapsed())));
    }

    void malformedFleetXml()
    {
        SessionHarness harness(HostConfig{
            QStringLiteral("test://" UMBRA_TEST_DATA_DIR "/malformed-fleet.xml"), false });
        QTRY_COMPARE_WITH_TIMEOUT(harness.lastStatus().state, HostState::Unreachable, 5000);
        const QString error = harness.lastStatus().lastError;
        QVERIFY2(error.contains(QLatin1String("malformed-fleet.xml")), qPrintable(error));
        QVERIFY(harness.inventory->isEmpty());
    }

    void notSqlite()
    {
        const QString path = m_dir.filePath(QStringLiteral("notes.txt"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("These are an operator's notes, not a database.\n");
        file.close();
        const QByteArray before = fingerprint(path);

        auto db = Database::open(path, QStringLiteral("not-sqlite"));
        QVERIFY(!db.ok());
        QVERIFY2(db.error().contains(QLatin1String("not an Umbra database")),
                 qPrintable(db.error()));
        QCOMPARE(fingerprint(path), before);
        QVERIFY(!QFile::exists(path + QStringLiteral("-wal")));
    }

    void otherApplicationsDatabase()
    {
        const QString path = m_dir.filePath(QStringLiteral("other.sqlite"));
        {
            QSqlDatabase db
                = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("other"));
            db.setDatabaseName(path);
            QVERIFY(db.open());
            QSqlQuery q(db);
            QVERIFY(q.exec(QStringLiteral("CREATE TABLE invoices (id INTEGER, total REAL)")));
            QVERIFY(q.exec(QStringLiteral("INSERT INTO invoices VALUES (1, 99.5)")));
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("other"));
        const QByteArray before = fingerprint(path);

        auto db = Database::open(path, QStringLiteral("other-app"));
        QVERIFY(!db.ok());
        QVERIFY2(db.error().contains(QLatin1String("not Umbra's")), qPrintable(db.error()));
        QCOMPARE(fingerprint(path), before);
    }

    void newerSchema()
    {
        const QString path = m_dir.filePath(QStringLiteral("future.sqlite"));
        {
            auto db = Database::open(path, QStringLiteral("future-create"));
            QVERIFY(db.ok());
            QSqlQuery q(db.value()->sql());
            QVERIFY(
                q.exec(QStringLiteral("PRAGMA user_version=%1").arg(Database::kSchemaVersion + 7)));
            QVERIFY(q.exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)")));
        }
        const QByteArray before = fingerprint(path);
        auto db = Database::open(path, QStringLiteral("future"));
        QVERIFY(!db.ok());
        QVERIFY2(db.error().contains(QLatin1String("newer Umbra")), qPrintable(db.error()));
        QCOMPARE(fingerprint(path), before);

        Engine engine;
        auto opened = engine.openStore(path);
        QVERIFY(!opened.ok());
        QCOMPARE(opened.error(), db.error());
        QCOMPARE(fingerprint(path), before);
    }

    void unwritableLocation()
    {
        // A folder that cannot exist: its parent is a regular file. (Permission
        // bits would not stop root, who runs the CI.)
        const QString blocker = m_dir.filePath(QStringLiteral("plain-file"));
        QFile file(blocker);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.close();
        auto db
            = Database::open(blocker + QStringLiteral("/umbra.db"), QStringLiteral("unwritable"));
        QVERIFY(!db.ok());
        QVERIFY2(db.error().contains(QLatin1String("Cannot create")), qPrintable(db.error()));
    }

    void secretsInUrisAreNeverStored()
    {
        // A refused host retries and logs its reason; an exporter URL with a
        // token is read. Neither the password nor the token reaches the file,
        // the event log or the status shown.
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("secrets.db"));
        const QString withPassword
            = QStringLiteral("qemu+tcp://operator:Hunter2Secret@127.0.0.1:1/system");
        const QString clean = QStringLiteral("qemu+tcp://operator@127.0.0.1:1/system");
        {
            Engine engine;
            engine.setSessionOptions(SessionHarness::fastOptions());
            QVERIFY(engine.openStore(path).ok());
            QVERIFY(
                engine.fleet()
                    ->addHost(HostConfig{ withPassword, false,
                                          QStringLiteral("http://scraper:ExporterPw@127.0.0.1:"
                                                         "1/metrics?token=TokenValue&job=node") })
                    .ok());
            QCOMPARE(engine.fleet()->hosts().size(), 1);
            QCOMPARE(engine.fleet()->hosts().first().uri, clean);
            // Given again with its password (as each run must, since it is
            // not stored), the host is the same host.
            QVERIFY(engine.fleet()->addHost(HostConfig{ withPassword, false }).ok());
            QVERIFY(engine.fleet()->hasHost(withPassword));
            QCOMPARE(engine.fleet()->hosts().size(), 1);
            QVERIFY(!engine.fleet()->addHost(HostConfig{ clean, false }).ok());
            QCOMPARE(engine.fleet()->hosts().first().exporterUrl,
                     QStringLiteral("http://scraper@127.0.0.1:1/metrics?job=node"));
            QSignalSpy events(engine.events(), &EventLog::eventLogged);
            engine.start();
            QTRY_VERIFY_WITH_TIMEOUT(engine.fleet()->hostStatus(clean).failedAttempts >= 2, 10000);
            QVERIFY(
                !engine.fleet()->hostStatus(clean).lastError.contains(QLatin1String("Hunter2")));
            for (const QList<QVariant> &event : std::as_const(events))
                QVERIFY(
                    !event.first().value<EventRecord>().message.contains(QLatin1String("Hunter2")));
            engine.shutdown();
        }
        for (const QString &file : QDir(dir.path()).entryList(QDir::Files)) {
            QFile raw(dir.filePath(file));
            QVERIFY(raw.open(QIODevice::ReadOnly));
            const QByteArray bytes = raw.readAll();
            for (const char *secret : { "Hunter2Secret", "ExporterPw", "TokenValue" })
                QVERIFY2(!bytes.contains(secret),
                         qPrintable(file + QLatin1Char(' ') + QLatin1String(secret)));
        }
    }

    void secretsAnOlderUmbraStoredAreScrubbed()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("older.db"));
        const QString withPassword = QStringLiteral("qemu+tcp://admin:OldPw@127.0.0.1:1/system");
        {
            auto db = Database::open(path, QStringLiteral("older"));
            QVERIFY(db.ok());
            QSqlQuery q(db.value()->sql());
            QVERIFY(q.exec(QStringLiteral("INSERT INTO hosts (uri, added_ms, exporter_url) "
                                          "VALUES ('%1', 1, 'http://h:9100/m?token=OldToken')")
                               .arg(withPassword)));
            QVERIFY(q.exec(QStringLiteral("INSERT INTO events (ts_ms, severity, kind, host_uri, "
                                          "message) VALUES (1, 0, 'host', '%1', 'Cannot reach "
                                          "%1')")
                               .arg(withPassword)));
            QVERIFY(q.exec(QStringLiteral("INSERT INTO ts_series (name, precision) VALUES "
                                          "('host/%1/cpu', 0)")
                               .arg(withPassword)));
        }
        Engine engine;
        QVERIFY(engine.openStore(path).ok());
        QCOMPARE(engine.fleet()->hosts().first().uri,
                 QStringLiteral("qemu+tcp://admin@127.0.0.1:1/system"));
        engine.shutdown();
        auto db = Database::open(path, QStringLiteral("older-check"), Database::Mode::ReadOnly);
        QVERIFY(db.ok());
        QSqlQuery q(db.value()->sql());
        QVERIFY(q.exec(QStringLiteral("SELECT (SELECT group_concat(uri || exporter_url) FROM hosts)"
                                      " || (SELECT group_concat(host_uri || message) FROM events)"
                                      " || (SELECT group_concat(name) FROM ts_series)")));
        QVERIFY(q.next());
        const QString everything = q.value(0).toString();
        QVERIFY2(!everything.contains(QLatin1String("OldPw"))
                     && !everything.contains(QLatin1String("OldToken")),
                 qPrintable(everything));
        QVERIFY2(everything.contains(QLatin1String("host/qemu+tcp://admin@127.0.0.1:1/system/cpu")),
                 qPrintable(everything));
    }

    void urisAreQuotedSafely()
    {
        auto result = HostUri::validate(
            QStringLiteral("qemu+tcp://u:TopSecret@host/nowhere\x1b[31m\u202Eevil"));
        QVERIFY(!result.ok());
        QVERIFY2(!result.error().contains(QLatin1String("TopSecret")), qPrintable(result.error()));
        QVERIFY(!DisplayText::hasControlCharacters(result.error()));
        // Text that is no URL at all is quoted with its control characters escaped.
        auto garbage = HostUri::validate(QStringLiteral("\x1b[2J\u202Eevil"));
        QVERIFY(!garbage.ok());
        QVERIFY2(garbage.error().contains(QLatin1String("\\x1b[2J\\u{202e}evil")),
                 qPrintable(garbage.error()));
        // Not even parseable as a URL: the password is masked all the same.
        QVERIFY(!HostUri::quoted(QStringLiteral("qemu+tcp://u:TopSecret@ho st/x"))
                     .contains(QLatin1String("TopSecret")));
        QCOMPARE(DisplayText::quote(QString(5000, QLatin1Char('a')), 100).size(), 101);
    }

    // The quick check's time is bounded even inside one large table, where
    // SQLite does not ask its progress handler again until the table is
    // done (a 10 GB table ran for 56 s against a 3 s budget), and a check
    // beside a running console stops when asked.
    void quickCheckStopsInTimeAndWhenCancelled()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("large.db"));
        {
            auto db = Database::open(path, QStringLiteral("large-fill"));
            QVERIFY(db.ok());
            QSqlQuery q(db.value()->sql());
            QVERIFY(
                q.exec(QStringLiteral("CREATE TABLE ballast (id INTEGER PRIMARY KEY, b BLOB)")));
            QVERIFY(q.exec(QStringLiteral("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 "
                                          "FROM n WHERE i < 60000) INSERT INTO ballast SELECT i, "
                                          "randomblob(1000) FROM n")));
        }
        QElapsedTimer clock;
        clock.start();
        const Database::Integrity whole = Database::inspect(path, 60000);
        const qint64 wholeMs = clock.elapsed();
        QVERIFY(whole.complete);
        QVERIFY(whole.problems.isEmpty());

        clock.restart();
        const Database::Integrity bounded = Database::inspect(path, 1);
        QVERIFY2(!bounded.complete, qPrintable(QString::number(wholeMs)));
        QVERIFY(bounded.problems.isEmpty()); // stopping is no damage

        const std::atomic_bool cancelled = true;
        const Database::Integrity stopped = Database::inspect(path, 60000, &cancelled);
        QVERIFY(!stopped.complete);
        QVERIFY(stopped.problems.isEmpty());
    }

    void damagedDatabaseIsNotUsedSilently()
    {
        // 4 KiB of noise over the start of a page in use: the quick check at
        // open finds it; the console can look at the file read-only (nothing
        // written, no lock taken, no migrations) or copy it for repair.
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("damaged.db"));
        {
            auto db = Database::open(path, QStringLiteral("damaged-fill"));
            QVERIFY(db.ok());
            QSqlQuery q(db.value()->sql());
            QVERIFY(q.exec(QStringLiteral("CREATE TABLE filler (id INTEGER PRIMARY KEY, t TEXT)")));
            QVERIFY(q.exec(QStringLiteral("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 "
                                          "FROM n WHERE i < 4000) INSERT INTO filler SELECT i, "
                                          "printf('%0200d', i) FROM n")));
        }
        QCOMPARE(Database::inspect(path, 5000).problems, QStringList());
        const qint64 pages = QFileInfo(path).size() / 16384;
        QVERIFY(pages > 10);
        {
            QFile raw(path); // no connection is open in this process now
            QVERIFY(raw.open(QIODevice::ReadWrite));
            QVERIFY(raw.seek(16384 * (pages / 2)));
            QByteArray noise(4096, Qt::Uninitialized);
            for (char &c : noise)
                c = char(QRandomGenerator::global()->generate());
            raw.write(noise);
        }
        const QByteArray before = fingerprint(path);
        const Database::Integrity integrity = Database::inspect(path, 5000);
        QVERIFY(!integrity.problems.isEmpty());
        QVERIFY(integrity.complete);
        QCOMPARE(fingerprint(path), before);

        const QString copy = dir.filePath(QStringLiteral("damaged.db.copy"));
        QVERIFY(Database::copy(path, copy).ok());
        // Page for page: the same size, the same damage (the header's
        // counters and journal mode are the copy's own).
        QCOMPARE(QFileInfo(copy).size(), QFileInfo(path).size());
        QCOMPARE(Database::inspect(copy, 5000).problems, integrity.problems);
        QVERIFY(!Database::copy(path, copy).ok()); // never over an existing file

        Engine engine;
        engine.setSessionOptions(SessionHarness::fastOptions());
        QVERIFY(engine.openStore(path, Engine::StoreAccess::ReadOnly).ok());
        QVERIFY(engine.storeIsReadOnly());
        QVERIFY(!engine.migrations());
        QVERIFY(!QFile::exists(path + QStringLiteral(".lock")));
        QVERIFY(
            engine.fleet()->addHost(HostConfig{ QStringLiteral("test:///default"), true }).ok());
        QSignalSpy samples(engine.fleet(), &FleetService::samplesCollected);
        engine.start();
        QTRY_VERIFY_WITH_TIMEOUT(samples.size() >= 3, 10000);
        engine.shutdown();
        QCOMPARE(fingerprint(path), before);
    }

    void engineRefusesMalformedHost()
    {
        Engine engine;
        QVERIFY(engine.openStore(m_dir.filePath(QStringLiteral("engine.db"))).ok());
        auto added = engine.fleet()->addHost(HostConfig{ QStringLiteral("qemu:/system"), false });
        QVERIFY(!added.ok());
        QVERIFY(!added.error().isEmpty());
        QVERIFY(engine.fleet()->hosts().isEmpty());
        QVERIFY(
            engine.fleet()->addHost(HostConfig{ QStringLiteral("test:///default"), false }).ok());
        auto twice
            = engine.fleet()->addHost(HostConfig{ QStringLiteral("test:///default"), false });
        QVERIFY(!twice.ok());
        QVERIFY(twice.error().contains(QLatin1String("already")));
        QCOMPARE(engine.fleet()->hosts().size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestBadInput)
#include "tst_badinput.moc"
