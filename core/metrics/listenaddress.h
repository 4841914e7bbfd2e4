#pragma once

#include "util/result.h"

#include <QHostAddress>
#include <QString>

namespace Umbra::Metrics {

struct ListenAddress
{
    QHostAddress address;
    quint16 port = 0;

    QString toString() const;
};

// Reads "PORT", ":PORT", "ADDRESS:PORT" or "[IPv6]:PORT". Without an address
// the endpoint listens on the loopback interface only: exposing a fleet's
// health to the network is the operator's decision, never a default.
Result<ListenAddress> parseListenAddress(const QString &text);

} // namespace Umbra::Metrics
