#pragma once

#include <QFrame>

namespace Umbra {

// A permanent strip across the top of the window in demo mode. The figures an
// operator sees there are made up; the banner says so and has no close button,
// so a screenshot can never pass demo numbers off as a real fleet.
class DemoBanner : public QFrame
{
    Q_OBJECT

public:
    explicit DemoBanner(QWidget *parent = nullptr);
};

} // namespace Umbra
