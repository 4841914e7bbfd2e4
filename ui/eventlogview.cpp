#include "eventlogview.h"

#include "engine/engine.h"
#include "eventlogmodel.h"
#include "tablesetup.h"

#include <QFutureWatcher>
#include <QHeaderView>
#include <QTimer>
#include <utility>

namespace Umbra {

EventLogView::EventLogView(Engine *engine, const FleetModel *fleet, QWidget *parent)
    : QTableView(parent)
    , m_model(new EventLogModel(fleet, this))
{
    setModel(m_model);
    TableSetup::apply(this);
    // Newest first is the model's order; sorting by column would hide new events.
    setSortingEnabled(false);
    const QFontMetrics metrics(font());
    QHeaderView *header = horizontalHeader();
    header->resizeSection(EventLogModel::TimeColumn,
                          metrics.horizontalAdvance(QStringLiteral("2099-12-31 23:59:59")) + 20);
    header->resizeSection(EventLogModel::SeverityColumn,
                          metrics.horizontalAdvance(QStringLiteral("warning")) + 44);
    header->resizeSection(EventLogModel::HostColumn,
                          metrics.horizontalAdvance(QStringLiteral("hypervisor-07.lab")) + 20);
    header->resizeSection(EventLogModel::VmColumn,
                          metrics.horizontalAdvance(QStringLiteral("database-primary-01")) + 20);

    m_insert = new QTimer(this);
    m_insert->setSingleShot(true);
    m_insert->setInterval(kInsertIntervalMs);
    connect(m_insert, &QTimer::timeout, this,
            [this] { m_model->appendEvents(std::exchange(m_arriving, {})); });
    connect(engine->events(), &EventLog::eventLogged, this, &EventLogView::onEventLogged);
    auto *watcher = new QFutureWatcher<QList<EventRecord>>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher] {
        watcher->deleteLater();
        const bool ok = !watcher->isCanceled() && watcher->future().resultCount() > 0;
        onLoaded(ok ? watcher->result() : QList<EventRecord>());
    });
    watcher->setFuture(engine->events()->recent(kInitialEvents));
}

void EventLogView::onEventLogged(const EventRecord &event)
{
    if (m_loading) {
        m_pending.append(event);
        return;
    }
    m_arriving.append(event);
    if (!m_insert->isActive())
        m_insert->start();
}

void EventLogView::onLoaded(const QList<EventRecord> &events)
{
    m_loading = false;
    m_model->setEvents(events);
    // The store may already hold an event that was also delivered live.
    for (const EventRecord &event : std::as_const(m_pending)) {
        if (!m_model->contains(event))
            m_model->appendEvent(event);
    }
    m_pending.clear();
}

} // namespace Umbra
