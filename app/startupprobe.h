#pragma once

#include <QElapsedTimer>
#include <QObject>

class QWidget;

namespace Umbra {

// Reports on stderr how long the console took from process start (and from
// main()) to the first paint of its main window, when UMBRA_STARTUP_REPORT is
// set. The benchmark in docs/benchmarks.md reads this line.
class StartupProbe : public QObject
{
public:
    StartupProbe(QWidget *window, const QElapsedTimer &sinceMain);

    static bool enabled();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QWidget *m_window;
    QElapsedTimer m_sinceMain;
    bool m_reported = false;
};

} // namespace Umbra
