#pragma once

#include <QJsonObject>
#include <QStringList>

namespace Umbra::InventoryPrinter {

// Reads each host's inventory in parallel (one connection each, no auth
// prompts) and returns {"hosts": [...]} where every host has "ok" and either
// its facts and VMs or an "error". A host that does not answer within
// timeoutS is reported as such. Blocks the calling thread: headless use only.
QJsonObject collect(const QStringList &uris, int timeoutS);

} // namespace Umbra::InventoryPrinter
