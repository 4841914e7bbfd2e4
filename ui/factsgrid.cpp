#include "factsgrid.h"

#include "elidedlabel.h"
#include "format.h"

#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <algorithm>

namespace Umbra {

FactsGrid::FactsGrid(int pairsPerRow, QWidget *parent)
    : QWidget(parent)
    , m_layout(new QGridLayout(this))
    , m_pairsPerRow(pairsPerRow)
{
    m_layout->setContentsMargins(0, 0, 0, 0);
    m_layout->setHorizontalSpacing(10);
    m_layout->setVerticalSpacing(3);
    for (int pair = 0; pair < pairsPerRow; ++pair)
        m_layout->setColumnStretch(pair * 2 + 1, 1);
}

int FactsGrid::addFact(const QString &label, int pairs, QWidget *trailing)
{
    pairs = std::clamp(pairs, 1, m_pairsPerRow);
    if (m_pair + pairs > m_pairsPerRow) {
        ++m_row;
        m_pair = 0;
    }
    const int id = int(m_values.size());
    const int row = m_row;
    const int column = m_pair * 2;
    m_pair += pairs;

    auto *name = new QLabel(label, this);
    name->setForegroundRole(QPalette::PlaceholderText);
    name->setAlignment(Qt::AlignRight | Qt::AlignTop);
    auto *value = new ElidedLabel(this);
    value->setFullText(Format::missing());
    value->setTextInteractionFlags(Qt::TextSelectableByMouse);
    value->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    // Long values (paths, errors) elide via the tooltip instead of widening the page.
    value->setMinimumWidth(60);
    value->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_layout->addWidget(name, row, column);
    if (trailing) {
        // The control right after the value; the value elides before it goes.
        value->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Preferred);
        auto *line = new QHBoxLayout;
        line->setContentsMargins(0, 0, 0, 0);
        line->setSpacing(10);
        line->addWidget(value);
        line->addWidget(trailing, 0, Qt::AlignTop);
        line->addStretch(1);
        m_layout->addLayout(line, row, column + 1, 1, pairs * 2 - 1);
    } else {
        m_layout->addWidget(value, row, column + 1, 1, pairs * 2 - 1);
    }
    m_values.append(value);
    return id;
}

void FactsGrid::setValue(int id, const QString &value, const QString &toolTip)
{
    if (id < 0 || id >= m_values.size())
        return;
    m_values[id]->setFullText(value.isEmpty() ? Format::missing() : value,
                              toolTip.isEmpty() ? value : toolTip);
}

QString FactsGrid::value(int id) const
{
    return id >= 0 && id < m_values.size() ? m_values[id]->fullText() : QString();
}

void FactsGrid::clearValues()
{
    for (ElidedLabel *label : std::as_const(m_values)) {
        label->setFullText(Format::missing());
        label->setToolTip({});
    }
}

} // namespace Umbra
