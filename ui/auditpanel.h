#pragma once

#include "jobs/audittrail.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QTableWidget;
class QTimer;

namespace Umbra {

// The Audit view: the audit trail of the console's database — every
// proposal, decision and execution, who made it, and the plan it concerned
// — filtered by VM, action, actor and time, exported to CSV or JSON, with
// a check of its chain of hashes. Reads on a worker thread; refreshed while
// shown.
class AuditPanel : public QWidget
{
    Q_OBJECT

public:
    explicit AuditPanel(QString databasePath, QWidget *parent = nullptr);

    QTableWidget *table() const { return m_table; }
    const QList<Jobs::AuditRecord> &records() const { return m_records; }
    QString verdict() const;
    // Reads the trail again with the filters as set.
    void reload();
    // Walks the chain; the verdict shows beside the buttons.
    void verify();
    void setSubjectFilter(const QString &subject);
    Result<void> exportTo(const QString &path) const; // .json, else CSV

Q_SIGNALS:
    void reloaded();
    void verified();

protected:
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    void fill(const QList<Jobs::AuditRecord> &records, const QString &error);
    void exportAs();
    void say(const QString &text);

    QString m_path;
    QList<Jobs::AuditRecord> m_records;
    QLineEdit *m_subject = nullptr;
    QComboBox *m_action = nullptr;
    QComboBox *m_span = nullptr;
    QTableWidget *m_table = nullptr;
    QLabel *m_verdict = nullptr;
    QTimer *m_refresh = nullptr;
    bool m_loading = false;
    bool m_reloadAgain = false;
};

} // namespace Umbra
