#pragma once

#include <QByteArrayView>
#include <QHash>
#include <QList>
#include <QString>
#include <optional>
#include <utility>

namespace Umbra::Hardware {

// One line of a Prometheus text page: `name{label="value",...} value [timestamp]`.
struct Sample
{
    QString name;
    // Sorted by label name; names are unique. A page carries a handful of
    // labels per sample, so a sorted vector beats a map.
    QList<std::pair<QString, QString>> labels;
    double value = 0;
    std::optional<qint64> timestampMs;

    // The value of a label, or an empty string when the sample has none.
    QString label(QStringView labelName) const;
};

// What a page may cost at most. An exporter answers with what it likes; these
// bounds keep a broken or hostile one from exhausting the console's memory.
struct ExpositionLimits
{
    qsizetype maxLineBytes = 64 * 1024;
    int maxLabels = 64;
    qsizetype maxSamples = 200'000;
};

struct Exposition
{
    QList<Sample> samples;
    // `# TYPE` declarations: metric family → counter, gauge, histogram, summary, untyped.
    QHash<QString, QString> types;
    // Lines that were not comments, not blank and not understood.
    int skippedLines = 0;
    // The first problem met, "line N: why", for the operator.
    QString firstError;
    // Parsing stopped at maxSamples; the rest of the page was not read.
    bool truncated = false;
};

// Reads the Prometheus text exposition format, version 0.0.4. Never throws;
// a line it does not understand is skipped and counted, the rest of the page
// still counts.
Exposition parseExposition(QByteArrayView page, const ExpositionLimits &limits = {});

} // namespace Umbra::Hardware
