#pragma once

#include "util/result.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace Umbra::Shadow {

// A replica image on a shadow host, as its agent reports it.
struct Replica
{
    QString name;
    QString file; // the qcow2 image on the shadow host
    qint64 sizeBytes = 0;
    bool serving = false;
    QString nbdHost; // where the export listens (the shadow host's address)
    int port = 0;
    bool frozen = false; // the image is a point in time; writes go to an overlay

    static Result<Replica> fromJson(const QJsonObject &json);
    // The <disk> a block copy writes into: the export, as raw NBD.
    QString destinationXml() const;
};

// The shadow host's side of a shadow (resources/replica/umbra-replica): it
// creates the replica image, serves it over NBD for the primary's block copy,
// freezes and thaws a point-in-time image for validation, and removes it.
// Blocking: job threads only.
class ReplicaAgent
{
public:
    virtual ~ReplicaAgent() = default;
    virtual Result<Replica> create(const QString &name, qint64 sizeBytes) = 0; // reuses one
    virtual Result<Replica> serve(const QString &name, const QString &address) = 0;
    virtual Result<Replica> status(const QString &name) = 0;
    virtual Result<Replica> freeze(const QString &name) = 0;
    virtual Result<Replica> thaw(const QString &name) = 0;
    // Stops serving; every write the export took is in the image afterwards.
    virtual Result<Replica> stop(const QString &name) = 0;
    virtual Result<void> remove(const QString &name) = 0;
    // The lab guests' write counter found in an image (-1: none there).
    virtual Result<qint64> counter(const QString &file) = 0;
};

// Runs umbra-replica through the shadow host's transport: `command` is the
// prefix that reaches it, e.g. "ssh root@shadow-1 /usr/lib/umbra/umbra-replica"
// or, in the lab, "ip netns exec umbra-lab-h2 env … umbra-replica".
class CommandReplicaAgent : public ReplicaAgent
{
public:
    explicit CommandReplicaAgent(QString command, int timeoutMs = 120000);

    Result<Replica> create(const QString &name, qint64 sizeBytes) override;
    Result<Replica> serve(const QString &name, const QString &address) override;
    Result<Replica> status(const QString &name) override;
    Result<Replica> freeze(const QString &name) override;
    Result<Replica> thaw(const QString &name) override;
    Result<Replica> stop(const QString &name) override;
    Result<void> remove(const QString &name) override;
    Result<qint64> counter(const QString &file) override;

    // The one JSON object the agent prints, or its error line.
    Result<QJsonObject> run(const QStringList &arguments) const;

private:
    Result<Replica> replica(const QStringList &arguments) const;
    QString m_command;
    int m_timeoutMs;
};

} // namespace Umbra::Shadow
