#include "series/sqlitestatement.h"

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

qint64 SqliteStatement::lastInsertId(const QSqlDatabase &db)
{
    sqlite3 *raw = handle(db);
    return raw ? sqlite3_last_insert_rowid(raw) : 0;
}

int SqliteStatement::changes(const QSqlDatabase &db)
{
    sqlite3 *raw = handle(db);
    return raw ? sqlite3_changes(raw) : 0;
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

void SqliteStatement::bindBlob(int column, const QByteArray &bytes)
{
    sqlite3_bind_blob64(m_statement, column, bytes.constData(), sqlite3_uint64(bytes.size()),
                        SQLITE_TRANSIENT);
}

Result<bool> SqliteStatement::next()
{
    const int status = sqlite3_step(m_statement);
    if (status == SQLITE_ROW)
        return true;
    const QString message = status == SQLITE_DONE ? QString() : error();
    sqlite3_reset(m_statement);
    if (status != SQLITE_DONE)
        return Error{ message };
    return false;
}

qint64 SqliteStatement::int64(int column) const
{
    return sqlite3_column_int64(m_statement, column);
}

double SqliteStatement::real(int column) const
{
    if (sqlite3_column_type(m_statement, column) == SQLITE_NULL)
        return std::nan("");
    return sqlite3_column_double(m_statement, column);
}

QByteArray SqliteStatement::blob(int column) const
{
    const void *data = sqlite3_column_blob(m_statement, column);
    const int size = sqlite3_column_bytes(m_statement, column);
    return QByteArray(static_cast<const char *>(data), size);
}

bool SqliteStatement::isNull(int column) const
{
    return sqlite3_column_type(m_statement, column) == SQLITE_NULL;
}

Result<void> SqliteStatement::execute()
{
    const int status = sqlite3_step(m_statement);
    // The message must be read before the reset, which can replace it.
    const QString message = status == SQLITE_DONE ? QString() : error();
    sqlite3_reset(m_statement);
    if (status != SQLITE_DONE)
        return Error{ message };
    return {};
}

void SqliteStatement::reset()
{
    if (!m_statement)
        return;
    sqlite3_reset(m_statement);
    sqlite3_clear_bindings(m_statement);
}

} // namespace Umbra
