// The hardware watch's memory across restarts: the daily SMART readings
// behind each drive's 30-day changes are saved and restored, so a console
// restarted ten days after a drive started to reallocate still sees the
// rise; malformed saved readings are refused and change nothing.
#include "exporterpages.h"
#include "hardware/exposition.h"
#include "predict/hardwarewatch.h"

#include <QSignalSpy>
#include <QTest>

using namespace Umbra;
using namespace Umbra::Hardware;

namespace {

const QString kHost = QStringLiteral("qemu+tcp://10.0.0.1/system");
constexpr qint64 kDayMs = 24 * 3600 * 1000LL;
constexpr qint64 kStartMs = 1760000000000;

HardwareReadings readings(qint64 timeMs, double hours, double reallocated, double pending)
{
    DriveReadings drive;
    drive.device = QStringLiteral("sda");
    drive.model = QStringLiteral("ST4000DM000");
    drive.serial = QStringLiteral("Z300AB66");
    drive.powerOnHours = hours;
    drive.smartRaw = { { 5, reallocated }, { 9, hours }, { 12, 4 },        { 187, 0 },
                       { 188, 0 },         { 189, 0 },   { 197, pending }, { 198, pending } };
    HardwareReadings r;
    r.timestampMs = timeMs;
    r.drives.append(drive);
    return r;
}

// The one drive of the host as last assessed (a default one if there is not
// exactly one).
DriveAssessment onlyDrive(const HardwareWatch &watch)
{
    const QList<DriveAssessment> drives = watch.report(kHost).drives;
    return drives.size() == 1 ? drives.first() : DriveAssessment{};
}

} // namespace

class TestHardwareWatch : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void implausibleReadingsNeverRaiseRisk()
    {
        // One broken exporter must not evacuate a host: a reallocated-sector
        // count of 1e308, a NaN and a 1000 °C sensor are left out of the
        // risk and reported once, and the rest of the page still counts.
        const QByteArray page = Umbra::Test::exporterPage(QStringLiteral("smartctl_exporter.prom"));
        const QByteArray reallocated = "attribute_value_type=\"raw\",device=\"/dev/sda\"} 232";
        QVERIFY(page.contains(reallocated));
        QByteArray broken = page;
        broken.replace(reallocated, "attribute_value_type=\"raw\",device=\"/dev/sda\"} 1e308");
        broken += "smartctl_device_temperature{device=\"/dev/sdb\",temperature_type=\"current\"} "
                  "NaN\nnode_hwmon_temp_celsius{chip=\"platform_coretemp_0\",sensor=\"temp1\"} "
                  "1000\nnode_edac_correctable_errors_total{controller=\"0\"} -4\n";
        QByteArray without = page;
        without.replace(reallocated, "attribute_value_type=\"raw\",device=\"/dev/sda\"} 0");

        HardwareReadings bad = readHardware(parseExposition(broken).samples);
        QCOMPARE(bad.implausible.size(), 4);
        QVERIFY2(bad.implausible.first().contains(QLatin1String("Reallocated_Sector_Ct")),
                 qPrintable(bad.implausible.first()));
        QVERIFY(!bad.drives.first().smartRaw.contains(5));
        QVERIFY(bad.temperatures.isEmpty());
        QVERIFY(!bad.edacCorrected);
        QVERIFY(readHardware(parseExposition(page).samples).implausible.isEmpty());

        HardwareWatch watch;
        QSignalSpy flagged(&watch, &HardwareWatch::flagged);
        bad.timestampMs = kStartMs;
        watch.noteReadings(kHost, bad);
        HardwareWatch reference;
        HardwareReadings clean = readHardware(parseExposition(without).samples);
        clean.drives.first().smartRaw.erase(5);
        clean.timestampMs = kStartMs;
        reference.noteReadings(kHost, clean);
        QCOMPARE(watch.report(kHost).risk.risk, reference.report(kHost).risk.risk);
        QCOMPARE(watch.report(kHost).risk.moveVms, reference.report(kHost).risk.moveVms);

        auto dataEvents = [&] {
            int n = 0;
            for (const QList<QVariant> &args : std::as_const(flagged))
                n += args.first().value<EventRecord>().kind == u"host.hardware_data";
            return n;
        };
        QCOMPARE(dataEvents(), 1);
        bad.timestampMs = kStartMs + 60000;
        watch.noteReadings(kHost, bad);
        QCOMPARE(dataEvents(), 1); // once, not at every read
        clean.timestampMs = kStartMs + 120000;
        watch.noteReadings(kHost, clean);
        bad.timestampMs = kStartMs + 180000;
        watch.noteReadings(kHost, bad);
        QCOMPARE(dataEvents(), 2); // and again once it came back after sound readings
    }

    void restartKeepsTheThirtyDayChanges()
    {
        QByteArray saved;
        {
            HardwareWatch before;
            before.noteReadings(kHost, readings(kStartMs, 4000, 0, 0));
            QVERIFY(!onlyDrive(before).comparedWithEarlier); // nothing older yet
            saved = before.saveDriveHistory();
        }

        // Ten days later, after a restart: the rise is measured from the
        // reading the first run took.
        HardwareWatch after;
        QVERIFY(after.restoreDriveHistory(saved));
        after.noteReadings(kHost, readings(kStartMs + 10 * kDayMs, 4240, 8, 40));
        QVERIFY(onlyDrive(after).comparedWithEarlier);
        const double withHistory = onlyDrive(after).risk.risk;

        // Without the saved readings the same page has no change to go by.
        HardwareWatch forgetful;
        forgetful.noteReadings(kHost, readings(kStartMs + 10 * kDayMs, 4240, 8, 40));
        QVERIFY(!onlyDrive(forgetful).comparedWithEarlier);
        QVERIFY(onlyDrive(forgetful).risk.risk != withHistory);

        // Saved again, the history holds both readings.
        HardwareWatch again;
        QVERIFY(again.restoreDriveHistory(after.saveDriveHistory()));
        QCOMPARE(again.saveDriveHistory(), after.saveDriveHistory());
    }

    void savedReadingsGoBeforeThisRunsOwn()
    {
        HardwareWatch first;
        first.noteReadings(kHost, readings(kStartMs, 4000, 0, 0));
        const QByteArray saved = first.saveDriveHistory();

        // The host was read before the saved readings were restored.
        HardwareWatch watch;
        watch.noteReadings(kHost, readings(kStartMs + 10 * kDayMs, 4240, 8, 40));
        QVERIFY(!onlyDrive(watch).comparedWithEarlier);
        QVERIFY(watch.restoreDriveHistory(saved));
        watch.noteReadings(kHost, readings(kStartMs + 11 * kDayMs, 4264, 8, 48));
        QVERIFY(onlyDrive(watch).comparedWithEarlier);
    }

    void malformedSavedReadingsChangeNothing_data()
    {
        QTest::addColumn<QByteArray>("saved");
        QTest::newRow("not JSON") << QByteArray("\x89PNG garbage");
        QTest::newRow("empty object") << QByteArray("{}");
        QTest::newRow("newer version") << QByteArray(R"({"version":2,"hosts":{}})");
        QTest::newRow("hosts not an object") << QByteArray(R"({"version":1,"hosts":[1]})");
        QTest::newRow("reading without time")
            << QByteArray(R"({"version":1,"hosts":{"h":{"sda":[{"raw":{"5":1}}]}}})");
        QTest::newRow("attribute id out of range")
            << QByteArray(R"({"version":1,"hosts":{"h":{"sda":[{"t":1,"raw":{"900":1}}]}}})");
        QTest::newRow("value not a number")
            << QByteArray(R"({"version":1,"hosts":{"h":{"sda":[{"t":1,"raw":{"5":"x"}}]}}})");
        QTest::newRow("readings out of order") << QByteArray(
            R"({"version":1,"hosts":{"h":{"sda":[{"t":5,"raw":{}},{"t":2,"raw":{}}]}}})");
    }

    void malformedSavedReadingsChangeNothing()
    {
        QFETCH(QByteArray, saved);
        HardwareWatch watch;
        watch.noteReadings(kHost, readings(kStartMs, 4000, 0, 0));
        const QByteArray before = watch.saveDriveHistory();
        QVERIFY(!watch.restoreDriveHistory(saved));
        QCOMPARE(watch.saveDriveHistory(), before);
    }
};

QTEST_GUILESS_MAIN(TestHardwareWatch)
#include "tst_hardwarewatch.moc"
