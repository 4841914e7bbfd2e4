// The Prometheus text parser and the hardware readings: real exporter pages
// read exactly, every malformed line skipped and counted, and no input at all
// — mutated, truncated or random — makes it crash or grow without bound.
#include "exporterpages.h"
#include "hardware/exposition.h"
#include "hardware/hardwarereadings.h"

#include <QFile>
#include <QRandomGenerator>
#include <QTest>
#include <cmath>

using namespace Umbra::Hardware;

namespace {

const DriveReadings *findDrive(const HardwareReadings &r, const QString &device)
{
    for (const DriveReadings &d : r.drives)
        if (d.device == device)
            return &d;
    return nullptr;
}

const Temperature *findSensor(const HardwareReadings &r, const QString &sensor)
{
    for (const Temperature &t : r.temperatures)
        if (t.sensor == sensor)
            return &t;
    return nullptr;
}

} // namespace

class TestExposition : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void nodeExporterPage();
    void smartctlExporterPage();
    void crlfPageReadsTheSame();
    void validEdgeCases();
    void malformedLineIsSkipped_data();
    void malformedLineIsSkipped();
    void firstErrorNamesTheLine();
    void limitsBoundTheResult();
    void edacRateFromTwoReadings();
    void csrowsStandInForControllerTotals();
    void fuzzNeverCrashes();
};

void TestExposition::nodeExporterPage()
{
    const Exposition page
        = parseExposition(Umbra::Test::exporterPage(QStringLiteral("node_exporter.prom")));
    QCOMPARE(page.skippedLines, 0);
    QVERIFY(page.firstError.isEmpty());
    QCOMPARE(page.samples.size(), 43);
    QCOMPARE(page.types.value(QStringLiteral("go_gc_duration_seconds")), u"summary");
    QCOMPARE(page.types.value(QStringLiteral("node_edac_correctable_errors_total")), u"counter");

    const Sample *inf = nullptr;
    for (const Sample &s : page.samples)
        if (s.label(u"le") == u"+Inf")
            inf = &s;
    QVERIFY(inf);
    QCOMPARE(inf->value, 25548.0);
    QCOMPARE(inf->labels.size(), 2);
    QCOMPARE(inf->labels[0].first, u"handler"); // sorted by name
    QCOMPARE(page.samples.last().value, 1.70004235784e+09);

    const HardwareReadings r = readHardware(page.samples);
    QVERIFY(r.drives.isEmpty());
    QCOMPARE(r.edacCorrected, 15.0); // controller totals, not also their csrows
    QCOMPARE(r.edacUncorrected, 0.0);
    QCOMPARE(r.memoryAvailableBytes, 2.9423616e+10);
    QCOMPARE(r.memoryTotalBytes, 6.7319431168e+10);
    QCOMPARE(r.temperatures.size(), 4);
    const Temperature *package = findSensor(r, QStringLiteral("platform_coretemp_0 Package id 0"));
    QVERIFY(package);
    QCOMPARE(package->celsius, 54.0);
    QCOMPARE(package->critCelsius, 100.0);
    QCOMPARE(package->maxCelsius, 84.0);
    const Temperature *zone = findSensor(r, QStringLiteral("thermal_thermal_zone0/temp0"));
    QVERIFY(zone);
    QVERIFY(!zone->critCelsius);
}

void TestExposition::smartctlExporterPage()
{
    const Exposition page
        = parseExposition(Umbra::Test::exporterPage(QStringLiteral("smartctl_exporter.prom")));
    QCOMPARE(page.skippedLines, 0);
    const HardwareReadings r = readHardware(page.samples);
    QCOMPARE(r.drives.size(), 2);
    QVERIFY(!r.edacCorrected);

    const DriveReadings *sda = findDrive(r, QStringLiteral("sda"));
    QVERIFY(sda);
    QCOMPARE(sda->model, u"ST4000DM000-1F2168");
    QCOMPARE(sda->serial, u"Z300AB66");
    QCOMPARE(sda->smartRaw.at(5), 232.0);
    QCOMPARE(sda->smartRaw.at(187), 561.0);
    QCOMPARE(sda->smartRaw.at(197), 3928.0);
    QCOMPARE(sda->smartRaw.at(198), 3928.0);
    QCOMPARE(sda->smartRaw.at(194), 3.8654705703e+10); // raw packs min/max: kept as sent
    QCOMPARE(sda->temperatureCelsius, 38.0); // "current", not "drive_trip"
    QCOMPARE(sda->powerOnHours, 5000.0);
    QCOMPARE(sda->smartPassed, false);

    const DriveReadings *sdb = findDrive(r, QStringLiteral("sdb"));
    QVERIFY(sdb);
    QCOMPARE(sdb->smartPassed, true);
    QCOMPARE(sdb->smartRaw.at(5), 0.0);
    QVERIFY(!sdb->smartRaw.contains(187));
}

void TestExposition::crlfPageReadsTheSame()
{
    QByteArray page = Umbra::Test::exporterPage(QStringLiteral("node_exporter.prom"))
        + Umbra::Test::exporterPage(QStringLiteral("smartctl_exporter.prom"));
    const Exposition lf = parseExposition(page);
    page.replace("\n", "\r\n");
    const Exposition crlf = parseExposition(page);
    QCOMPARE(crlf.skippedLines, 0);
    QCOMPARE(crlf.samples.size(), lf.samples.size());
    for (qsizetype i = 0; i < lf.samples.size(); ++i) {
        QCOMPARE(crlf.samples[i].name, lf.samples[i].name);
        QCOMPARE(crlf.samples[i].labels, lf.samples[i].labels);
    }
    const HardwareReadings r = readHardware(crlf.samples);
    QCOMPARE(r.drives.size(), 2);
    QCOMPARE(r.temperatures.size(), 4);
}

void TestExposition::validEdgeCases()
{
    const QByteArray page = "metric_a{} 1\n"
                            "metric_b{a=\"b\",} 2\n"
                            "  metric_c\t{ a = \"x\\\\y\\\"z\\nw\" }\t3   \n"
                            "metric_d +Inf\n"
                            "metric_e -Inf\n"
                            "metric_f NaN\n"
                            "metric_g 1e999\n"
                            "metric_h -1e999\n"
                            "metric_i 1e-999\n"
                            "metric_j 4 -5\n"
                            "metric_k 5 1700000000000\n"
                            "metric:colon{label=\"\xc3\xa9t\xc3\xa9\"} 6\n"
                            "metric_l{a=\"{}=,#\"} 7\n"
                            "# a plain comment\n"
                            "#\n"
                            "   \n"
                            "\n"
                            "# HELP metric_a Help with \\\\ and \\n escapes.\n"
                            "# TYPE metric_a gauge\n"
                            "metric_m -0.5e+3";
    const Exposition e = parseExposition(page);
    QCOMPARE(e.skippedLines, 0);
    QCOMPARE(e.samples.size(), 14);
    QCOMPARE(e.samples[2].label(u"a"), u"x\\y\"z\nw");
    QCOMPARE(e.samples[2].value, 3.0);
    QVERIFY(std::isinf(e.samples[3].value) && e.samples[3].value > 0);
    QVERIFY(std::isinf(e.samples[4].value) && e.samples[4].value < 0);
    QVERIFY(std::isnan(e.samples[5].value));
    QVERIFY(std::isinf(e.samples[6].value) && e.samples[6].value > 0);
    QVERIFY(std::isinf(e.samples[7].value) && e.samples[7].value < 0);
    QCOMPARE(e.samples[8].value, 0.0);
    QCOMPARE(e.samples[9].timestampMs, qint64(-5));
    QCOMPARE(e.samples[10].timestampMs, qint64(1700000000000));
    QVERIFY(!e.samples[0].timestampMs);
    QCOMPARE(e.samples[11].name, u"metric:colon");
    QCOMPARE(e.samples[11].label(u"label"), QString::fromUtf8("\xc3\xa9t\xc3\xa9"));
    QCOMPARE(e.samples[12].label(u"a"), u"{}=,#");
    QCOMPARE(e.samples[13].value, -500.0);
    QCOMPARE(e.types.value(QStringLiteral("metric_a")), u"gauge");

    // Non-finite and nonsensical figures never become readings.
    const Exposition odd = parseExposition(
        "node_edac_correctable_errors_total{controller=\"0\"} NaN\n"
        "node_memory_MemTotal_bytes +Inf\n"
        "smartctl_device_smart_status{device=\"sda\"} 7\n"
        "smartctl_device_attribute{device=\"sda\",attribute_id=\"300\",attribute_value_type="
        "\"raw\"} 1\n"
        "smartctl_device_attribute{device=\"sda\",attribute_id=\"x\",attribute_value_type=\"raw\"} "
        "1\n"
        "smartctl_device_attribute{attribute_id=\"5\",attribute_value_type=\"raw\"} 1\n"
        "node_hwmon_temp_celsius{chip=\"c\",sensor=\"temp1\"} -Inf\n");
    QCOMPARE(odd.skippedLines, 0);
    const HardwareReadings r = readHardware(odd.samples);
    QVERIFY(!r.edacCorrected);
    QVERIFY(!r.memoryTotalBytes);
    QVERIFY(r.drives.isEmpty()); // nothing usable was said about any drive
    QVERIFY(r.temperatures.isEmpty());
}

void TestExposition::malformedLineIsSkipped_data()
{
    QTest::addColumn<QByteArray>("line");
    QTest::newRow("unclosed brace") << QByteArray("m{a=\"b\" 1");
    QTest::newRow("unclosed quote") << QByteArray("m{a=\"b} 1");
    QTest::newRow("unquoted value") << QByteArray("m{a=b} 1");
    QTest::newRow("bad escape") << QByteArray("m{a=\"\\t\"} 1");
    QTest::newRow("escape at end") << QByteArray("m{a=\"\\");
    QTest::newRow("duplicate label") << QByteArray("m{a=\"x\",a=\"y\"} 1");
    QTest::newRow("label starts with digit") << QByteArray("m{1a=\"x\"} 1");
    QTest::newRow("colon in label name") << QByteArray("m{a:b=\"x\"} 1");
    QTest::newRow("lone comma") << QByteArray("m{,} 1");
    QTest::newRow("double comma") << QByteArray("m{a=\"b\",,} 1");
    QTest::newRow("missing equals") << QByteArray("m{a \"b\"} 1");
    QTest::newRow("text after timestamp") << QByteArray("m 1 2 3");
    QTest::newRow("word value") << QByteArray("m abc");
    QTest::newRow("no value") << QByteArray("m");
    QTest::newRow("no value after labels") << QByteArray("m{a=\"b\"}");
    QTest::newRow("double sign") << QByteArray("m ++1");
    QTest::newRow("sign then minus") << QByteArray("m +-1");
    QTest::newRow("hex value") << QByteArray("m 0x10");
    QTest::newRow("comma decimal") << QByteArray("m 1,5");
    QTest::newRow("fractional timestamp") << QByteArray("m 1 12.5");
    QTest::newRow("timestamp overflow") << QByteArray("m 1 99999999999999999999999");
    QTest::newRow("name starts with digit") << QByteArray("1m 1");
    QTest::newRow("dash in name") << QByteArray("metric-name 1");
    QTest::newRow("no name") << QByteArray("{a=\"b\"} 1");
    QTest::newRow("nul in name") << QByteArray("m\0x 1", 5);
    QTest::newRow("invalid utf-8 label") << QByteArray("m{a=\"\xff\xfe\"} 1");
    QTest::newRow("unknown type") << QByteArray("# TYPE m bogus");
    QTest::newRow("type without name") << QByteArray("# TYPE");
    QTest::newRow("type with bad name") << QByteArray("# TYPE 9m gauge");
    QTest::newRow("type with extra words") << QByteArray("# TYPE m gauge extra");
    QTest::newRow("help bad escape") << QByteArray("# HELP m a \\x escape");
    QTest::newRow("help without name") << QByteArray("# HELP  ");
    QTest::newRow("stray carriage return") << QByteArray("m\r1");
    QTest::newRow("html") << QByteArray("<html><body>Not Found</body></html>");
    QTest::newRow("json") << QByteArray("{\"status\":\"error\"}");
}

void TestExposition::malformedLineIsSkipped()
{
    QFETCH(QByteArray, line);
    const QByteArray page = "good_before 1\n" + line + "\ngood_after{x=\"y\"} 2\n";
    const Exposition e = parseExposition(page);
    QCOMPARE(e.skippedLines, 1);
    QVERIFY2(e.firstError.startsWith(u"line 2: "), qPrintable(e.firstError));
    QCOMPARE(e.samples.size(), 2);
    QCOMPARE(e.samples[0].name, u"good_before");
    QCOMPARE(e.samples[1].name, u"good_after");
    QVERIFY(!e.truncated);
}

void TestExposition::firstErrorNamesTheLine()
{
    const Exposition e
        = parseExposition("# TYPE m gauge\n# TYPE m counter\nm 1\nm{a=\"\\q\"} 2\nm abc\n");
    QCOMPARE(e.skippedLines, 3);
    QCOMPARE(e.samples.size(), 1);
    QVERIFY2(e.firstError.startsWith(u"line 2: ") && e.firstError.contains(u"second TYPE"),
             qPrintable(e.firstError));
    QCOMPARE(e.types.value(QStringLiteral("m")), u"gauge");
}

void TestExposition::limitsBoundTheResult()
{
    ExpositionLimits limits;
    limits.maxLineBytes = 100;
    limits.maxLabels = 3;
    limits.maxSamples = 10;

    QByteArray page = "long{a=\"" + QByteArray(200, 'x') + "\"} 1\n";
    page += "many{a=\"1\",b=\"2\",c=\"3\",d=\"4\"} 1\n";
    page += "three{a=\"1\",b=\"2\",c=\"3\"} 1\n";
    for (int i = 0; i < 50; ++i)
        page += "s" + QByteArray::number(i) + " 1\n";
    const Exposition e = parseExposition(page, limits);
    QVERIFY(e.truncated);
    QCOMPARE(e.samples.size(), 10);
    QCOMPARE(e.samples[0].name, u"three");
    QCOMPARE(e.skippedLines, 3); // long, many, and the line where reading stopped
    QVERIFY(e.firstError.startsWith(u"line 1: "));

    // A huge line without a single line break costs one skipped line, not memory.
    const Exposition one = parseExposition(QByteArray(8 * 1024 * 1024, 'a'));
    QCOMPARE(one.skippedLines, 1);
    QVERIFY(one.samples.isEmpty());
}

void TestExposition::edacRateFromTwoReadings()
{
    HardwareReadings earlier;
    earlier.timestampMs = 1'000'000;
    earlier.edacCorrected = 10;
    HardwareReadings later = earlier;
    later.timestampMs = earlier.timestampMs + 6 * 3600 * 1000;
    later.edacCorrected = 13;
    QCOMPARE(edacCorrectedPerDay(earlier, later), 12.0);

    HardwareReadings rebooted = later;
    rebooted.edacCorrected = 2;
    QVERIFY(!edacCorrectedPerDay(earlier, rebooted)); // the counter started over
    QVERIFY(!edacCorrectedPerDay(later, earlier)); // out of order
    HardwareReadings soon = earlier;
    soon.timestampMs += 1000;
    soon.edacCorrected = 11;
    QVERIFY(!edacCorrectedPerDay(earlier, soon)); // too close to say
    QVERIFY(!edacCorrectedPerDay(HardwareReadings{}, later));

    HardwareReadings drives;
    drives.drives.append(DriveReadings{ QStringLiteral("sda"), {}, {}, {}, {}, {}, {} });
    const HardwareReadings merged = mergeReadings(later, drives);
    QCOMPARE(merged.drives.size(), 1);
    QCOMPARE(merged.edacCorrected, 13.0);
}

void TestExposition::csrowsStandInForControllerTotals()
{
    const Exposition e = parseExposition(
        "node_edac_csrow_correctable_errors_total{controller=\"0\",csrow=\"0\"} 4\n"
        "node_edac_csrow_correctable_errors_total{controller=\"0\",csrow=\"1\"} 5\n"
        "node_edac_csrow_uncorrectable_errors_total{controller=\"0\",csrow=\"1\"} 1\n");
    const HardwareReadings r = readHardware(e.samples);
    QCOMPARE(r.edacCorrected, 9.0);
    QCOMPARE(r.edacUncorrected, 1.0);
}

void TestExposition::fuzzNeverCrashes()
{
    const QList<QByteArray> seeds = {
        Umbra::Test::exporterPage(QStringLiteral("node_exporter.prom")),
        Umbra::Test::exporterPage(QStringLiteral("smartctl_exporter.prom")),
    };
    // Bytes that matter to the grammar turn up more often than chance would have them.
    static const char interesting[] = "{}\"\\=, \t\n\r#+-.eE0123456789InfNaHELPTYPE\xff\xc3";
    QRandomGenerator random(20261130);
    ExpositionLimits limits;
    limits.maxLineBytes = 4096;
    limits.maxLabels = 16;
    limits.maxSamples = 500;

    const int rounds = qEnvironmentVariableIntValue("UMBRA_FUZZ_ROUNDS") > 0
        ? qEnvironmentVariableIntValue("UMBRA_FUZZ_ROUNDS")
        : 200'000;
    qint64 samples = 0;
    qint64 skipped = 0;
    for (int round = 0; round < rounds; ++round) {
        QByteArray input;
        if (round % 10 == 9) {
            // Random garbage, some of it shaped like lines.
            input.resize(random.bounded(1, 600));
            for (char &c : input)
                c = random.bounded(4) == 0
                    ? interesting[random.bounded(int(sizeof interesting) - 1)]
                    : char(random.bounded(256));
        } else {
            // A window of a real page, then mutations: byte flips, insertions,
            // deletions, duplicated spans, truncation.
            const QByteArray &seed = seeds[round % seeds.size()];
            const qsizetype start = random.bounded(int(seed.size()));
            input = seed.mid(start, random.bounded(1, 1200));
            const int mutations = random.bounded(1, 8);
            for (int m = 0; m < mutations && !input.isEmpty(); ++m) {
                const qsizetype at = random.bounded(int(input.size()));
                switch (random.bounded(5)) {
                case 0:
                    input[at] = char(input[at] ^ (1 << random.bounded(8)));
                    break;
                case 1:
                    input.insert(at, interesting[random.bounded(int(sizeof interesting) - 1)]);
                    break;
                case 2:
                    input.remove(at, random.bounded(1, 16));
                    break;
                case 3:
                    input.insert(at, input.mid(at, random.bounded(1, 64)));
                    break;
                default:
                    input.truncate(at);
                    break;
                }
            }
        }
        const Exposition e = parseExposition(input, limits);
        QVERIFY(e.samples.size() <= limits.maxSamples);
        for (const Sample &s : e.samples)
            QVERIFY(s.labels.size() <= limits.maxLabels);
        const HardwareReadings r = readHardware(e.samples);
        QVERIFY(r.drives.size() <= 256);
        samples += e.samples.size();
        skipped += e.skippedLines;
    }
    qInfo("%d inputs: %lld samples read, %lld lines skipped", rounds, samples, skipped);
}

QTEST_GUILESS_MAIN(TestExposition)
#include "tst_exposition.moc"
