// Reading and writing the drive risk model file (docs/failure.md).
#include "predict/driverisk.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <cmath>

namespace Umbra::Predict {

namespace {

const QString kFormat = QStringLiteral("umbra-drive-risk");

Error malformed(const QString &why)
{
    return Error{ QStringLiteral("The drive risk model is malformed: %1.").arg(why) };
}

bool finite(const QJsonValue &v)
{
    return v.isDouble() && std::isfinite(v.toDouble());
}

int integer(const QJsonValue &v)
{
    return v.isDouble() && v.toDouble() == double(v.toInt()) ? v.toInt() : -1;
}

// A tree's nodes, each child after its parent so that every path ends.
Result<DriveRiskTree> treeFrom(const QJsonValue &v, qsizetype index)
{
    const QJsonArray nodes = v.toArray();
    if (!v.isArray() || nodes.isEmpty())
        return malformed(QStringLiteral("tree %1 has no nodes").arg(index));
    const QList<DriveFeature> &features = driveFeatures();
    DriveRiskTree tree;
    for (qsizetype k = 0; k < nodes.size(); ++k) {
        const QJsonObject o = nodes.at(k).toObject();
        const QString where = QStringLiteral("node %1 of tree %2").arg(k).arg(index);
        DriveRiskNode node;
        if (!finite(o.value(QStringLiteral("value"))))
            return malformed(QStringLiteral("%1 has no value").arg(where));
        node.value = o.value(QStringLiteral("value")).toDouble();
        if (o.contains(QStringLiteral("feature"))) {
            const QString name = o.value(QStringLiteral("feature")).toString();
            for (qsizetype f = 0; f < features.size(); ++f) {
                if (features.at(f).name == name)
                    node.feature = int(f);
            }
            if (node.feature < 0)
                return malformed(
                    QStringLiteral("%1 splits on an unknown feature \"%2\"").arg(where, name));
            // No cut: the node only asks whether the feature is known.
            const QJsonValue cut = o.value(QStringLiteral("cut"));
            if (!cut.isUndefined() && !finite(cut))
                return malformed(QStringLiteral("%1 has a cut that is not a number").arg(where));
            node.cut = cut.isUndefined() ? qInf() : cut.toDouble();
            const QString missing = o.value(QStringLiteral("missing")).toString();
            if (missing != u"left" && missing != u"right")
                return malformed(
                    QStringLiteral("%1 does not say where \"missing\" goes").arg(where));
            node.missingLeft = missing == u"left";
            node.left = integer(o.value(QStringLiteral("left")));
            node.right = integer(o.value(QStringLiteral("right")));
            if (node.left <= k || node.right <= k || node.left >= nodes.size()
                || node.right >= nodes.size())
                return malformed(
                    QStringLiteral("%1 needs children among the nodes after it").arg(where));
        }
        tree.nodes.append(node);
    }
    return tree;
}

} // namespace

Result<DriveRiskModel> DriveRiskModel::fromJson(const QByteArray &json)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError)
        return malformed(
            QStringLiteral("%1 at offset %2").arg(error.errorString()).arg(error.offset));
    const QJsonObject root = doc.object();
    if (!doc.isObject() || root.value(QStringLiteral("format")).toString() != kFormat)
        return Error{ QStringLiteral(
                          "This is not an Umbra drive risk model (no \"format\": \"%1\").")
                          .arg(kFormat) };
    const QJsonValue version = root.value(QStringLiteral("version"));
    if (!version.isDouble() || version.toDouble() < 1 || version.toDouble() != version.toInt())
        return malformed(QStringLiteral("no valid \"version\""));
    if (version.toInt() > kVersion)
        return Error{ QStringLiteral("The drive risk model is version %1, from a newer Umbra; "
                                     "this one reads up to version %2.")
                          .arg(version.toInt())
                          .arg(kVersion) };
    // Version 1 held one shape per feature; its numbers mean nothing to trees.
    if (version.toInt() < kVersion)
        return Error{ QStringLiteral("The drive risk model is version %1, from an older Umbra; "
                                     "this one reads version %2: retrain it.")
                          .arg(version.toInt())
                          .arg(kVersion) };

    DriveRiskParameters p;
    const QJsonObject calibration = root.value(QStringLiteral("calibration")).toObject();
    for (const QJsonValue &v :
         { root.value(QStringLiteral("horizonHours")), root.value(QStringLiteral("intercept")),
           calibration.value(QStringLiteral("slope")),
           calibration.value(QStringLiteral("offset")) }) {
        if (!finite(v))
            return malformed(
                QStringLiteral("\"horizonHours\", \"intercept\" or the calibration is missing"));
    }
    p.horizonHours = root.value(QStringLiteral("horizonHours")).toDouble();
    p.intercept = root.value(QStringLiteral("intercept")).toDouble();
    p.slope = calibration.value(QStringLiteral("slope")).toDouble();
    p.offset = calibration.value(QStringLiteral("offset")).toDouble();

    const QJsonValue trees = root.value(QStringLiteral("trees"));
    if (!trees.isArray() || trees.toArray().isEmpty())
        return malformed(QStringLiteral("no \"trees\""));
    for (qsizetype t = 0; t < trees.toArray().size(); ++t) {
        Result<DriveRiskTree> tree = treeFrom(trees.toArray().at(t), t);
        if (!tree)
            return Error{ tree.error() };
        p.trees.append(std::move(tree).value());
    }
    DriveRiskModel model(std::move(p));
    model.m_version = version.toInt();
    return model;
}

QJsonObject DriveRiskModel::toJson() const
{
    const QList<DriveFeature> &names = driveFeatures();
    QJsonArray trees;
    for (const DriveRiskTree &tree : m_parameters.trees) {
        QJsonArray nodes;
        for (const DriveRiskNode &n : tree.nodes) {
            if (n.isLeaf()) {
                nodes.append(QJsonObject{ { QStringLiteral("value"), n.value } });
                continue;
            }
            QJsonObject o{ { QStringLiteral("feature"), names.at(n.feature).name },
                           { QStringLiteral("missing"),
                             n.missingLeft ? QStringLiteral("left") : QStringLiteral("right") },
                           { QStringLiteral("left"), n.left },
                           { QStringLiteral("right"), n.right },
                           { QStringLiteral("value"), n.value } };
            if (std::isfinite(n.cut))
                o.insert(QStringLiteral("cut"), n.cut);
            nodes.append(o);
        }
        trees.append(nodes);
    }
    return QJsonObject{
        { QStringLiteral("format"), kFormat },
        { QStringLiteral("version"), m_version },
        { QStringLiteral("horizonHours"), m_parameters.horizonHours },
        { QStringLiteral("intercept"), m_parameters.intercept },
        { QStringLiteral("trees"), trees },
        { QStringLiteral("calibration"),
          QJsonObject{ { QStringLiteral("method"), QStringLiteral("platt") },
                       { QStringLiteral("slope"), m_parameters.slope },
                       { QStringLiteral("offset"), m_parameters.offset } } },
    };
}

const DriveRiskModel &DriveRiskModel::shipped()
{
    static const DriveRiskModel model = [] {
        QFile file(QStringLiteral(":/models/drive-risk.json"));
        if (file.open(QIODevice::ReadOnly)) {
            Result<DriveRiskModel> loaded = fromJson(file.readAll());
            if (loaded)
                return std::move(loaded).value();
            qWarning("drive risk model: %s", qPrintable(loaded.error()));
        } else {
            qWarning("drive risk model: the resource is missing");
        }
        // Without a model every drive reads as no risk rather than crash.
        DriveRiskParameters none;
        none.intercept = -1e3;
        none.trees.append(DriveRiskTree{ { DriveRiskNode{} } });
        return DriveRiskModel(std::move(none));
    }();
    return model;
}

} // namespace Umbra::Predict
