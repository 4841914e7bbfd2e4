#include "demobanner.h"

#include <QHBoxLayout>
#include <QLabel>

namespace Umbra {

DemoBanner::DemoBanner(QWidget *parent)
    : QFrame(parent)
{
    setObjectName(QStringLiteral("demoBanner"));
    // Fixed amber on dark text, independent of the theme: it must stand out in both.
    setStyleSheet(
        QStringLiteral("#demoBanner { background: #f6c343; border-bottom: 1px solid #c99a10; }"
                       "#demoBanner QLabel { color: #2b2100; }"));
    auto *badge = new QLabel(tr("DEMO"), this);
    QFont bold = badge->font();
    bold.setBold(true);
    badge->setFont(bold);
    badge->setStyleSheet(QStringLiteral("QLabel { border: 1px solid #2b2100; border-radius: 3px; "
                                        "padding: 0px 6px; }"));
    auto *text = new QLabel(tr("The usage shown is simulated by Umbra's workload generator on "
                               "libvirt's test driver. No real virtual machines are measured."),
                            this);
    text->setWordWrap(true);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(10, 5, 10, 5);
    layout->setSpacing(10);
    layout->addWidget(badge);
    layout->addWidget(text, 1);
}

} // namespace Umbra
