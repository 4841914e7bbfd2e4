#pragma once

#include <QWidget>
#include <optional>

class QRadioButton;
class QSpinBox;

namespace Umbra {

// How often one shadow is validated by itself: on the console's schedule,
// every so many hours of its own, or only when asked. The value is what
// the shadow journal keeps (absent, hours, or 0).
class ValidationScheduleBox : public QWidget
{
    Q_OBJECT

public:
    // `defaultH` is the console's schedule, named beside its choice.
    explicit ValidationScheduleBox(int defaultH, QWidget *parent = nullptr);

    std::optional<int> value() const;
    void setValue(std::optional<int> hours);
    // "every 24 hours (the console's schedule)", for tables and pages.
    static QString describe(std::optional<int> hours, int defaultH);

Q_SIGNALS:
    void changed();

private:
    QRadioButton *m_console = nullptr;
    QRadioButton *m_own = nullptr;
    QRadioButton *m_asked = nullptr;
    QSpinBox *m_hours = nullptr;
};

} // namespace Umbra
