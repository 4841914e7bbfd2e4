#pragma once

#include <QReadWriteLock>
#include <QString>

namespace Umbra::Traffic {

// One lock per load balancer, shared by everything in this console that
// changes its runtime state. Traffic jobs hold it for reading while they act
// (several may act at once: a drain beside a shift); the watch that sends
// the actions in force again after a reload takes it for writing, and only
// if free. Without it the watch could read an action as in force, lose the
// race to a restore that ends it, and then put back what was just restored.
//
// Consoles on the same database do not share it; across processes the watch
// reads the journal again under the lock, which narrows the window to the
// moment between that read and HAProxy's answer.
QReadWriteLock &balancerLock(const QString &balancerName);

} // namespace Umbra::Traffic
