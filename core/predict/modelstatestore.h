#pragma once

#include "util/result.h"

#include <QByteArray>
#include <QHash>
#include <QSqlDatabase>
#include <QString>
#include <memory>

namespace Umbra {

class Database;

// Where demand models are kept between runs: one row per model in the
// `model_state` table of Umbra's database, so a restart resumes from what
// was learnt instead of from scratch. Owned by the prediction thread, which
// opens its own connection.
class ModelStateStore
{
public:
    ModelStateStore();
    ~ModelStateStore();

    Result<void> open(const QString &path);
    bool isOpen() const { return bool(m_db); }
    // The connection, for other readers on the same thread.
    QSqlDatabase sql() const;

    // The stored state of one model, or an empty array.
    Result<QByteArray> load(const QString &key);
    // Writes every state in one transaction.
    Result<void> save(const QHash<QString, QByteArray> &states, qint64 nowMs);

private:
    std::unique_ptr<Database> m_db;
};

} // namespace Umbra
