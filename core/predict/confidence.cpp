#include "predict/confidence.h"

#include <QCoreApplication>
#include <algorithm>

namespace Umbra::Predict {

namespace {

QString translated(const char *text)
{
    return QCoreApplication::translate("Umbra::Predict", text);
}

QString learningText(const Confidence &confidence)
{
    const qint64 minutes
        = std::clamp<qint64>(confidence.historyMs / 60000, 0, Confidence::kLearningMs / 60000);
    if (!confidence.fitted && confidence.historyMs >= Confidence::kLearningMs)
        return translated(QT_TRANSLATE_NOOP("Umbra::Predict", "learning: model not fitted yet"));
    return translated(QT_TRANSLATE_NOOP("Umbra::Predict", "learning: %1 of %2 minutes"))
        .arg(minutes)
        .arg(Confidence::kLearningMs / 60000);
}

} // namespace

QString describe(const Confidence &confidence)
{
    if (confidence.learning())
        return learningText(confidence);
    if (!confidence.hasTrackRecord())
        return translated(QT_TRANSLATE_NOOP("Umbra::Predict", "no track record this far ahead"));
    return translated(QT_TRANSLATE_NOOP("Umbra::Predict", "error %1 × naive's"))
        .arg(confidence.relativeError, 0, 'f', 2);
}

QString whyNoWarning(const Confidence &confidence)
{
    if (confidence.earned())
        return {};
    if (confidence.learning())
        return translated(QT_TRANSLATE_NOOP("Umbra::Predict", "not a warning yet (%1)"))
            .arg(learningText(confidence));
    if (!confidence.hasTrackRecord())
        return translated(QT_TRANSLATE_NOOP(
            "Umbra::Predict", "not a warning: the model has no track record this far ahead"));
    return translated(QT_TRANSLATE_NOOP(
                          "Umbra::Predict",
                          "not a warning: the model's errors are %1 × those of “nothing changes”"))
        .arg(confidence.relativeError, 0, 'f', 2);
}

} // namespace Umbra::Predict
