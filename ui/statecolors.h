#pragma once

#include "fleet/eventrecord.h"
#include "fleet/hostinfo.h"
#include "fleet/vminfo.h"

#include <QColor>
#include <QIcon>

// One colour language for states across the tree, the status bar, the pages and
// the event log, chosen to read on both the light and the dark palette.
namespace Umbra::StateColors {

QColor forHost(HostState state);
QColor forVm(VmState state);
QColor forSeverity(EventRecord::Severity severity);
// A load balancer's server by HAProxy's status word: UP, DRAIN, MAINT, DOWN…
QColor forServer(const QString &status);

// A filled circle for item decorations, cached per colour.
QIcon dot(const QColor &color);

} // namespace Umbra::StateColors
