#pragma once

namespace Umbra {

struct CommandLine;

// umbra --policy-once: runs the engine on the stored hosts (the demo's with
// --demo, more with --connect) until every reachable host has been scored
// and its hardware read, evaluates the policy once and prints what it would
// propose as JSON, storing and executing nothing. 0 when it evaluated, 1
// when it could not.
//
// umbra --autopilot: the engine and the policy without a window, for a small
// shop's server: proposals are acted on at the configured automation levels
// and everything the event log records is written to standard output, one
// line each, until Ctrl-C, SIGTERM or --quit-after.
//
// --automation LEVEL stores the fleet's automation level first (off,
// manual, approve, automatic); alone, it only stores it.
namespace PolicyCommand {
int once(const CommandLine &line);
int autopilot(const CommandLine &line);
int setAutomation(const CommandLine &line);
} // namespace PolicyCommand

} // namespace Umbra
