#pragma once

#include "jobs/plan.h"
#include "traffic/balancer.h"
#include "traffic/shiftrequest.h"

namespace Umbra::Traffic {

// The plan half of a traffic shift: reads the backend (the servers' weights,
// states and checks, its algorithm) and works out each step's weights —
// changing nothing. A shift that cannot go ahead (no such server, a static
// algorithm, a receiving server that is down) is refused, saying why.
// Blocking: run it on a worker thread or the command line's.
Jobs::Plan planShift(const ShiftRequest &request, const Balancer &balancer);

} // namespace Umbra::Traffic
