#include "collect/libvirteventloop.h"

#include <QLoggingCategory>
#include <libvirt/libvirt.h>
#include <libvirt/virterror.h>
#include <mutex>
#include <thread>

Q_LOGGING_CATEGORY(lcEventLoop, "umbra.collect.eventloop")

namespace Umbra::LibvirtEventLoop {

void ensureRunning()
{
    static std::once_flag once;
    std::call_once(once, [] {
        // Umbra reports libvirt's errors itself, in context; libvirt's default
        // handler would also print each one to stderr.
        virSetErrorFunc(nullptr, [](void *, virErrorPtr) {});
        if (virInitialize() < 0 || virEventRegisterDefaultImpl() < 0) {
            qCWarning(lcEventLoop) << "libvirt's event loop could not be registered; domain "
                                      "events and keepalive are unavailable";
            return;
        }
        // Runs until the process exits: libvirt has no way to unregister the
        // default implementation, and connections may outlive any Qt object.
        std::thread([] {
            for (;;) {
                if (virEventRunDefaultImpl() < 0)
                    qCWarning(lcEventLoop) << "libvirt event loop iteration failed";
            }
        }).detach();
    });
}

} // namespace Umbra::LibvirtEventLoop
