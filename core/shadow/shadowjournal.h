#pragma once

#include "shadow/shadowrecord.h"
#include "util/result.h"

#include <QHash>
#include <QVariantList>
#include <memory>
#include <optional>

namespace Umbra {
class Database;
}

namespace Umbra::Shadow {

// How a shadow host's replica agent is reached: the command prefix that runs
// umbra-replica there, and the address its NBD exports listen on.
struct AgentAccess
{
    QString hostUri;
    QString command;
    QString address; // empty: the host of the URI
    QString effectiveAddress() const;
};

// The crash-proof record of shadows in Umbra's SQLite file (schema 12–14:
// shadows, shadow_events, replica_agents, shadow_validations). Like the other journals, every
// write commits durably before the caller acts on it, so a console killed
// mid-seed finds what it had made. A journal belongs to the thread that
// opened it.
class ShadowJournal
{
public:
    static Result<std::unique_ptr<ShadowJournal>> open(const QString &path,
                                                       const QString &connectionName);
    ~ShadowJournal();

    Result<qint64> create(const ShadowRecord &record);
    // Stores what the record says now (state, reason, disks, the shadow's
    // identity, figures) with an event when `message` is given.
    Result<void> update(const ShadowRecord &record, const QString &kind = {},
                        const QString &message = {});
    // As update(), only while the stored state is still `from`: a check that
    // read a shadow before another process suspended it must not overwrite
    // the suspension with what it saw. False when the state had moved on.
    Result<bool> updateFrom(State from, const ShadowRecord &record, const QString &kind,
                            const QString &message);
    Result<void> note(qint64 id, const QString &kind, const QString &message);

    Result<ShadowRecord> shadow(qint64 id);
    // The live shadow of a VM (not Removed or Failed), if any.
    Result<std::optional<ShadowRecord>> liveShadowOf(const QString &primaryUuidOrName);
    // Every live shadow, oldest first.
    Result<QList<ShadowRecord>> live();
    Result<QList<ShadowRecord>> history(int limit = 100);

    Result<void> addValidation(qint64 shadowId, const Validation &validation);
    // The shadow's own validation schedule (see ShadowRecord::validateEveryH).
    Result<void> setValidationInterval(qint64 shadowId, std::optional<int> hours);

    Result<void> setAgent(const AgentAccess &access);
    Result<QHash<QString, AgentAccess>> agents();

private:
    explicit ShadowJournal(std::unique_ptr<Database> db);
    Result<QList<ShadowRecord>> select(const QString &where, const QVariantList &binds,
                                       const QString &order, int limit);
    Result<bool> store(const ShadowRecord &record, std::optional<State> from, const QString &kind,
                       const QString &message);

    std::unique_ptr<Database> m_db;
};

} // namespace Umbra::Shadow
