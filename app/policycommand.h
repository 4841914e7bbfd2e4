#pragma once

namespace Umbra {

struct CommandLine;

// umbra --policy-once: runs the engine on the stored hosts (the demo's with
// --demo, more with --connect) until every reachable host has been scored
// and its hardware read, evaluates the policy once and prints what it would
// propose as JSON, storing and executing nothing. 0 when it evaluated, 1
// when it could not.
namespace PolicyCommand {
int once(const CommandLine &line);
}

} // namespace Umbra
