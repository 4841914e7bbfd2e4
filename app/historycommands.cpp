#include "historycommands.h"

#include "commandline.h"
#include "consolesetup.h"
#include "headlessoutput.h"
#include "jobs/audittrail.h"
#include "series/csvseries.h"
#include "store/backup.h"
#include "store/database.h"
#include "store/databaselock.h"
#include "store/samplestore.h"
#include "util/displaytext.h"
#include "util/privatefiles.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QMap>
#include <QSqlError>
#include <QSqlQuery>
#include <cstdio>

namespace Umbra {

namespace {

int fail(const QString &message)
{
    std::fprintf(stderr, "umbra: %s\n", qUtf8Printable(message));
    return 1;
}

QString databasePath(const CommandLine &line)
{
    return line.databasePath.isEmpty() ? defaultDatabase(line.demo) : line.databasePath;
}

// "vm/<name>" becomes "vm/<uuid>" when a VM of that name is in the inventory.
QString resolveEntity(QSqlDatabase &db, const QString &entity)
{
    if (!entity.startsWith(QLatin1String("vm/")))
        return entity;
    QSqlQuery query(db);
    query.prepare(QStringLiteral("SELECT uuid FROM vms WHERE name = ? LIMIT 1"));
    query.addBindValue(entity.mid(3));
    if (query.exec() && query.next())
        return QStringLiteral("vm/") + query.value(0).toString();
    return entity;
}

} // namespace

int exportHistory(const CommandLine &line)
{
    const QString path = databasePath(line);
    if (!QFileInfo::exists(path))
        return fail(QCoreApplication::translate("main", "There is no database at %1.").arg(path));
    if (!line.outputPath.isEmpty() && line.outputPath != QLatin1String("-")) {
        if (auto writable = PrivateFiles::checkWritable(line.outputPath, Database::files(path));
            !writable)
            return fail(writable.error());
    }
    auto db = Database::open(path, QStringLiteral("umbra-export"), Database::Mode::ReadOnly);
    if (!db)
        return fail(db.error());
    const QString entity = resolveEntity(db.value()->sql(), line.exportEntity);
    SampleStore store(db.value()->sql(), std::make_shared<Series::SeriesHeads>(),
                      SampleStore::Access::Detached);
    auto all = store.reader().allSeries();
    if (!all)
        return fail(all.error());
    QMap<QString, int> matching;
    const QString prefix = entity + QLatin1Char('/');
    for (auto it = all->cbegin(); it != all->cend(); ++it)
        if (it.key().startsWith(prefix))
            matching.insert(it.key().mid(prefix.size()), it.value());
    if (matching.isEmpty())
        return fail(QCoreApplication::translate("main", "No history is stored for %1 in %2.")
                        .arg(line.exportEntity, path));

    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    qint64 rows = 0;
    auto writeRows = [&](QIODevice &out) -> Result<void> {
        auto written = Series::writeCsv(store.reader(), matching.values(), matching.keys(),
                                        now - line.sinceMs, now, out);
        if (!written)
            return Error{ written.error() };
        rows = written.value();
        return {};
    };
    if (line.outputPath.isEmpty() || line.outputPath == QLatin1String("-")) {
        QFile console;
        if (!console.open(stdout, QIODevice::WriteOnly))
            return fail(console.errorString());
        if (auto done = writeRows(console); !done)
            return fail(done.error());
    } else if (auto done = PrivateFiles::write(line.outputPath, writeRows); !done) {
        return fail(done.error());
    }
    std::fprintf(stderr, "umbra: %lld rows of %lld series\n", static_cast<long long>(rows),
                 static_cast<long long>(matching.size()));
    if (const qint64 damaged = store.reader().damagedChunks(); damaged > 0) {
        // The rows are what could be read; a script must not take them for all.
        std::fprintf(stderr,
                     "umbra: %lld stored chunks of this history are damaged and could not be "
                     "read; their samples are missing from the export\n",
                     static_cast<long long>(damaged));
        return 3;
    }
    return 0;
}

int importHistory(const CommandLine &line)
{
    auto columns = Series::readCsvFile(line.importPath);
    if (!columns)
        return fail(columns.error());
    // A console writing the same file keeps the newest time of each series in
    // memory; an import underneath it would contradict that. One writer at a time.
    auto lock = DatabaseLock::acquire(databasePath(line));
    if (!lock)
        return fail(lock.error());
    auto db = Database::open(databasePath(line), QStringLiteral("umbra-import"));
    if (!db)
        return fail(db.error());
    QSqlDatabase &sql = db.value()->sql();
    const QString prefix = line.importPrefix.isEmpty()
        ? QStringLiteral("import/") + QFileInfo(line.importPath).completeBaseName()
        : line.importPrefix;

    // One transaction: the file is imported whole or not at all.
    Series::SeriesWriter writer(sql, std::make_shared<Series::SeriesHeads>());
    if (auto begun = Database::beginWrite(sql); !begun)
        return fail(begun.error());
    auto stored = Series::importColumns(writer, prefix, columns.value());
    Result<void> done = stored ? writer.flush() : Result<void>(Error{ stored.error() });
    if (done)
        done = writer.compactAll();
    if (!done || !sql.commit()) {
        const QString reason = done ? sql.lastError().text() : done.error();
        sql.rollback();
        return fail(
            QCoreApplication::translate("main", "Importing %1 failed; nothing was stored: %2")
                .arg(line.importPath, reason));
    }
    writer.committed();
    std::fprintf(stderr,
                 "umbra: stored %lld samples of %lld series as %s/…; %lld repeated a time and "
                 "replaced the sample before them; %lld older than the stored history were "
                 "skipped\n",
                 static_cast<long long>(stored.value()), static_cast<long long>(columns->size()),
                 qUtf8Printable(DisplayText::quote(prefix)),
                 static_cast<long long>(writer.replacedSamples()),
                 static_cast<long long>(writer.rejectedSamples()));
    return 0;
}

int backupHistory(const CommandLine &line)
{
    const QString path = databasePath(line);
    auto done = backupDatabase(path, line.backupPath);
    if (!done)
        return fail(done.error());
    Headless::printJson({ { QStringLiteral("ok"), true },
                          { QStringLiteral("database"), path },
                          { QStringLiteral("backup"), done->target },
                          { QStringLiteral("pages"), done->pages },
                          { QStringLiteral("bytes"), done->bytes },
                          { QStringLiteral("ms"), done->elapsedMs } });
    std::fprintf(stderr, "%s\n",
                 qUtf8Printable(QCoreApplication::translate(
                                    "main",
                                    "Copied %1 to %2 (%3 MiB in %4 ms); the copy passes "
                                    "SQLite's integrity check.")
                                    .arg(path, done->target)
                                    .arg(double(done->bytes) / (1024.0 * 1024.0), 0, 'f', 1)
                                    .arg(done->elapsedMs)));
    return 0;
}

int verifyAudit(const CommandLine &line)
{
    const QString path = databasePath(line);
    if (!QFileInfo::exists(path))
        return fail(QCoreApplication::translate("main", "There is no database at %1.").arg(path));
    auto db = Database::open(path, QStringLiteral("umbra-audit"), Database::Mode::ReadOnly);
    if (!db)
        return fail(db.error());
    auto verified = Jobs::AuditTrail::verify(db.value()->sql());
    if (!verified)
        return fail(verified.error());
    Headless::printJson({ { QStringLiteral("ok"), verified->intact() },
                          { QStringLiteral("records"), verified->records },
                          { QStringLiteral("brokenAt"), verified->brokenAt },
                          { QStringLiteral("problem"), verified->problem } });
    if (verified->intact()) {
        std::fprintf(stderr, "%s\n",
                     qUtf8Printable(QCoreApplication::translate(
                                        "main", "The audit trail of %1 is whole: %n entries.",
                                        nullptr, int(verified->records))
                                        .arg(path)));
        return 0;
    }
    std::fprintf(stderr, "umbra: %s\n",
                 qUtf8Printable(QCoreApplication::translate("main",
                                                            "The audit trail of %1 is "
                                                            "broken: %2")
                                    .arg(path, verified->problem)));
    return 5;
}

} // namespace Umbra
