#include "trafficmappingdialog.h"

#include "traffic/trafficservice.h"
#include "util/displaytext.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace Umbra {

TrafficMappingDialog::TrafficMappingDialog(Traffic::TrafficService *traffic, const QString &vmUuid,
                                           const QString &vmName, QWidget *parent)
    : QDialog(parent)
    , m_traffic(traffic)
    , m_uuid(vmUuid)
{
    setWindowTitle(tr("Traffic mapping of %1").arg(DisplayText::quote(vmName, 60)));
    auto *intro = new QLabel(tr("Umbra finds a VM's servers by their name or address. Where "
                                "neither matches, say which server this VM is; traffic "
                                "actions and migrations then drain and restore that one."),
                             this);
    intro->setWordWrap(true);
    m_current = new QLabel(this);
    m_current->setTextFormat(Qt::PlainText);
    m_current->setWordWrap(true);
    m_balancer = new QComboBox(this);
    m_server = new QComboBox(this);
    m_server->setMinimumContentsLength(24);
    if (traffic) {
        for (const Traffic::Balancer &b : traffic->balancers())
            m_balancer->addItem(b.name);
    }
    auto *form = new QFormLayout;
    form->addRow(tr("Load balancer:"), m_balancer);
    form->addRow(tr("Server:"), m_server);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    QPushButton *set = buttons->addButton(tr("Set"), QDialogButtonBox::ActionRole);
    QPushButton *clear = buttons->addButton(tr("Clear"), QDialogButtonBox::ActionRole);
    clear->setToolTip(tr("Remove this VM's mapping in the chosen load balancer"));
    connect(set, &QPushButton::clicked, this, &TrafficMappingDialog::setMapping);
    connect(clear, &QPushButton::clicked, this, &TrafficMappingDialog::clearMapping);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(m_current);
    layout->addStretch(1);
    layout->addWidget(buttons);
    connect(m_balancer, &QComboBox::currentIndexChanged, this, &TrafficMappingDialog::fillServers);
    fillServers();
    resize(480, 240);
}

QStringList TrafficMappingDialog::servers() const
{
    QStringList all;
    for (int i = 0; i < m_server->count(); ++i)
        all.append(m_server->itemText(i));
    return all;
}

void TrafficMappingDialog::choose(const QString &balancer, const QString &backend,
                                  const QString &server)
{
    m_balancer->setCurrentText(balancer);
    m_server->setCurrentText(backend + QLatin1Char('/') + server);
}

void TrafficMappingDialog::fillServers()
{
    m_server->clear();
    if (!m_traffic)
        return;
    const QString balancer = m_balancer->currentText();
    QString mapped;
    for (const Traffic::Mapping &m : m_traffic->mappings())
        if (m.vmUuid == m_uuid && m.balancer == balancer)
            mapped = m.server.path();
    for (const Traffic::BalancerView &view : m_traffic->views()) {
        if (view.balancer.name != balancer)
            continue;
        for (const Traffic::ServerStat &s : view.stats)
            if (!s.isBackend)
                m_server->addItem(s.ref.path());
    }
    if (!mapped.isEmpty())
        m_server->setCurrentText(mapped);
    m_current->setText(mapped.isEmpty()
                           ? tr("No mapping in %1: found by name or address.").arg(balancer)
                           : tr("Mapped in %1 to %2.").arg(balancer, mapped));
}

void TrafficMappingDialog::setMapping()
{
    const QStringList parts = m_server->currentText().split(QLatin1Char('/'));
    if (!m_traffic || parts.size() != 2)
        return;
    m_traffic->setMapping(m_uuid, m_balancer->currentText(), { parts[0], parts[1] });
    fillServers();
}

void TrafficMappingDialog::clearMapping()
{
    if (!m_traffic)
        return;
    m_traffic->setMapping(m_uuid, m_balancer->currentText(), {});
    fillServers();
}

} // namespace Umbra
