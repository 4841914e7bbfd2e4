#pragma once

#include <QFrame>

namespace Umbra {

// A permanent strip across the top of the window: a badge and a sentence
// that must not be missed or closed (the figures are simulated, the history
// cannot be written).
class Banner : public QFrame
{
    Q_OBJECT

public:
    Banner(const QString &badge, const QString &text, QWidget *parent = nullptr);
};

// In demo mode. The figures an operator sees there are made up; the banner
// says so and has no close button, so a screenshot can never pass demo
// numbers off as a real fleet.
class DemoBanner : public Banner
{
    Q_OBJECT

public:
    explicit DemoBanner(QWidget *parent = nullptr);
};

// When the database is damaged and the operator chose to look at it
// without writing: nothing new is kept until Umbra runs on a sound file.
class ReadOnlyBanner : public Banner
{
    Q_OBJECT

public:
    explicit ReadOnlyBanner(const QString &databasePath, QWidget *parent = nullptr);
};

} // namespace Umbra
