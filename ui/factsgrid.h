#pragma once

#include <QList>
#include <QWidget>

class QGridLayout;
class QLabel;

namespace Umbra {

// A compact block of "label  value" pairs laid out in a few columns, for the
// header of the host and VM pages. Values are selectable so an operator can
// copy a URI or UUID.
class FactsGrid : public QWidget
{
    Q_OBJECT

public:
    explicit FactsGrid(int pairsPerRow, QWidget *parent = nullptr);

    // Returns the fact's id for setValue().
    int addFact(const QString &label);
    void setValue(int id, const QString &value, const QString &toolTip = {});
    void clearValues();

private:
    QGridLayout *m_layout = nullptr;
    int m_pairsPerRow = 3;
    QList<QLabel *> m_values;
};

} // namespace Umbra
