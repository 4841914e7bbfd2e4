#pragma once

#include "predict/scopedcalendarevent.h"

#include <QDialog>
#include <QPointer>

class QComboBox;
class QDateTimeEdit;
class QLineEdit;
class QPushButton;
class QTableWidget;

namespace Umbra {

class Engine;
class FleetModel;

// The calendar of known events — a sale, a nightly batch window — that the
// forecasts account for: past occurrences are left out of the normal fit and
// their uplift is applied inside future ones. For the whole fleet or one VM
// or host; once or every day or week.
class CalendarDialog : public QDialog
{
    Q_OBJECT

public:
    CalendarDialog(Engine *engine, FleetModel *fleet, QWidget *parent = nullptr);

    QTableWidget *eventsView() const { return m_events; }
    // Fills the form (tests): what Add would then store.
    void setForm(const QString &name, const QString &entity, qint64 startMs, qint64 endMs,
                 Predict::CalendarEvent::Recurrence recurrence);
    void add();

private:
    void showEvents(const QList<ScopedCalendarEvent> &events);
    QString scopeName(const QString &entity) const;

    QPointer<Engine> m_engine;
    QPointer<FleetModel> m_fleet;
    QTableWidget *m_events = nullptr;
    QLineEdit *m_name = nullptr;
    QComboBox *m_scope = nullptr;
    QDateTimeEdit *m_start = nullptr;
    QDateTimeEdit *m_end = nullptr;
    QComboBox *m_recurrence = nullptr;
    QPushButton *m_remove = nullptr;
};

} // namespace Umbra
