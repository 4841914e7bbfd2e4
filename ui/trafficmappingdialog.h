#pragma once

#include <QDialog>
#include <QPointer>

class QComboBox;
class QLabel;

namespace Umbra {

namespace Traffic {
class TrafficService;
}

// Says which server of a load balancer a VM is, when neither the server's name
// nor its address tells: Set stores the operator's mapping, Clear removes it
// (the VM is then found by name or address again).
class TrafficMappingDialog : public QDialog
{
    Q_OBJECT

public:
    TrafficMappingDialog(Traffic::TrafficService *traffic, const QString &vmUuid,
                         const QString &vmName, QWidget *parent = nullptr);

    // "backend/server" entries offered for the chosen balancer.
    QStringList servers() const;
    void choose(const QString &balancer, const QString &backend, const QString &server);
    // The buttons' actions.
    void setMapping();
    void clearMapping();

private:
    void fillServers();

    QPointer<Traffic::TrafficService> m_traffic;
    QString m_uuid;
    QComboBox *m_balancer = nullptr;
    QComboBox *m_server = nullptr;
    QLabel *m_current = nullptr;
};

} // namespace Umbra
