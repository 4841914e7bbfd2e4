// Umbra's forecaster against the references on public VM traces, by rolling
// origin (docs/evaluation.md): naive, seasonal naive, Holt-Winters, and R's
// forecast::ets and forecast::auto.arima where r-cran-forecast is installed.
//
//   bench_forecast [--data DIR|FILE]... [--origins 6] [--max-series 0]
//                  [--train-days 14] [--r-processes 2] [--arima-fourier 0] [--no-r]
//
// Per series, `--origins` forecast origins are spread evenly over the part of
// the series that has at least two weeks of history before it (half of the
// series when it is shorter) and a day after it. Every method is fitted on the
// same window: the last `--train-days` days before the origin (14: auto.arima
// on longer windows costs minutes per fit). Figures:
//   - mase_hH: mean over origins of the mean absolute error of steps 1…H,
//     scaled by the in-sample MAE of the one-season naive forecast on the
//     training window (season = one day when two days are available, else 1);
//   - coverage80/95: share of truths at steps 1…288 inside the intervals
//     (coverage80_h12/coverage95_h12: steps 1…12);
//   - update_us: CPU time per incremental update; refit_ms: CPU time of one
//     refit on 30 days at 5 minutes.
// Human-readable table first; the last line is one JSON object. With
// UMBRA_BENCH_DETAIL set, the C++ methods are also listed per series.
#include "forecastbaselines.h"
#include "forecastdata.h"
#include "forecastr.h"
#include "predict/forecaster.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <time.h>

using namespace Umbra::Predict;

namespace {

constexpr int kHorizon = 288;
constexpr std::array<int, 3> kMaseHorizons = { 1, 12, 288 };
constexpr int kDaySteps = 288;
constexpr int kTwoWeeks = 14 * kDaySteps;

struct Options
{
    QStringList data;
    int origins = 6;
    int maxSeries = 0;
    int trainDays = 14;
    int rProcesses = 2;
    int fourier = 0;
    bool useR = true;
};

enum Method { MNaive, MSeasonalNaive, MHoltWinters, MEts, MAutoArima, MUmbra, MethodCount };
constexpr std::array<const char *, MethodCount> kMethodKeys
    = { "naive", "seasonal_naive", "holt_winters", "r_ets", "r_auto_arima", "umbra" };
constexpr std::array<const char *, MethodCount> kMethodNames
    = { "naive", "seasonal naive", "Holt-Winters", "R ets", "R auto.arima", "Umbra" };

struct Score
{
    std::array<double, 3> mase{};
    int origins = 0;
    qint64 inside80 = 0, inside95 = 0, truths = 0;
    qint64 inside80h12 = 0, inside95h12 = 0, truthsh12 = 0;
    int fallbacks = 0; // windows the method could not fit (scored as naive)
};

struct Window
{
    size_t series = 0;
    std::vector<double> train;
    std::vector<double> test;
    int season = 1;
    double scale = 0;
};

double cpuSeconds()
{
    timespec now{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return double(now.tv_sec) + double(now.tv_nsec) * 1e-9;
}

Options parse(const QStringList &args)
{
    Options o;
    for (qsizetype i = 1; i < args.size(); ++i) {
        const QString &a = args[i];
        auto next = [&]() { return i + 1 < args.size() ? args[++i] : QString(); };
        if (a == QLatin1String("--data"))
            o.data.append(next());
        else if (a == QLatin1String("--origins"))
            o.origins = std::max(1, next().toInt());
        else if (a == QLatin1String("--max-series"))
            o.maxSeries = next().toInt();
        else if (a == QLatin1String("--train-days"))
            o.trainDays = std::max(2, next().toInt());
        else if (a == QLatin1String("--r-processes"))
            o.rProcesses = std::max(1, next().toInt());
        else if (a == QLatin1String("--arima-fourier"))
            o.fourier = std::max(0, next().toInt());
        else if (a == QLatin1String("--no-r"))
            o.useR = false;
        else {
            std::fprintf(stderr, "unknown argument %s\n", qPrintable(a));
            std::exit(2);
        }
    }
    if (o.data.isEmpty()) {
        const QString root = defaultDataRoot();
        for (const char *folder : { "bitbrains", "azure", "alibaba" })
            o.data.append(root + QLatin1Char('/') + QLatin1String(folder));
    }
    return o;
}

// In-sample MAE of the one-season naive forecast.
double naiveScale(const std::vector<double> &train, int season)
{
    double sum = 0;
    int count = 0;
    for (size_t i = size_t(season); i < train.size(); ++i) {
        if (std::isfinite(train[i]) && std::isfinite(train[i - size_t(season)])) {
            sum += std::abs(train[i] - train[i - size_t(season)]);
            ++count;
        }
    }
    return count > 0 ? sum / count : 0.0;
}

std::vector<Window> makeWindows(const std::vector<TraceSeries> &series, const Options &o)
{
    std::vector<Window> windows;
    const size_t cap = size_t(o.trainDays) * kDaySteps;
    for (size_t s = 0; s < series.size(); ++s) {
        const auto &values = series[s].values;
        const size_t n = values.size();
        if (n < size_t(kHorizon) + 4 * kDaySteps / 12)
            continue;
        const size_t last = n - size_t(kHorizon);
        const size_t first = std::min(size_t(kTwoWeeks), n / 2);
        if (first > last)
            continue;
        for (int k = 0; k < o.origins; ++k) {
            const size_t origin = o.origins == 1
                ? last
                : first + size_t(double(last - first) * k / (o.origins - 1));
            Window w;
            w.series = s;
            const size_t from = origin > cap ? origin - cap : 0;
            w.train.assign(values.begin() + qsizetype(from), values.begin() + qsizetype(origin));
            w.test.assign(values.begin() + qsizetype(origin),
                          values.begin() + qsizetype(origin + kHorizon));
            w.season = w.train.size() >= size_t(2 * kDaySteps) ? kDaySteps : 1;
            w.scale = naiveScale(w.train, w.season);
            if (!(w.scale > 0))
                continue; // a flat training window scales nothing
            windows.push_back(std::move(w));
        }
    }
    return windows;
}

BandForecast umbraForecast(const Window &w, double *fitSeconds)
{
    Forecaster forecaster(ForecasterOptions{ 300, 8640 });
    for (size_t i = 0; i < w.train.size(); ++i)
        forecaster.update(qint64(i) * 300'000, w.train[i]);
    const double start = cpuSeconds();
    forecaster.refit();
    const QList<ForecastStep> steps = forecaster.forecast(kHorizon);
    *fitSeconds += cpuSeconds() - start;
    BandForecast f;
    f.resize(kHorizon);
    for (int k = 0; k < kHorizon && k < steps.size(); ++k) {
        f.point[size_t(k)] = steps[k].point;
        f.lower80[size_t(k)] = steps[k].lower80;
        f.upper80[size_t(k)] = steps[k].upper80;
        f.lower95[size_t(k)] = steps[k].lower95;
        f.upper95[size_t(k)] = steps[k].upper95;
    }
    return f;
}

void score(Score &s, const Window &w, const BandForecast &f)
{
    for (size_t h = 0; h < kMaseHorizons.size(); ++h) {
        double sum = 0;
        int count = 0;
        for (int k = 0; k < kMaseHorizons[h]; ++k) {
            if (std::isfinite(w.test[size_t(k)])) {
                sum += std::abs(w.test[size_t(k)] - f.point[size_t(k)]);
                ++count;
            }
        }
        s.mase[h] += count > 0 ? sum / count / w.scale : 0.0;
    }
    ++s.origins;
    for (int k = 0; k < kHorizon; ++k) {
        const double y = w.test[size_t(k)];
        if (!std::isfinite(y))
            continue;
        const bool in80 = y >= f.lower80[size_t(k)] && y <= f.upper80[size_t(k)];
        const bool in95 = y >= f.lower95[size_t(k)] && y <= f.upper95[size_t(k)];
        s.inside80 += in80;
        s.inside95 += in95;
        ++s.truths;
        if (k < 12) {
            s.inside80h12 += in80;
            s.inside95h12 += in95;
            ++s.truthsh12;
        }
    }
}

struct Costs
{
    double updateMicros = 0;
    double refitMillis = 0;
    int refitSamples = 0;
};

// The cost of keeping one series: updates after a fit, and refits of a month.
Costs measureCosts(const std::vector<TraceSeries> &series)
{
    Costs costs;
    const TraceSeries *longest = nullptr;
    for (const TraceSeries &s : series) {
        if (!longest || s.values.size() > longest->values.size())
            longest = &s;
    }
    if (!longest)
        return costs;
    // 30 days at 5 minutes; a shorter trace is repeated to fill it.
    constexpr int kMonth = 8640;
    std::vector<double> month(kMonth);
    for (int i = 0; i < kMonth; ++i)
        month[size_t(i)] = longest->values[size_t(i) % longest->values.size()];

    Forecaster forecaster(ForecasterOptions{ 300, kMonth });
    for (int i = 0; i < kMonth; ++i)
        forecaster.update(qint64(i) * 300'000, month[size_t(i)]);
    constexpr int kRefits = 20;
    double start = cpuSeconds();
    for (int r = 0; r < kRefits; ++r)
        forecaster.refit();
    costs.refitMillis = (cpuSeconds() - start) * 1000 / kRefits;
    costs.refitSamples = forecaster.retainedSamples();

    constexpr int kUpdates = 200'000;
    start = cpuSeconds();
    for (int i = 0; i < kUpdates; ++i)
        forecaster.update(qint64(kMonth + i) * 300'000, month[size_t(i % kMonth)]);
    costs.updateMicros = (cpuSeconds() - start) * 1e6 / kUpdates;
    return costs;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const Options options = parse(app.arguments());

    QStringList notes;
    std::vector<TraceSeries> series = loadTraces(options.data, &notes);
    if (options.maxSeries > 0 && series.size() > size_t(options.maxSeries))
        series.resize(size_t(options.maxSeries));
    for (const QString &note : notes)
        std::printf("note: %s\n", qPrintable(note));
    if (series.empty()) {
        std::printf("no series found under %s\n",
                    qPrintable(options.data.join(QLatin1String(", "))));
        std::printf("{\"error\":\"no data\"}\n");
        return 1;
    }
    const std::vector<Window> windows = makeWindows(series, options);
    std::printf("%zu series, %zu forecast origins, training windows of at most %d days, "
                "horizon %d steps\n",
                series.size(), windows.size(), options.trainDays, kHorizon);

    QString rStatus = QStringLiteral("not requested (--no-r)");
    bool haveR = false;
    if (options.useR) {
        haveR = rForecastAvailable(&rStatus);
        if (haveR)
            rStatus = QStringLiteral("ran");
        else
            std::printf("R baselines skipped: %s\n", qPrintable(rStatus));
    }

    std::array<Score, MethodCount> scores;
    double umbraFitSeconds = 0;
    double start = cpuSeconds();
    for (const Window &w : windows) {
        score(scores[MNaive], w, naiveForecast(w.train, kHorizon));
        score(scores[MSeasonalNaive], w, seasonalNaiveForecast(w.train, w.season, kHorizon));
        score(scores[MHoltWinters], w, holtWintersForecast(w.train, w.season, kHorizon));
        score(scores[MUmbra], w, umbraForecast(w, &umbraFitSeconds));
    }
    if (qEnvironmentVariableIsSet("UMBRA_BENCH_DETAIL")) {
        // Per series: mean MASE at 12 steps of each C++ method.
        for (size_t si = 0; si < series.size(); ++si) {
            std::array<Score, MethodCount> per;
            double ignored = 0;
            int nan = 0;
            for (double v : series[si].values)
                nan += !std::isfinite(v);
            for (const Window &w : windows) {
                if (w.series != si)
                    continue;
                score(per[MNaive], w, naiveForecast(w.train, kHorizon));
                score(per[MSeasonalNaive], w, seasonalNaiveForecast(w.train, w.season, kHorizon));
                score(per[MHoltWinters], w, holtWintersForecast(w.train, w.season, kHorizon));
                score(per[MUmbra], w, umbraForecast(w, &ignored));
            }
            if (per[MNaive].origins == 0)
                continue;
            std::printf(
                "%-60s n=%zu nan=%d  h1 %.3f/%.3f/%.3f  h12 %.3f/%.3f/%.3f/%.3f  cov95 %.2f\n",
                qPrintable(series[si].name), series[si].values.size(), nan,
                per[MNaive].mase[0] / per[MNaive].origins,
                per[MSeasonalNaive].mase[0] / per[MNaive].origins,
                per[MUmbra].mase[0] / per[MNaive].origins,
                per[MNaive].mase[1] / per[MNaive].origins,
                per[MSeasonalNaive].mase[1] / per[MNaive].origins,
                per[MHoltWinters].mase[1] / per[MNaive].origins,
                per[MUmbra].mase[1] / per[MNaive].origins,
                double(per[MUmbra].inside95) / double(per[MUmbra].truths));
        }
    }
    std::printf("C++ methods: %.1f s CPU (Umbra fit+forecast %.2f ms per origin)\n",
                cpuSeconds() - start, umbraFitSeconds * 1000 / double(windows.size()));

    if (haveR) {
        std::vector<RJob> jobs;
        for (const Window &w : windows)
            jobs.push_back({ w.train, w.season, kHorizon });
        std::printf("running R on %zu windows in %d processes…\n", jobs.size(), options.rProcesses);
        std::fflush(stdout);
        const RResults r = runRBaselines(jobs, options.rProcesses, options.fourier);
        std::printf("R: %.0f s wall\n", r.wallSeconds);
        for (size_t i = 0; i < windows.size(); ++i) {
            const BandForecast fallback = naiveForecast(windows[i].train, kHorizon);
            scores[MEts].fallbacks += !r.ets[i].has_value();
            scores[MAutoArima].fallbacks += !r.arima[i].has_value();
            score(scores[MEts], windows[i], r.ets[i].value_or(fallback));
            score(scores[MAutoArima], windows[i], r.arima[i].value_or(fallback));
        }
    }

    const Costs costs = measureCosts(series);

    std::printf("\n%-16s %9s %9s %9s %8s %8s %8s %8s\n", "method", "MASE h1", "MASE h12",
                "MASE h288", "cov80", "cov95", "cov80@12", "cov95@12");
    QJsonObject methods;
    for (int m = 0; m < MethodCount; ++m) {
        const Score &s = scores[size_t(m)];
        if (s.origins == 0)
            continue;
        const double n = s.origins;
        QJsonObject o;
        o[QStringLiteral("mase_h1")] = s.mase[0] / n;
        o[QStringLiteral("mase_h12")] = s.mase[1] / n;
        o[QStringLiteral("mase_h288")] = s.mase[2] / n;
        o[QStringLiteral("coverage80")] = double(s.inside80) / double(s.truths);
        o[QStringLiteral("coverage95")] = double(s.inside95) / double(s.truths);
        o[QStringLiteral("coverage80_h12")] = double(s.inside80h12) / double(s.truthsh12);
        o[QStringLiteral("coverage95_h12")] = double(s.inside95h12) / double(s.truthsh12);
        if (m == MEts || m == MAutoArima)
            o[QStringLiteral("failed_fits")] = s.fallbacks;
        methods[QLatin1String(kMethodKeys[size_t(m)])] = o;
        std::printf("%-16s %9.3f %9.3f %9.3f %7.1f%% %7.1f%% %7.1f%% %7.1f%%%s\n",
                    kMethodNames[size_t(m)], s.mase[0] / n, s.mase[1] / n, s.mase[2] / n,
                    100.0 * double(s.inside80) / double(s.truths),
                    100.0 * double(s.inside95) / double(s.truths),
                    100.0 * double(s.inside80h12) / double(s.truthsh12),
                    100.0 * double(s.inside95h12) / double(s.truthsh12),
                    s.fallbacks ? qPrintable(
                        QStringLiteral("  (%1 fits failed, scored as naive)").arg(s.fallbacks))
                                : "");
    }
    std::printf("\nUmbra cost: %.3f µs per update, %.2f ms per refit of %d samples (CPU time)\n",
                costs.updateMicros, costs.refitMillis, costs.refitSamples);

    QJsonObject json;
    json[QStringLiteral("series")] = int(series.size());
    json[QStringLiteral("origins")] = int(windows.size());
    json[QStringLiteral("train_days")] = options.trainDays;
    json[QStringLiteral("r")] = rStatus;
    json[QStringLiteral("methods")] = methods;
    json[QStringLiteral("update_us")] = costs.updateMicros;
    json[QStringLiteral("refit_ms")] = costs.refitMillis;
    std::printf("%s\n", QJsonDocument(json).toJson(QJsonDocument::Compact).constData());
    return 0;
}
