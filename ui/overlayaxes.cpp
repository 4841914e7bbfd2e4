#include "overlayaxes.h"

#include <QAbstractSeries>
#include <QChart>
#include <QLegendMarker>

namespace Umbra::OverlayAxes {

void hideFromLegend(QChart *chart, QAbstractSeries *series)
{
    for (QLegendMarker *marker : chart->legend()->markers(series))
        marker->setVisible(false);
}

void follow(std::initializer_list<QAbstractSeries *> series, QAbstractAxis *previous,
            QAbstractAxis *timeAxis, QAbstractAxis *valueAxis)
{
    for (QAbstractSeries *s : series) {
        if (timeAxis != previous) {
            if (previous)
                s->detachAxis(previous);
            s->attachAxis(timeAxis);
        }
        if (!s->attachedAxes().contains(valueAxis))
            s->attachAxis(valueAxis);
    }
}

} // namespace Umbra::OverlayAxes
