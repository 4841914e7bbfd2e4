#pragma once

#include "../queuedsignalspy.h"
#include "collect/hostsession.h"
#include "demo/simulatedstatssource.h"
#include "engine/engine.h"

#include <QThread>
#include <memory>

namespace Umbra::Testing {

// Runs a HostSession on its own thread, as the Engine does, and records what
// it reports. Signals arrive queued on the test's thread, as they do in the
// console.
class SessionHarness
{
public:
    explicit SessionHarness(const HostConfig &config, HostSession::Options options = fastOptions())
    {
        static const Engine registersMetaTypes; // the Engine registers the signal types
        std::unique_ptr<StatsSource> source;
        if (config.simulatedUsage)
            source = std::make_unique<SimulatedStatsSource>();
        session = new HostSession(config, options, nullptr, std::move(source));
        session->moveToThread(&thread);
        QObject::connect(&thread, &QThread::finished, session, &QObject::deleteLater);
        status = std::make_unique<QueuedSignalSpy>(session, &HostSession::statusChanged);
        inventory = std::make_unique<QueuedSignalSpy>(session, &HostSession::inventoryReset);
        changed = std::make_unique<QueuedSignalSpy>(session, &HostSession::vmChanged);
        removed = std::make_unique<QueuedSignalSpy>(session, &HostSession::vmRemoved);
        samples = std::make_unique<QueuedSignalSpy>(session, &HostSession::samplesCollected);
        events = std::make_unique<QueuedSignalSpy>(session, &HostSession::eventLogged);
        thread.start();
        QMetaObject::invokeMethod(session, &HostSession::start, Qt::QueuedConnection);
    }

    ~SessionHarness()
    {
        QMetaObject::invokeMethod(session, &HostSession::stop, Qt::QueuedConnection);
        thread.quit();
        thread.wait();
    }

    static HostSession::Options fastOptions()
    {
        HostSession::Options options;
        options.intervalMs = 100;
        options.initialRetryMs = 100;
        options.maxRetryMs = 400;
        return options;
    }

    HostStatus lastStatus() const
    {
        return status->isEmpty() ? HostStatus{} : status->last().at(0).value<HostStatus>();
    }

    QList<VmSample> lastVmSamples() const
    {
        return samples->isEmpty() ? QList<VmSample>()
                                  : samples->last().at(1).value<QList<VmSample>>();
    }

    QThread thread;
    HostSession *session = nullptr;
    std::unique_ptr<QueuedSignalSpy> status, inventory, changed, removed, samples, events;
};

} // namespace Umbra::Testing
