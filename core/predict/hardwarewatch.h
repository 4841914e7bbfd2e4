#pragma once

#include "fleet/eventrecord.h"
#include "hardware/exporterclient.h"
#include "predict/hosthardware.h"

#include <QHash>
#include <QObject>
#include <QTimer>
#include <deque>
#include <functional>
#include <map>
#include <memory>

namespace Umbra::Hardware {

// Watches the hardware of every host: reads each host's exporter page on a
// timer, scores its drives with the drive model, adds what libvirt says
// (I/O errors and memory failures of its VMs, memory pressure, lost
// connections) and combines it all into the host's failure risk. A host
// without an exporter is still assessed from libvirt's signals. Lives on the
// prediction thread; nothing here blocks: reads are asynchronous.
class HardwareWatch : public QObject
{
    Q_OBJECT

public:
    static constexpr int kDefaultIntervalMs = 60 * 1000;
    // A risk at or above this puts the host in the event log, and so does
    // moveVms: once per level (at risk, then move its VMs) until the risk
    // falls below again.
    static constexpr double kFlagRisk = 0.2;

    explicit HardwareWatch(QObject *parent = nullptr);
    ~HardwareWatch() override;

    void setIntervalMs(int intervalMs);
    // Empty removes the exporter; the host stays watched through libvirt.
    void setExporter(const QString &uri, const QString &url);
    // Readings that come from elsewhere than an exporter page (the demo's
    // simulated hosts): asked for at every tick, and once now. An empty
    // function stops it.
    using ReadingSource = std::function<HardwareReadings(qint64)>;
    void setReadingSource(const QString &uri, ReadingSource source);
    void removeHost(const QString &uri);
    // Counts "vm.io_error", "vm.memory_failure" and "host.unreachable"
    // events of the last day against their host.
    void noteEvent(const Umbra::EventRecord &event);
    // Free memory of a host from its latest sample, 0..1.
    void noteMemory(const QString &uri, double availableRatio);

    // Reads every exporter and assesses every host now, not at the next tick.
    void refreshNow();
    // Takes one host's readings as if its exporter had just served them
    // (readings.timestampMs 0: now), scores its drives and assesses it.
    void noteReadings(const QString &uri, HardwareReadings readings);

    // The daily SMART readings behind each drive's 30-day changes, so a
    // restart does not measure changes from its first reading again. A
    // version-tagged JSON document; restoreDriveHistory() refuses anything
    // else and then changes nothing.
    QByteArray saveDriveHistory() const;
    bool restoreDriveHistory(const QByteArray &saved);
    // The latest assessment of a host (a default report before the first).
    HostHardwareReport report(const QString &uri) const { return m_hosts.value(uri).report; }
    bool hasReport(const QString &uri) const { return m_hosts.value(uri).report.assessedAtMs > 0; }

Q_SIGNALS:
    void assessed(const Umbra::Hardware::HostHardwareReport &report);
    void flagged(const Umbra::EventRecord &event);

private:
    struct DriveHistory
    {
        // One reading a day at most, the last 31 days: the oldest within 30
        // days is the model's "earlier" reading.
        std::deque<std::pair<qint64, Predict::SmartReading>> daily;
    };
    struct Host
    {
        QString exporterUrl;
        std::function<HardwareReadings(qint64)> source;
        std::shared_ptr<ExporterClient> client;
        HostHardwareReport report;
        std::deque<qint64> ioErrors, memoryFailures, connectionLosses; // times, ms
        std::optional<double> memoryAvailableRatio;
        std::optional<HardwareReadings> previousEdac; // for the corrected-error rate
        std::map<QString, DriveHistory> drives; // by serial (device when no serial)
        enum class Flag { None, AtRisk, MoveVms } flag = Flag::None;
        bool readFailing = false;
        bool implausibleReported = false; // said once, until the readings are sound again
    };

    Host &host(const QString &uri);
    void read(const QString &uri, Host &host);
    void onScraped(const QString &uri, const ExporterScrape &scrape);
    void onFailed(const QString &uri, const QString &error);
    void assess(const QString &uri, Host &host, qint64 nowMs);
    QList<DriveAssessment> assessDrives(Host &host, const HardwareReadings &readings);
    void noteFlag(const QString &uri, Host &host);
    void noteImplausible(const QString &uri, Host &host, const QStringList &implausible);

    QHash<QString, Host> m_hosts;
    // Restored drive histories of hosts not watched yet, taken when they are.
    QHash<QString, std::map<QString, DriveHistory>> m_restoredDrives;
    QTimer *m_timer; // a child, so it moves to the thread with the watch
};

} // namespace Umbra::Hardware
