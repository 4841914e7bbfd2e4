#include "shadow/shadowjournal.h"

#include "store/database.h"
#include "store/sqlvalues.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlError>
#include <QSqlQuery>
#include <QUrl>

namespace Umbra::Shadow {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Umbra::Shadow)
};

Error sqlError(const QSqlQuery &q)
{
    return Error{ Tr::tr("Shadow journal: %1").arg(q.lastError().text()) };
}

QString disksToJson(const QList<ReplicatedDisk> &disks)
{
    QJsonArray array;
    for (const ReplicatedDisk &d : disks)
        array.append(QJsonObject{ { QStringLiteral("target"), d.target },
                                  { QStringLiteral("replica"), d.replica },
                                  { QStringLiteral("file"), d.file },
                                  { QStringLiteral("sizeBytes"), d.sizeBytes },
                                  { QStringLiteral("nbdHost"), d.nbdHost },
                                  { QStringLiteral("port"), d.port } });
    return QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact));
}

QList<ReplicatedDisk> disksFromJson(const QString &json)
{
    QList<ReplicatedDisk> disks;
    for (const QJsonValue &v : QJsonDocument::fromJson(json.toUtf8()).array()) {
        const QJsonObject o = v.toObject();
        ReplicatedDisk d;
        d.target = o.value(QLatin1String("target")).toString();
        d.replica = o.value(QLatin1String("replica")).toString();
        d.file = o.value(QLatin1String("file")).toString();
        d.sizeBytes = qint64(o.value(QLatin1String("sizeBytes")).toDouble());
        d.nbdHost = o.value(QLatin1String("nbdHost")).toString();
        d.port = o.value(QLatin1String("port")).toInt();
        disks.append(d);
    }
    return disks;
}

const char kColumns[]
    = "id, primary_uuid, primary_name, primary_uri, shadow_uri, shadow_name, "
      "shadow_uuid, memory_kib, vcpus, disks, state, reason, primary_xml, "
      "owner_pid, created_ms, updated_ms, synced_ms, seeds, rto_ms, validate_every_h, "
      "seed_limit_bps, write_ms_before";

// NULL for the console's default.
QVariant interval(std::optional<int> hours)
{
    return hours ? QVariant(*hours) : QVariant(QMetaType::fromType<int>());
}

} // namespace

QString AgentAccess::effectiveAddress() const
{
    return address.isEmpty() ? QUrl(hostUri).host() : address;
}

ShadowJournal::ShadowJournal(std::unique_ptr<Database> db)
    : m_db(std::move(db))
{ }

ShadowJournal::~ShadowJournal() = default;

Result<std::unique_ptr<ShadowJournal>> ShadowJournal::open(const QString &path,
                                                           const QString &connectionName)
{
    auto db = Database::open(path, connectionName, Database::Mode::Durable);
    if (!db)
        return Error{ db.error() };
    return std::unique_ptr<ShadowJournal>(new ShadowJournal(std::move(db.value())));
}

Result<qint64> ShadowJournal::create(const ShadowRecord &r)
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    QSqlQuery q(m_db->sql());
    q.prepare(QStringLiteral(
        "INSERT INTO shadows (primary_uuid, primary_name, primary_uri, shadow_uri, shadow_name, "
        "shadow_uuid, memory_kib, vcpus, disks, state, reason, primary_xml, owner_pid, "
        "created_ms, updated_ms, synced_ms, seeds, rto_ms, validate_every_h, seed_limit_bps) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, 0, -1, ?, ?)"));
    for (const QVariant &v :
         QVariantList{ SqlValues::text(r.primaryUuid), SqlValues::text(r.primaryName),
                       SqlValues::text(r.primaryUri), SqlValues::text(r.shadowUri),
                       SqlValues::text(r.shadowName), SqlValues::text(r.shadowUuid),
                       qint64(r.memoryKiB), r.vcpus, disksToJson(r.disks), stateKey(r.state),
                       SqlValues::text(r.reason), SqlValues::text(r.primaryXml), r.ownerPid, now,
                       now, interval(r.validateEveryH), r.seedLimitBytesPerSec })
        q.addBindValue(v);
    if (!q.exec())
        return sqlError(q);
    const qint64 id = q.lastInsertId().toLongLong();
    if (auto noted = note(id, QStringLiteral("state"), stateLabel(r.state)); !noted)
        return Error{ noted.error() };
    return id;
}

Result<void> ShadowJournal::update(const ShadowRecord &r, const QString &kind,
                                   const QString &message)
{
    auto stored = store(r, std::nullopt, kind, message);
    if (!stored)
        return Error{ stored.error() };
    return {};
}

Result<bool> ShadowJournal::updateFrom(State from, const ShadowRecord &r, const QString &kind,
                                       const QString &message)
{
    return store(r, from, kind, message);
}

Result<bool> ShadowJournal::store(const ShadowRecord &r, std::optional<State> from,
                                  const QString &kind, const QString &message)
{
    QSqlQuery q(m_db->sql());
    q.prepare(
        QStringLiteral(
            "UPDATE shadows SET primary_uri = ?, memory_kib = ?, vcpus = ?, shadow_name = ?, "
            "shadow_uuid = ?, disks = ?, state = ?, reason = ?, owner_pid = ?, updated_ms = ?, "
            "synced_ms = ?, seeds = ?, rto_ms = ?, write_ms_before = ? WHERE id = ?")
        + (from ? QStringLiteral(" AND state = ?") : QString()));
    for (const QVariant &v :
         QVariantList{ SqlValues::text(r.primaryUri), qint64(r.memoryKiB), r.vcpus,
                       SqlValues::text(r.shadowName), SqlValues::text(r.shadowUuid),
                       disksToJson(r.disks), stateKey(r.state), SqlValues::text(r.reason),
                       r.ownerPid, QDateTime::currentMSecsSinceEpoch(), r.syncedMs, r.seeds,
                       r.rtoMs, r.writeLatencyBeforeMs, r.id })
        q.addBindValue(v);
    if (from)
        q.addBindValue(stateKey(*from));
    if (!q.exec())
        return sqlError(q);
    if (q.numRowsAffected() < 1)
        return false;
    if (!message.isEmpty())
        if (auto noted = note(r.id, kind.isEmpty() ? QStringLiteral("note") : kind, message);
            !noted)
            return Error{ noted.error() };
    return true;
}

Result<void> ShadowJournal::setValidationInterval(qint64 shadowId, std::optional<int> hours)
{
    QSqlQuery q(m_db->sql());
    q.prepare(QStringLiteral("UPDATE shadows SET validate_every_h = ? WHERE id = ?"));
    q.addBindValue(interval(hours));
    q.addBindValue(shadowId);
    if (!q.exec())
        return sqlError(q);
    return {};
}

Result<void> ShadowJournal::note(qint64 id, const QString &kind, const QString &message)
{
    QSqlQuery q(m_db->sql());
    q.prepare(QStringLiteral(
        "INSERT INTO shadow_events (shadow, ts_ms, kind, message) VALUES (?, ?, ?, ?)"));
    q.addBindValue(id);
    q.addBindValue(QDateTime::currentMSecsSinceEpoch());
    q.addBindValue(kind);
    q.addBindValue(SqlValues::text(message));
    if (!q.exec())
        return sqlError(q);
    return {};
}

Result<QList<ShadowRecord>> ShadowJournal::select(const QString &where, const QVariantList &binds,
                                                  const QString &order, int limit)
{
    QSqlQuery q(m_db->sql());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT %1 FROM shadows %2 ORDER BY %3 LIMIT %4")
                  .arg(QLatin1String(kColumns), where, order)
                  .arg(limit));
    for (const QVariant &v : binds)
        q.addBindValue(v);
    if (!q.exec())
        return sqlError(q);
    QList<ShadowRecord> list;
    while (q.next()) {
        ShadowRecord r;
        r.id = q.value(0).toLongLong();
        r.primaryUuid = q.value(1).toString();
        r.primaryName = q.value(2).toString();
        r.primaryUri = q.value(3).toString();
        r.shadowUri = q.value(4).toString();
        r.shadowName = q.value(5).toString();
        r.shadowUuid = q.value(6).toString();
        r.memoryKiB = q.value(7).toULongLong();
        r.vcpus = q.value(8).toInt();
        r.disks = disksFromJson(q.value(9).toString());
        r.state = stateFromKey(q.value(10).toString());
        r.reason = q.value(11).toString();
        r.primaryXml = q.value(12).toString();
        r.ownerPid = q.value(13).toLongLong();
        r.createdMs = q.value(14).toLongLong();
        r.updatedMs = q.value(15).toLongLong();
        r.syncedMs = q.value(16).toLongLong();
        r.seeds = q.value(17).toInt();
        r.rtoMs = q.value(18).toLongLong();
        if (!q.value(19).isNull())
            r.validateEveryH = q.value(19).toInt();
        r.seedLimitBytesPerSec = q.value(20).toLongLong();
        r.writeLatencyBeforeMs = q.value(21).toDouble();
        list.append(r);
    }
    QSqlQuery events(m_db->sql());
    events.prepare(QStringLiteral(
        "SELECT ts_ms, kind, message FROM shadow_events WHERE shadow = ? ORDER BY rowid"));
    for (ShadowRecord &r : list) {
        events.addBindValue(r.id);
        if (!events.exec())
            return sqlError(events);
        while (events.next())
            r.events.append({ events.value(0).toLongLong(), events.value(1).toString(),
                              events.value(2).toString() });
    }
    QSqlQuery validations(m_db->sql());
    validations.prepare(QStringLiteral(
        "SELECT started_ms, duration_ms, passed, reason, evidence FROM shadow_validations "
        "WHERE shadow = ? ORDER BY started_ms DESC LIMIT 1"));
    for (ShadowRecord &r : list) {
        validations.addBindValue(r.id);
        if (!validations.exec())
            return sqlError(validations);
        if (validations.next()) {
            Validation v;
            v.startedMs = validations.value(0).toLongLong();
            v.durationMs = validations.value(1).toLongLong();
            v.passed = validations.value(2).toBool();
            v.reason = validations.value(3).toString();
            v.evidence = validations.value(4).toString().split(u'\n', Qt::SkipEmptyParts);
            r.lastValidation = v;
        }
    }
    return list;
}

Result<void> ShadowJournal::addValidation(qint64 shadowId, const Validation &v)
{
    QSqlQuery q(m_db->sql());
    q.prepare(QStringLiteral("INSERT INTO shadow_validations (shadow, started_ms, duration_ms, "
                             "passed, reason, evidence) VALUES (?, ?, ?, ?, ?, ?)"));
    for (const QVariant &value :
         QVariantList{ shadowId, v.startedMs, v.durationMs, v.passed ? 1 : 0,
                       SqlValues::text(v.reason), SqlValues::text(v.evidence.join(u'\n')) })
        q.addBindValue(value);
    if (!q.exec())
        return sqlError(q);
    return note(
        shadowId, QStringLiteral("validation"),
        v.passed
            ? Tr::tr("Validation passed in %1 s.").arg(double(v.durationMs) / 1000.0, 0, 'f', 1)
            : Tr::tr("Validation failed: %1").arg(v.reason));
}

Result<ShadowRecord> ShadowJournal::shadow(qint64 id)
{
    auto found = select(QStringLiteral("WHERE id = ?"), { id }, QStringLiteral("id"), 1);
    if (!found)
        return Error{ found.error() };
    if (found->isEmpty())
        return Error{ Tr::tr("No shadow %1 in the journal.").arg(id) };
    return found->first();
}

Result<std::optional<ShadowRecord>> ShadowJournal::liveShadowOf(const QString &primary)
{
    auto found = select(QStringLiteral("WHERE (primary_uuid = ? OR primary_name = ?) AND state "
                                       "NOT IN ('removed', 'failed')"),
                        { primary, primary }, QStringLiteral("id DESC"), 1);
    if (!found)
        return Error{ found.error() };
    if (found->isEmpty())
        return std::optional<ShadowRecord>();
    return std::optional<ShadowRecord>(found->first());
}

Result<QList<ShadowRecord>> ShadowJournal::live()
{
    return select(QStringLiteral("WHERE state NOT IN ('removed', 'failed')"), {},
                  QStringLiteral("id"), 100000);
}

Result<QList<ShadowRecord>> ShadowJournal::history(int limit)
{
    return select(QString(), {}, QStringLiteral("id DESC"), limit);
}

Result<void> ShadowJournal::setAgent(const AgentAccess &access)
{
    QSqlQuery q(m_db->sql());
    q.prepare(QStringLiteral(
        "INSERT OR REPLACE INTO replica_agents (host_uri, command, address) VALUES (?, ?, ?)"));
    q.addBindValue(access.hostUri);
    q.addBindValue(SqlValues::text(access.command));
    q.addBindValue(SqlValues::text(access.address));
    if (!q.exec())
        return sqlError(q);
    return {};
}

Result<QHash<QString, AgentAccess>> ShadowJournal::agents()
{
    QSqlQuery q(m_db->sql());
    if (!q.exec(QStringLiteral("SELECT host_uri, command, address FROM replica_agents")))
        return sqlError(q);
    QHash<QString, AgentAccess> agents;
    while (q.next())
        agents.insert(q.value(0).toString(),
                      { q.value(0).toString(), q.value(1).toString(), q.value(2).toString() });
    return agents;
}

} // namespace Umbra::Shadow
