// kill -9 during heavy ingest: the file opens again, passes SQLite's
// integrity check, and holds every sample the writer reported committed,
// missing at most the batch that was not yet flushed.
#include "store/database.h"
#include "store/samplestore.h"

#include <QProcess>
#include <QRandomGenerator>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Umbra;

class TestCrash : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void killDuringIngest_data()
    {
        QTest::addColumn<int>("commitsBeforeKill");
        QTest::newRow("early") << 3;
        QTest::newRow("later") << 12;
        QTest::newRow("again on the same file") << 6;
    }

    void killDuringIngest()
    {
        QFETCH(int, commitsBeforeKill);
        static QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("crash.db"));

        qint64 before = 0; // what earlier rounds left in the file
        {
            auto db = Database::open(path, QStringLiteral("crash-before"));
            QVERIFY2(db.ok(), qPrintable(db.error()));
            SampleStore store(db.value()->sql(), std::make_shared<Series::SeriesHeads>(),
                              SampleStore::Access::Detached);
            for (int i = 0; i < 200; ++i)
                before += store.vmSamples(QStringLiteral("vm-%1").arg(i), 0, Q_INT64_C(1) << 62)
                              ->size();
        }

        QProcess child;
        child.setProcessChannelMode(QProcess::SeparateChannels);
        // Each round starts a day after the last, as a console started again would.
        static qint64 start = 1700000000000;
        start += 86400000;
        child.start(QStringLiteral(UMBRA_INGEST_CHILD), { path, QString::number(start) });
        QVERIFY(child.waitForStarted());
        qint64 committed = 0;
        int commits = 0;
        QByteArray pending;
        while (commits < commitsBeforeKill) {
            QVERIFY2(child.waitForReadyRead(10000), child.readAllStandardError().constData());
            pending += child.readAllStandardOutput();
            qsizetype newline;
            while ((newline = pending.indexOf('\n')) >= 0) {
                const QByteArray line = pending.left(newline);
                pending.remove(0, newline + 1);
                if (line.startsWith("committed ")) {
                    committed = line.mid(10).toLongLong();
                    ++commits;
                }
            }
        }
        // Somewhere inside the next flush interval.
        QTest::qWait(int(QRandomGenerator::global()->bounded(100)));
        child.kill(); // SIGKILL
        QVERIFY(child.waitForFinished());
        pending += child.readAllStandardOutput();
        for (const QByteArray &line : pending.split('\n'))
            if (line.startsWith("committed "))
                committed = line.mid(10).toLongLong();

        auto db = Database::open(path, QStringLiteral("crash-after"));
        QVERIFY2(db.ok(), qPrintable(db.error()));
        QSqlQuery check(db.value()->sql());
        QVERIFY(check.exec(QStringLiteral("PRAGMA integrity_check")) && check.next());
        QCOMPARE(check.value(0).toString(), QStringLiteral("ok"));

        SampleStore store(db.value()->sql(), std::make_shared<Series::SeriesHeads>(),
                          SampleStore::Access::Detached);
        qint64 vmSamples = 0;
        for (int i = 0; i < 200; ++i)
            vmSamples
                += store.vmSamples(QStringLiteral("vm-%1").arg(i), 0, Q_INT64_C(1) << 62)->size();
        const qint64 hostSamples
            = store.hostSamples(QStringLiteral("test:///crash"), 0, Q_INT64_C(1) << 62)->size();
        const qint64 stored = vmSamples - before + hostSamples - before / 200;
        qInfo("committed %lld, stored %lld", static_cast<long long>(committed),
              static_cast<long long>(stored));
        // Every committed sample is there; beyond that at most one flush
        // interval (100 ms: five batches of 201) that committed as it was killed.
        QVERIFY(stored >= committed);
        QVERIFY(stored <= committed + 5 * 201);
    }
};

QTEST_GUILESS_MAIN(TestCrash)
#include "tst_crash.moc"
