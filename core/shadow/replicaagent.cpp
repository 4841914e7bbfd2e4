#include "shadow/replicaagent.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QProcess>
#include <QXmlStreamWriter>

namespace Umbra::Shadow {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Umbra::Shadow)
};

} // namespace

Result<Replica> Replica::fromJson(const QJsonObject &json)
{
    Replica r;
    r.name = json.value(QLatin1String("name")).toString();
    r.file = json.value(QLatin1String("file")).toString();
    if (r.name.isEmpty() || r.file.isEmpty())
        return Error{ Tr::tr("The replica agent's answer names no replica.") };
    r.sizeBytes = qint64(json.value(QLatin1String("sizeBytes")).toDouble());
    // serve answers without "serving": an export it reports is being served.
    r.port = json.value(QLatin1String("port")).toInt();
    r.serving = json.contains(QLatin1String("serving"))
        ? json.value(QLatin1String("serving")).toBool()
        : r.port > 0;
    r.nbdHost = json.value(QLatin1String("host")).toString();
    r.frozen = json.value(QLatin1String("frozen")).toBool();
    return r;
}

QString Replica::destinationXml() const
{
    QString xml;
    QXmlStreamWriter w(&xml);
    w.writeStartElement(QStringLiteral("disk"));
    w.writeAttribute(QStringLiteral("type"), QStringLiteral("network"));
    w.writeStartElement(QStringLiteral("driver"));
    w.writeAttribute(QStringLiteral("name"), QStringLiteral("qemu"));
    w.writeAttribute(QStringLiteral("type"), QStringLiteral("raw"));
    w.writeEndElement();
    w.writeStartElement(QStringLiteral("source"));
    w.writeAttribute(QStringLiteral("protocol"), QStringLiteral("nbd"));
    w.writeAttribute(QStringLiteral("name"), name);
    w.writeStartElement(QStringLiteral("host"));
    w.writeAttribute(QStringLiteral("name"), nbdHost);
    w.writeAttribute(QStringLiteral("port"), QString::number(port));
    w.writeEndElement();
    w.writeEndElement();
    w.writeEndElement();
    return xml;
}

CommandReplicaAgent::CommandReplicaAgent(QString command, int timeoutMs)
    : m_command(std::move(command))
    , m_timeoutMs(timeoutMs)
{ }

Result<QJsonObject> CommandReplicaAgent::run(const QStringList &arguments) const
{
    QStringList argv = QProcess::splitCommand(m_command);
    if (argv.isEmpty())
        return Error{ Tr::tr("No command reaches the replica agent of this host.") };
    const QString program = argv.takeFirst();
    QProcess process;
    process.start(program, argv + arguments);
    if (!process.waitForStarted(10000))
        return Error{ Tr::tr("The replica agent (%1) does not start: %2")
                          .arg(m_command, process.errorString()) };
    if (!process.waitForFinished(m_timeoutMs)) {
        process.kill();
        process.waitForFinished(2000);
        return Error{ Tr::tr("The replica agent did not answer “%1” within %2 s.")
                          .arg(arguments.join(u' '))
                          .arg(m_timeoutMs / 1000) };
    }
    const QString err = QString::fromUtf8(process.readAllStandardError()).trimmed();
    if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0)
        return Error{ err.isEmpty() ? Tr::tr("The replica agent failed on “%1” (exit %2).")
                                          .arg(arguments.join(u' '))
                                          .arg(process.exitCode())
                                    : err.section(u'\n', -1) };
    QJsonParseError parse;
    const QByteArray out = process.readAllStandardOutput().trimmed();
    const QJsonDocument doc = QJsonDocument::fromJson(out.split('\n').last(), &parse);
    if (parse.error != QJsonParseError::NoError || !doc.isObject())
        return Error{ Tr::tr("The replica agent's answer to “%1” is not JSON: %2")
                          .arg(arguments.join(u' '), QString::fromUtf8(out.left(200))) };
    return doc.object();
}

Result<Replica> CommandReplicaAgent::replica(const QStringList &arguments) const
{
    auto json = run(arguments);
    if (!json)
        return Error{ json.error() };
    return Replica::fromJson(json.value());
}

Result<Replica> CommandReplicaAgent::create(const QString &name, qint64 sizeBytes)
{
    return replica(
        { QStringLiteral("create"), name, QString::number(sizeBytes), QStringLiteral("--reuse") });
}

Result<Replica> CommandReplicaAgent::serve(const QString &name, const QString &address)
{
    return replica({ QStringLiteral("serve"), name, QStringLiteral("--address"), address });
}

Result<Replica> CommandReplicaAgent::status(const QString &name)
{
    return replica({ QStringLiteral("status"), name });
}

Result<Replica> CommandReplicaAgent::freeze(const QString &name)
{
    return replica({ QStringLiteral("freeze"), name });
}

Result<Replica> CommandReplicaAgent::thaw(const QString &name)
{
    return replica({ QStringLiteral("thaw"), name });
}

Result<Replica> CommandReplicaAgent::stop(const QString &name)
{
    return replica({ QStringLiteral("stop"), name });
}

Result<void> CommandReplicaAgent::remove(const QString &name)
{
    auto json = run({ QStringLiteral("remove"), name });
    if (!json)
        return Error{ json.error() };
    return {};
}

Result<qint64> CommandReplicaAgent::counter(const QString &file)
{
    auto json = run({ QStringLiteral("counter"), file });
    if (!json)
        return Error{ json.error() };
    const QJsonValue n = json->value(QLatin1String("counter"));
    return n.isDouble() ? qint64(n.toDouble()) : qint64(-1);
}

} // namespace Umbra::Shadow
