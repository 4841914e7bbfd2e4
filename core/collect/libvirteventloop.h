#pragma once

namespace Umbra::LibvirtEventLoop {

// libvirt delivers domain events, keepalives and close notifications only while
// an event loop runs. Umbra registers libvirt's default implementation once and
// runs it on a dedicated thread for the life of the process. Safe to call from
// any thread, any number of times. Also silences libvirt's own printing of
// errors to stderr: Umbra reports them with context.
void ensureRunning();

} // namespace Umbra::LibvirtEventLoop
