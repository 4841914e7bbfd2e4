#pragma once

#include <QJsonObject>
#include <QString>

namespace Umbra::Headless {

// One line of JSON on standard output: what scripts read.
void printJson(const QJsonObject &object);
// A progress line on standard error, with the seconds since `sinceMs`.
void say(qint64 sinceMs, const QString &text);
// Ctrl-C and SIGTERM are counted instead of ending the process, so that a
// command can cancel its job and let it go back.
void catchInterrupts();
bool interrupted();

} // namespace Umbra::Headless
