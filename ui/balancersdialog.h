#pragma once

#include <QDialog>
#include <QPointer>

class QLabel;
class QLineEdit;
class QPushButton;
class QTreeWidget;

namespace Umbra {

namespace Traffic {
class TrafficService;
}

// The load balancers Umbra drives: HAProxy instances reached on their runtime
// API, by a Unix socket path or host:port. Add or replace one by name, remove
// one, and Test a socket before relying on it: it must answer, be HAProxy,
// and grant the admin level that changing weights needs. The service stores
// them in the database.
class BalancersDialog : public QDialog
{
    Q_OBJECT

public:
    explicit BalancersDialog(Traffic::TrafficService *traffic, QWidget *parent = nullptr);

    QLineEdit *nameEdit() const { return m_name; }
    QLineEdit *addressEdit() const { return m_address; }
    QTreeWidget *list() const { return m_list; }
    // What the dialog says under the fields: a form error or the Test's answer.
    QString statusText() const;
    bool lastTestPassed() const { return m_lastTestPassed; }

    // The buttons' actions: each returns false and says why when it cannot.
    bool saveFromFields();
    bool testFields();
    void removeSelected();

Q_SIGNALS:
    // A Test has been answered.
    void tested(bool ok);

private:
    void reload();
    void fillFieldsFromSelection();
    void showStatus(const QString &text, bool error);
    void updateButtons();

    QPointer<Traffic::TrafficService> m_traffic;
    QTreeWidget *m_list = nullptr;
    QLineEdit *m_name = nullptr;
    QLineEdit *m_address = nullptr;
    QLabel *m_status = nullptr;
    QPushButton *m_save = nullptr;
    QPushButton *m_test = nullptr;
    QPushButton *m_remove = nullptr;
    QString m_testing; // the name of the balancer being tested
    bool m_lastTestPassed = false;
};

} // namespace Umbra
