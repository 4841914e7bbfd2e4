#include "consolesetup.h"

#include "commandline.h"
#include "demo/demofleet.h"
#include "dialogcredentialprovider.h"
#include "engine/engine.h"
#include "mainwindow.h"
#include "startupprobe.h"
#include "store/database.h"
#include "theme.h"
#include "util/privatefiles.h"

#include <QApplication>
#include <QFileInfo>
#include <QIcon>
#include <QImageWriter>
#include <QMessageBox>
#include <QStandardPaths>
#include <QTimer>
#include <cstdio>

namespace Umbra {

QString defaultDatabase(bool demo)
{
    if (!demo)
        return Database::defaultPath();
    // The demo keeps its simulated history apart from the operator's real fleet.
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)
        + QStringLiteral("/demo.db");
}

namespace {

// Reports a problem that stops the console from starting: on stderr always,
// and in a dialog unless the run is scripted.
int fail(const QString &message, bool interactive)
{
    std::fprintf(stderr, "umbra: %s\n", qUtf8Printable(message));
    if (interactive)
        QMessageBox::critical(nullptr, QCoreApplication::translate("main", "Umbra cannot start"),
                              message);
    return 1;
}

} // namespace

int runConsole(int argc, char **argv, TranslationInstaller installTranslations,
               const QElapsedTimer &sinceMain)
{
    QApplication app(argc, argv);
    app.setWindowIcon(QIcon(QStringLiteral(":/icons/umbra.svg")));
    app.setDesktopFileName(QStringLiteral("org.umbra.Umbra"));
    installTranslations(app);

    const CommandLine line = parseCommandLine(app);
    const bool interactive = line.quitAfterS <= 0;
    if (!line.error.isEmpty()) {
        // Whoever typed the arguments is at a terminal: answer there, like any tool.
        std::fprintf(stderr, "umbra: %s\n", qUtf8Printable(line.error));
        return 2;
    }
    Theme::apply(line.theme == QLatin1String("dark"));

    Engine engine;
    engine.setIntervalMs(line.intervalMs);
    engine.setHardwareIntervalMs(line.hardwareIntervalMs);
    engine.setRetention(line.retention);
    const QString path
        = line.databasePath.isEmpty() ? defaultDatabase(line.demo) : line.databasePath;
    if (!line.screenshotPath.isEmpty()) {
        if (auto writable = PrivateFiles::checkWritable(line.screenshotPath, Database::files(path));
            !writable)
            return fail(writable.error(), interactive);
    }
    if (auto opened = engine.openStore(path); !opened)
        return fail(opened.error(), interactive);

    QStringList refused;
    if (line.demo) {
        auto demo = DemoFleet::install();
        if (!demo)
            return fail(demo.error(), interactive);
        for (const HostConfig &host : demo.value()) {
            if (!engine.hasHost(host.uri))
                (void)engine.addHost(host);
        }
    }
    for (const QString &uri : line.connectUris) {
        auto added = engine.addHost(HostConfig{ uri, false });
        if (!added && !engine.hasHost(uri)) {
            std::fprintf(stderr, "umbra: %s\n", qUtf8Printable(added.error()));
            refused.append(added.error());
        }
    }
    for (auto it = line.exporterUrls.cbegin(); it != line.exporterUrls.cend(); ++it) {
        if (auto set = engine.setExporterUrl(it.key(), it.value()); !set) {
            std::fprintf(stderr, "umbra: %s\n", qUtf8Printable(set.error()));
            refused.append(set.error());
        }
    }

    DialogCredentialProvider credentials;
    engine.setCredentialProvider(&credentials);

    MainWindow window(&engine, line.demo);
    if (StartupProbe::enabled())
        new StartupProbe(&window, sinceMain);
    window.show();
    engine.start();
    if (!refused.isEmpty() && interactive)
        QMessageBox::warning(&window, QCoreApplication::translate("main", "Hosts not added"),
                             refused.join(QLatin1Char('\n')));

    if (line.quitAfterS > 0) {
        QTimer::singleShot(int(line.quitAfterS * 1000), &window, [&] {
            if (!line.screenshotPath.isEmpty()) {
                const QImage image = window.grab().toImage();
                (void)PrivateFiles::makeFolder(QFileInfo(line.screenshotPath).absolutePath());
                auto saved = PrivateFiles::write(line.screenshotPath, [&](QIODevice &out) {
                    QImageWriter writer(&out, QFileInfo(line.screenshotPath).suffix().toLatin1());
                    if (writer.write(image))
                        return Result<void>();
                    return Result<void>(Error{ writer.errorString() });
                });
                if (!saved) {
                    std::fprintf(stderr, "umbra: cannot write the screenshot: %s\n",
                                 qUtf8Printable(saved.error()));
                    QApplication::exit(1);
                    return;
                }
            }
            QApplication::quit();
        });
    }
    const int status = app.exec();
    engine.shutdown();
    return status;
}

} // namespace Umbra
