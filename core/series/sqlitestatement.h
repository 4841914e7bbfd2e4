#pragma once

#include "util/result.h"

#include <QByteArray>
#include <QSqlDatabase>

struct sqlite3;
struct sqlite3_stmt;

namespace Umbra {

// A prepared statement on the raw SQLite handle behind a QtSql connection.
// QtSql's binding layer builds a placeholder name string for every bound
// value, which made it the largest cost of storing a sample; the hot write
// path talks to SQLite directly instead, inside the connection's transaction.
class SqliteStatement
{
public:
    SqliteStatement(const QSqlDatabase &db, const char *sql);
    ~SqliteStatement();

    SqliteStatement(const SqliteStatement &) = delete;
    SqliteStatement &operator=(const SqliteStatement &) = delete;

    bool isValid() const { return m_statement != nullptr; }
    QString error() const;

    void bind(int column, double value); // NaN is stored as NULL
    void bind(int column, qint64 value);
    void bind(int column, int value) { bind(column, qint64(value)); }
    void bindText(int column, const QByteArray &utf8);
    void bindBlob(int column, const QByteArray &bytes);

    // Steps a query: true while there is a row to read, false at the end (the
    // statement is then reset for its next use), an error otherwise.
    Result<bool> next();
    qint64 int64(int column) const;
    double real(int column) const; // NULL reads as NaN
    QByteArray blob(int column) const;
    bool isNull(int column) const;

    // Runs the statement once and readies it for the next set of values.
    Result<void> execute();
    // Back to its start with nothing bound, wherever a query stopped.
    void reset();

    static sqlite3 *handle(const QSqlDatabase &db);
    static qint64 lastInsertId(const QSqlDatabase &db);
    // Rows changed by the connection's last statement.
    static int changes(const QSqlDatabase &db);

private:
    sqlite3 *m_db = nullptr;
    sqlite3_stmt *m_statement = nullptr;
};

} // namespace Umbra
