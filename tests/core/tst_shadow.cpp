#include "migrate/domainxml.h"
#include "shadow/replicaagent.h"
#include "shadow/shadowjournal.h"
#include "store/database.h"

#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using namespace Umbra;
using namespace Umbra::Shadow;

namespace {

const char kDomain[] = R"(<domain type='qemu'>
  <name>db-1</name>
  <uuid>0b0c7b1e-58a4-4d5f-9f55-0c7e6c9d3f11</uuid>
  <memory unit='KiB'>131072</memory>
  <os><type arch='x86_64'>hvm</type><cmdline>console=ttyS0 umbra.ip=10.0.0.5/24</cmdline></os>
  <devices>
    <disk type='file' device='disk'>
      <driver name='qemu' type='raw' cache='writeback'/>
      <source file='/var/lib/images/db-1.img'/>
      <backingStore/>
      <target dev='vda' bus='virtio'/>
    </disk>
    <disk type='file' device='cdrom'>
      <source file='/isos/tools.iso'/>
      <target dev='sda' bus='sata'/>
      <readonly/>
    </disk>
    <interface type='bridge'>
      <mac address='52:54:00:aa:bb:cc'/>
      <source bridge='br0'/>
    </interface>
  </devices>
</domain>)";

} // namespace

class TestShadow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // The shadow's definition takes the primary's place: its name and disks
    // change, its identity on the network (MAC, kernel command line) does not.
    void renamedCopyKeepsTheIdentity()
    {
        const QString copy = DomainXml::renamedCopy(
            QString::fromUtf8(kDomain), QStringLiteral("db-1-shadow"),
            { { QStringLiteral("vda"), QStringLiteral("/replicas/db-1-vda.qcow2") } });
        QVERIFY(copy.contains(QLatin1String("<name>db-1-shadow</name>")));
        QVERIFY(!copy.contains(QLatin1String("<uuid>")));
        QVERIFY(!copy.contains(QLatin1String("backingStore")));
        QVERIFY(copy.contains(QLatin1String("52:54:00:aa:bb:cc")));
        QVERIFY(copy.contains(QLatin1String("umbra.ip=10.0.0.5/24")));
        const QList<DomainXml::Disk> disks = DomainXml::disks(copy);
        QCOMPARE(disks.size(), 2);
        QCOMPARE(disks[0].source, QStringLiteral("/replicas/db-1-vda.qcow2"));
        QCOMPARE(disks[0].format, QStringLiteral("qcow2"));
        QCOMPARE(disks[0].cache, QStringLiteral("writeback"));
        QCOMPARE(disks[1].source, QStringLiteral("/isos/tools.iso")); // not replicated
        QVERIFY(disks[1].readOnly);
    }

    void mirrorReadyIsReadFromTheLiveDefinition()
    {
        QString live = QString::fromUtf8(kDomain);
        QVERIFY(!DomainXml::mirrorReady(live, QStringLiteral("vda")));
        live.replace(QLatin1String("<backingStore/>"),
                     QLatin1String("<mirror type='network' job='copy' ready='yes'/>"));
        QVERIFY(DomainXml::mirrorReady(live, QStringLiteral("vda")));
        QVERIFY(!DomainXml::mirrorReady(live, QStringLiteral("sda")));
    }

    void replicaAnswersAreReadStrictly()
    {
        const QByteArray served = R"({"name":"db-1-vda","file":"/r/db-1-vda.qcow2",)"
                                  R"("nbd":"nbd://10.0.0.9:10810/db-1-vda","host":"10.0.0.9",)"
                                  R"("port":10810,"pid":42,"sizeBytes":67108864})";
        auto r = Replica::fromJson(QJsonDocument::fromJson(served).object());
        QVERIFY2(r.ok(), qPrintable(r.error()));
        QVERIFY(r->serving);
        QCOMPARE(r->port, 10810);
        QCOMPARE(r->sizeBytes, 67108864);
        const QString dest = r->destinationXml();
        QVERIFY(dest.contains(QLatin1String("protocol=\"nbd\"")));
        QVERIFY(dest.contains(QLatin1String("name=\"db-1-vda\"")));
        QVERIFY(dest.contains(QLatin1String("name=\"10.0.0.9\" port=\"10810\"")));
        QVERIFY(dest.contains(QLatin1String("type=\"raw\"")));

        const QByteArray stopped = R"({"name":"db-1-vda","file":"/r/db-1-vda.qcow2",)"
                                   R"("serving":false,"port":null,"frozen":false})";
        QVERIFY(!Replica::fromJson(QJsonDocument::fromJson(stopped).object())->serving);
        QVERIFY(!Replica::fromJson(QJsonDocument::fromJson(R"({"port":1})").object()).ok());
    }

    // A real process behind the agent's transport: an answer that is not
    // JSON, a failing command and a missing program are errors in words.
    void agentTransportFailuresAreClear()
    {
        auto notJson = CommandReplicaAgent(QStringLiteral("echo")).status(QStringLiteral("x"));
        QVERIFY(!notJson.ok());
        QVERIFY2(notJson.error().contains(QLatin1String("not JSON")), qPrintable(notJson.error()));
        auto failing = CommandReplicaAgent(QStringLiteral("false")).status(QStringLiteral("x"));
        QVERIFY(!failing.ok());
        QVERIFY2(failing.error().contains(QLatin1String("exit 1")), qPrintable(failing.error()));
        auto missing = CommandReplicaAgent(QStringLiteral("/nonexistent/umbra-replica"))
                           .status(QStringLiteral("x"));
        QVERIFY(!missing.ok());
        QVERIFY2(missing.error().contains(QLatin1String("does not start")),
                 qPrintable(missing.error()));
        auto nothing = CommandReplicaAgent(QString()).status(QStringLiteral("x"));
        QVERIFY(!nothing.ok());
    }

    void journalKeepsShadowsAcrossConnections()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("umbra.db"));
        QVERIFY(Database::open(path, QStringLiteral("create")).ok());
        ShadowRecord r;
        r.primaryUuid = QStringLiteral("u-1");
        r.primaryName = QStringLiteral("db-1");
        r.primaryUri = QStringLiteral("qemu+tcp://a/system");
        r.shadowUri = QStringLiteral("qemu+tcp://s/system");
        r.shadowName = QStringLiteral("db-1-shadow");
        r.memoryKiB = 131072;
        r.vcpus = 2;
        r.disks.append({ QStringLiteral("vda"), QStringLiteral("db-1-vda"),
                         QStringLiteral("/r/db-1-vda.qcow2"), 67108864, QStringLiteral("10.0.0.9"),
                         10809 });
        r.primaryXml = QString::fromUtf8(kDomain);
        qint64 id = 0;
        {
            auto journal = ShadowJournal::open(path, QStringLiteral("one"));
            QVERIFY(journal.ok());
            auto created = journal.value()->create(r);
            QVERIFY2(created.ok(), qPrintable(created.error()));
            id = created.value();
            r.id = id;
            r.state = State::InSync;
            r.seeds = 1;
            r.syncedMs = 1234;
            QVERIFY(journal.value()
                        ->update(r, QStringLiteral("state"), QStringLiteral("in sync"))
                        .ok());
            QVERIFY(journal.value()
                        ->setAgent({ r.shadowUri, QStringLiteral("ssh root@s umbra-replica"), {} })
                        .ok());
        }
        auto journal = ShadowJournal::open(path, QStringLiteral("two"));
        QVERIFY(journal.ok());
        auto back = journal.value()->liveShadowOf(QStringLiteral("db-1"));
        QVERIFY(back.ok() && back->has_value());
        const ShadowRecord &s = back->value();
        QCOMPARE(s.id, id);
        QCOMPARE(s.state, State::InSync);
        QCOMPARE(s.disks.size(), 1);
        QCOMPARE(s.disks[0].port, 10809);
        QCOMPARE(s.disks[0].file, QStringLiteral("/r/db-1-vda.qcow2"));
        QCOMPARE(s.memoryKiB, quint64(131072));
        QCOMPARE(s.syncedMs, 1234);
        QCOMPARE(s.primaryXml, QString::fromUtf8(kDomain));
        QCOMPARE(s.events.size(), 2); // created, then in sync
        QCOMPARE(journal.value()->live()->size(), 1);
        auto agents = journal.value()->agents();
        QCOMPARE(agents->value(r.shadowUri).command, QStringLiteral("ssh root@s umbra-replica"));
        QCOMPARE(agents->value(r.shadowUri).effectiveAddress(), QStringLiteral("s"));

        ShadowRecord removed = s;
        removed.state = State::Removed;
        QVERIFY(journal.value()->update(removed).ok());
        QVERIFY(!journal.value()->liveShadowOf(QStringLiteral("u-1"))->has_value());
        QCOMPARE(journal.value()->history()->first().state, State::Removed);
        QVERIFY(!journal.value()->shadow(id + 1).ok());
    }
};

QTEST_GUILESS_MAIN(TestShadow)
#include "tst_shadow.moc"
