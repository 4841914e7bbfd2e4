#include "demobanner.h"

#include <QHBoxLayout>
#include <QLabel>

namespace Umbra {

Banner::Banner(const QString &badgeText, const QString &text, QWidget *parent)
    : QFrame(parent)
{
    setObjectName(QStringLiteral("demoBanner"));
    // Fixed amber on dark text, independent of the theme: it must stand out in both.
    setStyleSheet(
        QStringLiteral("#demoBanner { background: #f6c343; border-bottom: 1px solid #c99a10; }"
                       "#demoBanner QLabel { color: #2b2100; }"));
    auto *badge = new QLabel(badgeText, this);
    QFont bold = badge->font();
    bold.setBold(true);
    badge->setFont(bold);
    badge->setStyleSheet(QStringLiteral("QLabel { border: 1px solid #2b2100; border-radius: 3px; "
                                        "padding: 0px 6px; }"));
    auto *label = new QLabel(text, this);
    label->setTextFormat(Qt::PlainText); // may name a file
    label->setWordWrap(true);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(10, 5, 10, 5);
    layout->setSpacing(10);
    layout->addWidget(badge);
    layout->addWidget(label, 1);
}

DemoBanner::DemoBanner(QWidget *parent)
    : Banner(tr("DEMO"),
             tr("The usage shown is simulated by Umbra's workload generator on "
                "libvirt's test driver. No real virtual machines are measured."),
             parent)
{ }

ReadOnlyBanner::ReadOnlyBanner(const QString &databasePath, QWidget *parent)
    : Banner(tr("READ-ONLY"),
             tr("%1 is damaged and open read-only: its history is shown, but nothing new is "
                "stored and migrations are off. Run Umbra on a sound file to collect again.")
                 .arg(databasePath),
             parent)
{ }

} // namespace Umbra
