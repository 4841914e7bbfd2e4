#include "consolesetup.h"

#include "commandline.h"
#include "demo/demobalancer.h"
#include "demo/demofleet.h"
#include "dialogcredentialprovider.h"
#include "engine/engine.h"
#include "engine/metricsservice.h"
#include "engine/poolservice.h"
#include "keyring/desktopkeyring.h"
#include "mainwindow.h"
#include "metrics/listenaddress.h"
#include "prometheusdialog.h"
#include "startupprobe.h"
#include "store/database.h"
#include "theme.h"
#include "traffic/trafficservice.h"
#include "util/displaytext.h"
#include "util/privatefiles.h"

#include <QApplication>
#include <QDateTime>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QIcon>
#include <QImageWriter>
#include <QMessageBox>
#include <QPushButton>
#include <QScopeGuard>
#include <QSettings>
#include <QStandardPaths>
#include <QTimer>
#include <QtConcurrent>
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

// SQLite's quick check reads every page. Before the window it has this long,
// which checks a database of a few hundred megabytes whole; a larger one
// (a large fleet's month is gigabytes) is checked whole once the window is
// up, beside the running console, so that the window never waits for it.
constexpr int kIntegrityCheckBudgetMs = 400;
constexpr int kBackgroundCheckBudgetMs = 60 * 60 * 1000;

// The first few problems the check found, for a message.
QString findings(const Database::Integrity &integrity)
{
    const QString problems = integrity.problems.mid(0, 3).join(QLatin1Char('\n'))
        + (integrity.problems.size() > 3 ? QCoreApplication::translate("main", "\n… and %1 more")
                                               .arg(integrity.problems.size() - 3)
                                         : QString());
    return DisplayText::quote(problems, 600);
}

enum class DamageChoice { ReadOnly, KeepCopy, Quit };

// A damaged database is never used silently. The operator looks at it
// read-only (the default, and what a scripted run does), or keeps a copy
// for repair and goes on writing to it, or stops.
DamageChoice askAboutDamage(const QString &path, const Database::Integrity &integrity,
                            const QString &copyPath, bool interactive)
{
    const QString message
        = QCoreApplication::translate("main", "%1 is damaged; SQLite's check found:\n%2")
              .arg(path, findings(integrity));
    std::fprintf(stderr, "umbra: %s\n", qUtf8Printable(message));
    if (!interactive) {
        std::fprintf(stderr, "umbra: opening it read-only\n");
        return DamageChoice::ReadOnly;
    }
    QMessageBox box(QMessageBox::Warning,
                    QCoreApplication::translate("main", "The database is damaged"), message);
    box.setTextFormat(Qt::PlainText);
    box.setInformativeText(
        QCoreApplication::translate(
            "main",
            "Open it read-only to look at its history without changing it, or keep a copy "
            "(%1) for repair and go on writing to it. Writing may lose what the damaged pages "
            "held.")
            .arg(QFileInfo(copyPath).fileName()));
    QPushButton *readOnly = box.addButton(QCoreApplication::translate("main", "Open Read-Only"),
                                          QMessageBox::AcceptRole);
    QPushButton *copy = box.addButton(
        QCoreApplication::translate("main", "Keep a Copy and Continue"), QMessageBox::ActionRole);
    box.addButton(QMessageBox::Cancel);
    box.setDefaultButton(readOnly);
    box.exec();
    if (box.clickedButton() == readOnly)
        return DamageChoice::ReadOnly;
    if (box.clickedButton() == copy)
        return DamageChoice::KeepCopy;
    return DamageChoice::Quit;
}

// Damage the check found after the start, in a database the console already
// writes to: said at once, on stderr, in the event log and in a dialog.
void reportLateDamage(const QString &path, const Database::Integrity &integrity, Engine &engine,
                      QWidget *window, bool interactive)
{
    const QString message
        = QCoreApplication::translate(
              "main", "%1 is damaged; SQLite's check, finished after the start, found:\n%2")
              .arg(path, findings(integrity));
    std::fprintf(stderr, "umbra: %s\n", qUtf8Printable(message));
    engine.events()->storeFailed(message);
    if (!interactive)
        return;
    auto *box = new QMessageBox(QMessageBox::Warning,
                                QCoreApplication::translate("main", "The database is damaged"),
                                message, QMessageBox::Ok, window);
    box->setTextFormat(Qt::PlainText);
    box->setInformativeText(QCoreApplication::translate(
        "main",
        "Umbra goes on writing to it, which may lose what the damaged pages held. To look at "
        "its history without changing it, or to keep a copy for repair, quit and start Umbra "
        "again: it asks before writing."));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
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
    engine.prediction()->setHardwareIntervalMs(line.hardwareIntervalMs);
    engine.history()->setRetention(line.retention);
    const QString path
        = line.databasePath.isEmpty() ? defaultDatabase(line.demo) : line.databasePath;
    if (!line.screenshotPath.isEmpty()) {
        if (auto writable = PrivateFiles::checkWritable(line.screenshotPath, Database::files(path));
            !writable)
            return fail(writable.error(), interactive);
    }
    auto access = Engine::StoreAccess::ReadWrite;
    // UMBRA_CHECK_BEFORE_WINDOW_MS=0 leaves the whole check for after the
    // window, as a large database does.
    bool budgetSet = false;
    const int budgetMs = qEnvironmentVariableIntValue("UMBRA_CHECK_BEFORE_WINDOW_MS", &budgetSet);
    const Database::Integrity integrity = budgetSet && budgetMs <= 0
        ? Database::Integrity{ {}, false }
        : Database::inspect(path, budgetSet ? budgetMs : kIntegrityCheckBudgetMs);
    if (!integrity.problems.isEmpty()) {
        const QString copyPath = path + QStringLiteral(".damaged-")
            + QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMdd-HHmmss"));
        switch (askAboutDamage(path, integrity, copyPath, interactive)) {
        case DamageChoice::ReadOnly:
            access = Engine::StoreAccess::ReadOnly;
            break;
        case DamageChoice::KeepCopy:
            if (auto copied = Database::copy(path, copyPath); !copied)
                return fail(copied.error(), interactive);
            std::fprintf(stderr, "umbra: a copy of the damaged database is at %s\n",
                         qUtf8Printable(copyPath));
            break;
        case DamageChoice::Quit:
            return 1;
        }
    }
    if (auto opened = engine.openStore(path, access); !opened)
        return fail(opened.error(), interactive);

    QStringList refused;
    if (line.demo) {
        auto demo = DemoFleet::install();
        if (!demo)
            return fail(demo.error(), interactive);
        for (const HostConfig &host : demo.value()) {
            if (!engine.fleet()->hasHost(host.uri))
                (void)engine.fleet()->addHost(host);
        }
        // The demo's standby host keeps shadows: its pool is set once the
        // stored pools are loaded, unless the operator placed it already.
        if (PoolService *pools = engine.pools()) {
            const QList<HostConfig> demoHosts = demo.value();
            QObject::connect(
                pools, &PoolService::changed, pools,
                [pools, demoHosts](const Pools::PoolSettings &settings) {
                    if (auto amended = DemoFleet::withDemoPools(settings, demoHosts))
                        pools->save(*amended);
                },
                Qt::SingleShotConnection);
        }
    }
    for (const QString &uri : line.connectUris) {
        auto added = engine.fleet()->addHost(HostConfig{ uri, false });
        if (!added && !engine.fleet()->hasHost(uri)) {
            std::fprintf(stderr, "umbra: %s\n", qUtf8Printable(added.error()));
            refused.append(added.error());
        }
    }
    if (!line.prometheusUrl.isEmpty())
        for (const QString &uri : line.connectUris)
            if (auto set = engine.fleet()->setPrometheusUrl(uri, line.prometheusUrl); !set) {
                std::fprintf(stderr, "umbra: %s\n", qUtf8Printable(set.error()));
                refused.append(set.error());
            }
    for (auto it = line.exporterUrls.cbegin(); it != line.exporterUrls.cend(); ++it) {
        if (auto set = engine.fleet()->setExporterUrl(it.key(), it.value()); !set) {
            std::fprintf(stderr, "umbra: %s\n", qUtf8Printable(set.error()));
            refused.append(set.error());
        }
    }

    // Load balancers given on the command line are kept with the fleet; the
    // demo brings its own (a real HAProxy in front of simulated services).
    std::unique_ptr<DemoBalancer> demoBalancer;
    if (Traffic::TrafficService *traffic = engine.traffic()) {
        for (const Traffic::Balancer &balancer : line.traffic.balancers)
            traffic->saveBalancer(balancer);
        if (line.demo) {
            auto started = DemoBalancer::start();
            if (started) {
                demoBalancer = std::move(started.value());
                traffic->setNote(demoBalancer->balancer().name, DemoBalancer::note());
                traffic->saveBalancer(demoBalancer->balancer());
            } else {
                std::fprintf(stderr, "umbra: %s\n", qUtf8Printable(started.error()));
            }
        }
    }

    DialogCredentialProvider credentials;
    engine.setCredentialProvider(&credentials);
    DesktopKeyring keyring;
    engine.setSecretStore(&keyring);

    MainWindow window(&engine, line.demo);
    if (StartupProbe::enabled())
        new StartupProbe(&window, sinceMain);
    window.show();
    engine.start();
    // The rest of a check that ran out of time before the window.
    std::atomic_bool stopChecking = false;
    QFutureWatcher<Database::Integrity> lateCheck;
    if (!integrity.complete && access == Engine::StoreAccess::ReadWrite) {
        QObject::connect(&lateCheck, &QFutureWatcherBase::finished, &window, [&] {
            if (!lateCheck.result().problems.isEmpty())
                reportLateDamage(path, lateCheck.result(), engine, &window, interactive);
        });
        lateCheck.setFuture(QtConcurrent::run([path, &stopChecking] {
            return Database::inspect(path, kBackgroundCheckBudgetMs, &stopChecking);
        }));
    }
    const auto waitForCheck = qScopeGuard([&] {
        stopChecking = true;
        lateCheck.waitForFinished();
    });
    // --metrics-listen for this run, else what File → Prometheus… kept.
    const QString listen = !line.metricsListen.isEmpty()
        ? line.metricsListen
        : QSettings().value(QLatin1String(PrometheusDialog::kSettingsKey)).toString();
    if (!listen.isEmpty()) {
        if (auto address = Metrics::parseListenAddress(listen))
            engine.metrics()->listen(address.value());
        else
            engine.events()->metricsFailed(address.error());
    }
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
