// Runs one migration against a scripted fleet kept in a file, printing each
// stage as it is entered, until it is killed. tst_migration kills it with
// SIGKILL mid-job and reconciles what it left.
//   migrationchild DATABASE WORLD_FILE transfer|verify
#include "migrate/migrationjob.h"
#include "scriptedlink.h"

#include <QCoreApplication>
#include <cstdio>

using namespace Umbra;

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    if (argc < 4) {
        std::fprintf(stderr, "usage: %s DATABASE WORLD_FILE transfer|verify\n", argv[0]);
        return 2;
    }
    const QString mode = QString::fromLocal8Bit(argv[3]);
    Scripted::World world;
    world.load(QString::fromLocal8Bit(argv[2]));
    world.file = QString::fromLocal8Bit(argv[2]);
    world.migrateHangs = mode == QLatin1String("transfer");
    world.migrateMs = 100;

    MigrationRequest request;
    request.vm = QStringLiteral("web01");
    request.sourceUri = QStringLiteral("scripted://a");
    request.targetUri = QStringLiteral("scripted://b");
    request.options.pollIntervalMs = 50;
    request.options.storage = StorageMode::Shared;
    if (mode == QLatin1String("verify")) {
        // Never healthy: the job stays in Verify until killed.
        request.options.health.kind = HealthCheck::Kind::Tcp;
        request.options.health.target = QStringLiteral("127.0.0.1:1");
        request.options.health.deadlineMs = 600000;
        request.options.health.intervalMs = 100;
    }
    MigrationJob job(request,
                     { QString::fromLocal8Bit(argv[1]), Scripted::factory(world), {}, {}, {} });
    QObject::connect(
        &job, &MigrationJob::stageChanged, &job,
        [](qint64, MigrationStage stage, const QString &, qint64) {
            std::printf("stage %s\n", qPrintable(stageKey(stage)));
            std::fflush(stdout);
        },
        Qt::DirectConnection);
    job.run();
    return 0;
}
