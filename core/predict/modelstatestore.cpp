#include "predict/modelstatestore.h"

#include "store/database.h"

#include <QCoreApplication>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>

namespace Umbra {

ModelStateStore::ModelStateStore() = default;
ModelStateStore::~ModelStateStore() = default;

Result<void> ModelStateStore::open(const QString &path)
{
    auto db = Database::open(
        path, QStringLiteral("umbra-models-%1").arg(quintptr(QThread::currentThread()), 0, 16));
    if (!db)
        return Error{ db.error() };
    m_db = std::move(db.value());
    return {};
}

QSqlDatabase ModelStateStore::sql() const
{
    return m_db ? m_db->sql() : QSqlDatabase();
}

Result<QByteArray> ModelStateStore::load(const QString &key)
{
    if (!m_db)
        return QByteArray();
    QSqlQuery query(m_db->sql());
    query.prepare(QStringLiteral("SELECT state FROM model_state WHERE key = ?"));
    query.addBindValue(key);
    if (!query.exec())
        return Error{ QCoreApplication::translate("Umbra::ModelStateStore",
                                                  "Reading a stored model failed: %1")
                          .arg(query.lastError().text()) };
    return query.next() ? query.value(0).toByteArray() : QByteArray();
}

Result<void> ModelStateStore::save(const QHash<QString, QByteArray> &states, qint64 nowMs)
{
    if (!m_db || states.isEmpty())
        return {};
    QSqlDatabase &sql = m_db->sql();
    const auto failed = [&sql](const QString &what) -> Result<void> {
        const QString reason = what;
        sql.rollback();
        return Error{ QCoreApplication::translate("Umbra::ModelStateStore",
                                                  "Saving the demand models failed: %1")
                          .arg(reason) };
    };
    if (auto begun = Database::beginWrite(sql); !begun)
        return failed(begun.error());
    QSqlQuery query(sql);
    query.prepare(QStringLiteral(
        "INSERT INTO model_state (key, state, saved_ms) VALUES (?, ?, ?) "
        "ON CONFLICT(key) DO UPDATE SET state = excluded.state, saved_ms = excluded.saved_ms"));
    for (auto it = states.cbegin(); it != states.cend(); ++it) {
        query.addBindValue(it.key());
        query.addBindValue(it.value());
        query.addBindValue(nowMs);
        if (!query.exec())
            return failed(query.lastError().text());
    }
    if (!sql.commit())
        return failed(sql.lastError().text());
    return {};
}

} // namespace Umbra
