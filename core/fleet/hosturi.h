#pragma once

#include "util/result.h"

#include <QString>

namespace Umbra::HostUri {

// Checks that a string is a libvirt connection URI Umbra can open
// (test:///default, test:///abs/path.xml, qemu:///system, qemu+ssh://…,
// qemu+tcp://…, qemu+tls://…) and returns it normalised, or says what is wrong.
Result<QString> validate(const QString &uri);

// A short name for lists and the status bar: the host part, or the file name of
// a test-driver fleet, or the URI itself.
QString displayName(const QString &uri);

// Secrets in a URI — a password in its user part, a token or key among its
// query items — are never stored, logged or shown. withoutSecrets() is the
// URI as Umbra keeps it; secret() the password, for this run only.
QString withoutSecrets(const QString &uri);
QString secret(const QString &uri);
// Whether withoutSecrets() would remove anything.
bool hasSecrets(const QString &uri);

// libvirt's test driver: VMs that exist only in Umbra's process (the demo
// and the unit tests), with no screen, disks or guest behind them.
bool isTestDriver(const QString &uri);

// A URI as typed, fit to quote in a message: secrets masked, control
// characters escaped, bounded in length. Works on text that is not a URI.
QString quoted(const QString &text);

} // namespace Umbra::HostUri
