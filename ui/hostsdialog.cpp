#include "hostsdialog.h"

#include "engine/engine.h"
#include "fleet/hosturi.h"
#include "statecolors.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace Umbra {

namespace {

enum Column { NameColumn, StateColumn, UriColumn, UsageColumn, ExporterColumn };

} // namespace

HostsDialog::HostsDialog(Engine *engine, QWidget *parent)
    : QDialog(parent)
    , m_engine(engine)
{
    setWindowTitle(tr("Hosts"));

    m_list = new QTreeWidget(this);
    m_list->setRootIsDecorated(false);
    m_list->setAlternatingRowColors(true);
    m_list->setHeaderLabels(
        { tr("Host"), tr("State"), tr("URI"), tr("VM usage from"), tr("Hardware exporter") });
    m_list->header()->setStretchLastSection(true);
    m_list->setColumnWidth(
        NameColumn, fontMetrics().horizontalAdvance(QStringLiteral("hypervisor-07.example")) + 24);
    m_list->setColumnWidth(StateColumn,
                           fontMetrics().horizontalAdvance(QStringLiteral("unreachable")) + 40);

    m_removeButton = new QPushButton(tr("&Remove…"), this);
    m_exporterButton = new QPushButton(tr("Hardware &exporter…"), this);
    m_exporterButton->setToolTip(
        tr("Where the selected host publishes SMART, memory-error and "
           "temperature readings (Prometheus node or smartctl exporter)."));
    m_prometheusButton = new QPushButton(tr("Usage from &Prometheus…"), this);
    m_prometheusButton->setToolTip(
        tr("Read the selected host's VM usage from a Prometheus server that scrapes its "
           "prometheus-libvirt-exporter, instead of asking libvirt every interval."));
    auto *listButtons = new QHBoxLayout;
    listButtons->addStretch(1);
    listButtons->addWidget(m_prometheusButton);
    listButtons->addWidget(m_exporterButton);
    listButtons->addWidget(m_removeButton);

    auto *addTitle = new QLabel(tr("<b>Add a host</b>"), this);
    m_uriEdit = new QLineEdit(this);
    m_uriEdit->setPlaceholderText(tr("libvirt URI, e.g. qemu+ssh://admin@hv1.example.org/system"));
    m_uriEdit->setClearButtonEnabled(true);
    m_exporterEdit = new QLineEdit(this);
    m_exporterEdit->setPlaceholderText(tr("Hardware exporter (optional), e.g. "
                                          "http://hv1.example.org:9100/metrics"));
    m_exporterEdit->setClearButtonEnabled(true);
    m_addButton = new QPushButton(tr("&Add"), this);
    auto *addFields = new QVBoxLayout;
    addFields->addWidget(m_uriEdit);
    addFields->addWidget(m_exporterEdit);
    auto *addRow = new QHBoxLayout;
    addRow->addLayout(addFields, 1);
    addRow->addWidget(m_addButton, 0, Qt::AlignTop);

    auto *hint
        = new QLabel(tr("Local: <tt>test:///default</tt>, <tt>test:///abs/path/fleet.xml</tt>, "
                        "<tt>qemu:///system</tt><br>Remote: <tt>qemu+ssh://user@host/system</tt>, "
                        "<tt>qemu+tcp://host/system</tt>, <tt>qemu+tls://host/system</tt>"),
                     this);
    hint->setWordWrap(true);
    hint->setForegroundRole(QPalette::PlaceholderText);

    m_error = new QLabel(this);
    m_error->setTextFormat(Qt::PlainText);
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("QLabel { color: #d73a3a; }"));
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_error->hide();

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_list, 1);
    layout->addLayout(listButtons);
    layout->addSpacing(6);
    layout->addWidget(addTitle);
    layout->addLayout(addRow);
    layout->addWidget(hint);
    layout->addWidget(m_error);
    layout->addWidget(buttons);
    resize(640, 420);

    connect(m_addButton, &QPushButton::clicked, this, &HostsDialog::addFromField);
    connect(m_uriEdit, &QLineEdit::returnPressed, this, &HostsDialog::addFromField);
    connect(m_uriEdit, &QLineEdit::textChanged, this, [this] {
        m_error->hide();
        updateButtons();
    });
    connect(m_exporterEdit, &QLineEdit::returnPressed, this, &HostsDialog::addFromField);
    connect(m_removeButton, &QPushButton::clicked, this, &HostsDialog::removeSelected);
    connect(m_exporterButton, &QPushButton::clicked, this, &HostsDialog::editExporter);
    connect(m_prometheusButton, &QPushButton::clicked, this, &HostsDialog::editPrometheus);
    connect(m_list, &QTreeWidget::itemSelectionChanged, this, &HostsDialog::updateButtons);

    const FleetState *inventory = engine->fleet()->state();
    connect(inventory, &FleetState::hostAdded, this, &HostsDialog::reload);
    connect(inventory, &FleetState::hostRemoved, this, &HostsDialog::reload);
    connect(inventory, &FleetState::hostConfigChanged, this, &HostsDialog::reload);
    connect(inventory, &FleetState::hostStatusChanged, this, &HostsDialog::setStatus);
    reload();
}

QString HostsDialog::errorText() const
{
    return m_error->isHidden() ? QString() : m_error->text();
}

void HostsDialog::reload()
{
    m_list->clear();
    if (!m_engine)
        return;
    for (const HostConfig &config : m_engine->fleet()->hosts()) {
        auto *item = new QTreeWidgetItem(m_list);
        item->setText(NameColumn, HostUri::displayName(config.uri));
        item->setText(UriColumn, config.uri);
        item->setText(ExporterColumn, config.exporterUrl);
        item->setText(UsageColumn,
                      config.simulatedUsage                ? tr("simulated")
                          : config.prometheusUrl.isEmpty() ? tr("libvirt")
                                                           : config.prometheusUrl);
        item->setData(NameColumn, Qt::UserRole, config.uri);
        setStatus(m_engine->fleet()->hostStatus(config.uri));
    }
    updateButtons();
}

void HostsDialog::setStatus(const HostStatus &status)
{
    for (int row = 0; row < m_list->topLevelItemCount(); ++row) {
        QTreeWidgetItem *item = m_list->topLevelItem(row);
        if (item->data(NameColumn, Qt::UserRole).toString() != status.uri)
            continue;
        item->setText(StateColumn, hostStateName(status.state));
        item->setIcon(StateColumn, StateColors::dot(StateColors::forHost(status.state)));
        item->setToolTip(StateColumn, status.lastError);
    }
}

bool HostsDialog::addFromField()
{
    if (!m_engine)
        return false;
    HostConfig config;
    config.uri = m_uriEdit->text().trimmed();
    config.exporterUrl = m_exporterEdit->text().trimmed();
    const Result<void> added = m_engine->fleet()->addHost(config);
    if (!added) {
        m_error->setText(added.error());
        m_error->show();
        return false;
    }
    m_error->hide();
    m_uriEdit->clear();
    m_exporterEdit->clear();
    return true;
}

QString HostsDialog::selectedUri() const
{
    const QList<QTreeWidgetItem *> selected = m_list->selectedItems();
    if (selected.isEmpty() || !m_engine)
        return {};
    return selected.first()->data(NameColumn, Qt::UserRole).toString();
}

void HostsDialog::editUrl(const QString &title, const QString &question, const QString &current,
                          const std::function<Result<void>(const QString &)> &set)
{
    bool ok = false;
    const QString url
        = QInputDialog::getText(this, title, question, QLineEdit::Normal, current, &ok);
    if (!ok)
        return;
    if (const Result<void> done = set(url); !done) {
        m_error->setText(done.error());
        m_error->show();
    }
}

void HostsDialog::editExporter()
{
    const QString uri = selectedUri();
    if (uri.isEmpty())
        return;
    editUrl(tr("Hardware exporter"),
            tr("Where %1 publishes its hardware health (empty: none):").arg(uri),
            m_engine->fleet()->state()->config(uri).exporterUrl, [this, uri](const QString &url) {
                return m_engine->fleet()->setExporterUrl(uri, url);
            });
}

void HostsDialog::editPrometheus()
{
    const QString uri = selectedUri();
    if (uri.isEmpty())
        return;
    editUrl(tr("VM usage from Prometheus"),
            tr("The Prometheus server that scrapes %1's prometheus-libvirt-exporter, e.g. "
               "http://prometheus:9090/ (empty: ask libvirt):")
                .arg(uri),
            m_engine->fleet()->state()->config(uri).prometheusUrl, [this, uri](const QString &url) {
                return m_engine->fleet()->setPrometheusUrl(uri, url);
            });
}

void HostsDialog::removeSelected()
{
    const QList<QTreeWidgetItem *> selected = m_list->selectedItems();
    if (selected.isEmpty() || !m_engine)
        return;
    const QString uri = selected.first()->data(NameColumn, Qt::UserRole).toString();
    const auto answer = QMessageBox::question(
        this, tr("Remove host"),
        tr("Stop watching %1?\n\nIts VMs keep running; Umbra stops collecting from it.").arg(uri),
        QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel);
    if (answer == QMessageBox::Yes)
        m_engine->fleet()->removeHost(uri);
}

void HostsDialog::updateButtons()
{
    m_removeButton->setEnabled(!m_list->selectedItems().isEmpty());
    m_exporterButton->setEnabled(!m_list->selectedItems().isEmpty());
    m_prometheusButton->setEnabled(!m_list->selectedItems().isEmpty());
    m_addButton->setEnabled(!m_uriEdit->text().trimmed().isEmpty());
}

} // namespace Umbra
