#pragma once

namespace Umbra {

struct CommandLine;

// History commands that run without a window: they open the database,
// do one thing, and return the process exit status (0 success, 1 failure).
int exportHistory(const CommandLine &line);
int importHistory(const CommandLine &line);
// --audit-verify: walks the audit trail's chain; 0 when whole, 5 when broken.
int verifyAudit(const CommandLine &line);
// --backup PATH: a consistent copy of the database, beside a running console.
int backupHistory(const CommandLine &line);

} // namespace Umbra
