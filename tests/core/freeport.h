// A loopback port that was free a moment ago and is closed now: for a server
// a test is about to start, or for a connection that must be refused.
#pragma once

#include <QTcpServer>

namespace Umbra::TestSupport {

inline quint16 freePort()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    return probe.serverPort();
}

} // namespace Umbra::TestSupport
