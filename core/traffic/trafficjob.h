#pragma once

#include "jobs/outcome.h"
#include "traffic/runtimeapi.h"
#include "traffic/shiftrequest.h"
#include "traffic/trafficjournal.h"

#include <QString>
#include <atomic>
#include <functional>
#include <memory>

namespace Umbra::Traffic {

// Where a running traffic action is, for a progress bar and the log.
struct TrafficProgress
{
    qint64 actionId = 0;
    ActionKind kind = ActionKind::Shift;
    QString subject;
    int step = 0; // 1-based; 0 while checking
    int steps = 0;
    double percent = 0; // the share of the step in force (shift)
    QString message;
};

// One traffic action — a shift, a drain or a restore — carried out against a
// load balancer's runtime API and journalled step by step (each step written
// before it is sent). Blocking: run it on a job thread, a worker, or the
// command line's own thread. cancel() may be called from any thread; the
// action then goes back to the weights it found.
class TrafficJob
{
public:
    using ProgressFn = std::function<void(const TrafficProgress &)>;

    TrafficJob(QString journalPath, Balancer balancer, ProgressFn progress = {});
    ~TrafficJob();

    void cancel() { m_cancel.store(true); }

    // Moves `request.percent` of `from`'s requests to `to` in gated steps. A
    // failed gate goes back to the last split that held, by itself, and says
    // why; a cancel goes back to the weights found.
    Jobs::Outcome shift(const ShiftRequest &request);
    // Takes `server` out of balancing (state drain) and waits, at most
    // `timeoutMs`, until its sessions have ended. Refused when it is the only
    // server of its backend that is up: draining it would refuse service.
    // `context` is journalled with it (a migration's job id, for example).
    Jobs::Outcome drain(const ServerRef &server, int timeoutMs = 30000,
                        const QJsonObject &context = {});
    // Puts back what the shifts and drains in force on `server`'s backend
    // changed (the weights and states they found); with none in force, makes
    // `server` ready at its configured weight.
    Jobs::Outcome restore(const ServerRef &server);

    // The journalled action as it ended (id 0 when nothing was journalled).
    const TrafficAction &action() const { return m_action; }
    const QString &reason() const { return m_reason; }

    // How often a held step reads HAProxy's statistics.
    static constexpr int kGatePollMs = 200;
    // How long a held step waits for a load balancer that stopped answering
    // (a restart) before it gives up and goes back.
    static constexpr int kUnreachableGraceMs = 5000;

private:
    bool openJournal();
    bool begin(ActionKind kind, const QString &backend, const QString &subject,
               const QJsonObject &request);
    // Reads every server's weight and state in `backend`.
    Result<QList<ServerStat>> readBackend(const QString &backend, Weights &weights,
                                          QMap<QString, QString> &states);
    Result<void> sendWeights(const Weights &weights, const QString &message);
    Jobs::Outcome end(Jobs::Outcome outcome, ActionState state, const QString &reason);
    void report(int step, int steps, double percent, const QString &message);
    void log(const QString &message, const QString &kind = QStringLiteral("note"));
    bool cancelled() const { return m_cancel.load(); }

    QString m_journalPath;
    QString m_connection;
    RuntimeApi m_api;
    ProgressFn m_progress;
    std::unique_ptr<TrafficJournal> m_journal;
    TrafficAction m_action;
    Weights m_sent; // the weights HAProxy was last told
    QString m_reason;
    std::atomic<bool> m_cancel{ false };
};

} // namespace Umbra::Traffic
