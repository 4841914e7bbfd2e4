#pragma once

#include "util/result.h"

#include <QString>
#include <vector>

// The Numenta Anomaly Benchmark's scoring (docs/evaluation.md), for
// detectors that emit one score in [0,1] per row.
namespace Umbra::Nab {

// A labelled anomaly window, as row indices (both inclusive).
struct Window
{
    int left = 0;
    int right = 0;
    int width() const { return right - left + 1; }
};

// One series of the corpus: its rows and its labelled windows.
struct CorpusFile
{
    QString name; // "realKnownCause/machine_temperature_system_failure.csv"
    std::vector<qint64> timesMs;
    std::vector<double> values;
    std::vector<Window> windows;
    int rows() const { return int(values.size()); }
};

// What a detection, a false alarm and a miss are worth.
struct Profile
{
    QString key; // "standard", "reward_low_FP", "reward_low_FN"
    double tpWeight = 1;
    double fpWeight = 0.11;
    double fnWeight = 1;
};

struct Corpus
{
    std::vector<CorpusFile> files;
    std::vector<Profile> profiles;
};

// Reads data/<category>/*.csv, labels/combined_windows.json and profiles.json
// (the three published profiles when the file is absent).
Result<Corpus> loadCorpus(const QString &dir);
// Reads one `timestamp,value` file; its windows are left empty.
Result<CorpusFile> loadSeries(const QString &path);
// The published profiles: standard, reward_low_FP, reward_low_FN.
std::vector<Profile> standardProfiles();

// Rows at the start of a series that are never scored.
int probationRows(int rows);
// 2/(1+e^{5y}) - 1, and -1 beyond y = 3.
double scaledSigmoid(double y);

// What each scored row is worth when it is a detection, before the
// profile's weights: inside a window σ(y)/σ(-1) > 0, outside σ(d) or -1 < 0.
struct RowWorth
{
    int window = -1; // index into CorpusFile::windows, -1 outside every window
    double worth = 0;
};
// One entry per row; probation rows have window -1 and worth 0 and must be
// skipped (see probationRows).
std::vector<RowWorth> rowWorths(const CorpusFile &file);
// Windows that have at least one row after probation: the ones that count.
int countedWindows(const CorpusFile &file);

struct Tally
{
    double raw = 0; // S
    int truePositives = 0;
    int falsePositives = 0;
    int falseNegatives = 0;
    int windows = 0;

    Tally &operator+=(const Tally &other);
};

// The raw score of one series when rows with score >= threshold are detections.
Tally scoreFile(const CorpusFile &file, const std::vector<double> &scores, double threshold,
                const Profile &profile);
// 100·(S − S_null)/(S_perfect − S_null) over `windows` windows.
double normalisedScore(double raw, int windows, const Profile &profile);

struct ThresholdChoice
{
    double threshold = 1.1; // above every score: nothing detected
    double raw = 0;
    double normalised = 0;
};
// The threshold that maximises the corpus score for the profile: an exact
// search over every distinct score, in one sweep of the rows sorted by score.
// `scores[f]` holds one score per row of `files[f]`.
ThresholdChoice optimiseThreshold(const std::vector<CorpusFile> &files,
                                  const std::vector<std::vector<double>> &scores,
                                  const Profile &profile);

} // namespace Umbra::Nab
