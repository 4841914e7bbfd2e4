#pragma once

#include <QList>
#include <QWidget>

class QGridLayout;
class QLabel;

namespace Umbra {

class ElidedLabel;

// A compact block of "label  value" pairs laid out in a few columns, for the
// header of the host and VM pages. Values are selectable so an operator can
// copy a URI or UUID. Values are plain text, elided, whole in their tooltip.
class FactsGrid : public QWidget
{
    Q_OBJECT

public:
    explicit FactsGrid(int pairsPerRow, QWidget *parent = nullptr);

    // Returns the fact's id for setValue(). A fact spans `pairs` columns of
    // pairs (for long values: a UUID, a URI, an error); it starts a new row
    // when the current one has no room left. A `trailing` control (e.g. a
    // "Change…" link) follows the value on its line.
    int addFact(const QString &label, int pairs = 1, QWidget *trailing = nullptr);
    void setValue(int id, const QString &value, const QString &toolTip = {});
    void clearValues();
    QString value(int id) const;

private:
    QGridLayout *m_layout = nullptr;
    int m_pairsPerRow = 3;
    int m_row = 0;
    int m_pair = 0; // next free pair in m_row
    QList<ElidedLabel *> m_values;
};

} // namespace Umbra
