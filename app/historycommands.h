#pragma once

namespace Umbra {

struct CommandLine;

// History commands that run without a window: they open the database,
// do one thing, and return the process exit status (0 success, 1 failure).
int exportHistory(const CommandLine &line);
int importHistory(const CommandLine &line);

} // namespace Umbra
