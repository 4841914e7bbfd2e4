#include "balancersdialog.h"

#include "statecolors.h"
#include "traffic/trafficservice.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace Umbra {

namespace {

enum Column { NameColumn, AddressColumn, TestColumn };

const QColor kErrorColor(0xd7, 0x3a, 0x3a);

} // namespace

BalancersDialog::BalancersDialog(Traffic::TrafficService *traffic, QWidget *parent)
    : QDialog(parent)
    , m_traffic(traffic)
{
    setWindowTitle(tr("Load Balancers"));

    auto *intro = new QLabel(tr("HAProxy instances whose runtime API (the <tt>stats socket</tt> "
                                "of their configuration, at level admin) Umbra reads and "
                                "drives for traffic shifts, drains and migrations."),
                             this);
    intro->setWordWrap(true);

    m_list = new QTreeWidget(this);
    m_list->setRootIsDecorated(false);
    m_list->setAlternatingRowColors(true);
    m_list->setHeaderLabels({ tr("Name"), tr("Runtime API"), tr("Test") });
    m_list->header()->setStretchLastSection(true);
    m_list->setColumnWidth(NameColumn,
                           fontMetrics().horizontalAdvance(QStringLiteral("edge-lb-01")) + 40);
    m_list->setColumnWidth(
        AddressColumn,
        fontMetrics().horizontalAdvance(QStringLiteral("/run/haproxy/admin.sock")) + 40);

    m_name = new QLineEdit(this);
    m_name->setPlaceholderText(tr("e.g. edge"));
    m_name->setClearButtonEnabled(true);
    m_address = new QLineEdit(this);
    m_address->setPlaceholderText(tr("/run/haproxy/admin.sock or 10.0.0.2:9999"));
    m_address->setClearButtonEnabled(true);
    auto *fields = new QFormLayout;
    fields->addRow(tr("&Name:"), m_name);
    fields->addRow(tr("&Runtime API:"), m_address);

    m_save = new QPushButton(tr("&Add"), this);
    m_test = new QPushButton(tr("&Test"), this);
    m_test->setToolTip(tr("Asks the socket who it is and what it allows: it must be HAProxy "
                          "and grant the admin level."));
    m_remove = new QPushButton(tr("&Remove…"), this);
    auto *row = new QHBoxLayout;
    row->addWidget(m_test);
    row->addStretch(1);
    row->addWidget(m_remove);
    row->addWidget(m_save);

    m_status = new QLabel(this);
    m_status->setTextFormat(Qt::PlainText);
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_status->hide();

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(m_list, 1);
    layout->addLayout(fields);
    layout->addLayout(row);
    layout->addWidget(m_status);
    layout->addWidget(buttons);
    resize(640, 420);

    connect(m_save, &QPushButton::clicked, this, &BalancersDialog::saveFromFields);
    connect(m_test, &QPushButton::clicked, this, &BalancersDialog::testFields);
    connect(m_remove, &QPushButton::clicked, this, &BalancersDialog::removeSelected);
    connect(m_list, &QTreeWidget::itemSelectionChanged, this,
            &BalancersDialog::fillFieldsFromSelection);
    for (QLineEdit *edit : { m_name, m_address }) {
        connect(edit, &QLineEdit::textChanged, this, &BalancersDialog::updateButtons);
        connect(edit, &QLineEdit::returnPressed, this, &BalancersDialog::saveFromFields);
    }
    if (traffic) {
        connect(traffic, &Traffic::TrafficService::balancersChanged, this,
                &BalancersDialog::reload);
        connect(traffic, &Traffic::TrafficService::probed, this,
                [this](const QString &name, const QString &error) {
                    for (int i = 0; i < m_list->topLevelItemCount(); ++i) {
                        QTreeWidgetItem *item = m_list->topLevelItem(i);
                        if (item->text(NameColumn) != name)
                            continue;
                        item->setText(TestColumn, error.isEmpty() ? tr("OK") : error);
                        item->setToolTip(TestColumn, error);
                        item->setIcon(TestColumn,
                                      StateColors::dot(error.isEmpty() ? StateColors::forServer(
                                                           QStringLiteral("UP"))
                                                                       : kErrorColor));
                    }
                    if (name != m_testing)
                        return;
                    m_testing.clear();
                    m_lastTestPassed = error.isEmpty();
                    showStatus(error.isEmpty()
                                   ? tr("%1 answers: HAProxy, at level admin.").arg(name)
                                   : tr("%1: %2").arg(name, error),
                               !error.isEmpty());
                    updateButtons();
                    Q_EMIT tested(error.isEmpty());
                });
    }
    reload();
}

QString BalancersDialog::statusText() const
{
    return m_status->isHidden() ? QString() : m_status->text();
}

void BalancersDialog::showStatus(const QString &text, bool error)
{
    m_status->setText(text);
    QPalette palette = this->palette();
    if (error)
        palette.setColor(QPalette::WindowText, kErrorColor);
    m_status->setPalette(palette);
    m_status->setVisible(!text.isEmpty());
}

void BalancersDialog::reload()
{
    QHash<QString, QString> tests;
    for (int i = 0; i < m_list->topLevelItemCount(); ++i)
        tests.insert(m_list->topLevelItem(i)->text(NameColumn),
                     m_list->topLevelItem(i)->text(TestColumn));
    const QSignalBlocker block(m_list);
    m_list->clear();
    if (m_traffic) {
        for (const Traffic::Balancer &b : m_traffic->balancers()) {
            auto *item = new QTreeWidgetItem(m_list);
            item->setText(NameColumn, b.name);
            item->setText(AddressColumn, b.address);
            item->setText(TestColumn, tests.value(b.name));
            item->setToolTip(AddressColumn, b.address);
            if (b.name == m_name->text().trimmed())
                item->setSelected(true);
        }
    }
    updateButtons();
}

void BalancersDialog::fillFieldsFromSelection()
{
    const QList<QTreeWidgetItem *> selected = m_list->selectedItems();
    if (!selected.isEmpty()) {
        m_name->setText(selected.first()->text(NameColumn));
        m_address->setText(selected.first()->text(AddressColumn));
    }
    updateButtons();
}

bool BalancersDialog::saveFromFields()
{
    if (!m_traffic)
        return false;
    const auto made
        = Traffic::Balancer::make(m_name->text().trimmed(), m_address->text().trimmed());
    if (!made) {
        showStatus(made.error(), true);
        return false;
    }
    m_traffic->saveBalancer(made.value());
    m_traffic->refresh();
    showStatus(tr("%1 saved.").arg(made.value().display()), false);
    return true;
}

bool BalancersDialog::testFields()
{
    if (!m_traffic)
        return false;
    const auto made
        = Traffic::Balancer::make(m_name->text().trimmed(), m_address->text().trimmed());
    if (!made) {
        showStatus(made.error(), true);
        return false;
    }
    m_testing = made.value().name;
    m_lastTestPassed = false;
    showStatus(tr("Asking %1…").arg(made.value().display()), false);
    m_test->setEnabled(false);
    m_traffic->probe(made.value());
    return true;
}

void BalancersDialog::removeSelected()
{
    const QList<QTreeWidgetItem *> selected = m_list->selectedItems();
    if (selected.isEmpty() || !m_traffic)
        return;
    const QString name = selected.first()->text(NameColumn);
    const auto answer = QMessageBox::question(
        this, tr("Remove load balancer"),
        tr("Stop driving %1?\n\nHAProxy keeps its weights as they are; actions in force on it "
           "are no longer watched.")
            .arg(name),
        QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel);
    if (answer != QMessageBox::Yes)
        return;
    m_traffic->removeBalancer(name);
    m_name->clear();
    m_address->clear();
}

void BalancersDialog::updateButtons()
{
    const QString name = m_name->text().trimmed();
    const bool filled = !name.isEmpty() && !m_address->text().trimmed().isEmpty();
    bool exists = false;
    if (m_traffic)
        exists = m_traffic->balancer(name) != nullptr;
    m_save->setText(exists ? tr("&Save") : tr("&Add"));
    m_save->setEnabled(filled);
    m_test->setEnabled(filled && m_testing.isEmpty());
    m_remove->setEnabled(!m_list->selectedItems().isEmpty());
}

} // namespace Umbra
