#include "elidedlabel.h"

#include "util/displaytext.h"

#include <QEvent>
#include <QTextDocument>

namespace Umbra {

QString plainToolTip(const QString &text, int maxChars)
{
    if (text.isEmpty())
        return {};
    return Qt::convertFromPlainText(DisplayText::quote(text, maxChars), Qt::WhiteSpaceNormal);
}

ElidedLabel::ElidedLabel(QWidget *parent)
    : QLabel(parent)
{
    setTextFormat(Qt::PlainText);
}

void ElidedLabel::setFullText(const QString &text, const QString &toolTip)
{
    const QString shown = DisplayText::quote(text, kMaxShownChars);
    if (shown == m_full && toolTip.isEmpty())
        return;
    m_full = shown;
    const QString tip = toolTip.isEmpty() ? text : toolTip;
    setToolTip(plainToolTip(tip));
    elide();
    updateGeometry();
}

QSize ElidedLabel::sizeHint() const
{
    const QFontMetrics metrics = fontMetrics();
    const int cap = metrics.averageCharWidth() * kMaxHintChars;
    const QMargins margins = contentsMargins();
    return { std::min(metrics.horizontalAdvance(m_full), cap) + margins.left() + margins.right()
                 + 2 * margin(),
             QLabel::sizeHint().height() };
}

QSize ElidedLabel::minimumSizeHint() const
{
    const QFontMetrics metrics = fontMetrics();
    const int few = metrics.horizontalAdvance(m_full.left(3) + QChar(0x2026));
    return { std::min(few, metrics.horizontalAdvance(m_full)), QLabel::minimumSizeHint().height() };
}

void ElidedLabel::resizeEvent(QResizeEvent *event)
{
    QLabel::resizeEvent(event);
    elide();
}

void ElidedLabel::changeEvent(QEvent *event)
{
    QLabel::changeEvent(event);
    if (event->type() == QEvent::FontChange)
        elide();
}

void ElidedLabel::elide()
{
    const int width = contentsRect().width() - 2 * margin();
    setText(fontMetrics().elidedText(m_full, Qt::ElideRight, std::max(width, 0)));
}

} // namespace Umbra
