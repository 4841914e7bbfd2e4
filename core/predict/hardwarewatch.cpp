#include "predict/hardwarewatch.h"

#include "fleet/hosturi.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <algorithm>
#include <cmath>
#include <limits>
#include <optional>

namespace Umbra::Hardware {

namespace {

constexpr qint64 kDayMs = 24 * 3600 * 1000LL;
constexpr qint64 kEarlierMs = 30 * kDayMs; // the drive model's "earlier" reading

// Drops times older than a day and returns how many are left.
int lastDay(std::deque<qint64> &times, qint64 nowMs)
{
    while (!times.empty() && times.front() < nowMs - kDayMs)
        times.pop_front();
    return int(times.size());
}

Predict::SmartReading smartOf(const DriveReadings &drive)
{
    Predict::SmartReading reading;
    reading.raw = drive.smartRaw;
    if (drive.powerOnHours)
        reading.powerOnHours = *drive.powerOnHours;
    else if (const auto hours = drive.smartRaw.find(Predict::kPowerOnHoursAttribute);
             hours != drive.smartRaw.end())
        reading.powerOnHours = hours->second;
    return reading;
}

} // namespace

HardwareWatch::HardwareWatch(QObject *parent)
    : QObject(parent)
    , m_timer(new QTimer(this))
{
    m_timer->setInterval(kDefaultIntervalMs);
    connect(m_timer, &QTimer::timeout, this, &HardwareWatch::refreshNow);
    m_timer->start();
}

HardwareWatch::~HardwareWatch() = default;

void HardwareWatch::setIntervalMs(int intervalMs)
{
    m_timer->start(std::max(1000, intervalMs));
}

HardwareWatch::Host &HardwareWatch::host(const QString &uri)
{
    auto found = m_hosts.find(uri);
    if (found == m_hosts.end()) {
        found = m_hosts.insert(uri, Host{});
        found->report.uri = uri;
        found->drives = m_restoredDrives.take(uri);
    }
    return *found;
}

void HardwareWatch::setExporter(const QString &uri, const QString &url)
{
    Host &h = host(uri);
    if (h.exporterUrl == url)
        return;
    h.exporterUrl = url;
    h.report.exporterUrl = HostUri::withoutSecrets(url);
    h.report.readings = {};
    h.report.readAtMs = 0;
    h.report.readError.clear();
    h.previousEdac.reset();
    h.readFailing = false;
    if (h.client)
        h.client->cancel();
    h.client.reset();
    if (!url.isEmpty())
        read(uri, h);
}

void HardwareWatch::setReadingSource(const QString &uri, ReadingSource source)
{
    Host &h = host(uri);
    h.source = std::move(source);
    h.report.simulated = bool(h.source);
    if (h.source)
        noteReadings(uri, h.source(QDateTime::currentMSecsSinceEpoch()));
}

void HardwareWatch::removeHost(const QString &uri)
{
    m_hosts.remove(uri);
}

void HardwareWatch::noteEvent(const EventRecord &event)
{
    if (event.hostUri.isEmpty())
        return;
    std::deque<qint64> Host::*times = nullptr;
    if (event.kind == QLatin1String("vm.io_error"))
        times = &Host::ioErrors;
    else if (event.kind == QLatin1String("vm.memory_failure"))
        times = &Host::memoryFailures;
    else if (event.kind == QLatin1String("host.unreachable"))
        times = &Host::connectionLosses;
    if (!times)
        return;
    auto &list = host(event.hostUri).*times;
    list.insert(std::upper_bound(list.begin(), list.end(), event.timestampMs), event.timestampMs);
}

void HardwareWatch::noteMemory(const QString &uri, double availableRatio)
{
    if (std::isfinite(availableRatio))
        host(uri).memoryAvailableRatio = std::clamp(availableRatio, 0.0, 1.0);
}

void HardwareWatch::refreshNow()
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    for (auto it = m_hosts.begin(); it != m_hosts.end(); ++it) {
        if (!it->exporterUrl.isEmpty())
            read(it.key(), *it);
        else if (it->source)
            noteReadings(it.key(), it->source(now));
        else
            assess(it.key(), *it, now);
    }
}

void HardwareWatch::read(const QString &uri, Host &h)
{
    if (!h.client) {
        h.client = std::make_shared<ExporterClient>();
        connect(h.client.get(), &ExporterClient::scraped, this,
                [this, uri](const ExporterScrape &scrape) { onScraped(uri, scrape); });
        connect(h.client.get(), &ExporterClient::failed, this,
                [this, uri](const QUrl &, const QString &error) { onFailed(uri, error); });
    }
    if (!h.client->isBusy())
        h.client->fetch(QUrl(h.exporterUrl));
}

void HardwareWatch::onScraped(const QString &uri, const ExporterScrape &scrape)
{
    auto found = m_hosts.find(uri);
    if (found == m_hosts.end() || QUrl(found->exporterUrl) != scrape.url)
        return;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    Host &h = *found;
    if (h.readFailing) {
        h.readFailing = false;
        EventRecord event;
        event.timestampMs = now;
        event.kind = QStringLiteral("host.hardware_read");
        event.hostUri = uri;
        event.message = tr("%1: hardware health readable again from %2")
                            .arg(HostUri::displayName(uri), h.report.exporterUrl);
        Q_EMIT flagged(event);
    }
    HardwareReadings readings = scrape.readings;
    readings.timestampMs = now;
    noteReadings(uri, std::move(readings));
}

void HardwareWatch::noteReadings(const QString &uri, HardwareReadings readings)
{
    if (readings.timestampMs <= 0)
        readings.timestampMs = QDateTime::currentMSecsSinceEpoch();
    Host &h = host(uri);
    noteImplausible(uri, h, readings.implausible);
    h.report.readings = std::move(readings);
    h.report.readAtMs = h.report.readings.timestampMs;
    h.report.readError.clear();
    h.report.drives = assessDrives(h, h.report.readings);
    assess(uri, h, h.report.readAtMs);
}

void HardwareWatch::noteImplausible(const QString &uri, Host &h, const QStringList &implausible)
{
    if (implausible.isEmpty()) {
        h.implausibleReported = false;
        return;
    }
    if (h.implausibleReported)
        return;
    // A broken exporter must not evacuate a host: what it says is left out of
    // the risk, and the operator is told once what was left out.
    h.implausibleReported = true;
    EventRecord event;
    event.timestampMs = QDateTime::currentMSecsSinceEpoch();
    event.severity = EventRecord::Severity::Warning;
    event.kind = QStringLiteral("host.hardware_data");
    event.hostUri = uri;
    event.message = tr("%1: the exporter reports readings no hardware can give; they are left "
                       "out of its failure risk: %2")
                        .arg(HostUri::displayName(uri), implausible.join(QStringLiteral("; ")));
    Q_EMIT flagged(event);
}

namespace {

constexpr int kDriveHistoryVersion = 1;

QJsonArray historyToJson(const std::deque<std::pair<qint64, Predict::SmartReading>> &daily)
{
    QJsonArray out;
    for (const auto &[timeMs, reading] : daily) {
        QJsonObject raw;
        for (const auto &[id, value] : reading.raw)
            if (std::isfinite(value))
                raw.insert(QString::number(id), value);
        QJsonObject entry{ { QStringLiteral("t"), double(timeMs) },
                           { QStringLiteral("raw"), raw } };
        if (std::isfinite(reading.powerOnHours))
            entry.insert(QStringLiteral("hours"), reading.powerOnHours);
        out.append(entry);
    }
    return out;
}

std::optional<std::deque<std::pair<qint64, Predict::SmartReading>>>
historyFromJson(const QJsonValue &value)
{
    if (!value.isArray())
        return std::nullopt;
    std::deque<std::pair<qint64, Predict::SmartReading>> daily;
    for (const QJsonValue &item : value.toArray()) {
        const QJsonObject entry = item.toObject();
        const QJsonValue t = entry.value(QStringLiteral("t"));
        const QJsonValue raw = entry.value(QStringLiteral("raw"));
        if (!t.isDouble() || !raw.isObject())
            return std::nullopt;
        Predict::SmartReading reading;
        const QJsonObject attributes = raw.toObject();
        for (auto it = attributes.begin(); it != attributes.end(); ++it) {
            bool ok = false;
            const int id = it.key().toInt(&ok);
            if (!ok || id < 1 || id > 255 || !it.value().isDouble())
                return std::nullopt;
            reading.raw[id] = it.value().toDouble();
        }
        if (const QJsonValue hours = entry.value(QStringLiteral("hours")); hours.isDouble())
            reading.powerOnHours = hours.toDouble();
        const qint64 timeMs = qint64(t.toDouble());
        if (!daily.empty() && timeMs <= daily.back().first)
            return std::nullopt; // oldest first, as assessDrives keeps them
        daily.emplace_back(timeMs, std::move(reading));
    }
    return daily;
}

} // namespace

QByteArray HardwareWatch::saveDriveHistory() const
{
    QJsonObject hosts;
    auto addHost = [&hosts](const QString &uri, const std::map<QString, DriveHistory> &drives) {
        QJsonObject byDrive;
        for (const auto &[key, history] : drives)
            if (!history.daily.empty())
                byDrive.insert(key, historyToJson(history.daily));
        if (!byDrive.isEmpty())
            hosts.insert(uri, byDrive);
    };
    for (auto it = m_restoredDrives.cbegin(); it != m_restoredDrives.cend(); ++it)
        addHost(it.key(), it.value());
    for (auto it = m_hosts.cbegin(); it != m_hosts.cend(); ++it)
        addHost(it.key(), it->drives);
    return QJsonDocument(QJsonObject{ { QStringLiteral("version"), kDriveHistoryVersion },
                                      { QStringLiteral("hosts"), hosts } })
        .toJson(QJsonDocument::Compact);
}

bool HardwareWatch::restoreDriveHistory(const QByteArray &saved)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(saved, &error);
    const QJsonObject root = document.object();
    if (error.error != QJsonParseError::NoError
        || root.value(QStringLiteral("version")).toInt() != kDriveHistoryVersion
        || !root.value(QStringLiteral("hosts")).isObject())
        return false;
    // Everything is checked before anything is taken.
    QHash<QString, std::map<QString, DriveHistory>> restored;
    const QJsonObject hosts = root.value(QStringLiteral("hosts")).toObject();
    for (auto host = hosts.begin(); host != hosts.end(); ++host) {
        if (!host.value().isObject())
            return false;
        const QJsonObject drives = host.value().toObject();
        for (auto drive = drives.begin(); drive != drives.end(); ++drive) {
            auto daily = historyFromJson(drive.value());
            if (!daily)
                return false;
            restored[host.key()][drive.key()].daily = std::move(*daily);
        }
    }
    for (auto it = restored.begin(); it != restored.end(); ++it) {
        const auto found = m_hosts.find(it.key());
        auto &drives = found != m_hosts.end() ? found->drives : m_restoredDrives[it.key()];
        for (auto &[key, history] : it.value()) {
            auto mine = drives.find(key);
            if (mine == drives.end()) {
                drives.emplace(key, std::move(history));
                continue;
            }
            // What this run has read is newer; the saved readings go before it.
            auto &daily = mine->second.daily;
            const qint64 firstOwn
                = daily.empty() ? std::numeric_limits<qint64>::max() : daily.front().first;
            for (auto saved = history.daily.rbegin(); saved != history.daily.rend(); ++saved)
                if (saved->first < firstOwn)
                    daily.push_front(std::move(*saved));
        }
    }
    return true;
}

void HardwareWatch::onFailed(const QString &uri, const QString &error)
{
    auto found = m_hosts.find(uri);
    if (found == m_hosts.end())
        return;
    Host &h = *found;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    h.report.readError = error;
    // Said once per outage, not once a minute.
    if (!h.readFailing) {
        h.readFailing = true;
        EventRecord event;
        event.timestampMs = now;
        event.severity = EventRecord::Severity::Warning;
        event.kind = QStringLiteral("host.hardware_read");
        event.hostUri = uri;
        event.message
            = tr("%1: hardware health could not be read: %2").arg(HostUri::displayName(uri), error);
        Q_EMIT flagged(event);
    }
    // What was read before still stands; libvirt's signals are current.
    assess(uri, h, now);
}

QList<DriveAssessment> HardwareWatch::assessDrives(Host &h, const HardwareReadings &readings)
{
    const Predict::DriveRiskModel &model = Predict::DriveRiskModel::shipped();
    QList<DriveAssessment> drives;
    for (const DriveReadings &drive : readings.drives) {
        DriveHistory &history = h.drives[drive.serial.isEmpty() ? drive.device : drive.serial];
        const Predict::SmartReading now = smartOf(drive);
        while (!history.daily.empty()
               && history.daily.front().first < readings.timestampMs - kEarlierMs - kDayMs)
            history.daily.pop_front();
        if (history.daily.empty() || readings.timestampMs - history.daily.back().first >= kDayMs)
            history.daily.emplace_back(readings.timestampMs, now);
        // The oldest reading within the model's 30 days, as it was trained.
        const Predict::SmartReading *earlier = nullptr;
        for (const auto &[timeMs, reading] : history.daily) {
            if (timeMs >= readings.timestampMs - kEarlierMs && timeMs < readings.timestampMs) {
                earlier = &reading;
                break;
            }
        }
        DriveAssessment assessment;
        assessment.drive = drive;
        assessment.risk = model.assess(now, earlier);
        assessment.comparedWithEarlier = earlier != nullptr;
        drives.append(assessment);
    }
    std::stable_sort(drives.begin(), drives.end(),
                     [](const DriveAssessment &a, const DriveAssessment &b) {
                         return a.risk.risk > b.risk.risk;
                     });
    return drives;
}

void HardwareWatch::assess(const QString &uri, Host &h, qint64 nowMs)
{
    HostRiskInputs in;
    for (const DriveAssessment &drive : std::as_const(h.report.drives)) {
        const QString reason
            = drive.risk.factors.isEmpty() ? QString() : drive.risk.factors.first().sentence;
        in.drives.append({ drive.drive.device, drive.risk.risk, reason });
    }
    const HardwareReadings &readings = h.report.readings;
    in.edacUncorrected = readings.edacUncorrected;
    if (readings.edacCorrected) {
        // The corrected-error rate over up to a day of readings.
        if (!h.previousEdac || !h.previousEdac->edacCorrected
            || readings.timestampMs - h.previousEdac->timestampMs > kDayMs
            || *readings.edacCorrected < *h.previousEdac->edacCorrected)
            h.previousEdac = readings;
        in.edacCorrectedPerDay = edacCorrectedPerDay(*h.previousEdac, readings);
    }
    in.temperatures = readings.temperatures;
    in.ioErrorEvents24h = lastDay(h.ioErrors, nowMs);
    in.memoryFailureEvents24h = lastDay(h.memoryFailures, nowMs);
    in.connectionLosses24h = lastDay(h.connectionLosses, nowMs);
    if (readings.memoryAvailableBytes && readings.memoryTotalBytes
        && *readings.memoryTotalBytes > 0)
        in.memoryAvailableRatio = *readings.memoryAvailableBytes / *readings.memoryTotalBytes;
    else
        in.memoryAvailableRatio = h.memoryAvailableRatio;

    h.report.inputs = in;
    h.report.risk = assessHostRisk(in);
    h.report.assessedAtMs = nowMs;
    noteFlag(uri, h);
    Q_EMIT assessed(h.report);
}

void HardwareWatch::noteFlag(const QString &uri, Host &h)
{
    const HostRisk &risk = h.report.risk;
    using Flag = Host::Flag;
    const Flag level = risk.moveVms ? Flag::MoveVms
        : risk.risk >= kFlagRisk    ? Flag::AtRisk
                                    : Flag::None;
    // Rising is news; falling back is not, but re-arms the lower levels.
    const bool rose = level > h.flag;
    h.flag = level;
    if (!rose)
        return;
    EventRecord event;
    event.timestampMs = h.report.assessedAtMs;
    event.severity = risk.moveVms ? EventRecord::Severity::Error : EventRecord::Severity::Warning;
    event.kind = QStringLiteral("host.failure_risk");
    event.hostUri = uri;
    const QString reason = risk.breakdown.isEmpty() ? QString() : risk.breakdown.first().sentence;
    const QString percent = QLocale().toString(100 * risk.risk, 'f', 0);
    // The headline first, then the main cause as its own sentence: the
    // cause carries figures of its own and reads badly in parentheses.
    QString message = risk.moveVms
        ? tr("%1: failure risk %2 % within 30 days; move its VMs.")
              .arg(HostUri::displayName(uri), percent)
        : tr("%1: failure risk %2 % within 30 days.").arg(HostUri::displayName(uri), percent);
    if (!reason.isEmpty())
        message += QLatin1Char(' ') + reason;
    event.message = message;
    Q_EMIT flagged(event);
}

} // namespace Umbra::Hardware
