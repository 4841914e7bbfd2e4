// The running lab as /run/umbra-lab/lab.env describes it (written by
// scripts/lab up): hosts with their libvirt and migration URIs, guests with
// their addresses and home hosts, HAProxy's address.
#pragma once

#include "migrate/migrationtypes.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QProcess>
#include <QRegularExpression>
#include <QStringList>
#include <QThread>
#include <csignal>

namespace Umbra::Lab {

inline QString envPath()
{
    const QString custom = qEnvironmentVariable("LAB_ENV");
    return custom.isEmpty() ? QStringLiteral("/run/umbra-lab/lab.env") : custom;
}

class Env
{
public:
    bool load(const QString &path = envPath())
    {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            return false;
        static const QRegularExpression line(QStringLiteral("^([A-Za-z0-9_]+)='([^']*)'$"));
        for (const QByteArray &raw : file.readAll().split('\n')) {
            const auto m = line.match(QString::fromUtf8(raw.trimmed()));
            if (m.hasMatch())
                m_values.insert(m.captured(1), m.captured(2));
        }
        return !hostKeys().isEmpty();
    }
    QString value(const QString &key) const { return m_values.value(key); }
    QStringList hostKeys() const { return words(QStringLiteral("LAB_HOST_KEYS")); }
    QStringList guests() const { return words(QStringLiteral("LAB_GUESTS")); }
    QString uri(const QString &host) const { return value(QStringLiteral("LAB_URI_") + host); }
    QString migrationUri(const QString &host) const
    {
        return value(QStringLiteral("LAB_MIGRATE_") + host);
    }
    // The host's hardware exporter page (scripts/lab.d/exporter).
    QString exporter(const QString &host) const
    {
        return value(QStringLiteral("LAB_EXPORTER_") + host);
    }
    QString guestIp(const QString &guest) const
    {
        return value(QStringLiteral("LAB_IP_") + QString(guest).replace(u'-', u'_'));
    }
    // The key (hK) of the host a guest started on.
    QString home(const QString &guest) const
    {
        return value(QStringLiteral("LAB_HOME_") + QString(guest).replace(u'-', u'_'))
            .section(u'-', -1);
    }
    QString haproxyHttp() const { return value(QStringLiteral("HAPROXY_HTTP")); }
    static QString netns(const QString &host) { return QStringLiteral("umbra-lab-") + host; }

private:
    QStringList words(const QString &key) const
    {
        return value(key).split(u' ', Qt::SkipEmptyParts);
    }
    QHash<QString, QString> m_values;
};

// Why these tests cannot use a lab here, or empty when one is up. lab.env can
// outlive its lab (a machine restored from a snapshot, or rebooted without
// `scripts/lab down` while /run was kept), so the lab's HAProxy, which
// scripts/lab starts with it and stops last, must run as well. (A host's
// libvirt is no such sign: the tests kill hosts on purpose, and an address
// that answers may be a proxy's.)
inline QString whyNoLab(Env &lab)
{
    if (!lab.load())
        return QStringLiteral("No lab: %1 is missing. Start one with `sudo scripts/lab up` to run "
                              "these tests.")
            .arg(envPath());
    QFile pidFile(QFileInfo(envPath()).dir().filePath(QStringLiteral("haproxy.pid")));
    const QByteArray pid = pidFile.open(QIODevice::ReadOnly) ? pidFile.readAll().trimmed() : "";
    QFile comm(QStringLiteral("/proc/%1/comm").arg(QString::fromLatin1(pid)));
    if (pid.isEmpty() || !comm.open(QIODevice::ReadOnly) || comm.readAll().trimmed() != "haproxy")
        return QStringLiteral("No lab: %1 describes a lab that is not running (its HAProxy, %2, "
                              "is gone). Start it again with `sudo scripts/lab up`.")
            .arg(envPath(), pidFile.fileName());
    return {};
}

// Where a lab was brought up for the tests (CI's lab stage sets
// UMBRA_LAB_REQUIRED=1), a lab that is not there fails them: a stage that
// only skipped would pass without having tested anything.
inline bool labRequired()
{
    return qEnvironmentVariableIntValue("UMBRA_LAB_REQUIRED") == 1;
}

// How the lab tests move a guest: over the lab's migration network, on the
// shared storage (its pools say so; libvirt calls the cached disks unsafe),
// and verified by the guest's /health.
inline MigrationRequest migrationRequest(const Env &lab, const QString &guest, const QString &from,
                                         const QString &to)
{
    MigrationRequest r;
    r.vm = guest;
    r.sourceUri = lab.uri(from);
    r.targetUri = lab.uri(to);
    r.options.migrationUri = lab.migrationUri(to);
    r.options.returnMigrationUri = lab.migrationUri(from);
    r.options.unsafe = true;
    r.options.storage = StorageMode::Auto;
    r.options.health.kind = HealthCheck::Kind::Http;
    r.options.health.target = QStringLiteral("http://%1/health").arg(lab.guestIp(guest));
    r.options.health.deadlineMs = 30000;
    r.options.pollIntervalMs = 250;
    return r;
}

// Process ids inside a lab host's network namespace whose command is name.
inline QList<qint64> pidsIn(const QString &host, const QString &name)
{
    QProcess ip;
    ip.start(QStringLiteral("ip"),
             { QStringLiteral("netns"), QStringLiteral("pids"), Env::netns(host) });
    ip.waitForFinished(5000);
    QList<qint64> pids;
    for (const QByteArray &line : ip.readAllStandardOutput().split('\n')) {
        const qint64 pid = line.trimmed().toLongLong();
        if (pid <= 0)
            continue;
        QFile comm(QStringLiteral("/proc/%1/comm").arg(pid));
        if (comm.open(QIODevice::ReadOnly) && comm.readAll().trimmed() == name.toUtf8())
            pids.append(pid);
    }
    return pids;
}

// Runs `scripts/lab` with the arguments (kill-host, start-libvirtd, ...);
// its exit status, -1 when it did not finish within a minute.
inline int runLab(const QStringList &args)
{
    QProcess lab;
    lab.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    lab.start(QStringLiteral(UMBRA_SOURCE_DIR "/scripts/lab"), args);
    if (!lab.waitForFinished(60000))
        return -1;
    return lab.exitCode();
}

// Starts libvirtd again inside a lab host whose libvirtd alone was killed;
// empty once it answers, otherwise why not.
inline QString restartLibvirtd(const QString &host)
{
    const int status = runLab({ QStringLiteral("start-libvirtd"), host });
    return status == 0
        ? QString()
        : QStringLiteral("scripts/lab start-libvirtd %1 failed (%2)").arg(host).arg(status);
}

} // namespace Umbra::Lab

// The first line of a lab test's initTestCase(): skips without a lab, or
// fails where one is required.
#define UMBRA_REQUIRE_LAB(lab)                                                                     \
    do {                                                                                           \
        if (const QString why = Umbra::Lab::whyNoLab(lab); !why.isEmpty()) {                       \
            if (Umbra::Lab::labRequired())                                                         \
                QFAIL(qPrintable(why));                                                            \
            QSKIP(qPrintable(why));                                                                \
        }                                                                                          \
    } while (false)
