#pragma once

#include "fleet/hostinfo.h"

#include <QHash>
#include <QList>
#include <QWidget>

class QHBoxLayout;
class QLabel;

namespace Umbra {

class Engine;

// The hosts' connection states in the status bar. A few hosts get an item
// each: a coloured dot, the host's short name and its state, with the last
// error and the next reconnect in the tooltip. A fleet of more hosts than
// fit gets one item per state instead ("● 150 Connected  ● 50 Unreachable"),
// its tooltip naming the hosts in that state: two hundred names in a row
// would be cut off at the window's edge, hiding the ones that matter.
class HostStatusBar : public QWidget
{
    Q_OBJECT

public:
    // Hosts shown one by one; more are summarised by state.
    static constexpr int kHostItems = 6;
    // Hosts a summary's tooltip names.
    static constexpr int kNamedInTip = 15;

    explicit HostStatusBar(Engine *engine, QWidget *parent = nullptr);

    int hostCount() const { return int(m_status.size()); }
    bool summarised() const { return m_status.size() > kHostItems; }
    // A host's item, or in a summary the item of its state.
    QString itemText(const QString &uri) const;
    QString itemToolTip(const QString &uri) const;

private:
    struct Item
    {
        QLabel *dot = nullptr;
        QLabel *text = nullptr;
    };

    void addHost(const QString &uri);
    void removeHost(const QString &uri);
    void setStatus(const HostStatus &status);
    // Rebuilds the items after hosts came or went; updates them otherwise.
    void rebuild();
    void refresh();
    Item addItem(const QString &name);
    void showHost(Item &item, const HostStatus &status);
    void showState(Item &item, HostState state, const QStringList &uris);
    const Item *itemOf(const QString &uri) const;

    QHBoxLayout *m_layout = nullptr;
    QList<QString> m_order; // hosts as they were added
    QHash<QString, HostStatus> m_status;
    QHash<QString, Item> m_hostItems; // by URI, when shown one by one
    QHash<int, Item> m_stateItems; // by HostState, when summarised
    QList<QWidget *> m_widgets; // every item's, and the gaps between them
    bool m_refreshDue = false;
};

} // namespace Umbra
