#pragma once

#include "util/result.h"

#include <QString>

namespace Umbra::HealthProbe {

// One blocking attempt each, for a job's own thread.
// GET url (http:// only) and expect a 2xx status.
Result<void> http(const QString &url, int timeoutMs);
// The same, answering the reply's body (what a guest's /counter says).
Result<QByteArray> get(const QString &url, int timeoutMs);
// Connect to host:port.
Result<void> tcp(const QString &hostPort, int timeoutMs);

} // namespace Umbra::HealthProbe
