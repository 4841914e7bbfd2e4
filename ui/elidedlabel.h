#pragma once

#include <QLabel>

namespace Umbra {

// Past this, a value is certainly not worth reading in full on screen; the
// bound keeps eliding cheap for a name of megabytes.
inline constexpr int kMaxShownChars = 2000;

// A label for text Umbra did not write — a VM's name, a CPU model, an error
// from libvirt or an exporter. It is shown as plain text whatever it holds
// (markup stays literal, control and direction-override characters are
// escaped), on one line, cut with an ellipsis to the width the layout gives
// it, with the whole text in its tooltip. It never asks for more than
// kMaxHintChars characters of width, so a name of thousands cannot widen the
// window.
class ElidedLabel : public QLabel
{
    Q_OBJECT

public:
    static constexpr int kMaxHintChars = 48;

    explicit ElidedLabel(QWidget *parent = nullptr);

    // `toolTip` replaces the full text as the tooltip (itself shown as plain text).
    void setFullText(const QString &text, const QString &toolTip = {});
    QString fullText() const { return m_full; }

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void resizeEvent(QResizeEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void elide();
    QString m_full;
};

// `text` as a tooltip that shows it literally: Qt takes a tooltip that looks
// like markup for markup. Cut to `maxChars` characters.
QString plainToolTip(const QString &text, int maxChars = kMaxShownChars);

} // namespace Umbra
