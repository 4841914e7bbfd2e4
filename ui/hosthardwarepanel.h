#pragma once

#include "predict/hosthardware.h"

#include <QPointer>
#include <QWidget>

class QLabel;
class QTableWidget;

namespace Umbra {

class Engine;

// A host's hardware health: its failure risk within 30 days with the
// breakdown behind it, and the readings it rests on — each drive's SMART
// counters and risk, EDAC memory errors, temperatures — as the host's
// exporter last published them.
class HostHardwarePanel : public QWidget
{
    Q_OBJECT

public:
    explicit HostHardwarePanel(Engine *engine, QWidget *parent = nullptr);

    void setHost(const QString &uri);
    void show(const Hardware::HostHardwareReport &report);
    QString summaryText() const;
    QTableWidget *drivesView() const { return m_drives; }

private:
    QPointer<Engine> m_engine;
    QString m_uri;
    QLabel *m_summary = nullptr;
    QLabel *m_breakdown = nullptr;
    QLabel *m_readings = nullptr;
    QTableWidget *m_drives = nullptr;
};

} // namespace Umbra
