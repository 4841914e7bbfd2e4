#pragma once

namespace Umbra {

// How a host session collects and reconnects. Apart from HostSession so that
// what configures it does not see libvirt's headers.
struct SessionOptions
{
    int intervalMs = 5000;
    int initialRetryMs = 1000;
    int maxRetryMs = 60000;
    int keepAliveIntervalS = 5;
    unsigned keepAliveCount = 3;
    // libvirt's open cannot be interrupted; after this long the Engine
    // tells the operator that the host has not answered yet.
    int connectWarningMs = 30000;
};

} // namespace Umbra
