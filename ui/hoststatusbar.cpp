#include "hoststatusbar.h"

#include "elidedlabel.h"
#include "engine/engine.h"
#include "fleet/hosturi.h"
#include "statecolors.h"
#include "util/displaytext.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QTimer>

namespace Umbra {

namespace {

// The order of a summary: what needs attention first.
constexpr HostState kSummaryOrder[]
    = { HostState::Unreachable, HostState::Degraded, HostState::Connecting, HostState::Connected,
        HostState::Disconnected };

QString hostToolTip(const HostStatus &status)
{
    QString tip
        = status.uri + u'\n' + HostStatusBar::tr("State: %1").arg(hostStateName(status.state));
    if (status.since.isValid())
        tip += u'\n'
            + HostStatusBar::tr("Since: %1")
                  .arg(QLocale().toString(status.since, QLocale::ShortFormat));
    if (!status.lastError.isEmpty())
        tip += u'\n' + HostStatusBar::tr("Last error: %1").arg(status.lastError);
    if (status.nextRetry.isValid())
        tip += u'\n'
            + HostStatusBar::tr("Next retry: %1")
                  .arg(QLocale().toString(status.nextRetry, QLocale::ShortFormat));
    return tip;
}

} // namespace

HostStatusBar::HostStatusBar(Engine *engine, QWidget *parent)
    : QWidget(parent)
    , m_layout(new QHBoxLayout(this))
{
    m_layout->setContentsMargins(4, 0, 4, 0);
    m_layout->setSpacing(4);
    m_layout->addStretch(1);

    const FleetState *inventory = engine->fleet()->state();
    for (const HostConfig &config : inventory->hosts()) {
        addHost(config.uri);
        setStatus(inventory->status(config.uri));
    }
    connect(inventory, &FleetState::hostAdded, this,
            [this](const HostConfig &config) { addHost(config.uri); });
    connect(inventory, &FleetState::hostRemoved, this, &HostStatusBar::removeHost);
    connect(inventory, &FleetState::hostStatusChanged, this, &HostStatusBar::setStatus);
}

const HostStatusBar::Item *HostStatusBar::itemOf(const QString &uri) const
{
    const auto status = m_status.constFind(uri);
    if (status == m_status.constEnd())
        return nullptr;
    if (summarised()) {
        const auto item = m_stateItems.constFind(int(status->state));
        return item == m_stateItems.constEnd() ? nullptr : &*item;
    }
    const auto item = m_hostItems.constFind(uri);
    return item == m_hostItems.constEnd() ? nullptr : &*item;
}

QString HostStatusBar::itemText(const QString &uri) const
{
    const Item *item = itemOf(uri);
    return item ? item->text->text() : QString();
}

QString HostStatusBar::itemToolTip(const QString &uri) const
{
    const Item *item = itemOf(uri);
    return item ? item->text->toolTip() : QString();
}

void HostStatusBar::addHost(const QString &uri)
{
    if (m_status.contains(uri))
        return;
    HostStatus status;
    status.uri = uri;
    m_order.append(uri);
    m_status.insert(uri, status);
    rebuild();
}

void HostStatusBar::removeHost(const QString &uri)
{
    if (m_status.remove(uri) == 0)
        return;
    m_order.removeOne(uri);
    rebuild();
}

void HostStatusBar::setStatus(const HostStatus &status)
{
    const auto found = m_status.find(status.uri);
    if (found == m_status.end())
        return;
    *found = status;
    // Two hundred hosts that connect at start-up change state in one burst:
    // the items are redrawn once for all of them.
    if (!m_refreshDue) {
        m_refreshDue = true;
        QTimer::singleShot(0, this, &HostStatusBar::refresh);
    }
}

HostStatusBar::Item HostStatusBar::addItem(const QString &name)
{
    if (!m_widgets.isEmpty()) {
        auto *gap = new QLabel(QStringLiteral("  "), this);
        m_layout->insertWidget(m_layout->count() - 1, gap);
        m_widgets.append(gap);
    }
    Item item;
    item.dot = new QLabel(this);
    item.text = new QLabel(this);
    item.text->setTextFormat(Qt::RichText); // names are escaped where set
    item.text->setObjectName(name);
    // Before the stretch, so the items stay left-aligned in order.
    m_layout->insertWidget(m_layout->count() - 1, item.dot);
    m_layout->insertWidget(m_layout->count() - 1, item.text);
    m_widgets << item.dot << item.text;
    return item;
}

void HostStatusBar::rebuild()
{
    qDeleteAll(m_widgets);
    m_widgets.clear();
    m_hostItems.clear();
    m_stateItems.clear();
    if (summarised()) {
        for (HostState state : kSummaryOrder)
            m_stateItems.insert(int(state), addItem(QStringLiteral("state:%1").arg(int(state))));
    } else {
        for (const QString &uri : std::as_const(m_order))
            m_hostItems.insert(uri, addItem(QStringLiteral("host:") + uri));
    }
    refresh();
}

void HostStatusBar::refresh()
{
    m_refreshDue = false;
    if (!summarised()) {
        for (auto it = m_hostItems.begin(); it != m_hostItems.end(); ++it)
            showHost(*it, m_status.value(it.key()));
        return;
    }
    QHash<int, QStringList> byState;
    for (const QString &uri : std::as_const(m_order))
        byState[int(m_status.value(uri).state)].append(uri);
    for (auto it = m_stateItems.begin(); it != m_stateItems.end(); ++it)
        showState(*it, HostState(it.key()), byState.value(it.key()));
}

void HostStatusBar::showHost(Item &item, const HostStatus &status)
{
    const int size = fontMetrics().height() - 2;
    item.dot->setPixmap(StateColors::dot(StateColors::forHost(status.state)).pixmap(size, size));
    item.text->setText(
        tr("<b>%1</b> %2")
            .arg(DisplayText::quote(HostUri::displayName(status.uri), 40).toHtmlEscaped(),
                 hostStateName(status.state)));
    const QString tip = plainToolTip(hostToolTip(status));
    item.dot->setToolTip(tip);
    item.text->setToolTip(tip);
}

void HostStatusBar::showState(Item &item, HostState state, const QStringList &uris)
{
    item.dot->setVisible(!uris.isEmpty());
    item.text->setVisible(!uris.isEmpty());
    if (uris.isEmpty())
        return;
    const int size = fontMetrics().height() - 2;
    item.dot->setPixmap(StateColors::dot(StateColors::forHost(state)).pixmap(size, size));
    item.text->setText(
        tr("<b>%1</b> %2").arg(QLocale().toString(uris.size()), hostStateName(state)));
    // Short names and errors cut short: the tooltip of fifty unreachable
    // hosts must still show how many more there are.
    QStringList lines{ tr("%1 (%2):").arg(hostStateName(state), QLocale().toString(uris.size())) };
    for (const QString &uri : uris.first(std::min<qsizetype>(uris.size(), kNamedInTip))) {
        const QString name = DisplayText::quote(uri, 80);
        const QString error = m_status.value(uri).lastError;
        lines.append(error.isEmpty() ? name
                                     : tr("%1: %2").arg(name, DisplayText::quote(error, 100)));
    }
    if (uris.size() > kNamedInTip)
        lines.append(tr("…and %1 more").arg(QLocale().toString(uris.size() - kNamedInTip)));
    const QString tip = plainToolTip(lines.join(u'\n'), 4000);
    item.dot->setToolTip(tip);
    item.text->setToolTip(tip);
}

} // namespace Umbra
