#pragma once

#include "util/result.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace Umbra::Headless {

// One line of JSON on standard output: what scripts read.
void printJson(const QJsonObject &object);
// A progress line on standard error, with the seconds since `sinceMs`.
void say(qint64 sinceMs, const QString &text);
// Ctrl-C and SIGTERM are counted instead of ending the process, so that a
// command can cancel its job and let it go back.
void catchInterrupts();
bool interrupted();

// The host among `uris` (never `except`) where the VM is active; the only one
// when just one is given.
Result<QString> hostRunning(const QStringList &uris, const QString &vm, const QString &except);

} // namespace Umbra::Headless
