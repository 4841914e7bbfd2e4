#pragma once

#include <QString>
#include <QStringList>
#include <vector>

// Public traces as regular series for the forecasting benchmark.
struct TraceSeries
{
    QString name; // "bitbrains/2013-7/1.csv:CPU usage [%]"
    int intervalSeconds = 300;
    std::vector<double> values; // one per slot, NaN for a missing sample
};

// Reads every CSV under the given files or folders (recursively) as series at
// 300 s:
//   - Bitbrains GWA-T-12 (';'+tab separated, epoch seconds): CPU usage [%],
//     memory usage, disk read/write and network in/out; the provisioned
//     capacities and the MHz twin of the CPU percentage are skipped;
//   - `timestamp,<columns…>` with epoch seconds/ms or ISO 8601 times (Azure,
//     NAB): every numeric column;
//   - header-only tables without a time column (Alibaba): every column, the
//     interval taken from a "_<n>_seconds" file name.
// Samples are placed on a regular grid; finer grids that divide 300 s are
// averaged to 300 s. A "_30_seconds" file is skipped when its "_300_seconds"
// sibling is present (it is the same data). Constant columns are dropped.
std::vector<TraceSeries> loadTraces(const QStringList &paths, QStringList *notes);

// ../shared/data beside the source tree, or beside the working directory.
QString defaultDataRoot();
