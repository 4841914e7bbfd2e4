#pragma once

#include <QObject>
#include <QTimer>
#include <atomic>
#include <memory>

namespace Umbra {

// Keeps the engine's heap close to what it uses: limits the C library's
// arenas, and gives the memory the engine has freed back to the system twice
// a minute.
//
// The engine allocates on a thread per host, the store's thread and the
// prediction thread, and frees much of it on another; glibc keeps what is
// freed in the arena of the thread that allocated it, where the next
// allocation of another thread cannot use it. A console of 10,000 VMs
// otherwise holds tens of MiB it no longer uses (docs/benchmarks.md).
// Trimming walks every arena, a few milliseconds at that size, so it runs
// on a pool thread, never the GUI's.
//
// glibc gives threads up to eight arenas per core, each keeping its own
// free pages; the engine's thread per host spread over all of them. At
// 10,000 VMs on two cores, four arenas instead of sixteen peaked 7 MiB
// lower over ten minutes at no measured cost in CPU (docs/benchmarks.md).
// Both are no-ops where the C library has no such calls.
class HeapTrim : public QObject
{
    Q_OBJECT
public:
    static constexpr int kIntervalMs = 30 * 1000;

    explicit HeapTrim(QObject *parent = nullptr);
    ~HeapTrim() override;

    void start();
    void stop();
    // Trims now, on the calling thread; returns whether memory went back.
    static bool trimNow();
    // The most arenas the C library may create from now on: as many as
    // the cores, at least four. Threads started before keep theirs.
    static void limitArenas();

private:
    void trimInBackground();

    QTimer m_timer;
    // Shared with the trim under way, which may outlive this object.
    std::shared_ptr<std::atomic_bool> m_running = std::make_shared<std::atomic_bool>(false);
};

} // namespace Umbra
