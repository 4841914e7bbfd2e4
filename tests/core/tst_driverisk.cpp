// Drive failure risk: the shipped model loads, bad files are refused with a
// reason, risk follows the SMART counts that matter, the reasons name them,
// and retraining from the Backblaze history gives the shipped file exactly.
#include "backblazedata.h"
#include "driverisktraining.h"
#include "failureeval.h"
#include "predict/driverisk.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>
#include <cmath>
#include <numeric>

using namespace Umbra;
using namespace Umbra::Predict;

namespace {

SmartReading reading(std::map<int, double> raw, double hours = 20000)
{
    SmartReading r;
    r.powerOnHours = hours;
    r.raw = std::move(raw);
    return r;
}

SmartReading healthy()
{
    std::map<int, double> raw;
    for (int id : kDriveRiskAttributes)
        raw[id] = 0;
    raw[12] = 10;
    return reading(raw);
}

SmartReading with(SmartReading r, int attribute, double value)
{
    r.raw[attribute] = value;
    return r;
}

QByteArray shippedFile()
{
    QFile file(QStringLiteral(":/models/drive-risk.json"));
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

class TestDriveRisk : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void shippedModelLoads();
    void refusesBadFiles_data();
    void refusesBadFiles();
    void healthyDriveIsLowRisk();
    void riskRisesWithPendingSectors();
    void changesMatter();
    void factorsAreSortedAndNamed();
    void contributionsAddUpToTheLogit();
    void missingAttributes();
    void retrainingReproducesShippedFile();
    void judgedPerDrive();
};

void TestDriveRisk::shippedModelLoads()
{
    const Result<DriveRiskModel> model = DriveRiskModel::fromJson(shippedFile());
    QVERIFY2(model.ok(), qPrintable(model.error()));
    QCOMPARE(model->version(), DriveRiskModel::kVersion);
    QCOMPARE(DriveRiskModel::shipped().version(), DriveRiskModel::kVersion);
    QVERIFY(!DriveRiskModel::shipped().parameters().trees.isEmpty());
    QCOMPARE(DriveRiskModel::shipped().parameters().horizonHours, 720.0);
}

void TestDriveRisk::refusesBadFiles_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("reason");

    QJsonObject valid = QJsonDocument::fromJson(shippedFile()).object();
    auto changed = [&valid](const QString &key, const QJsonValue &value) {
        QJsonObject o = valid;
        if (value.isUndefined())
            o.remove(key);
        else
            o.insert(key, value);
        return QJsonDocument(o).toJson();
    };
    QTest::newRow("not json") << QByteArray("{ \"format\": ") << QStringLiteral("malformed");
    QTest::newRow("array") << QByteArray("[1, 2]")
                           << QStringLiteral("not an Umbra drive risk model");
    QTest::newRow("other format") << changed(QStringLiteral("format"),
                                             QStringLiteral("umbra-forecast"))
                                  << QStringLiteral("not an Umbra drive risk model");
    QTest::newRow("newer") << changed(QStringLiteral("version"), DriveRiskModel::kVersion + 1)
                           << QStringLiteral("newer Umbra");
    QTest::newRow("no version") << changed(QStringLiteral("version"), QJsonValue::Undefined)
                                << QStringLiteral("version");
    QTest::newRow("older") << changed(QStringLiteral("version"), 1)
                           << QStringLiteral("older Umbra");
    QTest::newRow("no trees") << changed(QStringLiteral("trees"), QJsonArray())
                              << QStringLiteral("trees");
    // A root that is its own child would never reach a leaf.
    auto withRoot = [&](const QString &key, const QJsonValue &value) {
        QJsonArray trees = valid.value(QStringLiteral("trees")).toArray();
        QJsonArray nodes = trees.at(0).toArray();
        QJsonObject root = nodes.at(0).toObject();
        root.insert(key, value);
        nodes.replace(0, root);
        trees.replace(0, nodes);
        return changed(QStringLiteral("trees"), trees);
    };
    QTest::newRow("cycle") << withRoot(QStringLiteral("left"), 0)
                           << QStringLiteral("children among the nodes after it");
    QTest::newRow("child out of range") << withRoot(QStringLiteral("right"), 1 << 20)
                                        << QStringLiteral("children among the nodes after it");
    QTest::newRow("unknown feature")
        << withRoot(QStringLiteral("feature"), QStringLiteral("smart_1"))
        << QStringLiteral("unknown feature \"smart_1\"");
    QTest::newRow("cut not a number") << withRoot(QStringLiteral("cut"), QStringLiteral("high"))
                                      << QStringLiteral("cut that is not a number");
    QTest::newRow("no value") << withRoot(QStringLiteral("value"), QJsonValue::Null)
                              << QStringLiteral("has no value");
}

void TestDriveRisk::refusesBadFiles()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, reason);
    const Result<DriveRiskModel> model = DriveRiskModel::fromJson(json);
    QVERIFY(!model.ok());
    QVERIFY2(model.error().contains(reason), qPrintable(model.error()));
}

void TestDriveRisk::healthyDriveIsLowRisk()
{
    const DriveRiskModel &model = DriveRiskModel::shipped();
    const SmartReading calmNow = healthy();
    const double calm = model.assess(calmNow, &calmNow).risk;
    QVERIFY2(calm < 0.02, qPrintable(QString::number(calm)));
    // Many bad sectors: held for long, then newly grown within the last 30 days.
    const SmartReading failing = with(with(with(healthy(), 5, 800), 197, 200), 198, 200);
    const double held = model.assess(failing, &failing).risk;
    const double grown = model.assess(failing, &calmNow).risk;
    qInfo("risk: healthy %.4f, bad sectors held %.4f, bad sectors grown %.4f", calm, held, grown);
    QVERIFY2(held > 5 * calm, qPrintable(QStringLiteral("%1 vs %2").arg(held).arg(calm)));
    QVERIFY2(grown > 20 * calm, qPrintable(QStringLiteral("%1 vs %2").arg(grown).arg(calm)));
    QVERIFY(grown > held);
    QVERIFY(grown <= 1);
}

void TestDriveRisk::riskRisesWithPendingSectors()
{
    const DriveRiskModel &model = DriveRiskModel::shipped();
    double previous = 0;
    for (double pending : { 0.0, 1.0, 2.0, 4.0, 8.0, 16.0, 64.0, 256.0, 4096.0 }) {
        const double risk = model.risk(with(healthy(), 197, pending), nullptr);
        QVERIFY2(risk >= previous, qPrintable(QStringLiteral("%1 pending").arg(pending)));
        previous = risk;
    }
    QVERIFY(previous > 2 * model.risk(healthy(), nullptr));
}

void TestDriveRisk::changesMatter()
{
    const DriveRiskModel &model = DriveRiskModel::shipped();
    const SmartReading now = with(with(healthy(), 5, 40), 197, 16);
    SmartReading steady = now;
    steady.powerOnHours -= 720;
    SmartReading rising = with(with(healthy(), 5, 0), 197, 0);
    rising.powerOnHours -= 720;
    const double whenSteady = model.risk(now, &steady), whenRising = model.risk(now, &rising);
    QVERIFY2(whenRising > whenSteady,
             qPrintable(QStringLiteral("%1 vs %2").arg(whenRising).arg(whenSteady)));
}

void TestDriveRisk::factorsAreSortedAndNamed()
{
    const SmartReading earlier = with(healthy(), 5, 8);
    const SmartReading now = with(with(healthy(), 5, 24), 197, 40);
    const DriveRisk risk = DriveRiskModel::shipped().assess(now, &earlier);
    QVERIFY(!risk.factors.isEmpty());
    bool namesReallocated = false;
    for (qsizetype i = 0; i < risk.factors.size(); ++i) {
        const DriveRiskFactor &f = risk.factors.at(i);
        QVERIFY(f.contribution > 0);
        if (i > 0)
            QVERIFY(risk.factors.at(i - 1).contribution >= f.contribution);
        QVERIFY2(f.attribute.startsWith(u"smart_"), qPrintable(f.attribute));
        QVERIFY(!f.sentence.isEmpty());
        if (f.attribute == u"smart_5" || f.attribute == u"smart_5_change") {
            namesReallocated = true;
            QCOMPARE(f.sentence, QStringLiteral("Reallocated sectors: 24 (up 16)"));
        }
    }
    QVERIFY(namesReallocated);
    QCOMPARE(risk.factors.first().attribute.left(9), QStringLiteral("smart_197"));
}

void TestDriveRisk::contributionsAddUpToTheLogit()
{
    // The console's reasons are the model, not an approximation of it: every
    // feature's share, positive or not, adds up to the logit over the baseline.
    const DriveRiskModel &model = DriveRiskModel::shipped();
    const SmartReading earlier = with(healthy(), 188, 3);
    SmartReading sparse;
    sparse.raw = { { 5, 12 }, { 197, 0 } };
    const QList<std::pair<SmartReading, const SmartReading *>> cases{
        { healthy(), nullptr },
        { with(with(healthy(), 5, 24), 197, 40), &earlier },
        { with(with(healthy(), 188, 9), 187, 2), &earlier },
        { sparse, nullptr },
    };
    for (const auto &[now, before] : cases) {
        const std::vector<double> features = driveFeatureValues(now, before);
        const std::vector<double> shares = model.contributions(features);
        const double sum = std::accumulate(shares.begin(), shares.end(), 0.0);
        QVERIFY2(std::abs(model.baseline() + sum - model.logit(features)) < 1e-9,
                 qPrintable(QStringLiteral("%1 + %2 vs %3")
                                .arg(model.baseline())
                                .arg(sum)
                                .arg(model.logit(features))));
        double positive = 0;
        for (double share : shares)
            positive += std::max(share, 0.0);
        double listed = 0;
        for (const DriveRiskFactor &f : model.assess(now, before).factors)
            listed += f.contribution;
        QVERIFY(std::abs(listed - model.parameters().slope * positive) < 1e-9);
    }
}

void TestDriveRisk::missingAttributes()
{
    // Like a drive that reports only the sector counts and not its hours.
    SmartReading sparse;
    sparse.raw = { { 5, 0 }, { 197, 0 } };
    const DriveRisk calm = DriveRiskModel::shipped().assess(sparse, nullptr);
    QVERIFY(calm.risk >= 0 && calm.risk < 0.2);
    sparse.raw[197] = 300;
    const DriveRisk bad = DriveRiskModel::shipped().assess(sparse, &sparse);
    QVERIFY(bad.risk > calm.risk);
    for (const DriveRiskFactor &f : bad.factors) {
        if (f.attribute == u"smart_188")
            QCOMPARE(f.sentence, QStringLiteral("Command timeouts: not reported"));
    }
    const DriveRisk nothing = DriveRiskModel::shipped().assess(SmartReading(), nullptr);
    QVERIFY(nothing.risk >= 0 && nothing.risk <= 1);
}

void TestDriveRisk::retrainingReproducesShippedFile()
{
    const QString path = Backblaze::defaultDataPath();
    if (!QFile::exists(path))
        QSKIP(
            qPrintable(QStringLiteral("The Backblaze history is not at %1; retraining not checked.")
                           .arg(path)));
    QElapsedTimer clock;
    clock.start();
    const Result<Backblaze::Dataset> data = Backblaze::loadDataset(path);
    QVERIFY2(data.ok(), qPrintable(data.error()));
    const QByteArray retrained = Backblaze::trainDriveRiskFile(data.value());
    qInfo("retrained in %.1f s", double(clock.elapsed()) / 1000);
    QVERIFY2(retrained == shippedFile(),
             "resources/models/drive-risk.json differs from what train_drive_model writes now");
}

void TestDriveRisk::judgedPerDrive()
{
    // 200 drives that never fail, two of them alarming; three that fail at
    // 5,000 h: one alarmed ten days ahead (caught), one alarmed 200 days
    // ahead only (a false alarm, not caught), one never alarmed.
    using namespace Backblaze;
    Dataset data;
    std::vector<Example> examples;
    std::vector<double> scores;
    const auto addDrive = [&](bool failed, std::vector<std::pair<double, double>> startsAndScores) {
        Drive drive;
        drive.failed = failed;
        for (size_t i = 0; i < startsAndScores.size(); ++i) {
            Interval interval;
            interval.start = startsAndScores[i].first;
            interval.stop = i + 1 < startsAndScores.size() ? startsAndScores[i + 1].first : 5000;
            drive.intervals.push_back(interval);
            examples.push_back({ int(data.drives.size()), int(i), false, {} });
            scores.push_back(startsAndScores[i].second);
        }
        data.drives.push_back(drive);
    };
    for (int i = 0; i < 200; ++i)
        addDrive(false, { { 0, 0.01 }, { 2000, i < 2 ? 0.9 : 0.02 } });
    addDrive(true, { { 0, 0.01 }, { 5000 - 240, 0.95 } });
    addDrive(true, { { 0, 0.01 }, { 5000 - 4800, 0.95 }, { 5000 - 4000, 0.01 } });
    addDrive(true, { { 0, 0.01 }, { 4000, 0.015 } });

    const DriveFigures f = evaluateDrives(data, examples, scores, 0.01);
    QCOMPARE(f.drives, 203);
    QCOMPARE(f.healthyDrives, 200);
    QCOMPARE(f.failedDrives, 3);
    // 1 % of 200 healthy drives: the two alarming ones are the budget.
    QCOMPARE(f.alarmedHealthyDrives, 2);
    QCOMPARE(f.caughtDrives, 1);
    QCOMPARE(f.recall, 1.0 / 3);
    QCOMPARE(f.medianLeadHours, 240.0);
    QCOMPARE(f.falseAlarmDrives, 3);
}

QTEST_GUILESS_MAIN(TestDriveRisk)
#include "tst_driverisk.moc"
