// Umbra's forecaster against the references on public VM traces, by rolling
// origin (docs/evaluation.md): naive, seasonal naive, Holt-Winters, and R's
// forecast::ets and forecast::auto.arima where r-cran-forecast is installed.
//
//   bench_forecast [--data DIR|FILE]... [--origins 6|24] [--max-series 0]
//                  [--train-days 14] [--r-processes 2] [--arima-fourier 0] [--no-r]
//                  [--leave-one-out] [--refit-cadence] [--coarse-refit-cadence]
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
//   - refit_ms_p50/p95/max: CPU time of one refit on 30 days at 5 minutes,
//     over every series (a shorter one repeated to fill the month).
// With --leave-one-out, every --data path is a data set of its own: the
// forecaster's interval constants (Predict::FitTuning) are tuned on all data
// sets but one and scored on the one left out, for each in turn, and every
// method is reported per data set (forecasttuning.h). It takes 24 origins per
// series unless told otherwise: a family of two series (Azure) at 6 origins
// gives twelve one-step errors, too few to rank methods by.
// With --refit-cadence, it replays every series through a window as a demand
// model's fine tier keeps one, refitting at several cadences, and reports
// what each costs and scores (forecastcadence.h); --coarse-refit-cadence
// does the same for the coarse tier's month of five-minute means.
// Human-readable table first; the last line is one JSON object. With
// UMBRA_BENCH_DETAIL set, the C++ methods are also listed per series.
#include "cputime.h"
#include "forecastbaselines.h"
#include "forecastcadence.h"
#include "forecastdata.h"
#include "forecastr.h"
#include "forecasttuning.h"
#include "predict/forecaster.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
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
    int origins = 0; // 0: 6, or 24 with --leave-one-out
    int maxSeries = 0;
    int trainDays = 14;
    int rProcesses = 2;
    int fourier = 0;
    bool useR = true;
    bool leaveOneOut = false;
    bool refitCadence = false;
    bool coarseRefitCadence = false;
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
        else if (a == QLatin1String("--leave-one-out"))
            o.leaveOneOut = true;
        else if (a == QLatin1String("--refit-cadence"))
            o.refitCadence = true;
        else if (a == QLatin1String("--coarse-refit-cadence"))
            o.coarseRefitCadence = true;
        else {
            std::fprintf(stderr, "unknown argument %s\n", qPrintable(a));
            std::exit(2);
        }
    }
    if (o.origins == 0)
        o.origins = o.leaveOneOut ? 24 : 6;
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

BandForecast bandsOf(const QList<ForecastStep> &steps)
{
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

BandForecast umbraForecast(const Window &w, double *fitSeconds, FitTuning tuning = {})
{
    Forecaster forecaster(ForecasterOptions{ 300, 8640 });
    for (size_t i = 0; i < w.train.size(); ++i)
        forecaster.update(qint64(i) * 300'000, w.train[i]);
    const double start = cpuSeconds();
    FitInput input = forecaster.fitInput();
    input.tuning = tuning;
    forecaster.adopt(Forecaster::fit(input));
    const QList<ForecastStep> steps = forecaster.forecast(kHorizon);
    *fitSeconds += cpuSeconds() - start;
    return bandsOf(steps);
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
    double refitMillisP50 = 0, refitMillisP95 = 0, refitMillisMax = 0;
    int refitSeries = 0;
};

double percentile(std::vector<double> values, double level)
{
    if (values.empty())
        return 0;
    std::sort(values.begin(), values.end());
    return values[std::min(values.size() - 1, size_t(level * double(values.size() - 1) + 0.5))];
}

// The cost of keeping one series: a refit of 30 days at 5 minutes for every
// series (the median of three, a shorter trace repeated to fill the month),
// and updates after a fit.
Costs measureCosts(const std::vector<TraceSeries> &series)
{
    Costs costs;
    constexpr int kMonth = 8640;
    std::vector<double> month(kMonth);
    std::vector<double> refits;
    for (const TraceSeries &s : series) {
        if (s.values.empty())
            continue;
        for (int i = 0; i < kMonth; ++i)
            month[size_t(i)] = s.values[size_t(i) % s.values.size()];
        Forecaster forecaster(ForecasterOptions{ 300, kMonth });
        for (int i = 0; i < kMonth; ++i)
            forecaster.update(qint64(i) * 300'000, month[size_t(i)]);
        std::array<double, 3> runs{};
        for (double &run : runs) {
            const double start = cpuSeconds();
            forecaster.refit();
            run = (cpuSeconds() - start) * 1000;
        }
        std::sort(runs.begin(), runs.end());
        refits.push_back(runs[1]);
    }
    if (refits.empty())
        return costs;
    costs.refitSeries = int(refits.size());
    costs.refitMillisP50 = percentile(refits, 0.5);
    costs.refitMillisP95 = percentile(refits, 0.95);
    costs.refitMillisMax = *std::max_element(refits.begin(), refits.end());

    Forecaster forecaster(ForecasterOptions{ 300, kMonth });
    for (int i = 0; i < kMonth; ++i)
        forecaster.update(qint64(i) * 300'000, month[size_t(i)]);
    forecaster.refit();
    constexpr int kUpdates = 200'000;
    const double start = cpuSeconds();
    for (int i = 0; i < kUpdates; ++i)
        forecaster.update(qint64(kMonth + i) * 300'000, month[size_t(i % kMonth)]);
    costs.updateMicros = (cpuSeconds() - start) * 1e6 / kUpdates;
    return costs;
}

QJsonObject figures(const Score &s)
{
    const double n = s.origins;
    QJsonObject o;
    o[QStringLiteral("mase_h1")] = s.mase[0] / n;
    o[QStringLiteral("mase_h12")] = s.mase[1] / n;
    o[QStringLiteral("mase_h288")] = s.mase[2] / n;
    o[QStringLiteral("coverage80")] = double(s.inside80) / double(s.truths);
    o[QStringLiteral("coverage95")] = double(s.inside95) / double(s.truths);
    o[QStringLiteral("coverage80_h12")] = double(s.inside80h12) / double(s.truthsh12);
    o[QStringLiteral("coverage95_h12")] = double(s.inside95h12) / double(s.truthsh12);
    return o;
}

void printRow(const char *name, const Score &s)
{
    const double n = s.origins;
    std::printf("%-16s %9.3f %9.3f %9.3f %7.1f%% %7.1f%% %7.1f%% %7.1f%%%s\n", name, s.mase[0] / n,
                s.mase[1] / n, s.mase[2] / n, 100.0 * double(s.inside80) / double(s.truths),
                100.0 * double(s.inside95) / double(s.truths),
                100.0 * double(s.inside80h12) / double(s.truthsh12),
                100.0 * double(s.inside95h12) / double(s.truthsh12),
                s.fallbacks ? qPrintable(
                    QStringLiteral("  (%1 fits failed, scored as naive)").arg(s.fallbacks))
                            : "");
}

void printHeader()
{
    std::printf("%-16s %9s %9s %9s %8s %8s %8s %8s\n", "method", "MASE h1", "MASE h12", "MASE h288",
                "cov80", "cov95", "cov80@12", "cov95@12");
}

// Every --data path a data set; tuned on the others, scored on each.
int runLeaveOneOut(const Options &options)
{
    struct DataSet
    {
        QString name;
        std::vector<TraceSeries> series;
        std::vector<Window> windows;
        std::array<Score, MethodCount> scores;
        IntervalTuning tuning;
        Costs costs;
    };
    std::vector<DataSet> sets;
    for (const QString &path : options.data) {
        DataSet set;
        set.name = QFileInfo(path).fileName();
        QStringList notes;
        set.series = loadTraces({ path }, &notes);
        if (options.maxSeries > 0 && set.series.size() > size_t(options.maxSeries))
            set.series.resize(size_t(options.maxSeries));
        for (const QString &note : notes)
            std::printf("note: %s\n", qPrintable(note));
        set.windows = makeWindows(set.series, options);
        if (set.windows.empty()) {
            std::printf("%s: no series with enough history, left out\n", qPrintable(path));
            continue;
        }
        std::printf("%s: %zu series, %zu forecast origins\n", qPrintable(set.name),
                    set.series.size(), set.windows.size());
        sets.push_back(std::move(set));
    }
    if (sets.size() < 2) {
        std::printf("{\"error\":\"leave-one-out needs two data sets or more\"}\n");
        return 1;
    }
    std::fflush(stdout);

    // Every window once per blend, unwidened; the point forecast does not
    // depend on the tuning.
    std::vector<TuningSet> tuningSets(sets.size());
    double ignored = 0;
    for (size_t d = 0; d < sets.size(); ++d) {
        tuningSets[d].name = sets[d].name;
        for (const Window &w : sets[d].windows) {
            TuningWindow tw;
            tw.truth = w.test;
            for (size_t b = 0; b < kTuningBlends.size(); ++b)
                tw.byBlend[b] = umbraForecast(w, &ignored, FitTuning{ 1.0, 1.0, kTuningBlends[b] });
            tuningSets[d].windows.push_back(std::move(tw));
            score(sets[d].scores[MNaive], w, naiveForecast(w.train, kHorizon));
            score(sets[d].scores[MSeasonalNaive], w,
                  seasonalNaiveForecast(w.train, w.season, kHorizon));
            score(sets[d].scores[MHoltWinters], w,
                  holtWintersForecast(w.train, w.season, kHorizon));
        }
    }
    if (qEnvironmentVariableIsSet("UMBRA_BENCH_DETAIL")) {
        // Every candidate's coverage on every data set (the 80 % bands at
        // that widening, the 95 % ones at that widening).
        for (size_t b = 0; b < kTuningBlends.size(); ++b) {
            for (double widening : kTuningWidenings) {
                std::printf("blend %.2f widening %.2f:", kTuningBlends[b], widening);
                for (const TuningSet &set : tuningSets) {
                    const IntervalCoverage c = coverageOf(set, { int(b), widening, widening });
                    std::printf("  %s %.1f/%.1f", qPrintable(set.name), 100 * c.inside80,
                                100 * c.inside95);
                }
                std::printf("\n");
            }
        }
    }
    for (size_t d = 0; d < sets.size(); ++d) {
        sets[d].tuning = tuneWithout(tuningSets, d);
        for (size_t i = 0; i < sets[d].windows.size(); ++i)
            score(sets[d].scores[MUmbra], sets[d].windows[i],
                  widened(tuningSets[d].windows[i].byBlend[size_t(sets[d].tuning.blend)],
                          sets[d].tuning.widening80, sets[d].tuning.widening95));
        sets[d].costs = measureCosts(sets[d].series);
    }

    QString rStatus = QStringLiteral("not requested (--no-r)");
    if (options.useR && rForecastAvailable(&rStatus)) {
        rStatus = QStringLiteral("ran");
        std::vector<RJob> jobs;
        for (const DataSet &set : sets)
            for (const Window &w : set.windows)
                jobs.push_back({ w.train, w.season, kHorizon });
        std::printf("running R on %zu windows in %d processes…\n", jobs.size(), options.rProcesses);
        std::fflush(stdout);
        const RResults r = runRBaselines(jobs, options.rProcesses, options.fourier);
        std::printf("R: %.0f s wall\n", r.wallSeconds);
        size_t job = 0;
        for (DataSet &set : sets) {
            for (const Window &w : set.windows) {
                const BandForecast fallback = naiveForecast(w.train, kHorizon);
                set.scores[MEts].fallbacks += !r.ets[job].has_value();
                set.scores[MAutoArima].fallbacks += !r.arima[job].has_value();
                score(set.scores[MEts], w, r.ets[job].value_or(fallback));
                score(set.scores[MAutoArima], w, r.arima[job].value_or(fallback));
                ++job;
            }
        }
    } else if (options.useR) {
        std::printf("R baselines skipped: %s\n", qPrintable(rStatus));
    }

    QJsonObject json;
    QJsonObject perSet;
    for (const DataSet &set : sets) {
        std::printf("\n== %s left out (%zu origins): intervals tuned on the others: "
                    "widening %.2f (80 %%) and %.2f (95 %%), scale blend %.2f\n",
                    qPrintable(set.name), set.windows.size(), set.tuning.widening80,
                    set.tuning.widening95, set.tuning.scaleBlend());
        printHeader();
        QJsonObject methods;
        for (int m = 0; m < MethodCount; ++m) {
            const Score &s = set.scores[size_t(m)];
            if (s.origins == 0)
                continue;
            printRow(kMethodNames[size_t(m)], s);
            QJsonObject o = figures(s);
            if (m == MEts || m == MAutoArima)
                o[QStringLiteral("failed_fits")] = s.fallbacks;
            methods[QLatin1String(kMethodKeys[size_t(m)])] = o;
        }
        // Umbra against the best other method at each horizon.
        QJsonObject against;
        for (size_t h = 0; h < kMaseHorizons.size(); ++h) {
            int best = -1;
            for (int m = 0; m < MethodCount; ++m) {
                const Score &s = set.scores[size_t(m)];
                if (m == MUmbra || s.origins == 0)
                    continue;
                if (best < 0
                    || s.mase[h] / s.origins
                        < set.scores[size_t(best)].mase[h] / set.scores[size_t(best)].origins)
                    best = m;
            }
            const Score &u = set.scores[MUmbra];
            const Score &b = set.scores[size_t(best)];
            const double ratio = (u.mase[h] / u.origins) / (b.mase[h] / b.origins);
            std::printf("h%d: Umbra %.3f, best other %s %.3f (Umbra %+.1f %%)\n", kMaseHorizons[h],
                        u.mase[h] / u.origins, kMethodNames[size_t(best)], b.mase[h] / b.origins,
                        100 * (ratio - 1));
            against[QStringLiteral("h%1").arg(kMaseHorizons[h])] = QJsonObject{
                { QStringLiteral("best_other"), QLatin1String(kMethodKeys[size_t(best)]) },
                { QStringLiteral("umbra_over_best"), ratio },
            };
        }
        std::printf("refit of 30 days: p50 %.2f ms, p95 %.2f ms, max %.2f ms over %d series\n",
                    set.costs.refitMillisP50, set.costs.refitMillisP95, set.costs.refitMillisMax,
                    set.costs.refitSeries);
        perSet[set.name] = QJsonObject{
            { QStringLiteral("origins"), int(set.windows.size()) },
            { QStringLiteral("widening80"), set.tuning.widening80 },
            { QStringLiteral("widening95"), set.tuning.widening95 },
            { QStringLiteral("scale_blend"), set.tuning.scaleBlend() },
            { QStringLiteral("methods"), methods },
            { QStringLiteral("umbra_vs_best"), against },
            { QStringLiteral("refit_ms_p50"), set.costs.refitMillisP50 },
            { QStringLiteral("refit_ms_p95"), set.costs.refitMillisP95 },
            { QStringLiteral("refit_ms_max"), set.costs.refitMillisMax },
        };
    }
    const IntervalTuning all = tuneWithout(tuningSets, tuningSets.size());
    const FitTuning console;
    std::printf("\nTuned on every data set: widening %.2f (80 %%) and %.2f (95 %%), scale blend "
                "%.2f; the console uses %.2f, %.2f and %.2f (Predict::FitTuning)\n",
                all.widening80, all.widening95, all.scaleBlend(), console.widening80,
                console.widening95, console.scaleBlend);
    for (const TuningSet &set : tuningSets) {
        const IntervalCoverage c = coverageOf(set, all);
        std::printf("  %s with the tuning on every data set: coverage %.1f %% (80), %.1f %% (95)\n",
                    qPrintable(set.name), 100 * c.inside80, 100 * c.inside95);
    }
    json[QStringLiteral("leave_one_out")] = perSet;
    json[QStringLiteral("tuned_on_all")] = QJsonObject{
        { QStringLiteral("widening80"), all.widening80 },
        { QStringLiteral("widening95"), all.widening95 },
        { QStringLiteral("scale_blend"), all.scaleBlend() },
    };
    json[QStringLiteral("r")] = rStatus;
    std::printf("%s\n", QJsonDocument(json).toJson(QJsonDocument::Compact).constData());
    return 0;
}

} // namespace

int runRefitCadence(const Options &options, bool coarse)
{
    QStringList notes;
    std::vector<TraceSeries> series = loadTraces(options.data, &notes);
    if (options.maxSeries > 0 && series.size() > size_t(options.maxSeries))
        series.resize(size_t(options.maxSeries));
    const TierLayout &tier = coarse ? kCoarseTier : kFineTier;
    const std::vector<CadenceScore> scores
        = scoreRefitCadences(series, tier,
                             coarse ? std::vector<int>{ 12, 36, 72, 144, 288 }
                                    : std::vector<int>{ 30, 60, 120, 180, 360 });
    std::printf("%s tier: window of %d samples, %d steps ahead, refit every %d samples until "
                "%d are held\n",
                coarse ? "coarse" : "fine", tier.window, tier.horizon, tier.fillingCadence,
                tier.scoreFrom);
    const QString h[3] = { QStringLiteral("mase_h%1").arg(tier.scoredSteps[0]),
                           QStringLiteral("mase_h%1").arg(tier.scoredSteps[1]),
                           QStringLiteral("mase_h%1").arg(tier.scoredSteps[2]) };
    std::printf("%-28s %9s %9s %9s %8s %9s %12s\n", "refit after that, every", qPrintable(h[0]),
                qPrintable(h[1]), qPrintable(h[2]), "cov95", "refits", "refit CPU s");
    QJsonArray rows;
    for (const CadenceScore &s : scores) {
        std::printf("%-28s %9.4f %9.4f %9.4f %8.3f %9lld %12.2f\n",
                    qPrintable(QStringLiteral("%1 samples").arg(s.cadence)), s.mase[0], s.mase[1],
                    s.mase[2], s.coverage95, s.refits, s.refitSeconds);
        QJsonObject row;
        row[QStringLiteral("cadence")] = s.cadence;
        row[QStringLiteral("series")] = s.series;
        for (int k = 0; k < 3; ++k)
            row[h[k]] = s.mase[k];
        row[QStringLiteral("coverage95")] = s.coverage95;
        row[QStringLiteral("refits")] = double(s.refits);
        row[QStringLiteral("refit_cpu_s")] = s.refitSeconds;
        rows.append(row);
    }
    QJsonObject json;
    json[coarse ? QStringLiteral("coarse_refit_cadence") : QStringLiteral("refit_cadence")] = rows;
    std::printf("%s\n", QJsonDocument(json).toJson(QJsonDocument::Compact).constData());
    return scores.empty() || scores.front().series == 0 ? 1 : 0;
}

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const Options options = parse(app.arguments());
    if (options.leaveOneOut)
        return runLeaveOneOut(options);
    if (options.refitCadence || options.coarseRefitCadence)
        return runRefitCadence(options, options.coarseRefitCadence);

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

    std::printf("\n");
    printHeader();
    QJsonObject methods;
    for (int m = 0; m < MethodCount; ++m) {
        const Score &s = scores[size_t(m)];
        if (s.origins == 0)
            continue;
        QJsonObject o = figures(s);
        if (m == MEts || m == MAutoArima)
            o[QStringLiteral("failed_fits")] = s.fallbacks;
        methods[QLatin1String(kMethodKeys[size_t(m)])] = o;
        printRow(kMethodNames[size_t(m)], s);
    }
    std::printf("\nUmbra cost: %.3f µs per update; refit of 30 days at 5 minutes: p50 %.2f ms, "
                "p95 %.2f ms, max %.2f ms over %d series (CPU time)\n",
                costs.updateMicros, costs.refitMillisP50, costs.refitMillisP95,
                costs.refitMillisMax, costs.refitSeries);

    QJsonObject json;
    json[QStringLiteral("series")] = int(series.size());
    json[QStringLiteral("origins")] = int(windows.size());
    json[QStringLiteral("train_days")] = options.trainDays;
    json[QStringLiteral("r")] = rStatus;
    json[QStringLiteral("methods")] = methods;
    json[QStringLiteral("update_us")] = costs.updateMicros;
    json[QStringLiteral("refit_ms_p50")] = costs.refitMillisP50;
    json[QStringLiteral("refit_ms_p95")] = costs.refitMillisP95;
    json[QStringLiteral("refit_ms_max")] = costs.refitMillisMax;
    std::printf("%s\n", QJsonDocument(json).toJson(QJsonDocument::Compact).constData());
    return 0;
}
