#include "engine/eventlog.h"

#include "engine/historyservice.h"
#include "engine/lifecycleservice.h"
#include "fleet/fleetstate.h"
#include "fleet/hosturi.h"
#include "migrate/migrationtypes.h"
#include "predict/anomaly.h"
#include "store/storereader.h"
#include "store/storewriter.h"
#include "traffic/trafficjournal.h"

#include <QDateTime>
#include <QStringList>

namespace Umbra {

namespace {

EventRecord now(EventRecord::Severity severity, const QString &kind)
{
    EventRecord event;
    event.timestampMs = QDateTime::currentMSecsSinceEpoch();
    event.severity = severity;
    event.kind = kind;
    return event;
}

} // namespace

EventLog::EventLog(const FleetState *fleet, const HistoryService *history, QObject *parent)
    : QObject(parent)
    , m_fleet(fleet)
    , m_history(history)
{ }

EventLog::~EventLog() = default;

void EventLog::log(const EventRecord &event)
{
    if (StoreWriter *writer = m_history->writer())
        QMetaObject::invokeMethod(
            writer, [writer, event] { writer->addEvent(event); }, Qt::QueuedConnection);
    announce(event);
}

void EventLog::announce(const EventRecord &event)
{
    Q_EMIT eventLogged(event);
}

QFuture<QList<EventRecord>> EventLog::recent(int limit) const
{
    if (StoreReader *reader = m_history->reader())
        return reader->recentEvents(limit);
    return QtFuture::makeReadyFuture(QList<EventRecord>());
}

QString EventLog::describeEntity(const QString &entity, EventRecord &event) const
{
    if (entity.startsWith(QLatin1String("vm/"))) {
        event.vmUuid = entity.mid(3);
        const QString uri = m_fleet->hostOfVm(event.vmUuid);
        if (const auto vm = m_fleet->vm(uri, event.vmUuid)) {
            event.hostUri = uri;
            return vm->name;
        }
        return entity;
    }
    if (entity.startsWith(QLatin1String("host/"))) {
        event.hostUri = entity.mid(5);
        return HostUri::displayName(event.hostUri);
    }
    return entity;
}

void EventLog::storeFailed(const QString &message)
{
    // Not stored: the store is what failed.
    EventRecord event = now(EventRecord::Severity::Error, QStringLiteral("store.error"));
    event.message = message;
    announce(event);
}

void EventLog::storeRecovered(int samples)
{
    // Stored: writing works again, and the log should say when the gap closed.
    EventRecord event = now(EventRecord::Severity::Info, QStringLiteral("store.recovered"));
    event.message = tr("Writing to the database works again; %n sample(s) held meanwhile were "
                       "written.",
                       nullptr, samples);
    log(event);
}

void EventLog::samplesDropped(const QString &entity, qint64 heldUntilMs)
{
    EventRecord event
        = now(EventRecord::Severity::Warning, QStringLiteral("store.samples_dropped"));
    const QString name = describeEntity(entity, event);
    event.message
        = tr("%1: new samples are not stored, because its history already reaches %2, later "
             "than they are. History imported or recorded ahead of this clock is the usual "
             "cause; samples are stored again once the clock passes that time.")
              .arg(name,
                   QDateTime::fromMSecsSinceEpoch(heldUntilMs, Qt::UTC).toString(Qt::ISODate));
    log(event);
}

void EventLog::anomaliesFound(const QList<Anomaly> &incident)
{
    if (incident.isEmpty())
        return;
    const Anomaly &first = incident.first();
    EventRecord event;
    event.timestampMs = first.timeMs;
    event.severity = EventRecord::Severity::Warning;
    event.kind = QStringLiteral("anomaly");
    const QString name = describeEntity(first.entity, event);
    QStringList reasons;
    double score = 0;
    for (const Anomaly &anomaly : incident) {
        reasons.append(anomalyReason(anomaly));
        score = std::max(score, anomaly.score);
    }
    event.message = tr("%1: %2 (anomaly score %3)")
                        .arg(name, reasons.join(QStringLiteral("; ")))
                        .arg(score, 0, 'f', 2);
    log(event);
}

void EventLog::predictionFailed(const QString &message)
{
    EventRecord event = now(EventRecord::Severity::Warning, QStringLiteral("predict.error"));
    event.message = message;
    log(event);
}

void EventLog::metricsServing(const QString &url)
{
    EventRecord event = now(EventRecord::Severity::Info, QStringLiteral("metrics.serving"));
    event.message = tr("Serving metrics for Prometheus at %1").arg(url);
    log(event);
}

void EventLog::metricsFailed(const QString &message)
{
    EventRecord event = now(EventRecord::Severity::Error, QStringLiteral("metrics.failed"));
    event.message = message;
    log(event);
}

void EventLog::hostSilent(const HostStatus &status)
{
    EventRecord event = now(EventRecord::Severity::Warning, QStringLiteral("host.silent"));
    event.hostUri = status.uri;
    event.message = tr("%1: %2").arg(status.uri, status.lastError);
    log(event);
}

void EventLog::migrationFinished(const MigrationRecord &record)
{
    EventRecord event
        = now(record.outcome == MigrationOutcome::Completed ? EventRecord::Severity::Info
                                                            : EventRecord::Severity::Warning,
              QStringLiteral("migration.") + outcomeKey(record.outcome));
    event.hostUri = record.sourceUri;
    event.vmUuid = record.vmUuid;
    event.message = record.reason.isEmpty()
        ? tr("Migration of %1 to %2: %3")
              .arg(record.vmName, HostUri::displayName(record.targetUri),
                   outcomeLabel(record.outcome))
        : tr("Migration of %1 to %2: %3 (%4)")
              .arg(record.vmName, HostUri::displayName(record.targetUri),
                   outcomeLabel(record.outcome), record.reason);
    log(event);
}

void EventLog::trafficActionFinished(const Traffic::TrafficAction &action, Jobs::Outcome outcome,
                                     const QString &reason)
{
    using Traffic::ActionKind;
    EventRecord event = now(outcome == Jobs::Outcome::Completed ? EventRecord::Severity::Info
                                                                : EventRecord::Severity::Warning,
                            QStringLiteral("traffic.") + Traffic::actionKindKey(action.kind)
                                + QLatin1Char('.') + Jobs::outcomeKey(outcome));
    const QString what
        = QStringLiteral("%1 %2/%3").arg(action.balancer, action.backend, action.subject);
    event.message = reason.isEmpty()
        ? tr("Traffic %1 on %2: %3")
              .arg(Traffic::actionKindLabel(action.kind), what, Jobs::outcomeLabel(outcome))
        : tr("Traffic %1 on %2: %3 (%4)")
              .arg(Traffic::actionKindLabel(action.kind), what, Jobs::outcomeLabel(outcome),
                   reason);
    log(event);
}

void EventLog::vmActionFinished(const VmActionRecord &record)
{
    const auto severity = record.outcome == Jobs::Outcome::Completed ? EventRecord::Severity::Info
        : record.outcome == Jobs::Outcome::Failed                    ? EventRecord::Severity::Error
                                                  : EventRecord::Severity::Warning;
    EventRecord event
        = now(severity,
              Lifecycle::vmActionPlanKind(record.action) + u'.' + Jobs::outcomeKey(record.outcome));
    event.hostUri = record.target.uri;
    event.vmUuid = record.target.uuid;
    event.message = record.message;
    log(event);
}

void EventLog::lifecycleReported(const QString &message, bool isError)
{
    report(QStringLiteral("vm.action.report"), message, isError);
}

void EventLog::trafficReported(const QString &message, bool isError)
{
    report(QStringLiteral("traffic.report"), message, isError);
}

void EventLog::shadowActionFinished(const Jobs::Plan &plan, bool succeeded, const QString &message)
{
    EventRecord event
        = now(succeeded ? EventRecord::Severity::Info : EventRecord::Severity::Error, plan.kind);
    event.vmUuid = plan.subjectId;
    event.message = message;
    log(event);
}

void EventLog::shadowReported(const QString &message, bool isError)
{
    report(QStringLiteral("shadow.report"), message, isError);
}

void EventLog::policyReported(const QString &message, bool isError)
{
    report(QStringLiteral("policy.report"), message, isError);
}

void EventLog::report(const QString &kind, const QString &message, bool isError)
{
    EventRecord event
        = now(isError ? EventRecord::Severity::Warning : EventRecord::Severity::Info, kind);
    event.message = message;
    log(event);
}

} // namespace Umbra
