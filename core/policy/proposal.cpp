#include "policy/proposal.h"

#include "fleet/hosturi.h"

#include <QCoreApplication>
#include <QJsonArray>

namespace Umbra::Policy {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Umbra::Policy)
};

QJsonArray toArray(const QStringList &list)
{
    return QJsonArray::fromStringList(list);
}

QStringList toStrings(const QJsonValue &value)
{
    QStringList list;
    for (const QJsonValue &v : value.toArray())
        list.append(v.toString());
    return list;
}

} // namespace

QString Proposal::summary() const
{
    if (kind == u"shadow.create")
        return Tr::tr("Keep a shadow of %1 on %2").arg(subject, HostUri::displayName(targetUri));
    if (kind == u"shadow.scale")
        return Tr::tr("Size the shadow of %1 to %2 vCPUs (now %3)")
            .arg(subject)
            .arg(action.value(u"vcpus").toInt())
            .arg(action.value(u"vcpusBefore").toInt());
    if (kind == u"shadow.failover")
        return Tr::tr("Fail %1 over to its shadow on %2")
            .arg(subject, HostUri::displayName(targetUri));
    if (kind == u"traffic.shift")
        return Tr::tr("Shift %1 % of %2's traffic to %3")
            .arg(action.value(u"percent").toDouble())
            .arg(action.value(u"from").toString(), action.value(u"to").toString());
    if (!group.isEmpty())
        return Tr::tr("Evacuate %1: move %2 to %3")
            .arg(HostUri::displayName(sourceUri), subject, HostUri::displayName(targetUri));
    return Tr::tr("Move %1 from %2 to %3")
        .arg(subject, HostUri::displayName(sourceUri), HostUri::displayName(targetUri));
}

QJsonObject Proposal::toJson() const
{
    return {
        { QStringLiteral("kind"), kind },
        { QStringLiteral("summary"), summary() },
        { QStringLiteral("subject"), subject },
        { QStringLiteral("subjectId"), subjectId },
        { QStringLiteral("source"), sourceUri },
        { QStringLiteral("target"), targetUri },
        { QStringLiteral("group"), group },
        { QStringLiteral("action"), action },
        { QStringLiteral("rule"), trigger.rule },
        { QStringLiteral("signal"), trigger.signal },
        { QStringLiteral("value"), trigger.value },
        { QStringLiteral("threshold"), trigger.threshold },
        { QStringLiteral("trigger"), trigger.sentence },
        { QStringLiteral("evidence"), toArray(evidence) },
        { QStringLiteral("outcome"), outcome },
        { QStringLiteral("cost"), cost },
        { QStringLiteral("confidence"), confidence },
        { QStringLiteral("raisedMs"), raisedMs },
        { QStringLiteral("expiresMs"), expiresMs },
        { QStringLiteral("heldBy"), toArray(heldBy) },
        { QStringLiteral("level"), automationLevelKey(level) },
        { QStringLiteral("automatic"), automatic },
    };
}

Proposal Proposal::fromJson(const QJsonObject &json)
{
    Proposal p;
    p.kind = json.value(u"kind").toString();
    p.subject = json.value(u"subject").toString();
    p.subjectId = json.value(u"subjectId").toString();
    p.sourceUri = json.value(u"source").toString();
    p.targetUri = json.value(u"target").toString();
    p.group = json.value(u"group").toString();
    p.action = json.value(u"action").toObject();
    p.trigger.rule = json.value(u"rule").toString();
    p.trigger.signal = json.value(u"signal").toString();
    p.trigger.value = json.value(u"value").toDouble();
    p.trigger.threshold = json.value(u"threshold").toDouble();
    p.trigger.sentence = json.value(u"trigger").toString();
    p.evidence = toStrings(json.value(u"evidence"));
    p.outcome = json.value(u"outcome").toObject();
    p.cost = json.value(u"cost").toString();
    p.confidence = json.value(u"confidence").toInt(3);
    p.raisedMs = qint64(json.value(u"raisedMs").toDouble());
    p.expiresMs = qint64(json.value(u"expiresMs").toDouble());
    p.heldBy = toStrings(json.value(u"heldBy"));
    p.level
        = automationLevelFromKey(json.value(u"level").toString()).value_or(AutomationLevel::Manual);
    p.automatic = json.value(u"automatic").toBool();
    return p;
}

} // namespace Umbra::Policy
