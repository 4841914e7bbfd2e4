#include "migrate/planqueue.h"

#include <QThread>

namespace Umbra {

PlanQueue::PlanQueue(QString databasePath, QString connectionName)
    : m_shared(std::make_shared<Shared>())
{
    m_shared->databasePath = std::move(databasePath);
    m_shared->connectionName = std::move(connectionName);
}

PlanQueue::~PlanQueue()
{
    {
        std::lock_guard lock(m_shared->mutex);
        m_shared->stopping = true;
    }
    m_shared->wake.notify_all();
}

void PlanQueue::post(Task task, std::function<void()> abandon, bool urgent)
{
    {
        std::lock_guard lock(m_shared->mutex);
        Entry entry{ std::move(task), std::move(abandon) };
        if (urgent)
            m_shared->entries.push_front(std::move(entry));
        else
            m_shared->entries.push_back(std::move(entry));
    }
    if (!m_started) {
        m_started = true;
        QThread *thread = QThread::create([shared = m_shared] { run(shared); });
        thread->setObjectName(QStringLiteral("umbra-migrate-plan"));
        m_thread.start(thread);
    }
    m_shared->wake.notify_one();
}

void PlanQueue::run(const std::shared_ptr<Shared> &shared)
{
    const QString &name = shared->connectionName;
    // Opened on this thread and closed on it: a connection belongs to the
    // thread that opened it.
    std::unique_ptr<MigrationJournal> journal;
    std::unique_ptr<Jobs::PlanStore> store;
    QString storeError;
    for (;;) {
        Entry entry;
        {
            std::unique_lock lock(shared->mutex);
            shared->wake.wait(lock,
                              [&shared] { return shared->stopping || !shared->entries.empty(); });
            if (shared->stopping)
                break;
            entry = std::move(shared->entries.front());
            shared->entries.pop_front();
        }
        if (!journal) {
            if (auto opened = MigrationJournal::open(shared->databasePath, name))
                journal = std::move(opened.value());
        }
        if (!store) {
            auto opened = Jobs::PlanStore::open(shared->databasePath, name + u"-plans");
            if (opened)
                store = std::move(opened.value());
            else
                storeError = opened.error();
        }
        entry.task(journal.get(),
                   store ? Result<Jobs::PlanStore *>(store.get())
                         : Result<Jobs::PlanStore *>(Error{ storeError }));
    }
    std::deque<Entry> abandoned;
    {
        std::lock_guard lock(shared->mutex);
        abandoned.swap(shared->entries);
    }
    for (Entry &entry : abandoned)
        if (entry.abandon)
            entry.abandon();
}

} // namespace Umbra
