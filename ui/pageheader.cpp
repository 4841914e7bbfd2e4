#include "pageheader.h"

#include "elidedlabel.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QMenu>
#include <QToolButton>

namespace Umbra {

PageHeader::PageHeader(QWidget *parent)
    : QWidget(parent)
    , m_title(new ElidedLabel(this))
    , m_state(new QLabel(this))
    , m_note(new QLabel(this))
{
    QFont big = font();
    big.setPointSizeF(big.pointSizeF() * 1.45);
    big.setBold(true);
    m_title->setFont(big);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_state->setTextFormat(Qt::RichText);
    m_note->setTextFormat(Qt::PlainText);
    m_note->setForegroundRole(QPalette::PlaceholderText);
    m_note->setAlignment(Qt::AlignRight | Qt::AlignVCenter);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(12);
    layout->addWidget(m_title);
    layout->addWidget(m_state);
    layout->addStretch(1);
    layout->addWidget(m_note);
}

void PageHeader::addTrailingWidget(QWidget *widget)
{
    layout()->addWidget(widget);
}

void PageHeader::setState(QLabel *label, const QString &text, const QColor &color)
{
    // A rich-text bullet keeps the dot the same height as the word at any DPI.
    label->setText(QStringLiteral("<span style=\"color:%1; font-size:large\">●</span> %2")
                       .arg(color.name(), text.toHtmlEscaped()));
}

QToolButton *PageHeader::actionsButton(QWidget *parent, std::function<void(QMenu *)> fill)
{
    auto *button = new QToolButton(parent);
    button->setText(tr("Actions"));
    button->setObjectName(QStringLiteral("actionsButton"));
    button->setPopupMode(QToolButton::InstantPopup);
    button->setToolButtonStyle(Qt::ToolButtonTextOnly);
    auto *menu = new QMenu(button);
    menu->setToolTipsVisible(true);
    button->setMenu(menu);
    QObject::connect(menu, &QMenu::aboutToShow, button, [menu, fill = std::move(fill)] {
        menu->clear();
        fill(menu);
    });
    return button;
}

} // namespace Umbra
