#include "commandline.h"
#include "consolesetup.h"
#include "demo/demofleet.h"
#include "fleet/hosturi.h"
#include "historycommands.h"
#include "inventoryprinter.h"
#include "migratecommand.h"
#include "policycommand.h"
#include "shadowcommand.h"
#include "trafficcommand.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>
#include <cstdio>
#include <sys/stat.h>

using namespace Umbra;

namespace {

void installTranslations(QCoreApplication &app)
{
    // Follow the system locale: Umbra's own messages and Qt's standard ones.
    // English, the source language, still needs its plural forms; it is
    // also what a locale without a catalogue (C, POSIX, French) gets.
    auto *umbra = new QTranslator(&app);
    if (umbra->load(QLocale(), QStringLiteral("umbra"), QStringLiteral("_"),
                    QStringLiteral(":/i18n"))
        || umbra->load(QStringLiteral(":/i18n/umbra_en")))
        QCoreApplication::installTranslator(umbra);
    auto *qt = new QTranslator(&app);
    if (qt->load(QLocale(), QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
}

void setIdentity()
{
    // No organisation name: data lives in ~/.local/share/umbra, not umbra/umbra.
    QCoreApplication::setApplicationName(QStringLiteral("umbra"));
    QCoreApplication::setApplicationVersion(QStringLiteral(UMBRA_VERSION));
}

int printInventory(const CommandLine &line)
{
    QStringList uris = line.connectUris;
    if (line.demo) {
        auto demo = DemoFleet::install();
        if (!demo) {
            std::fprintf(stderr, "umbra: %s\n", qUtf8Printable(demo.error()));
            return 2;
        }
        for (const HostConfig &host : demo.value())
            uris.append(host.uri);
    }
    const QJsonObject inventory = InventoryPrinter::collect(uris, line.inventoryTimeoutS);
    bool allOk = true;
    for (const QJsonValue &host : inventory.value(QLatin1String("hosts")).toArray()) {
        if (!host[QLatin1String("ok")].toBool()) {
            allOk = false;
            std::fprintf(stderr, "umbra: %s: %s\n",
                         qUtf8Printable(HostUri::quoted(host[QLatin1String("uri")].toString())),
                         qUtf8Printable(host[QLatin1String("error")].toString()));
        }
    }
    const QByteArray json = QJsonDocument(inventory).toJson(QJsonDocument::Indented);
    std::fwrite(json.constData(), 1, size_t(json.size()), stdout);
    std::fflush(stdout);
    return allOk ? 0 : 1;
}

} // namespace

int main(int argc, char **argv)
{
    QElapsedTimer sinceMain;
    sinceMain.start();
    // Whatever Umbra writes (history, journals, exports, screenshots) is the
    // operator's alone; the files that matter also set their mode themselves.
    ::umask(0077);
    setIdentity();
    if (isHeadless(argc, argv)) {
        QCoreApplication app(argc, argv);
        installTranslations(app);
        const CommandLine line = parseCommandLine(app);
        if (!line.error.isEmpty()) {
            std::fprintf(stderr, "umbra: %s\n", qUtf8Printable(line.error));
            return 2;
        }
        const int status = !line.migrate.vm.isEmpty() ? MigrateCommand::migrate(line)
            : line.migrate.reconcile                  ? MigrateCommand::reconcile(line)
            : line.traffic.any()                      ? TrafficCommand::run(line)
            : line.shadow.anyStored()                 ? ShadowCommand::run(line)
            : !line.exportEntity.isEmpty()            ? exportHistory(line)
            : !line.importPath.isEmpty()              ? importHistory(line)
            : line.auditVerify                        ? verifyAudit(line)
            : !line.backupPath.isEmpty()              ? backupHistory(line)
            : line.policyOnce                         ? PolicyCommand::once(line)
            : line.autopilot                          ? PolicyCommand::autopilot(line)
            : !line.automationLevel.isEmpty()         ? PolicyCommand::setAutomation(line)
                                                      : printInventory(line);
        // Do not wait for threads stuck on a host that never answered.
        std::fflush(nullptr);
        std::_Exit(status);
    }
    return runConsole(argc, argv, &installTranslations, sinceMain);
}
