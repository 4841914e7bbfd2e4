#include "historybar.h"

#include "engine/engine.h"
#include "util/displaytext.h"

#include <QButtonGroup>
#include <QDateTime>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QPainter>
#include <QPainterPath>
#include <QPushButton>
#include <QStyleOptionFocusRect>
#include <QToolButton>
#include <algorithm>

namespace Umbra {

namespace {

constexpr qint64 kHourMs = 3600 * 1000;
// How long "Saved …" stays next to the button.
constexpr int kStatusMs = 30 * 1000;

// A file name anyone's shell and file manager take as it is.
QString fileNameSafe(const QString &name)
{
    QString safe;
    for (const QChar c : name)
        safe += c.isLetterOrNumber() || c == u'.' || c == u'_' || c == u'-' ? c : QChar(u'-');
    while (safe.startsWith(u'-') || safe.startsWith(u'.'))
        safe.remove(0, 1);
    return safe.isEmpty() ? QStringLiteral("umbra") : safe;
}

// One position of the range control. Fusion draws checkable tool buttons as
// separate buttons whose checked state is hard to tell apart (in the dark
// palette not at all); these join into one rounded bar and fill the chosen
// position with the highlight colour, so the range is read at a glance.
class SegmentButton : public QToolButton
{
public:
    enum class Position { First, Middle, Last };

    SegmentButton(Position position, QWidget *parent)
        : QToolButton(parent)
        , m_position(position)
    {
        setAttribute(Qt::WA_Hover);
        setCursor(Qt::PointingHandCursor);
    }

    QSize sizeHint() const override
    {
        const QFontMetrics metrics(font());
        return { metrics.horizontalAdvance(text()) + 2 * metrics.averageCharWidth() + 10,
                 metrics.height() + 10 };
    }
    QSize minimumSizeHint() const override { return sizeHint(); }

protected:
    void paintEvent(QPaintEvent *) override
    {
        QStyleOption option;
        option.initFrom(this);
        const QPalette &pal = option.palette;
        QPainter painter(this);
        painter.setRenderHint(QPainter::Antialiasing);

        // Rounded only on the bar's outer ends: the inner sides of the shape
        // reach past the clip, so they are cut off square.
        const qreal radius = 4;
        const QRectF bounds = QRectF(rect()).adjusted(0.5, 0.5, -0.5, -0.5);
        QRectF shape = bounds;
        if (m_position != Position::First)
            shape.setLeft(shape.left() - 2 * radius);
        if (m_position != Position::Last)
            shape.setRight(shape.right() + 2 * radius);
        painter.setClipRect(rect());

        const bool checked = isChecked();
        QColor fill = pal.color(checked ? QPalette::Highlight : QPalette::Button);
        if (isDown())
            fill = fill.darker(112);
        else if (!checked && (option.state & QStyle::State_MouseOver))
            fill = pal.color(QPalette::Midlight);
        painter.setPen(QPen(pal.color(QPalette::Mid), 1));
        painter.setBrush(fill);
        painter.drawRoundedRect(shape, radius, radius);
        if (m_position != Position::First)
            painter.drawLine(bounds.topLeft(), bounds.bottomLeft());

        painter.setPen(pal.color(checked ? QPalette::HighlightedText : QPalette::ButtonText));
        painter.drawText(rect(), Qt::AlignCenter, text());

        if (option.state & QStyle::State_HasFocus) {
            QStyleOptionFocusRect focus;
            focus.initFrom(this);
            focus.rect = rect().adjusted(3, 3, -3, -3);
            style()->drawPrimitive(QStyle::PE_FrameFocusRect, &focus, &painter, this);
        }
    }

private:
    Position m_position;
};

} // namespace

qint64 historySpanMs(HistoryRange range)
{
    switch (range) {
    case HistoryRange::Hour:
        return kHourMs;
    case HistoryRange::Day:
        return 24 * kHourMs;
    case HistoryRange::Week:
        return 7 * 24 * kHourMs;
    case HistoryRange::Month:
        return 30 * 24 * kHourMs;
    }
    return kHourMs;
}

HistoryBar::HistoryBar(Engine *engine, QWidget *parent)
    : QWidget(parent)
    , m_engine(engine)
    , m_rangeButtons(new QButtonGroup(this))
    , m_exportButton(new QPushButton(tr("Export CSV…"), this))
    , m_status(new QLabel(this))
{
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);

    const struct
    {
        HistoryRange range;
        QString text;
        QString toolTip;
    } ranges[] = {
        { HistoryRange::Hour, tr("1 hour"), tr("The last hour, updated with every sample") },
        { HistoryRange::Day, tr("1 day"),
          tr("The last 24 hours from stored history, updated every minute") },
        { HistoryRange::Week, tr("7 days"),
          tr("The last 7 days from stored history, updated every minute") },
        { HistoryRange::Month, tr("30 days"),
          tr("The last 30 days from stored history, updated every minute") },
    };
    // One row of joined buttons reads as one control with four positions.
    for (const auto &entry : ranges) {
        const auto position = entry.range == HistoryRange::Hour ? SegmentButton::Position::First
            : entry.range == HistoryRange::Month                ? SegmentButton::Position::Last
                                                                : SegmentButton::Position::Middle;
        auto *button = new SegmentButton(position, this);
        button->setText(entry.text);
        button->setToolTip(entry.toolTip);
        button->setCheckable(true);
        button->setChecked(entry.range == m_range);
        button->setFocusPolicy(Qt::TabFocus);
        m_rangeButtons->addButton(button, int(entry.range));
        layout->addWidget(button);
    }
    m_rangeButtons->setExclusive(true);
    connect(m_rangeButtons, &QButtonGroup::idClicked, this,
            [this](int id) { setRange(HistoryRange(id)); });

    layout->addStretch(1);
    m_status->setForegroundRole(QPalette::PlaceholderText);
    m_status->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    layout->addWidget(m_status);
    layout->addSpacing(10);
    m_exportButton->setToolTip(
        tr("Save the raw samples of every metric in the selected range as a CSV file (times in "
           "UTC). The store keeps raw samples for 48 hours unless configured otherwise, so a "
           "longer range holds its most recent part."));
    m_exportButton->setEnabled(false);
    connect(m_exportButton, &QPushButton::clicked, this, &HistoryBar::chooseExportPath);
    layout->addWidget(m_exportButton);

    m_statusTimer.setSingleShot(true);
    m_statusTimer.setInterval(kStatusMs);
    connect(&m_statusTimer, &QTimer::timeout, m_status, &QLabel::clear);
}

void HistoryBar::setRange(HistoryRange range)
{
    if (QAbstractButton *button = m_rangeButtons->button(int(range));
        button && !button->isChecked())
        button->setChecked(true);
    if (range == m_range)
        return;
    m_range = range;
    Q_EMIT rangeChanged(range);
}

QAbstractButton *HistoryBar::rangeButton(HistoryRange range) const
{
    return m_rangeButtons->button(int(range));
}

void HistoryBar::setExportSource(const QString &entity, const QString &baseName)
{
    if (entity != m_entity) {
        // "Saved …" was about the previous VM or host.
        m_status->clear();
        m_status->setToolTip({});
    }
    m_entity = entity;
    m_baseName = baseName;
    m_exportButton->setEnabled(!m_entity.isEmpty() && !m_exporting);
}

QString HistoryBar::defaultExportPath() const
{
    const QString name
        = QStringLiteral("%1-%2.csv")
              .arg(fileNameSafe(m_baseName),
                   QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmm")));
    return QDir::home().filePath(name);
}

void HistoryBar::chooseExportPath()
{
    // The file dialog is the one modal step; the export itself runs in the background.
    const QString path = QFileDialog::getSaveFileName(this, tr("Export History as CSV"),
                                                      defaultExportPath(), tr("CSV files (*.csv)"));
    if (!path.isEmpty())
        exportTo(path);
}

void HistoryBar::exportTo(const QString &filePath)
{
    if (!m_engine || m_entity.isEmpty() || m_exporting)
        return;
    m_exporting = true;
    m_exportButton->setEnabled(false);
    showStatus(tr("Exporting…"));
    m_statusTimer.stop();

    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    auto *watcher = new QFutureWatcher<QString>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, filePath] {
        watcher->deleteLater();
        const QString error = watcher->future().resultCount() > 0 ? watcher->result()
                                                                  : tr("The export was cancelled.");
        m_exporting = false;
        m_exportButton->setEnabled(!m_entity.isEmpty());
        const QString shown = QDir::toNativeSeparators(filePath);
        if (error.isEmpty()) {
            showStatus(tr("Saved %1").arg(QFileInfo(filePath).fileName()), shown);
            m_statusTimer.start();
        } else {
            showStatus(tr("Export failed"), error);
            auto *box = new QMessageBox(QMessageBox::Warning, tr("Export Failed"),
                                        tr("The history could not be saved to %1.").arg(shown),
                                        QMessageBox::Ok, window());
            box->setTextFormat(Qt::PlainText);
            box->setInformativeText(DisplayText::quote(error, 500));
            // The error may quote a path or a message of anyone's making.
            if (auto *informative
                = box->findChild<QLabel *>(QStringLiteral("qt_msgbox_informativelabel")))
                informative->setTextFormat(Qt::PlainText);
            box->setAttribute(Qt::WA_DeleteOnClose);
            // open(), not exec(): the console keeps running while it is shown.
            box->open();
        }
        Q_EMIT exportFinished(error);
    });
    watcher->setFuture(
        m_engine->history()->exportCsv(m_entity, now - historySpanMs(m_range), now, filePath));
}

QString HistoryBar::loadingText(HistoryRange range)
{
    switch (range) {
    case HistoryRange::Hour:
        break;
    case HistoryRange::Day:
        return tr("Loading the last 24 hours…");
    case HistoryRange::Week:
        return tr("Loading the last 7 days…");
    case HistoryRange::Month:
        return tr("Loading the last 30 days…");
    }
    return tr("Loading the last hour…");
}

QString HistoryBar::coverageText(qint64 fromMs, qint64 toMs, qint64 earliestMs)
{
    if (earliestMs == 0)
        return tr("No history is stored for this range yet");
    // A pixel or two of missing start is not worth a word.
    if (earliestMs - fromMs <= (toMs - fromMs) / 50)
        return {};
    return tr("Stored history begins %1")
        .arg(QLocale().toString(QDateTime::fromMSecsSinceEpoch(earliestMs), QLocale::ShortFormat));
}

QLabel *HistoryBar::createCaption(const QString &text, QWidget *parent)
{
    auto *caption = new QLabel(text, parent);
    caption->setWordWrap(true);
    caption->setForegroundRole(QPalette::PlaceholderText);
    QFont small = caption->font();
    small.setPointSizeF(std::max(7.0, small.pointSizeF() - 1));
    caption->setFont(small);
    return caption;
}

QString HistoryBar::statusText() const
{
    return m_status->text();
}

void HistoryBar::showStatus(const QString &text, const QString &toolTip)
{
    m_status->setText(text);
    m_status->setToolTip(toolTip);
}

} // namespace Umbra
