#include "summarytile.h"

#include "format.h"

#include <QLabel>
#include <QVBoxLayout>

namespace Umbra {

SummaryTile::SummaryTile(const QString &caption, QWidget *parent)
    : QFrame(parent)
    , m_caption(new QLabel(caption, this))
    , m_value(new QLabel(Format::missing(), this))
    , m_detail(new QLabel(this))
{
    setFrameShape(QFrame::StyledPanel);
    setBackgroundRole(QPalette::Base);
    setAutoFillBackground(true);
    m_caption->setForegroundRole(QPalette::PlaceholderText);
    QFont big = font();
    big.setPointSizeF(big.pointSizeF() * 1.6);
    big.setBold(true);
    m_value->setFont(big);
    m_detail->setForegroundRole(QPalette::PlaceholderText);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 8, 12, 8);
    layout->setSpacing(2);
    layout->addWidget(m_caption);
    layout->addWidget(m_value);
    layout->addWidget(m_detail);
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);
}

void SummaryTile::setValue(const QString &value, const QString &detail)
{
    m_value->setText(value);
    m_detail->setText(detail);
}

QString SummaryTile::value() const
{
    return m_value->text();
}

} // namespace Umbra
