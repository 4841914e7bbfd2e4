#pragma once

#include "jobs/planstore.h"
#include "migrate/migrationjournal.h"
#include "util/workerthreads.h"

#include <QString>
#include <condition_variable>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>

namespace Umbra {

// Works migration plans out one at a time on a thread of its own, which keeps
// one journal connection and one plan store open for all of them. A policy
// proposing for a large fleet asks for hundreds of plans at once; a thread,
// a journal and a plan store for each, all waiting on the store's lock, held
// 160 MB of page caches at 10,000 VMs and gained nothing, since their writes
// queue on that lock anyway.
class PlanQueue
{
public:
    // What a plan is worked out with. The journal is null, and the store an
    // error, when the database could not be opened; the next task tries again.
    using Task
        = std::function<void(MigrationJournal *journal, const Result<Jobs::PlanStore *> &store)>;

    // `connectionName`: unique in the process; the journal's connection takes
    // it and the plan store's adds "-plans".
    PlanQueue(QString databasePath, QString connectionName);
    // Lets the task in hand finish, for up to 15 s; those still waiting are
    // abandoned.
    ~PlanQueue();
    PlanQueue(const PlanQueue &) = delete;
    PlanQueue &operator=(const PlanQueue &) = delete;

    // Queues `task` behind the others, or in front of them when `urgent` (an
    // operator waits for it; a policy's proposals can wait). `abandon` runs
    // instead of `task` if the queue ends first, on the queue's thread.
    void post(Task task, std::function<void()> abandon, bool urgent);

private:
    struct Entry
    {
        Task task;
        std::function<void()> abandon;
    };
    // Shared with the thread, which may outlive the queue: one held up by an
    // unreachable host is left to finish rather than freeze the console.
    struct Shared
    {
        QString databasePath;
        QString connectionName;
        std::mutex mutex;
        std::condition_variable wake;
        std::deque<Entry> entries;
        bool stopping = false;
    };

    static void run(const std::shared_ptr<Shared> &shared);

    std::shared_ptr<Shared> m_shared;
    bool m_started = false; // the thread starts with the first task
    WorkerThreads m_thread; // last: waited for, up to 15 s, before the rest goes
};

} // namespace Umbra
