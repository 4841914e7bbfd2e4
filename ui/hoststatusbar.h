#pragma once

#include "fleet/hostinfo.h"

#include <QHash>
#include <QWidget>

class QHBoxLayout;
class QLabel;

namespace Umbra {

class Engine;

// One small item per host for the status bar: a coloured dot, the host's short
// name and its connection state; the tooltip carries the last error and when
// the next reconnect is due.
class HostStatusBar : public QWidget
{
    Q_OBJECT

public:
    explicit HostStatusBar(Engine *engine, QWidget *parent = nullptr);

    int hostCount() const { return int(m_items.size()); }
    QString itemText(const QString &uri) const;

private:
    struct Item
    {
        QLabel *dot = nullptr;
        QLabel *text = nullptr;
    };

    void addHost(const QString &uri);
    void removeHost(const QString &uri);
    void setStatus(const HostStatus &status);

    QHBoxLayout *m_layout = nullptr;
    QHash<QString, Item> m_items;
};

} // namespace Umbra
