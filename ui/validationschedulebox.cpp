#include "validationschedulebox.h"

#include <QButtonGroup>
#include <QGridLayout>
#include <QRadioButton>
#include <QSpinBox>

namespace Umbra {

ValidationScheduleBox::ValidationScheduleBox(int defaultH, QWidget *parent)
    : QWidget(parent)
{
    m_console = new QRadioButton(describe(std::nullopt, defaultH), this);
    m_own = new QRadioButton(tr("Every"), this);
    m_asked = new QRadioButton(tr("Only when asked (Validate now, or before a planned failover)"),
                               this);
    m_hours = new QSpinBox(this);
    m_hours->setRange(1, 24 * 30);
    m_hours->setValue(defaultH > 0 ? defaultH : 24);
    m_hours->setSuffix(tr(" h"));
    m_hours->setAccessibleName(tr("Hours between validations"));
    auto *group = new QButtonGroup(this);
    for (QRadioButton *choice : { m_console, m_own, m_asked })
        group->addButton(choice);
    m_console->setChecked(true);
    m_hours->setEnabled(false);
    connect(m_own, &QRadioButton::toggled, m_hours, &QWidget::setEnabled);
    connect(group, &QButtonGroup::buttonToggled, this, [this](QAbstractButton *, bool on) {
        if (on)
            Q_EMIT changed();
    });
    connect(m_hours, &QSpinBox::valueChanged, this, &ValidationScheduleBox::changed);

    auto *layout = new QGridLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_console, 0, 0, 1, 3);
    layout->addWidget(m_own, 1, 0);
    layout->addWidget(m_hours, 1, 1);
    layout->setColumnStretch(2, 1);
    layout->addWidget(m_asked, 2, 0, 1, 3);
}

std::optional<int> ValidationScheduleBox::value() const
{
    if (m_own->isChecked())
        return m_hours->value();
    if (m_asked->isChecked())
        return 0;
    return std::nullopt;
}

void ValidationScheduleBox::setValue(std::optional<int> hours)
{
    if (!hours) {
        m_console->setChecked(true);
    } else if (*hours == 0) {
        m_asked->setChecked(true);
    } else {
        m_hours->setValue(*hours);
        m_own->setChecked(true);
    }
}

QString ValidationScheduleBox::describe(std::optional<int> hours, int defaultH)
{
    if (!hours)
        return defaultH > 0 ? tr("Every %n hour(s) (the console's schedule)", nullptr, defaultH)
                            : tr("Only when asked (the console's schedule)");
    if (*hours == 0)
        return tr("Only when asked");
    return tr("Every %n hour(s)", nullptr, *hours);
}

} // namespace Umbra
