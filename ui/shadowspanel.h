#pragma once

#include <QWidget>

class QLabel;
class QPushButton;
class QTableWidget;

namespace Umbra {

namespace Shadow {
class ShadowService;
}

// The Shadows view: every live shadow — its primary, the hosts, its state
// and since when it is in sync, how often it was seeded, what it reserves —
// and how it is validated — with Schedule…, Fail over… and Remove… for the
// one selected. Filled from the shadow service's last check; never asks
// libvirt itself.
class ShadowsPanel : public QWidget
{
    Q_OBJECT

public:
    explicit ShadowsPanel(Shadow::ShadowService *shadows, QWidget *parent = nullptr);

    QTableWidget *table() const { return m_table; }
    // The primaries' UUIDs, in the order shown (tests).
    QStringList primaries() const;

Q_SIGNALS:
    void failoverRequested(const QString &vmUuid);
    void removeRequested(const QString &vmUuid);

private:
    void fill();
    void updateButtons();
    QString selectedUuid() const;
    // Asks how the selected shadow is to be validated, without blocking.
    void editSchedule();

    Shadow::ShadowService *m_shadows = nullptr;
    QTableWidget *m_table = nullptr;
    QLabel *m_empty = nullptr;
    QPushButton *m_schedule = nullptr;
    QPushButton *m_failover = nullptr;
    QPushButton *m_remove = nullptr;
};

} // namespace Umbra
