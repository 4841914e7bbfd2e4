// Hand-overs through libraries ThreadSanitizer cannot see into.
#pragma once

#if defined(__SANITIZE_THREAD__)
#define UMBRA_TSAN 1
#elif defined(__has_feature)
#if __has_feature(thread_sanitizer)
#define UMBRA_TSAN 1
#endif
#endif

#ifdef UMBRA_TSAN
extern "C" void __tsan_acquire(void *address);
extern "C" void __tsan_release(void *address);
#endif

namespace Umbra::HandOver {

// libvirt and glib are not built with ThreadSanitizer, so when libvirt hands
// a pointer Umbra gave it to a callback on its event-loop thread, the locks
// that order the two sides are invisible to TSan. `give` where Umbra passes
// the pointer and `take` where the callback receives it state what libvirt
// guarantees: everything written before the one is seen after the other.
// Without ThreadSanitizer both are nothing.
inline void give([[maybe_unused]] void *pointer)
{
#ifdef UMBRA_TSAN
    __tsan_release(pointer);
#endif
}

inline void take([[maybe_unused]] void *pointer)
{
#ifdef UMBRA_TSAN
    __tsan_acquire(pointer);
#endif
}

} // namespace Umbra::HandOver
