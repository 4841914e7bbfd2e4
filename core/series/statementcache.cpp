#include "series/statementcache.h"

#include <cstring>

namespace Umbra {

SqliteStatement &StatementCache::operator()(const char *sql)
{
    const QByteArray key = QByteArray::fromRawData(sql, qsizetype(std::strlen(sql)));
    auto found = m_statements.find(key);
    if (found != m_statements.end() && found.value()->isValid()) {
        found.value()->reset();
        return *found.value();
    }
    auto prepared = std::make_shared<SqliteStatement>(m_db, sql);
    SqliteStatement &statement = *prepared;
    // The key is copied: `sql` need not outlive the cache.
    m_statements.insert(QByteArray(sql), std::move(prepared));
    return statement;
}

void StatementCache::resetAll()
{
    for (const auto &statement : std::as_const(m_statements))
        statement->reset();
}

} // namespace Umbra
