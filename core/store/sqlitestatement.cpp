#include "store/sqlitestatement.h"

#include <QSqlDriver>
#include <QVariant>
#include <cmath>
#include <sqlite3.h>

namespace Umbra {

sqlite3 *SqliteStatement::handle(const QSqlDatabase &db)
{
    const QVariant value = db.driver() ? db.driver()->handle() : QVariant();
    if (!value.isValid() || qstrcmp(value.typeName(), "sqlite3*") != 0)
        return nullptr;
    return *static_cast<sqlite3 *const *>(value.constData());
}

SqliteStatement::SqliteStatement(const QSqlDatabase &db, const char *sql)
    : m_db(handle(db))
{
    if (m_db && sqlite3_prepare_v2(m_db, sql, -1, &m_statement, nullptr) != SQLITE_OK)
        m_statement = nullptr;
}

SqliteStatement::~SqliteStatement()
{
    sqlite3_finalize(m_statement);
}

QString SqliteStatement::error() const
{
    if (!m_db)
        return QStringLiteral("no SQLite connection");
    return QString::fromUtf8(sqlite3_errmsg(m_db));
}

void SqliteStatement::bind(int column, double value)
{
    if (std::isnan(value))
        sqlite3_bind_null(m_statement, column);
    else
        sqlite3_bind_double(m_statement, column, value);
}

void SqliteStatement::bind(int column, qint64 value)
{
    sqlite3_bind_int64(m_statement, column, value);
}

void SqliteStatement::bindText(int column, const QByteArray &utf8)
{
    sqlite3_bind_text(m_statement, column, utf8.constData(), int(utf8.size()), SQLITE_TRANSIENT);
}

Result<void> SqliteStatement::execute()
{
    const int status = sqlite3_step(m_statement);
    sqlite3_reset(m_statement);
    if (status != SQLITE_DONE)
        return Error{ error() };
    return {};
}

} // namespace Umbra
