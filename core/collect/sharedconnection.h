#pragma once

#include <QString>
#include <libvirt/libvirt.h>

namespace Umbra::SharedConnection {

// libvirt's test driver keeps the state of a fleet file private to each
// connection, so a VM defined through one connection to test:///path is
// invisible to another. Umbra opens such a URI once per process and shares
// the connection between the host session and the migration links, so that
// a simulated migration moves a VM where the console sees it. Every other URI
// (test:///default included, which libvirt already shares) gets a connection
// of its own.
virConnectPtr open(const QString &uri, virConnectAuthPtr auth = nullptr);
// Closes what open() returned; a shared connection closes with its last user.
void close(virConnectPtr connection);

} // namespace Umbra::SharedConnection
