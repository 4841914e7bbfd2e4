#pragma once

#include "migrate/migrationtypes.h"

#include <QString>

class QCommandLineParser;

namespace Umbra {

struct CommandLine;

// The migration commands of the command line, run without a window.
struct MigrateCommandLine
{
    QString vm; // --migrate
    QString to; // --to
    bool reconcile = false; // --reconcile
    MigrationOptions options;
};

namespace MigrateCommand {

void addOptions(QCommandLineParser &parser);
// Fills line from a processed parser; returns an error message or empty.
QString read(const QCommandLineParser &parser, const QStringList &connectUris,
             MigrateCommandLine &line);
// The switches that make the process headless.
bool isMigrateSwitch(const char *argument);

// Runs one migration and prints each stage on stderr and one line of JSON on
// stdout. Exit status 0 only when the VM ended running on the target.
int migrate(const CommandLine &line);
// Ends jobs a crashed console left unfinished; prints one line of JSON.
// Exit status 0 unless a job needs attention or the journal is unusable.
int reconcile(const CommandLine &line);

} // namespace MigrateCommand

} // namespace Umbra
