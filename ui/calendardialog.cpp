#include "calendardialog.h"

#include "engine/engine.h"
#include "fleet/hosturi.h"
#include "fleetmodel.h"
#include "tablesetup.h"

#include <QComboBox>
#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace Umbra {

namespace {

using Recurrence = Predict::CalendarEvent::Recurrence;

QString recurrenceName(Recurrence recurrence)
{
    switch (recurrence) {
    case Recurrence::Daily:
        return CalendarDialog::tr("every day");
    case Recurrence::Weekly:
        return CalendarDialog::tr("every week");
    case Recurrence::None:
        break;
    }
    return CalendarDialog::tr("once");
}

QString when(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms).toString(QStringLiteral("yyyy-MM-dd HH:mm"));
}

} // namespace

CalendarDialog::CalendarDialog(Engine *engine, FleetModel *fleet, QWidget *parent)
    : QDialog(parent)
    , m_engine(engine)
    , m_fleet(fleet)
{
    setWindowTitle(tr("Known events"));
    auto *intro = new QLabel(tr("Forecasts leave past occurrences of these events out of the "
                                "normal pattern and apply what they learnt from them to future "
                                "ones."),
                             this);
    intro->setWordWrap(true);

    m_events = new QTableWidget(0, 5, this);
    m_events->setHorizontalHeaderLabels(
        { tr("Event"), tr("For"), tr("Starts"), tr("Ends"), tr("Repeats") });
    TableSetup::apply(m_events);
    m_events->setSortingEnabled(false);
    m_events->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_events->horizontalHeader()->setStretchLastSection(true);
    m_events->setColumnWidth(1, 200);
    m_events->setColumnWidth(2, 140);
    m_events->setColumnWidth(3, 140);

    m_name = new QLineEdit(this);
    m_name->setPlaceholderText(tr("e.g. winter sale, nightly backup"));
    m_scope = new QComboBox(this);
    m_scope->addItem(tr("Every VM and host"), QString());
    if (engine) {
        for (const HostConfig &host : engine->fleet()->hosts()) {
            m_scope->addItem(tr("Host %1").arg(HostUri::displayName(host.uri)),
                             QString(QStringLiteral("host/") + host.uri));
            for (const VmInfo &vm : engine->fleet()->vms(host.uri))
                m_scope->addItem(tr("VM %1").arg(vm.name),
                                 QString(QStringLiteral("vm/") + vm.uuid));
        }
    }
    const QDateTime next = QDateTime::currentDateTime().addSecs(3600);
    m_start = new QDateTimeEdit(QDateTime(next.date(), QTime(next.time().hour(), 0)), this);
    m_end = new QDateTimeEdit(m_start->dateTime().addSecs(2 * 3600), this);
    for (QDateTimeEdit *edit : { m_start, m_end }) {
        edit->setCalendarPopup(true);
        edit->setDisplayFormat(QStringLiteral("yyyy-MM-dd HH:mm"));
    }
    m_recurrence = new QComboBox(this);
    for (Recurrence r : { Recurrence::None, Recurrence::Daily, Recurrence::Weekly })
        m_recurrence->addItem(recurrenceName(r), int(r));

    auto *form = new QFormLayout;
    form->addRow(tr("Name:"), m_name);
    form->addRow(tr("For:"), m_scope);
    form->addRow(tr("Starts:"), m_start);
    form->addRow(tr("Ends:"), m_end);
    form->addRow(tr("Repeats:"), m_recurrence);

    auto *addButton = new QPushButton(tr("Add"), this);
    m_remove = new QPushButton(tr("Remove"), this);
    m_remove->setEnabled(false);
    connect(addButton, &QPushButton::clicked, this, &CalendarDialog::add);
    connect(m_remove, &QPushButton::clicked, this, [this] {
        const int row = m_events->currentRow();
        if (row >= 0 && m_engine)
            m_engine->prediction()->removeCalendarEvent(
                m_events->item(row, 0)->data(Qt::UserRole).toLongLong());
    });
    connect(m_events, &QTableWidget::currentCellChanged, this,
            [this](int row) { m_remove->setEnabled(row >= 0); });
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(addButton);
    buttons->addWidget(m_remove);
    buttons->addStretch(1);
    auto *close = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(close, &QDialogButtonBox::rejected, this, &QDialog::reject);
    buttons->addWidget(close);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(m_events, 1);
    layout->addLayout(form);
    layout->addLayout(buttons);
    resize(720, 460);

    if (engine) {
        connect(engine->prediction(), &PredictionProxy::calendarChanged, this,
                &CalendarDialog::showEvents);
        showEvents(engine->prediction()->calendarEvents());
    }
}

void CalendarDialog::setForm(const QString &name, const QString &entity, qint64 startMs,
                             qint64 endMs, Recurrence recurrence)
{
    m_name->setText(name);
    m_scope->setCurrentIndex(std::max(0, m_scope->findData(entity)));
    m_start->setDateTime(QDateTime::fromMSecsSinceEpoch(startMs));
    m_end->setDateTime(QDateTime::fromMSecsSinceEpoch(endMs));
    m_recurrence->setCurrentIndex(m_recurrence->findData(int(recurrence)));
}

void CalendarDialog::add()
{
    if (!m_engine)
        return;
    ScopedCalendarEvent event;
    event.entity = m_scope->currentData().toString();
    event.event.name = m_name->text();
    event.event.startMs = m_start->dateTime().toMSecsSinceEpoch();
    event.event.endMs = m_end->dateTime().toMSecsSinceEpoch();
    event.event.recurrence = Recurrence(m_recurrence->currentData().toInt());
    m_engine->prediction()->addCalendarEvent(event);
}

QString CalendarDialog::scopeName(const QString &entity) const
{
    const int index = m_scope->findData(entity);
    return index >= 0 ? m_scope->itemText(index) : entity;
}

void CalendarDialog::showEvents(const QList<ScopedCalendarEvent> &events)
{
    m_events->setRowCount(0);
    for (const ScopedCalendarEvent &e : events) {
        const int row = m_events->rowCount();
        m_events->insertRow(row);
        auto *name = new QTableWidgetItem(e.event.name);
        name->setData(Qt::UserRole, e.id);
        m_events->setItem(row, 0, name);
        m_events->setItem(row, 1, new QTableWidgetItem(scopeName(e.entity)));
        m_events->setItem(row, 2, new QTableWidgetItem(when(e.event.startMs)));
        m_events->setItem(row, 3, new QTableWidgetItem(when(e.event.endMs)));
        m_events->setItem(row, 4, new QTableWidgetItem(recurrenceName(e.event.recurrence)));
    }
}

} // namespace Umbra
