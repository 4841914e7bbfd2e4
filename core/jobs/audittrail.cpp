#include "jobs/audittrail.h"

#include "store/sqlvalues.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlError>
#include <QSqlQuery>
#include <pwd.h>
#include <unistd.h>

namespace Umbra::Jobs::AuditTrail {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Umbra::Jobs::AuditTrail)
};

Error sqlError(const QSqlQuery &q)
{
    return Error{ Tr::tr("Audit trail: %1").arg(q.lastError().text()) };
}

const char kColumns[]
    = "seq, ts_ms, actor, action, kind, subject, plan, detail, previous_hash, hash";

AuditRecord fromRow(const QSqlQuery &q)
{
    AuditRecord r;
    r.seq = q.value(0).toLongLong();
    r.timestampMs = q.value(1).toLongLong();
    r.actor = q.value(2).toString();
    r.action = q.value(3).toString();
    r.kind = q.value(4).toString();
    r.subject = q.value(5).toString();
    r.planId = q.value(6).toLongLong();
    r.detail = q.value(7).toString();
    r.previousHash = q.value(8).toString();
    r.hash = q.value(9).toString();
    return r;
}

} // namespace

QString hashOf(const AuditRecord &r)
{
    // A JSON array: every field delimited, so that no two entries share a
    // serialisation.
    const QJsonArray fields{ r.previousHash,
                             QString::number(r.seq),
                             QString::number(r.timestampMs),
                             r.actor,
                             r.action,
                             r.kind,
                             r.subject,
                             QString::number(r.planId),
                             r.detail };
    return QString::fromLatin1(
        QCryptographicHash::hash(QJsonDocument(fields).toJson(QJsonDocument::Compact),
                                 QCryptographicHash::Sha256)
            .toHex());
}

Result<AuditRecord> append(QSqlDatabase &db, AuditRecord r)
{
    QSqlQuery last(db);
    if (!last.exec(QStringLiteral("SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1")))
        return sqlError(last);
    r.seq = last.next() ? last.value(0).toLongLong() + 1 : 1;
    r.previousHash = r.seq > 1 ? last.value(1).toString() : QString();
    if (r.timestampMs == 0)
        r.timestampMs = QDateTime::currentMSecsSinceEpoch();
    r.hash = hashOf(r);
    QSqlQuery q(db);
    q.prepare(QStringLiteral("INSERT INTO audit (%1) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                  .arg(QLatin1String(kColumns)));
    for (const QVariant &v :
         QVariantList{ r.seq, r.timestampMs, SqlValues::text(r.actor), SqlValues::text(r.action),
                       SqlValues::text(r.kind), SqlValues::text(r.subject), r.planId,
                       SqlValues::text(r.detail), SqlValues::text(r.previousHash), r.hash })
        q.addBindValue(v);
    if (!q.exec())
        return sqlError(q);
    return r;
}

Result<QList<AuditRecord>> read(QSqlDatabase &db, const Filter &filter, int limit)
{
    QStringList where{ QStringLiteral("ts_ms >= ?"), QStringLiteral("ts_ms <= ?") };
    QVariantList binds{ filter.fromMs,
                        filter.toMs > 0 ? filter.toMs : QDateTime::currentMSecsSinceEpoch() };
    const std::pair<const char *, QString> fields[]
        = { { "subject", filter.subject }, { "kind", filter.kind }, { "actor", filter.actor } };
    for (const auto &[column, value] : fields) {
        if (value.isEmpty())
            continue;
        where.append(QLatin1String(column) + QStringLiteral(" = ?"));
        binds.append(value);
    }
    QSqlQuery q(db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT %1 FROM audit WHERE %2 ORDER BY seq LIMIT %3")
                  .arg(QLatin1String(kColumns), where.join(QStringLiteral(" AND ")))
                  .arg(limit));
    for (const QVariant &v : std::as_const(binds))
        q.addBindValue(v);
    if (!q.exec())
        return sqlError(q);
    QList<AuditRecord> records;
    while (q.next())
        records.append(fromRow(q));
    return records;
}

Result<AuditVerification> verify(QSqlDatabase &db)
{
    QSqlQuery q(db);
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral("SELECT %1 FROM audit ORDER BY seq").arg(QLatin1String(kColumns))))
        return sqlError(q);
    AuditVerification found;
    QString previous;
    while (q.next()) {
        const AuditRecord r = fromRow(q);
        ++found.records;
        if (found.brokenAt != 0)
            continue;
        if (r.seq != found.records)
            found.problem = Tr::tr("Entry %1 is missing: the chain jumps to %2.")
                                .arg(found.records)
                                .arg(r.seq);
        else if (r.previousHash != previous)
            found.problem = Tr::tr("Entry %1 does not follow the entry before it.").arg(r.seq);
        else if (hashOf(r) != r.hash)
            found.problem = Tr::tr("Entry %1 was changed after it was written.").arg(r.seq);
        if (!found.problem.isEmpty())
            found.brokenAt = r.seq;
        previous = r.hash;
    }
    return found;
}

QByteArray toCsv(const QList<AuditRecord> &records)
{
    const auto field = [](const QString &text) {
        QString quoted = text;
        quoted.replace(QLatin1Char('"'), QStringLiteral("\"\""));
        return QStringLiteral("\"%1\"").arg(quoted);
    };
    QString out
        = QStringLiteral("seq,time,actor,action,kind,subject,plan,detail,previous_hash,hash\r\n");
    for (const AuditRecord &r : records)
        out += QStringList{ QString::number(r.seq),
                            QDateTime::fromMSecsSinceEpoch(r.timestampMs, Qt::UTC)
                                .toString(Qt::ISODateWithMs),
                            field(r.actor),
                            field(r.action),
                            field(r.kind),
                            field(r.subject),
                            QString::number(r.planId),
                            field(r.detail),
                            r.previousHash,
                            r.hash }
                   .join(u',')
            + QStringLiteral("\r\n");
    return out.toUtf8();
}

QByteArray toJson(const QList<AuditRecord> &records)
{
    QJsonArray array;
    for (const AuditRecord &r : records)
        array.append(QJsonObject{
            { QStringLiteral("seq"), r.seq },
            { QStringLiteral("time"),
              QDateTime::fromMSecsSinceEpoch(r.timestampMs, Qt::UTC).toString(Qt::ISODateWithMs) },
            { QStringLiteral("actor"), r.actor },
            { QStringLiteral("action"), r.action },
            { QStringLiteral("kind"), r.kind },
            { QStringLiteral("subject"), r.subject },
            { QStringLiteral("plan"), r.planId },
            { QStringLiteral("detail"), r.detail },
            { QStringLiteral("previousHash"), r.previousHash },
            { QStringLiteral("hash"), r.hash } });
    return QJsonDocument(array).toJson(QJsonDocument::Indented);
}

QString operatorActor()
{
    // The account the console runs as, as the system names it; the
    // environment only when the system has no name for it.
    QString user;
    if (const passwd *account = ::getpwuid(::getuid()); account && account->pw_name)
        user = QString::fromLocal8Bit(account->pw_name);
    if (user.isEmpty())
        user = qEnvironmentVariable("USER");
    return QStringLiteral("operator:") + (user.isEmpty() ? QStringLiteral("unknown") : user);
}

} // namespace Umbra::Jobs::AuditTrail
