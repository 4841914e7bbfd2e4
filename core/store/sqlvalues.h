#pragma once

#include "fleet/samples.h"

#include <QSqlQuery>
#include <QString>
#include <QVariant>
#include <cmath>

namespace Umbra::SqlValues {

// SQLite has no NaN; an unknown figure is stored as NULL and read back as NaN.
inline QVariant fromDouble(double value)
{
    return std::isnan(value) ? QVariant() : QVariant(value);
}

inline double toDouble(const QSqlQuery &query, int column)
{
    const QVariant value = query.value(column);
    return value.isNull() ? kNoValue : value.toDouble();
}

// For NOT NULL text columns: a null QString would bind as NULL.
inline QString text(const QString &value)
{
    return value.isNull() ? QStringLiteral("") : value;
}

} // namespace Umbra::SqlValues
