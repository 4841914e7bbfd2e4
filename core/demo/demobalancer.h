#pragma once

#include "traffic/balancer.h"
#include "util/result.h"

#include <QString>
#include <memory>

namespace Umbra {

// The demo's load balancer: a real HAProxy (Debian's `haproxy`) started by
// the console in front of the demo fleet's services — web01–03, api01–02 and
// search01–02, each a backend server named after its VM — with a light,
// steady load through it. The services themselves are simulated: the console
// answers their requests on loopback, since the demo's VMs are libvirt
// test-driver domains that run nothing. Shifts, drains and restores go
// through HAProxy's runtime API exactly as on a real fleet.
class DemoBalancer
{
public:
    // Refused, saying why, when HAProxy is not installed or does not start.
    static Result<std::unique_ptr<DemoBalancer>> start();
    ~DemoBalancer();

    Traffic::Balancer balancer() const;
    // Shown beside the balancer: what is real and what is simulated.
    static QString note();

    class Private;

private:
    explicit DemoBalancer(std::unique_ptr<Private> d);
    std::unique_ptr<Private> d;
};

} // namespace Umbra
