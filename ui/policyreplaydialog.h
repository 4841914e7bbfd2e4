#pragma once

#include "engine/historyreplay.h"

#include <QDialog>

class QLabel;
class QPushButton;
class QSpinBox;
class QTableWidget;

namespace Umbra {

class Engine;

// "Over the last week this policy would have made these moves": the policy
// replayed on the fleet's own stored history (engine/historyreplay.h), its
// moves beside the reactive rule's and doing nothing — moves, ping-pong and
// the minutes hosts spent over their CPUs — and each move it would have
// made, when, why, and whether the overload it foresaw came.
class PolicyReplayDialog : public QDialog
{
    Q_OBJECT

public:
    explicit PolicyReplayDialog(Engine *engine, QWidget *parent = nullptr);

    QSpinBox *days() const { return m_days; }
    QPushButton *runButton() const { return m_run; }
    QLabel *summary() const { return m_summary; }
    QTableWidget *comparison() const { return m_comparison; }
    QTableWidget *moves() const { return m_moves; }

    void run();

Q_SIGNALS:
    void finished(const Umbra::HistoryReplay &replay);

private:
    void show(const HistoryReplay &replay);

    Engine *m_engine;
    QSpinBox *m_days;
    QPushButton *m_run;
    QLabel *m_summary;
    QTableWidget *m_comparison;
    QTableWidget *m_moves;
};

} // namespace Umbra
