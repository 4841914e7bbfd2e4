#pragma once

#include "hardware/hardwarereadings.h"

#include <QString>

namespace Umbra::DemoHardware {

// What a demo host's exporters would serve at `timeMs`: two drives with
// their SMART counters, EDAC counts and temperatures, the same for the same
// host and time. One host (rack2-kvm03, the fleet's oldest) carries a drive
// that has reallocated a few sectors and holds steady, so the Hardware
// health tab and the host's score have something to explain. Another
// (edge-kvm04) is the demo's degrading host: a drive whose reallocated and
// pending sectors climb every hour, which failure prediction flags and the
// policy proposes to evacuate. The demo's hosts have no exporter: the
// console reads these instead, and says the usage is simulated.
Hardware::HardwareReadings readings(const QString &uri, qint64 timeMs);

} // namespace Umbra::DemoHardware
