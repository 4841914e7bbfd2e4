#include "hoststatusbar.h"

#include "elidedlabel.h"
#include "engine/engine.h"
#include "fleet/hosturi.h"
#include "statecolors.h"
#include "util/displaytext.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>

namespace Umbra {

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

QString HostStatusBar::itemText(const QString &uri) const
{
    const auto found = m_items.constFind(uri);
    return found == m_items.constEnd() ? QString() : found->text->text();
}

void HostStatusBar::addHost(const QString &uri)
{
    if (m_items.contains(uri))
        return;
    Item item;
    item.dot = new QLabel(this);
    item.text = new QLabel(this);
    item.text->setTextFormat(Qt::RichText); // the name is escaped below
    // Before the stretch, so the items stay left-aligned in insertion order.
    const int at = m_layout->count() - 1;
    if (!m_items.isEmpty()) {
        auto *separator = new QLabel(QStringLiteral("  "), this);
        separator->setObjectName(QStringLiteral("separator:") + uri);
        m_layout->insertWidget(at, separator);
    }
    m_layout->insertWidget(m_layout->count() - 1, item.dot);
    m_layout->insertWidget(m_layout->count() - 1, item.text);
    m_items.insert(uri, item);
    HostStatus status;
    status.uri = uri;
    setStatus(status);
}

void HostStatusBar::removeHost(const QString &uri)
{
    const Item item = m_items.take(uri);
    delete item.dot;
    delete item.text;
    delete findChild<QLabel *>(QStringLiteral("separator:") + uri);
}

void HostStatusBar::setStatus(const HostStatus &status)
{
    const auto found = m_items.find(status.uri);
    if (found == m_items.end())
        return;
    const int size = fontMetrics().height() - 2;
    found->dot->setPixmap(StateColors::dot(StateColors::forHost(status.state)).pixmap(size, size));
    found->text->setText(
        tr("<b>%1</b> %2")
            .arg(DisplayText::quote(HostUri::displayName(status.uri), 40).toHtmlEscaped(),
                 hostStateName(status.state)));

    QString tip = status.uri + u'\n' + tr("State: %1").arg(hostStateName(status.state));
    if (status.since.isValid())
        tip += u'\n' + tr("Since: %1").arg(QLocale().toString(status.since, QLocale::ShortFormat));
    if (!status.lastError.isEmpty())
        tip += u'\n' + tr("Last error: %1").arg(status.lastError);
    if (status.nextRetry.isValid())
        tip += u'\n'
            + tr("Next retry: %1").arg(QLocale().toString(status.nextRetry, QLocale::ShortFormat));
    found->dot->setToolTip(plainToolTip(tip));
    found->text->setToolTip(plainToolTip(tip));
}

} // namespace Umbra
