#pragma once

#include "traffic/balancer.h"

#include <QList>
#include <QString>

class QCommandLineParser;

namespace Umbra {

struct CommandLine;

// The traffic commands of the command line, run without a window.
struct TrafficCommandLine
{
    QList<Traffic::Balancer> balancers; // --balancer, repeatable
    QString shiftVm; // --shift
    QString drainVm; // --drain
    QString restoreVm; // --restore
    QString to; // --to: with --shift, the server that takes the requests
    QString backend; // --backend: when the VM is a server of several backends
    double percent = 100; // --percent
    QList<double> steps = { 5, 25, 50, 100 }; // --steps
    int holdMs = 10000; // --hold
    double maxErrorRatio = 0.01; // --max-errors
    double maxResponseMs = 500; // --max-response
    int drainTimeoutMs = 30000; // --drain-timeout

    bool any() const { return !shiftVm.isEmpty() || !drainVm.isEmpty() || !restoreVm.isEmpty(); }
};

namespace TrafficCommand {

void addOptions(QCommandLineParser &parser);
// Fills line from a processed parser; returns an error message or empty.
QString read(const QCommandLineParser &parser, TrafficCommandLine &line);
bool isTrafficSwitch(const char *argument);

// Runs --shift, --drain or --restore: each step on standard error, one line
// of JSON on standard output. Exit status 0 only when the goal was reached.
int run(const CommandLine &line);

} // namespace TrafficCommand

} // namespace Umbra
