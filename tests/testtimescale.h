// How long a test gives the console for work it times.
#pragma once

#include <QString>

namespace Umbra::Testing {

// How much longer than usual the console may take for the same work: a
// sanitized build runs several times slower (scripts/sanitize sets
// UMBRA_TEST_TIME_SCALE).
inline double timeScale()
{
    const double scale = qEnvironmentVariable("UMBRA_TEST_TIME_SCALE").toDouble();
    return scale > 1 ? scale : 1;
}

inline int scaledMs(int ms)
{
    return int(ms * timeScale());
}

} // namespace Umbra::Testing
