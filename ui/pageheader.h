#pragma once

#include <QWidget>
#include <functional>

class QLabel;
class QMenu;
class QToolButton;

namespace Umbra {

class ElidedLabel;

// The first line of a detail page: a large name, its state as a coloured dot
// and word, and a muted note on the right (e.g. "Loading the last hour…").
class PageHeader : public QWidget
{
    Q_OBJECT

public:
    explicit PageHeader(QWidget *parent = nullptr);

    // The name, as plain text elided to the room the header has.
    ElidedLabel *title() const { return m_title; }
    QLabel *state() const { return m_state; }
    QLabel *note() const { return m_note; }

    static void setState(QLabel *label, const QString &text, const QColor &color);
    // A control at the right end, after the note (e.g. "Migrate…").
    void addTrailingWidget(QWidget *widget);
    // An "Actions" button whose menu `fill` fills afresh each time it opens.
    static QToolButton *actionsButton(QWidget *parent, std::function<void(QMenu *)> fill);

private:
    ElidedLabel *m_title = nullptr;
    QLabel *m_state = nullptr;
    QLabel *m_note = nullptr;
};

} // namespace Umbra
