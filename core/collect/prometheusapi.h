#pragma once

#include "util/result.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>
#include <QUrl>
#include <optional>

namespace Umbra::Prometheus {

struct Point
{
    qint64 timestampMs = 0;
    double value = 0;
};

// One series of an answer: its labels (with __name__ when the query kept
// it) and its points, oldest first; an instant vector has one point.
struct Series
{
    QHash<QString, QString> labels;
    QList<Point> points;
};

struct Answer
{
    QList<Series> series;
    // What Prometheus warned of with its answer, and samples that did not
    // parse (left out, never read as zero), for the operator.
    QStringList warnings;
};

struct ApiOptions
{
    int timeoutMs = 5000; // the whole exchange
    qint64 maxBytes = 64 * 1024 * 1024; // a larger answer is refused
};

// Prometheus' HTTP API (/api/v1/query and /api/v1/query_range), blocking:
// for a host session's thread, which has nothing else to do while it waits
// and must not re-enter its own event loop. Queries are POSTed, so a
// selector naming every VM of a host never meets a URL length limit.
class Api
{
public:
    using Options = ApiOptions;

    explicit Api(QUrl base, Options options = {});

    // An instant query, evaluated at `atMs` (now when absent).
    Result<Answer> query(const QString &promql, std::optional<qint64> atMs = {}) const;
    // A range query: points every `stepSeconds` over [startMs, endMs].
    Result<Answer> queryRange(const QString &promql, qint64 startMs, qint64 endMs,
                              int stepSeconds) const;

    const QUrl &base() const { return m_base; }

    // Reads an API answer (its HTTP status and body); public for the tests.
    static Result<Answer> parse(int httpStatus, const QByteArray &body, const QString &where);

private:
    Result<Answer> post(const QString &path, const QByteArray &form) const;

    QUrl m_base;
    Options m_options;
};

// A URL a Prometheus server is reached at: http or https, a host, no
// credentials (they would be stored in the clear with the host).
Result<QUrl> validServerUrl(const QString &text);

} // namespace Umbra::Prometheus
