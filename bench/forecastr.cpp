#include "forecastr.h"

#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTextStream>
#include <cmath>
#include <memory>

namespace {

// One line per job in the list: "<window file> <frequency> <h>". Each window
// gets "<file>.ets" and "<file>.arima": h rows of mean, lo80, hi80, lo95, hi95.
constexpr const char *kScript = R"R(
suppressMessages(library(forecast))
args <- commandArgs(trailingOnly = TRUE)
jobs <- read.table(args[1], header = FALSE, stringsAsFactors = FALSE)
fourierK <- as.integer(args[2])
save <- function(fc, out) {
  write.table(cbind(as.numeric(fc$mean), fc$lower[, 1], fc$upper[, 1],
                    fc$lower[, 2], fc$upper[, 2]),
              out, row.names = FALSE, col.names = FALSE)
}
for (i in seq_len(nrow(jobs))) {
  path <- jobs[i, 1]; freq <- jobs[i, 2]; h <- jobs[i, 3]
  x <- scan(path, quiet = TRUE, na.strings = "NA")
  y <- ts(x, frequency = freq)
  if (anyNA(y)) y <- na.interp(y)
  tryCatch(save(forecast(suppressWarnings(ets(y)), h = h, level = c(80, 95)),
                paste0(path, ".ets")), error = function(e) NULL)
  tryCatch({
    if (fourierK > 0 && freq > 1 && length(y) >= 2 * freq) {
      k <- min(fourierK, freq %/% 2)
      fit <- auto.arima(y, seasonal = FALSE, xreg = fourier(y, K = k))
      fc <- forecast(fit, xreg = fourier(y, K = k, h = h), level = c(80, 95))
    } else {
      fc <- forecast(auto.arima(y, seasonal = FALSE), h = h, level = c(80, 95))
    }
    save(fc, paste0(path, ".arima"))
  }, error = function(e) NULL)
}
)R";

std::optional<BandForecast> readForecast(const QString &path, int h)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
        return std::nullopt;
    BandForecast f;
    f.resize(h);
    QTextStream in(&file);
    for (int k = 0; k < h; ++k) {
        const QStringList fields = in.readLine().split(QLatin1Char(' '), Qt::SkipEmptyParts);
        if (fields.size() != 5)
            return std::nullopt;
        double *targets[] = { &f.point[size_t(k)], &f.lower80[size_t(k)], &f.upper80[size_t(k)],
                              &f.lower95[size_t(k)], &f.upper95[size_t(k)] };
        for (int c = 0; c < 5; ++c) {
            bool ok = false;
            *targets[c] = fields[c].toDouble(&ok);
            if (!ok)
                return std::nullopt;
        }
    }
    return f;
}

} // namespace

bool rForecastAvailable(QString *why)
{
    const QString rscript = QStandardPaths::findExecutable(QStringLiteral("Rscript"));
    if (rscript.isEmpty()) {
        *why = QStringLiteral("Rscript is not installed");
        return false;
    }
    QProcess probe;
    probe.start(rscript,
                { QStringLiteral("-e"),
                  QStringLiteral("quit(status = if (requireNamespace('forecast', quietly = "
                                 "TRUE)) 0 else 1)") });
    if (!probe.waitForFinished(60000) || probe.exitCode() != 0) {
        *why = QStringLiteral("R's forecast package is not installed (r-cran-forecast)");
        return false;
    }
    return true;
}

RResults runRBaselines(const std::vector<RJob> &jobs, int processes, int fourierTerms)
{
    RResults results;
    results.ets.resize(jobs.size());
    results.arima.resize(jobs.size());
    QTemporaryDir dir;
    if (!dir.isValid() || jobs.empty())
        return results;
    const QString script = dir.filePath(QStringLiteral("baselines.R"));
    {
        QFile f(script);
        if (!f.open(QIODevice::WriteOnly))
            return results;
        f.write(kScript);
    }
    std::vector<QString> windows(jobs.size());
    std::vector<std::unique_ptr<QFile>> lists;
    for (int p = 0; p < processes; ++p) {
        lists.push_back(std::make_unique<QFile>(dir.filePath(QStringLiteral("jobs%1.txt").arg(p))));
        if (!lists.back()->open(QIODevice::WriteOnly | QIODevice::Text))
            return results;
    }
    for (size_t i = 0; i < jobs.size(); ++i) {
        windows[i] = dir.filePath(QStringLiteral("w%1.txt").arg(i));
        QFile w(windows[i]);
        if (!w.open(QIODevice::WriteOnly | QIODevice::Text))
            return results;
        QByteArray text;
        for (double v : jobs[i].train)
            text += std::isfinite(v) ? QByteArray::number(v, 'g', 12) + '\n' : QByteArray("NA\n");
        w.write(text);
        // Round robin keeps the long and short windows spread over the processes.
        lists[i % size_t(processes)]->write(QStringLiteral("%1 %2 %3\n")
                                                .arg(windows[i])
                                                .arg(jobs[i].frequency)
                                                .arg(jobs[i].h)
                                                .toUtf8());
    }
    for (auto &list : lists)
        list->close();

    QElapsedTimer timer;
    timer.start();
    std::vector<std::unique_ptr<QProcess>> running;
    for (int p = 0; p < processes; ++p) {
        running.push_back(std::make_unique<QProcess>());
        running.back()->setProcessChannelMode(QProcess::ForwardedErrorChannel);
        running.back()->start(
            QStringLiteral("Rscript"),
            { script, lists[size_t(p)]->fileName(), QString::number(fourierTerms) });
    }
    for (auto &process : running)
        process->waitForFinished(-1);
    results.wallSeconds = timer.elapsed() / 1000.0;

    for (size_t i = 0; i < jobs.size(); ++i) {
        results.ets[i] = readForecast(windows[i] + QStringLiteral(".ets"), jobs[i].h);
        results.arima[i] = readForecast(windows[i] + QStringLiteral(".arima"), jobs[i].h);
    }
    return results;
}
