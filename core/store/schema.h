#pragma once

#include "util/result.h"

#include <QSqlDatabase>

namespace Umbra::Schema {

// Brings a database from version `from` to Database::kSchemaVersion, step by
// step. The caller holds the transaction.
Result<void> upgrade(QSqlDatabase &db, int from);

// The statements of one version step, exposed so tests can build an old file.
QStringList stepStatements(int toVersion);

// Moves the samples of the row tables of version 2 into time series and
// drops those tables (after the last step, when upgrading from version 2).
Result<void> convertRowSamples(QSqlDatabase &db);

} // namespace Umbra::Schema
