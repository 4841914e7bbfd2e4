#include "traffic/balancerredirector.h"

#include "traffic/trafficjob.h"

#include <QCoreApplication>

namespace Umbra {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Umbra::TrafficRedirector)
};

} // namespace

Result<QString> NoTrafficRedirector::redirect(const Move &move)
{
    return Tr::tr("Skipped: no load balancer is configured, so the traffic of %1 follows its "
                  "address.")
        .arg(move.vmName);
}

namespace Traffic {

BalancerRedirector::BalancerRedirector(QString journalPath, ServerResolver resolve,
                                       int drainTimeoutMs)
    : m_journalPath(std::move(journalPath))
    , m_resolve(std::move(resolve))
    , m_drainTimeoutMs(drainTimeoutMs)
{ }

QString BalancerRedirector::name() const
{
    return Tr::tr("Load balancer drain");
}

Result<QString> BalancerRedirector::redirect(const Move &move)
{
    auto servers = m_resolve(move.vmUuid, move.vmName, move.sourceUri);
    if (!servers)
        return Error{ servers.error() };
    if (servers->isEmpty())
        return Tr::tr("Skipped: no server of a configured load balancer is %1, so there is "
                      "nothing to drain.")
            .arg(move.vmName);
    QStringList done;
    QList<VmServer> drained;
    for (const VmServer &s : servers.value()) {
        TrafficJob job(m_journalPath, s.balancer);
        const Jobs::Outcome outcome = job.drain(s.server, m_drainTimeoutMs,
                                                { { QStringLiteral("migrationJob"), move.jobId } });
        const QString where = QStringLiteral("%1 %2").arg(s.balancer.name, s.server.path());
        if (outcome == Jobs::Outcome::Completed) {
            drained.append(s);
            done.append(Tr::tr("drained %1").arg(where));
        } else if (job.action().id != 0 && job.action().inForce()) {
            // Drained, but sessions were still open at the deadline.
            drained.append(s);
            done.append(Tr::tr("drained %1 (%2)").arg(where, job.reason()));
        } else {
            done.append(Tr::tr("not drained %1: %2").arg(where, job.reason()));
        }
    }
    QMutexLocker lock(&m_mutex);
    m_drained.insert(move.vmUuid, drained);
    return QString(done.join(QStringLiteral("; ")) + QLatin1Char('.'));
}

Result<QString> BalancerRedirector::restore(const Move &move)
{
    QList<VmServer> drained;
    {
        QMutexLocker lock(&m_mutex);
        drained = m_drained.take(move.vmUuid);
    }
    QStringList done;
    QStringList failures;
    for (const VmServer &s : drained) {
        TrafficJob job(m_journalPath, s.balancer);
        const QString where = QStringLiteral("%1 %2").arg(s.balancer.name, s.server.path());
        if (job.restore(s.server) == Jobs::Outcome::Completed)
            done.append(Tr::tr("restored %1").arg(where));
        else
            failures.append(Tr::tr("%1: %2").arg(where, job.reason()));
    }
    if (!failures.isEmpty())
        return Error{
            Tr::tr("Restoring traffic failed for %1").arg(failures.join(QStringLiteral("; ")))
        };
    if (done.isEmpty())
        return QString();
    return QString(done.join(QStringLiteral("; ")) + QLatin1Char('.'));
}

} // namespace Traffic

} // namespace Umbra
