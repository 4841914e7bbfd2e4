#pragma once

#include "series/sqlitestatement.h"

#include <QByteArray>
#include <QHash>
#include <QSqlDatabase>
#include <memory>

namespace Umbra {

// The prepared statements of one connection, kept for its life. SQLite takes
// longer to prepare a short statement than to run it, and the series writer
// runs the same handful for every series whose hour completes: at 10,000 VMs
// that is 60,000 series an hour, and preparing was a quarter of the writer's
// time. Must go before the connection is closed.
class StatementCache
{
public:
    explicit StatementCache(QSqlDatabase db)
        : m_db(std::move(db))
    { }

    StatementCache(const StatementCache &) = delete;
    StatementCache &operator=(const StatementCache &) = delete;

    // The statement for `sql`, reset and with nothing bound. A statement that
    // could not be prepared is tried again on the next call (its error() says
    // why meanwhile).
    SqliteStatement &operator()(const char *sql);

    // Every statement back at its start, so that none still reading keeps a
    // snapshot of the file open after a transaction ends.
    void resetAll();

private:
    QSqlDatabase m_db;
    QHash<QByteArray, std::shared_ptr<SqliteStatement>> m_statements;
};

} // namespace Umbra
