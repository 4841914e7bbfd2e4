#include "commandline.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <cstring>

namespace Umbra {

bool isHeadless(int argc, char **argv)
{
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--print-inventory") == 0 || std::strcmp(argv[i], "--help") == 0
            || std::strcmp(argv[i], "-h") == 0 || std::strcmp(argv[i], "--version") == 0
            || std::strcmp(argv[i], "-v") == 0)
            return true;
    }
    return false;
}

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

    parser.addOptions({ connect, demo, database, interval, printInventory, timeout, screenshot,
                        quitAfter, theme });
    parser.process(app); // exits on --help, --version and unknown options

    CommandLine line;
    line.connectUris = parser.values(connect);
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
    if (!line.theme.isEmpty() && line.theme != QLatin1String("light")
        && line.theme != QLatin1String("dark"))
        line.error = QCoreApplication::translate("main", "--theme is light or dark, not “%1”.")
                         .arg(line.theme);
    if (line.printInventory && line.connectUris.isEmpty() && !line.demo)
        line.error = QCoreApplication::translate("main",
                                                 "--print-inventory needs at least one "
                                                 "--connect URI (or --demo).");
    return line;
}

} // namespace Umbra
