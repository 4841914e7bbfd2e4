#include "migrate/migrationtypes.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonArray>

namespace Umbra {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Umbra::Migration)
};

struct StageName
{
    MigrationStage stage;
    const char *key;
};
constexpr StageName kStages[] = {
    { MigrationStage::Pending, "pending" },
    { MigrationStage::Preflight, "preflight" },
    { MigrationStage::Prediction, "prediction" },
    { MigrationStage::Snapshot, "snapshot" },
    { MigrationStage::Transfer, "transfer" },
    { MigrationStage::Redirect, "redirect" },
    { MigrationStage::Verify, "verify" },
    { MigrationStage::Finalize, "finalize" },
    { MigrationStage::RollingBack, "rollback" },
    { MigrationStage::Reconciling, "reconcile" },
    { MigrationStage::Done, "done" },
};

QString isoTime(qint64 ms)
{
    return ms > 0 ? QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs)
                  : QString();
}

} // namespace

QString stageKey(MigrationStage stage)
{
    for (const auto &s : kStages)
        if (s.stage == stage)
            return QLatin1String(s.key);
    return QStringLiteral("pending");
}

MigrationStage stageFromKey(const QString &key)
{
    for (const auto &s : kStages)
        if (key == QLatin1String(s.key))
            return s.stage;
    return MigrationStage::Pending;
}

QString stageLabel(MigrationStage stage)
{
    switch (stage) {
    case MigrationStage::Pending:
        return Tr::tr("Pending");
    case MigrationStage::Preflight:
        return Tr::tr("Preflight checks");
    case MigrationStage::Prediction:
        return Tr::tr("Prediction");
    case MigrationStage::Snapshot:
        return Tr::tr("Restore point");
    case MigrationStage::Transfer:
        return Tr::tr("Transfer");
    case MigrationStage::Redirect:
        return Tr::tr("Traffic redirect");
    case MigrationStage::Verify:
        return Tr::tr("Verification");
    case MigrationStage::Finalize:
        return Tr::tr("Finalize");
    case MigrationStage::RollingBack:
        return Tr::tr("Rolling back");
    case MigrationStage::Reconciling:
        return Tr::tr("Reconciling");
    case MigrationStage::Done:
        return Tr::tr("Done");
    }
    return {};
}

QJsonObject MigrationOptions::toJson() const
{
    static const char *const healthKinds[] = { "none", "http", "tcp", "agent" };
    static const char *const storageModes[] = { "auto", "shared", "copy" };
    return QJsonObject{
        { QStringLiteral("maxDowntimeMs"), maxDowntimeMs },
        { QStringLiteral("bandwidthMiBs"), bandwidthMiBs },
        { QStringLiteral("autoConverge"), autoConverge },
        { QStringLiteral("postCopy"), postCopy },
        { QStringLiteral("postCopyAfterIterations"), postCopyAfterIterations },
        { QStringLiteral("keepSource"), keepSource },
        { QStringLiteral("unsafe"), unsafe },
        { QStringLiteral("migrationUri"), migrationUri },
        { QStringLiteral("returnMigrationUri"), returnMigrationUri },
        { QStringLiteral("transfer"),
          transfer == TransferMode::Direct ? QStringLiteral("direct")
                                           : QStringLiteral("peer-to-peer") },
        { QStringLiteral("storage"), QLatin1String(storageModes[int(storage)]) },
        { QStringLiteral("snapshot"), snapshot },
        { QStringLiteral("requireSnapshot"), requireSnapshot },
        { QStringLiteral("health"), QLatin1String(healthKinds[int(health.kind)]) },
        { QStringLiteral("healthTarget"), health.target },
        { QStringLiteral("healthDeadlineMs"), health.deadlineMs },
        { QStringLiteral("targetReserveMiB"), targetReserveMiB },
        { QStringLiteral("vcpuOvercommit"), vcpuOvercommit },
        { QStringLiteral("transferTimeoutS"), transferTimeoutS },
    };
}

MigrationOptions MigrationOptions::fromJson(const QJsonObject &json)
{
    MigrationOptions o;
    o.maxDowntimeMs = json.value(QLatin1String("maxDowntimeMs")).toInt(o.maxDowntimeMs);
    o.bandwidthMiBs = json.value(QLatin1String("bandwidthMiBs")).toInt(o.bandwidthMiBs);
    o.autoConverge = json.value(QLatin1String("autoConverge")).toBool();
    o.postCopy = json.value(QLatin1String("postCopy")).toBool();
    o.postCopyAfterIterations
        = json.value(QLatin1String("postCopyAfterIterations")).toInt(o.postCopyAfterIterations);
    o.keepSource = json.value(QLatin1String("keepSource")).toBool();
    o.unsafe = json.value(QLatin1String("unsafe")).toBool();
    o.migrationUri = json.value(QLatin1String("migrationUri")).toString();
    o.returnMigrationUri = json.value(QLatin1String("returnMigrationUri")).toString();
    o.transfer = json.value(QLatin1String("transfer")).toString() == QLatin1String("direct")
        ? TransferMode::Direct
        : TransferMode::PeerToPeer;
    const QString storage = json.value(QLatin1String("storage")).toString();
    o.storage = storage == QLatin1String("shared") ? StorageMode::Shared
        : storage == QLatin1String("copy")         ? StorageMode::Copy
                                                   : StorageMode::Auto;
    o.snapshot = json.value(QLatin1String("snapshot")).toBool(true);
    o.requireSnapshot = json.value(QLatin1String("requireSnapshot")).toBool();
    const QString health = json.value(QLatin1String("health")).toString();
    o.health.kind = health == QLatin1String("http") ? HealthCheck::Kind::Http
        : health == QLatin1String("tcp")            ? HealthCheck::Kind::Tcp
        : health == QLatin1String("agent")          ? HealthCheck::Kind::Agent
                                                    : HealthCheck::Kind::None;
    o.health.target = json.value(QLatin1String("healthTarget")).toString();
    o.health.deadlineMs = json.value(QLatin1String("healthDeadlineMs")).toInt(o.health.deadlineMs);
    o.targetReserveMiB = qint64(
        json.value(QLatin1String("targetReserveMiB")).toDouble(double(o.targetReserveMiB)));
    o.vcpuOvercommit = json.value(QLatin1String("vcpuOvercommit")).toDouble(o.vcpuOvercommit);
    o.transferTimeoutS = json.value(QLatin1String("transferTimeoutS")).toInt();
    return o;
}

QJsonObject MigrationRecord::toJson() const
{
    QJsonArray stages;
    for (const StageEvent &e : events) {
        QJsonObject row{ { QStringLiteral("stage"), stageKey(e.stage) },
                         { QStringLiteral("kind"), e.kind },
                         { QStringLiteral("time"), isoTime(e.timestampMs) },
                         { QStringLiteral("timeMs"), e.timestampMs } };
        if (!e.message.isEmpty())
            row.insert(QStringLiteral("message"), e.message);
        stages.append(row);
    }
    auto number = [](qint64 v) { return v >= 0 ? QJsonValue(v) : QJsonValue(); };
    return QJsonObject{
        { QStringLiteral("job"), id },
        { QStringLiteral("vm"), vmName },
        { QStringLiteral("uuid"), vmUuid },
        { QStringLiteral("source"), sourceUri },
        { QStringLiteral("target"), targetUri },
        { QStringLiteral("stage"), stageKey(stage) },
        { QStringLiteral("outcome"), outcomeKey(outcome) },
        { QStringLiteral("reason"), reason },
        { QStringLiteral("started"), isoTime(createdMs) },
        { QStringLiteral("finished"), isoTime(finishedMs) },
        { QStringLiteral("stages"), stages },
        { QStringLiteral("predicted"),
          QJsonObject{ { QStringLiteral("durationMs"), number(predictedTotalMs) },
                       { QStringLiteral("downtimeMs"), number(predictedDowntimeMs) },
                       { QStringLiteral("bandwidthBytesPerSec"), predictedBandwidth },
                       { QStringLiteral("dirtyBytesPerSec"),
                         dirtyRate >= 0 ? QJsonValue(dirtyRate) : QJsonValue() },
                       { QStringLiteral("memoryBytes"), memoryBytes },
                       { QStringLiteral("iterations"), predictedIterations },
                       { QStringLiteral("converges"), predictedConverges } } },
        { QStringLiteral("actual"),
          QJsonObject{ { QStringLiteral("durationMs"), number(actualTotalMs) },
                       { QStringLiteral("downtimeMs"), number(actualDowntimeMs) },
                       { QStringLiteral("bandwidthBytesPerSec"), measuredBandwidth },
                       { QStringLiteral("dataBytes"), number(dataBytes) },
                       { QStringLiteral("jobMs"),
                         finishedMs > 0 ? QJsonValue(finishedMs - createdMs) : QJsonValue() } } },
        { QStringLiteral("options"), options.toJson() },
    };
}

} // namespace Umbra
