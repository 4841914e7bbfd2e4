#pragma once

#include "util/result.h"

#include <QList>
#include <QSqlDatabase>
#include <QString>

namespace Umbra::Jobs {

// One entry of the audit trail: who did what to which VM, when.
struct AuditRecord
{
    qint64 seq = 0; // its place in the chain, from 1
    qint64 timestampMs = 0;
    QString actor; // "operator:<user>", "policy:<rule>", "schedule", "umbra"
    QString action; // "proposed", "approved", "rejected", "executing", "executed"
    QString kind; // the plan's kind: "migration", "shadow.create", …
    QString subject; // the VM (or host) it concerns
    qint64 planId = 0;
    QString detail; // the plan's summary, or why
    QString previousHash; // of the entry before (empty for the first)
    QString hash; // SHA-256 over this entry and previousHash
};

// What verify() found.
struct AuditVerification
{
    qint64 records = 0;
    qint64 brokenAt = 0; // the first entry whose hash or link does not hold; 0: none
    QString problem;
    bool intact() const { return brokenAt == 0; }
};

// The append-only audit trail in Umbra's SQLite file (table `audit`, schema
// 15). Each entry carries the hash of the one before, so that an entry
// edited, removed or inserted out of turn breaks the chain where it was
// touched; triggers refuse UPDATE and DELETE on the table as well. Entries
// are appended on the caller's connection, inside its transaction when one
// is open, so that a plan's change and its entry commit together.
namespace AuditTrail {

QString hashOf(const AuditRecord &record);
// Appends `record` (seq, previousHash and hash are filled in); the stored
// entry. Needs an open write transaction (BEGIN IMMEDIATE) so that two
// processes cannot both chain onto the same entry.
Result<AuditRecord> append(QSqlDatabase &db, AuditRecord record);
// Entries matching every given field (empty: any), in [fromMs, toMs],
// oldest first, at most `limit`.
struct Filter
{
    QString subject;
    QString kind;
    QString actor;
    qint64 fromMs = 0;
    qint64 toMs = 0; // 0: now
};
Result<QList<AuditRecord>> read(QSqlDatabase &db, const Filter &filter = {}, int limit = 10000);
// Walks the whole chain.
Result<AuditVerification> verify(QSqlDatabase &db);

// The entries as CSV (a header, then one line each; RFC 4180 quoting) and
// as a JSON array of objects, hashes included, for whoever audits them.
QByteArray toCsv(const QList<AuditRecord> &records);
QByteArray toJson(const QList<AuditRecord> &records);

// The actor for an operator's decision: "operator:<login name>".
QString operatorActor();

} // namespace AuditTrail

} // namespace Umbra::Jobs
