#include "policy/automation.h"

#include "store/database.h"

#include <QAtomicInt>
#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QSqlError>
#include <QSqlQuery>

namespace Umbra::Policy {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Umbra::Policy)
};

struct LevelName
{
    AutomationLevel level;
    const char *key;
};
constexpr LevelName kLevels[] = {
    { AutomationLevel::Off, "off" },
    { AutomationLevel::Manual, "manual" },
    { AutomationLevel::Approve, "approve" },
    { AutomationLevel::Automatic, "automatic" },
};

constexpr char kSettingsKey[] = "automation";

QJsonObject levelsToJson(const QHash<QString, AutomationLevel> &levels)
{
    QJsonObject json;
    for (auto it = levels.cbegin(); it != levels.cend(); ++it)
        json.insert(it.key(), automationLevelKey(it.value()));
    return json;
}

QHash<QString, AutomationLevel> levelsFromJson(const QJsonObject &json)
{
    QHash<QString, AutomationLevel> levels;
    for (auto it = json.constBegin(); it != json.constEnd(); ++it)
        if (auto level = automationLevelFromKey(it.value().toString()))
            levels.insert(it.key(), *level);
    return levels;
}

QString connectionName(const char *purpose)
{
    return Database::uniqueConnectionName(QLatin1String("umbra-policy-") + QLatin1String(purpose));
}

} // namespace

QString automationLevelKey(AutomationLevel level)
{
    for (const auto &l : kLevels)
        if (l.level == level)
            return QLatin1String(l.key);
    return QStringLiteral("manual");
}

std::optional<AutomationLevel> automationLevelFromKey(const QString &key)
{
    for (const auto &l : kLevels)
        if (key == QLatin1String(l.key))
            return l.level;
    return std::nullopt;
}

QString automationLevelLabel(AutomationLevel level)
{
    switch (level) {
    case AutomationLevel::Off:
        return Tr::tr("Off");
    case AutomationLevel::Manual:
        return Tr::tr("Propose only");
    case AutomationLevel::Approve:
        return Tr::tr("Queue for approval");
    case AutomationLevel::Automatic:
        return Tr::tr("Automatic");
    }
    return {};
}

bool MaintenanceWindow::contains(const QDateTime &localTime) const
{
    // A window may run past midnight into the next day (and past Sunday
    // into Monday): measure from the start of the week.
    constexpr int kWeekMinutes = 7 * 24 * 60;
    const QDate date = localTime.date();
    const QTime time = localTime.time();
    const int now = (date.dayOfWeek() - 1) * 24 * 60 + time.hour() * 60 + time.minute();
    const int start = (weekday - 1) * 24 * 60 + startMinute;
    const int since = ((now - start) % kWeekMinutes + kWeekMinutes) % kWeekMinutes;
    return since < durationMinutes;
}

QString MaintenanceWindow::describe() const
{
    const QString day = QLocale().dayName(weekday);
    const QString start
        = QTime(startMinute / 60, startMinute % 60).toString(QStringLiteral("HH:mm"));
    return Tr::tr("%1 %2 for %n minute(s)", nullptr, durationMinutes).arg(day, start);
}

AutomationLevel AutomationSettings::levelFor(const QString &vmUuid, const QString &poolName) const
{
    if (auto it = vmLevels.constFind(vmUuid); it != vmLevels.cend())
        return it.value();
    if (auto it = poolLevels.constFind(poolName); it != poolLevels.cend())
        return it.value();
    return fleetLevel;
}

bool AutomationSettings::inMaintenance(const QDateTime &localTime) const
{
    return std::any_of(windows.cbegin(), windows.cend(),
                       [&](const MaintenanceWindow &w) { return w.contains(localTime); });
}

Result<AutomationSettings> AutomationSettings::load(const QString &databasePath)
{
    auto db = Database::open(databasePath, connectionName("load"), Database::Mode::ReadOnly);
    if (!db)
        return Error{ db.error() };
    QSqlQuery q(db.value()->sql());
    q.prepare(QStringLiteral("SELECT value FROM policy_settings WHERE key = ?"));
    q.addBindValue(QLatin1String(kSettingsKey));
    if (!q.exec())
        return Error{ q.lastError().text() };
    AutomationSettings settings;
    if (!q.next())
        return settings;
    QJsonParseError parsed;
    const QJsonDocument document = QJsonDocument::fromJson(q.value(0).toByteArray(), &parsed);
    if (!document.isObject())
        return Error{ Tr::tr("The automation settings are unreadable (%1); the defaults apply "
                             "until they are saved again.")
                          .arg(parsed.error != QJsonParseError::NoError
                                   ? parsed.errorString()
                                   : Tr::tr("not an object")) };
    const QJsonObject json = document.object();
    settings.fleetLevel
        = automationLevelFromKey(json.value(u"fleet").toString()).value_or(settings.fleetLevel);
    settings.poolLevels = levelsFromJson(json.value(u"pools").toObject());
    settings.vmLevels = levelsFromJson(json.value(u"vms").toObject());
    settings.minConfidence = std::clamp(json.value(u"minConfidence").toInt(3), 1, 5);
    settings.trustSharedStorage = json.value(u"trustSharedStorage").toBool();
    for (const QJsonValue &w : json.value(u"windows").toArray()) {
        const QJsonObject o = w.toObject();
        settings.windows.append({ std::clamp(o.value(u"weekday").toInt(6), 1, 7),
                                  std::clamp(o.value(u"start").toInt(0), 0, 24 * 60 - 1),
                                  std::clamp(o.value(u"minutes").toInt(60), 1, 7 * 24 * 60) });
    }
    return settings;
}

Result<void> AutomationSettings::save(const QString &databasePath) const
{
    QJsonArray windowArray;
    for (const MaintenanceWindow &w : windows)
        windowArray.append(QJsonObject{ { QStringLiteral("weekday"), w.weekday },
                                        { QStringLiteral("start"), w.startMinute },
                                        { QStringLiteral("minutes"), w.durationMinutes } });
    const QJsonObject json{
        { QStringLiteral("fleet"), automationLevelKey(fleetLevel) },
        { QStringLiteral("pools"), levelsToJson(poolLevels) },
        { QStringLiteral("vms"), levelsToJson(vmLevels) },
        { QStringLiteral("minConfidence"), minConfidence },
        { QStringLiteral("windows"), windowArray },
        { QStringLiteral("trustSharedStorage"), trustSharedStorage },
    };
    auto db = Database::open(databasePath, connectionName("save"), Database::Mode::Durable);
    if (!db)
        return Error{ db.error() };
    QSqlQuery q(db.value()->sql());
    q.prepare(QStringLiteral("INSERT OR REPLACE INTO policy_settings (key, value) VALUES (?, ?)"));
    q.addBindValue(QLatin1String(kSettingsKey));
    q.addBindValue(QString::fromUtf8(QJsonDocument(json).toJson(QJsonDocument::Compact)));
    if (!q.exec())
        return Error{
            Tr::tr("Saving the automation settings failed: %1").arg(q.lastError().text())
        };
    return {};
}

} // namespace Umbra::Policy
