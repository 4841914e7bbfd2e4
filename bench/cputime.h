#pragma once

#include <ctime>

// CPU time of the calling thread, in seconds: what a single-threaded bench
// spent, whatever else the machine runs meanwhile.
inline double cpuSeconds()
{
    timespec now{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return double(now.tv_sec) + double(now.tv_nsec) * 1e-9;
}
