#include "commandline.h"

#include "collect/prometheusapi.h"
#include "metrics/listenaddress.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFileInfo>
#include <QImageWriter>
#include <cstring>
#include <string>

namespace Umbra {

bool isHeadless(int argc, char **argv)
{
    static const char *const headless[] = { "--print-inventory",
                                            "--export-csv",
                                            "--import-csv",
                                            "--audit-verify",
                                            "--backup",
                                            "--policy-once",
                                            "--autopilot",
                                            "--automation",
                                            "--help",
                                            "-h",
                                            "--version",
                                            "-v" };
    for (int i = 1; i < argc; ++i) {
        // "--automation=automatic" is "--automation" as much as with a space.
        const std::string name = std::string(argv[i]).substr(0, std::string(argv[i]).find('='));
        for (const char *option : headless)
            if (name == option)
                return true;
        if (MigrateCommand::isMigrateSwitch(name.c_str())
            || TrafficCommand::isTrafficSwitch(name.c_str())
            || ShadowCommand::isShadowSwitch(name.c_str()))
            return true;
    }
    return false;
}

std::optional<qint64> parseDuration(const QString &text)
{
    static const QList<std::pair<QChar, qint64>> units{
        { QLatin1Char('s'), 1000 },
        { QLatin1Char('m'), 60 * 1000 },
        { QLatin1Char('h'), 3600 * 1000 },
        { QLatin1Char('d'), 86400 * 1000 },
        { QLatin1Char('w'), 7 * 86400 * 1000 },
        { QLatin1Char('y'), 365LL * 86400 * 1000 },
    };
    if (text.size() < 2)
        return std::nullopt;
    for (const auto &[unit, ms] : units) {
        if (text.back() != unit)
            continue;
        bool ok = false;
        const double count = text.chopped(1).toDouble(&ok);
        if (!ok || count <= 0 || count > 1000 * 365)
            return std::nullopt;
        return qint64(count * double(ms));
    }
    return std::nullopt;
}

namespace {

// "raw=48h,1m=14d,5m=90d,1h=2y", any subset.
QString parseRetention(const QString &text, Series::Retention &retention)
{
    for (const QString &part : text.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const QString key = part.section(QLatin1Char('='), 0, 0).trimmed();
        const auto duration = parseDuration(part.section(QLatin1Char('='), 1).trimmed());
        qint64 *target = key == QLatin1String("raw") ? &retention.rawMs
            : key == QLatin1String("1m")             ? &retention.minuteMs
            : key == QLatin1String("5m")             ? &retention.fiveMinutesMs
            : key == QLatin1String("1h")             ? &retention.hourMs
                                                     : nullptr;
        if (!target || !duration)
            return QCoreApplication::translate("main",
                                               "--retention wants resolution=duration pairs "
                                               "such as raw=48h,1m=14d,5m=90d,1h=2y, not “%1”.")
                .arg(part);
        *target = *duration;
    }
    return {};
}

} // namespace

CommandLine parseCommandLine(const QCoreApplication &app)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
        "main", "Umbra: an operations console for KVM/QEMU fleets that acts ahead of trouble."));
    parser.addHelpOption();
    parser.addVersionOption();

    const QCommandLineOption connect(
        QStringLiteral("connect"),
        QCoreApplication::translate("main",
                                    "Add the libvirt host <uri> to the fleet (repeatable): "
                                    "test:///default, test:///path/fleet.xml, qemu:///system, "
                                    "qemu+ssh://user@host/system, qemu+tcp://…, qemu+tls://…."),
        QStringLiteral("uri"));
    const QCommandLineOption demo(
        QStringLiteral("demo"),
        QCoreApplication::translate("main",
                                    "Run on the built-in demo fleet (libvirt's test "
                                    "driver, usage simulated by a workload generator)."));
    const QCommandLineOption database(
        QStringLiteral("database"),
        QCoreApplication::translate("main",
                                    "Keep history in the SQLite file <path> (default: "
                                    "umbra.db, or demo.db with --demo, in the user's "
                                    "data folder)."),
        QStringLiteral("path"));
    const QCommandLineOption interval(
        QStringLiteral("interval"),
        QCoreApplication::translate("main", "Collect statistics every <seconds> (default 5)."),
        QStringLiteral("seconds"), QStringLiteral("5"));
    const QCommandLineOption printInventory(
        QStringLiteral("print-inventory"),
        QCoreApplication::translate("main",
                                    "Print the inventory of the given hosts as JSON on "
                                    "standard output and exit, without a window."));
    const QCommandLineOption timeout(
        QStringLiteral("timeout"),
        QCoreApplication::translate("main",
                                    "With --print-inventory, give up on a host after <seconds> "
                                    "(default 30)."),
        QStringLiteral("seconds"), QStringLiteral("30"));
    const QCommandLineOption screenshot(
        QStringLiteral("screenshot"),
        QCoreApplication::translate("main",
                                    "Render the main window to the PNG file <path> "
                                    "before quitting (use with --quit-after)."),
        QStringLiteral("path"));
    const QCommandLineOption quitAfter(QStringLiteral("quit-after"),
                                       QCoreApplication::translate("main", "Quit after <seconds>."),
                                       QStringLiteral("seconds"));
    const QCommandLineOption theme(
        QStringLiteral("theme"),
        QCoreApplication::translate("main", "Colour theme: light or dark."),
        QStringLiteral("name"));

    const QCommandLineOption retention(
        QStringLiteral("retention"),
        QCoreApplication::translate("main",
                                    "Keep history per resolution for the given durations, "
                                    "e.g. raw=48h,1m=14d,5m=90d,1h=2y (the defaults)."),
        QStringLiteral("list"));
    const QCommandLineOption exportCsv(
        QStringLiteral("export-csv"),
        QCoreApplication::translate("main",
                                    "Write the stored history of <entity> (vm/NAME, vm/UUID or "
                                    "host/URI) as CSV and exit, without a window."),
        QStringLiteral("entity"));
    const QCommandLineOption since(
        QStringLiteral("since"),
        QCoreApplication::translate("main",
                                    "With --export-csv, how far back to go, e.g. 30m, 24h, 7d "
                                    "(default 24h)."),
        QStringLiteral("duration"), QStringLiteral("24h"));
    const QCommandLineOption output(
        QStringLiteral("output"),
        QCoreApplication::translate("main",
                                    "With --export-csv, the file to write (default: standard "
                                    "output)."),
        QStringLiteral("path"));
    const QCommandLineOption importCsv(
        QStringLiteral("import-csv"),
        QCoreApplication::translate("main",
                                    "Store the series of the CSV file <path> (time first, then "
                                    "one column per series) and exit, without a window."),
        QStringLiteral("path"));
    const QCommandLineOption importAs(
        QStringLiteral("as"),
        QCoreApplication::translate("main",
                                    "With --import-csv, store the columns as series "
                                    "<prefix>/<column> (default: import/<file name>)."),
        QStringLiteral("prefix"));

    const QCommandLineOption exporter(
        QStringLiteral("exporter"),
        QCoreApplication::translate("main",
                                    "Read the hardware health of host <uri> from a Prometheus "
                                    "node or smartctl exporter (repeatable), given as "
                                    "<uri>=<url>, e.g. qemu+tcp://hv1/system="
                                    "http://hv1:9100/metrics."),
        QStringLiteral("uri=url"));

    const QCommandLineOption auditVerify(
        QStringLiteral("audit-verify"),
        QCoreApplication::translate("main",
                                    "Check that the audit trail's chain of hashes is whole, and "
                                    "exit without a window: status 0 when it is, 5 when an entry "
                                    "was changed, removed or inserted."));
    const QCommandLineOption backup(
        QStringLiteral("backup"),
        QCoreApplication::translate("main",
                                    "Write a consistent copy of the database to PATH with "
                                    "SQLite's online backup, also while a console writes to it, "
                                    "and exit without a window."),
        QStringLiteral("path"));
    const QCommandLineOption policyOnce(
        QStringLiteral("policy-once"),
        QCoreApplication::translate("main",
                                    "Collect from the fleet until every host is scored, evaluate "
                                    "the policy once and print what it would propose as JSON, "
                                    "without a window; nothing is stored or executed."));
    const QCommandLineOption autopilot(
        QStringLiteral("autopilot"),
        QCoreApplication::translate("main",
                                    "Run the engine and the policy without a window, acting at "
                                    "the stored automation levels and writing the event log to "
                                    "standard output, until Ctrl-C or --quit-after."));
    const QCommandLineOption automation(
        QStringLiteral("automation"),
        QCoreApplication::translate("main",
                                    "Store the fleet's automation <level> (off, manual, approve "
                                    "or automatic) first; alone, store it and exit."),
        QStringLiteral("level"));
    const QCommandLineOption hardwareInterval(
        QStringLiteral("hardware-interval"),
        QCoreApplication::translate("main",
                                    "Read the hosts' hardware exporters every <seconds> "
                                    "(default 60)."),
        QStringLiteral("seconds"), QStringLiteral("60"));

    const QCommandLineOption prometheus(
        QStringLiteral("prometheus"),
        QCoreApplication::translate("main",
                                    "Read the VM usage of the hosts given with --connect from the "
                                    "Prometheus server at <url>, which scrapes their "
                                    "prometheus-libvirt-exporter, instead of from libvirt; "
                                    "stored with the hosts."),
        QStringLiteral("url"));
    const QCommandLineOption metricsListen(
        QStringLiteral("metrics-listen"),
        QCoreApplication::translate("main",
                                    "Serve Umbra's health scores, forecasts and risks to "
                                    "Prometheus at http://<address>/metrics: PORT (loopback "
                                    "only), ADDRESS:PORT or [IPv6]:PORT."),
        QStringLiteral("address"));

    parser.addOptions({ connect,    exporter,       hardwareInterval, demo,       database,
                        interval,   printInventory, timeout,          screenshot, quitAfter,
                        theme,      retention,      exportCsv,        since,      output,
                        importCsv,  importAs,       auditVerify,      policyOnce, autopilot,
                        automation, metricsListen,  prometheus,       backup });
    MigrateCommand::addOptions(parser);
    TrafficCommand::addOptions(parser);
    ShadowCommand::addOptions(parser);
    parser.process(app); // exits on --help, --version and unknown options

    CommandLine line;
    line.connectUris = parser.values(connect);
    for (const QString &pair : parser.values(exporter)) {
        // The URI may hold '=' in its query, the URL starts with http(s).
        qsizetype split = pair.lastIndexOf(QLatin1String("=http://"));
        if (split < 0)
            split = pair.lastIndexOf(QLatin1String("=https://"));
        if (split <= 0) {
            line.error = QCoreApplication::translate("main",
                                                     "--exporter wants <uri>=<http(s) url>, "
                                                     "not “%1”.")
                             .arg(pair);
            continue;
        }
        line.exporterUrls.insert(pair.left(split), pair.mid(split + 1));
    }
    line.demo = parser.isSet(demo);
    line.databasePath = parser.value(database);
    line.printInventory = parser.isSet(printInventory);
    line.screenshotPath = parser.value(screenshot);
    line.theme = parser.value(theme);

    bool ok = false;
    const double seconds = parser.value(interval).toDouble(&ok);
    if (!ok || seconds < 0.1 || seconds > 3600)
        line.error = QCoreApplication::translate("main",
                                                 "--interval wants seconds between 0.1 "
                                                 "and 3600, not “%1”.")
                         .arg(parser.value(interval));
    else
        line.intervalMs = int(seconds * 1000);

    // Exporters are read over HTTP and smartctl wakes every disk: no faster
    // than once a second, and at least once a day.
    const double hardwareSeconds = parser.value(hardwareInterval).toDouble(&ok);
    if (!ok || hardwareSeconds < 1 || hardwareSeconds > 86400)
        line.error = QCoreApplication::translate("main",
                                                 "--hardware-interval wants seconds between 1 "
                                                 "and 86400, not “%1”.")
                         .arg(parser.value(hardwareInterval));
    else
        line.hardwareIntervalMs = int(hardwareSeconds * 1000);

    line.inventoryTimeoutS = parser.value(timeout).toInt(&ok);
    if (!ok || line.inventoryTimeoutS <= 0)
        line.error = QCoreApplication::translate("main",
                                                 "--timeout wants a positive number of "
                                                 "seconds, not “%1”.")
                         .arg(parser.value(timeout));

    if (parser.isSet(quitAfter)) {
        line.quitAfterS = parser.value(quitAfter).toDouble(&ok);
        if (!ok || line.quitAfterS <= 0)
            line.error = QCoreApplication::translate("main",
                                                     "--quit-after wants a positive "
                                                     "number of seconds, not “%1”.")
                             .arg(parser.value(quitAfter));
    }
    if (!line.screenshotPath.isEmpty() && line.quitAfterS <= 0)
        line.error = QCoreApplication::translate("main",
                                                 "--screenshot needs --quit-after "
                                                 "SECONDS to know when to take it.");
    if (!line.screenshotPath.isEmpty()) {
        // Told before anything is written: an image writer that learns only
        // after opening the file that it cannot write it has already emptied it.
        const QByteArray suffix = QFileInfo(line.screenshotPath).suffix().toLower().toLatin1();
        if (!QImageWriter::supportedImageFormats().contains(suffix))
            line.error = QCoreApplication::translate("main",
                                                     "--screenshot wants a file ending in .png "
                                                     "or .jpg, not “%1”.")
                             .arg(line.screenshotPath);
    }
    if (!line.theme.isEmpty() && line.theme != QLatin1String("light")
        && line.theme != QLatin1String("dark"))
        line.error = QCoreApplication::translate("main", "--theme is light or dark, not “%1”.")
                         .arg(line.theme);
    if (parser.isSet(retention)) {
        if (const QString problem = parseRetention(parser.value(retention), line.retention);
            !problem.isEmpty())
            line.error = problem;
    }
    line.auditVerify = parser.isSet(auditVerify);
    line.backupPath = parser.value(backup);
    line.policyOnce = parser.isSet(policyOnce);
    line.autopilot = parser.isSet(autopilot);
    line.automationLevel = parser.value(automation);
    line.metricsListen = parser.value(metricsListen);
    line.prometheusUrl = parser.value(prometheus);
    if (parser.isSet(prometheus)) {
        if (auto url = Prometheus::validServerUrl(line.prometheusUrl); !url)
            line.error = QCoreApplication::translate("main", "--prometheus: %1").arg(url.error());
        else if (line.connectUris.isEmpty())
            line.error = QCoreApplication::translate("main",
                                                     "--prometheus reads the hosts given with "
                                                     "--connect; give at least one.");
    }
    if (parser.isSet(metricsListen))
        if (auto address = Metrics::parseListenAddress(line.metricsListen); !address)
            line.error
                = QCoreApplication::translate("main", "--metrics-listen: %1").arg(address.error());
    line.exportEntity = parser.value(exportCsv);
    line.outputPath = parser.value(output);
    if (const auto duration = parseDuration(parser.value(since)))
        line.sinceMs = *duration;
    else
        line.error = QCoreApplication::translate("main",
                                                 "--since wants a duration such as 30m, 24h "
                                                 "or 7d, not “%1”.")
                         .arg(parser.value(since));
    if (!line.exportEntity.isEmpty() && !line.exportEntity.startsWith(QLatin1String("vm/"))
        && !line.exportEntity.startsWith(QLatin1String("host/")))
        line.error = QCoreApplication::translate("main",
                                                 "--export-csv wants vm/NAME, vm/UUID or "
                                                 "host/URI, not “%1”.")
                         .arg(line.exportEntity);
    line.importPath = parser.value(importCsv);
    line.importPrefix = parser.value(importAs);
    if (const QString problem = MigrateCommand::read(parser, line.connectUris, line.migrate);
        !problem.isEmpty())
        line.error = problem;
    if (const QString problem = TrafficCommand::read(parser, line.traffic); !problem.isEmpty())
        line.error = problem;
    if (const QString problem = ShadowCommand::read(parser, line.shadow); !problem.isEmpty())
        line.error = problem;
    if (line.printInventory && line.connectUris.isEmpty() && !line.demo)
        line.error = QCoreApplication::translate("main",
                                                 "--print-inventory needs at least one "
                                                 "--connect URI (or --demo).");
    return line;
}

} // namespace Umbra
