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

} // namespace Umbra::HostUri
