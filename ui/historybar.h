#pragma once

#include <QPointer>
#include <QTimer>
#include <QWidget>

class QAbstractButton;
class QButtonGroup;
class QLabel;
class QPushButton;

namespace Umbra {

class Engine;

// How far back the charts of a page look. The hour is the live view; the
// longer ranges are read from the store's rollups.
enum class HistoryRange { Hour, Day, Week, Month };

qint64 historySpanMs(HistoryRange range);

// The row above a page's charts: which range they show (a segmented row of
// buttons) and an export of that range's history as CSV. The export runs on
// the store's reader thread; its outcome shows next to the button, and a
// failure also in a message box once it is known.
class HistoryBar : public QWidget
{
    Q_OBJECT

public:
    explicit HistoryBar(Engine *engine, QWidget *parent = nullptr);

    HistoryRange range() const { return m_range; }
    // Selects a range as a click would, emitting rangeChanged() if it changed.
    void setRange(HistoryRange range);
    QAbstractButton *rangeButton(HistoryRange range) const;
    QPushButton *exportButton() const { return m_exportButton; }

    // What an export writes: every series of `entity` ("vm/<uuid>" or
    // "host/<uri>"), offered as "<baseName>-<yyyyMMdd-HHmm>.csv".
    void setExportSource(const QString &entity, const QString &baseName);
    QString defaultExportPath() const;
    // Writes the selected range to `filePath` without asking; the button asks
    // for the path first.
    void exportTo(const QString &filePath);
    bool isExporting() const { return m_exporting; }
    QString statusText() const;

    // "Loading the last 7 days…" for the page header while a range loads.
    static QString loadingText(HistoryRange range);
    // For the page header once a range has loaded: where stored history
    // begins when the range reaches further back, empty when it is full.
    static QString coverageText(qint64 fromMs, qint64 toMs, qint64 earliestMs);
    // The small muted line under a page's charts that says how precisely
    // history is kept and what a long-range chart shows.
    static QLabel *createCaption(const QString &text, QWidget *parent);

Q_SIGNALS:
    void rangeChanged(Umbra::HistoryRange range);
    // Empty on success, otherwise the reason.
    void exportFinished(const QString &error);

private:
    void chooseExportPath();
    void showStatus(const QString &text, const QString &toolTip = {});

    QPointer<Engine> m_engine;
    HistoryRange m_range = HistoryRange::Hour;
    QButtonGroup *m_rangeButtons = nullptr;
    QPushButton *m_exportButton = nullptr;
    QLabel *m_status = nullptr;
    QTimer m_statusTimer;
    QString m_entity;
    QString m_baseName;
    bool m_exporting = false;
};

} // namespace Umbra

Q_DECLARE_METATYPE(Umbra::HistoryRange)
